"""The embedded default transport: file each report in a folder on this machine."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from supportkit._atomic import atomic_copy, atomic_write_bytes
from supportkit._paths import data_dir
from supportkit.exceptions import DeliveryError, InvalidArgumentError
from supportkit.transports._base import DeliveryContext, Transport

if TYPE_CHECKING:
    from supportkit.bundle import SealedBundle
    from supportkit.models import Receipt

TICKET_FILE = "ticket.json"


class FileTransport(Transport):
    """Files each bundle as ``<folder>/<ticket id>/`` with the bundle and a ``ticket.json``.

    The ticket id follows from the report id, so sending the same bundle again finds the
    ticket already filed and returns its receipt instead of filing a second one.
    """

    name: ClassVar[str] = "file"
    schemes: ClassVar[tuple[str, ...]] = ("file",)

    def __init__(self, folder: Path | str | None = None) -> None:
        self.folder = Path(folder).expanduser() if folder is not None else data_dir() / "reports"

    @classmethod
    def from_url(cls, url: str) -> FileTransport:
        """``file:///var/reports`` files into that folder; ``file:`` into the default one."""
        from urllib.parse import unquote, urlsplit  # noqa: PLC0415

        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            msg = f"file URLs name a folder on this machine, not on {parts.netloc!r}: {url!r}"
            raise InvalidArgumentError(msg)
        return cls(unquote(parts.path) or None)

    @property
    def destination(self) -> str:
        """The folder tickets are filed in."""
        return str(self.folder)

    def send(self, bundle: SealedBundle, context: DeliveryContext | None = None) -> Receipt:
        """Copy the bundle into its ticket folder (atomically) and return the receipt."""
        from supportkit.models import Receipt  # noqa: PLC0415

        report = bundle.report
        ticket_id = ticket_id_for(report.id)
        ticket_dir = self.folder / ticket_id
        ticket_file = ticket_dir / TICKET_FILE
        if ticket_file.exists():
            filed = json.loads(ticket_file.read_bytes())
            filed.pop("title", None)
            existing = Receipt.model_validate(filed)
            if existing.report_id == report.id:
                return existing
        try:
            ticket_dir.mkdir(parents=True, exist_ok=True)
            target = ticket_dir / f"{report.id}.zip"
            atomic_copy(bundle.path, target)
            receipt = Receipt(
                report_id=report.id,
                ticket_id=ticket_id,
                transport=self.name,
                destination=self.destination,
                path=str(target),
                url=target.as_uri(),
                delivered_at=datetime.now(timezone.utc),
            )
            ticket = json.loads(receipt.model_dump_json())
            ticket["title"] = report.problem.title
            atomic_write_bytes(ticket_file, json.dumps(ticket, indent=2).encode() + b"\n")
        except OSError as exc:
            msg = (
                f"cannot file report {report.id} in {ticket_dir}: {exc.strerror or exc}; "
                "check that the folder is writable and has free space, or pass another folder"
            )
            raise DeliveryError(msg) from exc
        return receipt


def ticket_id_for(report_id: str) -> str:
    """A short ticket id that follows from the report id (its random tail)."""
    return f"SK-{report_id[-10:]}"
