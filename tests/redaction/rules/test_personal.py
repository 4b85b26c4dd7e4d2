"""Personal-data rules: what each finds, the exact span, and the look-alikes it keeps."""

from __future__ import annotations

import pytest

from supportkit.redaction._rule import Rule
from supportkit.redaction.rules import phones
from supportkit.redaction.rules.personal import PHONE_REGIONS, RULES

BY_NAME = {rule.name: rule for rule in RULES}


def found(rule_name: str, text: str) -> list[str]:
    """The substrings of ``text`` the named rule would replace, in order."""
    rule = BY_NAME[rule_name]
    return sorted((text[span.start : span.end] for span in rule.find(text)), key=text.find)


def kinds(rule: Rule, text: str) -> set[str]:
    return {span.kind for span in rule.find(text)}


def test_every_rule_is_personal_and_follows_the_protocol() -> None:
    """Each rule satisfies the Rule protocol, is personal, and has a positive max_span."""
    for rule in RULES:
        assert isinstance(rule, Rule)
        assert rule.category == "personal"
        assert rule.max_span > 0


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mail ana.silva@example.com now", "ana.silva@example.com"),
        ("<Ana+tag@mail.example.co.uk>", "Ana+tag@mail.example.co.uk"),
        ("?email=ana%40example.com&x=1", "ana%40example.com"),
        ("mailto%3Aana%40example.org", "ana%40example.org"),
        ('{"user":"j_doe-1@sub.example.io"}', "j_doe-1@sub.example.io"),
        ("from .ana@example.com", "ana@example.com"),
        ("to ана@пример.рф", "ана@пример.рф"),
        ("https://x.example/u?email=bob@example.com&a=1", "bob@example.com"),
        ("ftp://bob%40example.com:pw@files.example.net/", "bob%40example.com"),
    ],
)
def test_email_is_found(text: str, value: str) -> None:
    """Emails, also URL-encoded and international, are found with exact bounds."""
    assert found("email", text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "git@github.com:owner/repo.git",
        "npm i left-pad@1.2.3 and @types/node@20.1.0",
        "@decorator\ndef f(): ...",
        "@media screen and (max-width: 10px)",
        "icon@2x.png and logo@3x.webp",
        "alice@localhost",
        "noreply@github.com",
        "weird..name@example.com",
        "trailing.@example.com",
        "x@y.z",
        "postgres://app:s3cret@db.example.com:5432/app",
        "https://alice@bitbucket.example.org/team/repo.git",
    ],
)
def test_email_look_alike_is_kept(text: str) -> None:
    """Package specs, decorators, asset names, local accounts and role mailboxes stay."""
    assert found("email", text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("call +84 28 3822 1234 today", "+84 28 3822 1234"),
        ("VN mobile +84912345678.", "+84912345678"),
        ("RU 8 (495) 123-45-67", "8 (495) 123-45-67"),
        ("RU +7 495 123-45-67", "+7 495 123-45-67"),
        ("TZ +255 22 211 1234", "+255 22 211 1234"),
        ("TZ 022 211 1234", "022 211 1234"),
        ("TZ 0754 123 456", "0754 123 456"),
        ("US (201) 555-0123", "(201) 555-0123"),
        ("US +1-202-555-0143", "+1-202-555-0143"),
        ("US 202-555-0143", "202-555-0143"),
        ("US 202.555.0143", "202.555.0143"),
        ("UK 020 7946 0958", "020 7946 0958"),
        ("UK +44 7700 900123", "+44 7700 900123"),
        ("DE 030 123456", "030 123456"),
        ("DE 0171 1234567", "0171 1234567"),
        ("DE +49 30 123456", "+49 30 123456"),
        ("FR 01 23 45 67 89", "01 23 45 67 89"),
        ("IN +91 98765 43210", "+91 98765 43210"),
        ("BR +55 11 91234-5678", "+55 11 91234-5678"),
        ("tel:+84912345678", "+84912345678"),
        ("phone: 0912345678", "0912345678"),
        ("phoneNumber=2025550143", "2025550143"),
        ("телефон: 84951234567", "84951234567"),
        ("số điện thoại 0912345678", "0912345678"),
        ("namba ya simu 0754123456", "0754123456"),
        ("Kontakt: 0151/12345678", "0151/12345678"),
        ("call back on 0711234567", "0711234567"),
        ("UK +44 (0)7400 123456", "+44 (0)7400 123456"),
        ("DE +49 (0)89 21234567", "+49 (0)89 21234567"),
        ("VN 0901.234.567", "0901.234.567"),
        ("RU 8-916-123-45-67", "8-916-123-45-67"),
        ("UK 07700900123", "07700900123"),
        ("+84 28 3822 1234 8.8.8.8:53", "+84 28 3822 1234"),
        ("+84 28 3822 1234 5678 rows", "+84 28 3822 1234"),
    ],
)
def test_phone_is_found(text: str, value: str) -> None:
    """Phone numbers from each country, international and national, with exact bounds."""
    assert found("phone", text) == [value]


@pytest.mark.parametrize("region", PHONE_REGIONS)
def test_national_shape_admits_every_valid_example_number(region: str) -> None:
    """The pre-check that spares parsing never refuses a number that parses as valid in the
    region: written nationally, or after a country code or an international prefix."""
    lib = phones._phonenumbers()
    checked = 0
    for kind in ("FIXED_LINE", "MOBILE", "TOLL_FREE", "VOIP", "PREMIUM_RATE"):
        number = lib.example_number_for_type(region, getattr(lib.PhoneNumberType, kind))
        if number is None:
            continue
        national = lib.format_number(number, lib.PhoneNumberFormat.NATIONAL)
        international = lib.format_number(number, lib.PhoneNumberFormat.INTERNATIONAL)
        for written in (national, *(prefix + international[1:] for prefix in ("", "00", "011"))):
            if lib.is_valid_number_for_region(lib.parse(written, region), region):
                checked += 1
                digits = "".join(char for char in written if char.isdigit())
                assert phones._may_be_valid_in(digits, region), written
        assert phones._is_phone.__wrapped__(national, "shape"), national
    assert checked >= 3


def test_national_number_is_parsed_only_where_its_digits_fit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A British number starting with a trunk 0 is never parsed as a US one."""
    lib = phones._phonenumbers()
    regions: list[str | None] = []
    parse = lib.parse

    def counting_parse(number: str, region: str | None = None) -> object:
        regions.append(region)
        return parse(number, region)

    monkeypatch.setattr(lib, "parse", counting_parse)
    assert phones._is_phone.__wrapped__("0161 496 0123", "shape")
    assert regions == ["GB"]


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-23 14:03:05,023 INFO started",
        "built 20261123140305 ok",
        "epoch 1732370000123 ms",
        "python 3.11.7.1234 and v1.2.3.4",
        "order ORD-1234567 and ORD-020-7946-0958",
        "size=1234567 bytes=0000123456",
        "took 1234567ms",
        "id 6f1c2a9e-1234-4bf9-8a2e-123456789012",
        "host 10.20.30.40:8080",
        "date 23.11.2026 14:03 and 01.02.26",
        "phone updated 2026-11-23 14:03:05",
        "telemetry batch 12345678",
        "rows 1234 5678 9012",
        "паспорт 45 06 123456",
        "+1234 is not a phone",
        "id GB08 RZQC 0098 8728 5933 93",
        "tz +07:00 and 01/02/2026",
        "/api/0123/4567890",
    ],
)
def test_phone_look_alike_is_kept(text: str) -> None:
    """Timestamps, ids, versions, IPs, byte counts and bare digit runs are not phones."""
    assert found("phone", text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("client 8.8.8.8 connected", "8.8.8.8"),
        ("peer=203.0.113.7:443", "203.0.113.7"),
        ("[23.45.67.89]", "23.45.67.89"),
        ("from 198.51.100.1.", "198.51.100.1"),
        ("addr:203.0.113.9 up", "203.0.113.9"),
    ],
)
def test_public_ipv4_is_found_without_its_port(text: str, value: str) -> None:
    """Public and documentation IPv4 addresses are found; the port stays."""
    assert found("ipv4", text) == [value]


def test_both_ends_of_an_address_range_are_found() -> None:
    """A range written with a dash is two addresses, not an address and a version suffix."""
    text = "allow 203.0.113.1-203.0.113.254 and 8.8.4.4-8.8.8.8"
    assert found("ipv4", text) == ["203.0.113.1", "203.0.113.254", "8.8.4.4", "8.8.8.8"]


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "10.1.2.3", "172.16.5.4", "172.31.255.255", "192.168.1.10", "169.254.1.1",
        "100.64.0.1", "0.0.0.0", "224.0.0.251", "255.255.255.255", "192.0.0.8", "198.18.0.1",
    ],
)  # fmt: skip
def test_non_public_ipv4_is_kept(address: str) -> None:
    """Loopback, private, link-local, shared, multicast and reserved addresses stay."""
    assert found("ipv4", f"bind {address}:8080") == []


@pytest.mark.parametrize(
    "text",
    [
        "version 1.2.3.4",
        "v8.8.8.8",
        "release=23.4.5.6",
        "1.2.3.4.5 is a version",
        "999.1.1.1",
        "01.02.03.04",
        "chrome/131.0.6778.85",
        "a8.8.8.8",
        "build-23.4.5.6",
        "Unpacking ruby-actionview (2:6.1.7.10+dfsg-1~deb12u4) ...",
        "imagemagick-6.q16:amd64 8:6.9.11.60+dfsg-1.6+deb12u16",
        "alsa-topology-conf:all <none> 1.2.5.1-2",
        "tool 23.4.5.6~rc1",
    ],
)
def test_ipv4_look_alike_is_kept(text: str) -> None:
    """Versions, out-of-range octets and zero-padded numbers are not addresses."""
    assert found("ipv4", text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("dns 2a00:1450:4001:82b::200e ok", "2a00:1450:4001:82b::200e"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        (
            "full 2001:0db8:85a3:0000:0000:8a2e:0370:7334.",
            "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
        ),
        ("mapped ::ffff:8.8.4.4", "::ffff:8.8.4.4"),
    ],
)
def test_public_ipv6_is_found(text: str, value: str) -> None:
    """Global unicast and documentation IPv6 addresses (and mapped public IPv4) are found."""
    assert found("ipv6", text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "::1", "fe80::1%eth0", "fd00::1", "ff02::1", "::", "::ffff:10.0.0.1",
        "std::vector<int>", "Foo::Bar::baz", "14:03:05", "aa:bb:cc:dd:ee:ff",
    ],
)  # fmt: skip
def test_ipv6_look_alike_is_kept(text: str) -> None:
    """Loopback, link-local, unique-local, multicast, C++ scopes and clock times stay."""
    assert found("ipv6", f"at {text} done") == []


@pytest.mark.parametrize(
    "mac", ["aa:bb:cc:dd:ee:ff", "AA-BB-CC-DD-EE-0F", "aabb.ccdd.eeff", "00:1A:2b:3C:4d:5E"]
)
def test_mac_is_found(mac: str) -> None:
    """MAC addresses in colon, dash and dotted forms are found."""
    assert found("mac", f"link/ether {mac} brd") == [mac]


@pytest.mark.parametrize(
    "text",
    [
        "00:00:00:00:00:00",
        "ff:ff:ff:ff:ff:ff",
        "14:03:05.123",
        "2026-11-23",
        "6f1c2a9e-1234-4bf9-8a2e-123456789012",
        "2024.1105.1234",
        "fe80:aa:bb:cc:dd:ee:ff",
        "hh:hh:hh:hh:hh:hh",
        "aa:bb:cc-dd-ee-ff",
    ],
)
def test_mac_look_alike_is_kept(text: str) -> None:
    """Null and broadcast MACs, times, dates, UUIDs and dotted numbers stay."""
    assert found("mac", f"value {text} end") == []


@pytest.mark.parametrize(
    "card",
    [
        "4111 1111 1111 1111",
        "4111-1111-1111-1111",
        "4111111111111111",
        "5555 5555 5555 4444",
        "2223 0031 2200 3222",
        "3782 822463 10005",
        "6011 1111 1111 1117",
        "3530 1113 3330 0000",
        "2200 0000 0000 0004",
        "VISA 4111 1111 1111 1111",
        "4222222222222",
    ],
)
def test_card_is_found(card: str) -> None:
    """Visa, Mastercard, Amex, Discover, JCB and Mir numbers in any grouping are found."""
    assert found("card", f"card={card}; exp 12/29") == [card.removeprefix("VISA ")]


@pytest.mark.parametrize(
    "text",
    [
        "4111 1111 1111 1112",
        "1234 5678 9012 3452",
        "4111-1111 1111-1111",
        "0000000000000000",
        "41111111111111111111111",
        "20261123140305123",
        "4111111111111111.5",
        "12345678901234",
        "1234567890123456789012345678901234567890",
        "PL04 3988 1982 4289 9317 8946 4187",
    ],
)
def test_card_look_alike_is_kept(text: str) -> None:
    """Numbers failing Luhn or the issuer check, mixed separators and long runs stay."""
    assert found("card", f"n {text} x") == []


@pytest.mark.parametrize(
    ("text", "card"),
    [
        ("paid with 4111 1111 1111 1111 2 items", "4111 1111 1111 1111"),
        ("4111-1111-1111-1111-7 retries", "4111-1111-1111-1111"),
        ("amex 3782 822463 10005 12 seats", "3782 822463 10005"),
    ],
)
def test_grouped_card_followed_by_a_number_is_found(text: str, card: str) -> None:
    """A card printed in its usual groups is found even when another number follows it."""
    assert found("card", text) == [card]


def test_ungrouped_run_is_not_cut_down_to_a_card() -> None:
    """A long run of groups that are not a card's is not shortened until one passes Luhn."""
    assert found("card", "ids 1234 5678 9012 3456 7890 4111 1111") == []


@pytest.mark.parametrize(
    "iban",
    [
        "DE89 3704 0044 0532 0130 00",
        "DE89370400440532013000",
        "GB82 WEST 1234 5698 7654 32",
        "FR14 2004 1010 0505 0001 3M02 606",
        "NO93 8601 1117 947",
    ],
)
def test_iban_is_found(iban: str) -> None:
    """IBANs with a valid checksum and their country's length, spaced or not, are found."""
    assert found("iban", f"pay to {iban} EUR") == [iban]


@pytest.mark.parametrize(
    "text",
    [
        "DE89 3704 0044 0532 0130 01",
        "DE89 3704 0044 0532 0130",
        "XX89370400440532013000",
        "ISO8601 UTF8 AB12CDEF34567890",
        "DE893704004405320130001",
    ],
)
def test_iban_look_alike_is_kept(text: str) -> None:
    """Wrong checksums, lengths, unknown countries and capitalised ids stay."""
    assert found("iban", f"x {text} y") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ssn 123-45-6789.", "123-45-6789"),
        ("SSN: 123456789", "123456789"),
        ("Social Security number 123 45 6789", "123 45 6789"),
        ("id 078-05-1120 on file", "078-05-1120"),
    ],
)
def test_ssn_is_found(text: str, value: str) -> None:
    """Dashed SSNs anywhere, plain ones after an SSN keyword."""
    assert found("ssn", text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "000-12-3456",
        "666-12-3456",
        "900-12-3456",
        "123-00-4567",
        "123-45-0000",
        "id 123456789",
        "ORD-123-45-6789",
        "2026-11-23",
        "123-45-67890",
    ],
)
def test_ssn_look_alike_is_kept(text: str) -> None:
    """Invalid areas, groups and serials, bare digits and longer ids stay."""
    assert found("ssn", text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Passport No.: X1234567", "X1234567"),
        ("passport number 123456789", "123456789"),
        ("Reisepass-Nr. C01X00T47", "C01X00T47"),
        ("паспорт 45 06 123456", "45 06 123456"),
        ("Số hộ chiếu: C1234567", "C1234567"),
        ("passportNumber=AB1234567", "AB1234567"),
        ("passport_no=CXRPRZRAA", "CXRPRZRAA"),
        ("passport CBAARFESX", "CBAARFESX"),
        ("Passport No. B1234567", "B1234567"),
    ],
)
def test_passport_is_found_after_a_keyword(text: str, value: str) -> None:
    """Passport numbers are found after a passport keyword in several languages."""
    assert found("passport", text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "X1234567 without a keyword",
        "passport.js@0.7.0 loaded",
        "passport expired on 2027-01-01",
        "passport: EXPIRED",
        "passports 12 issued",
        "passport status CANCELLED",
        "passport check SUSPENDED",
        "passport PROCESSED",
        "passport state SUBMITTED",
    ],
)
def test_passport_look_alike_is_kept(text: str) -> None:
    """Ids with no passport keyword, package names and dates stay."""
    assert found("passport", text) == []


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
        "ana@example.com +84 28 3822 1234 8.8.8.8 2001:db8::1 aa:bb:cc:dd:ee:ff "
        "4111 1111 1111 1111 DE89370400440532013000 123-45-6789 passport X1234567"
    )
    assert {name: kinds(rule, text) for name, rule in BY_NAME.items()} == {
        "email": {"email"},
        "phone": {"phone"},
        "ipv4": {"ipv4"},
        "ipv6": {"ipv6"},
        "mac": {"mac"},
        "card": {"card"},
        "iban": {"iban"},
        "ssn": {"ssn"},
        "passport": {"passport"},
    }
