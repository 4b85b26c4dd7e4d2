"""The runtime collector: the interpreter running the tests, and venv detection."""

from __future__ import annotations

import platform
import sys

import pytest

from supportkit.collectors._base import CaptureContext
from supportkit.collectors.runtime import RuntimeCollector, virtual_env
from supportkit.models import RuntimeInfo


@pytest.fixture(name="runtime_info")
def _runtime_info(ctx: CaptureContext) -> RuntimeInfo:
    """What the collector reports about the interpreter running this test."""
    data = RuntimeCollector().collect(ctx).data
    assert isinstance(data, RuntimeInfo)
    return data


def test_reports_this_interpreter(runtime_info: RuntimeInfo) -> None:
    """Implementation, version, executable and prefix are the running interpreter's."""
    assert runtime_info.implementation == platform.python_implementation()
    assert runtime_info.version == platform.python_version()
    assert runtime_info.executable == sys.executable
    assert runtime_info.prefix == sys.prefix
    assert runtime_info.compiler == platform.python_compiler()


def test_build_reads_as_one_line(runtime_info: RuntimeInfo) -> None:
    """The build tuple becomes 'branch, date' with the C library's double spaces collapsed."""
    branch, date = platform.python_build()
    assert runtime_info.build == f"{branch}, {' '.join(date.split())}"


def test_reports_the_active_virtual_env(
    ctx: CaptureContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inside a venv the venv's prefix is reported; outside one (and outside conda), None."""
    monkeypatch.delenv("CONDA_PREFIX", raising=False)
    expected = sys.prefix if sys.prefix != sys.base_prefix else None
    assert RuntimeCollector().collect(ctx).data.virtual_env == expected


CONDA = "/opt/conda/envs/x"


@pytest.mark.parametrize(
    ("prefix", "base_prefix", "environ", "expected"),
    [
        ("/work/.venv", "/usr", {}, "/work/.venv"),
        ("/work/.venv", "/usr", {"CONDA_PREFIX": CONDA}, "/work/.venv"),
        (
            "/opt/conda/envs/x",
            "/opt/conda/envs/x",
            {"CONDA_PREFIX": "/opt/conda/envs/x"},
            "/opt/conda/envs/x",
        ),
        ("/usr", "/usr", {}, None),
        ("/usr", "/usr", {"CONDA_PREFIX": ""}, None),
    ],
    ids=["venv", "venv-inside-conda", "conda", "system-python", "empty-conda-variable"],
)
def test_virtual_env(
    prefix: str, base_prefix: str, environ: dict[str, str], expected: str | None
) -> None:
    """A venv is a prefix that differs from the base; otherwise an active conda env counts."""
    assert virtual_env(prefix, base_prefix, environ) == expected


def test_missing_executable_is_none(ctx: CaptureContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """An embedded interpreter with no executable path reports None, not an empty string."""
    monkeypatch.setattr(sys, "executable", "")
    assert RuntimeCollector().collect(ctx).data.executable is None
