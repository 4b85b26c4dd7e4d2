"""Redaction: secrets and personal data removed from everything a bundle holds.

One :class:`Redactor` per bundle applies a :class:`RedactionPolicy`, gives the same value the
same placeholder throughout (``<email-1>``), and keeps a :class:`RedactionAudit` of counts per
artifact and rule (never values)::

    from supportkit.redaction import Redactor, default_policy

    redactor = Redactor(default_policy(private_values=["Ada Lovelace"]))
    clean = redactor.text(log_text, artifact="logs/app.log")
    report = redactor.data(report_dict, artifact="report.json")
    summary = redactor.text(typed_summary, artifact="report.json", credentials_only=True)
    manifest["redaction"] = redactor.audit.to_dict()

Custom rules implement :class:`Rule` and yield :class:`Span` objects; a rule that also knows
the keys its values are filed under in structured data implements :class:`FieldRule`.
"""

from __future__ import annotations

from supportkit.redaction._engine import (
    RedactionAudit,
    RedactionFailure,
    Redactor,
    redact_file,
)
from supportkit.redaction._policy import (
    RULE_SET_GROUP,
    ExtraPattern,
    RedactionPolicy,
    default_policy,
)
from supportkit.redaction._pseudonym import FAILED_PLACEHOLDER
from supportkit.redaction._rule import Category, FieldRule, Rule, Span
from supportkit.redaction.rules.credentials import is_secret_key

__all__ = [
    "FAILED_PLACEHOLDER",
    "RULE_SET_GROUP",
    "Category",
    "ExtraPattern",
    "FieldRule",
    "RedactionAudit",
    "RedactionFailure",
    "RedactionPolicy",
    "Redactor",
    "Rule",
    "Span",
    "default_policy",
    "is_secret_key",
    "redact_file",
]
