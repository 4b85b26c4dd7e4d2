"""Redmine's attachment size limit: a bundle too large to attach is never uploaded in vain.

Runs against a small Redmine stand-in on 127.0.0.1 that answers uploads, issue creation and
issue search the way Redmine 5 does, including its 422 for a file over the size limit.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

import supportkit
from supportkit.bundle import SealedBundle
from supportkit.exceptions import InvalidArgumentError
from supportkit.transports import DeliveryContext
from supportkit.transports.redmine import DEFAULT_MAX_BYTES, RedmineTransport

KEY = "redmine-test-key"


@dataclass
class Redmine:
    """What the stand-in was sent, and how it behaves."""

    port: int = 0
    limit: int = 5 * 1024 * 1024
    proxy_limit: int | None = None
    """A reverse proxy's body limit in front of Redmine: over it, 413 before Redmine sees it."""
    uploads: list[int] = field(default_factory=list)
    issues: list[dict[str, Any]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"redmine+http://127.0.0.1:{self.port}/projects/support"


class _Handler(BaseHTTPRequestHandler):
    redmine: Redmine

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        if self.headers.get("X-Redmine-API-Key") != KEY:
            self._answer(401, {})
        elif self.redmine.proxy_limit is not None and length > self.redmine.proxy_limit:
            self._answer(413, {})
        elif self.path.startswith("/uploads.json"):
            self._upload(body)
        elif self.path == "/issues.json":
            self._create(json.loads(body)["issue"])
        else:
            self._answer(404, {})

    def do_GET(self) -> None:
        query = parse_qs(urlsplit(self.path).query)
        wanted = query.get("subject", ["~"])[0].removeprefix("~")
        found = [i for i in self.redmine.issues if wanted in i["subject"]]
        self._answer(200, {"issues": found, "total_count": len(found)})

    def _upload(self, body: bytes) -> None:
        if len(body) > self.redmine.limit:
            reason = (
                "This file cannot be uploaded because it exceeds the maximum allowed file "
                f"size ({self.redmine.limit})"
            )
            self._answer(422, {"errors": [reason]})
            return
        self.redmine.uploads.append(len(body))
        self._answer(201, {"upload": {"id": 1, "token": f"{len(self.redmine.uploads)}.abc"}})

    def _create(self, issue: dict[str, Any]) -> None:
        issue["id"] = len(self.redmine.issues) + 1
        self.redmine.issues.append(issue)
        self._answer(201, {"issue": {"id": issue["id"]}})

    def _answer(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture(name="redmine")
def _redmine() -> Iterator[Redmine]:
    """The stand-in, serving on a free port for one test."""
    state = Redmine()
    handler = type("Handler", (_Handler,), {"redmine": state})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(name="bundle")
def _bundle(tmp_path: Path) -> SealedBundle:
    reporter = supportkit.Reporter("app", "1", collectors=["runtime"])
    return reporter.capture("Printing fails", output=tmp_path / "report.zip")


def _size(bundle: SealedBundle) -> int:
    return bundle.path.stat().st_size


def test_a_bundle_that_fits_is_attached(redmine: Redmine, bundle: SealedBundle) -> None:
    """Under the limit the bundle is uploaded whole and the issue carries it."""
    RedmineTransport(redmine.url, api_key=KEY).send(bundle)
    assert redmine.uploads == [_size(bundle)]
    [issue] = redmine.issues
    assert [u["filename"] for u in issue["uploads"]] == [f"{bundle.report.id}.zip"]
    assert "too large" not in issue["description"]


def test_a_bundle_over_max_bytes_is_not_uploaded_and_the_issue_says_where_it_is(
    redmine: Redmine, bundle: SealedBundle, caplog: pytest.LogCaptureFixture
) -> None:
    """Over ?max_bytes nothing is uploaded; the summary-only issue names the bundle's place."""
    transport = RedmineTransport(f"{redmine.url}?max_bytes=1KiB", api_key=KEY)
    assert _size(bundle) > transport.max_bytes
    receipt = transport.send(bundle)
    assert redmine.uploads == []
    [issue] = redmine.issues
    assert "uploads" not in issue
    assert issue["description"].startswith(bundle.read_file("summary.md").decode())
    assert f"({_size(bundle):,} bytes) is too large to attach" in issue["description"]
    assert str(bundle.path) in issue["description"]
    assert bundle.report.id in issue["description"]
    assert receipt.ticket_id == "#1"
    [warning] = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert "max_bytes" in warning.getMessage()
    assert "minimal" in warning.getMessage()


@pytest.mark.parametrize("limit", ["limit", "proxy_limit"], ids=["redmine-422", "proxy-413"])
def test_a_bundle_the_server_refuses_as_too_large_still_files_the_issue(
    redmine: Redmine, bundle: SealedBundle, caplog: pytest.LogCaptureFixture, limit: str
) -> None:
    """A server whose limit is below max_bytes gets the summary-only issue, not a dead letter."""
    setattr(redmine, limit, 1000)
    RedmineTransport(redmine.url, api_key=KEY).send(bundle)
    assert redmine.uploads == []
    [issue] = redmine.issues
    assert "uploads" not in issue
    assert "too large to attach" in issue["description"]
    assert any("refused by the server" in r.getMessage() for r in caplog.records)


def test_a_retry_finds_the_summary_only_issue(redmine: Redmine, bundle: SealedBundle) -> None:
    """A retry whose state was lost finds the issue by its marker and files no second one."""
    transport = RedmineTransport(f"{redmine.url}?max_bytes=1KiB", api_key=KEY)
    first = transport.send(bundle, DeliveryContext(bundle.report.id))
    again = transport.send(bundle, DeliveryContext(bundle.report.id, attempt=2))
    assert again.ticket_id == first.ticket_id
    assert len(redmine.issues) == 1


@pytest.mark.parametrize(
    ("option", "limit"),
    [
        ("", DEFAULT_MAX_BYTES),
        ("?max_bytes=10MiB", 10 * 1024 * 1024),
        ("?max_bytes=10MB", 10_000_000),
        ("?max_bytes=20971520", 20 * 1024 * 1024),
    ],
)
def test_max_bytes_defaults_to_redmines_default(option: str, limit: int) -> None:
    """5,120 KB unless the URL says otherwise, in bytes or with a unit."""
    assert DEFAULT_MAX_BYTES == 5120 * 1024
    transport = RedmineTransport.from_url(f"redmine://rm.example.com/projects/p{option}")
    assert transport.max_bytes == limit


@pytest.mark.parametrize("value", ["lots", "0", "-1MB", "5 M"])
def test_unreadable_max_bytes_is_refused(value: str) -> None:
    """A size the transport cannot read is refused when configured, saying how to write one."""
    with pytest.raises(InvalidArgumentError, match="max_bytes"):
        RedmineTransport.from_url(f"redmine://rm.example.com/projects/p?max_bytes={value}")
