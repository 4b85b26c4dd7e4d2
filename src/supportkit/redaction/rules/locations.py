"""Precise geographic coordinates: where a person is, or lives.

A coordinate is taken only as a latitude and a longitude named side by side (``lat=51.5237,
lon=-0.1585``, ``"latitude": 51.5237, "longitude": -0.1585``) and only with three decimals or
more, about 100 m: a city-level position (``lat=51.5``) stays, and so does a lone ``lat=0.123``,
which is as often a latency.
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
    r"(?<![A-Za-z_])(lat(?:itude)?|lon(?:g(?:itude)?)?|lng)[\"']?[ \t]*[:=][ \t]*[\"']?"
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


RULES: tuple[Rule, ...] = (FinderRule("location", 128, _locations),)
