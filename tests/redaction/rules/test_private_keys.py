"""Private-key blocks are replaced whole and keep their line count."""

from __future__ import annotations

from _fake import fake

from supportkit.redaction import Redactor


def test_pem_block_keeps_its_line_count(redactor: Redactor) -> None:
    """A 30-line key becomes one placeholder line followed by 29 empty ones."""
    body = "\n".join(fake(64) for _ in range(28))
    text = f"before\n-----BEGIN RSA PRIVATE KEY-----\n{body}\n-----END RSA PRIVATE KEY-----\nafter"
    out = redactor.text(text, artifact="log").split("\n")
    assert len(out) == text.count("\n") + 1
    assert out[0] == "before"
    assert out[1].startswith("<private-key-")
    assert out[-1] == "after"
    assert all(line == "" for line in out[2:-1])
