"""The supportkit command: collect, inspect, verify, sysinfo, history."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from _cli import run
from supportkit.bundle import read_bundle


@pytest.fixture(name="bundle_path")
def _bundle_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "out.zip"
    code, _, _ = run(capsys, "collect", "-o", str(path), "--title", "Broken export", "--app", "cli")
    assert code == 0
    return path


def test_collect_writes_every_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each collect option ends up in the report."""
    log = tmp_path / "app.log"
    log.write_text("line one\nline two\n")
    extra = tmp_path / "config.ini"
    extra.write_text("[ui]\ntheme=dark\n")
    out = tmp_path / "out.zip"
    code, stdout, _ = run(
        capsys, "collect", "-o", str(out), "--title", "Export does nothing",
        "--description", "d", "--expected", "e", "--actual", "a", "--error-text", "E042",
        "--category", "billing", "--tried", "restart => same", "--step", "one", "--step", "two",
        "--log", str(log), "--attach", str(extra), "--app", "invoicer", "--app-version", "2.4",
        "--urgency", "high", "--impact", "low", "--contact-name", "Ana",
        "--contact-email", "ana@example.com", "--contact-phone", "020 7946 0958",
        "--contact-region", "GB", "--contact-reference", "ORD-7",
    )  # fmt: skip
    assert code == 0
    assert str(out) in stdout
    report = read_bundle(out).report
    assert (report.problem.title, report.problem.error_text, report.problem.category) == (
        "Export does nothing",
        "E042",
        "billing",
    )
    assert report.problem.tried[0].action == "restart"
    assert report.steps == ("one", "two")
    assert (report.app.name, report.app.version) == ("invoicer", "2.4")
    assert report.priority.name == "moderate"
    assert report.contact is not None
    assert (report.contact.phone, report.contact.reference) == ("+442079460958", "ORD-7")
    assert sorted(a.kind for a in report.attachments) == ["file", "log"]


def test_collect_json_prints_the_manifest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json prints the manifest, which matches the bundle's own."""
    out = tmp_path / "out.zip"
    code, stdout, _ = run(capsys, "collect", "-o", str(out), "--title", "t", "--json")
    assert code == 0
    assert json.loads(stdout) == json.loads(read_bundle(out).manifest.model_dump_json())


def test_collect_without_output_files_a_ticket(
    capsys: pytest.CaptureFixture[str], supportkit_home: Path
) -> None:
    """Without -o the bundle is filed by the default transport and history lists it."""
    code, stdout, _ = run(capsys, "collect", "--title", "Filed report", "--app", "cli")
    assert code == 0
    assert "filed: SK-" in stdout
    assert list((supportkit_home / "data" / "reports").glob("SK-*/*.zip"))
    code, stdout, _ = run(capsys, "history")
    assert code == 0
    assert "Filed report" in stdout
    assert "delivered" in stdout


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--contact-email", "not-an-email"], "contact email"),
        (["--contact-phone", "12"], "contact phone"),
        (["--urgency", "asap"], "invalid choice"),
    ],
)
def test_collect_invalid_input_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """Invalid input is a usage error: exit 2, message on stderr, no bundle left."""
    out = tmp_path / "out.zip"
    code, stdout, stderr = run(capsys, "collect", "-o", str(out), "--title", "t", *argv)
    assert (code, stdout) == (2, "")
    assert message in stderr
    assert list(tmp_path.iterdir()) == []


def test_collect_unwritable_output_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An output path in a missing folder fails with a clear message and leaves nothing."""
    code, _, stderr = run(capsys, "collect", "-o", str(tmp_path / "no" / "b.zip"), "--title", "t")
    assert code == 1
    assert "supportkit: error: " in stderr
    assert list(tmp_path.iterdir()) == []


def test_collect_notes_problems_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing log is reported on stderr, and the bundle is still written."""
    out = tmp_path / "out.zip"
    code, _, stderr = run(
        capsys, "collect", "-o", str(out), "--title", "t", "--log", str(tmp_path / "gone.log")
    )
    assert code == 0
    assert "gone.log" in stderr
    assert out.exists()


def test_collect_screenshot_without_a_display_is_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--screenshot with no display still captures, and records why there is no image."""
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    out = tmp_path / "b.zip"
    code, _, _ = run(capsys, "collect", "-o", str(out), "--title", "t", "--screenshot")
    assert code == 0
    runs = {run.name: run for run in read_bundle(out).report.capture}
    assert runs["screenshot"].status == "skipped"
    assert (runs["screenshot"].reason or "").startswith("no display")


def test_inspect_shows_the_summary(bundle_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """inspect prints summary.md; --json prints report.json."""
    code, stdout, stderr = run(capsys, "inspect", str(bundle_path))
    assert code == 0
    assert "Broken export" in stdout
    assert "verified" in stderr
    code, stdout, _ = run(capsys, "inspect", "--json", str(bundle_path))
    assert json.loads(stdout)["problem"]["title"] == "Broken export"


def test_verify_intact_bundle(bundle_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """verify exits 0 for an intact bundle."""
    code, stdout, _ = run(capsys, "verify", str(bundle_path))
    assert code == 0
    assert stdout.startswith("ok: ")


def test_verify_tampered_bundle(
    bundle_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """verify exits 1 and names the file whose hash does not match."""
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(bundle_path) as src, zipfile.ZipFile(tampered, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "summary.md":
                data = data.replace(b"Broken", b"Fixed!")
            dst.writestr(item, data)
    code, _, stderr = run(capsys, "verify", str(tampered))
    assert code == 1
    assert "summary.md" in stderr


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04truncated"])
def test_verify_garbage(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    """verify exits 1 with a reason for files that are not bundles."""
    path = tmp_path / "junk.zip"
    path.write_bytes(content)
    code, _, stderr = run(capsys, "verify", str(path))
    assert code == 1
    assert stderr.startswith("supportkit: error: ")


def test_verify_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """verify of a path that does not exist exits 1 and names it."""
    code, _, stderr = run(capsys, "verify", str(tmp_path / "nope.zip"))
    assert code == 1
    assert "nope.zip" in stderr


def test_sysinfo_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    """sysinfo prints a readable environment; --json gives the environment model."""
    code, stdout, _ = run(capsys, "sysinfo")
    assert code == 0
    assert "Python" in stdout
    code, stdout, _ = run(capsys, "sysinfo", "--json")
    data = json.loads(stdout)
    assert data["runtime"]["version"].startswith(f"{sys.version_info.major}.")
    assert data["system"]["architecture"]


def test_history_empty(capsys: pytest.CaptureFixture[str]) -> None:
    """history on a fresh machine says nothing was sent and exits 0."""
    code, stdout, stderr = run(capsys, "history")
    assert (code, stdout) == (0, "")
    assert "no reports" in stderr


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """Running without a command prints usage and exits 2."""
    code, _, stderr = run(capsys)
    assert code == 2
    assert "usage:" in stderr


def test_console_script_runs(tmp_path: Path) -> None:
    """The installed `supportkit` command works end to end in a fresh process."""
    out = tmp_path / "b.zip"
    script = Path(sys.executable).with_name("supportkit")
    done = subprocess.run(
        [str(script), "collect", "-o", str(out), "--title", "from a shell"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    verified = subprocess.run(
        [sys.executable, "-m", "supportkit", "verify", str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert verified.returncode == 0, verified.stderr


def test_redact_file_to_stdout_with_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """redact writes the redacted text to stdout and per-rule counts to stderr."""
    source = tmp_path / "app.log"
    source.write_text("login ana@example.com\nkey AKIAQ3EGTRKWVNXH7YZA\nplain line\n")
    code, stdout, stderr = run(capsys, "redact", str(source))
    assert code == 0
    assert "ana@example.com" not in stdout
    assert "AKIAQ3EGTRKWVNXH7YZA" not in stdout
    assert stdout.count("\n") == 3
    assert "plain line" in stdout
    assert "email" in stderr
    assert "ana@example.com" not in stderr


def test_redact_writes_output_and_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o writes the redacted file; --report writes the counts as JSON."""
    source = tmp_path / "in.txt"
    source.write_text("contact bob@example.org\n")
    out, report = tmp_path / "out.txt", tmp_path / "counts.json"
    code, _, _ = run(capsys, "redact", str(source), "-o", str(out), "--report", str(report))
    assert code == 0
    assert "bob@example.org" not in out.read_text()
    assert json.loads(report.read_text())["artifacts"]["in.txt"]["email"] == 1


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("nope.txt", None, "not found"),
        ("folder", "dir", "is a directory"),
        ("app.bin", b"\x00\x01 password=hunter2 \x00" * 50, "looks binary"),
        ("photo.jpg", bytes(range(128, 256)) * 40, "looks binary"),
    ],
)
def test_redact_refuses_what_is_not_a_text_file(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes | str | None,
    reason: str,
) -> None:
    """A missing path, a folder or a binary file exits 1, names the path and the reason, and
    writes no output that could pass for redacted."""
    source, out = tmp_path / name, tmp_path / "out.txt"
    if content == "dir":
        source.mkdir()
    elif isinstance(content, bytes):
        source.write_bytes(content)
    code, stdout, stderr = run(capsys, "redact", str(source), "-o", str(out))
    assert code == 1
    assert name in stderr
    assert reason in stderr
    assert not out.exists()
    assert stdout == ""


def test_redact_to_a_folder_that_does_not_exist_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = tmp_path / "app.log", tmp_path / "missing" / "out.txt"
    source.write_text("password=hunter2\n")
    code, stdout, stderr = run(capsys, "redact", str(source), "-o", str(out))
    assert code == 1
    assert str(out) in stderr
    assert "an output's folder must exist already" in stderr
    assert stdout == ""


def test_redact_self_test_passes(capsys: pytest.CaptureFixture[str]) -> None:
    """redact --self-test checks every canary kind and exits 0 for the default policy."""
    code, _, stderr = run(capsys, "redact", "--self-test")
    assert code == 0
    assert "self-test passed" in stderr


def test_inspect_shows_the_redaction_audit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """inspect prints the per-artifact redaction counts from the manifest."""
    log = tmp_path / "app.log"
    log.write_text("from 81.2.69.160\n")
    out = tmp_path / "b.zip"
    assert run(capsys, "collect", "-o", str(out), "--title", "t", "--log", str(log))[0] == 0
    code, stdout, _ = run(capsys, "inspect", str(out))
    assert code == 0
    assert "- `attachments/app.log`: ipv4 1" in stdout


def test_collect_send_files_a_minimal_bundle(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """collect --send URL --profile minimal delivers a minimal bundle there and prints it."""
    out = tmp_path / "b.zip"
    target = (tmp_path / "public").as_uri()
    code, stdout, _ = run(
        capsys, "collect", "-o", str(out), "--title", "t", "--contact-email", "a@example.com",
        "--send", target, "--profile", "minimal",
    )  # fmt: skip
    assert code == 0
    assert "filed: SK-" in stdout
    (filed,) = (tmp_path / "public").glob("SK-*/*.zip")
    bundle = read_bundle(filed)
    assert bundle.manifest.profile == "minimal"
    assert bundle.report.contact is None


def test_outbox_list_after_a_send(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """outbox list shows the delivered entry for a bundle sent with `send`."""
    out = tmp_path / "b.zip"
    assert run(capsys, "collect", "-o", str(out), "--title", "t")[0] == 0
    assert run(capsys, "send", str(out), "--to", (tmp_path / "desk").as_uri())[0] == 0
    code, stdout, _ = run(capsys, "outbox", "list")
    assert code == 0
    assert "delivered" in stdout
