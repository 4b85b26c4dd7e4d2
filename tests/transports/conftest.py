"""Fixtures shared by the transport tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from _webhook_server import WebhookServer
from supportkit.transports.webhook import SECRET_VARIABLE


@pytest.fixture(name="server")
def _server() -> Iterator[WebhookServer]:
    """A real local webhook receiver (a test module may define its own ``server``)."""
    with WebhookServer() as server:
        yield server


@pytest.fixture(autouse=True)
def _no_secret_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A signing secret in the developer's environment must not change what tests send."""
    monkeypatch.delenv(SECRET_VARIABLE, raising=False)
