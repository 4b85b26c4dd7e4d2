"""The redaction-rule extension point: a rule finds spans of text that must not leave."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

Category = Literal["credential", "personal"]


@dataclass(frozen=True, slots=True)
class Span:
    """``text[start:end]`` is to be replaced by a placeholder of ``kind`` (e.g. ``email``)."""

    start: int
    end: int
    kind: str


@runtime_checkable
class Rule(Protocol):
    """**Protocol:** finds one kind of secret or personal data in text.

    ``find`` yields the spans to replace, in any order; the engine resolves overlaps, makes
    placeholders and counts replacements under ``name``. A rule must run in linear time
    (no nested quantifiers that can backtrack) and should start its search from a cheap
    anchor (a literal such as ``AKIA`` or ``@``) and validate candidates afterwards.

    ``max_span`` is the longest text a match can cover; the streaming engine keeps that much
    text from one chunk to the next so nothing that straddles a boundary is missed.

    Example::

        class TicketSecret:
            name = "acme-ticket-secret"
            category = "credential"
            max_span = 64

            def find(self, text: str) -> Iterator[Span]:
                for match in _PATTERN.finditer(text):
                    yield Span(match.start(), match.end(), "acme-secret")
    """

    name: str
    category: Category
    max_span: int

    def find(self, text: str) -> Iterator[Span]:
        """Spans of ``text`` to replace."""
        ...


FieldCheck = Callable[[str], str | None]
"""Tells a value filed under a key: its placeholder kind (``"name"``), or None to keep it."""


@runtime_checkable
class FieldRule(Rule, Protocol):
    """**Protocol:** a rule that also knows the keys its kind of value is filed under in
    structured data, where a value stands without the label a log line gives it
    (``{"first_name": "Ana"}`` against ``first_name=Ana``).

    ``field_check(key)`` is None for any other key; for one of its keys, a check that gives
    the placeholder kind of a value filed under it (``"name"``), or None to keep that value
    (``""``, ``"N/A"``). It is asked once per key and bundle.
    """

    def field_check(self, key: str) -> FieldCheck | None:
        """How to tell a personal value under ``key``; None when ``key`` files none."""
        ...
