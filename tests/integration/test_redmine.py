"""The Redmine transport against a real Redmine 5 server."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

import pytest

from integration._api import Crash, RedmineApi
from supportkit.bundle import SealedBundle
from supportkit.exceptions import PermanentDeliveryError
from supportkit.transports import DeliveryContext
from supportkit.transports.redmine import ISSUE_STATE, UPLOAD_STATE, RedmineTransport


@pytest.fixture
def transport(redmine_url: str, redmine_key: str) -> RedmineTransport:
    """The transport with the subject marker (the default)."""
    return RedmineTransport(redmine_url, api_key=redmine_key)


def _marked(api: RedmineApi, report_id: str) -> list[dict[str, Any]]:
    """Every issue whose subject carries this report's marker."""
    marker = f"[sk:{report_id}]"
    return [i for i in api.issues(subject=f"~{marker}") if marker in i["subject"]]


def _bundle_attachment(api: RedmineApi, issue_id: str, report_id: str) -> bytes:
    attachments = api.issue(issue_id)["attachments"]
    (zip_entry,) = [a for a in attachments if a["filename"] == f"{report_id}.zip"]
    return api.download(zip_entry["content_url"])


def test_attached_bundle_is_byte_for_byte_the_sealed_one(
    transport: RedmineTransport, bundle: SealedBundle, redmine_api: RedmineApi
) -> None:
    """The zip downloaded from the issue has the sealed bundle's bytes and SHA-256."""
    receipt = transport.send(bundle)
    original = bundle.path.read_bytes()
    downloaded = _bundle_attachment(redmine_api, receipt.ticket_id.lstrip("#"), bundle.report.id)
    assert downloaded == original
    assert hashlib.sha256(downloaded).hexdigest() == hashlib.sha256(original).hexdigest()


def test_issue_has_title_marker_and_summary(
    transport: RedmineTransport, bundle: SealedBundle, redmine_api: RedmineApi
) -> None:
    """The subject is the title plus the marker; the description is summary.md."""
    receipt = transport.send(bundle)
    issue = redmine_api.issue(receipt.ticket_id.lstrip("#"))
    assert issue["subject"] == f"Printing fails on page 2 [sk:{bundle.report.id}]"
    expected = bundle.read_file("summary.md").decode()
    assert issue["description"].replace("\r\n", "\n").strip() == expected.strip()


def test_receipt_points_at_the_issue(
    transport: RedmineTransport, bundle: SealedBundle, redmine_api: RedmineApi
) -> None:
    """The receipt's URL is the issue's page and its id is Redmine's issue number."""
    receipt = transport.send(bundle)
    (issue,) = _marked(redmine_api, bundle.report.id)
    assert receipt.ticket_id == f"#{issue['id']}"
    assert receipt.url == f"{redmine_api.base}/issues/{issue['id']}"
    assert receipt.destination == transport.destination


@pytest.mark.parametrize("crash_at", [1, 2], ids=["after-upload", "after-create"])
@pytest.mark.parametrize("keep_state", [True, False], ids=["state-kept", "state-lost"])
def test_retry_after_a_crash_files_one_issue(
    transport: RedmineTransport,
    bundle: SealedBundle,
    redmine_api: RedmineApi,
    crashing_context: Callable[[int], DeliveryContext],
    crash_at: int,
    keep_state: bool,
) -> None:
    """A process dying after any checkpoint, retried with or without its state, files once."""
    first = crashing_context(crash_at)
    with pytest.raises(Crash):
        transport.send(bundle, first)
    state = dict(first.state) if keep_state else {}
    retry = DeliveryContext(idempotency_key="crash-test", state=state, attempt=2)
    receipt = transport.send(bundle, retry)
    (issue,) = _marked(redmine_api, bundle.report.id)
    assert receipt.ticket_id == f"#{issue['id']}"
    assert retry.state[ISSUE_STATE] == str(issue["id"])
    attached = _bundle_attachment(redmine_api, str(issue["id"]), bundle.report.id)
    assert attached == bundle.path.read_bytes()


def test_retry_after_the_receipt_was_lost_files_no_second_issue(
    transport: RedmineTransport, bundle: SealedBundle, redmine_api: RedmineApi
) -> None:
    """Sending again with the same state, then with none on attempt 2, finds the first issue."""
    context = DeliveryContext(idempotency_key="lost-receipt")
    first = transport.send(bundle, context)
    again = transport.send(bundle, context)
    fresh = transport.send(bundle, DeliveryContext(idempotency_key="lost-receipt", attempt=2))
    assert first.ticket_id == again.ticket_id == fresh.ticket_id
    assert len(_marked(redmine_api, bundle.report.id)) == 1


def test_direct_send_twice_files_one_issue(
    transport: RedmineTransport, bundle: SealedBundle, redmine_api: RedmineApi
) -> None:
    """Without an outbox context, a second send finds the issue by its marker."""
    assert transport.send(bundle).ticket_id == transport.send(bundle).ticket_id
    assert len(_marked(redmine_api, bundle.report.id)) == 1


def test_unusable_upload_token_is_replaced_by_a_new_upload(
    transport: RedmineTransport, bundle: SealedBundle, redmine_api: RedmineApi
) -> None:
    """A stale token from an earlier attempt (Redmine's 422) means upload again, not fail."""
    context = DeliveryContext(idempotency_key="stale", state={UPLOAD_STATE: "999.0123abcd"})
    receipt = transport.send(bundle, context)
    assert context.state[UPLOAD_STATE] != "999.0123abcd"
    attached = _bundle_attachment(redmine_api, receipt.ticket_id.lstrip("#"), bundle.report.id)
    assert attached == bundle.path.read_bytes()


def test_custom_field_carries_the_report_id_instead_of_the_subject(
    redmine_url: str,
    redmine_key: str,
    redmine_field: str,
    bundle: SealedBundle,
    redmine_api: RedmineApi,
) -> None:
    """With ?report_field= the id goes in the field, the subject stays plain, retries find it."""
    transport = RedmineTransport(f"{redmine_url}?report_field={redmine_field}", api_key=redmine_key)
    first = transport.send(bundle)
    retry = transport.send(bundle, DeliveryContext(idempotency_key="cf", attempt=2))
    (issue,) = redmine_api.issues(**{f"cf_{redmine_field}": bundle.report.id})
    assert first.ticket_id == retry.ticket_id == f"#{issue['id']}"
    assert issue["subject"] == "Printing fails on page 2"


def test_priority_mapping_sets_the_redmine_priority(
    redmine_url: str, redmine_key: str, bundle: SealedBundle, redmine_api: RedmineApi
) -> None:
    """?priorities= maps the report's priority name to a Redmine priority id."""
    name = bundle.report.priority.name
    transport = RedmineTransport(f"{redmine_url}?priorities={name}:4,other:1", api_key=redmine_key)
    receipt = transport.send(bundle)
    assert redmine_api.issue(receipt.ticket_id.lstrip("#"))["priority"]["id"] == 4


def test_wrong_api_key_is_a_permanent_401_without_the_key(
    redmine_url: str, bundle: SealedBundle
) -> None:
    """Redmine's 401 for a bad key dead-letters the delivery; the message never shows the key."""
    wrong = "0123456789abcdef-not-the-key"
    with pytest.raises(PermanentDeliveryError) as caught:
        RedmineTransport(redmine_url, api_key=wrong).send(bundle)
    assert caught.value.status == 401
    assert wrong not in str(caught.value)


@pytest.mark.parametrize("attempt", [1, 2], ids=["create", "search-first"])
def test_unknown_project_is_permanent(
    redmine_url: str, redmine_key: str, bundle: SealedBundle, attempt: int
) -> None:
    """A project that does not exist cannot start existing on retry: permanent, 404 or 422."""
    url = redmine_url.replace("/projects/support", "/projects/no-such-project")
    context = DeliveryContext(idempotency_key="nope", attempt=attempt)
    with pytest.raises(PermanentDeliveryError) as caught:
        RedmineTransport(url, api_key=redmine_key).send(bundle, context)
    assert caught.value.status in (403, 404, 422)
    assert "no-such-project" in str(caught.value)


def test_the_key_appears_in_no_receipt(
    transport: RedmineTransport, redmine_key: str, bundle: SealedBundle
) -> None:
    """Neither the receipt nor the destination carry the API key."""
    receipt = transport.send(bundle, DeliveryContext(idempotency_key="leak"))
    assert redmine_key not in json.dumps(receipt.model_dump(mode="json"))
    assert redmine_key not in transport.destination
