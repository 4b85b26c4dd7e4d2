"""What the credential rules share: token alphabets, keyword positions, where a value ends, and
which values cannot hold a secret."""

from __future__ import annotations

import base64
import binascii
import re
import urllib.parse
from collections.abc import Iterator, Sequence

from supportkit.redaction import _anchors

__all__ = [
    "COMMAND_ARGUMENTS",
    "SIGNED_SCHEMES",
    "TOKEN_CHARS",
    "URL_HOST",
    "URL_USER_INFO",
    "WINDOWS_NAME_CHAR",
    "WORD_CHARS",
    "base64_bytes",
    "closing_quote",
    "end_of_line",
    "glued",
    "go_list_values",
    "is_plain_word",
    "is_trivial",
    "keyword_positions",
    "mixed",
    "word_starts",
]

# What follows the '@' closing a URL's user info: a host name or [address], maybe a port, then
# the end of the authority.
URL_HOST = (
    r"(?:\[[0-9A-Za-z:.%]{2,64}\]|[^\s/?#@\"'<>:\[\],;()]{1,253})(?::[0-9]{1,5})?"
    r"(?=[/?#,;)\]\s\"'<>]|\Z)"
)
# A URL's user info after "://", its password as group 1. People put unescaped '#', '?' and '@'
# in passwords (postgres://app:Xk9#m@q@db/app), so the password runs to the first '@' that a
# host follows. Neither part can hold '/', so a match never runs past the next '://'.
URL_USER_INFO = r"[^\s:/?#\"'<>]{0,256}:([^\s/\"'<>]{1,256}?)@(?=" + URL_HOST + ")"

_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
WORD_CHARS = _ALNUM | {"_"}
TOKEN_CHARS = WORD_CHARS | {"-"}


def keyword_positions(text: str, word: str) -> Sequence[int]:
    """Starts of the lowercase ASCII ``word`` in ``text``, in any case, sorted.

    Every keyword rule searches the same chunk, so the positions are shared through
    :mod:`supportkit.redaction._anchors`.
    """
    return _anchors.starts(text, _anchors.word(word))


# Made now, so the first chunk is scanned for them with the rest.
_anchors.words(("secret", "authorization", "bearer", "basic", "cookie"))


def word_starts(text: str, word: str) -> Iterator[int]:
    """``keyword_positions`` not preceded by a letter: ``authorization``, not ``xauthorization``."""
    for pos in keyword_positions(text, word):
        if pos == 0 or not text[pos - 1].isalpha():
            yield pos


# A password written into a sentence (``my password is Hunter22!``), after what introduces it:
# group 1 is one word of eight characters or more, without the punctuation that ends a clause.
# It is a password only when it mixes letters and digits, which prose about passwords does not.
SPOKEN_WORD = r"([^\s\"'«<>]{8,64}?)[.,;:)]*(?![^\s\"'\\])"
# A command's arguments before the one a rule reads: up to sixteen, none past a pipe or ";".
COMMAND_ARGUMENTS = r"(?:[ \t]+[^\s|;&<>]{1,256}){0,16}?[ \t]+"
# A character Windows allows in an account's name: none of " / \ [ ] : ; | = , + * ? < >.
WINDOWS_NAME_CHAR = r"[^\s/\"\\\[\]:;|=,+*?<>]"
# A command-line flag's name. Where a flag's value would be, it is the next flag instead (a value
# may start with a dash too: -8akS6!, -OoyaGl-ayVcgDk6). A long name with both capitals and
# digits is a random value, not a flag (--authenticationDatabase, -Xmx2g and --http2 are flags).
FLAG_NAME = (
    r"--?[A-Za-z](?:[\w-]{0,8}(?![\w-])"
    r"|(?![\w-]{0,64}[0-9][\w-]{0,64}[A-Z]|[\w-]{0,64}[A-Z][\w-]{0,64}[0-9])[\w-]*)"
)


def spoken_password(sentence: re.Pattern[str], text: str, pos: int) -> tuple[int, int] | None:
    """Where the password of ``sentence`` (ending in :data:`SPOKEN_WORD`) at ``pos`` is."""
    found = sentence.match(text, pos)
    return found.span(1) if found is not None and mixed(found.group(1)) else None


#: Signed requests' schemes, AWS Signature Version 4 and its kin (Alibaba's ACS3, Tencent's TC3,
#: Google's GOOG4): "AWS4-HMAC-SHA256 Credential=KEY/20261206/us-east-1/s3/aws4_request, …".
SIGNED_SCHEMES = r"(?i:aws4|acs3|tc3|goog4)"


def is_plain_word(value: str) -> bool:
    """Letters in one case, or capitalized: what a word is and a random secret is not."""
    return value.isalpha() and (value.islower() or value.isupper() or value.istitle())


def mixed(value: str) -> bool:
    """Random keys mix letters and digits; words and runs of one character do not."""
    return any(ch.isdigit() for ch in value) and any(ch.isalpha() for ch in value)


def glued(text: str, at: int, also: str = "") -> bool:
    """Whether what starts at ``at`` continues a word (or one of ``also``): ``visudo:``,
    ``DB_USERNAME``, ``euid=``."""
    return at > 0 and (text[at - 1].isalnum() or text[at - 1] in also)


def after_escape(text: str, pos: int) -> bool:
    """Whether ``pos`` follows an escaped line break or tab, as JSON and C strings write one
    ("Card:\\n4111…"): a boundary, though its letter is a word's."""
    return (
        pos >= 2
        and text[pos - 2] == "\\"
        and text[pos - 1] in "ntr"
        and text[pos - 3 : pos - 2] != "\\"
    )


def start_of_line(text: str, pos: int, limit: int = 4096) -> int:
    """Where the line holding ``pos`` starts, or -1 when it starts more than ``limit``
    characters back: a rule that reads the lines above a match pays for at most that much."""
    reach = max(0, pos - limit)
    newline = text.rfind("\n", reach, pos)
    if newline >= 0:
        return newline + 1
    return 0 if reach == 0 else -1


_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


def url_decoded(value: str) -> str:
    """A value as typed, whether a form or a URL carried it encoded (``Hunter22%21``,
    ``ana%40example.org``, ``%2B1%20415…``) or a log printed it as is."""
    if "%" in value and _PERCENT_ESCAPE.search(value):
        return urllib.parse.unquote(value)
    return value


def end_of_line(text: str, start: int, limit: int = 4096) -> int:
    stop = min(len(text), start + limit)
    for newline in ("\n", "\r"):
        found = text.find(newline, start, stop)
        if found >= 0:
            stop = found
    return stop


def go_list_values(text: str, opened: int) -> tuple[int, int] | None:
    """What the brackets opened at ``opened`` hold, as Go prints a header or metadata map's
    values (``map[Authorization:[Bearer …] Accept:[*/*]]``); None when they hold nothing or a
    list of their own, or do not close on their line."""
    close = text.find("]", opened, end_of_line(text, opened))
    if close <= opened + 1 or "[" in text[opened + 1 : close]:
        return None
    return opened + 1, close


def closing_quote(text: str, start: int, quote: str, stop: int) -> int:
    """Where the value quoted from ``start`` ends: past backslash-escaped quotes, and past a
    single quote written twice (YAML, SQL)."""
    pos = text.find(quote, start, stop)
    while pos > start and (
        text[pos - 1] == "\\" or (quote == "'" and text[pos + 1 : pos + 2] == "'")
    ):
        pos = text.find(quote, pos + (2 if text[pos - 1] != "\\" else 1), stop)
    return stop if pos < 0 else pos


_TRIVIAL = re.compile(
    r"""(?ix)
    (?:true|false|null|none|nil|undefined|yes|no|on|off|n/?a|-?\d{1,3}|[*x•.…_-]{1,64}
    |expired|invalid|missing|required|revoked|refreshed|redacted|empty|unset|set|present
    |absent|provided|valid|ok|error|hidden|masked|filtered|enabled|disabled|removed
    |optional|requisite|sufficient|include|substack|v\d{1,3}
    |started|created|opened|closed|ended|active|inactive|pending|succeeded|success|failed
    |accepted|rejected|denied|granted|updated|deleted|saved|loaded|cleared|rotated|issued
    |verified|unverified|locked|unlocked|skipped|ignored
    |omit|same-origin|include|await|yield
    |not(?:\x20(?:set|configured|provided|found|available|required|needed|shown))?
    |wrong|incorrect|changed|forgotten|lost|it|is|was|the|this|that|here|below|above|same
    |and|or|to|for|of|in|with|from|as|at|by|if|then|else|when|also|only|instead|\W{1,2}
    |(?:vergessen|falsch|ungültig|abgelaufen|geändert|oublié|invalide|expiré|modifié
    |olvidad[ao]|incorrect[ao]|inválid[ao]|caducad[ao]|esquecid[ao]|забыли|забыт|неверный
    |неправильный|изменён|sai|quên)[?!]?
    |<[^<>\s]{1,64}>|\[(?:redacted|filtered|hidden|masked|removed)\]
    |\$\{?[A-Za-z_][A-Za-z0-9_]*\}?(?:[{\[]['"]?\w{0,64}['"]?[}\]]?)?
    |\$\{[A-Za-z_][\w.]{0,128}\}|\$\{\{[^{}]{0,128}\}\}|\{[A-Za-z_][\w.]{0,40}(?:![rsa])?\}
    |%\([A-Za-z_]{1,64}\)s|\{\{[^{}]{0,64}\}\}|(?-i:[A-Z]{2,32}(?:_[A-Z]{2,32}){1,8})
    |%[-+\x20\#0]{0,3}\d{0,3}(?:\.\d{1,3})?[sdifrxXeEgGc]|\(\)|\[\]|\{\}|[(\[{]|
    |\((?:sensitive|known|protected)(?:\x20(?:value|after\x20apply))?\)?)
    """
)
# What tools print in place of a value they hold back: kubectl describe's reference to a
# Secret's key (``<set to the key 'token' in secret 'api'>``).
_STAND_IN = re.compile(r"<set to the key '")
# A package's architecture (libpam-auth:amd64) or version (next-auth: ^4.24.5, gcloud-auth-plugin
# =528.0.0-0): package names are full of secret words, and no secret looks like these.
_PACKAGE_DETAIL = re.compile(
    r"""(?x)
    amd64|arm64|armhf|armel|i386|i686|x86_64|aarch64|ppc64el|s390x|riscv64|noarch|all|any
    |[~^<>=v]{0,2}(?:\d{1,9}:)?\d{1,5}(?:\.\d{1,5}){2,3}(?:[-+~][A-Za-z0-9.+~]{1,40})?
    """
)
# A call or subscript, an attribute of self or cls, or a dunder: code quoted in a traceback;
# or shell code.
_CODE = re.compile(
    r"[A-Za-z_][\w.]{0,128}(?<!\.)[(\[]|\(?(?:self|cls)\.[A-Za-z_]|[\w.]{0,128}\.__\w+__"
    # a shell's command substitution, which fetches the secret: $(kubectl get secret …)
    r"|\$\(|`[A-Za-z./][^`\r\n]{0,1024}`\Z"
    # Terraform's and HCL's references: var.db_password, local.x, module.db.password
    r"|(?:var|local|module|data)\.[A-Za-z_][\w.-]{0,128}\Z"
    # PowerShell: $cred = Get-Credential, $pw = Read-Host -AsSecureString, New-Object …
    r"|(?:Get|Read|New|ConvertTo|ConvertFrom|Import|Invoke|Select)-[A-Z][A-Za-z]{1,64}(?![\w-])"
)


# A reverse domain name, as bundle ids, XPC services and Java packages are named
# (com.apple.xpc.activity/4505, org.springframework.web): a name, never a secret.
_REVERSE_DOMAIN = re.compile(r"(?:com|org|net|io|dev|app)\.[a-z][a-z0-9-]{1,63}\.[A-Za-z]")


def is_trivial(value: str) -> bool:
    """Values that cannot hold a secret, so replacing them would only lose information: empty
    and masked ones, placeholders, statuses, names of code, and the words prose puts after
    ``password:``."""
    return (
        _TRIVIAL.fullmatch(value) is not None
        or _CODE.match(value) is not None
        or _STAND_IN.match(value) is not None
        or _PACKAGE_DETAIL.fullmatch(value) is not None
        or _REVERSE_DOMAIN.match(value) is not None
    )


def base64_bytes(value: str) -> bytes | None:
    """``value`` decoded from standard base64, or None when it is not base64."""
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None
