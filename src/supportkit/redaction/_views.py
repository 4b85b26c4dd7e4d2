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

import functools
import re

__all__ = ["hex_shape", "latin1", "lowered", "lowered_text", "positions", "shape"]

_ASCII_UPPER = bytes(range(65, 91))
_SHAPE = bytes.maketrans(
    b"0123456789" + _ASCII_UPPER + bytes(range(128, 256)),
    b"0" * 10 + b"A" * 26 + b"a" * 128,
)

_HEX_SHAPE = bytes.maketrans(b"0123456789abcdefABCDEF", b"h" * 22)


class _Views:
    __slots__ = (
        "_hex_shape",
        "_latin1",
        "_lower_text",
        "_lowered",
        "_positions",
        "_shape",
        "text",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self._latin1: bytes | None = None
        self._lowered: bytes | None = None
        self._shape: bytes | None = None
        self._hex_shape: bytes | None = None
        self._lower_text: str | None = None
        self._positions: dict[str, list[int]] = {}

    def latin1(self) -> bytes:
        if self._latin1 is None:
            self._latin1 = self.text.encode("latin-1", "replace")
        return self._latin1

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

    def positions(self, word: str) -> list[int]:
        found = self._positions.get(word)
        if found is None:
            self._scan_group(word)
            found = self._positions[word]
        return found

    def _scan_group(self, word: str) -> None:
        """One pass finds every known word that starts with ``word``'s first letter."""
        group = _KNOWN_WORDS.setdefault(word[0], set())
        group.add(word)
        words = sorted(group)
        needles = [(item, item.encode("latin-1")) for item in words]
        found: dict[str, list[int]] = {item: [] for item in words}
        haystack = self.lowered()
        for match in _group_pattern(tuple(words)).finditer(haystack):
            at = match.start()
            for item, needle in needles:
                if haystack.startswith(needle, at):
                    found[item].append(at)
        self._positions.update(found)


# Words asked for so far, by first letter; a chunk is scanned once per letter, not per word.
_KNOWN_WORDS: dict[str, set[str]] = {}


@functools.lru_cache(maxsize=256)
def _group_pattern(words: tuple[str, ...]) -> re.Pattern[bytes]:
    """The first letter as a literal (``re`` skips to it fast), the rest as a look-ahead, so
    overlapping words (``pas`` and ``pass``) are all found."""
    first = re.escape(words[0][:1].encode("latin-1"))
    rests = sorted({word[1:].encode("latin-1") for word in words}, key=len, reverse=True)
    return re.compile(first + b"(?=" + b"|".join(re.escape(rest) for rest in rests) + b")")


_LAST: list[_Views] = [_Views("")]


def _views(text: str) -> _Views:
    views = _LAST[0]
    if views.text is not text:
        views = _LAST[0] = _Views(text)
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
    """:func:`latin1` with each hexadecimal digit as ``h``: a MAC address is a literal there."""
    return _views(text).hex_shape()


def lowered_text(text: str) -> str:
    """``text`` lowered at the same offsets, for words that are not Latin-1 (``телефон``)."""
    return _views(text).lower_text()


def positions(text: str, word: str) -> list[int]:
    """Sorted starts of the lowercase Latin-1 ``word`` in ``text``, in any ASCII case."""
    return _views(text).positions(word)
