"""Values of keys that name a secret, in every form a key meets its value: ``key=value``,
``key: value``, JSON, YAML, INI, env files, XML elements, flags, name/value pairs."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from supportkit.redaction import _anchors
from supportkit.redaction._rule import Category, Rule, Span
from supportkit.redaction.rules._text import (
    FLAG_NAME,
    SIGNED_SCHEMES,
    SPOKEN_WORD,
    TOKEN_CHARS,
    closing_quote,
    end_of_line,
    go_list_values,
    is_plain_word,
    is_trivial,
    mixed,
    spoken_password,
    start_of_line,
    url_decoded,
)
from supportkit.redaction.rules.password_words import COMPOUND_ENDING as _COMPOUND_ENDING
from supportkit.redaction.rules.password_words import PASSWORD_WORDS

__all__ = ["is_secret_key", "secret_key_matcher", "secret_value_rules"]


_SECRET_WORDS = frozenset(
    {
        "password", "passwords", "passwd", "passphrase", "passcode", "pass", "pwd", "pw", "secret",
        "secrets", "apikeys",
        "token", "auth", "authorization", "credential", "credentials", "creds", "cred",
        "session", "sessionid", "sessid", "phpsessid", "jsessionid", "signature", "sig", "apikey",
        "accesskey", "secretkey", "privatekey", "authtoken", "accesstoken", "refreshtoken",
        "idtoken", "csrftoken", "xsrftoken", "pin", "otp", "totp", "dsn", "cookie", "cookies",
        # keytool's and jarsigner's flags
        "storepass", "keypass", "srcstorepass", "deststorepass", "srckeypass", "destkeypass",
        # a card's verification code, and one-time codes
        "cvv", "cvc", "mfa", "securitycode", "verificationcode", "recoverycode", "recoverycodes",
        "backupcode", "backupcodes",
        # a Wi-Fi or IPsec pre-shared key (wpa_supplicant.conf's psk="…")
        "psk",
        # Redis's passwords, slapd's and SSSD's bind passwords
        "requirepass", "masterauth", "rootpw", "bindpw", "authtok",
        # OAuth's proof of the client (PKCE's code_verifier, OAuth 1.0a's oauth_verifier)
        "verifier",
        # a wallet's recovery words (BIP-39), the whole of its keys
        "mnemonic", "seedphrase", "recoveryphrase",
        # a live stream's key (OBS, Twitch, YouTube)
        "streamkey",
    }
)  # fmt: skip
# A bare "key" is everywhere (cache keys, keyboard keys); it names a secret after one of these.
_KEY_QUALIFIERS = frozenset(
    {
        "api", "access", "secret", "private", "signing", "sign", "encryption", "enc", "master",
        "account", "auth", "client", "app", "application", "license", "licence", "service",
        "subscription", "shared", "session", "storage", "consumer", "ssh", "gpg", "pgp", "hmac",
        "deploy", "webhook", "admin", "root", "bot", "integration", "server", "crypto", "aes",
        "functions", "function", "preshared", "unseal", "age", "decryption", "wrapping", "jwt",
        "csrf",
        # WordPress's cookie-signing keys and salts: NONCE_KEY, LOGGED_IN_SALT
        "nonce", "loggedin",
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
        "strength", "error", "errors", "prefix", "hint", "flow", "level", "option", "local",
        "fd", "fds", "plugin", "plugins", "backend", "backends", "realm", "domain", "server",
        "servers", "service", "handler", "helper", "reset", "sources", "providers",
        # code named after what it handles (an Android log tag: "AuthRepo: login ok"), the
        # account a secret belongs to, and a flag that silences a warning about it
        "repo", "repository", "controller", "module", "middleware", "interceptor", "validator",
        "util", "utils", "client", "factory", "adapter", "impl", "filter", "store", "cache",
        "identity", "persistence",
        "user", "username", "warning", "warnings",
        # an outcome counted or reported ("AuthFail: sts:5", auth_failures=3)
        "fail", "failed", "failure", "failures", "success", "result", "reason",
    }
)  # fmt: skip
_COMPONENT = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")


def _components(name: str) -> list[str]:
    return [part.lower() for part in _COMPONENT.findall(name)]


@functools.lru_cache(maxsize=4096)
def _normalized(name: str) -> str:
    return "".join(_components(name))


# Words that name a secret also at the end of a name written as one word (``PGPASSWORD``,
# ``dbpassword``, ``Datenbankpasswort``); shorter ones would take in ordinary words (``bypass``,
# ``compass``).
_GLUED_SECRET_ENDINGS = ("password", "passwd", "secret", "token", "passwort", "kennwort")
# "pass" glued to whose it is, as Redis, HAProxy and Terraform configs name them (adminpass,
# replicationpass); after other words it is an ordinary one (bypass, compass, firstpass).
_GLUED_PASS_HEADS = frozenset(
    {
        "admin", "user", "root", "db", "replication", "master", "mysql", "sql", "pg", "smtp",
        "mail", "ldap", "redis", "ftp", "proxy", "bind", "auth", "web", "api", "app", "sa", "su",
        "default", "login",
    }
)  # fmt: skip


def _names_secret(parts: list[str], index: int, extra: frozenset[str]) -> bool:
    part = parts[index]
    if part in _SECRET_WORDS or part in extra:
        return part != "session" or len(parts) == 1
    if part.endswith(_GLUED_SECRET_ENDINGS) or (
        part.endswith("pass") and part[:-4] in _GLUED_PASS_HEADS
    ):
        return True
    if index == 0:
        return False
    previous = parts[index - 1]
    if previous == "in" and index >= 2:
        previous = parts[index - 2] + previous  # logged_in_key
    if part in ("key", "keys", "session", "salt") and previous in _KEY_QUALIFIERS | {"session"}:
        return True
    if len(previous) < 2 or len(part) < 2:
        return False  # letters of a random id, "…2pW4n…", are no words
    return previous + part in _SECRET_WORDS or previous + part in extra


_NAME_SEPARATORS = re.compile(r"[\s_.-]+")


def _names_a_password_in_another_language(name: str, parts: list[str]) -> bool:
    """``Пароль``, ``mật_khẩu``, ``MotDePasse``, ``DB-Passwort``: ends in the word for password."""
    words = " ".join(parts) if name.isascii() else _NAME_SEPARATORS.sub(" ", name.casefold())
    words = f" {words.strip()}"
    return any(
        words.endswith(word) and (len(word) >= _COMPOUND_ENDING or words[-len(word) - 1] == " ")
        for word in PASSWORD_WORDS
    )


# Secrets named by what they are, as pfSense's and OPNsense's config.xml keeps its users'
# password hashes, certificates' private keys and SNMP community: <bcrypt-hash>, <nt-hash>,
# <prv>. (Its older <md5-hash> is left alone: a file's checksum is named so too.)
_SECRET_NAMES = frozenset({"nthash", "bcrypthash", "prv", "rocommunity", "rwcommunity"})
# Names of public values that hold a secret word: .NET's assembly PublicKeyToken, a key pair's
# public key.
_PUBLIC_NAMES = frozenset({"publickeytoken", "publickey", "publickeys"})


def is_secret_key(name: str, extra: frozenset[str] = frozenset()) -> bool:
    """Whether a key, field or header ``name`` names a secret (``extra``: normalized names)."""
    parts = _components(name)
    whole = "".join(parts)
    if whole in _PUBLIC_NAMES:
        return False
    if whole in _SECRET_NAMES:
        return True
    if extra and "".join(parts) in extra:
        return True
    if parts[:1] == ["session"] and parts[1:2] in (["id"], ["key"], ["token"], ["secret"]):
        return True
    # the secret word among the last three: handle_will_sleep_auth_and_shield_windows is code
    for index in range(max(0, len(parts) - 3), len(parts)):
        if _names_secret(parts, index, extra) and _PROPERTY_WORDS.isdisjoint(parts[index + 1 :]):
            return True
    return _names_a_password_in_another_language(name, parts)


def secret_key_matcher(extra: Iterable[str] = ()) -> Callable[[str], bool]:
    """``is_secret_key`` with host-supplied key names added (``X-Acme-Signature``, ``pin2``)."""
    names = frozenset(_normalized(name) for name in extra) - {""}
    return functools.lru_cache(maxsize=4096)(lambda name: is_secret_key(name, names))


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
    return mixed(value) or _random_case(value)


def _random_case(value: str) -> bool:
    """Capitals spread like coin flips (``RigCmTUKhLOx``), not word starts (``CamelCase``)."""
    letters = [char for char in value if char.isalpha()]
    capitals = sum(char.isupper() for char in letters)
    return len(letters) >= 20 and 0.3 * len(letters) <= capitals <= 0.7 * len(letters)


_NAME_CHARS_TEXT = "".join(sorted(TOKEN_CHARS | {"."}))
_KEY_ANCHORS = (
    "pass", "pwd", "secret", "token", "key", "auth", "cred", "sess", "sig", "pin", "verifier",
    "salt", "mnemonic", "phrase", "csrf", "nt-hash", "bcrypt-hash", "prv", "rocommunity",
    "rwcommunity",
)  # fmt: skip
_KEY_ANCHORS_SHORT = ("otp", "dsn", "cvv", "cvc", "mfa", "psk", "pw")
# One-time and card codes whose names hold none of the words above: security_code, "Security
# code:", verificationCode, recovery-code, backup codes.
_CODE_ANCHORS = tuple(
    f"{kind}{separator}code"
    for kind in ("security", "verification", "recovery", "backup")
    for separator in ("", "_", "-", " ")
)
_COOKIE_HEADERS = frozenset({"cookie", "cookies", "setcookie"})
_DEDICATED = frozenset({"authorization", "proxyauthorization", *_COOKIE_HEADERS})
# A name holding a keyword, and what follows it: a space or a separator, maybe after a quote
# (a quote followed by anything else closes a value, ``"logger": "auth.session"``), which may
# be escaped once or twice (JSON logged inside a JSON string: ``{\"password\": \"…\"}``); the
# end of an XML start tag (``<password>``); a quote, a comma and the quote that opens the value of a
# pair as Python prints it (``('password', 'hunter2')``), or as Erlang writes a config entry
# (``{default_pass, <<"guest">>}``); or a quote closing a subscript (``ENV["DB_PASSWORD"]``).
_KEY_NAME_END = (
    rb"[A-Za-z0-9_.\-]*(?:(?:(?:\x5c\x5c)?\x5c?[\x22\x27])?(?:[ \t=:>]|%3d)"
    rb"|[\x22\x27](?:,[ \t]{0,16}[\x22\x27]|\])|\]|,[ \t]?(?:<<)?\x22)"
)
# A (user, password) pair as a secret-named value, as requests takes one: auth=("svc", "…"),
# auth=HTTPBasicAuth("svc", "…"). The password is the second string.
_CREDENTIAL_PAIR = re.compile(
    r"""(?:[A-Za-z_][\w.]{0,64}Auth)?\([ \t]*(["'])[^"'\r\n]{0,256}\1[ \t]*,[ \t]*"""
    r"""(["'])([^"'\r\n]{1,256})\2[ \t]*\)"""
)
# "==" compares or pins a version (google-auth==2.23.0); it never assigns.
# LDIF writes a base64 value after "::" (userPassword:: e1NTSEF9…).
_SEPARATOR = re.compile(r"[ \t]{0,8}(=>|:=|::(?=[ \t])|=(?!=)|:(?!//))[ \t]{0,8}")
_LINE_PREFIX = re.compile(r"[ \t]*(?:(?:export|set|declare -x)[ \t]+|-[ \t]+)?[\"']?")
_YAML_BLOCK = re.compile(r"[|>][+-]?[0-9]?[ \t]*(?=\r?\n)")
_QUERY_VALUE = re.compile(r"[^\s&#\"'<>]{1,4096}")
# A session id in a URL's path (/cart;jsessionid=…?item=5): it ends where the path does.
_PATH_IDS = frozenset({"jsessionid", "phpsessid", "sid", "sessionid"})
_PATH_VALUE = re.compile(r"[^\s?#;/&\"'<>]{1,4096}")
# A query inside a URL-encoded one (?next=%2Freset%3Ftoken%3D…): the value ends at an encoded
# "&" or "#", or where the outer value does.
_ENCODED_QUERY_VALUE = re.compile(r"(?:[^\s%&#\"'<>]|%(?!2[6Ff]|23)[0-9A-Fa-f]{2}){1,4096}")
# A value may hold ',;)]}' but ends before the next "Name=" of a connection string
# (Server=db;Password=…;Database=app).
_PLAIN_VALUE = re.compile(
    r"[^\s\"'<>&,;)\]}]{1,4096}"
    r"(?:[,;)\]}](?![A-Za-z_][A-Za-z0-9_ .-]{0,40}=)[^\s\"'<>&,;)\]}]{1,4096})*"
)
# A logfmt line (``token=… user=bob level=info``): the value is one word followed by more
# ``name=`` pairs, where an env or INI file's value would run to the end of the line.
_LOGFMT_PAIR = re.compile(r"([^\s\"']{1,4096})[ \t]+[A-Za-z_][A-Za-z0-9_.-]{0,63}=")
# A count before the next name and colon, as test runners print them ("pass: 3 fail: 0").
# What ends a value that would otherwise run to the end of its line: a comment; the next flag,
# command, pipe or redirection of a shell line, or its continuation (^ or \ at the end); the
# next setting of a connection string or a query (password=…;timeout=30, token=…&lang=en).
_VALUE_ENDS = re.compile(
    r"(?<![ \t])[ \t]+(?:#|-{1,2}[A-Za-z]|&&|\|\|?|;|[<>]|\.{1,2}/|[\^\\][ \t]*\Z)"
    r"|[;&][A-Za-z_][\w.-]{0,63}="
)
# A wallet's recovery phrase: twelve to twenty-four lower-case words, all of them the secret.
_PHRASE_NAMES = ("mnemonic", "phrase")
_RECOVERY_WORDS = re.compile(r"[a-z]{3,8}(?:[ \t]{1,2}[a-z]{3,8}){11,23}(?![\w-])")
_COLON_PAIR = re.compile(r"([0-9]{1,9})[ \t]+[A-Za-z_][A-Za-z0-9_.-]{0,63}:[ \t]")
# A variable set for one command (PGPASSWORD=… pg_dump -h db): the value is the word before it.
_COMMAND_AFTER = re.compile(r"([^\s\"']{1,4096})[ \t]+[a-z][\w.-]{0,63}[ \t]+-")
# A flag's value is the next word, or a quoted string, unless that is another flag, a shell's
# redirection or pipe (docker login --password-stdin <<< "$TOKEN") or a PowerShell expression
# (-Credential (New-Object …)).
_FLAG_VALUE = re.compile(
    r"[ \t]{1,3}(?:\"([^\"\r\n]{1,4096})\"|'([^'\r\n]{1,4096})'|([^\s\"'<>|&;(-]\S{0,4095}))"
)
_CONTEXT_VALUE = re.compile(
    r"[ \t]{1,3}(?:(?:is|was)[ \t]{1,3})?([A-Za-z0-9+/_.~-]{20,512}={0,3})(?![A-Za-z0-9+/=_.~-])"
)
_FLAG = re.compile(FLAG_NAME + r"(?:=.*)?")
_FLAG_CAPITALS = 2


def _next_flag(value: str) -> bool:
    """Whether an argument after a flag is the next flag rather than its value. A value may
    start with a dash too; then its capitals spread through it ("-RkoTzEZdQzhuRsHXOH"), where
    a flag has one or two ("--verbose", "--SomeOption")."""
    return (
        _FLAG.fullmatch(value) is not None
        and sum(char.isupper() for char in value) <= _FLAG_CAPITALS
    )


# A session that is only numbered is no web session's secret: Windows servicing's "Session:
# 30546173_4261722401", logind's "Session 42".
_NUMBERED = re.compile(r"[0-9][0-9_.]{0,40}")
# PostgreSQL's session id (%c): its start time and process id in hex, "659c3115.3c21"; what
# ties a session's log lines together, and no authenticator.
_POSTGRES_SESSION = re.compile(r"[0-9a-f]{8}\.[0-9a-f]{1,8}")
# A connection's data source name with no password or user info in it: host, port and
# database, which a report about a failing connection needs.
_PLAIN_DSN = re.compile(r"(?![\s\S]*(?:@|(?i:pass|pwd)))[^\r\n]{1,1024}")
# Where an object lives, as Ruby and Python print it (#<ActionDispatch::Request::Session:
# 0x007f73645379b8>, <Session object at 0x7f3a…>): 64 bits of address, no secret.
_OBJECT_ADDRESS = re.compile(r"0x[0-9a-fA-F]{6,16}")
# A signed request's credential: the key id (the authorization rule's to replace) and the
# scope it signs for, "AKIA…/20261206/us-east-1/s3/aws4_request", which a report needs.
_CREDENTIAL_SCOPE = re.compile(
    r"[A-Za-z0-9*]{4,128}/[0-9]{8}/[\w-]{1,64}/[\w-]{1,64}/" + SIGNED_SCHEMES + "_request"
)
# An object as Java prints it, its class then its fields in braces (token=Token{a64f992 …}) or
# its class and identity hash (android.os.BinderProxy@2bd79ce): no secret itself; the fields
# inside are judged on their own.
_OBJECT_PRINTOUT = re.compile(
    r"(?:[a-z_$][\w$]*\.)*[A-Z][\w$]*\{(?:[0-9a-f]{6,8}[ }]|[a-z_][\w$]{0,64}[=:])"
    r"|(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*@[0-9a-f]{1,16}(?![\w@.])"
)
# A name and "=" then a value, where a value would start: the colon before it ends a label.
_PAIR_AHEAD = re.compile(r"[A-Za-z_][\w.-]{0,64}=[^\s=]")
# A password typed into a sentence: "my password is Hunter22!", "user ana pw Sommer2024".
_SPOKEN_PASSWORD = re.compile(r"[ \t]{1,3}(?:(?:is|was)[ \t]{1,3})?" + SPOKEN_WORD)
_PASSWORD_NAMES = ("password", "passwd", "passphrase", "passcode", "pass", "pwd", "pw")
# A card's verification code after its name and a space, as people write it ("CVV 123").
_CODE_AFTER_SPACE = re.compile(r"[ \t]{1,3}(\d{3,4})(?![\w.,:/-])")
# A PIN or one-time code told in a sentence: "my PIN is 4821", "the OTP was 583920".
_SPOKEN_PIN = re.compile(r"[ \t]{1,3}(?:is|was)[ \t]{1,3}(\d{4,8})(?![\w/-]|[.,:]\d)")
_PIN_NAMES = frozenset({"pin", "pincode", "otp", "totp", "passcode", "mfacode", "otpcode"})
# A registry value as "reg query" lists it: name, type and data apart by four spaces
# ("    DefaultPassword    REG_SZ    …", Winlogon's automatic logon). The data is the rest of
# the line, or its first word when more than a value's worth follows.
_REGISTRY_VALUE = re.compile(r"[ \t]{2,16}REG_(?:SZ|EXPAND_SZ|MULTI_SZ|BINARY)[ \t]{2,16}(?=\S)")
_REGISTRY_WORD = re.compile(r"\S{1,256}")
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
    may be escaped once or twice (JSON in a JSON string in a JSON log: ``\\\"``)."""
    if text[separator - 1] not in "\"'":
        return separator
    if text[separator - 2] != "\\":
        return separator - 1
    return separator - 4 if text[separator - 4 : separator - 2] == "\\\\" else separator - 2


def _pair_opened(text: str, value_quote_end: int) -> tuple[str, str, str] | None:
    """The quote, the name and what closes a pair whose value's opening quote ends at
    ``value_quote_end``: a tuple of two quoted strings, a flag before its value in a list, or
    an Erlang tuple of an atom and a string or binary, ``{default_pass, <<"``. None for
    anything else."""
    quote = text[value_quote_end - 1]
    pos = value_quote_end - 2
    binary = text[pos - 1 : pos + 1] == "<<"
    pos -= 2 if binary else 0
    padding = pos - 16  # wp-config.php lines its values up: define( 'AUTH_KEY',         '…' )
    while pos > padding and text[pos] in " \t":
        pos -= 1
    if text[pos] != ",":
        return None
    if text[pos - 1] == quote and not binary:
        return _quoted_pair(text, pos - 1, quote)
    return _erlang_pair(text, pos) if quote == '"' else None


# A call that sets what its first argument names to its second, with more arguments after
# them maybe: setProperty("db.password", "…"), SetEnvironmentVariable("API_KEY", "…", "User").
_SETTER_CALL = re.compile(r"(?i:set|put|add)[A-Za-z]{0,32}\Z")


def _quoted_pair(text: str, name_end: int, quote: str) -> tuple[str, str, str] | None:
    """A quoted name read back to the tuple's "(": ``('password', '``; WordPress puts a space
    inside it, ``define( 'AUTH_KEY', '``; a setter's call may go on after the value (closed by
    "," too). Or a flag in a list, ``["--db-password", "``, which nothing closes."""
    name_start = _name_start(text, name_end)
    if name_start == name_end or text[name_start - 1 : name_start] != quote:
        return None
    opener = name_start - 2
    opener -= text[opener] in " \t"
    flag = text[name_start] == "-"
    if opener >= 0 and text[opener] == "(" and not flag:
        setter = _SETTER_CALL.search(text, max(0, opener - 36), opener) is not None
        return quote, text[name_start:name_end], ",)" if setter else ")"
    if opener >= 0 and flag and text[opener] in "[,":
        return quote, text[name_start:name_end], ""
    return None


def _erlang_pair(text: str, comma: int) -> tuple[str, str, str] | None:
    """``{password, "`` and ``{default_pass, <<"``: an atom's value in an Erlang config
    (RabbitMQ's ``rabbitmq.config``, ejabberd's), closed by ``}``."""
    name_start = _name_start(text, comma)
    opener = name_start - 1
    opener -= text[opener] in " \t"
    if name_start == comma or opener < 0 or text[opener] != "{":
        return None
    return '"', text[name_start:comma], "}"


def _key_start(text: str, start: int, *, encoded: bool) -> int:
    """Where a key whose name starts at ``start`` does: past the hex digits of an encoded ``?``
    or ``&`` (``%3Ftoken``), or an escaped line break or tab (``\r\nAuthorization``)."""
    if encoded:
        return _encoded_name_start(text, start)
    if text[start - 1 : start] == "\\" and text[start : start + 1] in ("n", "r", "t"):
        return start + 1
    return start


def _quote_at(text: str, pos: int) -> str:
    """The quote at ``pos``, escaped once (``\\"``), twice (``\\\\\\"``) or not; empty when there is
    none."""
    if text[pos : pos + 1] in ('"', "'"):
        return text[pos]
    if text[pos : pos + 1] == "\\":
        quote = text[pos : pos + 4] if text[pos + 1 : pos + 3] == "\\\\" else text[pos : pos + 2]
        return quote if quote[-1:] in ('"', "'") else ""
    return ""


# How far back a name's line is looked for: only indentation and a prefix may stand before it.
_INDENT_REACH = 64


def _at_line_start(text: str, start: int) -> bool:
    line_start = start_of_line(text, start, _INDENT_REACH)
    return line_start >= 0 and _LINE_PREFIX.fullmatch(text, line_start, start) is not None


# What may follow a name and a space for it to have a value, unless the name is a flag: a
# separator, or a token random enough to be a secret on its own. Made of the patterns the full
# check uses, so the two cannot drift apart.
_SPACED_VALUE = re.compile(
    f"{_SEPARATOR.pattern}|{_CONTEXT_VALUE.pattern}|{_CODE_AFTER_SPACE.pattern}"
    f"|{_REGISTRY_VALUE.pattern}|{_SPOKEN_PIN.pattern}"
)
# A colon after a name with a dot, not opening a quoted value: a logger or module name before
# its message ("auth.session: user signed in"), unless it starts a line (YAML, properties).
_PLAIN_COLON = re.compile(r":(?![=/])[ \t]{0,8}(?![ \t\"'\\])")


def _code_span_end(text: str, value: int, end: int) -> int:
    """Where a value ends inside Markdown's inline code, which a backtick closes: "run
    `export TOKEN=…`." keeps its closing backtick and full stop."""
    tick = text.find("`", value, end)
    if tick < 0:
        return end
    line_start = start_of_line(text, value, _INDENT_REACH * 4)
    opened = line_start >= 0 and text.count("`", line_start, value) % 2 == 1
    return tick if opened and tick > value else end


# Loggers named like a secret before their message: "INFO auth: session started", and at a
# line's start, as Go's log.SetPrefix("auth: ") writes one, "auth: user not found" or the date
# first, "auth: 2026/12/01 10:00:01 …". An authorization's scheme is no message's first word.
_LOGGER_NAMES = frozenset({"auth", "authn", "authz", "oauth", "session", "token", "credentials"})
_MESSAGE_WORDS = re.compile(r"([a-z]{2,24}) [a-z]{2,24}(?![\w-])")
_SCHEMES = frozenset({"basic", "bearer", "digest", "negotiate", "ntlm", "token", "apikey"})
_LOG_DATE = re.compile(r"(?:19|20)[0-9]{2}[/-][0-9]{2}[/-][0-9]{2}[ T][0-9]{2}:[0-9]{2}")


def _logger_before_message(
    text: str, name: tuple[int, int], value: int, *, line_start: bool = False
) -> bool:
    """Whether the name at ``name`` is a logger's: followed by a date, dotted mid-line
    ("auth.session: …"; at a line's start, a properties file's key), or one of
    :data:`_LOGGER_NAMES` followed by words in lower case."""
    start, end = name
    if _LOG_DATE.match(text, value) or ("." in text[start:end] and not line_start):
        return True
    words = _MESSAGE_WORDS.match(text, value)
    return (
        words is not None
        and words.group(1) not in _SCHEMES
        and _normalized(text[start:end]) in _LOGGER_NAMES
    )


def _cannot_have_value(text: str, start: int, end: int) -> bool:
    """A quick no for the names most often found that never have a value (``key orders``,
    ``auth.session: …``); the full check would say no too, at several times the cost. A
    ``--no-auth-warning`` switch takes no value, and an Android log's tag names the code
    that wrote the message (``D/AuthManager: token refreshed``)."""
    after = text[end : end + 1]
    if after in (" ", "\t"):
        return _spaced_name_has_no_value(text, start, end) or _logcat_tag(text, start)
    if after != ":":
        return False
    if text[start - 1 : start] == "=":
        return True  # a value that starts with its kind: key=session:user:42
    if text[start - 1 : start] == "(" and _PAM_GROUP.match(text, end):
        return True  # a PAM service and what it was asked for: pam_unix(gdm-password:auth)
    if text[start - 1 : start] in ("/", " ") and _logcat_tag(text, start):
        return True
    return (
        "." in text[start:end]
        and _PLAIN_COLON.match(text, end) is not None
        and not _at_line_start(text, start)
    )


# A name's second word, before a separator: "session id: …", "session key = …".
_SECOND_WORD = re.compile(r" (?i:id|key)(?=[\"']?[ \t]{0,8}[:=](?![:=/]))")


def _past_second_word(text: str, end: int) -> int:
    """Where a name ending at ``end`` ends with its second word, as Rails' exception mails
    write one (``* session id: "…"``)."""
    second = _SECOND_WORD.match(text, end) if text[end : end + 1] == " " else None
    return end if second is None else second.end()


_PAM_GROUP = re.compile(r":(?:auth|account|session|password|chauthtok)\)")
# logcat's priority letter before a tag: "D/AuthManager: …" (brief) or, after the process and
# thread ids, "1234  1250 D AuthManager: …" (threadtime).
_LOGCAT_PRIORITY = re.compile(r"(?:(?<![^\s])[VDIWEFA]/|[0-9] {1,8}[VDIWEFA] )\Z")


def _logcat_tag(text: str, start: int) -> bool:
    return (
        text[start - 2 : start - 1] in _LOGCAT_PRIORITY_LETTERS
        and _LOGCAT_PRIORITY.search(text, max(0, start - 12), start) is not None
    )


_LOGCAT_PRIORITY_LETTERS = frozenset("VDIWEFA")


def _spaced_name_has_no_value(text: str, start: int, end: int) -> bool:
    if text[start] == "-":
        # --no-auth takes no value, and neither does a short flag with its value glued on and
        # a digit in it (mysql -pS3cr3tPass mydb): no option is named like that.
        return text.startswith(("--no-", "-no-", "--no_"), start) or (
            text[start + 1 : start + 2] != "-" and any(c.isdigit() for c in text[start:end])
        )
    if _SPACED_VALUE.match(text, end) is not None:
        return False
    if not _normalized(text[start:end]).endswith(_DIRECTIVE_NAMES):
        return True
    return not (_SPOKEN_PASSWORD.match(text, end) or _directive(text, (start, end), end))


_DOTTED_NAME = re.compile(r"[A-Za-z_]\w{0,64}(?:\.[A-Za-z_]\w{0,64}){0,8}")
# A type annotation in code quoted by a traceback: before its default (password: str = ""), or
# a type no secret is named after (def login(passwd: str, token: Optional[bytes] = None)).
_ANNOTATION = re.compile(
    r"(?:str|bytes|int|float|bool|object|[A-Z]\w{0,64})(?:\[[\w., |\[\]]{0,128}\])?"
    r"(?:[ \t]*\|[ \t]*None)?[ \t]*=[ \t]*[^\s=]"  # then a default: base64 ends in a bare '='
)
# Where a key or certificate is kept (tls_privatekey = CONFDIR/exim.key): a file, not the key.
_KEY_FILE = re.compile(
    r"\S{0,256}\.(?:key|pem|crt|cer|der|p12|pfx|ppk|jks|keystore|gpg|asc"
    # or a file the credentials are read from: OpenVPN's auth-user-pass creds.txt
    r"|txt|conf|cfg|ini)"
)
# Vault's audit log hashes every secret it records (client_token=hmac-sha256:9cc3…): what it
# shows is no secret, and what ties a request to its response.
_AUDIT_HMAC = "hmac-sha256:"
# An operation's outcome in a field named like a signature: Azure's activity log records
# "resultSignature": "Succeeded." on every event.
_OUTCOME = re.compile(r"[A-Z][a-z]{2,24}\.?")
# A word ending in a colon after a secret's name is the next label, not its value: kubectl's
# "getting credentials: exec: executable aws failed".
_LABEL = re.compile(r"[a-z]{2,24}:")
# Sixteen hexadecimal digits or more are a digest, never a header field's name.
_HEX_DIGEST = re.compile(r"[0-9a-f]{16,}")
# The header fields a DKIM or ARC signature signs, listed on the lines after its h= tag
# (:subject:from:dkim-signature:arc-authentication-results;): names, no signature.
_SIGNED_HEADER_NAMES = re.compile(r"[a-z][a-z0-9-]{1,64}(?::[a-z][a-z0-9-]{1,64}){0,32};?")
# A password hash with its scheme before it, as LDAP stores one: {SSHA}…, {CRYPT}$6$…
_HASH_SCHEME = re.compile(r"\{[A-Z][A-Z0-9-]{1,15}\}\S")
# An authentication's method or result, not its secret: swanctl's auth = psk, IMAP's
# AUTH=PLAIN, wpa_supplicant's phase2="auth=MSCHAPV2", Authentication-Results' auth=pass.
_AUTH_METHODS = frozenset(
    {
        "psk", "pubkey", "eap", "xauth", "plain", "login", "xoauth2", "oauthbearer", "cram-md5",
        "digest-md5", "scram-sha-1", "scram-sha-256", "gssapi", "ntlm", "kerberos", "basic",
        "digest", "bearer", "mschapv2", "mschap", "pap", "chap", "gtc", "md5", "sha1", "sha",
        "pass", "fail", "neutral", "softfail", "anonymous", "external", "otp",
    }
)  # fmt: skip
_TYPE_NAME = re.compile(
    r"(?:str|bytes|bytearray|int|float|bool|object|Any|None|Optional|Union|SecretStr|SecretBytes"
    r"|typing\.\w{1,32})(?:\[[\w., |\[\]]{0,128}\]?)?(?:[ \t]*\|[ \t]*None)?"
    # GraphQL's variable types: mutation Login($password: String!)
    r"|\[?(?:String|Int|Float|Boolean|ID)!?\]?!?"
    # TypeScript's, as a compiler's error quotes a type: { token: string; secret?: string }
    r"|(?:string|number|boolean|unknown|undefined|null|never|object|bigint|symbol)(?:\[\])?"
)
# Whole values that hold no secret whatever names them: a type, a key's file, an object's
# address, a signed request's credential scope.
_KEPT_SHAPES = (_TYPE_NAME, _KEY_FILE, _OBJECT_ADDRESS, _CREDENTIAL_SCOPE)


def _passes_a_name_on(name: str, value: str) -> bool:
    """Code handing a variable on under a name ending the same secret word: ``session=session``,
    ``lasttoken = token  # a comment``, ``api_key = settings.API_KEY``. A value that only shares
    letters with the name (``DB_PASSWORD=dbpass``) is a password."""
    if value in (name, name.rpartition(".")[2]):
        return True
    if _DOTTED_NAME.fullmatch(value) is None:
        return False
    variable, key = _normalized(value.rpartition(".")[2]), _normalized(name)
    shorter, longer = sorted((variable, key), key=len)
    return shorter in _SECRET_WORDS and longer.endswith(shorter)


def _url_parameter(text: str, name: tuple[int, int], value: int) -> _Finding | None:
    """The value of a URL's query parameter (``?token=…``), or of a session id in its path
    (``;jsessionid=…``), which ends where the path does."""
    start, end = name
    before = text[start - 1 : start]
    if before in ("?", "&"):
        found = _QUERY_VALUE.match(text, value)
    elif before == ";" and _normalized(text[start:end]) in _PATH_IDS:
        found = _PATH_VALUE.match(text, value)
    else:
        return None
    return None if found is None else (value, found.end(), "query")


def _encoded_query_value(text: str, start: int, pos: int) -> _Finding | None:
    """The value after an encoded ``=`` at ``pos`` of a name at ``start`` that follows an
    encoded ``?`` or ``&`` (``%3Ftoken%3D…``), or that starts an encoded query: before the
    next parameter (``body=password%3D…%26user%3Dana``), or alone when its value is no word
    (``q=token%3DZx9m…``; a search for ``token=nothing`` stays)."""
    if text[pos : pos + 3].upper() != "%3D":
        return None
    found = _ENCODED_QUERY_VALUE.match(text, pos + 3)
    if found is None:
        return None
    if text[max(0, start - 3) : start].upper() in ("%3F", "%26"):
        return pos + 3, found.end(), "query"
    if text[start - 1 : start] not in ("", "=", " ", '"', "'", "\t"):
        return None
    if text[found.end() : found.end() + 3].upper() == "%26" or not is_plain_word(found.group()):
        return pos + 3, found.end(), "query"
    return None


def _encoded_name_start(text: str, start: int) -> int:
    """The name's start past the hex digits of an encoded ``?``, ``&`` or ``"`` before it,
    which the name's characters took in (``%3Ftoken`` is ``?token``, ``%22token`` is
    ``"token``)."""
    if text[start - 1 : start] == "%" and text[start : start + 2].upper() in ("3F", "26", "22"):
        return start + 2
    return start


def _holds_digits(name: str) -> bool:
    """A card's verification code is three digits, which after other names are a count or a
    code (``retries=123``; ``pin: 7`` is a GPIO pin as often as not)."""
    parts = _components(name)
    return "cvv" in parts or "cvc" in parts or "".join(parts).endswith("securitycode")


def _kept_under(normalized: str, bare: str, value: str) -> bool:
    """Values that are no secret under names of these kinds: an authentication's method, a
    numbered or PostgreSQL session, a signature's outcome or signed header names, a data
    source name without a password."""
    if normalized == "auth":
        return bare.lower() in _AUTH_METHODS or bare.lower().startswith("eap-")
    if normalized in ("session", "sessionid"):
        numbered = normalized == "session" and _NUMBERED.fullmatch(bare) is not None
        return numbered or _POSTGRES_SESSION.fullmatch(bare) is not None
    if normalized.endswith("signature"):
        return _OUTCOME.fullmatch(bare) is not None or (
            _SIGNED_HEADER_NAMES.fullmatch(value.strip()) is not None
            and _HEX_DIGEST.fullmatch(bare) is None  # a presigned URL's X-Amz-Signature
        )
    return normalized.endswith("dsn") and _PLAIN_DSN.fullmatch(value) is not None


def _names_a_location(name: str) -> bool:
    """``PWD`` is the working folder, and ``GOOGLE_APPLICATION_CREDENTIALS`` where a key file
    lies: their values are paths, not secrets."""
    normalized = _normalized(name)
    return normalized == "pwd" or normalized.endswith("applicationcredentials")


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
            cached = (
                text,
                [
                    *self._scan(text),
                    *self._named_values(text),
                    *self._form_fields(text),
                    *self._shown_values(text),
                    *self._encoded_json_values(text),
                    *self._escaped_values(text),
                    *_terraform_sensitive(text),
                ],
            )
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
            if named is None or not (
                self.matcher(named.group(2)) or _in_cookie_list(text, named.start())
            ):
                continue
            if _normalized(named.group(2)) in _COOKIE_HEADERS:
                continue  # a HAR file's {"name": "Set-Cookie", "value": …}: the cookie rule's
            found = self._value(text, start, start + 5, flag=False)
            if found is not None and not self._keeps(named.group(2), text[found[0] : found[1]]):
                yield found[0], found[1], "named"

    def _form_fields(self, text: str) -> Iterator[_Finding]:
        """A form field named like a secret in a multipart body, as a request dump shows it
        (``Content-Disposition: form-data; name="password"``, a blank line, the value), with
        real line breaks or escaped ones. A file's content is not a value."""
        for at in _anchors.starts(text, _FORM_DATA):
            field = _FORM_FIELD.match(text, at)
            if field is None or not self.matcher(field.group(2)):
                continue
            value = field.end()
            escaped = text.find("\\r\\n", value, value + 4097)
            end = end_of_line(text, value)
            end = min(end, escaped) if escaped >= 0 else end
            end -= text[end - 1 : end] == "\r"
            if end > value and not self._keeps(field.group(2), text[value:end]):
                yield value, end, "named"

    def _encoded_json_values(self, text: str) -> Iterator[_Finding]:
        """A string value of a secret-named key in URL-encoded JSON, as a logged URL carries it
        (``?data=%7B%22password%22%3A%22…%22%7D``)."""
        for at in _anchors.starts(text, _ENCODED_JSON_SEPARATOR):
            start = _encoded_name_start(text, _name_start(text, at))
            value = at + _ENCODED_JSON_SEPARATOR.width
            close = text.find("%22", value, value + 4096)
            name = text[start:at]
            if (
                close > value
                and name
                and self.matcher(name)
                and not self._keeps(name, url_decoded(text[value:close]))
            ):
                yield value, close, "query"

    def _escaped_values(self, text: str) -> Iterator[_Finding]:
        """A quoted value of a secret-named key with its quotes escaped for HTML, as exception
        pages and mails print a request's parameters: ``{&quot;password&quot;=&gt;&quot;…``
        (Rails), ``&#x27;password&#x27;: &#x27;…`` (Django)."""
        for entity, separator in _ESCAPED_SEPARATORS:
            for at in _anchors.starts(text, separator):
                start = _name_start(text, at)
                value = at + separator.width
                close = text.find(entity, value, end_of_line(text, value))
                name = text[start:at]
                if (
                    close > value
                    and text[start - len(entity) : start] == entity
                    and self.matcher(name)
                    and not self._keeps(name, text[value:close])
                ):
                    yield value, close, "assignment"

    def _shown_values(self, text: str) -> Iterator[_Finding]:
        """Values a traceback or a test report shows beside the variable or call that held
        them: loguru's and better_exceptions' drawings (a ``└ 'value'`` below the variable's
        name), and pytest's ``+  where 'value' = get_password()``."""
        for mark in _anchors.starts(text, _VALUE_MARK):
            if text.find("└", mark + 1, end_of_line(text, mark)) >= 0:
                continue  # a drawing line ends in its one └; the others stand in it as │
            name = _marked_variable(text, mark)
            shown = _MARKED_VALUE.match(text, mark) if name and self.matcher(name) else None
            if shown is not None:
                group = 2 if shown.group(2) is not None else 3
                if not self._keeps(name or "", shown.group(group)):
                    yield shown.start(group), shown.end(group), "named"
        for at in _anchors.starts(text, _PYTEST_WHERE):
            where = _WHERE_VALUE.match(text, at + _PYTEST_WHERE.width)
            if where is not None and self.matcher(where.group(3)):
                yield where.start(2), where.end(2), "named"
        yield from self._rejected_inputs(text)

    def _rejected_inputs(self, text: str) -> Iterator[_Finding]:
        """The input a validation error quotes for a field named like a secret: pydantic's
        ``input_value='…'`` under the field's name, or ``"input": "…"`` after ``"loc": ["body",
        "password"]`` in its JSON (FastAPI's 422 responses); Spring's ``Field error in object
        'signup' on field 'password': rejected value […]``."""
        for at in _anchors.starts(text, _INPUT_VALUE):
            line_start = start_of_line(text, at)
            field_start = start_of_line(text, line_start - 1) if line_start > 0 else -1
            field = text[field_start : line_start - 1].strip() if field_start >= 0 else ""
            if not self.matcher(field.rpartition(".")[2] or "-"):
                continue
            shown = _SHOWN_INPUT.match(text, at + _INPUT_VALUE.width)
            if shown is not None:
                group = 2 if shown.group(2) is not None else 3
                yield shown.start(group), shown.end(group), "named"
        for at in _anchors.starts(text, _REJECTED_VALUE):
            named = _SPRING_FIELD.search(text, max(0, at - 256), at)
            end = text.find("]", at, at + 4097)
            value = at + _REJECTED_VALUE.width
            if named is not None and end > value and self.matcher(named.group(1)):
                yield value, end, "named"
        for at in _anchors.starts(text, _JSON_INPUT):
            loc = _LOC.search(text, max(0, at - 1024), at)
            shown = _JSON_INPUT_VALUE.match(text, at + _JSON_INPUT.width)
            if loc is not None and shown is not None and self.matcher(loc.group(1)):
                group = 1 if shown.group(1) is not None else 2
                yield shown.start(group), shown.end(group), "named"

    def _pair(self, text: str, value_quote_end: int) -> Iterator[_Finding]:
        """A name and its value as a pair of quoted strings, as Python prints form data and
        headers (``('password', 'hunter2')``, ``[('Authorization', 'Bearer …')]``): only in a
        tuple of the two, so a list of field names (``['password', 'email']``) stays. Or a
        flag and its value in a list of arguments (``["app.py", "--db-password", "…"]``), or an
        Erlang config's ``{password, "…"}``."""
        opened = _pair_opened(text, value_quote_end)
        if opened is None or not self.matcher((name := opened[1]).lstrip("-")):
            return
        quote, closer = opened[0], opened[2]
        close = closing_quote(text, value_quote_end, quote, end_of_line(text, value_quote_end))
        value = text[value_quote_end:close]
        after = text[close + 1 : close + 5].removeprefix(">>").lstrip(" \t")[:1]
        if closer:
            closed = after != "" and after in closer
        else:
            closed = after in (",", "]") and not _next_flag(value)
        if closed and value and not self._keeps(name, value):
            yield value_quote_end, close, "assignment"

    def _scan(self, text: str) -> Iterator[_Finding]:
        done = -1
        for after_end in _anchors.ends(text, self.anchor):
            if text[after_end - 1] in "\"'":  # a pair's value opens here
                yield from self._pair(text, after_end)
                continue
            encoded = text[after_end - 1] in "dD" and text[after_end - 3 : after_end - 1] == "%3"
            end = _name_end(text, after_end - (3 if encoded else 1))
            if text[end - 1] in ".-":
                continue  # "token.", "auth-": a sentence or a flag's prefix, not a key
            start = _name_start(text, end)
            if encoded or text[start - 1 : start] == "\\":
                start = _key_start(text, start, encoded=encoded)
            if text[start - 1 : start] in ("<", ":") and (
                element := self._element(text, start, end)
            ):
                done = element[1]
                if element[2]:
                    yield element
                continue
            end = _past_second_word(text, end)
            if _cannot_have_value(text, start, end):
                continue
            if start < done or text[start - 3 : start] == "://":
                # inside the value just found (a value is never also a key), or a URL's user
                # name (https://__token__:…@host), whose password the URL rule finds
                continue
            name = text[start:end].lstrip("-")
            if name and not self.matcher(name) and text[start - 1 : start] == " ":
                start, name = self._two_words(text, start, name)
            if not name or not self.matcher(name) or _normalized(name) in _DEDICATED:
                continue
            found = self._value(text, start, end, flag=len(name) < end - start)
            if found is not None and not _OBJECT_PRINTOUT.match(text, found[0]):
                done = found[1]
                if not self._keeps(name, text[found[0] : found[1]]):
                    yield found

    def _element(self, text: str, start: int, end: int) -> _Finding | None:
        """An element named like a secret, with a namespace or attributes, ``<wsse:Password
        Type="…">…</wsse:Password>``: its text, tagged "" when the value is one to keep."""
        if text[end : end + 1] not in (" ", "\t"):
            return None
        element = _element_text(text, start, end)
        if element is None or not self.matcher(name := text[start:end]):
            return None
        kept = self._keeps(name, text[element[0] : element[1]])
        return (element[0], element[1], "" if kept else element[2])

    @staticmethod
    def _two_words(text: str, start: int, name: str) -> tuple[int, str]:
        """``API key: …`` and ``secret key = …``: the word before may qualify a bare ``key``."""
        before = _name_start(text, start - 1)
        return before, f"{text[before : start - 1]}_{name}"

    @staticmethod
    def _keeps(name: str, value: str) -> bool:
        # Code in a traceback ends a value with the call or line around it: "pwd=None):".
        bare = value.rstrip(",;: \t")
        if bare.isdigit() and len(bare) >= 3 and _holds_digits(name):
            return False  # "cvv=123": the three digits are the secret
        bare = bare if is_trivial(bare) else bare.rstrip(")]}")
        return (
            is_trivial(bare)
            or (_names_a_location(name) and _looks_like_path(value))
            or _passes_a_name_on(name, bare.split(None, 1)[0] if bare else bare)
            or _ANNOTATION.match(value) is not None
            or any(shape.fullmatch(bare) is not None for shape in _KEPT_SHAPES)
            or bare.startswith(_AUDIT_HMAC)
            or _LABEL.fullmatch(value.strip()) is not None
            or _kept_under(_normalized(name), bare, value)
        )

    def _value(self, text: str, start: int, end: int, *, flag: bool) -> _Finding | None:
        pos = end
        key_quote = _quote_at(text, pos)
        if key_quote and text[max(0, start - len(key_quote)) : start] == key_quote:
            pos += len(key_quote)
            if text[pos : pos + 1] == "]":
                return self._subscript(text, (start, end), len(key_quote))
        elif text[pos : pos + 1] == "]":  # print_r's [password] => …
            return self._subscript(text, (start, end), 0)
        if pos == end and text[pos : pos + 1] == ">":  # <password>…</password>
            return _element_text(text, start, end)
        if pos > end and _NAME_ATTRIBUTE.search(text, max(0, start - 6), start):
            return _named_element_text(text, pos)  # <Data Name="Password">…</Data>
        sep = _SEPARATOR.match(text, pos)
        if sep is None:
            return (
                _encoded_query_value(text, start, pos)
                or _unseparated(text, pos, flag=flag)
                or _spaced_code(text, (start, end), pos)
                or _spoken_password(text, (start, end), pos)
                or _directive(text, (start, end), pos)
                or _registry_value(text, pos)
                or _spoken_pin(text, (start, end), pos)
            )
        return self._separated(text, (start, end), sep, quoted_key=pos > end)

    def _subscript(self, text: str, name: tuple[int, int], quote_width: int) -> _Finding | None:
        """The value assigned to a subscript named like a secret: ``ENV["DB_PASSWORD"] = …``,
        ``$db['default']['password'] = '…';``; or PHP's dump of an array's entry:
        ``[password] => …`` (print_r), ``["password"]=>`` and ``string(9) "…"`` on the next
        line (var_dump). Only ``=`` assigns: ``if form["password"]:`` tests one."""
        opening = name[0] - quote_width - 1
        sep = _SEPARATOR.match(text, name[1] + quote_width + 1)
        if text[opening : opening + 1] != "[" or sep is None:
            return None
        if sep.group(1) == "=>":
            dumped = _VAR_DUMP_STRING.match(text, sep.end()) if quote_width else None
            if dumped is not None:
                close = closing_quote(
                    text, dumped.end(), dumped.group(1), end_of_line(text, dumped.end())
                )
                return (dumped.end(), close, "assignment") if close > dumped.end() else None
            return (
                self._unquoted(text, name, sep.end(), "=>", quoted_key=True)
                if not quote_width
                else None
            )
        if sep.group(1) != "=":
            return None
        return self._separated(text, name, sep, quoted_key=True)

    def _separated(
        self, text: str, name: tuple[int, int], sep: re.Match[str], *, quoted_key: bool
    ) -> _Finding | None:
        """The value after the separator ``sep`` that follows the name at ``name``."""
        value = sep.end()
        if text[value : value + 1] in ("b", "f", "u") and _quote_at(text, value + 1):
            value += 1  # a Python bytes literal or f-string: b'…', f"Bearer {token}"
        pair = _CREDENTIAL_PAIR.match(text, value)
        if pair is not None:
            return pair.start(3), pair.end(3), "assignment"
        if value >= len(text) or (text[value] in "{[\r\n" and not _HASH_SCHEME.match(text, value)):
            return _opened(text, value, sep.group(1), quoted_key=quoted_key)
        quote = _quote_at(text, value)
        if quote:
            name_in_string = not quoted_key and _quote_at(text, max(0, name[0] - len(quote)))
            return _quoted_value(text, value, quote, name_in_string=name_in_string == quote)
        parameter = _url_parameter(text, name, value) if sep.group(1) == "=" else None
        if parameter is not None:
            return parameter
        return self._unquoted(text, name, value, sep.group(1), quoted_key=quoted_key)

    def _unquoted(
        self, text: str, name: tuple[int, int], value: int, sep: str, *, quoted_key: bool
    ) -> _Finding | None:
        start, end = name
        if sep == ":" and _PAIR_AHEAD.match(text, value):
            return None  # a label before pairs, each judged on its own: "getIdToken: token=…"
        if not quoted_key and _at_line_start(text, start):
            if sep == "=":
                pair = _LOGFMT_PAIR.match(text, value) or _COMMAND_AFTER.match(text, value)
            else:
                pair = _COLON_PAIR.match(text, value) if sep == ":" else None
            if pair is not None:
                return value, pair.end(1) - (text[pair.end(1) - 1] == ","), "assignment"
            quote = text[start - 1 : start]
            if quote in ('"', "'"):  # an entry of a list: "POSTGRES_PASSWORD=…",
                line_end = end_of_line(text, value)
                close = closing_quote(text, value, quote, line_end)
                return (value, close, "assignment") if close > value else None
            flag = text[start] == "-"  # a flag's value is one word: --db.password=… -h db
            if not flag and (sep != ":" or text[value - 1] != ":"):  # YAML: a space after ':'
                prefix = sep == ":" and _logger_before_message(text, name, value, line_start=True)
                return None if prefix else self._rest_of_line(text, value, block=sep == ":")
        elif sep == ":" and not quoted_key and _logger_before_message(text, (start, end), value):
            return None  # a logger or module name before its message: "auth.session: …"
        phrase = _normalized(text[start:end]).endswith(_PHRASE_NAMES)
        found = (phrase and _RECOVERY_WORDS.match(text, value)) or _PLAIN_VALUE.match(
            text, value, value + 4096
        )
        return (
            None
            if found is None
            else (value, _code_span_end(text, value, found.end()), "assignment")
        )

    @staticmethod
    def _rest_of_line(text: str, value: int, *, block: bool) -> _Finding | None:
        end = end_of_line(text, value)
        if block and _YAML_BLOCK.match(text, value, end + 2) is not None:
            return _yaml_block(text, value)
        cut = _VALUE_ENDS.search(text, value, end)
        end = end if cut is None else cut.start()
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


_FORM_DATA = _anchors.word("form-data")
# A traceback's values drawn under the code that used them (loguru with diagnose=True,
# better_exceptions): "└" stands in the column where the variable's name starts above.
#     conn = connect(user, password)
#     │              │     └ 'hunter2'
#     │              └ 'ana'
_VALUE_MARK = _anchors.word("└")
_VARIABLE = re.compile(r"[A-Za-z_][\w.]{0,128}")
_MARKED_VALUE = re.compile(r"└ (?:b?([\"'])(.{1,4096}?)\1|(\S.{0,4095}?))[ \t]*(?=\r?\n|\Z)")
# pytest's explanation of a failed assertion: "+  where 'value' = get_password()".
_PYTEST_WHERE = _anchors.literal("+  where ")
_WHERE_VALUE = re.compile(r"b?([\"'])(.{1,4096}?)\1 = ([A-Za-z_][\w.]{0,128})\(")
_LINE_BREAK = r"(?:\r?\n|\\r\\n)"
_FORM_FIELD = re.compile(
    r"""form-data;[ \t]*name=(["']?)([^"'\r\n;\\]{1,128})\1(?![^\r\n\\]{0,256}filename)"""
    rf"[^\r\n\\]{{0,256}}{_LINE_BREAK}(?:[^\r\n\\]{{1,256}}{_LINE_BREAK}){{0,4}}{_LINE_BREAK}",
    re.IGNORECASE,
)
# A pydantic validation error's input: "input_value='…'" in its text, "input": "…" in its JSON,
# where the field is the last name of "loc": [...] before it, in the same error.
_INPUT_VALUE = _anchors.literal("input_value=")
_SHOWN_INPUT = re.compile(r"(?:b?(['\"])(.{1,4096}?)\1(?=, input_type=)|([^\s,\]]{1,4096}))")
_JSON_INPUT = _anchors.literal('"input":')
_REJECTED_VALUE = _anchors.literal("rejected value [")
_SPRING_FIELD = re.compile(r"on field '([^'\r\n]{1,128})': \Z")
_JSON_INPUT_VALUE = re.compile(r'[ \t]*(?:"((?:[^"\\\r\n]|\\.){1,4096})"|(-?[0-9][0-9.]{0,63}))')
_LOC = re.compile(r'"loc":[ \t]*\[[^\[\]{}]{0,512}?"([^"\\]{1,128})"[ \t]*\][^{}]{0,1024}\Z')
# URL-encoded JSON's '":"' between a key and a string value.
_ENCODED_JSON_SEPARATOR = _anchors.word("%22%3a%22")  # either case
# Terraform's state lists which of a resource's attributes are sensitive after them
# ("attributes": {"result": "…"}, "sensitive_attributes": [[{"type": "get_attr", "value":
# "result"}]]): random_password's result, an SSM parameter's value, whatever their names.
_SENSITIVE_ATTRIBUTES = _anchors.literal('"sensitive_attributes"')
_GET_ATTRIBUTE = re.compile(r'"type":\s{0,64}"get_attr",\s{0,64}"value":\s{0,64}"([\w.-]{1,128})"')
_STATE_REACH = 16_384  # a resource's attributes, back from its list
_LIST_REACH = 4096  # to the next resource's attributes at most


def _terraform_sensitive(text: str) -> Iterator[_Finding]:
    for at in _anchors.starts(text, _SENSITIVE_ATTRIBUTES):
        attributes = text.rfind('"attributes"', max(0, at - _STATE_REACH), at)
        if attributes < 0:
            continue
        listed = text.find('"attributes"', at + 1, at + _LIST_REACH)
        listed = min(len(text), at + _LIST_REACH) if listed < 0 else listed
        for name in {found.group(1) for found in _GET_ATTRIBUTE.finditer(text, at, listed)}:
            value = _state_value(name).search(text, attributes, at)
            if value is not None:
                yield value.start(1), value.end(1), "assignment"


@functools.lru_cache(maxsize=256)
def _state_value(name: str) -> re.Pattern[str]:
    return re.compile(rf'"{re.escape(name)}":[ \t]*"((?:[^"\\\r\n]|\\.){{1,4096}})"')


# Each with the entity that quotes the name before it and closes the value after it.
_ESCAPED_SEPARATORS = tuple(
    (quote, _anchors.literal(f"{quote}{separator}{quote}"))
    for quote, separators in (
        ("&quot;", ("=&gt;", " =&gt; ", ":", ": ")),
        ("&#x27;", (": ",)),
        ("&#39;", (": ",)),
    )
    for separator in separators
)
# var_dump's string on the line after its key: ["password"]=>\n  string(9) "…".
_VAR_DUMP_STRING = re.compile(r"[ \t]*\r?\n?[ \t]*string\([0-9]{1,9}\)[ \t]([\"'])")
_COOKIE_LIST_KEY = re.compile(r"""["']?cookies["']?[ \t]*:[ \t\r\n]*\Z""", re.IGNORECASE)


def _in_cookie_list(text: str, pos: int) -> bool:
    """Whether the object holding ``pos`` is an element of a ``"cookies": [...]`` list, as a
    HAR file (a browser's network log) keeps each request's cookies: every value is one."""
    opened = text.rfind("[", max(0, pos - 8192), pos)
    if opened < 0 or text.rfind("]", opened, pos) >= 0:
        return False
    return _COOKIE_LIST_KEY.search(text, max(0, opened - 32), opened) is not None


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


# A property's value wrapped in an object with its origin, as Spring Boot's /actuator/env lists
# each: "spring.datasource.password": { "value": "…", "origin": "…" }, on one line or several.
_WRAPPED_VALUE = re.compile(
    r"""\{\s{0,64}"value"[ \t]{0,8}:[ \t]{0,8}"""
    r"""(?:"((?:[^"\\\r\n]|\\.){1,4096})"|([^\s,}"]{1,256}))"""
)


def _opened(text: str, value: int, sep: str, *, quoted_key: bool) -> _Finding | None:
    """A value that opens a structure or a line: a list of strings in a printed dictionary, a
    Go header map's list, an object that wraps the value with its origin, or an ODBC braced
    value after ``=``; none for anything else (a nested object has its own keys; a list in
    code, ``PASSWORD_HASHERS = [...]``, names things)."""
    if sep == ":" and quoted_key and text[value : value + 1] == "{":
        wrapped = _WRAPPED_VALUE.match(text, value)
        if wrapped is None:
            return None
        group = 1 if wrapped.group(1) is not None else 2
        return wrapped.start(group), wrapped.end(group), "assignment"
    if sep == ":" and text[value : value + 1] == "[":
        if quoted_key and _quote_at(text, value + 1):
            return _listed(text, value)
        if text[value - 1] == ":" and not quoted_key:
            listed = go_list_values(text, value)  # Go's header map: X-Api-Key:[…]
            return None if listed is None else (*listed, "assignment")
    return _braced(text, value) if sep == "=" else None


def _listed(text: str, value: int) -> _Finding | None:
    """The strings of a list given as a value, as Django prints a form's fields
    (``'password': ['hunter2']``): from the first one's start to the last one's end."""
    quote = _quote_at(text, value + 1)
    opened = value + 1 + len(quote)
    line_end = end_of_line(text, opened)
    close = closing_quote(text, opened, quote, line_end)
    while text[close + len(quote) : close + len(quote) + 2] == ", " and close < line_end:
        after = close + len(quote) + 2
        if _quote_at(text, after) != quote:
            break
        close = closing_quote(text, after + len(quote), quote, line_end)
    if text[close + len(quote) : close + len(quote) + 1] != "]" or close <= opened:
        return None
    return opened, close, "assignment"


def _quoted_value(text: str, value: int, quote: str, *, name_in_string: bool) -> _Finding | None:
    """The quoted value at ``value``; none when the quote closes a string that holds the name
    and its separator (``prompt='Password: '``)."""
    if name_in_string:
        return None
    opened = value + len(quote)
    return opened, closing_quote(text, opened, quote, end_of_line(text, opened)), "assignment"


def _unseparated(text: str, pos: int, *, flag: bool) -> _Finding | None:
    """``--password hunter2`` on a command line, or a random-looking token after a secret word."""
    found = (_FLAG_VALUE if flag else _CONTEXT_VALUE).match(text, pos)
    if found is None or not (flag or _high_entropy(found.group(1))):
        return None
    group = found.lastindex or 1  # a flag's value: quoted (spaces and all) or one word
    return found.start(group), found.end(group), "assignment" if flag else "entropy"


def _names_a_password(name: str) -> bool:
    return _normalized(name).endswith(_PASSWORD_NAMES)


def _spoken_password(text: str, name: tuple[int, int], pos: int) -> _Finding | None:
    """The password in ``password Hunter22!`` or ``my password is Hunter22!``: a word with
    letters and digits after a name for a password; prose (``the password is correct``,
    ``password reset email sent``) has no such word."""
    if not _names_a_password(text[name[0] : name[1]]):
        return None
    found = spoken_password(_SPOKEN_PASSWORD, text, pos)
    return None if found is None else (*found, "assignment")


# A configuration directive and its value, alone on their line: Redis's "requirepass …",
# slapd's "rootpw …", Apache's "AuthLDAPBindPassword …", Gradle's 'storePassword "…"'.
_DIRECTIVE_NAMES = (*_PASSWORD_NAMES, "masterauth", "authtok")
_DIRECTIVE_VALUE = re.compile(
    r"""[ \t]{1,16}(?:(["'])([^"'\r\n]{1,1024})\1|([^\s"']{1,1024}))[ \t]*;?[ \t]*(?=\r?\n|\Z)"""
)


def _directive(text: str, name: tuple[int, int], pos: int) -> _Finding | None:
    """The value of a password's directive in a configuration file: only indentation before
    the name, one word or one quoted string after it, and nothing else on the line. After a
    bare word for password the value must be quoted: "Password reset" is a line of prose."""
    start, end = name
    line_start = start_of_line(text, start, _INDENT_REACH)
    if line_start < 0:
        return None  # more than indentation before it: no directive
    normalized = _normalized(text[start:end])
    if text[line_start:start].strip(" \t") or not normalized.endswith(_DIRECTIVE_NAMES):
        return None
    found = _DIRECTIVE_VALUE.match(text, pos)
    if found is None or (found.group(2) is None and normalized in _PASSWORD_NAMES):
        return None
    group = 2 if found.group(2) is not None else 3
    return found.start(group), found.end(group), "assignment"


def _spoken_pin(text: str, name: tuple[int, int], pos: int) -> _Finding | None:
    found = _SPOKEN_PIN.match(text, pos)
    if found is None or _normalized(text[name[0] : name[1]]) not in _PIN_NAMES:
        return None
    return found.start(1), found.end(1), "assignment"


def _registry_value(text: str, pos: int) -> _Finding | None:
    found = _REGISTRY_VALUE.match(text, pos)
    if found is None:
        return None
    start = found.end()
    end = end_of_line(text, start, 258)
    if end - start > 256:  # more than a value's worth: its first word
        word = _REGISTRY_WORD.match(text, start)
        end = word.end() if word else start
    while end > start and text[end - 1] in " \t":
        end -= 1
    return start, end, "assignment"


def _spaced_code(text: str, name: tuple[int, int], pos: int) -> _Finding | None:
    """``CVV 123``, ``security code 4321``: the digits after a card code's name and a space."""
    found = _CODE_AFTER_SPACE.match(text, pos)
    if found is None or not _holds_digits(text[name[0] : name[1]]):
        return None
    return found.start(1), found.end(1), "assignment"


_NAME_ATTRIBUTE = re.compile(r"""(?<=[\s<])(?i:name|key)=["']\Z""")
_VALUE_ELEMENT = re.compile(r"[ \t\r\n]*<value>", re.IGNORECASE)
_TAG_NAME = re.compile(r"<([A-Za-z][\w:-]{0,64})[^<>]*\Z")
_VOID_ELEMENTS = frozenset({"input", "meta", "link", "img", "param", "source", "br", "hr"})


def _named_element_text(text: str, after_name: int) -> _Finding | None:
    """The text of an element whose name or key attribute names a secret, as Windows events
    and .NET settings write one: ``<Data Name="Password">…</Data>``, ``<setting
    name="Password" serializeAs="String"><value>…</value>``. None for an element that closes
    at once, or a name attribute outside a tag (``key="password"`` in a JSON string)."""
    tag_end = text.find(">", after_name, after_name + 512)
    if tag_end < 0 or text[tag_end - 1] == "/" or "<" in text[after_name:tag_end]:
        return None
    tag = _TAG_NAME.search(text, max(0, after_name - 512), after_name)
    if tag is not None and tag.group(1).lower() in _VOID_ELEMENTS:
        return None  # <input name="password"> holds nothing; what follows is other text
    content = tag_end + 1
    value = _VALUE_ELEMENT.match(text, content)
    content = value.end() if value is not None else content
    close = text.find("<", content, content + 4097)
    return (content, close, "assignment") if close > content else None


_ELEMENT_OPENED = re.compile(r"<(?:[A-Za-z][\w.-]{0,32}:)?\Z")


def _marked_variable(text: str, mark: int) -> str | None:
    """The variable whose value the ``└`` at ``mark`` shows: in the code line above it, past
    the lines that carry the drawing's ``│`` down in its column. Lines of a traceback are
    short: none is looked for further back than :func:`start_of_line` reaches."""
    line_start = start_of_line(text, mark)
    column = mark - line_start
    for _ in range(64):
        above = start_of_line(text, line_start - 1) if line_start > 0 else -1
        if above < 0:
            return None
        line = text[above : line_start - 1]
        if line[column : column + 1] != "│":
            glued = column > 0 and (line[column - 1 : column].isalnum() or line[column - 1] in "_.")
            found = None if glued else _VARIABLE.match(line, column)
            return None if found is None else found.group()
        line_start = above
    return None


def _element_text(text: str, start: int, end: int) -> _Finding | None:
    """The text of an XML element named like a secret, ``<password>…</password>``, maybe with a
    namespace and attributes (``<wsse:Password Type="…">…</wsse:Password>``)."""
    opened = _ELEMENT_OPENED.search(text, max(0, start - 34), start)
    if opened is None:
        return None
    tag_end = end if text[end : end + 1] == ">" else text.find(">", end, end + 512)
    if tag_end < 0 or text[tag_end - 1] == "/" or "<" in text[end:tag_end]:
        return None
    close = text.find(f"</{text[opened.start() + 1 : end]}>", tag_end + 1, tag_end + 4097)
    if close <= tag_end + 1:
        return None
    inner = text.find("<", tag_end + 1, close)
    if inner >= 0 and not text.startswith("<![CDATA[", inner):
        # <wsse:UsernameToken> holds elements: its leaves hold the values. Windows' answer
        # files hold the password in a <Value> (<AdministratorPassword><Value>…</Value>).
        value = _VALUE_ELEMENT.match(text, tag_end + 1, close)
        value_end = text.find("<", value.end(), close) if value is not None else -1
        return (value.end(), value_end, "assignment") if value and value_end > value.end() else None
    return tag_end + 1, close, "assignment"


def _yaml_block(text: str, value: int) -> _Finding | None:
    """The indented lines of a YAML block scalar (``key: |``) that follow its key."""
    line_start = text.rfind("\n", 0, value) + 1
    indent = len(text[line_start:value]) - len(text[line_start:value].lstrip(" "))
    first = text.find("\n", value) + 1
    pos, end = first, first
    while 0 < pos < len(text) and pos - first < 4096:
        line_end = end_of_line(text, pos)
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
    anchors = set(_KEY_ANCHORS + _KEY_ANCHORS_SHORT + _CODE_ANCHORS)
    for name in extra:
        parts = _components(name)
        if parts:
            anchors.add(max(parts, key=len))
    scanner = _SecretValueScanner(
        secret_key_matcher(extra),
        _anchors.keyword_run(anchors, _KEY_NAME_END),
    )
    return (
        _SecretValueRule("secret-assignment", "assignment", scanner),
        _SecretValueRule("secret-query-param", "query", scanner),
        _SecretValueRule("high-entropy-secret", "entropy", scanner),
        _SecretValueRule("secret-named-value", "named", scanner),
    )
