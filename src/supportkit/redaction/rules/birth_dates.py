"""Dates of birth: a date right after a name for one (``DOB: 1990-01-15``, ``"dateOfBirth":
"15/01/1990"``, ``Geburtsdatum 15.01.1990``, ``生年月日 1990年1月15日``).

With a name and a phone number or a postcode, a date of birth picks out one person; sign-up
forms, KYC checks and health apps log it. Dates anywhere else (timestamps, release dates) stay:
only the date right after the name goes, and only one a person alive could have been born on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from supportkit.redaction._rule import Rule, Span
from supportkit.redaction.rules._finders import FinderRule, Keywords

__all__ = ["RULES"]

_BIRTH_KEYWORDS = Keywords(
    anchors=(
        "dob", "birth", "geburtsdatum", "geb.", "nacimiento", "naissance", "nascita",
        "nascimento", "urodzenia", "рождения", "ngày sinh", "doğum tarihi", "tanggal lahir",
        "生年月日", "出生日期", "생년월일",
    ),
    words=frozenset(
        {
            "dob", "birth", "birthdate", "birthday", "dateofbirth", "birthdt", "geburtsdatum",
            "geburtstag", "geb", "geb.", "nacimiento", "naissance", "nascita", "nascimento",
            "urodzenia", "рождения",
        }
    ),
)  # fmt: skip
_MONTHS = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# The date right after the name: maybe past the label's end ("_date", "(DD/MM/YYYY)"), a quote
# and a separator; written with numbers, with an English month's name, in CJK's 年月日, or as
# one run of digits.
_DATE_AFTER = re.compile(
    # one loop of disjoint parts, so a long gap is read once, not tried many ways
    r"(?:[_ -]?(?i:date|dt))?(?:[ \t\"'：:=>-]|\([^()\r\n]{0,16}\))*"
    r"((?:19|20)\d\d([-/.])\d{1,2}\2\d{1,2}"
    r"(?:T\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:?\d\d)?)?"  # as JSON dates a day
    r"|\d{1,2}([-/.])\d{1,2}\3(?:19|20)?\d\d"
    r"|\d{1,2}(?:st|nd|rd|th)? " + _MONTHS + r",? (?:19|20)\d\d"
    r"|" + _MONTHS + r" \d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\d\d"
    r"|(?:19|20)\d\d年\d{1,2}月\d{1,2}日"
    r"|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))"
    r"(?!\d|[\w/.-]\d)"
)
_DATE_REACH = 48


def _birth_dates(text: str) -> Iterator[Span]:
    for end in _BIRTH_KEYWORDS.ends(text):
        found = _DATE_AFTER.match(text, end, end + _DATE_REACH)
        if found is not None:
            yield Span(found.start(1), found.end(1), "birth-date")


RULES: tuple[Rule, ...] = (FinderRule("birth-date", 96, _birth_dates),)
