"""The screenshot collector: the capture's screenshot, masked and encoded, as an attachment.

The host either grabs a frame on its own thread (:func:`supportkit.screenshot.grab`) and
passes it, or passes a :class:`~supportkit.screenshot.ScreenshotRequest` and the grab
happens here. Either way the processing runs on the collector's thread, never the host's.
"""

from __future__ import annotations

from supportkit.collectors._base import CaptureContext, PendingAttachment, Section
from supportkit.exceptions import CollectorUnavailable
from supportkit.screenshot import (
    RawFrame,
    ScreenshotRequest,
    ScreenshotResult,
    grab,
    process,
)
from supportkit.screenshot._request import DEFAULT_OCR_TIMEOUT

__all__ = ["ScreenshotCollector"]

_KIND = "screenshot"


class ScreenshotCollector:
    """Encodes the screenshot the capture asked for; skipped when none was asked for."""

    name = "screenshot"
    timeout = DEFAULT_OCR_TIMEOUT + 5.0
    """Long enough for OCR; a capture without OCR finishes in a fraction of a second."""

    def collect(self, ctx: CaptureContext) -> Section:
        """Grab (unless the host already did), process, and attach the image."""
        wanted = ctx.screenshot
        if wanted is None:
            msg = "no screenshot requested"
            raise CollectorUnavailable(msg)
        if isinstance(wanted, ScreenshotRequest):
            frame = grab(wanted, keep_open=False)
        elif isinstance(wanted, RawFrame):
            frame = wanted
        else:
            msg = (
                f"the capture's screenshot must be a ScreenshotRequest or a RawFrame from "
                f"supportkit.screenshot.grab(), not {type(wanted).__name__}"
            )
            raise TypeError(msg)
        result = process(frame)
        return Section(
            data=result.describe(),
            attachments=_attachments(result),
            notes=list(result.notes) + _ocr_notes(result),
        )


def _attachments(result: ScreenshotResult) -> list[PendingAttachment]:
    source = f"screen ({result.target})"
    main = PendingAttachment(
        name=f"screenshot.{result.extension}",
        kind=_KIND,
        source=source,
        media_type=result.media_type,
        original_size=len(result.data),
        data=result.data,
        text=False,
        optional=True,
    )
    if result.original is None or result.original_media_type is None:
        return [main]
    original = PendingAttachment(
        name=f"screenshot-original.{result.original_extension}",
        kind=_KIND,
        source=f"{source}, without highlights",
        media_type=result.original_media_type,
        original_size=len(result.original),
        data=result.original,
        text=False,
        optional=True,
    )
    return [main, original]


def _ocr_notes(result: ScreenshotResult) -> list[str]:
    status = result.ocr_status
    return [] if status in ("ok", "not requested") else [status]
