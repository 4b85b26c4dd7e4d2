"""The transport extension point: how a sealed bundle reaches the people who can act on it."""

from __future__ import annotations

from abc import ABC, abstractmethod
from types import TracebackType
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from supportkit.bundle import SealedBundle
    from supportkit.models import Receipt


class Transport(ABC):
    """Delivers sealed bundles somewhere and says where they landed.

    ``send`` takes a :class:`~supportkit.bundle.SealedBundle` only: a bundle is sealed after
    collection and redaction, so nothing unsealed can be delivered. Delivering the same bundle
    twice must not create a second ticket. Failures raise
    :class:`~supportkit.exceptions.DeliveryError` with a message that says what to do.

    Example::

        class Intranet(Transport):
            name = "intranet"

            def send(self, bundle: SealedBundle) -> Receipt:
                ticket = upload(bundle.path)
                return Receipt(report_id=bundle.report.id, ticket_id=ticket.id, ...)
    """

    name: ClassVar[str]

    @property
    def destination(self) -> str:
        """Where this transport delivers, for receipts and history (never with credentials)."""
        return self.name

    @abstractmethod
    def send(self, bundle: SealedBundle) -> Receipt:
        """Deliver ``bundle``; return the receipt."""

    def close(self) -> None:  # noqa: B027  (an optional hook: most transports hold nothing)
        """Release connections or files; the default holds none."""

    def __enter__(self) -> Transport:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
