"""Tests against real Redmine and Request Tracker servers."""
