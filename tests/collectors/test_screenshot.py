"""The screenshot collector: skipped without a request or a display, else an image."""

from __future__ import annotations

import dataclasses
import io
import tkinter
from collections.abc import Iterator

import pytest
from PIL import Image

from screenshot._scene import Scene
from supportkit.collectors._base import CaptureContext
from supportkit.collectors._runner import run_collectors
from supportkit.collectors.screenshot import ScreenshotCollector
from supportkit.exceptions import CollectorUnavailable
from supportkit.screenshot import (
    Highlight,
    Mask,
    Rect,
    ScreenshotRequest,
    WindowGeometry,
    grab,
)

WINDOW = WindowGeometry(100, 80, 320, 200)


@pytest.fixture(name="window", scope="module")
def _window(x_display: str) -> Iterator[WindowGeometry]:
    """A white window with a red square at (20, 20), 40×40, on the collectors' display."""
    root = tkinter.Tk(screenName=x_display)
    root.withdraw()
    scene = Scene(root)
    canvas = scene.show(int(WINDOW.x), int(WINDOW.y), int(WINDOW.width), int(WINDOW.height))
    canvas.create_rectangle(20, 20, 60, 60, fill="#ff0000", width=0)
    scene.settle()
    yield WINDOW
    root.destroy()


def _with(ctx: CaptureContext, screenshot: object) -> CaptureContext:
    return dataclasses.replace(ctx, screenshot=screenshot)


def _decode(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGB")


def test_no_request_is_skipped(ctx: CaptureContext) -> None:
    """A capture that asked for no screenshot records the collector as skipped."""
    with pytest.raises(CollectorUnavailable, match="no screenshot requested"):
        ScreenshotCollector().collect(ctx)


def test_headless_request_is_skipped_with_the_reason(ctx: CaptureContext, headless: None) -> None:
    """A request on a machine without a display is skipped, saying there is no display."""
    with pytest.raises(CollectorUnavailable, match=r"^no display") as caught:
        ScreenshotCollector().collect(_with(ctx, ScreenshotRequest()))
    assert "DISPLAY" in caught.value.reason


def test_headless_capture_records_the_skip(ctx: CaptureContext, headless: None) -> None:
    """Run as part of a capture, the headless screenshot is 'skipped', not 'failed'."""
    [result] = run_collectors([ScreenshotCollector()], _with(ctx, ScreenshotRequest()))
    assert result.run.status == "skipped"
    assert result.run.reason is not None
    assert result.run.reason.startswith("no display")


@pytest.mark.display
def test_request_becomes_one_image_attachment(
    ctx: CaptureContext, on_x_display: str, window: WindowGeometry
) -> None:
    """A request is grabbed and encoded into one optional, binary screenshot attachment."""
    request = ScreenshotRequest(target=window, masks=[Mask(Rect(20, 20, 40, 40))])
    section = ScreenshotCollector().collect(_with(ctx, request))
    [attachment] = section.attachments
    assert (attachment.kind, attachment.name, attachment.media_type) == (
        "screenshot",
        "screenshot.png",
        "image/png",
    )
    assert attachment.text is False
    assert attachment.optional is True
    image = _decode(attachment.read())
    assert image.size == (320, 200)
    assert image.getpixel((40, 40)) == (0, 0, 0)  # the red square is masked
    assert image.getpixel((70, 40)) == (255, 255, 255)
    assert section.data["masks_applied"] == 1
    assert section.data["format"] == "png"
    assert section.data["width"] == 320
    assert section.data["ocr"]["status"] == "not requested"


@pytest.mark.display
def test_frame_grabbed_by_the_host_is_used_as_is(
    ctx: CaptureContext, on_x_display: str, window: WindowGeometry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A frame grabbed on the host's thread is processed without grabbing again."""
    frame = grab(ScreenshotRequest(target=window))
    monkeypatch.delenv("DISPLAY")  # a second grab would now be skipped as headless
    section = ScreenshotCollector().collect(_with(ctx, frame))
    image = _decode(section.attachments[0].read())
    assert image.getpixel((40, 40)) == (255, 0, 0)
    assert section.data["target"] == "window"


@pytest.mark.display
def test_kept_original_is_a_second_attachment(
    ctx: CaptureContext, on_x_display: str, window: WindowGeometry
) -> None:
    """With highlights and keep_original, the unmarked image is attached too."""
    request = ScreenshotRequest(
        target=window, highlights=[Highlight(Rect(20, 20, 40, 40))], keep_original=True
    )
    section = ScreenshotCollector().collect(_with(ctx, request))
    assert [a.name for a in section.attachments] == ["screenshot.png", "screenshot-original.png"]
    assert all(a.kind == "screenshot" for a in section.attachments)
    assert section.data["highlights_drawn"] == 1
    assert section.data["original_kept"] is True


def test_other_objects_are_a_failure(ctx: CaptureContext) -> None:
    """Anything but a request or a frame is the host's mistake, reported as such."""
    with pytest.raises(TypeError, match="ScreenshotRequest or a RawFrame"):
        ScreenshotCollector().collect(_with(ctx, "screen please"))
