"""Pseudonyms: consistent within a bundle, unlinkable across bundles unless a key is shared."""

from __future__ import annotations

import pytest

from supportkit.exceptions import InvalidArgumentError
from supportkit.redaction import RedactionPolicy, Redactor
from supportkit.redaction._pseudonym import Pseudonymizer, safe_kind, without_placeholders
from supportkit.redaction.rules.credentials import RULES

CREDENTIALS_ONLY = RedactionPolicy(rules=RULES)


def test_same_value_same_placeholder_within_a_redactor() -> None:
    """A value seen in two artifacts of one bundle gets the same placeholder in both."""
    redactor = Redactor(CREDENTIALS_ONLY)
    one = redactor.text("password=hunter2", artifact="a.log")
    two = redactor.text('{"token": "hunter2"}', artifact="b.log")
    assert one == "password=<secret-1>"
    assert two == '{"token": "<secret-1>"}'


def test_numbers_follow_first_appearance_per_kind() -> None:
    """Each kind counts on its own, in the order values first appear."""
    names = Pseudonymizer()
    got = [names.placeholder(k, v) for k, v in [("email", "b"), ("ipv4", "b"), ("email", "a")]]
    assert got == ["<email-1>", "<ipv4-1>", "<email-2>"]


def test_numbered_placeholders_do_not_depend_on_the_value() -> None:
    """Two bundles number their first value alike, so a number reveals nothing about it."""
    assert Pseudonymizer().placeholder("email", "a") == Pseudonymizer().placeholder("email", "b")


def test_random_keys_make_different_tables() -> None:
    """The HMAC key is random per bundle, so table keys never match across bundles."""
    one, two = Pseudonymizer(), Pseudonymizer()
    one.placeholder("email", "a")
    two.placeholder("email", "a")
    assert set(one._numbers).isdisjoint(two._numbers)


def test_table_holds_no_raw_values() -> None:
    """The mapping is keyed by HMAC digests, not by the values themselves."""
    names = Pseudonymizer()
    names.placeholder("secret", "hunter2")
    assert all("hunter2" not in repr(key) for key in names._numbers)
    assert "hunter2" not in repr(names)


def test_stable_key_correlates_across_redactors() -> None:
    """With the same host key, the same value gets the same placeholder in every bundle."""
    policy = RedactionPolicy(rules=RULES, stable_key=b"host-key")
    one = Redactor(policy).text("password=hunter2", artifact="a")
    two = Redactor(policy).text("password=hunter2", artifact="a")
    assert one == two
    assert len(one) == len("password=<secret-12345678>")


def test_different_stable_keys_do_not_correlate() -> None:
    """Another host key gives another placeholder for the same value."""
    one = Pseudonymizer(b"key-one").placeholder("secret", "hunter2")
    two = Pseudonymizer(b"key-two").placeholder("secret", "hunter2")
    assert one != two


def test_stable_key_must_be_bytes() -> None:
    """A text key is refused with a message saying what to pass."""
    with pytest.raises(InvalidArgumentError, match="bytes"):
        RedactionPolicy(stable_key="not-bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "safe"),
    [("email", "email"), ("AWS-Key", "aws-key"), ("a>b", "redacted"), ("", "redacted")],
)
def test_odd_kinds_cannot_break_the_placeholder(kind: str, safe: str) -> None:
    """A host rule's kind is lowercased; one with odd characters becomes 'redacted'."""
    assert safe_kind(kind) == safe


def test_surrogate_escaped_values_are_hashed() -> None:
    """Values decoded with surrogateescape (bytes that were not UTF-8) still get placeholders."""
    assert Pseudonymizer().placeholder("secret", "a\udcff") == "<secret-1>"


def test_placeholders_are_blanked_when_looking_for_survivors() -> None:
    """Counter and stable placeholders are blanked; the text around them, and values that only
    look like their numbers, are left for the search."""
    text = "cvv <secret-123> and <email-3f9a1c2b> kept 123 <redaction-failed>"
    assert without_placeholders(text) == "cvv   and   kept 123 <redaction-failed>"
