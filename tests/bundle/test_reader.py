"""Reading bundles: every way a file can fail to be an intact bundle is refused by name."""

from __future__ import annotations

import hashlib
import json
import stat
import struct
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from supportkit.bundle import ReadLimits, SealedBundle, read_bundle, write_bundle
from supportkit.collectors._base import PendingAttachment
from supportkit.exceptions import BundleFormatError
from supportkit.models import Report

from ._sealing import redacted

MiB = 1024 * 1024
ATTACHMENT = "attachments/screen-0.png"

Manifest = dict[str, Any]


@pytest.fixture(name="sealed")
def _sealed(tmp_path: Path, report: Report, attachments: list[PendingAttachment]) -> SealedBundle:
    """A bundle just written by supportkit."""
    return write_bundle(redacted(report, attachments), tmp_path / "good.zip")


def _contents(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _write_zip(path: Path, entries: list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    """A zip exactly as given: duplicates, odd names and all."""
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        warnings.simplefilter("ignore")  # zipfile warns about the duplicates we add on purpose
        for name, data in entries:
            archive.writestr(name, data)
    return path


def _rebuild(
    sealed: SealedBundle,
    *,
    replace: dict[str, bytes] | None = None,
    drop: tuple[str, ...] = (),
    add: list[tuple[str | zipfile.ZipInfo, bytes]] | None = None,
    edit_manifest: Callable[[Manifest], None] | None = None,
    reseal: bool = False,
) -> Path:
    """A copy of ``sealed`` with changes; ``reseal`` updates sizes and hashes to match."""
    contents = _contents(sealed.path)
    contents.update(replace or {})
    manifest: Manifest = json.loads(contents.pop("manifest.json"))
    if reseal:
        for entry in manifest["files"]:
            data = contents[entry["path"]]
            entry["size"], entry["sha256"] = len(data), hashlib.sha256(data).hexdigest()
    if edit_manifest is not None:
        edit_manifest(manifest)
    entries: list[tuple[str | zipfile.ZipInfo, bytes]] = [
        (name, data) for name, data in contents.items() if name not in drop
    ]
    entries += add or []
    if "manifest.json" not in drop:
        entries.append(("manifest.json", json.dumps(manifest).encode()))
    return _write_zip(sealed.path.with_name("changed.zip"), entries)


def test_reads_a_bundle_supportkit_wrote(sealed: SealedBundle) -> None:
    """A fresh bundle verifies and reads back its report."""
    bundle = read_bundle(sealed.path)
    assert bundle.report == sealed.report
    assert bundle.read_file(ATTACHMENT) == sealed.read_file(ATTACHMENT)


def test_accepts_a_newer_minor_version_with_unknown_fields(sealed: SealedBundle) -> None:
    """A 1.x manifest with fields this reader does not know still verifies."""

    def newer(manifest: Manifest) -> None:
        manifest["format_version"] = "1.7"
        manifest["attestation"] = {"signer": "ci"}
        manifest["files"][0]["encoding"] = "utf-8"

    bundle = read_bundle(_rebuild(sealed, edit_manifest=newer))
    assert bundle.manifest.format_version == "1.7"
    assert bundle.report == sealed.report


def test_accepts_a_report_of_a_newer_minor_schema(sealed: SealedBundle) -> None:
    """report.json from a newer 1.x schema, with fields this reader lacks, still reads."""
    report = json.loads(_contents(sealed.path)["report.json"])
    report["schema_version"] = "1.4"
    report["sentiment"] = "frustrated"
    report["problem"]["screen"] = "invoice editor"
    changed = _rebuild(sealed, replace={"report.json": json.dumps(report).encode()}, reseal=True)
    assert read_bundle(changed).report.problem == sealed.report.problem


def test_refuses_a_report_of_another_major_schema(sealed: SealedBundle) -> None:
    """report.json of schema 2.x is refused with a hint to upgrade."""
    report = json.loads(_contents(sealed.path)["report.json"])
    report["schema_version"] = "2.0"
    changed = _rebuild(sealed, replace={"report.json": json.dumps(report).encode()}, reseal=True)
    with pytest.raises(BundleFormatError, match=r"report schema 2\.0.*upgrade supportkit"):
        read_bundle(changed)


def _set(key: str, value: object) -> Callable[[Manifest], None]:
    return lambda manifest: manifest.__setitem__(key, value)


def _set_file(index: int, key: str, value: object) -> Callable[[Manifest], None]:
    return lambda manifest: manifest["files"][index].__setitem__(key, value)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"drop": ("manifest.json",)}, "manifest.json is missing"),
        ({"drop": ("report.json",)}, "report.json is missing"),
        ({"edit_manifest": _set("format", "other-bundle")}, "not a supportkit bundle"),
        ({"edit_manifest": _set("format_version", "2.0")}, "version 2.0 is not supported"),
        ({"edit_manifest": _set("format_version", "one")}, "expected 'MAJOR.MINOR'"),
        ({"edit_manifest": _set("extra", True)}, "manifest.json is not valid: extra"),
        ({"edit_manifest": _set_file(0, "sha256", "xyz")}, r"not valid: files\.0\.sha256"),
        ({"edit_manifest": _set_file(1, "path", "report.json")}, "lists files twice"),
        ({"drop": (ATTACHMENT,)}, f"listed in manifest.json but missing: {ATTACHMENT}"),
        ({"add": [("attachments/extra.txt", b"x")]}, "extra file not listed.*extra.txt"),
        ({"edit_manifest": _set_file(3, "size", 4999)}, f"size mismatch for {ATTACHMENT}"),
        ({"replace": {ATTACHMENT: b"Y" * 5000}}, f"SHA-256 mismatch for {ATTACHMENT}"),
        (
            {"replace": {"report.json": b'{"id": 1}'}, "reseal": True},
            "report.json is not a valid report",
        ),
    ],
    ids=[
        "no-manifest",
        "no-report",
        "foreign-format",
        "newer-major",
        "bad-version",
        "invalid-manifest",
        "invalid-hash",
        "listed-twice",
        "listed-but-missing",
        "extra-file",
        "size-mismatch",
        "hash-mismatch",
        "invalid-report",
    ],
)
def test_refuses_damaged_bundles(
    sealed: SealedBundle, changes: dict[str, Any], message: str
) -> None:
    """Each kind of damage is refused with a message naming it."""
    with pytest.raises(BundleFormatError, match=message):
        read_bundle(_rebuild(sealed, **changes))


def test_refuses_report_from_another_bundle(sealed: SealedBundle) -> None:
    """A report.json swapped in from another report does not match the manifest."""
    other = sealed.report.model_copy(update={"id": "01HXTZ8Q3W4V5N6M7K8J9H0ZZZ"})
    changed = _rebuild(
        sealed, replace={"report.json": other.model_dump_json().encode()}, reseal=True
    )
    with pytest.raises(BundleFormatError, match="do not belong together"):
        read_bundle(changed)


def test_refuses_a_byte_flipped_in_place(sealed: SealedBundle) -> None:
    """Tampering inside the zip itself is caught."""
    with zipfile.ZipFile(sealed.path) as archive:
        info = archive.getinfo(ATTACHMENT)
    raw = bytearray(sealed.path.read_bytes())
    data_start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[data_start + 100] ^= 0xFF
    sealed.path.write_bytes(bytes(raw))
    with pytest.raises(BundleFormatError, match=ATTACHMENT):
        read_bundle(sealed.path)


def _symlink(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def _bzip2(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_BZIP2
    return info


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("/etc/cron.d/evil", "absolute path"),
        ("attachments/../../.bashrc", r"'\.\.'"),
        ("attachments/./x.txt", r"'\.\.', '\.' or empty"),
        ("attachments//x.txt", "empty component"),
        ("attachments\\..\\evil.txt", "backslash"),
        ("C:/Windows/evil.dll", "drive letter"),
        ("attachments/bell\x07.txt", "control character"),
        ("attachments/", "directory entry"),
        (_symlink("attachments/link"), "symbolic link"),
        (_bzip2("attachments/packed.txt"), "compression method"),
        ("report.json", "duplicate names: report.json"),
        ("attachments/SCREEN-0.png", "duplicate names"),
    ],
    ids=[
        "absolute",
        "dot-dot",
        "dot",
        "empty-component",
        "backslash",
        "drive-letter",
        "control-character",
        "directory",
        "symlink",
        "unsupported-method",
        "duplicate",
        "duplicate-by-case",
    ],
)
def test_refuses_hostile_entries(
    sealed: SealedBundle, entry: str | zipfile.ZipInfo, message: str
) -> None:
    """An archive with a dangerous entry is refused before anything is inflated."""
    with pytest.raises(BundleFormatError, match=message):
        read_bundle(_rebuild(sealed, add=[(entry, b"/etc/passwd")]))


def test_refuses_too_many_entries(sealed: SealedBundle) -> None:
    """An archive with more entries than the limit is refused."""
    with pytest.raises(BundleFormatError, match="5 entries, more than the 3"):
        read_bundle(sealed.path, limits=ReadLimits(max_entries=3))


def test_refuses_more_declared_data_than_the_limit(tmp_path: Path) -> None:
    """A few MB of zeros exceed a small total limit before anything is read."""
    path = _write_zip(tmp_path / "bomb.zip", [("attachments/zeros.bin", bytes(4 * MiB))])
    with pytest.raises(BundleFormatError, match="possible zip bomb"):
        read_bundle(path, limits=ReadLimits(max_total_bytes=MiB, max_compression_ratio=10_000))


def test_refuses_an_absurd_compression_ratio(sealed: SealedBundle) -> None:
    """Megabytes of zeros deflated a thousandfold look like a zip bomb."""
    changed = _rebuild(sealed, add=[("attachments/zeros.bin", bytes(4 * MiB))])
    with pytest.raises(BundleFormatError, match="compression ratio"):
        read_bundle(changed)


def _patch_headers(path: Path, name: str, local_at: int, central_at: int, value: int) -> None:
    """Overwrite a 4-byte field of ``name``'s local and central headers, as a forger would."""
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        struct.pack_into("<I", raw, archive.getinfo(name).header_offset + local_at, value)
    central = raw.find(b"PK\x01\x02")
    while central >= 0:
        name_length = struct.unpack_from("<H", raw, central + 28)[0]
        if raw[central + 46 : central + 46 + name_length] == name.encode():
            struct.pack_into("<I", raw, central + central_at, value)
        central = raw.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(raw))


def test_refuses_encrypted_entries(sealed: SealedBundle) -> None:
    """An entry flagged as encrypted is refused: a bundle never needs a password."""
    changed = _rebuild(sealed)
    with zipfile.ZipFile(changed) as archive:
        info = archive.getinfo(ATTACHMENT)
    # Flag bits and compression method share one 4-byte word in both headers.
    word = (info.flag_bits | 0x1) | (info.compress_type << 16)
    _patch_headers(changed, ATTACHMENT, local_at=6, central_at=8, value=word)
    with pytest.raises(BundleFormatError, match="encrypted"):
        read_bundle(changed)


def test_refuses_an_entry_that_inflates_past_its_declared_size(sealed: SealedBundle) -> None:
    """Headers claiming 1000 bytes for 2 MiB of zeros do not get past the byte count."""
    name = "attachments/zeros.bin"
    declared = bytes(1000)

    def list_it(manifest: Manifest) -> None:
        manifest["files"].append(
            {
                "path": name,
                "size": len(declared),
                "media_type": "application/octet-stream",
                "sha256": hashlib.sha256(declared).hexdigest(),
            }
        )

    changed = _rebuild(sealed, add=[(name, bytes(2 * MiB))], edit_manifest=list_it)
    _patch_headers(changed, name, local_at=22, central_at=24, value=len(declared))
    with pytest.raises(BundleFormatError, match=name):
        read_bundle(changed)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not a zip file"),
        (b"hello, this is not a zip", "not a zip file"),
    ],
    ids=["empty", "text"],
)
def test_refuses_files_that_are_not_zips(tmp_path: Path, content: bytes, message: str) -> None:
    """Anything but a zip is refused as such."""
    path = tmp_path / "bundle.zip"
    path.write_bytes(content)
    with pytest.raises(BundleFormatError, match=message):
        read_bundle(path)


def test_refuses_a_truncated_bundle(sealed: SealedBundle) -> None:
    """A download cut short is refused with a hint to fetch it again."""
    raw = sealed.path.read_bytes()
    sealed.path.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(BundleFormatError, match=r"truncated.*sent again"):
        read_bundle(sealed.path)


@pytest.mark.parametrize(
    ("name", "message"), [("missing.zip", "no such file"), (".", "is a directory")]
)
def test_refuses_paths_that_are_not_files(tmp_path: Path, name: str, message: str) -> None:
    """A wrong path is reported as such, not as a corrupt bundle."""
    with pytest.raises(BundleFormatError, match=message):
        read_bundle(tmp_path / name)
