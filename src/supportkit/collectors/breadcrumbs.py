"""Turns the breadcrumb ring into the report's ``breadcrumbs``."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timezone
from typing import Any

from supportkit._breadcrumbs import RawBreadcrumb
from supportkit.collectors._base import CaptureContext, Section
from supportkit.exceptions import CollectorUnavailable
from supportkit.models import Breadcrumb

__all__ = ["BreadcrumbsCollector", "json_safe"]

_MAX_DEPTH = 20


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
        message=_text(message),
        category=_text(category),
        level=_text(level),
        data={_text(key): json_safe(value) for key, value in dict(data).items()},
    )


def json_safe(value: Any, _depth: int = 0) -> Any:
    """``value`` with everything JSON cannot hold replaced by its text.

    Times become ISO 8601, non-finite floats and other objects ``str()``; containers are
    followed ``_MAX_DEPTH`` levels deep, which also ends self-referencing ones.
    """
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, (dict, list, tuple, set, frozenset)):
        return _json_safe_container(value, _depth)
    return _text(value)


def _json_safe_container(
    value: dict[Any, Any] | list[Any] | tuple[Any, ...] | set[Any] | frozenset[Any], depth: int
) -> Any:
    if depth >= _MAX_DEPTH:
        return "<nested too deep>"
    if isinstance(value, dict):
        return {_text(key): json_safe(item, depth + 1) for key, item in value.items()}
    items = [json_safe(item, depth + 1) for item in value]
    if isinstance(value, (set, frozenset)):
        items.sort(key=repr)  # sets have no order; sorting keeps the report reproducible
    return items


def _text(value: object) -> str:
    """``str(value)``, falling back to ``repr`` and then the type name when those raise."""
    if isinstance(value, str):
        return value
    try:
        return str(value)
    except Exception:  # noqa: BLE001  (host objects may raise anything)
        try:
            return repr(value)
        except Exception:  # noqa: BLE001
            return f"<unprintable {type(value).__name__}>"
