"""Report ids: ULIDs, so ids sort by creation time and need no coordination to be unique."""

from __future__ import annotations

import os
import threading
import time

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_RANDOM_MASK = (1 << 80) - 1


class ReportIdFactory:
    """Makes ULIDs that sort in creation order within a process.

    Within one millisecond, or if the clock steps back, the random part is incremented
    instead of redrawn, so later ids never sort before earlier ones.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last_ms = -1
        self._last_random = 0

    def __call__(self, now_ms: int | None = None) -> str:
        """A new 26-character id."""
        ms = int(time.time() * 1000) if now_ms is None else now_ms
        with self._lock:
            if ms <= self._last_ms:
                ms = self._last_ms
                random_part = (self._last_random + 1) & _RANDOM_MASK
            else:
                random_part = int.from_bytes(os.urandom(10), "big")
            self._last_ms, self._last_random = ms, random_part
        value = (ms << 80) | random_part
        return "".join(_CROCKFORD[(value >> shift) & 31] for shift in range(125, -1, -5))


new_report_id = ReportIdFactory()


def report_id_time_ms(report_id: str) -> int:
    """The millisecond timestamp a report id carries."""
    value = 0
    for char in report_id[:10]:
        value = value * 32 + _CROCKFORD.index(char)
    return value
