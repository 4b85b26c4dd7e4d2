"""Redmine and RT destinations without a server: URLs, options, credentials, subjects."""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import supportkit
from supportkit.bundle import SealedBundle
from supportkit.exceptions import InvalidArgumentError, PermanentDeliveryError
from supportkit.transports import Transport
from supportkit.transports._ticket import subject
from supportkit.transports.redmine import RedmineTransport
from supportkit.transports.rt import RTTransport

SECRET = "s3cr3t-0123456789abcdef"


@pytest.mark.parametrize(
    ("url", "page", "destination"),
    [
        (
            "redmine://rm.example.com/projects/support",
            "https://rm.example.com/issues/7",
            "redmine://rm.example.com/projects/support",
        ),
        (
            "redmine+http://127.0.0.1:3300/projects/support/",
            "http://127.0.0.1:3300/issues/7",
            "redmine+http://127.0.0.1:3300/projects/support",
        ),
        (
            "redmine://example.com/redmine/projects/support?tracker=3&report_field=2",
            "https://example.com/redmine/issues/7",
            "redmine://example.com/redmine/projects/support",
        ),
    ],
)
def test_redmine_url_names_server_and_project(url: str, page: str, destination: str) -> None:
    """HTTPS by default, redmine+http for plain HTTP, a path prefix kept, options not shown."""
    transport = RedmineTransport.from_url(url)
    assert transport.project == "support"
    assert transport.issue_url("7") == page
    assert transport.destination == destination


@pytest.mark.parametrize(
    ("url", "page", "queue"),
    [
        (
            "rt://rt.example.com/General",
            "https://rt.example.com/Ticket/Display.html?id=7",
            "General",
        ),
        (
            "rt+http://127.0.0.1:8088/General",
            "http://127.0.0.1:8088/Ticket/Display.html?id=7",
            "General",
        ),
        (
            "rt://example.com/rt/Help%20Desk?field=Report",
            "https://example.com/rt/Ticket/Display.html?id=7",
            "Help Desk",
        ),
    ],
)
def test_rt_url_names_server_and_queue(url: str, page: str, queue: str) -> None:
    """HTTPS by default, rt+http for plain HTTP, the last segment is the queue."""
    transport = RTTransport.from_url(url)
    assert transport.queue == queue
    assert transport.ticket_url("7") == page
    assert "?" not in transport.destination


@pytest.mark.parametrize(
    "url",
    [
        "redmine://rm.example.com/",
        "redmine://rm.example.com/issues",
        "redmine:///projects/support",
        "redmine://rm.example.com/projects/support?tracker=bug",
        "redmine://rm.example.com/projects/support?report_field=cf",
        "redmine://rm.example.com/projects/support?priorities=high",
        "redmine://rm.example.com/projects/support?priorities=high:urgent",
        "redmine://rm.example.com/projects/support?subject_marker=maybe",
        "rt://rt.example.com",
        "rt://rt.example.com/General?requestor=sometimes",
        "https://rm.example.com/projects/support",
    ],
)
def test_malformed_urls_are_refused(url: str) -> None:
    """A URL the transport cannot use is an error when it is configured, not at delivery."""
    cls: type[Transport] = RTTransport if url.startswith("rt") else RedmineTransport
    with pytest.raises(InvalidArgumentError):
        cls.from_url(url)


@pytest.mark.parametrize(
    ("cls", "url"),
    [
        (RedmineTransport, f"redmine://{SECRET}@rm.example.com/projects/support"),
        (RTTransport, f"rt://root:{SECRET}@rt.example.com/General"),
    ],
)
def test_credentials_in_the_url_are_refused_without_repeating_them(
    cls: type[Transport], url: str
) -> None:
    """A key pasted into the URL is refused, and the message does not echo it."""
    with pytest.raises(InvalidArgumentError) as caught:
        cls.from_url(url)
    assert SECRET not in str(caught.value)
    assert "environment" in str(caught.value)


def test_long_titles_are_cut_but_keep_the_marker() -> None:
    """The marker survives any title length and the subject fits the limit."""
    cut = subject("x" * 400, "01ABCDEF", limit=255)
    assert len(cut) <= 255
    assert cut.endswith(" [sk:01ABCDEF]")


@pytest.fixture
def bundle(tmp_path: Path) -> SealedBundle:
    """A sealed bundle to send."""
    reporter = supportkit.Reporter("app", "1", collectors=["runtime"])
    return reporter.capture("Printing fails", output=tmp_path / "report.zip")


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """The optional keyring package is absent, whatever this machine has."""
    monkeypatch.setitem(sys.modules, "keyring", None)


class _Recorder(BaseHTTPRequestHandler):
    """Answers every request 401 and records its headers."""

    seen: list[dict[str, str]]

    def do_GET(self) -> None:
        self._refuse()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self._refuse()

    def _refuse(self) -> None:
        self.seen.append(dict(self.headers.items()))
        body = json.dumps({"message": "Unauthorized"}).encode()
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def refusing_server() -> Iterator[tuple[int, list[dict[str, str]]]]:
    """A real local HTTP server that refuses everything; yields its port and what it saw."""
    seen: list[dict[str, str]] = []
    handler = type("Handler", (_Recorder,), {"seen": seen})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], seen
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.mark.parametrize(
    ("cls", "path", "variable", "header", "sent"),
    [
        (RedmineTransport, "projects/p", "SUPPORTKIT_REDMINE_API_KEY", "X-Redmine-API-Key", SECRET),
        (RTTransport, "General", "SUPPORTKIT_RT_TOKEN", "Authorization", f"token {SECRET}"),
    ],
)
def test_credential_from_the_environment_is_sent_and_never_shown(
    cls: type[Transport],
    path: str,
    variable: str,
    header: str,
    sent: str,
    bundle: SealedBundle,
    refusing_server: tuple[int, list[dict[str, str]]],
    monkeypatch: pytest.MonkeyPatch,
    no_keyring: None,
) -> None:
    """The environment's secret reaches the server in its header, and not the error message."""
    port, seen = refusing_server
    monkeypatch.setenv(variable, SECRET)
    scheme = "redmine+http" if cls is RedmineTransport else "rt+http"
    transport = cls.from_url(f"{scheme}://127.0.0.1:{port}/{path}")
    with pytest.raises(PermanentDeliveryError) as caught:
        transport.send(bundle)
    assert caught.value.status == 401
    assert seen[0][header] == sent
    assert SECRET not in str(caught.value)
    assert SECRET not in transport.destination


@pytest.mark.parametrize(
    ("transport", "variable"),
    [
        (RedmineTransport("redmine://rm.example.com/projects/p"), "SUPPORTKIT_REDMINE_API_KEY"),
        (RTTransport("rt://rt.example.com/General"), "SUPPORTKIT_RT_TOKEN"),
    ],
)
def test_missing_credential_says_where_to_put_it(
    transport: Transport,
    variable: str,
    bundle: SealedBundle,
    monkeypatch: pytest.MonkeyPatch,
    no_keyring: None,
) -> None:
    """Without a credential the delivery fails before any request, naming the variable."""
    monkeypatch.delenv(variable, raising=False)
    with pytest.raises(PermanentDeliveryError, match=variable):
        transport.send(bundle)


def test_constructor_key_wins_over_the_environment(
    bundle: SealedBundle,
    refusing_server: tuple[int, list[dict[str, str]]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The host's own key is the one sent."""
    port, seen = refusing_server
    monkeypatch.setenv("SUPPORTKIT_REDMINE_API_KEY", "from-environment")
    url = f"redmine+http://127.0.0.1:{port}/projects/p"
    with pytest.raises(PermanentDeliveryError):
        RedmineTransport(url, api_key="from-host").send(bundle)
    assert seen[0]["X-Redmine-API-Key"] == "from-host"
