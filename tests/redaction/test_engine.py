"""The engine: overlap resolution, line structure, failing closed, streaming, linear time."""

from __future__ import annotations

import gc
import io
import random
import re
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from supportkit.redaction import FAILED_PLACEHOLDER, RedactionAudit, RedactionPolicy, redact_file
from supportkit.redaction._engine import RedactionState, redact_stream, redact_text
from supportkit.redaction._pseudonym import Pseudonymizer
from supportkit.redaction._rule import Category, Rule, Span
from supportkit.redaction.rules import default_rules
from supportkit.redaction.rules.credentials import RULES as CREDENTIALS


@dataclass
class FakeRule:
    """Finds a regex; for testing the engine, not for real use."""

    name: str
    pattern: str
    kind: str = "thing"
    category: Category = "personal"
    max_span: int = 64
    _compiled: re.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._compiled = re.compile(self.pattern)

    def find(self, text: str) -> Iterator[Span]:
        for match in self._compiled.finditer(text):
            yield Span(match.start(), match.end(), self.kind)


@dataclass
class BrokenRule:
    """Raises on any text containing ``trigger``; or returns a span outside the text."""

    name: str = "broken"
    category: Category = "credential"
    max_span: int = 16
    trigger: str = "boom"
    bad_span: bool = False

    def find(self, text: str) -> Iterator[Span]:
        if self.trigger in text:
            if self.bad_span:
                yield Span(0, len(text) + 5, "x")
            else:
                raise RuntimeError(text)


def make_state(
    audit: RedactionAudit | None = None, allow: Callable[[str], bool] | None = None
) -> RedactionState:
    return RedactionState(Pseudonymizer(), audit or RedactionAudit(), "artifact", allow)


def run(text: str, *rules: Rule, state: RedactionState | None = None) -> str:
    return redact_text(text, rules, state or make_state())


def test_credential_beats_longer_personal_finding() -> None:
    """A credential wins an overlap even against a longer personal-data span."""
    personal = FakeRule("person", r"alice-secret-xyz", kind="person")
    credential = FakeRule("cred", r"secret", kind="key", category="credential")
    out = run("id alice-secret-xyz end", personal, credential)
    assert out == "id <key-1> end"


def test_longer_beats_shorter_in_the_same_category() -> None:
    """Between two personal findings, the longer names the placeholder."""
    out = run(
        "x 12345678 y", FakeRule("short", r"3456", kind="s"), FakeRule("long", r"\d{8}", kind="l")
    )
    assert out == "x <l-1> y"


def test_earlier_beats_later_on_equal_length() -> None:
    """Two overlapping findings of equal length: the earlier one wins and absorbs the other."""
    out = run("abcdef", FakeRule("one", r"cdef", kind="b"), FakeRule("two", r"abcd", kind="a"))
    assert out == "<a-1>"


def test_loser_sticking_out_is_absorbed() -> None:
    """No character of an overlapping loser survives outside the winner's placeholder."""
    winner = FakeRule("w", r"KEY123", kind="key", category="credential")
    loser = FakeRule("l", r"name@KEY", kind="email")
    out = run("to name@KEY123 ok", winner, loser)
    assert out == "to <key-1> ok"


def test_loser_spanning_two_winners_leaves_no_gap() -> None:
    """A long loser over two winners: the text between the winners goes too."""
    winners = FakeRule("w", r"AA\d|BB\d", kind="key", category="credential")
    loser = FakeRule("l", r"xAA1 middle BB2x", kind="blob")
    out = run("<xAA1 middle BB2x>", winners, loser)
    assert "middle" not in out
    assert "x" not in out.strip("<>").replace("<key-1>", "").replace("<key-2>", "")


def test_same_value_same_placeholder_and_audit_counts_occurrences() -> None:
    """Repeated values share a placeholder; the audit counts every replacement by rule."""
    state = make_state()
    out = run("a@x a@x b@x", FakeRule("email", r"\w@x", kind="email"), state=state)
    assert out == "<email-1> <email-1> <email-2>"
    assert state.audit.artifacts == {"artifact": {"email": 3}}


def _assignments() -> FakeRule:
    return FakeRule("assignment", r"(?<=password=)\S+", kind="secret", category="credential")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "E  assert 'Zx8k-Lm2pW4' == x\nE   where password=Zx8k-Lm2pW4 = get()",
            "E  assert '<secret-1>' == x\nE   where password=<secret-1> = get()",
        ),
        (
            "password=Zx8kLm2pW4\nretrying login with Zx8kLm2pW4, then Zx8kLm2pW4!",
            "password=<secret-1>\nretrying login with <secret-1>, then <secret-1>!",
        ),
        # words stay, and so do longer tokens holding the value
        ("password=orangejuice\nI like orangejuice", "password=<secret-1>\nI like orangejuice"),
        ("password=Zx8kLm2pW4 Zx8kLm2pW4x aZx8k", "password=<secret-1> Zx8kLm2pW4x aZx8k"),
        ("password=Zx8kLm2pW4 aZx8kLm2pW4", "password=<secret-1> aZx8kLm2pW4"),
    ],
)  # fmt: skip
def test_a_credential_is_replaced_where_it_appears_again_nearby(text: str, expected: str) -> None:
    """A traceback or a retry repeats a secret without its name; each nearby whole-token copy
    gets the same placeholder and counts in the audit under the rule that found it."""
    state = make_state()
    assert run(text, _assignments(), state=state) == expected
    assert state.audit.artifacts["artifact"]["assignment"] == expected.count("<secret-1>")


def test_a_credential_is_not_looked_for_far_from_where_it_was_found() -> None:
    """Echoes are looked for within 2 KiB either side, so each finding costs a bounded search."""
    far = "password=Zx8kLm2pW4\n" + "." * 2100 + " Zx8kLm2pW4"
    assert run(far, _assignments()).endswith(" Zx8kLm2pW4")


def test_personal_data_is_not_echoed() -> None:
    """Only credentials and people's names: a user name found in a path is not hunted for as
    a word."""
    rule = FakeRule("user", r"(?<=/home/)\w+", kind="user")
    assert run("/home/Ana2024x Ana2024x", rule) == "/home/<user-1> Ana2024x"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "customer_name=Ana Lima\ninvoice sent to Ana Lima; Ana Limas; Ana",
            "customer_name=<name-1>\ninvoice sent to <name-1>; Ana Limas; Ana",
        ),
        # one word may be a word: "Mark" is not looked for again
        (
            "customer_name=Mark\nMark the invoice as paid",
            "customer_name=<name-1>\nMark the invoice as paid",
        ),
    ],
)
def test_a_persons_name_is_replaced_where_it_appears_again_nearby(text: str, expected: str) -> None:
    """A name a label gave, written again without it nearby, is the same person's."""
    state = make_state()
    rule = FakeRule("person", r"(?<=customer_name=)[A-Z]\w+(?: [A-Z]\w+)?", kind="name")
    assert run(text, rule, state=state) == expected
    assert state.audit.artifacts["artifact"]["person"] == expected.count("<name-1>")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_structure_is_kept(newline: str) -> None:
    """A replaced span over k line breaks leaves the same k breaks; other lines are untouched."""
    text = newline.join(["first", "BEGIN", "one", "two", "END", "last"])
    out = run(text, FakeRule("block", r"BEGIN[\s\S]*?END", kind="block"))
    assert out.split(newline) == ["first", "<block-1>", "", "", "", "last"]


def test_failing_rule_hides_the_whole_text_and_is_recorded() -> None:
    """Fail closed: the text goes, line count stays, the failure names rule and error only."""
    state = make_state()
    text = "line one password=boom\nline two\nline three"
    out = run(text, FakeRule("ok", r"one"), BrokenRule(), state=state)
    assert out == FAILED_PLACEHOLDER + "\n\n"
    (failure,) = state.audit.failures
    assert (failure.artifact, failure.rule, failure.error) == ("artifact", "broken", "RuntimeError")
    assert "boom" not in repr(state.audit)


def test_span_outside_the_text_fails_closed() -> None:
    """A rule returning nonsense is treated like one that raised."""
    state = make_state()
    assert run("boom here", BrokenRule(bad_span=True), state=state) == FAILED_PLACEHOLDER
    assert state.audit.failures[0].error == "_InvalidSpanError"


def test_allow_list_drops_candidates() -> None:
    """Values the allow callback accepts are never replaced."""
    state = make_state(allow=lambda value: value == "keep@x")
    out = run("keep@x drop@x", FakeRule("email", r"\w+@x", kind="email"), state=state)
    assert out == "keep@x <email-1>"


class ChoppyReader(io.StringIO):
    """Returns pieces of random size, as pipes and sockets do."""

    def __init__(self, text: str, seed: int) -> None:
        super().__init__(text)
        self._rng = random.Random(seed)

    def read(self, size: int | None = -1) -> str:
        want = size if size is not None and size >= 0 else 1 << 30
        return super().read(self._rng.randint(1, max(1, want)))


def mixed_text(seed: int, lines: int) -> str:
    rng = random.Random(seed)
    pem = "-----BEGIN RSA PRIVATE KEY-----\n" + "\n".join("Q" * 64 for _ in range(40))
    pem += "\n-----END RSA PRIVATE KEY-----"
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJ" + "a1" * 600 + ".sig_" + "b2" * 20
    pool = [
        "INFO plain line with nothing to hide, order #1234 took 12ms",
        "export AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP",
        "Authorization: Bearer abc123def456ghi789",
        f"token {jwt} used",
        pem,
        "password=hunter2 user=bob",
        'payload {"client_secret": "zz9-top-secret", "n": 3}',
        "ghp_" + "x1" * 18 + " leaked",
    ]
    weights = [30, 1, 1, 1, 1, 1, 1, 1]
    return "\n".join(rng.choices(pool, weights)[0] for _ in range(lines)) + "\n"


@pytest.mark.parametrize("seed", range(4))
def test_stream_equals_whole_text_with_the_credential_rules(seed: int) -> None:
    """Chunk boundaries anywhere change nothing, PEM blocks and long JWTs included."""
    text = mixed_text(seed, 3000)
    whole = redact_text(text, CREDENTIALS, make_state())
    out = io.StringIO()
    chunk = random.Random(seed).randint(500, 70_000)
    redact_stream(ChoppyReader(text, seed), out, CREDENTIALS, make_state(), chunk_chars=chunk)
    assert out.getvalue() == whole


@pytest.mark.parametrize("seed", range(6))
def test_stream_finds_tokens_straddling_many_small_windows(seed: int) -> None:
    """With short rules the windows are tiny, so tokens straddle boundaries constantly."""
    rules = (FakeRule("tok", r"TOKEN-[a-z]{40}", kind="tok", max_span=46),)
    rng = random.Random(seed)
    parts = [rng.choice(["word ", "\n", "TOKEN-" + "q" * 40 + " "]) for _ in range(4000)]
    text = "".join(parts)
    out = io.StringIO()
    redact_stream(
        ChoppyReader(text, seed), out, rules, make_state(), chunk_chars=rng.randint(1, 200)
    )
    assert "TOKEN-" not in out.getvalue()
    assert out.getvalue() == redact_text(text, rules, make_state())


def test_stream_failure_keeps_lines_and_records() -> None:
    """A rule failing in one window hides that window's text but keeps its line count."""
    text = "fine\n" * 1000 + "boom\n" + "fine\n" * 1000
    audit = RedactionAudit()
    out = io.StringIO()
    redact_stream(io.StringIO(text), out, (BrokenRule(),), make_state(audit), chunk_chars=100)
    assert "boom" not in out.getvalue()
    assert out.getvalue().count("\n") == text.count("\n")
    assert audit.failures[0].rule == "broken"


class GeneratedReader(io.TextIOBase):
    """``total`` characters of log text made on demand, never held at once."""

    def __init__(self, total: int) -> None:
        self._left = total
        plain = "2024-05-01T12:00:00Z INFO worker took 12ms for order 88231\n" * 40
        self._block = plain + "export AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP\n"

    def read(self, size: int | None = -1) -> str:
        size = self._left if size is None or size < 0 else min(size, self._left)
        self._left -= size
        return (self._block * (size // len(self._block) + 1))[:size]


class CountingWriter(io.TextIOBase):
    def __init__(self) -> None:
        self.chars = 0

    def write(self, text: str) -> int:
        self.chars += len(text)
        return len(text)


def test_stream_memory_is_bounded_by_the_window_not_the_input() -> None:
    """A 48 MB stream is redacted with a peak far below its size."""
    total = 48 * 1024 * 1024
    rules = tuple(rule for rule in CREDENTIALS if rule.name in ("private-key", "aws-access-key-id"))
    writer, audit = CountingWriter(), RedactionAudit()
    tracemalloc.start()
    try:
        redact_stream(GeneratedReader(total), writer, rules, make_state(audit))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    replaced = audit.artifacts["artifact"]["aws-access-key-id"]
    assert replaced > 1000
    assert writer.chars == total - replaced * (len("AKIAABCDEFGHIJKLMNOP") - len("<aws-key-1>"))
    assert peak < 24 * 1024 * 1024


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "akia": lambda n: "AKIA" * (n // 4),
    "akia-spaced": lambda n: "AKIA " * (n // 5),
    "eyj": lambda n: "eyJ" * (n // 3),
    "eyj-dotted": lambda n: "eyJaaaaaaaa." * (n // 12),
    "at-signs": lambda n: "a@" * (n // 2),
    "digits": lambda n: "1" * n,
    "digit-groups": lambda n: "1234 " * (n // 5),
    "hex": lambda n: "deadbeef" * (n // 8),
    "begin": lambda n: "-----BEGIN RSA PRIVATE KEY-----\n" * (n // 32),
    "url": lambda n: "a://" * (n // 4),
    "keys": lambda n: "password=" * (n // 9),
    "key-words": lambda n: "key " * (n // 4),
    "cookie": lambda n: "Cookie: " + "a" * n,
    "quotes": lambda n: 'password="' + "\\" * n,
    "home": lambda n: "/home/" * (n // 6),
    "cli-arguments": lambda n: "mysql sshpass x login" * (n // 21),
    "named-values": lambda n: "name: token, value: " * (n // 20),
    "url-user-info": lambda n: ("://a:" + "@x" * 128 + " ") * (n // 262),
    "url-user-info-unclosed": lambda n: "://a:" + "@" * n,
    "python-pairs": lambda n: "('password', '" * (n // 14),
    "smtp-auth": lambda n: "AUTH PLAIN\n334 UGFzc3dvcmQ6\n" * (n // 28),
    "coordinates": lambda n: "lat=1.123 lon=" * (n // 14),
    "user-variables": lambda n: "USER=ana " * (n // 9),
    "path-parameters": lambda n: ";jsessionid=" * (n // 12),
    "national-ids": lambda n: "CPF 123.456.789-0 СНИЛС 123-456-789 " * (n // 35),
    "device-ids": lambda n: "idfa android_id " * (n // 16),
    "machine-ids": lambda n: "Machine ID: MachineGuid REG_SZ deviceId=" * (n // 40),
    "sentry-dsns": lambda n: ("://" + "0" * 32 + "@h/" + "a/" * 4) * (n // 46),
    "hex-host-names": lambda n: "p5DDC1234.a c51471f2c.cable." * (n // 28),
    "postal-addresses": lambda n: "shipping address: 1 Elm Street, " * (n // 32),
    "address-labels": lambda n: "IP-Adresse: 地址: line1=" * (n // 21),
    "windows-sids": lambda n: "S-1-5-21-1-2-3-S-1-12-1-" * (n // 24),
    "sql-passwords": lambda n: "IDENTIFIED BY PASSWORD '" * (n // 24),
    "sql-quotes": lambda n: "PASSWORD '" + "''" * (n // 2),
    "oracle-logons": lambda n: "sqlplus -s a/" * (n // 13),
    "bytes-literals": lambda n: "token: b'" * (n // 9),
    "argument-lists": lambda n: '["--password", "' * (n // 16),
    "named-elements": lambda n: '<Data Name="Password">' * (n // 22),
    "named-element-tags": lambda n: '<setting name="Password" a="b" ' * (n // 32),
    "keyvault": lambda n: "keyvault secret set --value " * (n // 28),
    "spoken-passwords": lambda n: "Passwort ist abcdefghijklmnopq " * (n // 31),
    "spoken-password-words": lambda n: "my password is abcdefgh " * (n // 24),
    "kubernetes-kinds": lambda n: "kind: Secret\n" * (n // 13),
    "kubernetes-fields": lambda n: "kind: Secret\ndata:\n" + "  a: b\n" * (n // 7),
    "shown-values": lambda n: "password " * (n // 18) + "\n" + "└ 'abcdef" * (n // 18),
    "shown-values-stacked": lambda n: "password\n" + "│\n" * (n // 4) + "└ 'a'\n" * (n // 12),
    "validation-inputs": lambda n: "input_value=" * (n // 12),
    "validation-json": lambda n: '"loc": ["password"], "input": ' * (n // 32),
    "rejected-values": lambda n: "on field 'password': rejected value [" * (n // 38),
    "form-fields": lambda n: 'form-data; name="password"\r\n\r\n' * (n // 32),
    "php-dumps": lambda n: '["password"]=> string(1) "' * (n // 27),
    "print-r": lambda n: "[password] => " * (n // 14),
    "password-hashes": lambda n: "$2a$10$" * (n // 7),
    "echo-stdin": lambda n: "echo x | " * (n // 9),
    "account-passwords": lambda n: "a@b.cd:" * (n // 7),
    "network-devices": lambda n: "username a password 0 " * (n // 22),
    "namespaced-elements": lambda n: "<x:password a=" * (n // 14),
    "encoded-plus": lambda n: "%2B1%20415" * (n // 10),
    "click-to-chat": lambda n: "wa.me/1234567 " * (n // 14),
    "encoded-json": lambda n: "%22password%22%3A%22" * (n // 20),
    "escaped-twice": lambda n: '\\\\\\"token\\\\\\": ' * (n // 14),
    "erlang-pairs": lambda n: '{password, <<"' * (n // 15),
    "bundler-hosts": lambda n: "BUNDLE_A__" * (n // 10) + "B__CO=",
    "device-owners": lambda n: "Olga Olgas-s-iPhone d’iPad de " * (n // 30),
    "access-log-users": lambda n: "- a [06/Dec/2026:10" * (n // 19),
    "php-logins": lambda n: "ldap_bind(Resource id #1, Object(A), " * (n // 37),
    "directives": lambda n: "\nrequirepass 'a" * (n // 15),
    "registry-values": lambda n: "Password    REG_SZ    a" * (n // 23),
    "setter-calls": lambda n: 'setX("token", "a", ' * (n // 19),
    "id-card-words": lambda n: "Ausweis Steuer-ID NIDA " * (n // 23),
    "login-users": lambda n: "for user 'a" * (n // 11) + " Invalid user a" * (n // 15),
    "directory-users": lambda n: "uid=1(a) " * (n // 18) + "(a)" * (n // 6),
    "spoken-pins": lambda n: "my pin is 1234x " * (n // 16),
    "logcat-tags": lambda n: "D/AuthToken: " * (n // 13),
    "labels-before-pairs": lambda n: "token: a=b " * (n // 11),
    "host-name-addresses": lambda n: (
        "1-2-3-4.a" * (n // 9) + "-1.a" * (n // 4) + "1-2-3-4-a" * (n // 9) + "-1-a" * (n // 4)
    ),
    "unc-and-volumes": lambda n: (
        "\\\\a\\Users\\" * (n // 10) + "/Volumes/x" * (n // 10) + "/Users/a"
    ),
    "mailbox-names": lambda n: "Ana Lima <a@" * (n // 12) + "Ab " * (n // 3) + "<a@b.cd>",
    "git-trailers": lambda n: "Signed-off-by: a " * (n // 17) + "<" * (n // 2),
    "licences-and-mbis": lambda n: "driver's license A1-2-3 MBI 1EG4-" * (n // 33),
    "eastern-digits": lambda n: "+٩ " * (n // 3) + "٠" * (n // 2) + "۰۹" * (n // 4),
    "bare-bot-tokens": lambda n: "1234567890:AA" * (n // 13) + "1:AA" + "a" * n,
    "client-secrets": lambda n: "abc8Q~" * (n // 6) + "abc8Q~" + "a" * n,
    "padded-host-name-addresses": lambda n: (
        "073015022008.a" * (n // 14) + "0" * (n // 2) + ".a" + "a" * (n // 2) + "073015022008.a"
    ),
    "pgpass-lines": lambda n: "h:5432:d:u:" * (n // 11),
    "message-ids": lambda n: "References: <a@b.co>\n" + " <a@b.co>\n" * (n // 10),
    "sudo-su-pam": lambda n: (
        ("sudo: a : " * 3 + "(to a) a on " * 3) * (n // 66)
        + "authentication failure; logname=a uid=1 euid=1 tty=t ruser=a rhost=h" * (n // 68)
    ),
    "password-words-on-one-line": lambda n: "password " * (n // 9),
    "user-name-fields": lambda n: "username: a" * (n // 11) + "User_Name=" * (n // 10),
    "prompts": lambda n: "a@b:~/x$ \n" * (n // 20) + ("a" * 60 + "@") * (n // 122),
    "dovecot": lambda n: "user=<a" * (n // 14) + "imap(a" * (n // 12),
    "net-use": lambda n: "net use \\\\a\\b " * (n // 14) + "x /user:" * (n // 8),
    "conda-paths": lambda n: " /t/ab-" * (n // 7),
    "signed-requests": lambda n: (
        "Authorization: AWS4-HMAC-SHA256 "
        + "Credential=a/20261206/x/y/aws4_request, Signature=" * (n // 50)
    ),
    "sonarqube": lambda n: "squ_" * (n // 8) + "sonar.login=" * (n // 24),
    "git-names": lambda n: (
        "user.name=a " * (n // 24) + "[user]\n" * (n // 14) + "Author: a <" * (n // 22)
    ),
    "windows-accounts": lambda n: (
        'Name="TargetUserName">a' * (n // 46) + "Account Name:  a " * (n // 34)
    ),
    "values-to-line-ends": lambda n: "password=" + "a ~\t" * (n // 4),
    "padded-pairs": lambda n: "('nonce_salt',       " * (n // 20),
    "recovery-words": lambda n: "mnemonic: " + "abc " * (n // 4),
    "html-escaped-pairs": lambda n: "token&quot;:&quot;" * (n // 18),
    "full-width-at-signs": lambda n: "連絡先＠a.jpです" * (n // 10),
    "number-words": lambda n: "номер: 12 numer # 1234 手机号1234" * (n // 30),
    "hexdump-pairs": lambda n: "fe 01 09 00 20 00 " * (n // 18),
    "version-words": lambda n: "driver 1.2.3.4 (r1) V8\t" * (n // 22),
    "glued-macs": lambda n: "x74:d8:3e:da:65:55-" * (n // 19),
    "device-keys": lambda n: "tacacs-server snmp-server user a b v3 " * (n // 37),
    "stream-urls": lambda n: "rtmp://a/b/c/" * (n // 13) + "rtmp://a?x&" * (n // 11),
    "imap-logins": lambda n: '1 LOGIN a 2 login "' * (n // 19),
    "media-and-wine-homes": lambda n: " /media/a Z:\\home\\b " * (n // 22),
    "discord-tokens": lambda n: "MTA4NjQxMjM0NTY3ODkwMTIzNA.GaBcDe." * (n // 34),
    "ci-variables": lambda n: (
        "GITHUB_TRIGGERING_ACTOR=a BUILD_REQUESTEDFOR=a a a GITLAB_USER_NAME=" * (n // 66)
    ),
    "quoted-user-names": lambda n: 'userName = "a a' * (n // 15),
    "code-arguments": lambda n: "(username=a.b.c" * (n // 15),
    "server-users": lambda n: "user 'a User 'a user: 'a for login 'a # User@Host: a[" * (n // 52),
    "cups-owners": lambda n: "queued on 'a' by 'a" * (n // 19),
    "jenkins-causes": lambda n: "Started by user a" * (n // 17),
    "spring-starts": lambda n: " with PID 1 (" + "started by a " * (n // 13),
    "postgres-users": lambda n: "user=a database=" * (n // 16) + ",db=" * (n // 4),
    "postgres-prefixes": lambda n: "a@a LOG: " * (n // 9) + ("a" * 70 + "@b:[1]:") * (n // 78),
    "pam-actors": lambda n: "for user a(uid=1) by " * (n // 21),
    "box-prompts": lambda n: "╭─a@b " * (n // 6) + "\na@b ~" + ">" * (n // 2),
    "connection-users": lambda n: (
        "://a:b@c user=a uid=b " * (n // 44) + "psql -x " * (n // 16) + "user=a pwd=" * (n // 44)
    ),
    "mail-headers": lambda n: "\nTo: a <b@c>, " + "a <b@c>, " * (n // 9),
    "cloud-users": lambda n: ":user/a/" * (n // 8) + "-o User=" * (n // 8),
    "person-fields": lambda n: 'displayName: "' * (n // 14) + "first_name='a" * (n // 13),
    "signing-identities": lambda n: "Apple Development: " + "a " * (n // 2),
    "msys-prompts": lambda n: "\na@b MINGW64" * (n // 13),
    "encoded-homes": lambda n: "=%2FUsers%2F" * (n // 12) + "%5Cusers%5Ca" * (n // 12),
    "netrc-machines": lambda n: "machine a " * (n // 10) + "Logged in as " * (n // 13),
    "escaped-breaks": lambda n: "\\n4111 \\t1.2.3 \\na@b.c " * (n // 26),
    "typed-documents": lambda n: '{"type": "CPF", ' + '"a": "b", ' * (n // 10),
    "phone-objects": lambda n: '"phone": {' * (n // 10),
    "russian-mobiles": lambda n: "ж" + "89161234567 " * (n // 24) + "8" * (n // 2),
    "trunk-zeros": lambda n: " 081109 2036" * (n // 12) + " 0 -. " * (n // 6),
    "vm-service-urls": lambda n: (
        "http://127.0.0.1:1234/" * (n // 22) + "%2F%2Flocalhost%3A1/a" * (n // 21)
    ),
    "iban-groups": lambda n: "DE89-3704-0044." * (n // 15) + "GB82.WEST 1234-" * (n // 15),
    "mac-hosts": lambda n: "Abs-Mac-" * (n // 8) + "a" * 29 + "s-mbp" * (n // 5),
    "steam-ids": lambda n: "STEAM_0:1:" * (n // 20) + "[U:1:1" * (n // 12) + "76561190" * (n // 16),
    "fcm-keys": lambda n: "AAAA" * (n // 8) + "AAAAAAAAAAA:APA91b" * (n // 36),
    "birth-names": lambda n: "DOB date of birth (DD/MM/YYYY) _date: '" * (n // 40),
    "birth-gaps": lambda n: ("DOB" + " \t:" * 15 + "x") * (n // 49),
    "named-ids": lambda n: "PAN DNI nie 14 dni 身份证号1234 kimlik " * (n // 38),
    "terraform-state": lambda n: (
        '"attributes": {'
        + '"a": "b", ' * (n // 20)
        + ('"sensitive_attributes": [[{"type": "get_attr", "value": "a"}]] ' * (n // 130))
    ),
    "key-comments": lambda n: "ssh-rsa AAAA" * (n // 24) + "ssh-ed25519 AAAA" + "A" * (n // 2),
    "bare-macs": lambda n: "mac address: " * (n // 26) + "macAddress=" + "a" * (n // 2),
    "bank-accounts": lambda n: "sort code " * (n // 20) + "account 1 " * (n // 20),
    "ssids": lambda n: 'ssid \\"' * (n // 8) + "SSID: a" * (n // 7),
    "gamer-tags": lambda n: "gamertag: a" + "#" * (n // 2) + 'Riot ID "a' * (n // 10),
    "login-verbs": lambda n: "user a " * (n // 7) + " logged in" * (n // 10),
    "unquoted-names": lambda n: "first_name: " + "Ab " * (n // 3) + "lastName=A." * (n // 11),
    "remote-logins": lambda n: (
        "ssh -o a " * (n // 36)
        + "rsync -e ssh " * (n // 52)
        + "mysql -u" * (n // 32)
        + "Authenticating to a" * (n // 76)
        + "a@" * (n // 8)
    ),
    "windows-command-users": lambda n: (
        "/user:a\\" * (n // 36)
        + "schtasks /ru " * (n // 52)
        + "psexec -u" * (n // 36)
        + "Account Name: a b c d e f" * (n // 100)
    ),
    "map-pairs": lambda n: (
        "geo:1.234," * (n // 40)
        + "/@12.345" * (n // 32)
        + "q=1.234~" * (n // 32)
        + "Location[fused 1.234," * (n // 84)
    ),
    "hook-urls-and-itins": lambda n: (
        "hooks.zapier.com/hooks/catch/1" * (n // 90)
        + "maker.ifttt.com/trigger/" * (n // 72)
        + "ITIN 912-70-" * (n // 36)
        + "SV-Nummer 65 170839 J " * (n // 66)
    ),
    "object-names": lambda n: "User(" + "(name='Ana Lima' " * (n // 17) + "x=(" * (n // 3),
    "sql-values": lambda n: (
        "INSERT INTO t (a, b) VALUES ('x', " * (n // 70)
        + "insert into t ("
        + "a," * (n // 4)
        + "INSERT INTO t (a) VALUES (?) [generated in 1s] (" * (n // 100)
        + '[["a", "b"], ' * (n // 26)
        + "UPDATE users SET name = 'a', " * (n // 60)
        + "select from a where name = ? " * (n // 60)
        + "SELECT a FROM users\nWHERE first_name = ?\n AND ? \n" * (n // 100)
        + "insert into t (\n a,\n b\n) values\n ('x',\n 'y'),\n " * (n // 100)
        + "UPDATE t\nSET\n" * (n // 30)
    ),
    "social-profiles": lambda n: (
        "facebook.com/" * (n // 26)
        + "https://www.x.com/"
        + "a" * (n // 4)
        + "de-de.t.me/" * (n // 22)
        + "linkedin.com/in/"
        + "a-" * (n // 8)
    ),
    "labelled-users": lambda n: (
        "user=" * (n // 10)
        + "User Name: a\\" * (n // 26)
        + "(user=a_" * (n // 16)
        + "user="
        + "a." * (n // 4)
        + '"by": "' * (n // 14)
        + '{"owner":"'
        + "a" * (n // 4)
    ),
    "django-models": lambda n: (
        "<User: " * (n // 7) + "<" + "a" * (n // 2) + "User: x" + "<Customer: " * (n // 11)
    ),
    "customer-names": lambda n: (
        "Kunde: " * (n // 7) + "customer: A" + " Ab" * (n // 3) + "客户：" * (n // 3)
    ),
    "unix-commands": lambda n: (
        "$ id -x"
        + " -y" * (n // 3)
        + "\n$ su " * (n // 6)
        + "; useradd -m" * (n // 12)
        + "curl"
        + " -a" * (n // 3)
    ),
    "vcards": lambda n: (
        "\nBEGIN:VCARD" * (n // 24)
        + "\nBEGIN:VCARD\n"
        + "N:a;" * (n // 8)
        + "\nBEGIN:VCARD\nPHOTO:a\n"
        + " a\n" * (n // 6)
        + "\nbegin:vcard\n"
        + "x;" * (n // 4)
    ),
    "home-names-elsewhere": lambda n: "".join(
        f"/home/u{i % 997}/x /srv/u{i % 997}/ " for i in range(n // 26)
    ),
}


def _cpu_seconds(texts: tuple[str, str], rules: tuple[Rule, ...], repeats: int) -> list[float]:
    """Least CPU time of a few runs of each text, taken in turns so that a slow spell of the
    machine falls on both; with the collector off, since GC pauses add noise too."""
    best = [float("inf")] * len(texts)
    gc.disable()
    try:
        for _ in range(repeats):
            for index, text in enumerate(texts):
                start = time.process_time()
                redact_text(text, rules, make_state())
                best[index] = min(best[index], time.process_time() - start)
    finally:
        gc.enable()
    return best


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_input_takes_linear_time(name: str) -> None:
    """Near-matches 4x longer take under 8x the time (quadratic would be 16x).

    100 KB is the smallest size where per-call buffers are already past the allocator's
    small-block range, so both sizes pay the same constant costs.
    """
    make = ADVERSARIAL[name]
    small, large = _cpu_seconds((make(100_000), make(400_000)), default_rules(), repeats=5)
    assert large / max(small, 1e-3) < 8


def test_audit_merge_adds_counts_and_failures() -> None:
    """Merging two audits sums counts per artifact and rule and keeps failures once each."""
    one, two = RedactionAudit(), RedactionAudit()
    one.record("a.log", {"email": 2})
    two.record("a.log", {"email": 1, "jwt": 1})
    two.record("b.log", {})
    two.fail("b.log", "broken", "ValueError")
    one.fail("b.log", "broken", "ValueError")
    merged = one.merge(two).to_dict()
    assert merged["artifacts"] == {"a.log": {"email": 3, "jwt": 1}, "b.log": {}}
    assert merged["failures"] == [
        {"artifact": "b.log", "rule": "broken", "error": "ValueError", "count": 2}
    ]


@pytest.mark.parametrize("rules", [CREDENTIALS, None], ids=["credentials", "default-rules"])
def test_redact_file_round_trips_bytes_it_does_not_replace(
    tmp_path: Path, rules: tuple[Rule, ...] | None
) -> None:
    """CRLF line ends and bytes that are not UTF-8 come out exactly as they went in, also
    beside a word beyond Latin-1 that the default rules look for."""
    src, dst = tmp_path / "in.log", tmp_path / "out.log"
    tel = "тел".encode()
    src.write_bytes(b"caf\xe9 \xff ok " + tel + b"\r\npassword=hunter2\r\nend")
    audit = redact_file(src, dst, RedactionPolicy(rules=rules) if rules else RedactionPolicy())
    assert dst.read_bytes() == b"caf\xe9 \xff ok " + tel + b"\r\npassword=<secret-1>\r\nend"
    assert audit.artifacts == {"in.log": {"secret-assignment": 1}}
    assert not audit.failures


def test_redact_file_reads_stdin_and_writes_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    """'-' means stdin and stdout; both stay usable afterwards."""
    stdin, stdout = io.BytesIO(b"token=abc123def\n"), io.BytesIO()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(stdin))
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(stdout))
    redact_file("-", "-", RedactionPolicy(rules=CREDENTIALS))
    assert stdout.getvalue() == b"token=<secret-1>\n"
    assert not stdout.closed
