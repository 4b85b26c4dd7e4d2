"""This machine's user and host names, given as arguments, found as whole words."""

from __future__ import annotations

import pytest

from supportkit.redaction._rule import Rule
from supportkit.redaction.rules.machine import GENERIC_NAMES, machine_rules, this_machine


def found(rules: tuple[Rule, ...], text: str) -> list[tuple[str, str]]:
    """(value, kind) for every span the rules find in ``text``, in text order."""
    spans = sorted((span for rule in rules for span in rule.find(text)), key=lambda s: s.start)
    return [(text[span.start : span.end], span.kind) for span in spans]


@pytest.fixture
def rules() -> tuple[Rule, ...]:
    return machine_rules("alice", "build-box-7.corp.example.com")


def test_rules_follow_the_protocol(rules: tuple[Rule, ...]) -> None:
    """One personal rule for the user and one for the host."""
    assert [rule.name for rule in rules] == ["machine-user", "machine-host"]
    assert all(isinstance(rule, Rule) and rule.category == "personal" for rule in rules)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("user alice logged in", [("alice", "user")]),
        ("ALICE and Alice", [("ALICE", "user"), ("Alice", "user")]),
        ("/home/alice/x", [("alice", "user")]),
        ("alice's laptop", [("alice", "user")]),
        ("malice alice_bot alice2 palice", []),
        ("on build-box-7.corp.example.com", [("build-box-7.corp.example.com", "host")]),
        ("on BUILD-BOX-7: ok", [("BUILD-BOX-7", "host")]),
        ("build-box-70 and xbuild-box-7", []),
        ("alice@build-box-7", [("alice", "user"), ("build-box-7", "host")]),
    ],
)
def test_names_are_found_as_whole_words(text: str, expected: list[tuple[str, str]]) -> None:
    """Names match case-insensitively, only between non-word characters."""
    assert found(machine_rules("alice", "build-box-7.corp.example.com"), text) == expected


def test_fqdn_match_is_not_split_into_the_short_name(rules: tuple[Rule, ...]) -> None:
    """Inside the full host name, the short name is not reported a second time."""
    text = "build-box-7.corp.example.com"
    assert len(list(rules[1].find(text))) == 1


def test_grown_lower_case_keeps_offsets() -> None:
    """A letter that grows when lower-cased does not shift the spans."""
    (rule,) = machine_rules("alice", None)
    text = "İİ alice"
    assert [text[span.start : span.end] for span in rule.find(text)] == ["alice"]


@pytest.mark.parametrize(
    ("user", "host"),
    [
        ("root", "localhost"),
        ("admin", "localhost.localdomain"),
        ("al", "pc"),
        (None, None),
        ("", ""),
        ("1000", "12345"),
        ("  ", "(none)"),
    ],
)
def test_short_and_generic_names_make_no_rule(user: str | None, host: str | None) -> None:
    """Names too short, numeric or generic to redact safely are ignored."""
    assert machine_rules(user, host) == ()


def test_generic_names_are_lower_case() -> None:
    """The ignore list is compared against lower-cased names, so it must be lower case."""
    assert all(name == name.lower() for name in GENERIC_NAMES)


def test_generic_name_inside_fqdn_keeps_the_rest() -> None:
    """A generic short host name is ignored while the full name is still found."""
    (rule,) = machine_rules(None, "server.corp.example.com")
    assert found((rule,), "server.corp.example.com and server") == [
        ("server.corp.example.com", "host")
    ]


def test_this_machine_reports_real_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """The names come from the login name and the host name."""
    monkeypatch.setenv("LOGNAME", "ana-silva")
    user, host = this_machine()
    assert user == "ana-silva"
    assert host


def test_this_machine_tolerates_missing_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """A user without a login name or passwd entry and a failing host lookup give None."""

    def fail() -> str:
        raise OSError("no name")

    monkeypatch.setattr("getpass.getuser", fail)
    monkeypatch.setattr("socket.gethostname", fail)
    assert this_machine() == (None, None)
