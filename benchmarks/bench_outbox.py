"""Outbox speed, each beside a baseline measured in the same run.

Run: ``.venv/bin/python benchmarks/bench_outbox.py`` (1,000 reports; ``--quick`` for 200).

Targets (issue 5, the outbox):
- outbox overhead per report (enqueue and bookkeeping, no network) under 5 ms median;
  baseline: a plain ``shutil.copy`` of the bundle plus one JSON write, with and without fsync;
- flushing 1,000 queued small reports to a local webhook at no less than 200 reports/s;
  baseline: the same transport posting the same bundles directly, without the outbox, one at
  a time and with as many threads as the flush has senders (``--concurrency``).

The receiver is the test suite's real HTTP server (``tests/_webhook_server.py``) in its own
process, and the transport is supportkit's webhook transport. Everything is written under a
temp folder. The outbox syncs every record to disk, so the results depend on the disk's fsync
latency: the "copy + JSON write + fsync" line shows it; run on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from _webhook_server import WebhookServer
from supportkit import Reporter, SealedBundle
from supportkit.outbox import Outbox
from supportkit.outbox._outbox import DEFAULT_CONCURRENCY
from supportkit.transports.webhook import WebhookTransport

FLUSH_TARGET = 200.0
"""Reports per second, flushing 1,000 small reports to a local webhook (the spec's target)."""


def capture(folder: Path, count: int) -> list[SealedBundle]:
    """``count`` small real bundles (distinct reports), captured once up front."""
    reporter = Reporter("bench", "1", collectors=["runtime"])
    folder.mkdir(parents=True)
    return [reporter.capture(f"report {i}", output=folder / f"{i}.zip") for i in range(count)]


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed_each(
    items: list[SealedBundle], run: Callable[[SealedBundle, int], object]
) -> list[float]:
    samples = []
    for index, item in enumerate(items):
        start = time.perf_counter()
        run(item, index)
        samples.append(time.perf_counter() - start)
    return samples


def bench_overhead(work: Path, bundles: list[SealedBundle]) -> list[tuple[str, float, str]]:
    """Per-report cost of getting a report into the outbox, beside copying it by hand."""
    plain = work / "plain"
    plain.mkdir()

    def copy_and_json(bundle: SealedBundle, index: int, *, sync: bool) -> None:
        target = plain / f"{index}-{int(sync)}"
        target.mkdir()
        shutil.copy(bundle.path, target / "bundle.zip")
        record = {"report_id": bundle.report.id, "destination": "http://x", "attempts": 0}
        with (target / "entry.json").open("w") as handle:
            json.dump(record, handle)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())

    outbox = Outbox(work / "outbox-overhead", record_history=False)
    baseline = median_ms(timed_each(bundles, lambda b, i: copy_and_json(b, i, sync=False)))
    synced = median_ms(timed_each(bundles, lambda b, i: copy_and_json(b, i, sync=True)))
    enqueue = median_ms(timed_each(bundles, lambda b, _: outbox.enqueue(b, "http://x/hooks")))
    return [
        ("copy + JSON write (baseline)", baseline, ""),
        ("copy + JSON write + fsync", synced, ""),
        ("Outbox.enqueue", enqueue, "target < 5 ms"),
    ]


class Receiver:
    """The test suite's webhook server in its own process, as a real receiver would be."""

    def __enter__(self) -> Receiver:
        context = multiprocessing.get_context("spawn")
        self._pipe, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child,), daemon=True)
        self._process.start()
        self.url: str = self._pipe.recv()
        return self

    def stop(self) -> int:
        """Stop serving; return how many distinct deliveries the server processed."""
        self._pipe.send("stop")
        received: int = self._pipe.recv()
        self._process.join(timeout=30)
        return received

    def __exit__(self, *_: object) -> None:
        if self._process.is_alive():
            self._process.kill()


def _serve(pipe: Any) -> None:
    with WebhookServer() as server:
        pipe.send(server.url)
        pipe.recv()
        pipe.send(server.unique_deliveries)


def post_directly(bundles: list[SealedBundle], threads: int) -> float:
    """Reports per second the webhook transport posts with no outbox, from ``threads``."""
    with Receiver() as receiver:
        transport = WebhookTransport(receiver.url)
        start = time.perf_counter()
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(transport.send, bundles))
        rate = len(bundles) / (time.perf_counter() - start)
        transport.close()
        delivered = receiver.stop()
    if delivered != len(bundles):
        msg = f"direct POST: the server got {delivered} of {len(bundles)}"
        raise SystemExit(msg)
    return rate


def bench_flush(
    work: Path, bundles: list[SealedBundle], concurrency: int
) -> list[tuple[str, float, str]]:
    """Reports per second delivered from the outbox, beside posting them directly."""
    serial = post_directly(bundles, 1)
    parallel = post_directly(bundles, concurrency)
    with Receiver() as receiver:
        outbox = Outbox(work / "outbox-flush")
        for bundle in bundles:
            outbox.enqueue(bundle, receiver.url)
        transport = WebhookTransport(receiver.url)
        start = time.perf_counter()
        result = outbox.flush(transports=lambda _: transport, concurrency=concurrency)
        through_outbox = len(bundles) / (time.perf_counter() - start)
        delivered = receiver.stop()
    if len(result.delivered) != len(bundles) or delivered != len(bundles):
        msg = f"flush delivered {len(result.delivered)}, server got {delivered} of {len(bundles)}"
        raise SystemExit(msg)
    met = "met" if through_outbox >= FLUSH_TARGET else "NOT MET"
    return [
        ("direct POST, no outbox, 1 thread (baseline)", serial, ""),
        (f"direct POST, no outbox, {concurrency} threads", parallel, ""),
        (
            f"Outbox.flush, concurrency={concurrency}",
            through_outbox,
            f"target >= {FLUSH_TARGET:.0f}/s: {met}",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 reports instead of 1,000")
    parser.add_argument(
        "--work", type=Path, help="where to write (e.g. /dev/shm to leave the disk out)"
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        default=DEFAULT_CONCURRENCY,
        help=f"the flush's parallel senders (default: {DEFAULT_CONCURRENCY}, the outbox's)",
    )
    args = parser.parse_args()
    count = 200 if args.quick else 1000
    with tempfile.TemporaryDirectory(prefix="bench-outbox-", dir=args.work) as temp:
        work = Path(temp)
        os.environ["SUPPORTKIT_HOME"] = str(work / "home")
        bundles = capture(work / "bundles", count)
        overhead = bench_overhead(work, bundles[:200])
        flush = bench_flush(work, bundles, args.concurrency)
    print(f"outbox overhead per report (median of {min(count, 200)}, no network)")
    base = overhead[0][1]
    for name, value, target in overhead:
        print(f"  {name:<44} {value:8.3f} ms  ×{value / base:5.2f}  {target}")
    print(f"flushing {count} queued small reports to a local webhook")
    base = flush[0][1]
    for name, value, target in flush:
        print(f"  {name:<44} {value:8.1f} /s  ×{value / base:5.2f}  {target}")
    print(f"  flush / direct POST with as many threads: ×{flush[2][1] / flush[1][1]:.2f}")


if __name__ == "__main__":
    main()
