"""Fixtures for the collector tests: a capture context and a real X display."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from _xvfb import XvfbStartError, xvfb_display
from supportkit.collectors._base import CaptureContext


@pytest.fixture(name="ctx")
def _ctx() -> CaptureContext:
    """A capture context with the defaults a host gets."""
    return CaptureContext(app_name="collector-tests")


@pytest.fixture(name="x_display", scope="session")
def _x_display() -> Iterator[str]:
    """A 1280×800 Xvfb display for the whole session; its DISPLAY string, e.g. ":3"."""
    if not sys.platform.startswith("linux"):
        pytest.skip("Xvfb is an X server for Linux; other systems test their own display")
    try:
        with xvfb_display(1280, 800) as display:
            yield display
    except XvfbStartError as exc:  # on Linux a missing Xvfb is a broken setup, not a skip
        pytest.fail(f"{exc} (scripts/test.sh installs it)")


@pytest.fixture(name="on_x_display")
def _on_x_display(x_display: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """This test's environment points at the Xvfb display and nowhere else."""
    monkeypatch.setenv("DISPLAY", x_display)
    for variable in ("WAYLAND_DISPLAY", "GDK_SCALE", "QT_SCALE_FACTOR"):
        monkeypatch.delenv(variable, raising=False)
    return x_display


@pytest.fixture(name="headless")
def _headless(monkeypatch: pytest.MonkeyPatch) -> None:
    """This test runs as if in a session without any display server."""
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
