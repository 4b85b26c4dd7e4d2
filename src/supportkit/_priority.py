"""Priority from urgency × impact, in the manner of ITIL's priority matrix."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Literal, get_args

from supportkit.exceptions import InvalidArgumentError

if TYPE_CHECKING:
    from supportkit.models import Priority

Level = Literal["low", "medium", "high"]
LEVELS: tuple[Level, ...] = get_args(Level)


@dataclass(frozen=True)
class PriorityLevel:
    """One cell's outcome: level 1 is the most urgent."""

    level: int
    name: str
    target_response: timedelta


_CRITICAL = PriorityLevel(1, "critical", timedelta(hours=1))
_HIGH = PriorityLevel(2, "high", timedelta(hours=4))
_MODERATE = PriorityLevel(3, "moderate", timedelta(hours=8))
_LOW = PriorityLevel(4, "low", timedelta(days=1))
_PLANNING = PriorityLevel(5, "planning", timedelta(weeks=1))

DEFAULT_CELLS: Mapping[tuple[Level, Level], PriorityLevel] = {
    ("high", "high"): _CRITICAL,
    ("high", "medium"): _HIGH,
    ("medium", "high"): _HIGH,
    ("high", "low"): _MODERATE,
    ("medium", "medium"): _MODERATE,
    ("low", "high"): _MODERATE,
    ("medium", "low"): _LOW,
    ("low", "medium"): _LOW,
    ("low", "low"): _PLANNING,
}


@dataclass(frozen=True)
class PriorityMatrix:
    """Maps (urgency, impact) to a priority; a host passes its own ``cells`` to override."""

    cells: Mapping[tuple[Level, Level], PriorityLevel] = field(
        default_factory=lambda: DEFAULT_CELLS
    )

    def __post_init__(self) -> None:
        missing = [cell for cell in _all_cells() if cell not in self.cells]
        if missing:
            msg = f"priority matrix has no entry for (urgency, impact) {missing}; give all nine"
            raise InvalidArgumentError(msg)

    def priority(self, urgency: str, impact: str) -> Priority:
        """The priority for this urgency and impact."""
        from supportkit.models import Priority  # noqa: PLC0415  (pydantic loads on first capture)

        urgency_level = parse_level("urgency", urgency)
        impact_level = parse_level("impact", impact)
        outcome = self.cells[(urgency_level, impact_level)]
        return Priority(
            urgency=urgency_level,
            impact=impact_level,
            level=outcome.level,
            name=outcome.name,
            target_response=outcome.target_response,
            matrix="default" if self.cells is DEFAULT_CELLS else "custom",
        )


def parse_level(field_name: str, value: str) -> Level:
    """Accept 'low' / 'medium' / 'high' in any case; anything else is a clear error."""
    normalised = value.strip().lower()
    if normalised not in LEVELS:
        msg = f"{field_name} must be one of {', '.join(LEVELS)}; got {value!r}"
        raise InvalidArgumentError(msg)
    return normalised


def _all_cells() -> list[tuple[Level, Level]]:
    return [(urgency, impact) for urgency in LEVELS for impact in LEVELS]
