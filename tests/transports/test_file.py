"""The file transport files each bundle once, atomically, in its own ticket folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supportkit import DeliveryError, Reporter, SealedBundle
from supportkit.bundle import read_bundle
from supportkit.transports import FileTransport
from supportkit.transports.file import ticket_id_for


@pytest.fixture(name="bundle")
def _bundle(tmp_path: Path) -> SealedBundle:
    return Reporter("app", "1", collectors=["runtime"]).capture("x", output=tmp_path / "b.zip")


def test_files_bundle_and_ticket(tmp_path: Path, bundle: SealedBundle) -> None:
    """The ticket folder holds an intact copy of the bundle and a ticket.json with the title."""
    receipt = FileTransport(tmp_path / "tickets").send(bundle)
    folder = tmp_path / "tickets" / receipt.ticket_id
    assert receipt.ticket_id == ticket_id_for(bundle.report.id)
    assert read_bundle(folder / f"{bundle.report.id}.zip").manifest == bundle.manifest
    ticket = json.loads((folder / "ticket.json").read_text())
    assert ticket["title"] == "x"
    assert ticket["report_id"] == bundle.report.id
    assert receipt.url == (folder / f"{bundle.report.id}.zip").as_uri()


def test_second_send_returns_the_existing_ticket(tmp_path: Path, bundle: SealedBundle) -> None:
    """Sending again creates no second ticket and returns the first receipt."""
    transport = FileTransport(tmp_path / "tickets")
    first = transport.send(bundle)
    assert transport.send(bundle) == first
    assert len(list((tmp_path / "tickets").iterdir())) == 1


def test_resend_after_a_crash_before_ticket_json_completes(
    tmp_path: Path, bundle: SealedBundle
) -> None:
    """A folder left without ticket.json (a crash mid-send) is completed by the retry."""
    transport = FileTransport(tmp_path / "tickets")
    (tmp_path / "tickets" / ticket_id_for(bundle.report.id)).mkdir(parents=True)
    receipt = transport.send(bundle)
    assert Path(receipt.path or "").exists()
    assert [p.name for p in (tmp_path / "tickets").rglob(".*")] == []


def test_unwritable_folder_is_a_delivery_error(tmp_path: Path, bundle: SealedBundle) -> None:
    """A folder that cannot be created raises DeliveryError saying what to check."""
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(DeliveryError, match="check that the folder is writable"):
        FileTransport(blocker / "tickets").send(bundle)


def test_default_folder_is_under_the_data_dir(supportkit_home: Path) -> None:
    """Without a folder, tickets go under supportkit's data folder."""
    assert FileTransport().folder == supportkit_home / "data" / "reports"
