"""Attaches the log records the in-memory buffer kept, as one plain-text log file."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone

from supportkit._log_buffer import BufferedRecord
from supportkit.collectors._base import CaptureContext, PendingAttachment, Section
from supportkit.exceptions import CollectorUnavailable

__all__ = ["LogBufferCollector", "format_records"]

ATTACHMENT_NAME = "log-buffer.log"


class LogBufferCollector:
    """Turns the buffered records into ``log-buffer.log``, oldest first.

    Hosts that log only to the console or a remote service still get their recent records
    into the report this way.
    """

    name = "log_buffer"

    def collect(self, ctx: CaptureContext) -> Section:
        """Format the buffer's snapshot; the records stay in the buffer."""
        if ctx.log_buffer is None:
            msg = (
                "no log buffer installed; call supportkit.install_log_buffer() at start-up "
                "to attach recent log records"
            )
            raise CollectorUnavailable(msg)
        records = ctx.log_buffer.snapshot()
        if not records:
            msg = (
                "the log buffer is empty: nothing reached it since "
                "supportkit.install_log_buffer() was called; check the logger's level"
            )
            raise CollectorUnavailable(msg)
        data = format_records(records).encode("utf-8", errors="replace")
        attachment = PendingAttachment(
            name=ATTACHMENT_NAME,
            kind="log-buffer",
            source=f"in-memory log buffer ({len(records)} records)",
            media_type="text/plain",
            original_size=len(data),
            data=data,
        )
        return Section(attachments=[attachment])


def format_records(records: Iterable[BufferedRecord]) -> str:
    """One line per record, ``2026-11-23T14:03:05.123Z WARNING app.db: message``.

    Continuation lines of a message (a traceback, say) are indented by two spaces, so every
    unindented line starts a record.
    """
    return "".join(_format_record(record) for record in records)


def _format_record(record: BufferedRecord) -> str:
    first, *rest = record.message.splitlines() or [""]
    lines = [f"{_timestamp(record.created)} {record.level} {record.logger}: {first}"]
    lines.extend(f"  {line}" for line in rest)
    return "\n".join(lines) + "\n"


def _timestamp(created: float) -> str:
    moment = datetime.fromtimestamp(created, tz=timezone.utc)
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}Z"
