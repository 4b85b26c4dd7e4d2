"""File reports as Redmine issues with the bundle attached, through Redmine's REST API.

Destination URL::

    redmine://redmine.example.com/projects/support            HTTPS (the default)
    redmine+http://127.0.0.1:3300/projects/support            plain HTTP (loopback, labs)
    redmine://example.com/redmine/projects/support?tracker=3  Redmine under a path prefix

Options (query string):

``report_field=<id>``
    Put the report id in this issue custom field (a "string" field enabled for the project and
    tracker, with "used as a filter" on) and find earlier issues by it. The subject then stays
    the plain title unless ``subject_marker=yes``. Without it, the subject carries the marker
    ``[sk:<report id>]``, which needs no administrator set-up.
``tracker=<id>``
    The tracker of new issues; the project's first tracker by default.
``priorities=critical:5,high:4,moderate:2``
    supportkit priority names (or levels 1-5) → Redmine priority ids; unmapped priorities get
    Redmine's default priority.
``cafile=<path>``
    Trust this CA file, for a server with a self-hosted certificate.
``max_bytes=<size>``
    The largest bundle to upload: Redmine's "Maximum attachment size" (Administration →
    Settings → Files), 5,120 KB (``5MiB``) unless an administrator raised it. Redmine counts
    that setting in KiB, so 10240 KB there is ``max_bytes=10MiB`` here.

The API key comes from the host's code (``api_key=``), ``SUPPORTKIT_REDMINE_API_KEY``, or the
OS keyring (service ``supportkit``, user ``redmine://<host>``). Redmine's REST API must be
enabled (Administration → Settings → API).

A bundle over ``max_bytes`` is not uploaded, since Redmine would refuse it after the whole
upload; nor is one Redmine (or a proxy in front of it) refuses as too large. The issue is filed
with the summary alone, saying where the bundle is kept, as the email transport does, and a
warning says how to make room for it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlencode

from supportkit._units import human_size
from supportkit.exceptions import InvalidArgumentError, PermanentDeliveryError
from supportkit.transports import _ticket
from supportkit.transports._base import DeliveryContext, Transport
from supportkit.transports._http import (
    FileBody,
    Response,
    Timeouts,
    json_body,
    raise_for_status,
    request,
)
from supportkit.transports._url import url_size

if TYPE_CHECKING:
    from supportkit.bundle import SealedBundle
    from supportkit.models import Receipt

API_KEY_VARIABLE = "SUPPORTKIT_REDMINE_API_KEY"
UPLOAD_STATE = "redmine.upload"
ISSUE_STATE = "redmine.issue_id"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
"""Redmine's default ``attachment_max_size``: 5,120 KB, in KiB as Redmine counts them."""
_UNSAVED_UPLOAD = "could not be saved"
"""Redmine's 422 for an upload token that is unknown, expired or already used."""
_TOO_LARGE = "exceeds the maximum allowed file size"
"""Redmine's 422 for an upload over ``attachment_max_size``."""

_log = logging.getLogger("supportkit.transports.redmine")


class RedmineTransport(Transport):
    """Uploads the bundle, then creates an issue carrying it; resumes at the step that failed."""

    name: ClassVar[str] = "redmine"
    schemes: ClassVar[tuple[str, ...]] = ("redmine", "redmine+http")

    def __init__(
        self,
        url: str,
        *,
        api_key: str | None = None,
        timeouts: Timeouts | None = None,
        max_bytes: int | None = None,
    ) -> None:
        self._endpoint = _ticket.parse_endpoint(url, "redmine", marker_path="/projects/")
        self.project = self._endpoint.rest.split("/", 1)[0]
        if not self.project:
            msg = f"a Redmine URL names a project: redmine://host/projects/<identifier> ({url!r})"
            raise InvalidArgumentError(msg)
        options = self._endpoint.options
        self.report_field = _numeric(options.get("report_field"), "report_field")
        self.tracker = _numeric(options.get("tracker"), "tracker")
        self.subject_marker = _ticket.flag(options, "subject_marker", self.report_field is None)
        self.priorities = _ticket.priority_map(options.get("priorities"))
        for value in self.priorities.values():
            _numeric(value, "priorities")
        self.max_bytes = max_bytes or url_size(
            options.get("max_bytes"), name="max_bytes", default=DEFAULT_MAX_BYTES
        )
        self._api_key = api_key
        self._timeouts = timeouts or Timeouts()
        self._tls = _ticket.tls_context(self._endpoint)

    @classmethod
    def from_url(cls, url: str) -> RedmineTransport:
        """A transport for ``redmine://host/projects/<identifier>``; no key in the URL."""
        return cls(url)

    @property
    def destination(self) -> str:
        """The project's URL, without credentials or options."""
        return self._endpoint.shown

    def send(self, bundle: SealedBundle, context: DeliveryContext | None = None) -> Receipt:
        """Find the issue an earlier attempt filed, or upload the bundle and file one."""
        key = self._key()
        state = context.state if context is not None else {}
        issue_id = state.get(ISSUE_STATE)
        if issue_id is None and _ticket.may_exist_already(context, UPLOAD_STATE):
            issue_id = self._find(key, bundle.report.id)
            if issue_id is not None:
                _ticket.remember(context, ISSUE_STATE, issue_id)
        if issue_id is None:
            issue_id = self._file(key, bundle, context)
        return _ticket.make_receipt(
            bundle, self.name, self.destination, f"#{issue_id}", self.issue_url(issue_id)
        )

    def issue_url(self, issue_id: str) -> str:
        """Where people see the issue."""
        return f"{self._endpoint.base}/issues/{issue_id}"

    def _file(self, key: str, bundle: SealedBundle, context: DeliveryContext | None) -> str:
        """Create the issue with an earlier attempt's upload if it is still usable, else upload."""
        token = context.state.get(UPLOAD_STATE) if context is not None else None
        response = self._create(key, bundle, token) if token is not None else None
        if response is None or _is_unsaved_upload(response):
            _ticket.forget(context, UPLOAD_STATE)
            token = self._upload(key, bundle, context)
            if token is not None:
                _ticket.remember(context, UPLOAD_STATE, token)
            response = self._create(key, bundle, token)
        raise_for_status(response, self.destination, "file an issue in")
        issue_id = _issue_id(response)
        _ticket.remember(context, ISSUE_STATE, issue_id)
        return issue_id

    def _upload(
        self, key: str, bundle: SealedBundle, context: DeliveryContext | None
    ) -> str | None:
        """Upload the bundle and return its token; None when it is too large to attach."""
        size = bundle.path.stat().st_size
        if size > self.max_bytes:
            self._warn_too_large(bundle, f"over max_bytes ({human_size(self.max_bytes)})")
            return None
        query = urlencode({"filename": _filename(bundle), "content_type": "application/zip"})
        response = request(
            "POST",
            f"{self._endpoint.base}/uploads.json?{query}",
            body=FileBody(bundle.path),
            headers=self._headers(key, "application/octet-stream"),
            timeouts=self._timeouts,
            context=self._tls,
            progress=context.progress if context is not None else None,
        )
        if _is_too_large(response):
            self._warn_too_large(bundle, "refused by the server as too large")
            return None
        raise_for_status(response, self.destination, "upload the bundle to")
        data = response.json()
        token = data.get("upload", {}).get("token") if isinstance(data, dict) else None
        if not isinstance(token, str) or not token:
            msg = f"{self.destination} accepted the upload but sent no token; is it Redmine?"
            raise PermanentDeliveryError(msg, status=response.status)
        return token

    def _warn_too_large(self, bundle: SealedBundle, why: str) -> None:
        size = human_size(bundle.path.stat().st_size)
        _log.warning(
            "report %s: the bundle (%s) is %s at %s; the issue is filed without it. To attach "
            "bundles this large, raise Redmine's maximum attachment size (Administration → "
            "Settings → Files) and pass ?max_bytes= to match; or send this destination the "
            "minimal profile (?profile=minimal), or lower the bundle budget",
            bundle.report.id,
            size,
            why,
            self.destination,
        )

    def _create(self, key: str, bundle: SealedBundle, token: str | None) -> Response:
        return request(
            "POST",
            f"{self._endpoint.base}/issues.json",
            body=json_body({"issue": self._issue_fields(bundle, token)}),
            headers=self._headers(key, "application/json"),
            timeouts=self._timeouts,
            context=self._tls,
        )

    def _issue_fields(self, bundle: SealedBundle, token: str | None) -> dict[str, Any]:
        report = bundle.report
        marked = report.id if self.subject_marker else None
        fields: dict[str, Any] = {
            "project_id": self.project,
            "subject": _ticket.subject(report.problem.title, marked),
            "description": _ticket.summary(bundle),
        }
        if token is None:
            fields["description"] += (
                f"\n\n---\n\nThe report's bundle ({bundle.path.stat().st_size:,} bytes) is too "
                f"large to attach here. It is kept on the reporter's machine at `{bundle.path}`; "
                f"ask for it by the report id `{report.id}`.\n"
            )
        else:
            fields["uploads"] = [
                {
                    "token": token,
                    "filename": _filename(bundle),
                    "content_type": "application/zip",
                    "description": "supportkit report bundle",
                }
            ]
        if self.report_field is not None:
            fields["custom_fields"] = [{"id": int(self.report_field), "value": report.id}]
        if self.tracker is not None:
            fields["tracker_id"] = int(self.tracker)
        priority = _ticket.mapped_priority(self.priorities, bundle)
        if priority is not None:
            fields["priority_id"] = int(priority)
        return fields

    def _find(self, key: str, report_id: str) -> str | None:
        """The id of an issue already filed for this report, in any status."""
        query: dict[str, str] = {"project_id": self.project, "status_id": "*", "limit": "100"}
        if self.report_field is not None:
            query[f"cf_{self.report_field}"] = report_id
        else:
            query["subject"] = "~" + _ticket.marker(report_id)
        response = request(
            "GET",
            f"{self._endpoint.base}/issues.json?{urlencode(query)}",
            headers=self._headers(key, None),
            timeouts=self._timeouts,
            context=self._tls,
        )
        raise_for_status(response, self.destination, "search for earlier issues in")
        data = response.json()
        issues = data.get("issues", []) if isinstance(data, dict) else []
        found = [issue for issue in issues if self._is_for(issue, report_id)]
        return str(min(int(issue["id"]) for issue in found)) if found else None

    def _is_for(self, issue: dict[str, Any], report_id: str) -> bool:
        """Check the server's match ourselves: 'contains' searches are looser than the marker."""
        if self.report_field is None:
            return _ticket.marker(report_id) in str(issue.get("subject", ""))
        fields = issue.get("custom_fields", [])
        return any(
            str(f.get("id")) == self.report_field and f.get("value") == report_id for f in fields
        )

    def _key(self) -> str:
        return _ticket.credential(
            self._api_key, "Redmine API key", API_KEY_VARIABLE, self._endpoint
        )

    @staticmethod
    def _headers(key: str, content_type: str | None) -> dict[str, str]:
        headers = {"X-Redmine-API-Key": key, "Accept": "application/json"}
        if content_type is not None:
            headers["Content-Type"] = content_type
        return headers


def _filename(bundle: SealedBundle) -> str:
    return f"{bundle.report.id}.zip"


def _numeric(value: str | None, option: str) -> str | None:
    if value is None or value == "":
        return None
    if not value.isdigit():
        msg = f"option {option}={value!r} must be a Redmine id (a number)"
        raise InvalidArgumentError(msg)
    return value


def _is_unsaved_upload(response: Response) -> bool:
    """True for the 422 Redmine gives when the upload token is gone (no issue is created)."""
    data = response.json()
    errors = data.get("errors", []) if isinstance(data, dict) else []
    return response.status == 422 and any(_UNSAVED_UPLOAD in str(e) for e in errors)


def _is_too_large(response: Response) -> bool:
    """True for Redmine's 422 over ``attachment_max_size``, or a proxy's 413, on an upload."""
    if response.status == 413:
        return True
    data = response.json()
    errors = data.get("errors", []) if isinstance(data, dict) else []
    return response.status == 422 and any(_TOO_LARGE in str(e) for e in errors)


def _issue_id(response: Response) -> str:
    data = response.json()
    issue = data.get("issue") if isinstance(data, dict) else None
    if isinstance(issue, dict) and issue.get("id") is not None:
        return str(issue["id"])
    location = response.header("location") or ""
    tail = location.rstrip("/").rsplit("/", 1)[-1]
    if tail.isdigit():
        return tail
    msg = "Redmine created the issue but did not say its id; check the project for it"
    raise PermanentDeliveryError(msg, status=response.status)
