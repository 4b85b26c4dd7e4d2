"""Encoding by content: lossless PNG for UI screens, JPEG for photo-like ones, within budget.

UI screens are mostly flat colour with sharp text: PNG keeps the text crisp and, with the
rows left unfiltered and the fastest deflate level, is about as small as Pillow's default
PNG at a fraction of its time (Pillow tries five filters on every row). Photos and video
frames are noise to deflate; JPEG shrinks them tenfold and still leaves text legible.

The byte budget is a hard limit (an image a ticket system refuses is worth nothing), so when
lowering the quality is not enough or time runs out, the image is scaled down until it fits.
The time budget decides how many quality steps are tried before that.
"""

from __future__ import annotations

import io
import math
import struct
import time
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from PIL.Image import Image

__all__ = [
    "ContentKind",
    "Encoded",
    "classify",
    "encode",
    "encode_png_fast",
    "fit_long_side",
    "flat_fraction",
]

ContentKind = Literal["ui", "photo"]

UI_FLATNESS = 0.5
"""Share of pixels equal to their left neighbour above which a screen counts as UI."""
_SAMPLE_ROWS = 96
_QUALITY_STEPS = (85, 78, 70, 60, 50, 40)
_MIN_QUALITY = _QUALITY_STEPS[-1]
_SAMPLE_BANDS = 8
_BAND_ROWS = 16
_PREDICTION_MARGIN = 0.92
_SHRINK_MARGIN = 0.9
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Encoded:
    """An encoded image and how it was made."""

    data: bytes
    format: Literal["png", "jpeg"]
    width: int
    height: int
    content: ContentKind
    quality: int | None
    within_budget: bool
    attempts: int
    encode_ms: float

    @property
    def media_type(self) -> str:
        """The MIME type of ``data``."""
        return f"image/{self.format}"

    @property
    def lossless(self) -> bool:
        """Whether every pixel survived encoding."""
        return self.quality is None


def flat_fraction(image: Image) -> float:
    """Share of sampled pixels identical to their left neighbour (UI ≈ 0.8, photo ≈ 0.05)."""
    from PIL import Image as PILImage  # noqa: PLC0415
    from PIL import ImageChops  # noqa: PLC0415

    width, height = image.size
    if width < 2:
        return 1.0
    rows = image.resize((width, min(height, _SAMPLE_ROWS)), PILImage.Resampling.NEAREST)
    rows = rows.convert("RGB")
    here = rows.crop((1, 0, width, rows.height))
    left = rows.crop((0, 0, width - 1, rows.height))
    red, green, blue = ImageChops.difference(here, left).split()
    largest = ImageChops.lighter(red, ImageChops.lighter(green, blue))
    return largest.histogram()[0] / (here.width * here.height)


def classify(image: Image) -> ContentKind:
    """``"ui"`` for flat, text-heavy screens; ``"photo"`` for photos, video and gradients."""
    return "ui" if flat_fraction(image) >= UI_FLATNESS else "photo"


def fit_long_side(image: Image, max_long_side: int) -> tuple[Image, float]:
    """``image`` scaled down so its longer side is at most ``max_long_side``; and the factor."""
    from PIL import Image as PILImage  # noqa: PLC0415

    longest = max(image.size)
    if longest <= max_long_side:
        return image, 1.0
    factor = max_long_side / longest
    size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
    resized = image.resize(size, PILImage.Resampling.LANCZOS, reducing_gap=2.0)
    return resized, factor


def encode(
    image: Image,
    *,
    byte_budget: int,
    time_budget: float,
    content: ContentKind | None = None,
) -> Encoded:
    """Encode ``image`` for ``content`` (classified when None) in at most ``byte_budget`` bytes."""
    started = time.perf_counter()
    deadline = started + time_budget
    kind = content or classify(image)
    attempts = 0
    if kind == "ui":
        data = encode_png_fast(image)
        attempts += 1
        if len(data) <= byte_budget:
            return _result(
                data,
                "png",
                image,
                kind,
                quality=None,
                attempts=attempts,
                started=started,
                within=True,
            )
    return _encode_lossy(
        image, kind, byte_budget=byte_budget, deadline=deadline, started=started, attempts=attempts
    )


def encode_png_fast(image: Image) -> bytes:
    """Lossless PNG: unfiltered rows, fastest deflate; UI screens compress as well as default."""
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    width, height = rgb.size
    raw = memoryview(rgb.tobytes())
    stride = width * 3
    no_filter = b"\x00"
    rows = b"".join(
        part
        for row in range(height)
        for part in (no_filter, raw[row * stride : (row + 1) * stride])
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"".join(
        (
            _PNG_SIGNATURE,
            _png_chunk(b"IHDR", header),
            _png_chunk(b"IDAT", zlib.compress(rows, 1)),
            _png_chunk(b"IEND", b""),
        )
    )


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    checksum = zlib.crc32(body, zlib.crc32(kind))
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", checksum)


def _encode_lossy(
    image: Image,
    kind: ContentKind,
    *,
    byte_budget: int,
    deadline: float,
    started: float,
    attempts: int,
) -> Encoded:
    """JPEG at falling quality while time allows, then smaller until it fits."""
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    quality = _predicted_quality(rgb, byte_budget)
    before = time.perf_counter()
    data = _jpeg(rgb, quality)
    attempts += 1
    last_took = time.perf_counter() - before
    while (
        len(data) > byte_budget
        and quality > _MIN_QUALITY
        and time.perf_counter() + last_took <= deadline
    ):
        quality = _lower_quality(quality, len(data) / byte_budget)
        before = time.perf_counter()
        data = _jpeg(rgb, quality)
        attempts += 1
        last_took = time.perf_counter() - before
    while len(data) > byte_budget and max(rgb.size) > 16:
        factor = math.sqrt(byte_budget / len(data)) * _SHRINK_MARGIN
        rgb, _ = fit_long_side(rgb, max(16, math.floor(max(rgb.size) * factor)))
        data = _jpeg(rgb, quality)
        attempts += 1
    within = len(data) <= byte_budget
    return _result(
        data, "jpeg", rgb, kind, quality=quality, attempts=attempts, started=started, within=within
    )


def _predicted_quality(image: Image, byte_budget: int) -> int:
    """The highest quality step whose size, extrapolated from sample bands, fits the budget.

    Bands are whole 16-row stripes spread over the image, so JPEG sees real neighbourhoods;
    encoding them costs a fraction of one full encode and usually saves a second one.
    """
    from PIL import Image as PILImage  # noqa: PLC0415

    width, height = image.size
    band_count = min(_SAMPLE_BANDS, height // _BAND_ROWS)
    if band_count == 0:
        return _QUALITY_STEPS[0]
    sample = PILImage.new("RGB", (width, band_count * _BAND_ROWS))
    stride = height // band_count
    for band in range(band_count):
        top = band * stride
        box = (0, top, width, top + _BAND_ROWS)
        sample.paste(image.crop(box), (0, band * _BAND_ROWS))
    share = sample.height / height
    target = byte_budget * _PREDICTION_MARGIN
    for quality in _QUALITY_STEPS:
        if len(_jpeg(sample, quality)) / share <= target:
            return quality
    return _QUALITY_STEPS[-1]


def _lower_quality(quality: int, excess: float) -> int:
    step = 25 if excess > 2.0 else 15 if excess > 1.4 else 8
    return max(_MIN_QUALITY, quality - step)


def _jpeg(image: Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def _result(
    data: bytes,
    fmt: Literal["png", "jpeg"],
    image: Image,
    kind: ContentKind,
    *,
    quality: int | None,
    attempts: int,
    started: float,
    within: bool,
) -> Encoded:
    return Encoded(
        data=data,
        format=fmt,
        width=image.width,
        height=image.height,
        content=kind,
        quality=quality,
        within_budget=within,
        attempts=attempts,
        encode_ms=(time.perf_counter() - started) * 1000,
    )
