"""Encoding by content: lossless for UI, lossy for photos, always within the byte budget."""

from __future__ import annotations

import random

import pytest
from PIL import Image, ImageDraw

from screenshot._scene import Scene, decode, frame_pixel, photo_like
from supportkit.screenshot import ScreenshotRequest, WindowGeometry, classify, encode, grab, process
from supportkit.screenshot._encode import encode_png_fast, fit_long_side, flat_fraction

WINDOW = WindowGeometry(100, 100, 640, 400)


def _ui_image(width: int = 640, height: int = 400) -> Image.Image:
    """Flat panels, lines and text: what an application window looks like."""
    image = Image.new("RGB", (width, height), (243, 243, 243))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 40), fill=(43, 87, 154))
    for row in range(12):
        top = 50 + row * 28
        draw.rectangle(
            (10, top, width - 10, top + 26), fill=(255, 255, 255), outline=(200, 200, 200)
        )
        draw.text(
            (20, top + 6), f"INV-{row:06d}  Customer {row}  1,234.{row:02d} EUR", fill=(0, 0, 0)
        )
    return image


@pytest.fixture(name="ui_window")
def _ui_window(scene: Scene) -> WindowGeometry:
    """A window showing the UI image."""
    scene.show(int(WINDOW.x), int(WINDOW.y), int(WINDOW.width), int(WINDOW.height))
    scene.image(0, 0, _ui_image())
    scene.settle()
    return WINDOW


@pytest.fixture(name="photo_window")
def _photo_window(scene: Scene) -> WindowGeometry:
    """A window showing a photo-like image."""
    scene.show(int(WINDOW.x), int(WINDOW.y), int(WINDOW.width), int(WINDOW.height))
    scene.image(0, 0, photo_like(int(WINDOW.width), int(WINDOW.height)))
    scene.settle()
    return WINDOW


@pytest.mark.display
def test_ui_screen_is_lossless_png(ui_window: WindowGeometry) -> None:
    """A UI window is written as PNG holding exactly the grabbed pixels."""
    frame = grab(ScreenshotRequest(target=ui_window))
    result = process(frame)
    assert (result.format, result.content, result.quality) == ("png", "ui", None)
    image = decode(result.data)
    for x, y in [(0, 0), (15, 55), (320, 20), (639, 399), (100, 60)]:
        assert image.getpixel((x, y)) == frame_pixel(frame, x, y)


@pytest.mark.display
def test_photo_screen_is_jpeg_within_budget(photo_window: WindowGeometry) -> None:
    """A photo-like window is written as JPEG, inside the byte budget, at full size."""
    result = process(grab(ScreenshotRequest(target=photo_window, byte_budget=150_000)))
    assert (result.format, result.content, result.media_type) == ("jpeg", "photo", "image/jpeg")
    assert result.within_budget
    assert len(result.data) <= 150_000
    assert (result.width, result.height) == (640, 400)
    assert decode(result.data).size == (640, 400)


@pytest.mark.display
def test_tiny_budget_shrinks_the_image_to_fit(photo_window: WindowGeometry) -> None:
    """When the lowest quality is still too large, the image is scaled down until it fits."""
    result = process(grab(ScreenshotRequest(target=photo_window, byte_budget=8_000)))
    assert len(result.data) <= 8_000
    assert result.within_budget
    assert result.width < 640
    assert result.width / result.height == pytest.approx(640 / 400, rel=0.03)


@pytest.mark.display
def test_ui_over_budget_falls_back_to_lossy(ui_window: WindowGeometry) -> None:
    """A UI screen whose PNG exceeds the budget is written lossy rather than over budget."""
    png_size = len(process(grab(ScreenshotRequest(target=ui_window))).data)
    result = process(grab(ScreenshotRequest(target=ui_window, byte_budget=png_size // 2)))
    assert result.format == "jpeg"
    assert len(result.data) <= png_size // 2


@pytest.mark.display
def test_result_describes_the_image(ui_window: WindowGeometry) -> None:
    """The capture record states format, size, dimensions and scale."""
    record = process(grab(ScreenshotRequest(target=ui_window))).describe()
    assert record["format"] == "png"
    assert record["media_type"] == "image/png"
    assert record["width"] == 640
    assert record["height"] == 400
    assert record["scale"] == 1.0
    assert record["bytes"] > 0
    assert record["target"] == "window"


@pytest.mark.display
@pytest.mark.parametrize(("max_long_side", "expected"), [(320, (320, 200)), (100, (100, 62))])
def test_downscale_keeps_aspect(
    ui_window: WindowGeometry, max_long_side: int, expected: tuple[int, int]
) -> None:
    """The longer side is brought to the maximum and the other follows."""
    request = ScreenshotRequest(target=ui_window, max_long_side=max_long_side)
    result = process(grab(request))
    assert (result.width, result.height) == expected
    assert decode(result.data).size == expected
    assert result.downscale == pytest.approx(expected[0] / 640)


@pytest.mark.parametrize(
    ("size", "limit", "expected"),
    [
        ((1920, 1080), 1920, (1920, 1080)),
        ((3840, 2160), 1920, (1920, 1080)),
        ((1080, 2400), 1200, (540, 1200)),
        ((5120, 1440), 1920, (1920, 540)),
    ],
)
def test_fit_long_side(size: tuple[int, int], limit: int, expected: tuple[int, int]) -> None:
    """Only images larger than the limit shrink, keeping their aspect ratio."""
    resized, factor = fit_long_side(Image.new("RGB", size), limit)
    assert resized.size == expected
    assert factor == pytest.approx(expected[0] / size[0])


@pytest.mark.parametrize("mode", ["RGB", "RGBA", "L"])
def test_fast_png_round_trips(mode: str) -> None:
    """The fast PNG writer is lossless for any image it is given."""
    pixels = random.Random(3).randbytes(97 * 61 * 3)
    image = Image.frombytes("RGB", (97, 61), pixels).convert(mode)
    decoded = decode(encode_png_fast(image))
    assert decoded.tobytes() == image.convert("RGB").tobytes()


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        (Image.new("RGB", (300, 200), (10, 20, 30)), "ui"),
        (_ui_image(), "ui"),
        (photo_like(640, 400), "photo"),
    ],
    ids=["flat", "ui", "photo"],
)
def test_classify(image: Image.Image, expected: str) -> None:
    """Flat screens are UI; noise-textured gradients are photos."""
    assert classify(image) == expected


def test_flat_fraction_separates_ui_from_photo() -> None:
    """UI screens are mostly runs of equal pixels; photos almost never repeat a pixel."""
    assert flat_fraction(_ui_image()) > 0.8
    assert flat_fraction(photo_like(640, 400)) < 0.1


def test_encode_honours_a_forced_content_kind() -> None:
    """A caller who knows the content can force the lossy path for a flat image."""
    encoded = encode(_ui_image(), byte_budget=500_000, time_budget=1.0, content="photo")
    assert encoded.format == "jpeg"
    assert not encoded.lossless
