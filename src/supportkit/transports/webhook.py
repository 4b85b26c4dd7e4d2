"""Deliver to any HTTP endpoint: a signed multipart POST of the manifest and the bundle.

The receiver gets two form parts — ``manifest`` (the bundle's ``manifest.json``, JSON) and
``bundle`` (the zip) — and the headers ``Idempotency-Key`` (stable across retries, so a
receiver that honours it files each report once) and ``X-Supportkit-Report-Id``. With a
shared secret the body is signed as ``X-Supportkit-Signature: t=<unix time>,v1=<hex
HMAC-SHA256 of "<t>.<body>">``, Stripe's scheme; receivers check it with
:func:`verify_signature`. The wire format is documented in ``docs/webhook.md``.
"""

from __future__ import annotations

import hashlib
import hmac
import time
import zipfile
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urljoin, urlsplit

from supportkit.bundle._manifest import MANIFEST_NAME
from supportkit.exceptions import InvalidArgumentError, PermanentDeliveryError
from supportkit.transports._base import DeliveryContext, Transport
from supportkit.transports._http import (
    DEFAULT_TIMEOUTS,
    ConnectionPool,
    MultipartBody,
    Response,
    Timeouts,
    display_url,
    find_credential,
    raise_for_status,
    request,
    ssl_context,
)

if TYPE_CHECKING:
    from pathlib import Path

    from supportkit.bundle import SealedBundle
    from supportkit.models import Receipt

__all__ = [
    "SECRET_VARIABLE",
    "SIGNATURE_HEADER",
    "WebhookTransport",
    "sign",
    "verify_signature",
]

SECRET_VARIABLE = "SUPPORTKIT_WEBHOOK_SECRET"  # noqa: S105  (a variable name, not a secret)
SIGNATURE_HEADER = "X-Supportkit-Signature"
REPORT_ID_HEADER = "X-Supportkit-Report-Id"
IDEMPOTENCY_HEADER = "Idempotency-Key"

_TICKET_ID_KEYS = ("id", "ticket_id", "key")
_TICKET_URL_KEYS = ("url", "html_url", "link")


class WebhookTransport(Transport):
    """POSTs each bundle to an ``http(s)://`` URL; the receipt names the ticket the server made.

    The secret for signing comes from the ``secret`` argument, else ``SUPPORTKIT_WEBHOOK_SECRET``,
    else the OS keyring (service ``supportkit``, user ``scheme://host``); without one the body is
    sent unsigned. User information in the URL is sent as HTTP Basic authentication. TLS
    certificates are verified; ``cafile`` trusts a self-hosted CA (``SSL_CERT_FILE`` works too)
    and ``insecure`` turns verification off for test servers.

    Connections are kept alive between sends; :meth:`close` closes the idle ones. A POST whose
    kept-alive connection the receiver closed before answering is sent once more on a new
    connection, with the same ``Idempotency-Key``. :meth:`send` may run in several threads at
    once, so the outbox delivers to a webhook in parallel.
    """

    name: ClassVar[str] = "webhook"
    schemes: ClassVar[tuple[str, ...]] = ("http", "https")
    concurrent_sends: ClassVar[bool] = True

    def __init__(
        self,
        url: str,
        *,
        secret: str | None = None,
        timeouts: Timeouts = DEFAULT_TIMEOUTS,
        cafile: str | Path | None = None,
        insecure: bool = False,
    ) -> None:
        parts = urlsplit(url)
        if parts.scheme not in self.schemes or not parts.hostname:
            msg = (
                f"a webhook needs an http:// or https:// URL with a host, not {display_url(url)!r}"
            )
            raise InvalidArgumentError(msg)
        self._url = url
        self._secret = find_credential(
            secret, SECRET_VARIABLE, f"{parts.scheme}://{parts.hostname}"
        )
        self.timeouts = timeouts
        self._tls = (
            ssl_context(insecure=insecure, cafile=cafile) if parts.scheme == "https" else None
        )
        self._pool = ConnectionPool()

    @classmethod
    def from_url(cls, url: str) -> WebhookTransport:
        """The URL is the endpoint, query included: it is the receiver's, not supportkit's."""
        return cls(url)

    @property
    def destination(self) -> str:
        """The endpoint without user information or secret-looking query values."""
        return display_url(self._url)

    @property
    def signs(self) -> bool:
        """Whether deliveries carry a signature."""
        return self._secret is not None

    def send(self, bundle: SealedBundle, context: DeliveryContext | None = None) -> Receipt:
        """POST the bundle; a retry after a crash returns the ticket recorded the first time."""
        report_id = bundle.report.id
        if context is not None and context.state.get("ticket_id"):
            return self._receipt(report_id, context.state["ticket_id"], context.state.get("url"))
        body = _payload(bundle)
        headers = {
            "Content-Type": body.content_type,
            IDEMPOTENCY_HEADER: context.idempotency_key if context else report_id,
            REPORT_ID_HEADER: report_id,
        }
        if self._secret is not None:
            headers[SIGNATURE_HEADER] = sign(body.chunks(), self._secret)
        response = request(
            "POST",
            self._url,
            body=body,
            headers=headers,
            timeouts=self.timeouts,
            context=self._tls,
            progress=context.progress if context else None,
            pool=self._pool,
        )
        raise_for_status(response, self.destination)
        ticket_id, url = self._ticket_of(response, report_id)
        if context is not None:
            context.state["ticket_id"] = ticket_id
            if url:
                context.state["url"] = url
            context.checkpoint()
        return self._receipt(report_id, ticket_id, url)

    def close(self) -> None:
        """Close the kept-alive connections; a later send opens a new one."""
        self._pool.close()

    def _ticket_of(self, response: Response, report_id: str) -> tuple[str, str | None]:
        """The ticket id and URL from the response JSON, else the report id and ``Location``."""
        data: Any = response.json()
        ticket_id = url = None
        if isinstance(data, dict):
            ticket_id = _first(data, _TICKET_ID_KEYS)
            url = _first(data, _TICKET_URL_KEYS)
        location = response.header("location")
        if url is None and location:
            url = urljoin(self._url, location)
        return ticket_id or report_id, display_url(url) if url else None

    def _receipt(self, report_id: str, ticket_id: str, url: str | None) -> Receipt:
        from supportkit.models import Receipt  # noqa: PLC0415  (pydantic stays off import time)

        return Receipt(
            report_id=report_id,
            ticket_id=ticket_id,
            transport=self.name,
            destination=self.destination,
            url=url,
            delivered_at=datetime.now(timezone.utc),
        )


def sign(body: bytes | Iterable[bytes], secret: str | bytes, timestamp: int | None = None) -> str:
    """The ``X-Supportkit-Signature`` value for ``body``: ``t=<ts>,v1=<hex HMAC-SHA256>``."""
    stamp = int(time.time()) if timestamp is None else timestamp
    mac = hmac.new(_key(secret), f"{stamp}.".encode(), hashlib.sha256)
    for chunk in [body] if isinstance(body, bytes) else body:
        mac.update(chunk)
    return f"t={stamp},v1={mac.hexdigest()}"


def verify_signature(
    body: bytes,
    header: str | None,
    secret: str | bytes,
    tolerance: float = 300,
    now: float | None = None,
) -> bool:
    """For receivers: whether ``header`` signs exactly ``body`` with ``secret``, recently.

    ``tolerance`` bounds the age of the timestamp in seconds (0 turns the check off), which
    stops an old captured request from being replayed. Several ``v1=`` values are accepted,
    so a sender can sign with an old and a new secret while the secret is rotated.
    """
    if not header:
        return False
    stamps: list[str] = []
    signatures: list[str] = []
    for item in header.split(","):
        name, _, value = item.strip().partition("=")
        if name == "t":
            stamps.append(value)
        elif name == "v1":
            signatures.append(value)
    if len(stamps) != 1 or not stamps[0].isdigit() or not signatures:
        return False
    stamp = int(stamps[0])
    current = time.time() if now is None else now
    if tolerance and abs(current - stamp) > tolerance:
        return False
    expected = sign(body, secret, stamp).rpartition("v1=")[2]
    return any(hmac.compare_digest(expected, candidate) for candidate in signatures)


def _payload(bundle: SealedBundle) -> MultipartBody:
    """The multipart body: the manifest as sealed in the bundle, then the bundle itself."""
    body = MultipartBody()
    try:
        with zipfile.ZipFile(bundle.path) as archive:
            body.add_field("manifest", archive.read(MANIFEST_NAME), "application/json")
        body.add_file("bundle", bundle.path, f"{bundle.report.id}.zip", "application/zip")
    except (OSError, zipfile.BadZipFile, KeyError) as exc:
        msg = f"cannot read the bundle {bundle.path} to send it: {exc}; capture the report again"
        raise PermanentDeliveryError(msg) from exc
    return body


def _first(data: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = data.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value):
            return str(value)
    return None


def _key(secret: str | bytes) -> bytes:
    return secret.encode() if isinstance(secret, str) else secret
