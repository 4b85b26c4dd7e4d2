"""Authorization headers, loose Bearer and Basic credentials, and cookie values."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator
from dataclasses import dataclass

from supportkit.redaction._rule import Category, Rule, Span
from supportkit.redaction.rules._text import (
    TOKEN_CHARS,
    WORD_CHARS,
    closing_quote,
    end_of_line,
    is_trivial,
    mixed,
    word_starts,
)

__all__ = ["RULES"]


_HEADER_SEP = re.compile(r"""(["']?)[ \t]{0,4}([:=])[ \t]{0,4}(["']?)""")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9-]{0,31}[ \t]{1,4}(?=\S)")


def _header_value(text: str, name_start: int, name_end: int) -> tuple[int, int] | None:
    """Where the value of a header-like ``name: value`` / ``"name": "value"`` ends, or None."""
    sep = _HEADER_SEP.match(text, name_end)
    if sep is None:
        return None
    start = sep.end()
    outer = text[name_start - 1] if name_start > 0 and text[name_start - 1] in "\"'" else ""
    quote = sep.group(3) or ("" if sep.group(1) else outer)
    line_end = end_of_line(text, start)
    end = closing_quote(text, start, quote, line_end) if quote else line_end
    while end > start and text[end - 1] in " \t,;":
        end -= 1
    return (start, end) if end > start else None


def _keyword_hits(text: str, words: tuple[str, ...]) -> Iterator[tuple[int, str]]:
    for word in words:
        for pos in word_starts(text, word):
            yield pos, word


@dataclass(slots=True)
class _AuthorizationRule:
    """``Authorization: Bearer x`` in headers, curl ``-H`` arguments and JSON: the scheme stays."""

    name: str = "authorization-header"
    kind: str = "auth"
    category: Category = "credential"
    max_span: int = 4200

    def find(self, text: str) -> Iterator[Span]:
        for pos in word_starts(text, "authorization"):
            name_end = pos + 13
            if name_end < len(text) and text[name_end] in WORD_CHARS:
                continue
            value = _header_value(text, pos, name_end)
            if value is None:
                continue
            start, end = value
            scheme = _SCHEME.match(text, start, end)
            if scheme is not None:
                start = scheme.end()
            if start < end and not is_trivial(text[start:end]):
                yield Span(start, end, self.kind)


_LOOSE_TOKEN = re.compile(r"[ \t]{1,3}([A-Za-z0-9._~+/-]{8,4096}=*)(?![A-Za-z0-9._~+/=-])")


def _is_basic_credential(value: str) -> bool:
    try:
        decoded = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return False
    return b":" in decoded


@dataclass(slots=True)
class _BearerRule:
    """``Bearer <token>`` and ``Basic <base64 user:pass>`` outside an Authorization header."""

    name: str = "bearer-token"
    kind: str = "auth"
    category: Category = "credential"
    max_span: int = 4120

    def find(self, text: str) -> Iterator[Span]:
        for pos, word in _keyword_hits(text, ("bearer", "basic")):
            match = _LOOSE_TOKEN.match(text, pos + len(word))
            if match is None:
                continue
            value = match.group(1)
            secret = _is_basic_credential(value) if word == "basic" else mixed(value)
            if secret:
                yield Span(match.start(1), match.end(1), self.kind)


_COOKIE_ATTRIBUTES = frozenset(
    {"path", "domain", "expires", "max-age", "samesite", "secure", "httponly", "priority"}
)
_COOKIE_NAMES = ("set-cookie", "cookie", "cookies")


@dataclass(slots=True)
class _CookieRule:
    """``Cookie`` and ``Set-Cookie`` values; cookie names and attributes are kept."""

    name: str = "cookie"
    kind: str = "cookie"
    category: Category = "credential"
    max_span: int = 4200

    def find(self, text: str) -> Iterator[Span]:
        last = -1
        for pos in word_starts(text, "cookie"):
            name_start = pos - 4 if text[max(0, pos - 4) : pos].lower() == "set-" else pos
            name_end = pos + 6 + (text[pos + 6 : pos + 7] in ("s", "S"))
            if name_start <= last or (name_end < len(text) and text[name_end] in TOKEN_CHARS):
                continue
            value = self._value(text, name_start, name_end)
            if value is not None:
                last = value[1]
                yield from self._pairs(text, *value)

    @staticmethod
    def _value(text: str, name_start: int, name_end: int) -> tuple[int, int] | None:
        if text.startswith("--", name_start - 2) and text[name_end : name_end + 1] == " ":
            start = name_end + 1
            quote = text[start] if text[start : start + 1] in ("'", '"') else ""
            start += len(quote)
            end = end_of_line(text, start)
            return start, closing_quote(text, start, quote, end) if quote else end
        return _header_value(text, name_start, name_end)

    def _pairs(self, text: str, start: int, end: int) -> Iterator[Span]:
        offset = start
        for part in text[start:end].split(";"):
            name, equals, value = part.partition("=")
            if equals and name.strip().lower() not in _COOKIE_ATTRIBUTES:
                value_start = offset + len(name) + 1
                stripped = value.strip()
                if stripped and not is_trivial(stripped):
                    lead = len(value) - len(value.lstrip())
                    yield Span(value_start + lead, value_start + lead + len(stripped), self.kind)
            offset += len(part) + 1


RULES: tuple[Rule, ...] = (_AuthorizationRule(), _BearerRule(), _CookieRule())
