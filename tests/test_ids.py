"""Report ids are ULIDs: unique, 26 characters, sortable by creation time."""

from __future__ import annotations

from supportkit._ids import new_report_id, report_id_time_ms


def test_ids_are_26_crockford_characters() -> None:
    """An id uses Crockford's base-32 alphabet only."""
    report_id = new_report_id()
    assert len(report_id) == 26
    assert set(report_id) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")


def test_ids_carry_their_creation_time() -> None:
    """The first ten characters encode the millisecond the id was made."""
    assert report_id_time_ms(new_report_id(now_ms=1_763_900_000_123)) == 1_763_900_000_123


def test_ids_sort_in_creation_order_even_within_one_millisecond() -> None:
    """Many ids made in the same millisecond still sort in the order they were made."""
    ids = [new_report_id(now_ms=1_800_000_000_000) for _ in range(1000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == 1000


def test_later_ids_sort_after_earlier_ones() -> None:
    """An id from a later millisecond sorts after one from an earlier millisecond."""
    early = new_report_id(now_ms=1_900_000_000_000)
    late = new_report_id(now_ms=1_900_000_000_001)
    assert early < late
