"""PEM and OpenSSH private-key blocks, whole or cut short."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from supportkit.redaction import _anchors
from supportkit.redaction._rule import Category, Rule, Span

__all__ = ["RULES"]


_PEM_BEGIN = re.compile(r"-----BEGIN ((?:[A-Z0-9]{1,20} ){0,3})PRIVATE KEY( BLOCK)?-----")
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
        marker = f"-----END {begin.group(1)}PRIVATE KEY{begin.group(2) or ''}-----"
        if next_end >= 0 and next_end + len(marker) <= limit and text.startswith(marker, next_end):
            return next_end + len(marker)
        body = _PEM_BODY.match(text, begin.end(), limit)
        return body.end() if body is not None else begin.end()


RULES: tuple[Rule, ...] = (_PrivateKeyRule(),)
