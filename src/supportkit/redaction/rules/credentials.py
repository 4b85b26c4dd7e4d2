"""Credential rules: tokens with a known shape, secret-bearing headers, keys and key-value pairs.

Every rule starts from a cheap anchor (``str.find`` of a literal such as ``AKIA`` or ``eyJ``,
or of a keyword in a lowercased copy of the text) and only then runs a bounded regex at that
position, so scanning costs about as much as a few ``str.find`` calls. A match must start at a
token boundary (the character before it is not part of the token alphabet); that makes a failed
attempt skip the whole run it scanned, which keeps adversarial input linear.

Deliberate choices (over-redaction destroys a bundle's value too):

* Twilio account SIDs (``AC`` + 32 hex) are identifiers and are kept; API key SIDs
  (``SK`` + 32 hex) are half of a key pair and are replaced. Auth tokens are caught by key name.
* Stripe publishable keys (``pk_live_``) are public by design and are kept.
* The value of a key that names a secret is replaced whatever it looks like, except values that
  cannot hold a secret: booleans, null/none, empty, integers of up to three digits, masks
  (``***``), placeholders (``<secret-1>``), variable references (``${DB_PASSWORD}``) and a few
  status words (``expired``, ``required``…). A name is secret when one of its components is
  (``DB_PASSWORD``, ``stripeSecretKey``) unless a later component makes it a property of the
  secret (``token_count``, ``password_length``, ``secret_name``).
* Long high-entropy strings are replaced only right after a secret-naming word, never anywhere:
  hashes and UUIDs elsewhere are kept.
"""

from __future__ import annotations

import base64
import binascii
import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from supportkit.redaction import _anchors
from supportkit.redaction._rule import Category, Rule, Span

__all__ = [
    "RULES",
    "is_secret_key",
    "keyword_positions",
    "secret_key_matcher",
    "secret_value_rules",
]

_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_WORD = _ALNUM | {"_"}
_TOKEN = _WORD | {"-"}


def keyword_positions(text: str, word: str) -> list[int]:
    """Starts of the lowercase ASCII ``word`` in ``text``, in any case, sorted.

    Every keyword rule searches the same chunk, so the positions are shared through
    :mod:`supportkit.redaction._anchors`.
    """
    return _anchors.starts(text, _anchors.word(word))


# Made now, so the first chunk is scanned for them with the rest.
_anchors.words(("secret", "authorization", "bearer", "basic", "cookie"))


def _word_starts(text: str, word: str) -> Iterator[int]:
    """``keyword_positions`` not preceded by a letter: ``authorization``, not ``xauthorization``."""
    for pos in keyword_positions(text, word):
        if pos == 0 or not text[pos - 1].isalpha():
            yield pos


# --- tokens with a known prefix ------------------------------------------------------------


@dataclass(slots=True)
class _PrefixRule:
    """A token that starts with a literal prefix, so the regex engine skips to it quickly.

    Each pattern is ``PREFIX(?<!X.{n})REST``: the look-behind right after the prefix rejects
    a prefix that continues a longer token, so attempts happen only at token boundaries and a
    run of near-matches (``eyJeyJeyJ…``) costs linear time. Patterns of ASCII classes run over
    the chunk's Latin-1 view (:mod:`supportkit.redaction._views`), which is faster.
    """

    name: str
    kind: str
    anchors: tuple[_anchors.Anchor, ...] = field(repr=False)
    patterns: tuple[re.Pattern[Any], ...] = field(repr=False)
    max_span: int
    category: Category = "credential"
    check: Callable[[str], bool] | None = field(default=None, repr=False)

    def find(self, text: str) -> Iterator[Span]:
        for anchor, pattern in zip(self.anchors, self.patterns, strict=True):
            for match in _anchors.matches(text, anchor, pattern):
                start, end = match.span(match.lastindex or 0)
                if self.check is None or self.check(text[start:end]):
                    yield Span(start, end, self.kind)


_TOKEN_CLASS = "A-Za-z0-9_-"  # noqa: S105  (a character class, not a password)


def _prefix(
    name: str,
    kind: str,
    prefixes: Iterable[tuple[int, str]],
    rest: str,
    max_span: int,
    *,
    before: str = _TOKEN_CLASS,
    check: Callable[[str], bool] | None = None,
    ascii_only: bool = True,
) -> _PrefixRule:
    """``prefixes``: (width, regex that always matches ``width`` characters) pairs; each is
    the anchor the rule starts from, so the longer it is the fewer false starts.

    ``ascii_only``: the pattern matches ASCII characters only, so it may run over bytes.
    """
    patterns: list[re.Pattern[Any]] = []
    anchors: list[_anchors.Anchor] = []
    for width, regex in prefixes:
        guard = f"(?<![{before}].{{{width}}})" if before else ""
        source = f"{regex}{guard}{rest}"
        patterns.append(re.compile(source.encode() if ascii_only else source))
        anchors.append(_anchors.pattern(regex.encode(), width))
    return _PrefixRule(name, kind, tuple(anchors), tuple(patterns), max_span, check=check)


def _joined(*rules: _PrefixRule, check: Callable[[str], bool]) -> _PrefixRule:
    """One rule (one name in the audit) from several whose patterns differ after the prefix."""
    return _PrefixRule(
        rules[0].name,
        rules[0].kind,
        tuple(anchor for rule in rules for anchor in rule.anchors),
        tuple(pattern for rule in rules for pattern in rule.patterns),
        max(rule.max_span for rule in rules),
        check=check,
    )


def _literal(*prefixes: str) -> list[tuple[int, str]]:
    return [(len(prefix), re.escape(prefix)) for prefix in prefixes]


def _mixed(value: str) -> bool:
    """Random keys mix letters and digits; words and runs of one character do not."""
    return any(ch.isdigit() for ch in value) and any(ch.isalpha() for ch in value)


def _mixed_case(value: str) -> bool:
    """Letters-only keys mix cases; a snake_case word after the prefix does not."""
    return not (value.islower() or value.isupper())


def _end(chars: str) -> str:
    return rf"(?![{chars}])"


_AWS_KEY_ID = _prefix(
    "aws-access-key-id",
    "aws-key",
    _literal("AKIA", "ASIA"),
    "[A-Z0-9]{16}" + _end("A-Za-z0-9"),
    20,
)
_GITHUB = _prefix(
    "github-token",
    "github-token",
    [(4, "gh[pousr]_"), *_literal("github_pat_")],
    "[A-Za-z0-9_]{36,251}" + _end("A-Za-z0-9_"),
    262,
)
_GITLAB = _prefix(
    "gitlab-token",
    "gitlab-token",
    _literal("gl"),
    "(?:pat|dt|rt|ptt|cbt|oas|soat|ffct|ft|imt|agent)-[A-Za-z0-9_-]{20,64}" + _end(_TOKEN_CLASS),
    76,
)
_SLACK = _prefix(
    "slack-token",
    "slack-token",
    [(4, "xox[abprse]"), *_literal("xapp")],
    "-[A-Za-z0-9-]{10,250}" + _end("A-Za-z0-9-"),
    255,
    check=_mixed,
)
_SLACK_WEBHOOK = _prefix(
    "slack-webhook",
    "slack-webhook",
    _literal("hooks.slack.com/"),
    "(?:services|workflows|triggers)/([A-Za-z0-9_/-]{20,200})",
    240,
    before="",
)
_STRIPE = _prefix(
    "stripe-key",
    "stripe-key",
    _literal("sk_", "rk_"),
    "(?:live|test)_[A-Za-z0-9]{10,247}" + _end("A-Za-z0-9"),
    255,
)
_STRIPE_WEBHOOK = _prefix(
    "stripe-key",
    "stripe-key",
    _literal("whsec_"),
    "[A-Za-z0-9+/=]{24,128}" + _end("A-Za-z0-9"),
    134,
)
_GOOGLE = _prefix(
    "google-api-key",
    "google-api-key",
    _literal("AIza"),
    "[A-Za-z0-9_-]{35}" + _end(_TOKEN_CLASS),
    39,
)
_ANTHROPIC = _prefix(
    "anthropic-key",
    "anthropic-key",
    _literal("sk-ant-"),
    "[A-Za-z0-9_-]{32,250}" + _end(_TOKEN_CLASS),
    257,
)
_OPENAI = _prefix(
    "openai-key",
    "openai-key",
    _literal("sk-"),
    "(?!ant-)(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,250}|[A-Za-z0-9_-]{48,250})"
    + _end(_TOKEN_CLASS),
    262,
    check=_mixed,
)
_SENDGRID = _prefix(
    "sendgrid-key",
    "sendgrid-key",
    _literal("SG."),
    r"[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}" + _end(_TOKEN_CLASS),
    100,
)
_NPM = _prefix(
    "npm-token", "npm-token", _literal("npm_"), "[A-Za-z0-9]{36}" + _end("A-Za-z0-9"), 40
)
_PYPI = _prefix(
    "pypi-token",
    "pypi-token",
    _literal("pypi-AgE"),
    "(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{40,1000}" + _end(_TOKEN_CLASS),
    1030,
)
_TWILIO = _prefix(
    "twilio-api-key",
    "twilio-key",
    [(34, "SK[0-9a-f]{32}")],  # "SK" alone starts too many words
    _end("A-Za-z0-9"),
    34,
    check=_mixed,
)
_HUGGING_FACE = _prefix(
    "huggingface-token",
    "huggingface-token",
    _literal("hf_", "api_org_"),
    "[A-Za-z0-9]{34}" + _end("A-Za-z0-9"),
    42,
    check=_mixed_case,
)
_SHOPIFY = _prefix(
    "shopify-token",
    "shopify-token",
    [(6, "shp(?:at|ca|pa|ss)_")],
    "[a-fA-F0-9]{32}" + _end("A-Za-z0-9"),
    38,
)
_DIGITALOCEAN = _prefix(
    "digitalocean-token",
    "digitalocean-token",
    [(7, "do[opr]_v1_")],
    "[a-f0-9]{64}" + _end("A-Za-z0-9"),
    71,
)
_VAULT = _prefix(
    "vault-token",
    "vault-token",
    [(4, r"hv[sb]\.")],
    "[A-Za-z0-9_-]{24,512}" + _end(_TOKEN_CLASS),
    516,
    check=_mixed,
)
_DISCORD_WEBHOOK = _prefix(
    "discord-webhook",
    "discord-webhook",
    _literal("discord.com/api/webhooks/", "discordapp.com/api/webhooks/"),
    "[0-9]{17,20}/([A-Za-z0-9_-]{60,80})" + _end(_TOKEN_CLASS),
    130,
    before="",
)
# A bot's token in a Bot API URL (https://api.telegram.org/bot<id>:<secret>/sendMessage): the
# bot id is part of the token.
_TELEGRAM_BOT = _prefix(
    "telegram-bot-token",
    "telegram-bot-token",
    _literal("/bot"),
    "([0-9]{5,16}:[A-Za-z0-9_-]{35})" + _end(_TOKEN_CLASS),
    50,
    before="",
)
_JWT = _prefix(
    "jwt",
    "jwt",
    _literal("eyJ"),
    r"[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{2,8192}\.[A-Za-z0-9_-]{0,1024}" + _end(_TOKEN_CLASS),
    13_320,
)
# curl's -u/--user/--proxy-user user:password on a command line: only the password goes. A
# user id and group (docker run -u 1000:1000) is no password.
_CLI_USER_PASSWORD = _prefix(
    "cli-user-password",
    "password",
    _literal(" -u", " -U", " --user", " --proxy-user"),
    r"[ =]?[\"']?[^\s:\"']{1,256}:([^\s\"']{1,256})",
    530,
    before="",
    check=lambda value: not (_is_trivial(value) or value.isdigit()),
    ascii_only=False,
)
# A password given to a client by a short flag, which means something else elsewhere (ssh -p is a
# port), so only after the commands where it is a password: mysql's -pPASSWORD (glued; -p alone
# prompts), sshpass -p, docker/podman/helm "login -p", redis-cli -a.
_ARGUMENTS = r"(?:[ \t]+[^\s|;&<>]{1,256}){0,16}?[ \t]+"
_FLAG_PASSWORD = r"[\"']?([^\s\"'|;&<>]{1,256})"  # noqa: S105  (a pattern, not a password)
_CLI_PASSWORD = _joined(
    _prefix("cli-password", "password", _literal("mysql", "mariadb"),
        r"[a-z_-]{0,16}" + _ARGUMENTS + "-p" + _FLAG_PASSWORD, 4_400),
    _prefix("cli-password", "password", _literal("sshpass"),
        _ARGUMENTS + r"-p[ \t]*" + _FLAG_PASSWORD, 4_400),
    _prefix("cli-password", "password", _literal(" login"),
        _ARGUMENTS + r"-p[ \t]+" + _FLAG_PASSWORD, 4_400, before=""),
    _prefix("cli-password", "password", _literal("redis-cli"),
        _ARGUMENTS + r"-a[ \t]+" + _FLAG_PASSWORD, 4_400),
    check=lambda value: not _is_trivial(value),
)  # fmt: skip
# scheme://user:password@host: only the password goes. The user part cannot hold ':' or '/',
# the password cannot hold '/' or '@', so an attempt never runs past the next '://'.
_URL_PASSWORD = _prefix(
    "url-password",
    "password",
    _literal("://"),
    r"[^\s:/?#@\"'<>]{0,256}:([^\s/?#@\"'<>]{1,256})@",
    520,
    before="",
    check=lambda value: not _is_trivial(value),
    ascii_only=False,
)


# --- AWS secret access keys, only in a secret context -----------------------------------------

_AWS_SECRET = re.compile(r"(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")
# (name, offset of "secret" in it)
_AWS_SECRET_NAMES = (
    ("secret_access_key", 0),
    ("secret-access-key", 0),
    ("secretaccesskey", 0),
    ("aws_secret", 4),
)


def _looks_like_aws_secret(value: str) -> bool:
    return (
        any(ch.isupper() for ch in value)
        and any(ch.islower() for ch in value)
        and any(ch.isdigit() or ch in "/+" for ch in value)
    )


@dataclass(slots=True)
class _AwsSecretRule:
    """A 40-character AWS secret key right after a key id or a secret-access-key name."""

    name: str = "aws-secret-access-key"
    kind: str = "aws-secret"
    category: Category = "credential"
    max_span: int = 200

    def find(self, text: str) -> Iterator[Span]:
        for start in self._contexts(text):
            line_end = text.find("\n", start)
            stop = min(start + 120, len(text) if line_end < 0 else line_end)
            match = _AWS_SECRET.search(text, start, stop)
            if match is not None and _looks_like_aws_secret(match.group()):
                yield Span(match.start(), match.end(), self.kind)

    @staticmethod
    def _contexts(text: str) -> Iterator[int]:
        for span in _AWS_KEY_ID.find(text):
            yield span.end
        for pos in keyword_positions(text, "secret"):
            for name, offset in _AWS_SECRET_NAMES:
                start = pos - offset
                if start >= 0 and text[start : start + len(name)].lower() == name:
                    yield pos - offset + len(name)
                    break


# --- PEM and OpenSSH private keys ------------------------------------------------------------

_PEM_BEGIN = re.compile(r"-----BEGIN ((?:[A-Z0-9]{1,20} ){0,3})PRIVATE KEY( BLOCK)?-----")
# A block without its END line: the BEGIN line and every base64 or header line after it.
_PEM_BODY = re.compile(
    r"(?:(?:\r?\n|\\n)(?:[A-Za-z0-9+/=]{1,128}|[A-Za-z-]{1,32}: [^\r\n]{0,256}|(?=\r?\n|\\n)))*"
)


_PEM_ANCHOR = _anchors.literal("-----BEGIN ")


@dataclass(slots=True)
class _PrivateKeyRule:
    """A whole private-key block, BEGIN to END; a truncated block up to its last base64 line."""

    name: str = "private-key"
    kind: str = "private-key"
    category: Category = "credential"
    max_span: int = 32_768

    def find(self, text: str) -> Iterator[Span]:
        next_end = -2
        resume = 0
        for pos in _anchors.starts(text, _PEM_ANCHOR):
            if pos < resume:
                continue
            begin = _PEM_BEGIN.match(text, pos)
            if begin is not None:
                if next_end < begin.end() and next_end != -1:
                    next_end = text.find("-----END ", begin.end())
                end = self._block_end(text, begin, next_end)
                yield Span(pos, end, self.kind)
                resume = end

    def _block_end(self, text: str, begin: re.Match[str], next_end: int) -> int:
        limit = begin.start() + self.max_span
        marker = f"-----END {begin.group(1)}PRIVATE KEY{begin.group(2) or ''}-----"
        if next_end >= 0 and next_end + len(marker) <= limit and text.startswith(marker, next_end):
            return next_end + len(marker)
        body = _PEM_BODY.match(text, begin.end(), limit)
        return body.end() if body is not None else begin.end()


# --- Authorization headers, Bearer/Basic credentials and cookies ---------------------------------

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
    line_end = _line_end(text, start)
    end = _closing_quote(text, start, quote, line_end) if quote else line_end
    while end > start and text[end - 1] in " \t,;":
        end -= 1
    return (start, end) if end > start else None


def _line_end(text: str, start: int, limit: int = 4096) -> int:
    stop = min(len(text), start + limit)
    for newline in ("\n", "\r"):
        found = text.find(newline, start, stop)
        if found >= 0:
            stop = found
    return stop


def _closing_quote(text: str, start: int, quote: str, stop: int) -> int:
    """Where the value quoted from ``start`` ends: past backslash-escaped quotes, and past a
    single quote written twice (YAML, SQL)."""
    pos = text.find(quote, start, stop)
    while pos > start and (
        text[pos - 1] == "\\" or (quote == "'" and text[pos + 1 : pos + 2] == "'")
    ):
        pos = text.find(quote, pos + (2 if text[pos - 1] != "\\" else 1), stop)
    return stop if pos < 0 else pos


def _keyword_hits(text: str, words: tuple[str, ...]) -> Iterator[tuple[int, str]]:
    for word in words:
        for pos in _word_starts(text, word):
            yield pos, word


@dataclass(slots=True)
class _AuthorizationRule:
    """``Authorization: Bearer x`` in headers, curl ``-H`` arguments and JSON: the scheme stays."""

    name: str = "authorization-header"
    kind: str = "auth"
    category: Category = "credential"
    max_span: int = 4200

    def find(self, text: str) -> Iterator[Span]:
        for pos in _word_starts(text, "authorization"):
            name_end = pos + 13
            if name_end < len(text) and text[name_end] in _WORD:
                continue
            value = _header_value(text, pos, name_end)
            if value is None:
                continue
            start, end = value
            scheme = _SCHEME.match(text, start, end)
            if scheme is not None:
                start = scheme.end()
            if start < end and not _is_trivial(text[start:end]):
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
            secret = _is_basic_credential(value) if word == "basic" else _mixed(value)
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
        for pos in _word_starts(text, "cookie"):
            name_start = pos - 4 if text[max(0, pos - 4) : pos].lower() == "set-" else pos
            name_end = pos + 6 + (text[pos + 6 : pos + 7] in ("s", "S"))
            if name_start <= last or (name_end < len(text) and text[name_end] in _TOKEN):
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
            end = _line_end(text, start)
            return start, _closing_quote(text, start, quote, end) if quote else end
        return _header_value(text, name_start, name_end)

    def _pairs(self, text: str, start: int, end: int) -> Iterator[Span]:
        offset = start
        for part in text[start:end].split(";"):
            name, equals, value = part.partition("=")
            if equals and name.strip().lower() not in _COOKIE_ATTRIBUTES:
                value_start = offset + len(name) + 1
                stripped = value.strip()
                if stripped and not _is_trivial(stripped):
                    lead = len(value) - len(value.lstrip())
                    yield Span(value_start + lead, value_start + lead + len(stripped), self.kind)
            offset += len(part) + 1


# --- values of keys that name a secret -----------------------------------------------------------

_SECRET_WORDS = frozenset(
    {
        "password", "passwd", "passphrase", "passcode", "pass", "pwd", "secret", "secrets",
        "token", "auth", "authorization", "credential", "credentials", "creds", "cred",
        "session", "sessionid", "sessid", "phpsessid", "jsessionid", "signature", "sig", "apikey",
        "accesskey", "secretkey", "privatekey", "authtoken", "accesstoken", "refreshtoken",
        "idtoken", "csrftoken", "xsrftoken", "pin", "otp", "totp", "dsn", "cookie", "cookies",
    }
)  # fmt: skip
# A bare "key" is everywhere (cache keys, keyboard keys); it names a secret after one of these.
_KEY_QUALIFIERS = frozenset(
    {
        "api", "access", "secret", "private", "signing", "sign", "encryption", "enc", "master",
        "account", "auth", "client", "app", "application", "license", "licence", "service",
        "subscription", "shared", "session", "storage", "consumer", "ssh", "gpg", "pgp", "hmac",
        "deploy", "webhook", "admin", "root", "bot", "integration", "server", "crypto", "aes",
    }
)  # fmt: skip
# A later component that makes the name a property of the secret rather than the secret.
_PROPERTY_WORDS = frozenset(
    {
        "count", "counts", "length", "len", "size", "type", "types", "kind", "name", "names",
        "file", "filename", "path", "dir", "url", "uri", "endpoint", "host", "expires", "expiry",
        "expiration", "expired", "exp", "expire", "ttl", "timeout", "age", "lifetime", "limit",
        "max", "min", "format", "mode", "method", "methods", "provider", "scheme", "header",
        "field", "policy", "version", "enabled", "required", "rotation", "valid", "label", "env",
        "var", "location", "created", "updated", "at", "time", "timestamp", "date", "usage",
        "used", "status", "state", "set", "changed", "attempts", "retries", "rules", "pattern",
        "algorithm", "alg", "algo", "issuer", "audience", "scope", "scopes", "source", "sock",
        "socket", "address", "addr", "bus", "class", "manager", "start", "end", "duration",
        "strength", "error", "errors", "prefix", "hint", "flow", "level", "option",
    }
)  # fmt: skip
_COMPONENT = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")


def _components(name: str) -> list[str]:
    return [part.lower() for part in _COMPONENT.findall(name)]


@functools.lru_cache(maxsize=4096)
def _normalized(name: str) -> str:
    return "".join(_components(name))


# Words that name a secret also at the end of a name written as one word (``PGPASSWORD``,
# ``dbpassword``); shorter ones would take in ordinary words (``bypass``, ``compass``).
_GLUED_SECRET_ENDINGS = ("password", "passwd", "secret", "token")


def _names_secret(parts: list[str], index: int, extra: frozenset[str]) -> bool:
    part = parts[index]
    if part in _SECRET_WORDS or part in extra:
        return part != "session" or len(parts) == 1
    if part.endswith(_GLUED_SECRET_ENDINGS):
        return True
    if index == 0:
        return False
    previous = parts[index - 1]
    if part in ("key", "session") and previous in _KEY_QUALIFIERS | {"session"}:
        return True
    return previous + part in _SECRET_WORDS or previous + part in extra


def is_secret_key(name: str, extra: frozenset[str] = frozenset()) -> bool:
    """Whether a key, field or header ``name`` names a secret (``extra``: normalized names)."""
    parts = _components(name)
    if extra and "".join(parts) in extra:
        return True
    if parts[:1] == ["session"] and parts[1:2] in (["id"], ["key"], ["token"], ["secret"]):
        return True
    for index in range(len(parts)):
        if _names_secret(parts, index, extra) and _PROPERTY_WORDS.isdisjoint(parts[index + 1 :]):
            return True
    return False


def secret_key_matcher(extra: Iterable[str] = ()) -> Callable[[str], bool]:
    """``is_secret_key`` with host-supplied key names added (``X-Acme-Signature``, ``pin2``)."""
    names = frozenset(_normalized(name) for name in extra) - {""}
    return functools.lru_cache(maxsize=4096)(lambda name: is_secret_key(name, names))


_TRIVIAL = re.compile(
    r"""(?ix)
    (?:true|false|null|none|nil|undefined|yes|no|on|off|n/?a|-?\d{1,3}|[*x•.…_-]{1,64}
    |expired|invalid|missing|required|revoked|refreshed|redacted|empty|unset|set|present
    |absent|provided|valid|ok|error|hidden|masked|filtered|enabled|disabled|removed
    |<[^<>\s]{1,64}>|\[(?:redacted|filtered|hidden|masked|removed)\]
    |\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|%\([A-Za-z_]{1,64}\)s|\{\{[^{}]{0,64}\}\}
    |%[-+\x20\#0]{0,3}\d{0,3}(?:\.\d{1,3})?[sdifrxXeEgGc]|\(\)|\[\]|\{\}|)
    """
)
# A package's architecture (libpam-auth:amd64) or version (next-auth: ^4.24.5, gcloud-auth-plugin
# =528.0.0-0): package names are full of secret words, and no secret looks like these.
_PACKAGE_DETAIL = re.compile(
    r"""(?x)
    amd64|arm64|armhf|armel|i386|i686|x86_64|aarch64|ppc64el|s390x|riscv64|noarch|all|any
    |[~^<>=v]{0,2}(?:\d{1,9}:)?\d{1,5}(?:\.\d{1,5}){2,3}(?:[-+~][A-Za-z0-9.+~]{1,40})?
    """
)
# A call or subscript, an attribute of self or cls, or a dunder: code quoted in a traceback.
_CODE = re.compile(
    r"[A-Za-z_][\w.]{0,128}(?<!\.)\s*[(\[]|(?:self|cls)\.[A-Za-z_]|[\w.]{0,128}\.__\w+__"
)


def _is_trivial(value: str) -> bool:
    """Values that cannot hold a secret, so replacing them would only lose information."""
    return (
        _TRIVIAL.fullmatch(value) is not None
        or _CODE.match(value) is not None
        or _PACKAGE_DETAIL.fullmatch(value) is not None
    )


def _shannon_bits(value: str) -> float:
    counts = Counter(value)
    size = len(value)
    return -sum(n / size * math.log2(n / size) for n in counts.values())


_UUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")


def _high_entropy(value: str) -> bool:
    """Random-looking: letters and digits mixed, or letters of random case; not a UUID;
    ≥ 3 bits of entropy per character."""
    if _UUID.fullmatch(value) or _shannon_bits(value) < 3.0:
        return False
    return _mixed(value) or _random_case(value)


def _random_case(value: str) -> bool:
    """Capitals spread like coin flips (``RigCmTUKhLOx``), not word starts (``CamelCase``)."""
    letters = [char for char in value if char.isalpha()]
    capitals = sum(char.isupper() for char in letters)
    return len(letters) >= 20 and 0.3 * len(letters) <= capitals <= 0.7 * len(letters)


_NAME_CHARS_TEXT = "".join(sorted(_TOKEN | {"."}))
_KEY_ANCHORS = ("pass", "pwd", "secret", "token", "key", "auth", "cred", "sess", "sig", "pin")
_KEY_ANCHORS_SHORT = ("otp", "dsn")
_DEDICATED = frozenset({"authorization", "proxyauthorization", "cookie", "cookies", "setcookie"})
# A name holding a keyword, and what follows it: a space or a separator, maybe after a quote
# (a quote followed by anything else closes a value, ``"logger": "auth.session"``), which may
# be escaped (JSON logged inside a JSON string: ``{\"password\": \"…\"}``); or the end of an
# XML start tag (``<password>``).
_KEY_NAME_END = rb"[A-Za-z0-9_.\-]*(?:\x5c?[\x22\x27])?[ \t=:>]"
# "==" compares or pins a version (google-auth==2.23.0); it never assigns.
_SEPARATOR = re.compile(r"[ \t]{0,8}(=>|:=|=(?!=)|:(?!//))[ \t]{0,8}")
_LINE_PREFIX = re.compile(r"[ \t]*(?:(?:export|set|declare -x)[ \t]+|-[ \t]+)?[\"']?")
_YAML_BLOCK = re.compile(r"[|>][+-]?[0-9]?[ \t]*(?=\r?\n)")
_QUERY_VALUE = re.compile(r"[^\s&#\"'<>]{1,4096}")
# A value may hold ',;)]}' but ends before the next "Name=" of a connection string
# (Server=db;Password=…;Database=app).
_PLAIN_VALUE = re.compile(
    r"[^\s\"'<>&,;)\]}]{1,4096}"
    r"(?:[,;)\]}](?![A-Za-z_][A-Za-z0-9_ .-]{0,40}=)[^\s\"'<>&,;)\]}]{1,4096})*"
)
# A logfmt line (``token=… user=bob level=info``): the value is one word followed by more
# ``name=`` pairs, where an env or INI file's value would run to the end of the line.
_LOGFMT_PAIR = re.compile(r"([^\s\"']{1,4096})[ \t]+[A-Za-z_][A-Za-z0-9_.-]{0,63}=")
_FLAG_VALUE = re.compile(r"[ \t]{1,3}([^\s\"'-]\S{0,4095})")
_CONTEXT_VALUE = re.compile(
    r"[ \t]{1,3}(?:(?:is|was)[ \t]{1,3})?([A-Za-z0-9+/=_.~-]{20,512})(?![A-Za-z0-9+/=_.~-])"
)
_Finding = tuple[int, int, str]
_MAX_NAME = 256


def _name_start(text: str, pos: int) -> int:
    """Where the name that ends at ``pos`` starts, looked for within 32 characters before 256:
    most names are short, and a slice costs by its length."""
    for reach in (32, _MAX_NAME):
        before = text[max(0, pos - reach) : pos]
        kept = len(before.rstrip(_NAME_CHARS_TEXT))
        if kept or len(before) < reach:
            return pos - len(before) + kept
    return pos - _MAX_NAME


def _name_end(text: str, separator: int) -> int:
    """Where a name ends that is followed by ``separator``, maybe after a closing quote, which
    may be escaped."""
    if text[separator - 1] not in "\"'":
        return separator
    return separator - 2 if text[separator - 2] == "\\" else separator - 1


def _quote_at(text: str, pos: int) -> str:
    """The quote at ``pos``, escaped (``\\"``) or not; empty when there is none."""
    if text[pos : pos + 1] in ('"', "'"):
        return text[pos]
    if text[pos : pos + 1] == "\\" and text[pos + 1 : pos + 2] in ('"', "'"):
        return text[pos : pos + 2]
    return ""


def _at_line_start(text: str, start: int) -> bool:
    line_start = text.rfind("\n", max(0, start - 64), start) + 1
    if line_start == 0 and start > 64:
        return False
    return _LINE_PREFIX.fullmatch(text, line_start, start) is not None


# What may follow a name and a space for it to have a value, unless the name is a flag: a
# separator, or a token long enough to be a secret on its own (_CONTEXT_VALUE).
_SPACED_VALUE = re.compile(
    r"[ \t]{0,8}(?:=>|:=|=|:)|[ \t]{1,3}(?:(?:is|was)[ \t]{1,3})?[A-Za-z0-9+/=_.~-]{20}"
)
# A colon after a name with a dot, not opening a quoted value: a logger or module name before
# its message ("auth.session: user signed in"), unless it starts a line (YAML, properties).
_PLAIN_COLON = re.compile(r":(?![=/])[ \t]{0,8}(?![ \t\"'\\])")


def _cannot_have_value(text: str, start: int, end: int) -> bool:
    """A quick no for the names most often found that never have a value (``key orders``,
    ``auth.session: …``); the full check would say no too, at several times the cost."""
    after = text[end : end + 1]
    if after in (" ", "\t"):
        return text[start] != "-" and _SPACED_VALUE.match(text, end) is None
    return (
        after == ":"
        and "." in text[start:end]
        and _PLAIN_COLON.match(text, end) is not None
        and not _at_line_start(text, start)
    )


def _looks_like_path(value: str) -> bool:
    return value.startswith(("/", "~")) or (len(value) > 2 and value[1:3] in (":\\", ":/"))


@dataclass(frozen=True, slots=True)
class _SecretValueScanner:
    """Finds values of keys that name a secret; three rules share one scan per chunk.

    The scan visits each name that holds a keyword and is followed by a quote, a space or a
    separator once, at its end, however many keywords it holds (``auth.session``), and never
    sees the far more common names followed by anything else (``tokens,``, ``KeyError(``).
    """

    matcher: Callable[[str], bool]
    anchor: _anchors.Anchor
    _cache: list[tuple[str, list[_Finding]]] = field(
        default_factory=lambda: [("", [])], repr=False, compare=False
    )

    def findings(self, text: str) -> list[_Finding]:
        cached = self._cache[0]
        if cached[0] is not text:
            cached = (text, [*self._scan(text), *self._named_values(text)])
            self._cache[0] = cached
        return cached[1]

    def _named_values(self, text: str) -> Iterator[_Finding]:
        """A value field whose sibling name field names a secret: ``- name: DB_PASSWORD`` then
        ``value: …`` (Kubernetes), ``"name": "…", "value": "…"``, ``<add key="Password"
        value="…"/>`` (.NET, Ant, Maven)."""
        for after in _anchors.ends(text, _VALUE_FIELD):
            start = _value_field_start(text, after)
            if start <= 0 or text[start - 1] in _NAME_CHARS_TEXT:
                continue
            named = _NAME_FIELD.search(text, max(0, start - 192), start)
            if named is None or not self.matcher(named.group(2)):
                continue
            found = self._value(text, start, start + 5, flag=False)
            if found is not None and not self._keeps(named.group(2), text[found[0] : found[1]]):
                yield found[0], found[1], "named"

    def _scan(self, text: str) -> Iterator[_Finding]:
        done = -1
        for after_end in _anchors.ends(text, self.anchor):
            end = _name_end(text, after_end - 1)
            if text[end - 1] in ".-":
                continue  # "token.", "auth-": a sentence or a flag's prefix, not a key
            start = _name_start(text, end)
            if _cannot_have_value(text, start, end):
                continue
            if start < done:
                continue  # inside the value just found: a value is never also a key
            name = text[start:end].lstrip("-")
            if name and not self.matcher(name) and text[start - 1 : start] == " ":
                start, name = self._two_words(text, start, name)
            if not name or not self.matcher(name) or _normalized(name) in _DEDICATED:
                continue
            found = self._value(text, start, end, flag=len(name) < end - start)
            if found is not None:
                done = found[1]
                if not self._keeps(name, text[found[0] : found[1]]):
                    yield found

    @staticmethod
    def _two_words(text: str, start: int, name: str) -> tuple[int, str]:
        """``API key: …`` and ``secret key = …``: the word before may qualify a bare ``key``."""
        before = _name_start(text, start - 1)
        return before, f"{text[before : start - 1]}_{name}"

    @staticmethod
    def _keeps(name: str, value: str) -> bool:
        # Code in a traceback ends a value with the call or line around it: "pwd=None):".
        bare = value.rstrip(",;:")
        bare = bare if _is_trivial(bare) else bare.rstrip(")]}")
        return (
            _is_trivial(bare)
            or (_normalized(name) == "pwd" and _looks_like_path(value))
            or bare in (name, name.rpartition(".")[2])  # code passing a name on: session=session
        )

    def _value(self, text: str, start: int, end: int, *, flag: bool) -> _Finding | None:
        if text[end : end + 1] == ">":
            return _element_text(text, start, end)
        pos = end
        key_quote = _quote_at(text, pos)
        if key_quote and text[max(0, start - len(key_quote)) : start] == key_quote:
            pos += len(key_quote)
        sep = _SEPARATOR.match(text, pos)
        if sep is None:
            return _unseparated(text, pos, flag=flag)
        value = sep.end()
        if value >= len(text) or text[value] in "{[\r\n":
            return _braced(text, value) if sep.group(1) == "=" else None
        quote = _quote_at(text, value)
        if quote:
            return _quoted_value(
                text,
                value,
                quote,
                name_in_string=pos == end and _quote_at(text, max(0, start - len(quote))) == quote,
            )
        if start > 0 and text[start - 1] in "?&" and sep.group(1) == "=":
            found = _QUERY_VALUE.match(text, value)
            return None if found is None else (value, found.end(), "query")
        return self._unquoted(text, (start, end), value, sep.group(1), quoted_key=pos > end)

    def _unquoted(
        self, text: str, name: tuple[int, int], value: int, sep: str, *, quoted_key: bool
    ) -> _Finding | None:
        start, end = name
        if not quoted_key and _at_line_start(text, start):
            pair = _LOGFMT_PAIR.match(text, value) if sep == "=" else None
            if pair is not None:
                return value, pair.end(1), "assignment"
            if sep != ":" or text[value - 1] != ":":  # YAML and headers: a space after ':'
                return self._rest_of_line(text, value, block=sep == ":")
        elif sep == ":" and "." in text[start:end] and not quoted_key:
            return None  # a logger or module name before its message: "auth.session: …"
        found = _PLAIN_VALUE.match(text, value, value + 4096)
        return None if found is None else (value, found.end(), "assignment")

    @staticmethod
    def _rest_of_line(text: str, value: int, *, block: bool) -> _Finding | None:
        end = _line_end(text, value)
        if block and _YAML_BLOCK.match(text, value, end + 2) is not None:
            return _yaml_block(text, value)
        while end > value and text[end - 1] in " \t":
            end -= 1
        return (value, end, "assignment") if end > value else None


# "value" then a separator; and, within a few lines before it, a "name" or "key" field whose
# value is a name: the first is an anchor, the second is searched only at the anchor.
_VALUE_FIELD = _anchors.keyword_run(("value",), rb"[\x22\x27]?[ \t]*[:=]")
_NAME_FIELD = re.compile(
    r"""(?:name|key)["']?[ \t]*[:=][ \t]*(["']?)([A-Za-z0-9_.-]{1,128})\1[ \t]*,?[ \t]*"""
    r"""(?:\r?\n[ \t]*(?:-[ \t]+)?)?["']?\Z""",
    re.IGNORECASE,
)


def _value_field_start(text: str, after: int) -> int:
    """Where the word ``value`` starts in the :data:`_VALUE_FIELD` match that ends at ``after``."""
    before = text[max(0, after - 16) : after].lower()
    return after - len(before) + before.rfind("value")


# ODBC and ADO.NET quote a value holding ';' or '=' in braces: Password={p;w=d};. A brace
# pair around a bare name is a format field instead (password={pw}).
_BRACED = re.compile(r"\{([^{}\r\n\"':]{1,256})\}(?=[;\s\"']|\Z)")
_FORMAT_FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*(?:![rsa])?")


def _braced(text: str, value: int) -> _Finding | None:
    """The value between braces at ``value``; none for a nested structure or a format field."""
    found = _BRACED.match(text, value)
    if found is None or _FORMAT_FIELD.fullmatch(found.group(1)):
        return None
    return found.start(1), found.end(1), "assignment"


def _quoted_value(text: str, value: int, quote: str, *, name_in_string: bool) -> _Finding | None:
    """The quoted value at ``value``; none when the quote closes a string that holds the name
    and its separator (``prompt='Password: '``)."""
    if name_in_string:
        return None
    opened = value + len(quote)
    return opened, _closing_quote(text, opened, quote, _line_end(text, opened)), "assignment"


def _unseparated(text: str, pos: int, *, flag: bool) -> _Finding | None:
    """``--password hunter2`` on a command line, or a random-looking token after a secret word."""
    found = (_FLAG_VALUE if flag else _CONTEXT_VALUE).match(text, pos)
    if found is None or not (flag or _high_entropy(found.group(1))):
        return None
    return found.start(1), found.end(1), "assignment" if flag else "entropy"


def _element_text(text: str, start: int, end: int) -> _Finding | None:
    """The text of an XML element named like a secret, ``<password>…</password>``."""
    if text[start - 1 : start] != "<":
        return None
    close = text.find(f"</{text[start:end]}>", end + 1, end + 4097)
    return (end + 1, close, "assignment") if close > end + 1 else None


def _yaml_block(text: str, value: int) -> _Finding | None:
    """The indented lines of a YAML block scalar (``key: |``) that follow its key."""
    line_start = text.rfind("\n", 0, value) + 1
    indent = len(text[line_start:value]) - len(text[line_start:value].lstrip(" "))
    first = text.find("\n", value) + 1
    pos, end = first, first
    while 0 < pos < len(text) and pos - first < 4096:
        line_end = _line_end(text, pos)
        line = text[pos:line_end]
        if line.strip() and len(line) - len(line.lstrip(" ")) <= indent:
            break
        end = line_end if line.strip() else end
        pos = line_end + 1
    return (first, end, "assignment") if end > first else None


@dataclass(slots=True)
class _SecretValueRule:
    """One view of the shared scan, so the audit counts each form under its own name."""

    name: str
    tag: str
    scanner: _SecretValueScanner = field(repr=False)
    kind: str = "secret"
    category: Category = "credential"
    max_span: int = 8_704

    def find(self, text: str) -> Iterator[Span]:
        for start, end, tag in self.scanner.findings(text):
            if tag == self.tag and end > start:
                yield Span(start, end, self.kind)


def secret_value_rules(extra_keys: Iterable[str] = ()) -> tuple[Rule, ...]:
    """Rules for values of secret-naming keys, with host-supplied key names added."""
    extra = tuple(extra_keys)
    anchors = set(_KEY_ANCHORS + _KEY_ANCHORS_SHORT)
    for name in extra:
        parts = _components(name)
        if parts:
            anchors.add(max(parts, key=len))
    scanner = _SecretValueScanner(
        secret_key_matcher(extra), _anchors.keyword_run(anchors, _KEY_NAME_END)
    )
    return (
        _SecretValueRule("secret-assignment", "assignment", scanner),
        _SecretValueRule("secret-query-param", "query", scanner),
        _SecretValueRule("high-entropy-secret", "entropy", scanner),
        _SecretValueRule("secret-named-value", "named", scanner),
    )


RULES: tuple[Rule, ...] = (
    _PrivateKeyRule(),
    _AWS_KEY_ID,
    _AwsSecretRule(),
    _GITHUB,
    _GITLAB,
    _SLACK,
    _SLACK_WEBHOOK,
    _STRIPE,
    _STRIPE_WEBHOOK,
    _GOOGLE,
    _ANTHROPIC,
    _OPENAI,
    _SENDGRID,
    _NPM,
    _PYPI,
    _TWILIO,
    _HUGGING_FACE,
    _SHOPIFY,
    _DIGITALOCEAN,
    _VAULT,
    _DISCORD_WEBHOOK,
    _TELEGRAM_BOT,
    _JWT,
    _URL_PASSWORD,
    _CLI_USER_PASSWORD,
    _CLI_PASSWORD,
    _AuthorizationRule(),
    _BearerRule(),
    _CookieRule(),
    *secret_value_rules(),
)
"""The built-in credential rules, most specific first (the first wins a tie)."""
