"""The transport extension point: how a sealed bundle reaches the people who can act on it."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, ClassVar

from supportkit.exceptions import InvalidArgumentError

if TYPE_CHECKING:
    from supportkit.bundle import SealedBundle
    from supportkit.models import Receipt


def _nothing() -> None:
    return None


@dataclass
class DeliveryContext:
    """What the outbox hands a transport for one delivery attempt.

    ``state`` survives between attempts (and process crashes): a transport records progress
    there — an upload token, the remote ticket id — and calls ``checkpoint()`` right after each
    step that changed something remotely, so a retry resumes at the step that failed and never
    creates a second ticket.
    """

    idempotency_key: str
    state: dict[str, str] = field(default_factory=dict)
    attempt: int = 1
    checkpoint: Callable[[], None] = _nothing
    progress: Callable[[int, int], None] | None = None
    """Called with (bytes sent, bytes in all) during long uploads, if the caller shows progress."""


class Transport(ABC):
    """Delivers sealed bundles somewhere and says where they landed.

    ``send`` takes a :class:`~supportkit.bundle.SealedBundle` only: a bundle is sealed after
    collection and redaction, so nothing unsealed can be delivered. Delivering the same bundle
    twice must not create a second ticket. Failures raise
    :class:`~supportkit.exceptions.DeliveryError` with a message that says what to do.

    Example::

        class Intranet(Transport):
            name = "intranet"

            def send(self, bundle, context=None) -> Receipt:
                ticket = upload(bundle.path)
                return Receipt(report_id=bundle.report.id, ticket_id=ticket.id, ...)
    """

    name: ClassVar[str]
    schemes: ClassVar[tuple[str, ...]] = ()
    """URL schemes that name this transport, e.g. ``("smtp", "smtps")``."""
    concurrent_sends: ClassVar[bool] = False
    """Whether one instance's :meth:`send` may run in several threads at once. The outbox
    then delivers entries to its destination in parallel; otherwise one at a time, in order."""

    @classmethod
    def from_url(cls, url: str) -> Transport:
        """A transport configured from a destination URL; credentials come from elsewhere."""
        msg = f"the {cls.name} transport cannot be configured from a URL ({url!r})"
        raise InvalidArgumentError(msg)

    @property
    def destination(self) -> str:
        """Where this transport delivers, for receipts and history (never with credentials)."""
        return self.name

    @abstractmethod
    def send(self, bundle: SealedBundle, context: DeliveryContext | None = None) -> Receipt:
        """Deliver ``bundle``; return the receipt.

        ``context`` comes from the outbox; a direct call passes none, and the transport then
        uses ``bundle.report.id`` as the idempotency key and keeps no state.
        """

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
