"""The shared HTTP helpers: status classes, wait hints, streamed multipart bodies, safe URLs."""

from __future__ import annotations

import base64
import socket
from collections.abc import Iterator
from datetime import datetime, timezone
from email.utils import format_datetime
from pathlib import Path

import pytest

from _tls import self_signed
from _webhook_server import Respond, WebhookServer, parse_multipart
from supportkit.exceptions import PermanentDeliveryError, TransientDeliveryError
from supportkit.transports._http import (
    BytesBody,
    FileBody,
    MultipartBody,
    Response,
    Timeouts,
    classify,
    display_url,
    find_credential,
    json_body,
    parse_retry_after,
    raise_for_status,
    request,
    retry_after_from,
    ssl_context,
)

NOW = 1_800_000_000.0


def _http_date(timestamp: float) -> str:
    return format_datetime(datetime.fromtimestamp(timestamp, timezone.utc), usegmt=True)


@pytest.fixture(name="server")
def _server() -> Iterator[WebhookServer]:
    with WebhookServer() as server:
        yield server


def _response(status: int, headers: dict[str, str] | None = None, body: bytes = b"") -> Response:
    return Response(status, "Reason", headers or {}, body)


@pytest.mark.parametrize(
    ("status", "headers", "kind"),
    [
        (200, {}, "ok"),
        (201, {}, "ok"),
        (204, {}, "ok"),
        (301, {}, "permanent"),
        (400, {}, "permanent"),
        (401, {}, "permanent"),
        (403, {}, "permanent"),
        (403, {"x-ratelimit-remaining": "0"}, "transient"),
        (404, {}, "permanent"),
        (408, {}, "transient"),
        (409, {}, "permanent"),
        (413, {}, "permanent"),
        (422, {}, "permanent"),
        (425, {}, "transient"),
        (429, {}, "transient"),
        (500, {}, "transient"),
        (502, {}, "transient"),
        (503, {}, "transient"),
        (504, {}, "transient"),
    ],
)
def test_classify(status: int, headers: dict[str, str], kind: str) -> None:
    """Each status falls in the class the retry policy expects."""
    assert classify(status, headers) == kind


@pytest.mark.parametrize("status", [400, 401, 403, 404, 413, 422])
def test_permanent_errors_carry_status_and_server_reason(status: int) -> None:
    """A refusal raises a permanent error naming the status and what the server said."""
    response = _response(status, body=b'{"message": "project is archived"}')
    with pytest.raises(PermanentDeliveryError, match="project is archived") as caught:
        raise_for_status(response, "https://example.com/hook")
    assert caught.value.status == status
    assert str(status) in str(caught.value)


def test_transient_error_carries_retry_after() -> None:
    """A 429 raises a transient error with the server's wait hint."""
    with pytest.raises(TransientDeliveryError) as caught:
        raise_for_status(_response(429, {"retry-after": "12"}), "https://example.com/hook")
    assert caught.value.retry_after == 12.0


def test_server_reason_from_text_body_strips_markup() -> None:
    """An HTML error page is reduced to its words."""
    response = _response(500, body=b"<html><h1>Proxy Error</h1></html>")
    with pytest.raises(TransientDeliveryError, match=r"\(Proxy Error\)"):
        raise_for_status(response, "https://example.com/hook")


def test_success_raises_nothing() -> None:
    """A 2xx passes."""
    raise_for_status(_response(201), "https://example.com/hook")


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("120", 120.0),
        ("0", 0.0),
        (_http_date(NOW + 90), 90.0),
        (_http_date(NOW - 90), 0.0),
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_retry_after(value: str | None, seconds: float | None) -> None:
    """Retry-After is read as delta-seconds or an HTTP date; a date in the past means now."""
    assert parse_retry_after(value, now=NOW) == seconds


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"retry-after": "5", "x-ratelimit-reset": str(int(NOW + 60))}, 5.0),
        ({"x-ratelimit-reset": str(int(NOW + 60))}, 60.0),
        ({"x-ratelimit-reset": "2027-01-15T08:00:30Z"}, 30.0),
        ({"ratelimit-reset": "30"}, 30.0),
        ({"ratelimit-reset": str(int(NOW + 45))}, 45.0),
        (
            {
                "ratelimit-resettime": format_datetime(
                    datetime.fromtimestamp(NOW + 20, timezone.utc)
                )
            },
            20.0,
        ),
        ({}, None),
    ],
)
def test_rate_limit_headers(headers: dict[str, str], seconds: float | None) -> None:
    """Vendor reset headers give the wait when Retry-After is absent (epoch, delta or date)."""
    assert retry_after_from(headers, now=NOW) == seconds


def test_multipart_parses_back_with_the_stdlib(tmp_path: Path) -> None:
    """Fields and streamed files come back intact, with names, file names and types."""
    data = bytes(range(256)) * 1000
    (tmp_path / "b.zip").write_bytes(data)
    body = MultipartBody()
    body.add_field("manifest", '{"a": "é"}', "application/json")
    body.add_file("bundle", tmp_path / "b.zip", 'odd "name".zip', "application/zip")
    raw = b"".join(body.chunks())
    assert len(raw) == body.length
    parts = parse_multipart(body.content_type, raw)
    assert parts["manifest"].data == '{"a": "é"}'.encode()
    assert parts["manifest"].content_type == "application/json"
    assert parts["bundle"].data == data
    assert parts["bundle"].filename == "odd %22name%22.zip"
    assert parts["bundle"].content_type == "application/zip"


def test_multipart_body_can_be_streamed_twice(tmp_path: Path) -> None:
    """Signing reads the body once and sending reads it again: both see the same bytes."""
    (tmp_path / "f").write_bytes(b"x" * 200_000)
    body = MultipartBody()
    body.add_file("f", tmp_path / "f")
    assert b"".join(body.chunks()) == b"".join(body.chunks())


def test_file_that_shrinks_while_sent_is_refused(tmp_path: Path) -> None:
    """A body never claims a length it cannot deliver."""
    path = tmp_path / "f"
    path.write_bytes(b"x" * 1000)
    body = FileBody(path)
    path.write_bytes(b"x" * 10)
    with pytest.raises(ValueError, match="shorter"):
        b"".join(body.chunks())


def test_progress_reports_every_byte(server: WebhookServer, tmp_path: Path) -> None:
    """Progress rises to exactly the body's length, with that length as the total."""
    (tmp_path / "big").write_bytes(b"z" * 1_000_000)
    body = FileBody(tmp_path / "big")
    calls: list[tuple[int, int]] = []
    request("POST", server.url, body=body, progress=lambda sent, total: calls.append((sent, total)))
    assert len(calls) > 1
    assert {total for _, total in calls} == {body.length}
    assert [sent for sent, _ in calls] == sorted(sent for sent, _ in calls)
    assert calls[-1] == (body.length, body.length)
    assert len(server.requests[0].body) == body.length


def test_json_round_trip(server: WebhookServer) -> None:
    """A JSON body arrives as sent and the JSON answer is parsed."""
    response = request("POST", server.url, body=json_body({"k": [1, 2]}))
    assert server.requests[0].body == b'{"k":[1,2]}'
    assert response.json()["id"] == "WH-1"


def test_user_information_becomes_basic_auth(server: WebhookServer) -> None:
    """Credentials in the URL travel as an Authorization header, not in the request line."""
    url = server.url.replace("http://", "http://ann:s%40cret@")
    request("POST", url, body=BytesBody(b"x"))
    sent = server.requests[0]
    assert sent.headers["authorization"] == "Basic " + base64.b64encode(b"ann:s@cret").decode()
    assert "cret" not in sent.path


def test_server_answering_500_is_returned_not_raised(server: WebhookServer) -> None:
    """request() leaves the status to the caller."""
    server.script(Respond(500))
    assert request("POST", server.url, body=b"x").status == 500


def test_connection_refused_is_transient() -> None:
    """Nobody listening is worth a retry later."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(TransientDeliveryError, match="check the network"):
        request("POST", f"http://127.0.0.1:{port}/x", body=b"x", timeouts=Timeouts(2, 2))


def test_unverified_certificate_is_permanent(tmp_path: Path) -> None:
    """TLS is verified by default; a self-signed certificate is refused with advice."""
    certificate = self_signed(tmp_path)
    with WebhookServer(tls=certificate.server_context()) as server:
        with pytest.raises(PermanentDeliveryError, match="CA file"):
            request("POST", server.url, body=b"x")
        trusted = ssl_context(cafile=certificate.cert)
        assert request("POST", server.url, body=b"x", context=trusted).status == 201


def test_insecure_context_accepts_any_certificate(tmp_path: Path) -> None:
    """insecure=True is the explicit opt-out for test servers."""
    with WebhookServer(tls=self_signed(tmp_path).server_context()) as server:
        response = request("POST", server.url, body=b"x", context=ssl_context(insecure=True))
    assert response.status == 201


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://u:p4ss@h.example/x", "https://h.example/x"),
        ("https://h.example/x?token=abc&team=7", "https://h.example/x?token=redacted&team=7"),
        ("https://h.example/x?api_key=abc#frag", "https://h.example/x?api_key=redacted"),
        ("smtp://u:pw@mail.example:587?to=a@b.example", "smtp://mail.example:587?to=a@b.example"),
    ],
)
def test_display_url_hides_credentials(url: str, shown: str) -> None:
    """The display form keeps where, drops who and secret-looking query values."""
    assert display_url(url) == shown


def test_find_credential_prefers_code_then_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The host's argument wins over the environment; nothing set means none."""
    monkeypatch.delenv("SK_TEST_SECRET", raising=False)
    assert find_credential(None, "SK_TEST_SECRET", "https://h") is None
    monkeypatch.setenv("SK_TEST_SECRET", "from-env")
    assert find_credential(None, "SK_TEST_SECRET", "https://h") == "from-env"
    assert find_credential("from-code", "SK_TEST_SECRET", "https://h") == "from-code"


def test_find_credential_falls_back_to_the_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """With nothing in code or environment, the keyring entry for supportkit/<scheme://host>."""
    import sys
    import types

    stored = {("supportkit", "https://h.example"): "from-keyring"}
    keyring = types.ModuleType("keyring")
    keyring.get_password = lambda service, user: stored.get((service, user))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "keyring", keyring)
    monkeypatch.delenv("SK_TEST_SECRET", raising=False)
    assert find_credential(None, "SK_TEST_SECRET", "https://h.example") == "from-keyring"
    assert find_credential(None, "SK_TEST_SECRET", "https://other.example") is None
