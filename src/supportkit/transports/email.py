"""Deliver by email: the summary as the message, the bundle attached, over TLS.

``smtp://host:587?to=help@example.com`` submits with STARTTLS (required unless ``starttls=0``);
``smtps://host:465?to=…`` uses implicit TLS. Login comes from the ``user``/``password``
arguments, else ``SUPPORTKIT_SMTP_USER``/``SUPPORTKIT_SMTP_PASSWORD``, else the OS keyring
(service ``supportkit``, user ``smtp://host``; the user name still from the environment), else
user information in the URL. supportkit never sends a password over an unencrypted connection
unless ``insecure=1`` says the server is a test server (which also skips certificate checks).

SMTP has no idempotency, so the ``Message-ID`` follows from the report id: a duplicate is
recognisable downstream. A bundle over the size cap (``max_bytes``, default 10 MB raw; or over
the server's advertised ``SIZE``, or refused with 552) is not attached: the summary goes alone
and says where the bundle is kept.
"""

from __future__ import annotations

import html
import os
import re
import smtplib
import ssl
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from typing import TYPE_CHECKING, ClassVar
from urllib.parse import parse_qs, unquote, urlsplit

from supportkit.bundle._manifest import SUMMARY_NAME
from supportkit.exceptions import (
    DeliveryError,
    InvalidArgumentError,
    PermanentDeliveryError,
    TransientDeliveryError,
)
from supportkit.transports._base import DeliveryContext, Transport
from supportkit.transports._http import display_url, find_credential, ssl_context
from supportkit.transports._url import url_flag, url_size

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from supportkit.bundle import SealedBundle
    from supportkit.models import Receipt

__all__ = ["DEFAULT_MAX_BYTES", "EmailTransport", "render_html"]

USER_VARIABLE = "SUPPORTKIT_SMTP_USER"
PASSWORD_VARIABLE = "SUPPORTKIT_SMTP_PASSWORD"  # noqa: S105  (a variable name, not a secret)
DEFAULT_MAX_BYTES = 10_000_000
_BASE64_GROWTH = 1.37
"""Base64 and line breaks make an attachment about a third larger on the wire."""


class EmailTransport(Transport):
    """Sends each report as an email to ``to``; the receipt's ticket id is the ``Message-ID``."""

    name: ClassVar[str] = "email"
    schemes: ClassVar[tuple[str, ...]] = ("smtp", "smtps")

    def __init__(
        self,
        host: str,
        port: int | None = None,
        *,
        to: Sequence[str],
        sender: str | None = None,
        implicit_tls: bool = False,
        starttls: bool = True,
        user: str | None = None,
        password: str | None = None,
        insecure: bool = False,
        cafile: str | Path | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        timeout: float = 60.0,
    ) -> None:
        if not to or not all("@" in address for address in to):
            msg = "an email destination needs recipients: add ?to=help@example.com to the URL"
            raise InvalidArgumentError(msg)
        self.host = host
        self.port = port or (465 if implicit_tls else 587)
        self.recipients = tuple(to)
        self.implicit_tls = implicit_tls
        self.starttls = starttls and not implicit_tls
        self.insecure = insecure
        self.max_bytes = max_bytes
        self.timeout = timeout
        scheme = "smtps" if implicit_tls else "smtp"
        self._user = user or os.environ.get(USER_VARIABLE) or None
        self._password = find_credential(password, PASSWORD_VARIABLE, f"{scheme}://{host}")
        self.sender = sender or (self._user if self._user and "@" in self._user else None)
        self.sender = self.sender or "supportkit@localhost"
        self._tls = ssl_context(insecure=insecure, cafile=cafile)

    @classmethod
    def from_url(cls, url: str) -> EmailTransport:
        """``smtp[s]://[user[:password]@]host[:port]?to=…[&to=…][&from=…][&starttls=0|1]
        [&insecure=1][&cafile=…][&max_bytes=…][&timeout=…]``; ``max_bytes`` takes units too
        (``8MiB``)."""
        parts = urlsplit(url)
        if parts.scheme not in cls.schemes or not parts.hostname:
            msg = f"an email destination looks like smtp://host:587?to=…, not {display_url(url)!r}"
            raise InvalidArgumentError(msg)
        query = parse_qs(parts.query)
        one = {name: values[-1] for name, values in query.items()}
        try:
            return cls(
                parts.hostname,
                parts.port,
                to=[address for value in query.get("to", []) for address in value.split(",")],
                sender=one.get("from"),
                implicit_tls=parts.scheme == "smtps",
                starttls=url_flag(one.get("starttls"), name="starttls", default=True),
                user=unquote(parts.username) if parts.username else None,
                password=unquote(parts.password) if parts.password else None,
                insecure=url_flag(one.get("insecure"), name="insecure", default=False),
                cafile=one.get("cafile"),
                max_bytes=url_size(
                    one.get("max_bytes"), name="max_bytes", default=DEFAULT_MAX_BYTES
                ),
                timeout=float(one.get("timeout", 60.0)),
            )
        except ValueError as exc:
            msg = f"cannot use {display_url(url)!r}: {exc}"
            raise InvalidArgumentError(msg) from None

    @property
    def destination(self) -> str:
        """``smtp://host:port`` (or ``smtps://``), never with the login."""
        return f"{'smtps' if self.implicit_tls else 'smtp'}://{self.host}:{self.port}"

    def send(self, bundle: SealedBundle, context: DeliveryContext | None = None) -> Receipt:
        """Email the report; a retry after a crash returns the first send's receipt."""
        message_id = f"<{bundle.report.id}@supportkit>"
        if context is not None and context.state.get("message_id") == message_id:
            return self._receipt(bundle.report.id, message_id)
        try:
            with self._session() as session:
                self._deliver(session, bundle, message_id)
        except DeliveryError:
            raise
        except smtplib.SMTPException as exc:
            raise _smtp_error(exc, self.destination) from None
        except ssl.SSLCertVerificationError as exc:
            msg = (
                f"cannot verify the TLS certificate of {self.destination}: {exc.verify_message}; "
                "pass the server's CA with ?cafile=, or ?insecure=1 for a test server"
            )
            raise PermanentDeliveryError(msg) from None
        except OSError as exc:
            why = (
                "timed out" if isinstance(exc, TimeoutError) else exc.strerror or type(exc).__name__
            )
            msg = f"cannot reach {self.destination}: {why}; supportkit will retry later"
            raise TransientDeliveryError(msg) from None
        if context is not None:
            context.state["message_id"] = message_id
            context.checkpoint()
        return self._receipt(bundle.report.id, message_id)

    def _session(self) -> smtplib.SMTP:
        """A connected session, encrypted and logged in as configured."""
        session: smtplib.SMTP
        if self.implicit_tls:
            session = smtplib.SMTP_SSL(
                self.host, self.port, timeout=self.timeout, context=self._tls
            )
        else:
            session = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        try:
            self._secure_and_login(session)
        except BaseException:
            session.close()
            raise
        return session

    def _secure_and_login(self, session: smtplib.SMTP) -> None:
        session.ehlo()
        encrypted = self.implicit_tls
        if self.starttls and session.has_extn("starttls"):
            session.starttls(context=self._tls)
            session.ehlo()
            encrypted = True
        elif self.starttls and not self.insecure:
            msg = (
                f"{self.destination} does not offer STARTTLS; use smtps:// or another port, "
                "or ?starttls=0 for a relay that needs no login"
            )
            raise PermanentDeliveryError(msg)
        if not (self._user and self._password):
            return
        if not encrypted and not self.insecure:
            msg = (
                f"refusing to send the SMTP password to {self.destination} unencrypted; "
                "turn STARTTLS on, use smtps://, or ?insecure=1 for a local test server"
            )
            raise PermanentDeliveryError(msg)
        session.login(self._user, self._password)

    def _deliver(self, session: smtplib.SMTP, bundle: SealedBundle, message_id: str) -> None:
        size = bundle.path.stat().st_size
        server_limit = int(session.esmtp_features.get("size", "0") or 0)
        fits = size <= self.max_bytes and not (
            server_limit and size * _BASE64_GROWTH > server_limit
        )
        if fits:
            try:
                self._send(session, self._message(bundle, message_id, attach=True))
            except smtplib.SMTPResponseException as exc:
                if exc.smtp_code != 552:  # smtplib has reset the transaction; try the summary
                    raise
            else:
                return
        self._send(session, self._message(bundle, message_id, attach=False))

    def _send(self, session: smtplib.SMTP, message: EmailMessage) -> None:
        session.send_message(message, self.sender, list(self.recipients))

    def _message(self, bundle: SealedBundle, message_id: str, *, attach: bool) -> EmailMessage:
        report = bundle.report
        summary = bundle.read_file(SUMMARY_NAME).decode("utf-8", "replace")
        if not attach:
            summary += (
                f"\n\n---\n\nThe report's bundle ({bundle.path.stat().st_size:,} bytes) is too "
                f"large to email. It is kept on the reporter's machine at `{bundle.path}`; "
                f"ask for it by the report id `{report.id}`.\n"
            )
        message = EmailMessage()
        message["Subject"] = f"[supportkit] {report.problem.title}"
        message["From"] = self.sender
        message["To"] = ", ".join(self.recipients)
        message["Date"] = format_datetime(datetime.now(timezone.utc))
        message["Message-ID"] = message_id
        message["X-Supportkit-Report-Id"] = report.id
        message.set_content(summary)
        message.add_alternative(render_html(summary), subtype="html")
        if attach:
            message.add_attachment(
                bundle.path.read_bytes(),
                maintype="application",
                subtype="zip",
                filename=f"{report.id}.zip",
            )
        return message

    def _receipt(self, report_id: str, message_id: str) -> Receipt:
        from supportkit.models import Receipt  # noqa: PLC0415  (pydantic stays off import time)

        return Receipt(
            report_id=report_id,
            ticket_id=message_id,
            transport=self.name,
            destination=self.destination,
            delivered_at=datetime.now(timezone.utc),
        )


def render_html(markdown: str) -> str:
    """A small, safe HTML rendering of the summary's Markdown: everything escaped, no assets.

    Understands what summaries use — headings, bullet lists, fenced code, paragraphs,
    ``**bold**`` and ```code``` — and shows anything else as the text it is.
    """
    out: list[str] = []
    paragraph: list[str] = []
    in_list = in_code = False

    def flush() -> None:
        nonlocal in_list
        if paragraph:
            out.append(f"<p>{'<br>'.join(_inline(line) for line in paragraph)}</p>")
            paragraph.clear()
        if in_list:
            out.append("</ul>")
            in_list = False

    for line in markdown.splitlines():
        if line.startswith("```"):
            flush()
            out.append("</code></pre>" if in_code else "<pre><code>")
            in_code = not in_code
        elif in_code:
            out.append(html.escape(line))
        elif heading := re.match(r"(#{1,6})\s+(.*)", line):
            flush()
            level = len(heading.group(1))
            out.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif item := re.match(r"\s*[-*]\s+(.*)", line):
            if paragraph or not in_list:
                flush()
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{_inline(item.group(1))}</li>")
        elif not line.strip() or line.strip() == "---":
            flush()
            out.append("<hr>" if line.strip() == "---" else "")
        else:
            paragraph.append(line)
    flush()
    if in_code:
        out.append("</code></pre>")
    body = "\n".join(part for part in out if part)
    head = '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>'
    return f"{head}\n{body}\n</body></html>\n"


def _inline(text: str) -> str:
    """Escape, then mark up ``code`` and **bold** (code first, so its stars stay stars)."""
    pieces = re.split(r"(`[^`]+`)", text)
    rendered = []
    for piece in pieces:
        if len(piece) > 1 and piece.startswith("`") and piece.endswith("`"):
            rendered.append(f"<code>{html.escape(piece[1:-1])}</code>")
        else:
            rendered.append(re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html.escape(piece)))
    return "".join(rendered)


def _smtp_error(exc: smtplib.SMTPException, destination: str) -> DeliveryError:
    """4xx replies and dropped connections are worth a retry; 5xx replies are not."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        said = "; ".join(
            f"{to}: {code} {_text(reply)}" for to, (code, reply) in exc.recipients.items()
        )
        code = 400 if all(400 <= c < 500 for c in codes) else max(codes, default=550)
    elif isinstance(exc, smtplib.SMTPResponseException):
        code, said = exc.smtp_code, f"{exc.smtp_code} {_text(exc.smtp_error)}"
    elif isinstance(exc, smtplib.SMTPServerDisconnected):
        msg = f"{destination} dropped the connection ({exc}); supportkit will retry later"
        return TransientDeliveryError(msg)
    else:
        msg = f"cannot deliver to {destination}: {exc}; check the server's settings"
        return PermanentDeliveryError(msg)
    if 400 <= code < 500:
        msg = f"{destination} cannot take the report now ({said}); supportkit will retry later"
        return TransientDeliveryError(msg)
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        advice = f"check {USER_VARIABLE} and {PASSWORD_VARIABLE}"
    elif code == 552:
        advice = "even the summary alone is too large for the server; raise its size limit"
    else:
        advice = "check the recipients, the sender (?from=) and the server's settings"
    msg = f"{destination} refused the report ({said}); {advice}"
    return PermanentDeliveryError(msg, status=code)


def _text(reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    return " ".join(text.split())[:300]
