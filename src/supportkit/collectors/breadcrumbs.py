"""Turns the breadcrumb ring into the report's ``breadcrumbs``."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timezone
from typing import Any

from supportkit._breadcrumbs import RawBreadcrumb
from supportkit._hostdata import CYCLE, WalkGuard, printable
from supportkit.collectors._base import CaptureContext, Section
from supportkit.exceptions import CollectorUnavailable
from supportkit.models import Breadcrumb

__all__ = ["BreadcrumbsCollector", "json_safe"]

_MAX_DEPTH = 20
_MAX_VALUES = 10_000  # per breadcrumb
_TOO_MANY = "<too many values>"


class BreadcrumbsCollector:
    """The recorded events, oldest first, with UTC times.

    Hosts put whatever they like in ``data``; values JSON cannot hold are stored as text
    rather than costing the report its breadcrumbs.
    """

    name = "breadcrumbs"

    def collect(self, ctx: CaptureContext) -> Section:
        """Convert the ring's snapshot; a breadcrumb that cannot be converted becomes a note."""
        if ctx.breadcrumbs is None:
            msg = "no breadcrumb ring given; record events with supportkit.breadcrumb()"
            raise CollectorUnavailable(msg)
        raw = ctx.breadcrumbs.snapshot()
        if not raw:
            msg = (
                "no breadcrumbs were recorded; call supportkit.breadcrumb() at the steps "
                "worth knowing about"
            )
            raise CollectorUnavailable(msg)
        section = Section()
        crumbs: list[Breadcrumb] = []
        for index, item in enumerate(raw):
            try:
                crumbs.append(_convert(item))
            except (TypeError, ValueError, OverflowError, OSError) as error:
                section.notes.append(f"breadcrumb {index} left out: {error}")
        section.data = tuple(crumbs)
        return section


def _convert(item: RawBreadcrumb) -> Breadcrumb:
    created, message, category, level, data = item
    return Breadcrumb(
        timestamp=datetime.fromtimestamp(created, tz=timezone.utc),
        message=printable(message),
        category=printable(category),
        level=printable(level),
        data=json_safe(dict(data)),
    )


def json_safe(value: Any) -> Any:
    """``value`` with everything JSON cannot hold replaced by its text.

    Times become ISO 8601, non-finite floats and other objects ``str()``. Containers are
    followed ``_MAX_DEPTH`` levels deep; one inside itself becomes ``<cycle>``, and past
    ``_MAX_VALUES`` values the rest become ``<too many values>``, so that no structure a host
    hands over makes a capture slow (:mod:`supportkit._hostdata`).
    """
    return _json_safe(value, 0, WalkGuard(_MAX_VALUES))


def _json_safe(value: Any, depth: int, guard: WalkGuard) -> Any:
    if not guard.spend():
        return _TOO_MANY
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, (dict, list, tuple, set, frozenset)):
        return _json_safe_container(value, depth, guard)
    return printable(value)


def _json_safe_container(
    value: dict[Any, Any] | list[Any] | tuple[Any, ...] | set[Any] | frozenset[Any],
    depth: int,
    guard: WalkGuard,
) -> Any:
    if depth >= _MAX_DEPTH:
        return "<nested too deep>"
    if not guard.enter(value):
        return CYCLE
    try:
        if isinstance(value, dict):
            return {
                printable(key): _json_safe(item, depth + 1, guard) for key, item in value.items()
            }
        items = [_json_safe(item, depth + 1, guard) for item in value]
    finally:
        guard.leave(value)
    if isinstance(value, (set, frozenset)):
        items.sort(key=repr)  # sets have no order; sorting keeps the report reproducible
    return items
