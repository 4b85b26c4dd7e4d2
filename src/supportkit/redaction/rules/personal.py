"""Personal data in collected text: emails, phones, public IPs, MACs, cards, IBANs, SSNs, passports.

Every rule starts from a cheap anchor and validates candidates afterwards, because logs are
dense with digits and a pattern that starts with a character class (``\\d``, ``[0-9a-f]``)
crawls at 30-40 MB/s in ``re``:

- emails start from ``str.find("@")`` / ``"%40"``;
- IPv4 from a pattern that begins with ``.``, IPv6 from one that begins with ``:``, MACs from
  their separator; each is validated with ``ipaddress`` or a shape check;
- phone numbers need *evidence* found from a literal: a ``+``, an area code in parentheses, a
  trunk ``0`` (or Russia's ``8``) followed by separated groups or by 8-12 digits
  (``0912345678``), the US ``NXX-NXX-XXXX`` shape, or a keyword (``phone``, ``tel``,
  ``телефон``, ``điện thoại``...) just before the digits. Other digit runs are kept: logs
  are full of ids, byte counts and epoch times of phone length. Candidates are then
  validated with ``phonenumbers``: ``+`` forms must be valid (or possible and grouped like a
  phone number), national forms valid in one of :data:`PHONE_REGIONS`; dates, times and
  runs glued to letters, ``.``, ``:``, ``/`` or ``-`` are refused first;
- cards and IBANs are found in a *shape* of the text (digits mapped to ``0``, capitals to
  ``A``) where a literal prefix (``0000``, ``AA00``) is fast, then checked with Luhn and the
  issuer prefix, or with the country's length and the mod-97 checksum;
- SSNs (``AAA-GG-SSSS`` anywhere, 9 plain digits only after an SSN keyword) and passport
  numbers (only after a passport keyword) follow the same pattern.

Kept on purpose (over-redaction is a defect): loopback, private, link-local, shared (CGNAT),
multicast, reserved and unspecified addresses (documentation ranges such as 203.0.113.0/24 and
2001:db8::/32 are *redacted*: they stand for public addresses in examples and in planted test
data); IPv4-shaped versions after ``v`` or ``version``; the all-zero and broadcast MACs;
``user@localhost`` and other addresses without a dotted domain; the role mailboxes in
:data:`KEPT_MAILBOXES` (``git@github.com`` names a service, not a person); ``pkg@1.2.3``,
``@decorator`` and ``icon@2x.png``; timestamps, dates, versions and digit runs without a
phone's evidence.
"""

from __future__ import annotations

import functools
import ipaddress
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from supportkit.redaction import _anchors, _views
from supportkit.redaction._rule import Category, Rule, Span

__all__ = ["KEPT_MAILBOXES", "PHONE_REGIONS", "RULES"]

#: National phone numbers are tried in these regions, in order (``+`` forms need none).
PHONE_REGIONS = ("US", "GB", "DE", "RU", "VN", "TZ", "FR", "IN", "BR")
#: Local parts of role mailboxes that name a service, never a person.
KEPT_MAILBOXES = frozenset(
    {"git", "noreply", "no-reply", "donotreply", "do-not-reply", "mailer-daemon", "postmaster"}
)

_LETTERS = re.compile(r"[^\W\d_]{0,32}")


@functools.lru_cache(maxsize=64)
def _inside_words(anchor: str, words: frozenset[str]) -> bool:
    """Whether some keyword holds ``anchor`` after its first letter (``telephone``: ``phone``)."""
    return any(anchor in word[1:] for word in words)


_WORD_SUFFIXES = ("", "s", "e", "o", "a", "no", "nr", "num", "number", "numbers", "nummer", "id")


@dataclass(frozen=True, slots=True)
class _Keywords:
    """Words that announce a value, found from a few literal anchors and then checked whole.

    Each anchor costs one ``str.find`` pass (about 1 ms per MB), so anchors are stems that
    cover several words (``tel`` finds ``tel``, ``telefon``, ``telephone``); the enclosing
    word must then be one of ``words``, optionally with a suffix such as ``number`` or ``no``
    (``phoneNumber``, ``phone_no``). Anchors with a space are phrases, matched as they are.
    """

    anchors: tuple[str, ...]
    words: frozenset[str]

    def __post_init__(self) -> None:
        _anchors.words(self.anchors)  # made now: the first scan looks for them too

    def ends(self, text: str) -> Iterator[int]:
        """Offsets just past each keyword in ``text``, case-insensitively."""
        for anchor in self.anchors:
            inside = _inside_words(anchor, self.words)
            for at in _anchors.starts(text, _anchors.word(anchor)):
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


@dataclass(slots=True)
class _FinderRule:
    """A personal-data rule whose ``find`` is a generator function of the text."""

    name: str
    max_span: int
    finder: Callable[[str], Iterator[Span]]
    category: Category = "personal"

    def find(self, text: str) -> Iterator[Span]:
        """Spans of ``text`` to replace."""
        return self.finder(text)


# --- emails -----------------------------------------------------------------------------

_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_DOMAIN = re.compile(
    r"(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.){1,8}(?P<tld>[^\W\d_]{2,24})(?![\w-]|\.[^\W_])"
)
_ENCODED_BREAK = re.compile(r"%(?:3a|3d|2f|20|22|3c|26|3f|2c|3b|27|28)", re.IGNORECASE)


_EMAIL_ANCHORS = (_anchors.literal("@"), _anchors.literal("%40"))


def _email_local(text: str, at: int) -> int | None:
    """Start of the local part that ends at ``at``, or None when there is no valid one."""
    start = at
    while (
        start > 0
        and at - start < 64
        and (text[start - 1] in _LOCAL_CHARS or text[start - 1].isalnum())
    ):
        start -= 1
    breaks = list(_ENCODED_BREAK.finditer(text, start, at))
    if breaks:
        start = breaks[-1].end()
    while start < at and text[start] == ".":
        start += 1
    local = text[start:at]
    if not local or local.endswith(".") or ".." in local or local.lower() in KEPT_MAILBOXES:
        return None
    return start


def _ends_url_user_info(text: str, at: int) -> bool:
    """Whether the ``@`` at ``at`` closes a URL's user info (``postgres://app:pw@db.internal``):
    a host follows, not a mail domain. The password is the credential rules' to replace; taken
    for an email, it would take the host with it."""
    scheme_end = text.rfind("://", max(0, at - 256), at)
    return scheme_end >= 0 and _NOT_IN_USER_INFO.search(text, scheme_end + 3, at) is None


_NOT_IN_USER_INFO = re.compile(r"[\s/?#]")


def _emails(text: str) -> Iterator[Span]:
    for anchor in _EMAIL_ANCHORS:
        for at in _anchors.starts(text, anchor):
            domain = _DOMAIN.match(text, at + anchor.width)
            start = _email_local(text, at) if domain else None
            if (
                domain
                and start is not None
                and not re.match(r"\d+x\.", domain.group())
                and not (anchor.width == 1 and _ends_url_user_info(text, at))
            ):
                yield Span(start, domain.end(), "email")


# --- IP and MAC addresses ---------------------------------------------------------------

# Over the Latin-1 view; the look-behinds drop the private ranges that fill access logs
# (10/8, 127/8, 192.168/16, 172.16/12) before any Python runs. ``_public_v4`` still decides.
_IPV4_TAIL = re.compile(
    rb"(\.(?<!\b10\.)(?<!\b127\.)\d{1,3}"
    rb"(?<!\b192\.168)(?<!\b172\.1[6-9])(?<!\b172\.2\d)(?<!\b172\.3[01])"
    rb"\.\d{1,3}\.\d{1,3})(?!\d|\.\d)"
)
# For Hyperscan: the address from its first digit, whose first octet is none of 0, 10, 127 and
# 224-255; the finer ranges are left to ``_public_v4``.
_IPV4_ANCHOR = _anchors.pattern(
    rb"(?:[1-9]|1[1-9]|[2-9][0-9]|1[013-9][0-9]|12[0-689]|2[01][0-9]|22[0-3])"
    rb"\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}"
)
_IPV4_FROM_START = re.compile(rb"\d{1,3}(\.\d{1,3}\.\d{1,3}\.\d{1,3})(?!\d|\.\d)")
_VERSION_WORDS = ("v", "ver", "version", "release")
_GLOBAL_V6 = ipaddress.IPv6Network("2000::/3")


def _public_v4(a: int, b: int, c: int) -> bool:
    """Whether ``a.b.c.x`` is outside every range kept as not personal.

    Kept: 0/8, 10/8, 100.64/10 (shared), 127/8, 169.254/16, 172.16/12, 192.0.0/24,
    192.168/16, 198.18/15 (benchmarking) and 224/3 (multicast, reserved, broadcast).
    """
    if a in (0, 10, 127) or a >= 224:
        return False
    second_kept = {100: 64 <= b <= 127, 169: b == 254, 172: 16 <= b <= 31, 198: b in (18, 19)}
    if second_kept.get(a, False):
        return False
    return not (a == 192 and (b == 168 or (b == 0 and c == 0)))


def _octets(candidate: str) -> tuple[int, int, int, int] | None:
    parts = candidate.split(".")
    if any(len(part) > 1 and part[0] == "0" for part in parts):
        return None
    a, b, c, d = map(int, parts)
    return (a, b, c, d) if max(a, b, c, d) <= 255 else None


def _after_version_word(text: str, start: int) -> bool:
    before = text[max(0, start - 9) : start].lower().rstrip(" =:")
    for word in _VERSION_WORDS:
        if before.endswith(word):
            head = before[: len(before) - len(word)]
            if not head or not head[-1].isalnum():
                return True
    return False


_IPV4_TEXT = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}(?![\d.])")
_IPV4_BEFORE_DASH = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}-\Z")
_EPOCH_BEFORE = re.compile(r"(?<![\w.:])\d{1,2}:\Z")


def _package_version(text: str, start: int, end: int) -> bool:
    """Four numbers that are a package's version: an epoch before (``2:6.1.7.10``), or a
    ``+``/``~`` suffix or ``-`` revision after (``+dfsg``, ``~rc1``, ``1.2.5.1-2``); a range of
    addresses (``203.0.113.1-203.0.113.254``) is not one."""
    after = text[end : end + 1]
    if after in ("+", "~"):
        return True
    if after == "-" and text[end + 1 : end + 2].isdigit():
        return _IPV4_TEXT.match(text, end + 1) is None
    return _EPOCH_BEFORE.search(text, max(0, start - 4), start) is not None


def _ipv4s(text: str) -> Iterator[Span]:
    found = _anchors.matches(text, _IPV4_ANCHOR, _IPV4_TAIL, at_anchor=_IPV4_FROM_START)
    for match in found:
        tail = start = match.start(1)
        while start > 0 and tail - start < 3 and text[start - 1].isdigit():
            start -= 1
        before = text[start - 1] if start else " "
        if start == tail or before.isalnum() or before in "._":
            continue
        if before == "-" and _IPV4_BEFORE_DASH.search(text, max(0, start - 17), start) is None:
            continue  # "build-1.2.3.4", unless it ends a range of addresses
        octets = _octets(text[start : match.end()])
        if (
            octets
            and _public_v4(*octets[:3])
            and not _after_version_word(text, start)
            and not _package_version(text, start, match.end())
        ):
            yield Span(start, match.end(), "ipv4")


_IPV6_HINT = re.compile(rb":(?::|[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:)")
_IPV6_ANCHOR = _anchors.pattern(_IPV6_HINT.pattern)
_IPV6_LEFT = re.compile(r"[0-9A-Fa-f:]{1,39}\Z")
_IPV6_RIGHT = re.compile(r"[0-9A-Fa-f:.]{0,45}")


def _public_v6(address: ipaddress.IPv6Address) -> bool:
    mapped = address.ipv4_mapped
    if mapped is not None:
        a, b, c, _ = mapped.packed
        return _public_v4(a, b, c)
    return address in _GLOBAL_V6


def _ipv6s(text: str) -> Iterator[Span]:
    pos = 0
    for hint in _anchors.matches(text, _IPV6_ANCHOR, _IPV6_HINT):
        if hint.start() < pos:
            continue
        left = _IPV6_LEFT.search(text, max(0, hint.start() - 39), hint.start())
        start = left.start() if left else hint.start()
        right = _IPV6_RIGHT.match(text, hint.start())
        end = right.end() if right else hint.end()
        while end > hint.end() and text[end - 1] == ".":
            end -= 1
        pos = max(end, hint.end())
        if (start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_.")) or (
            end < len(text) and (text[end].isalnum() or text[end] == "_")
        ):
            continue
        try:
            address = ipaddress.IPv6Address(text[start:end])
        except ValueError:
            continue
        if _public_v6(address):
            yield Span(start, end, "ipv6")


_HEX = rb"[0-9A-Fa-f]"
# Each form once as a pattern, and once as the literal it is in the hex shape of the text,
# where every hexadecimal digit is ``h``.
_MAC_FORMS = tuple(
    (
        _anchors.pattern(
            re.escape(shape).replace(b"h", _HEX), len(shape), re_hint=(_views.hex_shape, shape)
        ),
        separator,
    )
    for shape, separator in (
        (b"hh:hh:hh:hh:hh:hh", ":"),
        (b"hh-hh-hh-hh-hh-hh", "-"),
        (b"hhhh.hhhh.hhhh", "."),
    )
)
_KEPT_MACS = frozenset({"000000000000", "ffffffffffff"})


def _macs(text: str) -> Iterator[Span]:
    for anchor, separator in _MAC_FORMS:
        for start in _anchors.starts(text, anchor):
            end = start + anchor.width
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            glued = before.isalnum() or before in "_:.-" or after.isalnum() or after == "_"
            if not glued and after != separator:
                digits = text[start:end].replace(separator, "").lower()
                if digits not in _KEPT_MACS and not (separator == "." and digits.isdigit()):
                    yield Span(start, end, "mac")


# --- phone numbers ----------------------------------------------------------------------

_PHONE_KEYWORDS = _Keywords(
    anchors=("phone", "tel", "тел", "моб", "điện thoại", "đt"),
    words=frozenset(
        {
            "phone", "telephone", "cellphone", "smartphone", "mobilephone", "homephone",
            "workphone", "tel", "telefon", "telefone", "telefono", "téléphone",
            "telefonnummer", "телефон",
            "телефона", "тел", "моб", "мобильный", "đt", "sđt",
        }
    ),
)  # fmt: skip
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
        re.compile(rb"0(?<![\w.:/+-]0)(?:\d{1,4}[ ./-]\d[\d .-]{3,14}\d|[1-9]\d{7,11}(?!\w))"),
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
_PHONE_IN_WINDOW = re.compile(r"(?<![\w.])\+?\(?\d[\d ().-]{5,20}\d(?!\w|[.:]\d)")
_DATE_LIKE = re.compile(
    r"(?<!\d)(?:(?:19|20)\d\d[-./ ](?:0?[1-9]|1[0-2])[-./ ](?:0?[1-9]|[12]\d|3[01])"
    r"|(?:0?[1-9]|[12]\d|3[01])[-./ ](?:0?[1-9]|1[0-2])[-./ ](?:19|20)?\d\d)(?!\d)"
)
_LAST_GROUP = re.compile(r"[ .-]+\(?\d+\)?\Z")


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
        found = _PHONE_IN_WINDOW.search(text, end, end + 40)
        if found:
            yield found.start(), found.end(), "keyword"


_IBAN_GROUPS_BEFORE = re.compile(r"(?<!\w)[A-Z]{2}\d\d(?: [A-Z0-9]{4}){0,7} \Z")


def _inside_iban_groups(text: str, start: int) -> bool:
    """Whether ``start`` follows the first groups of a spaced IBAN (``GB08 RZQC 0098 …``)."""
    return _IBAN_GROUPS_BEFORE.search(text, max(0, start - 40), start) is not None


def _phone_context_ok(text: str, start: int, end: int, evidence: str) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    refused_before = "_." if evidence != "shape" else "_.:/-"
    if before.isalnum() or before in refused_before or after.isalnum() or after in "_/":
        return False
    if evidence == "shape" and before in " -" and text[start - 2 : start - 1].isdigit():
        return False  # the tail of a longer run of numbers
    if before == " " and _inside_iban_groups(text, start):
        return False
    return not (after in ".:-" and text[end + 1 : end + 2].isdigit())


def _phone_shape_ok(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    if not 7 <= len(digits) <= 15 or _DATE_LIKE.search(candidate):
        return False
    if "." in candidate:
        groups = re.split(r"[ .()-]+", candidate.strip("+()"))
        return all(len(group) >= 3 for group in groups[1:])
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
    one in one of :data:`PHONE_REGIONS`; an international one written in groups also when it
    only has a possible length.

    ``is_valid_number`` visits every region sharing a country code (25 share +1), loading and
    compiling each one's patterns the first time. Each number is first checked in the one
    region it most likely belongs to, and only a number valid in none of those is checked in
    full, so a process that meets a few numbers pays for a few regions. A national number is
    parsed first only where its digits could be valid (:func:`_national_shape`)."""
    lib = _phonenumbers()
    national = not candidate.startswith("+")
    regions: tuple[str | None, ...] = PHONE_REGIONS if national else (None,)
    digits = re.sub(r"\D", "", candidate) if national and candidate.isascii() else None
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
    return grouped and any(lib.is_possible_number(number) for number in numbers)


def _phones(text: str) -> Iterator[Span]:
    seen: set[int] = set()
    for start, run_end, evidence in _phone_candidates(text):
        if start in seen:
            continue
        end = run_end
        for _ in range(8):  # a greedy run may have taken numbers that follow the phone
            candidate = text[start:end]
            if (
                _phone_context_ok(text, start, end, evidence)
                and _phone_shape_ok(candidate)
                and _is_phone(candidate, evidence)
            ):
                seen.add(start)
                yield Span(start, end, "phone")
                break
            last_group = _LAST_GROUP.search(candidate)
            if last_group is None:
                break
            end = start + last_group.start()


# --- payment cards and IBANs --------------------------------------------------------------

# A run of 13-19 digits, maybe grouped by single spaces or dashes, in the digit shape.
_CARD_SHAPE = re.compile(rb"0000(?<![\w.-]0000)(?<!0[ -]0000)(?=((?:[ -]?0){9,15}))\1(?![\w.:-])")
# A card printed the way cards are: 4-4-4-4(-3) or American Express's 4-6-5.
_CARD_ANCHOR = _anchors.pattern(rb"[0-9]{4}(?:[ \-]?[0-9]){9}")
# The same over the Latin-1 view, for Hyperscan's starts: no shape view to build. A word
# character there is what the shape view turns into one: the upper half of Latin-1 too.
_CARD_AT_ANCHOR = re.compile(
    rb"\d{4}(?<![\w\x80-\xff.-]\d{4})(?<!\d[ -]\d{4})(?=((?:[ -]?\d){9,15}))\1(?![\w\x80-\xff.:-])"
)
_CARD_GROUPS = re.compile(r"\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{3})?|\d{4}([ -])\d{6}\2\d{5}")
_TRAILING_GROUP = re.compile(r"[ -]\d{1,4}\Z")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


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
        if _inside_iban_groups(text, start):
            continue
        candidate = text[start:end]
        if not _is_card(candidate):
            # "4111 1111 1111 1111 2 items": a card printed in groups, then another number.
            trailing = _TRAILING_GROUP.search(candidate)
            if trailing is None or not _CARD_GROUPS.fullmatch(candidate, 0, trailing.start()):
                continue
            end = start + trailing.start()
            if not _is_card(text[start:end]):
                continue
        yield Span(start, end, "card")


def _is_card(candidate: str) -> bool:
    digits = candidate.replace(" ", "").replace("-", "")
    if len(set(candidate) - set(digits)) > 1 or not 13 <= len(digits) <= 19:
        return False
    return _issuer_ok(digits) and _luhn_ok(digits)


_IBAN_SHAPE = re.compile(rb"AA00(?<![\w]AA00)(?: ?[A0]){11}")
_IBAN_ANCHOR = _anchors.pattern(rb"[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11}")
_IBAN_AT_ANCHOR = re.compile(rb"[A-Z]{2}\d\d(?<![\w\x80-\xff][A-Z]{2}\d\d)(?: ?[A-Z0-9]){11}")
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
    """End of an IBAN of ``length`` characters (single spaces allowed) starting at ``start``."""
    count, index = 0, start
    while count < length and index < len(text):
        char = text[index]
        if char == " " and count and text[index + 1 : index + 2].isalnum():
            index += 1
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


def _ibans(text: str) -> Iterator[Span]:
    found = _anchors.matches(
        text, _IBAN_ANCHOR, _IBAN_SHAPE, view=_views.shape, at_anchor=_IBAN_AT_ANCHOR
    )
    for match in found:
        start = match.start()
        length = _IBAN_LENGTHS.get(text[start : start + 2])
        end = _iban_end(text, start, length) if length else None
        if end is not None and _mod97_ok(text[start:end].replace(" ", "")):
            yield Span(start, end, "iban")


# --- national identifiers ---------------------------------------------------------------

_SSN_DASHED = re.compile(rb"-(?<=\d{3}-)\d\d-\d{4}(?![\w-])")
_SSN_ANCHOR = _anchors.pattern(rb"[0-9]{3}-[0-9]{2}-[0-9]{4}", 11)
_SSN_KEYWORDS = _Keywords(("ssn", "social security", "soc sec"), frozenset({"ssn"}))
_SSN_IN_WINDOW = re.compile(r"(?<![\w-])\d{3}([ -]?)\d\d\1\d{4}(?![\w-])")
_PASSPORT_KEYWORDS = _Keywords(
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
        return not _DATE_LIKE.search(token)
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


RULES: tuple[Rule, ...] = (
    _FinderRule("email", 330, _emails),
    _FinderRule("phone", 96, _phones),
    _FinderRule("ipv4", 40, _ipv4s),
    _FinderRule("ipv6", 96, _ipv6s),
    _FinderRule("mac", 24, _macs),
    _FinderRule("card", 32, _cards),
    _FinderRule("iban", 48, _ibans),
    _FinderRule("ssn", 96, _ssns),
    _FinderRule("passport", 96, _passports),
)
