"""Report ids are ULIDs: unique, 26 characters, sortable by creation time."""

from __future__ import annotations

import pytest

from supportkit._ids import ReportIdFactory, new_report_id, report_id_time_ms


def test_ids_are_26_crockford_characters() -> None:
    """An id uses Crockford's base-32 alphabet only."""
    report_id = new_report_id()
    assert len(report_id) == 26
    assert set(report_id) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")


@pytest.fixture(name="make_id")
def _make_id() -> ReportIdFactory:
    return ReportIdFactory()


def test_ids_carry_their_creation_time(make_id: ReportIdFactory) -> None:
    """The first ten characters encode the millisecond the id was made."""
    assert report_id_time_ms(make_id(now_ms=1_763_900_000_123)) == 1_763_900_000_123


def test_ids_sort_in_creation_order_even_within_one_millisecond(make_id: ReportIdFactory) -> None:
    """Many ids made in the same millisecond still sort in the order they were made."""
    ids = [make_id(now_ms=1_800_000_000_000) for _ in range(1000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == 1000


def test_later_ids_sort_after_earlier_ones(make_id: ReportIdFactory) -> None:
    """An id from a later millisecond sorts after one from an earlier millisecond."""
    early = make_id(now_ms=1_900_000_000_000)
    late = make_id(now_ms=1_900_000_000_001)
    assert early < late


def test_a_clock_stepping_back_never_breaks_the_order(make_id: ReportIdFactory) -> None:
    """An id made after the clock stepped back still sorts after the earlier one."""
    first = make_id(now_ms=2_000_000_000_000)
    assert make_id(now_ms=1_999_999_999_000) > first
