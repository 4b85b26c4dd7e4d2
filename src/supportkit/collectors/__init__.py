"""Collectors gather one kind of data each; register more under ``supportkit.collectors``."""

from __future__ import annotations

from supportkit.collectors._base import CaptureContext, Collector, PendingAttachment, Section

__all__ = ["CaptureContext", "Collector", "PendingAttachment", "Section"]
