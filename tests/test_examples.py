"""The examples run as written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from supportkit.bundle import read_bundle

EXAMPLES = Path(__file__).parents[1] / "examples"


def test_minimal_capture_files_a_report(supportkit_home: Path) -> None:
    """minimal_capture.py files a bundle that holds its exception and log records."""
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / "minimal_capture.py")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "SUPPORTKIT_HOME": str(supportkit_home)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("filed SK-")
    bundle = read_bundle(Path(done.stdout.split(": ", 1)[1].strip()))
    assert bundle.report.exception is not None
    assert bundle.report.exception.chain[-1].type == "json.decoder.JSONDecodeError"
    assert any(a.kind == "log-buffer" for a in bundle.report.attachments)
