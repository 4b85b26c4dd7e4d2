"""A planted credential appears nowhere supportkit writes, whether delivery works or fails.

Each case plants a unique string as the credential — in the environment and in the URL where
the transport accepts one there — delivers through ``Reporter.send`` (history) and the outbox
(its entries, bundles and history), with every log record and all output captured, and then
looks for the string, URL-encoded and Base64 forms included, in the SUPPORTKIT_HOME tree, the
captured output and logs, every exception message in the chain, and the receipts.
"""

from __future__ import annotations

import base64
import importlib
import logging
import socket
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword

from _smtp import FreePortController
from _tls import Certificate, self_signed
from _webhook_server import Drop, Respond, Slow, WebhookServer
from supportkit import Reporter, SealedBundle
from supportkit.exceptions import SupportkitError
from supportkit.outbox import Outbox
from supportkit.transports import Transport
from supportkit.transports._http import Timeouts
from supportkit.transports.email import EmailTransport
from supportkit.transports.webhook import WebhookTransport

SMTP_USER = "reporter@example.com"


@dataclass
class Planted:
    """The credential of one test and everything it must be looked for in."""

    secret: str
    outputs: list[str]

    def forms(self) -> list[bytes]:
        encoded = [
            self.secret,
            quote(self.secret, safe=""),
            base64.b64encode(self.secret.encode()).decode(),
            base64.b64encode(f"{SMTP_USER}:{self.secret}".encode()).decode(),
            base64.b64encode(f"\0{SMTP_USER}\0{self.secret}".encode()).decode(),
        ]
        return [form.encode() for form in encoded]


@pytest.fixture(name="planted")
def _planted() -> Planted:
    return Planted(f"canary{uuid.uuid4().hex}", [])


@pytest.fixture(name="bundle")
def _bundle(tmp_path: Path) -> SealedBundle:
    return Reporter("app", "1", collectors=["runtime"]).capture("x", output=tmp_path / "b.zip")


@pytest.fixture(name="webhook")
def _webhook() -> Iterator[WebhookServer]:
    with WebhookServer() as server:
        yield server


@pytest.fixture(name="certificate", scope="module")
def _certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    return self_signed(tmp_path_factory.mktemp("tls"))


class _Handler:
    def __init__(self) -> None:
        self.data_replies: list[str] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        return self.data_replies.pop(0) if self.data_replies else "250 OK"


@pytest.fixture(name="smtp")
def _smtp(planted: Planted, certificate: Certificate) -> Iterator[tuple[int, _Handler]]:
    """An SMTP server with STARTTLS whose one valid password is the planted secret."""

    def authenticate(server: Any, session: Any, envelope: Any, mech: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and data.password == planted.secret.encode()
        return AuthResult(success=ok, handled=False)

    handler = _Handler()
    controller = FreePortController(
        handler,
        hostname="127.0.0.1",
        port=0,
        authenticator=authenticate,
        tls_context=certificate.server_context(),
        require_starttls=True,
        auth_required=True,
    )
    controller.start()
    yield int(controller.port), handler
    controller.stop()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _deliver_everywhere(
    bundle: SealedBundle, url: str, make: Callable[[str], Transport], planted: Planted
) -> None:
    """Send through Reporter.send and through the outbox; keep every message and receipt."""
    attempts: list[Callable[[], Any]] = [
        lambda: Reporter("app", "1", transport=make(url)).send(bundle),
    ]
    outbox = Outbox()
    entry = outbox.enqueue(bundle, url)
    attempts.append(lambda: outbox.deliver(entry.entry_id, transports=make))
    attempts.append(lambda: outbox.flush(transports=make))
    attempts.append(outbox.entries)
    for attempt in attempts:
        try:
            planted.outputs.append(repr(attempt()))
        except SupportkitError as exc:
            planted.outputs.extend(_chain(exc))


def _chain(exc: BaseException | None) -> Iterator[str]:
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield f"{type(exc).__name__}: {exc} {exc.args!r}"
        exc = exc.__cause__ or exc.__context__


def _assert_nowhere(
    planted: Planted,
    home: Path,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    captured = capfd.readouterr()
    texts = [*planted.outputs, captured.out, captured.err, caplog.text]
    texts += [record.getMessage() for record in caplog.records]
    files = [path for path in home.rglob("*") if path.is_file()]
    assert files, "nothing was written under SUPPORTKIT_HOME; the test would prove nothing"
    for form in planted.forms():
        for path in files:
            assert form not in path.read_bytes(), f"credential found in {path}"
            assert form.decode() not in str(path.relative_to(home))
        for text in texts:
            assert form.decode() not in text


@pytest.fixture(autouse=True)
def _log_everything(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)


QUICK = Timeouts(connect=2.0, read=0.5)


@pytest.mark.parametrize("fault", ["none", "401", "500", "drop", "timeout", "refused"])
def test_webhook_secret_and_basic_auth(
    fault: str,
    planted: Planted,
    bundle: SealedBundle,
    webhook: WebhookServer,
    supportkit_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    """The signing secret and URL credentials stay out of everything written."""
    monkeypatch.setenv("SUPPORTKIT_WEBHOOK_SECRET", planted.secret)
    faults = {"401": Respond(401), "500": Respond(500), "drop": Drop(0), "timeout": Slow(3)}
    if fault in faults:
        webhook.script(*[faults[fault]] * 3)
    base = webhook.url if fault != "refused" else f"http://127.0.0.1:{_closed_port()}/hook"
    url = base.replace("http://", f"http://desk:{planted.secret}@") + f"?token={planted.secret}"

    def make(destination: str) -> Transport:
        return WebhookTransport(destination, timeouts=QUICK)

    _deliver_everywhere(bundle, url, make, planted)
    assert (webhook.unique_deliveries == 1) is (fault in ("none", "timeout"))
    _assert_nowhere(planted, supportkit_home, caplog, capfd)


@pytest.mark.parametrize("fault", ["none", "wrong-password", "451", "554", "refused", "clear"])
def test_smtp_password(
    fault: str,
    planted: Planted,
    bundle: SealedBundle,
    smtp: tuple[int, _Handler],
    certificate: Certificate,
    supportkit_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    """The SMTP password, from the environment or the URL, stays out of everything written."""
    port, handler = smtp
    password = "not-it" if fault == "wrong-password" else planted.secret
    monkeypatch.setenv("SUPPORTKIT_SMTP_USER", SMTP_USER)
    monkeypatch.setenv("SUPPORTKIT_SMTP_PASSWORD", password)
    handler.data_replies = {"451": ["451 4.3.0 later"] * 3, "554": ["554 5.7.1 no"]}.get(fault, [])
    port = _closed_port() if fault == "refused" else port
    query = f"to=help@example.com&cafile={certificate.cert}&timeout=5"
    query += "&starttls=0" if fault == "clear" else ""
    url = f"smtp://{quote(SMTP_USER)}:{planted.secret}@127.0.0.1:{port}?{query}"
    _deliver_everywhere(bundle, url, EmailTransport.from_url, planted)
    _assert_nowhere(planted, supportkit_home, caplog, capfd)


def _ticket_transports() -> list[tuple[str, str, str]]:
    """(module, scheme, credential variable) of the ticket-system transports in this tree."""
    found = []
    for module, scheme, variable in [
        ("supportkit.transports.redmine", "redmine+http", "SUPPORTKIT_REDMINE_API_KEY"),
        ("supportkit.transports.rt", "rt+http", "SUPPORTKIT_RT_TOKEN"),
    ]:
        try:
            importlib.import_module(module)
        except ImportError:
            continue
        found.append((module, scheme, variable))
    return found


@pytest.mark.parametrize("fault", ["401", "500", "unexpected", "refused", "in-url"])
@pytest.mark.parametrize(("module", "scheme", "variable"), _ticket_transports())
def test_ticket_system_keys(
    module: str,
    scheme: str,
    variable: str,
    fault: str,
    planted: Planted,
    bundle: SealedBundle,
    webhook: WebhookServer,
    supportkit_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    """API keys and tokens stay out of everything written when the server fails or refuses."""
    monkeypatch.setenv(variable, planted.secret)
    answers = {"401": Respond(401), "500": Respond(500)}
    if fault in answers:
        webhook.script(*[answers[fault]] * 10)
    port = _closed_port() if fault == "refused" else int(webhook.base_url.rsplit(":", 1)[1])
    userinfo = f"me:{planted.secret}@" if fault == "in-url" else ""
    path = "projects/support" if scheme.startswith("redmine") else "General"
    url = f"{scheme}://{userinfo}127.0.0.1:{port}/{path}"
    class_name = "RedmineTransport" if scheme.startswith("redmine") else "RTTransport"
    cls = getattr(importlib.import_module(module), class_name)

    def make(destination: str) -> Transport:
        made: Transport = cls.from_url(destination)
        return made

    _deliver_everywhere(bundle, url, make, planted)
    _assert_nowhere(planted, supportkit_home, caplog, capfd)
