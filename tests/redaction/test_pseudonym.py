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


@pytest.mark.parametrize(
    ("kind", "spellings"),
    [
        ("email", ["Ana.Silva@Example.org", "ana.silva@example.org", "ana.silva%40example.org"]),
        ("card", ["4111 1111 1111 1111", "4111111111111111", "4111-1111-1111-1111"]),
        ("iban", ["DE89 3704 0044 0532 0130 00", "de89370400440532013000"]),
        ("mac", ["00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5e", "001a.2b3c.4d5e"]),
        ("phone", ["+44 20 7946 0958", "+442079460958", "+44 (20) 7946-0958"]),
        ("phone", ["090-1234-5678", "０９０-１２３４-５６７８", "+81 90-1234-5678"]),
        ("phone", ["+1 415-555-2671", "(415) 555-2671", "415.555.2671", "1-415-555-2671"]),
        ("phone", ["+7 912 345-67-89", "8 (912) 345-67-89", "%2B79123456789", "+٧٩١٢٣٤٥٦٧٨٩"]),
        ("phone", ["0501234567", "٠٥٠١٢٣٤٥٦٧", "۰۵۰۱۲۳۴۵۶۷"]),
        ("phone", ["+91 98765 43210", "098765 43210", "0091 98765 43210"]),
        ("phone", ["(11) 91234-5678", "+55 11 91234-5678", "+55 (11) 91234-5678"]),
        ("ipv6", ["2001:db8:85a3::8a2e:370:7334", "2001:0DB8:85A3:0:0:8A2E:0370:7334"]),
        ("ssn", ["123-45-6789", "123 45 6789"]),
        ("secret", ["Hunter22!", "Hunter22%21"]),
        ("password", ["p@ss w0rd", "p%40ss%20w0rd"]),
        ("name", ["Olga", "olga", "OLGA"]),
        (
            "address",
            ["12 Baker Street, London", "12+Baker+Street%2C+London", "12 baker street,  LONDON"],
        ),
        (
            "device-id",
            [
                "1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d",
                "{1A2B3C4D-5E6F-4A8B-9C0D-1E2F3A4B5C6D}",
            ],
        ),
        ("ipv4", ["73.15.22.8", "73-15-22-8", "073015022008", "073-015-022-008"]),
        ("ipv4", ["93.220.18.52", "5DDC1234", "5ddc1234"]),
        ("ipv4", ["1.2.3.45", "001-002-003-045"]),
        (
            "birth-date",
            [
                "1985-03-14",
                "14.03.1985",
                "03/14/1985",
                "14/03/1985",
                "1985年3月14日",
                "14 March 1985",
                "March 14th, 1985",
                "19850314",
                "1985-03-14T00:00:00Z",
            ],
        ),
    ],
)
def test_one_value_written_several_ways_gets_one_placeholder(
    kind: str, spellings: list[str]
) -> None:
    """ "The same user hit this twice" survives a log that prints them one way and a form
    another."""
    names = Pseudonymizer()
    assert {names.placeholder(kind, spelling) for spelling in spellings} == {f"<{kind}-1>"}
    assert names.placeholder(kind, "0" * 9) == f"<{kind}-2>"


def test_a_date_whose_order_is_unclear_keeps_its_own_placeholder() -> None:
    """03/04/1985 is the 3rd of April in Europe and the 4th of March in the US."""
    names = Pseudonymizer()
    placeholders = [names.placeholder("birth-date", date) for date in ("03/04/1985", "04/03/1985")]
    assert placeholders == ["<birth-date-1>", "<birth-date-2>"]
    assert names.placeholder("birth-date", "1985-04-03") == "<birth-date-3>"


def test_spellings_of_one_value_match_across_bundles_with_a_stable_key() -> None:
    one, two = Pseudonymizer(b"host-key"), Pseudonymizer(b"host-key")
    written_here = one.placeholder("email", "Ana@Example.org")
    assert written_here == two.placeholder("email", "ana@example.org")


def test_user_names_in_paths_keep_their_case() -> None:
    """Linux tells ``/home/Ana`` from ``/home/ana``: two users, two placeholders."""
    names = Pseudonymizer()
    assert names.placeholder("user", "Ana") != names.placeholder("user", "ana")


def test_redacted_text_shows_one_placeholder_for_one_address() -> None:
    redactor = Redactor()
    out = redactor.text("from Ana@Example.org, to ana%40example.org", artifact="a.log")
    assert out == "from <email-1>, to <email-1>"


def test_numbers_follow_first_appearance_per_kind() -> None:
    """Each kind counts on its own, in the order values first appear."""
    names = Pseudonymizer()
    got = [names.placeholder(k, v) for k, v in [("email", "b"), ("ipv4", "b"), ("email", "a")]]
    assert got == ["<email-1>", "<ipv4-1>", "<email-2>"]


def test_secrets_found_by_where_they_stand_share_one_numbering() -> None:
    """One session id as a cookie and as a log field, one password after two names: the kinds
    differ, the number says it is one value."""
    names = Pseudonymizer()
    got = [
        names.placeholder(kind, value)
        for kind, value in [
            ("cookie", "s1d"), ("secret", "pw"), ("secret", "s1d"), ("password", "pw"),
            ("auth", "tok"), ("email", "pw"),
        ]
    ]  # fmt: skip
    assert got == [
        "<cookie-1>", "<secret-2>", "<secret-1>", "<password-2>", "<auth-3>", "<email-1>",
    ]  # fmt: skip


def test_a_session_id_keeps_its_number_from_cookie_to_log_field() -> None:
    out = Redactor().text(
        "Cookie: sid=Zq8kLm2pW4nB7cD1\nINFO session_id=Zq8kLm2pW4nB7cD1 user=ana", artifact="a"
    )
    assert out == "Cookie: sid=<cookie-1>\nINFO session_id=<secret-1> user=<user-1>"


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
    """The mapping is keyed by HMAC digests, and the placeholders kept for repeats by hashes,
    never by the values themselves."""
    names = Pseudonymizer()
    names.placeholder("secret", "hunter2")
    names.placeholder("secret", "hunter2")
    kept = [*names._numbers, *names._recent, *names._recent.values()]
    assert kept
    assert all("hunter2" not in repr(item) for item in kept)
    assert "hunter2" not in repr(names)


def test_placeholders_kept_for_repeats_stay_bounded() -> None:
    """A value seen again gets the same placeholder, however many values came between."""
    names = Pseudonymizer()
    first = names.placeholder("ipv4", "203.0.113.9")
    for number in range(5000):
        names.placeholder("ipv4", f"198.51.{number // 256}.{number % 256}")
    assert len(names._recent) <= 4096
    assert names.placeholder("ipv4", "203.0.113.9") == first


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
