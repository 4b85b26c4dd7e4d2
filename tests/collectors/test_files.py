"""Safe file references (``collectors._files``) and the files collector built on them."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from supportkit.collectors._base import CaptureContext, PendingAttachment
from supportkit.collectors._files import inspect_file
from supportkit.collectors.files import FilesCollector
from supportkit.exceptions import CollectorUnavailable

GIB = 1024**3
MIB = 1024**2


def _lines(count: int, width: int = 10) -> bytes:
    """``count`` numbered lines, each exactly ``width`` bytes with its newline."""
    return b"".join(f"line {i:0{width - 6}d}\n".encode() for i in range(count))


def _attach(path: Path, *, limit: int = MIB, allow_binary: bool = False) -> PendingAttachment:
    found = inspect_file(path, kind="log", limit=limit, allow_binary=allow_binary)
    assert isinstance(found, PendingAttachment), found
    return found


@contextlib.contextmanager
def _without_root() -> Iterator[None]:
    """Drop root's effective uid for a moment, so permissions apply as they do for users."""
    if os.geteuid() != 0:
        yield
        return
    os.seteuid(65534)  # nobody
    try:
        yield
    finally:
        os.seteuid(0)


# --- inspect_file -------------------------------------------------------------------------


def test_small_text_file_is_referenced_whole(tmp_path: Path) -> None:
    """A file under the limit is referenced from its first byte to its last."""
    path = tmp_path / "app.log"
    path.write_bytes(_lines(5))
    found = _attach(path)
    assert (found.name, found.kind, found.source) == ("app.log", "log", str(path))
    assert (found.offset, found.size, found.original_size) == (0, 50, 50)
    assert found.cuts == ()
    assert found.text
    assert found.read() == _lines(5)


def test_tail_starts_on_a_line_boundary_and_records_the_cut(tmp_path: Path) -> None:
    """Over the limit, the tail starts at the first whole line inside the window."""
    path = tmp_path / "app.log"
    content = _lines(100, width=10)
    path.write_bytes(content)
    found = _attach(path, limit=105)
    kept = found.read()
    assert kept == content[-100:]
    assert kept.startswith(b"line 0090\n")
    assert content[found.offset - 1 : found.offset] == b"\n"
    (cut,) = found.cuts
    assert (cut.action, cut.original_size, cut.kept_size) == ("tail", 1000, 100)
    assert cut.reason == "only the last 100 B of 1000 B kept"


def test_window_that_starts_a_line_is_kept_whole(tmp_path: Path) -> None:
    """A window beginning right after a newline loses no line."""
    path = tmp_path / "app.log"
    path.write_bytes(_lines(100, width=10))
    assert _attach(path, limit=200).size == 200


def test_one_long_line_keeps_the_whole_window(tmp_path: Path) -> None:
    """Without a newline in the window the window itself is kept, not nothing."""
    path = tmp_path / "one-line.log"
    path.write_bytes(b"x" * 5000 + b"\n")
    found = _attach(path, limit=300)
    assert found.size == 300
    assert found.read() == b"x" * 299 + b"\n"


def test_two_gib_sparse_file_references_only_its_tail(tmp_path: Path) -> None:
    """A 2 GiB log costs only its last MiB, starting on a whole line."""
    path = tmp_path / "huge.log"
    tail = _lines(2 * MIB // 10)
    with path.open("wb") as handle:
        handle.truncate(2 * GIB - len(tail))
        handle.seek(0, os.SEEK_END)
        handle.write(tail)
    found = _attach(path, limit=MIB)
    assert found.original_size == 2 * GIB
    assert MIB - 10 < found.size <= MIB
    assert found.read() == tail[-found.size :]
    assert found.read().startswith(b"line ")
    (cut,) = found.cuts
    assert cut.reason == "only the last 1.0 MiB of 2.0 GiB kept"


def test_sparse_file_keeps_the_lines_after_its_hole(tmp_path: Path) -> None:
    """NUL filler before the last lines is not kept and so does not make the log binary."""
    path = tmp_path / "sparse.log"
    with path.open("wb") as handle:
        handle.truncate(2 * GIB)
        handle.seek(0, os.SEEK_END)
        handle.write(b"\nfirst\nsecond\n")
    found = _attach(path, limit=MIB)
    assert found.read() == b"first\nsecond\n"
    assert found.text


@pytest.mark.parametrize(
    ("name", "media_type"),
    [
        ("app.log", "text/plain"),
        ("notes.txt", "text/plain"),
        ("state.json", "application/json"),
        ("page.html", "text/html"),
        ("README", "text/plain"),
        ("looks-like.png", "text/plain"),
    ],
)
def test_text_media_type(tmp_path: Path, name: str, media_type: str) -> None:
    """Text gets its guessed type when that is textual, else text/plain."""
    path = tmp_path / name
    path.write_text('{"ok": true}\n')
    assert _attach(path).media_type == media_type


@pytest.mark.parametrize(
    ("name", "media_type"),
    [
        ("shot.png", "image/png"),
        ("blob", "application/octet-stream"),
        ("core.txt", "application/octet-stream"),
        ("app.log.gz", "application/gzip"),
    ],
)
def test_binary_allowed_is_attached_with_its_media_type(
    tmp_path: Path, name: str, media_type: str
) -> None:
    """With allow_binary a binary file is attached as binary, typed by its name."""
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    found = _attach(path, allow_binary=True)
    assert not found.text
    assert found.media_type == media_type


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"\x00\x01\x02" * 10, id="nul-bytes"),
        pytest.param(b"text\n" * 100 + b"\xff\xfe\xfd" * 20, id="invalid-utf8"),
        pytest.param(b"text\n" * 4000 + b"\x00", id="nul-at-the-end"),
    ],
)
def test_binary_is_refused_by_default(tmp_path: Path, content: bytes) -> None:
    """NUL bytes or much invalid UTF-8 anywhere in the sampled head or tail mean binary."""
    path = tmp_path / "data.log"
    path.write_bytes(content)
    found = inspect_file(path, kind="log", limit=MIB, allow_binary=False)
    assert found == "is binary; pass allow_binary=True to attach it"


@pytest.mark.parametrize(
    "content",
    [
        pytest.param("Grüße aus Köln\n".encode("latin-1") * 3 + b"plain ascii\n" * 30, id="latin1"),
        pytest.param("€" * 20000, id="multibyte-across-sample-edges"),
        pytest.param(b"", id="empty"),
    ],
)
def test_text_with_a_little_or_split_utf8_stays_text(tmp_path: Path, content: str | bytes) -> None:
    """A few stray bytes, or characters split by the 8 KiB samples, do not make a file binary."""
    path = tmp_path / "text.log"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    assert _attach(path).text


def test_binary_over_the_limit_is_refused_not_cut(tmp_path: Path) -> None:
    """Part of a binary file is unreadable, so one over the limit is left out."""
    path = tmp_path / "dump.bin"
    path.write_bytes(b"\x00\n" * 1024)
    found = inspect_file(path, kind="file", limit=1000, allow_binary=True)
    assert isinstance(found, str)
    assert found.startswith("is binary and 2.0 KiB, over the 1000 B limit")


def _missing(path: Path) -> Path:
    return path


def _directory(path: Path) -> Path:
    path.mkdir()
    return path


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (_missing, "not found — check the path"),
        (_directory, "is a directory — give the files inside it one by one"),
        (_fifo, "is not a regular file (a device, pipe or socket) — copy its contents to a file"),
    ],
)
def test_problem_paths_are_described(
    tmp_path: Path, make: Callable[[Path], Path], problem: str
) -> None:
    """Paths that are not readable files come back as a problem text (a FIFO is not opened)."""
    path = make(tmp_path / "target")
    assert inspect_file(path, kind="log", limit=MIB, allow_binary=False) == problem


@pytest.mark.skipif(not hasattr(os, "seteuid"), reason="POSIX permissions")
def test_unreadable_file_is_permission_denied(tmp_path: Path) -> None:
    """A file the process may not read is reported, not raised (root runs it as nobody)."""
    path = tmp_path / "secret.log"
    path.write_text("secret\n")
    path.chmod(0)
    with _without_root():
        found = inspect_file(path, kind="log", limit=MIB, allow_binary=False)
    assert found == "permission denied — run with access to it or copy it somewhere readable"


def test_optional_flag_is_passed_through(tmp_path: Path) -> None:
    """Callers decide whether the budget may drop the attachment."""
    path = tmp_path / "a.txt"
    path.write_text("a\n")
    found = inspect_file(path, kind="file", limit=MIB, allow_binary=False, optional=False)
    assert isinstance(found, PendingAttachment)
    assert not found.optional


# --- FilesCollector -----------------------------------------------------------------------


def _files_ctx(*paths: Path, limit: int = MIB, allow_binary: bool = False) -> CaptureContext:
    return CaptureContext(
        app_name="test", attachment_paths=paths, attachment_bytes=limit, allow_binary=allow_binary
    )


def test_files_collector_without_paths_is_unavailable() -> None:
    """No files chosen means nothing to do, recorded as skipped."""
    with pytest.raises(CollectorUnavailable, match="no files given"):
        FilesCollector().collect(_files_ctx())


def test_files_collector_attaches_chosen_files_as_required(tmp_path: Path) -> None:
    """Each file is a non-optional 'file' attachment; the section has no data."""
    first, second = tmp_path / "config.json", tmp_path / "notes.txt"
    first.write_text("{}\n")
    second.write_text("hello\n")
    section = FilesCollector().collect(_files_ctx(first, second))
    assert [a.name for a in section.attachments] == ["config.json", "notes.txt"]
    assert all(a.kind == "file" and not a.optional for a in section.attachments)
    assert section.data is None
    assert section.notes == []


def test_files_collector_keeps_the_tail_of_large_text(tmp_path: Path) -> None:
    """A text file over attachment_bytes keeps its tail, with the cut recorded."""
    path = tmp_path / "output.txt"
    path.write_bytes(_lines(100))
    (attachment,) = FilesCollector().collect(_files_ctx(path, limit=55)).attachments
    assert attachment.read() == _lines(100)[-50:]
    assert attachment.cuts[0].action == "tail"


def test_files_collector_notes_bad_paths_and_keeps_the_rest(tmp_path: Path) -> None:
    """A missing file or refused binary is a note; good files are still attached."""
    good, binary, missing = tmp_path / "good.txt", tmp_path / "big.bin", tmp_path / "gone.txt"
    good.write_text("ok\n")
    binary.write_bytes(b"\x00" * 2000)
    section = FilesCollector().collect(
        _files_ctx(good, binary, missing, limit=1000, allow_binary=True)
    )
    assert [a.name for a in section.attachments] == ["good.txt"]
    assert section.notes[0].startswith(f"file {binary}: is binary and 2.0 KiB")
    assert section.notes[1] == f"file {missing}: not found — check the path"
