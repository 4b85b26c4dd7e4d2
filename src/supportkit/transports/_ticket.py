"""What the ticket-system transports share: destination URLs, the report marker, receipts.

Ticket systems such as Redmine and Request Tracker have no idempotency key. supportkit marks
each ticket with the report id (``[sk:<report id>]`` in the subject, or a custom field), keeps
the remote id in the delivery state as soon as it exists, and searches for the marker before
creating a ticket whenever an earlier attempt may already have created one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, unquote, urlsplit

from supportkit.exceptions import InvalidArgumentError, PermanentDeliveryError
from supportkit.transports._url import url_flag

if TYPE_CHECKING:
    import ssl

    from supportkit.bundle import SealedBundle
    from supportkit.models import Receipt
    from supportkit.transports._base import DeliveryContext

PLAIN_SUFFIX = "+http"
"""``redmine+http://`` / ``rt+http://``: plain HTTP, for a server on loopback or in a lab."""


@dataclass(frozen=True)
class Endpoint:
    """A ticket-system destination URL taken apart.

    ``base`` is the server's HTTP(S) root (with any path prefix), ``rest`` the path after it
    that names the project or queue, ``shown`` the URL as receipts and messages may show it.
    """

    base: str
    rest: str
    options: dict[str, str] = field(default_factory=dict)
    shown: str = ""
    keyring_user: str = ""


def parse_endpoint(url: str, scheme: str, *, marker_path: str | None = None) -> Endpoint:
    """Split ``<scheme>[+http]://host[:port][/prefix]<marker_path>…?options``.

    With ``marker_path`` (e.g. ``/projects/``) the prefix is what comes before it; without,
    the last path segment is the ``rest`` and everything before it the prefix.
    """
    parts = urlsplit(url)
    kind = parts.scheme.lower()
    if kind not in (scheme, scheme + PLAIN_SUFFIX):
        msg = f"not a {scheme} URL: {kind}:// (use {scheme}:// or {scheme}{PLAIN_SUFFIX}://)"
        raise InvalidArgumentError(msg)
    host = parts.netloc.rsplit("@", 1)[-1]
    if "@" in parts.netloc:
        msg = (
            f"{scheme} URLs carry no credentials ({kind}://…@{host}); give them through the "
            f"environment, the OS keyring or the host's code instead"
        )
        raise InvalidArgumentError(msg)
    if not parts.hostname:
        msg = f"a {scheme} URL needs a host, e.g. {scheme}://tickets.example.com/…"
        raise InvalidArgumentError(msg)
    path = parts.path.rstrip("/")
    if marker_path is not None:
        prefix, found, rest = path.partition(marker_path.rstrip("/"))
        rest = rest.lstrip("/") if found else ""
    else:
        prefix, _, rest = path.rpartition("/")
    http = "http" if kind.endswith(PLAIN_SUFFIX) else "https"
    options = {key.lower(): value for key, value in parse_qsl(parts.query)}
    shown = f"{kind}://{host}{parts.path.rstrip('/')}"
    return Endpoint(
        base=f"{http}://{host}{prefix}",
        rest=unquote(rest),
        options=options,
        shown=shown,
        keyring_user=f"{scheme}://{host}",
    )


def flag(options: dict[str, str], name: str, default: bool) -> bool:
    """A yes/no URL option."""
    return url_flag(options.get(name), name=name, default=default)


def priority_map(spec: str | None) -> dict[str, str]:
    """``critical:5,high:4`` (priority names or levels → the system's priority) as a dict."""
    if not spec:
        return {}
    mapping: dict[str, str] = {}
    for pair in spec.split(","):
        ours, sep, theirs = pair.partition(":")
        if not sep or not ours.strip() or not theirs.strip():
            msg = (
                f"priorities={spec!r}: give name:value pairs separated by commas, "
                "e.g. priorities=critical:5,high:4 (names or levels 1-5)"
            )
            raise InvalidArgumentError(msg)
        mapping[ours.strip().lower()] = theirs.strip()
    return mapping


def mapped_priority(mapping: dict[str, str], bundle: SealedBundle) -> str | None:
    """The destination's priority for the report, by priority name first, then by level."""
    priority = bundle.report.priority
    return mapping.get(priority.name.lower()) or mapping.get(str(priority.level))


def marker(report_id: str) -> str:
    """The mark that lets a retry find the ticket a crashed attempt created."""
    return f"[sk:{report_id}]"


def subject(title: str, report_id: str | None, limit: int = 255) -> str:
    """The ticket subject: the report title, cut to fit, then the marker if one is wanted."""
    title = " ".join(title.split())
    if report_id is None:
        return title[:limit]
    mark = marker(report_id)
    room = limit - len(mark) - 1
    cut = title if len(title) <= room else title[: max(room - 1, 0)].rstrip() + "…"
    return f"{cut} {mark}"


def summary(bundle: SealedBundle) -> str:
    """The bundle's human summary (``summary.md``), the ticket's description."""
    return bundle.read_file("summary.md").decode("utf-8", "replace")


def credential(explicit: str | None, what: str, variable: str, endpoint: Endpoint) -> str:
    """The secret from the host's code, the environment or the keyring; a clear error if none."""
    from supportkit.transports._http import find_credential  # noqa: PLC0415

    found = find_credential(explicit, variable, endpoint.keyring_user)
    if found is None:
        msg = (
            f"no {what} for {endpoint.shown}: set {variable}, store it in the OS keyring "
            f"(service 'supportkit', user '{endpoint.keyring_user}'), or pass it from the "
            "host's code"
        )
        raise PermanentDeliveryError(msg)
    return found


def make_receipt(
    bundle: SealedBundle, transport: str, destination: str, ticket_id: str, url: str
) -> Receipt:
    """A receipt for a ticket that exists (made now or found again)."""
    from supportkit.models import Receipt  # noqa: PLC0415  (pydantic loads on first send)

    return Receipt(
        report_id=bundle.report.id,
        ticket_id=ticket_id,
        transport=transport,
        destination=destination,
        url=url,
        delivered_at=datetime.now(timezone.utc),
    )


def remember(context: DeliveryContext | None, key: str, value: str) -> None:
    """Record a remote side effect in the delivery state and make it durable at once."""
    if context is None:
        return
    context.state[key] = value
    context.checkpoint()


def forget(context: DeliveryContext | None, key: str) -> None:
    """Drop a step's result that turned out unusable (e.g. an expired upload)."""
    if context is not None and key in context.state:
        del context.state[key]
        context.checkpoint()


def may_exist_already(context: DeliveryContext | None, *progress_keys: str) -> bool:
    """Whether an earlier attempt may have created the ticket without recording it.

    A direct call (no context) has no memory of earlier sends, so it always looks first.
    """
    if context is None:
        return True
    return context.attempt > 1 or any(key in context.state for key in progress_keys)


def tls_context(endpoint: Endpoint) -> ssl.SSLContext | None:
    """A TLS context trusting ``?cafile=`` (a self-hosted CA) when given, else the default."""
    cafile = endpoint.options.get("cafile")
    if not cafile or not endpoint.base.startswith("https:"):
        return None
    from supportkit.transports._http import ssl_context  # noqa: PLC0415

    return ssl_context(cafile=cafile)
