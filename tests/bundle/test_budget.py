"""The size budget planner and the head-and-tail trimming, on their own."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supportkit._units import human_size
from supportkit.bundle._budget import (
    CUT_RESERVE_BYTES,
    TRIM_FLOOR_BYTES,
    BudgetItem,
    assemble_trimmed,
    entry_overhead,
    plan_budget,
    split_allowance,
)

MiB = 1024 * 1024


def _total(items: list[BudgetItem], plan: tuple, fixed: int) -> int:
    """What the plan costs, counted the way the planner promises to respect."""
    total = fixed
    for item, allotment in zip(items, plan, strict=True):
        if allotment.action == "dropped":
            total += CUT_RESERVE_BYTES
        else:
            total += allotment.size + entry_overhead(item.path)
            total += CUT_RESERVE_BYTES if allotment.action == "trimmed" else 0
    return total


def test_under_budget_keeps_everything() -> None:
    """Nothing is cut when it all fits."""
    items = [BudgetItem("a.log", MiB, True, True), BudgetItem("b.png", MiB, False, True)]
    plan = plan_budget(items, fixed_bytes=10_000, budget_bytes=5 * MiB)
    assert [a.action for a in plan] == ["keep", "keep"]
    assert [a.size for a in plan] == [MiB, MiB]


def test_trims_the_largest_text_first() -> None:
    """A small overrun is taken from the largest text alone."""
    items = [BudgetItem("small.log", MiB, True, True), BudgetItem("big.log", 4 * MiB, True, True)]
    plan = plan_budget(items, fixed_bytes=0, budget_bytes=4 * MiB + 512 * 1024)
    assert [a.action for a in plan] == ["keep", "trimmed"]
    assert plan[1].size < 4 * MiB


def test_trims_texts_evenly_once_they_are_level() -> None:
    """Two large texts end up with the same allowance rather than one being emptied."""
    items = [BudgetItem("a.log", 6 * MiB, True, True), BudgetItem("b.log", 10 * MiB, True, True)]
    plan = plan_budget(items, fixed_bytes=0, budget_bytes=5 * MiB)
    assert [a.action for a in plan] == ["trimmed", "trimmed"]
    assert plan[0].size == plan[1].size
    assert plan[0].size > 2 * MiB


def test_never_trims_binaries() -> None:
    """A binary cannot be cut in the middle, so only the text gives way."""
    items = [BudgetItem("shot.png", 3 * MiB, False, True), BudgetItem("a.log", 3 * MiB, True, True)]
    plan = plan_budget(items, fixed_bytes=0, budget_bytes=5 * MiB)
    assert [a.action for a in plan] == ["keep", "trimmed"]


def test_drops_optional_only_when_trimming_to_the_floor_is_not_enough() -> None:
    """Optional attachments go, largest first, once every text is at its floor."""
    items = [
        BudgetItem("a.log", 3 * MiB, True, True),
        BudgetItem("small.png", MiB, False, True),
        BudgetItem("large.png", 2 * MiB, False, True),
    ]
    plan = plan_budget(items, fixed_bytes=0, budget_bytes=2 * MiB)
    assert [a.action for a in plan] == ["trimmed", "keep", "dropped"]
    assert plan[0].size > TRIM_FLOOR_BYTES


def test_reporter_files_are_dropped_only_when_nothing_else_helps() -> None:
    """An optional file goes before a larger one the reporter chose."""
    items = [
        BudgetItem("chosen.bin", 3 * MiB, False, False),
        BudgetItem("optional.bin", 1 * MiB, False, True),
    ]
    plan = plan_budget(items, fixed_bytes=0, budget_bytes=3 * MiB + 100_000)
    assert [a.action for a in plan] == ["keep", "dropped"]


def test_reporter_files_are_dropped_when_they_alone_exceed_the_budget() -> None:
    """With no optional attachment left, a reporter's file is dropped too."""
    items = [BudgetItem("chosen.bin", 6 * MiB, False, False)]
    plan = plan_budget(items, fixed_bytes=0, budget_bytes=5 * MiB)
    assert [a.action for a in plan] == ["dropped"]


def test_drops_everything_when_the_fixed_part_is_over_budget() -> None:
    """If report and summary alone overrun, no attachment is kept."""
    items = [BudgetItem("a.log", 100, True, True), BudgetItem("b.png", 100, False, False)]
    plan = plan_budget(items, fixed_bytes=2 * MiB, budget_bytes=MiB)
    assert [a.action for a in plan] == ["dropped", "dropped"]


def test_rejects_a_floor_too_small_for_the_marker() -> None:
    """A floor that leaves no room for the marker line is a programming error."""
    with pytest.raises(ValueError, match="floor_bytes"):
        plan_budget([], fixed_bytes=0, budget_bytes=MiB, floor_bytes=10)


@given(
    sizes=st.lists(st.tuples(st.integers(0, 8 * MiB), st.booleans(), st.booleans()), max_size=6),
    fixed=st.integers(0, MiB),
    budget=st.integers(64 * 1024, 10 * MiB),
)
def test_plan_fits_or_drops_everything(
    sizes: list[tuple[int, bool, bool]], fixed: int, budget: int
) -> None:
    """Any plan fits the budget, unless everything had to be dropped."""
    items = [
        BudgetItem(f"f{i}", size, text, optional) for i, (size, text, optional) in enumerate(sizes)
    ]
    plan = plan_budget(items, fixed_bytes=fixed, budget_bytes=budget)
    all_dropped = all(a.action == "dropped" for a in plan)
    assert all_dropped or _total(items, plan, fixed) <= budget
    for item, allotment in zip(items, plan, strict=True):
        if allotment.action == "trimmed":
            assert item.text
            assert TRIM_FLOOR_BYTES <= allotment.size < item.size


def _trim(data: bytes, allowance: int) -> tuple[bytes, int]:
    head, tail = split_allowance(allowance)
    return assemble_trimmed(data[:head], data[len(data) - tail - 1 :], len(data))


def test_trimmed_text_keeps_whole_lines_at_both_ends() -> None:
    """The head ends and the tail starts at a line boundary."""
    data = b"".join(b"line %05d\n" % i for i in range(10_000))
    trimmed, _ = _trim(data, 10_000)
    head, _, tail = trimmed.partition(b"[... ")
    assert head.endswith(b"\n")
    assert data.startswith(head)
    assert re.fullmatch(rb"(line \d{5}\n)+", tail.split(b"...]\n", 1)[1])
    assert data.endswith(tail.split(b"...]\n", 1)[1])


def test_trimmed_text_keeps_a_quarter_head_and_three_quarters_tail() -> None:
    """Most of the allowance goes to the end, where failures are logged."""
    data = b"".join(b"line %05d\n" % i for i in range(10_000))
    trimmed, _ = _trim(data, 10_000)
    head, _, rest = trimmed.partition(b"[... ")
    tail = rest.split(b"...]\n", 1)[1]
    assert 2000 < len(head) <= 2500
    assert 6800 < len(tail) <= 7500


def test_marker_says_how_much_was_cut() -> None:
    """The marker line names the size of the gap as a person reads it."""
    data = b"x" * 99 + b"\n"
    data *= 20_000
    trimmed, kept = _trim(data, 100_000)
    gap = human_size(len(data) - kept)
    marker = f"[... {gap} cut by supportkit to fit the bundle size budget ...]\n"
    assert marker.encode() in trimmed
    assert len(trimmed) <= 100_000


def test_tail_already_at_a_line_boundary_keeps_its_first_line() -> None:
    """A tail window that begins right after a newline loses nothing."""
    _, tail = split_allowance(1000)
    data = b"a" * 5000 + b"\n" + b"b" * (tail - 1) + b"\n"
    trimmed, _ = _trim(data, 1000)
    assert trimmed.endswith(b"...]\n" + b"b" * (tail - 1) + b"\n")


def test_text_without_newlines_is_not_cut_inside_a_character() -> None:
    """With no line to cut at, the cut still falls between UTF-8 characters."""
    data = "€".encode() * 100_000
    trimmed, _ = _trim(data, 10_001)
    trimmed.decode("utf-8")
