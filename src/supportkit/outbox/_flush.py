"""What a flush did, and the transports it keeps open while it runs."""

from __future__ import annotations

import contextlib
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
    """One transport per destination for the length of a flush, closed at its end."""

    def __init__(self, factory: TransportFactory | None) -> None:
        self._factory = factory
        self._made: dict[str, Transport] = {}

    def get(self, destination: str) -> Transport:
        made = self._made.get(destination)
        if made is None:
            if self._factory is None:
                from supportkit.transports import transport_for  # noqa: PLC0415

                self._factory = transport_for
            made = self._made[destination] = self._factory(destination)
        return made

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
