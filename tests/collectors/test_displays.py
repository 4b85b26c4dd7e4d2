"""The displays collector, against a real Xvfb X server and a headless session."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from supportkit.collectors._base import CaptureContext
from supportkit.collectors.displays import (
    DisplaysCollector,
    display_server,
    scale_from_env,
    scale_from_xresources,
)
from supportkit.exceptions import CollectorUnavailable
from supportkit.models import Displays

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="X11 and headless sessions are Linux's"
)


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("win32", {}, "windows"),
        ("darwin", {}, "macos"),
        ("linux", {"DISPLAY": ":0"}, "x11"),
        ("linux", {"WAYLAND_DISPLAY": "wayland-0"}, "wayland"),
        ("linux", {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "x11"),
        ("freebsd14", {"DISPLAY": ":1"}, "x11"),
    ],
)
def test_display_server(platform: str, environ: dict[str, str], expected: str) -> None:
    """The server is named from the platform, then from DISPLAY / WAYLAND_DISPLAY."""
    assert display_server(platform, environ) == expected


@pytest.mark.parametrize("environ", [{}, {"DISPLAY": "", "WAYLAND_DISPLAY": ""}])
def test_display_server_without_display_is_unavailable(environ: dict[str, str]) -> None:
    """A Unix session with no display variables is headless, and says how to fix it."""
    with pytest.raises(CollectorUnavailable, match="no display") as caught:
        display_server("linux", environ)
    assert "DISPLAY" in caught.value.reason
    assert "WAYLAND_DISPLAY" in caught.value.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Xft.dpi:\t144\n", 1.5),
        ("Xft.antialias:\t1\nXft.dpi:\t96\nXft.hinting:\t1\n", 1.0),
        ("Xft.dpi: 120", 1.25),
        ("Xft.dpi:\t0\n", None),
        ("Xft.antialias:\t1\n", None),
        ("", None),
    ],
)
def test_scale_from_xresources(text: str, expected: float | None) -> None:
    """Xft.dpi is read as a multiple of 96 dpi."""
    assert scale_from_xresources(text) == expected


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"GDK_SCALE": "2"}, 2.0),
        ({"QT_SCALE_FACTOR": "1.25"}, 1.25),
        ({"GDK_SCALE": "2", "QT_SCALE_FACTOR": "1.5"}, 2.0),
        ({"GDK_SCALE": "big", "QT_SCALE_FACTOR": "1.5"}, 1.5),
        ({"GDK_SCALE": "0"}, None),
        ({}, None),
    ],
)
def test_scale_from_env(environ: dict[str, str], expected: float | None) -> None:
    """Toolkit scale variables are used when the X server says nothing."""
    assert scale_from_env(environ) == expected


def _collect(ctx: CaptureContext) -> Displays:
    data = DisplaysCollector().collect(ctx).data
    assert isinstance(data, Displays)
    return data


@pytest.mark.display
@pytest.mark.usefixtures("on_x_display")
def test_enumerates_the_xvfb_screen(ctx: CaptureContext) -> None:
    """On a 1280×800 Xvfb display one primary 1280×800 monitor at (0, 0) is reported."""
    displays = _collect(ctx)
    assert displays.server == "x11"
    assert displays.count == 1
    (monitor,) = displays.displays
    assert (monitor.width, monitor.height, monitor.left, monitor.top) == (1280, 800, 0, 0)
    assert monitor.primary
    assert monitor.index == 1


@pytest.mark.display
@pytest.mark.usefixtures("on_x_display")
def test_no_scale_when_nothing_sets_one(ctx: CaptureContext) -> None:
    """An X server without Xft.dpi and no toolkit variables gives an unknown scale."""
    assert _collect(ctx).displays[0].scale is None


@pytest.fixture(name="xft_dpi_144")
def _xft_dpi_144(on_x_display: str) -> Iterator[None]:
    """The Xvfb server's resource database says Xft.dpi: 144 for this test."""
    xrdb = shutil.which("xrdb")
    if xrdb is None:
        pytest.fail("xrdb is not installed: apt-get install x11-xserver-utils")
    env = {"DISPLAY": on_x_display, "PATH": "/usr/bin:/bin"}
    subprocess.run(
        [xrdb, "-nocpp", "-merge"], input="Xft.dpi: 144\n", text=True, env=env, check=True
    )
    yield
    subprocess.run([xrdb, "-remove"], env=env, check=True)


@pytest.mark.display
@pytest.mark.usefixtures("xft_dpi_144")
def test_scale_comes_from_xft_dpi(ctx: CaptureContext) -> None:
    """Xft.dpi set through xrdb on the real server becomes the monitor's scale."""
    assert _collect(ctx).displays[0].scale == 1.5


@pytest.mark.display
@pytest.mark.usefixtures("on_x_display")
def test_scale_falls_back_to_gdk_scale(
    ctx: CaptureContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without Xft.dpi, GDK_SCALE gives the scale."""
    monkeypatch.setenv("GDK_SCALE", "2")
    assert _collect(ctx).displays[0].scale == 2.0


@linux_only
@pytest.mark.usefixtures("headless")
def test_headless_session_is_skipped_with_a_reason(ctx: CaptureContext) -> None:
    """With neither DISPLAY nor WAYLAND_DISPLAY the collector is unavailable, not failed."""
    with pytest.raises(CollectorUnavailable, match=r"^no display: neither DISPLAY nor WAYLAND"):
        DisplaysCollector().collect(ctx)


@linux_only
def test_unreachable_x_server_is_skipped_with_a_reason(
    ctx: CaptureContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A DISPLAY naming a server that is not running is unavailable, naming the server kind."""
    unused = next(n for n in range(900, 1000) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    monkeypatch.setenv("DISPLAY", f":{unused}")
    with pytest.raises(CollectorUnavailable, match=r"^no display: cannot open the x11 display"):
        DisplaysCollector().collect(ctx)
