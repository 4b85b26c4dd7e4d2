"""Reading a bundle: refuse anything that is not an intact supportkit bundle, then seal it.

Bundles arrive from strangers, so the reader treats every archive as hostile until proven
otherwise: names, entry types, entry count and sizes are checked from the central directory
before a byte is inflated, and bytes are counted again while hashing so a lying header
cannot get past. Nothing is ever extracted to disk.
"""

from __future__ import annotations

import hashlib
import re
import stat
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from supportkit.bundle._manifest import (
    MANIFEST_NAME,
    REPORT_NAME,
    FileEntry,
    Manifest,
    parse_manifest,
)
from supportkit.exceptions import BundleFormatError, InvalidArgumentError
from supportkit.models import SCHEMA_VERSION, Report

__all__ = ["ReadLimits", "SealedBundle", "read_bundle"]

_SEAL = object()
"""Held only by the writer and the reader: proof that a SealedBundle was verified or written."""

_CHUNK_BYTES = 1024 * 1024
_RATIO_CHECK_FROM_BYTES = 1024 * 1024
"""Entries smaller than this may compress as well as they like: they cannot bomb anyone."""
_ZIP_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
_DRIVE_LETTER = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class ReadLimits:
    """How much a reader is willing to take from an archive before calling it hostile."""

    max_entries: int = 10_000
    max_total_bytes: int = 1024 * 1024 * 1024
    max_compression_ratio: int = 200


class SealedBundle:
    """A bundle that was written or verified by supportkit; the only thing transports accept.

    Made only by :func:`write_bundle` and :func:`read_bundle`, so holding one proves the
    file was checked against its manifest. :meth:`read_file` checks again as it reads, in
    case the file changed on disk since.
    """

    __slots__ = ("_manifest", "_path", "_report")

    _path: Path
    _manifest: Manifest
    _report: Report

    def __init__(
        self, path: Path, manifest: Manifest, report: Report, *, _seal: object = None
    ) -> None:
        if _seal is not _SEAL:
            msg = (
                "SealedBundle is made by write_bundle() or read_bundle(); call one of them "
                "instead of constructing it, so the bundle is verified"
            )
            raise TypeError(msg)
        object.__setattr__(self, "_path", path)
        object.__setattr__(self, "_manifest", manifest)
        object.__setattr__(self, "_report", report)

    def __setattr__(self, name: str, value: Any) -> None:
        msg = f"SealedBundle is immutable; cannot set {name!r}"
        raise AttributeError(msg)

    def __delattr__(self, name: str) -> None:
        msg = f"SealedBundle is immutable; cannot delete {name!r}"
        raise AttributeError(msg)

    def __repr__(self) -> str:
        return f"SealedBundle(path={str(self._path)!r}, report_id={self._manifest.report_id!r})"

    @property
    def path(self) -> Path:
        """Where the bundle file is."""
        return self._path

    @property
    def manifest(self) -> Manifest:
        """The bundle's verified manifest."""
        return self._manifest

    @property
    def report(self) -> Report:
        """The bundle's report."""
        return self._report

    def read_file(self, name: str) -> bytes:
        """One listed file's bytes, checked against the manifest's size and SHA-256."""
        entry = self._manifest.entry(name)
        if entry is None:
            listed = ", ".join(file.path for file in self._manifest.files)
            msg = f"{name!r} is not in this bundle; it holds: {listed}"
            raise InvalidArgumentError(msg)
        with _open_zip(self._path) as archive:
            if name not in archive.NameToInfo:
                msg = f"{self._path}: {name} is listed but missing"
                raise BundleFormatError(msg)
            return _read_verified(archive, entry, ReadLimits().max_total_bytes)


def read_bundle(path: Path, *, limits: ReadLimits = ReadLimits()) -> SealedBundle:
    """Verify the bundle at ``path`` completely and return it sealed.

    Raises :class:`~supportkit.exceptions.BundleFormatError`, naming the problem, for
    anything that is not an intact supportkit bundle of a supported version.
    """
    path = Path(path)
    with _open_zip(path) as archive:
        infos = archive.infolist()
        _check_entries(infos, limits)
        names = {info.filename for info in infos}
        budget = _ByteBudget(limits.max_total_bytes)
        manifest = _read_manifest(archive, names, budget)
        _check_listing(manifest, names)
        contents = {
            entry.path: _read_verified(archive, entry, budget.take(entry.size))
            for entry in manifest.files
        }
    report = _parse_report(contents[REPORT_NAME])
    if report.id != manifest.report_id:
        msg = (
            f"{REPORT_NAME} is report {report.id!r} but {MANIFEST_NAME} is for "
            f"{manifest.report_id!r}: the files do not belong together"
        )
        raise BundleFormatError(msg)
    return SealedBundle(path, manifest, report, _seal=_SEAL)


class _ByteBudget:
    """Counts inflated bytes across the whole archive against ``max_total_bytes``."""

    def __init__(self, total: int) -> None:
        self.left = total

    def take(self, size: int) -> int:
        if size > self.left:
            msg = (
                "bundle holds more data than the reader allows (ReadLimits.max_total_bytes); "
                "refusing it as a possible zip bomb"
            )
            raise BundleFormatError(msg)
        self.left -= size
        return size


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        msg = f"{path}: no such file — check the path"
        raise BundleFormatError(msg) from None
    except IsADirectoryError:
        msg = f"{path} is a directory, not a bundle file"
        raise BundleFormatError(msg) from None
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as error:
        msg = (
            f"{path} is not a zip file, or it is truncated ({error}) — ask for it to be sent again"
        )
        raise BundleFormatError(msg) from None
    except OSError as error:
        msg = f"cannot read {path}: {error.strerror or error}"
        raise BundleFormatError(msg) from None


def _check_entries(infos: list[zipfile.ZipInfo], limits: ReadLimits) -> None:
    """Everything that can be refused from the central directory alone."""
    if len(infos) > limits.max_entries:
        msg = (
            f"archive has {len(infos)} entries, more than the {limits.max_entries} a bundle may "
            "have (ReadLimits.max_entries)"
        )
        raise BundleFormatError(msg)
    for info in infos:
        problem = _entry_problem(info, limits)
        if problem is not None:
            msg = f"hostile or unsupported archive entry {info.filename!r}: {problem}"
            raise BundleFormatError(msg)
    duplicates = [
        name for name, count in Counter(i.filename.casefold() for i in infos).items() if count > 1
    ]
    if duplicates:
        msg = f"archive holds duplicate names: {', '.join(sorted(duplicates))}"
        raise BundleFormatError(msg)
    declared = sum(info.file_size for info in infos)
    if declared > limits.max_total_bytes:
        msg = (
            f"archive declares {declared} bytes uncompressed, more than the "
            f"{limits.max_total_bytes} allowed (ReadLimits.max_total_bytes); refusing it as a "
            "possible zip bomb"
        )
        raise BundleFormatError(msg)


def _entry_problem(info: zipfile.ZipInfo, limits: ReadLimits) -> str | None:
    name_problem = _name_problem(info.filename)
    if name_problem is not None:
        return name_problem
    if stat.S_ISLNK(info.external_attr >> 16):
        return "symbolic link"
    if info.flag_bits & 0x1:
        return "encrypted"
    if info.compress_type not in _ZIP_METHODS:
        return f"compression method {info.compress_type} (bundles use only stored or deflated)"
    if info.file_size >= _RATIO_CHECK_FROM_BYTES:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_compression_ratio:
            return (
                f"compression ratio {ratio:.0f}:1 exceeds {limits.max_compression_ratio}:1 "
                "(ReadLimits.max_compression_ratio); refusing it as a possible zip bomb"
            )
    return None


def _name_problem(name: str) -> str | None:
    checks = (
        (_CONTROL_CHARACTERS.search(name) is not None, "control character in name"),
        ("\\" in name, "backslash in name"),
        (name.startswith("/"), "absolute path"),
        (_DRIVE_LETTER.match(name) is not None, "drive letter in name"),
        (name.endswith("/"), "directory entry"),
        (any(part in ("", ".", "..") for part in name.split("/")), "'..', '.' or empty component"),
    )
    return next((problem for failed, problem in checks if failed), None)


def _read_manifest(archive: zipfile.ZipFile, names: set[str], budget: _ByteBudget) -> Manifest:
    if MANIFEST_NAME not in names:
        msg = f"not a supportkit bundle: {MANIFEST_NAME} is missing"
        raise BundleFormatError(msg)
    if REPORT_NAME not in names:
        msg = f"bundle is incomplete: {REPORT_NAME} is missing"
        raise BundleFormatError(msg)
    info = archive.getinfo(MANIFEST_NAME)
    raw = b"".join(_inflate(archive, info, budget.take(info.file_size)))
    return parse_manifest(raw)


def _check_listing(manifest: Manifest, names: set[str]) -> None:
    listed = [entry.path for entry in manifest.files]
    repeated = sorted(path for path, count in Counter(listed).items() if count > 1)
    if repeated:
        msg = f"{MANIFEST_NAME} lists files twice: {', '.join(repeated)}"
        raise BundleFormatError(msg)
    if REPORT_NAME not in listed:
        msg = f"{MANIFEST_NAME} does not list {REPORT_NAME}"
        raise BundleFormatError(msg)
    missing = sorted(set(listed) - names)
    if missing:
        msg = f"file listed in {MANIFEST_NAME} but missing: {', '.join(missing)}"
        raise BundleFormatError(msg)
    extra = sorted(names - set(listed) - {MANIFEST_NAME})
    if extra:
        msg = f"extra file not listed in {MANIFEST_NAME}: {', '.join(extra)}"
        raise BundleFormatError(msg)


def _read_verified(archive: zipfile.ZipFile, entry: FileEntry, allowance: int) -> bytes:
    """The entry's bytes, refused unless size and SHA-256 match the manifest."""
    info = archive.getinfo(entry.path)
    if info.file_size != entry.size:
        msg = (
            f"size mismatch for {entry.path}: manifest says {entry.size} bytes, archive "
            f"{info.file_size} — the bundle was altered or damaged"
        )
        raise BundleFormatError(msg)
    digest = hashlib.sha256()
    chunks = []
    for chunk in _inflate(archive, info, min(allowance, entry.size)):
        digest.update(chunk)
        chunks.append(chunk)
    if digest.hexdigest() != entry.sha256:
        msg = (
            f"SHA-256 mismatch for {entry.path}: the bundle was altered or damaged after it "
            "was sealed — ask for the original"
        )
        raise BundleFormatError(msg)
    return b"".join(chunks)


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
    """The entry's bytes in chunks, refused as soon as more than ``limit`` come out."""
    produced = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK_BYTES):
                produced += len(chunk)
                if produced > limit:
                    msg = (
                        f"{info.filename} inflates beyond its declared size; refusing it as a "
                        "possible zip bomb"
                    )
                    raise BundleFormatError(msg)
                yield chunk
    except (zipfile.BadZipFile, EOFError, zlib.error, OSError) as error:
        msg = f"{info.filename} is corrupt or truncated: {error}"
        raise BundleFormatError(msg) from None


def _parse_report(raw: bytes) -> Report:
    try:
        report = Report.model_validate_json(raw)
    except ValidationError as error:
        first = error.errors()[0]
        location = ".".join(str(part) for part in first["loc"]) or "(top level)"
        msg = f"{REPORT_NAME} is not a valid report: {location}: {first['msg']}"
        raise BundleFormatError(msg) from None
    known_major = SCHEMA_VERSION.split(".")[0]
    if report.schema_version.split(".")[0] != known_major:
        msg = (
            f"{REPORT_NAME} uses report schema {report.schema_version}; this supportkit reads "
            f"{known_major}.x — upgrade supportkit to read it"
        )
        raise BundleFormatError(msg)
    return report
