"""Payment card numbers (Luhn and issuer checked, any grouping), IBANs (mod-97 checked) and
bank account numbers beside their bank's code."""

from __future__ import annotations

import re
from collections.abc import Iterator

from supportkit.redaction import _anchors, _views
from supportkit.redaction._rule import Rule, Span
from supportkit.redaction.rules._finders import (
    FinderRule,
    Keywords,
    each_of,
    inside_iban_groups,
    luhn_ok,
)
from supportkit.redaction.rules._text import end_of_line, start_of_line

__all__ = ["RULES"]

# A run of 13-19 digits, maybe grouped by single spaces or dashes, in the digit shape.
# After an escaped line break or tab ("Card:\\n4111…") too, though its letter is a word's.
_CARD_SHAPE = re.compile(
    rb"0000(?:(?<=\\[ntr]0000)|(?<![\w.-]0000))(?<!0[ -]0000)(?=((?:[ -]?0){9,15}))\1(?![\w.:-])"
)
# For Hyperscan: thirteen digits, maybe grouped, from a digit an issuer's number can start with
# (no card number starts with 0, 1, 7, 8 or 9, which epoch seconds and ids often do).
_CARD_ANCHOR = _anchors.pattern(rb"[2-6][0-9]{3}(?:[ \-]?[0-9]){9}")
# The same over the Latin-1 view, for Hyperscan's starts: no shape view to build. A word
# character there is what the shape view turns into one: the upper half of Latin-1 too.
_CARD_AT_ANCHOR = re.compile(
    rb"\d{4}(?:(?<=\\[ntr]\d{4})|(?<![\w\x80-\xff.-]\d{4}))(?<!\d[ -]\d{4})"
    rb"(?=((?:[ -]?\d){9,15}))\1(?![\w\x80-\xff.:-])"
)
# A card printed the way cards are: 4-4-4-4(-3) or American Express's 4-6-5.
_CARD_GROUPS = re.compile(r"\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{3})?|\d{4}([ -])\d{6}\2\d{5}")
_TRAILING_GROUP = re.compile(r"[ -]\d{1,4}\Z")


def _issuer_ok(digits: str) -> bool:
    """Whether the number starts with a card issuer's prefix and has that issuer's length."""
    size, two, three, four = len(digits), int(digits[:2]), int(digits[:3]), int(digits[:4])
    if digits[0] == "4":
        return size in (13, 16, 19)  # Visa
    if 51 <= two <= 55 or 2221 <= four <= 2720:
        return size == 16  # Mastercard
    if two in (34, 37):
        return size == 15  # American Express
    if 2200 <= four <= 2204 or 3528 <= four <= 3589:
        return size >= 16  # Mir, JCB
    if 300 <= three <= 305 or two in (36, 38, 39) or four == 3095:
        return size >= 14  # Diners Club
    return two in (50, 56, 57, 58) or digits[0] == "6"  # Maestro, Discover, UnionPay, RuPay


def _cards(text: str) -> Iterator[Span]:
    found = _anchors.matches(
        text, _CARD_ANCHOR, _CARD_SHAPE, view=_views.shape, at_anchor=_CARD_AT_ANCHOR
    )
    for match in found:
        start, end = match.span()
        candidate = text[start:end]
        if not _is_card(candidate):
            # "4111 1111 1111 1111 2 items": a card printed in groups, then another number.
            trailing = _TRAILING_GROUP.search(candidate)
            if trailing is None or not _CARD_GROUPS.fullmatch(candidate, 0, trailing.start()):
                continue
            end = start + trailing.start()
            if not _is_card(text[start:end]):
                continue
        if not inside_iban_groups(text, start):
            yield Span(start, end, "card")


# Cards grouped by dots (4111.1111.1111.1111, Amex 3782.822463.10005): only in the printed
# groupings, as literals of the digit shape, since runs of dotted numbers are mostly versions.
_DOTTED_CARDS = tuple(
    _anchors.pattern(
        re.escape(shape).replace(b"0", b"[0-9]"), len(shape), re_hint=(_views.shape, shape)
    )
    for shape in (b"0000.0000.0000.0000", b"0000.000000.00000")
)
_DOTTED_TAIL = re.compile(r"\.\d{3}(?![\w.])")
_DOTTED_CARD_END = re.compile(r"(?![\w-]|\.\d)")


def _dotted_cards(text: str) -> Iterator[Span]:
    for anchor in _DOTTED_CARDS:
        for start in _anchors.starts(text, anchor):
            end = start + anchor.width
            if start and (text[start - 1].isalnum() or text[start - 1] in "_.-"):
                continue
            tail = _DOTTED_TAIL.match(text, end) if anchor.width == 19 else None
            end = tail.end() if tail is not None else end
            if _DOTTED_CARD_END.match(text, end) and _is_card(text[start:end]):
                yield Span(start, end, "card")


def _is_card(candidate: str) -> bool:
    digits = candidate.replace(" ", "").replace("-", "").replace(".", "")
    if len(set(candidate) - set(digits)) > 1 or not 13 <= len(digits) <= 19:
        return False
    return _issuer_ok(digits) and luhn_ok(digits)


# Grouped by spaces as printed, or by dashes or dots as some forms and banks write it.
_IBAN_SHAPE = re.compile(rb"AA00(?:(?<=\\[ntr]AA00)|(?<![\w]AA00))(?:[ .-]?[A0]){11}")
_IBAN_ANCHOR = _anchors.pattern(rb"[A-Z]{2}[0-9]{2}(?:[ .\-]?[A-Z0-9]){11}")
_IBAN_AT_ANCHOR = re.compile(
    rb"[A-Z]{2}\d\d(?:(?<=\\[ntr][A-Z]{2}\d\d)|(?<![\w\x80-\xff][A-Z]{2}\d\d))"
    rb"(?:[ .-]?[A-Z0-9]){11}"
)
_IBAN_SEPARATORS = " .-"
_IBAN_LENGTHS = {
    country: int(size)
    for country, size in re.findall(
        r"([A-Z]{2})(\d\d)",
        "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 "
        "DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 "
        "HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 "
        "MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 "
        "RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 "
        "VA22 VG24 XK20 YE30",
    )
}


def _iban_end(text: str, start: int, length: int) -> int | None:
    """End of an IBAN of ``length`` characters starting at ``start``; single spaces, dashes or
    dots may group them, one kind of them in one IBAN."""
    count, index, separator = 0, start, ""
    while count < length and index < len(text):
        char = text[index]
        if char in _IBAN_SEPARATORS and count and text[index + 1 : index + 2].isalnum():
            if separator not in ("", char):
                return None
            separator, index = char, index + 1
            continue
        if not (char.isascii() and (char.isdigit() or char.isupper())):
            return None
        count, index = count + 1, index + 1
    if count < length or (index < len(text) and text[index].isalnum()):
        return None
    return index


def _mod97_ok(iban: str) -> bool:
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


# An IBAN in lower case (typed into a form, then logged) only right after the word "IBAN":
# anywhere else too many hexadecimal ids start with two letters and two digits.
_IBAN_KEYWORD = Keywords(("iban",), frozenset({"iban"}))
_IBAN_AFTER_KEYWORD = re.compile(r"(?:(?<=\\[ntr])|(?<![\w-]))[A-Za-z]{2}\d\d")


def _iban_at(text: str, start: int) -> Span | None:
    """The IBAN starting at ``start`` (its letters in any case), if its checksum holds."""
    length = _IBAN_LENGTHS.get(text[start : start + 2].upper())
    if not length:
        return None
    window = text[start : start + 2 * length].upper()  # ASCII keeps its offsets
    end = _iban_end(window, 0, length)
    if end is None or not _mod97_ok(re.sub(r"[ .-]", "", window[:end])):
        return None
    return Span(start, start + end, "iban")


def _ibans(text: str) -> Iterator[Span]:
    found = _anchors.matches(
        text, _IBAN_ANCHOR, _IBAN_SHAPE, view=_views.shape, at_anchor=_IBAN_AT_ANCHOR
    )
    starts: set[int] = set()
    for match in found:
        span = _iban_at(text, match.start())
        if span is not None:
            starts.add(span.start)
            yield span
    for end in _IBAN_KEYWORD.ends(text):
        candidate = _IBAN_AFTER_KEYWORD.search(text, end, end + 24)
        if candidate is not None and candidate.start() not in starts:
            span = _iban_at(text, candidate.start())
            if span is not None:
                yield span


# A bank account's number beside its bank's code, where a country has no IBAN or people give
# the two instead: a UK sort code, a US routing (ABA) number, Australia's BSB, Canada's
# transit number, India's IFSC. Account numbers carry no check a stranger can run, so both must
# stand on one line; the bank's code stays (it names a branch, not a person).
_BANK_CODES = _anchors.words(
    ("sort code", "sort_code", "sortcode", "routing number", "routing_number", "routingnumber",
     "routing no", "aba", "bsb", "transit number", "transit no", "ifsc")
)  # fmt: skip
_ACCOUNT_NUMBER = re.compile(
    r"(?<![\w-])(?i:account|acct|acc|a/c)(?:[ _-]?(?i:number|num|no\.?|nr\.?|#))?"
    r"[\"']?[ \t]{0,4}[:=#]?[ \t]{0,4}[\"']?(\d(?:[ -]?\d){5,16})(?![\w-])"
)
_BANK_LINE_REACH = 160


def _bank_accounts(text: str) -> Iterator[Span]:
    seen: set[int] = set()
    for anchor in _BANK_CODES:
        for at in _anchors.starts(text, anchor):
            after = text[at + anchor.width : at + anchor.width + 1]
            if (at and text[at - 1].isalpha()) or after.isalnum() or after == "_":
                continue  # inside a word: "Kaaba", "aba_test", "bsb2"
            start = max(start_of_line(text, at, _BANK_LINE_REACH), at - _BANK_LINE_REACH, 0)
            end = end_of_line(text, at, _BANK_LINE_REACH)
            for found in _ACCOUNT_NUMBER.finditer(text, start, end):
                if found.start(1) not in seen:
                    seen.add(found.start(1))
                    yield Span(found.start(1), found.end(1), "bank-account")


RULES: tuple[Rule, ...] = (
    # first: beside a bank's code, an account number that passes Luhn is still an account's
    FinderRule("bank-account", 2 * _BANK_LINE_REACH, _bank_accounts),
    FinderRule("card", 32, each_of(_cards, _dotted_cards)),
    FinderRule("iban", 48, _ibans),
)
