"""Plugins: the built-in table matches the declared entry points; loading errors are clear."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomllib

from supportkit import Collector, PluginLoadError
from supportkit._plugins import BUILTINS, load

PYPROJECT = Path(__file__).parents[1] / "pyproject.toml"


@pytest.mark.parametrize("group", ["collectors", "transports"])
def test_builtins_match_the_entry_points_in_pyproject(group: str) -> None:
    """The in-code table and pyproject's entry-point group name the same objects."""
    declared = tomllib.loads(PYPROJECT.read_text())["project"]["entry-points"][
        f"supportkit.{group}"
    ]
    assert declared == BUILTINS[group]  # type: ignore[index]


@pytest.mark.parametrize("name", sorted(BUILTINS["collectors"]))
def test_every_builtin_collector_loads_and_fits_the_protocol(name: str) -> None:
    """Each built-in collector imports, and its name matches its registration."""
    factory = load("collectors", name)
    assert isinstance(factory, type)
    collector = factory()
    assert isinstance(collector, Collector)
    assert collector.name == name


def test_unknown_plugin_lists_the_known_ones() -> None:
    """Asking for an unknown name says which names exist."""
    with pytest.raises(PluginLoadError, match=r"no collector named 'nope'; known: .*system"):
        load("collectors", "nope")


def test_broken_plugin_says_it_cannot_be_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A registration pointing at a missing module raises PluginLoadError with the target."""
    from supportkit import _plugins

    monkeypatch.setitem(_plugins.available("collectors"), "ghost", "no_such_module:Ghost")
    with pytest.raises(PluginLoadError, match=r"'ghost' \(no_such_module:Ghost\) cannot be loaded"):
        load("collectors", "ghost")
