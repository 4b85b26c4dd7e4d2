"""One report to several destinations: queue it for all of them, then try each in turn.

Every copy is in the outbox before the first goes on the network, so a failure, a hang or a
crash at one destination never costs another its report: what is not delivered now is
delivered by a later flush.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from supportkit.exceptions import DeliveryError

if TYPE_CHECKING:
    from supportkit._config import Destination
    from supportkit.bundle import SealedBundle
    from supportkit.models import Receipt
    from supportkit.outbox import Outbox, OutboxEntry
    from supportkit.outbox._flush import TransportFactory
    from supportkit.redaction import RedactionPolicy


@dataclass(frozen=True)
class Delivery:
    """What became of a report at one destination.

    ``receipt`` is set once it is delivered; ``error`` says why this attempt failed (the entry
    stays queued, or dead-lettered after a refusal). Both are None for a report queued to be
    delivered in the background.
    """

    destination: Destination
    entry: OutboxEntry
    receipt: Receipt | None = None
    error: DeliveryError | None = None

    @property
    def delivered(self) -> bool:
        """Whether the destination has the report."""
        return self.receipt is not None


def enqueue_each(
    outbox: Outbox,
    bundle: SealedBundle,
    destinations: Sequence[Destination],
    *,
    profile: str | None = None,
    policy: RedactionPolicy | None = None,
) -> list[Delivery]:
    """Queue ``bundle`` for every destination, each in its profile (``profile`` overrides all).

    Each profile's bundle is made once, however many destinations receive it.
    """
    from supportkit.redaction._profiles import bundle_for_profile, check_profile  # noqa: PLC0415

    made: dict[str, SealedBundle] = {}
    queued = []
    for destination in destinations:
        wanted = check_profile(profile or destination.profile)
        if wanted not in made:
            made[wanted] = bundle_for_profile(bundle, wanted, policy)
        outgoing = made[wanted]
        entry = outbox.enqueue(outgoing, destination.url, profile=outgoing.manifest.profile)
        queued.append(Delivery(destination, entry))
    return queued


def deliver_each(
    outbox: Outbox, queued: Sequence[Delivery], *, transports: TransportFactory | None = None
) -> list[Delivery]:
    """Attempt each queued delivery now; a failure is recorded in its result, never raised."""
    done = []
    for delivery in queued:
        entry_id = delivery.entry.entry_id
        try:
            receipt = outbox.deliver(entry_id, transports=transports)
        except DeliveryError as exc:
            done.append(Delivery(delivery.destination, outbox.get(entry_id), error=exc))
        else:
            done.append(Delivery(delivery.destination, outbox.get(entry_id), receipt=receipt))
    return done
