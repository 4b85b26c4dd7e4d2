"""Attaches the tails of the host's log files."""

from __future__ import annotations

from supportkit.collectors._base import CaptureContext, Section
from supportkit.collectors._files import attach_files
from supportkit.exceptions import CollectorUnavailable

__all__ = ["LogsCollector"]


class LogsCollector:
    """One attachment per log file, holding at most its last ``ctx.log_tail_bytes``.

    Logs are optional attachments: when the bundle is over budget they go before files the
    reporter chose. A log that cannot be attached becomes a note, not a failure, so one bad
    path does not cost the others.
    """

    name = "logs"

    def collect(self, ctx: CaptureContext) -> Section:
        """Reference each log's tail; the bundle writer copies it."""
        if not ctx.log_paths:
            msg = "no log files given"
            raise CollectorUnavailable(msg)
        return attach_files(
            ctx.log_paths,
            kind="log",
            limit=ctx.log_tail_bytes,
            allow_binary=ctx.allow_binary,
            optional=True,
        )
