"""Masks on a real screen: they cover exactly their region, before anything is encoded."""

from __future__ import annotations

import pytest
from PIL import Image

from screenshot._scene import Scene, decode
from supportkit.screenshot import Mask, Rect, ScreenshotRequest, WindowGeometry, grab, process
from supportkit.screenshot._mask import MIN_PIXEL_BLOCK, pixel_block

pytestmark = pytest.mark.display

WINDOW = WindowGeometry(200, 100, 400, 240)
BACKGROUND = (255, 255, 255)
FIELD = (30, 90, 200)
SECRET_TEXT = "hunter2 hunter2"


@pytest.fixture(name="form")
def _form(scene: Scene) -> WindowGeometry:
    """A white window with a blue 'password field' holding dark text at (40, 60)–(240, 100)."""
    canvas = scene.show(int(WINDOW.x), int(WINDOW.y), int(WINDOW.width), int(WINDOW.height))
    canvas.create_rectangle(40, 60, 240, 100, fill="#1e5ac8", width=0)
    canvas.create_text(50, 80, text=SECRET_TEXT, anchor="w", fill="#ffffff", font=("Sans", 16))
    scene.settle()
    return WINDOW


def _processed(masks: list[Mask]) -> tuple[Image.Image, int]:
    request = ScreenshotRequest(target=WINDOW, masks=masks)
    result = process(grab(request))
    assert result.format == "png"
    return decode(result.data), result.masks_applied


@pytest.mark.parametrize(
    "mask",
    [
        Mask(Rect(40, 60, 200, 40)),
        Mask(Rect(240, 160, 200, 40), coordinates="screen"),
    ],
    ids=["window-coordinates", "screen-coordinates"],
)
def test_solid_mask_covers_exactly_its_region(form: WindowGeometry, mask: Mask) -> None:
    """Every pixel of the field is the mask colour; the pixels around it are untouched."""
    image, applied = _processed([mask])
    assert applied == 1
    inside = image.crop((40, 60, 240, 100))
    assert inside.getcolors() == [(200 * 40, (0, 0, 0))]
    for x, y in [(39, 80), (240, 80), (100, 59), (100, 100)]:
        assert image.getpixel((x, y)) == BACKGROUND, (x, y)


def test_mask_colour_is_the_hosts_choice(form: WindowGeometry) -> None:
    """A solid mask paints in the colour it was given."""
    image, _ = _processed([Mask(Rect(40, 60, 200, 40), color=(128, 0, 128))])
    assert image.crop((40, 60, 240, 100)).getcolors() == [(200 * 40, (128, 0, 128))]


def test_unmasked_capture_shows_the_field(form: WindowGeometry) -> None:
    """Without a mask the field and its text are in the image (so the mask tests can fail)."""
    image, applied = _processed([])
    assert applied == 0
    colours = image.crop((40, 60, 240, 100)).getcolors(maxcolors=10_000)
    assert colours is not None
    assert max(colours)[1] == FIELD
    assert len(colours) > 2


def test_pixelate_leaves_only_block_averages(form: WindowGeometry) -> None:
    """A pixelated field holds a few flat blocks instead of anti-aliased text."""
    original, _ = _processed([])
    image, applied = _processed([Mask(Rect(40, 60, 200, 40), style="pixelate")])
    assert applied == 1
    field = image.crop((40, 60, 240, 100))
    block = pixel_block((40, 60, 240, 100), 1.0)
    colours = field.getcolors(maxcolors=10_000)
    assert colours is not None
    blocks = -(-200 // block) * -(-40 // block)
    assert len(colours) <= blocks
    assert field.tobytes() != original.crop((40, 60, 240, 100)).tobytes()
    for x, y in [(39, 80), (240, 80), (100, 59), (100, 100)]:
        assert image.getpixel((x, y)) == BACKGROUND, (x, y)


@pytest.mark.parametrize(
    ("box", "scale", "expected"),
    [
        ((0, 0, 200, 40), 1.0, 20),
        ((0, 0, 200, 20), 1.0, MIN_PIXEL_BLOCK),
        ((0, 0, 200, 20), 2.0, 2 * MIN_PIXEL_BLOCK),
        ((0, 0, 400, 300), 1.0, 150),
    ],
)
def test_pixel_block_is_never_smaller_than_letters(
    box: tuple[int, int, int, int], scale: float, expected: int
) -> None:
    """Blocks are half the shorter side, and at least a letter's height."""
    assert pixel_block(box, scale) == expected


def test_masks_outside_the_capture_are_not_counted(form: WindowGeometry) -> None:
    """Only masks that touch the captured pixels count as applied."""
    _, applied = _processed(
        [Mask(Rect(40, 60, 200, 40)), Mask(Rect(5, 5, 20, 20), coordinates="screen")]
    )
    assert applied == 1


def test_mask_is_applied_before_downscaling(form: WindowGeometry) -> None:
    """Downscaling blends the masked pixels only with mask colour: no field colour survives."""
    request = ScreenshotRequest(
        target=WINDOW, masks=[Mask(Rect(40, 60, 200, 40))], max_long_side=200
    )
    result = process(grab(request))
    image = decode(result.data)
    assert (image.width, image.height) == (200, 120)
    inside = image.crop((22, 32, 118, 48))
    assert max(high for _, high in inside.getextrema()) <= 8  # black, give or take resampling
