"""What to redact: the built-in rules plus what the host knows about its own data.

A host adds patterns of its own (``extra_patterns``), key names that hold secrets in its
configuration (``secret_keys``), literal values it knows are private such as the signed-in
customer's name (``private_values``), values that must never be touched (``allow``), and rule
sets other packages register under the entry-point group ``supportkit.redaction_rules`` (each
entry point is a zero-argument factory returning a rule or a list of rules, imported only when
a policy that names it builds its rules).

Host patterns are treated as credentials unless they say otherwise, so they also apply to text
the reporter typed; private values are personal data, so they do not.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from importlib.metadata import EntryPoint, entry_points
from typing import Any

from supportkit.exceptions import InvalidArgumentError, PluginLoadError
from supportkit.redaction._rule import Category, Rule, Span
from supportkit.redaction.rules import default_rules, machine_rules
from supportkit.redaction.rules.credentials import secret_key_matcher, secret_value_rules
from supportkit.redaction.rules.machine import this_machine

__all__ = ["RULE_SET_GROUP", "ExtraPattern", "RedactionPolicy", "default_policy", "load_rule_set"]

RULE_SET_GROUP = "supportkit.redaction_rules"
_ALL: frozenset[Category] = frozenset({"credential", "personal"})
_SECRET_VALUE_RULES = frozenset(rule.name for rule in secret_value_rules())


@dataclass(slots=True)
class ExtraPattern:
    """A host regex; the named group ``value``, if present, is what gets replaced.

    The pattern must run in linear time (bounded repetitions, no nested quantifiers).
    """

    pattern: re.Pattern[str]
    kind: str
    category: Category = "credential"
    max_span: int = 256
    name: str = ""

    def find(self, text: str) -> Iterator[Span]:
        group = "value" if "value" in self.pattern.groupindex else 0
        for match in self.pattern.finditer(text):
            start, end = match.span(group)
            if end > start:
                yield Span(start, end, self.kind)


def _extra(item: Any) -> ExtraPattern:
    if isinstance(item, ExtraPattern):
        pattern = item
    elif isinstance(item, tuple) and len(item) == 2:
        source, kind = item
        try:
            compiled = source if isinstance(source, re.Pattern) else re.compile(source)
        except re.error as exc:
            msg = f"extra pattern {source!r} is not a valid regex ({exc}); fix or remove it"
            raise InvalidArgumentError(msg) from exc
        pattern = ExtraPattern(compiled, str(kind))
    else:
        msg = f"extra_patterns takes (regex, kind) pairs or ExtraPattern, not {item!r}"
        raise InvalidArgumentError(msg)
    return replace(pattern, name=pattern.name or f"host-pattern-{pattern.kind}")


@dataclass(slots=True)
class _PrivateValues:
    """Literal values the host knows are private, found as whole words."""

    values: tuple[str, ...]
    ignore_case: bool
    name: str = "private-value"
    kind: str = "private"
    category: Category = "personal"
    max_span: int = 0

    def find(self, text: str) -> Iterator[Span]:
        haystack = text.lower() if self.ignore_case else text
        if len(haystack) != len(text):
            haystack = "".join(ch.lower()[:1] for ch in text)
        for value in self.values:
            needle = value.lower() if self.ignore_case else value
            pos = haystack.find(needle)
            while pos >= 0:
                end = pos + len(needle)
                if _whole_word(text, pos, end):
                    yield Span(pos, end, self.kind)
                pos = haystack.find(needle, pos + 1)


def _whole_word(text: str, start: int, end: int) -> bool:
    before = start == 0 or not (text[start].isalnum() and text[start - 1].isalnum())
    after = end == len(text) or not (text[end - 1].isalnum() and text[end].isalnum())
    return before and after


@dataclass(frozen=True, slots=True)
class _Allow:
    literals: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]

    def __call__(self, value: str) -> bool:
        return value in self.literals or any(p.fullmatch(value) for p in self.patterns)


@functools.cache
def _registered_rule_sets() -> dict[str, EntryPoint]:
    return {point.name: point for point in entry_points(group=RULE_SET_GROUP)}


def load_rule_set(name: str) -> tuple[Rule, ...]:
    """The rules the entry point ``name`` in ``supportkit.redaction_rules`` makes."""
    point = _registered_rule_sets().get(name)
    if point is None:
        known = ", ".join(sorted(_registered_rule_sets())) or "none"
        msg = f"no redaction rule set named {name!r} (installed: {known}); install its package"
        raise PluginLoadError(msg)
    try:
        made = point.load()()
    except Exception as exc:
        msg = f"redaction rule set {name!r} ({point.value}) cannot be loaded: {exc}"
        raise PluginLoadError(msg) from exc
    rules = (made,) if isinstance(made, Rule) else tuple(made)
    if not all(isinstance(rule, Rule) for rule in rules):
        msg = f"redaction rule set {name!r} ({point.value}) returned something that is not a Rule"
        raise PluginLoadError(msg)
    return rules


def _machine_names(policy: RedactionPolicy) -> tuple[str | None, str | None]:
    user, host = policy.user_name, policy.host_name
    if policy.detect_machine and (user is None or host is None):
        found_user, found_host = this_machine()
        user = user if user is not None else found_user
        host = host if host is not None else found_host
    return user, host


def _strings(value: Iterable[str] | str, what: str) -> tuple[str, ...]:
    items = (value,) if isinstance(value, str) else tuple(value)
    if not all(isinstance(item, str) for item in items):
        msg = f"{what} takes strings"
        raise InvalidArgumentError(msg)
    return items


@dataclass(frozen=True)
class RedactionPolicy:
    """The rules a bundle is redacted with. Immutable; sequences are stored as tuples.

    ``allow`` holds literal strings and compiled regexes (matched against a whole finding).

    ``rules=None`` means the built-ins: credentials, personal data, home-directory user names
    and this machine's user and host names (``user_name``/``host_name`` override detection,
    ``detect_machine=False`` turns it off).
    """

    rules: tuple[Rule, ...] | None = None
    extra_patterns: tuple[ExtraPattern, ...] = ()
    secret_keys: tuple[str, ...] = ()
    private_values: tuple[str, ...] = ()
    private_values_ignore_case: bool = True
    allow: tuple[str | re.Pattern[str], ...] = ()
    rule_sets: tuple[str, ...] = ()
    stable_key: bytes | None = field(default=None, repr=False)
    user_name: str | None = None
    host_name: str | None = None
    detect_machine: bool = True
    categories: frozenset[Category] = _ALL
    _allow: _Allow = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        put = functools.partial(object.__setattr__, self)
        if self.rules is not None:
            put("rules", tuple(self.rules))
        put("extra_patterns", tuple(_extra(item) for item in self.extra_patterns))
        put("secret_keys", _strings(self.secret_keys, "secret_keys"))
        put(
            "private_values", tuple(v for v in _strings(self.private_values, "private_values") if v)
        )
        put("rule_sets", _strings(self.rule_sets, "rule_sets"))
        put("allow", tuple(self.allow))
        put("categories", frozenset(self.categories))
        if self.stable_key is not None and not isinstance(self.stable_key, bytes | bytearray):
            msg = "stable_key must be bytes (keep it secret; it links reports to each other)"
            raise InvalidArgumentError(msg)
        literals = frozenset(a for a in self.allow if isinstance(a, str))
        put("_allow", _Allow(literals, tuple(a for a in self.allow if isinstance(a, re.Pattern))))

    def credentials_only(self) -> RedactionPolicy:
        """This policy restricted to credentials: for text the reporter typed on purpose."""
        return replace(self, categories=frozenset({"credential"}))

    def allows(self, value: str) -> bool:
        """Whether ``value`` is on the host's allow-list and must never be replaced."""
        return self._allow(value)

    def secret_key_matcher(self) -> Callable[[str], bool]:
        """Whether a key names a secret, with this policy's ``secret_keys`` added."""
        return secret_key_matcher(self.secret_keys)

    def build_rules(self) -> tuple[Rule, ...]:
        """Every rule this policy applies, in priority order; loads named rule sets."""
        rules = list(default_rules() if self.rules is None else self.rules)
        if self.secret_keys:
            rules = [r for r in rules if r.name not in _SECRET_VALUE_RULES]
            rules.extend(secret_value_rules(self.secret_keys))
        if self.rules is None:
            rules.extend(machine_rules(*_machine_names(self)))
        rules.extend(self.extra_patterns)
        if self.private_values:
            longest = max(len(value) for value in self.private_values)
            rules.append(
                _PrivateValues(
                    self.private_values, self.private_values_ignore_case, max_span=longest
                )
            )
        for name in self.rule_sets:
            rules.extend(load_rule_set(name))
        return tuple(rule for rule in rules if rule.category in self.categories)


def default_policy(**overrides: Any) -> RedactionPolicy:
    """The built-in policy, with any :class:`RedactionPolicy` field overridden."""
    return RedactionPolicy(**overrides)
