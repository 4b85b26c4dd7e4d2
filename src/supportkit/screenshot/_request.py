"""What a screenshot covers and what happens to it before it is written.

Coordinates are *logical* pixels, the ones the host's toolkit reports for its widgets.
``scale`` (physical pixels per logical pixel) turns them into the pixels of the captured
image, so a mask on a HiDPI screen covers the field it was meant for.

Masks and highlights are placed in ``"window"`` coordinates (relative to the target's
top-left corner: the window for a :class:`WindowGeometry`, the region or monitor otherwise)
or ``"screen"`` coordinates (the desktop's, as toolkits report a window's position).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from supportkit.exceptions import InvalidArgumentError

if TYPE_CHECKING:
    from supportkit.redaction._rule import Rule

__all__ = [
    "DEFAULT_BYTE_BUDGET",
    "DEFAULT_MAX_LONG_SIDE",
    "DEFAULT_OCR_TIMEOUT",
    "DEFAULT_TIME_BUDGET",
    "Coordinates",
    "Highlight",
    "Mask",
    "Rect",
    "ScreenshotRequest",
    "Target",
    "WindowGeometry",
]

DEFAULT_MAX_LONG_SIDE = 1920
DEFAULT_BYTE_BUDGET = 500_000
"""Below the 512 KB inline-image limit of the strictest common ticket systems."""
DEFAULT_TIME_BUDGET = 0.25
DEFAULT_OCR_TIMEOUT = 15.0

Coordinates = Literal["window", "screen"]
MaskStyle = Literal["solid", "pixelate"]
HighlightShape = Literal["box", "arrow"]
Color = tuple[int, int, int]


@dataclass(frozen=True)
class Rect:
    """A rectangle: top-left corner and size, in logical pixels."""

    x: float
    y: float
    width: float
    height: float

    def __post_init__(self) -> None:
        values = (self.x, self.y, self.width, self.height)
        if not all(math.isfinite(value) for value in values):
            msg = f"a rectangle needs finite numbers, got {values}"
            raise InvalidArgumentError(msg)
        if self.width <= 0 or self.height <= 0:
            msg = f"a rectangle needs a positive width and height, got {self.width}×{self.height}"
            raise InvalidArgumentError(msg)


@dataclass(frozen=True)
class WindowGeometry(Rect):
    """The host's window: where it is on screen (logical pixels) and the display's scale.

    :func:`~supportkit.screenshot.tk_window_geometry` and
    :func:`~supportkit.screenshot.qt_window_geometry` read it from a widget.
    """

    scale: float = 1.0

    def __post_init__(self) -> None:
        super().__post_init__()
        _check_scale(self.scale)


@dataclass(frozen=True)
class Mask:
    """A region to paint over before the image is encoded (a password field, a card form).

    ``"solid"`` fills it with ``color``; ``"pixelate"`` averages it in blocks at least half
    as large as the region's shorter side allows, so text inside cannot be reconstructed.
    Use ``"solid"`` for anything secret; pixelation keeps the layout readable.
    """

    rect: Rect
    coordinates: Coordinates = "window"
    style: MaskStyle = "solid"
    color: Color = (0, 0, 0)

    def __post_init__(self) -> None:
        _check_choice("mask coordinates", self.coordinates, ("window", "screen"))
        _check_choice("mask style", self.style, ("solid", "pixelate"))
        _check_color(self.color)


@dataclass(frozen=True)
class Highlight:
    """A mark for the engineer ("this button does nothing"): a labelled box or an arrow."""

    rect: Rect
    label: str = ""
    shape: HighlightShape = "box"
    coordinates: Coordinates = "window"
    color: Color = (230, 20, 60)

    def __post_init__(self) -> None:
        _check_choice("highlight shape", self.shape, ("box", "arrow"))
        _check_choice("highlight coordinates", self.coordinates, ("window", "screen"))
        _check_color(self.color)


Target = Literal["all", "primary"] | int | Rect
"""All monitors, the primary one, monitor N (1-based, as the displays collector numbers
them), or a rectangle (a :class:`WindowGeometry` for the host's window)."""


@dataclass(frozen=True)
class ScreenshotRequest:
    """Everything a capture needs to take, clean and encode one screenshot.

    Args:
        target: What to capture; see :data:`Target`.
        scale: Physical pixels per logical pixel. Default: the window's scale for a
            :class:`WindowGeometry`, else 1.0.
        masks: Regions painted over before encoding; unmasked pixels never reach disk.
        highlights: Marks drawn on a copy of the masked image.
        max_long_side: The longest side of the written image, in pixels.
        byte_budget: The most bytes one written image may take.
        time_budget: Seconds the encoder may spend searching for the best fit.
        ocr: Recognise text in the image and mask the words the redaction rules match.
        ocr_timeout: Seconds OCR may take before the image is written without it.
        redaction_rules: The rules OCR applies; default: the default redaction policy's.
        keep_original: Also keep the masked image without highlights.
    """

    target: Target = "primary"
    scale: float | None = None
    masks: Sequence[Mask] = ()
    highlights: Sequence[Highlight] = ()
    max_long_side: int = DEFAULT_MAX_LONG_SIDE
    byte_budget: int = DEFAULT_BYTE_BUDGET
    time_budget: float = DEFAULT_TIME_BUDGET
    ocr: bool = False
    ocr_timeout: float = DEFAULT_OCR_TIMEOUT
    redaction_rules: Sequence[Rule] | None = None
    keep_original: bool = False

    def __post_init__(self) -> None:
        _check_target(self.target)
        if self.scale is not None:
            _check_scale(self.scale)
        object.__setattr__(self, "masks", tuple(self.masks))
        object.__setattr__(self, "highlights", tuple(self.highlights))
        _check_items("masks", self.masks, Mask)
        _check_items("highlights", self.highlights, Highlight)
        limits = {
            "max_long_side": self.max_long_side,
            "byte_budget": self.byte_budget,
            "time_budget": self.time_budget,
            "ocr_timeout": self.ocr_timeout,
        }
        for name, value in limits.items():
            if not value > 0:
                msg = f"{name} must be positive, got {value!r}"
                raise InvalidArgumentError(msg)

    @property
    def effective_scale(self) -> float:
        """The scale coordinates are converted with."""
        if self.scale is not None:
            return self.scale
        return self.target.scale if isinstance(self.target, WindowGeometry) else 1.0

    def describe_target(self) -> str:
        """The target in words, for the capture record."""
        target = self.target
        if isinstance(target, WindowGeometry):
            return "window"
        if isinstance(target, Rect):
            return "region"
        if isinstance(target, int):
            return f"monitor {target}"
        return "all monitors" if target == "all" else "primary monitor"


def _check_target(target: object) -> None:
    if isinstance(target, Rect) or target in ("all", "primary"):
        return
    if isinstance(target, int) and not isinstance(target, bool) and target >= 1:
        return
    msg = (
        f"target must be 'all', 'primary', a monitor number from 1, a Rect or a "
        f"WindowGeometry, not {target!r}"
    )
    raise InvalidArgumentError(msg)


def _check_scale(scale: float) -> None:
    if not (math.isfinite(scale) and scale > 0):
        msg = f"scale must be a positive number of physical pixels per logical pixel, not {scale}"
        raise InvalidArgumentError(msg)


def _check_choice(what: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        msg = f"{what} must be one of {', '.join(map(repr, choices))}, not {value!r}"
        raise InvalidArgumentError(msg)


def _check_color(color: Color) -> None:
    if len(color) != 3 or not all(isinstance(c, int) and 0 <= c <= 255 for c in color):
        msg = f"a colour is three integers from 0 to 255 (red, green, blue), not {color!r}"
        raise InvalidArgumentError(msg)


def _check_items(name: str, items: Sequence[object], kind: type) -> None:
    for item in items:
        if not isinstance(item, kind):
            msg = f"{name} holds {kind.__name__} objects, not {type(item).__name__}"
            raise InvalidArgumentError(msg)
