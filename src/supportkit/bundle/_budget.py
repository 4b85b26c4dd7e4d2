"""The size budget: deciding what to trim or drop so a bundle fits a ticket system's upload cap.

Pure functions, no I/O. The plan trims text attachments before dropping anything, because
the head and tail of a log usually hold what an engineer needs (how it started, how it
failed). Only when every text is down to its floor are optional attachments dropped, largest
first; attachments the reporter chose are dropped last, and only when nothing else helps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from supportkit._units import human_size

__all__ = [
    "CUT_RESERVE_BYTES",
    "MARKER_RESERVE_BYTES",
    "TRIM_FLOOR_BYTES",
    "Allotment",
    "BudgetItem",
    "assemble_trimmed",
    "entry_overhead",
    "plan_budget",
    "split_allowance",
]

TRIM_FLOOR_BYTES = 64 * 1024
"""A text attachment is never trimmed below this: less than that is rarely worth reading."""

CUT_RESERVE_BYTES = 1024
"""Room kept per cut for its records in report.json, manifest.json and summary.md."""

MARKER_RESERVE_BYTES = 128
"""Room kept inside a trimmed file for the marker line."""

_HEAD_SHARE = 0.25
_ZIP_ENTRY_BYTES = 160
"""Local header, central directory record, data descriptor and zip64 extras of one entry."""
_MANIFEST_ENTRY_BYTES = 160
"""One file's record in manifest.json, without its path."""


@dataclass(frozen=True)
class BudgetItem:
    """An attachment as the planner sees it."""

    path: str
    size: int
    text: bool
    optional: bool


@dataclass(frozen=True)
class Allotment:
    """What the plan does with one attachment; ``size`` is the most bytes it may take."""

    action: Literal["keep", "trimmed", "dropped"]
    size: int


def entry_overhead(path: str) -> int:
    """Bytes one file costs beyond its content: zip headers and its manifest record."""
    return _ZIP_ENTRY_BYTES + _MANIFEST_ENTRY_BYTES + 3 * len(path.encode())


def plan_budget(
    items: Sequence[BudgetItem],
    *,
    fixed_bytes: int,
    budget_bytes: int,
    floor_bytes: int = TRIM_FLOOR_BYTES,
    cut_reserve_bytes: int = CUT_RESERVE_BYTES,
) -> tuple[Allotment, ...]:
    """One allotment per item so that ``fixed_bytes`` plus the attachments fit the budget.

    ``fixed_bytes`` is what cannot be cut (report.json, summary.md, the manifest). If even
    dropping every attachment does not fit, everything is dropped and the bundle is over
    budget by the fixed part alone.
    """
    if floor_bytes <= MARKER_RESERVE_BYTES:
        msg = f"floor_bytes must exceed {MARKER_RESERVE_BYTES} to leave room for the marker line"
        raise ValueError(msg)
    dropped: set[int] = set()
    for candidate in (None, *_drop_order(items, floor_bytes)):
        if candidate is not None:
            dropped.add(candidate)
        available = budget_bytes - fixed_bytes - cut_reserve_bytes * len(dropped)
        cap = _best_cap(items, dropped, available, floor_bytes, cut_reserve_bytes)
        if cap is not None:
            return _allot(items, dropped, cap, cut_reserve_bytes)
    return _allot(items, dropped, floor_bytes, cut_reserve_bytes)


def _drop_order(items: Sequence[BudgetItem], floor_bytes: int) -> list[int]:
    """Optional before reporter-chosen; within each, what still costs most after trimming."""

    def key(index: int) -> tuple[bool, int]:
        item = items[index]
        cost = min(item.size, floor_bytes) if item.text else item.size
        return (not item.optional, -cost)

    return sorted(range(len(items)), key=key)


def _cost(item: BudgetItem, cap: int, reserve: int) -> int:
    if not item.text:
        return item.size + entry_overhead(item.path)
    return min(item.size, cap + reserve) + entry_overhead(item.path)


def _best_cap(
    items: Sequence[BudgetItem], dropped: set[int], available: int, floor: int, reserve: int
) -> int | None:
    """The largest per-text-file cap (at least ``floor``) that fits, or None if none does."""
    kept = [item for index, item in enumerate(items) if index not in dropped]

    def total(cap: int) -> int:
        return sum(_cost(item, cap, reserve) for item in kept)

    if total(floor) > available:
        return None
    low, high = floor, max([floor, *(item.size for item in kept)])
    while low < high:
        middle = (low + high + 1) // 2
        if total(middle) <= available:
            low = middle
        else:
            high = middle - 1
    return low


def _allot(
    items: Sequence[BudgetItem], dropped: set[int], cap: int, reserve: int
) -> tuple[Allotment, ...]:
    allotments = []
    for index, item in enumerate(items):
        if index in dropped:
            allotments.append(Allotment("dropped", 0))
        elif item.text and item.size > cap + reserve:
            allotments.append(Allotment("trimmed", cap))
        else:
            allotments.append(Allotment("keep", item.size))
    return tuple(allotments)


def split_allowance(allowance: int) -> tuple[int, int]:
    """How many bytes of head and of tail fit in ``allowance``, leaving room for the marker."""
    room = max(allowance - MARKER_RESERVE_BYTES, 0)
    head = int(room * _HEAD_SHARE)
    return head, room - head


def assemble_trimmed(
    head_window: bytes, tail_window: bytes, original_size: int
) -> tuple[bytes, int]:
    """Head and tail cut at line boundaries, joined by a marker line saying how much is gone.

    ``tail_window`` starts one byte before the first byte that may be kept, so a tail that
    already starts at a line boundary keeps its first line. Returns the new content and how
    many bytes of the original it keeps.
    """
    head = _cut_head(head_window)
    tail = _cut_tail(tail_window)
    missing = original_size - len(head) - len(tail)
    marker = f"[... {human_size(missing)} cut by supportkit to fit the bundle size budget ...]\n"
    separator = b"" if not head or head.endswith(b"\n") else b"\n"
    return head + separator + marker.encode() + tail, len(head) + len(tail)


def _cut_head(window: bytes) -> bytes:
    end = window.rfind(b"\n")
    if end >= 0:
        return window[: end + 1]
    return _whole_utf8_prefix(window)


def _cut_tail(window: bytes) -> bytes:
    start = window.find(b"\n")
    if start >= 0:
        return window[start + 1 :]
    tail = window[1:]
    skip = 0
    while skip < min(len(tail), 3) and tail[skip] & 0xC0 == 0x80:
        skip += 1
    return tail[skip:]


def _whole_utf8_prefix(data: bytes) -> bytes:
    """``data`` without a UTF-8 sequence split at its end."""
    for back in range(1, min(len(data), 4) + 1):
        byte = data[-back]
        if byte & 0xC0 != 0x80:
            expected = 2 if byte >= 0xC0 else 1
            expected = 3 if byte >= 0xE0 else expected
            expected = 4 if byte >= 0xF0 else expected
            return data if back >= expected else data[:-back]
    return data
