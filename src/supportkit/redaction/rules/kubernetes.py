"""The values of a Kubernetes Secret, as ``kubectl get secret -o yaml`` (or ``-o json``) prints
one: every entry under ``data`` (base64) and ``stringData`` is a secret, whatever its key is
called (``DATABASE_URL``, ``config.json``), so the key names stay and the values go.

The object is found from its ``kind: Secret`` line and read by indentation, which YAML and
kubectl's indented JSON share: its fields are the lines indented as deep as ``kind``, before
and after it (kubectl sorts them, so ``data`` comes first). A Secret printed as one line of
JSON is read from that line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from supportkit.redaction import _anchors
from supportkit.redaction._rule import Rule, Span
from supportkit.redaction.rules._finders import FinderRule

__all__ = ["RULES"]

_KINDS = tuple(
    _anchors.literal(kind) for kind in ("kind: Secret", '"kind": "Secret"', '"kind":"Secret"')
)
# How far from its kind line a Secret's fields are read: a few TLS certificates' worth.
_REACH = 16_384
_DATA_FIELD = re.compile(r"""(["']?)(?:data|stringData)\1[ \t]*:[ \t]*\{?[ \t]*\r?$""")
_ENTRY = re.compile(
    r"""(?:"[^"\r\n]{1,253}"|'[^'\r\n]{1,253}'|[^\s:"'#][^:\r\n]{0,252}):[ \t]*(.*?)[ \t,]*\r?$"""
)
_BLOCK_MARKER = re.compile(r"[|>][+-]?[0-9]?")
_ONE_LINE_DATA = re.compile(r'"(?:data|stringData)":\s*\{([^{}]{0,16384})\}')
_ONE_LINE_VALUE = re.compile(r'"[^"]{1,253}":\s*"([^"]*)"')


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _indent(line: str) -> int:
    """The column a line's content starts at; a list item's ``- `` counts as indentation."""
    stripped = line.lstrip(" ")
    if stripped.startswith("- "):
        return len(line) - len(stripped[2:].lstrip(" "))
    return len(line) - len(stripped)


def _starts_item(line: str, column: int) -> bool:
    """Whether ``line`` opens a list item whose fields start at ``column``: ``- kind: …``."""
    return column >= 2 and line[column - 2 : column] == "- " and not line[: column - 2].strip()


_CLOSERS = frozenset({"}", "},", "]", "],"})  # a JSON field's value closing at its depth
_FIELD = re.compile(r"""["']?[A-Za-z_][\w.-]{0,252}["']?[ \t]*:""")


def _ends_object(line: str, column: int) -> bool:
    """Whether ``line`` is past the object whose fields start at ``column``: less indented, a
    document separator, or at the fields' depth but no field (a log line after a manifest)."""
    if not line.strip():
        return False
    depth = _indent(line)
    return (
        depth < column
        or line.startswith("---")
        or (depth == column and _FIELD.match(line, depth) is None and line.strip() not in _CLOSERS)
    )


def _field_lines(text: str, kind_line: int, column: int) -> Iterator[tuple[int, int]]:
    """The lines of the object whose ``kind`` starts at ``column`` of the line at
    ``kind_line``: back to where it opens, then on to where it closes."""
    first = kind_line
    while (
        first > 0
        and kind_line - first < _REACH
        and not _starts_item(text[first : first + column], column)
    ):
        previous = text.rfind("\n", 0, first - 1) + 1
        if _ends_object(text[previous : first - 1], column):
            break
        first = previous
    pos = first
    while pos < len(text) and pos - kind_line < _REACH:
        start, end = _line_bounds(text, pos)
        line = text[start:end]
        if start > kind_line and (_ends_object(line, column) or _starts_item(line, column)):
            return
        yield start, end
        pos = end + 1


def _entries(text: str, lines: list[tuple[int, int]], field: int, column: int) -> Iterator[Span]:
    """The values of the entries under the ``data`` field on line ``field`` of ``lines``."""
    entry_column = -1
    for start, end in lines[field + 1 :]:
        line = text[start:end]
        content = line.strip()
        if not content:
            continue
        depth = _indent(line)
        if depth <= column:
            return
        first = start + depth
        if entry_column < 0:
            entry_column = depth
        if depth > entry_column:  # a line of a block scalar's value
            yield Span(first, start + len(line.rstrip()), "secret")
            continue
        entry = _ENTRY.match(text, first, end)
        if entry is None:
            continue
        value = entry.group(1)
        if value.startswith(("'", '"')) and value.endswith(value[0]) and len(value) > 1:
            value_start, value_end = entry.start(1) + 1, entry.end(1) - 1
        else:
            value_start, value_end = entry.span(1)
        if value_end > value_start and not _BLOCK_MARKER.fullmatch(value):
            yield Span(value_start, value_end, "secret")


def _manifest_values(text: str, kind_at: int) -> tuple[list[Span], int]:
    """The values of the Secret whose kind is at ``kind_at``, and where its object ends."""
    line_start, line_end = _line_bounds(text, kind_at)
    if text[line_start:kind_at].strip(" -"):  # not a field of its own: one line of JSON
        return list(_one_line_values(text, line_start, line_end)), line_end
    column = kind_at - line_start
    lines = list(_field_lines(text, line_start, column))
    spans = [
        span
        for index, (start, end) in enumerate(lines)
        if _indent(text[start:end]) == column and _DATA_FIELD.match(text[start:end], column)
        for span in _entries(text, lines, index, column)
    ]
    return spans, lines[-1][1]


def _one_line_values(text: str, line_start: int, line_end: int) -> Iterator[Span]:
    for data in _ONE_LINE_DATA.finditer(text, line_start, line_end):
        for value in _ONE_LINE_VALUE.finditer(text, data.start(1), data.end(1)):
            if value.end(1) > value.start(1):
                yield Span(value.start(1), value.end(1), "secret")


def _secret_values(text: str) -> Iterator[Span]:
    for anchor in _KINDS:
        read_to = -1
        for kind_at in _anchors.starts(text, anchor):
            after = text[kind_at + anchor.width : kind_at + anchor.width + 1]
            # "kind: SecretProviderClass" is another kind; a kind inside the object just read
            # is that object's (reading it again would cost its length each time)
            if kind_at > read_to and not after.isalnum():
                spans, read_to = _manifest_values(text, kind_at)
                yield from spans


RULES: tuple[Rule, ...] = (
    FinderRule("kubernetes-secret", _REACH, _secret_values, category="credential"),
)
