"""Redacting a whole capture: the only way to a :class:`RedactedCapture`, the only thing sealed.

What the reporter typed (the problem, the steps, the contact details) loses credentials only;
everything collected automatically loses credentials and personal data. Text attachments
are streamed through the same redactor, so pseudonyms agree across the report and the logs.
Binary attachments cannot be redacted: they arrive here only when the host allowed them,
and they are listed as unredacted in the manifest.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from supportkit.collectors._base import PendingAttachment
from supportkit.models import Environment, Report
from supportkit.redaction._engine import CHUNK_CHARS
from supportkit.redaction._policy import RedactionPolicy

if TYPE_CHECKING:
    from supportkit.redaction._engine import Redactor

REPORT_ARTIFACT = "report.json"
# Fields the reporter typed on purpose: only credentials are removed from them.
TYPED_FIELDS = ("problem", "steps", "contact")
# Identity fields carry no secrets and must survive byte for byte (the manifest names the id).
KEPT_FIELDS = ("schema_version", "id", "created_at")

_SEAL = object()
_ONE_WINDOW_CHARS = 2 * 1024 * 1024


@dataclass(frozen=True, init=False)
class RedactedCapture:
    """A report and its attachments after redaction, with the audit of what was removed.

    Made only by :func:`redact_capture`; :func:`~supportkit.bundle.write_bundle` takes nothing
    else, so nothing unredacted can be sealed.
    """

    report: Report
    attachments: tuple[PendingAttachment, ...]
    redactor: Redactor
    unredacted: tuple[str, ...]
    """Bundle paths of binary attachments included as they are (the host allowed them)."""

    def __init__(
        self,
        report: Report,
        attachments: tuple[PendingAttachment, ...],
        redactor: Redactor,
        unredacted: tuple[str, ...],
        *,
        _seal: object = None,
    ) -> None:
        if _seal is not _SEAL:
            msg = "RedactedCapture is made by supportkit.redaction.redact_capture()"
            raise TypeError(msg)
        object.__setattr__(self, "report", report)
        object.__setattr__(self, "attachments", attachments)
        object.__setattr__(self, "redactor", redactor)
        object.__setattr__(self, "unredacted", unredacted)


def redact_capture(
    report: Report,
    attachments: Sequence[PendingAttachment],
    redactor: Redactor,
    *,
    typed_credentials_only: bool = True,
) -> RedactedCapture:
    """Redact ``report`` and ``attachments`` with one redactor; fails closed, never raises.

    ``typed_credentials_only=False`` redacts what the reporter typed like everything else
    (for bundles bound for public places).
    """
    from supportkit.bundle._manifest import bundle_paths  # noqa: PLC0415  (bundle imports us)

    clean_report = _redact_report(report, redactor, typed_credentials_only=typed_credentials_only)
    paths = bundle_paths(a.name for a in attachments)
    cleaned: list[PendingAttachment] = []
    unredacted: list[str] = []
    for pending, path in zip(attachments, paths, strict=True):
        source = redactor.text(pending.source, artifact=REPORT_ARTIFACT)
        if not pending.text:
            cleaned.append(replace(pending, source=source))
            unredacted.append(path)
            continue
        cleaned.append(_redact_attachment(pending, path, source, redactor))
    return RedactedCapture(clean_report, tuple(cleaned), redactor, tuple(unredacted), _seal=_SEAL)


def describe_policy(policy: RedactionPolicy) -> str:
    """'default', or 'custom: …' naming what the host changed (never the values)."""
    changes = [
        f"{len(value)} {label}"
        for label, value in (
            ("extra patterns", policy.extra_patterns),
            ("secret keys", policy.secret_keys),
            ("private values", policy.private_values),
            ("allow-list entries", policy.allow),
        )
        if value
    ]
    changes += [f"rule set {name}" for name in policy.rule_sets]
    if policy.rules is not None:
        changes.append("own rule list")
    if policy.categories != RedactionPolicy().categories:
        changes.append("categories " + "+".join(sorted(policy.categories)))
    return "custom: " + ", ".join(changes) if changes else "default"


def _redact_report(report: Report, redactor: Redactor, *, typed_credentials_only: bool) -> Report:
    raw = report.model_dump(mode="json")
    kept = {name: raw.pop(name) for name in KEPT_FIELDS}
    typed = {name: raw.pop(name) for name in TYPED_FIELDS}
    clean: dict[str, Any] = {
        **redactor.data(raw, artifact=REPORT_ARTIFACT),
        **redactor.data(typed, artifact=REPORT_ARTIFACT, credentials_only=typed_credentials_only),
        **kept,
    }
    try:
        return Report.model_validate(clean)
    except ValidationError as error:
        # A placeholder landed where the model wants a number or a fixed word. Fail closed:
        # keep what the reporter typed (already redacted), drop the collected sections.
        redactor.audit.fail(REPORT_ARTIFACT, "report-model", type(error).__name__)
        fallback = {**{k: clean[k] for k in (*KEPT_FIELDS, *TYPED_FIELDS)}}
        fallback.update(
            app=clean.get("app"),
            priority=report.priority,
            utc_offset=report.utc_offset,
            environment=Environment(),
        )
        return Report.model_validate(fallback)


def _redact_attachment(
    pending: PendingAttachment, path: str, source: str, redactor: Redactor
) -> PendingAttachment:
    try:
        raw = pending.read()
    except OSError:
        # Vanished since it was collected: the writer records the gap when it cannot read it.
        return replace(pending, source=source)
    text = raw.decode("utf-8", errors="surrogateescape")
    reader = io.StringIO(text, newline="")
    writer = io.StringIO(newline="")
    # Already in memory whole: redacted as one window up to a log tail's size, rather than
    # in chunks that each scan again the text around their boundary.
    window = max(CHUNK_CHARS, min(len(text) + 1, _ONE_WINDOW_CHARS))
    redactor.stream(reader, writer, artifact=path, chunk_chars=window)
    data = writer.getvalue().encode("utf-8", errors="surrogateescape")
    return replace(pending, data=data, path=None, offset=0, length=None, source=source)
