"""Sizes print the way markers, notes and summaries show them."""

from __future__ import annotations

import pytest

from supportkit._units import human_size

KIB, MIB, GIB = 1024, 1024**2, 1024**3


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 B"),
        (1023, "1023 B"),
        (1024, "1.0 KiB"),
        (1536, "1.5 KiB"),
        (MIB - 6, "1.0 MiB"),
        (int(12.3 * MIB), "12.3 MiB"),
        (2 * GIB, "2.0 GiB"),
        (3 * 1024 * GIB, "3.0 TiB"),
    ],
)
def test_human_size(size: int, text: str) -> None:
    """Sizes read like people say them, rounding up into the next unit."""
    assert human_size(size) == text
