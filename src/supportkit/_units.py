"""Sizes as people read and write them, in messages, markers, summaries and settings."""

from __future__ import annotations

import re

from supportkit.exceptions import InvalidArgumentError

_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?\s*", re.IGNORECASE)
_FACTORS = {
    "b": 1,
    "kb": 1000,
    "mb": 1000**2,
    "gb": 1000**3,
    "kib": 1024,
    "mib": 1024**2,
    "gib": 1024**3,
}


def human_size(size: int) -> str:
    """A byte count as people read it: ``512 B``, ``1.0 MiB``, ``2.0 GiB``.

    Rounds up into the next unit rather than print ``1024.0 KiB``.
    """
    if size < 1024:
        return f"{size} B"
    value = float(size)
    for unit in ("KiB", "MiB", "GiB"):
        value /= 1024
        if round(value, 1) < 1024:
            return f"{value:.1f} {unit}"
    return f"{value / 1024:.1f} TiB"


def parse_size(text: str) -> int:
    """``5242880``, ``5MiB``, ``5 MB`` as a byte count.

    KB, MB and GB are powers of 1000, KiB, MiB and GiB powers of 1024 (as IEC 80000-13 has
    it); settings written either way mean what they say. Raises
    :class:`~supportkit.exceptions.InvalidArgumentError` for anything else.
    """
    match = _SIZE.fullmatch(text)
    if match is None:
        msg = f"{text!r} is not a size; write bytes (5242880) or a number and a unit (5MiB, 10MB)"
        raise InvalidArgumentError(msg)
    number, unit = match.groups()
    return int(float(number) * _FACTORS[(unit or "b").lower()])
