"""The delivery commands: ``send BUNDLE [--to NAME|URL]`` and
``outbox list | flush | retry | purge``."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from supportkit._units import human_size
from supportkit.exceptions import DeliveryError, PermanentDeliveryError

if TYPE_CHECKING:
    from supportkit._config import Destination
    from supportkit.bundle import SealedBundle
    from supportkit.outbox import FlushResult, Outbox, OutboxEntry

EXIT_OK = 0
EXIT_FAILED = 1
PROGRESS_VARIABLE = "SUPPORTKIT_PROGRESS"
"""``1`` forces the progress bar on when stderr is not a terminal, ``0`` turns it off."""
_PROGRESS_DELAY_SECONDS = 0.5


def add_delivery_commands(subparsers: Any) -> None:
    """Add ``send`` and ``outbox`` to the ``supportkit`` command's subparsers."""
    send = subparsers.add_parser(
        "send",
        help="deliver a bundle to its destinations",
        description="Verify a bundle, queue it in the outbox and deliver it now. If delivery "
        "fails for now, the bundle stays queued for `supportkit outbox flush`. Without --to "
        "it goes where the configuration says (`supportkit config` shows where).",
    )
    from supportkit.cli._config import add_config_option  # noqa: PLC0415

    send.add_argument("bundle", type=Path)
    send.add_argument(
        "--to", action="append", metavar="NAME|URL",
        help="a configured destination's name or a URL, e.g. file:///var/reports (repeatable)",
    )  # fmt: skip
    send.add_argument(
        "--profile", metavar="NAME",
        help="what every destination receives: full or minimal (default: as configured)",
    )  # fmt: skip
    add_config_option(send)
    send.add_argument(
        "--progress", action=argparse.BooleanOptionalAction, default=None,
        help="show a progress bar (default: on a terminal, for uploads that take a while)",
    )  # fmt: skip
    send.set_defaults(handler=send_command)

    outbox = subparsers.add_parser("outbox", help="reports waiting to be delivered")
    commands = outbox.add_subparsers(dest="outbox_command", required=True, metavar="COMMAND")
    listing = commands.add_parser("list", help="show the queued, delivered and dead entries")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_command)
    flush = commands.add_parser("flush", help="deliver every entry that is due")
    flush.add_argument(
        "--timeout", type=float, metavar="SECONDS",
        help="keep retrying entries that come due for up to this long",
    )  # fmt: skip
    flush.set_defaults(handler=flush_command)
    retry = commands.add_parser("retry", help="put a dead-lettered entry back in the queue")
    retry.add_argument("entry_id", metavar="ID")
    retry.set_defaults(handler=retry_command)
    purge = commands.add_parser("purge", help="remove delivered entries (and dead ones)")
    which = purge.add_mutually_exclusive_group()
    which.add_argument("--dead", action="store_true", help="remove dead entries instead")
    which.add_argument("--all", action="store_true", help="remove delivered and dead entries")
    purge.set_defaults(handler=purge_command)


def send_command(args: argparse.Namespace) -> int:
    """Queue the bundle and deliver it now; on failure it stays queued (or dead-lettered)."""
    from supportkit._config import load_settings  # noqa: PLC0415
    from supportkit.bundle import read_bundle  # noqa: PLC0415

    destinations = load_settings(config=args.config, send_to=args.to).send_to
    return send_bundle(
        read_bundle(args.bundle), destinations, profile=args.profile, progress=args.progress
    )


def send_bundle(
    bundle: SealedBundle,
    destinations: Sequence[Destination],
    *,
    profile: str | None = None,
    progress: bool | None = None,
    out: TextIO | None = None,
) -> int:
    """Queue ``bundle`` for every destination, then deliver each now, printing its receipt
    (to ``out``, default stdout) or what happens next.

    Shared by ``send`` and ``collect``; returns the exit code: 1 when any delivery failed.
    ``progress``: True or False forces the bar on or off; None shows it on a terminal.
    """
    from supportkit._fanout import enqueue_each  # noqa: PLC0415

    outbox = _outbox()
    failed = 0
    for queued in enqueue_each(outbox, bundle, destinations, profile=profile):
        entry_id = queued.entry.entry_id
        bar = ProgressBar(sys.stderr, forced=_progress_choice(progress))
        try:
            receipt = outbox.deliver(entry_id, progress=bar if bar.enabled else None)
        except DeliveryError as exc:
            bar.finish()
            label = queued.destination.label if len(destinations) > 1 else None
            _explain_failure(outbox.get(entry_id), exc, label)
            failed += 1
            continue
        bar.finish()
        where = receipt.url or receipt.path or receipt.destination
        print(f"filed: {receipt.ticket_id} {where}", file=out or sys.stdout)
    return EXIT_FAILED if failed else EXIT_OK


def list_command(args: argparse.Namespace) -> int:
    """Print the outbox's entries, oldest report first."""
    outbox = _outbox()
    entries = outbox.entries()
    for problem in outbox.problems:
        _note(problem)
    if args.json:
        print(json.dumps([_public_json(entry) for entry in entries], indent=2))
        return EXIT_OK
    if not entries:
        _note(f"the outbox is empty ({outbox.folder})")
    for entry in entries:
        print(_describe(entry))
    return EXIT_OK


def flush_command(args: argparse.Namespace) -> int:
    """Attempt every due entry; exit 1 when any attempt failed."""
    outbox = _outbox()
    result = outbox.flush(timeout=args.timeout)
    _print_flush(result)
    return EXIT_OK if result.ok else EXIT_FAILED


def retry_command(args: argparse.Namespace) -> int:
    """Put a dead entry back to pending."""
    entry = _outbox().retry(args.entry_id)
    _note(f"{entry.entry_id} is pending again; `supportkit outbox flush` delivers it")
    return EXIT_OK


def purge_command(args: argparse.Namespace) -> int:
    """Remove delivered entries (``--dead``: dead ones; ``--all``: both)."""
    outbox = _outbox()
    removed = outbox.purge(delivered=not args.dead, dead=args.dead or args.all)
    _note(f"removed {removed} entr{'y' if removed == 1 else 'ies'} from {outbox.folder}")
    return EXIT_OK


class ProgressBar:
    """A one-line text bar on ``stream``, for uploads that take more than a moment.

    Shown when ``stream`` is a terminal (or when forced), and only once an upload has run for
    half a second, so quick sends print nothing extra.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        forced: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
        width: int = 30,
    ) -> None:
        self.enabled = forced if forced is not None else _is_terminal(stream)
        self._stream = stream
        self._clock = clock
        self._width = width
        self._started = clock()
        self._delay = 0.0 if forced else _PROGRESS_DELAY_SECONDS
        self._shown = False

    def __call__(self, sent: int, total: int) -> None:
        if not self.enabled or (not self._shown and self._clock() - self._started < self._delay):
            return
        fraction = min(sent / total, 1.0) if total > 0 else 1.0
        filled = round(fraction * self._width)
        bar = "#" * filled + "-" * (self._width - filled)
        sizes = f"{human_size(sent)} / {human_size(total)}"
        self._stream.write(f"\rsending [{bar}] {fraction:4.0%}  {sizes}  ")
        self._stream.flush()
        self._shown = True

    def finish(self) -> None:
        """End the bar's line, if one was drawn."""
        if self._shown:
            self._stream.write("\n")
            self._stream.flush()
            self._shown = False


def _outbox() -> Outbox:
    from supportkit.outbox import Outbox  # noqa: PLC0415

    return Outbox()


def _progress_choice(flag: bool | None) -> bool | None:
    if flag is not None:
        return flag
    forced = os.environ.get(PROGRESS_VARIABLE, "").strip()
    return {"1": True, "0": False}.get(forced)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _explain_failure(entry: OutboxEntry, error: DeliveryError, label: str | None) -> None:
    reason = entry.last_error.message if entry.last_error else str(error)
    reason = f"{label}: {reason}" if label else reason
    if entry.status == "dead":
        why = "refused" if isinstance(error, PermanentDeliveryError) else "gave up"
        _note(f"{why}: {reason}")
        _note(
            f"the report is dead-lettered in the outbox as {entry.entry_id}; once the cause "
            f"is fixed, `supportkit outbox retry {entry.entry_id}` puts it back"
        )
        return
    _note(f"not delivered yet: {reason}")
    _note(
        f"the report stays in the outbox as {entry.entry_id}; `supportkit outbox flush` "
        f"tries again (next attempt after {_when(entry.next_attempt_at)})"
    )


def _print_flush(result: FlushResult) -> None:
    for entry in result.delivered:
        receipt = entry.receipt
        assert receipt is not None
        where = receipt.url or receipt.path or receipt.destination
        print(f"delivered  {entry.entry_id}  {receipt.ticket_id}  {where}")
    for entry in result.retrying:
        print(f"retrying   {entry.entry_id}  after {_when(entry.next_attempt_at)}: {_error(entry)}")
    for entry in result.dead:
        print(f"dead       {entry.entry_id}  {_error(entry)}")
    for entry_id in result.busy:
        print(f"busy       {entry_id}  (being delivered by another process)")
    for problem in result.problems:
        _note(problem)
    summary = (
        f"{len(result.delivered)} delivered, {len(result.retrying)} to retry, "
        f"{len(result.dead)} dead, {len(result.busy)} busy, {result.waiting} waiting"
    )
    if result.next_attempt_at is not None:
        summary += f" (next due {_when(result.next_attempt_at)})"
    if result.timed_out:
        summary += "; stopped at the timeout"
    _note(summary)


def _describe(entry: OutboxEntry) -> str:
    columns = [entry.entry_id, f"{entry.status:<9}", f"{entry.attempts:>2}x", entry.destination]
    if entry.receipt is not None:
        columns.append(entry.receipt.ticket_id)
    elif entry.status == "pending":
        columns.append(f"due {_when(entry.next_attempt_at)}")
    columns.append(entry.title)
    if entry.last_error is not None and entry.status != "delivered":
        columns.append(f"({_error(entry)})")
    return "  ".join(columns)


def _public_json(entry: OutboxEntry) -> dict[str, Any]:
    data = entry.to_json()
    data.pop("format", None)
    data["bundle"] = str(entry.bundle_path)
    return data


def _error(entry: OutboxEntry) -> str:
    if entry.last_error is None:
        return "no error recorded"
    return f"{entry.last_error.type}: {entry.last_error.message}"


def _when(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _note(message: str) -> None:
    print(f"supportkit: {message}", file=sys.stderr)
