"""One-byte-per-character views of a text, shared by every rule that looks at the same chunk.

The engine hands each rule the same chunk in turn, so the views of the last text seen are
kept and reused; a view is rebuilt only when a different text arrives. Every view has the
text's offsets: a character outside Latin-1 becomes ``?``, so a position found in a view is
the same position in the text.

Why bytes: once a ``str`` holds a single character beyond Latin-1 (a Cyrillic word, an emoji)
it stores two or four bytes per character, and ``re`` and ``str.find`` slow down to match. A
pattern of ASCII characters scans a Latin-1 view two to three times faster, and ``bytes.lower``
and ``bytes.translate`` run at memory speed where ``str.lower`` does not.
"""

from __future__ import annotations

import threading
from typing import Any

__all__ = [
    "beyond_latin1",
    "forget",
    "hex_shape",
    "latin1",
    "lowered",
    "lowered_text",
    "memo",
    "shape",
]

_ASCII_UPPER = bytes(range(65, 91))
_SHAPE = bytes.maketrans(
    b"0123456789" + _ASCII_UPPER + bytes(range(128, 256)),
    b"0" * 10 + b"A" * 26 + b"a" * 128,
)

_HEX_SHAPE = bytes.maketrans(b"0123456789abcdefABCDEFhH", b"h" * 22 + b"xx")


class _Views:
    __slots__ = (
        "_hex_shape",
        "_latin1",
        "_lower_text",
        "_lowered",
        "_memo",
        "_shape",
        "_wide",
        "text",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self._latin1: bytes | None = None
        self._lowered: bytes | None = None
        self._shape: bytes | None = None
        self._hex_shape: bytes | None = None
        self._lower_text: str | None = None
        self._memo: dict[object, Any] | None = None
        self._wide = False

    def latin1(self) -> bytes:
        if self._latin1 is None:
            try:  # fails at the first character beyond Latin-1, which comes early if at all
                self._latin1 = self.text.encode("latin-1")
            except UnicodeEncodeError:
                self._latin1 = self.text.encode("latin-1", "replace")
                self._wide = True
        return self._latin1

    def beyond_latin1(self) -> bool:
        self.latin1()
        return self._wide

    def lowered(self) -> bytes:
        if self._lowered is None:
            self._lowered = self.latin1().lower()
        return self._lowered

    def shape(self) -> bytes:
        if self._shape is None:
            self._shape = self.latin1().translate(_SHAPE)
        return self._shape

    def hex_shape(self) -> bytes:
        if self._hex_shape is None:
            self._hex_shape = self.latin1().translate(_HEX_SHAPE)
        return self._hex_shape

    def lower_text(self) -> str:
        if self._lower_text is None:
            text = self.text
            lowered_text = text.lower()
            if len(lowered_text) != len(text):  # "İ" lowers to two characters
                lowered_text = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
            self._lower_text = lowered_text
        return self._lower_text


class _Last(threading.local):
    """The views of the text each thread redacts now: threads that redact at once (two
    captures) would otherwise replace each other's, and each rule would scan again."""

    def __init__(self) -> None:
        self.views = _Views("")


_LAST = _Last()


def _views(text: str) -> _Views:
    views = _LAST.views
    if views.text is not text:
        views = _LAST.views = _Views(text)
    return views


def latin1(text: str) -> bytes:
    """``text`` as Latin-1, with ``?`` for each character beyond it."""
    return _views(text).latin1()


def lowered(text: str) -> bytes:
    """:func:`latin1` with ASCII letters lowered."""
    return _views(text).lowered()


def shape(text: str) -> bytes:
    """:func:`latin1` with each digit as ``0``, each ASCII capital as ``A`` and the rest of
    Latin-1's upper half as ``a``: a card number is a run of ``0`` there, found by a literal."""
    return _views(text).shape()


def hex_shape(text: str) -> bytes:
    """:func:`latin1` with each hexadecimal digit as ``h`` (and ``h`` itself as ``x``): a MAC
    address is a literal there."""
    return _views(text).hex_shape()


def lowered_text(text: str) -> str:
    """``text`` lowered at the same offsets, for words that are not Latin-1 (``телефон``)."""
    return _views(text).lower_text()


def forget() -> None:
    """Drop the views and results kept for this thread's last text."""
    _LAST.views = _Views("")


def beyond_latin1(text: str) -> bool:
    """Whether ``text`` holds a character beyond Latin-1 (``?`` in :func:`latin1`)."""
    return _views(text).beyond_latin1()


def memo(text: str) -> dict[object, Any]:
    """A dictionary that lives as long as ``text`` is the chunk being redacted, for results
    several rules share (:mod:`supportkit.redaction._anchors` keeps anchor positions there).
    Rules ask for it hundreds of times per chunk, so it is reached without further calls."""
    views = _LAST.views
    if views.text is not text:
        views = _LAST.views = _Views(text)
    found = views._memo
    if found is None:
        found = views._memo = {}
    return found
