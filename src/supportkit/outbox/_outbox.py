"""The outbox: every send is queued on disk first, so no report is lost and none is filed twice."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from supportkit._paths import state_dir
from supportkit.exceptions import (
    BundleFormatError,
    DeliveryError,
    InvalidArgumentError,
    OutboxError,
    PermanentDeliveryError,
    PluginLoadError,
    TransientDeliveryError,
)
from supportkit.outbox._flush import (
    FlushResult,
    FlushRun,
    Outcome,
    TransportCache,
    TransportFactory,
    run_lanes,
)
from supportkit.outbox._lock import EntryLock
from supportkit.outbox._policy import RetryPolicy
from supportkit.outbox._store import (
    EntryStore,
    LastError,
    OutboxEntry,
    destination_secrets,
    entry_id_for,
    public_destination,
)

if TYPE_CHECKING:
    from supportkit.bundle import SealedBundle
    from supportkit.models import Receipt
    from supportkit.transports import Transport

Progress = Callable[[int, int], None]

DEFAULT_CONCURRENCY = 4
"""Parallel senders in a flush: enough to hide a webhook's round trip and the disk's fsync
latency behind each other, few enough not to flood the receiver."""

_log = logging.getLogger("supportkit.outbox")


class Outbox:
    """A durable queue of reports to deliver, in the user's state folder by default.

    ``enqueue`` copies the sealed bundle into the outbox before anything goes on the network;
    ``deliver`` makes one attempt now, ``flush`` attempts every due entry. Failed attempts
    back off according to ``policy``; refusals and too many failures are dead-lettered and
    wait for :meth:`retry`. ``clock`` and ``sleep`` are injectable so hosts and tests can
    control time. Each attempt is recorded in the local history unless ``record_history`` is
    false.
    """

    def __init__(
        self,
        folder: Path | str | None = None,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        policy: RetryPolicy | None = None,
        record_history: bool = True,
        history_dir: Path | None = None,
    ) -> None:
        self.folder = Path(folder).expanduser() if folder is not None else state_dir() / "outbox"
        self.policy = policy if policy is not None else RetryPolicy()
        self.record_history = record_history
        self.history_dir = history_dir
        self.clock = clock
        self.sleep = sleep
        self._store = EntryStore(self.folder)
        self._full_destinations: dict[str, str] = {}
        """Destinations as given, credentials included: kept in memory only, never on disk."""
        self._guard = threading.Lock()
        self.problems: tuple[str, ...] = ()
        """What the latest scan of the folder found wrong (and cleaned where safe)."""

    def __repr__(self) -> str:
        return f"Outbox({str(self.folder)!r})"

    def enqueue(
        self, bundle: SealedBundle, destination: str, *, profile: str | None = None
    ) -> OutboxEntry:
        """Queue ``bundle`` for ``destination``; the same pair again returns the same entry.

        Enqueueing a dead-lettered pair again puts it back to pending: asking to send is an
        explicit retry.
        """
        from supportkit.bundle import SealedBundle  # noqa: PLC0415

        if not isinstance(bundle, SealedBundle):
            msg = (
                f"the outbox takes the SealedBundle that capture() returns, not "
                f"{type(bundle).__name__}; use supportkit.bundle.read_bundle() for a file"
            )
            raise InvalidArgumentError(msg)
        if not destination:
            msg = "name a destination, e.g. 'file:///var/reports' or 'https://…/hooks/reports'"
            raise InvalidArgumentError(msg)
        public = public_destination(destination)
        report = bundle.report
        now = self.clock()
        entry = OutboxEntry(
            entry_id=entry_id_for(report.id, public, profile),
            report_id=report.id,
            destination=public,
            profile=profile,
            title=report.problem.title,
            app=report.app.name,
            report_created_at=report.created_at.isoformat(),
            created_at=now,
            updated_at=now,
            next_attempt_at=now,
        )
        with self._guard:
            self._full_destinations[entry.entry_id] = destination
        stored, _ = self._store.create(entry, bundle.path)
        if stored.status == "dead":
            stored = self.retry(stored.entry_id)
        return stored

    def get(self, entry_id: str) -> OutboxEntry:
        """One entry, by id or unique id prefix."""
        return self._store.read(self._resolve(entry_id))

    def entries(self) -> list[OutboxEntry]:
        """Every readable entry, oldest report first; problems found go to :attr:`problems`."""
        found, problems = self._store.scan()
        self._note_problems(problems)
        return found

    def deliver(
        self,
        entry_id: str,
        *,
        transports: TransportFactory | None = None,
        progress: Progress | None = None,
    ) -> Receipt:
        """Make one attempt now, whatever the backoff says; return the receipt.

        A delivered entry returns its receipt without sending again. Raises the
        :class:`~supportkit.exceptions.DeliveryError` of a failed attempt after recording it,
        and :class:`~supportkit.exceptions.OutboxError` when the entry is dead-lettered or
        another process is delivering it right now.
        """
        entry_id = self._resolve(entry_id)
        with TransportCache(transports) as cache:
            outcome, entry, error = self._attempt(entry_id, cache, progress, force=True)
        if outcome == "busy":
            msg = (
                f"outbox entry {entry_id} is being delivered by another process right now; "
                "`supportkit outbox list` shows how it ends"
            )
            raise OutboxError(msg)
        if entry is not None and entry.receipt is not None:
            return entry.receipt
        if error is not None:
            raise error
        msg = f"outbox entry {entry_id} was not delivered"
        raise OutboxError(msg)

    def flush(
        self,
        *,
        timeout: float | None = None,
        transports: TransportFactory | None = None,
        progress: Progress | None = None,
        concurrency: int = DEFAULT_CONCURRENCY,
    ) -> FlushResult:
        """Attempt every due entry once; entries another process holds are skipped.

        Without ``timeout`` this is one pass. With it, entries that come due before the
        deadline (a short ``Retry-After``, say) are attempted too, sleeping in between, and no
        new attempt starts after the deadline.

        Up to ``concurrency`` entries are delivered at once to destinations whose transport
        allows it (:attr:`~supportkit.transports.Transport.concurrent_sends`, e.g. webhooks);
        every other entry is delivered one at a time, in queue order. Each attempt still takes
        its entry's lock and records its outcome as before. Attempts start oldest report first,
        but in parallel they may finish, and reach the receiver, out of that order; a receiver
        that needs queue order gets it with ``concurrency=1``. A failed entry was never
        ordered anyway: it is retried after newer ones. ``progress`` may be called from several
        threads at once.
        """
        if concurrency < 1:
            msg = f"concurrency is how many entries to send at once, at least 1; got {concurrency}"
            raise InvalidArgumentError(msg)
        run = FlushRun(None if timeout is None else self.clock() + timeout)
        with TransportCache(transports) as cache:
            while True:
                waiting = self._flush_pass(run, cache, progress, concurrency)
                next_due = min((e.next_attempt_at for e in waiting), default=None)
                if run.deadline is None or run.timed_out or next_due is None:
                    break
                if next_due > run.deadline:
                    break
                self.sleep(max(0.0, next_due - self.clock()))
        self._note_problems(run.problems)
        return run.result(waiting, next_due)

    def _flush_pass(
        self, run: FlushRun, cache: TransportCache, progress: Progress | None, concurrency: int
    ) -> list[OutboxEntry]:
        """Attempt the due entries once; return the pending ones left waiting."""
        entries, found = self._store.scan()
        run.problems += found
        pending = {e.entry_id: e for e in entries if e.status == "pending"}
        now = self.clock()
        due = [e for e in pending.values() if _is_due(e, now) and e.entry_id not in run.busy]

        def attempt(entry: OutboxEntry) -> bool:
            if run.deadline is not None and self.clock() >= run.deadline:
                run.timed_out = True
                return False
            try:
                outcome, after, _ = self._attempt(entry.entry_id, cache, progress)
            except OutboxError as exc:
                with run.lock:
                    run.problems.append(str(exc))
                    run.busy.add(entry.entry_id)
                return True
            with run.lock:
                if outcome == "busy":
                    run.busy.add(entry.entry_id)
                elif outcome != "skipped" and after is not None:
                    run.outcomes[entry.entry_id] = (outcome, after)
                    pending[entry.entry_id] = after
            return True

        run_lanes(self._lanes(due, cache, concurrency), concurrency, attempt)
        return [e for e in pending.values() if e.status == "pending" and e.entry_id not in run.busy]

    def _lanes(
        self, due: list[OutboxEntry], cache: TransportCache, concurrency: int
    ) -> list[list[OutboxEntry]]:
        """Entries that may be sent in parallel each make a lane; all others share one."""
        if concurrency == 1:
            return [due] if due else []
        lanes: list[list[OutboxEntry]] = []
        in_order: list[OutboxEntry] | None = None
        parallel: dict[str, bool] = {}
        for entry in due:
            destination = self._full_destinations.get(entry.entry_id, entry.destination)
            if destination not in parallel:
                parallel[destination] = cache.sends_concurrently(destination)
            if parallel[destination]:
                lanes.append([entry])
            elif in_order is None:
                in_order = [entry]
                lanes.append(in_order)
            else:
                in_order.append(entry)
        return lanes

    def retry(self, entry_id: str) -> OutboxEntry:
        """Put a dead-lettered entry back to pending, due now, with a fresh attempt count."""
        entry_id = self._resolve(entry_id)
        with self._locked(entry_id) as (lock, entry):
            if entry.status == "delivered":
                msg = f"outbox entry {entry_id} was already delivered; nothing to retry"
                raise InvalidArgumentError(msg)
            now = self.clock()
            revived = replace(
                entry, status="pending", attempts=0, next_attempt_at=now, updated_at=now
            )
            self._store.reset_attempts(lock)
            self._store.write(revived)
            return revived

    def purge(
        self, *, delivered: bool = True, dead: bool = False, older_than: float | None = None
    ) -> int:
        """Remove delivered and/or dead entries last changed over ``older_than`` seconds ago.

        Pending entries are never purged: they are reports not yet delivered. Returns how
        many entries were removed; entries busy in another process are left for next time.
        """
        wanted = {status for status, on in (("delivered", delivered), ("dead", dead)) if on}
        cutoff = None if older_than is None else self.clock() - older_than
        removed = 0
        for candidate in self.entries():
            if not _purgeable(candidate, wanted, cutoff):
                continue
            lock = self._store.lock(candidate.entry_id)
            if lock is None:
                continue
            with lock:
                entry = self._store.read(candidate.entry_id)
                if _purgeable(entry, wanted, cutoff):
                    self._store.remove(entry)
                    removed += 1
        return removed

    # -- one attempt --------------------------------------------------------------------

    def _attempt(
        self,
        entry_id: str,
        cache: TransportCache,
        progress: Progress | None,
        *,
        force: bool = False,
    ) -> tuple[Outcome, OutboxEntry | None, DeliveryError | None]:
        lock = self._store.lock(entry_id)
        if lock is None:
            return "busy", None, None
        with lock:
            entry = self._store.read(entry_id)
            if entry.status == "delivered":
                return ("delivered" if force else "skipped"), entry, None
            if entry.status == "dead" and force:
                msg = (
                    f"outbox entry {entry_id} is dead-lettered ({_reason(entry)}); "
                    f"`supportkit outbox retry {entry_id}` puts it back"
                )
                raise OutboxError(msg)
            if not force and not _is_due(entry, self.clock()):
                return "skipped", entry, None
            return self._send(lock, entry, cache, progress)

    def _send(
        self,
        lock: EntryLock,
        entry: OutboxEntry,
        cache: TransportCache,
        progress: Progress | None,
    ) -> tuple[Outcome, OutboxEntry, DeliveryError | None]:
        from supportkit.bundle import read_bundle  # noqa: PLC0415
        from supportkit.transports import DeliveryContext  # noqa: PLC0415

        entry = self._store.start_attempt(lock, entry, self.clock())
        written = [entry]  # the record to write next: under the lock, only this attempt writes
        destination = self._full_destinations.get(entry.entry_id, entry.destination)
        transport: Transport | None = None
        try:
            bundle = read_bundle(entry.bundle_path)
            transport = cache.get(destination)

            def checkpoint() -> None:
                updated = replace(written[0], state=dict(context.state), updated_at=self.clock())
                self._store.write(updated)
                written[0] = updated

            context = DeliveryContext(
                idempotency_key=entry.report_id,
                state=dict(entry.state),
                attempt=entry.attempts,
                checkpoint=checkpoint,
                progress=progress,
            )
            receipt = transport.send(bundle, context)
        except (DeliveryError, BundleFormatError, InvalidArgumentError, PluginLoadError) as exc:
            entry = written[0]
            return self._failed(entry, transport, _as_delivery_error(exc, entry), destination)
        except Exception as exc:  # noqa: BLE001  (a faulty plugin must not stop the flush)
            error = TransientDeliveryError(f"{type(exc).__name__}: {exc}")
            error.__cause__ = exc
            return self._failed(written[0], transport, error, destination)
        entry = replace(
            written[0],
            status="delivered",
            receipt=receipt,
            last_error=None,
            updated_at=self.clock(),
        )
        self._store.write(entry, durable=False)  # lost to a power cut: an idempotent resend
        self._history(entry, transport, receipt=receipt)
        return "delivered", entry, None

    def _failed(
        self,
        entry: OutboxEntry,
        transport: Transport | None,
        error: DeliveryError,
        destination: str,
    ) -> tuple[Outcome, OutboxEntry, DeliveryError]:
        message = _scrub(str(error), destination_secrets(destination))
        now = self.clock()
        permanent = isinstance(error, PermanentDeliveryError)
        gives_up = permanent or self.policy.gives_up(entry.attempts)
        retry_after = error.retry_after if isinstance(error, TransientDeliveryError) else None
        entry = replace(
            entry,
            status="dead" if gives_up else "pending",
            next_attempt_at=now
            if gives_up
            else now + self.policy.delay(entry.attempts, retry_after),
            last_error=LastError(type(error).__name__, message),
            updated_at=now,
        )
        self._store.write(entry)
        self._history(entry, transport, error=message)
        return ("dead" if gives_up else "retrying"), entry, error

    # -- helpers ------------------------------------------------------------------------

    @contextlib.contextmanager
    def _locked(self, entry_id: str) -> Iterator[tuple[EntryLock, OutboxEntry]]:
        lock = self._store.lock(entry_id)
        if lock is None:
            if not (self.folder / entry_id).exists():
                self._store.read(entry_id)  # raises the "no such entry" error
            msg = f"outbox entry {entry_id} is being delivered right now; try again in a moment"
            raise OutboxError(msg)
        with lock:
            yield lock, self._store.read(entry_id)

    def _resolve(self, entry_id: str) -> str:
        """An exact id, or the one entry whose id starts with ``entry_id``."""
        if self._store.path_of(entry_id).is_dir():
            return entry_id
        matches = [name for name in self._store.entry_ids() if name.startswith(entry_id)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            msg = f"{entry_id!r} matches {len(matches)} outbox entries; give more of the id"
            raise InvalidArgumentError(msg)
        msg = f"no outbox entry {entry_id!r}; `supportkit outbox list` shows the entries"
        raise InvalidArgumentError(msg)

    def _note_problems(self, problems: list[str]) -> None:
        self.problems = tuple(problems)
        for problem in problems:
            _log.warning("outbox %s: %s", self.folder, problem)

    def _history(
        self,
        entry: OutboxEntry,
        transport: Transport | None,
        *,
        receipt: Receipt | None = None,
        error: str | None = None,
    ) -> None:
        if not self.record_history:
            return
        from supportkit import _history  # noqa: PLC0415
        from supportkit.models import HistoryEntry  # noqa: PLC0415

        record = HistoryEntry(
            report_id=entry.report_id,
            title=entry.title,
            app=entry.app,
            created_at=datetime.fromisoformat(entry.report_created_at),
            recorded_at=datetime.now(timezone.utc),
            transport=transport.name if transport is not None else _scheme(entry.destination),
            destination=receipt.destination if receipt else _where(transport, entry),
            status="delivered" if receipt else "failed",
            ticket_id=receipt.ticket_id if receipt else None,
            url=receipt.url if receipt else None,
            path=receipt.path if receipt else None,
            error=error,
        )
        try:
            _history.record(record, self.history_dir)
        except OSError as exc:
            _log.warning("cannot record delivery in the history: %s", exc.strerror or exc)


def _is_due(entry: OutboxEntry, now: float) -> bool:
    return entry.status == "pending" and entry.next_attempt_at <= now


def _purgeable(entry: OutboxEntry, wanted: set[str], cutoff: float | None) -> bool:
    return entry.status in wanted and (cutoff is None or entry.updated_at <= cutoff)


def _as_delivery_error(exc: Exception, entry: OutboxEntry) -> DeliveryError:
    if isinstance(exc, DeliveryError):
        return exc
    if isinstance(exc, BundleFormatError):
        message = f"the outbox's copy of report {entry.report_id} is damaged: {exc}"
    else:
        message = f"no usable transport for {entry.destination!r}: {exc}"
    error = PermanentDeliveryError(message)
    error.__cause__ = exc
    return error


def _scrub(message: str, secrets: list[str]) -> str:
    for secret in secrets:
        message = message.replace(secret, "***")
    return message


def _reason(entry: OutboxEntry) -> str:
    return entry.last_error.message if entry.last_error else "no reason recorded"


def _scheme(destination: str) -> str:
    return destination.split(":", 1)[0] if ":" in destination else destination


def _where(transport: Transport | None, entry: OutboxEntry) -> str:
    if transport is None:
        return entry.destination
    try:
        return transport.destination
    except Exception:  # noqa: BLE001  (a history line must not fail on a plugin's property)
        return entry.destination
