"""This machine's own user name and host name, wherever they appear in collected text.

The names are arguments (:func:`machine_rules`) so the capture passes what
:func:`this_machine` reports and tests pass fakes. Matching is literal, case-insensitive and
whole-word: a name counts only when the characters on both sides are not letters, digits or
``_`` (``alice`` matches in ``/home/alice/`` and ``alice's`` but not in ``malice`` or
``alice_bot``). Names that would destroy ordinary text are ignored: anything shorter than 3
characters, all digits, or made only of :data:`GENERIC_NAMES` (``localhost.localdomain``).
"""

from __future__ import annotations

import getpass
import socket
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from supportkit.redaction import _anchors
from supportkit.redaction._rule import Category, Rule, Span

__all__ = ["GENERIC_NAMES", "machine_rules", "this_machine"]

#: User and host names too common to be personal; redacting them would wreck ordinary text.
GENERIC_NAMES = frozenset(
    {
        "root", "user", "users", "admin", "administrator", "guest", "test", "tester", "default",
        "nobody", "daemon", "system", "service", "runner", "ubuntu", "debian", "fedora", "centos",
        "vagrant", "docker", "container", "app", "web", "www", "dev", "build", "builder", "ci",
        "home", "host", "server", "desktop", "laptop", "mac", "macbook", "linux", "windows",
        "localhost", "localdomain", "local", "none", "(none)", "unknown", "pi", "raspberrypi",
        "ec2-user", "jenkins", "git", "public", "shared", "owner",
    }
)  # fmt: skip


@dataclass(slots=True)
class _LiteralRule:
    """Finds any of ``needles`` (lower case) as whole words, ignoring case."""

    name: str
    kind: str
    needles: tuple[str, ...]
    max_span: int
    category: Category = "personal"

    def find(self, text: str) -> Iterator[Span]:
        """Spans of ``text`` where one of the needles stands as a whole word."""
        spans: list[Span] = []
        for needle in self.needles:
            for at in _occurrences(text, needle):
                end = at + len(needle)
                if _is_word_edge(text, at - 1) and _is_word_edge(text, end):
                    spans.append(Span(at, end, self.kind))
        spans.sort(key=lambda span: (span.start, -span.end))
        reach = -1
        for span in spans:
            if span.end > reach:
                reach = span.end
                yield span


def _occurrences(text: str, needle: str) -> Sequence[int]:
    """Starts of the lower-case ``needle`` in ``text``, ignoring case."""
    return _anchors.starts(text, _anchors.word(needle))


def _is_word_edge(text: str, index: int) -> bool:
    return index < 0 or index >= len(text) or not (text[index].isalnum() or text[index] == "_")


def _usable(names: tuple[str | None, ...]) -> tuple[str, ...]:
    kept = {
        name.strip().lower()
        for name in names
        if name and len(name.strip()) >= 3 and not name.strip().isdigit()
    }
    specific = {name for name in kept if not set(name.split(".")) <= GENERIC_NAMES}
    return tuple(sorted(specific, key=len, reverse=True))


def _host_names(host: str | None) -> tuple[str | None, ...]:
    if not host:
        return ()
    host = host.strip().rstrip(".")
    short = host.split(".", 1)[0]
    return (host, short) if short != host else (host,)


def machine_rules(user: str | None, host: str | None) -> tuple[Rule, ...]:
    """Rules that find ``user`` (kind ``user``) and ``host`` (kind ``host``) in text.

    A fully qualified host name also yields its first label (``build-7`` of
    ``build-7.corp.example.com``). Names too short or too generic to redact safely are left
    out, so the result may be empty.
    """
    rules: list[Rule] = []
    for rule_name, kind, names in (
        ("machine-user", "user", _usable((user,))),
        ("machine-host", "host", _usable(_host_names(host))),
    ):
        if names:
            _anchors.words(names)  # made now: the first scan looks for them too
            rules.append(_LiteralRule(rule_name, kind, names, max_span=len(names[0]) + 2))
    return tuple(rules)


def this_machine() -> tuple[str | None, str | None]:
    """This process's user name and this machine's host name; ``None`` where unknown."""
    try:
        user: str | None = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name, no passwd entry, no pwd module
        user = None
    try:
        host: str | None = socket.gethostname()
    except OSError:
        host = None
    return user or None, host or None
