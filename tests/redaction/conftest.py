"""Every redaction test runs on both anchor engines: Hyperscan and ``re`` alone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from supportkit.redaction import Redactor, _anchors, default_policy


@pytest.fixture(autouse=True, scope="module", params=["hyperscan", "re"])
def anchor_engine(request: pytest.FixtureRequest) -> Iterator[str]:
    """The engine the module's tests run on; Hyperscan must be there to be tested."""
    name = _anchors.use_engine(request.param)
    assert name == request.param, "hyperscan is not installed: pip install -e '.[test]'"
    yield name
    _anchors.use_engine("hyperscan")


@pytest.fixture(name="everything")
def _everything() -> Redactor:
    """The default policy, without this machine's own names (the tests name their own)."""
    return Redactor(default_policy(detect_machine=False))
