"""Runs collectors side by side, each isolated and on a time budget."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from supportkit.collectors._base import CaptureContext, Collector, Section
from supportkit.exceptions import CollectorUnavailable
from supportkit.models import CollectorRun

DEFAULT_TIMEOUT = 3.0


@dataclass(frozen=True)
class CollectorResult:
    """A collector's record, and its section when it ran to the end."""

    run: CollectorRun
    section: Section | None


class _Attempt:
    """One collector running on its own daemon thread, so a hung probe cannot hold up exit."""

    def __init__(self, collector: Collector, ctx: CaptureContext) -> None:
        self.collector = collector
        self.section: Section | None = None
        self.error: BaseException | None = None
        self.started = time.perf_counter()
        self.finished: float | None = None
        self._thread = threading.Thread(
            target=self._run, args=(ctx,), name=f"supportkit-{collector.name}", daemon=True
        )
        self._thread.start()

    def _run(self, ctx: CaptureContext) -> None:
        try:
            section = self.collector.collect(ctx)
            if not isinstance(section, Section):
                msg = f"collect() returned {type(section).__name__}, not a Section"
                raise TypeError(msg)  # noqa: TRY301  (recorded below like any other failure)
            self.section = section
        except BaseException as exc:  # noqa: BLE001  (a collector must never take the capture down)
            self.error = exc
        finally:
            self.finished = time.perf_counter()

    def wait(self, deadline: float) -> CollectorResult:
        self._thread.join(max(0.0, deadline - time.perf_counter()))
        name = self.collector.name
        if self.finished is None:
            timeout = deadline - self.started
            return CollectorResult(
                CollectorRun(
                    name=name,
                    status="failed",
                    duration_ms=round(timeout * 1000, 3),
                    error_type="TimeoutError",
                    error_message=f"did not finish within {timeout:.1f} s; its data is left out",
                ),
                None,
            )
        duration_ms = round((self.finished - self.started) * 1000, 3)
        if isinstance(self.error, CollectorUnavailable):
            run = CollectorRun(
                name=name, status="skipped", duration_ms=duration_ms, reason=self.error.reason
            )
            return CollectorResult(run, None)
        if self.error is not None:
            run = CollectorRun(
                name=name,
                status="failed",
                duration_ms=duration_ms,
                error_type=type(self.error).__name__,
                error_message=_safe_str(self.error),
            )
            return CollectorResult(run, None)
        assert self.section is not None
        run = CollectorRun(
            name=name, status="ok", duration_ms=duration_ms, notes=tuple(self.section.notes)
        )
        return CollectorResult(run, self.section)


def run_collectors(
    collectors: Sequence[Collector],
    ctx: CaptureContext,
    *,
    default_timeout: float = DEFAULT_TIMEOUT,
) -> list[CollectorResult]:
    """Run every collector concurrently; results come back in the order given.

    A collector may set a ``timeout`` attribute (seconds) to override ``default_timeout``.
    """
    attempts = [_Attempt(collector, ctx) for collector in collectors]
    results = []
    for attempt in attempts:
        timeout = float(getattr(attempt.collector, "timeout", default_timeout))
        results.append(attempt.wait(attempt.started + timeout))
    return results


def _safe_str(error: BaseException) -> str:
    try:
        return str(error)
    except Exception:  # noqa: BLE001  (an exception whose __str__ fails still gets recorded)
        return f"<{type(error).__name__}: message could not be read>"
