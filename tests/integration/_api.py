"""Reading tickets back from the real servers, independently of the transports under test."""

from __future__ import annotations

import base64
import json
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode


class Crash(Exception):  # noqa: N818  (stands for a process that died, not an error)
    """Stands for the process dying right after a checkpoint."""


def _get(url: str, headers: dict[str, str]) -> bytes:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=60) as reply:
        data: bytes = reply.read()
    return data


@dataclass(frozen=True)
class RedmineApi:
    """The Redmine REST API as an administrator sees it."""

    base: str
    key: str
    project: str = "support"

    def get(self, path: str, **query: str) -> Any:
        suffix = f"?{urlencode(query)}" if query else ""
        return json.loads(_get(f"{self.base}{path}{suffix}", self._headers))

    def download(self, url: str) -> bytes:
        return _get(url, self._headers)

    def issue(self, issue_id: str) -> dict[str, Any]:
        found: dict[str, Any] = self.get(f"/issues/{issue_id}.json", include="attachments")["issue"]
        return found

    def issues(self, **query: str) -> list[dict[str, Any]]:
        """Issues of the project in any status matching ``query`` (Redmine's filter syntax)."""
        found: list[dict[str, Any]] = self.get(
            "/issues.json", project_id=self.project, status_id="*", limit="100", **query
        )["issues"]
        return found

    @property
    def _headers(self) -> dict[str, str]:
        return {"X-Redmine-API-Key": self.key}


@dataclass(frozen=True)
class RTApi:
    """The Request Tracker REST2 API as root sees it."""

    base: str
    token: str

    def get(self, path: str, **query: str) -> Any:
        suffix = f"?{urlencode(query)}" if query else ""
        headers = {"Authorization": f"token {self.token}"}
        return json.loads(_get(f"{self.base}/REST/2.0{path}{suffix}", headers))

    def ticket(self, ticket_id: str) -> dict[str, Any]:
        found: dict[str, Any] = self.get(f"/ticket/{ticket_id}")
        return found

    def search(self, ticket_sql: str) -> list[str]:
        """Ids of the tickets ``ticket_sql`` selects."""
        items = self.get("/tickets", query=ticket_sql, per_page="100")["items"]
        return [str(item["id"]) for item in items]

    def attachments(self, ticket_id: str) -> list[dict[str, Any]]:
        fields = "Filename,ContentType,ContentLength"
        items: list[dict[str, Any]] = self.get(f"/ticket/{ticket_id}/attachments", fields=fields)[
            "items"
        ]
        return items

    def attachment_bytes(self, attachment_id: str) -> bytes:
        return base64.b64decode(self.get(f"/attachment/{attachment_id}")["Content"])
