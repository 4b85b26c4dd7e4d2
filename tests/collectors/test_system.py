"""The system collector: OS naming from raw platform data, and the real machine's facts."""

from __future__ import annotations

import os
import platform
import shutil
import sys
from datetime import datetime, timezone
from pathlib import Path

import psutil
import pytest

from supportkit.collectors import system
from supportkit.collectors._base import CaptureContext
from supportkit.collectors.system import (
    OsIdentity,
    SystemCollector,
    cpu_model_from_cpuinfo,
    linux_os,
    macos_os,
    parse_os_release,
    windows_os,
)
from supportkit.models import SystemInfo

UBUNTU = """\
PRETTY_NAME="Ubuntu 24.04.1 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.1 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
"""
DEBIAN = """\
PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
ID=debian
"""
FEDORA = """\
NAME="Fedora Linux"
VERSION="40 (Workstation Edition)"
ID=fedora
VERSION_ID=40
PRETTY_NAME="Fedora Linux 40 (Workstation Edition)"
# a comment, then a blank line

VARIANT="Workstation Edition"
"""
ALPINE = """\
NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.19.1
PRETTY_NAME="Alpine Linux v3.19"
HOME_URL="https://alpinelinux.org/"
"""
ARCH = """\
NAME="Arch Linux"
ID=arch
BUILD_ID=rolling
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (UBUNTU, OsIdentity("Ubuntu 24.04.1 LTS", "24.04")),
        (DEBIAN, OsIdentity("Debian GNU/Linux 12 (bookworm)", "12")),
        (FEDORA, OsIdentity("Fedora Linux 40 (Workstation Edition)", "40")),
        (ALPINE, OsIdentity("Alpine Linux v3.19", "3.19.1")),
        (ARCH, OsIdentity("Arch Linux", None, "rolling")),
        ('NAME="Gentoo"\nVERSION="2.15"\n', OsIdentity("Gentoo 2.15")),
        ("", OsIdentity("Linux")),
    ],
    ids=["ubuntu", "debian", "fedora", "alpine", "arch-no-version", "no-pretty-name", "empty"],
)
def test_linux_os_names_distribution_like_a_person(text: str, expected: OsIdentity) -> None:
    """A distribution is named by PRETTY_NAME, its version by VERSION_ID."""
    assert linux_os(parse_os_release(text)) == expected


def test_linux_os_without_os_release_says_linux() -> None:
    """With no os-release file at all the name is plain 'Linux'."""
    assert linux_os(None) == OsIdentity("Linux")


def test_parse_os_release_undoes_shell_quoting() -> None:
    """Double, single and escaped quotes are read the way the shell would."""
    text = 'A="one two"\nB=\'three\'\nC="say \\"hi\\""\nD=plain\n#E=comment\nnot a pair\n'
    assert parse_os_release(text) == {"A": "one two", "B": "three", "C": 'say "hi"', "D": "plain"}


def test_parse_os_release_keeps_a_value_with_unbalanced_quotes() -> None:
    """A malformed value is kept rather than dropping the whole file."""
    assert parse_os_release('PRETTY_NAME="Broken Linux\n') == {"PRETTY_NAME": "Broken Linux"}


@pytest.mark.parametrize(
    ("mac_ver", "plist", "expected"),
    [
        (
            ("14.5", ("", "", ""), "arm64"),
            {"ProductVersion": "14.5", "ProductBuildVersion": "23F79"},
            OsIdentity("macOS 14.5", "14.5", "23F79"),
        ),
        (("13.6.7", ("", "", ""), "x86_64"), None, OsIdentity("macOS 13.6.7", "13.6.7")),
        (
            ("", ("", "", ""), ""),
            {"ProductVersion": "15.0", "ProductBuildVersion": "24A335"},
            OsIdentity("macOS 15.0", "15.0", "24A335"),
        ),
        (("", ("", "", ""), ""), None, OsIdentity("macOS")),
    ],
    ids=["sonoma-with-plist", "ventura-no-plist", "plist-only", "nothing-known"],
)
def test_macos_os_names_release_and_build(
    mac_ver: tuple[str, tuple[str, str, str], str],
    plist: dict[str, object] | None,
    expected: OsIdentity,
) -> None:
    """macOS is named 'macOS <version>' with the build from SystemVersion.plist."""
    assert macos_os(mac_ver, plist) == expected


WINDOWS_10_22H2 = {
    "ProductName": "Windows 10 Pro",
    "DisplayVersion": "22H2",
    "ReleaseId": "2009",
    "CurrentBuild": "19045",
    "CurrentBuildNumber": "19045",
    "UBR": 4529,
}
# Windows 11 still calls itself "Windows 10" in ProductName.
WINDOWS_11_23H2 = {
    "ProductName": "Windows 10 Pro",
    "DisplayVersion": "23H2",
    "ReleaseId": "2009",
    "CurrentBuild": "22631",
    "UBR": 3880,
}
WINDOWS_10_1909 = {"ProductName": "Windows 10 Home", "ReleaseId": "1909", "CurrentBuild": "18363"}
WINDOWS_SERVER_2022 = {
    "ProductName": "Windows Server 2022 Datacenter",
    "DisplayVersion": "21H2",
    "CurrentBuild": "20348",
    "UBR": 2582,
}
WINDOWS_8_1 = {"ProductName": "Windows 8.1 Pro", "CurrentBuild": "9600", "UBR": 20778}


@pytest.mark.parametrize(
    ("values", "fallback", "expected"),
    [
        (WINDOWS_10_22H2, "", OsIdentity("Windows 10 22H2", "22H2", "19045.4529")),
        (WINDOWS_11_23H2, "", OsIdentity("Windows 11 23H2", "23H2", "22631.3880")),
        (WINDOWS_10_1909, "", OsIdentity("Windows 10 1909", "1909", "18363")),
        (
            WINDOWS_SERVER_2022,
            "",
            OsIdentity("Windows Server 2022 Datacenter 21H2", "21H2", "20348.2582"),
        ),
        (WINDOWS_8_1, "", OsIdentity("Windows 8.1 Pro", None, "9600.20778")),
        ({}, "10.0.22631", OsIdentity("Windows 11", None, "22631")),
        ({}, "", OsIdentity("Windows 10")),
    ],
    ids=["win10-22h2", "win11-23h2", "win10-1909", "server-2022", "win8.1", "no-registry", "none"],
)
def test_windows_os_names_release_by_build(
    values: dict[str, object], fallback: str, expected: OsIdentity
) -> None:
    """Windows is named by build number (22000+ is 11) and its DisplayVersion/ReleaseId."""
    assert windows_os(values, fallback) == expected


@pytest.mark.parametrize(
    ("cpuinfo", "expected"),
    [
        (
            "processor\t: 0\nvendor_id\t: GenuineIntel\n"
            "model name\t: Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz\n",
            "Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz",
        ),
        (
            "processor\t: 0\nBogoMIPS\t: 108.00\n\nModel\t\t: Raspberry Pi 4 Model B\n",
            "Raspberry Pi 4 Model B",
        ),
        ("processor\t: 0\nHardware\t: BCM2835\nModel\t: Raspberry Pi 4 Model B\n", "BCM2835"),
        ("processor\t: 0\nmodel name\t:\n", None),
        ("", None),
    ],
    ids=["x86", "arm-model", "arm-hardware", "empty-value", "empty"],
)
def test_cpu_model_from_cpuinfo(cpuinfo: str, expected: str | None) -> None:
    """The first processor's model name is taken, Arm's Hardware/Model line as a fallback."""
    assert cpu_model_from_cpuinfo(cpuinfo.splitlines(keepends=True)) == expected


@pytest.fixture(name="system_info")
def _system_info(ctx: CaptureContext) -> SystemInfo:
    """What the collector reports about this machine."""
    section = SystemCollector().collect(ctx)
    assert isinstance(section.data, SystemInfo)
    return section.data


def test_reports_this_machines_platform(system_info: SystemInfo) -> None:
    """Family, architecture and hostname are this machine's."""
    family = {"Darwin": "macOS"}.get(platform.system(), platform.system())
    assert system_info.os_family == family
    assert system_info.architecture == (platform.machine() or "unknown")
    assert system_info.hostname == (platform.node() or None)
    assert system_info.os_name


def test_reports_this_machines_resources(system_info: SystemInfo) -> None:
    """Memory, cores and disk figures are present and consistent with each other."""
    assert system_info.memory_total == psutil.virtual_memory().total
    assert system_info.memory_available is not None
    assert 0 < system_info.memory_available <= system_info.memory_total
    assert system_info.cpu_cores_logical == psutil.cpu_count(logical=True)
    assert system_info.disk_path is not None
    assert system_info.disk_total == shutil.disk_usage(system_info.disk_path).total
    assert system_info.disk_free is not None
    assert system_info.disk_free <= system_info.disk_total


def test_disk_path_is_the_home_volume_root(system_info: SystemInfo) -> None:
    """The disk figures name the volume holding the home folder, not the home folder."""
    assert system_info.disk_path is not None
    volume = Path(system_info.disk_path)
    assert os.path.ismount(volume)
    assert Path.home().resolve().is_relative_to(volume)


def test_reports_boot_time_and_uptime(system_info: SystemInfo) -> None:
    """Boot time is in the past, in UTC, and uptime agrees with it."""
    assert system_info.boot_time is not None
    assert system_info.uptime_seconds is not None
    now = datetime.now(timezone.utc)
    assert system_info.boot_time.tzinfo is not None
    assert system_info.boot_time < now
    elapsed = (now - system_info.boot_time).total_seconds()
    assert abs(elapsed - system_info.uptime_seconds) < 60


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the Linux os-release")
def test_linux_name_comes_from_the_first_readable_os_release(
    ctx: CaptureContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/etc/os-release is read, falling back to /usr/lib/os-release."""
    usr_lib = tmp_path / "usr-lib-os-release"
    usr_lib.write_text(FEDORA, encoding="utf-8")
    monkeypatch.setattr(system, "_OS_RELEASE_FILES", (tmp_path / "missing", usr_lib))
    info = SystemCollector().collect(ctx).data
    assert (info.os_name, info.os_version) == ("Fedora Linux 40 (Workstation Edition)", "40")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the Linux os-release")
def test_linux_without_os_release_is_still_named(
    ctx: CaptureContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A system with no os-release file is reported as 'Linux', not as a failure."""
    monkeypatch.setattr(system, "_OS_RELEASE_FILES", (tmp_path / "a", tmp_path / "b"))
    assert SystemCollector().collect(ctx).data.os_name == "Linux"


def _raise_access_denied(*args: object, **kwargs: object) -> object:
    raise psutil.AccessDenied(pid=1)


def _raise_permission_error(*args: object, **kwargs: object) -> object:
    raise PermissionError(13, "Permission denied")


@pytest.mark.parametrize(
    ("target", "replacement", "lost_fields"),
    [
        (
            (psutil, "virtual_memory"),
            _raise_access_denied,
            ("memory_total", "memory_available"),
        ),
        ((psutil, "boot_time"), _raise_permission_error, ("boot_time", "uptime_seconds")),
        ((shutil, "disk_usage"), _raise_permission_error, ("disk_path", "disk_total", "disk_free")),
        (
            (psutil, "cpu_count"),
            _raise_access_denied,
            ("cpu_cores_physical", "cpu_cores_logical"),
        ),
    ],
    ids=["memory", "boot-time", "disk", "cores"],
)
def test_a_failing_probe_costs_only_its_fields(
    ctx: CaptureContext,
    monkeypatch: pytest.MonkeyPatch,
    target: tuple[object, str],
    replacement: object,
    lost_fields: tuple[str, ...],
) -> None:
    """A denied probe leaves its fields None, adds a note, and the rest is still reported."""
    monkeypatch.setattr(*target, replacement)
    section = SystemCollector().collect(ctx)
    info = section.data
    assert all(getattr(info, name) is None for name in lost_fields)
    assert len(section.notes) >= 1
    assert info.os_name
    assert info.architecture
    others = {"memory_total", "boot_time", "cpu_cores_logical"} - set(lost_fields)
    assert all(getattr(info, name) is not None for name in others)


def test_a_bug_in_a_probe_is_not_hidden(
    ctx: CaptureContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only environmental errors are absorbed; a programming error still fails the collector."""

    def broken() -> object:
        raise TypeError("bug")

    monkeypatch.setattr(psutil, "virtual_memory", broken)
    with pytest.raises(TypeError, match="bug"):
        SystemCollector().collect(ctx)
