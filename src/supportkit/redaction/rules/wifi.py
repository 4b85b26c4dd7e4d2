"""Wi-Fi network names (SSIDs) after their label, as wpa_supplicant, Android's WifiInfo, macOS's
airport tool and app logs print them. People name their networks after themselves and their
homes ("Olga's iPhone", "Lima Family 5G"), and public databases map an SSID beside its access
point's MAC to a street address, so a home network's name is where its user lives.

Found from the word ``ssid`` (not ``bssid``, the access point's MAC, which the MAC rule takes):
``SSID: HomeNet``, ``ssid="HomeNet"``, ``"ssid": "HomeNet"``, ``SSID 'HomeNet'`` and Android's
``SSID: "HomeNet", BSSID: …``. Kept: a hidden or unknown network's stand-in (``<unknown
ssid>``, ``<hidden>``, ``0x``, ``any``) and counts ("found 12 SSIDs").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from supportkit.redaction import _anchors
from supportkit.redaction._rule import Rule, Span
from supportkit.redaction.rules._finders import FinderRule
from supportkit.redaction.rules._text import is_trivial

__all__ = ["RULES"]

_SSID = _anchors.word("ssid")
# After the label: a separator or a space, maybe an escaped or plain quote, then the name. An
# SSID is at most 32 bytes; quoted, it may hold spaces; bare, it runs to a delimiter.
_NAMED = re.compile(
    r"""ssid(?:["']?[ \t]{0,8}[:=][ \t]{0,8}|[ \t]{1,8}(?=\\?["']))"""
    r"""(?:(\\?["'])(?:\\?["'])?([^"'\\\r\n]{1,32})(?:\\?["'])?\1"""
    r"""|([^\s"',;{}()\[\]<>]{1,32})(?=[\s,;})\]]|\Z))""",
    re.IGNORECASE,
)
_STAND_INS = frozenset({"0x", "any", "none", "null", "(null)", "hidden", "unknown", "n/a", "*"})


def _ssids(text: str) -> Iterator[Span]:
    for at in _anchors.starts(text, _SSID):
        if at and text[at - 1].isalpha():
            continue  # bssid: the access point's MAC
        found = _NAMED.match(text, at)
        if found is None:
            continue
        group = 2 if found.group(2) is not None else 3
        name = found.group(group)
        if name.strip().lower() in _STAND_INS or is_trivial(name.strip()) or name[-1] in ":=":
            continue  # a stand-in, or an empty SSID's next key: "SSID:  BSSID: 00:00:…"
        yield Span(found.start(group), found.end(group), "ssid")


RULES: tuple[Rule, ...] = (FinderRule("wifi-network", 64, _ssids),)
