"""Configured destinations: precedence, discovery, named destinations, fan-out, refusals."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from supportkit import Delivery, DeliveryError, InvalidArgumentError, Reporter
from supportkit._config import (
    BUDGET_VARIABLE,
    CONFIG_VARIABLE,
    DESTINATION_VARIABLE,
    Destination,
    find_pyproject,
    load_settings,
    split_targets,
)
from supportkit.bundle import SealedBundle, read_bundle

SECRET = "hunter2-0123456789abcdef"
MIB = 1024 * 1024

Write = Callable[[Path, str], Path]


@pytest.fixture(name="write")
def _write() -> Write:
    """Write a file (dedented), making its folder; return its path."""

    def write(path: Path, text: str) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture(name="repo")
def _repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository root (it holds .git); the test runs in a folder two levels inside it."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    work = root / "src" / "app"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    return root


@pytest.fixture(name="pyproject")
def _pyproject(repo: Path, write: Write) -> Path:
    """The host's pyproject.toml at the repository root, with two destinations."""
    return write(
        repo / "pyproject.toml",
        """\
        [project]
        name = "host"
        dependencies = ["supportkit"]

        [tool.supportkit]
        send-to = ["helpdesk", "public"]
        budget = "8MiB"

        [tool.supportkit.destinations.helpdesk]
        url = "rt://rt.example.com/Support"

        [tool.supportkit.destinations.public]
        url = "redmine://redmine.example.com/projects/app"
        profile = "minimal"
        """,
    )


@pytest.fixture(name="explicit")
def _explicit(tmp_path: Path, write: Write) -> Path:
    """A standalone configuration file: the same keys without the tool.supportkit prefix."""
    return write(
        tmp_path / "supportkit.toml",
        """\
        send-to = "staging"
        budget = 3000000

        [destinations]
        staging = "https://staging.example.com/hooks/reports?profile=minimal"
        helpdesk = "rt://rt.example.com/Escalations"
        """,
    )


def _labels(destinations: tuple[Destination, ...] | list[Destination]) -> list[str]:
    return [d.label for d in destinations]


# -- precedence ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sources", "send_to", "from_", "budget"),
    [
        ((), ["file:"], "built-in default", None),
        (("pyproject",), ["helpdesk", "public"], "pyproject", 8 * MIB),
        (("pyproject", "file"), ["staging"], "file", 3_000_000),
        (("pyproject", "file", "env"), ["public"], DESTINATION_VARIABLE, 2 * MIB),
        (("pyproject", "file", "env", "argument"), ["helpdesk"], "argument", 1000),
    ],
    ids=["nothing", "pyproject", "file-over-pyproject", "env-over-file", "argument-over-env"],
)
def test_each_source_overrides_the_ones_below_it(
    repo: Path,
    pyproject: Path,
    explicit: Path,
    sources: tuple[str, ...],
    send_to: list[str],
    from_: str,
    budget: int | None,
) -> None:
    """Arguments > environment > explicit file > pyproject > built-in, for every setting."""
    if "pyproject" not in sources:
        pyproject.unlink()
    environ = {DESTINATION_VARIABLE: "public", BUDGET_VARIABLE: "2MiB"} if "env" in sources else {}
    settings = load_settings(
        config=explicit if "file" in sources else None,
        send_to=["helpdesk"] if "argument" in sources else None,
        budget_bytes=1000 if "argument" in sources else None,
        environ=environ,
    )
    expected_source = {"pyproject": str(pyproject), "file": str(explicit)}.get(from_, from_)
    assert _labels(settings.send_to) == send_to
    assert settings.send_to_source == expected_source
    assert settings.budget_bytes == budget


def test_named_destinations_merge_by_name(pyproject: Path, explicit: Path) -> None:
    """The explicit file's helpdesk replaces the pyproject's whole; public is still there."""
    settings = load_settings(config=explicit)
    assert settings.destinations["helpdesk"].url == "rt://rt.example.com/Escalations"
    assert settings.destinations["helpdesk"].source == str(explicit)
    assert settings.destinations["public"].source == str(pyproject)
    assert settings.files == (explicit, pyproject)


def test_the_environment_can_name_a_destination_any_file_defines(
    pyproject: Path, explicit: Path
) -> None:
    """SUPPORTKIT_DESTINATION picks from the merged destinations of every file."""
    environ = {DESTINATION_VARIABLE: "staging,public"}
    settings = load_settings(config=explicit, environ=environ)
    assert _labels(settings.send_to) == ["staging", "public"]
    assert [d.profile for d in settings.send_to] == ["minimal", "minimal"]


def test_config_variable_names_the_explicit_file_and_the_argument_beats_it(
    pyproject: Path, explicit: Path, write: Write, tmp_path: Path
) -> None:
    """SUPPORTKIT_CONFIG is read when no file is passed; a passed file is read instead."""
    other = write(tmp_path / "other.toml", 'send-to = "file:///srv/reports"\n')
    from_variable = load_settings(environ={CONFIG_VARIABLE: str(explicit)})
    assert _labels(from_variable.send_to) == ["staging"]
    from_argument = load_settings(config=other, environ={CONFIG_VARIABLE: str(explicit)})
    assert [d.url for d in from_argument.send_to] == ["file:///srv/reports"]
    assert from_argument.files == (other, pyproject)


@pytest.mark.parametrize("how", ["argument", "variable"])
def test_a_missing_explicit_file_is_an_error(repo: Path, how: str) -> None:
    """Naming a file that is not there is a mistake worth hearing about, saying what to fix."""
    missing = repo / "nowhere.toml"
    config, environ = (
        (missing, {}) if how == "argument" else (None, {CONFIG_VARIABLE: str(missing)})
    )
    with pytest.raises(InvalidArgumentError, match="does not exist") as caught:
        load_settings(config=config, environ=environ)
    assert str(missing) in str(caught.value)
    assert (CONFIG_VARIABLE in str(caught.value)) == (how == "variable")


def test_an_explicit_pyproject_is_read_from_its_tool_table(
    tmp_path: Path, pyproject: Path, write: Write
) -> None:
    """--config path/to/pyproject.toml reads [tool.supportkit], as ruff's --config does."""
    other = write(
        tmp_path / "elsewhere" / "pyproject.toml",
        '[tool.supportkit]\nsend-to = "file:///srv/reports"\n',
    )
    settings = load_settings(config=other)
    assert [d.url for d in settings.send_to] == ["file:///srv/reports"]


# -- discovery ----------------------------------------------------------------------------


def test_discovery_walks_up_from_the_current_folder(repo: Path, pyproject: Path) -> None:
    """The host's pyproject two folders up is found, as ruff and pytest find theirs."""
    assert find_pyproject(Path.cwd()) == pyproject
    assert _labels(load_settings().send_to) == ["helpdesk", "public"]


def test_the_nearest_pyproject_with_the_table_wins(
    repo: Path, pyproject: Path, write: Write
) -> None:
    """A pyproject.toml without [tool.supportkit] on the way up is passed over."""
    write(repo / "src" / "pyproject.toml", '[project]\nname = "inner"\n')
    nearer = write(
        repo / "src" / "app" / "pyproject.toml",
        '[tool.supportkit]\nsend-to = "file:///srv/nearer"\n',
    )
    assert find_pyproject(Path.cwd()) == nearer
    (repo / "src" / "app" / "pyproject.toml").unlink()
    assert find_pyproject(Path.cwd()) == pyproject


def test_discovery_stops_at_the_repository_root(repo: Path, write: Write) -> None:
    """A pyproject.toml above the repository belongs to something else and is not read."""
    write(repo.parent / "pyproject.toml", '[tool.supportkit]\nsend-to = "file:///srv/x"\n')
    assert find_pyproject(Path.cwd()) is None
    assert _labels(load_settings().send_to) == ["file:"]


def test_a_broken_pyproject_that_never_mentions_supportkit_is_not_read(
    repo: Path, write: Write
) -> None:
    """Only files that mention supportkit are parsed, so a host's broken TOML is its business."""
    write(repo / "pyproject.toml", "[project\nname = \n")
    assert load_settings().send_to_source == "built-in default"


# -- naming destinations ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "targets"),
    [
        ("helpdesk", ["helpdesk"]),
        ("helpdesk,public", ["helpdesk", "public"]),
        ("helpdesk public", ["helpdesk", "public"]),
        (" helpdesk , public ", ["helpdesk", "public"]),
        (
            "smtp://mail:587?to=a@example.com,b@example.com",
            ["smtp://mail:587?to=a@example.com,b@example.com"],
        ),
        (
            "redmine://rm/projects/p?priorities=critical:5,high:4,helpdesk",
            ["redmine://rm/projects/p?priorities=critical:5,high:4", "helpdesk"],
        ),
        ("https://h/x?tags=a,b,file:", ["https://h/x?tags=a,b", "file:"]),
        ("https://h/x?tags=a,b file:///srv", ["https://h/x?tags=a,b", "file:///srv"]),
    ],
)
def test_destination_lists_split_on_commas_and_spaces_but_not_inside_a_query(
    value: str, targets: list[str]
) -> None:
    """A comma in a URL's query stays with the URL unless a name or URL follows it."""
    assert split_targets(value, {"helpdesk", "public"}) == targets


@pytest.mark.parametrize(
    ("target", "url", "profile", "name"),
    [
        ("public", "redmine://redmine.example.com/projects/app", "minimal", "public"),
        ("rt://rt.example.com/Other?profile=minimal", "rt://rt.example.com/Other", "minimal", None),
        ("file", "file", "full", None),
        ("file:", "file:", "full", None),
    ],
)
def test_a_target_is_a_name_a_url_or_a_transport(
    pyproject: Path, target: str, url: str, profile: str, name: str | None
) -> None:
    """Names first; then anything with a scheme is a URL, and a bare word a transport."""
    destination = load_settings().resolve(target)
    assert (destination.url, destination.profile, destination.name) == (url, profile, name)


def test_an_unknown_name_lists_the_configured_ones(pyproject: Path) -> None:
    """A typo is an error that says which names exist and where to look."""
    with pytest.raises(InvalidArgumentError, match="helpdesk, public") as caught:
        load_settings().resolve("helpdsk")
    assert "supportkit config" in str(caught.value)


def test_profile_in_the_url_or_beside_it_but_not_both_differently(repo: Path, write: Write) -> None:
    """?profile= and profile = … may agree; when they differ, the file is refused."""
    write(
        repo / "pyproject.toml",
        """\
        [tool.supportkit.destinations]
        agree = { url = "file:///a?profile=minimal", profile = "minimal" }
        """,
    )
    assert load_settings().destinations["agree"].profile == "minimal"
    write(
        repo / "pyproject.toml",
        """\
        [tool.supportkit.destinations]
        clash = { url = "file:///a?profile=minimal", profile = "full" }
        """,
    )
    with pytest.raises(InvalidArgumentError, match="keep one"):
        load_settings()


def test_importing_supportkit_reads_no_configuration() -> None:
    """The configuration is loaded when a Reporter is built or the CLI runs, not on import."""
    code = (
        "import sys, json, supportkit;"
        "print(json.dumps([m for m in ('supportkit._config', 'tomllib', 'tomli')"
        " if m in sys.modules]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


# -- credentials and bad files -------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "advice"),
    [
        (f"redmine://{SECRET}@rm.example.com/projects/p", "SUPPORTKIT_REDMINE_API_KEY"),
        (f"redmine+http://admin:{SECRET}@127.0.0.1:3300/projects/p", "redmine://127.0.0.1:3300"),
        (f"rt://root:{SECRET}@rt.example.com/General", "SUPPORTKIT_RT_TOKEN"),
        (f"smtp://desk:{SECRET}@mail.example.com?to=a@example.com", "SUPPORTKIT_SMTP_PASSWORD"),
        (f"https://bot:{SECRET}@hooks.example.com/r", DESTINATION_VARIABLE),
        (f"https://{SECRET}@hooks.example.com/r", DESTINATION_VARIABLE),
        (f"https://hooks.example.com/r?token={SECRET}", "SUPPORTKIT_WEBHOOK_SECRET"),
        (f"https://hooks.example.com/r?api_key={SECRET}&x=1", DESTINATION_VARIABLE),
        (f"https://hooks.example.com/r?accessToken={SECRET}", DESTINATION_VARIABLE),
        (f"https://hooks.example.com/r?hub.secret={SECRET}", DESTINATION_VARIABLE),
        (f"gopher://example.com/x?secret={SECRET}", DESTINATION_VARIABLE),
    ],
)
@pytest.mark.parametrize("where", ["destination", "send-to"])
def test_credentials_in_a_file_are_refused_without_repeating_them(
    repo: Path, write: Write, url: str, advice: str, where: str
) -> None:
    """The message names the file and key and where the credential goes; never the credential."""
    if where == "destination":
        body = f'[tool.supportkit.destinations.desk]\nurl = "{url}"\n'
        key = "tool.supportkit.destinations.desk.url"
    else:
        body = f'[tool.supportkit]\nsend-to = ["file:", "{url}"]\n'
        key = "tool.supportkit.send-to[1]"
    path = write(repo / "pyproject.toml", body)
    with pytest.raises(InvalidArgumentError) as caught:
        load_settings()
    message = str(caught.value)
    assert SECRET not in message
    assert f"{path}: {key}:" in message
    assert "hold no credentials" in message
    assert advice in message


def test_a_credential_key_in_a_destination_table_is_refused(repo: Path, write: Write) -> None:
    """api_key = "…" beside the URL is refused as a credential, not just an unknown key."""
    write(
        repo / "pyproject.toml",
        f"""\
        [tool.supportkit.destinations.desk]
        url = "redmine://rm.example.com/projects/p"
        api_key = "{SECRET}"
        """,
    )
    with pytest.raises(InvalidArgumentError, match="SUPPORTKIT_REDMINE_API_KEY") as caught:
        load_settings()
    assert SECRET not in str(caught.value)
    assert "destinations.desk.api_key" in str(caught.value)


@pytest.mark.parametrize("option", ["keyword", "design", "author", "passenger", "to", "tracker"])
def test_options_that_merely_contain_a_secret_word_are_allowed(
    repo: Path, write: Write, option: str
) -> None:
    """Only option names that are, or end in, a secret word count as credentials."""
    write(
        repo / "pyproject.toml",
        f'[tool.supportkit.destinations]\nhook = "https://hooks.example.com/r?{option}=x"\n',
    )
    assert load_settings().destinations["hook"].url.endswith(f"?{option}=x")


def test_an_smtp_user_name_alone_may_stay_in_the_url(repo: Path, write: Write) -> None:
    """A login name is no secret; only its password is."""
    write(
        repo / "pyproject.toml",
        '[tool.supportkit.destinations]\nmail = "smtp://desk@mail.example.com?to=a@example.com"\n',
    )
    assert load_settings().destinations["mail"].url.startswith("smtp://desk@")


def test_the_environment_may_carry_credentials_and_nothing_shows_them(repo: Path) -> None:
    """SUPPORTKIT_DESTINATION is where a URL with a credential may live; it stays hidden."""
    environ = {DESTINATION_VARIABLE: f"https://bot:{SECRET}@hooks.example.com/r?token={SECRET}"}
    [destination] = load_settings(environ=environ).send_to
    assert SECRET in destination.url
    assert SECRET not in destination.shown
    assert SECRET not in repr(destination)
    assert SECRET not in repr(load_settings(environ=environ))


@pytest.mark.parametrize(
    ("body", "key", "says"),
    [
        ("[tool.supportkit]\nsend-to = [helpdesk]\n", "", "not valid TOML"),
        ("[tool.supportkit]\nsend_to = 'a'\n", "tool.supportkit.send_to", "did you mean 'send-to'"),
        ("[tool.supportkit]\ncolour = 'red'\n", "tool.supportkit.colour", "unknown setting"),
        ("[tool.supportkit]\ndestinations = 'x'\n", "tool.supportkit.destinations", "table"),
        ("[tool.supportkit.destinations]\n'2nd' = 'file:'\n", "destinations.2nd", "rename it"),
        ("[tool.supportkit.destinations.a]\nprofile = 'full'\n", "destinations.a.url", "needs"),
        ("[tool.supportkit.destinations.a]\nurl = 42\n", "destinations.a.url", "needs"),
        (
            "[tool.supportkit.destinations.a]\nurl = 'x'\nuser = 'b'\n",
            "destinations.a.user",
            "unknown",
        ),
        ("[tool.supportkit.destinations]\na = 7\n", "destinations.a", "a URL or a table"),
        (
            "[tool.supportkit.destinations]\na = 'file:?profile=public'\n",
            "destinations.a",
            "choose",
        ),
        ("[tool.supportkit.destinations.a]\nurl = 'file:'\nprofile = 1\n", "a.profile", "string"),
        ("[tool.supportkit]\nsend-to = []\n", "tool.supportkit.send-to", "is empty"),
        ("[tool.supportkit]\nsend-to = 3\n", "tool.supportkit.send-to", "name or URL"),
        ("[tool.supportkit]\nsend-to = 'nobody'\n", "tool.supportkit.send-to", "'nobody'"),
        ("[tool.supportkit]\nbudget = 'lots'\n", "tool.supportkit.budget", "5MiB"),
        ("[tool.supportkit]\nbudget = 0\n", "tool.supportkit.budget", "above 0"),
        ("[tool.supportkit]\nbudget = true\n", "tool.supportkit.budget", "number of bytes"),
    ],
)
def test_a_bad_file_is_refused_naming_the_file_and_key(
    repo: Path, write: Write, body: str, key: str, says: str
) -> None:
    """Every mistake names the file and the key, and says what is wrong."""
    path = write(repo / "pyproject.toml", body)
    with pytest.raises(InvalidArgumentError) as caught:
        load_settings()
    message = str(caught.value)
    assert message.startswith(str(path))
    assert key in message
    assert says in message


@pytest.mark.parametrize(
    ("environ", "says"),
    [
        ({DESTINATION_VARIABLE: "nobody"}, f"{DESTINATION_VARIABLE}: 'nobody'"),
        ({DESTINATION_VARIABLE: "file:///a?profile=public"}, f"{DESTINATION_VARIABLE}: unknown"),
        ({BUDGET_VARIABLE: "lots"}, f"{BUDGET_VARIABLE}: 'lots' is not a size"),
        ({BUDGET_VARIABLE: "0"}, "above 0"),
    ],
)
def test_bad_variables_are_refused_naming_the_variable(
    repo: Path, environ: dict[str, str], says: str
) -> None:
    """A variable that cannot be used says which one it is."""
    with pytest.raises(InvalidArgumentError) as caught:
        load_settings(environ=environ)
    assert says in str(caught.value)


# -- wired into the Reporter ---------------------------------------------------------------


@pytest.fixture(name="desks")
def _desks(repo: Path, tmp_path: Path, write: Write) -> tuple[Path, Path]:
    """Two folder destinations configured in the host's pyproject: desk (full) and public
    (minimal), both where reports go by default."""
    desk, public = tmp_path / "desk", tmp_path / "public"
    write(
        repo / "pyproject.toml",
        f"""\
        [tool.supportkit]
        send-to = ["desk", "public"]
        budget = "4MiB"

        [tool.supportkit.destinations]
        desk = "{desk.as_uri()}"
        public = {{ url = "{public.as_uri()}", profile = "minimal" }}
        """,
    )
    return desk, public


def _filed(folder: Path) -> list[SealedBundle]:
    return [read_bundle(path) for path in sorted(folder.glob("SK-*/*.zip"))]


def _capture(reporter: Reporter) -> SealedBundle:
    return reporter.capture("Export fails", contact={"email": "ana@example.com"})


def test_reporter_sends_to_every_configured_destination_in_its_profile(
    desks: tuple[Path, Path],
) -> None:
    """send() fans out: the full bundle to desk, the minimal one to public; desk's receipt."""
    desk, public = desks
    reporter = Reporter("app", "1", collectors=["runtime"])
    assert _labels(reporter.destinations) == ["desk", "public"]
    assert reporter.budget_bytes == 4 * MIB
    receipt = reporter.send(_capture(reporter))
    [full] = _filed(desk)
    [minimal] = _filed(public)
    assert (full.manifest.profile, minimal.manifest.profile) == ("full", "minimal")
    assert minimal.report.contact is None
    assert receipt.path is not None
    assert Path(receipt.path).parent.parent == desk


def test_send_all_reports_each_destination(desks: tuple[Path, Path]) -> None:
    """One Delivery per destination, in order, each with its receipt and outbox entry."""
    reporter = Reporter("app", "1", collectors=["runtime"])
    deliveries = reporter.send_all(_capture(reporter))
    assert all(isinstance(d, Delivery) and d.delivered for d in deliveries)
    assert [d.destination.name for d in deliveries] == ["desk", "public"]
    assert [d.entry.profile for d in deliveries] == ["full", "minimal"]
    assert [d.entry.status for d in deliveries] == ["delivered", "delivered"]


def test_one_failing_destination_costs_the_others_nothing(desks: tuple[Path, Path]) -> None:
    """desk cannot be written: public still gets its copy; send() raises desk's failure, and
    send_all() reports it; desk's copy waits in the outbox."""
    desk, public = desks
    desk.write_text("a file where the folder should be")
    reporter = Reporter("app", "1", collectors=["runtime"])
    bundle = _capture(reporter)
    with pytest.raises(DeliveryError, match="cannot file"):
        reporter.send(bundle)
    assert len(_filed(public)) == 1
    failed, delivered = reporter.send_all(bundle)
    assert (failed.delivered, delivered.delivered) == (False, True)
    assert isinstance(failed.error, DeliveryError)
    assert failed.entry.status == "pending"


def test_sending_to_a_name_uses_that_destination_and_its_profile(
    desks: tuple[Path, Path],
) -> None:
    """to="public" sends only there, minimal as configured; a typo lists the names."""
    desk, _ = desks
    reporter = Reporter("app", "1", collectors=["runtime"])
    bundle = _capture(reporter)
    receipt = reporter.send(bundle, to="public")
    assert read_bundle(Path(receipt.path or "")).manifest.profile == "minimal"
    assert _filed(desk) == []
    with pytest.raises(InvalidArgumentError, match="desk, public"):
        reporter.send(bundle, to="pubilc")


@pytest.mark.parametrize(
    ("transport", "expected"),
    [("public", ["public"]), (None, ["desk"])],
    ids=["argument-names-a-destination", "environment-over-file"],
)
def test_the_reporters_own_argument_and_the_environment_choose_the_destinations(
    desks: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    transport: str | None,
    expected: list[str],
) -> None:
    """transport= beats SUPPORTKIT_DESTINATION, which beats the file's send-to."""
    monkeypatch.setenv(DESTINATION_VARIABLE, "desk")
    reporter = Reporter("app", "1", collectors=["runtime"], transport=transport)
    assert _labels(reporter.destinations) == expected


def test_an_explicit_config_file_for_the_reporter(repo: Path, tmp_path: Path, write: Write) -> None:
    """Reporter(config=…) reads that file; its destination is used."""
    folder = tmp_path / "from-file"
    config = write(tmp_path / "sk.toml", f'send-to = "{folder.as_uri()}"\n')
    reporter = Reporter("app", "1", collectors=["runtime"], config=config)
    reporter.send(_capture(reporter))
    assert len(_filed(folder)) == 1


def test_without_configuration_the_default_folder_is_used(
    repo: Path, supportkit_home: Path
) -> None:
    """Nothing configured: the built-in file transport, as before."""
    reporter = Reporter("app", "1", collectors=["runtime"])
    assert [(d.url, d.source) for d in reporter.destinations] == [("file:", "built-in default")]
    reporter.send(_capture(reporter))
    assert len(_filed(supportkit_home / "data" / "reports")) == 1


def test_send_in_background_queues_every_destination(desks: tuple[Path, Path]) -> None:
    """The worker delivers each configured destination's copy."""
    desk, public = desks
    reporter = Reporter("app", "1", collectors=["runtime"])
    queued = reporter.send_all(_capture(reporter), background=True)
    assert [d.receipt for d in queued] == [None, None]
    assert reporter._worker is not None
    assert reporter._worker.wait_idle(30)
    assert (len(_filed(desk)), len(_filed(public))) == (1, 1)
