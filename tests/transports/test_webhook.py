"""The webhook transport against a real local HTTP server, with faults injected."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from _tls import self_signed
from _webhook_server import Accept, Drop, Respond, Slow, WebhookServer
from supportkit import Reporter, SealedBundle
from supportkit.exceptions import PermanentDeliveryError, TransientDeliveryError
from supportkit.transports import DeliveryContext
from supportkit.transports._http import Timeouts
from supportkit.transports.webhook import (
    SECRET_VARIABLE,
    SIGNATURE_HEADER,
    WebhookTransport,
    sign,
    verify_signature,
)

SECRET = "whsec-test-4f1c"
QUICK = Timeouts(connect=2.0, read=0.5)


@pytest.fixture(name="bundle")
def _bundle(tmp_path: Path) -> SealedBundle:
    return Reporter("app", "1", collectors=["runtime"]).capture("x", output=tmp_path / "b.zip")


def test_delivers_manifest_and_bundle(server: WebhookServer, bundle: SealedBundle) -> None:
    """The receiver gets the sealed manifest and the bundle, byte for byte."""
    WebhookTransport(server.url).send(bundle)
    (delivery,) = server.deliveries
    with zipfile.ZipFile(bundle.path) as archive:
        assert delivery.parts["manifest"].data == archive.read("manifest.json")
    assert delivery.parts["manifest"].content_type == "application/json"
    sent = delivery.parts["bundle"]
    assert sent.data == bundle.path.read_bytes()
    assert (
        hashlib.sha256(sent.data).hexdigest()
        == hashlib.sha256(bundle.path.read_bytes()).hexdigest()
    )
    assert sent.filename == f"{bundle.report.id}.zip"
    assert sent.content_type == "application/zip"


def test_headers_name_the_report(server: WebhookServer, bundle: SealedBundle) -> None:
    """Idempotency-Key and X-Supportkit-Report-Id carry the report id by default."""
    WebhookTransport(server.url).send(bundle)
    headers = server.requests[0].headers
    assert headers["idempotency-key"] == bundle.report.id
    assert headers["x-supportkit-report-id"] == bundle.report.id
    assert SIGNATURE_HEADER.lower() not in headers


def test_context_key_is_the_idempotency_key(server: WebhookServer, bundle: SealedBundle) -> None:
    """The outbox's key, stable across its retries, is the one sent."""
    WebhookTransport(server.url).send(bundle, DeliveryContext(idempotency_key="entry-7"))
    assert server.requests[0].idempotency_key == "entry-7"


def test_receipt_from_response_json(server: WebhookServer, bundle: SealedBundle) -> None:
    """The receipt names the ticket the server created."""
    receipt = WebhookTransport(server.url).send(bundle)
    assert receipt.ticket_id == "WH-1"
    assert receipt.url == f"{server.base_url}/tickets/WH-1"
    assert receipt.transport == "webhook"
    assert receipt.destination == server.url
    assert receipt.report_id == bundle.report.id


@pytest.mark.parametrize(
    ("payload", "ticket_id", "url"),
    [
        ({"ticket_id": 42, "html_url": "https://h.example/t/42"}, "42", "https://h.example/t/42"),
        ({"key": "SUP-9", "link": "https://h.example/SUP-9"}, "SUP-9", "https://h.example/SUP-9"),
        ({"status": "queued"}, None, None),
    ],
)
def test_receipt_field_names(
    server: WebhookServer,
    bundle: SealedBundle,
    payload: dict[str, object],
    ticket_id: str | None,
    url: str | None,
) -> None:
    """id/ticket_id/key and url/html_url/link are understood; otherwise the report id."""
    server.script(Accept(payload=payload))
    receipt = WebhookTransport(server.url).send(bundle)
    assert receipt.ticket_id == (ticket_id or bundle.report.id)
    assert receipt.url == url


def test_receipt_from_location(server: WebhookServer, bundle: SealedBundle) -> None:
    """With no JSON answer, the Location header is the ticket URL."""
    server.script(Accept(location=True))
    receipt = WebhookTransport(server.url).send(bundle)
    assert receipt.ticket_id == bundle.report.id
    assert receipt.url == f"{server.base_url}/tickets/WH-1"


def test_signature_verifies(server: WebhookServer, bundle: SealedBundle) -> None:
    """The receiver can check the signature over the exact body it received."""
    WebhookTransport(server.url, secret=SECRET).send(bundle)
    received = server.requests[0]
    assert verify_signature(received.body, received.headers["x-supportkit-signature"], SECRET)


def test_tampered_body_fails_verification(server: WebhookServer, bundle: SealedBundle) -> None:
    """One changed byte, or the wrong secret, fails the check."""
    WebhookTransport(server.url, secret=SECRET).send(bundle)
    received = server.requests[0]
    header = received.headers["x-supportkit-signature"]
    tampered = received.body.replace(b"application/zip", b"application/zap", 1)
    assert not verify_signature(tampered, header, SECRET)
    assert not verify_signature(received.body, header, "another-secret")


def test_secret_from_environment(
    server: WebhookServer, bundle: SealedBundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SUPPORTKIT_WEBHOOK_SECRET signs deliveries when the code passes no secret."""
    monkeypatch.setenv(SECRET_VARIABLE, SECRET)
    WebhookTransport(server.url).send(bundle)
    received = server.requests[0]
    assert verify_signature(received.body, received.headers["x-supportkit-signature"], SECRET)


@pytest.mark.parametrize(
    ("header", "now", "valid"),
    [
        (sign(b"body", SECRET, 1000), 1000 + 299, True),
        (sign(b"body", SECRET, 1000), 1000 + 301, False),
        (sign(b"body", SECRET, 1000), 1000 - 301, False),
        (f"{sign(b'body', SECRET, 1000)},v1={'0' * 64}", 1000, True),
        (f"t=1000,v1={'0' * 64},{sign(b'body', SECRET, 1000).split(',')[1]}", 1000, True),
        ("t=1000", 1000, False),
        ("v1=abc", 1000, False),
        ("", 1000, False),
    ],
)
def test_verify_signature_cases(header: str, now: float, valid: bool) -> None:
    """Old timestamps are replays; several v1 values allow secret rotation; junk is invalid."""
    assert verify_signature(b"body", header, SECRET, now=now) is valid


def test_timeout_is_transient_and_retry_is_exactly_once(
    server: WebhookServer, bundle: SealedBundle
) -> None:
    """A reply slower than the read timeout is transient; the retry files nothing twice."""
    server.script(Slow(5.0))
    transport = WebhookTransport(server.url, timeouts=QUICK)
    with pytest.raises(TransientDeliveryError, match="timed out"):
        transport.send(bundle)
    receipt = transport.send(bundle)
    assert receipt.ticket_id == "WH-1"
    assert len(server.requests) == 2
    assert server.unique_deliveries == 1


def test_server_error_is_transient(server: WebhookServer, bundle: SealedBundle) -> None:
    """500 is worth a retry, and the retry delivers once."""
    server.script(Respond(500), Respond(503))
    transport = WebhookTransport(server.url)
    for _ in range(2):
        with pytest.raises(TransientDeliveryError, match=r"50[03]"):
            transport.send(bundle)
    transport.send(bundle)
    assert len(server.requests) == 3
    assert server.unique_deliveries == 1


def test_rate_limit_is_transient_with_retry_after(
    server: WebhookServer, bundle: SealedBundle
) -> None:
    """429 carries the server's Retry-After for the outbox's backoff."""
    server.script(Respond(429, {"Retry-After": "7"}))
    with pytest.raises(TransientDeliveryError) as caught:
        WebhookTransport(server.url).send(bundle)
    assert caught.value.retry_after == 7.0


def test_dropped_connection_is_transient(
    server: WebhookServer, bundle: SealedBundle, tmp_path: Path
) -> None:
    """A connection cut mid-upload is transient and nothing is filed."""
    big = Reporter("app", "1", collectors=["runtime", "files"]).capture(
        "big",
        output=tmp_path / "big.zip",
        attachments=[_noise(tmp_path / "noise.bin")],
        allow_binary=True,
    )
    assert big.path.stat().st_size > 1_000_000
    server.script(Drop(after_bytes=4096))
    with pytest.raises(TransientDeliveryError):
        WebhookTransport(server.url).send(big)
    assert server.unique_deliveries == 0
    assert len(server.requests[0].body) == 4096


@pytest.mark.parametrize("status", [400, 401, 413, 422])
def test_refusals_are_permanent_with_reason(
    server: WebhookServer, bundle: SealedBundle, status: int
) -> None:
    """A refusal is permanent, with the status and the server's own reason."""
    server.script(Respond(status, {"Content-Type": "application/json"}, b'{"error": "nope-77"}'))
    with pytest.raises(PermanentDeliveryError, match="nope-77") as caught:
        WebhookTransport(server.url).send(bundle)
    assert caught.value.status == status


def test_progress_through_the_context(server: WebhookServer, bundle: SealedBundle) -> None:
    """The outbox's progress callback sees the whole upload."""
    calls: list[tuple[int, int]] = []
    context = DeliveryContext(bundle.report.id, progress=lambda s, t: calls.append((s, t)))
    WebhookTransport(server.url).send(bundle, context)
    assert calls[-1][0] == calls[-1][1] == int(server.requests[0].headers["content-length"])


def test_checkpointed_ticket_is_not_sent_again(server: WebhookServer, bundle: SealedBundle) -> None:
    """After a crash past the POST, the retry returns the recorded ticket without a request."""
    checkpoints: list[dict[str, str]] = []
    context = DeliveryContext(bundle.report.id)
    context.checkpoint = lambda: checkpoints.append(dict(context.state))
    first = WebhookTransport(server.url).send(bundle, context)
    assert checkpoints == [{"ticket_id": "WH-1", "url": first.url}]
    again = WebhookTransport(server.url).send(bundle, DeliveryContext("k", state=checkpoints[0]))
    assert again.ticket_id == first.ticket_id
    assert len(server.requests) == 1


def test_https_with_a_trusted_self_hosted_ca(bundle: SealedBundle, tmp_path: Path) -> None:
    """cafile trusts a self-hosted certificate; without it delivery is refused."""
    certificate = self_signed(tmp_path)
    with WebhookServer(tls=certificate.server_context()) as server:
        with pytest.raises(PermanentDeliveryError, match="certificate"):
            WebhookTransport(server.url).send(bundle)
        receipt = WebhookTransport(server.url, cafile=certificate.cert).send(bundle)
    assert receipt.ticket_id == "WH-1"


def test_basic_auth_from_url_is_sent_but_never_shown(
    server: WebhookServer, bundle: SealedBundle
) -> None:
    """User information in the URL authenticates and stays out of the receipt."""
    transport = WebhookTransport.from_url(server.url.replace("http://", "http://u:pw-9z@"))
    receipt = transport.send(bundle)
    assert server.requests[0].headers["authorization"].startswith("Basic ")
    assert "pw-9z" not in receipt.model_dump_json()
    assert transport.destination == server.url


def test_rejects_non_http_urls() -> None:
    """Only http(s) URLs with a host name a webhook."""
    with pytest.raises(ValueError, match="http"):
        WebhookTransport("ftp://example.com/x")


def _noise(path: Path) -> Path:
    """Incompressible bytes, so the bundle is large enough to be cut mid-upload."""
    import os

    path.write_bytes(os.urandom(2_000_000))
    return path
