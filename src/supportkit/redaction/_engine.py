"""The redaction engine: runs rules, resolves overlapping findings, replaces and counts.

Three guarantees shape it:

* **Fail closed.** If a rule raises (or returns nonsense), the whole text it was looking at is
  replaced by ``<redaction-failed>`` and the failure is recorded by rule name and error type,
  never with the text. A bug cannot let a raw value through.
* **Line structure is kept.** A replaced span that contained *k* line breaks becomes the
  placeholder followed by the same *k* breaks, so the lines after it are emptied rather than
  joined and every line number in a log still points at the same line.
* **Streaming in constant memory.** Text is processed in windows of half a million characters
  (a few MB whatever the file size: larger windows cost memory, smaller ones rescan more of
  the overlap). The last ``max(rule.max_span)`` characters of a window are not committed but
  carried into the next one, so a secret straddling a boundary (a PEM block, a long token) is
  found whole; a finding that starts before the commit point and ends after it moves the
  commit point. Up to 4 KiB of already-written text, starting at a line start, is kept in
  front of each window so rules that look back (a key before its value, ``Set-`` before
  ``Cookie``) see what they would have seen in the whole text.

Echoes: a credential is also replaced where its value appears again within 2 KiB either side,
unannounced (pytest's ``assert 'hunter2x' == …`` above the ``where`` line that names it, a
retry's log line). Only values no word could be (eight characters or more, with a digit, a
symbol or mixed case), and only as a whole token.

Overlaps: a credential beats personal data, then the longer finding wins, then the earlier one,
then the rule listed first. A loser that sticks out of the winner is not dropped: the winner's
replacement grows to cover it, so no part of either survives. The placeholder is still chosen
by the winner's own value, keeping pseudonyms consistent.
"""

from __future__ import annotations

import io
import re
import sys
import threading
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TextIO, cast

from supportkit.redaction._columns import TableReader
from supportkit.redaction._policy import RedactionPolicy
from supportkit.redaction._pseudonym import FAILED_PLACEHOLDER, Pseudonymizer
from supportkit.redaction._rule import FieldCheck, FieldRule, Rule, Span
from supportkit.redaction._structured import StructuredRedaction
from supportkit.redaction.rules._text import is_plain_word

__all__ = [
    "CHUNK_CHARS",
    "RedactionAudit",
    "RedactionFailure",
    "RedactionState",
    "Redactor",
    "redact_file",
    "redact_stream",
    "redact_text",
]

CHUNK_CHARS = 1 << 19
_CONTEXT_CHARS = 4096
_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


@dataclass(frozen=True)
class RedactionFailure:
    """A rule that raised while redacting ``artifact``: its name and error type, never text."""

    artifact: str
    rule: str
    error: str
    count: int = 1


@dataclass
class RedactionAudit:
    """What redaction replaced, per artifact and rule, as counts only; and what failed.

    ``artifacts`` maps an artifact's path in the bundle to ``{rule name: replacements}``; an
    artifact that was scanned and had nothing to replace maps to ``{}``.
    """

    artifacts: dict[str, dict[str, int]] = field(default_factory=dict)
    failures: list[RedactionFailure] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @property
    def total(self) -> int:
        """How many values were replaced in all."""
        return sum(sum(counts.values()) for counts in self.artifacts.values())

    def record(self, artifact: str, counts: Mapping[str, int]) -> None:
        """Add ``counts`` (rule name → replacements) to ``artifact``."""
        with self._lock:
            mine = self.artifacts.setdefault(artifact, {})
            for rule, count in counts.items():
                if count:
                    mine[rule] = mine.get(rule, 0) + count

    def fail(self, artifact: str, rule: str, error: str, count: int = 1) -> None:
        """Note that ``rule`` raised ``error`` on ``artifact``; repeats are counted, not listed."""
        with self._lock:
            self.artifacts.setdefault(artifact, {})
            for index, failure in enumerate(self.failures):
                if (failure.artifact, failure.rule, failure.error) == (artifact, rule, error):
                    self.failures[index] = RedactionFailure(
                        artifact, rule, error, failure.count + count
                    )
                    return
            self.failures.append(RedactionFailure(artifact, rule, error, count))

    def merge(self, other: RedactionAudit) -> RedactionAudit:
        """Add ``other``'s counts and failures to this audit; returns ``self``."""
        for artifact, counts in other.artifacts.items():
            self.record(artifact, counts)
        for failure in other.failures:
            self.fail(failure.artifact, failure.rule, failure.error, failure.count)
        return self

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form for the bundle manifest."""
        return {
            "artifacts": {name: dict(sorted(c.items())) for name, c in self.artifacts.items()},
            "failures": [
                {"artifact": f.artifact, "rule": f.rule, "error": f.error, "count": f.count}
                for f in self.failures
            ],
        }


@dataclass
class RedactionState:
    """Where one redaction run gets its placeholders and records what it did."""

    pseudonyms: Pseudonymizer
    audit: RedactionAudit
    artifact: str
    allow: Callable[[str], bool] | None = None


class _Hit:
    """A finding; ``start``/``end`` may grow when it absorbs an overlapping loser, while
    ``span`` keeps the value that names the placeholder."""

    __slots__ = ("end", "kind", "priority", "rule", "span", "start")

    def __init__(self, span: Span, rule: int, credential: bool) -> None:
        self.span = span
        self.start = span.start
        self.end = span.end
        self.kind = span.kind
        self.rule = rule
        self.priority = (0 if credential else 1, span.start - span.end, span.start, rule)


class _InvalidSpanError(ValueError):
    pass


def _checked(span: Span, size: int) -> Span:
    start, end = span.start, span.end
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= size):
        msg = "a rule returned a span outside its text"
        raise _InvalidSpanError(msg)
    return span


def _collect(text: str, rules: Sequence[Rule], state: RedactionState, base: int) -> list[_Hit]:
    hits: list[_Hit] = []
    size = len(text)
    for index, rule in enumerate(rules):
        credential = rule.category == "credential"
        try:
            for found in rule.find(text):
                span = _checked(found, size)
                if span.start < base or span.start == span.end:
                    continue
                if state.allow is not None and state.allow(text[span.start : span.end]):
                    continue
                hits.append(_Hit(span, index, credential))
        except Exception as exc:  # noqa: BLE001  (fail closed: any rule error hides the text)
            state.audit.fail(state.artifact, getattr(rule, "name", repr(rule)), type(exc).__name__)
            raise _RuleFailedError from None
    return hits


class _RuleFailedError(Exception):
    pass


_ECHO_REACH = 2048
_ECHO_LENGTHS = range(8, 513)
_NAME_ECHO_LENGTHS = range(6, 129)


def _echoable(value: str) -> bool:
    return len(value) in _ECHO_LENGTHS and value.isprintable() and not is_plain_word(value)


def _echoed_name(value: str) -> bool:
    """A person's name of two to four capitalized words: "Ana Lima" is hers wherever it stands
    near where a label gave it; a single word ("Mark") may be a word."""
    words = value.split()
    return (
        2 <= len(words) <= 4
        and len(value) in _NAME_ECHO_LENGTHS
        and value.isprintable()
        and all(word[0].isupper() for word in words)
    )


def _echoes(text: str, hits: list[_Hit], base: int) -> list[_Hit]:
    """Other whole-token occurrences, near each credential and each person's name found, of
    its value ("customer_name": "Ana Lima" … "invoice sent to Ana Lima")."""
    echoes: list[_Hit] = []
    found = {hit.span.start for hit in hits}
    for hit in hits:
        credential = hit.priority[0] == 0
        if not credential and hit.kind != "name":
            continue
        value = text[hit.span.start : hit.span.end]
        if not (_echoable(value) if credential else _echoed_name(value)):
            continue
        stop = min(len(text), hit.span.end + _ECHO_REACH)
        at = text.find(value, max(base, hit.span.start - _ECHO_REACH), stop)
        while at >= 0:
            end = at + len(value)
            if at not in found and not (
                text[at - 1 : at].isalnum() or text[end : end + 1].isalnum()
            ):
                found.add(at)
                echoes.append(_Hit(Span(at, end, hit.kind), hit.rule, credential=credential))
            at = text.find(value, end, stop)
    return echoes


def _resolve(hits: list[_Hit]) -> list[_Hit]:
    """Non-overlapping replacements, sorted by start; losers are absorbed by their winners."""
    hits.sort(key=lambda hit: hit.priority)
    accepted: list[_Hit] = []
    starts: list[int] = []
    for hit in hits:
        index = bisect_right(starts, hit.start)
        low = index - 1 if index > 0 and accepted[index - 1].end > hit.start else index
        high = bisect_left(starts, hit.end)
        if low == high:
            accepted.insert(index, hit)
            starts.insert(index, hit.start)
            continue
        first, last = accepted[low], accepted[high - 1]
        if hit.start < first.start:
            first.start = starts[low] = hit.start
        for position in range(low, high - 1):
            accepted[position].end = accepted[position + 1].start
        last.end = max(last.end, hit.end)
    return accepted


def _breaks(replaced: str) -> str:
    if replaced.isprintable():
        return ""
    return "".join(_LINE_BREAK.findall(replaced))


def _failed(segment: str) -> str:
    return FAILED_PLACEHOLDER + _breaks(segment) if segment else ""


def _render(
    text: str,
    bounds: tuple[int, int],
    hits: list[_Hit],
    *,
    rules: Sequence[Rule],
    state: RedactionState,
    counts: Counter[str],
) -> str:
    position, stop = bounds
    pieces: list[str] = []
    for hit in hits:
        pieces.append(text[position : hit.start])
        value = text[hit.span.start : hit.span.end]
        pieces.append(state.pseudonyms.placeholder(hit.kind, value))
        pieces.append(_breaks(text[hit.start : hit.end]))
        counts[rules[hit.rule].name] += 1
        position = hit.end
    pieces.append(text[position:stop])
    return "".join(pieces)


def _window(
    text: str,
    bounds: tuple[int, int],
    rules: Sequence[Rule],
    state: RedactionState,
    counts: Counter[str],
) -> tuple[str, int]:
    """Redact ``text[base:commit]``; returns it and the commit point findings moved."""
    base, commit = bounds
    try:
        hits = _collect(text, rules, state, base)
        hits = _resolve(hits + _echoes(text, hits, base))
        kept: list[_Hit] = []
        for hit in hits:
            if hit.start >= commit:
                break
            kept.append(hit)
            commit = max(commit, hit.end)
        local: Counter[str] = Counter()
        out = _render(text, (base, commit), kept, rules=rules, state=state, counts=local)
    except _RuleFailedError:
        return _failed(text[base:commit]), commit
    except Exception as exc:  # noqa: BLE001  (fail closed on an engine error too)
        state.audit.fail(state.artifact, "engine", type(exc).__name__)
        return _failed(text[base:commit]), commit
    counts.update(local)
    return out, commit


def redact_text(text: str, rules: Sequence[Rule], state: RedactionState) -> str:
    """``text`` with every finding of ``rules`` replaced by its placeholder."""
    counts: Counter[str] = Counter()
    out = _window(text, (0, len(text)), rules, state, counts)[0] if text else text
    state.audit.record(state.artifact, counts)
    return out


_BATCH_SEPARATOR = "\n\x1e\n"


def _redact_batch(strings: list[str], rules: Sequence[Rule], state: RedactionState) -> list[str]:
    """Many short strings redacted as one text: the rules' set-up cost is paid once, not per
    string (a report holds hundreds). Falls back to one at a time if a finding spans two."""
    if not strings:
        return []
    if any("\x1e" in text for text in strings):
        return [redact_text(text, rules, state) for text in strings]
    scratch = RedactionState(state.pseudonyms, RedactionAudit(), state.artifact, state.allow)
    parts = redact_text(_BATCH_SEPARATOR.join(strings), rules, scratch).split(_BATCH_SEPARATOR)
    if len(parts) != len(strings):
        return [redact_text(text, rules, state) for text in strings]
    state.audit.merge(scratch.audit)
    return parts


def _context(text: str, commit: int) -> str:
    """The committed tail the next window looks back into, from a line start where possible."""
    start = commit - _CONTEXT_CHARS
    if start <= 0:
        return text[:commit]
    newline = text.find("\n", start, commit)
    return text[newline + 1 if newline >= 0 else start : commit]


class _Readable(Protocol):
    """What the streaming engine reads from: a text file, or a table's reader over one."""

    def read(self, size: int = -1, /) -> str: ...


def redact_stream(
    reader: _Readable,
    writer: TextIO,
    rules: Sequence[Rule],
    state: RedactionState,
    *,
    chunk_chars: int = CHUNK_CHARS,
) -> None:
    """Copy ``reader`` to ``writer`` redacted, holding about ``chunk_chars`` of text at a time."""
    keep = max((rule.max_span for rule in rules), default=0) + 64
    counts: Counter[str] = Counter()
    context, parts, pending = "", [], 0
    while True:
        piece = reader.read(chunk_chars)
        if piece:
            parts.append(piece)
            pending += len(piece)
            if pending < max(chunk_chars, 2 * keep):
                continue
        buffer = "".join([context, *parts])
        base = len(context)
        commit = len(buffer) if not piece else len(buffer) - keep
        out, commit = _window(buffer, (base, commit), rules, state, counts)
        writer.write(out)
        if not piece:
            break
        context = _context(buffer, commit)
        parts = [buffer[commit:]]
        pending = len(parts[0])
    state.audit.record(state.artifact, counts)


class Redactor:
    """Redacts everything that goes into one bundle, with one set of pseudonyms and one audit.

    ``credentials_only=True`` is for text the reporter typed: credentials go, the personal data
    they chose to write stays. Rules are built on first use, so a policy naming a missing rule
    set raises :class:`~supportkit.exceptions.PluginLoadError` there.
    """

    def __init__(self, policy: RedactionPolicy | None = None) -> None:
        self._policy = policy if policy is not None else RedactionPolicy()
        self._pseudonyms = Pseudonymizer(self._policy.stable_key)
        self._audit = RedactionAudit()
        self._rules: dict[bool, tuple[Rule, ...]] = {}
        self._is_secret_key = self._policy.secret_key_matcher()
        self._field_rule_sets: dict[bool, tuple[FieldRule, ...]] = {}
        # Per mode and key, the rules that may find a personal value filed under that key.
        self._fields: dict[bool, dict[str, tuple[tuple[str, FieldCheck], ...]]] = {
            False: {},
            True: {},
        }

    @property
    def policy(self) -> RedactionPolicy:
        """The policy this redactor applies."""
        return self._policy

    @property
    def audit(self) -> RedactionAudit:
        """Counts so far, per artifact and rule; failures."""
        return self._audit

    def rules(self, *, credentials_only: bool = False) -> tuple[Rule, ...]:
        """The rules applied (built once per mode)."""
        rules = self._rules.get(credentials_only)
        if rules is None:
            policy = self._policy.credentials_only() if credentials_only else self._policy
            rules = self._rules[credentials_only] = policy.build_rules()
        return rules

    def _field_rules(self, credentials_only: bool) -> tuple[FieldRule, ...]:
        found = self._field_rule_sets.get(credentials_only)
        if found is None:
            rules = self.rules(credentials_only=credentials_only)
            # getattr, not isinstance: a runtime protocol check costs ~10 µs a rule.
            found = tuple(cast("FieldRule", rule) for rule in rules if hasattr(rule, "field_check"))
            self._field_rule_sets[credentials_only] = found
        return found

    def _state(self, artifact: str) -> RedactionState:
        allow = self._policy.allows if self._policy.allow else None  # most hosts list nothing
        return RedactionState(self._pseudonyms, self._audit, artifact, allow)

    def text(self, value: str, *, artifact: str, credentials_only: bool = False) -> str:
        """``value`` redacted; counted under ``artifact``."""
        return redact_text(
            value, self.rules(credentials_only=credentials_only), self._state(artifact)
        )

    def _placers(
        self, credentials_only: bool, state: RedactionState, counts: Counter[str]
    ) -> Callable[[str], tuple[Callable[[str], str | None], ...]]:
        """Per key (or a table's column), what places a personal value filed under it, counted
        into ``counts``."""
        known = self._fields[credentials_only]
        field_rules = self._field_rules(credentials_only)

        def placers(key: str) -> tuple[Callable[[str], str | None], ...]:
            checks = known.get(key)
            if checks is None:
                checks = known[key] = _field_checks(field_rules, key)
            return tuple(_placing(name, check, state, counts) for name, check in checks)

        return placers

    def data(self, value: Any, *, artifact: str, credentials_only: bool = False) -> Any:
        """JSON-like ``value`` redacted by key name and then as text; a new object."""
        rules = self.rules(credentials_only=credentials_only)
        state = self._state(artifact)
        fields: Counter[str] = Counter()
        walk = StructuredRedaction(
            texts=lambda strings: _redact_batch(strings, rules, state),
            is_secret_key=self._is_secret_key,
            secret_placeholder=lambda text: self._pseudonyms.placeholder("secret", text),
            field_checks=self._placers(credentials_only, state, fields),
        )
        redacted = walk.redact(value)
        self._audit.record(artifact, {"secret-field": walk.secret_fields, **fields})
        if walk.too_deep:
            self._audit.fail(artifact, "structure", "RecursionError", walk.too_deep)
        if walk.too_many:
            self._audit.fail(artifact, "structure", "TooManyValues", walk.too_many)
        return redacted

    def stream(
        self,
        reader: TextIO,
        writer: TextIO,
        *,
        artifact: str,
        credentials_only: bool = False,
        chunk_chars: int = CHUNK_CHARS,
    ) -> None:
        """Copy ``reader`` to ``writer`` redacted, in constant memory; a table's columns named
        for personal data (:mod:`supportkit.redaction._columns`) lose it cell by cell."""
        rules = self.rules(credentials_only=credentials_only)
        state = self._state(artifact)
        cells: Counter[str] = Counter()
        table = TableReader(reader, self._placers(credentials_only, state, cells))
        redact_stream(table, writer, rules, state, chunk_chars=chunk_chars)
        self._audit.record(artifact, cells)

    def __repr__(self) -> str:
        return f"Redactor({self._policy!r})"


def _field_checks(rules: Sequence[FieldRule], key: str) -> tuple[tuple[str, FieldCheck], ...]:
    checks = ((rule.name, rule.field_check(key)) for rule in rules)
    return tuple((name, check) for name, check in checks if check is not None)


def _placing(
    rule: str, check: FieldCheck, state: RedactionState, counts: Counter[str]
) -> Callable[[str], str | None]:
    """``check`` giving a placeholder, counted under ``rule``; failing closed as text does."""

    def place(value: str) -> str | None:
        try:
            kind = check(value)
        except Exception as exc:  # noqa: BLE001  (fail closed: a rule's error hides the value)
            state.audit.fail(state.artifact, rule, type(exc).__name__)
            return FAILED_PLACEHOLDER
        if kind is None or (state.allow is not None and state.allow(value)):
            return None
        counts[rule] += 1
        return state.pseudonyms.placeholder(kind, value)

    return place


def redact_file(
    src: Path | str, dst: Path | str | None = None, policy: RedactionPolicy | None = None
) -> RedactionAudit:
    """Redact the text file ``src`` (``"-"``: stdin) to ``dst`` (``"-"`` or None: stdout)."""
    redactor = Redactor(policy)
    redactor.rules()  # a missing rule set fails before any output is written
    artifact = "-" if str(src) == "-" else Path(src).name
    with _open_source(src) as reader, _open_target(dst) as writer:
        redactor.stream(reader, writer, artifact=artifact)
    return redactor.audit


class _Borrowed(io.TextIOWrapper):
    """stdin/stdout's bytes as text, left open when this wrapper closes.

    Files are read and written as UTF-8 with ``surrogateescape`` and untranslated newlines,
    so bytes that are not UTF-8 and CRLF line ends come out exactly as they went in.
    """

    def close(self) -> None:
        if not self.closed:
            self.flush()
            self.detach()


def _open_source(src: Path | str) -> TextIO:
    if str(src) == "-":
        return _Borrowed(sys.stdin.buffer, encoding="utf-8", errors="surrogateescape", newline="")
    return open(src, encoding="utf-8", errors="surrogateescape", newline="")


def _open_target(dst: Path | str | None) -> TextIO:
    if dst is None or str(dst) == "-":
        sys.stdout.flush()
        return _Borrowed(sys.stdout.buffer, encoding="utf-8", errors="surrogateescape", newline="")
    return open(dst, "w", encoding="utf-8", errors="surrogateescape", newline="")
