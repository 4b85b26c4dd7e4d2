"""IMEI numbers: found after the word IMEI when their check digit holds; other digits kept."""

from __future__ import annotations

import pytest
from _found import found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("device_id=abc imei=356938035643809 serial=C02X", "356938035643809"),
        ("IMEI: 35-209900-176148-1", "35-209900-176148-1"),
        ("IMEI 35 209900 176148 1 (slot 1)", "35 209900 176148 1"),
        ('{"imei": "490154203237518"}', "490154203237518"),
        ("IMEISV: 3569380356438091", "3569380356438091"),
    ],
)
def test_imei_is_found(text: str, value: str) -> None:
    assert found("imei", text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "imei=356938035643808",  # the check digit does not hold
        "imei unavailable; build 356938035643809",  # no number right after the word
        "ts_us=356938035643809 id 490154203237518",  # no keyword
        "imei=3569380356",  # too short
    ],
)
def test_imei_look_alike_is_kept(text: str) -> None:
    assert found("imei", text) == []
