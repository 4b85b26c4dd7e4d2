"""Transports deliver sealed bundles; register more under ``supportkit.transports``."""

from __future__ import annotations

from supportkit.transports._base import DeliveryContext, Transport
from supportkit.transports._url import transport_for
from supportkit.transports.file import FileTransport

__all__ = ["DeliveryContext", "FileTransport", "Transport", "transport_for"]
