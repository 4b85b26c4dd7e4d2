"""Credential rules: tokens with a known shape, secret-bearing headers, keys and key-value pairs.

One module per kind of source: :mod:`.tokens` (prefixed tokens, passwords in URLs and on
command lines, AWS secret keys), :mod:`.private_keys`, :mod:`.headers` (Authorization, Bearer,
cookies), :mod:`.secret_values` (values of keys that name a secret), :mod:`.password_words`
(the word for password in other languages) and :mod:`.kubernetes` (a Secret's values);
:mod:`._text` holds what they share, such as which values cannot hold a secret.

Every rule starts from a cheap anchor (``str.find`` of a literal such as ``AKIA`` or ``eyJ``,
or of a keyword in a lowercased copy of the text) and only then runs a bounded regex at that
position, so scanning costs about as much as a few ``str.find`` calls. A match must start at a
token boundary (the character before it is not part of the token alphabet); that makes a failed
attempt skip the whole run it scanned, which keeps adversarial input linear.

Deliberate choices (over-redaction destroys a bundle's value too):

* Twilio account SIDs (``AC`` + 32 hex) are identifiers and are kept; API key SIDs
  (``SK`` + 32 hex) are half of a key pair and are replaced. Auth tokens are caught by key name.
* Stripe publishable keys (``pk_live_``) are public by design and are kept.
* The value of a key that names a secret is replaced whatever it looks like, except values that
  cannot hold a secret: booleans, null/none, empty, integers of up to three digits, masks
  (``***``), placeholders (``<secret-1>``), variable references (``${DB_PASSWORD}``) and a few
  status words (``expired``, ``required``…). A name is secret when one of its components is
  (``DB_PASSWORD``, ``stripeSecretKey``) unless a later component makes it a property of the
  secret (``token_count``, ``password_length``, ``secret_name``).
* Long high-entropy strings are replaced only right after a secret-naming word, never anywhere:
  hashes and UUIDs elsewhere are kept.
"""

from __future__ import annotations

from supportkit.redaction._rule import Rule
from supportkit.redaction.rules import headers, kubernetes, password_words, private_keys, tokens
from supportkit.redaction.rules._text import keyword_positions
from supportkit.redaction.rules.secret_values import (
    is_secret_key,
    secret_key_matcher,
    secret_value_rules,
)

__all__ = [
    "RULES",
    "is_secret_key",
    "keyword_positions",
    "secret_key_matcher",
    "secret_value_rules",
]

RULES: tuple[Rule, ...] = (
    *private_keys.RULES,
    *tokens.RULES,
    *headers.RULES,
    *secret_value_rules(),
    *password_words.RULES,
    *kubernetes.RULES,
)
"""The built-in credential rules, most specific first (the first wins a tie)."""
