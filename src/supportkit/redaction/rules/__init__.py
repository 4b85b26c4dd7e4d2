"""The built-in redaction rules: credentials first, then personal data.

Order matters only to break ties between equally long findings of the same category: the rule
listed first names the placeholder.
"""

from __future__ import annotations

from supportkit.redaction._rule import Rule
from supportkit.redaction.rules.accounts import RULES as ACCOUNT_RULES
from supportkit.redaction.rules.credentials import RULES as CREDENTIAL_RULES
from supportkit.redaction.rules.machine import machine_rules
from supportkit.redaction.rules.paths import RULES as PATH_RULES
from supportkit.redaction.rules.personal import RULES as PERSONAL_RULES
from supportkit.redaction.rules.sql import RULES as SQL_RULES

__all__ = [
    "ACCOUNT_RULES",
    "CREDENTIAL_RULES",
    "PATH_RULES",
    "PERSONAL_RULES",
    "SQL_RULES",
    "default_rules",
    "machine_rules",
]


def default_rules() -> tuple[Rule, ...]:
    """Credentials, personal data, user names in home paths and in the variables that hold
    them (not this machine's names), and values a SQL statement files under their columns."""
    return CREDENTIAL_RULES + PERSONAL_RULES + PATH_RULES + ACCOUNT_RULES + SQL_RULES
