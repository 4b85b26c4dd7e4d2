"""The canary self-test catches a policy that lets secrets through, before sealing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from supportkit import Reporter
from supportkit.redaction import default_policy
from supportkit.redaction._selftest import RedactionSelfTestError, run_self_test


def test_default_policy_passes() -> None:
    """Every canary kind is removed by the default policy."""
    result = run_self_test(default_policy(), seed=7)
    assert result.passed, result.survived
    assert len(result.planted) > 20


def test_allow_listing_a_secret_kind_fails_the_self_test() -> None:
    """An allow-list that lets AWS keys through is caught, and the kind is named."""
    result = run_self_test(default_policy(allow=(re.compile(r"AKIA[0-9A-Z]{16}"),)), seed=7)
    assert not result.passed


def test_capture_with_self_test_refuses_to_seal(tmp_path: Path) -> None:
    """A capture with self_test=True raises and writes nothing when canaries survive."""
    weak = default_policy(categories=frozenset({"personal"}))
    reporter = Reporter("app", "1", collectors=[], redaction=weak, self_test=True)
    with pytest.raises(RedactionSelfTestError, match="survived"):
        reporter.capture("x", output=tmp_path / "b.zip")
    assert list(tmp_path.iterdir()) == []


def test_capture_with_self_test_records_it(tmp_path: Path) -> None:
    """A passing self-test is recorded in the manifest."""
    bundle = Reporter("app", "1", collectors=[], self_test=True).capture(
        "x", output=tmp_path / "b.zip"
    )
    assert bundle.manifest.redaction is not None
    assert bundle.manifest.redaction.self_test == "passed"
