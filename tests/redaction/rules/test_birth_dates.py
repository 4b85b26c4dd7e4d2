"""Dates of birth: a date right after a name for one goes; other dates stay."""

from __future__ import annotations

import pytest
from _found import found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("DOB: 1990-01-15", "1990-01-15"),
        ('"birthDate": "15/01/1990"', "15/01/1990"),
        ('{"dateOfBirth":"1990-01-15T00:00:00.000Z"}', "1990-01-15T00:00:00.000Z"),
        ("date_of_birth=01/15/1990", "01/15/1990"),
        ("<dob>1990-01-15</dob>", "1990-01-15"),
        ("Date of Birth (DD/MM/YYYY): 15/01/1990", "15/01/1990"),
        ("birth_date=19900115", "19900115"),
        ("birth_dt => '1990-01-15'", "1990-01-15"),
        ("DOB January 15, 1990", "January 15, 1990"),
        ("birthday 15th Jan 1990", "15th Jan 1990"),
        ("Geburtsdatum 15.01.1990", "15.01.1990"),
        ("geb. 15.01.1990 in Köln", "15.01.1990"),
        ("Fecha de nacimiento: 15/01/1990", "15/01/1990"),
        ("Date de naissance : 15/01/1990", "15/01/1990"),
        ("Дата рождения: 15.01.1990", "15.01.1990"),
        ("Ngày sinh: 15/01/1990", "15/01/1990"),
        ("生年月日：1990年1月15日", "1990年1月15日"),
        # a Python date object, as a dict's or a model's repr prints it
        ("{'dob': datetime.date(1985, 3, 14), 'plan': 'pro'}", "1985, 3, 14"),
        ("User(birth_date=date(1990, 12, 1))", "1990, 12, 1"),
        ("出生日期1990-01-15", "1990-01-15"),
        ("생년월일 1990.01.15", "1990.01.15"),
        # in a sentence
        ("patient born on 03/14/1985, admitted", "03/14/1985"),
        ("né le 14/03/1985 à Paris", "14/03/1985"),
        ("geboren am 14.03.1985 in Köln", "14.03.1985"),
        ("nacida el 14/03/1985", "14/03/1985"),
        # JSON inside a string, its quotes escaped
        ('payload="{\\"dob\\": \\"1990-01-15\\"}"', "1990-01-15"),
        ('body: {\\\\\\"birthDate\\\\\\":\\\\\\"15/01/1990\\\\\\"}', "15/01/1990"),
    ],
)
def test_date_of_birth_is_found(text: str, value: str) -> None:
    assert found("birth-date", text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "release date 1990-01-15; created_at=2026-12-07T10:00:00Z",
        "birthplace 2020-01-01; dob_verified=true at 2026-12-07; birth 3 weeks ago",
        "adobe 2024-01-15; DOB: unknown; birthday 1990-01-15-12:00",  # a timestamp goes on
        "'released': datetime.date(1985, 3, 14); dob: datetime.date(1985, 3)",
        "DOB: 1890-01-15",  # no one alive
        "firstborn 2020-01-01; reborn on 2020-01-01; born on a friday",
    ],
)
def test_other_dates_are_kept(text: str) -> None:
    assert found("birth-date", text) == []
