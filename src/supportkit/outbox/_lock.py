"""Per-entry locks, so two processes (or threads) flushing one outbox never send an entry twice.

The lock is an OS advisory lock on a file inside the entry: it is released by the kernel when
its holder exits for any reason, ``kill -9`` included, so a crash never leaves an entry stuck.
Locks are taken without waiting: an entry someone else is delivering is simply skipped.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class EntryLock:
    """An exclusive hold on one lock file; use :func:`try_lock` to get one."""

    def __init__(self, fd: int, path: Path) -> None:
        self._fd: int | None = fd
        self.path = path

    def release(self) -> None:
        """Let others take the entry; safe to call twice."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def count(self) -> int:
        """A small counter kept as the locked file's length (the outbox counts attempts)."""
        return os.fstat(self._held()).st_size

    def set_count(self, value: int) -> None:
        """Set the counter with one ``ftruncate``: atomic, no new file, no content to tear."""
        os.ftruncate(self._held(), value)

    def _held(self) -> int:
        if self._fd is None:
            msg = f"the lock on {self.path} was released"
            raise ValueError(msg)
        return self._fd

    def is_at(self, path: Path) -> bool:
        """Whether ``path`` still names the locked file (nobody removed or replaced it)."""
        if self._fd is None:
            return False
        try:
            named = os.stat(path)
        except FileNotFoundError:
            return False
        held = os.fstat(self._fd)
        return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)

    def __enter__(self) -> EntryLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


def try_lock(path: Path, *, create: bool = False) -> EntryLock | None:
    """Lock ``path`` now, or return None when another holder has it or it does not exist.

    Without ``create`` a missing lock file means the entry is gone (purged by someone else),
    which callers treat like a busy one.
    """
    flags = os.O_RDWR | (os.O_CREAT if create else 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except FileNotFoundError:
        return None
    try:
        locked = _try_lock(fd)
    except BaseException:
        os.close(fd)
        raise
    if not locked:
        os.close(fd)
        return None
    return EntryLock(fd, path)
