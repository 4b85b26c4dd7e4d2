"""A capture with a screenshot, end to end on a real (Xvfb) display."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from supportkit import Reporter
from supportkit.bundle import read_bundle
from supportkit.screenshot import Mask, Rect, ScreenshotRequest

from ._scene import Scene


def test_capture_attaches_a_screenshot(scene: Scene, tmp_path: Path) -> None:
    """screenshot=True seals a decodable image of the screen in the bundle."""
    bundle = Reporter("app", "1", collectors=["screenshot"]).capture(
        "x", screenshot=True, output=tmp_path / "b.zip"
    )
    (info,) = read_bundle(bundle.path).report.attachments
    assert info.kind == "screenshot"
    image = Image.open(io.BytesIO(bundle.read_file(info.path)))
    assert image.width > 0
    assert bundle.manifest.redaction is not None
    assert bundle.manifest.redaction.unredacted == (info.path,)


def test_background_capture_grabs_on_the_calling_thread(scene: Scene, tmp_path: Path) -> None:
    """capture_in_background grabs before returning, then seals the masked image later."""
    request = ScreenshotRequest(masks=(Mask(Rect(0, 0, 50, 50), coordinates="screen"),))
    future = Reporter("app", "1", collectors=["screenshot"]).capture_in_background(
        "x", screenshot=request, output=tmp_path / "b.zip"
    )
    bundle = future.result(60)
    data = {run.name: run for run in bundle.report.capture}
    assert data["screenshot"].status == "ok"
    shot = bundle.report.environment.model_extra["screenshot"]  # type: ignore[index]
    assert shot["masks_applied"] == 1
