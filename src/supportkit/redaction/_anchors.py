"""Where every rule's anchors occur in a chunk, found for all rules at once.

Making an anchor (:func:`word`, :func:`literal`, :func:`pattern`) declares it: every scan
then looks for it.

Rules start from cheap anchors (a literal such as ``AKIA``, a keyword such as ``password``)
and validate what follows. Searched one at a time, each anchor costs a pass over the chunk,
and the default policy has some fifty: passes, not candidates, are most of redaction's cost.
With Hyperscan (the multi-pattern engine secret scanners such as Nosey Parker are built on)
one pass finds them all. Without it, ``re`` finds them on demand, one anchor at a time, or
one first letter at a time for caseless words; the positions found are the same.

An anchor reports every offset where it matches, overlapping ones included (``pas`` and
``pass`` at the same place). An anchor whose width varies is a prefilter for :func:`matches`:
Hyperscan reports, for each place a match ends, the leftmost offset it starts from. A
:func:`keyword_run` reports where its matches end instead, which Hyperscan finds without
tracking starts, and which is one place for a name however many keywords it holds.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import platform
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, AnyStr, Protocol, cast

from supportkit import _paths
from supportkit.redaction import _views

__all__ = [
    "Anchor",
    "AnchorSet",
    "ends",
    "engine_name",
    "found_none",
    "keyword_run",
    "literal",
    "matches",
    "occurrences",
    "pattern",
    "starts",
    "use_engine",
    "word",
    "words",
]


@dataclass(frozen=True, slots=True, eq=False)
class Anchor:
    """A pattern over a chunk's Latin-1 view (:mod:`supportkit.redaction._views`): literals,
    character classes and counted repeats, nothing that looks around or refers back, so that
    Hyperscan and ``re`` read it alike.

    ``width`` is how many bytes it always matches, or 0 when that varies (Hyperscan then has to
    track where each match starts, which costs more). ``caseless`` anchors are words matched in
    any ASCII case. A ``wide`` anchor is a word beyond Latin-1 (``телефон``), matched in any
    case over the text's UTF-16 or UTF-32 encoding; ``width`` always counts characters. ``re_hint``
    is a view of the text and a literal in it that occur exactly where the anchor does
    (``hh:hh`` in :func:`~supportkit.redaction._views.hex_shape`), for ``re`` to skip to.
    ``keywords`` marks a :func:`keyword_run`, whose positions are where its matches end.

    Anchors compare and hash by identity: the functions that make one return the one object
    declared for its fields (:func:`_declared`), and every scan looks each anchor up hundreds
    of times for a short text, where a hash of the fields would cost a call each time."""

    pattern: bytes
    width: int
    caseless: bool = False
    wide: str | None = None
    raw: bytes | None = None
    re_hint: tuple[Callable[[str], bytes], bytes] | None = None
    keywords: tuple[bytes, ...] | None = None

    @property
    def _fields(self) -> tuple[object, ...]:
        return (
            self.pattern, self.width, self.caseless, self.wide, self.raw, self.re_hint,
            self.keywords,
        )  # fmt: skip

    @property
    def narrow_caseless(self) -> bool:
        return self.caseless and self.wide is None


@functools.lru_cache(maxsize=1024)
def word(text: str) -> Anchor:
    """A lower-case word, found in any case (only ASCII letters fold when it is Latin-1)."""
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return _declared(Anchor(_wide_pattern(text, "utf-32-le"), len(text), True, wide=text))
    return _declared(Anchor(_escape(raw), len(raw), caseless=True, raw=raw))


def words(texts: Iterable[str]) -> tuple[Anchor, ...]:
    """:func:`word` of each of ``texts``."""
    return tuple(word(text) for text in texts)


def _wide_pattern(text: str, encoding: str) -> bytes:
    """``text`` in any case, as bytes of ``encoding``."""
    return b"".join(_any_case(char, encoding) for char in text)


def _any_case(char: str, encoding: str) -> bytes:
    cases = sorted({case for case in (char, char.lower(), char.upper()) if len(case) == 1})
    alternatives = b"|".join(_escape(case.encode(encoding), every=True) for case in cases)
    return b"(?:" + alternatives + b")"


@functools.lru_cache(maxsize=1024)
def literal(text: str) -> Anchor:
    """Exactly ``text`` (Latin-1)."""
    raw = text.encode("latin-1")
    return _declared(Anchor(_escape(raw), len(raw), raw=raw))


def pattern(
    regex: bytes, width: int = 0, *, re_hint: tuple[Callable[[str], bytes], bytes] | None = None
) -> Anchor:
    """``regex`` of literals, character classes and counted repeats; ``width`` if fixed. A
    plain literal, escaped as ``re.escape`` does (``hooks\\.slack\\.com/``), is the same anchor
    as :func:`literal` makes of it, so both engines look for it once."""
    plain = _plain_literal(regex) if re_hint is None else None
    if plain is not None and len(plain) == width:
        return literal(plain.decode("latin-1"))
    return _declared(Anchor(regex, width, re_hint=re_hint))


_METACHARACTERS = frozenset(b".^$*+?{}[]|()")


def _plain_literal(regex: bytes) -> bytes | None:
    """The bytes ``regex`` matches, when it is a plain literal; else None."""
    plain = bytearray()
    escaped = False
    for byte in regex:
        if escaped:
            if chr(byte).isalnum():
                return None  # a class (\d) or a code (\x40): left to the engines
            plain.append(byte)
            escaped = False
        elif byte == 0x5C:
            escaped = True
        elif byte in _METACHARACTERS:
            return None
        else:
            plain.append(byte)
    return None if escaped else bytes(plain)


def keyword_run(keywords: Iterable[str], rest: bytes) -> Anchor:
    """One of ``keywords`` (lower-case ASCII words, found in any ASCII case) followed by
    ``rest``, a pattern read in any ASCII case; found by :func:`ends`."""
    raws = tuple(sorted({keyword.encode("ascii") for keyword in keywords}))
    alternatives = b"|".join(_escape(raw) for raw in raws)
    return _declared(Anchor(b"(?:" + alternatives + b")" + rest, 0, True, keywords=raws))


def _escape(raw: bytes, *, every: bool = False) -> bytes:
    """Each byte that is not an ASCII letter or digit (or ``every`` byte) as ``\\xHH``, which
    both engines read alike."""
    return b"".join(
        bytes([byte]) if byte < 128 and chr(byte).isalnum() and not every else b"\\x%02x" % byte
        for byte in raw
    )


# Every anchor made so far, in order, and the one object declared for each set of fields. Rules
# make theirs when they are built (module constants, or when a rule set is built), so the first
# chunk is scanned once, not once per newcomer.
_REGISTRY: dict[Anchor, int] = {}
_BY_FIELDS: dict[tuple[object, ...], Anchor] = {}
_REGISTRY_LOCK = threading.Lock()


def _declared(anchor: Anchor) -> Anchor:
    """The anchor declared with ``anchor``'s fields (``anchor`` itself if it is the first),
    now among those every scan looks for."""
    declared = _BY_FIELDS.get(anchor._fields)
    if declared is None:
        with _REGISTRY_LOCK:
            declared = _BY_FIELDS.setdefault(anchor._fields, anchor)
            _REGISTRY.setdefault(declared, len(_REGISTRY))
    return declared


def _registered() -> tuple[Anchor, ...]:
    return tuple(_REGISTRY)


_WIDE: list[tuple[int, dict[Anchor, Sequence[int]]]] = [(0, {})]


def _wide_anchors_nowhere() -> dict[Anchor, Sequence[int]]:
    """The words beyond Latin-1 declared so far, each found nowhere: what a text without
    such characters holds of them."""
    declared, wide = _WIDE[0]
    if declared != len(_REGISTRY):
        wide = dict.fromkeys((item for item in _registered() if item.wide is not None), ())
        _WIDE[0] = (len(_REGISTRY), wide)
    return wide


def starts(text: str, anchor: Anchor) -> Sequence[int]:
    """Sorted offsets in ``text`` where ``anchor`` matches."""
    # Rules ask hundreds of times per chunk, mostly for anchors already found: one lookup.
    found = _views.memo(text).get(_found)
    positions = None if found is None else found.get(anchor)
    return _positions(text, anchor) if positions is None else positions


def ends(text: str, anchor: Anchor) -> Sequence[int]:
    """Sorted offsets in ``text`` just past each match of the :func:`keyword_run` ``anchor``;
    each once, however many of its keywords a match could start at."""
    return starts(text, anchor)


def found_none(text: str, group: frozenset[Anchor]) -> bool:
    """Whether no anchor of ``group`` starts anywhere in ``text``: one test where a rule
    with a hundred anchors would ask after each (most texts hold none of them)."""
    memo = _views.memo(text)
    matched: set[Anchor] | None = memo.get(_matched)
    if matched is not None and group <= memo[_found].keys():
        return matched.isdisjoint(group)
    return not any(starts(text, anchor) for anchor in group)


class AnchorSet:
    """Anchors a rule looks for together (the words of a label, of a greeting). Most texts hold
    none of them, and :meth:`each_start` passes over such a text with one test."""

    __slots__ = ("_group", "anchors")

    def __init__(self, anchors: Iterable[Anchor]) -> None:
        self.anchors = tuple(anchors)
        self._group = frozenset(self.anchors)

    def each_start(self, text: str) -> Iterator[tuple[Anchor, int]]:
        """Each anchor with each of its starts in ``text``, anchor by anchor."""
        if found_none(text, self._group):
            return
        for anchor in self.anchors:
            for at in starts(text, anchor):
                yield anchor, at


def _matched(text: str) -> set[Anchor]:
    """The anchors a scan found in ``text``, kept while it is the chunk being redacted."""
    memo = _views.memo(text)
    matched: set[Anchor] | None = memo.get(_matched)
    if matched is None:
        matched = memo[_matched] = set()
    return matched


def _positions(text: str, anchor: Anchor) -> Sequence[int]:
    found = _found(text)
    positions = found.get(anchor)
    if positions is None:
        anchor = _declared(anchor)
        try:
            positions = _current().find(text, anchor, found)
        except _EngineFailedError:  # e.g. a CPU without the instructions Hyperscan needs
            use_engine("re")
            positions = _current().find(text, anchor, _found(text))
    return positions


class _EngineFailedError(Exception):
    pass


def _found(text: str) -> dict[Anchor, Sequence[int]]:
    """The starts found so far in ``text``, kept while it is the chunk being redacted."""
    memo = _views.memo(text)
    found: dict[Anchor, Sequence[int]] | None = memo.get(_found)
    if found is None:
        found = memo[_found] = {}
    return found


def matches(
    text: str,
    anchor: Anchor,
    full: re.Pattern[AnyStr],
    *,
    view: Callable[[str], AnyStr] | None = None,
    offset: int = 0,
    at_anchor: re.Pattern[AnyStr] | None = None,
) -> Iterator[re.Match[AnyStr]]:
    """``full.finditer(view(text))``, for a ``full`` that can only match ``offset`` characters
    after a start of ``anchor``. ``view`` gives ``text`` or one of its views, with the same
    offsets; by default ``text`` for a ``str`` pattern and the Latin-1 view for a ``bytes`` one.

    With Hyperscan, ``full`` is tried only at the anchor's starts; or ``at_anchor`` is, over
    the default view: a form of ``full`` written to start where the anchor does rather than at
    a literal ``re`` skips to fast, which also spares building ``view``. With ``re`` alone,
    running ``full`` itself is one pass too, so it runs as it is.
    """
    if _current().name == "re":
        yield from full.finditer(_view_of(text, full, view))
        return
    anchor_starts = starts(text, anchor)
    if not anchor_starts:
        return  # most anchors, in most chunks: no view to build
    attempt = full if at_anchor is None else at_anchor
    haystack = _view_of(text, attempt, view if at_anchor is None else None)
    reach = 0
    for anchor_start in anchor_starts:
        at = anchor_start + offset
        if at >= reach:
            found = attempt.match(haystack, at)
            if found is not None:
                reach = max(found.end(), at + 1)
                yield found


def _view_of(
    text: str, pattern: re.Pattern[AnyStr], view: Callable[[str], AnyStr] | None
) -> AnyStr:
    if view is not None:
        return view(text)
    default: Any = text if isinstance(pattern.pattern, str) else _views.latin1(text)
    return cast("AnyStr", default)


class _Engine(Protocol):
    name: str

    def find(self, text: str, anchor: Anchor, found: dict[Anchor, Sequence[int]]) -> Sequence[int]:
        """``anchor``'s starts in ``text``; may fill ``found`` with other anchors' starts too."""
        ...


class _ReEngine:
    """One ``re`` pass per anchor, or per first letter for caseless words."""

    name = "re"

    def find(self, text: str, anchor: Anchor, found: dict[Anchor, Sequence[int]]) -> Sequence[int]:
        if anchor.wide is not None:
            positions = (
                occurrences(_views.lowered_text(text), anchor.wide)
                if _views.beyond_latin1(text)
                else []
            )
            found[anchor] = positions
            return positions
        if anchor.keywords is not None:
            found[anchor] = self._run_ends(text, anchor)
            return found[anchor]
        if anchor.caseless:
            self._scan_words(text, anchor, found)
            return found[anchor]
        if anchor.re_hint is not None:
            view_of, needle = anchor.re_hint
            found[anchor] = occurrences(view_of(text), needle)
            return found[anchor]
        view = _views.latin1(text)
        found[anchor] = [match.start() for match in _every(anchor).finditer(view)]
        return found[anchor]

    @staticmethod
    def _run_ends(text: str, anchor: Anchor) -> list[int]:
        """A pass per keyword, each hit then followed by the rest of the pattern: an
        alternation of keywords would be tried at every letter that begins one of them."""
        haystack = _views.lowered(text)
        keywords = anchor.keywords or ()
        rest = _rest(anchor.pattern)
        positions: set[int] = set()
        for keyword in keywords:
            for at in occurrences(haystack, keyword):
                match = rest.match(haystack, at + len(keyword))
                if match is not None:
                    positions.add(match.end())
        return sorted(positions)

    @staticmethod
    def _scan_words(text: str, anchor: Anchor, found: dict[Anchor, Sequence[int]]) -> None:
        """One pass finds every registered word with ``anchor``'s first letter."""
        first = anchor.pattern[:1] if anchor.pattern[:1] != b"\\" else anchor.pattern[:4]
        group = tuple(
            item
            for item in _registered()
            if item.narrow_caseless and item.raw is not None and item.pattern.startswith(first)
        )
        needles = [(item, item.raw or b"") for item in group]
        new: dict[Anchor, list[int]] = {item: [] for item in group}
        haystack = _views.lowered(text)
        for match in _word_group(tuple(needle for _, needle in needles)).finditer(haystack):
            at = match.start()
            for item, needle in needles:
                if haystack.startswith(needle, at):
                    new[item].append(at)
        found.update(new)


def occurrences(
    haystack: AnyStr, needle: AnyStr, start: int = 0, stop: int | None = None
) -> list[int]:
    """Every start of ``needle`` in ``haystack[start:stop]``, overlapping ones included."""
    stop = len(haystack) if stop is None else stop
    found: list[int] = []
    at = haystack.find(needle, start, stop)
    while at != -1:
        found.append(at)
        at = haystack.find(needle, at + 1, stop)
    return found


@functools.lru_cache(maxsize=512)
def _every(anchor: Anchor) -> re.Pattern[bytes]:
    """A pattern whose matches start wherever ``anchor``'s do, overlapping ones included: a
    literal's first byte stays a literal, which ``re`` skips to fast."""
    if anchor.raw:
        head, rest = anchor.raw[:1], anchor.raw[1:]
        return re.compile(re.escape(head) + b"(?=" + re.escape(rest) + b")")
    return re.compile(b"(?=" + anchor.pattern + b")")


@functools.lru_cache(maxsize=64)
def _rest(pattern: bytes) -> re.Pattern[bytes]:
    """What follows the keywords in a :func:`keyword_run`'s ``pattern``: after the first
    ``)``, since the keywords are escaped and hold none."""
    return re.compile(pattern[pattern.index(b")") + 1 :], re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def _word_group(words: tuple[bytes, ...]) -> re.Pattern[bytes]:
    """The first letter as a literal (``re`` skips to it fast), the rest as a look-ahead, so
    overlapping words (``pas`` and ``pass``) are all found."""
    first = re.escape(words[0][:1])
    rests = sorted({item[1:] for item in words}, key=len, reverse=True)
    return re.compile(first + b"(?=" + b"|".join(re.escape(rest) for rest in rests) + b")")


@dataclass(frozen=True)
class _Compiled:
    """A Hyperscan database, the anchors in its order, and what each match callback needs."""

    declared: int  # how many anchors were declared when it was compiled
    anchors: tuple[Anchor, ...]
    database: Any
    # Where a match starts is its end less its width; a keyword run's position is its end (a
    # width of 0); only the other anchors of varying width report their start (-1 here). Each
    # match is one call from Hyperscan into Python: it does no more than it must.
    widths: list[int] = field(init=False)
    varying: frozenset[int] = field(init=False)  # indices of anchors of varying width
    nowhere: dict[Anchor, Sequence[int]] = field(init=False)  # each anchor, found nowhere

    def __post_init__(self) -> None:
        widths = [-1 if _tracks_start(item) else item.width for item in self.anchors]
        varying = frozenset(index for index, item in enumerate(self.anchors) if not item.width)
        object.__setattr__(self, "widths", widths)
        object.__setattr__(self, "varying", varying)
        object.__setattr__(self, "nowhere", dict.fromkeys(self.anchors, ()))


class _HyperscanEngine:
    """Every registered anchor in one Hyperscan pass; each thread scans with its own scratch.

    Words beyond Latin-1 are a second database over the text's UTF-16 encoding (UTF-32 when a
    character needs two UTF-16 units), where a character's offset is its byte offset over two
    (four); it is scanned only when the chunk holds such characters.
    """

    name = "hyperscan"

    def __init__(self, module: Any) -> None:
        self._hs = module
        self._local = threading.local()
        self._lock = threading.Lock()
        # encoding -> (anchors declared when compiled, the anchors in database order, database)
        self._databases: dict[str, _Compiled] = {}

    def find(self, text: str, anchor: Anchor, found: dict[Anchor, Sequence[int]]) -> Sequence[int]:
        try:
            return self._find(text, anchor, found)
        except self._hs.error as exc:
            raise _EngineFailedError from exc

    def _find(self, text: str, anchor: Anchor, found: dict[Anchor, Sequence[int]]) -> Sequence[int]:
        encoding, haystack = "latin-1", _views.latin1(text)
        if anchor.wide is not None:
            if not _views.beyond_latin1(text):
                found.update(_wide_anchors_nowhere())
                return found[anchor]
            # UTF-16 is half the bytes of UTF-32, and as simple while no character needs two
            # code units (an emoji does). A byte that was not UTF-8, read with surrogateescape,
            # is a lone surrogate: passed through as one unit, it keeps every offset.
            encoding, haystack = "utf-16-le", text.encode("utf-16-le", "surrogatepass")
            if len(haystack) != 2 * len(text):
                encoding, haystack = "utf-32-le", text.encode("utf-32-le", "surrogatepass")
        compiled = self._compiled(encoding)
        widths = compiled.widths
        unit = len(" ".encode(encoding))
        # Most anchors match nowhere in most texts: a list is made only for those that do.
        hits: defaultdict[int, list[int]] = defaultdict(list)

        def on_match(ident: int, start: int, end: int, _flags: int, _context: object) -> None:
            width = widths[ident]
            hits[ident].append(start if width < 0 else end // unit - width)

        def on_wide_match(ident: int, _start: int, end: int, _flags: int, _context: object) -> None:
            if not end % unit:  # else the bytes matched straddle two characters of the text
                hits[ident].append(end // unit - widths[ident])

        database = compiled.database
        database.scan(
            haystack,
            match_event_handler=on_match if unit == 1 else on_wide_match,
            scratch=self._scratch(database),
        )
        found.update(compiled.nowhere)
        if unit == 1 and not _views.beyond_latin1(text):
            found.update(_wide_anchors_nowhere())
        anchors, varying = compiled.anchors, compiled.varying
        for index, positions in hits.items():
            # A varying width reports every end of a match: keep each position once.
            found[anchors[index]] = sorted(set(positions)) if index in varying else positions
        _matched(text).update(anchors[index] for index in hits)
        return found[anchor]

    def _compiled(self, encoding: str) -> _Compiled:
        """The database of the anchors searched in text of ``encoding``: Latin-1 for all but
        the words beyond it; compiled again only when an anchor was declared since (anchors
        are only ever added)."""
        declared = len(_REGISTRY)
        compiled = self._databases.get(encoding)
        if compiled is not None and compiled.declared == declared:
            return compiled
        wide = encoding != "latin-1"
        # In a fixed order, not the order rules declared them in (a set of words iterates in a
        # different order in every process), so the saved database is found again.
        anchors = tuple(
            sorted(
                (item for item in _registered() if (item.wide is not None) == wide),
                key=_database_order,
            )
        )
        with self._lock:
            compiled = self._databases.get(encoding)
            if compiled is not None and compiled.anchors == anchors:
                database = compiled.database  # the new anchors were all of the other encoding
            else:
                expressions = [
                    _wide_pattern(item.wide, encoding) if item.wide else item.pattern
                    for item in anchors
                ]
                database = _database(self._hs, expressions, [_flags(self._hs, a) for a in anchors])
            compiled = self._databases[encoding] = _Compiled(declared, anchors, database)
            return compiled

    def _scratch(self, database: Any) -> Any:
        scratches: dict[int, tuple[Any, Any]] = self._local.__dict__.setdefault("scratches", {})
        mine = scratches.get(id(database))
        if mine is None or mine[0] is not database:
            mine = scratches[id(database)] = (database, self._hs.Scratch(database))
        return mine[1]


def _database_order(anchor: Anchor) -> tuple[bytes, str, int, bool]:
    return anchor.pattern, anchor.wide or "", anchor.width, anchor.caseless


def _database(hs: Any, expressions: list[bytes], flags: list[int]) -> Any:
    """The compiled database of ``expressions``: from the cache folder, or compiled and saved
    there.

    Compiling the default rules' anchors takes tens of milliseconds, too long to pay in every
    process that captures a report; loading a saved database takes a fraction of one.
    """
    source = repr((hs.__version__, platform.machine(), expressions, flags))
    path = _paths.cache_dir() / "anchors" / f"{hashlib.sha256(source.encode()).hexdigest()[:32]}.hs"
    with contextlib.suppress(Exception):  # missing, unreadable, or built for another CPU
        database = hs.loadb(path.read_bytes(), hs.HS_MODE_BLOCK)
        with contextlib.suppress(OSError):
            os.utime(path)  # in use: the last one a clean-up removes
        return database
    database = hs.Database(mode=hs.HS_MODE_BLOCK)
    database.compile(
        expressions=expressions,
        ids=list(range(len(expressions))),
        elements=len(expressions),
        flags=flags,
    )
    with contextlib.suppress(OSError):  # a read-only home only costs the next process time
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        partial.write_bytes(hs.dumpb(database))
        os.replace(partial, path)
        _forget_old_databases(path.parent)
    return database


_KEPT_DATABASES = 8


def _forget_old_databases(folder: Path) -> None:
    """Keep the few databases used last: one is saved per set of anchors (a policy with its own
    key names, a supportkit upgrade), and each is a few hundred KB."""
    saved = sorted(folder.glob("*.hs"), key=lambda item: item.stat().st_mtime, reverse=True)
    for old in saved[_KEPT_DATABASES:]:
        with contextlib.suppress(OSError):
            old.unlink()


def _flags(hs: Any, anchor: Anchor) -> int:
    caseless = hs.HS_FLAG_CASELESS if anchor.narrow_caseless else 0
    return caseless | (hs.HS_FLAG_SOM_LEFTMOST if _tracks_start(anchor) else 0)


def _tracks_start(anchor: Anchor) -> bool:
    return not anchor.width and anchor.keywords is None


_ENGINE: list[_Engine] = []


def _current() -> _Engine:
    if not _ENGINE:
        use_engine(os.environ.get("SUPPORTKIT_ANCHOR_ENGINE", "hyperscan"))
    return _ENGINE[0]


def use_engine(name: str) -> str:
    """Scan with ``"hyperscan"`` (when it is installed and runs on this CPU) or ``"re"``;
    returns the engine now in use. Output is the same either way; only speed differs."""
    engine: _Engine = _ReEngine()
    if name == "hyperscan":
        engine = _hyperscan() or engine
    _ENGINE[:] = [engine]
    _views.forget()
    return engine.name


def _hyperscan() -> _Engine | None:
    try:
        import hyperscan  # noqa: PLC0415  (a native extension: loaded on first use)
    except ImportError:
        return None
    return _HyperscanEngine(hyperscan)


def engine_name() -> str:
    """The engine anchors are found with: ``"hyperscan"`` or ``"re"``."""
    return _current().name
