"""Precise geographic coordinates: where a person is, or lives.

A coordinate is taken only as a latitude and a longitude named side by side (``lat=51.5237,
lon=-0.1585``, ``"latitude": 51.5237, "longitude": -0.1585``, OpenStreetMap's ``mlat=``), or
as a pair in the forms that write one: a ``geo:`` URI, a map link (``maps/@51.5237,-0.1585,15z``,
``?q=51.5237,-0.1585``, ``#map=15/51.5237/-0.1585``) and Android's ``Location[fused
51.5237,-0.1585 …]``; and only with three decimals or more, about 100 m: a city-level position
(``lat=51.5``) stays, and so does a lone ``lat=0.123``, which is as often a latency.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from supportkit.redaction import _anchors
from supportkit.redaction._rule import Rule, Span
from supportkit.redaction.rules._finders import FinderRule

__all__ = ["RULES"]

# Found where it ends, three decimals into the number; "latitude", "long" and "longitude" as
# stems and their endings, so that ``re`` alone makes three passes, not six.
_ANCHOR = _anchors.keyword_run(
    ("lat", "lon", "lng"),
    rb"(?:itude|g|gitude)?[\x22\x27]?[ \t]*[:=][ \t]*[\x22\x27]?-?[0-9]{1,3}\.[0-9]{3}",
)
_COORDINATE = re.compile(
    r"(?<![A-Za-z_])m?(lat(?:itude)?|lon(?:g(?:itude)?)?|lng)[\"']?[ \t]*[:=][ \t]*[\"']?"
    r"(-?\d{1,3}\.\d{3,15})(?![\w.])",  # a unit after it (0.558ms) makes it no coordinate
    re.IGNORECASE,
)
_PAIRED_WITHIN = 80


def _coordinates(text: str) -> Iterator[tuple[bool, int, int]]:
    """``(is_latitude, start, end)`` of each named coordinate in range."""
    for end in _anchors.ends(text, _ANCHOR):
        for found in _COORDINATE.finditer(text, max(0, end - 48), min(len(text), end + 16)):
            if not found.start(2) < end <= found.end(2):
                continue
            latitude = found.group(1).lower().startswith("lat")
            if abs(float(found.group(2))) <= (90 if latitude else 180):
                yield latitude, found.start(2), found.end(2)


def _locations(text: str) -> Iterator[Span]:
    """Latitudes and longitudes in pairs: each next to one of the other kind, and each in one
    pair only, so a latency after a position (``lat=…, lon=…`` then ``lat=0.558``) stays."""
    found = list(_coordinates(text))
    index = 0
    while index + 1 < len(found):
        (latitude, start, end), (other, other_start, other_end) = found[index : index + 2]
        if latitude != other and other_start - start <= _PAIRED_WITHIN:
            yield Span(start, end, "location")
            yield Span(other_start, other_end, "location")
            index += 2
        else:
            index += 1


# A pair in one value, found from what comes before it: a map link's query key (Google's q=,
# ll=, daddr=, Apple's sll=, Bing's cp=, OpenStreetMap's map=ZOOM/), found where the
# latitude's third decimal ends, or a literal (geo:, Google's /@, Android's Location[).
_PAIR_KEYS = ("q", "ll", "sll", "daddr", "saddr", "destination", "origin", "query", "cp", "map")
_PAIR_KEY_ANCHOR = _anchors.keyword_run(_PAIR_KEYS, rb"=(?:[0-9]{1,2}/)?-?[0-9]{1,2}\.[0-9]{3}")
_PAIR_LITERALS = tuple(_anchors.literal(text) for text in ("geo:", "/@", "Location["))
_PAIR = re.compile(
    r"(?:geo:|/@|Location\[[A-Za-z]{1,16}[ ]"
    r"|(?<![\w-])(?i:" + "|".join(_PAIR_KEYS) + r")=(?:loc:)?(?:[0-9]{1,2}/)?)"
    r"(-?[0-9]{1,2}\.[0-9]{3,15})(?:,|%2[Cc]|~|/)[ ]?(-?[0-9]{1,3}\.[0-9]{3,15})(?![\w.])"
)
_KEY_REACH = 24  # from the latitude's third decimal back to its key: destination=15/-12.345


def _pairs(text: str) -> Iterator[Span]:
    starts = [at for anchor in _PAIR_LITERALS for at in _anchors.starts(text, anchor)]
    starts += [max(0, end - _KEY_REACH) for end in _anchors.ends(text, _PAIR_KEY_ANCHOR)]
    seen: set[int] = set()
    for start in starts:
        found = _PAIR.search(text, start, start + 2 * _KEY_REACH + 64)
        if found is None or found.start(1) in seen:
            continue
        latitude, longitude = float(found.group(1)), float(found.group(2))
        if abs(latitude) <= 90 and abs(longitude) <= 180:
            seen.add(found.start(1))
            yield Span(found.start(1), found.end(1), "location")
            yield Span(found.start(2), found.end(2), "location")


def _all_locations(text: str) -> Iterator[Span]:
    yield from _locations(text)
    yield from _pairs(text)


RULES: tuple[Rule, ...] = (FinderRule("location", 128, _all_locations),)
