"""Fixtures for outbox tests: sealed bundles, a fake clock and an outbox in a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from _outbox_fakes import FakeClock, MakeBundle

from supportkit import Reporter, SealedBundle
from supportkit.outbox import Outbox, RetryPolicy


@pytest.fixture(name="make_bundle")
def _make_bundle(tmp_path: Path) -> MakeBundle:
    """Capture a small real bundle with the given title."""
    reporter = Reporter("app", "1", collectors=["runtime"])
    folder = tmp_path / "bundles"
    folder.mkdir()

    def make(title: str = "Export does nothing") -> SealedBundle:
        return reporter.capture(title, output=folder / f"{len(list(folder.iterdir()))}.zip")

    return make


@pytest.fixture(name="bundle")
def _bundle(make_bundle: MakeBundle) -> SealedBundle:
    return make_bundle("Export does nothing")


@pytest.fixture(name="clock")
def _clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(name="outbox")
def _outbox(tmp_path: Path, clock: FakeClock) -> Outbox:
    """An outbox on a fake clock whose backoff is the full bound (no jitter draw)."""
    policy = RetryPolicy(base=10.0, cap=1000.0, max_attempts=4, random=lambda: 1.0)
    return Outbox(tmp_path / "outbox", clock=clock, sleep=clock.sleep, policy=policy)
