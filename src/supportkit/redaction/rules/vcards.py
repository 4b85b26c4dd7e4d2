"""A contact card (vCard) as a contacts app exports one and a CardDAV sync log prints it: its
properties name the person with no label a log would put beside them (``N:Lima;Ana;;;``).

Inside ``BEGIN:VCARD`` … ``END:VCARD``: the parts of the name (``N``, ``FN``, ``NICKNAME``),
the birthday (``BDAY``), the street parts of an address (``ADR``'s post office box, extended
address and street; the city, region and country stay, as they do after an address's label),
phone numbers (``TEL``), messaging and social handles (``IMPP``, ``X-SOCIALPROFILE``), a
position (``GEO``) and the photo's data (``PHOTO``), folded lines and all. E-mail addresses are
the e-mail rule's. ``ORG``, ``TITLE``, ``VERSION`` and the like stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from supportkit.redaction import _anchors
from supportkit.redaction._rule import Rule, Span
from supportkit.redaction.rules._finders import FinderRule

__all__ = ["RULES"]

_BEGIN = _anchors.word("begin:vcard")
_CARD_REACH = 8_192  # a card's properties, from its BEGIN line; a photo's data up to there
# A property line: an optional group ("item1."), the name, parameters (";TYPE=HOME"), ":".
_PROPERTY = re.compile(
    r"(?:[A-Za-z0-9-]{1,32}\.)?([A-Za-z][A-Za-z0-9-]{0,31})(?:;[^:\r\n]{0,512})?:"
)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
_FOLDED = re.compile(r"(?:[ \t][^\r\n]*(?:\r\n|\r|\n)?)*")  # the lines that go on a value
# Each property's kind, and which of its ";"-separated parts hold it (None: the whole value).
_PARTS: dict[str, tuple[str, tuple[int, ...] | None]] = {
    "FN": ("name", None),
    "N": ("name", (0, 1, 2)),  # family; given; additional names; (prefix; suffix stay)
    "NICKNAME": ("name", None),
    "BDAY": ("birth-date", None),
    "ADR": ("address", (0, 1, 2)),  # box; extended; street; (locality; region; code; country)
    "TEL": ("phone", None),
    "IMPP": ("user", None),
    "X-SOCIALPROFILE": ("profile", None),
    "GEO": ("location", None),
    "PHOTO": ("photo", None),
}


def _cards(text: str) -> Iterator[Span]:
    for begin in _anchors.starts(text, _BEGIN):
        if begin and (text[begin - 1].isalnum() or text[begin - 1] == "_"):
            continue  # inside a longer word
        limit = min(len(text), begin + _CARD_REACH)
        at = _end(_LINE, text, begin, limit)
        while at < limit:
            line_end = _end(_LINE, text, at, limit)
            value_end = _end(_FOLDED, text, line_end, limit)
            found = _PROPERTY.match(text, at, line_end)
            if found is not None:
                name = found.group(1).upper()
                if name in ("END", "BEGIN"):
                    break  # the card's end, or the next card's start
                yield from _values(text, name, found.end(), value_end)
            at = value_end if value_end > at else limit


def _end(pattern: re.Pattern[str], text: str, at: int, limit: int) -> int:
    found = pattern.match(text, at, limit)
    return at if found is None else found.end()


def _values(text: str, name: str, start: int, end: int) -> Iterator[Span]:
    kind, parts = _PARTS.get(name, (None, None))
    if kind is None:
        return
    while end > start and text[end - 1] in "\r\n":
        end -= 1
    if parts is None:
        if text[start:end].strip():
            yield Span(start, end, kind)
        return
    for index, (part_start, part_end) in enumerate(_split(text, start, end)):
        if index in parts and text[part_start:part_end].strip():
            yield Span(part_start, part_end, kind)


def _split(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Where each of a structured value's parts is: separated by ";", not by an escaped "\\;"."""
    part = start
    at = start
    while at < end:
        if text[at] == "\\":
            at += 2
            continue
        if text[at] == ";":
            yield part, at
            part = at + 1
        at += 1
    yield part, end


RULES: tuple[Rule, ...] = (FinderRule("vcard-field", _CARD_REACH, _cards),)
