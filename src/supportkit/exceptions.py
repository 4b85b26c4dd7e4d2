"""The errors supportkit raises, all rooted in :class:`SupportkitError`.

::

    SupportkitError
    ├── InvalidArgumentError (ValueError)   an argument supportkit cannot use
    │   └── ContactError                    an email address or phone number that does not validate
    ├── CollectorUnavailable                a collector cannot run here: recorded as skipped
    ├── PluginLoadError                     an entry point the caller named cannot be loaded
    ├── BundleError
    │   ├── BundleWriteError (OSError)      the bundle cannot be written where asked
    │   └── BundleFormatError (ValueError)  not a bundle, corrupt, tampered with, or hostile
    └── DeliveryError                       a transport could not deliver a bundle

Capture never raises for a collector's failure: only invalid arguments and an unwritable
destination reach the caller. Messages say what to do next.
"""

from __future__ import annotations

__all__ = [
    "BundleError",
    "BundleFormatError",
    "BundleWriteError",
    "CollectorUnavailable",
    "ContactError",
    "DeliveryError",
    "InvalidArgumentError",
    "PluginLoadError",
    "SupportkitError",
]


class SupportkitError(Exception):
    """Base of every error supportkit raises on purpose."""


class InvalidArgumentError(SupportkitError, ValueError):
    """A caller passed an argument supportkit cannot use."""


class ContactError(InvalidArgumentError):
    """A contact field failed validation; ``field`` names it (``"email"`` or ``"phone"``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"contact {field}: {message}")
        self.field = field


class CollectorUnavailable(SupportkitError):  # noqa: N818  (a signal, not a failure)
    """Raised by a collector that cannot run here; the capture records it as skipped."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class PluginLoadError(SupportkitError):
    """An entry point the caller asked for by name could not be loaded."""


class BundleError(SupportkitError):
    """Something is wrong with a bundle file."""


class BundleWriteError(BundleError, OSError):
    """The bundle could not be written to the requested place."""


class BundleFormatError(BundleError, ValueError):
    """The file is not a valid, intact supportkit bundle, or is a hostile archive."""


class DeliveryError(SupportkitError):
    """A transport could not deliver a bundle."""
