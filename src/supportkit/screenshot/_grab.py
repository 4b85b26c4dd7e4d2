"""The grab: the only screenshot step that runs on the host's thread, so it does nothing else.

It copies the screen's pixels as mss hands them over (BGRA) and records where they came from;
masking, OCR and encoding happen later, off that thread, in :func:`~supportkit.screenshot.process`.

The X connection is kept open per thread, so a host that grabs from its UI thread pays the
connection's set-up (tens of milliseconds) once, not on every report; :func:`warm_up` pays it
at start-up instead.
"""

from __future__ import annotations

import math
import os
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from supportkit.exceptions import CollectorUnavailable, InvalidArgumentError
from supportkit.screenshot._request import Coordinates, Rect, ScreenshotRequest

__all__ = ["Box", "RawFrame", "display_problem", "grab", "release", "warm_up"]

Box = tuple[int, int, int, int]
"""Pixel box in the image: left, top, right, bottom (right and bottom exclusive)."""

# mss takes regions in the coordinates the OS reports windows in: physical pixels on X11
# and Windows (mss makes the process DPI-aware), points on macOS, where it returns the
# Retina-sized image and the scale is measured from it.
_MSS_TAKES_LOGICAL = sys.platform == "darwin"
_connections = threading.local()


@dataclass(frozen=True, eq=False)
class RawFrame:
    """Pixels straight from the screen, and what is needed to place masks on them.

    ``data`` is ``width × height`` BGRA pixels, rows without padding. ``left``/``top`` are
    the logical screen coordinates of pixel (0, 0); ``window_left``/``window_top`` the origin
    of ``"window"`` coordinates; ``scale`` is image pixels per logical pixel.
    """

    data: bytes | bytearray
    width: int
    height: int
    left: float
    top: float
    scale: float
    window_left: float
    window_top: float
    request: ScreenshotRequest
    grab_ms: float = 0.0
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.width <= 0 or self.height <= 0:
            msg = f"a frame needs a positive size, got {self.width}×{self.height}"
            raise InvalidArgumentError(msg)
        if len(self.data) != self.width * self.height * 4:
            msg = (
                f"a {self.width}×{self.height} BGRA frame takes {self.width * self.height * 4} "
                f"bytes, got {len(self.data)}"
            )
            raise InvalidArgumentError(msg)

    def pixel_box(self, rect: Rect, coordinates: Coordinates) -> Box | None:
        """Where ``rect`` lands in this frame, rounded outwards and clipped; None if outside.

        Rounding outwards means a mask on a fractional scale covers every pixel it touches.
        """
        offset_x, offset_y = (
            (self.window_left, self.window_top) if coordinates == "window" else (0.0, 0.0)
        )
        scale = self.scale
        left = math.floor((rect.x + offset_x - self.left) * scale + 1e-9)
        top = math.floor((rect.y + offset_y - self.top) * scale + 1e-9)
        right = math.ceil((rect.x + rect.width + offset_x - self.left) * scale - 1e-9)
        bottom = math.ceil((rect.y + rect.height + offset_y - self.top) * scale - 1e-9)
        left, top = max(left, 0), max(top, 0)
        right, bottom = min(right, self.width), min(bottom, self.height)
        if right <= left or bottom <= top:
            return None
        return left, top, right, bottom


def grab(request: ScreenshotRequest | None = None, *, keep_open: bool = True) -> RawFrame:
    """Copy the requested part of the screen; fast enough for a UI thread (one frame).

    ``keep_open=False`` closes the connection afterwards: for threads that grab once.

    Raises:
        CollectorUnavailable: there is no screen to capture ("no display: …"), or the
            requested region lies outside every monitor ("nothing to capture: …").
        InvalidArgumentError: the requested monitor does not exist.
    """
    request = request or ScreenshotRequest()
    problem = display_problem(sys.platform, os.environ)
    if problem is not None:
        raise CollectorUnavailable(problem)
    import mss  # noqa: PLC0415  (loaded on the first screenshot, not on import)

    started = time.perf_counter()
    screens = _connection(mss, keep_open=keep_open)
    try:
        region = _region(screens.monitors, request)
        shot = screens.grab(region)
    except mss.ScreenShotError as exc:
        _forget(screens)
        msg = f"no display: the screen could not be read: {exc}"
        raise CollectorUnavailable(msg) from exc
    finally:
        if not keep_open:
            _forget(screens)
    return _frame(shot, region, request, time.perf_counter() - started)


def warm_up() -> None:
    """Open this thread's screen connection now, so the first grab is as fast as the rest.

    Does nothing where there is no display.
    """
    if display_problem(sys.platform, os.environ) is not None:
        return
    import mss  # noqa: PLC0415

    try:
        _connection(mss, keep_open=True)
    except CollectorUnavailable:
        return


def release() -> None:
    """Close the screen connection this thread keeps for grabs."""
    screens = getattr(_connections, "screens", None)
    if screens is not None:
        _forget(screens)


def display_problem(platform: str, environ: Mapping[str, str]) -> str | None:
    """Why no screen can be captured in this session, or None when one can be tried."""
    if platform in ("win32", "darwin", "cygwin") or environ.get("DISPLAY"):
        return None
    if environ.get("WAYLAND_DISPLAY"):
        return (
            "no display: this Wayland session has no X server (DISPLAY is unset) and "
            "supportkit captures through X11; start the host under XWayland, or attach a "
            "screenshot to the report by hand"
        )
    return (
        "no display: neither DISPLAY nor WAYLAND_DISPLAY is set, so this is a headless "
        "session; run the host inside a desktop session to capture screenshots"
    )


def _connection(mss: Any, *, keep_open: bool) -> Any:
    display = os.environ.get("DISPLAY", "")
    cached = getattr(_connections, "screens", None)
    if cached is not None and _connections.display == display:
        return cached
    if cached is not None:
        _forget(cached)
    # mss 10.2 deprecates the mss() factory in favour of the MSS class it returns.
    open_screens = getattr(mss, "MSS", None) or mss.mss
    try:
        screens = open_screens()
    except (mss.ScreenShotError, OSError) as exc:
        msg = f"no display: cannot open the display {display!r}: {exc}"
        raise CollectorUnavailable(msg) from exc
    if keep_open:
        _connections.screens, _connections.display = screens, display
    return screens


def _forget(screens: Any) -> None:
    if getattr(_connections, "screens", None) is screens:
        _connections.screens = None
    screens.close()


def _region(monitors: Sequence[Mapping[str, int]], request: ScreenshotRequest) -> dict[str, int]:
    """The mss region for the request's target."""
    target = request.target
    if isinstance(target, Rect):
        return _rect_region(target, request.effective_scale, monitors[0])
    if target == "all":
        return _plain(monitors[0])
    if target == "primary":
        return _plain(monitors[_primary_index(monitors)])
    if target >= len(monitors):
        msg = (
            f"monitor {target} does not exist: this screen has {len(monitors) - 1} "
            f"monitor(s), numbered from 1"
        )
        raise InvalidArgumentError(msg)
    return _plain(monitors[target])


def _rect_region(rect: Rect, scale: float, bounds: Mapping[str, int]) -> dict[str, int]:
    factor = 1.0 if _MSS_TAKES_LOGICAL else scale
    left = max(math.floor(rect.x * factor + 1e-9), bounds["left"])
    top = max(math.floor(rect.y * factor + 1e-9), bounds["top"])
    right = min(math.ceil((rect.x + rect.width) * factor - 1e-9), bounds["left"] + bounds["width"])
    bottom = min(
        math.ceil((rect.y + rect.height) * factor - 1e-9), bounds["top"] + bounds["height"]
    )
    if right <= left or bottom <= top:
        msg = (
            f"nothing to capture: the region at ({rect.x}, {rect.y}) sized "
            f"{rect.width}×{rect.height} lies outside every monitor (is the window minimised?)"
        )
        raise CollectorUnavailable(msg)
    return {"left": left, "top": top, "width": right - left, "height": bottom - top}


def _plain(monitor: Mapping[str, int]) -> dict[str, int]:
    return {key: int(monitor[key]) for key in ("left", "top", "width", "height")}


def _primary_index(monitors: Sequence[Mapping[str, int]]) -> int:
    """mss index of the primary monitor: as marked, else the one at (0, 0), else the first."""
    physical = list(enumerate(monitors))[1:]
    for index, monitor in physical:
        if monitor.get("is_primary"):
            return index
    for index, monitor in physical:
        if monitor["left"] == 0 and monitor["top"] == 0:
            return index
    return 1


def _frame(
    shot: Any, region: Mapping[str, int], request: ScreenshotRequest, took: float
) -> RawFrame:
    width, height = int(shot.width), int(shot.height)
    if _MSS_TAKES_LOGICAL:
        scale = width / region["width"]
        left, top = float(region["left"]), float(region["top"])
    else:
        scale = request.effective_scale
        left, top = region["left"] / scale, region["top"] / scale
    target = request.target
    window_left, window_top = (target.x, target.y) if isinstance(target, Rect) else (left, top)
    return RawFrame(
        data=shot.raw,
        width=width,
        height=height,
        left=left,
        top=top,
        scale=scale,
        window_left=window_left,
        window_top=window_top,
        request=request,
        grab_ms=took * 1000,
        notes=_session_notes(os.environ),
    )


def _session_notes(environ: Mapping[str, str]) -> tuple[str, ...]:
    if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return ("captured through XWayland: windows of native Wayland programs may show as black",)
    return ()
