"""The log buffer collector: buffered records as one readable log file."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator
from datetime import datetime, timezone

import pytest

from supportkit._log_buffer import LogBufferHandler
from supportkit.collectors._base import CaptureContext
from supportkit.collectors.log_buffer import LogBufferCollector
from supportkit.exceptions import CollectorUnavailable

AT = datetime(2026, 11, 23, 14, 3, 5, 123456, tzinfo=timezone.utc).timestamp()


@pytest.fixture(name="handler")
def _handler() -> LogBufferHandler:
    return LogBufferHandler()


@pytest.fixture(name="logger")
def _logger(handler: LogBufferHandler, request: pytest.FixtureRequest) -> Iterator[logging.Logger]:
    """A real logger feeding only the buffer, removed again after the test."""
    logger = logging.getLogger(f"test.{request.node.name}")
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    logger.addHandler(handler)
    yield logger
    logger.removeHandler(handler)


def _emit(handler: LogBufferHandler, name: str, level: int, message: str) -> None:
    record = logging.makeLogRecord(
        {"name": name, "levelno": level, "levelname": logging.getLevelName(level), "msg": message}
    )
    record.created = AT
    handler.handle(record)


def _text(ctx: CaptureContext, handler: LogBufferHandler) -> str:
    section = LogBufferCollector().collect(dataclasses.replace(ctx, log_buffer=handler))
    (attachment,) = section.attachments
    return attachment.read().decode()


def test_without_a_buffer_says_how_to_install_one(ctx: CaptureContext) -> None:
    """The skip reason tells the host the one call that enables this collector."""
    with pytest.raises(CollectorUnavailable, match=r"supportkit\.install_log_buffer\(\)"):
        LogBufferCollector().collect(ctx)


def test_empty_buffer_is_unavailable(ctx: CaptureContext, handler: LogBufferHandler) -> None:
    """An empty buffer adds no empty file to the bundle."""
    with pytest.raises(CollectorUnavailable, match="empty"):
        LogBufferCollector().collect(dataclasses.replace(ctx, log_buffer=handler))


def test_record_line_format(ctx: CaptureContext, handler: LogBufferHandler) -> None:
    """UTC time with milliseconds, level, logger name, message."""
    _emit(handler, "app.db", logging.WARNING, "connection lost")
    assert _text(ctx, handler) == "2026-11-23T14:03:05.123Z WARNING app.db: connection lost\n"


def test_multi_line_message_is_indented(ctx: CaptureContext, handler: LogBufferHandler) -> None:
    """Continuation lines start with two spaces, so each unindented line starts a record."""
    _emit(handler, "app", logging.INFO, "first\nsecond\r\nthird")
    _emit(handler, "app", logging.ERROR, "next")
    assert _text(ctx, handler) == (
        "2026-11-23T14:03:05.123Z INFO app: first\n"
        "  second\n"
        "  third\n"
        "2026-11-23T14:03:05.123Z ERROR app: next\n"
    )


def test_exception_record_carries_its_traceback(
    ctx: CaptureContext, handler: LogBufferHandler, logger: logging.Logger
) -> None:
    """logger.exception() output keeps the traceback, indented under its record."""
    try:
        int("not a number")
    except ValueError:
        logger.exception("import failed")
    first, *rest = _text(ctx, handler).splitlines()
    assert first.endswith(f"ERROR {logger.name}: import failed")
    assert rest[0] == "  Traceback (most recent call last):"
    assert rest[-1] == "  ValueError: invalid literal for int() with base 10: 'not a number'"
    assert all(line.startswith("  ") for line in rest)


def test_attachment_is_an_in_memory_text_log(
    ctx: CaptureContext, handler: LogBufferHandler, logger: logging.Logger
) -> None:
    """One log-buffer.log of kind 'log-buffer', text/plain, sized by its bytes."""
    logger.info("hello %s", "world")
    (attachment,) = (
        LogBufferCollector().collect(dataclasses.replace(ctx, log_buffer=handler)).attachments
    )
    assert (attachment.name, attachment.kind, attachment.media_type) == (
        "log-buffer.log",
        "log-buffer",
        "text/plain",
    )
    assert attachment.data is not None
    assert attachment.data.endswith(b"INFO " + logger.name.encode() + b": hello world\n")
    assert attachment.original_size == attachment.size == len(attachment.data)
