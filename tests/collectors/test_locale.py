"""The locale collector and the time zone lookup the reporter shares with it."""

from __future__ import annotations

import locale
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from supportkit import _timezone
from supportkit._timezone import (
    format_utc_offset,
    local_timezone,
    zone_name_from_path,
    zone_name_from_tz,
)
from supportkit.collectors._base import CaptureContext
from supportkit.collectors.locale import LocaleCollector, language_of
from supportkit.models import LocaleInfo

needs_tzset = pytest.mark.skipif(not hasattr(time, "tzset"), reason="time.tzset is POSIX-only")
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="Windows keeps no zone files")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("de_DE.UTF-8", "de"),
        ("pt-BR", "pt"),
        ("en_US", "en"),
        ("sr_RS@latin", "sr"),
        ("fil_PH.UTF-8", "fil"),
        ("ja", "ja"),
        ("C", None),
        ("POSIX", None),
        ("C.UTF-8", None),
        ("English_United States.1252", None),
        ("", None),
        (None, None),
    ],
)
def test_language_of(name: str | None, expected: str | None) -> None:
    """The language is the locale's leading ISO 639 code; neutral locales have none."""
    assert language_of(name) == expected


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (timedelta(0), "+00:00"),
        (timedelta(hours=7), "+07:00"),
        (timedelta(hours=5, minutes=45), "+05:45"),
        (-timedelta(hours=3, minutes=30), "-03:30"),
        (-timedelta(minutes=30), "-00:30"),
        (timedelta(hours=14), "+14:00"),
    ],
)
def test_format_utc_offset(offset: timedelta, expected: str) -> None:
    """Offsets are written ±HH:MM, with the sign kept for offsets under an hour."""
    assert format_utc_offset(offset) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        (":Europe/Berlin", "Europe/Berlin"),
        ("America/Argentina/Salta", "America/Argentina/Salta"),
        ("UTC", "UTC"),
        ("Etc/GMT+5", "Etc/GMT+5"),
        ("/usr/share/zoneinfo/Asia/Tokyo", "Asia/Tokyo"),
        (":/usr/share/zoneinfo/posix/Asia/Tokyo", "Asia/Tokyo"),
        ("CET-1CEST,M3.5.0,M10.5.0/3", None),
        ("UTC0", None),
        ("/etc/some/file", None),
        ("", None),
    ],
)
def test_zone_name_from_tz(value: str, expected: str | None) -> None:
    """TZ names a zone directly or by zoneinfo path; a POSIX rule names none."""
    assert zone_name_from_tz(value) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/usr/share/zoneinfo/Europe/Berlin", "Europe/Berlin"),
        ("../usr/share/zoneinfo/Etc/UTC", "Etc/UTC"),
        ("/var/db/timezone/zoneinfo/America/New_York", "America/New_York"),
        ("/usr/share/zoneinfo/right/Europe/Paris", "Europe/Paris"),
        ("/etc/localtime.orig", None),
    ],
    ids=["systemd", "relative", "macos", "right-variant", "not-zoneinfo"],
)
def test_zone_name_from_path(path: str, expected: str | None) -> None:
    """The zone is the part of a link target below 'zoneinfo/'."""
    assert zone_name_from_path(path) == expected


@pytest.fixture(name="set_tz")
def _set_tz() -> Iterator[Callable[[str | None], None]]:
    """Switch the process's TZ (and the C library with it); restored after the test."""
    saved = os.environ.get("TZ")

    def set_tz(value: str | None) -> None:
        if value is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = value
        time.tzset()

    yield set_tz
    set_tz(saved)


@pytest.fixture(name="zone_files")
def _zone_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Point the lookup at an /etc/timezone and /etc/localtime under tmp_path."""
    timezone_file, localtime = tmp_path / "timezone", tmp_path / "localtime"
    monkeypatch.setattr(_timezone, "_TIMEZONE_FILE", timezone_file)
    monkeypatch.setattr(_timezone, "_LOCALTIME_LINK", localtime)
    return timezone_file, localtime


@needs_tzset
def test_tz_gives_name_and_offset(set_tz: Callable[[str | None], None]) -> None:
    """A TZ zone is reported by name with that zone's offset."""
    set_tz("Asia/Kathmandu")
    assert local_timezone() == ("Asia/Kathmandu", "+05:45")


@needs_tzset
def test_tz_rule_gives_abbreviation_not_system_zone(
    set_tz: Callable[[str | None], None], zone_files: tuple[Path, Path]
) -> None:
    """A POSIX rule in TZ overrides the system zone, so its abbreviation is reported."""
    zone_files[0].write_text("Europe/Berlin\n", encoding="utf-8")
    set_tz("XYZ-3")
    assert local_timezone() == ("XYZ", "+03:00")


@posix_only
@needs_tzset
def test_etc_timezone_names_the_zone(
    set_tz: Callable[[str | None], None], zone_files: tuple[Path, Path]
) -> None:
    """Without TZ, Debian's /etc/timezone names the zone."""
    set_tz(None)
    zone_files[0].write_text("America/Sao_Paulo\n", encoding="utf-8")
    assert local_timezone()[0] == "America/Sao_Paulo"


@posix_only
@needs_tzset
def test_localtime_link_names_the_zone(
    set_tz: Callable[[str | None], None], zone_files: tuple[Path, Path]
) -> None:
    """Without TZ or /etc/timezone, the /etc/localtime symlink's target names the zone."""
    set_tz(None)
    zone_files[1].symlink_to("/usr/share/zoneinfo/Pacific/Auckland")
    assert local_timezone()[0] == "Pacific/Auckland"


@posix_only
@needs_tzset
def test_no_zone_configured_falls_back_to_abbreviation(
    set_tz: Callable[[str | None], None], zone_files: tuple[Path, Path]
) -> None:
    """With no zone configured anywhere, the C library's abbreviation is reported."""
    set_tz(None)
    zone_files[1].write_bytes(b"TZif copied, not linked")
    assert local_timezone()[0] == (time.tzname[time.localtime().tm_isdst > 0] or None)


@pytest.fixture(name="c_locale")
def _c_locale() -> Iterator[None]:
    """The process's LC_CTYPE is the neutral C locale for this test."""
    saved = locale.setlocale(locale.LC_CTYPE, None)
    locale.setlocale(locale.LC_CTYPE, "C")
    yield
    locale.setlocale(locale.LC_CTYPE, saved)


def test_reports_this_process_locale(ctx: CaptureContext) -> None:
    """Encoding and offset are the process's; the locale is its LC_CTYPE or environment."""
    info = LocaleCollector().collect(ctx).data
    assert isinstance(info, LocaleInfo)
    assert info.encoding == locale.getpreferredencoding(False)
    assert info.utc_offset is not None
    assert re.fullmatch(r"[+-]\d\d:\d\d", info.utc_offset)
    assert (info.timezone, info.utc_offset) == local_timezone()
    assert info.language == language_of(info.locale)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows asks the OS for its locale name")
@pytest.mark.usefixtures("c_locale")
def test_c_locale_falls_back_to_the_environment(
    ctx: CaptureContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process left in the C locale reports the locale the user asked for in LANG."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_CTYPE", raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    info = LocaleCollector().collect(ctx).data
    assert (info.locale, info.language) == ("de_DE.UTF-8", "de")


@pytest.mark.skipif(sys.platform == "win32", reason="Windows asks the OS for its locale name")
@pytest.mark.usefixtures("c_locale")
def test_lc_all_wins_over_lang(ctx: CaptureContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """LC_ALL overrides LANG, as it does for the C library."""
    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert LocaleCollector().collect(ctx).data.language == "fr"


@pytest.mark.skipif(sys.platform == "win32", reason="Windows asks the OS for its locale name")
@pytest.mark.usefixtures("c_locale")
def test_no_locale_anywhere_is_reported_as_c(
    ctx: CaptureContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With nothing configured, the neutral locale is reported and no language is guessed."""
    for variable in ("LC_ALL", "LC_CTYPE", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    info = LocaleCollector().collect(ctx).data
    assert (info.locale, info.language) == ("C", None)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows asks the OS for its locale name")
def test_locale_query_error_falls_back_to_the_environment(
    ctx: CaptureContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the C library refuses the query, the environment still says the locale."""

    def refuse(category: int, value: str | None = None) -> str:
        raise locale.Error("unsupported locale setting")

    monkeypatch.setattr(locale, "setlocale", refuse)
    monkeypatch.setenv("LC_ALL", "ja_JP.UTF-8")
    assert LocaleCollector().collect(ctx).data.locale == "ja_JP.UTF-8"
