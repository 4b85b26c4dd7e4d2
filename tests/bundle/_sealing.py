"""Sealing in the bundle tests goes through real redaction, as it does in supportkit."""

from __future__ import annotations

from collections.abc import Sequence

from supportkit.collectors._base import PendingAttachment
from supportkit.models import Report
from supportkit.redaction import Redactor, default_policy
from supportkit.redaction._capture import RedactedCapture, redact_capture


def redacted(report: Report, attachments: Sequence[PendingAttachment]) -> RedactedCapture:
    """``report`` and ``attachments`` through the default policy, ready for write_bundle."""
    return redact_capture(report, attachments, Redactor(default_policy(detect_machine=False)))
