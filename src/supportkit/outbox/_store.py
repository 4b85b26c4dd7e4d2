"""The outbox on disk: one folder per entry, created whole and updated atomically.

Layout::

    outbox/
      <entry id>/
        bundle.zip      a copy of the sealed bundle
        entry.json      where it must go and what happened so far
        .lock           the per-entry lock file; its length counts the attempts started
      .tmp-…/           an entry being created (renamed into place when complete)
      .tmp-….claim      locked by the process creating it, so a crash's leftovers are told apart
      .trash-…/         an entry being removed (renamed out of the way first)

Every change of a record is write-temp, fsync, rename, so a process killed at any instant
leaves the old record or the new one; the lock file's length changes by one ``ftruncate``,
which is atomic too. Entry folders appear by renaming a complete temp folder, and vanish by
renaming to a trash name before deletion, so no reader ever sees half an entry.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import parse_qsl, urlencode, urlsplit

from supportkit._atomic import atomic_write_bytes, sync_directory
from supportkit.exceptions import InvalidArgumentError, OutboxError
from supportkit.outbox._lock import EntryLock, try_lock

if TYPE_CHECKING:
    from supportkit.models import Receipt

Status = Literal["pending", "delivered", "dead"]

ENTRY_FILE = "entry.json"
BUNDLE_FILE = "bundle.zip"
LOCK_FILE = ".lock"
RECORD_FORMAT = 1
_TEMP_PREFIX = ".tmp-"
_TRASH_PREFIX = ".trash-"
_CLAIM_SUFFIX = ".claim"
_SECRET_PARAMETERS = frozenset(
    {"password", "passwd", "pass", "token", "secret", "api_key", "apikey", "key", "access_token"}
)


@dataclass(frozen=True)
class LastError:
    """The latest failure: its type and its (credential-free) message."""

    type: str
    message: str


@dataclass(frozen=True)
class OutboxEntry:
    """One report on its way to one destination. Times are seconds since the epoch."""

    entry_id: str
    report_id: str
    destination: str
    """The destination URL without user information or secret query parameters."""
    profile: str | None
    title: str
    app: str
    report_created_at: str
    created_at: float
    updated_at: float
    status: Status = "pending"
    attempts: int = 0
    next_attempt_at: float = 0.0
    last_error: LastError | None = None
    state: dict[str, str] = field(default_factory=dict)
    """The transport's progress (upload token, remote id), kept between attempts."""
    receipt: Receipt | None = None
    folder: Path = field(default=Path(), compare=False)

    @property
    def bundle_path(self) -> Path:
        """The outbox's copy of the sealed bundle."""
        return self.folder / BUNDLE_FILE

    def to_json(self) -> dict[str, Any]:
        """The record as stored in ``entry.json`` (and printed by ``outbox list --json``)."""
        return {
            "format": RECORD_FORMAT,
            "entry_id": self.entry_id,
            "report_id": self.report_id,
            "destination": self.destination,
            "profile": self.profile,
            "title": self.title,
            "app": self.app,
            "report_created_at": self.report_created_at,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "status": self.status,
            "attempts": self.attempts,
            "next_attempt_at": self.next_attempt_at,
            "last_error": None if self.last_error is None else vars(self.last_error),
            "state": dict(self.state),
            "receipt": None if self.receipt is None else self.receipt.model_dump(mode="json"),
        }


def entry_id_for(report_id: str, destination: str, profile: str | None) -> str:
    """The same report to the same destination is one entry, so enqueueing twice is harmless."""
    digest = hashlib.sha256(f"{destination}\n{profile or ''}".encode()).hexdigest()[:8]
    return f"{report_id}-{digest}"


def public_destination(destination: str) -> str:
    """``destination`` without user information or secret query parameters."""
    if "://" not in destination:
        return destination
    parts = urlsplit(destination)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    query = parts.query
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(name, value) for name, value in pairs if name.lower() not in _SECRET_PARAMETERS]
    if len(kept) != len(pairs):
        query = urlencode(kept)
    return parts._replace(netloc=netloc, query=query).geturl()


def destination_secrets(destination: str) -> list[str]:
    """The credential parts of ``destination``, to scrub from any message before it is kept."""
    if "://" not in destination:
        return []
    parts = urlsplit(destination)
    found = [value for value in (parts.password, parts.username) if value]
    found += [
        value
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if name.lower() in _SECRET_PARAMETERS and value
    ]
    return sorted(found, key=len, reverse=True)


class EntryStore:
    """Reads and writes entries in one outbox folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_of(self, entry_id: str) -> Path:
        if not entry_id or entry_id.startswith(".") or any(c in entry_id for c in "/\\:\0"):
            msg = f"{entry_id!r} is not an outbox entry id; `supportkit outbox list` shows them"
            raise InvalidArgumentError(msg)
        return self.folder / entry_id

    def create(self, entry: OutboxEntry, bundle_path: Path) -> tuple[OutboxEntry, bool]:
        """Add ``entry`` with a copy of ``bundle_path``; return it and whether it is new.

        When the entry already exists (the same report to the same destination), the existing
        one is returned untouched.
        """
        final = self.path_of(entry.entry_id)
        if final.is_dir():
            return self.read(entry.entry_id), False
        self._ensure_folder()
        for _ in range(3):
            created = self._create_once(entry, bundle_path, final)
            if created is not None:
                return created
        msg = f"cannot add the report to the outbox in {self.folder}: it keeps changing under us"
        raise OutboxError(msg)

    def _create_once(
        self, entry: OutboxEntry, bundle_path: Path, final: Path
    ) -> tuple[OutboxEntry, bool] | None:
        """One try; None when a concurrent cleanup removed our creation lock under us."""
        temp = self.folder / f"{_TEMP_PREFIX}{entry.entry_id}-{secrets.token_hex(4)}"
        claim = temp.with_name(temp.name + _CLAIM_SUFFIX)
        try:
            lock = try_lock(claim, create=True)
            if lock is None:
                return None
            with lock:
                if not lock.is_at(claim):
                    return None
                temp.mkdir()
                (temp / LOCK_FILE).touch(exist_ok=False)
                _copy_synced(bundle_path, temp / BUNDLE_FILE)
                _write_synced(temp / ENTRY_FILE, _encode(entry))
                sync_directory(temp)
                try:
                    os.rename(temp, final)
                except OSError:
                    if not final.is_dir():
                        raise
                    shutil.rmtree(temp, ignore_errors=True)
                    return self.read(entry.entry_id), False
                finally:
                    claim.unlink(missing_ok=True)
            sync_directory(self.folder)
        except OSError as exc:
            shutil.rmtree(temp, ignore_errors=True)
            claim.unlink(missing_ok=True)
            msg = (
                f"cannot add the report to the outbox in {self.folder}: {exc.strerror or exc}; "
                "check that the folder is writable and has free space"
            )
            raise OutboxError(msg) from exc
        return replace(entry, folder=final), True

    def read(self, entry_id: str) -> OutboxEntry:
        """The entry's record; OutboxError if it is gone or unreadable.

        ``attempts`` counts every attempt started, recorded or not (see :meth:`start_attempt`).
        """
        folder = self.path_of(entry_id)
        try:
            raw = (folder / ENTRY_FILE).read_bytes()
        except FileNotFoundError:
            msg = f"no outbox entry {entry_id!r}; `supportkit outbox list` shows the entries"
            raise OutboxError(msg) from None
        except OSError as exc:
            msg = f"cannot read outbox entry {entry_id}: {exc.strerror or exc}"
            raise OutboxError(msg) from exc
        entry = _decode(raw, folder)
        started = _attempts_started(folder)
        return replace(entry, attempts=started) if started > entry.attempts else entry

    def write(self, entry: OutboxEntry, *, durable: bool = True) -> None:
        """Replace the entry's record atomically; the caller holds the entry's lock.

        The new record is always synced before it replaces the old, so a crash or power cut
        leaves one whole record or the other. ``durable=False`` skips syncing the folder: the
        change may be undone by a power cut (not by a crash), which is fine for changes whose
        loss only means one more, idempotent, attempt.
        """
        try:
            if durable:
                atomic_write_bytes(entry.folder / ENTRY_FILE, _encode(entry))
            else:
                _replace_synced(entry.folder / ENTRY_FILE, _encode(entry))
        except OSError as exc:
            msg = f"cannot update outbox entry {entry.entry_id}: {exc.strerror or exc}"
            raise OutboxError(msg) from exc

    def start_attempt(self, lock: EntryLock, entry: OutboxEntry, now: float) -> OutboxEntry:
        """Count an attempt before it starts, so one cut short by a crash counts too.

        A crash loop then still ends in the dead letters, and the transport knows a retry
        may find work done remotely. The count is the lock file's length, set by one
        ``ftruncate``: rewriting ``entry.json`` would cost a new file and an fsync per attempt.
        Like a record written with ``durable=False``, a power cut (not a crash) may undo it.
        Where that fails the record is written instead. The caller holds ``lock``.
        """
        started = replace(entry, attempts=entry.attempts + 1, updated_at=now)
        try:
            lock.set_count(started.attempts)
        except OSError:
            self.write(started, durable=False)
        return started

    def reset_attempts(self, lock: EntryLock) -> None:
        """Zero the count of attempts started; the caller then writes the record."""
        try:
            lock.set_count(0)
        except OSError as exc:
            msg = f"cannot update outbox entry {lock.path.parent.name}: {exc.strerror or exc}"
            raise OutboxError(msg) from exc

    def lock(self, entry_id: str) -> EntryLock | None:
        """The entry's lock, or None when someone else holds it or the entry is gone."""
        folder = self.path_of(entry_id)
        held = try_lock(folder / LOCK_FILE)
        if held is not None:
            _remove_write_leftovers(folder)
        return held

    def remove(self, entry: OutboxEntry) -> None:
        """Delete an entry whose lock the caller holds: out of sight first, then from disk."""
        trash = self.folder / f"{_TRASH_PREFIX}{entry.entry_id}-{secrets.token_hex(4)}"
        try:
            os.rename(entry.folder, trash)
        except FileNotFoundError:
            return
        except OSError as exc:
            msg = f"cannot remove outbox entry {entry.entry_id}: {exc.strerror or exc}"
            raise OutboxError(msg) from exc
        sync_directory(self.folder)
        shutil.rmtree(trash, ignore_errors=True)

    def entry_ids(self) -> list[str]:
        """The ids of complete entries, oldest report first."""
        try:
            names = os.listdir(self.folder)
        except FileNotFoundError:
            return []
        except OSError as exc:
            msg = f"cannot read the outbox in {self.folder}: {exc.strerror or exc}"
            raise OutboxError(msg) from exc
        return sorted(name for name in names if not name.startswith("."))

    def scan(self) -> tuple[list[OutboxEntry], list[str]]:
        """Every readable entry, and a line for each problem found (and cleaned where safe)."""
        problems = self._clean_leftovers()
        entries: list[OutboxEntry] = []
        for entry_id in self.entry_ids():
            folder = self.folder / entry_id
            if not folder.is_dir():
                continue
            try:
                entries.append(self.read(entry_id))
            except OutboxError as exc:
                problems.append(f"{exc}; the entry is left in place for inspection")
        return entries, problems

    def _clean_leftovers(self) -> list[str]:
        """Remove temp folders abandoned by a crash during creation, and trash folders."""
        problems: list[str] = []
        try:
            leftovers = [p for p in self.folder.iterdir() if p.name.startswith(".")]
        except FileNotFoundError:
            return problems
        except OSError as exc:
            msg = f"cannot read the outbox in {self.folder}: {exc.strerror or exc}"
            raise OutboxError(msg) from exc
        for path in leftovers:
            if path.name.startswith(_TRASH_PREFIX):
                shutil.rmtree(path, ignore_errors=True)
            elif path.name.startswith(_TEMP_PREFIX) and _clean_abandoned(path):
                problems.append(
                    f"removed {path.name}: an entry whose creation was interrupted "
                    "(its report was never acknowledged as queued)"
                )
        return problems

    def _ensure_folder(self) -> None:
        if not self.folder.is_dir():
            self.folder.mkdir(parents=True, exist_ok=True)
            sync_directory(self.folder.parent)


def _clean_abandoned(path: Path) -> bool:
    """Remove a creation left by a dead process; True when it was a half-made entry.

    A creator locks ``<temp>.claim`` before making ``<temp>/`` and removes the claim only after
    renaming the folder into place, so a temp folder whose claim is missing or unlocked has
    no live creator.
    """
    if path.name.endswith(_CLAIM_SUFFIX):
        folder = path.with_name(path.name[: -len(_CLAIM_SUFFIX)])
        if folder.exists():
            return False  # judged with its folder
        held = try_lock(path)
        if held is not None:
            with held:
                path.unlink(missing_ok=True)
        return False
    claim = path.with_name(path.name + _CLAIM_SUFFIX)
    held = try_lock(claim)
    if held is None and claim.exists():
        return False
    try:
        existed = path.exists()
        shutil.rmtree(path, ignore_errors=True)
        claim.unlink(missing_ok=True)
    finally:
        if held is not None:
            held.release()
    return existed


def _attempts_started(folder: Path) -> int:
    try:
        return (folder / LOCK_FILE).stat().st_size
    except OSError:
        return 0


def _remove_write_leftovers(folder: Path) -> None:
    """Temp files of an ``entry.json`` write that a crash interrupted (safe under the lock)."""
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            if path.name.startswith(f".{ENTRY_FILE}.tmp-"):
                path.unlink(missing_ok=True)


def _copy_synced(source: Path, destination: Path) -> None:
    with source.open("rb") as reader, destination.open("xb") as writer:
        shutil.copyfileobj(reader, writer, 1024 * 1024)
        writer.flush()
        os.fsync(writer.fileno())


def _replace_synced(destination: Path, data: bytes) -> None:
    temp = destination.with_name(f".{destination.name}.tmp-{secrets.token_hex(4)}")
    try:
        _write_synced(temp, data)
        os.replace(temp, destination)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _write_synced(destination: Path, data: bytes) -> None:
    with destination.open("xb") as writer:
        writer.write(data)
        writer.flush()
        os.fsync(writer.fileno())


def _encode(entry: OutboxEntry) -> bytes:
    return json.dumps(entry.to_json(), indent=1).encode() + b"\n"


def _decode(raw: bytes, folder: Path) -> OutboxEntry:
    from supportkit.models import Receipt  # noqa: PLC0415

    try:
        data = json.loads(raw)
        if data.get("format") != RECORD_FORMAT:
            msg = f"record format {data.get('format')!r}, expected {RECORD_FORMAT}"
            raise ValueError(msg)  # noqa: TRY301  (one message path for every bad record)
        error = data["last_error"]
        receipt = data["receipt"]
        return OutboxEntry(
            entry_id=str(data["entry_id"]),
            report_id=str(data["report_id"]),
            destination=str(data["destination"]),
            profile=None if data["profile"] is None else str(data["profile"]),
            title=str(data["title"]),
            app=str(data["app"]),
            report_created_at=str(data["report_created_at"]),
            created_at=float(data["created_at"]),
            updated_at=float(data["updated_at"]),
            status=_status(data["status"]),
            attempts=int(data["attempts"]),
            next_attempt_at=float(data["next_attempt_at"]),
            last_error=None
            if error is None
            else LastError(str(error["type"]), str(error["message"])),
            state={str(k): str(v) for k, v in data["state"].items()},
            receipt=None if receipt is None else Receipt.model_validate(receipt),
            folder=folder,
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        msg = f"outbox entry {folder.name} has an unreadable {ENTRY_FILE} ({exc})"
        raise OutboxError(msg) from exc


def _status(value: object) -> Status:
    if value == "pending":
        return "pending"
    if value == "delivered":
        return "delivered"
    if value == "dead":
        return "dead"
    msg = f"unknown status {value!r}"
    raise ValueError(msg)
