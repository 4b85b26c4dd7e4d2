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
