"""Postal addresses after their labels, as shops, help desks and sign-up forms log them: where a
person lives or has parcels sent. ``"shipping_address": "221B Baker Street, London"``,
``billing address: 1600 Amphitheatre Parkway, …``, an address object's ``"line1"`` and
``"line2"``, ``"street": "Hauptstraße 5"``, and the labels of other languages (``Adresse``,
``Anschrift``, ``dirección``, ``endereço``, ``indirizzo``, ``адрес``, ``住所``, ``地址``, ``주소``,
``địa chỉ``, ``alamat``, ``anwani``); and in a sentence, where someone says where they live or
want a parcel ("I live at 12 Baker Street", "ship to …", "ich wohne in der Hauptstraße 5"), the
street. The city, postal code and country on their own stay: they place a person no closer than
a city-level coordinate does.

"Address" alone names a network's, a memory's or a mailbox's address as often as a home's, so
after it the value must have a street's shape: a house number and a street's word (``Street``,
``Way``, ``rue``, ``Calle``, ``ул.``, ``Jl.``), or a house number before a capitalized name and
a comma. A label with another qualifier (``ip_address``, ``Server Address``, ``IP-Adresse``,
``服务器地址``) is not a home's, and a value without a digit, with an ``@``, a URL or ``0x`` in it,
is not one either.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from supportkit.redaction import _anchors
from supportkit.redaction._rule import FieldCheck, Rule, Span
from supportkit.redaction.rules._finders import FieldFinderRule, each_of
from supportkit.redaction.rules._text import is_trivial

__all__ = ["RULES"]

_LABELS = _anchors.words(
    ("address", "adres", "anschrift", "street", "straße", "strasse", "line1", "line2", "line_1",
     "line_2", "dirección", "direccion", "domicilio", "endereço", "endereco", "indirizzo",
     "alamat", "anwani", "dia chi", "địa chỉ", "адрес", "地址", "住址", "住所", "주소")
)  # fmt: skip
_CJK_LABELS = ("地址", "住址", "住所", "주소")
# Every word of a postal address's label is one of these: "shipping_address", "Your address",
# "addressLine1", "Lieferadresse". Any other ("ip", "server", "email", "wallet") names
# another kind of address.
_BARE_LABEL_WORDS = frozenset(
    {"address", "adresse", "adres", "adresa", "dirección", "direccion", "endereço",
     "endereco", "indirizzo", "alamat", "anwani", "dia", "chi", "địa", "chỉ", "адрес"}
)  # fmt: skip
_POSTAL_LABEL_WORDS = frozenset(
    {"street", "straße", "strasse", "line", "1", "2", "3", "shipping", "ship", "billing", "bill",
     "mailing", "home", "postal", "residential", "residence", "delivery", "customer", "user",
     "contact", "recipient", "your", "my", "current", "permanent", "primary", "full", "work",
     "office", "business", "company", "legal", "registered", "correspondence", "anschrift",
     "domicilio", "lieferadresse", "rechnungsadresse", "wohnadresse", "postadresse",
     "privatadresse", "lieferanschrift", "rechnungsanschrift", "wohnanschrift", "to"}
)  # fmt: skip
_LABEL_WORDS = _BARE_LABEL_WORDS | _POSTAL_LABEL_WORDS
# Labels whose every word is generic ("address", "Adresse") need a street's shape after them.
_QUALIFIED = _POSTAL_LABEL_WORDS - {"user", "your", "my", "current", "full", "to"}
# What stands before 地址 or 住所 when it is not a home's: a server's, a mailbox's, a memory's.
_NOT_HOME_CJK = (
    "服务器", "服務器", "邮件", "邮箱", "郵件", "网络", "網路", "物理", "内存", "記憶體", "网关",
    "代理", "服务", "主机", "节点", "钱包", "合约", "网页", "链接", "回调", "接口", "メール",
    "サーバー", "サーバ", "이메일", "서버",
)  # fmt: skip

_KEY_REST = re.compile(r"[\w-]{0,40}")
# After the label: a separator, maybe after a quote (escaped too, as JSON inside a string has
# it), or an XML element's ">".
_SEPARATOR = re.compile(r"""\\{0,3}["']?[ \t]{0,8}[:=：][ \t]{0,8}|>(?=[^<>\r\n]{2,200}</)""")
_QUOTED = re.compile(r"""(\\{0,3}["'])((?:[^"'\\\r\n]|\\[nrt/]|\\u[0-9A-Fa-f]{4}){2,200})\1""")
_XML_TEXT = re.compile(r"[^<>\r\n]{2,200}(?=</)")
_UNQUOTED = re.compile(r"""[^\s"'&;|<>{}\[\]][^\r\n\t"&;|<>{}\[\]]{1,199}""")
_NEXT_KEY = re.compile(r"\s[\w.-]{1,40}[:=]")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[^\W\d_])(?=\d)")
_LETTER_WORDS = re.compile(r"[^\W\d_]{2,}")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# A street's word, in the languages whose labels are read: Street, Rd, rue, Straße, Calle, ул.
_STREET_WORDS = frozenset(
    {"street", "st", "road", "rd", "avenue", "ave", "av", "lane", "ln", "drive", "dr",
     "boulevard", "blvd", "way", "court", "ct", "place", "pl", "parkway", "pkwy", "square", "sq",
     "terrace", "highway", "hwy", "close", "crescent", "suite", "apt", "apartment", "flat",
     "floor", "unit", "po", "box", "rue", "chemin", "impasse", "allée", "quai", "cedex",
     "straße", "strasse", "str", "weg", "gasse", "platz", "allee", "ring", "damm", "ufer",
     "via", "viale", "piazza", "corso", "calle", "avenida", "paseo", "plaza", "carrera", "rua",
     "travessa", "praça", "ulica", "ul", "улица", "ул", "проспект", "пр", "переулок", "пер",
     "шоссе", "дом", "кв", "straat", "laan", "gracht", "plein", "đường", "phố", "quận",
     "phường", "jl", "jalan", "mtaa", "barabara"}
)  # fmt: skip
# German streets are compounds: Hauptstraße, Bahnhofstr., Rosenweg.
_STREET_ENDINGS = ("straße", "strasse", "str.", "weg", "gasse", "platz", "allee", "damm")
_COMPOUND_STREETS = tuple(ending.rstrip(".") for ending in _STREET_ENDINGS)


def _compound_street(word: str) -> bool:
    """Whether the lower-case ``word`` is a German street's name: a name and a street's word
    as one word, the name at least four letters long (Rosenweg, not Norweg)."""
    ending = next((end for end in _COMPOUND_STREETS if word.endswith(end)), None)
    return ending is not None and len(word) - len(ending) >= 4


# A house number before a capitalized name, then a comma: "42 Wallaby Way, Sydney".
_NUMBER_FIRST = re.compile(r"\d{1,6}[A-Za-z]?(?:[-/]\d{1,5}[A-Za-z]?)?,? [^\W\d_][^,]{1,60},")


def _label_words(label: str) -> list[str]:
    if label.isalpha() and label[1:].islower():
        return [label.lower()]  # most labels: "address", "Server"
    return _CAMEL.sub(" ", label).replace("_", " ").replace("-", " ").lower().split()


def _needs_street(text: str, at: int, end: int) -> bool | None:
    """Whether a value must have a street's shape after the label that holds the anchor at
    ``at`` and ends at ``end``; None when the label names another kind of address."""
    start = at
    while start > 0 and at - start < 40 and (text[start - 1].isalnum() or text[start - 1] in "_-"):
        start -= 1
    key = text[start:end]
    if start == at and text[at - 1 : at] == " ":  # "billing address", "Server Address"
        before = start - 1
        while before > 0 and start - before < 21 and text[before - 1].isalpha():
            before -= 1
        if before < start - 1 and not (before and text[before - 1].isalnum()):
            key = text[before:end]
    return _label_needs_street(key)


@functools.lru_cache(maxsize=4096)  # a log repeats its few labels ("Server Address") often
def _label_needs_street(key: str) -> bool | None:
    """Whether a value must have a street's shape after the label ``key``; None when it names
    no postal address."""
    if key.endswith(_CJK_LABELS):
        if not key.isalpha() or any(char.isascii() for char in key):
            return None
        return None if any(word in key for word in _NOT_HOME_CJK) else False
    words = _label_words(key)
    if not words or not _LABEL_WORDS.issuperset(words):
        return None
    if "line" in words and {"1", "2", "3"}.isdisjoint(words):
        return None
    return _QUALIFIED.isdisjoint(words)


def _value(text: str, at: int) -> tuple[int, int] | None:
    if text[at - 1 : at] == ">":
        element = _XML_TEXT.match(text, at)
        return element.span() if element is not None else None
    quoted = _QUOTED.match(text, at)
    if quoted is not None:
        return quoted.span(2)
    unquoted = _UNQUOTED.match(text, at)
    if unquoted is None:
        return None
    value = unquoted.group()
    next_key = _NEXT_KEY.search(value)
    if next_key is not None:
        value = value[: next_key.start()]
    value = value.rstrip(" .,")
    return (at, at + len(value)) if value else None


def _postal(value: str, *, needs_street: bool) -> bool:
    if not any(char.isdigit() for char in value) or is_trivial(value):
        return False
    lowered = value.lower()
    if "@" in value or "://" in value or "0x" in lowered or "${" in value or "%s" in value:
        return False
    if len(_CJK.findall(value)) >= 2:
        return True
    words = _LETTER_WORDS.findall(lowered)
    if not words:
        return False
    street = not _STREET_WORDS.isdisjoint(words) or any(_compound_street(w) for w in words)
    if not needs_street:  # a postal label: any capitalized name ("Street: 5 cars" is prose)
        return street or value != lowered
    return street or (
        _NUMBER_FIRST.match(value) is not None and value.split(" ", 2)[1][:1].isupper()
    )


def _addresses(text: str) -> Iterator[Span]:
    seen: set[int] = set()  # "address_line_1" holds two anchors of one label
    for anchor in _LABELS:
        for at in _anchors.starts(text, anchor):
            rest = _KEY_REST.match(text, at + anchor.width)
            end = rest.end() if rest is not None else at + anchor.width
            separator = _SEPARATOR.match(text, end)
            if separator is None:
                continue  # "Address already in use", a URL's /address/
            needs_street = _needs_street(text, at, end)
            if needs_street is None:
                continue
            value = _value(text, separator.end())
            if value is None or value[0] in seen:
                continue
            if _postal(text[value[0] : value[1]], needs_street=needs_street):
                seen.add(value[0])
                yield Span(value[0], value[1], "address")


# In a sentence, where someone says where they live or want a parcel: "I live at 12 Baker
# Street", "please ship to 1600 Amphitheatre Parkway", "ich wohne in der Hauptstraße 5". The
# street alone is taken: a house number and capitalized words up to a street's word, or a
# street's name (a street's word in it) and its number; the city after it stays.
_SAID = _anchors.AnchorSet(_anchors.words(
    ("live at", "living at", "lives at", "my address is", "our address is", "ship to",
     "ship it to", "deliver to", "deliver it to", "send it to", "wohne in der", "wohne in",
     "wohne am", "j'habite au", "j'habite", "vivo en la", "vivo en", "moro na", "moro em")
))  # fmt: skip
_WORD = r"[^\W\d_][\w'’.-]{0,40}"
_NUMBER = r"\d{1,6}[A-Za-z]?"
_SAID_NUMBER_FIRST = re.compile(
    rf"[ \t]{{1,4}}({_NUMBER}(?:,?[ \t]{_WORD}){{1,5}}(?:[ \t]{_NUMBER}(?!\w))?)"
)
_UNIT_WORDS = frozenset({"apt", "apartment", "suite", "unit", "flat", "floor", "box"})
_SAID_NAME_FIRST = re.compile(rf"[ \t]{{1,4}}({_WORD}(?:[ \t]{_WORD}){{0,3}}[ \t]{_NUMBER})\b")


def _said_addresses(text: str) -> Iterator[Span]:
    for anchor, at in _SAID.each_start(text):
        if at and text[at - 1].isalpha():
            continue  # "deliver to" inside a longer word
        end = at + anchor.width
        if (found := _SAID_NUMBER_FIRST.match(text, end)) is not None:
            if (street := _number_first_street(found.group(1))) is not None:
                yield Span(found.start(1), found.start(1) + street, "address")
        elif (found := _SAID_NAME_FIRST.match(text, end)) is not None:
            words = found.group(1).split()
            if words[0][:1].isupper() and any(_street_word(word) for word in words[:-1]):
                yield Span(found.start(1), found.end(1), "address")


_TOKEN = re.compile(r"[^\s,]+(,?)")


def _number_first_street(said: str) -> int | None:
    """How much of ``said`` (a house number and the words after it) is the street: up to its
    street's word ("12 Baker Street"), or, when that word comes right after the number
    ("12 rue de Rivoli"), up to a comma; None when no street's word is there."""
    words = list(_TOKEN.finditer(said))
    if not (_street_word(words[1].group()) or words[1].group()[:1].isupper()):
        return None
    streets = [index for index, word in enumerate(words) if index and _street_word(word.group())]
    if not streets:
        return None
    last = streets[-1]
    if last == 1:  # the name after the street's word, to the end of the clause
        last = next((index for index, word in enumerate(words) if word.group(1)), len(words) - 1)
    elif words[last].group().lower().rstrip(".") in _UNIT_WORDS and last + 1 < len(words):
        last += 1  # its number: "Apt 4", "Suite 200"
    return len(said[: words[last].end() - len(words[last].group(1))].rstrip("."))


def _street_word(word: str) -> bool:
    lowered = word.lower().rstrip(",")
    return lowered.rstrip(".") in _STREET_WORDS or lowered.endswith(_STREET_ENDINGS)


def _address_field(key: str) -> FieldCheck | None:
    """In a structure, the key is the label: {"line1": "12 Baker Street"}, and after a bare
    {"address": …} a street's shape."""
    needs_street = _label_needs_street(key)
    if needs_street is None:
        return None
    return _street_value if needs_street else _address_value


@functools.lru_cache(maxsize=4096)  # a column or a key repeats its values
def _address_value(value: str) -> str | None:
    return "address" if _postal(value, needs_street=False) else None


@functools.lru_cache(maxsize=4096)  # a column or a key repeats its values
def _street_value(value: str) -> str | None:
    return "address" if _postal(value, needs_street=True) else None


RULES: tuple[Rule, ...] = (
    FieldFinderRule(
        "postal-address", 320, each_of(_addresses, _said_addresses), field=_address_field
    ),
)
