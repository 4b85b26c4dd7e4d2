"""Highlights on a real screen: drawn around the region, on a copy, after downscaling."""

from __future__ import annotations

import pytest
from PIL import Image

from screenshot._scene import Scene, decode
from supportkit.screenshot import Highlight, Rect, ScreenshotRequest, WindowGeometry, grab, process
from supportkit.screenshot._highlight import line_width

pytestmark = pytest.mark.display

WINDOW = WindowGeometry(150, 150, 600, 400)
BUTTON = Rect(250, 200, 120, 40)
WHITE, BUTTON_COLOUR, MARK = (255, 255, 255), (40, 160, 90), (230, 20, 60)


@pytest.fixture(name="button_window")
def _button_window(scene: Scene) -> WindowGeometry:
    """A white window with a green 'button' at (250, 200), 120×40."""
    canvas = scene.show(int(WINDOW.x), int(WINDOW.y), int(WINDOW.width), int(WINDOW.height))
    canvas.create_rectangle(250, 200, 370, 240, fill="#28a05a", width=0)
    scene.settle()
    return WINDOW


def _count(image: Image.Image, box: tuple[int, int, int, int], colour: tuple[int, int, int]) -> int:
    colours = image.crop(box).getcolors(maxcolors=1_000_000) or []
    return sum(count for count, found in colours if found == colour)


def test_box_is_drawn_around_the_region(button_window: WindowGeometry) -> None:
    """The outline sits just outside the button; the button itself is untouched."""
    request = ScreenshotRequest(target=button_window, highlights=[Highlight(BUTTON)])
    result = process(grab(request))
    assert result.highlights_drawn == 1
    image = decode(result.data)
    width = line_width(1.0)
    for x, y in [
        (250 - width, 220),
        (370 + width - 1, 220),
        (300, 200 - width),
        (300, 239 + width),
    ]:
        assert image.getpixel((x, y)) == MARK, (x, y)
    assert image.crop((250, 200, 370, 240)).getcolors() == [(120 * 40, BUTTON_COLOUR)]
    assert image.getpixel((250 - width - 1, 220)) == WHITE


def test_label_is_drawn_beside_the_box(button_window: WindowGeometry) -> None:
    """A labelled box carries a tag in the highlight's colour above it."""
    labelled = Highlight(BUTTON, label="this button does nothing")
    image = decode(
        process(grab(ScreenshotRequest(target=button_window, highlights=[labelled]))).data
    )
    above = (240, 150, 500, 200 - line_width(1.0))
    assert _count(image, above, MARK) > 200
    assert _count(image, above, WHITE) > 0  # the label's letters


def test_arrow_points_at_the_region_without_covering_it(button_window: WindowGeometry) -> None:
    """An arrow is drawn towards the region and stops outside it."""
    arrow = Highlight(BUTTON, shape="arrow", label="here")
    image = decode(process(grab(ScreenshotRequest(target=button_window, highlights=[arrow]))).data)
    assert _count(image, (0, 0, 600, 400), MARK) > 100
    assert image.crop((250, 200, 370, 240)).getcolors() == [(120 * 40, BUTTON_COLOUR)]


@pytest.mark.parametrize("coordinates", ["window", "screen"])
def test_highlight_coordinates(button_window: WindowGeometry, coordinates: str) -> None:
    """Highlights take window or screen coordinates, like masks."""
    offset = (WINDOW.x, WINDOW.y) if coordinates == "screen" else (0, 0)
    rect = Rect(BUTTON.x + offset[0], BUTTON.y + offset[1], BUTTON.width, BUTTON.height)
    highlight = Highlight(rect, coordinates=coordinates)  # type: ignore[arg-type]
    image = decode(
        process(grab(ScreenshotRequest(target=button_window, highlights=[highlight]))).data
    )
    assert image.getpixel((250 - line_width(1.0), 220)) == MARK


def test_original_is_kept_only_when_asked(button_window: WindowGeometry) -> None:
    """keep_original adds the unmarked image; without it only the marked copy exists."""
    highlights = [Highlight(BUTTON)]
    plain = process(grab(ScreenshotRequest(target=button_window, highlights=highlights)))
    assert plain.original is None
    kept = process(
        grab(ScreenshotRequest(target=button_window, highlights=highlights, keep_original=True))
    )
    assert kept.original is not None
    assert kept.original_media_type == "image/png"
    original = decode(kept.original)
    assert _count(original, (0, 0, 600, 400), MARK) == 0
    assert _count(decode(kept.data), (0, 0, 600, 400), MARK) > 0


def test_highlights_follow_downscaling(button_window: WindowGeometry) -> None:
    """After halving the image, the outline is around the halved button."""
    request = ScreenshotRequest(
        target=button_window, highlights=[Highlight(BUTTON)], max_long_side=300
    )
    result = process(grab(request))
    image = decode(result.data)
    assert image.size == (300, 200)
    width = line_width(0.5)
    assert image.getpixel((125 - width, 110)) == MARK
    assert image.getpixel((150, 110)) != MARK  # the button's middle is not painted over


def test_highlight_outside_the_capture_is_not_drawn(button_window: WindowGeometry) -> None:
    """A highlight beyond the captured area is skipped and not counted."""
    away = Highlight(Rect(5000, 5000, 10, 10), coordinates="screen")
    result = process(grab(ScreenshotRequest(target=button_window, highlights=[away])))
    assert result.highlights_drawn == 0
    assert _count(decode(result.data), (0, 0, 600, 400), MARK) == 0
