"""The breadcrumb ring the host records events into."""

from __future__ import annotations

import threading
import time

import pytest

from supportkit import _breadcrumbs
from supportkit._breadcrumbs import BreadcrumbRing, breadcrumb


@pytest.fixture(name="default_ring")
def _default_ring(monkeypatch: pytest.MonkeyPatch) -> BreadcrumbRing:
    """A fresh process-wide ring, so tests do not see each other's breadcrumbs."""
    ring = BreadcrumbRing()
    monkeypatch.setattr(_breadcrumbs, "default_ring", ring)
    return ring


@pytest.mark.parametrize("capacity", [0, -1])
def test_capacity_must_be_positive(capacity: int) -> None:
    """A ring that can hold nothing is a mistake worth hearing about."""
    with pytest.raises(ValueError, match="at least 1"):
        BreadcrumbRing(capacity)


def test_keeps_the_newest_oldest_first() -> None:
    """Past capacity the oldest events fall off; the rest stay in order."""
    ring = BreadcrumbRing(capacity=3)
    for index in range(5):
        ring.add(f"event {index}", timestamp=float(index))
    assert [item[1] for item in ring.snapshot()] == ["event 2", "event 3", "event 4"]
    assert (len(ring), ring.capacity) == (3, 3)


def test_add_records_every_field() -> None:
    """Message, category, level, data and the given time are stored as given."""
    ring = BreadcrumbRing()
    ring.add("opened", category="ui", level="debug", data={"id": 7}, timestamp=12.5)
    assert ring.snapshot() == [(12.5, "opened", "ui", "debug", {"id": 7})]


def test_add_defaults_to_now_and_empty_data() -> None:
    """Without a timestamp the current time is used; without data an empty dict."""
    ring = BreadcrumbRing()
    before = time.time()
    ring.add("tick")
    after = time.time()
    ((stamp, message, category, level, data),) = ring.snapshot()
    assert before <= stamp <= after
    assert (message, category, level, data) == ("tick", "default", "info", {})


def test_snapshot_is_a_copy() -> None:
    """Changing a snapshot does not change the ring."""
    ring = BreadcrumbRing()
    ring.add("kept")
    ring.snapshot().clear()
    assert len(ring) == 1


def test_clear_forgets_everything() -> None:
    """After clear() the ring is empty."""
    ring = BreadcrumbRing()
    ring.add("gone")
    ring.clear()
    assert (len(ring), ring.snapshot()) == (0, [])


def test_breadcrumb_records_into_the_default_ring(default_ring: BreadcrumbRing) -> None:
    """The module-level helper feeds the process-wide ring."""
    breadcrumb("opened invoice", category="ui", level="warning", data={"id": 42})
    ((_, message, category, level, data),) = default_ring.snapshot()
    assert (message, category, level, data) == ("opened invoice", "ui", "warning", {"id": 42})


def test_concurrent_adds_lose_nothing() -> None:
    """Threads recording at once all get their events in."""
    ring = BreadcrumbRing(capacity=4000)
    start = threading.Barrier(4)

    def record(worker: int) -> None:
        start.wait()
        for index in range(1000):
            ring.add(f"{worker}-{index}")

    threads = [threading.Thread(target=record, args=(worker,)) for worker in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({item[1] for item in ring.snapshot()}) == 4000
