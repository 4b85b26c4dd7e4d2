"""User names in home-directory paths: only the name goes, the rest of the path is evidence.

Found from literal anchors (``/home/``, ``/Users/``, the same with JSON's escaped slashes, ``~``,
and a pattern that starts with the ``:`` of a drive letter for ``C:\\Users\\``, ``C:/Users/``
and JSON-escaped ``C:\\\\Users\\\\``), so text without home paths costs a few ``str.find`` passes.

A POSIX anchor counts at the start of a path (after a space, quote, ``=``, ``:`` of a
``PATH`` list, ``file://``...) or after a mount prefix that holds home folders (``/var``,
``/export``, ``/mnt/c`` of WSL, ``/System/Volumes/Data``, ``/private``); inside a URL path
(``https://example.com/home/about``) it does not. A mailbox in the mail spool
(``/var/mail/NAME``), removable media mounted for a user (``/run/media/NAME/``), and a home
folder seen from Windows, in a WSL distribution (``\\\\wsl$\\Ubuntu\\home\\NAME``) or on
Wine's drive (``Z:\\home\\NAME``), count too; so does ``C:\\Documents and Settings\\NAME``.
Names under ``Users`` may contain spaces when the path goes on after them
(``C:\\Users\\Ana Silva\\AppData``, ``/mnt/c/Users/Ana Silva/``). A home path percent-encoded into
a URL (``assetPlugin=C%3A%5CUsers%5CNAME%5C…``) counts too.

A name found so is its user's where it is a whole folder of another path within 16 KiB of it
(Hadoop stages a job under ``/tmp/hadoop-yarn/staging/NAME/``), when it is three characters or
longer.

Kept: the folders every system has, placeholders and the accounts systems, services and CI
runners bring (:mod:`supportkit.redaction.rules._no_ones`, any case: ``/home/runner``), names
that start with ``$``, ``%``, ``<`` or ``{`` (``/home/$USER``, ``C:\\Users\\%USERNAME%``), and
``~/`` (no name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from supportkit.redaction import _anchors, _views
from supportkit.redaction._rule import Category, Rule, Span
from supportkit.redaction.rules._no_ones import no_ones
from supportkit.redaction.rules._text import glued

__all__ = ["RULES"]

_POSIX_NAME = re.compile(r"[^/\\\s:\"'`<>|*?,;=()\[\]{}]{1,64}")
# Under /Users/ (macOS, and Windows' folders seen from WSL: /mnt/c/Users/Ana Silva/) a name may
# hold spaces when the path goes on after it.
_SPACED_NAME = re.compile(f"{_POSIX_NAME.pattern}(?: {_POSIX_NAME.pattern}){{1,2}}(?=/)")
_WINDOWS_NAME = re.compile(
    r"(?:[^\\/:*?\"<>|\r\n\t,;=+\[\]]{1,64}?(?=[\\/]))|[^\s\\/:*?\"<>|,;=+'`()\[\]{}]{1,64}"
)
_WINDOWS_USERS = re.compile(
    rb":(?:\\\\|\\|/)(?:Users|users|USERS|Documents and Settings)(?:\\\\|\\|/)"
)
_WINDOWS_ANCHOR = _anchors.pattern(_WINDOWS_USERS.pattern)
_TILDE_NAME = re.compile(r"~([A-Za-z_][\w.-]{1,31})(?=/)")
# Where home folders are mounted: /mnt/c/Users, a Mac's system disk seen from another
# (/Volumes/Macintosh HD/Users/ana), NFS exports.
_HOME_MOUNT = re.compile(
    r"(?:^|[^\w.-])"
    r"(?:/var|/export|/mnt/[A-Za-z]|/System/Volumes/Data|/private|/Volumes/[^/\r\n]{1,64})\Z"
)


@dataclass(slots=True)
class _HomePathRule:
    """Finds the user-name component of home-directory paths."""

    name: str = "home-path-user"
    category: Category = "personal"
    max_span: int = 128

    def find(self, text: str) -> Iterator[Span]:
        """Spans of user names in home-directory paths in ``text``, and of the same names
        where they stand as a folder of another path."""
        found = {
            *_posix_names(text),
            *_windows_names(text),
            *_tilde_names(text),
            *_encoded_names(text),
        }
        found.update(_names_in_other_paths(text, found))
        return iter(sorted(found, key=lambda span: span.start))


# A name found in a home path is also its user's where it stands between a path's separators
# within 16 KiB of it: Hadoop stages a job under /tmp/hadoop-yarn/staging/NAME/, a shared drive
# keeps \\files\scans\NAME\. Short names (a folder called "a") and more names than a text's
# paths plausibly hold are not looked for.
_FEWEST_CHARS_ELSEWHERE = 3
_MOST_NAMES_ELSEWHERE = 64
_REACH_ELSEWHERE = 16_384
_NAME_GOES_ON = frozenset("._-@")
# Where a folder is named after software, not a person: /home/gitlab-tools/ is an app's own
# account, and /etc/gitlab-tools/ its configuration.
_SOFTWARE_FOLDERS = (
    "/etc/", "/opt/", "/srv/", "/run/", "/var/lib/", "/var/log/", "/var/cache/", "/var/run/",
    "/var/opt/", "/usr/lib/", "/usr/lib64/", "/usr/libexec/", "/usr/share/", "/usr/local/",
    "/usr/local/lib/", "/usr/local/share/", "/Library/", "/Applications/",
    "\\Program Files\\", "\\Program Files (x86)\\", "\\ProgramData\\",
)  # fmt: skip


def _names_in_other_paths(text: str, found: set[Span]) -> Iterator[Span]:
    reach: dict[str, tuple[int, int]] = {}
    for span in found:
        low, high = reach.get(text[span.start : span.end], (span.start, span.end))
        reach[text[span.start : span.end]] = (min(low, span.start), max(high, span.end))
    for name in sorted(reach)[:_MOST_NAMES_ELSEWHERE]:
        if len(name) < _FEWEST_CHARS_ELSEWHERE or name.isdigit():
            continue
        low, high = reach[name]
        window = (max(0, low - _REACH_ELSEWHERE), high + _REACH_ELSEWHERE)
        for at in _starts_of(text, name, window):
            end = at + len(name)
            after = text[end : end + 1]
            if (
                text[at - 1 : at] in ("/", "\\")
                and not after.isalnum()
                and after not in _NAME_GOES_ON
                and not text[max(0, at - 24) : at].endswith(_SOFTWARE_FOLDERS)
            ):
                yield Span(at, end, "user")


def _starts_of(text: str, name: str, window: tuple[int, int]) -> list[int]:
    """Where ``name`` stands in ``text`` within ``window``: searched in the Latin-1 view,
    several times faster, when it is Latin-1. A name has no "?", which the view puts for the
    other characters, so it is found there exactly where the text holds it."""
    try:
        needle = name.encode("latin-1")
    except UnicodeEncodeError:
        return _anchors.occurrences(text, name, *window)
    return _anchors.occurrences(_views.latin1(text), needle, *window)


def _name_span(text: str, start: int, end: int) -> Span | None:
    while end > start and text[end - 1] in ".-":
        end -= 1
    name = text[start:end]
    if not name or name[0] in "$%<{." or no_ones(name):
        return None
    return Span(start, end, "user")


def _path_starts_at(text: str, at: int) -> bool:
    if not glued(text, at, "._-~"):
        return True
    return _HOME_MOUNT.search(text, max(0, at - 80), at) is not None


# JSON may escape the slashes, as macOS crash reports (.ips) do: "\/Users\/ana\/Library".
_SPACED_NAME_ESCAPED = re.compile(
    f"{_POSIX_NAME.pattern}(?: {_POSIX_NAME.pattern}){{1,2}}(?=\\\\/)"
)
# A mailbox in the mail spool is named after its user (/var/mail/ana); so is a home folder in a
# WSL distribution seen from Windows (\\wsl$\Ubuntu\home\ana, \\wsl.localhost\Debian\home\ana).
_MAIL_SPOOL = re.compile(r"(?:^|[^\w.-])/var(?:/spool)?\Z")
_WSL_DISTRIBUTION = re.compile(
    r"(?:\\\\wsl(?:\$|\.localhost)\\[^\\\s]{1,64}|(?<![\w.-])[A-Za-z]:)\Z"
)
# A file server's share of home folders: \\fileserver\Users\ana, \\nas.corp\home\ana.
_UNC_SHARE = re.compile(r"(?<![\\\w])\\\\[\w.-]{1,64}\Z")
# Removable media mount under a folder named after the user who plugged them in:
# /run/media/ana/… (Fedora, Arch); not /run/media/cdrom. (Ubuntu's /media/ana/… is left
# alone: a web server's /media/ holds its uploads.)
_MEDIA_MOUNT = re.compile(r"(?:^|[^\w.-])/run\Z")
_MEDIA_DEVICES = re.compile(r"(?:cdrom|cdrw|dvd|floppy|usb|sd[a-z]|disk|data|backup)[0-9]*")
# Each home folder's anchor, the longer name first tried after it, and what must come before
# the anchor (by default, the start of a path or a mount that holds home folders).
_POSIX_HOMES: tuple[tuple[_anchors.Anchor, re.Pattern[str] | None, re.Pattern[str] | None], ...] = (
    (_anchors.literal("/home/"), None, None),
    (_anchors.literal("/Users/"), _SPACED_NAME, None),
    (_anchors.literal("\\/home\\/"), None, None),
    (_anchors.literal("\\/Users\\/"), _SPACED_NAME_ESCAPED, None),
    (_anchors.literal("/mail/"), None, _MAIL_SPOOL),
    (_anchors.literal("\\home\\"), None, _WSL_DISTRIBUTION),
    (_anchors.literal("\\home\\"), None, _UNC_SHARE),
    (_anchors.literal("\\Users\\"), None, _UNC_SHARE),
    (_anchors.literal("/media/"), None, _MEDIA_MOUNT),
)


def _posix_names(text: str) -> Iterator[Span]:
    for anchor, spaced_name, before in _POSIX_HOMES:
        for at in _anchors.starts(text, anchor):
            after = at + anchor.width
            spaced = spaced_name.match(text, after) if spaced_name is not None else None
            name = spaced or _POSIX_NAME.match(text, after)
            if name and (
                _path_starts_at(text, at)
                if before is None
                else before.search(text, max(0, at - 80), at) is not None
                and not (before is _MEDIA_MOUNT and _MEDIA_DEVICES.fullmatch(name.group()))
            ):
                span = _name_span(text, name.start(), name.end())
                if span:
                    yield span


def _windows_names(text: str) -> Iterator[Span]:
    for users in _anchors.matches(text, _WINDOWS_ANCHOR, _WINDOWS_USERS):
        drive = users.start() - 1
        if drive < 0 or not text[drive].isalpha() or not text[drive].isascii():
            continue
        if drive > 0 and (text[drive - 1].isalnum() or text[drive - 1] == "_"):
            continue
        name = _WINDOWS_NAME.match(text, users.end())
        if name:
            span = _name_span(text, name.start(), name.end())
            if span:
                yield span


# A home path percent-encoded into a URL, as Metro and Expo put the project's folder in an
# asset URL (assetPlugin=C%3A%5CUsers%5CE.Robert%5C…) and file pickers pass one (%2FUsers%2Fana).
_ENCODED_HOMES = _anchors.words(("%2fusers%2f", "%2fhome%2f", "%5cusers%5c"))
_ENCODED_HOME = re.compile(
    r"(?:(?<=[=&?:\s\"'])|(?<=%3[Aa])|(?<=%2[Ff])|\A)"
    r"%(?:2[Ff](?:Users|home)%2[Ff]|5[Cc][Uu]sers%5[Cc])"
    r"([^%/\\\s&?#\"'<>]{1,64})(?=%(?:2[Ff]|5[Cc])|[&\s\"'#]|\Z)"
)


def _encoded_names(text: str) -> Iterator[Span]:
    for anchor in _ENCODED_HOMES:
        for at in _anchors.starts(text, anchor):
            found = _ENCODED_HOME.match(text, at)
            if found is not None and any(char.isalpha() for char in found.group(1)):
                span = _name_span(text, found.start(1), found.end(1))
                if span:
                    yield span


def _tilde_names(text: str) -> Iterator[Span]:
    if b"~" not in _views.latin1(text):
        return
    for match in _TILDE_NAME.finditer(text):
        at = match.start()
        if not glued(text, at, "_~/.-"):
            span = _name_span(text, match.start(1), match.end(1))
            if span:
                yield span


RULES: tuple[Rule, ...] = (_HomePathRule(),)
