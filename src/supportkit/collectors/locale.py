"""Language, text encoding and time zone: the usual suspects behind garbled text and wrong times."""

from __future__ import annotations

import locale
import os
import re
import sys
from collections.abc import Mapping

from supportkit._timezone import local_timezone
from supportkit.collectors._base import CaptureContext, Section
from supportkit.models import LocaleInfo

__all__ = ["LocaleCollector", "language_of"]

# The C library's names for "no locale configured": they say nothing about the user.
_NEUTRAL_LOCALES = frozenset({"", "C", "POSIX", "C.UTF-8", "C.utf8"})
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}")


class LocaleCollector:
    """Reports the locale, its language, the preferred encoding and the time zone."""

    name = "locale"

    def collect(self, ctx: CaptureContext) -> Section:
        """Read the process's locale settings; none of them needs a privilege."""
        name = _current_locale(os.environ)
        zone, offset = local_timezone()
        info = LocaleInfo(
            locale=name,
            language=language_of(name),
            encoding=locale.getpreferredencoding(False) or None,
            timezone=zone,
            utc_offset=offset,
        )
        return Section(data=info)


def language_of(locale_name: str | None) -> str | None:
    """``"de_DE.UTF-8"`` → ``"de"``; ``"pt-BR"`` → ``"pt"``; None for "C" and unknown shapes."""
    if not locale_name or locale_name in _NEUTRAL_LOCALES:
        return None
    base = re.split(r"[._@\-]", locale_name, maxsplit=1)[0]
    return base.lower() if _LANGUAGE.fullmatch(base) else None


def _current_locale(environ: Mapping[str, str]) -> str | None:
    """The locale text comes out in; the environment only when the process has none set."""
    if sys.platform == "win32":
        windows_name = _windows_user_locale()
        if windows_name:
            return windows_name
    try:
        active = locale.setlocale(locale.LC_CTYPE, None)
    except locale.Error:
        active = ""
    if active not in _NEUTRAL_LOCALES:
        return active
    for variable in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = environ.get(variable)
        if value:
            return value
    return active or None


def _windows_user_locale() -> str | None:
    """Windows's own locale name ("de-DE"); the C runtime's is "German_Germany.1252"."""
    if sys.platform != "win32":
        return None
    import ctypes  # noqa: PLC0415  (Windows only)

    buffer = ctypes.create_unicode_buffer(85)  # LOCALE_NAME_MAX_LENGTH
    if ctypes.windll.kernel32.GetUserDefaultLocaleName(buffer, len(buffer)) == 0:
        return None
    return buffer.value or None
