"""A minimal "Report a problem" flow: capture a report about a failed operation and file it.

Run it with ``python examples/minimal_capture.py``; it prints the ticket id and where the
bundle was filed (supportkit's data folder, or $SUPPORTKIT_HOME/data if that is set).
"""

from __future__ import annotations

import json
import logging

import supportkit

log = logging.getLogger("invoicer")


def export_invoice(invoice_id: int) -> bytes:
    """Stands in for the host's real work; it fails the way real code does."""
    supportkit.breadcrumb("export started", category="export", data={"invoice": invoice_id})
    settings = json.loads("{'renderer': 'pdf'}")  # single quotes: not JSON
    return bytes(settings["renderer"], "ascii")


def main() -> None:
    """Capture the failure with its exception, recent log records and steps, then file it."""
    logging.basicConfig(level=logging.INFO)
    supportkit.install_log_buffer()
    reporter = supportkit.Reporter("invoicer", "2.4.1")

    supportkit.breadcrumb("opened invoice 42", category="ui")
    try:
        export_invoice(42)
    except ValueError:
        log.exception("export failed")
        bundle = reporter.capture(
            "Export does nothing",
            expected="A PDF download",
            actual="Nothing happens",
            steps=["Open invoice 42", "Click Export"],
            urgency="high",
            impact="medium",
            exception=True,
        )
        receipt = reporter.send(bundle)
        print(f"filed {receipt.ticket_id}: {receipt.path}")


if __name__ == "__main__":
    main()
