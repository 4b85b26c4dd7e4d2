"""File reports as Request Tracker 5 tickets with the bundle attached, through REST2.

Destination URL::

    rt://rt.example.com/General                 HTTPS (the default), queue "General"
    rt+http://127.0.0.1:8088/General            plain HTTP (loopback, labs)
    rt://example.com/rt/Help%20Desk?field=Supportkit%20report%20id

Options (query string):

``field=<custom field name>``
    Put the report id in this ticket custom field (applied to the queue) and find earlier
    tickets by it. The subject then stays the plain title unless ``subject_marker=yes``.
    Without it, the subject carries the marker ``[sk:<report id>]``, which needs no set-up.
``requestor=no``
    Do not make the reporter's contact email the ticket's requestor. By default it is, so RT
    replies to the reporter and its scrips send the queue's autoreply ("we received your
    request") to that address through the server's mail set-up.
``priorities=critical:90,high:70``
    supportkit priority names (or levels 1-5) → RT priority numbers.
``cafile=<path>``
    Trust this CA file, for a server with a self-hosted certificate.

The token comes from the host's code (``token=``), ``SUPPORTKIT_RT_TOKEN``, or the OS keyring
(service ``supportkit``, user ``rt://<host>``); make one under Settings → Auth Tokens. The
bundle travels as a multipart part (no base64); RT drops or cuts attachments over
``$MaxAttachmentSize`` only when ``$DropLongAttachments``/``$TruncateLongAttachments`` is set.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlencode

from supportkit.exceptions import InvalidArgumentError, PermanentDeliveryError
from supportkit.transports import _ticket
from supportkit.transports._base import DeliveryContext, Transport
from supportkit.transports._http import (
    MultipartBody,
    Response,
    Timeouts,
    raise_for_status,
    request,
)

if TYPE_CHECKING:
    from supportkit.bundle import SealedBundle
    from supportkit.models import Receipt

ENV_VARIABLE = "SUPPORTKIT_RT_TOKEN"
TICKET_STATE = "rt.ticket_id"


class RTTransport(Transport):
    """Creates one ticket carrying the summary and the bundle; never a second for a report."""

    name: ClassVar[str] = "rt"
    schemes: ClassVar[tuple[str, ...]] = ("rt", "rt+http")

    def __init__(
        self,
        url: str,
        *,
        token: str | None = None,
        timeouts: Timeouts | None = None,
    ) -> None:
        self._endpoint = _ticket.parse_endpoint(url, "rt")
        self.queue = self._endpoint.rest
        if not self.queue:
            msg = f"an RT URL names a queue: rt://host/<Queue> ({url!r})"
            raise InvalidArgumentError(msg)
        options = self._endpoint.options
        self.field = options.get("field") or None
        self.subject_marker = _ticket.flag(options, "subject_marker", self.field is None)
        self.requestor = _ticket.flag(options, "requestor", default=True)
        self.priorities = _ticket.priority_map(options.get("priorities"))
        self._token = token
        self._timeouts = timeouts or Timeouts()
        self._tls = _ticket.tls_context(self._endpoint)

    @classmethod
    def from_url(cls, url: str) -> RTTransport:
        """A transport for ``rt://host/<Queue>``; the token never goes in the URL."""
        return cls(url)

    @property
    def destination(self) -> str:
        """The queue's URL, without credentials or options."""
        return self._endpoint.shown

    def send(self, bundle: SealedBundle, context: DeliveryContext | None = None) -> Receipt:
        """Find the ticket an earlier attempt created, or create it with the bundle attached."""
        token = _ticket.credential(self._token, "RT auth token", ENV_VARIABLE, self._endpoint)
        state = context.state if context is not None else {}
        ticket_id = state.get(TICKET_STATE)
        if ticket_id is None and _ticket.may_exist_already(context):
            ticket_id = self._find(token, bundle.report.id)
            if ticket_id is not None:
                _ticket.remember(context, TICKET_STATE, ticket_id)
        if ticket_id is None:
            ticket_id = self._create(token, bundle, context)
            _ticket.remember(context, TICKET_STATE, ticket_id)
        return _ticket.make_receipt(
            bundle, self.name, self.destination, f"#{ticket_id}", self.ticket_url(ticket_id)
        )

    def ticket_url(self, ticket_id: str) -> str:
        """Where people see the ticket."""
        return f"{self._endpoint.base}/Ticket/Display.html?id={ticket_id}"

    def _create(self, token: str, bundle: SealedBundle, context: DeliveryContext | None) -> str:
        body = MultipartBody()
        body.add_field("JSON", _json_text(self._ticket_fields(bundle)), "application/json")
        body.add_file("Attachments", bundle.path, f"{bundle.report.id}.zip", "application/zip")
        response = request(
            "POST",
            f"{self._endpoint.base}/REST/2.0/ticket",
            body=body,
            headers=_headers(token, body.content_type),
            timeouts=self._timeouts,
            context=self._tls,
            progress=context.progress if context is not None else None,
        )
        raise_for_status(response, self.destination, "create a ticket in")
        return _ticket_id(response)

    def _ticket_fields(self, bundle: SealedBundle) -> dict[str, Any]:
        report = bundle.report
        marked = report.id if self.subject_marker else None
        fields: dict[str, Any] = {
            "Queue": self.queue,
            "Subject": _ticket.subject(report.problem.title, marked, limit=200),
            "Content": _ticket.summary(bundle),
            "ContentType": "text/plain",
        }
        email = report.contact.email if report.contact is not None else None
        if self.requestor and email:
            fields["Requestor"] = email
        if self.field is not None:
            fields["CustomFields"] = {self.field: report.id}
        priority = _ticket.mapped_priority(self.priorities, bundle)
        if priority is not None:
            fields["Priority"] = priority
        return fields

    def _find(self, token: str, report_id: str) -> str | None:
        """The id of a ticket already created for this report, in any status."""
        queue = f"Queue = {_sql_string(self.queue)}"
        if self.field is not None:
            match = f"CF.{{{self.field}}} = {_sql_string(report_id)}"
        else:
            match = f"Subject LIKE {_sql_string(_ticket.marker(report_id))}"
        query = urlencode(
            {"query": f"{queue} AND {match}", "fields": "Subject", "orderby": "id", "order": "ASC"}
        )
        response = request(
            "GET",
            f"{self._endpoint.base}/REST/2.0/tickets?{query}",
            headers=_headers(token, None),
            timeouts=self._timeouts,
            context=self._tls,
        )
        raise_for_status(response, self.destination, "search for earlier tickets in")
        data = response.json()
        items = data.get("items", []) if isinstance(data, dict) else []
        mark = _ticket.marker(report_id)
        for item in items:
            # LIKE is a substring match; the subject check keeps only a true marker.
            if self.field is not None or mark in str(item.get("Subject", "")):
                return str(item["id"])
        return None


def _headers(token: str, content_type: str | None) -> dict[str, str]:
    headers = {"Authorization": f"token {token}", "Accept": "application/json"}
    if content_type is not None:
        headers["Content-Type"] = content_type
    return headers


def _json_text(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False)


def _sql_string(value: str) -> str:
    """A TicketSQL string literal."""
    escaped = value.replace("\\", "\\\\").replace("'", "\\'")
    return f"'{escaped}'"


def _ticket_id(response: Response) -> str:
    data = response.json()
    if isinstance(data, dict) and data.get("id") is not None:
        return str(data["id"])
    tail = (response.header("location") or "").rstrip("/").rsplit("/", 1)[-1]
    if tail.isdigit():
        return tail
    msg = "RT created the ticket but did not say its id; check the queue for it"
    raise PermanentDeliveryError(msg, status=response.status)
