"""Device identifiers that follow one device (and so its owner) everywhere: IMEI numbers,
advertising ids (IDFA, Google's GAID), Apple's identifierForVendor (IDFV), Android ids, an
iPhone's UDID, the SIM's subscriber (IMSI) and card (ICCID) numbers, and a machine's own id
(systemd's machine id, Windows' MachineGuid, a Mac's hardware UUID). Each only right after its
name: UUIDs, hexadecimal ids and long numbers are kept everywhere else. Serial numbers stay:
support needs them for warranty. And the machine's or domain's part of a Windows account's SID.

And the owner's name in a device's name, which Apple and Amazon make from it: another person's
``Olga's iPhone`` in a Bluetooth or DHCP log names them as plainly as an email would."""

from __future__ import annotations

import re
from collections.abc import Iterator

from supportkit.redaction import _anchors
from supportkit.redaction._rule import Rule, Span
from supportkit.redaction.rules._finders import FinderRule, Keywords, digits_of, each_of, luhn_ok

__all__ = ["RULES"]

# Only after the word: a bare run of 15 digits is as often an id or a timestamp in microseconds.
_IMEI_KEYWORDS = Keywords(("imei",), frozenset({"imei", "imeisv"}))
# 15 digits (the last a Luhn check digit), maybe grouped as printed on a box (35-209900-176148-1);
# an IMEISV is 16 digits, without a check digit.
_IMEI_IN_WINDOW = re.compile(r"(?<![\w-])(\d{2}[ -]?\d{6}[ -]?\d{6}[ -]?\d{1,2})(?![\w-])")


def _imei_ok(candidate: str) -> bool:
    digits = digits_of(candidate)
    return len(digits) == 16 or (len(digits) == 15 and luhn_ok(digits))


def _imeis(text: str) -> Iterator[Span]:
    for end in _IMEI_KEYWORDS.ends(text):
        found = _IMEI_IN_WINDOW.search(text, end, end + 32)
        if found is not None and _imei_ok(found.group(1)):
            yield Span(found.start(1), found.end(1), "imei")


_ID_NAMES = _anchors.words(
    ("advertising", "idfa", "idfv", "identifierfor", "gaid", "aaid", "android")
)
# A name may stand alone or after "device", as in an .ips crash report's storeInfo
# ("deviceIdentifierForVendor"); not inside another word ("pseudid").
_DEVICE_ID = re.compile(
    r"(?:(?<![A-Za-z])|(?<=device))"
    r"(?:advertising[ _-]?id(?:entifier)?|idf[av]|identifierforvendor|gaid|aaid|android[ _-]?id)"
    r"[\"']?"
    r"[ \t]*[:=]?[ \t]*[\"']?"
    r"([0-9A-Fa-f]{8}-(?:[0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}|[0-9A-Fa-f]{16})(?![\w-])",
    re.IGNORECASE,
)
# What a device sends when the user limited ad tracking: no one's.
_ZEROED = re.compile(r"[0-]+")


def _device_ids(text: str) -> Iterator[Span]:
    for anchor in _ID_NAMES:
        for at in _anchors.starts(text, anchor):
            found = _DEVICE_ID.match(text, at)
            if found is not None and not _ZEROED.fullmatch(found.group(1)):
                yield Span(found.start(1), found.end(1), "device-id")


_LABEL_END = r"[\"']?[ \t]*[:=]?[ \t]*[\"']?"
# Each name's anchor, and its value after it: an iPhone's UDID (25 or 40 characters), the SIM's
# subscriber number (15 digits) and its card number (19 or 20 digits, maybe an F after them).
_SIM_AND_UDID = tuple(
    (_anchors.word(name), re.compile(name + _LABEL_END + value + r"(?![\w-])", re.IGNORECASE))
    for name, value in (
        ("udid", r"([0-9A-Fa-f]{8}-[0-9A-Fa-f]{16}|[0-9A-Fa-f]{40})"),
        ("imsi", r"([0-9]{14,15})"),
        ("iccid", r"([0-9]{18,22}[Ff]?)"),
    )
)


def _sim_and_udids(text: str) -> Iterator[Span]:
    for anchor, pattern in _SIM_AND_UDID:
        for at in _anchors.starts(text, anchor):
            found = pattern.match(text, at)
            if found is not None and not (at and text[at - 1].isalpha()):
                yield Span(found.start(1), found.end(1), "device-id")


# A machine's own id after its name: systemd's and D-Bus's machine id (hostnamectl's "Machine ID:",
# the journal's _MACHINE_ID=), Windows' MachineGuid (as reg query prints it, or a .reg file), a
# Mac's hardware UUID (System Information's "Hardware UUID:", ioreg's "IOPlatformUUID" = "…"),
# the ids Apple's crash and panic reports give a device (crashReporterKey, an iPhone report's
# "CrashReporter Key:", "Anonymous UUID:", TestFlight's "Beta Identifier:"), and the device ids
# apps make for telemetry (VS Code's machineId and devDeviceId, an Android id's 16 hexadecimal
# digits as "device_id"). A name may
# end a longer camel-case one ("devDeviceId"), not a lower-case word ("virtualmachineid").
_MACHINE_ID_NAMES = _anchors.words(
    ("machineid", "machine id", "machine_id", "machine-id", "machineguid", "ioplatformuuid",
     "hardware uuid", "deviceid", "device id", "device_id", "device-id", "crashreporterkey",
     "crashreporter key", "anonymous uuid", "beta identifier")
)  # fmt: skip
_MACHINE_ID = re.compile(
    r"(?i:machine[ _-]?(?:id|guid)|ioplatformuuid|hardware uuid|device[ _-]?id"
    r"|crash ?reporter ?key|anonymous uuid|beta identifier)"
    r"(?:[\"']?[ \t]{0,8}[:=]?[ \t]{0,16}[\"']?|[ \t]{1,8}REG_SZ[ \t]{1,8})"
    r"(\{?[0-9A-Fa-f]{8}-(?:[0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}\}?"
    r"|[0-9A-Fa-f]{64}|[0-9A-Fa-f]{40}|[0-9A-Fa-f]{32}|[0-9A-Fa-f]{16})(?![\w-])"
)
_NAME_BEFORE = re.compile(r"(?<![A-Za-z])|(?<=[a-z])(?=[A-Z])")


def _machine_ids(text: str) -> Iterator[Span]:
    for anchor in _MACHINE_ID_NAMES:
        for at in _anchors.starts(text, anchor):
            found = _MACHINE_ID.match(text, at)
            if (
                found is not None
                and _NAME_BEFORE.match(text, at) is not None
                and not _ZEROED.fullmatch(found.group(1).strip("{}"))
            ):
                yield Span(found.start(1), found.end(1), "device-id")


# A Windows account's security identifier: after S-1-5-21, three numbers that one machine or one
# domain drew at random, then the account's own number. The three go, so the same machine's
# accounts still share one placeholder; the account's number (500 is the Administrator, 512 the
# Domain Admins) is what support reads, and stays. An Entra ID (Azure AD) account's, after
# S-1-12-1, is the user's object id, and goes whole. Well-known SIDs (S-1-5-18) are no one's.
_SID_NUMBER = r"(?:0|[1-9][0-9]{0,9})"
_SIDS = tuple(
    (
        len(prefix),
        _anchors.literal(prefix),
        re.compile(rf"{_SID_NUMBER}(?:-{_SID_NUMBER}){{{parts - 1}}}"),
    )
    for prefix, parts in (("S-1-5-21-", 3), ("S-1-12-1-", 4))
)
# The account's number may follow, and the _Classes of the account's own registry hive.
_SID_END = re.compile(r"(?:-[0-9]{1,10})?(?:_Classes)?(?![\w-])")


def _windows_sids(text: str) -> Iterator[Span]:
    for width, anchor, parts in _SIDS:
        for at in _anchors.starts(text, anchor):
            if at and (text[at - 1].isalnum() or text[at - 1] in "_-"):
                continue
            found = parts.match(text, at + width)
            if found is not None and _SID_END.match(text, found.end()) is not None:
                yield Span(found.start(), found.end(), "sid")


# Devices whose default name is their owner's: "Olga's iPhone", "Olga Petrova’s MacBook Pro",
# "Olga's Kindle"; the host name made from it, "Olgas-MacBook-Pro.local"; and in other
# languages after the model, "iPhone de Olga", "iPad Pro von Olga", "iPhone d’Anne".
_OWNED_DEVICES = _anchors.words(
    ("iphone", "ipad", "ipod", "macbook", "imac", "mac mini", "mac pro", "mac studio", "airpods",
     "apple watch", "homepod", "kindle")
)  # fmt: skip
_LETTERS = r"[^\W\d_]"
_OWNER_BEFORE = re.compile(
    rf"(?<![\w'’.-])(?:({_LETTERS}{{2,30}}(?:[ ]{_LETTERS}{{2,30}})?)['’]s[ ]"
    rf"|([A-Za-z]{{2,30}})(?:s|-s)-)\Z"
)
# The model may follow the product: "AirPods Pro von Olga", "MacBook Air de Olga".
_MODEL_WORDS = r"(?:[ ](?:Pro|Max|Mini|mini|Plus|Air|Ultra|SE|touch|Studio)){0,2}"
_OWNER_AFTER = re.compile(
    rf"{_MODEL_WORDS}(?:[ ](?:de|von|van|di|da|của)[ ]({_LETTERS}{{2,30}})(?![\w@])"
    rf"|[ ]d['’]({_LETTERS}{{2,30}})(?![\w@]))"
)
# Not owners: makers and stores ("Apple's iPhone"), and words that stand before a device in
# prose or a title ("Connected To ...").
_NOT_OWNERS = frozenset(
    {
        "apple", "amazon", "google", "samsung", "microsoft", "the", "this", "that", "user",
        "users", "customer", "customers", "guest", "test", "demo", "admin", "owner", "company",
        "work", "office", "school", "family", "kid", "kids", "dad", "mom", "mum", "someone",
        "everyone", "nobody", "to", "with", "from", "on", "for", "and", "new", "old", "my",
        "your", "his", "her", "their", "our", "its", "is", "was", "by", "at", "in", "of", "via",
        "into", "onto", "connected", "disconnected", "paired", "unpaired", "found", "discovered",
        "added", "removed", "restored", "updated", "trusted", "erased", "named", "renamed",
        # build hosts named like a Mac's: "Jenkins-Mac-mini", "Builds-MBP"
        "jenkin", "build", "team", "lab", "tool", "job", "runner", "dev", "doc", "ops", "qa",
        # a PC named for its place, use or maker: "HOME-PC", "GAMING-PC", "DELL-LAPTOP"
        "home", "media", "main", "spare", "shared", "public", "backup", "kiosk", "reception",
        "student", "teacher", "server", "desktop", "laptop", "notebook", "virtual", "vm", "win",
        "windows", "hp", "dell", "acer", "asus", "lenovo", "toshiba", "sony", "msi", "surface",
        "thinkpad", "ibm", "administrator", "pc", "x86", "i386", "i686", "amd64", "unknown",
    }
)  # fmt: skip


def _owner_names(text: str) -> Iterator[Span]:
    for anchor in _OWNED_DEVICES:
        for at in _anchors.starts(text, anchor):
            owned = text[at - 3 : at] in ("'s ", "’s ") or text[at - 1 : at] == "-"
            before = _OWNER_BEFORE.search(text, max(0, at - 64), at) if owned else None
            if before is not None:
                yield from _owner(before, 1 if before.group(1) is not None else 2)
            after = _OWNER_AFTER.match(text, at + anchor.width)
            if after is not None and text[at : at + 1] in ("i", "M", "A", "H", "K"):
                yield from _owner(after, 1 if after.group(1) is not None else 2)


# A Mac's host name without "MacBook" in it: macOS names a Mac mini or Studio "Olgas-Mac-mini",
# and people shorten theirs to "Olgas-MBP". "Mac" alone is also a build host's word
# ("ci-mac-01"), so here the owner's name must be capitalized as macOS writes it.
_MAC_HOSTS = _anchors.words(("s-mac", "s-mbp", "s-mba"))
_MAC_HOST_OWNER = re.compile(
    r"([A-Z][a-z]{1,29})-?s-(?:Mac(?:-mini|-Studio|-Pro)?|MBP|MBA)(?:-\d{1,3})?"
    r"(?![\w-])(?!\.(?!(?:local|lan|home|localdomain|fritz\.box)\b))"  # a host, not Docs-Mac.pdf
)
# In lower case (as DHCP and mDNS often pass a host name on), only with the local domain that
# makes it a machine's name on a home network: "bobs-mac-mini.local".
_LOWER_MAC_HOST_OWNER = re.compile(
    r"([a-z]{2,29})-?s-(?:mac(?:-mini|-studio|-pro)?|mbp|mba)(?:-\d{1,3})?"
    r"\.(?:local|lan|home|localdomain|fritz\.box)\b"
)


def _mac_host_owners(text: str) -> Iterator[Span]:
    for anchor in _MAC_HOSTS:
        for at in _anchors.starts(text, anchor):
            name_end = at - 1 if text[at - 1 : at] == "-" else at
            start = _host_word_start(text, name_end)
            if start is None:
                continue  # inside a longer name: "ci-Bobs-Mac"
            found = _MAC_HOST_OWNER.match(text, start) or _LOWER_MAC_HOST_OWNER.match(text, start)
            if found is not None and found.end(1) == name_end:
                yield from _owner(found, 1)


# A PC's host name made from its user's, as Windows 7 named one and people still do: "OLGA-PC",
# "JUMA-LAPTOP", "olgas-laptop.local". In capitals as NetBIOS writes it or capitalized; in
# lower case only with a home network's domain. A target triple's "x86_64-pc-linux-gnu" and
# "Computer: HOME-PC" stay.
_PC_HOSTS = _anchors.words(("-pc", "-laptop", "-notebook"))
_PC_HOST_OWNER = re.compile(
    r"([A-Z]{2,15}|[A-Z][a-z]{1,29}|[a-z]{2,29}(?=-(?i:pc|laptop|notebook)(?:-\d{1,3})?"
    r"\.(?:local|lan|home|localdomain|fritz\.box)\b))-(?i:pc|laptop|notebook)(?:-\d{1,3})?"
    r"(?![\w-])(?!\.(?!(?:local|lan|home|localdomain|fritz\.box)\b|[\w-]{1,63}\.[A-Za-z]))"
)  # a host, maybe with its domain (OLGA-PC.corp.example), not a file (olga-pc.txt)


def _host_word_start(text: str, end: int) -> int | None:
    """Where the host name's first word, ending at ``end``, starts; None when it is not the
    first (a letter, a digit, "_", "." or "-" before it)."""
    start = end
    while start > 0 and end - start < 30 and text[start - 1].isalpha():
        start -= 1
    if start and (text[start - 1].isalnum() or text[start - 1] in "_.-"):
        return None
    return start


def _pc_host_owners(text: str) -> Iterator[Span]:
    for anchor in _PC_HOSTS:
        for at in _anchors.starts(text, anchor):
            start = _host_word_start(text, at)
            if start is None:
                continue  # inside a longer name: "x86_64-pc-linux-gnu", "ci-olga-pc"
            found = _PC_HOST_OWNER.match(text, start)
            if (
                found is not None
                and found.end(1) == at
                and not found.group(1).lower().endswith("ing")
            ):
                yield from _owner(found, 1)


def _owner(found: re.Match[str], group: int) -> Iterator[Span]:
    """The owner's name in ``found``'s ``group``, unless it names no one; of two words, the
    first goes only when it is capitalized too and no word of a sentence ("Preparing")."""
    start, end = found.span(group)
    words = found.group(group).split(" ")
    if words[-1].lower() in _NOT_OWNERS:
        return
    first = words[0]
    if len(words) == 2 and (
        first.lower() in _NOT_OWNERS or not first[:1].isupper() or first.endswith("ing")
    ):
        start = end - len(words[1])
    yield Span(start, end, "name")


RULES: tuple[Rule, ...] = (
    FinderRule("imei", 72, _imeis),
    FinderRule("device-id", 128, each_of(_device_ids, _sim_and_udids, _machine_ids)),
    FinderRule("windows-sid", 64, _windows_sids),
    FinderRule("device-owner", 128, each_of(_owner_names, _mac_host_owners, _pc_host_owners)),
)
