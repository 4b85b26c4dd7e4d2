"""A capture is redacted before it is sealed; nothing else can be sealed."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest

from supportkit import CaptureContext, Reporter, Section
from supportkit.bundle import read_bundle, write_bundle
from supportkit.redaction import default_policy
from supportkit.redaction._capture import RedactedCapture

AWS_KEY = "AKIAQ3EGTRKWVNXH7YZA"
TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"
EMAIL = "dana.kowalski@example.org"
PUBLIC_IP = "81.2.69.160"


class LeakyCollector:
    """Puts secrets and personal data where collectors put data: a section and a log."""

    name = "leaky"

    def collect(self, ctx: CaptureContext) -> Section:
        return Section(data={"api_token": "s3cr3t-value-123", "peer": PUBLIC_IP, "user": EMAIL})


@pytest.fixture(name="log")
def _log(tmp_path: Path) -> Path:
    path = tmp_path / "app.log"
    path.write_text(
        f"2026-11-23T14:03:05Z INFO login {EMAIL} from {PUBLIC_IP}\n"
        f"2026-11-23T14:03:06Z DEBUG aws key {AWS_KEY}\n"
        "2026-11-23T14:03:07Z INFO request 550e8400-e29b-41d4-a716-446655440000 took 12 ms\n"
    )
    return path


@pytest.fixture(name="sealed_bytes")
def _sealed_bytes(tmp_path: Path, log: Path) -> tuple[Path, bytes]:
    reporter = Reporter("app", "1", collectors=[LeakyCollector(), "logs", "exception"])
    try:
        raise RuntimeError(f"upload failed with token {TOKEN}")
    except RuntimeError as error:
        bundle = reporter.capture(
            "Upload fails",
            description=f"Pasted my token {TOKEN} by mistake; reach me at {EMAIL}",
            contact={"email": EMAIL, "phone": "+44 20 7946 0958"},
            logs=[log],
            exception=error,
            output=tmp_path / "b.zip",
        )
    with zipfile.ZipFile(bundle.path) as archive:
        everything = b"".join(archive.read(name) for name in archive.namelist())
    return bundle.path, everything


@pytest.mark.parametrize("secret", [AWS_KEY, TOKEN, "s3cr3t-value-123", PUBLIC_IP])
def test_no_secret_reaches_the_sealed_bundle(sealed_bytes: tuple[Path, bytes], secret: str) -> None:
    """Secrets from logs, sections, exceptions and typed text are in no file of the bundle."""
    assert secret.encode() not in sealed_bytes[1]


def test_typed_contact_details_are_kept(sealed_bytes: tuple[Path, bytes]) -> None:
    """The email the reporter entered on purpose stays in the contact and the description."""
    report = read_bundle(sealed_bytes[0]).report
    assert report.contact is not None
    assert report.contact.email == EMAIL
    assert report.problem.description is not None
    assert EMAIL in report.problem.description
    assert TOKEN not in report.problem.description


def test_pseudonyms_agree_across_report_and_logs(sealed_bytes: tuple[Path, bytes]) -> None:
    """The same address gets the same placeholder in report.json and in the log."""
    bundle = read_bundle(sealed_bytes[0])
    log = bundle.read_file("attachments/app.log").decode()
    leaky = bundle.report.environment.model_extra["leaky"]  # type: ignore[index]
    assert leaky["peer"] in log
    assert leaky["peer"].startswith("<ipv4-")
    assert "550e8400-e29b-41d4-a716-446655440000" in log


def test_manifest_audits_counts_never_values(sealed_bytes: tuple[Path, bytes]) -> None:
    """The manifest counts replacements per artifact and rule, and holds no secret."""
    manifest = read_bundle(sealed_bytes[0]).manifest
    assert manifest.redaction is not None
    assert manifest.redaction.artifacts["attachments/app.log"]["email"] == 1
    assert manifest.redaction.pseudonyms == "per-bundle"
    dumped = manifest.model_dump_json()
    assert EMAIL not in dumped
    assert AWS_KEY not in dumped


def test_binary_attachment_is_marked_unredacted(tmp_path: Path) -> None:
    """A binary file the host allowed is sealed as is and listed as unredacted."""
    blob = tmp_path / "core.bin"
    blob.write_bytes(os.urandom(512) + b"\x00")
    bundle = Reporter("app", "1", collectors=["files"]).capture(
        "x", attachments=[blob], allow_binary=True, output=tmp_path / "b.zip"
    )
    assert bundle.manifest.redaction is not None
    assert bundle.manifest.redaction.unredacted == ("attachments/core.bin",)
    assert "Not redacted" in bundle.read_file("summary.md").decode()


def test_unredacted_data_cannot_be_sealed(tmp_path: Path) -> None:
    """write_bundle refuses anything but a RedactedCapture, which only redaction makes."""
    bundle = Reporter("app", "1", collectors=[]).capture("x", output=tmp_path / "a.zip")
    with pytest.raises(TypeError, match="RedactedCapture"):
        write_bundle(bundle.report, tmp_path / "b.zip")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="redact_capture"):
        RedactedCapture(bundle.report, (), None, ())  # type: ignore[arg-type]


def test_stable_key_gives_the_same_placeholder_across_reports(tmp_path: Path) -> None:
    """With a host key, one address has one placeholder in two separate bundles."""
    policy = default_policy(stable_key=b"host key for correlation")
    reporter = Reporter("app", "1", collectors=[LeakyCollector()], redaction=policy)
    first = reporter.capture("a", output=tmp_path / "a.zip")
    second = reporter.capture("b", output=tmp_path / "b.zip")
    extras = [b.report.environment.model_extra["leaky"] for b in (first, second)]  # type: ignore[index]
    assert extras[0]["peer"] == extras[1]["peer"]
    assert first.manifest.redaction is not None
    assert first.manifest.redaction.pseudonyms == "stable"
    assert json.loads(first.manifest.model_dump_json())["redaction"]["policy"] == "default"
