"""Transports deliver sealed bundles; register more under ``supportkit.transports``."""

from __future__ import annotations

from supportkit.transports._base import Transport
from supportkit.transports.file import FileTransport

__all__ = ["FileTransport", "Transport"]
