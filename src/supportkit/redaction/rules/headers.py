"""Authorization headers, loose Bearer and Basic credentials, cookie values, and the
credentials of SMTP AUTH exchanges."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from supportkit.redaction import _anchors
from supportkit.redaction._rule import Category, Rule, Span
from supportkit.redaction.rules._text import (
    SIGNED_SCHEMES,
    TOKEN_CHARS,
    WORD_CHARS,
    base64_bytes,
    closing_quote,
    end_of_line,
    go_list_values,
    is_trivial,
    mixed,
    word_starts,
)

__all__ = ["RULES"]


# A value may be a Python bytes literal (``'Authorization': b'…'``, as botocore logs headers)
# or f-string (``f"Bearer {token}"``, in code a traceback quotes), or a JavaScript template
# literal (``Authorization: `Bearer ${token}```).
_HEADER_SEP = re.compile(r"""(["']?)[ \t]{0,4}([:=])[ \t]{0,4}(?:[bf](?=["']))?(["'`]?)""")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9-]{0,31}[ \t]{1,4}(?=\S)")
# A scheme with no credential after it: "Authorization: Bearer" says the token was missing.
_SCHEME_ALONE = re.compile(r"(?i:bearer|basic|token|digest|negotiate|ntlm|dpop)")


def _header_value(text: str, name_start: int, name_end: int) -> tuple[int, int] | None:
    """Where the value of a header-like ``name: value`` / ``"name": "value"`` ends, or None."""
    sep = _HEADER_SEP.match(text, name_end)
    if sep is None:
        return None
    start = sep.end()
    outer = text[name_start - 1] if name_start > 0 and text[name_start - 1] in "\"'" else ""
    quote = sep.group(3) or ("" if sep.group(1) else outer)
    line_end = end_of_line(text, start)
    if not quote and text[start : start + 1] == "[" and sep.group(2) == ":":
        return go_list_values(text, start)
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
                if _SIGNED.fullmatch(scheme.group().rstrip()):
                    yield from self._signed(text, start, end)
                    continue
                if _ONE_WORD_SCHEME.fullmatch(scheme.group().rstrip()) and _logfmt(text, start):
                    end = _word_end(text, start, end)
            credential = text[start:end]
            if credential and not (is_trivial(credential) or _SCHEME_ALONE.fullmatch(credential)):
                yield Span(start, end, self.kind)

    def _signed(self, text: str, start: int, end: int) -> Iterator[Span]:
        """A signed request's header names the key and carries its signature; the scope
        (date, region, service) and the signed headers' names are what a report needs."""
        for part in _SIGNED_PARTS.finditer(text, start, end):
            group = part.lastindex or 1
            if not is_trivial(part.group(group)):
                yield Span(part.start(group), part.end(group), self.kind)


# Schemes whose credential is one word. Written key=value among other fields (logfmt, gRPC
# metadata: "authorization=Bearer x user=ana"), the credential ends at the next blank.
_ONE_WORD_SCHEME = re.compile(r"(?i:bearer|basic|token|dpop)")
_KEY_BEFORE = re.compile(r"[ \t]*[\w.-]{1,64}=")


def _logfmt(text: str, start: int) -> bool:
    """Whether the credential at ``start`` was given as ``authorization=…``, not as a header."""
    name_end = text.rfind("=", max(0, start - 48), start)
    return name_end > 0 and text[name_end - 13 : name_end].lower() == "authorization"


def _word_end(text: str, start: int, end: int) -> int:
    """The end of the word at ``start``: where a blank starts another ``key=`` field."""
    blank = start
    while blank < end and text[blank] not in " \t":
        blank += 1
    return blank if _KEY_BEFORE.match(text, blank, end) else end


# A signed request's scheme (AWS4-HMAC-SHA256 …): only the key id and the signature go.
_SIGNED = re.compile(SIGNED_SCHEMES + "-HMAC-SHA256")
_SIGNED_PARTS = re.compile(r"Credential=([^/,\s]{1,128})|Signature=([0-9A-Fa-f]{16,128})")


_LOOSE_TOKEN = re.compile(r"[ \t]{1,3}([A-Za-z0-9._~+/-]{8,4096}=*)(?![A-Za-z0-9._~+/=-])")


def _is_basic_credential(value: str) -> bool:
    return b":" in (base64_bytes(value) or b"")


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
        har = _NAME_THEN_VALUE.match(text, name_end)
        if har is not None and text[name_start - 1 : name_start] == har.group(1):
            start, quote = har.end(), har.group(3)
            return start, closing_quote(text, start, quote, end_of_line(text, start))
        if text.startswith("--", name_start - 2) and text[name_end : name_end + 1] == " ":
            start = name_end + 1
            quote = text[start] if text[start : start + 1] in ("'", '"') else ""
            start += len(quote)
            end = end_of_line(text, start)
            return start, closing_quote(text, start, quote, end) if quote else end
        return _header_value(text, name_start, name_end)

    def _pairs(self, text: str, start: int, end: int) -> Iterator[Span]:
        offset = start
        for separator in (*_COOKIE_SEPARATOR.finditer(text, start, end), None):
            part = text[offset : separator.start() if separator else end]
            name, equals, value = part.partition("=")
            if equals and name.strip().lower() not in _COOKIE_ATTRIBUTES:
                value_start = offset + len(name) + 1
                stripped = value.strip()
                if stripped and not is_trivial(stripped):
                    lead = len(value) - len(value.lstrip())
                    yield Span(value_start + lead, value_start + lead + len(stripped), self.kind)
            offset = separator.end() if separator else end


# A header as a name/value object, as a HAR file (a browser's network export) lists them:
# {"name": "Set-Cookie", "value": "…"}, the value maybe on the next line.
_NAME_THEN_VALUE = re.compile(r"""(["'])[ \t]*,[ \t\r\n]{0,64}(["'])value\2[ \t]*:[ \t]*(["'])""")
# Cookies end at ";", and the Set-Cookie headers a HAR file joins end at its escaped line break.
_COOKIE_SEPARATOR = re.compile(r";|\\[rn]")


# SMTP AUTH (RFC 4954) and IMAP's AUTHENTICATE as transcripts show them: ``smtplib``'s debug
# output (``send: 'AUTH PLAIN …\r\n'``), swaks (``~> …``), a raw session. PLAIN and XOAUTH2
# carry the credential in base64, on the command line or on the client's next line; LOGIN
# sends the password after the server's base64 "Password:" prompt (``334 UGFzc3dvcmQ6``;
# aiosmtpd asks ``UGFzc3dvcmQA``).
_AUTH_MECHANISMS = (
    "auth plain", "auth xoauth2", "auth oauthbearer",
    # IMAP's and POP3's SASL commands with their initial response (RFC 3501, 5034)
    "authenticate plain", "authenticate xoauth2", "authenticate oauthbearer",
)  # fmt: skip
_PASSWORD_PROMPTS = (_anchors.literal("UGFzc3dvcmQ"), _anchors.literal("cGFzc3dvcmQ"))
_anchors.words(_AUTH_MECHANISMS)  # made now: the first scan looks for them too
_BASE64 = r"([A-Za-z0-9+/]{4,8192}={0,2})"
_SAME_LINE = re.compile(r"[ \t]{1,4}" + _BASE64 + r"(?![A-Za-z0-9+/=])")
_CLIENT_LINE = re.compile(
    r"[ \t]*(?:send: b?'|~> |C: |>>> |-> )?" + _BASE64 + r"(?![A-Za-z0-9+/=])"
)
_COMMAND_END = re.compile(r"[ \t]*(?:\\r\\n)?'?[ \t]*")
_SERVER_LINE = re.compile(r"[ \t]*(?:reply: |<~ |S: |<<< |<- )?b?'?[0-9]{3}[ -]|[ \t]*reply: ")


# Commands a client may send instead of its credential, giving up or moving on: base64 too.
_SMTP_VERBS = frozenset(
    {"quit", "rset", "noop", "helo", "ehlo", "help", "mail", "rcpt", "data", "auth", "vrfy", "expn"}
)


def _is_credential(value: str) -> bool:
    return value.lower() not in _SMTP_VERBS and base64_bytes(value) is not None


def _client_response(text: str, pos: int) -> Iterator[tuple[int, int]]:
    """The base64 the client sends in the lines after ``pos``, past the server's replies: one
    span at most."""
    line_start = end_of_line(text, pos) + 1
    for _ in range(4):
        if line_start >= len(text):
            return
        if text[line_start - 1] == "\r" and text[line_start : line_start + 1] == "\n":
            line_start += 1
        line_end = end_of_line(text, line_start)
        if _SERVER_LINE.match(text, line_start, line_end) is None:
            client = _CLIENT_LINE.match(text, line_start, line_end)
            if client is not None:
                yield client.span(1)
            return
        line_start = line_end + 1


@dataclass(slots=True)
class _SmtpAuthRule:
    """The base64 credential of an SMTP AUTH PLAIN, XOAUTH2 or LOGIN exchange."""

    name: str = "smtp-auth"
    kind: str = "auth"
    category: Category = "credential"
    max_span: int = 8800

    def find(self, text: str) -> Iterator[Span]:
        for start, end in self._responses(text):
            if _is_credential(text[start:end]):
                yield Span(start, end, self.kind)

    @staticmethod
    def _responses(text: str) -> Iterator[tuple[int, int]]:
        """Where the client's base64 stands: after an AUTH command, on its line or the next
        client line, and on the client line after a password prompt."""
        for pos, mechanism in _keyword_hits(text, _AUTH_MECHANISMS):
            end = pos + len(mechanism)
            if end < len(text) and text[end] in WORD_CHARS:
                continue
            same_line = _SAME_LINE.match(text, end)
            if same_line is not None:
                yield same_line.span(1)
            elif _COMMAND_END.fullmatch(text, end, end_of_line(text, end)):
                yield from _client_response(text, end)  # it follows the server's 334 reply
        for prompt in _PASSWORD_PROMPTS:
            for pos in _anchors.starts(text, prompt):
                yield from _client_response(text, pos)


RULES: tuple[Rule, ...] = (_AuthorizationRule(), _BearerRule(), _CookieRule(), _SmtpAuthRule())
