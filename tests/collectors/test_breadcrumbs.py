"""The breadcrumbs collector: the ring's events as report breadcrumbs."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any

import pytest

from _hostile import OnlyRepr, Unprintable
from supportkit._breadcrumbs import BreadcrumbRing
from supportkit.collectors._base import CaptureContext
from supportkit.collectors.breadcrumbs import BreadcrumbsCollector
from supportkit.exceptions import CollectorUnavailable
from supportkit.models import Breadcrumb

AT = datetime(2026, 11, 23, 14, 3, 5, 250000, tzinfo=timezone.utc)


@pytest.fixture(name="ring")
def _ring() -> BreadcrumbRing:
    return BreadcrumbRing()


def _collect(ctx: CaptureContext, ring: BreadcrumbRing) -> tuple[Breadcrumb, ...]:
    section = BreadcrumbsCollector().collect(dataclasses.replace(ctx, breadcrumbs=ring))
    assert isinstance(section.data, tuple)
    return section.data


def _data_of(ctx: CaptureContext, ring: BreadcrumbRing, data: dict[str, Any]) -> dict[str, Any]:
    ring.add("event", data=data, timestamp=AT.timestamp())
    (crumb,) = _collect(ctx, ring)
    return crumb.data


def test_without_a_ring_is_unavailable(ctx: CaptureContext) -> None:
    """No ring, no section."""
    with pytest.raises(CollectorUnavailable, match=r"supportkit\.breadcrumb\(\)"):
        BreadcrumbsCollector().collect(ctx)


def test_empty_ring_is_unavailable(ctx: CaptureContext, ring: BreadcrumbRing) -> None:
    """An empty ring says how to record breadcrumbs."""
    with pytest.raises(CollectorUnavailable, match="no breadcrumbs were recorded"):
        BreadcrumbsCollector().collect(dataclasses.replace(ctx, breadcrumbs=ring))


def test_breadcrumbs_are_converted_oldest_first_in_utc(
    ctx: CaptureContext, ring: BreadcrumbRing
) -> None:
    """Every field is carried over and the time becomes an aware UTC datetime."""
    ring.add("opened invoice", category="ui", level="debug", data={"id": 42}, timestamp=1.5)
    ring.add("saved", timestamp=AT.timestamp())
    first, second = _collect(ctx, ring)
    assert first == Breadcrumb(
        timestamp=datetime(1970, 1, 1, 0, 0, 1, 500000, tzinfo=timezone.utc),
        message="opened invoice",
        category="ui",
        level="debug",
        data={"id": 42},
    )
    assert (second.message, second.timestamp, second.category, second.level) == (
        "saved",
        AT,
        "default",
        "info",
    )


def test_non_json_data_becomes_text(ctx: CaptureContext, ring: BreadcrumbRing) -> None:
    """Values JSON cannot hold are stored as text instead of failing the collector."""
    data = _data_of(
        ctx,
        ring,
        {
            "when": AT,
            "amount": Decimal("9.50"),
            "tags": {"b", "a"},
            "ratio": float("nan"),
            "nested": {1: (1, 2.5, None, True)},
            "object": OnlyRepr(),
            "broken": Unprintable(),
        },
    )
    assert data == {
        "when": "2026-11-23T14:03:05.250000+00:00",
        "amount": "9.50",
        "tags": ["a", "b"],
        "ratio": "nan",
        "nested": {"1": [1, 2.5, None, True]},
        "object": "<only repr>",
        "broken": "<unprintable Unprintable>",
    }


def test_self_referencing_data_ends(ctx: CaptureContext, ring: BreadcrumbRing) -> None:
    """A container inside itself is marked where it comes round again."""
    loop: list[Any] = []
    loop.append(loop)
    state: dict[str, Any] = {"name": "editor"}
    state["parent"] = state["self"] = state
    data = _data_of(ctx, ring, {"loop": loop, "state": state})
    assert data == {
        "loop": ["<cycle>"],
        "state": {"name": "editor", "parent": "<cycle>", "self": "<cycle>"},
    }


def test_deep_nesting_is_cut_off(ctx: CaptureContext, ring: BreadcrumbRing) -> None:
    nested: list[Any] = ["bottom"]
    for _ in range(50):
        nested = [nested]
    value = _data_of(ctx, ring, {"nested": nested})["nested"]
    depth = 0
    while isinstance(value, list):
        depth, value = depth + 1, value[0]
    assert value == "<nested too deep>"
    assert depth == 19


def test_shared_containers_cannot_multiply_without_end(
    ctx: CaptureContext, ring: BreadcrumbRing
) -> None:
    """One list held twice at each of 18 levels is 2**18 leaves as a tree: the walk stops
    after a fixed number of values instead."""
    shared: list[Any] = ["leaf"]
    for _ in range(18):
        shared = [shared, shared]
    text = json.dumps(_data_of(ctx, ring, {"shared": shared}))
    assert text.count('"leaf"') < 10_000
    assert "<too many values>" in text


def test_converted_breadcrumbs_serialise(ctx: CaptureContext, ring: BreadcrumbRing) -> None:
    """What the collector returns can be written to report.json."""
    ring.add("event", data={"when": AT, "object": object()})
    (crumb,) = _collect(ctx, ring)
    assert '"object":"<object object at' in crumb.model_dump_json()


def test_breadcrumb_with_an_impossible_time_is_left_out_with_a_note(
    ctx: CaptureContext, ring: BreadcrumbRing
) -> None:
    """One bad breadcrumb costs only itself."""
    ring.add("good", timestamp=AT.timestamp())
    ring.add("bad", timestamp=float("nan"))
    section = BreadcrumbsCollector().collect(dataclasses.replace(ctx, breadcrumbs=ring))
    assert [crumb.message for crumb in section.data] == ["good"]
    assert len(section.notes) == 1
    assert section.notes[0].startswith("breadcrumb 1 left out:")
