"""The outbox: reports wait on disk until their destination has them, exactly once.

::

    from supportkit.outbox import Outbox

    outbox = Outbox()
    entry = outbox.enqueue(bundle, "https://support.example.com/hooks/reports")
    receipt = outbox.deliver(entry.entry_id)   # or outbox.flush() later, or in the background

A process killed at any instant leaves each entry pending (a later flush completes it) or
delivered, never corrupt and never lost; per-entry locks keep two processes flushing at once
from sending an entry twice; transports checkpoint remote progress so a retry after a crash
finds the ticket it already created.
"""

from __future__ import annotations

from supportkit.outbox._flush import FlushResult
from supportkit.outbox._outbox import Outbox
from supportkit.outbox._policy import RetryPolicy
from supportkit.outbox._store import LastError, OutboxEntry
from supportkit.outbox._worker import BackgroundDelivery

__all__ = [
    "BackgroundDelivery",
    "FlushResult",
    "LastError",
    "Outbox",
    "OutboxEntry",
    "RetryPolicy",
]
