"""The logs collector: tails of the host's log files, notes for the ones it cannot attach."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from supportkit.collectors._base import CaptureContext
from supportkit.collectors.logs import LogsCollector
from supportkit.exceptions import CollectorUnavailable


def _with_logs(ctx: CaptureContext, *paths: Path, **changes: Any) -> CaptureContext:
    return dataclasses.replace(ctx, log_paths=paths, **changes)


def test_without_log_paths_is_unavailable(ctx: CaptureContext) -> None:
    """No logs given is a skip, not a failure."""
    with pytest.raises(CollectorUnavailable, match="no log files given"):
        LogsCollector().collect(ctx)


def test_each_log_is_an_optional_log_attachment(ctx: CaptureContext, tmp_path: Path) -> None:
    """Every readable log becomes one optional attachment of kind 'log'; no data."""
    app, worker = tmp_path / "app.log", tmp_path / "worker.log"
    app.write_text("started\n")
    worker.write_text("working\n")
    section = LogsCollector().collect(_with_logs(ctx, app, worker))
    assert [(a.name, a.kind, a.optional) for a in section.attachments] == [
        ("app.log", "log", True),
        ("worker.log", "log", True),
    ]
    assert [a.read() for a in section.attachments] == [b"started\n", b"working\n"]
    assert section.data is None


def test_log_over_the_tail_limit_keeps_whole_last_lines(
    ctx: CaptureContext, tmp_path: Path
) -> None:
    """log_tail_bytes bounds each log; the kept part starts with a whole line."""
    path = tmp_path / "app.log"
    path.write_text("".join(f"event {i}\n" for i in range(1000)))
    (attachment,) = LogsCollector().collect(_with_logs(ctx, path, log_tail_bytes=30)).attachments
    assert attachment.read() == b"event 997\nevent 998\nevent 999\n"
    assert attachment.cuts[0].kept_size == 30


def test_two_gib_log_attaches_only_its_tail(ctx: CaptureContext, tmp_path: Path) -> None:
    """A 2 GiB (sparse) log is referenced by its last lines only, with the default limit."""
    path = tmp_path / "huge.log"
    with path.open("wb") as handle:
        handle.truncate(2 * 1024**3)
        handle.seek(0, os.SEEK_END)
        handle.write(b"\nERROR the last thing that happened\n")
    (attachment,) = LogsCollector().collect(_with_logs(ctx, path)).attachments
    assert attachment.read() == b"ERROR the last thing that happened\n"
    assert attachment.original_size > 2 * 1024**3
    assert attachment.cuts[0].reason.endswith("of 2.0 GiB kept")


def _missing(path: Path) -> None:
    pass


def _directory(path: Path) -> None:
    path.mkdir()


def _binary(path: Path) -> None:
    path.write_bytes(b"\x00\x01binary")


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (_missing, "not found — check the path"),
        (_directory, "is a directory — give the files inside it one by one"),
        (_binary, "is binary; pass allow_binary=True to attach it"),
    ],
)
def test_problem_log_becomes_a_note(
    ctx: CaptureContext, tmp_path: Path, make: Callable[[Path], None], problem: str
) -> None:
    """A log that cannot be attached is a note naming it; the others are still attached."""
    good, bad = tmp_path / "good.log", tmp_path / "app.log"
    good.write_text("fine\n")
    make(bad)
    section = LogsCollector().collect(_with_logs(ctx, bad, good))
    assert section.notes == [f"log {bad}: {problem}"]
    assert [a.name for a in section.attachments] == ["good.log"]


def test_binary_log_is_attached_when_allowed(ctx: CaptureContext, tmp_path: Path) -> None:
    """allow_binary lets a binary log through, marked as binary."""
    path = tmp_path / "journal.log"
    path.write_bytes(b"\x00\x01binary")
    section = LogsCollector().collect(_with_logs(ctx, path, allow_binary=True))
    (attachment,) = section.attachments
    assert not attachment.text
    assert attachment.media_type == "application/octet-stream"
