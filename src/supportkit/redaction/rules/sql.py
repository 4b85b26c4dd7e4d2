"""Values in SQL statements, told by their columns' names, as a structure's values are told by
their keys: ``INSERT INTO users (email, first_name) VALUES ('ana@…', 'Ana')`` files a name
under ``first_name`` with no label beside it.

An INSERT's VALUES line up with its column list, row after row. Where the statement holds
placeholders, the log that printed it prints the values apart: SQLAlchemy's next line
(``[generated in 0.0001s] ('ana@…', 'Ana')``), Django's ``args=(…)``, PostgreSQL's
``DETAIL:  parameters: $1 = 'Ana', …``; each is matched to its placeholder's column. Rails
prints each bound value beside its column (``[["first_name", "Ana"], …]``), for any statement.

A column is read as a structure's key is: by the personal rules' field checks (``first_name``,
``phone``, ``street``, ``ssn``…) and, for the credential rule, by a secret's name (``password``,
``api_token``). Numbers, NULLs, functions and placeholders stay.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from supportkit.redaction import _anchors, _views
from supportkit.redaction._rule import FieldCheck, Rule, Span
from supportkit.redaction.rules._finders import FinderRule
from supportkit.redaction.rules._text import is_trivial
from supportkit.redaction.rules.secret_values import is_secret_key

__all__ = ["RULES"]

_INSERTS = _anchors.words(("insert into", "insert ignore into", "insert or replace into"))
_INSERT = re.compile(
    r"(?i:insert(?:[ \t]+(?:ignore|or[ \t]+replace))?[ \t]+into)[ \t]+([\w.$\"`\[\]]{1,192})"
    r"\s*\(([^()]{1,4000})\)\s*(?i:values)\s*\("
)
# One value of a tuple, as SQL writes it ('O''Brien', E'…', N'…', 42, NULL, now()) or as a
# Python tuple's repr does ('ana', "O'Brien", None, datetime.datetime(2026, 1, 2)); a
# placeholder (?, %s, $1, :name, %(name)s).
_VALUE = re.compile(
    r"""\s*(?:[bBuUeEnNrR]?'((?:[^'\\\r\n]|''|\\.){0,4096})'"""
    r"""|[bBuUrR]?"((?:[^"\\\r\n]|""|\\.){0,4096})\""""
    r"""|(\$[0-9]{1,4}|\?|%s|%\([\w]{1,64}\)s|:[A-Za-z_]\w{0,63})"""
    r"""|([-+]?[0-9][\w.+:-]{0,63})"""
    r"""|([A-Za-z_][\w.]{0,63})[ \t]*(\()?)\s*"""
)
_NEXT_ROW = re.compile(r"\s*,\s*\(")
_MAX_VALUES = 512
_NESTED_CALL = 256  # a function's arguments, skipped: datetime.datetime(2026, 1, 2, 10, 0)


@dataclass(frozen=True, slots=True)
class _Value:
    start: int
    end: int
    literal: bool  # a string or a number, not a placeholder, a NULL or a function's result
    placeholder: str | None


def _tuple(text: str, at: int) -> tuple[list[_Value], int] | None:
    """The values of the tuple whose "(" ends just before ``at``, and where it closes."""
    values: list[_Value] = []
    while len(values) < _MAX_VALUES:
        found = _VALUE.match(text, at)
        if found is None or found.end() == at:
            return None
        at = found.end()
        if found.group(6):  # a function call: skip its arguments
            close = _closing_paren(text, at)
            if close < 0:
                return None
            at = close + 1
            values.append(_Value(found.start(5), at, literal=False, placeholder=None))
        else:
            group = found.lastindex or 5
            start, end = found.span(group)
            values.append(_Value(start, end, group in (1, 2, 4), found.group(3)))
        while at < len(text) and text[at] in " \t\r\n":
            at += 1
        if text[at : at + 1] == ")":
            return values, at + 1
        if text[at : at + 1] != ",":
            return None
        at += 1
        if text[at : at + 1] == ")":  # a Python one-tuple: ('Ana',)
            return values, at + 1
    return None


def _closing_paren(text: str, at: int) -> int:
    depth = 1
    for index in range(at, min(len(text), at + _NESTED_CALL)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index
    return -1


@functools.lru_cache(maxsize=256)  # a log repeats its few statements
def _told_columns(table: str, names: str) -> tuple[str, ...] | None:
    """The columns ``names`` lists, each as its value is told by (a bare name with its
    table's); None when none of them is personal or secret."""
    columns = tuple(_qualified(table, name.strip(' \t\r\n"`[]')) for name in names.split(","))
    return columns if any(_told(column) for column in columns) else None


# Where a log prints an INSERT's bound values after it: SQLAlchemy's "[generated in …] (",
# "[cached since …] (", "[raw sql] (", "[insertmanyvalues 1/1 (ordered)] ("; Django's
# "args=("; PostgreSQL's "DETAIL:  parameters: $1 = ".
_PARAMETERS_AFTER = re.compile(
    r"(?:\[(?:generated in|cached since|raw sql|no key|insertmanyvalues)[^\]\r\n]{0,64}\] "
    r"|args=)\(|parameters: (?=\$1 = )"
)
_PARAMETERS_REACH = 2048
_NUMBERED = re.compile(r"[ \t]*\$([0-9]{1,4}) = ")


def _inserted(text: str) -> Iterator[tuple[str, _Value]]:
    """Each literal an INSERT files under a column, with the column's name."""
    for at in sorted({at for anchor in _INSERTS for at in _anchors.starts(text, anchor)}):
        found = _INSERT.match(text, at)
        if found is None:
            continue
        columns = _told_columns(found.group(1), found.group(2))
        if columns is None:
            continue  # INSERT INTO orders (sku, qty): no value to look at
        slots: list[tuple[str, str | None]] = []  # each value's column, and its placeholder
        end = found.end()
        while (row := _tuple(text, end)) is not None:
            values, end = row
            if len(values) != len(columns):
                break
            for column, value in zip(columns, values, strict=True):
                if value.literal:
                    yield column, value
                slots.append((column, value.placeholder))
            more = _NEXT_ROW.match(text, end)
            if more is None:
                break
            end = more.end()
        if slots:
            yield from _bound(text, end, slots)


# A bare "name" column says whose name by its table's: customers.name is a customer's name.
_BARE_COLUMNS = frozenset({"name", "full_name", "fullname", "first", "last"})


def _qualified(table: str, column: str) -> str:
    if column.lower() not in _BARE_COLUMNS:
        return column
    owner = table.strip('"`[]').rpartition(".")[2].lower()
    return f"{owner.removesuffix('s')}_{column}" if owner else column


def _bound(
    text: str, end: int, slots: Sequence[tuple[str | None, str | None]]
) -> Iterator[tuple[str, _Value]]:
    """The values a log prints after a statement, each with its slot's column (None where
    no column tells it): by number ($1), in the order of the placeholders, or (Django's args
    after values written in full) in the order of all the values."""
    after = _PARAMETERS_AFTER.search(text, end, end + _PARAMETERS_REACH)
    if after is None:
        return
    numbered = {
        p[1:]: column
        for column, p in slots
        if column is not None and p is not None and p.startswith("$")
    }
    if after.group().startswith("parameters"):
        yield from _numbered(text, after.end(), numbered)
        return
    row = _tuple(text, after.end())
    if row is None:
        return
    values = row[0]
    placeholders = [column for column, p in slots if p is not None]
    if numbered:
        columns = [numbered.get(str(index + 1)) for index in range(len(values))]
    elif len(values) == len(placeholders):
        columns = list(placeholders)
    elif not placeholders and len(values) == len(slots):
        columns = [column for column, _ in slots]
    else:
        return
    for column, value in zip(columns, values, strict=True):
        if column is not None and value.literal:
            yield column, value


def _numbered(text: str, at: int, columns: Mapping[str, str]) -> Iterator[tuple[str, _Value]]:
    """PostgreSQL's ``$1 = 'Ana', $2 = NULL``: each value and its placeholder's column."""
    while (number := _NUMBERED.match(text, at)) is not None:
        value = _VALUE.match(text, number.end())
        if value is None or not (value.group(1) is not None or value.group(4)):
            return
        group = 1 if value.group(1) is not None else 4
        column = columns.get(number.group(1))
        if column is not None:
            yield column, _Value(*value.span(group), literal=True, placeholder=None)
        at = value.end()
        if text[at : at + 1] != ",":
            return
        at += 1


# An UPDATE's SET and any statement's WHERE compare columns with values (SET name = 'Ana',
# WHERE users.name = ?); the statement's table, or the column's own prefix, says whose a bare
# name is. Read from the statement's first word to the end of its line, and on over the lines
# that go on with a clause, as SQLAlchemy prints a SELECT ("…\nFROM users \nWHERE …").
_COMPARING = _anchors.words(("update", "delete from", "select"))
_STATEMENT = re.compile(
    r"(?i:update|delete\s+from|select\b[^;]{0,2000}?\bfrom)\s+([\w.$\"`\[\]]{1,192})"
    r"\s+(?:[\w\"`]{1,64}\s+)?(?i:set|where)\b"
)
_STATEMENT_LINES = re.compile(
    r"[^\r\n]*(?:(?:\r\n|\r|\n)(?=[ \t]*[A-Za-z])(?=[ \t]*(?i:from|where|and|or|not|set|join"
    r"|inner|outer|left|right|full|cross|on|using|group|order|having|limit|offset|fetch"
    r"|returning|union|except|intersect|for|values)\b)[^\r\n]*){0,64}"
)
_COMPARISON = re.compile(
    r"(?<![\w.\"`\]])((?:[\w\"`\[\]]{1,64}\.)?[\w\"`\[\]]{1,64})[ \t]*=(?!=)[ \t]*"
)
_PLACEHOLDERS = re.compile(r"\?|%s|\$[0-9]{1,4}|%\(\w{1,64}\)s|(?<![\w:]):[A-Za-z_]\w{0,63}")
_LINE_REACH = 4096
_WORD_CHAR = re.compile(r"\w")


def _compared(text: str) -> Iterator[tuple[str, _Value]]:
    """Each literal a statement's SET or WHERE compares with a column, and the values logged
    after it for the placeholders there."""
    starts = sorted(
        at
        for anchor in _COMPARING
        for at in _anchors.starts(text, anchor)
        if not (at and _WORD_CHAR.match(text, at - 1))
        and not _WORD_CHAR.match(text, at + anchor.width)
    )  # "selections" holds no statement
    for at, following in itertools.pairwise([*starts, len(text)]):
        # a statement ends with its clauses' lines, a ";" or the next statement
        lines = _STATEMENT_LINES.match(text, at, min(at + _LINE_REACH, following))
        end = lines.end() if lines else at
        semicolon = text.find(";", at, end)
        end = end if semicolon < 0 else semicolon
        if _compares_told_column(text[at:end]):
            statement = _STATEMENT.match(text, at, end)
            if statement is not None:
                yield from _comparisons(text, statement, end)


@functools.lru_cache(maxsize=256)  # a log repeats its statements; one is up to 4 KiB
def _compares_told_column(line: str) -> bool:
    """Whether the statement ``line`` starts compares a personal or secret column."""
    statement = _STATEMENT.match(line)
    if statement is None:
        return False
    table = statement.group(1)
    for found in _COMPARISON.finditer(line, statement.end()):
        owner, _, column = found.group(1).rpartition(".")
        if _told(_qualified(owner or table, column.strip('"`[]'))):
            return True
    return False


def _comparisons(text: str, statement: re.Match[str], end: int) -> Iterator[tuple[str, _Value]]:
    """Each literal compared with a column, then the logged values, lined up with all the
    statement's placeholders (those of LIMIT ? and IN (?, ?) too, told by no column)."""
    compared: dict[int, str] = {}  # a placeholder's place, and the column it stands for
    for found in _COMPARISON.finditer(text, statement.end(), end):
        owner, _, column = found.group(1).rpartition(".")
        value = _VALUE.match(text, found.end())
        if value is None or value.group(6):
            continue
        column = _qualified(owner or statement.group(1), column.strip('"`[]'))
        group = value.lastindex or 5
        if group in (1, 2, 4):
            yield column, _Value(*value.span(group), literal=True, placeholder=None)
        elif group == 3:
            compared[value.start(3)] = column
    if compared:
        placeholders = [
            (compared.pop(found.start(), None), found.group())
            for found in _PLACEHOLDERS.finditer(text, statement.start(), end)
        ]
        if not compared:  # each compared placeholder is one of the statement's
            yield from _bound(text, end, placeholders)


# Rails' log of a statement's bound values: [["email", "ana@…"], ["first_name", "Ana"]].
_BINDS = _anchors.literal('[["')
_BIND = re.compile(
    r'[ \t]*\["([^"\r\n]{1,64})", (?:"((?:[^"\\\r\n]|\\.){0,4096})"|[^\]\r\n]{0,64})\]'
)


def _rails_binds(text: str) -> Iterator[tuple[str, _Value]]:
    for start in _anchors.starts(text, _BINDS):
        at = start + 1
        while (bind := _BIND.match(text, at)) is not None:
            if bind.group(2) is not None:
                yield bind.group(1), _Value(*bind.span(2), literal=True, placeholder=None)
            at = bind.end()
            if text[at : at + 1] != ",":
                break
            at += 1


def _assignments(text: str) -> list[tuple[str, _Value]]:
    """Each value a statement files under a personal or a secret column, found once per
    chunk for both rules."""
    memo = _views.memo(text)
    found = memo.get(_assignments)
    if found is None:
        found = memo[_assignments] = [
            (column, value)
            for column, value in (*_inserted(text), *_compared(text), *_rails_binds(text))
            if _told(column)
        ]
    return found


@functools.cache
def _field_rules() -> tuple[Rule, ...]:
    from supportkit.redaction.rules import default_rules  # noqa: PLC0415  (they include this)

    return tuple(rule for rule in default_rules() if hasattr(rule, "field_check"))


@functools.lru_cache(maxsize=1024)
def _secret_column(column: str) -> bool:
    return is_secret_key(column)


def _told(column: str) -> bool:
    """Whether a value under ``column`` may be personal or secret."""
    return bool(_checks(column)) or _secret_column(column)


@functools.lru_cache(maxsize=1024)
def _checks(column: str) -> tuple[FieldCheck, ...]:
    checks = (rule.field_check(column) for rule in _field_rules())  # type: ignore[attr-defined]
    return tuple(check for check in checks if check is not None)


def _personal_values(text: str) -> Iterator[Span]:
    for column, value in _assignments(text):
        raw = text[value.start : value.end]
        for check in _checks(column):
            kind = check(raw)
            if kind is not None:
                yield Span(value.start, value.end, kind)
                break


def _secret_values(text: str) -> Iterator[Span]:
    for column, value in _assignments(text):
        raw = text[value.start : value.end]
        if _secret_column(column) and not is_trivial(raw):
            yield Span(value.start, value.end, "secret")


RULES: tuple[Rule, ...] = (
    FinderRule("sql-secret-value", 8_192, _secret_values, category="credential"),
    FinderRule("sql-personal-value", 8_192, _personal_values),
)
