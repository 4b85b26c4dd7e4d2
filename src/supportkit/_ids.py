"""Report ids: ULIDs, so ids sort by creation time and need no coordination to be unique."""

from __future__ import annotations

import os
import threading
import time

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_lock = threading.Lock()
_last_ms = -1
_last_random = 0


def new_report_id(now_ms: int | None = None) -> str:
    """A 26-character ULID; ids made in the same millisecond still sort in creation order."""
    global _last_ms, _last_random
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    with _lock:
        if ms <= _last_ms:
            ms = _last_ms
            random_part = _last_random + 1
        else:
            random_part = int.from_bytes(os.urandom(10), "big")
        _last_ms, _last_random = ms, random_part
    value = (ms << 80) | (random_part & ((1 << 80) - 1))
    return "".join(_CROCKFORD[(value >> shift) & 31] for shift in range(125, -1, -5))


def report_id_time_ms(report_id: str) -> int:
    """The millisecond timestamp a report id carries."""
    value = 0
    for char in report_id[:10]:
        value = value * 32 + _CROCKFORD.index(char)
    return value
