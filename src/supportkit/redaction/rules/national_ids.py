"""US social security numbers, and passport numbers next to a passport keyword."""

from __future__ import annotations

import re
from collections.abc import Iterator

from supportkit.redaction import _anchors
from supportkit.redaction._rule import Rule, Span
from supportkit.redaction.rules._finders import DATE_LIKE, FinderRule, Keywords

__all__ = ["RULES"]

_SSN_DASHED = re.compile(rb"-(?<=\d{3}-)\d\d-\d{4}(?![\w-])")
_SSN_ANCHOR = _anchors.pattern(rb"[0-9]{3}-[0-9]{2}-[0-9]{4}", 11)
_SSN_KEYWORDS = Keywords(("ssn", "social security", "soc sec"), frozenset({"ssn"}))
_SSN_IN_WINDOW = re.compile(r"(?<![\w-])\d{3}([ -]?)\d\d\1\d{4}(?![\w-])")
_PASSPORT_KEYWORDS = Keywords(
    anchors=(
        "pas",  # passport, pasaport, paspoort, pasipoti, reisepass…: checked as whole words
        "паспорт", "hộ chiếu", "ho chieu",
    ),
    words=frozenset(
        {
            "passport", "passeport", "pasaport", "pasaporte", "passaporto", "passaporte",
            "reisepass", "paspoort", "pasipoti", "паспорт", "паспорта",
        }
    ),
)  # fmt: skip
_PASSPORT_IN_WINDOW = re.compile(
    r"(?<![\w-])(?:\d{2} \d{2} \d{6}|\d{4} \d{6}|[A-Z0-9]{6,12})(?![\w-])"
)


def _ssn_ok(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def _ssns(text: str) -> Iterator[Span]:
    seen: set[int] = set()
    for match in _anchors.matches(text, _SSN_ANCHOR, _SSN_DASHED, offset=3):
        start = match.start() - 3
        before = text[start - 1] if start else " "
        if not (before.isalnum() or before in "_.-/") and _ssn_ok(text[start : match.end()]):
            seen.add(start)
            yield Span(start, match.end(), "ssn")
    for end in _SSN_KEYWORDS.ends(text):
        found = _SSN_IN_WINDOW.search(text, end, end + 40)
        if found and found.start() not in seen and _ssn_ok(found.group()):
            seen.add(found.start())
            yield Span(found.start(), found.end(), "ssn")


# Status words that follow a passport keyword and are not serials.
_PASSPORT_STATUSES = frozenset(
    {
        "cancelled", "canceled", "suspended", "expired", "revoked", "required", "rejected",
        "verified", "unverified", "validated", "invalidated", "approved", "submitted",
        "processed", "pending", "accepted", "uploaded", "scanned", "received", "reported",
        "redacted", "withdrawn", "confirmed", "requested", "available", "unavailable",
    }
)  # fmt: skip


def _looks_like_passport_number(token: str) -> bool:
    """Digits in it and not a date, or a serial of 8-10 capitals that is not a status word.

    Letters-only serials (German ones use consonants only, others any letter) are told from
    words by a list of the statuses logs print after a passport keyword and by having no more
    than a third vowels, as words do.
    """
    if any(char.isdigit() for char in token):
        return not DATE_LIKE.search(token)
    vowels = sum(char in "AEIOU" for char in token)
    return (
        8 <= len(token) <= 10
        and 3 * vowels <= len(token)
        and token.lower() not in _PASSPORT_STATUSES
    )


def _passports(text: str) -> Iterator[Span]:
    seen: set[int] = set()
    for end in _PASSPORT_KEYWORDS.ends(text):
        for match in _PASSPORT_IN_WINDOW.finditer(text, end, end + 48):
            token = match.group()
            if _looks_like_passport_number(token):
                if match.start() not in seen:
                    seen.add(match.start())
                    yield Span(match.start(), match.end(), "passport")
                break


RULES: tuple[Rule, ...] = (FinderRule("ssn", 96, _ssns), FinderRule("passport", 96, _passports))
