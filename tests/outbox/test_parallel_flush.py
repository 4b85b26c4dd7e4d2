"""Parallel flushes to a real local webhook: bounded, exactly once, faults and all."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from _outbox_fakes import FakeClock, MakeBundle, ScriptedTransport

from _webhook_server import Accept, Action, Drop, Respond, Slow, WebhookServer
from supportkit.exceptions import InvalidArgumentError, TransientDeliveryError
from supportkit.outbox import Outbox, RetryPolicy
from supportkit.transports.webhook import SECRET_VARIABLE, WebhookTransport


@pytest.fixture(autouse=True)
def _no_secret_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SECRET_VARIABLE, raising=False)


@pytest.fixture(name="server")
def _server() -> Iterator[WebhookServer]:
    with WebhookServer() as server:
        yield server


@pytest.fixture(name="patient")
def _patient(tmp_path: Path, clock: FakeClock) -> Outbox:
    """An outbox on a fake clock that retries often enough to outlast every scripted fault."""
    policy = RetryPolicy(base=1.0, cap=8.0, max_attempts=30, random=lambda: 1.0)
    return Outbox(tmp_path / "outbox", clock=clock, sleep=clock.sleep, policy=policy)


def _accepted_per_key(server: WebhookServer) -> Counter[str | None]:
    """How often the receiver processed (or replayed) each key: 1 means sent exactly once."""
    return Counter(r.idempotency_key for r in server.requests if r.action == "Accept")


@pytest.mark.parametrize("concurrency", [1, 4])
def test_never_more_requests_at_once_than_the_concurrency(
    tmp_path: Path, make_bundle: MakeBundle, concurrency: int
) -> None:
    """Slow answers overlap: exactly ``concurrency`` are in flight, never more."""
    outbox = Outbox(tmp_path / "outbox", record_history=False)
    with WebhookServer(default=Slow(0.2)) as server:
        for i in range(8):
            outbox.enqueue(make_bundle(f"r{i}"), server.url)
        result = outbox.flush(concurrency=concurrency)
        assert len(result.delivered) == 8
        assert server.max_in_flight == concurrency
        assert server.unique_deliveries == 8


def test_parallel_senders_share_kept_alive_connections(
    tmp_path: Path, make_bundle: MakeBundle, server: WebhookServer
) -> None:
    """Forty reports, four senders: at most four connections."""
    outbox = Outbox(tmp_path / "outbox", record_history=False)
    for i in range(40):
        outbox.enqueue(make_bundle(f"r{i}"), server.url)
    result = outbox.flush(concurrency=4)
    assert len(result.delivered) == 40
    assert server.connections <= 4
    assert server.unique_deliveries == 40


def test_faults_in_parallel_still_deliver_each_report_once(
    patient: Outbox, make_bundle: MakeBundle, server: WebhookServer
) -> None:
    """500s, 429s and cut connections hit whichever sends they hit; each report lands once."""
    bundles = [make_bundle(f"r{i}") for i in range(30)]
    for bundle in bundles:
        patient.enqueue(bundle, server.url)
    faults: list[Action] = [
        Respond(500),
        Respond(429, {"Retry-After": "3"}),
        Drop(after_bytes=0),
        Respond(503),
        Drop(after_bytes=100),
        Accept(),
    ] * 6
    server.script(*faults)
    patient.flush(timeout=3600, concurrency=4)
    assert {e.status for e in patient.entries()} == {"delivered"}
    assert server.unique_deliveries == len(bundles)
    assert _accepted_per_key(server) == Counter(b.report.id for b in bundles)
    failed = [r for r in server.requests if r.action != "Accept"]
    assert len(failed) == 30  # every scripted fault was met, and retried afterwards


def test_a_retry_after_is_honoured_per_entry_in_parallel(
    patient: Outbox, make_bundle: MakeBundle, server: WebhookServer, clock: FakeClock
) -> None:
    """A 429 on one entry holds back that entry only; the others are delivered now."""
    for i in range(6):
        patient.enqueue(make_bundle(f"r{i}"), server.url)
    server.script(Respond(429, {"Retry-After": "120"}))
    start = clock()
    result = patient.flush(concurrency=4)
    assert len(result.delivered) == 5
    [waiting] = result.retrying
    assert waiting.next_attempt_at == start + 120
    assert waiting.last_error is not None
    assert waiting.last_error.type == TransientDeliveryError.__name__


def test_transports_without_concurrent_sends_keep_queue_order(
    outbox: Outbox, make_bundle: MakeBundle
) -> None:
    """A transport that does not allow parallel sends gets one entry at a time, in order."""
    entries = [outbox.enqueue(make_bundle(f"r{i}"), "scripted://x") for i in range(6)]
    transport = ScriptedTransport(TransientDeliveryError("first fails"))
    result = outbox.flush(transports=lambda _: transport, concurrency=4)
    assert [call.report_id for call in transport.calls] == [e.report_id for e in entries]
    assert [e.entry_id for e in result.retrying] == [entries[0].entry_id]


def test_deadline_stops_every_sender(
    tmp_path: Path, make_bundle: MakeBundle, clock: FakeClock
) -> None:
    """No sender starts an attempt after the deadline."""
    outbox = Outbox(tmp_path / "outbox", clock=clock, sleep=clock.sleep, record_history=False)
    with WebhookServer() as server:
        for i in range(12):
            outbox.enqueue(make_bundle(f"r{i}"), server.url)
        transport = WebhookTransport(server.url)
        original = transport.send

        def send_and_age(*args: object, **kwargs: object) -> object:
            clock.now += 10  # each send takes ten (fake) seconds
            return original(*args, **kwargs)  # type: ignore[arg-type]

        transport.send = send_and_age  # type: ignore[method-assign]
        result = outbox.flush(timeout=25, transports=lambda _: transport, concurrency=4)
    assert result.timed_out
    assert 3 <= len(result.delivered) < 12
    assert len(server.requests) == len(result.delivered)


def test_concurrency_must_be_at_least_one(outbox: Outbox) -> None:
    with pytest.raises(InvalidArgumentError, match="at least 1"):
        outbox.flush(concurrency=0)
