"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run, so a CI run is reproducible and a
# failure seen once is seen again; widen the search locally with --hypothesis-seed.
settings.register_profile("supportkit", derandomize=True, database=None)
settings.load_profile("supportkit")


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own supportkit folders, so none writes to the real user's, and
    none is steered by the configuration of the shell the suite runs in."""
    home = tmp_path_factory.mktemp("supportkit-home")
    monkeypatch.setenv("SUPPORTKIT_HOME", str(home))
    for variable in ("SUPPORTKIT_DESTINATION", "SUPPORTKIT_CONFIG", "SUPPORTKIT_BUDGET"):
        monkeypatch.delenv(variable, raising=False)
    return home


@pytest.fixture(name="supportkit_home")
def _supportkit_home(_isolated_home: Path) -> Path:
    """The folder SUPPORTKIT_HOME points at in this test."""
    return _isolated_home
