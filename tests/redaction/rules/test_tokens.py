"""Tokens that need a context: an AWS secret key only beside its name or key id."""

from __future__ import annotations

from _fake import ALNUM, fake

from supportkit.redaction import Redactor

AWS_SECRET = fake(38, ALNUM + "/+") + "a/"


def test_aws_secret_needs_a_context(redactor: Redactor) -> None:
    """A bare 40-character base64 string without a key name or key id nearby is kept."""
    text = f"blob {AWS_SECRET} stored"
    assert redactor.text(text, artifact="log") == text
