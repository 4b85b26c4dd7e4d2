"""Writing bundles: round trip, names, budget cuts, vanished files and atomic failure."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from supportkit.bundle import (
    DEFAULT_BUDGET_BYTES,
    FORMAT_NAME,
    FORMAT_VERSION,
    SealedBundle,
    _writer,
    read_bundle,
    write_bundle,
)
from supportkit.bundle._manifest import bundle_paths
from supportkit.collectors._base import PendingAttachment
from supportkit.exceptions import BundleFormatError, BundleWriteError, InvalidArgumentError
from supportkit.models import Report

from ._sealing import redacted

MiB = 1024 * 1024


def _text(name: str, data: bytes, *, optional: bool = True) -> PendingAttachment:
    return PendingAttachment(
        name=name,
        kind="log" if optional else "file",
        source=f"/var/log/{name}",
        media_type="text/plain",
        original_size=len(data),
        data=data,
        optional=optional,
    )


def _binary(name: str, size: int, *, optional: bool = True) -> PendingAttachment:
    return PendingAttachment(
        name=name,
        kind="screenshot",
        source="display 0",
        media_type="image/png",
        original_size=size,
        data=os.urandom(size),
        text=False,
        optional=optional,
    )


def _leftovers(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir() if ".tmp-" in path.name)


def test_round_trip_gives_back_the_same_report(
    tmp_path: Path, report: Report, attachments: list[PendingAttachment]
) -> None:
    """What read_bundle returns equals what write_bundle sealed."""
    written = write_bundle(redacted(report, attachments), tmp_path / "bundle.zip")
    read = read_bundle(tmp_path / "bundle.zip")
    assert read.report == written.report
    assert read.manifest == written.manifest


def test_every_listed_hash_matches_the_zip(
    tmp_path: Path, report: Report, attachments: list[PendingAttachment]
) -> None:
    """Each file's size and SHA-256 in the manifest match the bytes in the zip."""
    bundle = write_bundle(redacted(report, attachments), tmp_path / "bundle.zip")
    with zipfile.ZipFile(bundle.path) as archive:
        for entry in bundle.manifest.files:
            data = archive.read(entry.path)
            assert len(data) == entry.size
            assert hashlib.sha256(data).hexdigest() == entry.sha256


def test_manifest_names_format_and_version(
    tmp_path: Path, report: Report, attachments: list[PendingAttachment]
) -> None:
    """The manifest identifies the format, the report and the budget."""
    bundle = write_bundle(
        redacted(report, attachments), tmp_path / "bundle.zip", budget_bytes=3 * MiB
    )
    manifest = bundle.manifest
    assert (manifest.format, manifest.format_version) == (FORMAT_NAME, FORMAT_VERSION)
    assert manifest.report_id == report.id
    assert manifest.budget_bytes == 3 * MiB
    assert manifest.created_at.utcoffset() is not None
    assert not manifest.created_at.utcoffset()


def test_files_are_written_in_a_stable_order(
    tmp_path: Path, report: Report, attachments: list[PendingAttachment]
) -> None:
    """report.json and summary.md first, attachments in the given order, manifest last."""
    bundle = write_bundle(redacted(report, attachments), tmp_path / "bundle.zip")
    expected = [
        "report.json",
        "summary.md",
        "attachments/app.log",
        "attachments/screen-0.png",
    ]
    with zipfile.ZipFile(bundle.path) as archive:
        assert archive.namelist() == [*expected, "manifest.json"]
        keys = list(json.loads(archive.read("manifest.json")))
    assert [entry.path for entry in bundle.manifest.files] == expected
    assert keys == [
        "format",
        "format_version",
        "report_id",
        "created_at",
        "files",
        "budget_bytes",
        "cuts",
        "redaction",
        "profile",
    ]


def test_text_is_deflated_and_images_are_stored(
    tmp_path: Path, report: Report, attachments: list[PendingAttachment]
) -> None:
    """Compressing a PNG again only costs time."""
    bundle = write_bundle(redacted(report, attachments), tmp_path / "bundle.zip")
    with zipfile.ZipFile(bundle.path) as archive:
        assert archive.getinfo("attachments/app.log").compress_type == zipfile.ZIP_DEFLATED
        assert archive.getinfo("attachments/screen-0.png").compress_type == zipfile.ZIP_STORED


def test_report_lists_the_attachments_as_written(
    tmp_path: Path, report: Report, attachments: list[PendingAttachment], log_file: Path
) -> None:
    """report.attachments is filled from what went into the zip."""
    bundle = write_bundle(redacted(report, attachments), tmp_path / "bundle.zip")
    log, screenshot = bundle.report.attachments
    assert (log.path, log.kind, log.source, log.size) == (
        "attachments/app.log",
        "log",
        str(log_file),
        200_000,
    )
    assert log.original_size == log_file.stat().st_size
    assert not log.binary
    assert (screenshot.path, screenshot.size, screenshot.binary) == (
        "attachments/screen-0.png",
        5000,
        True,
    )


def test_attachment_slice_is_copied_exactly(
    tmp_path: Path, report: Report, attachments: list[PendingAttachment], log_file: Path
) -> None:
    """A file slice lands in the bundle byte for byte."""
    bundle = write_bundle(redacted(report, attachments), tmp_path / "bundle.zip")
    assert bundle.read_file("attachments/app.log") == log_file.read_bytes()[-200_000:]


def test_collector_cuts_are_carried_into_report_and_manifest(
    tmp_path: Path, report: Report, attachments: list[PendingAttachment]
) -> None:
    """The log collector's 'tail' cut survives into both records."""
    bundle = write_bundle(redacted(report, attachments), tmp_path / "bundle.zip")
    assert [cut.action for cut in bundle.report.attachments[0].cuts] == ["tail"]
    assert [(cut.path, cut.action) for cut in bundle.manifest.cuts] == [
        ("attachments/app.log", "tail")
    ]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["app.log", "app.log", "App.log"], ["app.log", "app-2.log", "App-3.log"]),
        (["../../etc/passwd"], ["_.._etc_passwd"]),
        (["C:\\Users\\dana\\x.txt"], ["C__Users_dana_x.txt"]),
        (["bad\x00\x1bname.txt"], ["bad__name.txt"]),
        ([".."], ["attachment"]),
        ([""], ["attachment"]),
        (["NUL.txt"], ["_NUL.txt"]),
        (["a" * 300 + ".log"], ["a" * 96 + ".log"]),
    ],
)
def test_attachment_names_are_safe_and_unique(names: list[str], expected: list[str]) -> None:
    """Names cannot escape attachments/, hide control characters or collide."""
    assert bundle_paths(names) == [f"attachments/{name}" for name in expected]


def test_over_budget_trims_text_and_records_the_cut_everywhere(
    tmp_path: Path, report: Report, make_log: Callable[[int], bytes]
) -> None:
    """A large log is cut in the middle; manifest, report and summary all say so."""
    big = make_log(60_000)
    bundle = write_bundle(
        redacted(report, [_text("big.log", big), _text("note.txt", b"hello\n")]),
        tmp_path / "b.zip",
        budget_bytes=MiB,
    )
    kept = bundle.read_file("attachments/big.log")
    assert b"cut by supportkit to fit the bundle size budget" in kept
    assert big.startswith(kept.split(b"[... ")[0])
    assert big.endswith(kept.split(b"...]\n")[1])
    assert bundle.read_file("attachments/note.txt") == b"hello\n"
    [cut] = bundle.manifest.cuts
    assert (cut.path, cut.action, cut.original_size) == ("attachments/big.log", "trimmed", len(big))
    assert bundle.report.attachments[0].cuts[-1].action == "trimmed"
    assert bundle.report.attachments[0].size == len(kept)
    summary = bundle.read_file("summary.md").decode()
    assert "## What is missing" in summary
    assert "`attachments/big.log`: middle cut" in summary


def test_over_budget_drops_optional_binary_before_reporter_files(
    tmp_path: Path, report: Report
) -> None:
    """An optional screenshot goes; the file the reporter added stays."""
    bundle = write_bundle(
        redacted(
            report,
            [_binary("screen.png", 2 * MiB), _binary("chosen.png", MiB // 2, optional=False)],
        ),
        tmp_path / "b.zip",
        budget_bytes=MiB,
    )
    assert [entry.path for entry in bundle.manifest.files][2:] == ["attachments/chosen.png"]
    [cut] = bundle.manifest.cuts
    assert (cut.path, cut.action, cut.kept_size) == ("attachments/screen.png", "dropped", 0)
    dropped = bundle.report.attachments[0]
    assert (dropped.size, dropped.cuts[-1].action) == (0, "dropped")
    assert "`attachments/screen.png`: left out" in bundle.read_file("summary.md").decode()


def test_bundle_fits_its_budget(
    tmp_path: Path, report: Report, make_log: Callable[[int], bytes]
) -> None:
    """After cutting, the whole bundle — zip overhead included — is within the budget."""
    pending = [
        _text("a.log", make_log(40_000)),
        _text("b.log", make_log(20_000)),
        _binary("screen.png", MiB),
        _binary("mine.png", MiB // 4, optional=False),
    ]
    budget = 2 * MiB
    bundle = write_bundle(redacted(report, pending), tmp_path / "b.zip", budget_bytes=budget)
    uncompressed = sum(entry.size for entry in bundle.manifest.files)
    assert bundle.manifest.cuts
    assert uncompressed <= budget
    assert bundle.path.stat().st_size <= budget


def test_default_budget_is_five_mebibytes() -> None:
    """The default matches the smallest common ticket upload cap (Redmine)."""
    assert 5 * MiB == DEFAULT_BUDGET_BYTES


def test_vanished_file_is_left_out_with_its_reason(
    tmp_path: Path, report: Report, attachments: list[PendingAttachment], log_file: Path
) -> None:
    """A log deleted after collection does not fail the bundle."""
    log_file.unlink()
    bundle = write_bundle(redacted(report, attachments), tmp_path / "b.zip")
    cut = bundle.report.attachments[0].cuts[-1]
    assert cut.action == "dropped"
    assert "No such file" in cut.reason
    assert "attachments/app.log" not in {entry.path for entry in bundle.manifest.files}
    read_bundle(bundle.path)


def test_file_unreadable_while_writing_is_left_out(tmp_path: Path, report: Report) -> None:
    """A source that can be stat'ed but not read is dropped during the write itself."""
    unreadable = tmp_path / "now-a-directory"
    unreadable.mkdir()
    pending = PendingAttachment(
        name="gone.log",
        kind="log",
        source=str(unreadable),
        media_type="text/plain",
        original_size=100,
        path=unreadable,
        length=100,
    )
    bundle = write_bundle(redacted(report, [pending]), tmp_path / "b.zip")
    [cut] = bundle.manifest.cuts
    assert (cut.path, cut.action) == ("attachments/gone.log", "dropped")
    assert "directory" in cut.reason
    assert read_bundle(bundle.path).report == bundle.report


def test_file_truncated_while_writing_is_left_out(
    tmp_path: Path, report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A binary file truncated after it was measured is dropped rather than sealed short.

    (Text attachments are read once, when they are redacted, so only binaries can change.)
    """
    dump = tmp_path / "core.bin"
    dump.write_bytes(bytes(range(256)) * 16)
    pending = PendingAttachment(
        name="core.bin",
        kind="file",
        source=str(dump),
        media_type="application/octet-stream",
        original_size=4096,
        path=dump,
        text=False,
    )
    write_atomically = _writer._write_atomically

    def rotate_then_write(destination: Path, contents: _writer._Contents) -> object:
        dump.write_bytes(b"")
        return write_atomically(destination, contents)

    monkeypatch.setattr(_writer, "_write_atomically", rotate_then_write)
    bundle = write_bundle(redacted(report, [pending]), tmp_path / "b.zip")
    cut = bundle.report.attachments[0].cuts[-1]
    assert (cut.action, cut.reason) == ("dropped", "changed while the bundle was being written")
    assert read_bundle(bundle.path).report == bundle.report


def test_highly_repetitive_text_still_reads_back(tmp_path: Path, report: Report) -> None:
    """A log of one repeated line is stored, not deflated, so readers do not see a zip bomb."""
    spam = b"retrying connection...\n" * 100_000
    bundle = write_bundle(redacted(report, [_text("spam.log", spam)]), tmp_path / "b.zip")
    with zipfile.ZipFile(bundle.path) as archive:
        assert archive.getinfo("attachments/spam.log").compress_type == zipfile.ZIP_STORED
    assert read_bundle(bundle.path).read_file("attachments/spam.log") == spam


def test_existing_destination_is_replaced(
    tmp_path: Path, report: Report, attachments: list[PendingAttachment]
) -> None:
    """Writing over an old file replaces it and leaves no temporary file."""
    destination = tmp_path / "b.zip"
    destination.write_bytes(b"old")
    write_bundle(redacted(report, attachments), destination)
    assert read_bundle(destination).report.id == report.id
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("make_destination", "message"),
    [
        (lambda base: base, "it is a directory"),
        (lambda base: base / "missing" / "b.zip", "does not exist — create it"),
        (lambda base: base / "plain-file" / "b.zip", "is not a directory"),
    ],
    ids=["directory", "missing-parent", "parent-is-a-file"],
)
def test_unusable_destination_is_refused_clearly(
    tmp_path: Path, report: Report, make_destination: object, message: str
) -> None:
    """Each unusable destination gets a message saying what to do, and nothing is written."""
    (tmp_path / "plain-file").write_bytes(b"")
    before = sorted(tmp_path.iterdir())
    destination = make_destination(tmp_path)  # type: ignore[operator]
    with pytest.raises(BundleWriteError, match=message):
        write_bundle(redacted(report, []), destination)
    assert sorted(tmp_path.iterdir()) == before


@pytest.fixture(name="read_only_dir")
def _read_only_dir(tmp_path: Path) -> Iterator[Path]:
    """A directory nobody may create files in (immutable as well, when running as root)."""
    directory = tmp_path / "read-only"
    directory.mkdir()
    directory.chmod(0o555)
    immutable = False
    if os.access(directory, os.W_OK):
        immutable = subprocess.run(["chattr", "+i", str(directory)], check=False).returncode == 0
        if not immutable:
            pytest.skip("cannot make a directory read-only for this user on this filesystem")
    yield directory
    if immutable:
        subprocess.run(["chattr", "-i", str(directory)], check=True)
    directory.chmod(0o755)


def test_read_only_directory_is_refused_clearly(read_only_dir: Path, report: Report) -> None:
    """A directory we may not write to gives an error that says so."""
    with pytest.raises(BundleWriteError, match=r"cannot write bundle to .*b\.zip") as caught:
        write_bundle(redacted(report, []), read_only_dir / "b.zip")
    assert "writable" in str(caught.value) or "another directory" in str(caught.value)
    assert list(read_only_dir.iterdir()) == []


def test_failure_while_writing_leaves_nothing_behind(
    tmp_path: Path,
    report: Report,
    attachments: list[PendingAttachment],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A full disk at fsync removes the temporary file and keeps the old bundle."""
    destination = tmp_path / "b.zip"
    destination.write_bytes(b"previous bundle")

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(_writer.os, "fsync", disk_full)
    with pytest.raises(BundleWriteError, match="free some disk space"):
        write_bundle(redacted(report, attachments), destination)
    assert destination.read_bytes() == b"previous bundle"
    assert _leftovers(tmp_path) == []


def test_crash_mid_attachment_leaves_nothing_behind(
    tmp_path: Path,
    report: Report,
    attachments: list[PendingAttachment],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An unexpected error after the zip was opened still removes the temporary file."""
    original = _writer._Item.chunks

    def explode(self: _writer._Item, start: int, length: int) -> Iterator[bytes]:
        yield next(original(self, start, length))
        raise RuntimeError("simulated crash")

    monkeypatch.setattr(_writer._Item, "chunks", explode)
    with pytest.raises(RuntimeError, match="simulated crash"):
        write_bundle(redacted(report, attachments), tmp_path / "b.zip")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["source"]


def test_non_positive_budget_is_refused(tmp_path: Path, report: Report) -> None:
    """A budget of zero bytes cannot hold a report."""
    with pytest.raises(InvalidArgumentError, match="budget_bytes"):
        write_bundle(redacted(report, []), tmp_path / "b.zip", budget_bytes=0)


def test_sealed_bundle_cannot_be_made_directly(
    tmp_path: Path, report: Report, attachments: list[PendingAttachment]
) -> None:
    """Only the writer and the reader can vouch for a bundle."""
    bundle = write_bundle(redacted(report, attachments), tmp_path / "b.zip")
    with pytest.raises(TypeError, match=r"made by write_bundle\(\) or read_bundle\(\)"):
        SealedBundle(bundle.path, bundle.manifest, bundle.report)
    with pytest.raises(TypeError, match="made by"):
        SealedBundle(bundle.path, bundle.manifest, bundle.report, _seal=object())


def test_sealed_bundle_is_immutable(
    tmp_path: Path, report: Report, attachments: list[PendingAttachment]
) -> None:
    """A sealed bundle's path, manifest and report cannot be swapped."""
    bundle = write_bundle(redacted(report, attachments), tmp_path / "b.zip")
    with pytest.raises(AttributeError, match="immutable"):
        bundle.path = tmp_path / "other.zip"  # type: ignore[misc]


def test_read_file_notices_a_file_changed_after_sealing(
    tmp_path: Path, report: Report, attachments: list[PendingAttachment]
) -> None:
    """read_file checks the hash again, so a bundle swapped on disk is caught."""
    bundle = write_bundle(redacted(report, attachments), tmp_path / "b.zip")
    other = write_bundle(redacted(report, attachments[:1]), tmp_path / "other.zip")
    other.path.replace(bundle.path)
    with pytest.raises(BundleFormatError):
        bundle.read_file("summary.md")


def test_read_file_refuses_unlisted_names(
    tmp_path: Path, report: Report, attachments: list[PendingAttachment]
) -> None:
    """Asking for a file the bundle does not hold names what it does hold."""
    bundle = write_bundle(redacted(report, attachments), tmp_path / "b.zip")
    with pytest.raises(InvalidArgumentError, match=r"report\.json"):
        bundle.read_file("attachments/nope.log")
