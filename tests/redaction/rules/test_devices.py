"""Device identifiers: IMEI numbers (after the word IMEI, check digit verified), advertising
ids and Android ids (after their names); the same shapes elsewhere are kept. And the owner's
name in a device's name."""

from __future__ import annotations

import pytest
from _found import found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("device_id=abc imei=356938035643809 serial=C02X", "356938035643809"),
        ("IMEI: 35-209900-176148-1", "35-209900-176148-1"),
        ("IMEI 35 209900 176148 1 (slot 1)", "35 209900 176148 1"),
        ('{"imei": "490154203237518"}', "490154203237518"),
        ("IMEISV: 3569380356438091", "3569380356438091"),
    ],
)
def test_imei_is_found(text: str, value: str) -> None:
    assert found("imei", text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "imei=356938035643808",  # the check digit does not hold
        "imei unavailable; build 356938035643809",  # no number right after the word
        "ts_us=356938035643809 id 490154203237518",  # no keyword
        "imei=3569380356",  # too short
    ],
)
def test_imei_look_alike_is_kept(text: str) -> None:
    assert found("imei", text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Advertising ID: 38400000-8cf0-11bd-b23e-10b96e40000d",
            "38400000-8cf0-11bd-b23e-10b96e40000d",
        ),
        ("IDFA 6D92078A-8246-4BA4-AE5B-76104861E7DC", "6D92078A-8246-4BA4-AE5B-76104861E7DC"),
        ("Provisioning UDID: 00008103-001A2B3C4D5E6F7A", "00008103-001A2B3C4D5E6F7A"),
        (
            "udid=2b6f0cc904d137be2e1730235f5664094b831186",
            "2b6f0cc904d137be2e1730235f5664094b831186",
        ),
        ("IMSI 310150123456789 attached", "310150123456789"),
        ('"iccid": "89014103211118510720F"', "89014103211118510720F"),
        (
            '{"gaid": "38400000-8cf0-11bd-b23e-10b96e40000d"}',
            "38400000-8cf0-11bd-b23e-10b96e40000d",
        ),
        ("android_id=9774d56d682e549c", "9774d56d682e549c"),
        ('"idfv":"6D92078A-8246-4BA4-AE5B-76104861E7DC"', "6D92078A-8246-4BA4-AE5B-76104861E7DC"),
        (
            "identifierForVendor: 6D92078A-8246-4BA4-AE5B-76104861E7DC",
            "6D92078A-8246-4BA4-AE5B-76104861E7DC",
        ),
        (
            '"storeInfo" : {"deviceIdentifierForVendor":"7507F017-DDD6-5FDF-B711-BDBB2B3F58A9",',
            "7507F017-DDD6-5FDF-B711-BDBB2B3F58A9",
        ),
        (
            "deviceAdvertisingId=38400000-8cf0-11bd-b23e-10b96e40000d",
            "38400000-8cf0-11bd-b23e-10b96e40000d",
        ),
    ],
)
def test_advertising_and_android_ids_are_found(text: str, value: str) -> None:
    assert found("device-id", text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "idfa=00000000-0000-0000-0000-000000000000",  # ad tracking limited: no one's
        "request_id=38400000-8cf0-11bd-b23e-10b96e40000d",
        "android 14 build 9774d56d682e549c",
        "advertising campaign 38400000-8cf0-11bd-b23e-10b96e40000d",
        "imsi: 12; udid: 1234; pseudid: 00008103-001A2B3C4D5E6F7A",
        "pseudoIdfa=38400000-8cf0-11bd-b23e-10b96e40000d",
        "Serial Number (system): C02XL0GSJGH5",  # support needs it for warranty
    ],
)
def test_ids_without_a_device_ids_name_are_kept(text: str) -> None:
    assert found("device-id", text) == []


_GUID = "1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("   Machine ID: 5c1f0a3e9d2b4c7a8e6f1d0b3a2c4e5f", "5c1f0a3e9d2b4c7a8e6f1d0b3a2c4e5f"),
        ("    _MACHINE_ID=5c1f0a3e9d2b4c7a8e6f1d0b3a2c4e5f", "5c1f0a3e9d2b4c7a8e6f1d0b3a2c4e5f"),
        ("machine-id: 5C1F0A3E9D2B4C7A8E6F1D0B3A2C4E5F", "5C1F0A3E9D2B4C7A8E6F1D0B3A2C4E5F"),
        (f"    MachineGuid    REG_SZ    {_GUID}", _GUID),
        (f'"MachineGuid"="{_GUID}"', _GUID),
        (f"machine_id={{{_GUID}}} boot ok", f"{{{_GUID}}}"),
        ('"common.machineId": "' + "ab" * 32 + '"', "ab" * 32),
        (f'    |   "IOPlatformUUID" = "{_GUID.upper()}"', _GUID.upper()),
        (f"      Hardware UUID: {_GUID.upper()}", _GUID.upper()),
        (f"telemetry: deviceId={_GUID}", _GUID),
        (f'"common.devDeviceId": "{_GUID}"', _GUID),
        (f"Device ID\t{_GUID.upper()}", _GUID.upper()),
        # a Mac's crash and panic reports name the machine by an id of their own
        ('"crashReporterKey" : "' + "b2c3" * 10 + '",', "b2c3" * 10),
        (f"Anonymous UUID:       {_GUID.upper()}", _GUID.upper()),
        # an iPhone's, in a text report: the device's key and its TestFlight id
        ("CrashReporter Key:   " + "0a1b" * 10, "0a1b" * 10),
        (f"Beta Identifier:     {_GUID.upper()}", _GUID.upper()),
        ('"device_id": "f07a13984f6d116a"', "f07a13984f6d116a"),  # an Android id
    ],
)
def test_machine_ids_after_their_names_are_found(text: str, value: str) -> None:
    """A machine's own id follows it, and its owner, from one log to the next, as an
    advertising id does: systemd's and D-Bus's machine id, Windows' MachineGuid, a Mac's
    hardware UUID, and the device ids apps make for telemetry."""
    assert found("device-id", text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "   Boot ID: 5c1f0a3e9d2b4c7a8e6f1d0b3a2c4e5f",  # a boot's, not the machine's
        f"request_id={_GUID} machine=x86_64",
        "machine id: 00000000-0000-0000-0000-000000000000",
        "device_id=0 device id 0x10de vendor",  # a GPU's model, a bus's number
        f"virtualmachineid={_GUID}",  # inside another word
        "machine_id=5c1f0a3e9d2b4c7a8e6f1d0b3a2c4e5",  # 31 digits: no id of these kinds
        f"Incident Identifier: {_GUID.upper()}\nBeta Identifier: none",  # the crash's own id
        "device_id=f07a13984f6d116 device_id=f07a13984f6d116a9",  # 15 and 17 digits
    ],
)
def test_ids_without_a_machine_ids_name_are_kept(text: str) -> None:
    assert found("device-id", text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "User SID: S-1-5-21-3623811015-3361044348-30300820-1013",
            ["3623811015-3361044348-30300820"],
        ),
        (
            r"HKEY_USERS\S-1-5-21-1004336348-1177238915-682003330-512_Classes",
            ["1004336348-1177238915-682003330"],
        ),
        ("C:\\$Recycle.Bin\\S-1-5-21-1-2-3-1001\\x", ["1-2-3"]),
        ("domain S-1-5-21-3623811015-3361044348-30300820.", ["3623811015-3361044348-30300820"]),
        (
            "owner S-1-12-1-1234567890-1234567891-1234567892-1234567893 (Azure AD)",
            ["1234567890-1234567891-1234567892-1234567893"],
        ),
    ],
)
def test_a_windows_sids_machine_or_tenant_part_is_found(text: str, values: list[str]) -> None:
    """The three numbers after S-1-5-21 are one machine's or one domain's, and with the
    account's number after them name one person; that number itself (500 is the
    Administrator, 512 Domain Admins) is what support reads, and stays. An Entra ID user's
    SID is the user's object id, and goes whole."""
    assert found("windows-sid", text) == values


@pytest.mark.parametrize(
    "text",
    [
        "S-1-5-18 S-1-5-32-544 S-1-1-0 S-1-5-19",  # well-known: the same on every machine
        "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464",  # a service's, hashed
        "XS-1-5-21-1-2-3-1001",  # inside another word
        "S-1-5-21-1-2",  # too few parts
    ],
)
def test_well_known_and_partial_sids_are_kept(text: str) -> None:
    assert found("windows-sid", text) == []


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ('wifi: joined "Olga\'s iPhone" (bssid 3c:22:fb:12:34:56)', "Olga"),
        ("Bluetooth: paired with Olga Petrova’s AirPods Pro", "Olga Petrova"),
        ("Xcode: Preparing Thomas’s iPhone for development", "Thomas"),
        ("Connected To José's iPad", "José"),
        ("mDNS: Olgas-MacBook-Pro.local has address 192.168.1.20", "Olga"),
        ("DHCPACK on 192.168.1.21 to 3c:22:fb:12:34:57 (olgas-macbook) via eth0", "olga"),
        ("hostname: Olga-s-MacBook-Air", "Olga"),
        ('AirDrop: discovered "iPhone de Olga"', "Olga"),
        ("Handoff: iPad von Jürgen", "Jürgen"),
        ("sync: iPhone d’Anne done", "Anne"),
        ("Send to Kindle: Olga's Kindle", "Olga"),
        ("Find AirPods Pro von Philip - Find My Model airpodspro Disconnected", "Philip"),
        ("Handoff: MacBook Air de Olga", "Olga"),
        ("AirDrop: iPad mini d’Anne", "Anne"),
        ("Bluetooth: Apple Watch Ultra von Jürgen connected", "Jürgen"),
        # a Mac's host name without "MacBook": macOS's for a mini or a Studio, or shortened
        ("mDNS: Bobs-Mac-mini.local has address 192.168.1.20", "Bob"),
        ("ana@Anas-Mac ~ % ls", "Ana"),
        ("DHCPACK to 3c:22:fb:12:34:57 (Olga-s-Mac-Studio-2)", "Olga"),
        ("ssh-keygen -C Johns-MBP", "John"),
        ("Bonjour: Marias-MBA.lan", "Maria"),
        # in lower case, with the home network's domain that makes it a machine's name
        ("mDNS: bobs-mac-mini.local has address 192.168.1.20", "bob"),
        ("DHCPREQUEST for 192.168.1.7 from anas-mbp.lan", "ana"),
        # a PC named for its user, as Windows 7 did: in capitals, capitalized, or on a home
        # network in lower case
        ("Computer Name: OLGA-PC", "OLGA"),
        (r"net use \\JUMA-LAPTOP\share", "JUMA"),
        ("Thomas-PC joined the domain", "Thomas"),
        ("Workstation: OLGA-PC.corp.example.com", "OLGA"),
        ("DHCPACK to 192.168.1.9 (olgas-laptop.local)", "olgas"),
    ],
)
def test_owner_in_a_device_name_is_found(text: str, owner: str) -> None:
    assert found("device-owner", text) == [owner]


@pytest.mark.parametrize(
    "text",
    [
        "Apple's iPhone 15 lineup; the user's iPhone; Amazon's Kindle store",
        "iPhone 15 Pro (iOS 18.1), MacBook Pro 14-inch, iPad de test, Kindle Paperwhite",
        "ci-runners-macbook-pool; my iPhone; Samsung's Galaxy",
        "iPad Pro de test; AirPods Max von Apple",
        "ci-mac-01 builds-mac-mini Jobs-MacOS Bobs-Mac-minis Docs-Mac.pdf ci-Bobs-Mac Tests-MBP",
        "runner Jenkins-Mac-mini; Builds-Mac-Studio; bobs-mac-mini",
        "ci builds-mac-mini.local jenkins-mac.local docs-mac.pdf tests-mbp.local",
        "Computer: HOME-PC, GAMING-PC, DELL-LAPTOP, USER-PC, DESKTOP-7F3K2QX",
        "Target: x86_64-pc-linux-gnu, i686-pc-windows-msvc; ci-olga-pc",
        "buy a new-pc; the work-laptop; olga-pc.txt; olgas-laptop without a home domain",
    ],
)
def test_devices_without_an_owner_are_kept(text: str) -> None:
    assert found("device-owner", text) == []
