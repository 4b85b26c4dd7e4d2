"""Destinations named by URL pick their transport by scheme."""

from __future__ import annotations

from pathlib import Path

import pytest

from supportkit import InvalidArgumentError
from supportkit.transports import FileTransport, transport_for


def test_file_url_names_the_folder(tmp_path: Path) -> None:
    """file:///path files into that folder."""
    transport = transport_for(tmp_path.as_uri())
    assert isinstance(transport, FileTransport)
    assert transport.folder == tmp_path


@pytest.mark.parametrize("destination", ["file", "file:"])
def test_bare_file_uses_the_default_folder(destination: str, supportkit_home: Path) -> None:
    """A bare scheme name gives the transport's default configuration."""
    transport = transport_for(destination)
    assert isinstance(transport, FileTransport)
    assert transport.folder == supportkit_home / "data" / "reports"


def test_file_url_on_another_host_is_refused() -> None:
    """file://server/share is refused: file delivery is to this machine."""
    with pytest.raises(InvalidArgumentError, match="not on 'server'"):
        transport_for("file://server/share")


def test_unknown_scheme_lists_known_ones_without_credentials() -> None:
    """An unknown scheme is a clear error that never repeats the URL's password."""
    with pytest.raises(InvalidArgumentError, match=r"known schemes: .*file") as info:
        transport_for("gopher://ana:hunter2@example.com/reports")
    assert "hunter2" not in str(info.value)
    assert "example.com" in str(info.value)


@pytest.mark.parametrize(
    ("url", "class_name"),
    [
        ("https://support.example.com/hooks/reports", "WebhookTransport"),
        ("http://127.0.0.1:8080/hook", "WebhookTransport"),
        ("smtp://smtp.example.com:587?to=help@example.com", "EmailTransport"),
        ("smtps://smtp.example.com?to=help@example.com", "EmailTransport"),
        ("redmine://redmine.example.com/projects/support", "RedmineTransport"),
        ("redmine+http://127.0.0.1:3300/projects/support", "RedmineTransport"),
        ("rt://rt.example.com/General", "RTTransport"),
        ("rt+http://127.0.0.1:8088/General", "RTTransport"),
    ],
)
def test_each_scheme_picks_its_transport(url: str, class_name: str) -> None:
    """Every built-in scheme resolves to its transport, configured from the URL."""
    transport = transport_for(url)
    assert type(transport).__name__ == class_name
    assert "://" in transport.destination
