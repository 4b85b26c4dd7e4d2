"""Safe references to host files: what the logs and files collectors share.

A collector never reads a whole host file here. It gets back a :class:`PendingAttachment`
naming a slice of the file (the bundle writer copies it later), or a short problem text the
collector turns into a note. Only two small samples and, for a file over the limit, the
window in which the kept tail must start on a whole line are read.

Text over the limit keeps its tail, because the end of a log or dump is where the problem
is. Binary files are never cut: a partial archive or image is unreadable, so one over the
limit is refused with a problem text instead.
"""

from __future__ import annotations

import codecs
import mimetypes
import os
import stat
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import BinaryIO

from supportkit._units import human_size
from supportkit.collectors._base import PendingAttachment, Section
from supportkit.models import Cut

__all__ = ["attach_files", "inspect_file", "text_file_problem"]

_SAMPLE_BYTES = 8 * 1024
_SCAN_CHUNK = 64 * 1024
_MAX_INVALID_UTF8_RATIO = 0.05
_COMPRESSED = {
    "gzip": "application/gzip",
    "bzip2": "application/x-bzip2",
    "xz": "application/x-xz",
    "br": "application/x-brotli",
    "compress": "application/x-compress",
}
_TEXTUAL_APPLICATION_HINTS = ("json", "xml", "yaml", "toml", "javascript", "x-sh", "sql")


def inspect_file(
    path: Path,
    *,
    kind: str,
    limit: int,
    allow_binary: bool,
    optional: bool = True,
) -> PendingAttachment | str:
    """Reference ``path`` for the bundle, or say why it cannot be attached.

    The returned text completes a sentence about the file, e.g. ``"is a directory"``.
    A text file larger than ``limit`` is referenced from the first line that starts inside
    its last ``limit`` bytes, and the cut is recorded.
    """
    try:
        problem = _not_a_file(path.stat().st_mode)
        if problem:
            return problem
        with path.open("rb") as handle:
            return _reference(
                handle, path, kind=kind, limit=limit, allow_binary=allow_binary, optional=optional
            )
    except OSError as error:
        return _os_problem(error)


def attach_files(
    paths: Iterable[Path], *, kind: str, limit: int, allow_binary: bool, optional: bool
) -> Section:
    """A section with one attachment per readable path and a note for each one that is not."""
    section = Section()
    for path in paths:
        found = inspect_file(
            path, kind=kind, limit=limit, allow_binary=allow_binary, optional=optional
        )
        if isinstance(found, PendingAttachment):
            section.attachments.append(found)
        else:
            section.notes.append(f"{kind} {path}: {found}")
    return section


def text_file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as text, completing a sentence about it; None if it can.

    Text passed through redaction comes out redacted; a binary file would come out almost as
    it went in (compressed or encoded secrets are not found), so it is refused rather than
    passed off as redacted.
    """
    try:
        problem = _not_a_file(path.stat().st_mode)
        if problem:
            return problem
        with path.open("rb") as handle:
            if _looks_binary(handle, 0, os.fstat(handle.fileno()).st_size):
                return (
                    "looks binary (it holds NUL bytes or is mostly not UTF-8), and only text "
                    "can be redacted — if it is text, pipe it in: supportkit redact - < FILE"
                )
    except OSError as error:
        return _os_problem(error)
    return None


def _not_a_file(mode: int) -> str | None:
    if stat.S_ISDIR(mode):
        return "is a directory — give the files inside it one by one"
    if not stat.S_ISREG(mode):
        return "is not a regular file (a device, pipe or socket) — copy its contents to a file"
    return None


def _os_problem(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "not found — check the path"
    if isinstance(error, PermissionError):
        return "permission denied — run with access to it or copy it somewhere readable"
    return f"cannot be read ({error.strerror or error})"


def _reference(
    handle: BinaryIO,
    path: Path,
    *,
    kind: str,
    limit: int,
    allow_binary: bool,
    optional: bool,
) -> PendingAttachment | str:
    original_size = os.fstat(handle.fileno()).st_size
    offset = 0
    if original_size > limit:
        offset = _tail_start(handle, original_size, limit)
    length = original_size - offset
    binary = _looks_binary(handle, offset, length)
    if binary and not allow_binary:
        return "is binary; pass allow_binary=True to attach it"
    if binary and original_size > limit:
        return (
            f"is binary and {human_size(original_size)}, over the {human_size(limit)} limit; "
            "binary files are not cut because part of one is unreadable — raise the limit"
        )
    cuts: tuple[Cut, ...] = ()
    if offset:
        reason = f"only the last {human_size(length)} of {human_size(original_size)} kept"
        cuts = (Cut(action="tail", original_size=original_size, kept_size=length, reason=reason),)
    return PendingAttachment(
        name=path.name,
        kind=kind,
        source=str(path),
        media_type=_media_type(path.name, binary=binary),
        original_size=original_size,
        path=path,
        offset=offset,
        length=length,
        text=not binary,
        optional=optional,
        cuts=cuts,
    )


def _tail_start(handle: BinaryIO, size: int, limit: int) -> int:
    """Where the kept tail starts: the first line beginning inside the last ``limit`` bytes.

    Without a line break in the window the window itself is kept, so a file of one huge
    line still shows its end.
    """
    window_start = size - max(limit, 0)
    if window_start <= 0:
        return 0
    handle.seek(window_start - 1)
    if handle.read(1) == b"\n":
        return window_start
    position = window_start
    while position < size:
        chunk = handle.read(min(_SCAN_CHUNK, size - position))
        if not chunk:
            break
        newline = chunk.find(b"\n")
        if newline >= 0:
            start = position + newline + 1
            return start if start < size else window_start
        position += len(chunk)
    return window_start


def _looks_binary(handle: BinaryIO, offset: int, length: int) -> bool:
    """Sniff the head and tail of the kept slice: NUL bytes or much invalid UTF-8 mean binary."""
    handle.seek(offset)
    head = handle.read(min(_SAMPLE_BYTES, length))
    if _sample_is_binary(head, cut_at_end=len(head) < length, cut_at_start=False):
        return True
    if length <= _SAMPLE_BYTES:
        return False
    tail_offset = offset + max(length - _SAMPLE_BYTES, _SAMPLE_BYTES)
    handle.seek(tail_offset)
    tail = handle.read(offset + length - tail_offset)
    return _sample_is_binary(tail, cut_at_end=False, cut_at_start=True)


def _sample_is_binary(sample: bytes, *, cut_at_end: bool, cut_at_start: bool) -> bool:
    if b"\x00" in sample:
        return True
    if cut_at_start:
        sample = _skip_continuation_bytes(sample)
    decoder = codecs.getincrementaldecoder("utf-8")(errors="ignore")
    decoded = decoder.decode(sample, final=not cut_at_end)
    pending = len(decoder.getstate()[0])
    invalid = len(sample) - pending - len(decoded.encode("utf-8"))
    return invalid > len(sample) * _MAX_INVALID_UTF8_RATIO


def _skip_continuation_bytes(sample: bytes) -> bytes:
    """Drop the end of a character the sample started in the middle of (at most 3 bytes)."""
    start = 0
    while start < min(3, len(sample)) and 0x80 <= sample[start] <= 0xBF:
        start += 1
    return sample[start:]


def _media_type(name: str, *, binary: bool) -> str:
    guessed, encoding = _mime_types().guess_type(name, strict=False)
    if encoding:  # ``app.log.gz`` is a gzip file, whatever is inside
        return _COMPRESSED.get(encoding, "application/octet-stream") if binary else "text/plain"
    textual = guessed is not None and (
        guessed.startswith("text/") or any(hint in guessed for hint in _TEXTUAL_APPLICATION_HINTS)
    )
    if binary:
        return guessed if guessed and not textual else "application/octet-stream"
    return guessed if guessed and textual else "text/plain"


@cache
def _mime_types() -> mimetypes.MimeTypes:
    """Python's built-in table only, so a bundle's media types do not depend on the host."""
    return mimetypes.MimeTypes()
