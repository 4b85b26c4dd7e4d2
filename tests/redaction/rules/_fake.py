"""Fake credentials for the rule tests: random, shaped like real ones, never issued."""

from __future__ import annotations

import random
import string

_RNG = random.Random(20240501)
UPPER_DIGITS = string.ascii_uppercase + string.digits
ALNUM = string.ascii_letters + string.digits
LOWER_DIGITS = string.ascii_lowercase + string.digits
HEX = "0123456789abcdef"


def fake(length: int, alphabet: str = ALNUM) -> str:
    """A random value that looks like a real key but was never issued (letters and digits)."""
    value = "".join(_RNG.choice(alphabet) for _ in range(length - 2))
    letters = [c for c in alphabet if c.isalpha()] or ["4"]
    return value + _RNG.choice(letters) + _RNG.choice("0123456789")
