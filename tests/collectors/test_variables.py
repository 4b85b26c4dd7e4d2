"""The variables collector: allow-listed environment variables and nothing else."""

from __future__ import annotations

import dataclasses
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supportkit.collectors._base import CaptureContext
from supportkit.collectors.variables import VariablesCollector, allowed_variables


@pytest.fixture(name="environment")
def _environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process environment holding secrets next to harmless, allow-listed variables."""
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_secret")
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("TZ", raising=False)


@pytest.mark.usefixtures("environment")
def test_reports_allow_listed_variables(ctx: CaptureContext) -> None:
    """Allow-listed variables that are set are reported with their values."""
    data = VariablesCollector().collect(ctx).data
    assert data["LANG"] == "de_DE.UTF-8"
    assert data["TERM"] == "xterm-256color"


@pytest.mark.usefixtures("environment")
def test_never_reports_a_variable_off_the_allowlist(ctx: CaptureContext) -> None:
    """Secrets in the environment never reach the report."""
    data = VariablesCollector().collect(ctx).data
    assert "AWS_SECRET_ACCESS_KEY" not in data
    assert "GITHUB_TOKEN" not in data
    assert set(data) <= ctx.env_allowlist
    assert not any("secret" in value or "EXAMPLEKEY" in value for value in data.values())


@pytest.mark.usefixtures("environment")
def test_unset_allow_listed_variables_are_left_out(ctx: CaptureContext) -> None:
    """An allow-listed name that is not set does not appear as an empty value."""
    assert "TZ" not in VariablesCollector().collect(ctx).data


@pytest.mark.usefixtures("environment")
def test_the_hosts_allowlist_replaces_the_default(ctx: CaptureContext) -> None:
    """A host that narrows the allowlist gets only the names it listed."""
    narrowed = dataclasses.replace(ctx, env_allowlist=frozenset({"TERM", "NOT_SET_ANYWHERE"}))
    assert VariablesCollector().collect(narrowed).data == {"TERM": "xterm-256color"}


@pytest.mark.usefixtures("environment")
def test_variables_are_sorted_by_name(ctx: CaptureContext) -> None:
    """The section lists variables in name order, so reports diff cleanly."""
    data = VariablesCollector().collect(ctx).data
    assert list(data) == sorted(data)
    assert len(data) >= 2


def test_reads_the_live_environment(ctx: CaptureContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """A variable set after import is seen at capture time."""
    monkeypatch.setenv("CI", "true-at-capture")
    assert VariablesCollector().collect(ctx).data["CI"] == os.environ["CI"]


_NAMES = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ_", min_size=1, max_size=6)


@given(environ=st.dictionaries(_NAMES, st.text(max_size=8)), allowlist=st.frozensets(_NAMES))
def test_output_is_exactly_the_allow_listed_part(
    environ: dict[str, str], allowlist: frozenset[str]
) -> None:
    """Whatever the environment holds, only allow-listed names come out, with their values."""
    result = allowed_variables(environ, allowlist)
    assert result == {name: environ[name] for name in environ if name in allowlist}
    assert list(result) == sorted(result)
