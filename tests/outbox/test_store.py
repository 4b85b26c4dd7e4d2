"""The outbox on disk: complete entries, no credentials, leftovers of crashes cleaned up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _outbox_fakes import MakeBundle, ScriptedTransport

from supportkit import InvalidArgumentError, SealedBundle
from supportkit.bundle import read_bundle
from supportkit.outbox import Outbox
from supportkit.outbox._lock import try_lock
from supportkit.outbox._store import ENTRY_FILE, LOCK_FILE, public_destination


def test_enqueue_stores_a_verified_copy_and_a_record(outbox: Outbox, bundle: SealedBundle) -> None:
    """The entry folder holds the bundle, intact, and a record of where it must go."""
    entry = outbox.enqueue(bundle, "file:///srv/reports", profile="minimal")
    assert read_bundle(entry.bundle_path).manifest == bundle.manifest
    record = json.loads((entry.folder / ENTRY_FILE).read_text())
    assert record["report_id"] == bundle.report.id
    assert record["destination"] == "file:///srv/reports"
    assert record["profile"] == "minimal"
    assert (record["status"], record["attempts"], record["state"]) == ("pending", 0, {})
    assert sorted(p.name for p in entry.folder.iterdir()) == [LOCK_FILE, "bundle.zip", ENTRY_FILE]


def test_enqueue_refuses_anything_but_a_sealed_bundle(outbox: Outbox, bundle: SealedBundle) -> None:
    """A path is not a bundle: only what capture() or read_bundle() sealed is queued."""
    with pytest.raises(InvalidArgumentError, match="read_bundle"):
        outbox.enqueue(bundle.path, "file:///srv")  # type: ignore[arg-type]
    assert outbox.entries() == []


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("smtp://ana:hunter2@mail.example.com:587?to=help@example.com",
         "smtp://mail.example.com:587?to=help@example.com"),
        ("https://hooks.example.com/r?token=hunter2&team=7", "https://hooks.example.com/r?team=7"),
        ("file:///srv/reports", "file:///srv/reports"),
        ("file", "file"),
    ],
)  # fmt: skip
def test_destination_is_stored_without_credentials(given: str, stored: str) -> None:
    """User information and secret query parameters never reach the disk."""
    assert public_destination(given) == stored


def test_no_credential_anywhere_in_the_outbox(outbox: Outbox, bundle: SealedBundle) -> None:
    """A password in the destination URL appears in no file the outbox writes."""
    outbox.enqueue(bundle, "smtp://ana:hunter2@mail.example.com?to=help@example.com")
    written = b"".join(p.read_bytes() for p in outbox.folder.rglob("*") if p.is_file())
    assert b"hunter2" not in written
    assert b"mail.example.com" in written


def test_same_report_and_destination_is_one_entry(outbox: Outbox, bundle: SealedBundle) -> None:
    """Enqueueing twice returns the first entry rather than queueing a second send."""
    first = outbox.enqueue(bundle, "file:///srv/reports")
    again = outbox.enqueue(bundle, "file:///srv/reports")
    other = outbox.enqueue(bundle, "file:///srv/other")
    assert again.entry_id == first.entry_id
    assert other.entry_id != first.entry_id
    assert len(outbox.entries()) == 2


def test_entries_are_listed_oldest_report_first(outbox: Outbox, make_bundle: MakeBundle) -> None:
    """Report ids sort by creation time, so the queue is first in, first out."""
    titles = ["first", "second", "third"]
    for title in titles:
        outbox.enqueue(make_bundle(title), "file:///srv")
    assert [e.title for e in outbox.entries()] == titles


def test_interrupted_creation_is_cleaned_up_and_reported(
    outbox: Outbox, bundle: SealedBundle
) -> None:
    """A temp folder left by a crash mid-enqueue is removed, said, and never listed."""
    outbox.enqueue(bundle, "file:///srv")
    leftover = outbox.folder / ".tmp-01ABC-deadbeef"
    leftover.mkdir()
    (leftover / LOCK_FILE).touch()
    (leftover / "bundle.zip").write_bytes(b"PK\x03\x04 half")
    assert len(outbox.entries()) == 1
    assert not leftover.exists()
    assert any("interrupted" in problem for problem in outbox.problems)


def test_creation_in_progress_is_left_alone(outbox: Outbox, bundle: SealedBundle) -> None:
    """A temp folder whose claim is locked belongs to a live enqueue and is not touched."""
    outbox.enqueue(bundle, "file:///srv")
    in_progress = outbox.folder / ".tmp-01ABC-cafef00d"
    claim = try_lock(outbox.folder / ".tmp-01ABC-cafef00d.claim", create=True)
    assert claim is not None
    with claim:
        in_progress.mkdir()
        outbox.entries()
        assert in_progress.exists()
    assert outbox.problems == ()
    outbox.entries()
    assert not in_progress.exists()


def test_a_claim_left_by_a_crash_is_removed(outbox: Outbox, bundle: SealedBundle) -> None:
    """A creator killed before making its temp folder leaves a claim; it is cleaned quietly."""
    outbox.enqueue(bundle, "file:///srv")
    stale = outbox.folder / ".tmp-01ABC-0badf00d.claim"
    stale.touch()
    outbox.entries()
    assert not stale.exists()
    assert outbox.problems == ()


def test_unreadable_record_is_reported_not_fatal(outbox: Outbox, make_bundle: MakeBundle) -> None:
    """A damaged entry.json (edited by hand, say) is reported and skipped; others still list."""
    damaged = outbox.enqueue(make_bundle("damaged"), "file:///srv")
    outbox.enqueue(make_bundle("fine"), "file:///srv")
    (damaged.folder / ENTRY_FILE).write_text("{not json")
    assert [e.title for e in outbox.entries()] == ["fine"]
    assert any(damaged.entry_id in problem for problem in outbox.problems)
    assert damaged.folder.exists()


def test_leftover_record_temp_files_are_removed_under_the_lock(
    outbox: Outbox, bundle: SealedBundle
) -> None:
    """A temp file from an entry.json write cut short is deleted when the entry is next locked."""
    entry = outbox.enqueue(bundle, "file:///srv")
    leftover = entry.folder / f".{ENTRY_FILE}.tmp-1234abcd"
    leftover.write_text('{"half": ')
    outbox.entries()
    assert leftover.exists()
    outbox.flush(transports=lambda _: ScriptedTransport())
    assert not leftover.exists()
    assert outbox.get(entry.entry_id).status == "delivered"


@pytest.mark.parametrize("entry_id", ["../escape", ".lock", "", "a/b"])
def test_entry_ids_cannot_name_other_paths(outbox: Outbox, entry_id: str) -> None:
    """An id from the command line never reaches outside the outbox folder."""
    with pytest.raises(InvalidArgumentError):
        outbox.get(entry_id)


def test_outbox_defaults_to_the_state_folder(supportkit_home: Path) -> None:
    """Without a folder, the outbox lives in supportkit's state folder."""
    assert Outbox().folder == supportkit_home / "state" / "outbox"
