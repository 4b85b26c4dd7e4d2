"""Host values: text that never raises, walks that always end."""

from __future__ import annotations

from _hostile import OnlyRepr, Unprintable
from supportkit._hostdata import WalkGuard, printable


def test_printable_falls_back_to_repr_then_the_type_name() -> None:
    assert printable(12) == "12"
    assert printable(OnlyRepr()) == "<only repr>"
    assert printable(Unprintable()) == "<unprintable Unprintable>"


def test_guard_refuses_a_container_already_on_the_path_until_it_is_left() -> None:
    guard, box = WalkGuard(10), [1]
    assert guard.enter(box)
    assert not guard.enter(box)
    guard.leave(box)
    assert guard.enter(box)


def test_guard_counts_values_past_its_budget() -> None:
    guard = WalkGuard(2)
    assert [guard.spend() for _ in range(5)] == [True, True, False, False, False]
    assert guard.over == 3
