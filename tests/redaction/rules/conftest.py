"""The credential rules as one redactor, as the default policy runs them."""

from __future__ import annotations

import pytest

from supportkit.redaction import RedactionPolicy, Redactor
from supportkit.redaction.rules.credentials import RULES


@pytest.fixture(name="redactor")
def _redactor() -> Redactor:
    return Redactor(RedactionPolicy(rules=RULES))
