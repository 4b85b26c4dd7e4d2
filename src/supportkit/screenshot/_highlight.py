"""Marks for the engineer: a labelled box or an arrow, drawn on a copy of the masked image.

Boxes are drawn *around* the region, never over it, so the marked button stays visible.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from supportkit.screenshot._grab import Box, RawFrame
from supportkit.screenshot._request import Color, Highlight

if TYPE_CHECKING:
    from PIL.Image import Image
    from PIL.ImageDraw import ImageDraw
    from PIL.ImageFont import FreeTypeFont, ImageFont

__all__ = ["draw_highlights", "line_width"]

_LINE = 3
_FONT = 16
_ARROW = 90
_GAP = 4
_PADDING = 4


def line_width(scale: float) -> int:
    """Stroke width in image pixels for a display ``scale`` (after any downscaling)."""
    return max(2, round(_LINE * scale))


def draw_highlights(
    image: Image, frame: RawFrame, highlights: Sequence[Highlight], factor: float
) -> tuple[Image, int]:
    """A copy of ``image`` (``frame`` scaled by ``factor``) with the highlights drawn; count."""
    from PIL import ImageDraw  # noqa: PLC0415  (Pillow loads with the first screenshot)

    marked = image.copy()
    draw = ImageDraw.Draw(marked)
    scale = frame.scale * factor
    drawn = 0
    for highlight in highlights:
        found = frame.pixel_box(highlight.rect, highlight.coordinates)
        if found is None:
            continue
        box = _scaled(found, factor, marked.size)
        if highlight.shape == "box":
            _box(draw, box, highlight, scale, marked.size)
        else:
            _arrow(draw, box, highlight, scale, marked.size)
        drawn += 1
    return marked, drawn


def _scaled(box: Box, factor: float, size: tuple[int, int]) -> Box:
    left, top, right, bottom = (round(value * factor) for value in box)
    right, bottom = min(max(right, left + 1), size[0]), min(max(bottom, top + 1), size[1])
    return left, top, right, bottom


def _box(
    draw: ImageDraw, box: Box, highlight: Highlight, scale: float, size: tuple[int, int]
) -> None:
    width = line_width(scale)
    left, top, right, bottom = box
    outline = (left - width, top - width, right + width - 1, bottom + width - 1)
    draw.rectangle(outline, outline=highlight.color, width=width)
    if highlight.label:
        above = top - width - _GAP
        anchor = "lb" if above > _FONT * scale else "lt"
        y = above if anchor == "lb" else bottom + width + _GAP
        _label(
            draw,
            (left - width, y),
            anchor,
            highlight.label,
            color=highlight.color,
            scale=scale,
            size=size,
        )


def _arrow(
    draw: ImageDraw, box: Box, highlight: Highlight, scale: float, size: tuple[int, int]
) -> None:
    """An arrow from the image's middle towards the region, its tip just outside it."""
    width = line_width(scale)
    centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
    dx, dy = centre[0] - size[0] / 2, centre[1] - size[1] / 2
    length = math.hypot(dx, dy)
    ux, uy = (dx / length, dy / length) if length > 1 else (math.sqrt(0.5), math.sqrt(0.5))
    half_w, half_h = (box[2] - box[0]) / 2, (box[3] - box[1]) / 2
    reach = min(half_w / abs(ux) if ux else math.inf, half_h / abs(uy) if uy else math.inf)
    tip_distance = reach + _GAP * scale + width
    tip = (centre[0] - ux * tip_distance, centre[1] - uy * tip_distance)
    tail = (tip[0] - ux * _ARROW * scale, tip[1] - uy * _ARROW * scale)
    head = width * 4
    base = (tip[0] - ux * head, tip[1] - uy * head)
    draw.line((tail, base), fill=highlight.color, width=width)
    draw.polygon(
        [
            tip,
            (base[0] - uy * head / 2, base[1] + ux * head / 2),
            (base[0] + uy * head / 2, base[1] - ux * head / 2),
        ],
        fill=highlight.color,
    )
    if highlight.label:
        anchor = "rm" if ux >= 0 else "lm"
        _label(draw, tail, anchor, highlight.label, color=highlight.color, scale=scale, size=size)


def _label(
    draw: ImageDraw,
    at: tuple[float, float],
    anchor: str,
    text: str,
    *,
    color: Color,
    scale: float,
    size: tuple[int, int],
) -> None:
    """White text on a filled tag of the highlight's colour, kept inside the image."""
    font = _font(max(10, round(_FONT * scale)))
    padding = max(2, round(_PADDING * scale))
    left, top, right, bottom = draw.textbbox(at, text, font=font, anchor=anchor)
    shift_x = max(padding - left, 0) + min(size[0] - padding - right, 0)
    shift_y = max(padding - top, 0) + min(size[1] - padding - bottom, 0)
    origin = (at[0] + shift_x, at[1] + shift_y)
    left, top, right, bottom = draw.textbbox(origin, text, font=font, anchor=anchor)
    draw.rectangle((left - padding, top - padding, right + padding, bottom + padding), fill=color)
    draw.text(origin, text, fill=(255, 255, 255), font=font, anchor=anchor)


def _font(size: int) -> FreeTypeFont | ImageFont:
    from PIL import ImageFont  # noqa: PLC0415

    try:
        return ImageFont.load_default(size)
    except TypeError:  # Pillow before 10.1 has one bitmap size only
        return ImageFont.load_default()
