"""What a flush did, the transports it keeps open while it runs, and its parallel senders."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from supportkit.outbox._store import OutboxEntry
    from supportkit.transports import Transport

TransportFactory = Callable[[str], "Transport"]
Outcome = Literal["delivered", "retrying", "dead", "busy", "skipped"]


@dataclass(frozen=True)
class FlushResult:
    """What one flush did. Entries appear under their latest outcome in this flush."""

    delivered: tuple[OutboxEntry, ...] = ()
    retrying: tuple[OutboxEntry, ...] = ()
    """Failed for now; still pending, with the time of their next attempt."""
    dead: tuple[OutboxEntry, ...] = ()
    """Moved to the dead-letter state during this flush."""
    busy: tuple[str, ...] = ()
    """Entry ids another process or thread was delivering: skipped, not sent twice."""
    waiting: int = 0
    """Pending entries not yet due (backing off) when the flush ended."""
    next_attempt_at: float | None = None
    """When the earliest of those is due, if any."""
    timed_out: bool = False
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Nothing failed during this flush."""
        return not self.retrying and not self.dead


class TransportCache:
    """One transport per destination for the length of a flush, closed at its end.

    Thread-safe: parallel senders share the one transport of their destination.
    """

    def __init__(self, factory: TransportFactory | None) -> None:
        self._factory = factory
        self._made: dict[str, Transport] = {}
        self._lock = threading.Lock()

    def get(self, destination: str) -> Transport:
        with self._lock:
            made = self._made.get(destination)
            if made is None:
                if self._factory is None:
                    from supportkit.transports import transport_for  # noqa: PLC0415

                    self._factory = transport_for
                made = self._made[destination] = self._factory(destination)
            return made

    def sends_concurrently(self, destination: str) -> bool:
        """Whether the destination's transport may send from several threads at once."""
        try:
            return bool(self.get(destination).concurrent_sends)
        except Exception:  # noqa: BLE001  (the attempt itself reports an unusable transport)
            return False

    def __enter__(self) -> TransportCache:
        return self

    def __exit__(self, *_: object) -> None:
        for transport in self._made.values():
            with contextlib.suppress(Exception):
                transport.close()


@dataclass
class FlushRun:
    """What a flush has done so far."""

    deadline: float | None
    outcomes: dict[str, tuple[Outcome, OutboxEntry]] = field(default_factory=dict)
    busy: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    timed_out: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    """Held while a sender records what it did."""

    def result(self, waiting: list[OutboxEntry], next_due: float | None) -> FlushResult:
        def of(kind: Outcome) -> tuple[OutboxEntry, ...]:
            return tuple(e for outcome, e in self.outcomes.values() if outcome == kind)

        delivered = of("delivered")
        return FlushResult(
            delivered=delivered,
            retrying=of("retrying"),
            dead=of("dead"),
            busy=tuple(sorted(self.busy - {e.entry_id for e in delivered})),
            waiting=len(waiting),
            next_attempt_at=next_due,
            timed_out=self.timed_out,
            problems=tuple(self.problems),
        )


def run_lanes(
    lanes: list[list[OutboxEntry]], senders: int, attempt: Callable[[OutboxEntry], bool]
) -> None:
    """Attempt every lane's entries in order, up to ``senders`` lanes at once.

    The calling thread is one of the senders, so a flush never depends on starting threads
    (which fails while the interpreter exits, when the background worker's last flush runs).
    ``attempt`` returns False to stop its sender (the deadline passed). The first exception
    stops every sender from starting another lane and is raised once they are all done.
    """
    remaining = iter(lanes)
    guard = threading.Lock()
    failures: list[BaseException] = []

    def send() -> None:
        while True:
            with guard:
                lane = None if failures else next(remaining, None)
            if lane is None:
                return
            try:
                for entry in lane:
                    if not attempt(entry):
                        return
            except BaseException as exc:  # noqa: BLE001  (raised again in the flushing thread)
                with guard:
                    failures.append(exc)
                return

    helpers: list[threading.Thread] = []
    for _ in range(min(senders, len(lanes)) - 1):
        helper = threading.Thread(target=send, name="supportkit-outbox-sender", daemon=True)
        try:
            helper.start()
        except RuntimeError:
            break  # the interpreter is exiting: fewer senders
        helpers.append(helper)
    send()
    for helper in helpers:
        helper.join()
    if failures:
        raise failures[0]
