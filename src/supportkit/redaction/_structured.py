"""Redacting JSON-like data: by key name first, then every string through the text engine.

A value whose key names a secret (``password``, ``X-Api-Key``, ``stripeSecretKey``…; the same
test the credential rules use) is replaced wholesale by one placeholder, whatever it is: a
string, a number, a list or a whole nested object. Only ``None``, booleans and empty strings
are kept there, since they hold no secret and "the password was empty" is worth knowing.

Keys are data too (a dict keyed by email address is common), so string keys go through the
text engine like values; if two keys redact to the same placeholder they are told apart with a
``#n`` suffix instead of one silently overwriting the other. Tuples become lists, other objects
become their ``str()`` and are redacted as text, and nesting deeper than ``MAX_DEPTH`` is
replaced by ``<redaction-failed>`` (cycles end there too).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from supportkit.redaction._pseudonym import FAILED_PLACEHOLDER

__all__ = ["MAX_DEPTH", "StructuredRedaction"]

MAX_DEPTH = 200
# Tuples, not ``bool | int | float``: a union is built anew on each isinstance call, and a
# report walks thousands of values.
_KEPT_SCALARS = (bool, int, float)
_SEQUENCES = (list, tuple)


@dataclass
class StructuredRedaction:
    """One pass over one value; ``secret_fields`` and ``too_deep`` feed the audit."""

    text: Callable[[str], str]
    is_secret_key: Callable[[str], bool]
    secret_placeholder: Callable[[str], str]
    secret_fields: int = 0
    too_deep: int = 0

    def redact(self, value: Any, depth: int = 0) -> Any:
        """``value`` with secrets and (depending on ``text``) personal data replaced."""
        if depth > MAX_DEPTH:
            self.too_deep += 1
            return FAILED_PLACEHOLDER
        if isinstance(value, str):
            return self.text(value)
        if value is None or isinstance(value, _KEPT_SCALARS):
            return value
        if isinstance(value, dict):
            return self._mapping(value, depth)
        if isinstance(value, _SEQUENCES):
            return [self.redact(item, depth + 1) for item in value]
        return self.text(str(value))

    def _mapping(self, value: dict[Any, Any], depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        for key, item in value.items():
            secret = isinstance(key, str) and self.is_secret_key(key)
            new_key = self._unique(self._key(key), out)
            out[new_key] = self._secret(item) if secret else self.redact(item, depth + 1)
        return out

    def _secret(self, item: Any) -> Any:
        if item is None or isinstance(item, bool) or item == "":
            return item
        self.secret_fields += 1
        return self.secret_placeholder(_canonical(item))

    def _key(self, key: Any) -> Any:
        if key is None or isinstance(key, _KEPT_SCALARS):
            return key
        return self.text(key if isinstance(key, str) else str(key))

    @staticmethod
    def _unique(key: Any, taken: dict[Any, Any]) -> Any:
        if key not in taken or not isinstance(key, str):
            return key
        number = 2
        while f"{key}#{number}" in taken:
            number += 1
        return f"{key}#{number}"


def _canonical(value: Any) -> str:
    """One text per value, so equal secrets get equal placeholders wherever they appear."""
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, sort_keys=True, default=str)
    except (TypeError, ValueError, RecursionError):
        return repr(value)
