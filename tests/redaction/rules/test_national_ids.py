"""SSNs and passport numbers: found with their shape or keyword; look-alikes kept."""

from __future__ import annotations

import pytest
from _found import found


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
        ("Passnummer: C01X00T47", "C01X00T47"),
        ("paspoortnummer NW1234567", "NW1234567"),
        ("паспорт 45 06 123456", "45 06 123456"),
        ("Số hộ chiếu: C1234567", "C1234567"),
        ("passportNumber=AB1234567", "AB1234567"),
        ("passport_no=CXRPRZRAA", "CXRPRZRAA"),
        ("passport CBAARFESX", "CBAARFESX"),
        ("Passport No. B1234567", "B1234567"),
        ("Personalausweis-Nr. T22000129", "T22000129"),
        ("Ausweisnummer: L01X00T47", "L01X00T47"),
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
        "Ausweis abgelaufen; Personalausweis gültig bis 2031-05-01",
    ],
)
def test_passport_look_alike_is_kept(text: str) -> None:
    """Ids with no passport keyword, package names and dates stay."""
    assert found("passport", text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("cliente CPF 529.982.247-25 cadastrado", "529.982.247-25"),
        ("pedido de 529.982.247-25 recusado", "529.982.247-25"),  # its own shape: no keyword
        ("cpf=52998224725", "52998224725"),
        ("СНИЛС: 112-233-445 95", "112-233-445 95"),
        ("застрахованный 112-233-445 95", "112-233-445 95"),
        ("snils 11223344595", "11223344595"),
        ("ИНН 7707083893", "7707083893"),
        ("INN: 500100732259", "500100732259"),
        ("Số CCCD: 001203012345", "001203012345"),
        ("CMND 012345678", "012345678"),
        ("NI number: AB 12 34 56 C", "AB 12 34 56 C"),
        ("NINO JG103759A", "JG103759A"),
        ("Steuer-ID 86 095 742 719", "86 095 742 719"),
        ("Steuerliche Identifikationsnummer: 86095742719", "86095742719"),
        ("NIDA: 19900101-12345-00001-23", "19900101-12345-00001-23"),
        ("Kitambulisho cha Taifa: 19900101123450000123", "19900101123450000123"),
        # a payment API's documents: the kind in one field, the number in another
        ('{"type": "CPF", "expeditionDate": null, "number": "52998224725"}', "52998224725"),
    ],
)
def test_national_id_is_found(text: str, value: str) -> None:
    assert found("national-id", text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "id 529.982.247-26",  # a check digit is wrong
        "ref 111.111.111-11",  # one digit repeated: the checksum holds, the id does not exist
        "order 112-233-445 96",
        "inn 1234567890; snils 12345678901; cpf 12345678900",
        "national insurance number QQ123456C",  # QQ: HMRC's example, never issued
        "ni no way; CCCD pending",
        "version 529.982.247-25x; build 7.529.982.247-25",
        "Steuer-ID 86095742718; steuerid 06095742719",  # check digit wrong; leading 0
        "nida 12345678901234567890; NIDA status pending",  # no date of birth first
        '{"type": "CPF", "number": "52998224726"}',  # a check digit is wrong
    ],
)
def test_national_id_look_alike_is_kept(text: str) -> None:
    assert found("national-id", text) == []
