"""Dates of birth: a date right after a name for one (``DOB: 1990-01-15``, ``"dateOfBirth":
"15/01/1990"``, ``Geburtsdatum 15.01.1990``, ``生年月日 1990年1月15日``).

With a name and a phone number or a postcode, a date of birth picks out one person; sign-up
forms, KYC checks and health apps log it. Dates anywhere else (timestamps, release dates) stay:
only the date right after the name goes, and only one a person alive could have been born on.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from supportkit.redaction._rule import FieldCheck, Rule, Span
from supportkit.redaction.rules._finders import FieldFinderRule, Keywords

__all__ = ["RULES"]

_BIRTH_KEYWORDS = Keywords(
    anchors=(
        "dob", "birth", "geburtsdatum", "geb.", "nacimiento", "naissance", "nascita",
        "nascimento", "urodzenia", "рождения", "ngày sinh", "doğum tarihi", "tanggal lahir",
        "生年月日", "出生日期", "생년월일",
        # "was born on …", in a sentence
        "born", "born on", "né le", "née le", "geboren am", "nato il", "nata il", "nacido el",
        "nacida el", "nascido em", "nascida em",
    ),
    words=frozenset(
        {
            "dob", "birth", "birthdate", "birthday", "dateofbirth", "birthdt", "geburtsdatum",
            "geburtstag", "geb", "geb.", "nacimiento", "naissance", "nascita", "nascimento",
            "urodzenia", "рождения", "born",
        }
    ),
)  # fmt: skip
_MONTHS = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# The date right after the name: maybe past the label's end ("_date", "(DD/MM/YYYY)"), a quote
# (escaped too, as JSON inside a string has it) and a separator; written with numbers, with an
# English month's name, in CJK's 年月日, as one run of digits, or as Python prints a date
# object (datetime.date(1985, 3, 14): its numbers go).
_DATE_AFTER = re.compile(
    # one loop of disjoint parts, so a long gap is read once, not tried many ways
    r"(?:[_ -]?(?i:date|dt))?(?:[ \t\"'\\：:=>-]|\([^()\r\n]{0,16}\))*"
    r"(?:(?:datetime\.)?date\()?"
    r"((?:19|20)\d\d, ?\d{1,2}, ?\d{1,2}(?=\))"
    r"|(?:19|20)\d\d([-/.])\d{1,2}\2\d{1,2}"
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


_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_YEAR_FIRST = re.compile(r"((?:19|20)\d\d)[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?(?:T.*)?")
_YEAR_LAST = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2((?:19|20)\d\d)")
_NAMED_MONTH = re.compile(
    r"(?:(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]{3})[A-Za-z]*\.?|([A-Za-z]{3})[A-Za-z]*\.? "
    r"(\d{1,2})(?:st|nd|rd|th)?),? ((?:19|20)\d\d)"
)


def iso_date(written: str) -> str | None:
    """A date of birth as the rule finds it, as YYYY-MM-DD; None when its order is unclear
    (03/04/1985 is March or April) or its year has two digits."""
    if found := _YEAR_FIRST.fullmatch(written):
        year, month, day = int(found[1]), int(found[2]), int(found[3])
    elif found := _YEAR_LAST.fullmatch(written):
        first, second, year = int(found[1]), int(found[3]), int(found[4])
        if first > 12 or (found[2] == "." and second <= 12):  # 14/03/1985; dotted, day first
            day, month = first, second
        elif second > 12:  # the US's 03/14/1985
            month, day = first, second
        else:
            return None
    elif found := _NAMED_MONTH.fullmatch(written):
        day = int(found[1] or found[4])
        month = _MONTH_NUMBERS.get((found[2] or found[3]).lower(), 0)
        year = int(found[5])
    else:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04}-{month:02}-{day:02}"


# A structure's keys for a date of birth, in lower case without "_", "-" or spaces.
_BIRTH_KEYS = frozenset(
    {"dob", "birthdate", "birthday", "dateofbirth", "birthdt", "birthdatetime", "geburtsdatum",
     "geburtstag", "fechadenacimiento", "datedenaissance", "datadinascita", "datadenascimento",
     "datarozhdeniya", "датарождения", "ngàysinh", "tanggallahir", "doğumtarihi", "生年月日",
     "出生日期", "생년월일"}
)  # fmt: skip


def _birth_field(key: str) -> FieldCheck | None:
    """In a structure, a date under a date of birth's key ({"dob": "1990-01-15"})."""
    normalized = key.lower().replace("_", "").replace("-", "").replace(" ", "")
    return _birth_value if normalized in _BIRTH_KEYS else None


@functools.lru_cache(maxsize=4096)  # a column or a key repeats its values
def _birth_value(value: str) -> str | None:
    found = _DATE_AFTER.match(value.strip())
    return "birth-date" if found is not None and found.end() == len(value.strip()) else None


RULES: tuple[Rule, ...] = (FieldFinderRule("birth-date", 96, _birth_dates, field=_birth_field),)
