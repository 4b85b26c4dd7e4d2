"""Background delivery: a daemon thread sends what is submitted, and exit is never held up."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from _outbox_fakes import ScriptedTransport, receipt_for

from supportkit import InvalidArgumentError, SealedBundle
from supportkit.models import Receipt
from supportkit.outbox import BackgroundDelivery, Outbox
from supportkit.transports import DeliveryContext, Transport

HERE = Path(__file__).parent


class BlockingTransport(Transport):
    """Blocks in send until released, like an upload to a server that stopped answering."""

    name = "blocking"

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()

    def send(self, bundle: SealedBundle, context: DeliveryContext | None = None) -> Receipt:
        self.entered.set()
        self.release.wait()
        return receipt_for(bundle, "B-1", self.name)


def test_submit_delivers_in_the_background(tmp_path: Path, bundle: SealedBundle) -> None:
    """submit() returns the queued entry; the worker delivers it."""
    transport = ScriptedTransport()
    worker = BackgroundDelivery(Outbox(tmp_path / "o"), transports=lambda _: transport)
    entry = worker.submit(bundle, "scripted://x")
    assert worker.wait_idle(timeout=30)
    worker.close()
    assert worker.outbox.get(entry.entry_id).status == "delivered"
    assert [c.report_id for c in transport.calls] == [bundle.report.id]


def test_close_flushes_what_is_still_queued(tmp_path: Path, bundle: SealedBundle) -> None:
    """Entries queued but not yet sent are delivered by the last flush."""
    outbox = Outbox(tmp_path / "o")
    entry = outbox.enqueue(bundle, "scripted://x")
    worker = BackgroundDelivery(outbox, transports=lambda _: ScriptedTransport())
    worker.close(timeout=30)
    assert outbox.get(entry.entry_id).status == "delivered"


def test_close_does_not_wait_for_a_hung_upload(tmp_path: Path, bundle: SealedBundle) -> None:
    """close() returns while a send is still stuck; the entry stays queued, not lost."""
    transport = BlockingTransport()
    worker = BackgroundDelivery(Outbox(tmp_path / "o"), transports=lambda _: transport)
    entry = worker.submit(bundle, "blocking://x")
    assert transport.entered.wait(timeout=30)
    worker.close(timeout=0.05)
    assert not transport.release.is_set()
    assert worker.outbox.get(entry.entry_id).status == "pending"
    transport.release.set()


def test_submit_after_close_is_refused(tmp_path: Path, bundle: SealedBundle) -> None:
    """A closed worker says so instead of queueing reports nobody will send."""
    worker = BackgroundDelivery(Outbox(tmp_path / "o"))
    worker.close()
    with pytest.raises(InvalidArgumentError, match="closed"):
        worker.submit(bundle, "file:")


def test_negative_exit_timeout_is_refused(tmp_path: Path) -> None:
    """The exit budget is a number of seconds, at least zero."""
    with pytest.raises(InvalidArgumentError):
        BackgroundDelivery(Outbox(tmp_path / "o"), exit_timeout=-1)


_AT_EXIT = """
import sys, threading
from pathlib import Path
from supportkit.bundle import read_bundle
from supportkit.outbox import BackgroundDelivery, Outbox
from supportkit.transports import FileTransport
from test_worker import BlockingTransport

outbox_folder, bundle_path, tickets, hang = sys.argv[1:]
make = (lambda _: BlockingTransport()) if hang == "1" else (lambda _: FileTransport(tickets))
worker = BackgroundDelivery(Outbox(outbox_folder), transports=make, exit_timeout=0.5)
worker.outbox.enqueue(read_bundle(Path(bundle_path)), "file:")
print("queued", flush=True)
"""


@pytest.mark.parametrize("hang", [False, True])
def test_exit_flushes_within_its_bound(tmp_path: Path, bundle: SealedBundle, hang: bool) -> None:
    """At exit the worker delivers what it can; a hung upload does not keep the host alive."""
    arguments = [str(tmp_path / "o"), str(bundle.path), str(tmp_path / "tickets"), str(int(hang))]
    done = subprocess.run(
        [sys.executable, "-c", _AT_EXIT, *arguments],
        capture_output=True, text=True, timeout=60, cwd=HERE, check=False,
    )  # fmt: skip
    assert (done.returncode, done.stdout) == (0, "queued\n"), done.stderr
    [entry] = Outbox(tmp_path / "o").entries()
    assert entry.status == ("pending" if hang else "delivered")
    assert (tmp_path / "tickets").exists() is not hang
