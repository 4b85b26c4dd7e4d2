"""Transports and clocks for outbox tests; importable by the helper processes too."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import ClassVar

from supportkit.bundle import SealedBundle
from supportkit.models import Receipt
from supportkit.transports import DeliveryContext, FileTransport, Transport

MakeBundle = Callable[[str], SealedBundle]


class FakeClock:
    """A clock that moves only when slept on, recording every sleep."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@dataclass(frozen=True)
class Call:
    report_id: str
    idempotency_key: str
    attempt: int
    state: dict[str, str]


class ScriptedTransport(Transport):
    """Fails with the scripted errors in turn (None: succeed), then succeeds; records calls."""

    name: ClassVar[str] = "scripted"

    def __init__(self, *script: BaseException | None) -> None:
        self.script = list(script)
        self.calls: list[Call] = []
        self.closed = False

    def send(self, bundle: SealedBundle, context: DeliveryContext | None = None) -> Receipt:
        assert context is not None
        call = Call(bundle.report.id, context.idempotency_key, context.attempt, dict(context.state))
        self.calls.append(call)
        action = self.script.pop(0) if self.script else None
        if action is not None:
            raise action
        return receipt_for(bundle, f"T-{len(self.calls)}", self.name)

    def close(self) -> None:
        self.closed = True


def receipt_for(bundle: SealedBundle, ticket_id: str, transport: str) -> Receipt:
    return Receipt(
        report_id=bundle.report.id,
        ticket_id=ticket_id,
        transport=transport,
        destination=transport,
        delivered_at=datetime.now(timezone.utc),
    )


def append_line(path: Path, line: str) -> None:
    """One O_APPEND write: whole lines even when processes append at once."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, f"{line}\n".encode())
    finally:
        os.close(fd)


def read_lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


class CountingFileTransport(FileTransport):
    """The file transport, logging every raw send to ``<folder>.sends`` first."""

    name: ClassVar[str] = "file"

    @property
    def log(self) -> Path:
        return self.folder.with_name(self.folder.name + ".sends")

    def send(self, bundle: SealedBundle, context: DeliveryContext | None = None) -> Receipt:
        append_line(self.log, bundle.report.id)
        return super().send(bundle, context)


class MarkerTransport(Transport):
    """A ticket system without native idempotency, in a folder: records get random ids.

    Like the Redmine and RT transports it keeps the remote id in the delivery state right after
    creating, and marks each record with the idempotency key so a retry can search for it.
    ``crash_after_create`` simulates a process dying between the remote create and delivery.
    """

    name: ClassVar[str] = "marker"

    def __init__(
        self, folder: Path, *, crash_after_create: str | None = None, search: bool = True
    ) -> None:
        self.folder = folder
        self.crash_after_create = crash_after_create
        self.search = search
        """False: a destination with no way to find a ticket by marker; only the state helps."""
        """None, "raise" (a transient error) or "exit" (the process dies on the spot)."""

    @property
    def destination(self) -> str:
        return str(self.folder)

    def send(self, bundle: SealedBundle, context: DeliveryContext | None = None) -> Receipt:
        from supportkit.exceptions import TransientDeliveryError

        assert context is not None
        ticket = context.state.get("ticket")
        if ticket is None and self.search:
            ticket = self._search(context.idempotency_key)
        if ticket is None:
            ticket = self._create(context.idempotency_key)
            context.state["ticket"] = ticket
            context.checkpoint()
            if self.crash_after_create == "exit":
                os._exit(9)
            if self.crash_after_create == "raise":
                msg = "connection reset after the ticket was created"
                raise TransientDeliveryError(msg)
        return receipt_for(bundle, ticket, self.name)

    def records(self) -> dict[str, str]:
        """Record id → idempotency key, for every record created."""
        if not self.folder.exists():
            return {}
        return {p.name: p.read_text() for p in self.folder.iterdir() if not p.name.startswith(".")}

    def _search(self, key: str) -> str | None:
        return next((ticket for ticket, marker in self.records().items() if marker == key), None)

    def _create(self, key: str) -> str:
        self.folder.mkdir(parents=True, exist_ok=True)
        ticket = f"R-{secrets.token_hex(4)}"
        temp = self.folder / f".{ticket}.tmp"
        temp.write_text(key)
        os.replace(temp, self.folder / ticket)
        return ticket


def destination_for(kind: str, folder: Path, delay: float = 0.0) -> Transport:
    """A transport to ``folder``: ``file`` (deterministic ticket ids) or ``marker`` (random)."""
    if kind == "file":
        return SlowCountingFileTransport(folder, delay=delay)
    return MarkerTransport(folder)


class SlowCountingFileTransport(CountingFileTransport):
    """Takes ``delay`` seconds per send, so two flushing processes overlap."""

    def __init__(self, folder: Path, *, delay: float = 0.0) -> None:
        super().__init__(folder)
        self.delay = delay

    def send(self, bundle: SealedBundle, context: DeliveryContext | None = None) -> Receipt:
        if self.delay:
            import time

            time.sleep(self.delay)
        return super().send(bundle, context)


def flush_process(
    outbox_folder: str, kind: str, destination: str, delay: float, gate: object
) -> None:
    """A separate process flushing the outbox (started by multiprocessing)."""
    from supportkit.outbox import Outbox

    if gate is not None:
        gate.wait()  # type: ignore[attr-defined]
    transport = destination_for(kind, Path(destination), delay)
    Outbox(outbox_folder, record_history=False).flush(transports=lambda _: transport)


def enqueue_and_flush_process(
    outbox_folder: str, kind: str, destination: str, bundles: list[str]
) -> None:
    """A host process queueing reports and delivering them: the one the crash test kills.

    Each entry id is logged once ``enqueue`` has returned it, i.e. once the host was told the
    report is queued: from then on it must never be lost.
    """
    from supportkit.bundle import read_bundle
    from supportkit.outbox import Outbox

    outbox = Outbox(outbox_folder, record_history=False)
    for path in bundles:
        entry = outbox.enqueue(read_bundle(Path(path)), f"{kind}://dest")
        append_line(Path(outbox_folder).with_suffix(".queued"), entry.entry_id)
    transport = destination_for(kind, Path(destination))
    outbox.flush(transports=lambda _: transport)


def flush_webhook_process(outbox_folder: str, gate: object) -> None:
    """A separate process flushing the outbox to its webhook with parallel senders, retrying
    quickly until nothing it may send is left."""
    from supportkit.outbox import Outbox, RetryPolicy

    if gate is not None:
        gate.wait()  # type: ignore[attr-defined]
    policy = RetryPolicy(base=0.01, cap=0.02, max_attempts=50)
    outbox = Outbox(outbox_folder, record_history=False, policy=policy)
    outbox.flush(timeout=60, concurrency=4)


def enqueue_and_flush_webhook_process(outbox_folder: str, url: str, bundles: list[str]) -> None:
    """Like :func:`enqueue_and_flush_process`, to a webhook with parallel senders."""
    from supportkit.bundle import read_bundle
    from supportkit.outbox import Outbox

    outbox = Outbox(outbox_folder, record_history=False)
    for path in bundles:
        entry = outbox.enqueue(read_bundle(Path(path)), url)
        append_line(Path(outbox_folder).with_suffix(".queued"), entry.entry_id)
    outbox.flush(concurrency=4)
