"""Fixtures for the screenshot tests: one Xvfb screen and Tk windows with known content."""

from __future__ import annotations

import sys
import tkinter
from collections.abc import Iterator

import pytest

from _xvfb import XvfbStartError, xvfb_display
from screenshot._scene import SCREEN_SIZE, Scene


@pytest.fixture(name="screen_display", scope="session")
def _screen_display() -> Iterator[str]:
    """A 1280×800 Xvfb display shared by the screenshot tests; its DISPLAY string."""
    if not sys.platform.startswith("linux"):
        pytest.skip("Xvfb is an X server for Linux; other systems test their own display")
    try:
        with xvfb_display(*SCREEN_SIZE) as display:
            yield display
    except XvfbStartError as exc:  # on Linux a missing Xvfb is a broken setup, not a skip
        pytest.fail(f"{exc} (scripts/test.sh installs it)")


@pytest.fixture(name="tk_root", scope="session")
def _tk_root(screen_display: str) -> Iterator[tkinter.Tk]:
    """A hidden Tk root on the test screen; scenes open their windows from it."""
    root = tkinter.Tk(screenName=screen_display)
    root.withdraw()
    yield root
    root.destroy()


@pytest.fixture(name="on_screen")
def _on_screen(screen_display: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """This test's environment points at the test screen and nowhere else."""
    monkeypatch.setenv("DISPLAY", screen_display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    return screen_display


@pytest.fixture(name="scene")
def _scene(tk_root: tkinter.Tk, on_screen: str) -> Iterator[Scene]:
    """A window on the test screen, hidden again after the test."""
    scene = Scene(tk_root)
    yield scene
    scene.window.destroy()
    tk_root.update()


@pytest.fixture(name="headless")
def _headless(monkeypatch: pytest.MonkeyPatch) -> None:
    """This test runs as if in a session without any display server."""
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
