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
        ├── TransientDeliveryError          worth retrying later (network, timeout, 429, 5xx)
        ├── PermanentDeliveryError          retrying cannot help (400/401/403/404/413/422)
        └── OutboxError                     the outbox cannot be read, written or locked

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
    "OutboxError",
    "PermanentDeliveryError",
    "PluginLoadError",
    "SupportkitError",
    "TransientDeliveryError",
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


class TransientDeliveryError(DeliveryError):
    """Delivery failed in a way a later retry may fix.

    ``retry_after`` is how many seconds the destination asked us to wait, when it said.
    """

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PermanentDeliveryError(DeliveryError):
    """The destination refused the bundle; retrying the same request cannot succeed.

    ``status`` is the destination's status code where there is one.
    """

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class OutboxError(DeliveryError):
    """The outbox on this machine cannot be read, written or locked."""
