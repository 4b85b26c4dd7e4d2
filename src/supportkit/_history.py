"""The local history of reports sent from this machine: one JSON line per delivery attempt."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from supportkit._paths import state_dir

if TYPE_CHECKING:
    from supportkit.models import HistoryEntry

HISTORY_FILE = "history.jsonl"


def history_path(directory: Path | None = None) -> Path:
    """The history file in ``directory`` (default: supportkit's state folder)."""
    return (directory or state_dir()) / HISTORY_FILE


def record(entry: HistoryEntry, directory: Path | None = None) -> None:
    """Append one entry.

    A single ``O_APPEND`` write per line keeps lines whole when two processes record at once.
    """
    path = history_path(directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = entry.model_dump_json().encode() + b"\n"
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)


def read(directory: Path | None = None) -> tuple[list[HistoryEntry], int]:
    """All entries, oldest first, and how many unreadable lines were passed over."""
    from pydantic import ValidationError  # noqa: PLC0415

    from supportkit.models import HistoryEntry  # noqa: PLC0415

    path = history_path(directory)
    if not path.exists():
        return [], 0
    entries: list[HistoryEntry] = []
    unreadable = 0
    with path.open("rb") as handle:
        for line in handle:
            if not line.strip():
                continue
            try:
                entries.append(HistoryEntry.model_validate_json(line))
            except ValidationError:
                unreadable += 1
    return entries, unreadable
