"""The process collector: the test process itself, and what happens when psutil is denied."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import psutil
import pytest

from supportkit.collectors._base import CaptureContext
from supportkit.collectors.process import ProcessCollector
from supportkit.models import ProcessInfo


@pytest.fixture(name="in_tmp_cwd")
def _in_tmp_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The process's working directory is a fresh folder for this test."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _collect(ctx: CaptureContext) -> ProcessInfo:
    data = ProcessCollector().collect(ctx).data
    assert isinstance(data, ProcessInfo)
    return data


def test_reports_this_process(ctx: CaptureContext, in_tmp_cwd: Path) -> None:
    """pid, working directory and command line are the running process's."""
    info = _collect(ctx)
    assert info.pid == os.getpid()
    assert info.cwd is not None
    assert os.path.samefile(info.cwd, in_tmp_cwd)
    assert info.command_line[1:] == tuple(sys.orig_argv[1:])


def test_reports_start_time_uptime_and_size(ctx: CaptureContext) -> None:
    """Start time is UTC and in the past, and uptime, memory and threads are positive."""
    info = _collect(ctx)
    assert info.started_at is not None
    assert info.started_at.tzinfo == timezone.utc
    assert info.started_at <= datetime.now(timezone.utc)
    assert info.uptime_seconds is not None
    assert info.uptime_seconds >= 0
    assert info.memory_rss is not None
    assert info.memory_rss > 0
    assert info.threads is not None
    assert info.threads >= 1


def _deny(*args: object, **kwargs: object) -> object:
    raise psutil.AccessDenied(pid=os.getpid())


@pytest.mark.parametrize(
    ("method", "field"),
    [
        ("cwd", "cwd"),
        ("num_threads", "threads"),
        ("create_time", "started_at"),
    ],
)
def test_a_denied_probe_leaves_its_field_empty(
    ctx: CaptureContext, monkeypatch: pytest.MonkeyPatch, method: str, field: str
) -> None:
    """A probe the OS refuses is left None with a note; the other fields are still filled."""
    monkeypatch.setattr(psutil.Process, method, _deny)
    section = ProcessCollector().collect(ctx)
    assert getattr(section.data, field) is None
    assert any("AccessDenied" in note for note in section.notes)
    assert section.data.pid == os.getpid()
    assert section.data.command_line


def test_denied_command_line_falls_back_to_the_interpreters_argv(
    ctx: CaptureContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the OS will not give the command line, the interpreter's own argv is reported."""
    monkeypatch.setattr(psutil.Process, "cmdline", _deny)
    section = ProcessCollector().collect(ctx)
    assert section.data.command_line == tuple(sys.orig_argv)
    assert any(note.startswith("command line") for note in section.notes)


_CAPTURE_SELF = """
import sys, supportkit
supportkit.Reporter("app", "1", collectors=["process"]).capture("x", output=sys.argv[-1])
"""


def test_a_password_on_the_command_line_does_not_reach_the_bundle(tmp_path: Path) -> None:
    """A real process started with ``--password VALUE`` (two arguments) reports its command
    line with the flag and without the value."""
    bundle = tmp_path / "b.zip"
    secret = "Hunter22!x"
    subprocess.run(
        [sys.executable, "-c", _CAPTURE_SELF, "--password", secret, "--verbose", str(bundle)],
        check=True,
        timeout=120,
    )
    with zipfile.ZipFile(bundle) as archive:
        report = json.loads(archive.read("report.json"))
        everything = b"".join(archive.read(name) for name in archive.namelist())
    assert secret.encode() not in everything
    command_line = report["environment"]["process"]["command_line"]
    assert command_line[-4:] == ["--password", "<secret-1>", "--verbose", str(bundle)]
