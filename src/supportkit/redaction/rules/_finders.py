"""What the personal-data rules share: keywords found from a few stems, the rule that wraps a
finder function, and shapes more than one rule refuses (dates, the first groups of an IBAN)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from supportkit.redaction import _anchors
from supportkit.redaction._rule import Category, FieldCheck, Span

__all__ = [
    "DATE_LIKE",
    "UNSPACED_CHARS",
    "UNSPACED_SCRIPT",
    "VERSION_WORDS",
    "FieldFinderRule",
    "FinderRule",
    "Keywords",
    "after_version_word",
    "digits_of",
    "ends_with_word",
    "inside_iban_groups",
    "luhn_ok",
]

_LETTERS = re.compile(r"[^\W\d_]{0,32}")
#: Scripts written without spaces between words (Thai, kana, Han, Hangul) and the full-width
#: forms typed with them, as ranges for a character class: a keyword there is a keyword
#: wherever it stands (用户手机号码), and an address or a number may touch the words around it.
UNSPACED_CHARS = (
    "\u0e00-\u0e7f"  # Thai
    "\u1100-\u11ff"  # Hangul Jamo
    "\u2e80-\u9fff"  # CJK radicals, symbols and punctuation, kana, Bopomofo, Han
    "\ua960-\ua97f\uac00-\ud7ff"  # Hangul
    "\uf900-\ufaff\ufe30-\ufe4f"  # Han compatibility ideographs and forms
    "\uff00-\uffef"  # full-width and half-width forms
    "\U0001b000-\U0001b16f\U00020000-\U0003ffff"  # kana and Han supplements
)
UNSPACED_SCRIPT = re.compile(f"[{UNSPACED_CHARS}]")


@functools.lru_cache(maxsize=64)
def _inside_words(anchor: str, words: frozenset[str]) -> bool:
    """Whether some keyword holds ``anchor`` after its first letter (``telephone``: ``phone``)."""
    return any(anchor in word[1:] for word in words)


_WORD_SUFFIXES = ("", "s", "e", "o", "a", "no", "nr", "num", "number", "numbers", "nummer", "id")


@dataclass(frozen=True, slots=True)
class Keywords:
    """Words that announce a value, found from a few literal anchors and then checked whole.

    Each anchor costs one ``str.find`` pass (about 1 ms per MB), so anchors are stems that
    cover several words (``tel`` finds ``tel``, ``telefon``, ``telephone``); the enclosing
    word must then be one of ``words``, optionally with a suffix such as ``number`` or ``no``
    (``phoneNumber``, ``phone_no``). Anchors with a space are phrases, matched as they are;
    anchors in a script without spaces count wherever they stand.
    """

    anchors: tuple[str, ...]
    words: frozenset[str]
    # Per anchor, worked out once: (anchor, its Anchor, in a script without spaces, inside a
    # keyword). A text is scanned for every anchor, found or not.
    _plan: tuple[tuple[str, _anchors.Anchor, bool, bool], ...] = field(
        init=False, repr=False, compare=False
    )
    _group: frozenset[_anchors.Anchor] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        plan = tuple(
            (
                anchor,
                _anchors.word(anchor),  # made now: the first scan looks for them too
                UNSPACED_SCRIPT.match(anchor) is not None,
                _inside_words(anchor, self.words),
            )
            for anchor in self.anchors
        )
        object.__setattr__(self, "_plan", plan)
        object.__setattr__(self, "_group", frozenset(found for _, found, _, _ in plan))

    def ends(self, text: str) -> Iterator[int]:
        """Offsets just past each keyword in ``text``, case-insensitively."""
        if _anchors.found_none(text, self._group):
            return
        for anchor, found, unspaced, inside in self._plan:
            starts = _anchors.starts(text, found)
            if not starts:
                continue
            if unspaced:
                yield from (at + len(anchor) for at in starts)
                continue
            for at in starts:
                if not inside and at > 0 and text[at - 1].isalpha():
                    continue  # "Einstellungen" holds "tel", but no keyword ends in it
                end = self._word_end(text, at, anchor)
                if end is not None:
                    yield end

    def _word_end(self, text: str, at: int, anchor: str) -> int | None:
        start = at
        while start > 0 and at - start < 16 and text[start - 1].isalpha():
            start -= 1
        if " " in anchor:
            end = at + len(anchor)
            after_ok = end == len(text) or not text[end].isalpha()
            return end if start == at and after_ok else None
        letters = _LETTERS.match(text, at + len(anchor))
        end = letters.end() if letters else at + len(anchor)
        word = text[start:end].lower()
        for suffix in _WORD_SUFFIXES:
            if word.endswith(suffix) and word[: len(word) - len(suffix)] in self.words:
                return end
        return None


def each_of(*finders: Callable[[str], Iterator[Span]]) -> Callable[[str], Iterator[Span]]:
    """One finder for a rule whose value is written several ways, each found its own way; a
    value two of them find (a mail header's name before an address) is found once."""

    def find(text: str) -> Iterator[Span]:
        found: set[tuple[int, int]] = set()
        for finder in finders:
            for span in finder(text):
                if (span.start, span.end) not in found:
                    found.add((span.start, span.end))
                    yield span

    return find


@dataclass(slots=True)
class FinderRule:
    """A personal-data rule whose ``find`` is a generator function of the text."""

    name: str
    max_span: int
    finder: Callable[[str], Iterator[Span]]
    category: Category = "personal"

    def find(self, text: str) -> Iterator[Span]:
        """Spans of ``text`` to replace."""
        return self.finder(text)


@dataclass(slots=True)
class FieldFinderRule(FinderRule):
    """A :class:`FinderRule` whose ``field`` also tells the keys that file its kind of value in
    a structure (a :class:`~supportkit.redaction._rule.FieldRule`)."""

    field: Callable[[str], FieldCheck | None] = lambda _key: None

    def field_check(self, key: str) -> FieldCheck | None:
        """How to tell this rule's kind of value filed under ``key``; None for other keys."""
        return self.field(key)


# A date with its year in full, or day first with punctuation ("14.11.23"). Day first with
# spaces and a short year is not one: "6 12 34" is the middle of a French number.
DATE_LIKE = re.compile(
    r"(?<!\d)(?:(?:19|20)\d\d[-./ ](?:0?[1-9]|1[0-2])[-./ ](?:0?[1-9]|[12]\d|3[01])"
    r"|(?:0?[1-9]|[12]\d|3[01])[-./](?:0?[1-9]|1[0-2])[-./](?:19|20)?\d\d"
    r"|(?:0?[1-9]|[12]\d|3[01]) (?:0?[1-9]|1[0-2]) (?:19|20)\d\d"
    # a compact date and time, as Hadoop's HDFS starts its lines: "081109 203615"
    r"|(?:19|20)?\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ T_-]"
    r"(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?)(?!\d)"
)


_IBAN_GROUPS_BEFORE = re.compile(r"(?<!\w)[A-Z]{2}\d\d(?: [A-Z0-9]{4}){0,7} \Z")


def inside_iban_groups(text: str, start: int) -> bool:
    """Whether ``start`` follows the first groups of a spaced IBAN (``GB08 RZQC 0098 …``)."""
    return _IBAN_GROUPS_BEFORE.search(text, max(0, start - 40), start) is not None


#: Words a version follows (``version 1.2.3.4``, ``firmware 06.12.34.56.78``, Tomcat's
#: ``Server version number: 9.0.58.0``): numbers after them are not addresses or phone numbers.
VERSION_WORDS = (
    "v", "ver", "version", "release", "firmware", "version number", "version no", "version nr",
)  # fmt: skip


def ends_with_word(before: str, words: tuple[str, ...]) -> bool:
    """Whether lower-cased ``before`` ends with one of ``words``, whole."""
    if not before.endswith(words):
        return False
    for word in words:
        if before.endswith(word):
            head = before[: len(before) - len(word)]
            if not head or not head[-1].isalnum():
                return True
    return False


def after_version_word(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows a version word (``Version: ``, ``ver. ``,
    JSON's ``"version":"``)."""
    before = text[max(0, start - 18) : start].rstrip(" =:.\"'")
    if before.endswith("Version") and before[-8:-7].islower():
        return True  # a CamelCase key: FileVersion, SerializationVersion
    return ends_with_word(before.lower(), VERSION_WORDS)


def luhn_ok(digits: str) -> bool:
    """Whether the last of ``digits`` is their Luhn check digit (cards, IMEI numbers)."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


_NOT_DIGITS = re.compile(r"\D+")


def digits_of(candidate: str) -> str:
    """The digits of ``candidate``, its grouping dropped (``123-45-6789``: ``123456789``)."""
    return _NOT_DIGITS.sub("", candidate)
