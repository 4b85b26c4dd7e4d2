"""The Request Tracker transport against a real RT 5 server."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

import pytest

from integration._api import Crash, RTApi
from supportkit.bundle import SealedBundle
from supportkit.exceptions import PermanentDeliveryError
from supportkit.transports import DeliveryContext
from supportkit.transports.rt import TICKET_STATE, RTTransport


@pytest.fixture
def transport(rt_url: str, rt_token: str) -> RTTransport:
    """The transport with the subject marker (the default)."""
    return RTTransport(rt_url, token=rt_token)


def _marked(api: RTApi, report_id: str) -> list[str]:
    """Ids of every ticket in General whose subject carries this report's marker."""
    return api.search(f"Queue = 'General' AND Subject LIKE '[sk:{report_id}]'")


def _attachment(api: RTApi, ticket_id: str, filename: str) -> bytes:
    (entry,) = [a for a in api.attachments(ticket_id) if a["Filename"] == filename]
    return api.attachment_bytes(entry["id"])


def _number(receipt_ticket_id: str) -> str:
    return receipt_ticket_id.lstrip("#")


def test_attached_bundle_is_byte_for_byte_the_sealed_one(
    transport: RTTransport, bundle: SealedBundle, rt_api: RTApi
) -> None:
    """The zip read back from the ticket has the sealed bundle's bytes and SHA-256."""
    receipt = transport.send(bundle)
    original = bundle.path.read_bytes()
    stored = _attachment(rt_api, _number(receipt.ticket_id), f"{bundle.report.id}.zip")
    assert stored == original
    assert hashlib.sha256(stored).hexdigest() == hashlib.sha256(original).hexdigest()


def test_ticket_has_title_marker_queue_and_requestor(
    transport: RTTransport, bundle: SealedBundle, rt_api: RTApi
) -> None:
    """Subject = title + marker, in the URL's queue, with the reporter as requestor."""
    receipt = transport.send(bundle)
    ticket = rt_api.ticket(_number(receipt.ticket_id))
    assert ticket["Subject"] == f"Printing fails on page 2 [sk:{bundle.report.id}]"
    assert rt_api.get(f"/queue/{ticket['Queue']['id']}")["Name"] == "General"
    assert [r["id"] for r in ticket["Requestor"]] == ["ada@example.com"]


def test_ticket_content_is_the_summary(
    transport: RTTransport, bundle: SealedBundle, rt_api: RTApi
) -> None:
    """The create transaction's text is summary.md."""
    receipt = transport.send(bundle)
    ticket_id = _number(receipt.ticket_id)
    texts = [a for a in rt_api.attachments(ticket_id) if a["ContentType"] == "text/plain"]
    content = rt_api.attachment_bytes(texts[0]["id"]).decode()
    assert content.strip() == bundle.read_file("summary.md").decode().strip()


def test_requestor_can_be_left_out(
    rt_url: str, rt_token: str, bundle: SealedBundle, rt_api: RTApi
) -> None:
    """?requestor=no files the ticket without the reporter as requestor (no autoreply)."""
    receipt = RTTransport(f"{rt_url}?requestor=no", token=rt_token).send(bundle)
    assert rt_api.ticket(_number(receipt.ticket_id))["Requestor"] == []


def test_receipt_points_at_the_ticket(
    transport: RTTransport, bundle: SealedBundle, rt_api: RTApi
) -> None:
    """The receipt's URL is the ticket's page in RT's web interface."""
    receipt = transport.send(bundle)
    (ticket_id,) = _marked(rt_api, bundle.report.id)
    assert receipt.ticket_id == f"#{ticket_id}"
    assert receipt.url == f"{rt_api.base}/Ticket/Display.html?id={ticket_id}"


@pytest.mark.parametrize("keep_state", [True, False], ids=["state-kept", "state-lost"])
def test_retry_after_a_crash_creates_one_ticket(
    transport: RTTransport,
    bundle: SealedBundle,
    rt_api: RTApi,
    crashing_context: Callable[[int], DeliveryContext],
    keep_state: bool,
) -> None:
    """A process dying right after the create, retried with or without its state, files once."""
    first = crashing_context(1)
    with pytest.raises(Crash):
        transport.send(bundle, first)
    state = dict(first.state) if keep_state else {}
    retry = DeliveryContext(idempotency_key="crash-test", state=state, attempt=2)
    receipt = transport.send(bundle, retry)
    (ticket_id,) = _marked(rt_api, bundle.report.id)
    assert receipt.ticket_id == f"#{ticket_id}"
    assert retry.state[TICKET_STATE] == ticket_id


def test_retry_after_the_receipt_was_lost_creates_no_second_ticket(
    transport: RTTransport, bundle: SealedBundle, rt_api: RTApi
) -> None:
    """Sending again with the same state, then with none on attempt 2, finds the first ticket."""
    context = DeliveryContext(idempotency_key="lost-receipt")
    first = transport.send(bundle, context)
    again = transport.send(bundle, context)
    fresh = transport.send(bundle, DeliveryContext(idempotency_key="lost-receipt", attempt=2))
    assert first.ticket_id == again.ticket_id == fresh.ticket_id
    assert len(_marked(rt_api, bundle.report.id)) == 1


def test_custom_field_carries_the_report_id_instead_of_the_subject(
    rt_url: str, rt_token: str, rt_field: str, bundle: SealedBundle, rt_api: RTApi
) -> None:
    """With ?field= the id goes in the custom field, the subject stays plain, retries find it."""
    transport = RTTransport(f"{rt_url}?field={rt_field.replace(' ', '%20')}", token=rt_token)
    first = transport.send(bundle)
    retry = transport.send(bundle, DeliveryContext(idempotency_key="cf", attempt=2))
    (ticket_id,) = rt_api.search(f"CF.{{{rt_field}}} = '{bundle.report.id}'")
    assert first.ticket_id == retry.ticket_id == f"#{ticket_id}"
    assert rt_api.ticket(ticket_id)["Subject"] == "Printing fails on page 2"


def test_wrong_token_is_a_permanent_401_without_the_token(
    rt_url: str, bundle: SealedBundle
) -> None:
    """RT's 401 for a bad token dead-letters the delivery; the message never shows the token."""
    wrong = "1-14-0123456789abcdef0123456789abcdef"
    with pytest.raises(PermanentDeliveryError) as caught:
        RTTransport(rt_url, token=wrong).send(bundle)
    assert caught.value.status == 401
    assert wrong not in str(caught.value)


@pytest.mark.parametrize("attempt", [1, 2], ids=["create", "search-first"])
def test_unknown_queue_is_permanent(
    rt_url: str, rt_token: str, bundle: SealedBundle, attempt: int
) -> None:
    """A queue that does not exist (or may not be used) is permanent, with RT's reason."""
    url = rt_url.replace("/General", "/NoSuchQueue")
    context = DeliveryContext(idempotency_key="nope", attempt=attempt)
    with pytest.raises(PermanentDeliveryError) as caught:
        RTTransport(url, token=rt_token).send(bundle, context)
    assert caught.value.status in (400, 403, 404, 422)
    assert "NoSuchQueue" in str(caught.value)


def test_the_token_appears_in_no_receipt(
    transport: RTTransport, rt_token: str, bundle: SealedBundle
) -> None:
    """Neither the receipt nor the destination carry the token."""
    receipt = transport.send(bundle, DeliveryContext(idempotency_key="leak"))
    assert rt_token not in json.dumps(receipt.model_dump(mode="json"))
    assert rt_token not in transport.destination
