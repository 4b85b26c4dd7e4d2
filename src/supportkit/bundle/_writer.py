"""Writing a bundle: fit it to the size budget, stream it into a zip, seal it atomically.

The writer never fails a report because of an attachment: a file that vanished or cannot
be read since it was collected is left out and the gap recorded. It fails only when the
destination cannot be written, and then leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

from supportkit._atomic import sync_directory
from supportkit._units import human_size
from supportkit.bundle import _budget
from supportkit.bundle._manifest import (
    MANIFEST_NAME,
    REPORT_NAME,
    SUMMARY_NAME,
    BudgetCut,
    FileEntry,
    Manifest,
    RedactionFailureRecord,
    RedactionRecord,
    bundle_paths,
)
from supportkit.bundle._reader import _RATIO_CHECK_FROM_BYTES, _SEAL, ReadLimits, SealedBundle
from supportkit.bundle._summary import render_summary
from supportkit.collectors._base import PendingAttachment
from supportkit.exceptions import BundleWriteError, InvalidArgumentError
from supportkit.models import AttachmentInfo, Cut, Report
from supportkit.redaction._capture import RedactedCapture, describe_policy

__all__ = ["DEFAULT_BUDGET_BYTES", "write_bundle"]

DEFAULT_BUDGET_BYTES = 5 * 1024 * 1024
"""Redmine's default upload cap, the smallest of the common ticket systems."""

_CHUNK_BYTES = 1024 * 1024
_ZIP64_FROM_BYTES = 0x7FFF_FFFF
_MANIFEST_BASE_BYTES = 1024
_COMPRESSED_TYPES = frozenset(
    {
        "application/gzip",
        "application/x-gzip",
        "application/zip",
        "application/x-bzip2",
        "application/x-xz",
        "application/zstd",
        "application/x-7z-compressed",
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
    }
)
_COMPRESSED_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".webp", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".7z"}
)


def write_bundle(
    capture: RedactedCapture,
    destination: Path,
    *,
    budget_bytes: int = DEFAULT_BUDGET_BYTES,
    self_tested: bool = False,
    profile: str = "full",
) -> SealedBundle:
    """Seal a redacted capture at ``destination``.

    Only a :class:`~supportkit.redaction.RedactedCapture` is accepted, so nothing unredacted
    is ever sealed. Fills ``report.attachments`` from what actually went in, cutting
    attachments to fit ``budget_bytes``, and records the redaction audit in the manifest.
    Raises :class:`~supportkit.exceptions.BundleWriteError` only when the destination cannot
    be written; attachments that cannot be read are left out instead.
    """
    if not isinstance(capture, RedactedCapture):
        msg = (
            "write_bundle() seals only a RedactedCapture; pass the report and attachments "
            "through supportkit.redaction.redact_capture() first"
        )
        raise TypeError(msg)
    report, attachments = capture.report, capture.attachments
    redaction = _redaction_record(capture, self_tested=self_tested)
    if budget_bytes <= 0:
        msg = f"budget_bytes must be positive, got {budget_bytes}"
        raise InvalidArgumentError(msg)
    destination = Path(destination)
    _check_destination(destination)
    items = [
        _Item(pending, path)
        for pending, path in zip(
            attachments, bundle_paths(a.name for a in attachments), strict=True
        )
    ]
    for item in items:
        item.measure()
    while True:
        contents = _prepare(report, items, budget_bytes, redaction)
        contents.profile = profile
        try:
            manifest = _write_atomically(destination, contents)
        except _SourceUnreadableError as failure:
            failure.item.failure = failure.reason
            continue
        except _TooCompressedError as retry:
            retry.item.force_stored = True
            continue
        return SealedBundle(destination, manifest, contents.report, _seal=_SEAL)


@dataclass(eq=False)
class _Item:
    """One attachment on its way into the bundle."""

    pending: PendingAttachment
    path: str
    available: int = 0
    failure: str | None = None
    force_stored: bool = False
    trimmed: bytes | None = None
    new_cuts: list[Cut] = field(default_factory=list)

    def measure(self) -> None:
        """How many bytes can actually be read now; a vanished file becomes a failure."""
        pending = self.pending
        if pending.data is not None:
            self.available = len(pending.data)
            return
        try:
            assert pending.path is not None
            on_disk = pending.path.stat().st_size
        except OSError as error:
            self.failure = _read_failure(error)
            return
        self.available = max(0, min(pending.size, on_disk - pending.offset))

    def chunks(self, start: int, length: int) -> Iterator[bytes]:
        """``length`` bytes from ``start`` within the attachment, read in chunks."""
        pending = self.pending
        if pending.data is not None:
            view = memoryview(pending.data)[start : start + length]
            for begin in range(0, len(view), _CHUNK_BYTES):
                yield bytes(view[begin : begin + _CHUNK_BYTES])
            return
        assert pending.path is not None
        try:
            with pending.path.open("rb") as handle:
                handle.seek(pending.offset + start)
                left = length
                while left > 0 and (chunk := handle.read(min(_CHUNK_BYTES, left))):
                    left -= len(chunk)
                    yield chunk
        except OSError as error:
            raise _SourceUnreadableError(self, _read_failure(error)) from error

    def read(self, start: int, length: int) -> bytes:
        return b"".join(self.chunks(start, length))

    @property
    def dropped(self) -> bool:
        return self.failure is not None or any(cut.action == "dropped" for cut in self.new_cuts)

    @property
    def size(self) -> int:
        """Bytes this attachment takes in the bundle as things stand."""
        if self.dropped:
            return 0
        return len(self.trimmed) if self.trimmed is not None else self.available


class _SourceUnreadableError(Exception):
    """An attachment could not be read while the bundle was being written."""

    def __init__(self, item: _Item, reason: str) -> None:
        super().__init__(reason)
        self.item = item
        self.reason = reason


class _TooCompressedError(Exception):
    """An entry compressed so well a reader would take it for a zip bomb: store it instead."""

    def __init__(self, item: _Item) -> None:
        super().__init__(item.path)
        self.item = item


def _read_failure(error: OSError) -> str:
    return f"could not be read when the bundle was written: {error.strerror or error}"


@dataclass
class _Contents:
    """Everything that goes into one write attempt."""

    report: Report
    report_json: bytes
    summary: bytes
    cuts: tuple[BudgetCut, ...]
    items: list[_Item]
    budget_bytes: int
    redaction: RedactionRecord
    profile: str = "full"


def _redaction_record(capture: RedactedCapture, *, self_tested: bool) -> RedactionRecord:
    audit = capture.redactor.audit
    policy = capture.redactor.policy
    return RedactionRecord(
        policy=describe_policy(policy),
        pseudonyms="stable" if policy.stable_key is not None else "per-bundle",
        artifacts=audit.to_dict()["artifacts"],
        failures=tuple(
            RedactionFailureRecord(artifact=f.artifact, rule=f.rule, error=f.error, count=f.count)
            for f in audit.failures
        ),
        unredacted=capture.unredacted,
        self_test="passed" if self_tested else "not run",
    )


def _prepare(
    report: Report, items: list[_Item], budget_bytes: int, redaction: RedactionRecord
) -> _Contents:
    """Apply the budget, then build report.json and summary.md from what will go in."""
    while True:
        for item in items:
            item.trimmed, item.new_cuts = None, []
        live = [item for item in items if item.failure is None]
        for item in items:
            if item.failure is not None:
                item.new_cuts = [_dropped(item.pending.size, item.failure)]
        draft = _contents(report, items, budget_bytes, redaction)
        allotments = _budget.plan_budget(
            [
                _budget.BudgetItem(i.path, i.available, i.pending.text, i.pending.optional)
                for i in live
            ],
            fixed_bytes=_fixed_bytes(draft),
            budget_bytes=budget_bytes,
        )
        try:
            for item, allotment in zip(live, allotments, strict=True):
                _apply(item, allotment, budget_bytes)
        except _SourceUnreadableError as failure:
            failure.item.failure = failure.reason
            continue
        if all(not item.new_cuts and item.trimmed is None for item in live):
            return draft  # nothing was cut: report.json and summary.md stand as drafted
        return _contents(report, items, budget_bytes, redaction)


def _apply(item: _Item, allotment: _budget.Allotment, budget_bytes: int) -> None:
    budget = human_size(budget_bytes)
    if allotment.action == "dropped":
        chosen = (
            ""
            if item.pending.optional
            else ", although the reporter added it: nothing else could be cut"
        )
        reason = f"to fit the {budget} bundle size budget{chosen}"
        item.new_cuts = [_dropped(item.available, reason)]
    elif allotment.action == "trimmed":
        head, tail = _budget.split_allowance(allotment.size)
        head_window = item.read(0, head)
        tail_window = item.read(item.available - tail - 1, tail + 1)
        item.trimmed, kept = _budget.assemble_trimmed(head_window, tail_window, item.available)
        reason = f"to fit the {budget} bundle size budget; head and tail kept"
        item.new_cuts = [
            Cut(action="trimmed", original_size=item.available, kept_size=kept, reason=reason)
        ]


def _dropped(original_size: int, reason: str) -> Cut:
    return Cut(action="dropped", original_size=original_size, kept_size=0, reason=reason)


def _info(item: _Item) -> AttachmentInfo:
    pending = item.pending
    return AttachmentInfo(
        path=item.path,
        kind=pending.kind,
        source=pending.source,
        media_type=pending.media_type,
        size=item.size,
        original_size=pending.original_size,
        binary=not pending.text,
        cuts=(*pending.cuts, *item.new_cuts),
    )


def _contents(
    report: Report, items: list[_Item], budget_bytes: int, redaction: RedactionRecord
) -> _Contents:
    infos = tuple(_info(item) for item in items)
    final = report.model_copy(update={"attachments": infos})
    cuts = tuple(
        BudgetCut(path=info.path, **cut.model_dump()) for info in infos for cut in info.cuts
    )
    return _Contents(
        report=final,
        report_json=final.model_dump_json(indent=2).encode(),
        summary=render_summary(final, cuts, redaction).encode(),
        cuts=cuts,
        items=items,
        budget_bytes=budget_bytes,
        redaction=redaction,
    )


def _fixed_bytes(draft: _Contents) -> int:
    """What the budget cannot cut: report.json, summary.md and the manifest, before any cut."""
    return (
        len(draft.report_json)
        + len(draft.summary)
        + _MANIFEST_BASE_BYTES
        + len(draft.redaction.model_dump_json(indent=2))
        + _budget.entry_overhead(REPORT_NAME)
        + _budget.entry_overhead(SUMMARY_NAME)
    )


def _check_destination(destination: Path) -> None:
    where = f"cannot write bundle to {destination}"
    if destination.is_dir():
        msg = f"{where}: it is a directory — give a file name, e.g. {destination / 'report.zip'}"
        raise BundleWriteError(msg)
    parent = destination.parent
    if not parent.exists():
        msg = f"{where}: directory {parent} does not exist — create it or choose another path"
        raise BundleWriteError(msg)
    if not parent.is_dir():
        msg = f"{where}: {parent} is not a directory — choose another path"
        raise BundleWriteError(msg)


def _write_atomically(destination: Path, contents: _Contents) -> Manifest:
    """Write to a temporary file beside ``destination``, then move it into place."""
    temporary = destination.with_name(f".{destination.name}.tmp-{secrets.token_hex(6)}")
    try:
        with temporary.open("xb") as handle:
            manifest = _write_zip(handle, contents)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, destination)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _write_error(destination, error) from error
        raise
    sync_directory(destination.parent)
    return manifest


def _write_error(destination: Path, error: OSError) -> BundleWriteError:
    reason = error.strerror or str(error)
    if isinstance(error, PermissionError):
        advice = f"make {destination.parent} writable or choose another directory"
    elif error.errno == errno.ENOSPC:
        advice = "free some disk space or choose another disk"
    elif error.errno == errno.EROFS:
        advice = "choose a directory on a writable disk"
    else:
        advice = "check the path and try again, or choose another directory"
    return BundleWriteError(f"cannot write bundle to {destination}: {reason} — {advice}")


@dataclass(frozen=True)
class _Entry:
    """One file to write: bytes in memory, or an attachment streamed from its source."""

    path: str
    media_type: str
    compress_type: int
    size: int
    data: bytes | None = None
    item: _Item | None = None

    def chunks(self) -> Iterator[bytes]:
        if self.data is not None:
            yield self.data
        elif self.item is not None:
            yield from self.item.chunks(0, self.size)


def _entries(contents: _Contents) -> list[_Entry]:
    deflated = zipfile.ZIP_DEFLATED
    entries = [
        _Entry(
            REPORT_NAME,
            "application/json",
            deflated,
            len(contents.report_json),
            contents.report_json,
        ),
        _Entry(SUMMARY_NAME, "text/markdown", deflated, len(contents.summary), contents.summary),
    ]
    for item in contents.items:
        if item.dropped:
            continue
        media_type, compression = item.pending.media_type, _compression(item)
        entries.append(_Entry(item.path, media_type, compression, item.size, item.trimmed, item))
    return entries


def _compression(item: _Item) -> int:
    pending = item.pending
    already_compressed = (
        pending.media_type.split(";")[0].strip().lower() in _COMPRESSED_TYPES
        or Path(item.path).suffix.lower() in _COMPRESSED_SUFFIXES
    )
    if item.force_stored or (not pending.text and already_compressed):
        return zipfile.ZIP_STORED
    return zipfile.ZIP_DEFLATED


def _write_zip(handle: BinaryIO, contents: _Contents) -> Manifest:
    created_at = datetime.now(timezone.utc).replace(microsecond=0)
    moment = created_at
    stamp = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    files = []
    with zipfile.ZipFile(handle, "w") as archive:
        for entry in _entries(contents):
            files.append(_write_entry(archive, entry, stamp))
        manifest = Manifest(
            report_id=contents.report.id,
            created_at=created_at,
            files=tuple(files),
            budget_bytes=contents.budget_bytes,
            cuts=contents.cuts,
            redaction=contents.redaction,
            profile=contents.profile,
        )
        info = _zip_info(MANIFEST_NAME, zipfile.ZIP_DEFLATED, stamp)
        archive.writestr(info, manifest.model_dump_json(indent=2))
    return manifest


_Stamp = tuple[int, int, int, int, int, int]


def _zip_info(path: str, compress_type: int, stamp: _Stamp) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(path, date_time=stamp)
    info.compress_type = compress_type
    info.external_attr = 0o100644 << 16
    return info


def _write_entry(archive: zipfile.ZipFile, entry: _Entry, stamp: _Stamp) -> FileEntry:
    info = _zip_info(entry.path, entry.compress_type, stamp)
    digest = hashlib.sha256()
    written = 0
    with archive.open(info, "w", force_zip64=entry.size >= _ZIP64_FROM_BYTES) as stream:
        for chunk in entry.chunks():
            digest.update(chunk)
            stream.write(chunk)
            written += len(chunk)
    if entry.item is not None:
        if written != entry.size:
            raise _SourceUnreadableError(entry.item, "changed while the bundle was being written")
        if _looks_like_bomb(info):
            raise _TooCompressedError(entry.item)
    return FileEntry(
        path=entry.path, size=written, media_type=entry.media_type, sha256=digest.hexdigest()
    )


def _looks_like_bomb(info: zipfile.ZipInfo) -> bool:
    """Would a reader with default limits refuse this entry for compressing too well?"""
    if info.file_size < _RATIO_CHECK_FROM_BYTES:
        return False
    return info.file_size / max(info.compress_size, 1) > ReadLimits().max_compression_ratio
