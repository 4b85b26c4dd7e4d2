"""Kept-alive webhook connections: reused, dropped when stale, and resent only when safe."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from _tls import self_signed
from _webhook_server import Drop, Respond, Slow, WebhookServer
from supportkit import Reporter, SealedBundle
from supportkit.exceptions import TransientDeliveryError
from supportkit.transports._http import ConnectionPool, Timeouts, request
from supportkit.transports.webhook import WebhookTransport

QUICK = Timeouts(connect=2.0, read=0.5)
MakeBundle = Callable[[str], SealedBundle]


@pytest.fixture(name="make_bundle")
def _make_bundle(tmp_path: Path) -> MakeBundle:
    reporter = Reporter("app", "1", collectors=["runtime"])
    made = iter(range(1_000))

    def make(title: str = "x") -> SealedBundle:
        return reporter.capture(title, output=tmp_path / f"{next(made)}.zip")

    return make


def _wait_for(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.005)


def test_sends_share_one_connection(server: WebhookServer, make_bundle: MakeBundle) -> None:
    """Ten sends, one connection: the round trips of opening one are paid once."""
    with WebhookTransport(server.url) as transport:
        for i in range(10):
            transport.send(make_bundle(f"r{i}"))
    assert server.unique_deliveries == 10
    assert server.connections == 1


def test_close_ends_the_connections_and_sending_again_opens_one(
    server: WebhookServer, make_bundle: MakeBundle
) -> None:
    """close() hangs up; the transport stays usable (the reporter reuses its transport)."""
    transport = WebhookTransport(server.url)
    transport.send(make_bundle("a"))
    assert server.open_connections == 1
    transport.close()
    _wait_for(lambda: server.open_connections == 0)
    transport.send(make_bundle("b"))
    transport.close()
    assert server.connections == 2
    assert server.unique_deliveries == 2


def test_reconnects_when_the_server_closed_the_idle_connection(
    server: WebhookServer, make_bundle: MakeBundle
) -> None:
    """A keep-alive timeout on the server's side costs a new connection, not a failure."""
    with WebhookTransport(server.url) as transport:
        transport.send(make_bundle("a"))
        assert server.close_idle_connections() == 1
        _wait_for(lambda: server.open_connections == 0)
        transport.send(make_bundle("b"))
    assert server.connections == 2
    assert len(server.requests) == 2
    assert server.unique_deliveries == 2


def test_connection_the_server_drops_before_answering_is_resent_once(
    server: WebhookServer, make_bundle: MakeBundle
) -> None:
    """The race a stale check cannot see: cut before any answer, so sent again, same key."""
    with WebhookTransport(server.url) as transport:
        transport.send(make_bundle("a"))
        server.script(Drop(after_bytes=0))
        bundle = make_bundle("b")
        receipt = transport.send(bundle)
    assert receipt.ticket_id == "WH-2"
    keys = [r.idempotency_key for r in server.requests]
    assert keys[1:] == [bundle.report.id, bundle.report.id]
    assert server.connections == 2
    assert server.unique_deliveries == 2


def test_drop_on_the_resend_is_a_transient_failure(
    server: WebhookServer, make_bundle: MakeBundle
) -> None:
    """Only one resend: a new connection that is cut too fails the attempt."""
    with WebhookTransport(server.url) as transport:
        transport.send(make_bundle("a"))
        server.script(Drop(after_bytes=0), Drop(after_bytes=0))
        with pytest.raises(TransientDeliveryError):
            transport.send(make_bundle("b"))
    assert len(server.requests) == 3
    assert server.unique_deliveries == 1


def test_drop_on_a_new_connection_is_not_resent(
    server: WebhookServer, make_bundle: MakeBundle
) -> None:
    """A fresh connection cut without an answer is a real failure, left to the outbox."""
    server.script(Drop(after_bytes=0))
    with WebhookTransport(server.url) as transport, pytest.raises(TransientDeliveryError):
        transport.send(make_bundle("a"))
    assert len(server.requests) == 1


def test_timeout_on_a_kept_alive_connection_is_not_resent(
    server: WebhookServer, make_bundle: MakeBundle
) -> None:
    """The server may be processing a slow request: never send it again on the spot."""
    with WebhookTransport(server.url, timeouts=QUICK) as transport:
        transport.send(make_bundle("a"))
        server.script(Slow(5.0))
        with pytest.raises(TransientDeliveryError, match="timed out"):
            transport.send(make_bundle("b"))
        assert len(server.requests) == 2
        transport.send(make_bundle("c"))
    assert server.connections == 2


def test_connection_close_from_the_server_is_honoured(
    server: WebhookServer, make_bundle: MakeBundle
) -> None:
    """An answer marked ``Connection: close`` ends the connection; the next send opens one."""
    server.script(Respond(503, {"Connection": "close"}))
    with WebhookTransport(server.url) as transport:
        with pytest.raises(TransientDeliveryError, match="503"):
            transport.send(make_bundle("a"))
        transport.send(make_bundle("b"))
    assert server.connections == 2
    assert len(server.requests) == 2


def test_failed_statuses_keep_the_connection(
    server: WebhookServer, make_bundle: MakeBundle
) -> None:
    """500 and 429 are complete answers: the connection stays usable."""
    server.script(Respond(500), Respond(429, {"Retry-After": "1"}))
    bundle = make_bundle("a")
    with WebhookTransport(server.url) as transport:
        for _ in range(2):
            with pytest.raises(TransientDeliveryError):
                transport.send(bundle)
        transport.send(bundle)
    assert server.connections == 1
    assert server.unique_deliveries == 1


def test_tls_connections_are_reused(make_bundle: MakeBundle, tmp_path: Path) -> None:
    """Over TLS the saving is largest: the handshake is done once."""
    certificate = self_signed(tmp_path)
    with WebhookServer(tls=certificate.server_context()) as server:
        with WebhookTransport(server.url, cafile=certificate.cert) as transport:
            for i in range(5):
                transport.send(make_bundle(f"r{i}"))
        assert server.connections == 1
        assert server.unique_deliveries == 5


def test_pool_keeps_connections_per_server() -> None:
    """One pool, two servers: each request goes out on a connection to its own server."""
    pool = ConnectionPool()
    with WebhookServer() as first, WebhookServer() as second:
        for _ in range(3):
            for server in (first, second):
                assert request("POST", server.url, body=b"{}", pool=pool).status == 201
        pool.close()
        assert (first.connections, second.connections) == (1, 1)
        assert len(first.requests) == len(second.requests) == 3


def test_pool_drops_connections_idle_too_long(server: WebhookServer) -> None:
    """Past ``max_idle_seconds`` a connection may be silently dead: a new one is opened."""
    pool = ConnectionPool(max_idle_seconds=0.0)
    for _ in range(2):
        request("POST", server.url, body=b"{}", pool=pool)
    pool.close()
    assert server.connections == 2
