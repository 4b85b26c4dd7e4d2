"""Personal data in collected text: emails, phones, public IPs, MACs, cards, IBANs, SSNs,
passports and other national ids, device ids, precise coordinates, game accounts, dates of
birth, postal addresses and social network profiles.

One module per kind: :mod:`.emails`, :mod:`.phones`, :mod:`.network` (IP and MAC addresses),
:mod:`.payments` (cards and IBANs), :mod:`.national_ids` (SSNs, passports, CPF, SNILS, INN,
CCCD and National Insurance numbers), :mod:`.devices` (IMEI, advertising and Android ids) and
:mod:`.locations` (latitude and longitude), :mod:`.game_accounts` (Steam ids and gamer tags),
:mod:`.birth_dates`, :mod:`.wifi` (Wi-Fi network names), :mod:`.addresses` (postal addresses
after their labels), :mod:`.profiles` (social network handles in links) and :mod:`.vcards`
(contact cards' properties); :mod:`._finders` holds what they share.

Every rule starts from a cheap anchor and validates candidates afterwards, because logs are
dense with digits and a pattern that starts with a character class (``\\d``, ``[0-9a-f]``)
crawls at 30-40 MB/s in ``re``:

- emails start from ``str.find("@")`` / ``"%40"``;
- IPv4 from a pattern that begins with ``.``, IPv6 from one that begins with ``:``, MACs from
  their separator; each is validated with ``ipaddress`` or a shape check;
- phone numbers need *evidence* found from a literal: a ``+``, an area code in parentheses, a
  trunk ``0`` (or Russia's ``8``) followed by separated groups or by 8-12 digits
  (``0912345678``), the US ``NXX-NXX-XXXX`` shape, or a keyword (``phone``, ``tel``,
  ``телефон``, ``điện thoại``...) just before the digits. Other digit runs are kept: logs
  are full of ids, byte counts and epoch times of phone length. Candidates are then
  validated with ``phonenumbers``: ``+`` forms must be valid (or possible and grouped like a
  phone number), national forms valid in one of :data:`PHONE_REGIONS`; dates, times and
  runs glued to letters, ``.``, ``:``, ``/`` or ``-`` are refused first;
- cards and IBANs are found in a *shape* of the text (digits mapped to ``0``, capitals to
  ``A``) where a literal prefix (``0000``, ``AA00``) is fast, then checked with Luhn and the
  issuer prefix, or with the country's length and the mod-97 checksum;
- SSNs (``AAA-GG-SSSS`` anywhere, 9 plain digits only after an SSN keyword) and passport
  numbers (only after a passport keyword) follow the same pattern.

Kept on purpose (over-redaction is a defect): loopback, private, link-local, shared (CGNAT),
multicast, reserved and unspecified addresses (documentation ranges such as 203.0.113.0/24 and
2001:db8::/32 are *redacted*: they stand for public addresses in examples and in planted test
data); IPv4-shaped versions after ``v`` or ``version``, a User-Agent's product token
(``Chrome/120.0.0.0``) or a browser's name; the all-zero and broadcast MACs;
``user@localhost`` and other addresses without a dotted domain; the role mailboxes in
:data:`KEPT_MAILBOXES` (``git@github.com`` names a service, not a person); ``pkg@1.2.3``,
``@decorator`` and ``icon@2x.png``; timestamps, dates, versions and digit runs without a
phone's evidence.
"""

from __future__ import annotations

from supportkit.redaction._rule import Rule
from supportkit.redaction.rules import (
    addresses,
    birth_dates,
    devices,
    emails,
    game_accounts,
    locations,
    national_ids,
    network,
    payments,
    phones,
    profiles,
    vcards,
    wifi,
)
from supportkit.redaction.rules.emails import KEPT_MAILBOXES
from supportkit.redaction.rules.phones import PHONE_REGIONS

__all__ = ["KEPT_MAILBOXES", "PHONE_REGIONS", "RULES"]

RULES: tuple[Rule, ...] = (
    *emails.RULES,
    *national_ids.RULES,
    *phones.RULES,
    *network.RULES,
    *payments.RULES,
    *devices.RULES,
    *locations.RULES,
    *game_accounts.RULES,
    *birth_dates.RULES,
    *wifi.RULES,
    *addresses.RULES,
    *profiles.RULES,
    *vcards.RULES,
)
"""The built-in personal-data rules, in the order that names a placeholder on a tie: an SSN's
shape or a passport keyword says more than a valid phone number does."""
