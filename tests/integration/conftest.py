"""Real Redmine and Request Tracker 5 servers for the ticket-system transports.

The servers come from ``scripts/integration-servers.sh start``, which writes their URLs and
throwaway credentials to an env file (``$SUPPORTKIT_INTEGRATION_ENV``, else
``${XDG_RUNTIME_DIR:-/tmp}/supportkit-integration.env``). When they are not running:

- on CI (``CI=true``) or with ``SUPPORTKIT_INTEGRATION=1`` the suite starts them, and fails if
  it cannot: CI must never pass by skipping;
- with ``SUPPORTKIT_INTEGRATION=auto`` it tries to start them and skips if it cannot;
- otherwise (or with ``SUPPORTKIT_INTEGRATION=0``) it skips, saying how to start them.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

import supportkit
from integration._api import Crash, RedmineApi, RTApi
from supportkit.bundle import SealedBundle
from supportkit.transports import DeliveryContext

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "integration-servers.sh"
START_TIMEOUT_S = 1200
_YES = {"1", "yes", "true", "on"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark everything here ``integration`` so ``-m "not integration"`` leaves it out."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker("integration")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "integration: needs the real Redmine and RT servers")


def _env_file() -> Path:
    explicit = os.environ.get("SUPPORTKIT_INTEGRATION_ENV")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("XDG_RUNTIME_DIR") or "/tmp") / "supportkit-integration.env"


def _read_env(path: Path) -> dict[str, str]:
    settings: dict[str, str] = {}
    for line in path.read_text().splitlines():
        name, sep, value = line.partition("=")
        if sep and not line.lstrip().startswith("#"):
            settings[name.strip()] = " ".join(shlex.split(value))
    return settings


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=10):
            return True
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False


def _running() -> dict[str, str] | None:
    path = _env_file()
    if not path.is_file():
        return None
    settings = _read_env(path)
    bases = [settings.get("SUPPORTKIT_IT_REDMINE_BASE"), settings.get("SUPPORTKIT_IT_RT_BASE")]
    if all(base and _answers(base) for base in bases):
        return settings
    return None


def _start() -> str | None:
    """Start the servers; what went wrong, or None."""
    try:
        done = subprocess.run(
            [str(SCRIPT), "start"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"{SCRIPT.name} start: {exc}"
    if done.returncode != 0:
        tail = " | ".join(done.stderr.strip().splitlines()[-5:])
        return f"{SCRIPT.name} start exited {done.returncode}: {tail}"
    return None


@pytest.fixture(scope="session")
def servers() -> dict[str, str]:
    """The env file's settings, once both servers answer."""
    found = _running()
    if found is not None:
        return found
    mode = os.environ.get("SUPPORTKIT_INTEGRATION", "").strip().lower()
    on_ci = os.environ.get("CI", "").strip().lower() in _YES
    must_run = on_ci or mode in _YES
    problem = "they are not running"
    if must_run or mode == "auto":
        problem = _start() or "they still do not answer after starting"
        found = _running()
        if found is not None:
            return found
    reason = (
        f"Redmine and Request Tracker servers unavailable ({problem}); start them with "
        f"`{SCRIPT.relative_to(SCRIPT.parents[1])} start` (needs root or sudo; about five "
        "minutes the first time) or set SUPPORTKIT_INTEGRATION=auto"
    )
    if must_run:
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture
def redmine_url(servers: dict[str, str]) -> str:
    """``redmine+http://127.0.0.1:<port>/projects/support``."""
    return servers["SUPPORTKIT_IT_REDMINE_URL"]


@pytest.fixture
def redmine_key(servers: dict[str, str]) -> str:
    """The administrator's API key on the test server."""
    return servers["SUPPORTKIT_IT_REDMINE_API_KEY"]


@pytest.fixture
def redmine_field(servers: dict[str, str]) -> str:
    """The id of the issue custom field 'Supportkit report id'."""
    return servers["SUPPORTKIT_IT_REDMINE_FIELD"]


@pytest.fixture
def redmine_api(servers: dict[str, str]) -> RedmineApi:
    """The server's API, to read issues back."""
    return RedmineApi(
        servers["SUPPORTKIT_IT_REDMINE_BASE"], servers["SUPPORTKIT_IT_REDMINE_API_KEY"]
    )


@pytest.fixture
def rt_url(servers: dict[str, str]) -> str:
    """``rt+http://127.0.0.1:<port>/General``."""
    return servers["SUPPORTKIT_IT_RT_URL"]


@pytest.fixture
def rt_token(servers: dict[str, str]) -> str:
    """An auth token for RT's root user."""
    return servers["SUPPORTKIT_IT_RT_TOKEN"]


@pytest.fixture
def rt_field(servers: dict[str, str]) -> str:
    """The name of the ticket custom field applied to the General queue."""
    return servers["SUPPORTKIT_IT_RT_FIELD"]


@pytest.fixture
def rt_api(servers: dict[str, str]) -> RTApi:
    """The server's API, to read tickets back."""
    return RTApi(servers["SUPPORTKIT_IT_RT_BASE"], servers["SUPPORTKIT_IT_RT_TOKEN"])


@pytest.fixture
def bundle(tmp_path: Path) -> SealedBundle:
    """A freshly captured bundle: a new report id, so each test has its own tickets."""
    reporter = supportkit.Reporter("supportkit-it", "1.0", collectors=["runtime"])
    return reporter.capture(
        "Printing fails on page 2",
        contact={"name": "Ada Reporter", "email": "ada@example.com"},
        output=tmp_path / "report.zip",
    )


@pytest.fixture
def crashing_context() -> Callable[[int], DeliveryContext]:
    """A delivery context whose ``n``-th checkpoint 'kills the process' (raises Crash)."""

    def make(n: int) -> DeliveryContext:
        calls = 0

        def checkpoint() -> None:
            nonlocal calls
            calls += 1
            if calls == n:
                raise Crash

        return DeliveryContext(idempotency_key="crash-test", checkpoint=checkpoint)

    return make
