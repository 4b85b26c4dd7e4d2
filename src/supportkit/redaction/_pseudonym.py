"""Consistent placeholders: the same value gets the same ``<kind-n>`` throughout a bundle.

"The same user hit this twice" survives redaction, the value does not. Values are looked up by
their HMAC under a key that lives only in this object, so the table holds no raw values and is
never written anywhere. A host that wants to correlate reports across bundles passes a stable
key; placeholders then carry the first 8 hex digits of that HMAC (``<email-3f9a1c2b>``) instead
of a per-bundle counter.

A value is looked up by its canonical form, so one person's address or card written two ways
(``Ana@Example.org`` and ``ana%40example.org``; ``4111 1111 1111 1111`` and
``4111111111111111``; ``+1 415-555-2671`` and ``(415) 555-2671``) still gets one placeholder.

Secrets that rules find by where they stand share one numbering: a session id that is a cookie
in one place and a ``session_id=`` in another is ``<cookie-4>`` and ``<secret-4>``, a password
after ``password=`` and after ``Passwort:`` is ``<secret-2>`` and ``<password-2>``.
"""

from __future__ import annotations

import functools
import hmac
import ipaddress
import re
import secrets
import threading
import unicodedata
from collections.abc import Callable

from supportkit.redaction.rules._text import url_decoded

__all__ = [
    "FAILED_PLACEHOLDER",
    "Pseudonymizer",
    "canonical",
    "safe_kind",
    "without_placeholders",
]

FAILED_PLACEHOLDER = "<redaction-failed>"
_KIND = re.compile(r"[a-z0-9][a-z0-9-]{0,31}")
_PLACEHOLDER = re.compile(r"<[a-z0-9][a-z0-9-]{0,31}-(?:[0-9]+|[0-9a-f]{8})>")


def without_placeholders(text: str) -> str:
    """``text`` with each placeholder blanked out, to look for what survived redaction: a short
    value (a card's three-digit CVV) can match a placeholder's number (``<secret-123>``)."""
    return _PLACEHOLDER.sub(" ", text)


_NOT_DIGITS = re.compile(r"\D+")
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")


def _digits(value: str) -> str:
    return _NOT_DIGITS.sub("", value)


def _alphanumeric_upper(value: str) -> str:
    return _NOT_ALPHANUMERIC.sub("", value).upper()


def _email(value: str) -> str:
    # Mailbox names are case-insensitive in practice, whatever RFC 5321 allows.
    return url_decoded(value).casefold()


def _mac(value: str) -> str:
    return _NOT_ALPHANUMERIC.sub("", value).lower()


@functools.lru_cache(maxsize=1024)
def _ipv6(value: str) -> str:
    try:
        return ipaddress.IPv6Address(value).compressed
    except ValueError:
        return value.lower()


def _phone(value: str) -> str:
    from supportkit.redaction.rules.phones import (  # noqa: PLC0415  (loads phonenumbers)
        significant_digits,
    )

    return significant_digits(value)


# How each built-in kind of personal data or secret is spelt when its spellings differ only in
# case, grouping or encoding. Other kinds (user names in paths among them: Linux tells ``Ana`` from
# ``ana``) are taken as written.
def _steam_id(value: str) -> str:
    from supportkit.redaction.rules.game_accounts import steam_account_number  # noqa: PLC0415

    try:
        account = steam_account_number(value)
    except ValueError:  # not an id the rule found: a host rule's, named the same
        return value
    return value if account is None else str(account)


def _ipv4(value: str) -> str:
    """Dotted without leading zeros, as a host name may hold it: 73-15-22-8, 073015022008,
    073-015-022-008, 5DDC1234."""
    if len(value) == 12 and value.isdecimal():
        octets = [value[at : at + 3] for at in range(0, 12, 3)]
    elif len(value) == 8 and value.isalnum():  # hexadecimal: 5DDC1234
        return ".".join(str(int(value[at : at + 2], 16)) for at in range(0, 8, 2))
    else:
        octets = value.replace("-", ".").split(".")
    if len(octets) != 4 or not all(octet.isdecimal() for octet in octets):
        return value
    return ".".join(str(int(octet)) for octet in octets)


def _guid(value: str) -> str:
    return value.removeprefix("{").removesuffix("}").lower()


def _address(value: str) -> str:
    """As a form posts it (12+Baker+Street%2C+London) or a log prints it, in any case."""
    decoded = url_decoded(value.replace("+", " ")) if "+" in value else url_decoded(value)
    return " ".join(decoded.casefold().split())


def _birth_date(value: str) -> str:
    from supportkit.redaction.rules.birth_dates import iso_date  # noqa: PLC0415

    return iso_date(value) or value


_CANONICAL: dict[str, Callable[[str], str]] = {
    "address": _address,  # 12+Baker+Street%2C+London
    "birth-date": _birth_date,  # 1985-03-14, 14.03.1985, March 14, 1985, 1985年3月14日
    "card": _digits,
    "device-id": _guid,  # MachineGuid: with braces in one place, without in another
    "email": _email,
    "iban": _alphanumeric_upper,
    "imei": _digits,
    "ipv4": _ipv4,
    "ipv6": _ipv6,
    "mac": _mac,
    "name": str.casefold,  # a device's owner: "Olga's iPhone" is "olgas-macbook" on the network
    "national-id": _alphanumeric_upper,
    "passport": _alphanumeric_upper,
    "password": url_decoded,
    "phone": _phone,
    "secret": url_decoded,
    "ssn": _digits,
    "auth": url_decoded,
    "cookie": url_decoded,
    "vm-service-token": url_decoded,  # printed plain, and encoded in DevTools' ?uri=
    "steam-id": _steam_id,  # STEAM_0:1:…, [U:1:…] and the 64-bit id: one account
}
# Kinds numbered together, by the numbering they share.
_NUMBERING = dict.fromkeys(("secret", "password", "auth", "cookie"), "secret")


def canonical(kind: str, value: str) -> str:
    """The form ``value`` of ``kind`` is looked up by: one per value however it is written,
    full-width digits and letters (``０９０-１２３４``, typed with a Japanese or Chinese input
    method) and the digits of other scripts (``٠٩٠``) as their ASCII selves."""
    spelling = _CANONICAL.get(kind)
    if spelling is None:
        return value
    return spelling(value if value.isascii() else _ascii_digits(value))


def _ascii_digits(value: str) -> str:
    """NFKC, then digits of any script as ASCII: a phone typed as ٠٥٠١٢٣٤٥٦٧ is 0501234567."""
    value = unicodedata.normalize("NFKC", value)
    return "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in value)


@functools.lru_cache(maxsize=256)
def safe_kind(kind: str) -> str:
    """A kind fit for a placeholder; anything odd a host rule returns becomes ``redacted``."""
    kind = kind.lower()
    return kind if _KIND.fullmatch(kind) else "redacted"


_RECENT_VALUES = 4096


class Pseudonymizer:
    """Makes placeholders for one bundle. Thread-safe."""

    __slots__ = ("_counters", "_lock", "_mac", "_numbers", "_recent", "_stable")

    def __init__(self, stable_key: bytes | None = None) -> None:
        self._stable = stable_key is not None
        key = stable_key if stable_key is not None else secrets.token_bytes(32)
        # Copying a keyed MAC is cheaper than keying one (and looking up its digest) per value.
        self._mac = hmac.new(key, digestmod="sha256")
        self._numbers: dict[tuple[str, bytes], int] = {}
        self._counters: dict[str, int] = {}
        self._lock = threading.Lock()
        # Logs repeat the same few values (an address on every line), so the placeholders made
        # last are kept by the value's hash, with the same per-process key as ``hash`` has, not
        # by the value: one seen again costs a lookup rather than a MAC.
        self._recent: dict[int, str] = {}

    @property
    def stable(self) -> bool:
        """Whether placeholders are derived from a host key and so comparable across bundles."""
        return self._stable

    def placeholder(self, kind: str, value: str) -> str:
        """The placeholder for ``value`` of ``kind``: ``<email-1>`` or ``<email-3f9a1c2b>``."""
        seen = hash((kind, value))
        known = self._recent.get(seen)
        if known is not None:
            return known
        made = self._make(kind, value)
        if len(self._recent) >= _RECENT_VALUES:
            self._recent.clear()
        self._recent[seen] = made
        return made

    def _make(self, kind: str, value: str) -> str:
        kind = safe_kind(kind)
        mac = self._mac.copy()
        mac.update(canonical(kind, value).encode("utf-8", "surrogatepass"))
        digest = mac.digest()
        if self._stable:
            return f"<{kind}-{digest[:4].hex()}>"
        numbering = _NUMBERING.get(kind, kind)
        with self._lock:
            number = self._numbers.get((numbering, digest))
            if number is None:
                number = self._counters.get(numbering, 0) + 1
                self._counters[numbering] = number
                self._numbers[numbering, digest] = number
        return f"<{kind}-{number}>"

    def __repr__(self) -> str:
        mode = "stable" if self._stable else "per-bundle"
        return f"Pseudonymizer({mode}, {len(self._numbers)} values)"
