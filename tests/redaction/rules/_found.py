"""What a personal-data rule finds in a text, for the rule tests."""

from __future__ import annotations

from supportkit.redaction.rules.personal import RULES

BY_NAME = {rule.name: rule for rule in RULES}


def found(rule_name: str, text: str) -> list[str]:
    """The substrings of ``text`` the named rule would replace, in order."""
    rule = BY_NAME[rule_name]
    return sorted((text[span.start : span.end] for span in rule.find(text)), key=text.find)
