"""The Reporter: one call captures a sealed report; send files it and records it."""

from __future__ import annotations

import logging
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest

import supportkit
from supportkit import (
    BreadcrumbRing,
    CaptureContext,
    ContactError,
    InvalidArgumentError,
    Reporter,
    Section,
)
from supportkit._history import read as read_history
from supportkit._plugins import available
from supportkit.bundle import read_bundle
from supportkit.transports import FileTransport

QUICK = ["system", "runtime", "breadcrumbs", "exception", "logs", "files", "variables"]


@pytest.fixture(name="reporter")
def _reporter(tmp_path: Path) -> Reporter:
    return Reporter(
        "invoicer",
        "2.4.1",
        app_build="abc123",
        collectors=QUICK,
        breadcrumbs=BreadcrumbRing(50),
        transport=FileTransport(tmp_path / "filed"),
    )


def test_capture_seals_a_complete_report(reporter: Reporter, tmp_path: Path) -> None:
    """A capture with every problem field yields a verified bundle holding them all."""
    log = tmp_path / "app.log"
    log.write_text("started\nfailed to export\n")
    reporter.breadcrumbs.add("opened invoice", category="ui")
    bundle = reporter.capture(
        "Export does nothing",
        description="The export button has no effect.",
        expected="a PDF",
        actual="nothing",
        error_text="E042: renderer unavailable",
        category="billing",
        tried=[("restarted the app", "same"), "cleared the cache"],
        steps=["Open invoice", "  ", "Click Export"],
        urgency="high",
        impact="high",
        contact={"name": "Ana", "email": "ana@example.com", "phone": "+84 28 3822 1234"},
        logs=[log],
        output=tmp_path / "out.zip",
    )
    report = read_bundle(tmp_path / "out.zip").report
    assert report == bundle.report
    assert report.problem.tried[0].result == "same"
    assert report.steps == ("Open invoice", "Click Export")
    assert (report.priority.level, report.priority.name) == (1, "critical")
    assert report.contact is not None
    assert report.contact.phone == "+842838221234"
    assert report.app.build == "abc123"
    assert [b.message for b in report.breadcrumbs] == ["opened invoice"]
    assert report.environment.system is not None
    assert report.environment.runtime is not None
    assert [a.kind for a in report.attachments] == ["log"]
    assert {run.name: run.status for run in report.capture}["logs"] == "ok"


def test_capture_records_the_handled_exception(reporter: Reporter, tmp_path: Path) -> None:
    """exception=True captures the exception being handled, with its chain and fingerprint."""
    try:
        try:
            {}["missing"]
        except KeyError as exc:
            raise RuntimeError("lookup failed") from exc
    except RuntimeError:
        bundle = reporter.capture("crash", exception=True, output=tmp_path / "b.zip")
    assert bundle.report.exception is not None
    assert [e.type for e in bundle.report.exception.chain] == ["KeyError", "RuntimeError"]


def test_failing_and_hanging_collectors_never_raise(tmp_path: Path) -> None:
    """A collector that raises or hangs is recorded; capture still returns a bundle."""
    release = threading.Event()

    class Broken:
        name = "broken"

        def collect(self, ctx: CaptureContext) -> Section:
            raise OSError("disk on fire")

    class Hung:
        name = "hung"
        timeout = 0.05

        def collect(self, ctx: CaptureContext) -> Section:
            release.wait(10)
            return Section(data={})

    reporter = Reporter("app", "1", collectors=[Broken(), Hung(), "runtime"])
    try:
        bundle = reporter.capture("still works", output=tmp_path / "b.zip")
    finally:
        release.set()
    runs = {run.name: run for run in bundle.report.capture}
    assert runs["broken"].status == "failed"
    assert runs["broken"].error_message == "disk on fire"
    assert runs["hung"].error_type == "TimeoutError"
    assert runs["runtime"].status == "ok"


def test_collector_data_that_does_not_fit_is_a_recorded_failure(tmp_path: Path) -> None:
    """Data of the wrong shape for its section fails that collector, not the capture."""

    class BadSystem:
        name = "system"

        def collect(self, ctx: CaptureContext) -> Section:
            return Section(data={"os_name": 3})

    class NotJson:
        name = "weird"

        def collect(self, ctx: CaptureContext) -> Section:
            return Section(data={"when": object()})

    bundle = Reporter("app", "1", collectors=[BadSystem(), NotJson()]).capture(
        "x", output=tmp_path / "b.zip"
    )
    runs = {run.name: run for run in bundle.report.capture}
    assert runs["system"].error_type == "InvalidSectionData"
    assert runs["weird"].error_type == "InvalidSectionData"
    assert bundle.report.environment.system is None


def test_host_collector_data_lands_under_its_name(tmp_path: Path) -> None:
    """A host's own collector contributes a section named after it."""

    class Git:
        name = "git"

        def collect(self, ctx: CaptureContext) -> Section:
            return Section(data={"commit": "0a1b2c3"})

    bundle = Reporter("app", "1", collectors=[Git()]).capture("x", output=tmp_path / "b.zip")
    assert bundle.report.environment.model_extra == {"git": {"commit": "0a1b2c3"}}


def test_third_party_collector_registers_through_an_entry_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An installed distribution's supportkit.collectors entry point runs by default."""
    dist_info = tmp_path / "acme_support-1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-support\nVersion: 1.0\n")
    (dist_info / "entry_points.txt").write_text(
        "[supportkit.collectors]\nacme = acme_collector:AcmeCollector\n"
    )
    (tmp_path / "acme_collector.py").write_text(
        textwrap.dedent(
            """
            from supportkit.collectors import Section

            class AcmeCollector:
                name = "acme"

                def collect(self, ctx):
                    return Section(data={"licence": "valid"})
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    available.cache_clear()
    try:
        reporter = Reporter("app", "1", exclude=["packages", "displays", "process"])
        bundle = reporter.capture("x", output=tmp_path / "b.zip")
    finally:
        available.cache_clear()
    assert bundle.report.environment.model_extra == {"acme": {"licence": "valid"}}


def test_host_chooses_collectors_by_name_and_exclusion(tmp_path: Path) -> None:
    """Only the named collectors run, less the excluded ones."""
    reporter = Reporter("app", "1", collectors=["runtime", "system"], exclude=["system"])
    bundle = reporter.capture("x", output=tmp_path / "b.zip")
    assert [run.name for run in bundle.report.capture] == ["runtime"]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"title": "  "}, "title is empty"),
        ({"title": "x", "urgency": "asap"}, "urgency must be one of"),
        ({"title": "x", "impact": "all"}, "impact must be one of"),
        ({"title": "x", "contact": {"phone": "12"}}, "contact phone"),
        ({"title": "x", "contact": {"mail": "a@b.c"}}, "unknown fields"),
        ({"title": "x", "exception": "boom"}, "exception must be"),
    ],
)
def test_invalid_arguments_raise_with_what_to_fix(
    reporter: Reporter, kwargs: dict[str, Any], match: str
) -> None:
    """Only unusable arguments raise, and the message says what to fix."""
    with pytest.raises(InvalidArgumentError, match=match):
        reporter.capture(**kwargs)


def test_contact_error_is_an_invalid_argument_error(reporter: Reporter) -> None:
    """Contact validation failures are catchable as ContactError."""
    with pytest.raises(ContactError):
        reporter.capture("x", contact={"email": "nope"})


def test_missing_log_is_noted_and_the_bundle_still_made(reporter: Reporter, tmp_path: Path) -> None:
    """A log path that does not exist is recorded as a note; the capture goes on."""
    bundle = reporter.capture("x", logs=[tmp_path / "nope.log"], output=tmp_path / "b.zip")
    runs = {run.name: run for run in bundle.report.capture}
    assert any("nope.log" in note for note in runs["logs"].notes)


def test_send_files_once_and_records_history(reporter: Reporter, supportkit_home: Path) -> None:
    """send() files the bundle through the outbox; sending again returns the same receipt."""
    bundle = reporter.capture("Export does nothing")
    assert bundle.path.is_relative_to(supportkit_home)
    first = reporter.send(bundle)
    second = reporter.send(bundle)
    assert first == second
    assert first.path is not None
    assert read_bundle(Path(first.path)).report == bundle.report
    entries, unreadable = read_history()
    assert [(e.report_id, e.status, e.ticket_id) for e in entries] == [
        (bundle.report.id, "delivered", first.ticket_id)
    ]
    assert unreadable == 0


def test_send_refuses_anything_but_a_sealed_bundle(reporter: Reporter, tmp_path: Path) -> None:
    """A path or report cannot be sent: only what capture() or read_bundle() sealed."""
    with pytest.raises(InvalidArgumentError, match="SealedBundle"):
        reporter.send(tmp_path / "b.zip")  # type: ignore[arg-type]


def test_app_version_found_from_the_installed_distribution(tmp_path: Path) -> None:
    """Without a version, an installed distribution of that name supplies it."""
    bundle = Reporter("pydantic", collectors=[]).capture("x", output=tmp_path / "b.zip")
    assert bundle.report.app.source == "distribution"
    assert bundle.report.app.version


def test_capture_in_background_calls_back(reporter: Reporter, tmp_path: Path) -> None:
    """capture_in_background returns at once; the callback receives the sealed bundle."""
    done = threading.Event()
    future = reporter.capture_in_background(
        "x", output=tmp_path / "b.zip", callback=lambda _f: done.set()
    )
    assert done.wait(30)
    assert future.result().report.problem.title == "x"


def test_capture_in_background_hands_errors_to_the_future(reporter: Reporter) -> None:
    """An invalid argument surfaces from the future, not on the calling thread."""
    future = reporter.capture_in_background("  ")
    with pytest.raises(InvalidArgumentError):
        future.result(30)


def test_log_buffer_records_are_attached(tmp_path: Path) -> None:
    """Records kept by install_log_buffer() are attached as a log file."""
    logger = logging.getLogger("supportkit-test-buffer")
    logger.setLevel(logging.INFO)
    handler = supportkit.install_log_buffer(logger=logger)
    try:
        logger.warning("payment declined for order %s", 42)
        reporter = Reporter("app", "1", collectors=["log_buffer"], log_buffer=handler)
        bundle = reporter.capture("x", output=tmp_path / "b.zip")
    finally:
        supportkit.uninstall_log_buffer()
    assert handler not in logger.handlers
    (info,) = bundle.report.attachments
    assert b"payment declined for order 42" in bundle.read_file(info.path)


def test_fan_out_sends_a_minimal_bundle_where_asked(tmp_path: Path, supportkit_home: Path) -> None:
    """One capture goes in full to one destination and as a minimal summary to another."""
    log = tmp_path / "app.log"
    log.write_text("request from ana@example.com\n")
    reporter = Reporter(
        "app", "1", collectors=["logs", "system"], transport=FileTransport(tmp_path / "desk")
    )
    bundle = reporter.capture(
        "Crash on save",
        description="Happens for ana@example.com every time",
        contact={"email": "ana@example.com"},
        logs=[log],
    )
    full = reporter.send(bundle)
    public = reporter.send(bundle, to=f"{(tmp_path / 'public').as_uri()}?profile=minimal")
    full_bundle = read_bundle(Path(full.path or ""))
    public_bundle = read_bundle(Path(public.path or ""))
    assert (full_bundle.manifest.profile, public_bundle.manifest.profile) == ("full", "minimal")
    assert full_bundle.report.contact is not None
    assert public_bundle.report.contact is None
    assert public_bundle.report.attachments == ()
    assert "ana@example.com" not in (public_bundle.report.problem.description or "")
    assert public_bundle.report.environment.system is not None
    assert public_bundle.report.environment.system.hostname is None


def test_unknown_profile_is_a_clear_error(reporter: Reporter) -> None:
    """An unknown profile name is refused, naming the ones that exist."""
    bundle = reporter.capture("x")
    with pytest.raises(InvalidArgumentError, match="choose one of full, minimal"):
        reporter.send(bundle, profile="public")


def test_send_in_background_delivers(reporter: Reporter) -> None:
    """send_in_background returns the queued entry; the worker delivers it."""
    bundle = reporter.capture("x")
    entry = reporter.send_in_background(bundle)
    assert reporter._worker is not None
    assert reporter._worker.wait_idle(30)
    assert reporter._outbox is not None
    assert reporter._outbox.get(entry.entry_id).status == "delivered"
