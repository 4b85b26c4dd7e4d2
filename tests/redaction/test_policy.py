"""Policy: host patterns, key names, private values, allow-lists and rule sets from packages."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from supportkit.exceptions import InvalidArgumentError, PluginLoadError
from supportkit.redaction import ExtraPattern, RedactionPolicy, Redactor, _policy, default_policy
from supportkit.redaction.rules import CREDENTIAL_RULES

CREDS = CREDENTIAL_RULES


def redact(policy: RedactionPolicy, text: str, *, credentials_only: bool = False) -> str:
    return Redactor(policy).text(text, artifact="a", credentials_only=credentials_only)


def test_default_policy_has_credential_personal_and_machine_rules() -> None:
    """The built-in policy covers credentials, personal data and this machine's names."""
    rules = default_policy(user_name="zelda", host_name="zelda-laptop").build_rules()
    names = {rule.name for rule in rules}
    assert {"aws-access-key-id", "email", "home-path-user"} <= names
    assert (
        redact(default_policy(user_name="zelda", host_name="zelda-laptop"), "by zelda")
        != "by zelda"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("postgres://app:s3cret@db.example.com:5432/x", "postgres://app:<password-1>@db.example.com:5432/x"),
        ("redis://:pw@cache.internal:6379/0", "redis://:<password-1>@cache.internal:6379/0"),
    ],
)  # fmt: skip
def test_url_password_goes_and_the_host_stays(text: str, expected: str) -> None:
    """With every default rule, only the password of a URL is replaced: its host is no email."""
    assert redact(default_policy(detect_machine=False), text) == expected


def test_credentials_only_subset_has_no_personal_rules() -> None:
    """The subset for typed text keeps every credential rule and drops personal ones."""
    policy = default_policy(detect_machine=False)
    subset = policy.credentials_only().build_rules()
    assert {r.category for r in subset} == {"credential"}
    assert len(subset) == len([r for r in policy.build_rules() if r.category == "credential"])


@pytest.mark.parametrize(
    "extra",
    [
        (r"ACME-\d{6}", "ticket"),
        (re.compile(r"ACME-\d{6}"), "ticket"),
        ExtraPattern(re.compile(r"ref (?P<value>ACME-\d{6})"), "ticket"),
    ],
)
def test_host_patterns_are_applied(extra: object) -> None:
    """Host regexes (text or compiled; a 'value' group narrows the span) are replaced."""
    policy = RedactionPolicy(rules=CREDS, extra_patterns=(extra,))  # type: ignore[arg-type]
    assert redact(policy, "see ref ACME-123456 now") == "see ref <ticket-1> now"


def test_host_patterns_count_under_their_own_name() -> None:
    """The audit names a host pattern after its kind."""
    redactor = Redactor(RedactionPolicy(rules=CREDS, extra_patterns=[(r"ACME-\d{6}", "ticket")]))
    redactor.text("ACME-123456", artifact="a")
    assert redactor.audit.artifacts["a"] == {"host-pattern-ticket": 1}


def test_host_patterns_apply_to_typed_text_by_default() -> None:
    """Host patterns are credentials unless marked personal, so typed text loses them too."""
    policy = RedactionPolicy(rules=CREDS, extra_patterns=[(r"ACME-\d{6}", "ticket")])
    assert redact(policy, "ACME-123456", credentials_only=True) == "<ticket-1>"


def test_invalid_host_pattern_says_what_to_fix() -> None:
    """A broken regex is refused when the policy is made, naming the pattern."""
    with pytest.raises(InvalidArgumentError, match=r"extra pattern '\(' is not a valid regex"):
        RedactionPolicy(extra_patterns=[("(", "x")])


def test_host_secret_keys_extend_text_and_structured_redaction() -> None:
    """Extra key names are secrets in key=value text and in structured data."""
    policy = RedactionPolicy(rules=CREDS, secret_keys=["X-Acme-Seal", "licence_code"])
    redactor = Redactor(policy)
    assert redactor.text("X-Acme-Seal: abc123", artifact="a") == "X-Acme-Seal: <secret-1>"
    assert redactor.text("licence_code=QQ-77", artifact="a") == "licence_code=<secret-2>"
    assert redactor.data({"x_acme_seal": "zz"}, artifact="r") == {"x_acme_seal": "<secret-3>"}
    assert redact(RedactionPolicy(rules=CREDS), "licence_code=QQ-77") == "licence_code=QQ-77"


def test_host_secret_key_is_matched_on_its_whole_name_however_long() -> None:
    """A long name is judged whole, not by its tail (``…_SIGNATURE_HEADER`` alone is no secret)."""
    name = "ACME_CUSTOMER_PORTAL_REQUEST_SIGNATURE_HEADER"
    policy = RedactionPolicy(rules=CREDS, secret_keys=[name])
    assert redact(policy, f"sent {name}=f00d1e") == f"sent {name}=<secret-1>"


def test_private_values_are_found_case_insensitively_as_words() -> None:
    """A customer's name is found in any case, but not inside a longer word."""
    policy = RedactionPolicy(rules=CREDS, private_values=["Ann Lee"])
    assert (
        redact(policy, "by ANN LEE and Ann Lee; Annleen")
        == "by <private-1> and <private-2>; Annleen"
    )


def test_private_values_can_be_case_sensitive() -> None:
    """With ignore-case off, only the exact spelling is replaced."""
    policy = RedactionPolicy(rules=CREDS, private_values=["Ann"], private_values_ignore_case=False)
    assert redact(policy, "Ann ann") == "<private-1> ann"


def test_private_values_are_kept_in_typed_text() -> None:
    """What the reporter wrote about themselves on purpose stays."""
    policy = RedactionPolicy(rules=CREDS, private_values=["Ann Lee"])
    assert redact(policy, "I am Ann Lee", credentials_only=True) == "I am Ann Lee"


@pytest.mark.parametrize("allow", ["hunter2", re.compile(r"hunt\w+")])
def test_allow_list_keeps_values(allow: object) -> None:
    """A value on the allow-list (literal or regex) is never replaced."""
    policy = RedactionPolicy(rules=CREDS, allow=(allow,))  # type: ignore[arg-type]
    text = "login password=hunter2 token=zz9top"
    assert redact(policy, text) == "login password=hunter2 token=<secret-1>"


def test_allow_strings_are_literals() -> None:
    """A string on the allow-list is a value, not a pattern: regex characters mean themselves."""
    policy = RedactionPolicy(rules=CREDS, allow=[r"hunt\w+"])
    assert redact(policy, "login password=hunter2") == "login password=<secret-1>"


@pytest.fixture(name="rule_package")
def _rule_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A tiny installed package registering rule sets through real entry-point metadata."""
    (tmp_path / "acme_rules.py").write_text(
        textwrap.dedent(
            """
            import re
            from supportkit.redaction import Span

            class Ticket:
                name = "acme-ticket"
                category = "credential"
                max_span = 16

                def find(self, text):
                    for m in re.finditer(r"TKT-\\d{4}", text):
                        yield Span(m.start(), m.end(), "ticket")

            def one():
                return Ticket()

            def several():
                return [Ticket()]

            def broken():
                raise RuntimeError("no licence")

            def not_a_rule():
                return [object()]
            """
        )
    )
    info = tmp_path / "acme_rules-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-rules\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        "[supportkit.redaction_rules]\none = acme_rules:one\nseveral = acme_rules:several\n"
        "broken = acme_rules:broken\nnot-a-rule = acme_rules:not_a_rule\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    _policy._registered_rule_sets.cache_clear()
    yield tmp_path
    _policy._registered_rule_sets.cache_clear()


@pytest.mark.parametrize("name", ["one", "several"])
def test_rule_set_from_an_entry_point(rule_package: Path, name: str) -> None:
    """A factory returning a rule or a list of rules is loaded by name and applied."""
    policy = RedactionPolicy(rules=CREDS, rule_sets=[name])
    assert redact(policy, "see TKT-1234") == "see <ticket-1>"


def test_missing_rule_set_is_a_plugin_error(rule_package: Path) -> None:
    """An unknown name lists what is installed."""
    with pytest.raises(
        PluginLoadError, match=r"no redaction rule set named 'nope' \(installed: .*one"
    ):
        RedactionPolicy(rule_sets=["nope"]).build_rules()


@pytest.mark.parametrize("name", ["broken", "not-a-rule"])
def test_bad_rule_set_is_a_plugin_error(rule_package: Path, name: str) -> None:
    """A factory that raises or returns non-rules is reported, never silently skipped."""
    with pytest.raises(PluginLoadError, match=name):
        RedactionPolicy(rules=CREDS, rule_sets=[name]).build_rules()


def test_rule_sets_load_only_when_rules_are_built(rule_package: Path) -> None:
    """Naming a rule set costs nothing until a redactor needs its rules."""
    policy = RedactionPolicy(rule_sets=["nope"])
    with pytest.raises(PluginLoadError):
        Redactor(policy).text("x", artifact="a")


def test_default_policy_takes_overrides() -> None:
    """Overrides become the policy's fields, as tuples."""
    policy = default_policy(private_values=["Ann"], secret_keys=["seal"])
    assert policy.private_values == ("Ann",)
    assert policy.secret_keys == ("seal",)
    assert policy.rules is None
