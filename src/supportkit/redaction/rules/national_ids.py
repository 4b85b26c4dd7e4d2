"""National identifiers: US social security numbers, passport (and German identity card)
numbers next to their keyword, and the ids of the countries supportkit's users write from most:
Brazil's CPF and Russia's SNILS (their own shape and check digits, anywhere), the UK's National
Insurance number, Vietnam's citizen id (CCCD, CMND), Russia's tax number (INN), Germany's tax id
(Steuer-ID) and Tanzania's national id (NIDA) after their names."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from supportkit.redaction import _anchors
from supportkit.redaction._rule import Rule, Span
from supportkit.redaction.rules._finders import DATE_LIKE, FinderRule, Keywords, digits_of
from supportkit.redaction.rules._text import after_escape

__all__ = ["RULES"]

_SSN_DASHED = re.compile(rb"-(?<=\d{3}-)\d\d-\d{4}(?![\w-])")
_SSN_ANCHOR = _anchors.pattern(rb"[0-9]{3}-[0-9]{2}-[0-9]{4}", 11)
_SSN_KEYWORDS = Keywords(("ssn", "social security", "soc sec"), frozenset({"ssn"}))
_SSN_IN_WINDOW = re.compile(r"(?<![\w-])\d{3}([ -]?)\d\d\1\d{4}(?![\w-])")
_PASSPORT_KEYWORDS = Keywords(
    anchors=(
        "pas",  # passport, pasaport, paspoort, pasipoti, reisepass…: checked as whole words
        "паспорт", "hộ chiếu", "ho chieu", "ausweis",
    ),
    words=frozenset(
        {
            "passport", "passeport", "pasaport", "pasaporte", "passaporto", "passaporte",
            "reisepass", "paspoort", "pasipoti", "паспорт", "паспорта",
            # the number itself, in German and Dutch: Passnummer, Reisepassnummer, Pass-Nr.
            "passnummer", "reisepassnummer", "passnr", "paspoortnummer",
            # Germany's identity card, whose number has the passport's shape
            "personalausweis", "personalausweisnummer", "ausweis", "ausweisnummer", "ausweisnr",
        }
    ),
)  # fmt: skip
_PASSPORT_IN_WINDOW = re.compile(
    r"(?<![\w-])(?:\d{2} \d{2} \d{6}|\d{4} \d{6}|[A-Z0-9]{6,12})(?![\w-])"
)


def _glued_before(text: str, start: int) -> bool:
    """Whether the number at ``start`` goes on from a word, a path or a longer number."""
    if not start or after_escape(text, start):
        return False
    return text[start - 1].isalnum() or text[start - 1] in "_.-/"


def _ssn_ok(candidate: str) -> bool:
    digits = digits_of(candidate)
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def _ssns(text: str) -> Iterator[Span]:
    seen: set[int] = set()
    for match in _anchors.matches(text, _SSN_ANCHOR, _SSN_DASHED, offset=3):
        start = match.start() - 3
        if not _glued_before(text, start) and _ssn_ok(text[start : match.end()]):
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


# Brazil's CPF (123.456.789-09) and Russia's SNILS (123-456-789 64) as they are printed: the
# grouping and two check digits make a stray match rare. The patterns start at the first
# separator, three characters in, a literal that ``re`` alone skips to fast.
_CPF = re.compile(rb"\.(?<=\d{3}\.)\d{3}\.\d{3}-\d{2}(?![\w.-])")
_CPF_ANCHOR = _anchors.pattern(rb"[0-9]{3}\.[0-9]{3}\.[0-9]{3}\-[0-9]{2}", 14)
_SNILS = re.compile(rb"-(?<=\d{3}-)\d{3}-\d{3}[ -]\d{2}(?![\w.-])")
_SNILS_ANCHOR = _anchors.pattern(rb"[0-9]{3}\-[0-9]{3}\-[0-9]{3}[ \-][0-9]{2}", 14)
_NAMED_ID_NAMES = (
    "cpf", "снилс", "snils", "инн", "inn", "cccd", "cmnd", "căn cước", "can cuoc", "nino",
    "national insurance", "ni number", "ni no", "steuer-id", "steuerid", "steuer-idnr",
    "steueridentifikationsnummer", "steuerliche identifikationsnummer", "nida",
    "kitambulisho cha taifa",
)  # fmt: skip
_NAMED_ID_KEYWORDS = Keywords(
    anchors=_NAMED_ID_NAMES,
    words=frozenset(
        {"cpf", "снилс", "snils", "инн", "inn", "cccd", "cmnd", "nino", "steuerid", "steuer-id",
         "steueridentifikationsnummer", "nida"}
    ),
)  # fmt: skip
# Which of them stands last before a candidate: the longer name first where one begins another.
_LAST_NAMED = re.compile(
    "|".join(re.escape(name) for name in sorted(_NAMED_ID_NAMES, key=len, reverse=True)),
    re.IGNORECASE,
)
_NAMED_ID_IN_WINDOW = re.compile(
    r"(?<![\w.-])(?:\d{8}-?\d{5}-?\d{5}-?\d{2}|\d{3}\.?\d{3}\.?\d{3}-?\d{2}"
    r"|\d{3}-?\d{3}-?\d{3}[ -]?\d{2}|\d{2} \d{3} \d{3} \d{3}|\d{9,12}"
    r"|[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D])(?![\w-])"
)


def _cpf_ok(digits: str) -> bool:
    if len(digits) != 11 or len(set(digits)) == 1:
        return False
    numbers = [int(digit) for digit in digits]
    for length in (9, 10):
        check = sum(n * (length + 1 - i) for i, n in enumerate(numbers[:length])) * 10 % 11 % 10
        if check != numbers[length]:
            return False
    return True


def _snils_ok(digits: str) -> bool:
    if len(digits) != 11:
        return False
    total = sum(int(digit) * (9 - i) for i, digit in enumerate(digits[:9]))
    return total % 101 % 100 == int(digits[9:])


# A Russian INN's check digits, by its length (10: a company's, 12: a person's): each is the
# weighted sum of the digits before it, modulo 11, modulo 10.
_INN_WEIGHTS = {
    10: ((2, 4, 10, 3, 5, 9, 4, 6, 8),),
    12: ((7, 2, 4, 10, 3, 5, 9, 4, 6, 8), (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)),
}


def _inn_ok(digits: str) -> bool:
    weights = _INN_WEIGHTS.get(len(digits))
    if weights is None:
        return False
    numbers = [int(digit) for digit in digits]
    return all(
        sum(w * n for w, n in zip(row, numbers, strict=False)) % 11 % 10 == numbers[len(row)]
        for row in weights
    )


def _steuer_id_ok(digits: str) -> bool:
    """Germany's tax id: eleven digits, not starting with 0, the last an ISO 7064 MOD 11,10
    check digit of the others."""
    if len(digits) != 11 or digits[0] == "0":
        return False
    product = 10
    for digit in digits[:10]:
        total = (int(digit) + product) % 10 or 10
        product = total * 2 % 11
    return (11 - product) % 10 == int(digits[10])


# Tanzania's NIDA number: the holder's date of birth (YYYYMMDD), then 12 more digits.
_NIDA = re.compile(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{12}")


# Prefixes never given to a National Insurance number.
_NINO_PREFIXES_REFUSED = frozenset({"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"})


def _nino_ok(candidate: str) -> bool:
    compact = candidate.replace(" ", "").upper()
    return (
        len(compact) == 9
        and compact[:2].isalpha()
        and compact[2:8].isdigit()
        and compact[:2] not in _NINO_PREFIXES_REFUSED
    )


# Each name's check of the digits after it (the citizen ids' of the candidate as written).
_DIGITS_OK: dict[str, Callable[[str, str], bool]] = {
    "cpf": lambda digits, _: _cpf_ok(digits),
    "снилс": lambda digits, _: _snils_ok(digits),
    "snils": lambda digits, _: _snils_ok(digits),
    "инн": lambda digits, _: _inn_ok(digits),
    "inn": lambda digits, _: _inn_ok(digits),
    **dict.fromkeys(
        ("cccd", "cmnd", "căn cước", "can cuoc"),
        lambda digits, candidate: len(digits) in (9, 12) and digits == candidate,
    ),
    **dict.fromkeys(
        ("steuer-id", "steuerid", "steuer-idnr", "steueridentifikationsnummer",
         "steuerliche identifikationsnummer"),
        lambda digits, _: _steuer_id_ok(digits),
    ),
    **dict.fromkeys(
        ("nida", "kitambulisho cha taifa"),
        lambda digits, _: _NIDA.fullmatch(digits) is not None,
    ),
}  # fmt: skip


def _named_id_ok(text: str, end: int, candidate: str) -> bool:
    """Whether ``candidate`` is a valid id of the kind named just before ``end``; a National
    Insurance number after any other name."""
    names = _LAST_NAMED.findall(text, max(0, end - 40), end)
    digits_ok = _DIGITS_OK.get(names[-1].lower() if names else "")
    return _nino_ok(candidate) if digits_ok is None else digits_ok(digits_of(candidate), candidate)


# A document whose kind is a field of its own, as payment APIs list a customer's documents:
# {"type": "CPF", "expeditionDate": null, "number": "71133500110"}.
_DOCUMENT_NUMBER = re.compile(
    r"""["'](?:number|value|document|documentNumber)["'][ \t]*:[ \t]*["']"""
)
_DOCUMENT_REACH = 256


def _typed_document(text: str, end: int) -> re.Match[str] | None:
    """The id in the number field of the object whose type field names it, ``end`` being just
    past the name in quotes."""
    quote = text[end : end + 1]
    if quote not in ('"', "'") or text.rfind(quote, max(0, end - 41), end) < 0:
        return None  # the name is no quoted value
    close = text.find("}", end, end + _DOCUMENT_REACH)
    field = _DOCUMENT_NUMBER.search(text, end, close if close >= 0 else end + _DOCUMENT_REACH)
    return None if field is None else _NAMED_ID_IN_WINDOW.match(text, field.end())


def _national_ids(text: str) -> Iterator[Span]:
    seen: set[int] = set()
    for anchor, pattern, valid in (
        (_CPF_ANCHOR, _CPF, _cpf_ok),
        (_SNILS_ANCHOR, _SNILS, _snils_ok),
    ):
        for match in _anchors.matches(text, anchor, pattern, offset=3):
            start = match.start() - 3
            if not _glued_before(text, start) and valid(digits_of(text[start : match.end()])):
                seen.add(start)
                yield Span(start, match.end(), "national-id")
    for end in _NAMED_ID_KEYWORDS.ends(text):
        found = _NAMED_ID_IN_WINDOW.search(text, end, end + 32) or _typed_document(text, end)
        if found is None or found.start() in seen:
            continue
        if _named_id_ok(text, end, found.group()):
            seen.add(found.start())
            yield Span(found.start(), found.end(), "national-id")


RULES: tuple[Rule, ...] = (
    FinderRule("ssn", 96, _ssns),
    FinderRule("passport", 96, _passports),
    FinderRule("national-id", 96, _national_ids),
)
