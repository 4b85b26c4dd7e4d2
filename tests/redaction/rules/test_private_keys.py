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


def test_openvpn_static_key_goes_whole(redactor: Redactor) -> None:
    """tls-auth and tls-crypt share this key between server and clients: anyone holding it
    gets past the VPN's first gate."""
    body = "\n".join(fake(32, "0123456789abcdef") for _ in range(16))
    text = (
        f"#\n-----BEGIN OpenVPN Static key V1-----\n{body}\n-----END OpenVPN Static key V1-----\n"
    )
    out = redactor.text(text, artifact="client.ovpn")
    assert out.startswith("#\n<private-key-1>\n")
    assert out.count("\n") == text.count("\n")
    assert "END OpenVPN" not in out


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


def _encoded(pem_type: str, *, columns: int = 76, last_line_full: bool = False) -> str:
    """A PEM block in base64 whose last line, wrapped at ``columns``, is as wide as the others
    or not: when it is, nothing in the base64 itself shows where it ends."""
    body = "\n".join(fake(64, ALNUM + "+/") for _ in range(8))
    while True:
        block = f"-----BEGIN {pem_type}-----\n{body}\n-----END {pem_type}-----\n"
        encoded = base64.b64encode(block.encode()).decode()
        if (len(encoded) % columns == 0) == last_line_full:
            return encoded
        body += "A"


def test_base64_encoded_private_key_goes_and_certificate_stays(redactor: Redactor) -> None:
    """A Kubernetes secret's tls.key is a PEM key in base64: it goes; tls.crt is public."""
    key, cert = _encoded("RSA PRIVATE KEY"), _encoded("CERTIFICATE")
    out = redactor.text(f"data:\n  tls.crt: {cert}\n  tls.key: {key}\n", artifact="secret.yaml")
    assert out == f"data:\n  tls.crt: {cert}\n  tls.key: <private-key-1>\n"


@pytest.mark.parametrize("columns", [64, 76])
@pytest.mark.parametrize("last_line_full", [False, True])
@pytest.mark.parametrize("after", ["done", "OK"])
def test_base64_private_key_wrapped_in_lines_goes_whole(
    redactor: Redactor, columns: int, after: str, *, last_line_full: bool
) -> None:
    """``base64`` wraps at 76 columns, ``openssl base64`` at 64: every line of the key goes,
    the short line after it stays, even when the key's last line is as wide as the others."""
    encoded = _encoded("PRIVATE KEY", columns=columns, last_line_full=last_line_full)
    wrapped = "\n".join(textwrap.wrap(encoded, columns))
    assert (len(wrapped.splitlines()[-1]) == columns) is last_line_full
    out = redactor.text(f"key:\n{wrapped}\n{after}\n", artifact="key.b64")
    assert out == "key:\n<private-key-1>" + "\n" * wrapped.count("\n") + f"\n{after}\n"
