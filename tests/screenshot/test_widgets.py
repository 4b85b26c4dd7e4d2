"""Reading a Tk window's geometry and capturing exactly that window."""

from __future__ import annotations

import tkinter

import pytest

from screenshot._scene import Scene, frame_pixel
from supportkit.exceptions import InvalidArgumentError
from supportkit.screenshot import (
    ScreenshotRequest,
    WindowGeometry,
    grab,
    qt_window_geometry,
    tk_window_geometry,
    window_geometry,
)

pytestmark = pytest.mark.display


@pytest.fixture(name="window")
def _window(scene: Scene) -> Scene:
    """A 300×200 window at (410, 230): grey, with an orange panel at (50, 40), 120×80."""
    canvas = scene.show(410, 230, 300, 200, background="#808080")
    canvas.create_rectangle(50, 40, 170, 120, fill="#ff8000", width=0)
    scene.settle()
    return scene


def test_tk_window_geometry_reads_the_window(window: Scene) -> None:
    """A Tk window reports where it is on screen and its size, at scale 1."""
    assert tk_window_geometry(window.window) == WindowGeometry(410, 230, 300, 200, scale=1.0)


def test_tk_widget_geometry_is_the_widgets_own(window: Scene) -> None:
    """A widget inside the window reports its own place on screen."""
    panel = tkinter.Frame(window.window, width=80, height=30, background="#0000ff")
    window.canvas.create_window(100, 150, window=panel, anchor="nw")
    window.settle()
    assert tk_window_geometry(panel) == WindowGeometry(510, 380, 80, 30)


def test_capturing_the_tk_window_captures_its_pixels(window: Scene) -> None:
    """Grabbing the geometry Tk reports yields the window's content and nothing else."""
    frame = grab(ScreenshotRequest(target=tk_window_geometry(window.window)))
    assert (frame.width, frame.height) == (300, 200)
    assert frame_pixel(frame, 0, 0) == (128, 128, 128)
    assert frame_pixel(frame, 50, 40) == (255, 128, 0)
    assert frame_pixel(frame, 169, 119) == (255, 128, 0)
    assert frame_pixel(frame, 170, 120) == (128, 128, 128)
    assert frame_pixel(frame, 299, 199) == (128, 128, 128)


def test_window_geometry_recognises_tk(window: Scene) -> None:
    """The toolkit-agnostic helper reads a Tk widget."""
    assert window_geometry(window.canvas) == tk_window_geometry(window.canvas)


@pytest.mark.parametrize("reader", [window_geometry, qt_window_geometry, tk_window_geometry])
def test_other_objects_are_refused(reader: object) -> None:
    """Something that is not a widget is an argument error that names the way out."""
    with pytest.raises(InvalidArgumentError):
        reader(object())  # type: ignore[operator]


def test_tk_widget_is_not_taken_for_qt(window: Scene) -> None:
    """The Qt reader refuses a Tk widget instead of guessing."""
    with pytest.raises(InvalidArgumentError, match="not a Qt widget"):
        qt_window_geometry(window.window)
