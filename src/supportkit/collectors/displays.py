"""The monitors the host can see: layout and scaling bugs depend on them.

Monitors are enumerated with mss, the library screenshots are taken with, so a display
index here names the same monitor as mss's ``monitors[index]``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from typing import Any

from supportkit.collectors._base import CaptureContext, Section
from supportkit.exceptions import CollectorUnavailable
from supportkit.models import Display, Displays

__all__ = ["DisplaysCollector", "display_server", "scale_from_env", "scale_from_xresources"]

_BASE_DPI = 96.0
_XRDB_TIMEOUT = 1.0
_XFT_DPI = re.compile(r"^Xft\.dpi:\s*([0-9.]+)\s*$", re.MULTILINE)


class DisplaysCollector:
    """Reports each monitor's size, position and scale, and the display server."""

    name = "displays"

    def collect(self, ctx: CaptureContext) -> Section:
        """Enumerate monitors; a headless machine is skipped, not failed."""
        server = display_server(sys.platform, os.environ)
        monitors = _physical_monitors(server)
        notes: list[str] = []
        scales = _scales(server, monitors, notes)
        primary = _primary_index(monitors)
        displays = tuple(
            Display(
                index=number,
                width=int(monitor["width"]),
                height=int(monitor["height"]),
                left=int(monitor["left"]),
                top=int(monitor["top"]),
                scale=scale,
                primary=number == primary,
            )
            for number, (monitor, scale) in enumerate(zip(monitors, scales, strict=True), start=1)
        )
        data = Displays(server=server, count=len(displays), displays=displays)
        return Section(data=data, notes=notes)


def display_server(platform: str, environ: Mapping[str, str]) -> str:
    """Which display server this process talks to (``sys.platform`` and the environment).

    Raises:
        CollectorUnavailable: on a Unix session with neither ``DISPLAY`` nor ``WAYLAND_DISPLAY``.
    """
    if platform == "win32":
        return "windows"
    if platform == "darwin":
        return "macos"
    if environ.get("DISPLAY"):
        return "x11"
    if environ.get("WAYLAND_DISPLAY"):
        return "wayland"
    msg = (
        "no display: neither DISPLAY nor WAYLAND_DISPLAY is set, so this is a headless "
        "session; run the host inside a desktop session to record monitors"
    )
    raise CollectorUnavailable(msg)


def scale_from_xresources(text: str) -> float | None:
    """The scale ``Xft.dpi`` in ``xrdb -query`` output implies (144 dpi → 1.5)."""
    match = _XFT_DPI.search(text)
    if not match:
        return None
    try:
        dpi = float(match.group(1))
    except ValueError:
        return None
    return round(dpi / _BASE_DPI, 3) if dpi > 0 else None


def scale_from_env(environ: Mapping[str, str]) -> float | None:
    """The scale toolkits were told to use: ``GDK_SCALE`` (integer) or ``QT_SCALE_FACTOR``."""
    for variable in ("GDK_SCALE", "QT_SCALE_FACTOR"):
        try:
            scale = float(environ.get(variable, ""))
        except ValueError:
            continue
        if scale > 0:
            return scale
    return None


def _physical_monitors(server: str) -> list[dict[str, Any]]:
    """mss's monitors without entry 0, which is the bounding box of all of them."""
    import mss  # noqa: PLC0415  (loaded on first capture, not on import)

    # mss 10.2 deprecates the mss() factory in favour of the MSS class it returns.
    open_screens = getattr(mss, "MSS", None) or mss.mss
    try:
        with open_screens() as screens:
            monitors = [dict(monitor) for monitor in screens.monitors[1:]]
    except mss.ScreenShotError as exc:
        msg = f"no display: cannot open the {server} display: {exc}"
        raise CollectorUnavailable(msg) from exc
    if not monitors:
        msg = f"no display: the {server} display reports no monitors"
        raise CollectorUnavailable(msg)
    return monitors


def _primary_index(monitors: list[dict[str, Any]]) -> int:
    """1-based index of the primary monitor: as marked, else the one at (0, 0), else the first."""
    for number, monitor in enumerate(monitors, start=1):
        if monitor.get("is_primary"):
            return number
    for number, monitor in enumerate(monitors, start=1):
        if monitor["left"] == 0 and monitor["top"] == 0:
            return number
    return 1


def _scales(server: str, monitors: list[dict[str, Any]], notes: list[str]) -> list[float | None]:
    """Each monitor's scale: per monitor on Windows, one session-wide value elsewhere."""
    try:
        if server == "windows":
            return [_windows_scale(int(m["left"]), int(m["top"])) for m in monitors]
        shared = _session_scale(server)
    except (OSError, subprocess.SubprocessError) as exc:
        notes.append(f"scale unavailable: {type(exc).__name__}: {exc}")
        shared = None
    return [shared] * len(monitors)


def _session_scale(server: str) -> float | None:
    if server == "x11":
        return _xrdb_scale() or scale_from_env(os.environ)
    if server == "wayland":
        return scale_from_env(os.environ)
    return None  # macOS reports it only through AppKit, which is not worth loading here


def _xrdb_scale() -> float | None:
    xrdb = shutil.which("xrdb")
    if xrdb is None:
        return None
    result = subprocess.run(
        [xrdb, "-query"], capture_output=True, text=True, timeout=_XRDB_TIMEOUT, check=False
    )
    return scale_from_xresources(result.stdout) if result.returncode == 0 else None


def _windows_scale(left: int, top: int) -> float | None:
    """The monitor's effective DPI over 96; the system DPI where per-monitor DPI is missing."""
    if sys.platform != "win32":
        return None
    import ctypes  # noqa: PLC0415  (Windows only)
    from ctypes import wintypes  # noqa: PLC0415

    user32 = ctypes.windll.user32
    user32.MonitorFromPoint.argtypes = [wintypes.POINT, wintypes.DWORD]
    user32.MonitorFromPoint.restype = wintypes.HMONITOR
    monitor = user32.MonitorFromPoint(wintypes.POINT(left + 1, top + 1), 2)  # ..._NEAREST
    dpi_x, dpi_y = wintypes.UINT(), wintypes.UINT()
    try:  # Windows 8.1 and later
        result = ctypes.windll.shcore.GetDpiForMonitor(
            monitor, 0, ctypes.byref(dpi_x), ctypes.byref(dpi_y)
        )
        if result == 0 and dpi_x.value:
            return round(dpi_x.value / _BASE_DPI, 3)
    except (OSError, AttributeError):
        pass
    device = user32.GetDC(None)
    try:
        dpi = ctypes.windll.gdi32.GetDeviceCaps(device, 88)  # LOGPIXELSX
    finally:
        user32.ReleaseDC(None, device)
    return round(dpi / _BASE_DPI, 3) if dpi > 0 else None
