"""Private keys: PEM and OpenSSH blocks and OpenVPN static keys, whole or cut short; the same
blocks base64-encoded (a Kubernetes secret's ``tls.key``); the private lines of PuTTY keys."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from supportkit.redaction import _anchors
from supportkit.redaction._rule import Category, Rule, Span
from supportkit.redaction.rules._text import base64_bytes

__all__ = ["RULES"]


# A PEM private key's, or an OpenVPN static key's (tls-auth, tls-crypt), which server and
# clients share.
_PEM_BEGIN = re.compile(
    r"-----BEGIN ((?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY(?: BLOCK)?|OpenVPN Static key V[12])-----"
)
# A block without its END line: the BEGIN line and every base64 or header line after it.
_PEM_BODY = re.compile(
    r"(?:(?:\r?\n|\\n)(?:[A-Za-z0-9+/=]{1,128}|[A-Za-z-]{1,32}: [^\r\n]{0,256}|(?=\r?\n|\\n)))*"
)


_PEM_ANCHOR = _anchors.literal("-----BEGIN ")


@dataclass(slots=True)
class _PrivateKeyRule:
    """A whole private-key block, BEGIN to END; a truncated block up to its last base64 line."""

    name: str = "private-key"
    kind: str = "private-key"
    category: Category = "credential"
    max_span: int = 32_768

    def find(self, text: str) -> Iterator[Span]:
        next_end = -2
        resume = 0
        for pos in _anchors.starts(text, _PEM_ANCHOR):
            if pos < resume:
                continue
            begin = _PEM_BEGIN.match(text, pos)
            if begin is not None:
                if next_end < begin.end() and next_end != -1:
                    next_end = text.find("-----END ", begin.end())
                end = self._block_end(text, begin, next_end)
                yield Span(pos, end, self.kind)
                resume = end

    def _block_end(self, text: str, begin: re.Match[str], next_end: int) -> int:
        limit = begin.start() + self.max_span
        marker = f"-----END {begin.group(1)}-----"
        if next_end >= 0 and next_end + len(marker) <= limit and text.startswith(marker, next_end):
            return next_end + len(marker)
        body = _PEM_BODY.match(text, begin.end(), limit)
        return body.end() if body is not None else begin.end()


# A PuTTY key file (.ppk) holds its private half in the base64 lines after "Private-Lines: N";
# the public half and the MAC around them are not secret.
_PUTTY_ANCHOR = _anchors.literal("Private-Lines: ")
_PUTTY_LINES = re.compile(r"Private-Lines: ([0-9]{1,3})\r?\n")
_BASE64_LINE = re.compile(r"([A-Za-z0-9+/=]{1,128})(?:\r?\n|\Z)")


@dataclass(slots=True)
class _PuttyKeyRule:
    """The private lines of a PuTTY key file: as many as it declares, up to 250 (an RSA key of
    16,384 bits has about 150)."""

    name: str = "putty-private-key"
    kind: str = "private-key"
    category: Category = "credential"
    max_span: int = 250 * 66

    def find(self, text: str) -> Iterator[Span]:
        for pos in _anchors.starts(text, _PUTTY_ANCHOR):
            header = _PUTTY_LINES.match(text, pos)
            if header is None:
                continue
            start = stop = next_line = header.end()
            for _ in range(min(int(header.group(1)), 250)):
                line = _BASE64_LINE.match(text, next_line)
                if line is None:
                    break
                stop, next_line = line.end(1), line.end()
            if stop > start:
                yield Span(start, stop, self.kind)


# "-----BEGIN" in base64, at the start of an encoded block; its header is decoded to tell a
# private key from a certificate, which is public.
_ENCODED_PEM_ANCHOR = _anchors.literal("LS0tLS1CRUdJTi")
_ENCODED_PEM = re.compile(r"LS0tLS1CRUdJTi[A-Za-z0-9+/]{40,16384}={0,2}(?![A-Za-z0-9+/=])")
_BASE64_LINE_AFTER = re.compile(r"\r?\n([A-Za-z0-9+/]{1,76}={0,2})(?![^\r\n])")


def _encoded_header(encoded: str) -> bytes:
    return base64_bytes(encoded[:64]) or b""


@dataclass(slots=True)
class _EncodedPrivateKeyRule:
    """A PEM private-key block encoded in base64, as Kubernetes secrets and kubeconfig files
    carry them."""

    name: str = "encoded-private-key"
    kind: str = "private-key"
    category: Category = "credential"
    max_span: int = 16_400

    def find(self, text: str) -> Iterator[Span]:
        for pos in _anchors.starts(text, _ENCODED_PEM_ANCHOR):
            if pos and (text[pos - 1].isalnum() or text[pos - 1] in "+/"):
                continue
            block = _ENCODED_PEM.match(text, pos)
            if block is not None and b"PRIVATE KEY" in _encoded_header(block.group()):
                yield Span(pos, _wrapped_end(text, block.end(), block.end() - pos), self.kind)


def _wrapped_end(text: str, end: int, width: int) -> int:
    """The end of a base64 block wrapped at ``width`` (64 or 76, as tools wrap it): every line
    but the last is that wide. Once the lines so far end the PEM text, only its final line
    break may follow: the line after a key whose last line is full (``done``) is not the key's."""
    if width not in (64, 76):
        return end
    previous, last = "", text[end - width : end]
    for _ in range(16_384 // width):
        line = _BASE64_LINE_AFTER.match(text, end)
        if line is None:
            break
        if _ends_pem(previous + last) and base64_bytes(line.group(1)) not in (b"\n", b"\r\n"):
            break
        end, previous, last = line.end(1), last, line.group(1)
        if len(last) != width:
            break
    return end


def _ends_pem(encoded: str) -> bool:
    """Whether whole lines of base64 (as wide as these are, they decode on their own) end with
    the end of a PEM block, ``-----END …-----``, maybe without its line break."""
    return (base64_bytes(encoded) or b"").rstrip(b"\r\n").endswith(b"-----")


RULES: tuple[Rule, ...] = (_PrivateKeyRule(), _PuttyKeyRule(), _EncodedPrivateKeyRule())
