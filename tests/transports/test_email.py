"""The email transport against a real SMTP server in the test process (aiosmtpd)."""

from __future__ import annotations

import hashlib
import os
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword

from _smtp import FreePortController
from _tls import Certificate, self_signed
from supportkit import Reporter, SealedBundle
from supportkit.exceptions import (
    InvalidArgumentError,
    PermanentDeliveryError,
    TransientDeliveryError,
)
from supportkit.transports import DeliveryContext
from supportkit.transports.email import (
    PASSWORD_VARIABLE,
    USER_VARIABLE,
    EmailTransport,
    render_html,
)

USER = "reporter@example.com"
PASSWORD = "smtp-pass-51d2"
RECIPIENT = "help@example.com"


@dataclass
class Handler:
    """Stores each message; optional scripted replies stand in for a failing server."""

    messages: list[bytes] = field(default_factory=list)
    mail_replies: list[str] = field(default_factory=list)
    data_replies: list[str] = field(default_factory=list)
    reject_over: int | None = None
    """Answer 552 to messages larger than this, as a server with a size limit does at DATA."""
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_MAIL(  # noqa: N802  (aiosmtpd's hook name)
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if self.mail_replies:
            return self.mail_replies.pop(0)
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        if self.data_replies:
            return self.data_replies.pop(0)
        content: bytes = envelope.original_content or envelope.content
        if self.reject_over is not None and len(content) > self.reject_over:
            return "552 5.3.4 Message size exceeds fixed maximum message size"
        with self.lock:
            self.messages.append(content)
        return "250 Message accepted for delivery"

    def parsed(self) -> list[EmailMessage]:
        with self.lock:
            found = [BytesParser(policy=default).parsebytes(raw) for raw in self.messages]
        return [m for m in found if isinstance(m, EmailMessage)]


def _authenticate(
    server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False)


@dataclass
class SMTPServer:
    handler: Handler
    controller: FreePortController
    certificate: Certificate

    @property
    def port(self) -> int:
        return int(self.controller.port)

    def transport(self, **options: Any) -> EmailTransport:
        settings: dict[str, Any] = {
            "to": [RECIPIENT],
            "user": USER,
            "password": PASSWORD,
            "cafile": self.certificate.cert,
            "timeout": 5.0,
        }
        settings.update(options)
        return EmailTransport("127.0.0.1", self.port, **settings)


@pytest.fixture(scope="module", name="certificate")
def _certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    return self_signed(tmp_path_factory.mktemp("tls"))


def _start(certificate: Certificate, **options: Any) -> Iterator[SMTPServer]:
    handler = Handler()
    controller = FreePortController(
        handler,
        hostname="127.0.0.1",
        port=0,
        authenticator=_authenticate,
        **options,
    )
    controller.start()
    try:
        yield SMTPServer(handler, controller, certificate)
    finally:
        controller.stop()


@pytest.fixture(name="smtp")
def _smtp(certificate: Certificate) -> Iterator[SMTPServer]:
    """Submission with STARTTLS required, and AUTH only after it."""
    yield from _start(
        certificate,
        tls_context=certificate.server_context(),
        require_starttls=True,
        auth_required=True,
        auth_require_tls=True,
    )


@pytest.fixture(name="bundle")
def _bundle(tmp_path: Path) -> SealedBundle:
    return Reporter("app", "1", collectors=["runtime", "files"]).capture(
        "Printing fails <b>",
        output=tmp_path / "b.zip",
        description="It **crashes** with `<script>` when I print.",
        attachments=[_noise(tmp_path / "dump.bin", 200_000)],
        allow_binary=True,
    )


def _noise(path: Path, size: int) -> Path:
    path.write_bytes(os.urandom(size))
    return path


def _attachments(message: EmailMessage) -> list[EmailMessage]:
    return [p for p in message.iter_attachments() if isinstance(p, EmailMessage)]


def _text(message: EmailMessage, subtype: str) -> str:
    part = message.get_body(preferencelist=(subtype,))
    assert isinstance(part, EmailMessage)
    content = part.get_content()
    assert isinstance(content, str)
    return content.replace("\r\n", "\n")


def test_delivers_summary_and_bundle(smtp: SMTPServer, bundle: SealedBundle) -> None:
    """The message carries the summary as text and HTML and the bundle, byte for byte."""
    smtp.transport().send(bundle)
    (message,) = smtp.handler.parsed()
    summary = bundle.read_file("summary.md").decode()
    assert _text(message, "plain").strip() == summary.strip()
    assert "<h1>Printing fails &lt;b&gt;</h1>" in _text(message, "html")
    (attachment,) = _attachments(message)
    assert attachment.get_content_type() == "application/zip"
    assert attachment.get_filename() == f"{bundle.report.id}.zip"
    data = attachment.get_content()
    assert data == bundle.path.read_bytes()
    expected = hashlib.sha256(bundle.path.read_bytes()).hexdigest()
    assert hashlib.sha256(data).hexdigest() == expected


def test_headers_identify_the_report(smtp: SMTPServer, bundle: SealedBundle) -> None:
    """Message-ID follows from the report id, so duplicates are recognisable."""
    receipt = smtp.transport(sender="desk-bot@example.com").send(bundle)
    (message,) = smtp.handler.parsed()
    assert message["Message-ID"] == f"<{bundle.report.id}@supportkit>"
    assert message["X-Supportkit-Report-Id"] == bundle.report.id
    assert message["Subject"] == "[supportkit] Printing fails <b>"
    assert message["From"] == "desk-bot@example.com"
    assert message["To"] == RECIPIENT
    assert receipt.ticket_id == message["Message-ID"]
    assert receipt.destination == f"smtp://127.0.0.1:{smtp.port}"
    assert receipt.transport == "email"


def test_over_the_cap_sends_the_summary_alone(smtp: SMTPServer, bundle: SealedBundle) -> None:
    """A bundle over max_bytes stays home; the message says where it is."""
    smtp.transport(max_bytes=1000).send(bundle)
    (message,) = smtp.handler.parsed()
    assert _attachments(message) == []
    text = _text(message, "plain")
    assert str(bundle.path) in text
    assert "too large to email" in text
    assert bundle.report.id in text


def test_552_falls_back_to_the_summary(smtp: SMTPServer, bundle: SealedBundle) -> None:
    """A 552 for the full message is followed by the summary alone."""
    smtp.handler.reject_over = 50_000
    smtp.transport().send(bundle)
    (message,) = smtp.handler.parsed()
    assert _attachments(message) == []
    assert "too large to email" in _text(message, "plain")


def test_552_for_the_summary_too_is_permanent(smtp: SMTPServer, bundle: SealedBundle) -> None:
    """When even the summary is refused for size, retrying cannot help."""
    smtp.handler.reject_over = 100
    with pytest.raises(PermanentDeliveryError, match="552") as caught:
        smtp.transport().send(bundle)
    assert caught.value.status == 552
    assert smtp.handler.messages == []


def test_advertised_size_limit_sends_the_summary_alone(
    certificate: Certificate, bundle: SealedBundle
) -> None:
    """A bundle bigger than the server's SIZE is never offered in full."""
    for server in _start(
        certificate,
        tls_context=certificate.server_context(),
        require_starttls=True,
        auth_required=True,
        auth_require_tls=True,
        data_size_limit=100_000,
    ):
        server.transport().send(bundle)
        (message,) = server.handler.parsed()
        assert _attachments(message) == []


@pytest.mark.parametrize(
    ("stage", "reply"),
    [
        ("mail", "421 4.3.2 Service shutting down"),
        ("mail", "451 4.3.0 Try again later"),
        ("data", "451 4.3.0 Mail server temporarily rejected message"),
    ],
)
def test_4xx_is_transient(smtp: SMTPServer, bundle: SealedBundle, stage: str, reply: str) -> None:
    """A 4xx reply is worth a retry, and the retry delivers."""
    replies = smtp.handler.mail_replies if stage == "mail" else smtp.handler.data_replies
    replies.append(reply)
    transport = smtp.transport()
    with pytest.raises(TransientDeliveryError, match=reply[:3]):
        transport.send(bundle)
    transport.send(bundle)
    assert len(smtp.handler.messages) == 1


def test_5xx_is_permanent(smtp: SMTPServer, bundle: SealedBundle) -> None:
    """A 5xx reply is a refusal, with the server's words."""
    smtp.handler.data_replies.append("554 5.7.1 Message rejected as spam")
    with pytest.raises(PermanentDeliveryError, match="rejected as spam") as caught:
        smtp.transport().send(bundle)
    assert caught.value.status == 554


def test_wrong_password_is_permanent(smtp: SMTPServer, bundle: SealedBundle) -> None:
    """A refused login says which settings to check and never shows the password."""
    with pytest.raises(PermanentDeliveryError, match=PASSWORD_VARIABLE) as caught:
        smtp.transport(password="wrong-pass-77").send(bundle)
    assert "wrong-pass-77" not in str(caught.value)
    assert smtp.handler.messages == []


def test_login_from_environment(
    smtp: SMTPServer, bundle: SealedBundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SUPPORTKIT_SMTP_USER and SUPPORTKIT_SMTP_PASSWORD log in; From defaults to the user."""
    monkeypatch.setenv(USER_VARIABLE, USER)
    monkeypatch.setenv(PASSWORD_VARIABLE, PASSWORD)
    smtp.transport(user=None, password=None).send(bundle)
    (message,) = smtp.handler.parsed()
    assert message["From"] == USER


def test_unverified_certificate_is_permanent(smtp: SMTPServer, bundle: SealedBundle) -> None:
    """STARTTLS verifies the certificate unless told which CA to trust."""
    with pytest.raises(PermanentDeliveryError, match="cafile"):
        smtp.transport(cafile=None).send(bundle)


def test_implicit_tls(certificate: Certificate, bundle: SealedBundle) -> None:
    """smtps:// speaks TLS from the first byte."""
    for server in _start(
        certificate, server_hostname=None, ssl_context=certificate.server_context()
    ):
        transport = EmailTransport.from_url(
            f"smtps://127.0.0.1:{server.port}?to={RECIPIENT}&cafile={certificate.cert}"
        )
        receipt = transport.send(bundle)
        assert len(server.handler.messages) == 1
        assert receipt.destination == f"smtps://127.0.0.1:{server.port}"


def test_password_never_sent_in_clear(certificate: Certificate, bundle: SealedBundle) -> None:
    """Without TLS the login is refused locally; ?insecure=1 allows it for a test server."""
    for server in _start(certificate, auth_require_tls=False):
        base = f"smtp://127.0.0.1:{server.port}?to={RECIPIENT}&starttls=0"
        login = {"user": USER, "password": PASSWORD}
        with pytest.raises(PermanentDeliveryError, match="unencrypted"):
            _with_login(EmailTransport.from_url(base), login).send(bundle)
        _with_login(EmailTransport.from_url(base + "&insecure=1"), login).send(bundle)
        assert len(server.handler.messages) == 1


def test_missing_starttls_is_refused(certificate: Certificate, bundle: SealedBundle) -> None:
    """A server that cannot encrypt is not used unless STARTTLS is turned off."""
    for server in _start(certificate, auth_require_tls=False):
        with pytest.raises(PermanentDeliveryError, match="STARTTLS"):
            server.transport().send(bundle)


def test_checkpointed_send_is_not_repeated(smtp: SMTPServer, bundle: SealedBundle) -> None:
    """After a crash past the send, the retry returns the receipt without a second email."""
    context = DeliveryContext(bundle.report.id)
    first = smtp.transport().send(bundle, context)
    again = smtp.transport().send(bundle, DeliveryContext("k", state=dict(context.state)))
    assert again.ticket_id == first.ticket_id
    assert len(smtp.handler.messages) == 1


def test_nobody_listening_is_transient(bundle: SealedBundle) -> None:
    """A refused connection is worth a retry."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(TransientDeliveryError, match="retry"):
        EmailTransport("127.0.0.1", port, to=[RECIPIENT], timeout=2).send(bundle)


def test_from_url() -> None:
    """The URL names host, port, recipients, sender and options; the login stays out of sight."""
    transport = EmailTransport.from_url(
        "smtp://bob:pw-from-url@mail.example:2525?to=a@example.com,b@example.com"
        "&to=c@example.com&from=desk@example.com&max_bytes=5000&starttls=1"
    )
    assert transport.recipients == ("a@example.com", "b@example.com", "c@example.com")
    assert transport.sender == "desk@example.com"
    assert transport.max_bytes == 5000
    assert transport.port == 2525
    assert transport.destination == "smtp://mail.example:2525"
    assert EmailTransport.from_url("smtps://mail.example?to=a@example.com").port == 465
    assert EmailTransport.from_url("smtp://mail.example?to=a@example.com").port == 587
    sized = EmailTransport.from_url("smtp://mail.example?to=a@example.com&max_bytes=8MiB")
    assert sized.max_bytes == 8 * 1024 * 1024


@pytest.mark.parametrize(
    "url",
    [
        "smtp://mail.example:587",
        "smtp://mail.example?to=nobody",
        "smtp://mail.example?to=a@example.com&starttls=maybe",
        "smtp://mail.example?to=a@example.com&max_bytes=lots",
    ],
)
def test_bad_urls_are_refused(url: str) -> None:
    """Missing recipients and unreadable options are named."""
    with pytest.raises(InvalidArgumentError):
        EmailTransport.from_url(url)


def test_render_html_escapes_everything() -> None:
    """Markup in a report is shown as text, and nothing is loaded from elsewhere."""
    rendered = render_html(
        "# T <img src=x onerror=alert(1)>\n\nSee **bold** and `<code>`\n\n"
        "- item <a href='http://evil.example'>x</a>\n\n```\n<script>1</script>\n```\n"
    )
    assert "<img" not in rendered
    assert "<a " not in rendered
    assert "<script>" not in rendered
    assert "&lt;img src=x onerror=alert(1)&gt;" in rendered
    assert "<strong>bold</strong>" in rendered
    assert "<code>&lt;code&gt;</code>" in rendered
    assert "<li>item &lt;a href=&#x27;http://evil.example&#x27;&gt;x&lt;/a&gt;</li>" in rendered
    assert "<pre><code>\n&lt;script&gt;1&lt;/script&gt;\n</code></pre>" in rendered


def _with_login(transport: EmailTransport, login: dict[str, str]) -> EmailTransport:
    """The same transport with a login given by the host's code."""
    return EmailTransport(
        transport.host,
        transport.port,
        to=transport.recipients,
        starttls=transport.starttls,
        insecure=transport.insecure,
        timeout=5.0,
        **login,
    )
