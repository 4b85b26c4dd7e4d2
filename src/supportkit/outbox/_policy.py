"""When to try a failed delivery again, and when to stop trying."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from supportkit.exceptions import InvalidArgumentError


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with full jitter, bounded in delay and in attempts.

    Full jitter (a uniform draw between 0 and the exponential bound) spreads the retries of
    many machines that failed together, so a recovering server is not hit by them at once.
    A destination's ``Retry-After`` is a floor: supportkit never retries sooner than asked.
    """

    base: float = 2.0
    """Seconds: the bound for the first retry; it doubles with each attempt."""
    cap: float = 3600.0
    """Seconds: the largest backoff bound, however many attempts failed."""
    max_attempts: int = 10
    """Attempts (the first included) before an entry is dead-lettered."""
    random: Callable[[], float] = field(default=random.random, repr=False, compare=False)
    """A uniform draw in [0, 1); tests pass a fixed one."""

    def __post_init__(self) -> None:
        if self.base <= 0 or self.cap < self.base:
            msg = f"RetryPolicy needs 0 < base <= cap; got base={self.base}, cap={self.cap}"
            raise InvalidArgumentError(msg)
        if self.max_attempts < 1:
            msg = f"RetryPolicy.max_attempts must be at least 1, not {self.max_attempts}"
            raise InvalidArgumentError(msg)

    def delay(self, attempts: int, retry_after: float | None = None) -> float:
        """Seconds to wait after ``attempts`` failed attempts before the next one."""
        bound = min(self.cap, self.base * 2.0 ** min(max(attempts - 1, 0), 62))
        backoff = self.random() * bound
        if retry_after is not None and retry_after > backoff:
            return float(retry_after)
        return backoff

    def gives_up(self, attempts: int) -> bool:
        """Whether ``attempts`` failed attempts are enough to dead-letter the entry."""
        return attempts >= self.max_attempts
