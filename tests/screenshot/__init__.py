"""Tests of supportkit.screenshot on a real X display."""
