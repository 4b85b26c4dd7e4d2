"""Real processes: two flushing one outbox at once, and delivering processes killed with SIGKILL."""

from __future__ import annotations

import multiprocessing
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from _outbox_fakes import (
    MakeBundle,
    MarkerTransport,
    destination_for,
    enqueue_and_flush_process,
    enqueue_and_flush_webhook_process,
    flush_process,
    flush_webhook_process,
    read_lines,
)

from _webhook_server import Drop, Respond, WebhookServer
from supportkit.bundle import read_bundle
from supportkit.outbox import Outbox
from supportkit.transports.file import TICKET_FILE

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

KILL_ITERATIONS = 20


@pytest.fixture(scope="module", name="processes")
def _processes() -> Any:
    """Processes forked from a server that has supportkit loaded: cheap to start many times."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["_outbox_fakes", "supportkit.outbox", "supportkit.bundle"])
    warm_up = context.Process(target=time.sleep, args=(0,))
    warm_up.start()
    warm_up.join(timeout=120)
    return context


def test_two_processes_flushing_at_once_send_each_entry_once(
    processes: Any, make_bundle: MakeBundle, tmp_path: Path
) -> None:
    """Per-entry locks: every report reaches the destination exactly once, none is missed."""
    outbox = Outbox(tmp_path / "outbox")
    reports = [outbox.enqueue(make_bundle(f"r{i}"), "file://dest").report_id for i in range(24)]
    tickets = tmp_path / "tickets"
    gate = processes.Event()
    arguments = (str(outbox.folder), "file", str(tickets), 0.005, gate)
    workers = [processes.Process(target=flush_process, args=arguments) for _ in range(2)]
    for worker in workers:
        worker.start()
    gate.set()
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0, 0]
    sends = Counter(read_lines(tickets.with_name("tickets.sends")))
    assert sends == Counter(reports)
    assert {e.status for e in outbox.entries()} == {"delivered"}


def test_two_processes_flushing_a_webhook_in_parallel_send_each_entry_once(
    processes: Any, make_bundle: MakeBundle, tmp_path: Path
) -> None:
    """Two processes with four senders each, faults injected: no entry is sent twice."""
    with WebhookServer() as server:
        outbox = Outbox(tmp_path / "outbox")
        bundles = [make_bundle(f"r{i}") for i in range(40)]
        for bundle in bundles:
            outbox.enqueue(bundle, server.url)
        server.script(*[Respond(500), Drop(after_bytes=0), Respond(429, {"Retry-After": "0"})] * 4)
        gate = processes.Event()
        arguments = (str(outbox.folder), gate)
        workers = [processes.Process(target=flush_webhook_process, args=arguments) for _ in "ab"]
        for worker in workers:
            worker.start()
        gate.set()
        for worker in workers:
            worker.join(timeout=120)
        assert [worker.exitcode for worker in workers] == [0, 0]
        accepted = Counter(r.idempotency_key for r in server.requests if r.action == "Accept")
    assert accepted == Counter(b.report.id for b in bundles)
    assert server.unique_deliveries == len(bundles)
    assert {e.status for e in outbox.entries()} == {"delivered"}


def _whole_after_kill(folder: Path, iteration: int) -> Outbox:
    """The outbox a killed process left: every entry whole, none it acknowledged missing."""
    outbox = Outbox(folder / "outbox", record_history=False)
    entries = outbox.entries()
    for entry in entries:
        assert read_bundle(entry.bundle_path).report.id == entry.report_id
    acknowledged = set(read_lines(folder / "outbox.queued"))
    assert acknowledged <= {e.entry_id for e in entries}, iteration
    assert not [p for p in outbox.problems if "unreadable" in p]
    return outbox


def test_killed_during_a_parallel_webhook_flush_every_report_ends_delivered_once(
    processes: Any, make_bundle: MakeBundle, tmp_path: Path
) -> None:
    """SIGKILL while four senders post to a webhook: nothing corrupt, lost or filed twice."""
    bundles = [make_bundle(f"r{i}") for i in range(8)]
    paths = [str(b.path) for b in bundles]
    rng = random.Random(20_260_502)
    window = _calibrate_webhook(processes, tmp_path / "calibration", paths)
    for iteration in range(KILL_ITERATIONS // 2):
        folder = tmp_path / f"run{iteration}"
        with WebhookServer() as server:
            worker = processes.Process(
                target=enqueue_and_flush_webhook_process,
                args=(str(folder / "outbox"), server.url, paths),
            )
            worker.start()
            time.sleep(rng.uniform(0, window))
            worker.kill()
            worker.join(timeout=60)
            outbox = _whole_after_kill(folder, iteration)
            for bundle in bundles:
                outbox.enqueue(bundle, server.url)
            result = outbox.flush(concurrency=4)
            assert result.ok, (iteration, result)
            assert {e.status for e in outbox.entries()} == {"delivered"}
            assert server.unique_deliveries == len(bundles), iteration
            for bundle in bundles:
                assert len(server.deliveries_for(bundle.report.id)) == 1
        assert not [p.name for p in (folder / "outbox").iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("kind", ["file", "marker"])
def test_killed_at_any_instant_every_report_ends_delivered_once(
    processes: Any, make_bundle: MakeBundle, tmp_path: Path, kind: str
) -> None:
    """SIGKILL mid-enqueue or mid-delivery, many times: never a corrupt, lost or doubled report.

    Every entry the killed process was told is queued is still there, whole. Then the host
    enqueues the same bundles again (harmless for those queued already) and flushes; each
    report must then be filed exactly once at the destination.
    """
    bundles = [make_bundle(f"r{i}") for i in range(3)]
    paths = [str(b.path) for b in bundles]
    rng = random.Random(20_260_501)
    window = _calibrate(processes, tmp_path / "calibration", kind, paths)
    for iteration in range(KILL_ITERATIONS):
        folder = tmp_path / f"run{iteration}"
        worker = processes.Process(
            target=enqueue_and_flush_process,
            args=(str(folder / "outbox"), kind, str(folder / "dest"), paths),
        )
        worker.start()
        time.sleep(rng.uniform(0, window))
        worker.kill()
        worker.join(timeout=60)
        outbox = _whole_after_kill(folder, iteration)
        for bundle in bundles:
            outbox.enqueue(bundle, f"{kind}://dest")
        transport = destination_for(kind, folder / "dest")
        result = outbox.flush(transports=lambda _, t=transport: t)  # type: ignore[misc]
        assert result.ok, (iteration, result)
        assert {e.status for e in outbox.entries()} == {"delivered"}
        assert _filed(kind, folder / "dest") == Counter(b.report.id for b in bundles), iteration
        assert not [p.name for p in (folder / "outbox").iterdir() if p.name.startswith(".")]


def _calibrate(processes: Any, folder: Path, kind: str, paths: list[str]) -> float:
    """How long an uninterrupted run takes, so kill points spread over all of it."""
    durations = []
    for run in range(2):
        started = time.monotonic()
        worker = processes.Process(
            target=enqueue_and_flush_process,
            args=(str(folder / f"outbox{run}"), kind, str(folder / f"dest{run}"), paths),
        )
        worker.start()
        worker.join(timeout=120)
        assert worker.exitcode == 0
        durations.append(time.monotonic() - started)
    return min(durations)


def _calibrate_webhook(processes: Any, folder: Path, paths: list[str]) -> float:
    """How long an uninterrupted enqueue-and-flush to a webhook takes."""
    durations = []
    for run in range(2):
        with WebhookServer() as server:
            started = time.monotonic()
            worker = processes.Process(
                target=enqueue_and_flush_webhook_process,
                args=(str(folder / f"outbox{run}"), server.url, paths),
            )
            worker.start()
            worker.join(timeout=120)
            assert worker.exitcode == 0
            durations.append(time.monotonic() - started)
            assert server.unique_deliveries == len(paths)
    return min(durations)


def _filed(kind: str, destination: Path) -> Counter[str]:
    """Report id → how many tickets the destination holds for it."""
    if kind == "marker":
        return Counter(MarkerTransport(destination).records().values())
    filed: Counter[str] = Counter()
    for ticket in destination.iterdir():
        assert (ticket / TICKET_FILE).exists()
        [bundle] = ticket.glob("*.zip")
        filed[read_bundle(bundle).report.id] += 1
    return filed
