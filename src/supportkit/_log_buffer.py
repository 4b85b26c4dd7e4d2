"""An in-memory ring of recent ``logging`` records, installed by the host with one call."""

from __future__ import annotations

import logging
import threading
from collections import deque
from typing import NamedTuple

DEFAULT_CAPACITY = 1000


class BufferedRecord(NamedTuple):
    """A log record reduced to what a report needs, formatted when it was emitted."""

    created: float
    level: str
    logger: str
    message: str


class LogBufferHandler(logging.Handler):
    """Keeps the newest ``capacity`` records; a capture attaches them as a log file."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY, level: int = logging.DEBUG) -> None:
        super().__init__(level)
        self.records: deque[BufferedRecord] = deque(maxlen=capacity)
        self._snapshot_lock = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        """Store the record; never raises into the logging call."""
        try:
            message = record.getMessage()
            if record.exc_info and record.exc_info[0] is not None:
                message = f"{message}\n{logging.Formatter().formatException(record.exc_info)}"
            self.records.append(
                BufferedRecord(record.created, record.levelname, record.name, message)
            )
        except Exception:  # noqa: BLE001  (a logging handler must never break the host)
            self.handleError(record)

    def snapshot(self) -> list[BufferedRecord]:
        """The buffered records, oldest first."""
        with self._snapshot_lock:
            return list(self.records)


_installed: LogBufferHandler | None = None
_installed_on: logging.Logger | None = None


def install_log_buffer(
    capacity: int = DEFAULT_CAPACITY,
    *,
    level: int = logging.DEBUG,
    logger: logging.Logger | None = None,
) -> LogBufferHandler:
    """Keep the last ``capacity`` log records in memory so a capture can attach them.

    Installs on the root logger unless ``logger`` is given, and sees what that logger lets
    through: the host's logger levels are left alone. Calling it again replaces the earlier
    buffer. Returns the handler, which a :class:`~supportkit.Reporter` picks up.
    """
    global _installed, _installed_on
    uninstall_log_buffer()
    target = logger or logging.getLogger()
    handler = LogBufferHandler(capacity, level)
    target.addHandler(handler)
    _installed, _installed_on = handler, target
    return handler


def uninstall_log_buffer() -> None:
    """Remove the buffer :func:`install_log_buffer` installed, if any."""
    global _installed, _installed_on
    if _installed is not None and _installed_on is not None:
        _installed_on.removeHandler(_installed)
    _installed, _installed_on = None, None


def installed_log_buffer() -> LogBufferHandler | None:
    """The buffer :func:`install_log_buffer` installed, if any."""
    return _installed
