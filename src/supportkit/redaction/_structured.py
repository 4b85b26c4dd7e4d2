"""Redacting JSON-like data: by key name first, then every string through the text engine.

A value whose key names a secret (``password``, ``X-Api-Key``, ``stripeSecretKey``…; the same
test the credential rules use) is replaced wholesale by one placeholder, whatever it is: a
string, a number, a list or a whole nested object. Only ``None``, booleans and empty strings
are kept there, since they hold no secret and "the password was empty" is worth knowing. The
same goes for a ``value`` beside a ``name`` or ``key`` that names a secret, and for a bare
``key`` inside an object named like what it keys (``{"Jwt": {"Key": …}}``, ``{"api": {"key": …}}``).

A command line kept as a list of arguments (``command_line``, ``argv``, ``cmd``…) is redacted
as the one line a shell would read, so a flag and its value in two arguments (``--password``,
``hunter2``) are seen together; then it is split back into arguments.

Keys are data too (a dict keyed by email address is common), so string keys go through the
text engine like values; if two keys redact to the same placeholder they are told apart with a
``#n`` suffix instead of one silently overwriting the other. Tuples become lists, other objects
become their ``str()`` and are redacted as text. A container met again inside itself becomes
``<cycle>``; nesting deeper than ``MAX_DEPTH``, and every value after the first
``MAX_VALUES``, become ``<redaction-failed>`` (:mod:`supportkit._hostdata`: shared containers
can make a small structure an endless tree).
"""

from __future__ import annotations

import functools
import json
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from supportkit._hostdata import CYCLE, WalkGuard, printable
from supportkit.redaction._pseudonym import FAILED_PLACEHOLDER

__all__ = ["MAX_DEPTH", "MAX_VALUES", "StructuredRedaction"]

MAX_DEPTH = 200
MAX_VALUES = 100_000
# Tuples, not ``bool | int | float``: a union is built anew on each isinstance call, and a
# report walks thousands of values.
_KEPT_SCALARS = (bool, int, float)
_CONTAINERS = (dict, list, tuple)
_SEQUENCES = (list, tuple)
_NAME_FIELDS = ("name", "key", "Name", "Key")
_VALUE_FIELDS = ("value", "Value")
# A bare "key" names a secret by what holds it: {"Jwt": {"Key": …}}, {"api": {"key": …}}.
_BARE_KEYS = frozenset({"key", "Key", "KEY", "keys", "Keys"})
_COMMAND_LINE_KEYS = frozenset({"commandline", "cmdline", "argv", "origargv", "cmd", "command"})


class _Pending:
    """Where a string goes once the batch is redacted: the walk sees every string before any
    is redacted, so all of them go through the text engine as one batch."""

    __slots__ = ("index", "split")

    def __init__(self, index: int, split: bool) -> None:
        self.index = index
        self.split = split  # a command line, split back into arguments once redacted


@dataclass
class StructuredRedaction:
    """One pass over one value; ``secret_fields``, ``too_deep`` and ``too_many`` feed the audit.

    ``texts`` redacts a list of strings at once. :meth:`redact` walks the value once, building
    the result with each string left pending, then fills them in from one ``texts`` call.
    """

    texts: Callable[[list[str]], list[str]]
    is_secret_key: Callable[[str], bool]
    secret_placeholder: Callable[[str], str]
    secret_fields: int = 0
    too_deep: int = 0
    _guard: WalkGuard = field(default_factory=lambda: WalkGuard(MAX_VALUES), repr=False)
    _strings: list[str] = field(default_factory=list, repr=False)
    _lists: list[list[Any]] = field(default_factory=list, repr=False)
    _mappings: list[tuple[dict[Any, Any], list[tuple[Any, Any]]]] = field(
        default_factory=list, repr=False
    )

    @property
    def too_many(self) -> int:
        """Values left out because ``MAX_VALUES`` had been walked already."""
        return self._guard.over

    def redact(self, value: Any) -> Any:
        """``value`` with secrets and (depending on ``texts``) personal data replaced."""
        walked = self._walk(value, 0)
        redacted = self.texts(self._strings)
        fill = functools.partial(_filled, redacted)
        for items in self._lists:
            items[:] = [fill(item) for item in items]
        for out, pairs in self._mappings:
            for key, item in pairs:
                out[_unique(fill(key), out)] = fill(item)
        return fill(walked)

    def _text(self, text: str, *, split: bool = False) -> _Pending:
        strings = self._strings
        strings.append(text)
        return _Pending(len(strings) - 1, split)

    def _walk(self, value: Any, depth: int, parent: str = "") -> Any:
        if depth > MAX_DEPTH:
            self.too_deep += 1
            return FAILED_PLACEHOLDER
        if not self._guard.spend():
            return FAILED_PLACEHOLDER
        if isinstance(value, str):
            return self._text(value)
        if value is None or isinstance(value, _KEPT_SCALARS):
            return value
        if isinstance(value, _CONTAINERS):
            return self._container(value, depth, parent)
        return self._text(printable(value))

    def _container(
        self, value: dict[Any, Any] | list[Any] | tuple[Any, ...], depth: int, parent: str
    ) -> Any:
        if not self._guard.enter(value):
            return CYCLE
        try:
            if isinstance(value, dict):
                return self._mapping(value, depth, parent)
            items = [self._walk(item, depth + 1, parent) for item in value]
            self._lists.append(items)
            return items
        finally:
            self._guard.leave(value)

    def _mapping(self, value: dict[Any, Any], depth: int, parent: str) -> dict[Any, Any]:
        # Filled once the strings are redacted: a key's final form (made unique among its
        # siblings) is known only then.
        out: dict[Any, Any] = {}
        pairs: list[tuple[Any, Any]] = []
        # Two lookups rule out a name/value pair for almost every dict, without a call.
        named_secret = ("value" in value or "Value" in value) and self._names_secret(value)
        for key, item in value.items():
            if isinstance(key, str):
                secret = (
                    self.is_secret_key(key)
                    or (named_secret and key in _VALUE_FIELDS)
                    or (
                        key in _BARE_KEYS and bool(parent) and self.is_secret_key(f"{parent}_{key}")
                    )
                )
                new_key: Any = self._text(key)
            else:
                secret = False
                kept = key is None or isinstance(key, _KEPT_SCALARS)
                new_key = key if kept else self._text(printable(key))
            if secret:
                pairs.append((new_key, self._secret(item)))
            elif isinstance(item, _SEQUENCES) and _is_command_line(key, item):
                pairs.append((new_key, self._command_line(item)))
            else:
                pairs.append(
                    (new_key, self._walk(item, depth + 1, key if isinstance(key, str) else ""))
                )
        self._mappings.append((out, pairs))
        return out

    def _command_line(self, arguments: list[str] | tuple[str, ...]) -> _Pending:
        return self._text(" ".join(_shell_word(argument) for argument in arguments), split=True)

    def _names_secret(self, value: dict[Any, Any]) -> bool:
        """``{"name": "DB_PASSWORD", "value": …}`` (Kubernetes env, AWS tags, form fields): a
        name field that names a secret makes its sibling value field one."""
        names = (value.get(field) for field in _NAME_FIELDS)
        return any(isinstance(name, str) and self.is_secret_key(name) for name in names)

    def _secret(self, item: Any) -> Any:
        if item is None or isinstance(item, bool) or item == "":
            return item
        self.secret_fields += 1
        return self.secret_placeholder(_as_one_text(item))


def _filled(redacted: list[str], item: Any) -> Any:
    if not isinstance(item, _Pending):
        return item
    text = redacted[item.index]
    if not item.split:
        return text
    try:
        return shlex.split(text)
    except ValueError:  # a replacement took a closing quote: the line stays whole
        return [text]


def _unique(key: Any, taken: dict[Any, Any]) -> Any:
    if key not in taken or not isinstance(key, str):
        return key
    number = 2
    while f"{key}#{number}" in taken:
        number += 1
    return f"{key}#{number}"


def _shell_word(argument: str) -> str:
    """``argument`` as a shell would need it: quoted only when splitting would change it, so
    the rules read ``mysql -pS3cr3t!`` as typed, not ``'-pS3cr3t!'``."""
    if argument and not any(char.isspace() or char in "'\"\\" for char in argument):
        return argument
    return shlex.quote(argument)


def _is_command_line(key: Any, item: Any) -> bool:
    if not (isinstance(key, str) and isinstance(item, (list, tuple)) and item):
        return False
    name = key.lower().replace("_", "").replace("-", "")
    return name in _COMMAND_LINE_KEYS and all(isinstance(argument, str) for argument in item)


def _as_one_text(value: Any) -> str:
    """One text per value, so equal secrets get equal placeholders wherever they appear."""
    if isinstance(value, str):
        return value
    plain = StructuredRedaction(
        texts=lambda texts: texts, is_secret_key=lambda _key: False, secret_placeholder=str
    ).redact(value)  # a bounded copy without cycles, which json and repr can take
    try:
        return json.dumps(plain, sort_keys=True, default=str)
    except (TypeError, ValueError):  # keys of mixed types cannot be sorted
        return repr(plain)
