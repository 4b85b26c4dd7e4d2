"""Describes an exception for the report: its chain, its frames and a fingerprint.

The chain is oldest first and the raised exception last, as a reader follows the story.
``raise ... from`` links are ``cause``, "during handling of" links ``context`` (unless the
context was suppressed with ``from None``); an exception met twice ends the walk, so cyclic
chains terminate.

An exception group's members are listed just before the group, each with its own chain,
with relation ``cause`` because they are why the group was raised; nested groups are walked
the same way. At most ``MAX_GROUP_MEMBERS`` members per group are listed; the group's own
message says how many there were.

A traceback deeper than ``HEAD_FRAMES + TAIL_FRAMES`` keeps its first and last frames, and
a marker frame in between (file ``"<omitted>"``, function ``"<N frames omitted>"``) says how
many were left out, so a runaway recursion stays readable.

The fingerprint groups reports of the same bug across runs and machines: a SHA-256 over
each exception's type and, per frame, the file relative to its ``sys.path`` entry (else the
module name, else the base name), the function and the whitespace-normalised source line.
Messages, line numbers and addresses are left out because they vary between occurrences of
one bug; a frame repeated in the same traceback counts once, so recursion depth does not
matter; group members count in any order, since concurrent tasks fail in any order.
"""

from __future__ import annotations

import hashlib
import json
import linecache
import os
import sys
import traceback
from dataclasses import dataclass, field
from types import FrameType, TracebackType
from typing import Any, Literal

from supportkit.collectors._base import CaptureContext, Section
from supportkit.exceptions import CollectorUnavailable
from supportkit.models import ExceptionInfo, ExceptionReport, Frame

__all__ = ["ExceptionCollector", "describe_exception"]

HEAD_FRAMES = 50
TAIL_FRAMES = 50
MAX_GROUP_MEMBERS = 20
OMITTED_FILE = "<omitted>"
_FINGERPRINT_CHARS = 32

Relation = Literal["raised", "cause", "context"]
_FrameKey = tuple[str, str, str]


class ExceptionCollector:
    """The exception the host passed to the capture, described by :func:`describe_exception`."""

    name = "exception"

    def collect(self, ctx: CaptureContext) -> Section:
        """Describe ``ctx.exception``."""
        if ctx.exception is None:
            msg = "no exception given"
            raise CollectorUnavailable(msg)
        return Section(data=describe_exception(ctx.exception))


def describe_exception(exc: BaseException) -> ExceptionReport:
    """The chain of ``exc``, oldest first, with frames, source lines and a fingerprint."""
    walker = _Walker(_path_roots())
    chain = walker.chain(exc, "raised")
    return ExceptionReport(fingerprint=_fingerprint(chain), chain=tuple(_flatten(chain)))


@dataclass
class _Node:
    info: ExceptionInfo
    keys: list[_FrameKey]
    members: list[list[_Node]] = field(default_factory=list)


class _Walker:
    """Walks chains and groups, remembering every exception it met so cycles end."""

    def __init__(self, roots: list[str]) -> None:
        self._roots = roots
        self._seen: set[int] = set()
        self._checked_files: set[str] = set()

    def chain(self, exc: BaseException, relation: Relation) -> list[_Node]:
        links: list[tuple[BaseException, Relation]] = []
        current: BaseException | None = exc
        while current is not None and id(current) not in self._seen:
            self._seen.add(id(current))
            links.append((current, relation))
            current, relation = _predecessor(current)
        links.reverse()
        return [self._node(link, link_relation) for link, link_relation in links]

    def _node(self, exc: BaseException, relation: Relation) -> _Node:
        frames, keys = self._frames(exc.__traceback__)
        info = ExceptionInfo(
            type=_type_name(type(exc)), message=_message(exc), frames=frames, relation=relation
        )
        members = [self.chain(member, "cause") for member in _group_members(exc)]
        return _Node(info, keys, [member for member in members if member])

    def _frames(self, tb: TracebackType | None) -> tuple[tuple[Frame, ...], list[_FrameKey]]:
        entries = list(traceback.walk_tb(tb))
        omitted = max(0, len(entries) - HEAD_FRAMES - TAIL_FRAMES)
        if omitted:
            entries = entries[:HEAD_FRAMES] + entries[-TAIL_FRAMES:]
        frames = [self._frame(frame, line) for frame, line in entries]
        keys = list(dict.fromkeys(self._key(frame) for frame in frames))
        if omitted:
            marker = Frame(file=OMITTED_FILE, function=f"<{omitted} frames omitted>")
            frames.insert(HEAD_FRAMES, marker)
        return tuple(frames), keys

    def _frame(self, frame: FrameType, line: int | None) -> Frame:
        filename = frame.f_code.co_filename
        module = frame.f_globals.get("__name__")
        return Frame(
            file=filename,
            line=line,
            function=frame.f_code.co_name,
            module=module if isinstance(module, str) else None,
            source=self._source(filename, line, frame.f_globals),
        )

    def _source(
        self, filename: str, line: int | None, module_globals: dict[str, Any]
    ) -> str | None:
        if line is None or line < 1:
            return None
        try:
            if filename not in self._checked_files:
                self._checked_files.add(filename)
                linecache.checkcache(filename)
            return linecache.getline(filename, line, module_globals).strip() or None
        except Exception:  # noqa: BLE001  (a host's loader may fail in any way; the line is optional)
            return None

    def _key(self, frame: Frame) -> _FrameKey:
        source = " ".join((frame.source or "").split())
        return (_stable_file(frame.file, frame.module, self._roots), frame.function, source)


def _predecessor(exc: BaseException) -> tuple[BaseException | None, Relation]:
    """The exception ``exc`` was raised from or while handling, and how they relate."""
    if exc.__cause__ is not None:
        return exc.__cause__, "cause"
    if exc.__context__ is not None and not exc.__suppress_context__:
        return exc.__context__, "context"
    return None, "raised"


def _group_members(exc: BaseException) -> tuple[BaseException, ...]:
    """Members of an exception group: built in since 3.11, or the ``exceptiongroup`` backport.

    Recognised by class name so that Python 3.10 needs no import.
    """
    if not any(cls.__name__ == "BaseExceptionGroup" for cls in type(exc).__mro__):
        return ()
    members = getattr(exc, "exceptions", ())
    return tuple(m for m in members[:MAX_GROUP_MEMBERS] if isinstance(m, BaseException))


def _type_name(cls: type[BaseException]) -> str:
    qualname = getattr(cls, "__qualname__", None) or cls.__name__
    module = getattr(cls, "__module__", None)
    if not isinstance(module, str) or module == "builtins":
        return str(qualname)
    return f"{module}.{qualname}"


def _message(exc: BaseException) -> str:
    """``str(exc)``; an exception whose ``__str__`` fails still gets described."""
    try:
        return str(exc)
    except Exception as error:  # noqa: BLE001  (host exceptions may raise anything here)
        return f"<str() of this exception raised {type(error).__name__}>"


def _flatten(chain: list[_Node]) -> list[ExceptionInfo]:
    infos: list[ExceptionInfo] = []
    for node in chain:
        for member in node.members:
            infos.extend(_flatten(member))
        infos.append(node.info)
    return infos


def _fingerprint(chain: list[_Node]) -> str:
    canonical = json.dumps(_signature(chain), separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:_FINGERPRINT_CHARS]


def _signature(chain: list[_Node]) -> list[Any]:
    return [
        [
            node.info.type,
            [list(key) for key in node.keys],
            sorted(json.dumps(_signature(member), ensure_ascii=False) for member in node.members),
        ]
        for node in chain
    ]


def _path_roots() -> list[str]:
    """``sys.path`` entries, longest first so the most specific one matches a file."""
    roots: set[str] = set()
    for entry in sys.path:
        if not isinstance(entry, str):
            continue
        root = os.path.normcase(os.path.abspath(entry or os.curdir))
        if os.path.dirname(root) != root:  # a file system root would keep the whole path
            roots.add(root.rstrip(os.sep) + os.sep)
    return sorted(roots, key=len, reverse=True)


def _stable_file(filename: str, module: str | None, roots: list[str]) -> str:
    """``filename`` without anything that differs between machines (home, venv, drive)."""
    if os.path.isabs(filename):
        normalised = os.path.normcase(filename)
        for root in roots:
            if normalised.startswith(root):
                return normalised[len(root) :].replace(os.sep, "/")
    if module:
        return module
    return os.path.basename(filename.replace("\\", "/"))
