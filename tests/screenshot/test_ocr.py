"""OCR redaction on a real screen: an email and a token shown on screen are masked."""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from screenshot._scene import Scene, decode
from supportkit.redaction._rule import Span
from supportkit.screenshot import (
    OCR_UNAVAILABLE,
    ScreenshotRequest,
    WindowGeometry,
    grab,
    process,
)
from supportkit.screenshot._ocr import Word, _matching_words, parse_tsv, recognise_words
from supportkit.screenshot._process import OCR_NOT_REQUESTED

WINDOW = WindowGeometry(60, 60, 1000, 360)
EMAIL = "jane.doe@example.com"
TOKEN = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
HARMLESS = "Invoice"


class EmailRule:
    """Finds email addresses (enough of the real rule for a test)."""

    name = "test-email"
    category = "personal"
    max_span = 254
    _pattern = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

    def find(self, text: str) -> Iterator[Span]:
        for match in self._pattern.finditer(text):
            yield Span(match.start(), match.end(), "email")


class TokenRule:
    """Finds Stripe-style live secret keys."""

    name = "test-token"
    category = "credential"
    max_span = 128
    _pattern = re.compile(r"sk_live_[0-9A-Za-z]{16,}")

    def find(self, text: str) -> Iterator[Span]:
        for match in self._pattern.finditer(text):
            yield Span(match.start(), match.end(), "secret")


RULES = (EmailRule(), TokenRule())


@pytest.fixture(name="tesseract")
def _tesseract() -> str:
    """The tesseract command; on Linux its absence is a broken test setup, not a skip."""
    found = shutil.which("tesseract")
    if found is None:
        if sys.platform.startswith("linux"):
            pytest.fail("tesseract is not installed: apt-get install tesseract-ocr")
        pytest.skip("the OCR tests run where tesseract is installed from OS packages")
    return found


@pytest.fixture(name="secrets_window")
def _secrets_window(scene: Scene) -> WindowGeometry:
    """A window showing a harmless line, an email address and a token in a large font."""
    canvas = scene.show(int(WINDOW.x), int(WINDOW.y), int(WINDOW.width), int(WINDOW.height))
    font = ("DejaVu Sans", 26)
    canvas.create_text(30, 60, text=f"{HARMLESS} 2024-0042 overdue", anchor="w", font=font)
    canvas.create_text(30, 160, text=f"Contact: {EMAIL}", anchor="w", font=font)
    canvas.create_text(30, 260, text=f"API key {TOKEN}", anchor="w", font=font)
    scene.settle()
    return WINDOW


def _texts(image_bytes: bytes) -> list[str]:
    return [word.text for word in recognise_words(decode(image_bytes), timeout=60)]


@pytest.mark.display
@pytest.mark.usefixtures("tesseract")
def test_ocr_reads_the_secrets_when_not_redacting(secrets_window: WindowGeometry) -> None:
    """Without OCR redaction the email and token are legible in the image."""
    result = process(grab(ScreenshotRequest(target=secrets_window)))
    assert result.ocr_status == OCR_NOT_REQUESTED
    words = _texts(result.data)
    assert EMAIL in words
    assert TOKEN.rpartition("_")[2] in words  # OCR reads the token's last underscore as a gap


@pytest.mark.display
@pytest.mark.usefixtures("tesseract")
def test_ocr_masks_words_the_rules_match(secrets_window: WindowGeometry) -> None:
    """With OCR the email and token boxes are masked; harmless words stay readable."""
    request = ScreenshotRequest(target=secrets_window, ocr=True, redaction_rules=RULES)
    result = process(grab(request))
    assert result.ocr_status == "ok"
    assert result.ocr_boxes_masked >= 2
    assert set(result.ocr.kinds) == {"email", "secret"}
    words = _texts(result.data)
    assert HARMLESS in words
    assert not any("@" in word or "example" in word for word in words)
    assert not any("sk_live" in word or "4eC39" in word for word in words)
    assert "2024-0042" in words


@pytest.mark.display
@pytest.mark.usefixtures("tesseract")
def test_ocr_uses_the_default_redaction_policy(secrets_window: WindowGeometry) -> None:
    """Without rules of its own, OCR applies the default policy's, like the text pipeline."""
    result = process(grab(ScreenshotRequest(target=secrets_window, ocr=True)))
    assert result.ocr_status == "ok"
    assert {"email", "stripe-key"} <= set(result.ocr.kinds)
    words = _texts(result.data)
    assert not any("@" in word or "4eC39" in word for word in words)


@pytest.mark.display
def test_missing_tesseract_is_recorded_and_the_image_kept(
    secrets_window: WindowGeometry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where tesseract is not installed, the record says so and the screenshot is still made."""
    monkeypatch.setenv("PATH", str(tmp_path))
    request = ScreenshotRequest(target=secrets_window, ocr=True, redaction_rules=RULES)
    result = process(grab(request))
    assert result.ocr_status == OCR_UNAVAILABLE
    assert result.ocr_boxes_masked == 0
    assert decode(result.data).size == (1000, 360)
    assert result.describe()["ocr"]["status"] == "OCR not available: install tesseract-ocr"


def test_parse_tsv_keeps_words_with_text() -> None:
    """Only word rows with text become words, with their boxes and line."""
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "1\t1\t0\t0\t0\t0\t0\t0\t800\t600\t-1\t\n"
        "4\t1\t1\t1\t1\t0\t10\t20\t300\t30\t-1\t\n"
        "5\t1\t1\t1\t1\t1\t10\t20\t90\t30\t96.5\tContact:\n"
        "5\t1\t1\t1\t1\t2\t110\t20\t200\t30\t91.0\tjane@example.com\n"
        "5\t1\t1\t1\t1\t3\t320\t20\t5\t30\t10.0\t \n"
    )
    words = list(parse_tsv(tsv))
    assert [word.text for word in words] == ["Contact:", "jane@example.com"]
    assert words[1].box == (110, 20, 310, 50)
    assert words[0].line == words[1].line == (1, 1, 1, 1)


@pytest.mark.parametrize(
    "read_as",
    [
        ["sk_live_4eC39HqLyjWDarjtT1zdp7dc"],
        ["sk_live", "4eC39HqLyjWDarjtT1zdp7dc"],
        ["sk", "live", "4eC39HqLyjWDarjtT1zdp7dc"],
        ["sk_live_4eC39Hq", "LyjWDarjtT1zdp7dc"],
    ],
    ids=["whole", "underscore-dropped", "two-underscores-dropped", "split-mid-token"],
)
def test_token_split_by_ocr_is_still_matched(read_as: list[str]) -> None:
    """Every piece of a token OCR split apart is masked; the words before it are not."""
    texts = ["API", "key", *read_as, "expires"]
    words = [
        Word(text, (index * 10, 0, index * 10 + 8, 8), (1, 1, 1, 1))
        for index, text in enumerate(texts)
    ]
    matched, kinds = _matching_words(words, RULES)
    masked = [word.text for word in matched]
    assert masked[: len(read_as)] == read_as  # a greedy rule may take the next word too
    assert "API" not in masked
    assert "key" not in masked
    assert kinds == {"secret"}
