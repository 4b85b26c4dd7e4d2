"""supportkit: turn "it doesn't work" into a ticket an engineer can act on.

Collect → redact → seal → deliver. Start with :class:`Reporter`::

    import supportkit

    reporter = supportkit.Reporter("invoicer", "2.4.1")
    bundle = reporter.capture("Export does nothing", steps=["Open an invoice", "Click Export"])
    receipt = reporter.send(bundle)

Importing supportkit is cheap: everything beyond the errors loads on first use.
"""

from __future__ import annotations

import importlib

from supportkit.exceptions import (
    BundleError,
    BundleFormatError,
    BundleWriteError,
    CollectorUnavailable,
    ContactError,
    DeliveryError,
    InvalidArgumentError,
    PluginLoadError,
    SupportkitError,
)

# `typing` alone costs more than the whole import budget, so it is not imported at run time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from supportkit._breadcrumbs import BreadcrumbRing, breadcrumb
    from supportkit._config import Destination
    from supportkit._fanout import Delivery
    from supportkit._log_buffer import LogBufferHandler, install_log_buffer, uninstall_log_buffer
    from supportkit._priority import PriorityLevel, PriorityMatrix
    from supportkit._reporter import Reporter
    from supportkit.bundle import SealedBundle, read_bundle
    from supportkit.collectors import CaptureContext, Collector, PendingAttachment, Section
    from supportkit.models import Receipt, Report
    from supportkit.transports import FileTransport, Transport

__all__ = [
    "BreadcrumbRing",
    "BundleError",
    "BundleFormatError",
    "BundleWriteError",
    "CaptureContext",
    "Collector",
    "CollectorUnavailable",
    "ContactError",
    "Delivery",
    "DeliveryError",
    "Destination",
    "FileTransport",
    "InvalidArgumentError",
    "LogBufferHandler",
    "PendingAttachment",
    "PluginLoadError",
    "PriorityLevel",
    "PriorityMatrix",
    "Receipt",
    "Report",
    "Reporter",
    "SealedBundle",
    "Section",
    "SupportkitError",
    "Transport",
    "__version__",
    "breadcrumb",
    "install_log_buffer",
    "read_bundle",
    "uninstall_log_buffer",
]

_LAZY = {
    "BreadcrumbRing": "supportkit._breadcrumbs",
    "breadcrumb": "supportkit._breadcrumbs",
    "CaptureContext": "supportkit.collectors",
    "Collector": "supportkit.collectors",
    "Delivery": "supportkit._fanout",
    "Destination": "supportkit._config",
    "FileTransport": "supportkit.transports",
    "LogBufferHandler": "supportkit._log_buffer",
    "PendingAttachment": "supportkit.collectors",
    "PriorityLevel": "supportkit._priority",
    "PriorityMatrix": "supportkit._priority",
    "Receipt": "supportkit.models",
    "Report": "supportkit.models",
    "Reporter": "supportkit._reporter",
    "SealedBundle": "supportkit.bundle",
    "Section": "supportkit.collectors",
    "Transport": "supportkit.transports",
    "install_log_buffer": "supportkit._log_buffer",
    "read_bundle": "supportkit.bundle",
    "uninstall_log_buffer": "supportkit._log_buffer",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("supportkit")
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'supportkit' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
