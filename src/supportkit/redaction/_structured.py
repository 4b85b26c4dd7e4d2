"""Redacting JSON-like data: by key name first, then every string through the text engine.

A value whose key names a secret (``password``, ``X-Api-Key``, ``stripeSecretKey``…; the same
test the credential rules use) is replaced wholesale by one placeholder, whatever it is: a
string, a number, a list or a whole nested object. Only ``None``, booleans and empty strings
are kept there, since they hold no secret and "the password was empty" is worth knowing. The
same goes for a ``value`` beside a ``name`` or ``key`` that names a secret, and for a bare
``key`` inside an object named like what it keys (``{"Jwt": {"Key": …}}``, ``{"api": {"key": …}}``).

A name, a user name, a postal address or a date of birth under a key that files one
(``first_name``, ``user``, ``line1``, ``dob``) is replaced too: in a structure the key is the
label a log line would put beside the value. The rules say which keys and values
(:class:`~supportkit.redaction.FieldRule`). A bare ``name`` is whose its parent says
(``{"billing_details": {"name": …}}``), the parts of a name are named by it (``{"name":
{"first": …}}``), and each string of a list under such a key is checked (``{"users": […]}``).

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

import json
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from supportkit._hostdata import CYCLE, WalkGuard, printable
from supportkit.redaction._pseudonym import FAILED_PLACEHOLDER
from supportkit.redaction._rule import FieldCheck

__all__ = ["MAX_DEPTH", "MAX_VALUES", "StructuredRedaction"]

MAX_DEPTH = 200
MAX_VALUES = 100_000
# Tuples, not ``bool | int | float``: a union is built anew on each isinstance call, and a
# report walks thousands of values.
_KEPT_SCALARS = (bool, int, float)
_CONTAINERS = (dict, list, tuple)
# What a personal field's check never reads: values without text, and containers to walk.
_NOT_TEXT = (type(None), *_KEPT_SCALARS, *_CONTAINERS)
_SEQUENCES = (list, tuple)
_NAME_FIELDS = ("name", "key", "Name", "Key")
_VALUE_FIELDS = ("value", "Value")
# A bare "key" names a secret by what holds it: {"Jwt": {"Key": …}}, {"api": {"key": …}}.
_BARE_KEYS = frozenset({"key", "Key", "KEY", "keys", "Keys"})
# A bare "name" is whose its parent says: {"customer": {"name": …}}, {"author": {"name": …}}.
_BARE_NAMES = frozenset({"name", "Name", "NAME"})
# What a parent adds to whose a name is: {"billing_details": {"name": …}} (Stripe's),
# {"customerInfo": {"name": …}}.
_DETAILS = re.compile(r"[_-]?(?:details?|Details?|DETAILS?|info|Info|INFO|data|Data|DATA)$")
# A name held in parts: {"name": {"first": "Ana", "last": "Lima"}}, FHIR's {"given": […],
# "family": …}.
_NAMES_OF_PEOPLE = frozenset({"name", "Name", "names", "Names"})
_COMMAND_LINE_KEYS = frozenset({"commandline", "cmdline", "argv", "origargv", "cmd", "command"})


_KEY = object()
"""Marks a noted string as a dict's key (its place is the dict) rather than a value."""


@dataclass
class StructuredRedaction:
    """One pass over one value; ``secret_fields``, ``too_deep`` and ``too_many`` feed the audit.

    ``texts`` redacts a list of strings at once. :meth:`redact` copies the value once with
    every string in place as it was, noting where each went; one ``texts`` call then redacts
    them all, and only the strings that changed are written again. Most strings do not change,
    and a capture's report holds ten thousand of them.
    """

    texts: Callable[[list[str]], list[str]]
    is_secret_key: Callable[[str], bool]
    secret_placeholder: Callable[[str], str]
    # Per key, the checks that tell a personal value filed under it ({"first_name": "Ana"}),
    # each giving the value's placeholder or None; asked once per key and walk.
    field_checks: Callable[[str], tuple[FieldCheck, ...]] = lambda _key: ()
    secret_fields: int = 0
    too_deep: int = 0
    _guard: WalkGuard = field(default_factory=lambda: WalkGuard(MAX_VALUES), repr=False)
    # Every string met, keys and values, in the order met (pseudonyms are numbered in that
    # order), with where it went: the list or dict holding it and its index or key there,
    # or _KEY and the dict whose key it is.
    _strings: list[str] = field(default_factory=list, repr=False)
    _holders: list[Any] = field(default_factory=list, repr=False)
    _places: list[Any] = field(default_factory=list, repr=False)
    _command_lines: list[int] = field(default_factory=list, repr=False)
    _checks: _ChecksByKey = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._checks = _ChecksByKey(self.field_checks)

    @property
    def too_many(self) -> int:
        """Values left out because ``MAX_VALUES`` had been walked already."""
        return self._guard.over

    def redact(self, value: Any) -> Any:
        """``value`` with secrets and (depending on ``texts``) personal data replaced."""
        root: list[Any] = [None]
        self._put(root, 0, value, 0, "")
        redacted = self.texts(self._strings)
        changed_keys: dict[int, tuple[dict[Any, Any], dict[str, str]]] = {}
        for text, new, holder, place in zip(
            self._strings, redacted, self._holders, self._places, strict=True
        ):
            if new == text:
                continue
            if holder is _KEY:
                changed_keys.setdefault(id(place), (place, {}))[1][text] = new
            else:
                holder[place] = new
        for index in self._command_lines:
            self._holders[index][self._places[index]] = _split_command_line(redacted[index])
        for mapping, new_keys in changed_keys.values():
            # Rebuilt in order; two keys that redact alike are told apart, not merged.
            items = list(mapping.items())
            mapping.clear()
            for key, item in items:
                mapping[_unique(new_keys.get(key, key), mapping)] = item
        return root[0]

    def _note(self, text: str, holder: Any, place: Any) -> None:
        self._strings.append(text)
        self._holders.append(holder)
        self._places.append(place)

    def _put(self, holder: Any, place: Any, value: Any, depth: int, parent: str) -> None:
        """Store ``value``'s redacted copy at ``holder[place]``, its strings as yet unchanged."""
        if depth > MAX_DEPTH:
            self.too_deep += 1
            holder[place] = FAILED_PLACEHOLDER
        elif not self._guard.spend():
            holder[place] = FAILED_PLACEHOLDER
        elif isinstance(value, str):
            holder[place] = value
            self._strings.append(value)
            self._holders.append(holder)
            self._places.append(place)
        elif value is None or isinstance(value, _KEPT_SCALARS):
            holder[place] = value
        elif isinstance(value, _CONTAINERS):
            holder[place] = self._container(value, depth, parent)
        else:
            text = holder[place] = printable(value)
            self._note(text, holder, place)

    def _container(
        self, value: dict[Any, Any] | list[Any] | tuple[Any, ...], depth: int, parent: str
    ) -> Any:
        if not self._guard.enter(value):
            return CYCLE
        try:
            if isinstance(value, dict):
                return self._mapping(value, depth, parent)
            items = list(value)  # a copy: the host may change its list while it is walked
            for index, item in enumerate(items):
                self._put(items, index, item, depth + 1, parent)
            return items
        finally:
            self._guard.leave(value)

    def _mapping(self, value: dict[Any, Any], depth: int, parent: str) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        # Two lookups rule out a name/value pair for almost every dict, without a call.
        named_secret = ("value" in value or "Value" in value) and self._names_secret(value)
        strings, holders, places, checks_by_key = (
            self._strings,
            self._holders,
            self._places,
            self._checks,
        )
        for key, item in value.items():
            if isinstance(key, str):
                secret = (
                    self.is_secret_key(key)
                    or (named_secret and key in _VALUE_FIELDS)
                    or (
                        key in _BARE_KEYS and bool(parent) and self.is_secret_key(f"{parent}_{key}")
                    )
                )
                # A stringified key may have taken it.
                new_key: Any = key if key not in out else _unique(key, out)
            else:
                secret = False
                kept = key is None or isinstance(key, _KEPT_SCALARS)
                # Told apart from a string key of the same text before it is redacted.
                new_key = key if kept else _unique(printable(key), out)
            if isinstance(new_key, str):
                strings.append(new_key)
                holders.append(_KEY)
                places.append(out)
            if secret:
                out[new_key] = self._secret(item)
            elif isinstance(item, _SEQUENCES) and _is_command_line(key, item):
                self._command_lines.append(len(self._strings))
                line = out[new_key] = _command_line(item)
                self._note(line, out, new_key)
            elif (
                isinstance(key, str)
                and not isinstance(item, _NOT_TEXT)
                and (checks := checks_by_key[key] or self._field_checks_for(key, parent))
                and (placeholder := _personal_value(checks, item)) is not None
            ):
                out[new_key] = placeholder
            elif (
                isinstance(item, _SEQUENCES)
                and isinstance(key, str)
                and (checks := self._list_checks_for(key, parent))
            ):
                out[new_key] = self._personal_values(item, checks, depth + 1, key)
            else:
                self._put(out, new_key, item, depth + 1, key if isinstance(key, str) else "")
        return out

    def _field_checks_for(self, key: str, parent: str) -> tuple[FieldCheck, ...]:
        """The checks for ``key``; for a bare "name", those its parent makes of it
        ({"customer": {"name": …}} is a customer_name, and so is a customer_details'
        name), as for a bare secret "key"; for a part of a name, those of that part's
        name ({"name": {"first": …, "family": …}} holds a first_name and a family_name)."""
        checks = self._checks[key]
        if checks or not parent:
            return checks
        if key in _BARE_NAMES:
            whose = _DETAILS.sub("", parent) or parent
            checks = self._checks[f"{whose}_{key}"]
            if not checks and whose.endswith("s"):  # a list's: {"customers": [{"name": …}]}
                checks = self._checks[f"{whose[:-1]}_{key}"]
        elif parent in _NAMES_OF_PEOPLE:
            checks = self._checks[f"{key}_name"]
        return checks

    def _list_checks_for(self, key: str, parent: str) -> tuple[FieldCheck, ...]:
        """The checks for the strings of a list under ``key``, named by a plural or not:
        {"users": ["olga"]} holds users, {"given": ["Peter"]} given names."""
        checks = self._field_checks_for(key, parent)
        if not checks and key.endswith("s"):
            checks = self._field_checks_for(key[:-1], parent)
        return checks

    def _personal_values(
        self,
        items: list[Any] | tuple[Any, ...],
        checks: tuple[FieldCheck, ...],
        depth: int,
        key: str,
    ) -> list[Any]:
        """A list under a personal field, each string in it checked as the field's value
        ({"given": ["Peter", "James"]})."""
        values = list(items)
        for index, value in enumerate(values):
            if not isinstance(value, str):
                self._put(values, index, value, depth, key)
            elif not self._guard.spend():
                values[index] = FAILED_PLACEHOLDER
            elif (placeholder := _personal_value(checks, value)) is not None:
                values[index] = placeholder
            else:
                self._note(value, values, index)
        return values

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


class _ChecksByKey(dict[str, tuple[FieldCheck, ...]]):
    """The checks for personal values under each key, asked for once per key and walk: a
    report repeats a few hundred keys over ten thousand values."""

    def __init__(self, ask: Callable[[str], tuple[FieldCheck, ...]]) -> None:
        super().__init__()
        self._ask = ask

    def __missing__(self, key: str) -> tuple[FieldCheck, ...]:
        checks = self[key] = self._ask(key)
        return checks


def _personal_value(checks: tuple[FieldCheck, ...], item: object) -> str | None:
    """``item``'s placeholder when a check finds a personal value in it (an object by its text:
    {"dob": date(1990, 1, 15)}); None leaves it to the text rules like any other value."""
    if not isinstance(item, str):
        item = printable(item)
    for check in checks:
        placeholder = check(item)
        if placeholder is not None:
            return placeholder
    return None


def _command_line(arguments: list[str] | tuple[str, ...]) -> str:
    return " ".join(_shell_word(argument) for argument in arguments)


def _split_command_line(text: str) -> list[str]:
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
