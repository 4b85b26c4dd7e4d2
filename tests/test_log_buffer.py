"""The in-memory log buffer and its one-call installation."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from supportkit import _log_buffer
from supportkit._log_buffer import (
    BufferedRecord,
    LogBufferHandler,
    install_log_buffer,
    installed_log_buffer,
    uninstall_log_buffer,
)


@pytest.fixture(name="logger")
def _logger(request: pytest.FixtureRequest) -> Iterator[logging.Logger]:
    """A real logger of this test's own, left without handlers afterwards."""
    logger = logging.getLogger(f"test_log_buffer.{request.node.name}")
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    yield logger
    for handler in list(logger.handlers):
        logger.removeHandler(handler)


@pytest.fixture(name="clean_install")
def _clean_install(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No buffer installed before the test, none left installed after it."""
    monkeypatch.setattr(_log_buffer, "_installed", None)
    monkeypatch.setattr(_log_buffer, "_installed_on", None)
    yield
    uninstall_log_buffer()


def test_handler_keeps_the_newest_records(logger: logging.Logger) -> None:
    """Past capacity the oldest records fall off."""
    handler = LogBufferHandler(capacity=2)
    logger.addHandler(handler)
    for index in range(4):
        logger.info("record %d", index)
    assert [record.message for record in handler.snapshot()] == ["record 2", "record 3"]


def test_record_is_reduced_when_emitted(logger: logging.Logger) -> None:
    """Arguments are merged in at once; level and logger name are kept."""
    handler = LogBufferHandler()
    logger.addHandler(handler)
    logger.warning("disk %s is %d%% full", "/data", 97)
    ((created, level, name, message),) = handler.snapshot()
    assert (level, name, message) == ("WARNING", logger.name, "disk /data is 97% full")
    assert created > 0


def test_exception_info_is_appended(logger: logging.Logger) -> None:
    """A record with exc_info carries the formatted traceback after its message."""
    handler = LogBufferHandler()
    logger.addHandler(handler)
    try:
        raise KeyError("user")
    except KeyError:
        logger.exception("lookup failed")
    message = handler.snapshot()[0].message
    assert message.startswith("lookup failed\nTraceback (most recent call last):\n")
    assert message.endswith("KeyError: 'user'")


def test_handler_level_filters(logger: logging.Logger) -> None:
    """Records below the handler's level are not kept."""
    handler = LogBufferHandler(level=logging.WARNING)
    logger.addHandler(handler)
    logger.info("quiet")
    logger.error("loud")
    assert [record.message for record in handler.snapshot()] == ["loud"]


def test_bad_record_never_raises_into_the_host(capsys: pytest.CaptureFixture[str]) -> None:
    """A record whose message cannot be formatted is reported by logging, not raised."""
    handler = LogBufferHandler()
    handler.handle(logging.makeLogRecord({"msg": "%d items", "args": ("not a number",)}))
    assert handler.snapshot() == []
    assert "Logging error" in capsys.readouterr().err


def test_snapshot_is_a_copy() -> None:
    """Changing a snapshot does not change the buffer."""
    handler = LogBufferHandler()
    handler.records.append(BufferedRecord(1.0, "INFO", "app", "kept"))
    handler.snapshot().clear()
    assert len(handler.records) == 1


@pytest.mark.usefixtures("clean_install")
def test_install_adds_to_the_root_logger_by_default() -> None:
    """One call buffers what the root logger sees, and can be found again."""
    handler = install_log_buffer(capacity=10)
    assert handler in logging.getLogger().handlers
    assert installed_log_buffer() is handler
    assert handler.records.maxlen == 10


@pytest.mark.usefixtures("clean_install")
def test_install_again_replaces_the_earlier_buffer(logger: logging.Logger) -> None:
    """A second install leaves exactly one buffer on the logger: the new one."""
    first = install_log_buffer(logger=logger)
    second = install_log_buffer(logger=logger)
    assert [h for h in logger.handlers if isinstance(h, LogBufferHandler)] == [second]
    assert first is not second
    assert installed_log_buffer() is second


@pytest.mark.usefixtures("clean_install")
def test_install_respects_the_level(logger: logging.Logger) -> None:
    """The buffer's own level applies on top of the logger's."""
    handler = install_log_buffer(level=logging.ERROR, logger=logger)
    logger.warning("not kept")
    logger.error("kept")
    assert [record.message for record in handler.snapshot()] == ["kept"]


@pytest.mark.usefixtures("clean_install")
def test_install_on_another_logger_removes_the_earlier_buffer(logger: logging.Logger) -> None:
    """Moving the buffer to another logger leaves nothing behind on the first one."""
    first = install_log_buffer()
    second = install_log_buffer(logger=logger)
    assert first not in logging.getLogger().handlers
    assert second in logger.handlers


@pytest.mark.usefixtures("clean_install")
def test_uninstall_removes_the_buffer(logger: logging.Logger) -> None:
    """After uninstalling, the logger has no buffer and none is reported installed."""
    handler = install_log_buffer(logger=logger)
    uninstall_log_buffer()
    assert handler not in logger.handlers
    assert installed_log_buffer() is None
    uninstall_log_buffer()  # a second call is harmless
