"""SMTP AUTH exchanges: the base64 credential goes, the rest of the transcript stays.

Authorization headers, Bearer and Basic credentials and cookies are in test_credentials.py,
beside the other credential kinds.
"""

from __future__ import annotations

import base64
import contextlib
import io
import smtplib
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from aiosmtpd.smtp import AuthResult

from _smtp import FreePortController
from supportkit.redaction import Redactor

PASSWORD = "Hunter2#pw"
PLAIN = base64.b64encode(f"\0ana\0{PASSWORD}".encode()).decode()
LOGIN = base64.b64encode(PASSWORD.encode()).decode()
XOAUTH2 = base64.b64encode(b"user=ana@example.com\1auth=Bearer ya29.a0Af\1\1").decode()


@pytest.fixture(name="redactor")
def _redactor() -> Redactor:
    return Redactor()


@pytest.mark.parametrize(
    ("transcript", "secret"),
    [
        (f"send: 'AUTH PLAIN {PLAIN}\\r\\n'\nreply: b'235 2.7.0 OK\\r\\n'\n", PLAIN),
        (f"~> AUTH PLAIN {PLAIN}\n<~ 235 2.7.0 Authentication successful\n", PLAIN),
        (f"AUTH PLAIN\n334 \n{PLAIN}\n235 2.7.0 OK\n", PLAIN),
        (f"C: AUTH XOAUTH2 {XOAUTH2}\r\nS: 235 Accepted\r\n", XOAUTH2),
        (f"AUTH LOGIN\n334 VXNlcm5hbWU6\nYW5h\n334 UGFzc3dvcmQ6\n{LOGIN}\n235 OK\n", LOGIN),
        (
            "send: 'AUTH LOGIN YW5h\\r\\n'\nreply: b'334 UGFzc3dvcmQ6\\r\\n'\n"
            f"reply: retcode (334); Msg: b'UGFzc3dvcmQ6'\nsend: '{LOGIN}\\r\\n'\n",
            LOGIN,
        ),
        (
            "~> AUTH LOGIN\r\n<~ 334 VXNlcm5hbWU6\r\n~> YW5h\r\n"
            f"<~ 334 UGFzc3dvcmQ6\r\n~> {LOGIN}\r\n",
            LOGIN,
        ),
    ],
    ids=[
        "smtplib-plain",
        "swaks-plain",
        "plain-next-line",
        "xoauth2",
        "login",
        "smtplib-login",
        "swaks-login",
    ],
)
def test_smtp_auth_credential_goes(redactor: Redactor, transcript: str, secret: str) -> None:
    out = redactor.text(transcript, artifact="smtp.log")
    assert secret not in out
    assert "<auth-1>" in out
    assert out.count("\n") == transcript.count("\n")


@pytest.mark.parametrize(
    "text",
    [
        "AUTH LOGIN\n334 VXNlcm5hbWU6\nYW5h\n",  # the user name: personal data, not a secret
        "250-AUTH LOGIN PLAIN\n250 HELP\n",
        "docs: AUTH PLAIN is preferred over LOGIN\nnext line\n",
        "334 UGFzc3dvcmQ6\nquit\n221 Bye\n",
        "AUTH PLAIN\nAUTH PLAIN\n",  # a command again, not a response
    ],
)
def test_smtp_transcript_without_a_credential_is_kept(redactor: Redactor, text: str) -> None:
    assert redactor.text(text, artifact="smtp.log") == text


@pytest.fixture(name="smtp_port")
def _smtp_port() -> Iterator[int]:
    """A real SMTP server that takes any password over plain text (a test of logs, not of TLS)."""

    class Accept:
        async def handle_DATA(self, *_args: Any) -> str:  # noqa: N802
            return "250 OK"

    def accept(*_args: Any) -> AuthResult:
        return AuthResult(success=True, handled=False)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # AUTH without TLS: what a debug transcript shows best
        controller = FreePortController(
            Accept(),
            hostname="127.0.0.1",
            port=0,
            authenticator=accept,
            auth_required=True,
            auth_require_tls=False,
        )
        controller.start()
    yield int(controller.port)
    controller.stop()


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_smtplib_debug_output_of_a_real_login_loses_the_password(
    redactor: Redactor, smtp_port: int, mechanism: str
) -> None:
    """What ``smtplib.SMTP.set_debuglevel(1)`` prints while logging in to a real server (an
    app's email log attached to a report) keeps the conversation and loses the password."""
    transcript = io.StringIO()
    with contextlib.redirect_stderr(transcript), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        client = smtplib.SMTP("127.0.0.1", smtp_port, timeout=10)
        client.set_debuglevel(1)
        client.ehlo()
        client.user, client.password = "ana", PASSWORD
        client.auth(mechanism, getattr(client, f"auth_{mechanism.lower()}"))
        client.quit()
    text = transcript.getvalue()
    assert f"AUTH {mechanism}" in text
    out = redactor.text(text, artifact="smtp.log")
    assert PLAIN not in out
    assert LOGIN not in out
    assert "<auth-1>" in out
    assert "235 2.7.0 Authentication successful" in out
