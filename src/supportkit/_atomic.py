"""Writing files so that a crash leaves either the old state or the new, never half a file."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_output(destination: Path) -> Iterator[BinaryIO]:
    """Yield a temp file beside ``destination``; on success it is synced and renamed into place.

    On any error the temp file is removed and the error propagates; ``destination`` is untouched.
    """
    temp = destination.with_name(f".{destination.name}.tmp-{secrets.token_hex(4)}")
    try:
        with temp.open("xb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, destination)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    sync_directory(destination.parent)


def atomic_write_bytes(destination: Path, data: bytes) -> None:
    """Write ``data`` to ``destination`` atomically."""
    with atomic_output(destination) as handle:
        handle.write(data)


def atomic_copy(source: Path, destination: Path) -> None:
    """Copy ``source`` to ``destination`` atomically."""
    with source.open("rb") as reader, atomic_output(destination) as writer:
        shutil.copyfileobj(reader, writer, 1024 * 1024)


def sync_directory(directory: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
