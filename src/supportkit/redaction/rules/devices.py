"""Device identifiers that follow one device (and so its owner) everywhere: IMEI numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from supportkit.redaction._rule import Rule, Span
from supportkit.redaction.rules._finders import FinderRule, Keywords, luhn_ok

__all__ = ["RULES"]

# Only after the word: a bare run of 15 digits is as often an id or a timestamp in microseconds.
_IMEI_KEYWORDS = Keywords(("imei",), frozenset({"imei", "imeisv"}))
# 15 digits (the last a Luhn check digit), maybe grouped as printed on a box (35-209900-176148-1);
# an IMEISV is 16 digits, without a check digit.
_IMEI_IN_WINDOW = re.compile(r"(?<![\w-])(\d{2}[ -]?\d{6}[ -]?\d{6}[ -]?\d{1,2})(?![\w-])")


def _imei_ok(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    return len(digits) == 16 or (len(digits) == 15 and luhn_ok(digits))


def _imeis(text: str) -> Iterator[Span]:
    for end in _IMEI_KEYWORDS.ends(text):
        found = _IMEI_IN_WINDOW.search(text, end, end + 32)
        if found is not None and _imei_ok(found.group(1)):
            yield Span(found.start(1), found.end(1), "imei")


RULES: tuple[Rule, ...] = (FinderRule("imei", 72, _imeis),)
