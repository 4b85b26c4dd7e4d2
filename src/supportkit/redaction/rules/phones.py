"""Phone numbers in international and national forms, validated with ``phonenumbers``."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from itertools import chain
from typing import Any

from supportkit.redaction import _anchors, _views
from supportkit.redaction._rule import FieldCheck, Rule, Span
from supportkit.redaction.rules._finders import (
    DATE_LIKE,
    UNSPACED_SCRIPT,
    FieldFinderRule,
    Keywords,
    after_version_word,
    digits_of,
    inside_iban_groups,
)
from supportkit.redaction.rules._text import after_escape, end_of_line, url_decoded

__all__ = ["PHONE_REGIONS", "RULES", "significant_digits"]

#: National phone numbers are tried in these regions, in order (``+`` forms need none).
PHONE_REGIONS = ("US", "GB", "DE", "RU", "VN", "TZ", "FR", "IN", "BR", "CN", "JP", "KR", "ES")

_PHONE_KEYWORDS = Keywords(
    anchors=(
        "phone", "tel", "тел", "моб", "điện thoại", "đt", "mobil", "handy", "whatsapp", "sms",
        "celular", "मोबाइल", "手机", "电话", "電話", "携帯", "휴대폰", "전화",
        # Arabic, Persian, Urdu, Hebrew, Thai, Indonesian and Malay, Swahili
        "هاتف", "جوال", "موبايل", "محمول", "تلفون", "تلفن", "موبایل", "همراه", "فون", "موبائل",
        "טלפון", "נייד", "โทรศัพท์", "เบอร์โทร", "มือถือ", "telepon", "ponsel", "handphone",
        "simu",
    ),
    words=frozenset(
        {
            "phone", "telephone", "cellphone", "smartphone", "mobilephone", "homephone",
            "workphone", "tel", "telefon", "telefone", "telefono", "teléfono", "téléphone",
            "telefonnummer", "телефон",
            "телефона", "тел", "моб", "мобильный", "đt", "sđt", "mobile", "mobil", "móvil",
            "mobilnummer", "handy", "handynummer", "whatsapp", "sms", "celular", "मोबाइल",
            "手机", "电话", "電話", "携帯", "휴대폰", "전화",
            "هاتف", "الهاتف", "جوال", "الجوال", "موبايل", "الموبايل", "محمول", "المحمول",
            "تلفون", "التلفون", "تلفن", "موبایل", "همراه", "فون", "موبائل", "טלפון", "נייד",
            "telepon", "telp", "ponsel", "handphone", "simu",
        }
    ),
)  # fmt: skip
# "Number" in languages where it is how one gives a phone number ("мой номер 89161234567", "mój
# numer 601 234 567", "नंबर 9876543210"): also an order's or a document's, so only a number
# right after the word counts ("номер заказа 1234567890" is an order's).
_NUMBER_WORDS = Keywords(
    anchors=("номер", "numer", "नंबर"),
    words=frozenset({"номер", "номера", "numer", "numeru", "नंबर"}),
)
_RIGHT_AFTER_NUMBER_WORD = re.compile(r"[ \t]*[:#№]?[ \t]*")
# Over the Latin-1 view (ASCII classes only), where ``re`` runs two to three times faster.
# Each form with how far its match starts after the number does, and an anchor that finds the
# number for Hyperscan (None: the form's own pass is as cheap).
_PHONE_FORMS: tuple[tuple[re.Pattern[bytes], int, _anchors.Anchor | None], ...] = (
    (re.compile(rb"\+\d[\d ().-]{5,22}\d"), 0, _anchors.pattern(rb"\+[0-9][0-9 ().\-]{6}", 8)),
    (
        re.compile(rb"\(\d{2,5}\)[ .-]?\d[\d .-]{3,12}\d"),
        0,
        _anchors.pattern(rb"\([0-9]{2}", 3),
    ),
    (
        # From a trunk 0. The look-aheads refuse, before any Python runs, what the checks would:
        # fewer than seven digits ("03-17 16:13"), and a compact date and time at the start
        # ("081109 203615 148", as HDFS starts its lines).
        re.compile(
            rb"0(?<![\w.:/+-]0)(?=(?:[ ./-]*\d){6})"
            rb"(?!\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ -]"
            rb"(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?(?!\d))"
            rb"(?:\d{1,5}[ ./-]\d[\d .-]{3,14}\d|[1-9]\d{7,11}(?!\w))"
        ),
        0,
        None,
    ),
    (
        re.compile(rb"8(?<![\w.:/+-]8)[ -]?\d{3}[ -]\d{3}[ -]\d{2}[ -]\d{2}(?!\d)"),
        0,
        _anchors.pattern(rb"8[ \-]?[0-9]{3}[ \-][0-9]{3}[ \-][0-9]{2}[ \-][0-9]{2}"),
    ),
    (
        re.compile(rb"-(?<=[2-9]\d\d-)[2-9]\d\d-\d{4}(?![\w-])"),
        3,
        _anchors.pattern(rb"[2-9][0-9][0-9]-[2-9][0-9][0-9]-[0-9]{4}", 12),
    ),
    (
        re.compile(rb"\.(?<=[2-9]\d\d\.)[2-9]\d\d\.\d{4}(?![\w.])"),
        3,
        _anchors.pattern(rb"[2-9][0-9][0-9]\.[2-9][0-9][0-9]\.[0-9]{4}", 12),
    ),
)
_TRUNK_BEFORE = re.compile(r"(?<![\w+.-])\d{1,2}[ -]?\Z")
# Numbers typed with Arabic-Indic or Persian digits (+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧, ۰۹۱۲۳۴۵۶۷۸۹), as phones'
# keyboards in those languages give them: international, or national from a trunk 0 (tried at
# each of the anchors' zeros: a search for one over a whole chunk costs 3 to 15 ms).
_EASTERN = "[\u0660-\u0669\u06f0-\u06f9]"
_EASTERN_RUN = "[\u0660-\u0669\u06f0-\u06f9 ().-]"
_EASTERN_DIGITS = _anchors.words("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
_EASTERN_ZEROS = (_anchors.word("٠"), _anchors.word("۰"))
_EASTERN_INTERNATIONAL = re.compile(rf"\+{_EASTERN}{_EASTERN_RUN}{{5,22}}{_EASTERN}")
_EASTERN_NATIONAL = re.compile(
    rf"(?<![\w.:/+-])[\u0660\u06f0](?:{_EASTERN}{{1,5}}[ ./-]{_EASTERN}{_EASTERN_RUN}{{3,14}}"
    rf"{_EASTERN}|{_EASTERN}{{8,12}}(?!\w))"
)


# A number after a keyword; in a script written without spaces it may touch the words around
# it (手机号13812345678, 電話番号は09012345678です).
_PHONE_IN_WINDOW = re.compile(
    rf"(?:(?<={UNSPACED_SCRIPT.pattern})|(?<=\\[ntr])|(?<![\w.]))"
    rf"\+?\(?\d[\d ().-]{{5,20}}\d(?!(?!{UNSPACED_SCRIPT.pattern})\w|[.:]\d)"
)
_LAST_GROUP = re.compile(r"[ .-]+\(?\d+\)?\Z")
# Dots group a number in threes or more (shorter dotted groups are versions, addresses and
# dates), except in France's pairs: 06.12.34.56.78.
_FRENCH_PAIRS = re.compile(r"(?:0|\+33[ .]?)[1-9](?:\.\d\d){4}")


# A number in a URL's query, its "+" encoded: ?phone=%2B14155552671, %2B44%207700%20900123.
_ENCODED_PLUS = _anchors.word("%2b")  # either case
_ENCODED_NUMBER = re.compile(r"%2[Bb]\d(?:\d|%20|[-.]){5,40}\d(?![\w%])")


# WhatsApp's click-to-chat link holds an international number without its plus: wa.me/8491….
_CLICK_TO_CHAT = _anchors.literal("wa.me/")
_CHAT_NUMBER = re.compile(r"[1-9][0-9]{6,14}(?![\w])")


# A phone given as an object, as payment and CRM APIs write one, maybe over several lines:
# "phone": {"country_code": "1", "number": "8056594427"}.
_OBJECT_OPENS = re.compile(r"""["']?[ \t]*:[ \t]*\{""")
_OBJECT_NUMBER = re.compile(
    r"""["'](?:number|national_number|phone_number|e164|value)["'][ \t]*:[ \t]*["']?"""
)
_OBJECT_REACH = 256


def _phone_object_number(text: str, end: int) -> re.Match[str] | None:
    """The number field of the object that opens right after the phone keyword ending at
    ``end``."""
    opened = _OBJECT_OPENS.match(text, end)
    if opened is None:
        return None
    close = text.find("}", opened.end(), opened.end() + _OBJECT_REACH)
    field = _OBJECT_NUMBER.search(text, opened.end(), close if close >= 0 else opened.end())
    return None if field is None else _PHONE_IN_WINDOW.match(text, field.end())


def _phone_candidates(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, evidence)`` of digit runs with some sign of being a phone number."""
    view = _views.latin1(text)
    for pattern, back, anchor in _PHONE_FORMS:
        runs = (
            pattern.finditer(view)
            if anchor is None
            else _anchors.matches(text, anchor, pattern, offset=back)
        )
        for match in runs:
            start = match.start() - back
            if text[start] == "(":
                trunk = _TRUNK_BEFORE.search(text, max(0, start - 4), start)
                start = trunk.start() if trunk else start
            yield start, match.end(), "plus" if text[start] == "+" else "shape"
    for end in _PHONE_KEYWORDS.ends(text):
        # on the keyword's line: the next line's timestamp and ids are no number of its
        found = _PHONE_IN_WINDOW.search(text, end, end_of_line(text, end, 40))
        if found or (found := _phone_object_number(text, end)):
            yield found.start(), found.end(), "keyword"
    for end in _NUMBER_WORDS.ends(text):
        gap = _RIGHT_AFTER_NUMBER_WORD.match(text, end)  # always matches, maybe empty
        begin = gap.end() if gap else end
        found = _PHONE_IN_WINDOW.match(text, begin, end_of_line(text, end, 40))
        if found:
            yield found.start(), found.end(), "keyword"
    for at in _anchors.starts(text, _ENCODED_PLUS):
        found = _ENCODED_NUMBER.match(text, at)
        if found:
            yield at, found.end(), "encoded"
    for at in _anchors.starts(text, _CLICK_TO_CHAT):
        found = _CHAT_NUMBER.match(text, at + _CLICK_TO_CHAT.width)
        if found:
            yield found.start(), found.end(), "chat"


# A mobile network's MSISDN: the number in full international form, without its "+".
_MSISDN = _anchors.word("msisdn")
_MSISDN_NUMBER = re.compile(r"""["']?[ \t]*[:=][ \t]*["']?(\d{8,15})(?![\w.])""")


def _msisdn_candidates(text: str) -> Iterator[tuple[int, int, str]]:
    for at in _anchors.starts(text, _MSISDN):
        found = _MSISDN_NUMBER.match(text, at + _MSISDN.width)
        if found and not (at and text[at - 1].isalnum()):
            yield found.start(1), found.end(1), "chat"  # read with its "+", as a chat link's


# A Russian mobile written unspaced from its trunk 8 (89161234567), in Russian text: a run of
# eleven digits from 89 is as often an id where no Cyrillic word stands before it.
_RUSSIAN_MOBILE = _anchors.pattern(rb"89[0-9]{9}", 11)
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_CYRILLIC_REACH = 48


def _russian_mobile_candidates(text: str) -> Iterator[tuple[int, int, str]]:
    for at in _anchors.starts(text, _RUSSIAN_MOBILE):
        if text[at + 11 : at + 12].isdigit() or (at and text[at - 1].isdigit()):
            continue
        line = text.rfind("\n", max(0, at - _CYRILLIC_REACH), at) + 1
        if _CYRILLIC.search(text, max(line, at - _CYRILLIC_REACH), at):
            yield at, at + 11, "shape"


def _eastern_candidates(text: str) -> Iterator[tuple[int, int, str]]:
    """:func:`_phone_candidates` for numbers in Eastern Arabic digits, which the Latin-1 view
    and its anchors cannot see; they are searched for in chunks that hold such a digit."""
    if not any(_anchors.starts(text, digit) for digit in _EASTERN_DIGITS):
        return
    for match in _EASTERN_INTERNATIONAL.finditer(text):  # from its literal "+": fast
        yield match.start(), match.end(), "plus"
    for zero in _EASTERN_ZEROS:
        for at in _anchors.starts(text, zero):
            found = _EASTERN_NATIONAL.match(text, at)
            if found is not None:
                yield found.start(), found.end(), "shape"


# An identifier's name right before a number that only has a phone's shape: "id=0912345678901",
# "requestId: …", "order 0912 345 678", "serial number …", a bank's routing number, a barcode.
# German numbers run from 6 to 13 digits after the 0, so many ids parse as one.
_ID_NAME_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?i:ids?|serial|sku|isbn|ean|upc|gtin|order|invoice|ref|pid|tid|uid|gid"
    r"|build|ts|routing|aba)"
    r"|(?<=[a-z0-9])(?:Ids?|IDs?|Serial|Order|Ref)|(?<=_)(?i:ids?|serial|order|ref))"
    r"(?:[ \t]+(?i:number|num|no|nr)\.?)?"
    r"[\"']?[ \t]*[:=#]?[ \t]*[\"']?\Z"
)


# Byte pairs of a hexdump (wpa_supplicant, hostapd: "… 77 fe 01 09 00 20 00 …"): two pairs, or
# one holding a digit, so that a word such as French "de" is not taken for one.
_BYTE_PAIRS_BEFORE = re.compile(
    r"(?<![\w])(?:[0-9A-Fa-f]{2} [0-9A-Fa-f]{2}|\d[0-9A-Fa-f]|[0-9A-Fa-f]\d) \Z"
)


def _phone_start_ok(text: str, start: int, evidence: str) -> bool:
    """What comes before a candidate allows a phone number there; checked once, however many
    times the candidate's end is moved back."""
    before = " " if not start or after_escape(text, start) else text[start - 1]
    if evidence == "keyword" and UNSPACED_SCRIPT.match(before):
        return True  # its keyword's sentence: 手机号13812345678
    refused_before = "_." if evidence != "shape" else "_.:/-#№"  # an id: "Order #0123456789"
    if before.isalnum() or before in refused_before:
        return False
    if evidence == "keyword" and before in "-/" and text[start - 2 : start - 1].isalnum():
        return False  # a token's tail: "ORD-4177763", "0824/223796.631" after a phone keyword
    if evidence == "shape" and (
        (before in " -" and text[start - 2 : start - 1].isdigit())  # a longer run's tail
        or (before in ",:" and _time_seconds(text, start))
    ):
        return False
    if before == " " and (inside_iban_groups(text, start) or _in_hexdump(text, start)):
        return False
    return not (evidence == "shape" and _id_name_before(text, start))


# A time's seconds with their fraction, after its hours and minutes: macOS's CoreCapture names
# its files "[2017-07-03_16,27,04.995982]".
_HOURS_MINUTES_BEFORE = re.compile(r"(?<!\d)\d\d([,:])\d\d\1\Z")


def _time_seconds(text: str, start: int) -> bool:
    return (
        text[start + 2 : start + 3] == "."
        and _HOURS_MINUTES_BEFORE.search(text, max(0, start - 6), start) is not None
    )


def _in_hexdump(text: str, start: int) -> bool:
    """Whether the two-digit group at ``start`` follows bytes of a hexdump."""
    if not (text[start : start + 2].isdigit() and text[start + 2 : start + 3] == " "):
        return False
    return _BYTE_PAIRS_BEFORE.search(text, max(0, start - 7), start) is not None


def _id_name_before(text: str, start: int) -> bool:
    """Whether an id's name comes right before ``start``: "id=0912345678901", "requestId: …".
    The name ends in a letter (or "no."), which is looked at before the pattern is searched
    for."""
    window = max(0, start - 32)
    name = text[window:start].rstrip("\"' \t:=#.")
    if not name[-1:].isalpha():
        return False
    return _ID_NAME_BEFORE.search(text, window, start) is not None


def _phone_end_ok(text: str, start: int, end: int, evidence: str) -> bool:
    after = text[end] if end < len(text) else " "
    if (after.isalnum() or after in "_/") and not (
        evidence == "keyword" and UNSPACED_SCRIPT.match(after)
    ):
        return False
    if text.count("(", start, end) > text.count(")", start, end):
        return False  # an unclosed "(" opens what follows: "247561 (53021)", an error's code
    following = text[end + 1 : end + 2]
    if after == "." and following.isalpha():
        return False  # a host name's label: 054331651301.dkr.ecr…, an ISP's 061092085098.…
    if evidence == "shape" and after == ":":
        return False  # a time: Chromium's log prefix [0701/114930:WARNING:…
    if evidence == "shape" and "." in text[start:end] and after_version_word(text, start):
        return False  # "version 01.02.03.04.05" has France's shape
    # a longer token goes on: "10.0.0.1:8080", "SKU 090-123-4567-XL"
    return not ((after in ".:-" and following.isdigit()) or (after == "-" and following.isalpha()))


_FEWEST_DIGITS = 7


def _phone_shape_ok(candidate: str, digits: int) -> bool:
    if digits in (10, 11) and _FRENCH_PAIRS.fullmatch(candidate):  # 0 or +33, then 9
        return True
    if not _FEWEST_DIGITS <= digits <= 15 or DATE_LIKE.search(candidate):
        return False
    if "." in candidate:
        groups = re.split(r"[ .()-]+", candidate.strip("+()"))
        # after a country code, an area code may be short: +44-20.3900.0164
        return all(len(group) >= 3 for group in groups[1 + candidate.startswith("+") :])
    return True


def _phonenumbers() -> Any:
    import phonenumbers  # noqa: PLC0415  (heavy: loaded on the first candidate only)

    return phonenumbers


@functools.lru_cache(maxsize=64)
def _national_shape(region: str) -> re.Pattern[str] | None:
    """The digits a national number valid in ``region`` can be written with: the region's
    number pattern, after an optional international prefix, country code and trunk prefix;
    None when the region rewrites numbers while parsing them (Brazil's carrier codes).

    ``parse`` only ever removes such a prefix from the digits, and a number is never valid
    where it does not match the region's pattern, so a region this refuses is skipped
    without parsing (a parse costs 20-30 µs; this check about 1)."""
    metadata = _phonenumbers().PhoneMetadata.metadata_for_region(region)
    if metadata is None or metadata.national_prefix_transform_rule:
        return None
    prefixes = [metadata.international_prefix, str(metadata.country_code)]
    prefixes.append(metadata.national_prefix_for_parsing or metadata.national_prefix)
    optional = "".join(f"(?:{prefix})?" for prefix in prefixes if prefix)
    return re.compile(f"{optional}(?:{metadata.general_desc.national_number_pattern})")


def _may_be_valid_in(digits: str | None, region: str) -> bool:
    shape = _national_shape(region)
    return digits is None or shape is None or shape.fullmatch(digits) is not None


def _parsed(candidate: str, region: str | None) -> Any:
    """``candidate`` parsed as written in ``region``; None when it cannot be."""
    lib = _phonenumbers()
    try:
        return lib.parse(candidate, region)
    except lib.NumberParseException:
        return None


@functools.lru_cache(maxsize=4096)  # logs repeat the same numbers; parsing is the slow part
def _is_phone(candidate: str, evidence: str) -> bool:
    """Whether ``candidate`` is a valid number: an international one in any region, a national
    one in one of :data:`PHONE_REGIONS`; an international one written in groups, or after a
    phone's label (a range the metadata does not know yet is still someone's number), also
    when it only has a possible length.

    ``is_valid_number`` visits every region sharing a country code (25 share +1), loading and
    compiling each one's patterns the first time. Each number is first checked in the one
    region it most likely belongs to, and only a number valid in none of those is checked in
    full, so a process that meets a few numbers pays for a few regions. A national number is
    parsed first only where its digits could be valid (:func:`_national_shape`)."""
    lib = _phonenumbers()
    national = not candidate.startswith("+")
    regions: tuple[str | None, ...] = PHONE_REGIONS if national else (None,)
    digits = digits_of(candidate) if national and candidate.isascii() else None
    parsed: dict[str | None, Any] = {}
    for region in regions:
        if region is not None and not _may_be_valid_in(digits, region):
            continue
        number = parsed[region] = _parsed(candidate, region)
        if number is None:
            continue
        likely = region or lib.region_code_for_country_code(number.country_code)
        if lib.is_valid_number_for_region(number, likely):
            return True
    for region in regions:  # valid nowhere it was parsed: now every region counts
        if region not in parsed:
            parsed[region] = _parsed(candidate, region)
    numbers = [number for number in parsed.values() if number is not None]
    if any(lib.is_valid_number(number) for number in numbers):
        return True
    grouped = evidence == "plus" and any(sep in candidate for sep in " -.(")
    labelled = evidence == "keyword" and not national
    return (grouped or labelled) and any(lib.is_possible_number(number) for number in numbers)


@functools.lru_cache(maxsize=4096)
def significant_digits(number: str) -> str:
    """The digits that identify ``number`` within its country: without the country code and the
    international prefix (``+44 7700 900123``, ``0044 7700 900123``) or the trunk prefix
    (``07700 900123``; Russia's ``8``, the US's ``1``), so one number written with and without
    its country code gets one pseudonym. A national form does not say its country, so two
    countries' numbers with the same digits after their codes share one too."""
    number = url_decoded(number)
    digits = digits_of(number)
    if number.lstrip().startswith("+") or digits.startswith("00"):
        parsed = _parsed("+" + digits.removeprefix("00"), None)
        return digits if parsed is None else _phonenumbers().national_significant_number(parsed)
    if digits.startswith("0"):
        return digits[1:]
    if _TWO_DIGIT_AREA.match(number):
        return digits  # Brazil's (11) 91234-5678: the 1 starts its area code, not a trunk
    return digits[1:] if len(digits) == 11 and digits[0] in "18" else digits


_TWO_DIGIT_AREA = re.compile(r"[ \t]*\(\d\d\)")


def _phones(text: str) -> Iterator[Span]:
    seen: set[int] = set()
    candidates = chain(
        _phone_candidates(text),
        _eastern_candidates(text),
        _msisdn_candidates(text),
        _russian_mobile_candidates(text),
    )
    for start, run_end, evidence in candidates:
        if start in seen or not _phone_start_ok(text, start, evidence):
            continue
        end = run_end
        for _ in range(8):  # a greedy run may have taken numbers that follow the phone
            written = text[start:end]
            candidate = "+" + written if evidence == "chat" else url_decoded(written)
            digits = len(digits_of(candidate))
            if digits < _FEWEST_DIGITS and "%" not in written:
                break  # each shorter candidate has fewer digits still
            if (
                _phone_shape_ok(candidate, digits)
                and _phone_end_ok(text, start, end, evidence)
                and _is_phone(candidate, evidence)
            ):
                seen.add(start)
                yield Span(start, end, "phone")
                break
            last_group = _LAST_GROUP.search(candidate)
            if last_group is None or evidence == "encoded":  # decoded offsets are not the text's
                break
            end = start + last_group.start()


# In a structure, a field named for a phone number: {"phone": …}, {"mobilePhone": …},
# {"contact_tel": …}, {"phone_number_2": …}, {"msisdn": …}.
_KEY_PARTS = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|[\s_.-]+")
_KEY_SUFFIXES = frozenset({"number", "numbers", "no", "nr", "num", "nummer", "numero", "número"})
_PHONE_FIELD_WORDS = _PHONE_KEYWORDS.words | {"msisdn", "fax", "cell", "phonenumber"}
_FIELD_LABEL = "phone: "


def _phone_field(key: str) -> FieldCheck | None:
    parts = [part.casefold() for part in _KEY_PARTS.split(key) if part]
    while len(parts) > 1 and (parts[-1] in _KEY_SUFFIXES or parts[-1].isdigit()):
        parts.pop()
    last = parts[-1].rstrip("0123456789") if parts else ""
    return _phone_value if last in _PHONE_FIELD_WORDS else None


@functools.lru_cache(maxsize=4096)  # a column or a key repeats its values
def _phone_value(value: str) -> str | None:
    """The kind "phone" when ``value`` is one phone number, read as if its key's word were
    its label (a bare MSISDN read with its "+")."""
    value = value.strip()
    if not 6 <= len(value) <= 40:
        return None
    forms = (value, "+" + value) if value.isdigit() and len(value) >= 10 else (value,)
    for form in forms:
        text = _FIELD_LABEL + form
        if any(span.start == len(_FIELD_LABEL) and span.end == len(text) for span in _phones(text)):
            return "phone"
    return None


RULES: tuple[Rule, ...] = (FieldFinderRule("phone", 96, _phones, field=_phone_field),)
