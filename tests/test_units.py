"""Sizes print the way markers, notes and summaries show them."""

from __future__ import annotations

import pytest

from supportkit._units import human_size, parse_size
from supportkit.exceptions import InvalidArgumentError

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


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("5242880", 5 * MIB),
        ("5MiB", 5 * MIB),
        ("5 MB", 5_000_000),
        ("10mb", 10_000_000),
        ("1.5KiB", 1536),
        ("512 B", 512),
        ("2GiB", 2 * GIB),
        (" 7 kb ", 7000),
    ],
)
def test_parse_size(text: str, size: int) -> None:
    """Decimal units are powers of 1000, binary ones of 1024, a bare number is bytes."""
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "lots", "5 M", "MiB", "-5MB", "5 MiB extra", "1e6"])
def test_parse_size_refuses_what_is_not_a_size(text: str) -> None:
    """Anything else is an error that shows how to write a size."""
    with pytest.raises(InvalidArgumentError, match="5MiB"):
        parse_size(text)
