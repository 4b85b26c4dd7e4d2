"""The host process: how long it has run, how big it is and how it was started."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from typing import TypeVar

from supportkit.collectors._base import CaptureContext, Section
from supportkit.models import ProcessInfo

__all__ = ["ProcessCollector"]

_T = TypeVar("_T")


class ProcessCollector:
    """Reports the current process's start time, memory, threads, command line and cwd."""

    name = "process"

    def collect(self, ctx: CaptureContext) -> Section:
        """Ask psutil for each fact separately: a denied probe costs only its own field."""
        import psutil  # noqa: PLC0415  (loaded on first capture, not on import)

        notes: list[str] = []

        def attempt(what: str, probe: Callable[[], _T]) -> _T | None:
            try:
                return probe()
            except (OSError, psutil.Error) as exc:
                notes.append(f"{what} unavailable: {type(exc).__name__}: {exc}")
                return None

        process = psutil.Process(os.getpid())
        with process.oneshot():
            created = attempt("start time", process.create_time)
            rss = attempt("memory", lambda: process.memory_info().rss)
            threads = attempt("threads", process.num_threads)
            command_line = attempt("command line", process.cmdline)
            cwd = attempt("cwd", process.cwd)
        info = ProcessInfo(
            pid=process.pid,
            started_at=datetime.fromtimestamp(created, tz=timezone.utc) if created else None,
            uptime_seconds=max(0.0, time.time() - created) if created else None,
            memory_rss=rss,
            threads=threads,
            # The interpreter's own record of argv stands in when the OS will not say.
            command_line=tuple(command_line or sys.orig_argv),
            cwd=cwd,
        )
        return Section(data=info, notes=notes)
