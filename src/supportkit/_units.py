"""Sizes as people read them, in messages, markers and summaries."""

from __future__ import annotations


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
