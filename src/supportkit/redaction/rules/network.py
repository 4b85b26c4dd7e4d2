"""Public IPv4 and IPv6 addresses and MAC addresses; private, loopback and reserved ones stay, and
so do the public DNS resolvers' addresses."""

from __future__ import annotations

import functools
import ipaddress
import re
from collections.abc import Iterator

from supportkit.redaction import _anchors, _views
from supportkit.redaction._rule import Rule, Span
from supportkit.redaction.rules._finders import (
    VERSION_WORDS,
    FinderRule,
    Keywords,
    after_version_word,
    each_of,
    ends_with_word,
)
from supportkit.redaction.rules._text import after_escape

__all__ = ["RULES"]

# Over the Latin-1 view; the look-behinds drop the private ranges that fill access logs
# (10/8, 127/8, 192.168/16, 172.16/12) before any Python runs. ``_public_v4`` still decides.
_IPV4_TAIL = re.compile(
    rb"(\.(?<!\b10\.)(?<!\b127\.)\d{1,3}"
    rb"(?<!\b192\.168)(?<!\b172\.1[6-9])(?<!\b172\.2\d)(?<!\b172\.3[01])"
    rb"\.\d{1,3}\.\d{1,3})(?!\d|\.\d)"
)
# For Hyperscan: the address from its first digit, whose first octet is none of 0, 10, 127 and
# 224-255; the finer ranges are left to ``_public_v4``. It ends at the last number's first
# digit, where it ends once: Hyperscan reports every end.
_IPV4_ANCHOR = _anchors.pattern(
    rb"(?:[1-9]|1[1-9]|[2-9][0-9]|1[013-9][0-9]|12[0-689]|2[01][0-9]|22[0-3])"
    rb"\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]"
)
_IPV4_FROM_START = re.compile(rb"\d{1,3}(\.\d{1,3}\.\d{1,3}\.\d{1,3})(?!\d|\.\d)")
# Browsers and runtimes named before their version ("Chrome 120.0.0.0", "Firefox 128.0.3.1",
# "Java 11.0.14.1", "Nextcloud 21.0.3.1"): a version whose second number is 0, as theirs
# are, is kept after one of these. A bare "edge" is a network's.
_PRODUCT_WORDS = (
    "brave",
    "chrome",
    "chromium",
    "electron",
    "firefox",
    "microsoft edge",
    "opera",
    "safari",
    "java",
    "jdk",
    "jre",
    "openjdk",
    "windows",
    "nextcloud",
)
# Names a version follows, whatever its numbers: drivers and BIOS ("AMD driver 23.9.1.1",
# "wl driver 6.30.223.141"), MySQL's server ("mysqld 8.0.15.1") and the engines
# chrome://version lists ("V8 3.8.9.13", "Flash 11.5.31.5"). An address follows words such as
# "host", "server" or "from", not these.
_VERSIONED_WORDS = (
    "driver", "drivers", "bios", "build", "mysqld", "v8", "flash",
)  # fmt: skip
# A source revision after a version, as Broadcom's wl driver prints its own:
# "Wireless Controller 6.30.223.141 (r415941)".
_REVISION_AFTER = re.compile(r" \(r\d{1,10}\)")
# A product token right before a slash, as in a User-Agent ("Chrome/120.0.0.0", "Edg/120.0.0.0",
# "MyApp/2.1.0.3"): capitalised, and not a path segment (those follow a slash, or are lower-case).
_PRODUCT_TOKEN = re.compile(r"(?<![\w/.:\\-])[A-Z][A-Za-z0-9_.-]{1,40}/\Z")
_NAMES_BEFORE_VERSIONS = (*VERSION_WORDS, *_VERSIONED_WORDS, *_PRODUCT_WORDS)
_GLOBAL_V6 = ipaddress.IPv6Network("2000::/3")
# Public DNS resolvers everyone uses (Google, Cloudflare, Quad9, OpenDNS): a service's address,
# no one's, and what a network problem is often about.
_PUBLIC_RESOLVERS_V4 = frozenset(
    {(8, 8, 8, 8), (8, 8, 4, 4), (1, 1, 1, 1), (1, 0, 0, 1), (9, 9, 9, 9), (149, 112, 112, 112),
     (208, 67, 222, 222), (208, 67, 220, 220)}
)  # fmt: skip
_PUBLIC_RESOLVERS_V6 = frozenset(
    ipaddress.IPv6Address(address)
    for address in ("2001:4860:4860::8888", "2001:4860:4860::8844", "2606:4700:4700::1111",
                    "2606:4700:4700::1001", "2620:fe::fe", "2620:fe::9")
)  # fmt: skip


def _public_v4(a: int, b: int, c: int) -> bool:
    """Whether ``a.b.c.x`` is outside every range kept as not personal.

    Kept: 0/8, 10/8, 100.64/10 (shared), 127/8, 169.254/16, 172.16/12, 192.0.0/24,
    192.168/16, 198.18/15 (benchmarking) and 224/3 (multicast, reserved, broadcast).
    """
    if a in (0, 10, 127) or a >= 224:
        return False
    second_kept = {100: 64 <= b <= 127, 169: b == 254, 172: 16 <= b <= 31, 198: b in (18, 19)}
    if second_kept.get(a, False):
        return False
    return not (a == 192 and (b == 168 or (b == 0 and c == 0)))


@functools.lru_cache(maxsize=4096)  # logs repeat the same few addresses
def _public_octets(candidate: str) -> tuple[int, int, int, int] | None:
    """The numbers of the dotted address ``candidate`` when it is a public one; else None."""
    parts = candidate.split(".")
    if any(len(part) > 1 and part[0] == "0" for part in parts):
        return None
    a, b, c, d = map(int, parts)
    if max(a, b, c, d) > 255 or not _public_v4(a, b, c) or (a, b, c, d) in _PUBLIC_RESOLVERS_V4:
        return None
    return a, b, c, d


def _product_version(text: str, start: int, end: int, octets: tuple[int, int, int, int]) -> bool:
    """Four numbers that are a product's version: after a version word (``version 1.2.3.4``),
    a User-Agent product token (``Chrome/120.0.0.0``), a driver's or engine's name (``driver
    23.9.1.1``, ``V8 3.8.9.13``) or a browser's (``Firefox 128.0.3.1``), or before a source
    revision (``6.30.223.141 (r415941)``)."""
    window = text[max(0, start - 18) : start]
    # Most addresses follow no such word ("from 203.0.113.9"): one look at the words before
    # settles every check that reads them.
    named = window.rstrip(" \t=:.\"'").lower().endswith(_NAMES_BEFORE_VERSIONS)
    if named and after_version_word(text, start):
        return True
    if start and text[start - 1] == "/":
        return _PRODUCT_TOKEN.search(text, max(0, start - 43), start) is not None
    if _REVISION_AFTER.match(text, end):
        return True
    if not named:
        return False
    before = window.lower().rstrip(" \t=:")
    if ends_with_word(before, _VERSIONED_WORDS):
        return True
    return octets[1] == 0 and ends_with_word(before, _PRODUCT_WORDS)


_IPV4_BEFORE_DASH = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}-\Z")
_EPOCH_BEFORE = re.compile(r"(?<![\w.:])\d{1,2}:\Z")
# A version constraint: pip's ~= >= == != <=, npm's ^ (foo>=1.2.3.4, "~= 1.4.5.0").
_CONSTRAINT_BEFORE = re.compile(r"(?:[~=!<>]=|\^)[ \t]?\Z")


def _package_version(text: str, start: int, end: int) -> bool:
    """Four numbers that are a package's version: an epoch, a version constraint or a ``~``
    before (``2:6.1.7.10``, ``>=1.4.5.0``, npm's ``~1.2.3.4``, a Windows package's identity
    ``…~amd64~~6.1.1.1``), or a ``+``/``~`` suffix, a ``-`` revision or a ``-`` label after
    (``+dfsg``, ``~rc1``, ``1.2.5.1-2``, ``1.0.0.0-main-20220531``); a range of addresses
    (``203.0.113.1-203.0.113.254``) is not one."""
    after = text[end : end + 1]
    if after in ("+", "~") or (after == "-" and text[end + 1 : end + 2].isalpha()):
        return True
    if after == "-" and text[end + 1 : end + 2].isdigit():
        return _IPV4_FROM_START.match(_views.latin1(text), end + 1) is None
    just_before = text[start - 1 : start]
    if just_before == "~":
        return True
    if just_before == ":":
        return _EPOCH_BEFORE.search(text, max(0, start - 4), start) is not None
    if just_before in ("=", "^", " ", "\t"):
        operator = text[max(0, start - 3) : start]
        if "=" in operator or "^" in operator:
            return _CONSTRAINT_BEFORE.search(text, max(0, start - 4), start) is not None
    return False


def _ipv4s(text: str) -> Iterator[Span]:
    found = _anchors.matches(text, _IPV4_ANCHOR, _IPV4_TAIL, at_anchor=_IPV4_FROM_START)
    for match in found:
        tail = start = match.start(1)
        while start > 0 and tail - start < 3 and text[start - 1].isdigit():
            start -= 1
        before = " " if not start or after_escape(text, start) else text[start - 1]
        if start == tail or before.isalnum() or before in "._":
            continue
        if before == "-" and _IPV4_BEFORE_DASH.search(text, max(0, start - 17), start) is None:
            continue  # "build-1.2.3.4", unless it ends a range of addresses
        octets = _public_octets(text[start : match.end()])
        if (
            octets
            and not _product_version(text, start, match.end(), octets)
            and not _package_version(text, start, match.end())
        ):
            yield Span(start, match.end(), "ipv4")


# An ISP's name for a customer's address holds the address, with dashes for dots, before its
# domain, maybe with a word after it: c-73-15-22-8.hsd1.ca.comcast.net, 24-54-76-216.bflony.
# adelphia.net, 173-10-140-217-BusName-sfba.ca.comcastbusiness.net, dslb-088-065-123-045.088.
# 065.pools.vodafone-ip.de. Mail and ssh logs print it beside the address itself ("connect
# from c-73-15-22-8.…[73.15.22.8]"), so it gets the address's placeholder.
_DASHED_IPV4_ANCHORS = tuple(
    _anchors.pattern(rb"-" + rb"[0-9]" * digits + after, digits + 3)
    for digits in (1, 2, 3)
    for after in (rb"\.[A-Za-z]", rb"-[A-Za-z]", rb"\.[0-9]")
)
# The labels after a customer's address: a domain, its last label a top-level domain's.
_CUSTOMER_DOMAIN = r"(?:\.[A-Za-z0-9-]{1,63}){1,8}\.([A-Za-z]{2,24})(?![\w-]|\.[\w-])"
_DASHED_IPV4 = re.compile(
    r"(?<!\d)(?<![^A-Za-z]\d-)(?<![^A-Za-z]\d\d-)(?<![^A-Za-z]\d\d\d-)"
    r"(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})"
    rf"(?=(?:-[A-Za-z][A-Za-z0-9-]{{0,62}})?{_CUSTOMER_DOMAIN})"
)
# Last labels that are a file's extension, not a domain: "1-2-3-4.tar.gz" is a version.
_NOT_DOMAINS = frozenset({"gz", "xz", "zip", "tar", "tgz", "log", "txt", "deb", "rpm", "jar"})


def _hostname_ipv4s(text: str) -> Iterator[Span]:
    for anchor in _DASHED_IPV4_ANCHORS:
        for at in _anchors.starts(text, anchor):
            found = _DASHED_IPV4_BEFORE.search(text, max(0, at - 12), at + 1)
            if found is None:
                continue
            found = _DASHED_IPV4.match(text, found.start())
            if found is None or found.group(5).lower() in _NOT_DOMAINS:
                continue
            octets = tuple(int(part) for part in found.groups()[:4])
            if max(octets) <= 255 and _public_v4(*octets[:3]):
                yield Span(found.start(), found.end(), "ipv4")


# The three octets before the anchor's dash, read back from it.
_DASHED_IPV4_BEFORE = re.compile(r"\d{1,3}-\d{1,3}-\d{1,3}-\Z")

# Other ISPs write the four octets zero-padded in one run of twelve digits, maybe after a few
# letters: 061092085098.ctinets.com, n219076184117.netvigator.com, ppp089210113205.access.
# hol.gr. An AWS account's twelve digits name its registry (123456789012.dkr.ecr….amazonaws.
# com) and sign-in page, and stay.
_PADDED_IPV4_ANCHOR = _anchors.pattern(rb"[0-9]{12}\.[A-Za-z]", 14)
_PADDED_IPV4_BEFORE = re.compile(r"(?<![\w.-])[A-Za-z]{0,10}-?\Z")
_PADDED_IPV4_AFTER = re.compile(_CUSTOMER_DOMAIN)
_AMAZON_DOMAINS = (".amazonaws.com", ".amazon.com", ".amazonaws.com.cn")


def _customer_domain(text: str, end: int, refused: frozenset[str]) -> str | None:
    """The domain after a host name's first label ending at ``end``; None when there is none
    or its top level is one of ``refused`` (a file's extension, a local network's name)."""
    domain = _PADDED_IPV4_AFTER.match(text, end)
    if domain is None or domain.group(1).lower() in refused:
        return None
    return domain.group()


def _padded_ipv4s(text: str) -> Iterator[Span]:
    for at in _anchors.starts(text, _PADDED_IPV4_ANCHOR):
        end = at + 12
        if _PADDED_IPV4_BEFORE.search(text, max(0, at - 11), at) is None:
            continue
        domain = _customer_domain(text, end, _NOT_DOMAINS)
        if domain is None or domain.lower().endswith(_AMAZON_DOMAINS):
            continue
        a, b, c, d = (int(text[octet : octet + 3]) for octet in range(at, end, 3))
        if max(a, b, c, d) <= 255 and _public_v4(a, b, c):
            yield Span(at, end, "ipv4")


# Others write them in hexadecimal after a letter or a few: p5DDC1234.dip0.t-ipconnect.de,
# ool-4353a1b2.dyn.optonline.net, ip5f5a6b7c.dynamic.kabel-deutschland.de. The eight digits,
# in one case and with a letter among them, make the whole first label with what comes before
# them; a short git hash in a version (v1.2-14-g1a2b3c4d.dirty) does not start one.
_HEX_IPV4_ANCHOR = _anchors.pattern(rb"[G-Zg-z-][0-9A-Fa-f]{8}\.[A-Za-z]", 11)
_HEX_IPV4_BEFORE = re.compile(r"(?<![\w.-])[A-Za-z]{1,4}-?\Z")
_HEX_IPV4 = re.compile(r"[0-9A-F]{8}|[0-9a-f]{8}")
# After a letter that is a hexadecimal digit too (c51471f2c.cable.wanadoo.nl), the nine digits
# could be any hash's; there the domain must say it is an ISP's customers'.
_HEX_PREFIXED_IPV4_ANCHOR = _anchors.pattern(rb"[A-Fa-f][0-9A-Fa-f]{8}\.[A-Za-z]", 11)
_ISP_WORD = re.compile(
    r"\.(?i:cable|dsl|adsl|vdsl|dyn|dynamic|dip[0-9]{0,2}|pools?|broadband|customers?|clients?"
    r"|ppp|dialup|residential|fib(?:er|re)|ftth)\."
)
# Names a network gives its own hosts, which no ISP's customer has.
_LOCAL_DOMAINS = frozenset({"local", "internal", "lan", "home", "corp", "localdomain", "test"})
_NOT_CUSTOMER_DOMAINS = _NOT_DOMAINS | _LOCAL_DOMAINS


def _hex_ipv4s(text: str) -> Iterator[Span]:
    for anchor, prefixed in ((_HEX_IPV4_ANCHOR, False), (_HEX_PREFIXED_IPV4_ANCHOR, True)):
        for at in _anchors.starts(text, anchor):
            start, end = at + 1, at + 9
            label = text[start:end]
            if _HEX_IPV4.fullmatch(label) is None or label.isdecimal():
                continue
            if prefixed:
                if at and (text[at - 1].isalnum() or text[at - 1] in "_.-"):
                    continue  # the whole first label: one letter, eight digits
            elif _HEX_IPV4_BEFORE.search(text, max(0, start - 6), start) is None:
                continue
            domain = _customer_domain(text, end, _NOT_CUSTOMER_DOMAINS)
            if (
                domain is None
                or ".svc." in domain
                or (prefixed and _ISP_WORD.search(domain + ".") is None)
            ):
                continue
            a, b, c = int(label[:2], 16), int(label[2:4], 16), int(label[4:6], 16)
            if _public_v4(a, b, c):
                yield Span(start, end, "ipv4")


_IPV6_HINT = re.compile(rb":(?::|[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:)")
_IPV6_ANCHOR = _anchors.pattern(_IPV6_HINT.pattern)
_IPV6_LEFT = re.compile(r"[0-9A-Fa-f:]{1,39}\Z")
_IPV6_RIGHT = re.compile(r"[0-9A-Fa-f:.]{0,45}")


def _public_v6(address: ipaddress.IPv6Address) -> bool:
    mapped = address.ipv4_mapped
    if mapped is not None:
        a, b, c, _ = mapped.packed
        return _public_v4(a, b, c)
    return address in _GLOBAL_V6 and address not in _PUBLIC_RESOLVERS_V6


def _ipv6s(text: str) -> Iterator[Span]:
    pos = 0
    for hint in _anchors.matches(text, _IPV6_ANCHOR, _IPV6_HINT):
        if hint.start() < pos:
            continue
        left = _IPV6_LEFT.search(text, max(0, hint.start() - 39), hint.start())
        start = left.start() if left else hint.start()
        right = _IPV6_RIGHT.match(text, hint.start())
        end = right.end() if right else hint.end()
        while end > hint.end() and text[end - 1] == ".":
            end -= 1
        pos = max(end, hint.end())
        if (start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_.")) or (
            end < len(text) and (text[end].isalnum() or text[end] == "_")
        ):
            continue
        try:
            address = ipaddress.IPv6Address(text[start:end])
        except ValueError:
            continue
        if _public_v6(address):
            yield Span(start, end, "ipv6")


_HEX = rb"[0-9A-Fa-f]"
# Each form once as a pattern, and once as the literal it is in the hex shape of the text,
# where every hexadecimal digit is ``h``.
_MAC_FORMS = tuple(
    (
        _anchors.pattern(
            re.escape(shape).replace(b"h", _HEX), len(shape), re_hint=(_views.hex_shape, shape)
        ),
        separator,
    )
    for shape, separator in (
        (b"hh:hh:hh:hh:hh:hh", ":"),
        (b"hh-hh-hh-hh-hh-hh", "-"),
        (b"hhhh.hhhh.hhhh", "."),
    )
)
_KEPT_MACS = frozenset({"000000000000", "ffffffffffff"})


_HEX_CHARS = frozenset("0123456789abcdefABCDEF")
_COLON_MAC_BEFORE = re.compile(r"(?:[0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}-\Z")


def _mac_stands_alone(text: str, start: int, end: int, separator: str) -> bool:
    """Whether the six octets at ``start`` are an address rather than part of a longer token.
    Colon-separated ones are unmistakable enough to stand glued to a word (a log's label,
    "Bluetooth74:d8:…"), after another address and a dash (a connection's two ends), or before
    a colon that ends a label ("Device 74:d8:…:55: connected")."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if after.isalnum() or after == "_":
        return False
    colons = separator == ":"
    if after == separator and not (colons and text[end + 1 : end + 2] not in _HEX_CHARS):
        return False
    if not (before.isalnum() or before in "_:.-"):
        return True
    if colons and before.isalpha() and before not in _HEX_CHARS:
        return True
    return (
        colons
        and before == "-"
        and _COLON_MAC_BEFORE.search(text, max(0, start - 19), start) is not None
    )


def _macs(text: str) -> Iterator[Span]:
    for anchor, separator in _MAC_FORMS:
        for start in _anchors.starts(text, anchor):
            end = start + anchor.width
            if _mac_stands_alone(text, start, end, separator):
                digits = text[start:end].replace(separator, "").lower()
                if digits not in _KEPT_MACS and not (separator == "." and digits.isdigit()):
                    yield Span(start, end, "mac")


# A firewall's log of a packet (iptables, UFW: "MAC=dst:src:type") gives the frame's header:
# the destination's and the source's addresses, then the two bytes of its type.
_FRAME_HEADER_ANCHOR = _anchors.literal("MAC=")
_FRAME_HEADER = re.compile(
    r"MAC=((?:[0-9a-f]{2}:){5}[0-9a-f]{2}):((?:[0-9a-f]{2}:){5}[0-9a-f]{2}):"
)


def _frame_header_macs(text: str) -> Iterator[Span]:
    for at in _anchors.starts(text, _FRAME_HEADER_ANCHOR):
        header = _FRAME_HEADER.match(text, at)
        if header is not None:
            for group in (1, 2):
                digits = header.group(group).replace(":", "")
                if digits not in _KEPT_MACS:
                    yield Span(header.start(group), header.end(group), "mac")


# BlueZ names a Bluetooth device's D-Bus object after its address, "_" for ":":
# /org/bluez/hci0/dev_3C_22_FB_12_34_56, as bluetoothd, PulseAudio and PipeWire log it.
_BLUEZ_DEVICE_ANCHOR = _anchors.literal("dev_")
_BLUEZ_DEVICE = re.compile(r"dev_((?:[0-9A-Fa-f]{2}_){5}[0-9A-Fa-f]{2})(?![0-9A-Za-z])")


def _bluez_device_macs(text: str) -> Iterator[Span]:
    for at in _anchors.starts(text, _BLUEZ_DEVICE_ANCHOR):
        device = _BLUEZ_DEVICE.match(text, at)
        if device is not None and device.group(1).replace("_", "").lower() not in _KEPT_MACS:
            yield Span(device.start(1), device.end(1), "mac")


# Twelve hex digits with no separators are a MAC only after its name, as Android's and routers'
# settings write one ("macAddress=3c22fb123456", "MAC address: 3C22FB123456"); elsewhere such a
# run is an id or a hash's slice.
_MAC_KEYWORDS = Keywords(
    ("mac", "hwaddr"), frozenset({"mac", "macaddress", "macaddr", "hwaddr", "wifimac", "ethmac"})
)
_BARE_MAC = re.compile(r"""(?<![0-9A-Za-z])[0-9A-Fa-f]{12}(?![0-9A-Za-z])""")
_BARE_MAC_AFTER = re.compile(r"""[_ -]?(?i:address|addr)?["']?[ \t]{0,4}[:=]?[ \t]{0,4}["']?\Z""")


def _bare_macs(text: str) -> Iterator[Span]:
    for end in _MAC_KEYWORDS.ends(text):
        found = _BARE_MAC.search(text, end, end + 24)
        if found is None or _BARE_MAC_AFTER.match(text[end : found.start()]) is None:
            continue  # only a separator and "address" may stand between
        if found.group().lower() not in _KEPT_MACS:
            yield Span(found.start(), found.end(), "mac")


RULES: tuple[Rule, ...] = (
    FinderRule("ipv4", 40, each_of(_ipv4s, _hostname_ipv4s, _padded_ipv4s, _hex_ipv4s)),
    FinderRule("ipv6", 96, _ipv6s),
    FinderRule("mac", 64, each_of(_macs, _frame_header_macs, _bluez_device_macs, _bare_macs)),
)
