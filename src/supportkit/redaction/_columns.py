"""Tables: a CSV or TSV file's header names its columns as a structure's keys name its values.

A customer export's ``name`` column holds names with no label beside each one, so the text
rules, which find a name only after a label, keep them. When a text's first line is a header
(two or more short names between commas, semicolons, tabs or bars), each column whose name
files a personal value (``first_name``, ``Phone``, ``Street Address``, ``dob``; the
:class:`~supportkit.redaction.FieldRule` checks a structure's keys get) has its cells checked
one by one, and those that hold one are replaced before the text rules run over every line.

Rows are read one line at a time, up to ``MAX_ROW_CHARS``; a longer line, or one whose cells
do not line up with the header (a quoted field across lines), passes to the text rules as it
is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TextIO

__all__ = ["MAX_ROW_CHARS", "TableReader"]

MAX_ROW_CHARS = 65_536
_DELIMITERS = (",", ";", "\t", "|")
_COLUMN_NAME = re.compile(r"[^\W\d][\w .()#/-]{0,63}")
_LABEL_SEPARATORS = re.compile(r"[ -]+")
_CONTACT_COLUMN = re.compile(r"(?i)e-?mail|phone|mobile|address|street")

# What a column's name gives: the checks for its cells, each a placeholder or None.
PlaceCell = Callable[[str], str | None]
ChecksFor = Callable[[str], Sequence[PlaceCell]]


class TableReader:
    """``reader``'s text with the personal cells of a table's columns replaced; any other text
    as it is. Only :meth:`read` is offered, which is all the streaming engine uses."""

    def __init__(self, reader: TextIO, checks_for: ChecksFor) -> None:
        self._reader = reader
        self._in_long_line = False
        self._in_quotes = False
        self._pending = reader.readline(MAX_ROW_CHARS)  # the header, or the text's first line
        self._delimiter, self._columns = _header(self._pending, checks_for)

    def read(self, size: int = -1) -> str:
        if not self._columns:  # no table: the text as it comes
            return self._passed(size)
        parts, length = [self._pending], len(self._pending)
        while size < 0 or length < size:
            line = self._reader.readline(MAX_ROW_CHARS)
            if not line:
                break
            line = self._row(line)
            parts.append(line)
            length += len(line)
        text = "".join(parts)
        if size < 0:
            self._pending = ""
            return text
        self._pending = text[size:]
        return text[:size]

    def _passed(self, size: int) -> str:
        pending = self._pending
        if not pending:
            return self._reader.read(size)
        if 0 <= size <= len(pending):
            self._pending = pending[size:]
            return pending[:size]
        self._pending = ""
        return pending + self._reader.read(-1 if size < 0 else size - len(pending))

    def _row(self, line: str) -> str:
        """``line`` with its personal cells replaced, when it is one whole row of the table."""
        if self._continues(line):
            return line
        cells = _cells(line.rstrip("\r\n"), self._delimiter)
        if cells is None:
            self._in_quotes = line.count('"') % 2 == 1
            return line
        if len(cells) != len(self._columns):
            return line
        pieces: list[str] = []
        position = 0
        for (start, end, quoted), checks in zip(cells, self._columns, strict=True):
            if not checks:
                continue
            value = line[start:end].replace('""', '"') if quoted else line[start:end]
            placeholder = next((made for check in checks if (made := check(value))), None)
            if placeholder is not None:
                pieces.extend((line[position:start], placeholder))
                position = end
        pieces.append(line[position:])
        return "".join(pieces)

    def _continues(self, line: str) -> bool:
        """Whether ``line`` is no row but part of one: the rest of a quoted cell that went on
        to the next line, or of a line too long to be a row."""
        if self._in_quotes:
            self._in_quotes = line.count('"') % 2 == 0
            return True
        if self._in_long_line:
            self._in_long_line = not line.endswith("\n")
            return True
        if len(line) >= MAX_ROW_CHARS and not line.endswith("\n"):
            self._in_long_line = True
            return True
        return False


def _header(line: str, checks_for: ChecksFor) -> tuple[str, tuple[Sequence[PlaceCell], ...]]:
    """The delimiter and each column's checks, when ``line`` is a table's header that names
    a personal column; else no columns."""
    if not line.endswith("\n"):
        return "", ()
    text = line.rstrip("\r\n")
    delimiter = max(_DELIMITERS, key=text.count)
    cells = _cells(text, delimiter)
    if cells is None or len(cells) < 2:
        return "", ()
    names = [text[start:end].strip() for start, end, _ in cells]
    if not all(_COLUMN_NAME.fullmatch(name) for name in names):
        return "", ()
    # A bare "name" is a person's beside a way to reach them, as a contact list has it; a
    # product list's stays.
    contacts = any(_CONTACT_COLUMN.search(name) for name in names)
    columns = tuple(
        _column_checks("full_name" if contacts and name.lower() == "name" else name, checks_for)
        for name in names
    )
    return (delimiter, columns) if any(columns) else ("", ())


def _column_checks(name: str, checks_for: ChecksFor) -> Sequence[PlaceCell]:
    """A column's checks by its name as written, or as a key would write it ("First Name":
    first_name)."""
    return checks_for(name) or checks_for(_LABEL_SEPARATORS.sub("_", name.strip()).lower())


def _cells(line: str, delimiter: str) -> list[tuple[int, int, bool]] | None:
    """Where each cell's value is in ``line`` (inside its quotes, if quoted) and whether it
    was quoted; None when a quote is left open (a field that goes on to the next line)."""
    cells: list[tuple[int, int, bool]] = []
    position, size = 0, len(line)
    while True:
        if line.startswith('"', position):
            end = position + 1
            while True:
                end = line.find('"', end)
                if end < 0:
                    return None
                if not line.startswith('""', end):
                    break
                end += 2
            cells.append((position + 1, end, True))
            after = end + 1
            if after < size and line[after] != delimiter:
                return None  # text after a closing quote: not CSV as written
        else:
            after = line.find(delimiter, position)
            after = size if after < 0 else after
            if line.find('"', position, after) >= 0:
                return None  # a quote inside an unquoted cell: not CSV as written
            cells.append((position, after, False))
        if after >= size:
            return cells
        position = after + 1
