"""Fixtures for bundle tests: a realistic report built by hand, and attachments on disk."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from supportkit.collectors._base import PendingAttachment
from supportkit.models import (
    App,
    Attempt,
    Breadcrumb,
    CollectorRun,
    Contact,
    Cut,
    Display,
    Displays,
    Distribution,
    Environment,
    ExceptionInfo,
    ExceptionReport,
    Frame,
    Priority,
    Problem,
    Report,
    RuntimeInfo,
    SystemInfo,
)

CREATED = datetime(2024, 5, 14, 9, 30, 12, tzinfo=timezone.utc)


@pytest.fixture(name="report")
def _report() -> Report:
    """A report as a capture on a developer's laptop would produce it."""
    return Report(
        id="01HXTZ8Q3W4V5N6M7K8J9H0G1F",
        created_at=CREATED,
        timezone="Europe/Berlin",
        utc_offset="+02:00",
        app=App(name="invoicer", version="2.4.1", build="abc123"),
        problem=Problem(
            title="Export to PDF does nothing",
            description="Clicking Export on an invoice shows a spinner that never stops.",
            expected="A PDF opens in the viewer.",
            actual="The spinner keeps spinning; no file appears.",
            error_text="ExportError: renderer exited with status 3\n  at pdf.render()",
            occurred_at=CREATED - timedelta(minutes=5),
            category="export",
            tried=(
                Attempt(action="Restarted the app", result="Same problem"),
                Attempt(action="Exported another invoice"),
            ),
        ),
        steps=("Open invoice 2024-117", "Click Export", "Choose PDF"),
        breadcrumbs=tuple(
            Breadcrumb(
                timestamp=CREATED - timedelta(seconds=60 - second),
                message=f"event number {second}",
                category="ui",
            )
            for second in range(12)
        ),
        priority=Priority(
            urgency="high",
            impact="medium",
            level=2,
            name="High",
            target_response=timedelta(hours=4),
        ),
        contact=Contact(
            name="Dana Example",
            email="dana@example.com",
            phone="+442079460958",
            timezone="Europe/London",
            preferred_contact_time="mornings",
            reference="ACME-4711",
        ),
        environment=Environment(
            system=SystemInfo(
                os_name="Ubuntu 24.04.1 LTS",
                os_family="Linux",
                kernel="6.8.0-45-generic",
                architecture="x86_64",
                cpu_model="AMD Ryzen 7 7840U",
                cpu_cores_physical=8,
                cpu_cores_logical=16,
                memory_total=32 * 1024**3,
                memory_available=12 * 1024**3,
            ),
            runtime=RuntimeInfo(
                implementation="CPython", version="3.12.3", virtual_env="/home/dana/.venv"
            ),
            packages=(
                Distribution(name="pydantic", version="2.7.1"),
                Distribution(name="psutil", version="5.9.8"),
            ),
            displays=Displays(
                server="x11", count=2, displays=(Display(index=0, width=2560, height=1440),)
            ),
        ),
        exception=ExceptionReport(
            fingerprint="f3a9c2e1",
            chain=(
                ExceptionInfo(type="OSError", message="broken pipe", relation="context"),
                ExceptionInfo(
                    type="invoicer.export.ExportError",
                    message="renderer exited with status 3",
                    frames=(
                        Frame(file="invoicer/ui.py", line=88, function="on_click"),
                        Frame(
                            file="invoicer/export.py",
                            line=214,
                            function="render_pdf",
                            source="raise ExportError(status)",
                        ),
                    ),
                ),
            ),
        ),
        capture=(
            CollectorRun(name="system", status="ok", duration_ms=12.5),
            CollectorRun(
                name="displays", status="skipped", duration_ms=0.3, reason="no display server"
            ),
            CollectorRun(
                name="packages",
                status="failed",
                duration_ms=4.0,
                error_type="PermissionError",
                error_message="site-packages not readable",
            ),
            CollectorRun(
                name="logs", status="ok", duration_ms=3.1, notes=("/var/log/gone.log not found",)
            ),
        ),
    )


@pytest.fixture(name="minimal_report")
def _minimal_report() -> Report:
    """A report with nothing but the required fields."""
    return Report(
        id="01HXTZ8Q3W4V5N6M7K8J9H0G2G",
        created_at=CREATED,
        utc_offset="+00:00",
        app=App(name="invoicer"),
        problem=Problem(title="It broke"),
        priority=Priority(
            urgency="low", impact="low", level=4, name="Low", target_response=timedelta(days=2)
        ),
    )


def _log_lines(count: int) -> bytes:
    return b"".join(f"{i:08d} ".encode().ljust(59, b"x") + b"\n" for i in range(count))


@pytest.fixture(name="make_log")
def _make_log() -> Callable[[int], bytes]:
    """Makes a log of so many numbered 60-byte lines."""
    return _log_lines


@pytest.fixture(name="log_file")
def _log_file(tmp_path: Path) -> Path:
    """A 600 KB application log on disk."""
    path = tmp_path / "source" / "app.log"
    path.parent.mkdir()
    path.write_bytes(_log_lines(10_000))
    return path


@pytest.fixture(name="attachments")
def _attachments(log_file: Path) -> list[PendingAttachment]:
    """A log slice on disk (already tailed by the collector) and a screenshot in memory."""
    size = log_file.stat().st_size
    tail = 200_000
    return [
        PendingAttachment(
            name="app.log",
            kind="log",
            source=str(log_file),
            media_type="text/plain",
            original_size=size,
            path=log_file,
            offset=size - tail,
            length=tail,
            cuts=(Cut(action="tail", original_size=size, kept_size=tail, reason="log tail limit"),),
        ),
        PendingAttachment(
            name="screen-0.png",
            kind="screenshot",
            source="display 0",
            media_type="image/png",
            original_size=5000,
            data=bytes(range(256)) * 19 + b"\x89PNG" * 34,
            text=False,
        ),
    ]
