"""The delivery commands: send, and outbox list | flush | retry | purge."""

from __future__ import annotations

import argparse
import io
import json
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import ClassVar

import pytest

from _cli import run
from supportkit import Reporter, SealedBundle, _plugins
from supportkit import _history as history
from supportkit.cli import _commands, _delivery
from supportkit.models import Receipt
from supportkit.outbox import Outbox
from supportkit.transports import DeliveryContext, Transport


class UploadingTransport(Transport):
    """Reports upload progress in four steps, as a slow HTTP upload does."""

    name: ClassVar[str] = "uploading"
    schemes: ClassVar[tuple[str, ...]] = ("uploading",)

    @classmethod
    def from_url(cls, url: str) -> UploadingTransport:
        return cls()

    def send(self, bundle: SealedBundle, context: DeliveryContext | None = None) -> Receipt:
        assert context is not None
        if context.progress is not None:
            for step in range(5):
                context.progress(step * 1000, 4000)
        return Receipt(
            report_id=bundle.report.id,
            ticket_id="UP-1",
            transport=self.name,
            destination="uploading",
            url="https://tickets.example.com/UP-1",
            delivered_at=datetime.now(timezone.utc),
        )


@pytest.fixture(autouse=True)
def _delivery_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """The supportkit command with the delivery commands (added once, however it is wired)."""
    original = _commands.build_parser

    def build() -> argparse.ArgumentParser:
        parser = original()
        [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if "send" not in commands.choices:
            _delivery.add_delivery_commands(commands)
        return parser

    monkeypatch.setattr(_commands, "build_parser", build)


@pytest.fixture(name="uploading")
def _uploading(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Register the uploading:// scheme the way a plugin package would."""
    monkeypatch.setitem(
        _plugins.BUILTINS["transports"], "uploading", "test_delivery:UploadingTransport"
    )
    _plugins.available.cache_clear()
    yield
    _plugins.available.cache_clear()


@pytest.fixture(name="bundle")
def _bundle(tmp_path: Path) -> SealedBundle:
    return Reporter("cli", "1", collectors=["runtime"]).capture(
        "Broken export", output=tmp_path / "b.zip"
    )


def listed(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    code, out, _ = run(capsys, "outbox", "list", "--json")
    assert code == 0
    entries: list[dict[str, object]] = json.loads(out)
    return entries


def test_send_files_the_bundle_and_prints_the_receipt(
    capsys: pytest.CaptureFixture[str], bundle: SealedBundle, tmp_path: Path
) -> None:
    """Exit 0; the ticket id and where it is; the history and the outbox both know."""
    code, out, _ = run(capsys, "send", str(bundle.path), "--to", (tmp_path / "t").as_uri())
    ticket = next((tmp_path / "t").iterdir())
    assert code == 0
    assert out.startswith(f"filed: {ticket.name} file://")
    [entry] = history.read()[0]
    assert (entry.status, entry.ticket_id) == ("delivered", ticket.name)
    assert [e["status"] for e in listed(capsys)] == ["delivered"]


def test_sending_twice_files_one_ticket(
    capsys: pytest.CaptureFixture[str], bundle: SealedBundle, tmp_path: Path
) -> None:
    """The second send prints the same receipt and files nothing new."""
    destination = (tmp_path / "t").as_uri()
    _, first, _ = run(capsys, "send", str(bundle.path), "--to", destination)
    code, second, _ = run(capsys, "send", str(bundle.path), "--to", destination)
    assert (code, second) == (0, first)
    assert len(list((tmp_path / "t").iterdir())) == 1


def test_send_refuses_a_file_that_is_not_a_bundle(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A corrupt bundle fails verification before anything is queued."""
    fake = tmp_path / "fake.zip"
    fake.write_bytes(b"not a zip")
    code, _, err = run(capsys, "send", str(fake), "--to", (tmp_path / "t").as_uri())
    assert code == 1
    assert "not a zip file" in err
    assert listed(capsys) == []


def test_transient_failure_keeps_the_report_queued(
    capsys: pytest.CaptureFixture[str], bundle: SealedBundle, tmp_path: Path
) -> None:
    """Exit 1, and the message says the report waits in the outbox and how to flush it."""
    blocked = tmp_path / "t"
    blocked.write_text("a file where the folder should be")
    code, out, err = run(capsys, "send", str(bundle.path), "--to", blocked.as_uri())
    assert (code, out) == (1, "")
    assert "stays in the outbox" in err
    assert "supportkit outbox flush" in err
    [entry] = listed(capsys)
    assert (entry["status"], entry["attempts"]) == ("pending", 1)
    assert history.read()[0][0].status == "failed"


def test_refusal_is_dead_lettered_without_leaking_the_password(
    capsys: pytest.CaptureFixture[str], bundle: SealedBundle
) -> None:
    """No transport for the scheme: exit 1, `outbox retry` suggested, password nowhere."""
    code, _, err = run(
        capsys, "send", str(bundle.path), "--to", "gopher://ana:hunter2@example.com/x"
    )
    assert code == 1
    assert "outbox retry" in err
    assert "hunter2" not in err
    [entry] = listed(capsys)
    assert entry["status"] == "dead"
    assert "hunter2" not in json.dumps(entry)
    assert "hunter2" not in history.history_path().read_text()


def test_flush_delivers_what_is_due(
    capsys: pytest.CaptureFixture[str],
    bundle: SealedBundle,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Once the cause is gone and the backoff over, flush delivers and exits 0."""
    now = [1_800_000_000.0]
    monkeypatch.setattr(_delivery, "_outbox", lambda: Outbox(clock=lambda: now[0]))
    blocked = tmp_path / "t"
    blocked.write_text("in the way")
    run(capsys, "send", str(bundle.path), "--to", blocked.as_uri())
    blocked.unlink()
    code, out, err = run(capsys, "outbox", "flush")
    assert (code, out) == (0, "")
    assert "0 delivered" in err
    now[0] += 3600
    code, out, err = run(capsys, "outbox", "flush")
    assert code == 0
    assert out.startswith("delivered  ")
    assert "1 delivered" in err


def test_flush_exits_1_when_an_attempt_fails(
    capsys: pytest.CaptureFixture[str], bundle: SealedBundle, tmp_path: Path
) -> None:
    """A flush that leaves failures behind says so in its exit code."""
    blocked = tmp_path / "t"
    blocked.write_text("in the way")
    run(capsys, "send", str(bundle.path), "--to", blocked.as_uri())
    run(capsys, "outbox", "retry", str(listed(capsys)[0]["entry_id"]))
    code, out, _ = run(capsys, "outbox", "flush")
    assert code == 1
    assert out.startswith("retrying   ")


def test_retry_puts_a_dead_entry_back(
    capsys: pytest.CaptureFixture[str], bundle: SealedBundle
) -> None:
    """outbox retry ID (or a unique prefix of it) makes the entry pending again."""
    run(capsys, "send", str(bundle.path), "--to", "gopher://example.com/x")
    entry_id = str(listed(capsys)[0]["entry_id"])
    code, _, err = run(capsys, "outbox", "retry", entry_id[:22])
    assert code == 0
    assert entry_id in err
    assert [e["status"] for e in listed(capsys)] == ["pending"]


def test_retry_of_an_unknown_id_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """Exit 2 and a pointer to `outbox list`."""
    code, _, err = run(capsys, "outbox", "retry", "01NOSUCHENTRY")
    assert code == 2
    assert "outbox list" in err


@pytest.mark.parametrize(
    ("flags", "left"),
    [((), {"dead"}), (("--dead",), {"delivered"}), (("--all",), set())],
)
def test_purge(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    flags: tuple[str, ...],
    left: set[str],
) -> None:
    """Default: delivered entries go; --dead: dead ones; --all: both."""
    reporter = Reporter("cli", "1", collectors=["runtime"])
    good = reporter.capture("good", output=tmp_path / "good.zip")
    bad = reporter.capture("bad", output=tmp_path / "bad.zip")
    run(capsys, "send", str(good.path), "--to", (tmp_path / "t").as_uri())
    run(capsys, "send", str(bad.path), "--to", "gopher://example.com/x")
    code, _, err = run(capsys, "outbox", "purge", *flags)
    assert code == 0
    assert f"removed {2 - len(left)} entr" in err
    assert {e["status"] for e in listed(capsys)} == left


def test_list_says_when_the_outbox_is_empty(capsys: pytest.CaptureFixture[str]) -> None:
    """An empty outbox is a note, not an error."""
    code, out, err = run(capsys, "outbox", "list")
    assert (code, out) == (0, "")
    assert "empty" in err


def test_list_shows_one_line_per_entry(
    capsys: pytest.CaptureFixture[str], bundle: SealedBundle, tmp_path: Path
) -> None:
    """Id, status, attempts, destination, ticket and title."""
    run(capsys, "send", str(bundle.path), "--to", (tmp_path / "t").as_uri())
    code, out, _ = run(capsys, "outbox", "list")
    [line] = out.splitlines()
    assert code == 0
    assert "delivered" in line
    assert "Broken export" in line
    assert next((tmp_path / "t").iterdir()).name in line


def test_send_progress_bar_when_forced(
    capsys: pytest.CaptureFixture[str], bundle: SealedBundle, uploading: None
) -> None:
    """--progress draws the bar on stderr from the transport's progress and ends its line."""
    code, out, err = run(capsys, "send", str(bundle.path), "--to", "uploading://x", "--progress")
    assert code == 0
    assert out == "filed: UP-1 https://tickets.example.com/UP-1\n"
    assert "100%" in err
    assert err.count("\rsending [") == 5
    assert err.endswith("\n")


def test_no_progress_bar_off_a_terminal(
    capsys: pytest.CaptureFixture[str], bundle: SealedBundle, uploading: None
) -> None:
    """By default a bar appears only on a terminal; captured stderr is not one."""
    code, _, err = run(capsys, "send", str(bundle.path), "--to", "uploading://x")
    assert code == 0
    assert "sending [" not in err


def test_progress_bar_waits_a_moment_before_drawing() -> None:
    """On a terminal, quick uploads draw nothing; once it takes a while, the bar appears."""
    stream = _Terminal()
    now = [0.0]
    bar = _delivery.ProgressBar(stream, clock=lambda: now[0])
    bar(10, 100)
    assert stream.getvalue() == ""
    now[0] = 1.0
    bar(50, 100)
    bar.finish()
    assert stream.getvalue().startswith("\rsending [###############---------------]  50%")
    assert stream.getvalue().endswith("\n")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True
