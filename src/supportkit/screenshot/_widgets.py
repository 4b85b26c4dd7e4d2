"""Reading a window's place on screen from the host's own toolkit, for "capture my window".

Neither Tkinter nor Qt is imported here: a widget brings its toolkit with it, and its
methods are all that is needed. Call these on the toolkit's thread, like any widget method.
"""

from __future__ import annotations

from typing import Any

from supportkit.exceptions import InvalidArgumentError
from supportkit.screenshot._request import WindowGeometry

__all__ = ["qt_window_geometry", "tk_window_geometry", "window_geometry"]

_QT_MODULES = ("PySide6", "PyQt6", "PySide2", "PyQt5")


def tk_window_geometry(widget: Any) -> WindowGeometry:
    """Where a Tkinter widget (a window, or any widget in one) shows on screen.

    Tk reports screen pixels on X11 and Windows and points on macOS: the coordinates the
    screen grab takes, so the scale is 1 and the grab measures any Retina factor itself.
    """
    if not hasattr(widget, "winfo_rootx"):
        msg = f"{type(widget).__name__} is not a Tkinter widget (no winfo_rootx)"
        raise InvalidArgumentError(msg)
    widget.update_idletasks()  # pending geometry changes would give last frame's place
    return WindowGeometry(
        x=int(widget.winfo_rootx()),
        y=int(widget.winfo_rooty()),
        width=max(1, int(widget.winfo_width())),
        height=max(1, int(widget.winfo_height())),
        scale=1.0,
    )


def qt_window_geometry(widget: Any) -> WindowGeometry:
    """Where a Qt widget (PySide6, PyQt6, PySide2, PyQt5) shows on screen.

    Qt reports device-independent pixels; the widget's device pixel ratio is the scale.
    """
    if not _is_qt(widget):
        msg = f"{type(widget).__name__} is not a Qt widget (PySide6, PyQt6, PySide2, PyQt5)"
        raise InvalidArgumentError(msg)
    origin = widget.mapToGlobal(widget.rect().topLeft())
    ratio = getattr(widget, "devicePixelRatioF", None) or widget.devicePixelRatio
    return WindowGeometry(
        x=int(origin.x()),
        y=int(origin.y()),
        width=max(1, int(widget.width())),
        height=max(1, int(widget.height())),
        scale=float(ratio()),
    )


def window_geometry(widget: Any) -> WindowGeometry:
    """A Tkinter or Qt widget's geometry, whichever toolkit it belongs to."""
    if _is_qt(widget):
        return qt_window_geometry(widget)
    if hasattr(widget, "winfo_rootx"):
        return tk_window_geometry(widget)
    msg = (
        f"cannot read the geometry of a {type(widget).__module__}.{type(widget).__name__}; "
        f"pass a WindowGeometry(x, y, width, height, scale) instead"
    )
    raise InvalidArgumentError(msg)


def _is_qt(widget: Any) -> bool:
    return any(
        klass.__module__.split(".")[0] in _QT_MODULES
        for klass in type(widget).__mro__
        if hasattr(widget, "mapToGlobal")
    )
