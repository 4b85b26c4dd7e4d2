"""The public namespaces stay curated, and importing supportkit stays cheap."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import supportkit
import supportkit.collectors
import supportkit.exceptions
import supportkit.models
import supportkit.transports

HEAVY = ["pydantic", "psutil", "mss", "PIL", "platformdirs", "phonenumbers", "email_validator"]


@pytest.mark.parametrize(
    "module",
    [
        supportkit,
        supportkit.collectors,
        supportkit.exceptions,
        supportkit.models,
        supportkit.transports,
    ],
)
def test_all_resolves(module: object) -> None:
    """Every name in __all__ exists, once (ruff's RUF022 keeps the list sorted)."""
    names = module.__all__  # type: ignore[attr-defined]
    assert len(names) == len(set(names))
    for name in names:
        assert getattr(module, name) is not None


def test_every_error_derives_from_supportkit_error() -> None:
    """The error hierarchy has a single root."""
    for name in supportkit.exceptions.__all__:
        assert issubclass(getattr(supportkit.exceptions, name), supportkit.SupportkitError)


def test_import_loads_no_heavy_module() -> None:
    """`import supportkit` and recording a breadcrumb load none of the heavy dependencies."""
    code = (
        "import sys, json, supportkit; supportkit.breadcrumb('x');"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_version_comes_from_the_distribution() -> None:
    """__version__ is the installed distribution's version."""
    from importlib.metadata import version

    assert supportkit.__version__ == version("supportkit")
