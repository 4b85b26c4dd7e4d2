"""Configured destinations on the command line: config, --config, names in --to and --send."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _cli import run
from supportkit import Reporter, SealedBundle
from supportkit.bundle import read_bundle

SECRET = "hunter2-0123456789abcdef"


@pytest.fixture(name="repo")
def _repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository the command runs inside, one folder below its root."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "docs").mkdir()
    monkeypatch.chdir(root / "docs")
    return root


@pytest.fixture(name="desks")
def _desks(repo: Path, tmp_path: Path) -> tuple[Path, Path]:
    """desk (full) and public (minimal) folders, both where reports go by default."""
    desk, public = tmp_path / "desk", tmp_path / "public"
    (repo / "pyproject.toml").write_text(
        f"""[tool.supportkit]
send-to = ["desk", "public"]

[tool.supportkit.destinations]
desk = "{desk.as_uri()}"
public = {{ url = "{public.as_uri()}", profile = "minimal" }}
""",
        encoding="utf-8",
    )
    return desk, public


@pytest.fixture(name="bundle")
def _bundle(tmp_path: Path) -> SealedBundle:
    return Reporter("cli", "1", collectors=["runtime"], transport="file").capture(
        "Broken export", contact={"email": "ana@example.com"}, output=tmp_path / "b.zip"
    )


def _profiles(folder: Path) -> list[str]:
    return [read_bundle(path).manifest.profile for path in sorted(folder.glob("SK-*/*.zip"))]


def test_config_shows_the_destinations_and_where_each_comes_from(
    capsys: pytest.CaptureFixture[str], desks: tuple[Path, Path], repo: Path
) -> None:
    """Each name with its profile, URL and file; the defaults starred; the budget's source."""
    desk, _ = desks
    code, out, _ = run(capsys, "config")
    assert code == 0
    lines = out.splitlines()
    [desk_line] = [line for line in lines if " desk " in line]
    assert desk_line.startswith("*")
    assert desk.as_uri() in desk_line
    assert desk_line.endswith(str(repo / "pyproject.toml"))
    assert any(" public " in line and " minimal " in line for line in lines)
    assert f"(source: {repo / 'pyproject.toml'})" in out
    assert "budget: 5.0 MiB = 5,242,880 bytes (source: built-in default)" in out


def test_config_masks_credentials_from_the_environment(
    capsys: pytest.CaptureFixture[str], desks: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A URL with a password in SUPPORTKIT_DESTINATION is listed without it, text and JSON."""
    url = f"https://bot:{SECRET}@hooks.example.com/r?token={SECRET}"
    monkeypatch.setenv("SUPPORTKIT_DESTINATION", f"public {url}")
    code, out, _ = run(capsys, "config")
    assert code == 0
    assert SECRET not in out
    assert "https://hooks.example.com/r?token=redacted" in out
    code, out, _ = run(capsys, "config", "--json")
    data = json.loads(out)
    assert SECRET not in out
    assert [d["name"] for d in data["send_to"]] == ["public", None]
    assert data["send_to_source"] == "SUPPORTKIT_DESTINATION"


@pytest.mark.parametrize("position", ["before", "after"])
def test_config_file_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], desks: tuple[Path, Path], tmp_path: Path, position: str
) -> None:
    """--config works as a global option and as the command's own."""
    config = tmp_path / "sk.toml"
    config.write_text('send-to = "file:///srv/elsewhere"\n', encoding="utf-8")
    argv = ["--config", str(config), "config", "--json"]
    if position == "after":
        argv = ["config", "--json", "--config", str(config)]
    code, out, _ = run(capsys, *argv)
    assert code == 0
    data = json.loads(out)
    assert [d["url"] for d in data["send_to"]] == ["file:///srv/elsewhere"]
    assert data["files"][0] == str(config)


def test_send_without_to_goes_to_every_configured_destination(
    capsys: pytest.CaptureFixture[str], desks: tuple[Path, Path], bundle: SealedBundle
) -> None:
    """One receipt line per destination; each folder holds its profile's bundle."""
    desk, public = desks
    code, out, _ = run(capsys, "send", str(bundle.path))
    assert code == 0
    assert out.count("filed: SK-") == 2
    assert (_profiles(desk), _profiles(public)) == (["full"], ["minimal"])


def test_send_to_a_name_and_a_url(
    capsys: pytest.CaptureFixture[str],
    desks: tuple[Path, Path],
    bundle: SealedBundle,
    tmp_path: Path,
) -> None:
    """--to takes configured names and URLs, repeated."""
    desk, public = desks
    other = tmp_path / "other"
    code, out, _ = run(capsys, "send", str(bundle.path), "--to", "public", "--to", other.as_uri())
    assert code == 0
    assert out.count("filed: SK-") == 2
    assert (_profiles(desk), _profiles(public), _profiles(other)) == ([], ["minimal"], ["full"])


def test_an_unknown_name_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], desks: tuple[Path, Path], bundle: SealedBundle
) -> None:
    """Exit 2, listing the names that exist; nothing is queued."""
    code, _, err = run(capsys, "send", str(bundle.path), "--to", "pubilc")
    assert code == 2
    assert "desk, public" in err
    assert run(capsys, "outbox", "list", "--json")[1].strip() == "[]"


def test_one_failing_destination_exits_1_and_names_it(
    capsys: pytest.CaptureFixture[str], desks: tuple[Path, Path], bundle: SealedBundle
) -> None:
    """desk cannot be written: public is still filed, and the failure says it was desk's."""
    desk, public = desks
    desk.write_text("a file where the folder should be")
    code, out, err = run(capsys, "send", str(bundle.path))
    assert code == 1
    assert out.count("filed: SK-") == 1
    assert _profiles(public) == ["minimal"]
    assert "not delivered yet: desk: " in err


def test_collect_files_where_the_configuration_says(
    capsys: pytest.CaptureFixture[str], desks: tuple[Path, Path]
) -> None:
    """collect without -o fans out to the configured destinations."""
    desk, public = desks
    code, out, _ = run(capsys, "collect", "--title", "t", "--contact-email", "a@example.com")
    assert code == 0
    assert out.count("filed: SK-") == 2
    assert (_profiles(desk), _profiles(public)) == (["full"], ["minimal"])


def test_collect_send_takes_names_and_config(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, repo: Path
) -> None:
    """collect --config FILE --send NAME sends to the file's destination of that name."""
    folder = tmp_path / "qa"
    config = tmp_path / "sk.toml"
    config.write_text(f'[destinations]\nqa = "{folder.as_uri()}?profile=minimal"\n')
    code, out, _ = run(
        capsys, "collect", "-o", str(tmp_path / "b.zip"), "--title", "t",
        "--config", str(config), "--send", "qa", "--budget", "2MiB", "--json",
    )  # fmt: skip
    assert code == 0
    assert json.loads(out)["budget_bytes"] == 2 * 1024 * 1024
    assert _profiles(folder) == ["minimal"]


def test_a_file_with_a_credential_is_a_usage_error_that_does_not_repeat_it(
    capsys: pytest.CaptureFixture[str], repo: Path, bundle: SealedBundle
) -> None:
    """Exit 2; the file, the key and the variable are named; the key itself is not."""
    (repo / "pyproject.toml").write_text(
        f'[tool.supportkit.destinations.desk]\nurl = "rt://root:{SECRET}@rt.example.com/General"\n'
    )
    for argv in (["config"], ["send", str(bundle.path)], ["collect", "--title", "t"]):
        code, out, err = run(capsys, *argv)
        assert code == 2
        assert SECRET not in out + err
        assert "tool.supportkit.destinations.desk.url" in err
        assert "SUPPORTKIT_RT_TOKEN" in err
