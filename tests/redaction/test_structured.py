"""Structured data: secret-named keys are replaced wholesale, recursively; other strings as text."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supportkit.redaction import FAILED_PLACEHOLDER, RedactionPolicy, Redactor, default_policy
from supportkit.redaction._rule import Span
from supportkit.redaction._structured import MAX_DEPTH, StructuredRedaction
from supportkit.redaction.rules import CREDENTIAL_RULES, PERSONAL_RULES


@pytest.fixture(name="redactor")
def _redactor() -> Redactor:
    return Redactor(RedactionPolicy(rules=CREDENTIAL_RULES + PERSONAL_RULES))


@pytest.mark.parametrize("value", ["hunter2", 123456, 3.5, ["a", "b"], {"nested": "x"}, ("t", 1)])
def test_secret_key_replaces_any_value(redactor: Redactor, value: Any) -> None:
    """Whatever the value under a secret-named key is, it becomes one placeholder string."""
    out = redactor.data({"db": {"password": value}}, artifact="report.json")
    assert out == {"db": {"password": "<secret-1>"}}


@pytest.mark.parametrize("key", ["api_keys", "apiKeys", "passwords", "ssh_keys"])
def test_plural_secret_key_replaces_its_list(redactor: Redactor, key: str) -> None:
    """A list of keys or passwords is as secret as one."""
    out = redactor.data({key: ["k1", "k2"], "primary_keys": ["id"]}, artifact="r")
    assert out == {key: "<secret-1>", "primary_keys": ["id"]}


def test_bare_key_is_a_secret_by_what_holds_it(redactor: Redactor) -> None:
    """ASP.NET's appsettings.json keeps a signing key as {"Jwt": {"Key": …}}; a cache's key
    is no secret."""
    data = {"Jwt": {"Key": "k1", "Issuer": "acme"}, "api": [{"key": "k2"}], "cache": {"key": "x"}}
    out = redactor.data(data, artifact="appsettings.json")
    assert out == {
        "Jwt": {"Key": "<secret-1>", "Issuer": "acme"},
        "api": [{"key": "<secret-2>"}],
        "cache": {"key": "x"},
    }


@pytest.mark.parametrize("value", [None, True, False, ""])
def test_empty_and_boolean_secrets_are_kept(redactor: Redactor, value: Any) -> None:
    """None, booleans and empty strings hold no secret and say something useful."""
    assert redactor.data({"password": value}, artifact="r") == {"password": value}


def test_recursion_reaches_lists_of_dicts(redactor: Redactor) -> None:
    """Keys are checked at every depth, through lists too."""
    data = {"servers": [{"name": "a", "api_key": "k1"}, {"name": "b", "client_secret": "k2"}]}
    out = redactor.data(data, artifact="r")
    assert out == {
        "servers": [
            {"name": "a", "api_key": "<secret-1>"},
            {"name": "b", "client_secret": "<secret-2>"},
        ]
    }


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ({"name": "DB_PASSWORD", "value": 4821}, {"name": "DB_PASSWORD", "value": "<secret-1>"}),
        ({"Key": "api_token", "Value": "abc"}, {"Key": "api_token", "Value": "<secret-1>"}),
        ({"name": "LOG_LEVEL", "value": "debug"}, {"name": "LOG_LEVEL", "value": "debug"}),
        ({"name": "DB_PASSWORD", "note": "rotated"}, {"name": "DB_PASSWORD", "note": "rotated"}),
    ],
)
def test_value_beside_a_secret_name_is_a_secret(
    redactor: Redactor, entry: dict[str, Any], expected: dict[str, Any]
) -> None:
    """Kubernetes env entries and AWS tags hold the secret's name and its value side by side."""
    assert redactor.data({"env": [entry]}, artifact="pod.json") == {"env": [expected]}


def test_other_strings_go_through_the_text_rules(redactor: Redactor) -> None:
    """A non-secret key's string value is redacted as text: emails and tokens inside go."""
    out = redactor.data(
        {"message": "mail bob@example.com, Authorization: Bearer abc123xyz"}, artifact="r"
    )
    assert out == {"message": "mail <email-1>, Authorization: Bearer <auth-1>"}


def test_keys_are_redacted_as_text(redactor: Redactor) -> None:
    """A dict keyed by email address does not leak the addresses through its keys."""
    out = redactor.data({"alice@example.com": 1, "bob@example.com": 2}, artifact="r")
    assert out == {"<email-1>": 1, "<email-2>": 2}


def test_keys_that_collide_after_redaction_are_both_kept(redactor: Redactor) -> None:
    """Two keys redacting to one placeholder are told apart instead of overwritten."""
    out = redactor.data({"<email-1>": "a", "alice@example.com": "b"}, artifact="r")
    assert out == {"<email-1>": "a", "<email-1>#2": "b"}


def test_a_stringified_key_and_a_string_key_of_one_text_are_both_kept(
    redactor: Redactor,
) -> None:
    """A tuple key becomes its text, which another key may already be."""
    out = redactor.data({(1, 2): "tuple", "(1, 2)": "text"}, artifact="r")
    assert out == {"(1, 2)": "tuple", "(1, 2)#2": "text"}


def test_the_value_given_is_left_as_it_was(redactor: Redactor) -> None:
    """The redacted copy shares no container with the host's value."""
    data = {"user": {"email": "alice@example.com", "tags": ["bob@example.com"]}}
    before = json.dumps(data)
    out = redactor.data(data, artifact="r")
    out["user"]["tags"].append("x")
    assert json.dumps(data) == before
    assert out["user"]["tags"] == ["<email-2>", "x"]


def test_numbers_and_non_string_keys_pass_through(redactor: Redactor) -> None:
    """Numbers, booleans, None and integer keys are data, not secrets."""
    data = {"count": 3, "ratio": 0.5, "ok": True, "none": None, 7: "seven"}
    assert redactor.data(data, artifact="r") == data


def test_tuples_become_lists_and_objects_become_text(redactor: Redactor) -> None:
    """The result is plain JSON: tuples are lists, other objects their redacted str()."""

    class Thing:
        def __str__(self) -> str:
            return "thing of carol@example.com"

    out = redactor.data({"pair": ("a", 1), "thing": Thing()}, artifact="r")
    assert out == {"pair": ["a", 1], "thing": "thing of <email-1>"}


def test_too_deep_nesting_fails_closed(redactor: Redactor) -> None:
    """Nesting past the limit is replaced and recorded, never walked forever."""
    nested: list[Any] = ["bottom"]
    for _ in range(MAX_DEPTH + 20):
        nested = [nested]
    inner = redactor.data({"deep": nested}, artifact="r")["deep"]
    while isinstance(inner, list):
        inner = inner[0]
    assert inner == FAILED_PLACEHOLDER
    assert redactor.audit.failures[0].rule == "structure"


def test_a_cycle_is_marked_where_it_comes_round(redactor: Redactor) -> None:
    """A container inside itself, however many times, ends at once; nothing is lost."""
    loop: list[Any] = ["dave@example.com"]
    loop.append(loop)
    state: dict[str, Any] = {"owner": "erin@example.com"}
    state["parent"] = state["self"] = state["next"] = state
    out = redactor.data({"loop": loop, "state": state}, artifact="r")
    assert out == {
        "loop": ["<email-1>", "<cycle>"],
        "state": {"owner": "<email-2>", "parent": "<cycle>", "self": "<cycle>", "next": "<cycle>"},
    }
    assert not redactor.audit.failures


@pytest.mark.parametrize("under", ["items", "password"])
def test_shared_containers_cannot_multiply_without_end(redactor: Redactor, under: str) -> None:
    """A list held twice at each of 40 levels is 2**40 values as a tree: the walk stops after
    ``MAX_VALUES`` and records it, also where a secret-named key holds it."""
    shared: list[Any] = ["leaf"]
    for _ in range(40):
        shared = [shared, shared]
    out = redactor.data({under: shared}, artifact="r")
    if under == "items":
        assert "<redaction-failed>" in json.dumps(out)
        assert [failure.error for failure in redactor.audit.failures] == ["TooManyValues"]
    else:
        assert out == {"password": "<secret-1>"}


def test_audit_counts_secret_fields_and_text_findings(redactor: Redactor) -> None:
    """Key-based replacements count as 'secret-field'; text findings under their rules."""
    redactor.data(
        {"token": "x1", "password": "y2", "note": "dave@example.com"}, artifact="report.json"
    )
    assert redactor.audit.artifacts["report.json"] == {"secret-field": 2, "email": 1}


def test_credentials_only_keeps_personal_data(redactor: Redactor) -> None:
    """For what the reporter typed: secret fields and tokens go, their email stays."""
    data = {"contact": "erin@example.com", "note": "my key AKIAABCDEFGHIJKLMNOP", "pin": 9876}
    out = redactor.data(data, artifact="r", credentials_only=True)
    assert out == {"contact": "erin@example.com", "note": "my key <aws-key-1>", "pin": "<secret-1>"}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"customer": {"first_name": "Ana", "lastName": "lima", "display_name": "Ana Lima"}},
            {
                "customer": {
                    "first_name": "<name-1>",
                    "lastName": "<name-2>",
                    "display_name": "<name-3>",
                }
            },
        ),
        (
            {"address": {"line1": "12 Baker Street", "line2": "Flat 3", "city": "London"}},
            {"address": {"line1": "<address-1>", "line2": "<address-2>", "city": "London"}},
        ),
        (
            {
                "shipping_address": "221B Baker Street, London",
                "address": "10 Downing Street, London",
            },
            {"shipping_address": "<address-1>", "address": "<address-2>"},
        ),
        (
            {"customer": {"id": "C-77", "name": "Ana Lima"}, "author": {"name": "Olga Petrova"}},
            {"customer": {"id": "C-77", "name": "<name-1>"}, "author": {"name": "<name-2>"}},
        ),
        (
            {
                "customers": [{"name": "Ana Lima"}, {"name": "Bob Smith"}],
                "items": [{"name": "Pen"}],
            },
            {"customers": [{"name": "<name-1>"}, {"name": "<name-2>"}], "items": [{"name": "Pen"}]},
        ),
        (
            {"realName": "Ana Lima", "legal_name": "Olga Petrova", "assignee_name": "Bob Smith"},
            {"realName": "<name-1>", "legal_name": "<name-2>", "assignee_name": "<name-3>"},
        ),
        (
            {"username": "ana", "user": "olga.p", "USER": "bob", "proxyUser": "ACME\\ana"},
            {
                "username": "<user-1>",
                "user": "<user-2>",
                "USER": "<user-3>",
                "proxyUser": "<user-4>",
            },
        ),
        (
            {"user": "root", "username": "ana@example.com", "userName": "42"},
            {"user": "root", "username": "<email-1>", "userName": "42"},
        ),
        (
            {"createdBy": "ana", "assignee": "olga.p", "owner": {"login": "jsmith"}, "id": 7},
            {
                "createdBy": "<user-1>",
                "assignee": "<user-2>",
                "owner": {"login": "<user-3>"},
                "id": 7,
            },
        ),
        (
            {"owner": "root", "modified_by": "system", "order_by": "created_at", "Owner": "1234"},
            {"owner": "root", "modified_by": "system", "order_by": "created_at", "Owner": "1234"},
        ),
        (
            {"dob": "1990-01-15", "date_of_birth": "15.01.1990"},
            {"dob": "<birth-date-1>", "date_of_birth": "<birth-date-1>"},
        ),
        (
            {"billing_details": {"name": "Jenny Rosen"}, "customerInfo": {"name": "Ana Lima"}},
            {"billing_details": {"name": "<name-1>"}, "customerInfo": {"name": "<name-2>"}},
        ),
        (
            {"name": [{"family": "Chalmers", "given": ["Peter", "James"]}]},
            {"name": [{"family": "<name-1>", "given": ["<name-2>", "<name-3>"]}]},
        ),
        (
            {"name": {"title": "Mr", "first": "Peter", "last": "Chalmers"}},
            {"name": {"title": "Mr", "first": "<name-1>", "last": "<name-2>"}},
        ),
        (
            {"users": ["olga", "root"], "first_name": ["Ana", 7, {"note": "Ana"}]},
            {"users": ["<user-1>", "root"], "first_name": ["<name-1>", 7, {"note": "Ana"}]},
        ),
        (
            {"national_id": "AB123456C", "taxId": "12-3456789", "NationalID": "3171 2345 6789"},
            {
                "national_id": "<national-id-1>",
                "taxId": "<national-id-2>",
                "NationalID": "<national-id-3>",
            },
        ),
        (
            {"tel": "612345678", "mobilePhone": "13800138000", "msisdn": "255712345678"},
            {"tel": "<phone-1>", "mobilePhone": "<phone-2>", "msisdn": "<phone-3>"},
        ),
        (
            {"user.name": "olga", "user.dir": "/srv/app"},
            {"user.name": "<user-1>", "user.dir": "/srv/app"},
        ),
    ],
)
def test_personal_fields_are_found_by_key(
    everything: Redactor, data: dict[str, Any], expected: dict[str, Any]
) -> None:
    """In a structure a value stands without the label a log line gives it ("first_name=Ana"):
    its key is that label."""
    assert everything.data(data, artifact="r") == expected


@pytest.mark.parametrize(
    "data",
    [
        {"first_name": "", "last_name": None, "display_name": "N/A", "full_name": "anonymous"},
        {"address": "0.0.0.0:8080", "ip_address": "10 Main Street", "line1": "", "street": "N/A"},
        {"dob": "unknown", "birthday_reminder": "1990-01-15", "address": {"city": "London"}},
        {"name": "Ana Lima", "title": "Export does nothing", "city": "Springfield"},
        {
            "product": {"name": "Widget 3000"},
            "customer": {"name": "N/A"},
            "owner": {"name": "Acme"},
        },
        {"author": {"name": "dependabot[bot]"}, "items": [{"name": "Widget"}]},
        {
            "national_id": "N/A",
            "tax_id": "0000",
            "id_number": "pending",
            "document_number": "INV-2026-0042",
        },
        {"microphone": "5551234567", "phone_country_code": "44", "phoneVerified": "yes"},
        {"sms": "code 123456", "tel_no": "N/A", "phone": "12"},
        {
            "product_details": {"name": "Widget"},
            "name": {"en": "Widget", "de": "Dings"},
            "tags": ["Ana"],
            "names": ["Widget"],
        },
    ],
)
def test_fields_without_personal_values_are_kept(
    everything: Redactor, data: dict[str, Any]
) -> None:
    assert everything.data(data, artifact="r") == data


def test_personal_fields_count_under_their_rules_and_stay_for_the_reporter(
    everything: Redactor,
) -> None:
    data = {"first_name": "Ana", "street": "Hauptstraße 5", "dob": "1990-01-15"}
    assert everything.data(data, artifact="typed", credentials_only=True) == data
    everything.data(data, artifact="r")
    assert everything.audit.artifacts["r"] == {
        "person-name-field": 1,
        "postal-address": 1,
        "birth-date": 1,
    }


def test_an_allowed_value_stays_in_a_personal_field() -> None:
    redactor = Redactor(default_policy(detect_machine=False, allow=("Ana Lima",)))
    assert redactor.data({"full_name": "Ana Lima"}, artifact="r") == {"full_name": "Ana Lima"}


class _EmployeeIds:
    """A host's rule that knows the key its data is filed under, and nothing in text."""

    name = "employee-id"
    category = "personal"
    max_span = 16

    def __init__(self, check: Callable[[str], str | None]) -> None:
        self._check = check

    def find(self, text: str) -> Iterator[Span]:
        return iter(())

    def field_check(self, key: str) -> Callable[[str], str | None] | None:
        return self._check if key == "employee_id" else None


def _raise(value: str) -> str | None:
    raise ValueError(value)


def test_a_personal_field_holding_an_object_is_read_as_its_text(everything: Redactor) -> None:
    """A model's dict keeps dates as dates: {"dob": date(1990, 1, 15)}."""
    data = {"dob": datetime.date(1990, 1, 15), "created": datetime.date(2026, 12, 7)}
    assert everything.data(data, artifact="r") == {"dob": "<birth-date-1>", "created": "2026-12-07"}


def test_a_hosts_rule_can_find_its_values_by_key() -> None:
    redactor = Redactor(RedactionPolicy(rules=(_EmployeeIds(lambda _value: "employee"),)))
    data = {"employee_id": "E-1042", "team": {"employee_id": "E-7"}, "note": "E-1042"}
    assert redactor.data(data, artifact="r") == {
        "employee_id": "<employee-1>",
        "team": {"employee_id": "<employee-2>"},
        "note": "E-1042",
    }
    assert redactor.audit.artifacts["r"] == {"employee-id": 2}


def test_a_field_check_that_raises_hides_the_value() -> None:
    redactor = Redactor(RedactionPolicy(rules=(_EmployeeIds(_raise),)))
    assert redactor.data({"employee_id": "E-1042"}, artifact="r") == {
        "employee_id": FAILED_PLACEHOLDER
    }
    assert [(f.rule, f.error) for f in redactor.audit.failures] == [("employee-id", "ValueError")]


def test_equal_secret_values_share_a_placeholder(redactor: Redactor) -> None:
    """The same secret under two keys, or as text elsewhere, keeps one pseudonym."""
    out = redactor.data({"password": "hunter2", "log": "password=hunter2"}, artifact="r")
    assert out == {"password": "<secret-1>", "log": "password=<secret-1>"}


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (
            ["app", "--password", "Hunter22!", "-v"],
            ["app", "--password", "<secret-1>", "-v"],
        ),
        (
            ("mysql", "-u", "root", "-pS3cr3t!x", "shop"),
            ["mysql", "-u", "root", "-p<password-1>", "shop"],
        ),
        (
            ["curl", "-H", "Authorization: Bearer abcdef0123456789", "https://x"],
            ["curl", "-H", "Authorization: Bearer <auth-1>", "https://x"],
        ),
        (["sshpass", "-p", "two words", "ssh", "h"], ["sshpass", "-p", "<password-1>", "ssh", "h"]),
    ],
)
def test_a_command_line_is_redacted_as_one_line(
    redactor: Redactor, arguments: list[str] | tuple[str, ...], expected: list[str]
) -> None:
    """A flag and its value are two arguments: seen apart, the value would leak."""
    out = redactor.data({"process": {"command_line": arguments}}, artifact="report.json")
    assert out == {"process": {"command_line": expected}}


@pytest.mark.parametrize("key", ["command_line", "argv", "orig_argv", "cmdline", "CMD"])
def test_command_line_arguments_without_secrets_come_back_unchanged(
    redactor: Redactor, key: str
) -> None:
    arguments = ["C:\\Program Files\\App\\app.exe", "--name", "it's", 'say "hi"', "", "a  b"]
    assert redactor.data({key: arguments}, artifact="r") == {key: arguments}


def test_other_lists_are_redacted_item_by_item(redactor: Redactor) -> None:
    """Only a list under a command line's name is read as one; tags are separate values."""
    data = {"tags": ["--password", "Hunter22!"]}
    assert redactor.data(data, artifact="r") == data


@given(st.lists(st.text(max_size=12), min_size=1, max_size=8))
def test_any_command_line_round_trips_when_nothing_is_replaced(arguments: list[str]) -> None:
    """Joining for the rules and splitting back loses no argument, whatever it holds."""
    nothing = Redactor(RedactionPolicy(rules=()))
    assert nothing.data({"argv": arguments}, artifact="r") == {"argv": arguments}


def test_every_string_goes_to_the_text_engine_in_one_batch() -> None:
    """A report holds thousands of strings; one batch, in walk order with keys, is one engine
    call instead of one per string, and the result comes back where each string stood."""
    batches: list[list[str]] = []

    def texts(strings: list[str]) -> list[str]:
        batches.append(list(strings))
        return [text.upper() for text in strings]

    walk = StructuredRedaction(
        texts=texts, is_secret_key=lambda _key: False, secret_placeholder=str
    )
    out = walk.redact({"a": ["b", {"c": "d"}], "argv": ["run", "--x"], 3: ("e",), None: "f"})
    assert batches == [["a", "b", "c", "d", "argv", "run --x", "e", "f"]]
    assert out == {"A": ["B", {"C": "D"}], "ARGV": ["RUN", "--X"], 3: ["E"], None: "F"}
