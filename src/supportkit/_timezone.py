"""The reporter's time zone: an IANA name where the system says one, and the UTC offset.

Support engineers schedule call-backs and read log timestamps by it, so a real zone name
("Europe/Berlin") beats an abbreviation ("CET"). Standard library only: the reporter uses
this for every report, and ``import supportkit`` must stay cheap.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path

__all__ = ["format_utc_offset", "local_timezone", "zone_name_from_path", "zone_name_from_tz"]

_TIMEZONE_FILE = Path("/etc/timezone")
_LOCALTIME_LINK = Path("/etc/localtime")

# A zone key as the tz database spells it: "UTC", "Europe/Berlin", "America/Argentina/Salta".
_ZONE_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*")
# A POSIX rule such as "CET-1CEST,M3.5.0,M10.5.0/3" or "UTC0" names no zone.
_POSIX_RULE = re.compile(r"[A-Za-z]{3,}[+\-]?\d")


def local_timezone() -> tuple[str | None, str]:
    """The local time zone's name (IANA where known) and its current offset, e.g. "+07:00"."""
    now = datetime.now(timezone.utc).astimezone()
    offset = format_utc_offset(now.utcoffset() or timedelta(0))
    return _zone_name(os.environ, _TIMEZONE_FILE, _LOCALTIME_LINK), offset


def format_utc_offset(offset: timedelta) -> str:
    """``timedelta(hours=-3, minutes=-30)`` → ``"-03:30"`` (seconds are dropped)."""
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def zone_name_from_tz(value: str) -> str | None:
    """The zone a ``TZ`` value names, or None for a POSIX rule that names none."""
    value = value.strip().removeprefix(":")
    if value.startswith("/"):
        return zone_name_from_path(value)
    if "," in value or _POSIX_RULE.match(value) or not _ZONE_KEY.fullmatch(value):
        return None
    return value


def zone_name_from_path(path: str) -> str | None:
    """``/usr/share/zoneinfo/posix/Europe/Berlin`` → ``Europe/Berlin``; None outside zoneinfo."""
    _, marker, key = path.replace("\\", "/").rpartition("zoneinfo/")
    if not marker:
        return None
    for variant in ("posix/", "right/"):
        key = key.removeprefix(variant)
    return key if _ZONE_KEY.fullmatch(key) else None


def _zone_name(environ: Mapping[str, str], timezone_file: Path, localtime: Path) -> str | None:
    """Ask the places a zone is configured in, most specific first."""
    tz = environ.get("TZ")
    if tz:
        # TZ overrides the system zone, so a rule it sets must not be reported as the system's.
        return zone_name_from_tz(tz) or _abbreviation()
    if sys.platform != "win32":
        name = _name_from_timezone_file(timezone_file) or _name_from_localtime(localtime)
        if name:
            return name
    return _abbreviation()


def _name_from_timezone_file(path: Path) -> str | None:
    """Debian and Ubuntu keep the zone name in ``/etc/timezone``."""
    try:
        first_line = path.read_text(encoding="utf-8").strip().splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    if not first_line:
        return None
    name = first_line[0].strip()
    return name if _ZONE_KEY.fullmatch(name) else None


def _name_from_localtime(link: Path) -> str | None:
    """systemd and macOS make ``/etc/localtime`` a symlink into the zoneinfo tree."""
    try:
        target = os.readlink(link)
    except (OSError, ValueError):
        return None
    return zone_name_from_path(target)


def _abbreviation() -> str | None:
    """The C library's name for the zone ("CET", "UTC"; a Windows zone name on Windows)."""
    name = time.tzname[time.localtime().tm_isdst > 0]
    return name or None
