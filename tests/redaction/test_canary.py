"""The fake values and decoys the self-test and the evaluation corpus are built from."""

from __future__ import annotations

import base64
import ipaddress
import json
import random
import re
import uuid

import phonenumbers
import pytest

from supportkit.exceptions import InvalidArgumentError
from supportkit.redaction._canary import (
    CANARY_KINDS,
    DECOY_KINDS,
    Canary,
    iban_checksum_valid,
    luhn_valid,
    make_canary,
    plant_canaries,
    plant_decoys,
)

SEEDS = range(40)


def _many(kind: str) -> list[Canary]:
    return [make_canary(kind, random.Random(seed)) for seed in SEEDS]


@pytest.mark.parametrize("kind", CANARY_KINDS + DECOY_KINDS)
def test_spans_point_at_non_empty_values_inside_the_text(kind: str) -> None:
    """Every span is a non-empty, in-bounds piece of the text, in order and not overlapping."""
    for canary in _many(kind):
        assert canary.spans
        previous_end = 0
        for start, end in canary.spans:
            assert previous_end <= start < end <= len(canary.text)
            previous_end = end
        assert all(value in canary.text for value in canary.values)


@pytest.mark.parametrize("kind", CANARY_KINDS)
def test_canaries_have_something_to_remove_and_nothing_to_keep(kind: str) -> None:
    """A credential or personal canary names what must go and keeps nothing."""
    canary = make_canary(kind, random.Random(1))
    assert canary.category in ("credential", "personal")
    assert canary.must_go == canary.values
    assert canary.must_keep == ()


@pytest.mark.parametrize("kind", DECOY_KINDS)
def test_decoys_have_something_to_keep_and_nothing_to_remove(kind: str) -> None:
    """A decoy names what must survive and nothing that must go."""
    canary = make_canary(kind, random.Random(1))
    assert canary.category == "decoy"
    assert canary.must_keep == canary.values
    assert canary.must_go == ()


def test_every_kind_the_issue_names_is_covered() -> None:
    """The kinds include each credential and personal form redaction promises to remove."""
    required = {
        "aws-access-key-id", "aws-secret-access-key", "github-classic-token",
        "github-fine-grained-token", "gitlab-token", "slack-token", "slack-webhook",
        "stripe-key", "google-api-key", "openai-key", "anthropic-key", "sendgrid-key",
        "npm-token", "pypi-token", "twilio-key", "jwt", "authorization-bearer",
        "authorization-basic", "authorization-token", "cookie", "set-cookie", "url-password",
        "secret-query-parameter", "secret-key-value", "secret-key-colon", "secret-json",
        "secret-yaml", "secret-ini", "secret-env", "private-key-rsa", "private-key-ec",
        "private-key-openssh", "high-entropy-secret", "email", "email-url-encoded",
        "phone-vn", "phone-ru", "phone-tz", "phone-us", "phone-uk", "phone-de", "phone-fr",
        "ipv4-public",
        "ipv6-public", "mac-address", "card-visa", "card-mastercard", "card-amex", "iban",
        "us-ssn", "passport-number", "home-path-linux", "home-path-macos", "home-path-windows",
    }  # fmt: skip
    assert required <= set(CANARY_KINDS)
    assert not set(CANARY_KINDS) & set(DECOY_KINDS)


def test_same_seed_same_canaries() -> None:
    """Generation is deterministic given the random generator's seed."""
    assert plant_canaries(random.Random(7)) == plant_canaries(random.Random(7))
    assert plant_decoys(random.Random(7)) == plant_decoys(random.Random(7))


def test_different_seeds_different_canaries() -> None:
    """Different seeds give different values."""
    assert plant_canaries(random.Random(1)) != plant_canaries(random.Random(2))


def test_plant_canaries_gives_one_of_each_kind_in_order() -> None:
    """The self-test gets exactly one canary per kind."""
    assert [c.kind for c in plant_canaries(random.Random(0))] == list(CANARY_KINDS)
    assert [c.kind for c in plant_decoys(random.Random(0))] == list(DECOY_KINDS)


def test_unknown_kind_is_refused() -> None:
    """Asking for a kind that does not exist says which kinds do."""
    with pytest.raises(InvalidArgumentError, match="CANARY_KINDS"):
        make_canary("no-such-kind", random.Random(0))


@pytest.mark.parametrize(
    ("number", "valid"),
    [("4111 1111 1111 1111", True), ("4111-1111-1111-1112", False), ("378282246310005", True)],
)
def test_luhn_check(number: str, valid: bool) -> None:
    """The Luhn check agrees with well-known test card numbers."""
    assert luhn_valid(number) is valid


@pytest.mark.parametrize(
    ("iban", "valid"),
    [("DE89 3704 0044 0532 0130 00", True), ("GB82WEST12345698765432", True),
     ("DE88 3704 0044 0532 0130 00", False)],
)  # fmt: skip
def test_iban_check(iban: str, valid: bool) -> None:
    """The mod-97 check agrees with published example IBANs."""
    assert iban_checksum_valid(iban) is valid


@pytest.mark.parametrize(
    ("kind", "prefixes", "length"),
    [("card-visa", ("4",), 16), ("card-mastercard", ("5", "2"), 16), ("card-amex", ("3",), 15)],
)
def test_cards_pass_luhn_with_the_brand_layout(
    kind: str, prefixes: tuple[str, ...], length: int
) -> None:
    """Planted card numbers are valid for their brand, whatever their grouping."""
    for canary in _many(kind):
        digits = re.sub(r"[ .-]", "", canary.values[0])
        assert luhn_valid(digits)
        assert digits.startswith(prefixes)
        assert len(digits) == length


def test_non_luhn_decoys_fail_luhn() -> None:
    """Card-shaped decoys really fail the Luhn check."""
    assert not any(luhn_valid(canary.values[0]) for canary in _many("non-luhn-number"))


def test_ibans_pass_and_bad_ibans_fail_the_checksum() -> None:
    """Planted IBANs validate; IBAN-shaped decoys do not."""
    assert all(iban_checksum_valid(c.values[0]) for c in _many("iban"))
    assert not any(iban_checksum_valid(c.values[0]) for c in _many("bad-iban"))


@pytest.mark.parametrize(
    ("kind", "region"),
    [("phone-vn", "VN"), ("phone-ru", "RU"), ("phone-tz", "TZ"), ("phone-us", "US"),
     ("phone-uk", "GB"), ("phone-de", "DE"), ("phone-fr", "FR"),
     ("phone-cn", "CN")],
)  # fmt: skip
def test_phone_numbers_are_valid_for_their_country(kind: str, region: str) -> None:
    """Planted phone numbers are real-looking, dialable numbers of their country."""
    for canary in _many(kind):
        parsed = phonenumbers.parse(canary.values[0], region)
        assert phonenumbers.is_valid_number(parsed), canary.values[0]
        assert phonenumbers.region_code_for_number(parsed) == region


def test_public_addresses_are_global() -> None:
    """Planted IPv4 and IPv6 addresses are public, so redaction must remove them."""
    for kind in ("ipv4-public", "ipv6-public"):
        assert all(ipaddress.ip_address(c.values[0]).is_global for c in _many(kind))


def test_private_and_loopback_decoys_are_not_public() -> None:
    """Address decoys are private, link-local or loopback, which redaction keeps."""
    for canary in _many("private-address"):
        assert not ipaddress.ip_address(canary.values[0]).is_global
    for canary in _many("loopback-address"):
        host = canary.values[0].rsplit(":", 1)[0].strip("[]")
        assert host == "localhost" or ipaddress.ip_address(host).is_loopback


def test_uuid_decoys_are_version_4_uuids() -> None:
    """UUID decoys parse as random (version 4) UUIDs."""
    assert all(uuid.UUID(c.values[0]).version == 4 for c in _many("uuid"))


@pytest.mark.parametrize(("kind", "length"), [("git-sha-short", 7), ("git-sha-full", 40),
                                              ("sha256", 64)])  # fmt: skip
def test_hash_decoys_are_lower_hex_of_their_length(kind: str, length: int) -> None:
    """Hash decoys look exactly like git SHAs and SHA-256 digests."""
    assert all(re.fullmatch(f"[0-9a-f]{{{length}}}", c.values[0]) for c in _many(kind))


def test_mac_addresses_are_six_octets() -> None:
    """MAC canaries are six hex octets joined by colons or dashes, by underscores in a
    BlueZ device's path, or by nothing after their name."""
    pattern = r"[0-9a-fA-F]{2}([:_-]?)[0-9a-fA-F]{2}(\1[0-9a-fA-F]{2}){4}"
    assert all(re.fullmatch(pattern, c.values[0]) for c in _many("mac-address"))


def test_jwt_payload_is_base64url_json() -> None:
    """The JWT's payload decodes to a JSON claims object, as a real token's does."""
    for canary in _many("jwt"):
        payload = canary.values[0]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        assert "sub" in claims


@pytest.mark.parametrize(
    ("kind", "label", "width"),
    [("private-key-rsa", "RSA PRIVATE KEY", 64), ("private-key-ec", "EC PRIVATE KEY", 64),
     ("private-key-pkcs8", "PRIVATE KEY", 64), ("private-key-openssh", "OPENSSH PRIVATE KEY", 70)],
)  # fmt: skip
def test_private_keys_are_wrapped_base64_blocks(kind: str, label: str, width: int) -> None:
    """Key blocks have PEM armour and a base64 body wrapped at the format's width."""
    for canary in _many(kind):
        lines = canary.text.split("\n")
        assert lines[0] == f"-----BEGIN {label}-----"
        assert lines[-1] == f"-----END {label}-----"
        body = lines[1:-1]
        assert list(canary.values) == body
        assert all(len(line) == width for line in body[:-1])
        assert len(base64.b64decode("".join(body), validate=True)) >= 120


def test_openssh_keys_carry_the_openssh_magic() -> None:
    """OpenSSH key bodies decode to the openssh-key-v1 format."""
    for canary in _many("private-key-openssh"):
        assert base64.b64decode("".join(canary.values)).startswith(b"openssh-key-v1\0")


@pytest.mark.parametrize("kind", ["home-path-linux", "home-path-macos", "home-path-windows"])
def test_home_paths_mark_only_the_user_name(kind: str) -> None:
    """Only the user name in a home path must go (and the same name in another path); the
    rest of the path is kept."""
    for canary in _many(kind):
        name, *again = canary.values
        assert set(again) <= {name}
        start, _ = canary.spans[0]
        assert canary.text[:start].endswith(
            ("/home/", "/Users/", "\\Users\\", "\\users\\", "\\/Users\\/", "/mail/", "\\home\\")
        )
        assert re.fullmatch(r"[a-z][a-z0-9._]+", name)
