"""Delivery through the outbox: attempts, backoff, dead letters, retries, purges, history."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from _outbox_fakes import FakeClock, MakeBundle, MarkerTransport, ScriptedTransport

from supportkit import SealedBundle
from supportkit import _history as history
from supportkit.exceptions import (
    DeliveryError,
    InvalidArgumentError,
    OutboxError,
    PermanentDeliveryError,
    TransientDeliveryError,
)
from supportkit.outbox import Outbox
from supportkit.outbox._lock import try_lock
from supportkit.outbox._store import LOCK_FILE
from supportkit.transports import FileTransport

DESTINATION = "scripted://help.example.com/queue"


def factory(transport: object) -> object:
    return lambda _destination: transport


def test_deliver_sends_once_and_records_the_receipt(outbox: Outbox, bundle: SealedBundle) -> None:
    """One attempt, keyed by the report id; the entry keeps the receipt."""
    transport = ScriptedTransport()
    entry = outbox.enqueue(bundle, DESTINATION)
    receipt = outbox.deliver(entry.entry_id, transports=factory(transport))
    assert [c.idempotency_key for c in transport.calls] == [bundle.report.id]
    stored = outbox.get(entry.entry_id)
    assert (stored.status, stored.attempts, stored.receipt) == ("delivered", 1, receipt)
    assert transport.closed


def test_delivering_a_delivered_entry_sends_nothing(outbox: Outbox, bundle: SealedBundle) -> None:
    """The stored receipt comes back; the destination is not asked again."""
    transport = ScriptedTransport()
    entry = outbox.enqueue(bundle, DESTINATION)
    first = outbox.deliver(entry.entry_id, transports=factory(transport))
    assert outbox.deliver(entry.entry_id, transports=factory(transport)) == first
    assert len(transport.calls) == 1


def test_deliver_with_the_real_file_transport(
    outbox: Outbox, bundle: SealedBundle, tmp_path: Path
) -> None:
    """Without a factory the destination URL picks the transport."""
    entry = outbox.enqueue(bundle, (tmp_path / "tickets").as_uri())
    receipt = outbox.deliver(entry.entry_id)
    assert receipt.transport == "file"
    assert Path(receipt.path or "").exists()


def test_transient_failure_stays_pending_with_backoff(
    outbox: Outbox, bundle: SealedBundle, clock: FakeClock
) -> None:
    """deliver() raises the error after recording it; the next attempt is backed off."""
    entry = outbox.enqueue(bundle, DESTINATION)
    error = TransientDeliveryError("server busy")
    with pytest.raises(TransientDeliveryError, match="server busy"):
        outbox.deliver(entry.entry_id, transports=factory(ScriptedTransport(error)))
    stored = outbox.get(entry.entry_id)
    assert (stored.status, stored.attempts) == ("pending", 1)
    assert stored.next_attempt_at == clock.now + 10.0
    assert stored.last_error is not None
    assert (stored.last_error.type, stored.last_error.message) == (
        "TransientDeliveryError",
        "server busy",
    )


def test_flush_skips_entries_still_backing_off(
    outbox: Outbox, bundle: SealedBundle, clock: FakeClock
) -> None:
    """A flush before the backoff ends sends nothing; one after it delivers."""
    transport = ScriptedTransport(TransientDeliveryError("busy"))
    entry = outbox.enqueue(bundle, DESTINATION)
    assert outbox.flush(transports=factory(transport)).retrying[0].entry_id == entry.entry_id
    early = outbox.flush(transports=factory(transport))
    assert (len(transport.calls), early.waiting, early.next_attempt_at) == (1, 1, clock.now + 10)
    clock.now += 10
    assert [e.entry_id for e in outbox.flush(transports=factory(transport)).delivered] == [
        entry.entry_id
    ]


def test_backoff_doubles_up_to_the_cap(make_bundle: MakeBundle, tmp_path: Path) -> None:
    """Each failure doubles the bound; the cap bounds it."""
    from supportkit.outbox import RetryPolicy

    clock = FakeClock()
    policy = RetryPolicy(base=10.0, cap=30.0, max_attempts=10, random=lambda: 1.0)
    outbox = Outbox(tmp_path / "o", clock=clock, sleep=clock.sleep, policy=policy)
    entry = outbox.enqueue(make_bundle("x"), DESTINATION)
    transport = ScriptedTransport(*[TransientDeliveryError("down")] * 4)
    delays = []
    for _ in range(4):
        with pytest.raises(TransientDeliveryError):
            outbox.deliver(entry.entry_id, transports=factory(transport))
        delays.append(outbox.get(entry.entry_id).next_attempt_at - clock.now)
    assert delays == [10.0, 20.0, 30.0, 30.0]


def test_retry_after_is_a_floor(outbox: Outbox, bundle: SealedBundle, clock: FakeClock) -> None:
    """A server's Retry-After longer than the backoff is honoured to the second."""
    entry = outbox.enqueue(bundle, DESTINATION)
    transport = ScriptedTransport(TransientDeliveryError("429", retry_after=120.0))
    outbox.flush(transports=factory(transport))
    assert outbox.get(entry.entry_id).next_attempt_at == clock.now + 120.0
    clock.now += 119.0
    outbox.flush(transports=factory(transport))
    assert len(transport.calls) == 1


def test_flush_with_timeout_waits_out_a_short_retry_after(
    outbox: Outbox, bundle: SealedBundle, clock: FakeClock
) -> None:
    """Within the timeout the flush sleeps until the server's time, then delivers."""
    entry = outbox.enqueue(bundle, DESTINATION)
    transport = ScriptedTransport(TransientDeliveryError("429", retry_after=30.0))
    result = outbox.flush(timeout=60.0, transports=factory(transport))
    assert clock.sleeps == [30.0]
    assert [e.entry_id for e in result.delivered] == [entry.entry_id]
    assert result.retrying == ()


def test_flush_with_timeout_does_not_wait_past_it(
    outbox: Outbox, bundle: SealedBundle, clock: FakeClock
) -> None:
    """An entry due after the deadline is left for later, without sleeping."""
    outbox.enqueue(bundle, DESTINATION)
    transport = ScriptedTransport(TransientDeliveryError("429", retry_after=300.0))
    result = outbox.flush(timeout=60.0, transports=factory(transport))
    assert clock.sleeps == []
    assert (len(result.retrying), result.waiting) == (1, 1)


def test_permanent_failure_is_dead_lettered_with_the_reason(
    outbox: Outbox, bundle: SealedBundle
) -> None:
    """A refusal is not retried: the entry is dead and says why."""
    entry = outbox.enqueue(bundle, DESTINATION)
    refusal = PermanentDeliveryError("422: project 'support' does not exist", status=422)
    transport = ScriptedTransport(refusal)
    result = outbox.flush(transports=factory(transport))
    stored = outbox.get(entry.entry_id)
    assert [e.entry_id for e in result.dead] == [entry.entry_id]
    assert stored.status == "dead"
    assert stored.last_error is not None
    assert "does not exist" in stored.last_error.message
    outbox.flush(transports=factory(transport))
    assert len(transport.calls) == 1


def test_too_many_attempts_is_dead_lettered(
    outbox: Outbox, bundle: SealedBundle, clock: FakeClock
) -> None:
    """After max_attempts transient failures the entry stops being retried."""
    entry = outbox.enqueue(bundle, DESTINATION)
    transport = ScriptedTransport(*[TransientDeliveryError("down")] * 10)
    for _ in range(6):
        outbox.flush(transports=factory(transport))
        clock.now += 10_000
    assert (outbox.get(entry.entry_id).status, len(transport.calls)) == ("dead", 4)


def test_deliver_refuses_a_dead_entry(outbox: Outbox, bundle: SealedBundle) -> None:
    """A dead entry is only sent again after an explicit retry."""
    entry = outbox.enqueue(bundle, DESTINATION)
    outbox.flush(transports=factory(ScriptedTransport(PermanentDeliveryError("no"))))
    with pytest.raises(OutboxError, match="outbox retry"):
        outbox.deliver(entry.entry_id, transports=factory(ScriptedTransport()))


def test_retry_puts_a_dead_entry_back(outbox: Outbox, bundle: SealedBundle) -> None:
    """retry() makes a dead entry pending and due now, with a fresh attempt count."""
    entry = outbox.enqueue(bundle, DESTINATION)
    outbox.flush(transports=factory(ScriptedTransport(PermanentDeliveryError("no"))))
    revived = outbox.retry(entry.entry_id[:20])
    assert (revived.status, revived.attempts) == ("pending", 0)
    delivered = outbox.flush(transports=factory(ScriptedTransport())).delivered
    assert [e.entry_id for e in delivered] == [entry.entry_id]


def test_an_attempt_cut_short_still_counts(outbox: Outbox, bundle: SealedBundle) -> None:
    """An attempt is counted before it starts: a crash mid-send cannot hide it."""
    entry = outbox.enqueue(bundle, DESTINATION)
    transport = ScriptedTransport(KeyboardInterrupt(), KeyboardInterrupt())
    for _ in range(2):
        with pytest.raises(KeyboardInterrupt):  # stands in for the process dying mid-send
            outbox.flush(transports=factory(transport))
    assert outbox.get(entry.entry_id).attempts == 2
    outbox.flush(transports=factory(transport))
    assert [call.attempt for call in transport.calls] == [1, 2, 3]
    stored = outbox.get(entry.entry_id)
    assert (stored.status, stored.attempts) == ("delivered", 3)


def test_retry_restarts_the_count_of_attempts_cut_short(
    outbox: Outbox, bundle: SealedBundle
) -> None:
    """retry() zeroes every count, those of crashed attempts included."""
    entry = outbox.enqueue(bundle, DESTINATION)
    transport = ScriptedTransport(KeyboardInterrupt(), PermanentDeliveryError("no"))
    with pytest.raises(KeyboardInterrupt):
        outbox.flush(transports=factory(transport))
    outbox.flush(transports=factory(transport))
    assert (outbox.get(entry.entry_id).status, outbox.get(entry.entry_id).attempts) == ("dead", 2)
    assert outbox.retry(entry.entry_id).attempts == 0
    assert outbox.get(entry.entry_id).attempts == 0
    outbox.flush(transports=factory(transport))
    assert [call.attempt for call in transport.calls] == [1, 2, 1]


def test_attempts_are_counted_in_the_record_where_the_lock_file_cannot_be(
    outbox: Outbox, bundle: SealedBundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the lock file's length cannot be set, the attempt is written to the record."""

    def refuse(fd: int, length: int) -> None:
        raise OSError(22, "not here")

    monkeypatch.setattr("os.ftruncate", refuse)
    entry = outbox.enqueue(bundle, DESTINATION)
    with pytest.raises(KeyboardInterrupt):
        outbox.flush(transports=factory(ScriptedTransport(KeyboardInterrupt())))
    assert outbox.get(entry.entry_id).attempts == 1
    assert (outbox.folder / entry.entry_id / LOCK_FILE).stat().st_size == 0


def test_retry_refuses_a_delivered_entry(outbox: Outbox, bundle: SealedBundle) -> None:
    """There is nothing to retry once the destination has the report."""
    entry = outbox.enqueue(bundle, DESTINATION)
    outbox.deliver(entry.entry_id, transports=factory(ScriptedTransport()))
    with pytest.raises(InvalidArgumentError, match="already delivered"):
        outbox.retry(entry.entry_id)


def test_enqueueing_a_dead_pair_again_revives_it(outbox: Outbox, bundle: SealedBundle) -> None:
    """Asking to send again is an explicit retry."""
    entry = outbox.enqueue(bundle, DESTINATION)
    outbox.flush(transports=factory(ScriptedTransport(PermanentDeliveryError("no"))))
    assert outbox.enqueue(bundle, DESTINATION).status == "pending"
    assert outbox.get(entry.entry_id).status == "pending"


def test_unknown_destination_is_dead_lettered(outbox: Outbox, bundle: SealedBundle) -> None:
    """No transport for the scheme: the entry is dead with a reason naming the known ones."""
    entry = outbox.enqueue(bundle, "gopher://ana:hunter2@example.com/x")
    result = outbox.flush()
    assert [e.entry_id for e in result.dead] == [entry.entry_id]
    error = outbox.get(entry.entry_id).last_error
    assert error is not None
    assert "known schemes" in error.message
    assert "hunter2" not in error.message


def test_a_faulty_transport_does_not_stop_the_flush(
    outbox: Outbox, make_bundle: MakeBundle
) -> None:
    """A transport bug fails its attempt (recorded, retried later); the others still go."""
    broken = outbox.enqueue(make_bundle("a"), "broken://x")
    fine = outbox.enqueue(make_bundle("b"), DESTINATION)
    transports = {
        "broken://x": ScriptedTransport(KeyError("ticket")),
        DESTINATION: ScriptedTransport(),
    }
    result = outbox.flush(transports=transports.__getitem__)
    assert [e.entry_id for e in result.delivered] == [fine.entry_id]
    assert [e.entry_id for e in result.retrying] == [broken.entry_id]
    error = outbox.get(broken.entry_id).last_error
    assert error is not None
    assert "KeyError" in error.message


def test_credentials_are_scrubbed_from_recorded_errors(
    outbox: Outbox, bundle: SealedBundle
) -> None:
    """Even a transport that echoes the password in its error does not get it stored."""
    entry = outbox.enqueue(bundle, "scripted://ana:hunter2@help.example.com/")
    leaky = TransientDeliveryError("login failed for ana:hunter2")
    with pytest.raises(TransientDeliveryError):
        outbox.deliver(entry.entry_id, transports=factory(ScriptedTransport(leaky)))
    written = b"".join(p.read_bytes() for p in outbox.folder.rglob("*") if p.is_file())
    written += history.history_path().read_bytes()
    assert b"hunter2" not in written


def test_the_transport_gets_the_full_destination_in_this_process(
    outbox: Outbox, bundle: SealedBundle
) -> None:
    """Credentials given in the URL reach the transport, though they are never stored."""
    seen: list[str] = []

    def make(destination: str) -> ScriptedTransport:
        seen.append(destination)
        return ScriptedTransport()

    entry = outbox.enqueue(bundle, "scripted://ana:hunter2@help.example.com/")
    outbox.deliver(entry.entry_id, transports=make)
    later = Outbox(outbox.folder)
    assert seen == ["scripted://ana:hunter2@help.example.com/"]
    assert later.get(entry.entry_id).destination == "scripted://help.example.com/"


def test_checkpointed_state_survives_a_failure_after_the_remote_create(
    outbox: Outbox, bundle: SealedBundle, tmp_path: Path, clock: FakeClock
) -> None:
    """The retry finds the ticket through the saved state and creates no second one."""
    remote = MarkerTransport(tmp_path / "remote", crash_after_create="raise", search=False)
    entry = outbox.enqueue(bundle, DESTINATION)
    with pytest.raises(TransientDeliveryError):
        outbox.deliver(entry.entry_id, transports=factory(remote))
    state = outbox.get(entry.entry_id).state
    assert list(remote.records()) == [state["ticket"]]
    remote.crash_after_create = None
    clock.now += 3600
    receipt = outbox.flush(transports=factory(remote)).delivered[0].receipt
    assert receipt is not None
    assert list(remote.records()) == [receipt.ticket_id]


def test_a_busy_entry_is_skipped_not_sent(outbox: Outbox, bundle: SealedBundle) -> None:
    """While another process holds an entry's lock, a flush leaves it alone."""
    transport = ScriptedTransport()
    entry = outbox.enqueue(bundle, DESTINATION)
    held = try_lock(entry.folder / LOCK_FILE)
    assert held is not None
    with held:
        result = outbox.flush(transports=factory(transport))
        with pytest.raises(OutboxError, match="another process"):
            outbox.deliver(entry.entry_id, transports=factory(transport))
    assert (result.busy, transport.calls) == ((entry.entry_id,), [])
    assert len(outbox.flush(transports=factory(transport)).delivered) == 1


def test_a_damaged_bundle_copy_is_dead_lettered(outbox: Outbox, bundle: SealedBundle) -> None:
    """A bundle changed on disk after queueing is never delivered as if intact."""
    transport = ScriptedTransport()
    entry = outbox.enqueue(bundle, DESTINATION)
    entry.bundle_path.write_bytes(entry.bundle_path.read_bytes()[:-40])
    result = outbox.flush(transports=factory(transport))
    assert [e.entry_id for e in result.dead] == [entry.entry_id]
    assert transport.calls == []


@pytest.mark.parametrize(
    ("delivered", "dead", "left"),
    [(True, False, {"dead", "pending"}), (False, True, {"delivered", "pending"}),
     (True, True, {"pending"})],
)  # fmt: skip
def test_purge_removes_only_what_is_asked_and_never_pending(
    outbox: Outbox, make_bundle: MakeBundle, delivered: bool, dead: bool, left: set[str]
) -> None:
    """Purging delivered and/or dead entries leaves undelivered reports alone."""
    outcomes = {"ok": None, "refused": PermanentDeliveryError("no"), "later": DeliveryError("x")}
    for title, outcome in outcomes.items():
        entry = outbox.enqueue(make_bundle(title), DESTINATION)
        with contextlib.suppress(DeliveryError):
            outbox.deliver(entry.entry_id, transports=factory(ScriptedTransport(outcome)))
    outbox.purge(delivered=delivered, dead=dead)
    assert {e.status for e in outbox.entries()} == left
    assert not [p for p in outbox.folder.iterdir() if p.name.startswith(".")]


def test_purge_older_than_keeps_recent_entries(
    outbox: Outbox, make_bundle: MakeBundle, clock: FakeClock
) -> None:
    """Only entries last changed before the cutoff go."""
    old = outbox.enqueue(make_bundle("old"), DESTINATION)
    outbox.deliver(old.entry_id, transports=factory(ScriptedTransport()))
    clock.now += 86_400
    new = outbox.enqueue(make_bundle("new"), DESTINATION)
    outbox.deliver(new.entry_id, transports=factory(ScriptedTransport()))
    assert outbox.purge(older_than=3600) == 1
    assert [e.entry_id for e in outbox.entries()] == [new.entry_id]


def test_every_attempt_is_kept_in_the_history(
    outbox: Outbox, bundle: SealedBundle, clock: FakeClock, tmp_path: Path
) -> None:
    """A failure and then the delivery each add a history line, with ticket and error."""
    entry = outbox.enqueue(bundle, (tmp_path / "tickets").as_uri())
    failing = ScriptedTransport(TransientDeliveryError("timed out"))
    outbox.flush(transports=factory(failing))
    clock.now += 3600
    outbox.flush()
    entries, _ = history.read()
    assert [(e.status, e.report_id) for e in entries] == [
        ("failed", bundle.report.id),
        ("delivered", bundle.report.id),
    ]
    assert entries[0].error == "timed out"
    receipt = outbox.get(entry.entry_id).receipt
    assert receipt is not None
    assert (entries[1].ticket_id, entries[1].destination) == (
        receipt.ticket_id,
        str(FileTransport(tmp_path / "tickets").folder),
    )


def test_history_can_be_turned_off(bundle: SealedBundle, tmp_path: Path) -> None:
    """A host that records deliveries itself can stop the outbox from doing it too."""
    outbox = Outbox(tmp_path / "o", record_history=False)
    entry = outbox.enqueue(bundle, DESTINATION)
    outbox.deliver(entry.entry_id, transports=factory(ScriptedTransport()))
    assert history.read() == ([], 0)
