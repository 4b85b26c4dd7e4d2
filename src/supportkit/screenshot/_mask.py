"""Painting over what must not leave: runs on the full-size image, before anything is encoded."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from supportkit.screenshot._grab import Box, RawFrame
from supportkit.screenshot._request import Color, Mask

if TYPE_CHECKING:
    from PIL.Image import Image

__all__ = ["MIN_PIXEL_BLOCK", "apply_masks", "paint_solid", "pixel_block", "pixelate"]

MIN_PIXEL_BLOCK = 16
"""Smallest pixelation block in logical pixels: larger than a UI font's letters."""


def apply_masks(image: Image, frame: RawFrame, masks: Sequence[Mask]) -> int:
    """Paint ``masks`` onto ``image`` (the frame's pixels) in place; how many touched it."""
    painted = 0
    for mask in masks:
        box = frame.pixel_box(mask.rect, mask.coordinates)
        if box is None:
            continue
        if mask.style == "solid":
            paint_solid(image, box, mask.color)
        else:
            pixelate(image, box, pixel_block(box, frame.scale))
        painted += 1
    return painted


def paint_solid(image: Image, box: Box, color: Color) -> None:
    """Fill ``box`` with one colour."""
    image.paste(color, box)


def pixel_block(box: Box, scale: float) -> int:
    """Block size for ``box``: half its shorter side, never below a letter's size.

    Small blocks over text can be reversed by matching candidate strings rendered and
    pixelated the same way; blocks as tall as half the field leave too little to match.
    """
    shorter = min(box[2] - box[0], box[3] - box[1])
    return max(math.ceil(MIN_PIXEL_BLOCK * scale), shorter // 2)


def pixelate(image: Image, box: Box, block: int) -> None:
    """Replace ``box`` by the averages of ``block``-sized squares."""
    from PIL import Image as PILImage  # noqa: PLC0415  (Pillow loads with the first screenshot)

    width, height = box[2] - box[0], box[3] - box[1]
    region = image.crop(box)
    small = region.resize(
        (max(1, math.ceil(width / block)), max(1, math.ceil(height / block))),
        PILImage.Resampling.BOX,
    )
    image.paste(small.resize((width, height), PILImage.Resampling.NEAREST), box)
