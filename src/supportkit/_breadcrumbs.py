"""A bounded ring of timestamped events the host records while it runs.

Recording must cost the host next to nothing, so this module imports only the standard
library's lightest parts and stores plain tuples; models are built at capture time.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from typing import Any

DEFAULT_CAPACITY = 500

# (unix time, message, category, level, data)
RawBreadcrumb = tuple[float, str, str, str, dict[str, Any]]


class BreadcrumbRing:
    """Keeps the newest ``capacity`` breadcrumbs; older ones fall off the end."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        if capacity < 1:
            msg = f"breadcrumb capacity must be at least 1, got {capacity}"
            raise ValueError(msg)
        self._items: deque[RawBreadcrumb] = deque(maxlen=capacity)
        self._lock = threading.Lock()

    @property
    def capacity(self) -> int:
        """How many breadcrumbs the ring keeps."""
        assert self._items.maxlen is not None
        return self._items.maxlen

    def add(
        self,
        message: str,
        *,
        category: str = "default",
        level: str = "info",
        data: dict[str, Any] | None = None,
        timestamp: float | None = None,
    ) -> None:
        """Record one event."""
        item = (
            time.time() if timestamp is None else timestamp,
            message,
            category,
            level,
            data or {},
        )
        self._items.append(item)  # deque.append is atomic; no lock needed on the hot path

    def snapshot(self) -> list[RawBreadcrumb]:
        """The breadcrumbs recorded so far, oldest first."""
        with self._lock:
            return list(self._items)

    def clear(self) -> None:
        """Forget every breadcrumb."""
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


default_ring = BreadcrumbRing()


def breadcrumb(
    message: str,
    *,
    category: str = "default",
    level: str = "info",
    data: dict[str, Any] | None = None,
) -> None:
    """Record an event so the steps before a problem can be reconstructed later.

    Example: ``supportkit.breadcrumb("opened invoice", category="ui", data={"id": 42})``.
    """
    default_ring.add(message, category=category, level=level, data=data)
