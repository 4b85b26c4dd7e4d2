"""Exception descriptions: chains, frames, limits and fingerprints."""

from __future__ import annotations

import builtins
import dataclasses
import functools
import importlib
import importlib.util
import json
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest

from supportkit.collectors._base import CaptureContext
from supportkit.collectors.exception import (
    HEAD_FRAMES,
    MAX_GROUP_MEMBERS,
    OMITTED_FILE,
    TAIL_FRAMES,
    ExceptionCollector,
    describe_exception,
)
from supportkit.exceptions import CollectorUnavailable
from supportkit.models import ExceptionReport

ExceptionGroup = getattr(builtins, "ExceptionGroup", None)
needs_groups = pytest.mark.skipif(ExceptionGroup is None, reason="ExceptionGroup is 3.11+")

BUGGY_MODULE = """
class ParseError(ValueError):
    pass


def parse(text):
    return _field(text, "count")


def _field(text, name):
    raise ParseError(f"no {name} in {text!r} at {id(text):#x}")
"""


class AppError(Exception):
    """An exception defined outside builtins."""


class BrokenStrError(Exception):
    def __str__(self) -> str:
        raise RuntimeError("str is broken")


def _caught(action: Callable[[], object]) -> BaseException:
    try:
        action()
    except BaseException as exc:  # noqa: BLE001  (the tests inspect whatever was raised)
        return exc
    raise AssertionError("expected an exception")


def _describe(action: Callable[[], object]) -> ExceptionReport:
    return describe_exception(_caught(action))


def _fail(message: str) -> None:
    raise ValueError(message)


def _other_fail(message: str) -> None:
    raise KeyError(message)


def _recurse(depth: int) -> None:
    if depth == 0:
        raise ValueError("bottom")
    _recurse(depth - 1)


def _raise_from() -> None:
    try:
        _fail("inner")
    except ValueError as exc:
        raise AppError("outer") from exc


def _raise_during_handling() -> None:
    try:
        _fail("inner")
    except ValueError:
        _other_fail("outer")


def _raise_from_none() -> None:
    try:
        _fail("inner")
    except ValueError:
        raise AppError("outer") from None


def _chain_of(report: ExceptionReport) -> list[tuple[str, str, str]]:
    return [(info.type, info.relation, info.message) for info in report.chain]


# --- the collector ------------------------------------------------------------------------


def test_without_exception_is_unavailable(ctx: CaptureContext) -> None:
    """No exception given, nothing to describe."""
    with pytest.raises(CollectorUnavailable, match="no exception given"):
        ExceptionCollector().collect(ctx)


def test_collector_describes_the_given_exception(ctx: CaptureContext) -> None:
    """The section's data is the exception report for ctx.exception."""
    exc = _caught(lambda: _fail("boom"))
    section = ExceptionCollector().collect(dataclasses.replace(ctx, exception=exc))
    assert section.data == describe_exception(exc)


# --- one exception ------------------------------------------------------------------------


def test_frames_run_from_the_catch_to_the_raise() -> None:
    """Frames are innermost last, with file, line, function, module and stripped source."""
    report = _describe(lambda: _fail("boom"))
    (info,) = report.chain
    assert (info.type, info.message, info.relation) == ("ValueError", "boom", "raised")
    assert [frame.function for frame in info.frames] == ["_caught", "<lambda>", "_fail"]
    last = info.frames[-1]
    assert (last.file, last.module, last.source) == (
        __file__,
        __name__,
        "raise ValueError(message)",
    )
    assert last.line == _fail.__code__.co_firstlineno + 1


@pytest.mark.parametrize(
    ("action", "type_name"),
    [
        (lambda: json.loads("{"), "json.decoder.JSONDecodeError"),
        (lambda: (_ for _ in ()).throw(AppError()), f"{__name__}.AppError"),
        (lambda: 1 / 0, "ZeroDivisionError"),
    ],
)
def test_type_is_qualified_except_builtins(action: Callable[[], object], type_name: str) -> None:
    """Types are module.QualName; builtins go by their plain name."""
    assert _describe(action).chain[-1].type == type_name


def test_exception_whose_str_raises_is_still_described() -> None:
    """A broken __str__ gives a placeholder message, not a failed collector."""
    report = _describe(lambda: (_ for _ in ()).throw(BrokenStrError()))
    assert report.chain[0].message == "<str() of this exception raised RuntimeError>"
    assert len(report.fingerprint) == 32


def test_exception_never_raised_has_no_frames() -> None:
    """An exception object without a traceback is described with no frames."""
    (info,) = describe_exception(AppError("made, not raised")).chain
    assert (info.message, info.frames) == ("made, not raised", ())


# --- chains -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "chain"),
    [
        (
            _raise_from,
            [("ValueError", "cause", "inner"), (f"{__name__}.AppError", "raised", "outer")],
        ),
        (
            _raise_during_handling,
            [("ValueError", "context", "inner"), ("KeyError", "raised", "'outer'")],
        ),
        (_raise_from_none, [(f"{__name__}.AppError", "raised", "outer")]),
    ],
    ids=["cause", "context", "suppressed-context"],
)
def test_chain_is_oldest_first(
    action: Callable[[], None], chain: list[tuple[str, str, str]]
) -> None:
    """Causes and contexts come first, the raised exception last; 'from None' hides context."""
    assert _chain_of(_describe(action)) == chain


def test_cyclic_chain_ends() -> None:
    """Exceptions that are each other's context are listed once each."""
    first, second = ValueError("first"), KeyError("second")
    first.__context__, second.__context__ = second, first
    assert _chain_of(describe_exception(first)) == [
        ("KeyError", "context", "'second'"),
        ("ValueError", "raised", "first"),
    ]


# --- frame limit --------------------------------------------------------------------------


def test_deep_recursion_keeps_first_and_last_frames() -> None:
    """A runaway recursion keeps its ends and a marker frame saying how many were left out."""
    exc = _caught(lambda: _recurse(400))
    total = len(list(traceback.walk_tb(exc.__traceback__)))
    frames = describe_exception(exc).chain[0].frames
    assert len(frames) == HEAD_FRAMES + TAIL_FRAMES + 1
    marker = frames[HEAD_FRAMES]
    assert marker.file == OMITTED_FILE
    assert marker.function == f"<{total - HEAD_FRAMES - TAIL_FRAMES} frames omitted>"
    assert frames[-1].source == 'raise ValueError("bottom")'
    assert frames[0].function == "_caught"


def test_recursion_error_is_described() -> None:
    """Python's own RecursionError, about a thousand frames deep, is described within limits."""
    report = _describe(lambda: _recurse(sys.getrecursionlimit() * 2))
    assert report.chain[0].type == "RecursionError"
    assert len(report.chain[0].frames) == HEAD_FRAMES + TAIL_FRAMES + 1


# --- fingerprint --------------------------------------------------------------------------


def test_fingerprint_is_32_hex_characters() -> None:
    """Short enough to read, long enough not to collide."""
    fingerprint = _describe(lambda: _fail("x")).fingerprint
    assert len(fingerprint) == 32
    assert int(fingerprint, 16) >= 0


def _handle_user(user: int) -> None:
    _fail(f"user {user} at {id(object()):#x}")


def test_same_bug_twice_has_one_fingerprint() -> None:
    """Different messages (and addresses in them) do not split one bug."""
    first, second = (_describe(functools.partial(_handle_user, user)) for user in (1, 2))
    assert first.chain[0].message != second.chain[0].message
    assert first.fingerprint == second.fingerprint


@pytest.mark.parametrize(
    "other",
    [
        pytest.param(lambda: _other_fail("x"), id="other-function-and-type"),
        pytest.param(_raise_from, id="extra-chain-link"),
        pytest.param(lambda: _recurse(3), id="other-call-path"),
    ],
)
def test_different_bug_has_a_different_fingerprint(other: Callable[[], None]) -> None:
    """Another type, place or chain is another bug."""
    assert _describe(lambda: _fail("x")).fingerprint != _describe(other).fingerprint


def test_recursion_depth_does_not_change_the_fingerprint() -> None:
    """The same recursive bug at different depths groups together."""
    shallow, deep = (_describe(functools.partial(_recurse, depth)) for depth in (20, 300))
    assert shallow.fingerprint == deep.fingerprint


def _raise_in_copy(directory: Path, source: str, *, on_sys_path: bool = True) -> ExceptionReport:
    """Load ``buggy_copy`` from ``directory`` and describe the bug it raises.

    On ``sys.path`` it is imported as an installed module would be; otherwise it is loaded
    straight from its file, as plugins and scripts sometimes are.
    """
    directory.mkdir(parents=True)
    path = directory / "buggy_copy.py"
    path.write_text(source)
    sys.path.insert(0, str(directory))
    importlib.invalidate_caches()
    try:
        if on_sys_path:
            module = importlib.import_module("buggy_copy")
        else:
            sys.path.remove(str(directory))
            spec = importlib.util.spec_from_file_location("buggy_copy", path)
            assert spec is not None
            assert spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
        return _describe(lambda: module.parse("a=1"))
    finally:
        if str(directory) in sys.path:
            sys.path.remove(str(directory))
        sys.modules.pop("buggy_copy", None)


@pytest.mark.parametrize("on_sys_path", [True, False], ids=["on-sys-path", "loaded-from-file"])
def test_fingerprint_is_the_same_for_a_copy_in_another_directory(
    tmp_path: Path, on_sys_path: bool
) -> None:
    """Install location, line numbers and addresses do not reach the fingerprint."""
    first = _raise_in_copy(tmp_path / "alice" / "app", BUGGY_MODULE, on_sys_path=on_sys_path)
    second = _raise_in_copy(
        tmp_path / "bob" / "site", "# a comment\n\n" + BUGGY_MODULE, on_sys_path=on_sys_path
    )
    first_frame, second_frame = first.chain[0].frames[-1], second.chain[0].frames[-1]
    assert first_frame.file != second_frame.file
    assert first_frame.line != second_frame.line
    assert first.chain[0].type == second.chain[0].type == "buggy_copy.ParseError"
    assert first.fingerprint == second.fingerprint


def test_fingerprint_changes_with_the_failing_source_line(tmp_path: Path) -> None:
    """Changing the line that raises makes a different bug."""
    first = _raise_in_copy(tmp_path / "one", BUGGY_MODULE)
    changed = BUGGY_MODULE.replace(
        'raise ParseError(f"no {name}', 'raise ParseError(f"missing {name}'
    )
    second = _raise_in_copy(tmp_path / "two", changed)
    assert first.fingerprint != second.fingerprint


# --- exception groups ---------------------------------------------------------------------


def _group(*members: BaseException, message: str = "several failed") -> BaseException:
    assert ExceptionGroup is not None
    return _caught(lambda: (_ for _ in ()).throw(ExceptionGroup(message, list(members))))


@needs_groups
def test_group_members_come_before_the_group() -> None:
    """Each member's own chain is listed before the group, the member marked 'cause'."""
    member_with_cause = _caught(_raise_from)
    plain_member = _caught(lambda: _other_fail("k"))
    report = describe_exception(_group(member_with_cause, plain_member))
    assert [(info.type, info.relation) for info in report.chain] == [
        ("ValueError", "cause"),
        (f"{__name__}.AppError", "cause"),
        ("KeyError", "cause"),
        ("ExceptionGroup", "raised"),
    ]


@needs_groups
def test_nested_groups_are_walked() -> None:
    """A group inside a group contributes its members too."""
    inner = _group(_caught(lambda: _fail("deep")), message="inner")
    report = describe_exception(_group(inner, message="outer"))
    assert [info.message for info in report.chain] == [
        "deep",
        "inner (1 sub-exception)",
        "outer (1 sub-exception)",
    ]


@needs_groups
def test_group_member_order_does_not_change_the_fingerprint() -> None:
    """Concurrent tasks fail in any order; the bug is the same."""
    value_error, key_error = _caught(lambda: _fail("v")), _caught(lambda: _other_fail("k"))
    first = describe_exception(_group(value_error, key_error))
    second = describe_exception(_group(key_error, value_error))
    assert first.fingerprint == second.fingerprint
    other = describe_exception(_group(value_error, _caught(lambda: 1 / 0)))
    assert other.fingerprint != first.fingerprint


@needs_groups
def test_group_members_are_capped() -> None:
    """A huge group lists a bounded number of members; its message still counts them all."""
    members = [ValueError(str(index)) for index in range(MAX_GROUP_MEMBERS + 5)]
    report = describe_exception(_group(*members))
    assert len(report.chain) == MAX_GROUP_MEMBERS + 1
    assert report.chain[-1].message == f"several failed ({MAX_GROUP_MEMBERS + 5} sub-exceptions)"
