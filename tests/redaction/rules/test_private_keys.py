"""Private-key blocks are replaced whole and keep their line count."""

from __future__ import annotations

import base64
import textwrap

import pytest
from _fake import ALNUM, fake

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


PPK = """PuTTY-User-Key-File-3: ssh-ed25519
Encryption: none
Comment: eddsa-key-20261123
Public-Lines: 2
{public}
Private-Lines: 2
{private}
Private-MAC: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
after"""


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_putty_key_loses_its_private_lines_only(redactor: Redactor, line_end: str) -> None:
    """The lines a .ppk file declares private go; its header, public half and MAC stay."""
    public = "\n".join(fake(64, ALNUM + "+/") for _ in range(2))
    private = "\n".join(fake(64, ALNUM + "+/") for _ in range(2))
    text = PPK.format(public=public, private=private).replace("\n", line_end)
    out = redactor.text(text, artifact="id.ppk")
    assert all(line not in out for line in private.split("\n"))
    assert public.replace("\n", line_end) in out
    assert "Private-Lines: 2" + line_end + "<private-key-1>" + line_end + line_end in out
    assert out.count(line_end) == text.count(line_end)
    assert out.endswith("Private-MAC: " + "0123456789abcdef" * 4 + line_end + "after")


def test_putty_private_lines_stop_where_base64_does(redactor: Redactor) -> None:
    """A file that declares more lines than it holds loses only the base64 ones."""
    key = fake(64, ALNUM + "+/")
    out = redactor.text(f"Private-Lines: 9\n{key}\nPrivate-MAC: ab\n", artifact="id.ppk")
    assert out == "Private-Lines: 9\n<private-key-1>\nPrivate-MAC: ab\n"


def _encoded(pem_type: str) -> str:
    body = "\n".join(fake(64, ALNUM + "+/") for _ in range(8))
    block = f"-----BEGIN {pem_type}-----\n{body}\n-----END {pem_type}-----\n"
    return base64.b64encode(block.encode()).decode()


def test_base64_encoded_private_key_goes_and_certificate_stays(redactor: Redactor) -> None:
    """A Kubernetes secret's tls.key is a PEM key in base64: it goes; tls.crt is public."""
    key, cert = _encoded("RSA PRIVATE KEY"), _encoded("CERTIFICATE")
    out = redactor.text(f"data:\n  tls.crt: {cert}\n  tls.key: {key}\n", artifact="secret.yaml")
    assert out == f"data:\n  tls.crt: {cert}\n  tls.key: <private-key-1>\n"


def test_base64_private_key_wrapped_in_lines_goes_whole(redactor: Redactor) -> None:
    """``base64`` wraps at 76 columns: every line of the key goes, the text after stays."""
    wrapped = "\n".join(textwrap.wrap(_encoded("PRIVATE KEY"), 76))
    out = redactor.text(f"key:\n{wrapped}\ndone\n", artifact="key.b64")
    assert out == "key:\n<private-key-1>" + "\n" * wrapped.count("\n") + "\ndone\n"
