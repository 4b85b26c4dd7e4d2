"""The retry policy: full jitter under an exponential bound, and the server's wait as a floor."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supportkit import InvalidArgumentError
from supportkit.outbox import RetryPolicy


@given(
    attempts=st.integers(min_value=1, max_value=200),
    draw=st.floats(min_value=0.0, max_value=0.999999),
)
def test_delay_is_a_jittered_fraction_of_the_capped_bound(attempts: int, draw: float) -> None:
    """Full jitter: the delay is the draw times min(cap, base·2^(attempts−1))."""
    policy = RetryPolicy(base=2.0, cap=600.0, random=lambda: draw)
    bound = min(600.0, 2.0 * 2 ** (attempts - 1))
    assert policy.delay(attempts) == pytest.approx(draw * bound)


@given(
    attempts=st.integers(min_value=1, max_value=30),
    draw=st.floats(min_value=0.0, max_value=0.999999),
    retry_after=st.floats(min_value=0.0, max_value=1e6),
)
def test_never_sooner_than_the_server_asked(attempts: int, draw: float, retry_after: float) -> None:
    """Retry-After is a floor, even past the cap."""
    policy = RetryPolicy(base=1.0, cap=60.0, random=lambda: draw)
    assert policy.delay(attempts, retry_after) >= retry_after


def test_jitter_spreads_retries() -> None:
    """Without an injected draw, delays differ between entries that failed together."""
    policy = RetryPolicy(base=10.0, cap=100.0)
    assert len({policy.delay(3) for _ in range(20)}) > 1


@pytest.mark.parametrize(("attempts", "gives_up"), [(1, False), (4, False), (5, True), (9, True)])
def test_gives_up_at_max_attempts(attempts: int, gives_up: bool) -> None:
    """The attempt that reaches max_attempts is the last."""
    assert RetryPolicy(max_attempts=5).gives_up(attempts) is gives_up


@pytest.mark.parametrize(
    "arguments", [{"base": 0.0}, {"base": 10.0, "cap": 5.0}, {"max_attempts": 0}]
)
def test_nonsense_settings_are_refused(arguments: dict[str, float]) -> None:
    """A policy that could never retry, or retry instantly forever, is refused up front."""
    with pytest.raises(InvalidArgumentError):
        RetryPolicy(**arguments)  # type: ignore[arg-type]
