"""Text in the image: Tesseract reads the words, the redaction rules decide which to mask.

An email address or a token visible on screen is as much a leak as one in a log, so the
rules that clean the text are run over each recognised line, and every word that overlaps a
match is painted over. Tesseract is an OS package, run as a command (no Python binding): a
machine without it still gets its screenshot, and the capture record says OCR was missing.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from supportkit.screenshot._grab import Box
from supportkit.screenshot._mask import paint_solid
from supportkit.screenshot._request import Color

if TYPE_CHECKING:
    from PIL.Image import Image

    from supportkit.redaction._rule import Rule

__all__ = [
    "OCR_UNAVAILABLE",
    "OcrError",
    "OcrOutcome",
    "Word",
    "mask_matching_words",
    "recognise_words",
]

OCR_UNAVAILABLE = "OCR not available: install tesseract-ocr"
_TSV_COLUMNS = 12
_WORD_LEVEL = "5"
_PAD_SHARE = 0.15
_GLUES = ("", "_", "-")
_MAX_GLUED = 3
_MIN_GLUED_CHARS = 12
_TOKEN_LIKE = re.compile(r"[A-Za-z0-9_\-+/=.]+")


class OcrError(Exception):
    """Tesseract ran but did not produce words (timed out, crashed, unreadable output)."""


@dataclass(frozen=True)
class Word:
    """One recognised word and its box in the image."""

    text: str
    box: Box
    line: tuple[int, int, int, int]
    """Page, block, paragraph and line number: words sharing it form one line."""


@dataclass(frozen=True)
class OcrOutcome:
    """What the OCR pass did, for the capture record."""

    status: str
    boxes_masked: int = 0
    words_read: int = 0
    kinds: tuple[str, ...] = ()


def mask_matching_words(
    image: Image,
    rules: Sequence[Rule],
    *,
    timeout: float,
    color: Color = (0, 0, 0),
) -> OcrOutcome:
    """Recognise text in ``image`` and paint over every word a rule matches, in place."""
    if shutil.which("tesseract") is None:
        return OcrOutcome(OCR_UNAVAILABLE)
    try:
        words = recognise_words(image, timeout=timeout)
    except OcrError as exc:
        return OcrOutcome(f"OCR failed, only the declared masks were applied: {exc}")
    matched, kinds = _matching_words(words, rules)
    for word in matched:
        paint_solid(image, _padded(word.box, image.size), color)
    return OcrOutcome("ok", len(matched), len(words), tuple(sorted(kinds)))


def recognise_words(image: Image, *, timeout: float) -> list[Word]:
    """The words Tesseract reads in ``image``, in reading order.

    Raises:
        OcrError: Tesseract is missing, timed out, failed, or wrote something unreadable.
    """
    executable = shutil.which("tesseract")
    if executable is None:
        raise OcrError(OCR_UNAVAILABLE)
    buffer = io.BytesIO()
    image.convert("L").save(buffer, "PNG", compress_level=1)
    # One thread: OpenMP's start-up costs more than it saves on one screenshot.
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    command = [executable, "stdin", "stdout", "--psm", "11", "tsv"]
    try:
        result = subprocess.run(
            command,
            input=buffer.getvalue(),
            capture_output=True,
            timeout=timeout,
            check=False,
            env=environment,
        )
    except subprocess.TimeoutExpired as exc:
        msg = f"tesseract did not finish within {timeout:g} s"
        raise OcrError(msg) from exc
    except OSError as exc:
        msg = f"tesseract could not be started: {exc}"
        raise OcrError(msg) from exc
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        msg = f"tesseract exited with {result.returncode}: {detail[-1] if detail else ''}"
        raise OcrError(msg)
    return list(parse_tsv(result.stdout.decode("utf-8", "replace")))


def parse_tsv(text: str) -> Iterable[Word]:
    """Words from Tesseract's TSV output (level 5 rows with text)."""
    for row in text.splitlines()[1:]:
        columns = row.split("\t")
        if len(columns) != _TSV_COLUMNS or columns[0] != _WORD_LEVEL or not columns[11].strip():
            continue
        try:
            page, block, paragraph, line = (int(value) for value in columns[1:5])
            left, top, width, height = (int(value) for value in columns[6:10])
        except ValueError:
            continue
        box = (left, top, left + width, top + height)
        yield Word(columns[11].strip(), box, (page, block, paragraph, line))


def _matching_words(words: Sequence[Word], rules: Sequence[Rule]) -> tuple[list[Word], set[str]]:
    """Words overlapping any rule's match.

    Each line is searched as one text, words separated by spaces, so rules that need context
    ("password: …") see it. OCR also splits long tokens where an underscore or dash sits,
    often dropping the character (``sk_live_4eC3…`` reads as ``sk_live`` ``4eC3…``), so runs
    of two or three token-like words are searched again joined directly, by ``_`` and by ``-``.
    Masking a word too many is the safe mistake.
    """
    matched: list[Word] = []
    kinds: set[str] = set()
    for line in _lines(words):
        found: list[set[str]] = [set() for _ in line]
        for first, text, ranges in _candidates(line):
            spans = [span for rule in rules for span in rule.find(text)]
            for offset, (start, end) in enumerate(ranges):
                hits = {span.kind for span in spans if span.start < end and start < span.end}
                found[first + offset].update(hits)
        for word, hits in zip(line, found, strict=True):
            if hits:
                matched.append(word)
                kinds.update(hits)
    return matched, kinds


def _candidates(line: Sequence[Word]) -> Iterator[tuple[int, str, list[tuple[int, int]]]]:
    """Texts to search: the whole line, then short runs of token-like words glued together.

    Each comes with the index of its first word and the words' character ranges in it.
    """
    yield (0, *_joined(line, " "))
    for first in range(len(line) - 1):
        for count in range(2, _MAX_GLUED + 1):
            run = line[first : first + count]
            if len(run) < count or not all(_TOKEN_LIKE.fullmatch(word.text) for word in run):
                break
            if sum(len(word.text) for word in run) < _MIN_GLUED_CHARS:
                continue  # too short to be a key or token
            for glue in _GLUES:
                yield (first, *_joined(run, glue))


def _lines(words: Sequence[Word]) -> list[list[Word]]:
    lines: dict[tuple[int, int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    return list(lines.values())


def _joined(line: Sequence[Word], separator: str) -> tuple[str, list[tuple[int, int]]]:
    """The line's words joined by ``separator``, and each word's character range in it."""
    ranges = []
    position = 0
    for word in line:
        ranges.append((position, position + len(word.text)))
        position += len(word.text) + len(separator)
    return separator.join(word.text for word in line), ranges


def _padded(box: Box, size: tuple[int, int]) -> Box:
    """The box grown by a share of its height, so anti-aliased edges are covered too."""
    pad = max(2, round((box[3] - box[1]) * _PAD_SHARE))
    return (
        max(0, box[0] - pad),
        max(0, box[1] - pad),
        min(size[0], box[2] + pad),
        min(size[1], box[3] + pad),
    )
