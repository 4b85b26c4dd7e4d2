"""Screenshots that show the problem and nothing private.

Two steps, so the host's UI never waits on more than a frame:

1. :func:`grab` copies the screen on the caller's thread (a few milliseconds);
2. :func:`process` masks, OCR-redacts, downscales, highlights and encodes, anywhere else.

Example::

    from supportkit.screenshot import Mask, Rect, ScreenshotRequest, grab, tk_window_geometry

    request = ScreenshotRequest(
        target=tk_window_geometry(root),
        masks=[Mask(Rect(20, 140, 300, 28))],  # the password field, in window coordinates
    )
    frame = grab(request)                     # on the Tk thread: one frame's time
    future = executor.submit(process, frame)  # masking, OCR and encoding elsewhere

Importing this package loads neither mss nor Pillow; the first grab does.
"""

from __future__ import annotations

from supportkit.screenshot._encode import Encoded, classify, encode
from supportkit.screenshot._grab import RawFrame, display_problem, grab, release, warm_up
from supportkit.screenshot._ocr import OCR_UNAVAILABLE, OcrOutcome
from supportkit.screenshot._process import ScreenshotResult, default_rules, process
from supportkit.screenshot._request import (
    DEFAULT_BYTE_BUDGET,
    DEFAULT_MAX_LONG_SIDE,
    Highlight,
    Mask,
    Rect,
    ScreenshotRequest,
    Target,
    WindowGeometry,
)
from supportkit.screenshot._widgets import qt_window_geometry, tk_window_geometry, window_geometry

__all__ = [
    "DEFAULT_BYTE_BUDGET",
    "DEFAULT_MAX_LONG_SIDE",
    "OCR_UNAVAILABLE",
    "Encoded",
    "Highlight",
    "Mask",
    "OcrOutcome",
    "RawFrame",
    "Rect",
    "ScreenshotRequest",
    "ScreenshotResult",
    "Target",
    "WindowGeometry",
    "classify",
    "default_rules",
    "display_problem",
    "encode",
    "grab",
    "process",
    "qt_window_geometry",
    "release",
    "tk_window_geometry",
    "warm_up",
    "window_geometry",
]
