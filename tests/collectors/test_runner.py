"""The runner isolates collectors: failures and timeouts are recorded, never raised."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

import pytest

from supportkit import CaptureContext, CollectorUnavailable, Section
from supportkit.collectors._runner import run_collectors


@dataclass
class FakeCollector:
    """A collector whose behaviour each test scripts."""

    name: str
    data: Any = None
    error: BaseException | None = None
    block: threading.Event | None = None
    timeout: float = 2.0
    notes: list[str] = field(default_factory=list)

    def collect(self, ctx: CaptureContext) -> Section:
        if self.block is not None:
            self.block.wait(10)
        if self.error is not None:
            raise self.error
        return Section(data=self.data, notes=self.notes)


@pytest.fixture(name="ctx")
def _ctx() -> CaptureContext:
    return CaptureContext(app_name="test")


def test_ok_collector_returns_its_section(ctx: CaptureContext) -> None:
    """A collector that returns a Section is recorded ok, with its notes."""
    (result,) = run_collectors([FakeCollector("a", data={"x": 1}, notes=["n"])], ctx)
    assert result.run.status == "ok"
    assert result.run.notes == ("n",)
    assert result.section is not None
    assert result.section.data == {"x": 1}


def test_unavailable_collector_is_skipped_with_reason(ctx: CaptureContext) -> None:
    """CollectorUnavailable becomes 'skipped' with the collector's reason."""
    (result,) = run_collectors([FakeCollector("a", error=CollectorUnavailable("no display"))], ctx)
    assert (result.run.status, result.run.reason, result.section) == ("skipped", "no display", None)


@pytest.mark.parametrize(
    "error", [RuntimeError("boom"), KeyError("k"), SystemExit(3), RecursionError("deep")]
)
def test_failing_collector_is_recorded_and_others_go_on(
    ctx: CaptureContext, error: BaseException
) -> None:
    """Any exception, even SystemExit, is recorded as failed; the next collector still runs."""
    results = run_collectors(
        [FakeCollector("bad", error=error), FakeCollector("good", data=1)], ctx
    )
    assert results[0].run.status == "failed"
    assert results[0].run.error_type == type(error).__name__
    assert results[1].run.status == "ok"


def test_collector_that_returns_the_wrong_type_fails(ctx: CaptureContext) -> None:
    """A collector returning something other than a Section is a recorded failure."""

    class Wrong:
        name = "wrong"

        def collect(self, ctx: CaptureContext) -> Any:
            return {"not": "a section"}

    (result,) = run_collectors([Wrong()], ctx)
    assert result.run.status == "failed"
    assert result.run.error_type == "TypeError"


def test_hung_collector_times_out_without_holding_the_capture(ctx: CaptureContext) -> None:
    """A collector past its time budget is recorded as a timeout; the rest are unaffected."""
    release = threading.Event()
    slow = FakeCollector("slow", block=release, timeout=0.05)
    try:
        results = run_collectors([slow, FakeCollector("fast", data=2)], ctx)
    finally:
        release.set()
    assert results[0].run.status == "failed"
    assert results[0].run.error_type == "TimeoutError"
    assert "did not finish within" in (results[0].run.error_message or "")
    assert results[1].run.status == "ok"


def test_unprintable_error_is_still_recorded(ctx: CaptureContext) -> None:
    """An exception whose str() raises is recorded with a placeholder message."""

    class UnprintableError(Exception):
        def __str__(self) -> str:
            raise ValueError

    (result,) = run_collectors([FakeCollector("a", error=UnprintableError())], ctx)
    assert result.run.error_message == "<UnprintableError: message could not be read>"
