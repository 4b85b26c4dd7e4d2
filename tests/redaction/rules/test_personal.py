"""Personal-data rules together: the protocol, the keep list, stable spans and kinds."""

from __future__ import annotations

import pytest
from _found import BY_NAME, found

from supportkit.redaction import Redactor, default_policy
from supportkit.redaction._rule import Rule
from supportkit.redaction.rules.personal import RULES


def kinds(rule: Rule, text: str) -> set[str]:
    return {span.kind for span in rule.find(text)}


def test_every_rule_is_personal_and_follows_the_protocol() -> None:
    """Each rule satisfies the Rule protocol, is personal, and has a positive max_span."""
    for rule in RULES:
        assert isinstance(rule, Rule)
        assert rule.category == "personal"
        assert rule.max_span > 0


KEEP_LIST = """\
2026-11-23T14:03:05.123Z INFO app.sync: request_id=6f1c2a9e-1234-4bf9-8a2e-123456789012
commit 4bf92f3577b34da6a3ce929d0e0e4736
sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
version 2.31.0 python 3.11.7 build 20261123140305 took 12.5 ms (1234567 bytes) retry in 30s
order ORD-1234567 error E1234 HTTP 503 errno 110 port 5432 pid 48213 exit code 137
GET /api/v1/orders/1234567?page=2 HTTP/1.1 from 127.0.0.1:51234 and 10.0.0.5:8080, [::1]:8000
  File "/usr/lib/python3.11/site-packages/requests/adapters.py", line 486, in send
"""


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_keep_list_survives_every_rule(rule: Rule) -> None:
    """Ids, hashes, versions, timestamps, durations, codes, loopback and paths are kept."""
    assert [KEEP_LIST[span.start : span.end] for span in rule.find(KEEP_LIST)] == []


def test_same_chunk_gives_same_spans_twice() -> None:
    """Rules sharing per-text scans give identical answers when called again on one text."""
    text = "card 4111 1111 1111 1111 iban DE89 3704 0044 0532 0130 00 tel: 0912345678"
    first = [list(rule.find(text)) for rule in RULES]
    assert [list(rule.find(text)) for rule in RULES] == first


def test_text_whose_lower_case_grows_keeps_offsets() -> None:
    """A letter that grows when lower-cased does not shift keyword-based spans."""
    text = "İİİ passport X1234567"
    assert found("passport", text) == ["X1234567"]


def test_spans_carry_their_rule_kind() -> None:
    """Each rule's spans carry the placeholder kind the audit and placeholders use."""
    text = (
        "ana@example.com +84 28 3822 1234 81.2.69.160 2001:db8::1 aa:bb:cc:dd:ee:ff "
        "4111 1111 1111 1111 DE89370400440532013000 123-45-6789 passport X1234567 "
        "imei 490154203237518 lat=51.5237 lon=-0.1585 android_id=9774d56d682e549c "
        "CPF 529.982.247-25 Olga's iPhone STEAM_0:1:12345678 steamcommunity.com/id/gaben "
        "DOB: 1990-01-15 SSID: HomeNet gamertag: Olga92 sort code 20-00-00 account 55779911 "
        "S-1-5-21-1004336348-1177238915-682003330-1001 shipping_address: 7 Elm Road "
        "https://t.me/olgapetrova\nBEGIN:VCARD\nN:Lima;Ana;;;\nEND:VCARD"
    )
    assert {name: kinds(rule, text) for name, rule in BY_NAME.items()} == {
        "email": {"email"},
        "phone": {"phone"},
        "ipv4": {"ipv4"},
        "ipv6": {"ipv6"},
        "mac": {"mac"},
        "bank-account": {"bank-account"},
        "card": {"card"},
        "iban": {"iban"},
        "ssn": {"ssn"},
        "passport": {"passport"},
        "national-id": {"national-id"},
        "imei": {"imei"},
        "device-id": {"device-id"},
        "device-owner": {"name"},
        "location": {"location"},
        "steam-id": {"steam-id", "user"},
        "birth-date": {"birth-date"},
        "gamer-tag": {"user"},
        "wifi-network": {"ssid"},
        "windows-sid": {"sid"},
        "postal-address": {"address"},
        "social-profile": {"profile"},
        "vcard-field": {"name"},
    }


@pytest.mark.parametrize(
    ("text", "placeholder"),
    [("ssn 078-05-1120", "ssn <ssn-1>"), ("passport 0912345678", "passport <passport-1>")],
)
def test_a_value_two_rules_find_is_named_by_the_more_specific(text: str, placeholder: str) -> None:
    """An SSN's shape or a passport keyword says more than a valid phone number does."""
    redactor = Redactor(default_policy(detect_machine=False))
    assert redactor.text(text, artifact="log") == placeholder


@pytest.mark.parametrize(
    ("rule", "text", "value"),
    [
        ("email", '{"msg": "Contact:\\njohn.doe@example.com"}', "john.doe@example.com"),
        ("ssn", '{"text": "SSN:\\n536-90-4399"}', "536-90-4399"),
        ("phone", '{"note": "phone:\\n0912345678"}', "0912345678"),
        ("ipv4", '{"ip": "from\\t73.15.22.10"}', "73.15.22.10"),
        ("card", '{"text": "Card:\\n4111111111111111"}', "4111111111111111"),
        ("national-id", '{"text": "CPF:\\n123.456.789-09"}', "123.456.789-09"),
        ("iban", '{"note": "x\\nDE89370400440532013000"}', "DE89370400440532013000"),
    ],
)
def test_a_value_after_an_escaped_line_break_is_found(rule: str, text: str, value: str) -> None:
    """JSON and C strings write a line break or tab as \\n or \\t; the value after it starts
    a word, though the escape's letter stands right before it."""
    assert found(rule, text) == [value]
