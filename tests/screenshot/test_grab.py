"""The grab on a real Xvfb screen: the right pixels, HiDPI regions, and no display at all."""

from __future__ import annotations

import pytest

from screenshot._scene import SCREEN_SIZE, Scene, frame_pixel
from supportkit.exceptions import CollectorUnavailable, InvalidArgumentError
from supportkit.screenshot import (
    RawFrame,
    Rect,
    ScreenshotRequest,
    WindowGeometry,
    display_problem,
    grab,
    release,
)

pytestmark = pytest.mark.display

RED, GREEN, BLUE, YELLOW = (255, 0, 0), (0, 160, 0), (0, 0, 255), (255, 220, 0)


@pytest.fixture(name="quadrants")
def _quadrants(scene: Scene) -> WindowGeometry:
    """A 200×150 window at (100, 120): red, green, blue and yellow quarters."""
    canvas = scene.show(100, 120, 200, 150)
    for (left, top), color in zip(
        [(0, 0), (100, 0), (0, 75), (100, 75)], [RED, GREEN, BLUE, YELLOW], strict=True
    ):
        canvas.create_rectangle(
            left, top, left + 100, top + 75, fill="#{:02x}{:02x}{:02x}".format(*color), width=0
        )
    scene.settle()
    return WindowGeometry(100, 120, 200, 150)


def _assert_quadrants(frame: RawFrame) -> None:
    width, height = frame.width, frame.height
    assert frame_pixel(frame, 0, 0) == RED
    assert frame_pixel(frame, width - 1, 0) == GREEN
    assert frame_pixel(frame, 0, height - 1) == BLUE
    assert frame_pixel(frame, width - 1, height - 1) == YELLOW
    assert frame_pixel(frame, width // 2 - 1, height // 2 - 1) == RED
    assert frame_pixel(frame, width // 2, height // 2) == YELLOW


def test_window_grab_covers_exactly_the_window(quadrants: WindowGeometry) -> None:
    """A window target yields its own pixels, corner to corner, and nothing around them."""
    frame = grab(ScreenshotRequest(target=quadrants))
    assert (frame.width, frame.height) == (200, 150)
    assert (frame.left, frame.top) == (100, 120)
    _assert_quadrants(frame)


def test_logical_region_lands_on_physical_pixels(quadrants: WindowGeometry) -> None:
    """At scale 2, a region in logical pixels is grabbed from twice its coordinates."""
    frame = grab(ScreenshotRequest(target=WindowGeometry(50, 60, 100, 75, scale=2.0)))
    assert (frame.width, frame.height) == (200, 150)
    assert frame.scale == 2.0
    assert (frame.left, frame.top) == (50, 60)
    _assert_quadrants(frame)


def test_request_scale_overrides_the_window_scale(quadrants: WindowGeometry) -> None:
    """A scale given in the request applies to a plain rectangle too."""
    frame = grab(ScreenshotRequest(target=Rect(40, 48, 80, 60), scale=2.5))
    assert (frame.width, frame.height) == (200, 150)
    _assert_quadrants(frame)


@pytest.mark.parametrize("target", ["primary", "all", 1])
def test_monitor_targets_cover_the_screen(quadrants: WindowGeometry, target: str | int) -> None:
    """The primary monitor, all monitors and monitor 1 are the whole (single) screen."""
    frame = grab(ScreenshotRequest(target=target))
    assert (frame.width, frame.height) == SCREEN_SIZE
    assert frame_pixel(frame, 100, 120) == RED
    assert frame_pixel(frame, 299, 269) == YELLOW


def test_missing_monitor_is_an_argument_error(on_screen: str) -> None:
    """Asking for a monitor the screen lacks says how many there are."""
    with pytest.raises(InvalidArgumentError, match="has 1 monitor"):
        grab(ScreenshotRequest(target=2))


def test_region_past_the_edge_is_clipped(quadrants: WindowGeometry) -> None:
    """A region hanging off the screen is cut at the edge; window coordinates keep their origin."""
    frame = grab(ScreenshotRequest(target=Rect(1200, 700, 200, 200)))
    assert (frame.width, frame.height) == (80, 100)
    assert (frame.window_left, frame.window_top) == (1200, 700)


def test_region_off_screen_is_unavailable(on_screen: str) -> None:
    """A window entirely off screen (minimised) is skipped with the reason."""
    with pytest.raises(CollectorUnavailable, match="nothing to capture"):
        grab(ScreenshotRequest(target=Rect(5000, 5000, 100, 100)))


def test_grab_keeps_bgra_bytes_without_copying(quadrants: WindowGeometry) -> None:
    """The frame holds mss's own buffer: four bytes a pixel, no padding."""
    frame = grab(ScreenshotRequest(target=quadrants))
    assert isinstance(frame.data, bytearray)
    assert len(frame.data) == 200 * 150 * 4


def test_grab_works_again_after_release(quadrants: WindowGeometry) -> None:
    """Closing the thread's connection only costs the next grab a reconnect."""
    grab(ScreenshotRequest(target=quadrants))
    release()
    _assert_quadrants(grab(ScreenshotRequest(target=quadrants), keep_open=False))


def test_headless_session_is_unavailable_with_the_reason(headless: None) -> None:
    """Without DISPLAY or WAYLAND_DISPLAY the grab says there is no display, and why."""
    with pytest.raises(CollectorUnavailable, match=r"^no display") as caught:
        grab()
    assert "DISPLAY" in caught.value.reason


def test_unreachable_display_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    """A DISPLAY nobody serves is 'no display', not a crash."""
    monkeypatch.setenv("DISPLAY", ":65000")
    with pytest.raises(CollectorUnavailable, match=r"^no display: cannot open"):
        grab()


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("win32", {}, None),
        ("darwin", {}, None),
        ("linux", {"DISPLAY": ":0"}, None),
        ("linux", {"WAYLAND_DISPLAY": "wayland-0"}, "Wayland"),
        ("linux", {}, "headless"),
        ("freebsd14", {"DISPLAY": ""}, "headless"),
    ],
)
def test_display_problem(platform: str, environ: dict[str, str], expected: str | None) -> None:
    """Only a Unix session without an X display has a problem, and it is named."""
    problem = display_problem(platform, environ)
    if expected is None:
        assert problem is None
    else:
        assert problem is not None
        assert problem.startswith("no display")
        assert expected in problem


def _frame(scale: float, left: float = 100, top: float = 50) -> RawFrame:
    return RawFrame(
        data=bytes(40 * 30 * 4),
        width=40,
        height=30,
        left=left,
        top=top,
        scale=scale,
        window_left=left - 10,
        window_top=top - 5,
        request=ScreenshotRequest(),
    )


@pytest.mark.parametrize(
    ("scale", "rect", "coordinates", "expected"),
    [
        (1.0, Rect(12, 6, 5, 4), "window", (2, 1, 7, 5)),
        (1.0, Rect(102, 51, 5, 4), "screen", (2, 1, 7, 5)),
        (2.0, Rect(101, 51, 3, 2), "screen", (2, 2, 8, 6)),
        (1.5, Rect(101, 51, 3, 3), "screen", (1, 1, 6, 6)),
        (1.0, Rect(95, 45, 10, 10), "screen", (0, 0, 5, 5)),
        (1.0, Rect(300, 300, 5, 5), "screen", None),
    ],
)
def test_pixel_box(
    scale: float, rect: Rect, coordinates: str, expected: tuple[int, int, int, int] | None
) -> None:
    """Logical rectangles map to image pixels: scaled, rounded outwards, clipped."""
    assert _frame(scale).pixel_box(rect, coordinates) == expected  # type: ignore[arg-type]


def test_frame_with_wrong_byte_count_is_refused() -> None:
    """A frame whose bytes do not match its size cannot be built."""
    with pytest.raises(InvalidArgumentError, match="BGRA"):
        RawFrame(bytes(10), 2, 2, 0, 0, 1.0, 0, 0, ScreenshotRequest())


@pytest.mark.parametrize(
    "arguments",
    [
        {"target": 0},
        {"target": "left"},
        {"target": True},
        {"scale": 0},
        {"max_long_side": 0},
        {"byte_budget": -1},
        {"masks": ["not a mask"]},
    ],
)
def test_invalid_request_is_refused(arguments: dict[str, object]) -> None:
    """A request supportkit cannot carry out is refused when it is made."""
    with pytest.raises(InvalidArgumentError):
        ScreenshotRequest(**arguments)  # type: ignore[arg-type]
