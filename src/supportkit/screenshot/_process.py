"""From grabbed pixels to the image that goes in the bundle, off the host's thread.

The order is the privacy argument: declared masks first, then OCR masks, both on the
full-size pixels, so nothing later (downscaling, highlights, encoding) ever sees what was
hidden. Highlights are drawn on a copy; the unmarked image is encoded only when asked for.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from supportkit.screenshot._encode import ContentKind, Encoded, encode, fit_long_side
from supportkit.screenshot._grab import RawFrame
from supportkit.screenshot._highlight import draw_highlights
from supportkit.screenshot._mask import apply_masks
from supportkit.screenshot._ocr import OcrOutcome, mask_matching_words
from supportkit.screenshot._request import ScreenshotRequest

if TYPE_CHECKING:
    from PIL.Image import Image

    from supportkit.redaction._rule import Rule

__all__ = ["OCR_NOT_REQUESTED", "ScreenshotResult", "process"]

OCR_NOT_REQUESTED = "not requested"
OCR_WITHOUT_RULES = (
    "OCR not run: no redaction rules are available; pass redaction_rules in the request"
)


@dataclass(frozen=True)
class ScreenshotResult:
    """The encoded screenshot and what was done to it (see :meth:`describe`)."""

    data: bytes
    format: str
    width: int
    height: int
    captured_width: int
    captured_height: int
    scale: float
    downscale: float
    target: str
    content: str
    quality: int | None
    within_budget: bool
    masks_applied: int
    highlights_drawn: int
    ocr: OcrOutcome
    original: bytes | None = None
    original_format: str | None = None
    timings_ms: Mapping[str, float] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def media_type(self) -> str:
        """MIME type of ``data`` and ``original``."""
        return f"image/{self.format}"

    @property
    def extension(self) -> str:
        """File name extension for ``data``."""
        return _extension(self.format)

    @property
    def original_media_type(self) -> str | None:
        """MIME type of ``original``, when it was kept."""
        return f"image/{self.original_format}" if self.original_format else None

    @property
    def original_extension(self) -> str | None:
        """File name extension for ``original``, when it was kept."""
        return _extension(self.original_format) if self.original_format else None

    @property
    def ocr_status(self) -> str:
        """``"ok"``, ``"not requested"``, or why OCR did not run."""
        return self.ocr.status

    @property
    def ocr_boxes_masked(self) -> int:
        """Recognised words painted over because a redaction rule matched them."""
        return self.ocr.boxes_masked

    def describe(self) -> dict[str, Any]:
        """The capture record: JSON-able, no pixels."""
        return {
            "target": self.target,
            "format": self.format,
            "media_type": self.media_type,
            "bytes": len(self.data),
            "width": self.width,
            "height": self.height,
            "captured_width": self.captured_width,
            "captured_height": self.captured_height,
            "scale": self.scale,
            "downscale": round(self.downscale, 4),
            "content": self.content,
            "quality": self.quality,
            "within_budget": self.within_budget,
            "masks_applied": self.masks_applied,
            "highlights_drawn": self.highlights_drawn,
            "ocr": {
                "status": self.ocr.status,
                "boxes_masked": self.ocr.boxes_masked,
                "words_read": self.ocr.words_read,
                "kinds": list(self.ocr.kinds),
            },
            "original_kept": self.original is not None,
            "timings_ms": {name: round(value, 2) for name, value in self.timings_ms.items()},
        }


def process(frame: RawFrame, request: ScreenshotRequest | None = None) -> ScreenshotResult:
    """Mask, OCR-mask, downscale, highlight and encode ``frame`` as ``request`` says.

    ``request`` defaults to the one the frame was grabbed with; one given here may change
    masks, highlights and encoding, not what was captured.
    """
    from PIL import Image as PILImage  # noqa: PLC0415  (Pillow loads with the first screenshot)

    request = request or frame.request
    timings = _Stopwatch()
    image = PILImage.frombuffer("RGB", (frame.width, frame.height), frame.data, "raw", "BGRX", 0, 1)
    timings.lap("convert")
    masks_applied = apply_masks(image, frame, request.masks)
    timings.lap("mask")
    ocr = _ocr(image, request)
    timings.lap("ocr")
    image, factor = fit_long_side(image, request.max_long_side)
    timings.lap("downscale")
    marked, drawn = (
        draw_highlights(image, frame, request.highlights, factor)
        if request.highlights
        else (image, 0)
    )
    timings.lap("highlight")
    encoded = _encode(marked, request)
    timings.lap("encode")
    original = None
    if drawn and request.keep_original:
        original = _encode(image, request, content=encoded.content)
        timings.lap("encode_original")
    notes = frame.notes if encoded.within_budget else (*frame.notes, _over_budget(encoded))
    return ScreenshotResult(
        data=encoded.data,
        format=encoded.format,
        width=encoded.width,
        height=encoded.height,
        captured_width=frame.width,
        captured_height=frame.height,
        scale=round(frame.scale, 4),
        downscale=encoded.width / frame.width,
        target=request.describe_target(),
        content=encoded.content,
        quality=encoded.quality,
        within_budget=encoded.within_budget,
        masks_applied=masks_applied,
        highlights_drawn=drawn,
        ocr=ocr,
        original=original.data if original else None,
        original_format=original.format if original else None,
        timings_ms={"grab": frame.grab_ms, **timings.laps, "total": timings.total},
        notes=notes,
    )


def _ocr(image: Image, request: ScreenshotRequest) -> OcrOutcome:
    if not request.ocr:
        return OcrOutcome(OCR_NOT_REQUESTED)
    rules = request.redaction_rules
    if rules is None:
        rules = default_rules()
    if rules is None:
        return OcrOutcome(OCR_WITHOUT_RULES)
    return mask_matching_words(image, rules, timeout=request.ocr_timeout)


def default_rules() -> Sequence[Rule] | None:
    """The default redaction policy's rules, or None where the redaction engine lacks them."""
    try:
        redaction = importlib.import_module("supportkit.redaction")
        rules = redaction.default_policy().build_rules()
    except (ImportError, AttributeError):
        return None
    return tuple(rules)


def _encode(
    image: Image, request: ScreenshotRequest, content: ContentKind | None = None
) -> Encoded:
    return encode(
        image, byte_budget=request.byte_budget, time_budget=request.time_budget, content=content
    )


def _extension(fmt: str) -> str:
    return "jpg" if fmt == "jpeg" else fmt


def _over_budget(encoded: Encoded) -> str:
    return f"the image takes {len(encoded.data)} bytes even at its smallest; over the budget"


class _Stopwatch:
    """Milliseconds per named step."""

    def __init__(self) -> None:
        self.started = self.last = time.perf_counter()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = (now - self.last) * 1000
        self.last = now

    @property
    def total(self) -> float:
        return (time.perf_counter() - self.started) * 1000
