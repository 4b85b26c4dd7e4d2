"""IP and MAC addresses: public ones found, without their ports; the rest and versions kept."""

from __future__ import annotations

import pytest
from _found import found

from supportkit.redaction import Redactor


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("client 81.2.69.160 connected", "81.2.69.160"),
        ("peer=203.0.113.7:443", "203.0.113.7"),
        ("[23.45.67.89]", "23.45.67.89"),
        ("from 198.51.100.1.", "198.51.100.1"),
        ("addr:203.0.113.9 up", "203.0.113.9"),
        ("GET /hosts/81.2.69.142 HTTP/1.1", "81.2.69.142"),
        ("lookup hosts/81.2.69.142 failed", "81.2.69.142"),
        ("http://203.0.113.7/status", "203.0.113.7"),
        ("connected to edge 203.0.113.5", "203.0.113.5"),
        ("firefox 203.1.113.5", "203.1.113.5"),
        ("connect from 203.0.113.5 (root)", "203.0.113.5"),
        ("host: 81.2.69.160 driver loaded", "81.2.69.160"),
        ("server 9.0.58.0", "9.0.58.0"),
        ("client=81.2.69.160; flash ok", "81.2.69.160"),
        ("build host 81.2.69.160", "81.2.69.160"),
    ],
)
def test_public_ipv4_is_found_without_its_port(text: str, value: str) -> None:
    """Public and documentation IPv4 addresses are found; the port stays."""
    assert found("ipv4", text) == [value]


def test_both_ends_of_an_address_range_are_found() -> None:
    """A range written with a dash is two addresses, not an address and a version suffix."""
    text = "allow 203.0.113.1-203.0.113.254 and 81.2.69.1-81.2.69.9"
    assert found("ipv4", text) == ["203.0.113.1", "203.0.113.254", "81.2.69.1", "81.2.69.9"]


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "10.1.2.3", "172.16.5.4", "172.31.255.255", "192.168.1.10", "169.254.1.1",
        "100.64.0.1", "0.0.0.0", "224.0.0.251", "255.255.255.255", "192.0.0.8", "198.18.0.1",
    ],
)  # fmt: skip
def test_non_public_ipv4_is_kept(address: str) -> None:
    """Loopback, private, link-local, shared, multicast and reserved addresses stay."""
    assert found("ipv4", f"bind {address}:8080") == []


def test_public_dns_resolvers_are_kept() -> None:
    """The resolvers everyone uses are a service's addresses, and what a network problem is
    often about; an address next to one is still someone's."""
    text = "DNS Servers: 8.8.8.8, 1.1.1.1, 9.9.9.9, 2606:4700:4700::1111; client 8.8.8.9"
    assert found("ipv4", text) == ["8.8.8.9"]
    assert found("ipv6", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "version 1.2.3.4",
        "v8.8.8.8",
        "release=23.4.5.6",
        "ver. 23.4.5.6 and firmware 81.2.69.160",
        "1.2.3.4.5 is a version",
        "999.1.1.1",
        "01.02.03.04",
        "chrome/131.0.6778.85",
        "a8.8.8.8",
        "build-23.4.5.6",
        "Unpacking ruby-actionview (2:6.1.7.10+dfsg-1~deb12u4) ...",
        "imagemagick-6.q16:amd64 8:6.9.11.60+dfsg-1.6+deb12u16",
        "alsa-topology-conf:all <none> 1.2.5.1-2",
        "tool 23.4.5.6~rc1",
        "package: Package_for_KB3121255~31bf3856ad364e35~amd64~~6.1.1.1, ApplicableState: 112",
        '"dependencies": {"left-pad": "~23.4.5.6"}',
        "requires foo>=23.4.5.6, bar ~= 23.4.5.6 and baz==23.4.5.6",
        '"pkg": "^23.4.5.6"',
        "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0",
        "(KHTML, like Gecko) HeadlessChrome/119.0.0.0 Safari/537.36 OPR/104.0.0.0",
        "MyApp/2.1.0.3 (build 55)",
        "browser: Chrome 120.0.0.0",
        "Browser: Firefox 128.0.3.1 (64-bit)",
        "Microsoft Edge 120.0.0.0",
        "Java 11.0.14.1 (build 11.0.14.1+1), OpenJDK 17.0.9.1, Windows 10.0.19045.3803",
        "artifact 1.0.0.0-main-20220531-1 and 2.1.3.7-SNAPSHOT",
        '{"app":"audit","version":"21.0.3.1"} Nextcloud 21.0.3.1, "version": "81.2.69.160"',
        "SerializationVersion: 1.1.0.1; FileVersion = 10.2.19041.1",
        "INFO [main] VersionLoggerListener.log Server version number: 9.0.58.0",
        "Version No.: 23.4.5.6, version nr 23.4.5.6",
        "mysqld 8.0.15.1 starting",
        "JavaScript\tV8 3.8.9.13 and Flash\t11.5.31.5",
        "Broadcom driver 6.30.223.141, AMD driver: 23.9.1.1, BIOS 1.2.3.4, Build 4.4.11.1",
        "wlan0: Broadcom BCM4357 802.11 Hybrid Wireless Controller 6.30.223.141 (r415941)",
    ],
)
def test_ipv4_look_alike_is_kept(text: str) -> None:
    """Versions (of packages, products in a User-Agent, browsers), out-of-range octets and
    zero-padded numbers are not addresses."""
    assert found("ipv4", text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("dns 2a00:1450:4001:82b::200e ok", "2a00:1450:4001:82b::200e"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        (
            "full 2001:0db8:85a3:0000:0000:8a2e:0370:7334.",
            "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
        ),
        ("mapped ::ffff:8.8.4.4", "::ffff:8.8.4.4"),
    ],
)
def test_public_ipv6_is_found(text: str, value: str) -> None:
    """Global unicast and documentation IPv6 addresses (and mapped public IPv4) are found."""
    assert found("ipv6", text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "::1", "fe80::1%eth0", "fd00::1", "ff02::1", "::", "::ffff:10.0.0.1",
        "std::vector<int>", "Foo::Bar::baz", "14:03:05", "aa:bb:cc:dd:ee:ff",
    ],
)  # fmt: skip
def test_ipv6_look_alike_is_kept(text: str) -> None:
    """Loopback, link-local, unique-local, multicast, C++ scopes and clock times stay."""
    assert found("ipv6", f"at {text} done") == []


@pytest.mark.parametrize(
    "mac", ["aa:bb:cc:dd:ee:ff", "AA-BB-CC-DD-EE-0F", "aabb.ccdd.eeff", "00:1A:2b:3C:4d:5E"]
)
def test_mac_is_found(mac: str) -> None:
    """MAC addresses in colon, dash and dotted forms are found."""
    assert found("mac", f"link/ether {mac} brd") == [mac]


@pytest.mark.parametrize(
    "text",
    [
        "00:00:00:00:00:00",
        "ff:ff:ff:ff:ff:ff",
        "14:03:05.123",
        "2026-11-23",
        "6f1c2a9e-1234-4bf9-8a2e-123456789012",
        "2024.1105.1234",
        "fe80:aa:bb:cc:dd:ee:ff",
        "hh:hh:hh:hh:hh:hh",
        "aa:bb:cc-dd-ee-ff",
        "fe80::74:d8:3e:da:65:55",
        "abc12:34:56:78:9a:bc",
        "x74:d8:3e:da:65:55:66",
        "time 12:34:56:78:90:12:00",
    ],
)
def test_mac_look_alike_is_kept(text: str) -> None:
    """Null and broadcast MACs, times, dates, UUIDs and dotted numbers stay."""
    assert found("mac", f"value {text} end") == []


@pytest.mark.parametrize(
    ("text", "macs"),
    [
        ("Bluetooth#Bluetooth74:d8:3e:da:65:55-00:21:3c:a2:bd:95:",
         ["74:d8:3e:da:65:55", "00:21:3c:a2:bd:95"]),
        ("Device 74:d8:3e:da:65:55: connected", ["74:d8:3e:da:65:55"]),
    ],
)  # fmt: skip
def test_colon_separated_mac_is_found_glued_to_a_label(text: str, macs: list[str]) -> None:
    """Six colon-separated octets are an address even glued to a label's word, after another
    address and a dash, or before a colon that ends a label."""
    assert found("mac", text) == macs


@pytest.mark.parametrize(
    ("text", "macs"),
    [
        (
            "[UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:65:43:21:08:00 SRC=10.0.0.9",
            ["52:54:00:12:34:56", "52:54:00:65:43:21"],
        ),
        (
            "IN=eth0 MAC=ff:ff:ff:ff:ff:ff:52:54:00:65:43:21:08:06 SRC=10.0.0.1",
            ["52:54:00:65:43:21"],
        ),
        ("IN=lo MAC=00:00:00:00:00:00:00:00:00:00:00:00:08:00 SRC=127.0.0.1", []),
    ],
)
def test_both_addresses_of_a_logged_frame_header_are_found(text: str, macs: list[str]) -> None:
    """A firewall's MAC= field holds the destination's and the source's addresses, then the
    frame's type; broadcast and all-zero addresses stay."""
    assert found("mac", text) == macs


@pytest.mark.parametrize(
    ("text", "macs"),
    [
        ("MAC address: 001A2B3C4D5E", ["001A2B3C4D5E"]),
        ('{"macAddress": "3c22fb123456", "mac_address": "3c22fb654321"}',
         ["3c22fb123456", "3c22fb654321"]),
        ("wlan0 hwaddr=3c22fb123456 up", ["3c22fb123456"]),
        # elsewhere twelve hex digits are an id, a hash's slice or another word's
        ("hash 001a2b3c4d5e9f; mac build 001a2b3c4d5e; mac: ffffffffffff", []),
        ("macos 001a2b3c4d5e; id 3c22fb123456", []),
    ],
)  # fmt: skip
def test_mac_without_separators_is_found_after_its_name(text: str, macs: list[str]) -> None:
    assert found("mac", text) == macs


@pytest.mark.parametrize(
    ("text", "macs"),
    [
        ("bluetoothd: /org/bluez/hci0/dev_3C_22_FB_12_34_56: connected", ["3C_22_FB_12_34_56"]),
        ("transport /org/bluez/hci0/dev_3c_22_fb_12_34_56/fd0", ["3c_22_fb_12_34_56"]),
        ("dev_3C_22_FB_12_34_5678 dev_name_is_here prev_3C_22", []),
    ],
)
def test_bluetooth_addresses_in_bluez_object_paths_are_found(text: str, macs: list[str]) -> None:
    """BlueZ writes a device's address into its D-Bus path with "_" for ":"."""
    assert found("mac", text) == macs


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("connect from c-73-15-22-8.hsd1.ca.comcast.net[x]", ["73-15-22-8"]),
        ("Received: from pc (c-73-15-22-10.hsd1.ca.comcast.net. [x])", ["73-15-22-10"]),
        ("ftpd: connection from 24-54-76-216.bflony.adelphia.net", ["24-54-76-216"]),
        ("rhost=203-0-113-77.static.example.net", ["203-0-113-77"]),
        ("from 173-10-140-217-BusName-sfba.ca.comcastbusiness.net[x]", ["173-10-140-217"]),
        ("from 81-2-69-160-static.isp.example.net", ["81-2-69-160"]),
        ("host ip-10-0-1-5.ec2.internal; 1-2-3-4.tar.gz; id 11-22-33-44-55.example.com", []),
        ("app-1-2-3-4-rc1.tar.gz and iso-8859-1-foo.example.com and 10-0-0-5-db.internal", []),
        ("dslb-088-065-123-045.088.065.pools.vodafone-ip.de", ["088-065-123-045"]),
        ("I:J18-U11 2005-06-04-00.24.32.43219 and 1-2-3-4.5.tar.gz", []),
        ("sshd: rhost=061092085098.ctinets.com", ["061092085098"]),
        ("rhost=n219076184117.netvigator.com", ["219076184117"]),
        ("connect from ppp089210113205.access.hol.gr[x]", ["089210113205"]),
        ("from host-061092085098.dyn.example.net", ["061092085098"]),
        ("010000000001.example.com 1061092085098.example.com x.061092085098.example.com", []),
        ("201801011200.tar.gz 061092085098.log abcdefghijk061092085098.example.net", []),
        ("111122223133.dkr.ecr.us-east-1.amazonaws.com", []),
        ("https://111122223133.signin.aws.amazon.com/console", []),
        # the address's four bytes in hexadecimal, after a letter or a few
        ("Received: from p5DDC1234.dip0.t-ipconnect.de ([x])", ["5DDC1234"]),
        ("connect from pD9E1A2B3.dip0.t-ipconnect.de[x]", ["D9E1A2B3"]),
        ("rhost=ool-4353a1b2.dyn.optonline.net", ["4353a1b2"]),
        ("from ip5f5a6b7c.dynamic.kabel-deutschland.de", ["5f5a6b7c"]),
        ("x4d0a1b2c.dyn.telefonica.de user=ana", ["4d0a1b2c"]),
        ("ip-0a000001.ec2.internal web-6f7d8c9b.default.svc.cluster.local", []),
        ("v1.2.3-14-g1a2b3c4d.dirty deadbeef.example.com p12345678.example.com", []),
        ("build-5ddc1234.example.com p5DDC1234.tar.gz p5dDC1234.example.com", []),
        ("ab5ddc1234.example.com p5DDC1234ab.example.com", []),
        # after a letter that is a hexadecimal digit too, with an ISP's word in the domain
        ("sshd: rhost=c51471f2c.cable.wanadoo.nl  user=root", ["51471f2c"]),
        ("deadbeef1.example.com abcdef012.cdn.example.com c51471f2c.example.com", []),
    ],
)
def test_address_in_an_isps_host_name_is_found(text: str, addresses: list[str]) -> None:
    """An ISP names a customer's address after it; private addresses, versions and longer runs
    of numbers stay."""
    assert found("ipv4", text) == addresses


def test_an_isps_host_name_shares_its_addresss_placeholder() -> None:
    """Written with zero-padded octets, in one run or in hexadecimal, it is the address beside
    it."""
    text = (
        "connect from HSI-KBW-046-223-101-002.hsi.kabel-badenwuerttemberg.de[46.223.101.2]\n"
        "sshd: rhost=061092085098.ctinets.com (61.92.85.98)\n"
        "Received: from p5DDC1234.dip0.t-ipconnect.de ([93.220.18.52])"
    )
    assert Redactor().text(text, artifact="a") == (
        "connect from HSI-KBW-<ipv4-1>.hsi.kabel-badenwuerttemberg.de[<ipv4-1>]\n"
        "sshd: rhost=<ipv4-2>.ctinets.com (<ipv4-2>)\n"
        "Received: from p<ipv4-3>.dip0.t-ipconnect.de ([<ipv4-3>])"
    )
