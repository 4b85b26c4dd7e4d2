"""Priority comes from urgency × impact through a matrix the host may replace."""

from __future__ import annotations

from datetime import timedelta

import pytest

from supportkit import InvalidArgumentError, PriorityLevel, PriorityMatrix
from supportkit._priority import DEFAULT_CELLS, LEVELS


@pytest.mark.parametrize(
    ("urgency", "impact", "level", "name"),
    [
        ("high", "high", 1, "critical"),
        ("high", "medium", 2, "high"),
        ("medium", "high", 2, "high"),
        ("medium", "medium", 3, "moderate"),
        ("low", "medium", 4, "low"),
        ("low", "low", 5, "planning"),
    ],
)
def test_default_matrix(urgency: str, impact: str, level: int, name: str) -> None:
    """The default matrix gives the ITIL-style level for each combination."""
    priority = PriorityMatrix().priority(urgency, impact)
    assert (priority.level, priority.name, priority.matrix) == (level, name, "default")


def test_more_urgency_never_lowers_priority() -> None:
    """Raising urgency or impact never makes a report less urgent."""
    matrix = PriorityMatrix()
    for urgency in LEVELS:
        for impact in LEVELS:
            level = matrix.priority(urgency, impact).level
            for higher in LEVELS[LEVELS.index(urgency) :]:
                assert matrix.priority(higher, impact).level <= level


def test_levels_are_read_case_insensitively() -> None:
    """'High' and ' high ' mean high."""
    assert PriorityMatrix().priority(" High", "HIGH").level == 1


def test_unknown_level_is_a_clear_error() -> None:
    """An unknown urgency names the field and the allowed values."""
    with pytest.raises(InvalidArgumentError, match=r"urgency must be one of low, medium, high"):
        PriorityMatrix().priority("urgent", "high")


def test_host_matrix_overrides_the_default() -> None:
    """A host's own cells decide the level and target response, marked as custom."""
    cells = dict(DEFAULT_CELLS)
    cells[("low", "low")] = PriorityLevel(9, "someday", timedelta(days=90))
    priority = PriorityMatrix(cells).priority("low", "low")
    assert (priority.level, priority.name, priority.matrix) == (9, "someday", "custom")
    assert priority.target_response == timedelta(days=90)


def test_incomplete_host_matrix_is_refused() -> None:
    """A matrix missing a cell is refused when it is made, not when a report needs it."""
    cells = dict(DEFAULT_CELLS)
    del cells[("low", "high")]
    with pytest.raises(InvalidArgumentError, match="give all nine"):
        PriorityMatrix(cells)
