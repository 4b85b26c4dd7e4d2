"""The machine and its operating system, named the way the person filing the report would.

The naming logic lives in pure functions (:func:`linux_os`, :func:`macos_os`,
:func:`windows_os`) fed with the raw text and values each system provides, so every
platform's naming is tested on every platform.
"""

from __future__ import annotations

import os
import platform
import plistlib
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple, TypeVar

from supportkit.collectors._base import CaptureContext, Section
from supportkit.models import SystemInfo

__all__ = [
    "OsIdentity",
    "SystemCollector",
    "cpu_model_from_cpuinfo",
    "linux_os",
    "macos_os",
    "parse_os_release",
    "windows_os",
]

_T = TypeVar("_T")

_OS_RELEASE_FILES = (Path("/etc/os-release"), Path("/usr/lib/os-release"))
_MAC_VERSION_PLIST = Path("/System/Library/CoreServices/SystemVersion.plist")
_WINDOWS_VERSION_KEY = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion"
_WINDOWS_CPU_KEY = r"HARDWARE\DESCRIPTION\System\CentralProcessor\0"
_FIRST_WINDOWS_10_BUILD = 10240
_FIRST_WINDOWS_11_BUILD = 22000
_SUBPROCESS_TIMEOUT = 1.0


class OsIdentity(NamedTuple):
    """An operating system's name as people say it, with its version and build."""

    name: str
    version: str | None = None
    build: str | None = None


def parse_os_release(text: str) -> dict[str, str]:
    """The ``KEY=value`` pairs of an os-release file, with shell quoting undone."""
    fields: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, raw = line.strip().partition("=")
        if not sep or key.startswith("#") or not key.isidentifier():
            continue
        try:
            value = " ".join(shlex.split(raw))
        except ValueError:  # unbalanced quotes: keep what is there
            value = raw.strip("\"'")
        fields[key] = value
    return fields


def linux_os(os_release: Mapping[str, str] | None) -> OsIdentity:
    """Name a Linux distribution from its os-release fields (None when there are none)."""
    fields = os_release or {}
    version = fields.get("VERSION_ID") or None
    build = fields.get("BUILD_ID") or None
    name = fields.get("PRETTY_NAME")
    if not name:
        parts = [fields.get("NAME") or "Linux", fields.get("VERSION") or version or ""]
        name = " ".join(part for part in parts if part)
    return OsIdentity(name, version, build)


def macos_os(
    mac_ver: tuple[str, tuple[str, str, str], str], plist: Mapping[str, object] | None = None
) -> OsIdentity:
    """Name macOS from ``platform.mac_ver()`` and, where read, ``SystemVersion.plist``."""
    info = plist or {}
    version = mac_ver[0] or _text(info.get("ProductVersion"))
    build = _text(info.get("ProductBuildVersion"))
    name = f"macOS {version}" if version else "macOS"
    return OsIdentity(name, version, build)


def windows_os(values: Mapping[str, object], fallback_version: str = "") -> OsIdentity:
    """Name Windows from its ``CurrentVersion`` registry values, e.g. "Windows 11 23H2".

    ``ProductName`` still says "Windows 10" on Windows 11, so desktop releases are named
    by build number. ``fallback_version`` is ``platform.version()`` ("10.0.22631"), used
    when the registry could not be read.
    """
    build_number = _text(values.get("CurrentBuild")) or _text(values.get("CurrentBuildNumber"))
    if not build_number and fallback_version.count(".") >= 2:
        build_number = fallback_version.split(".")[2]
    release = _text(values.get("DisplayVersion")) or _text(values.get("ReleaseId"))
    family = _windows_family(_text(values.get("ProductName")) or "", build_number or "")
    name = f"{family} {release}" if release else family
    update = _text(values.get("UBR"))
    build = f"{build_number}.{update}" if build_number and update else build_number
    return OsIdentity(name, release, build)


def _windows_family(product: str, build_number: str) -> str:
    build = int(build_number) if build_number.isdigit() else 0
    if "Server" in product:  # "Windows Server 2022 Datacenter" is already right
        return product
    if build >= _FIRST_WINDOWS_11_BUILD:
        return "Windows 11"
    if build >= _FIRST_WINDOWS_10_BUILD or not product:
        return "Windows 10"
    return product  # Windows 8.1 and older name themselves correctly


def cpu_model_from_cpuinfo(lines: Iterable[str]) -> str | None:
    """The first processor's model from ``/proc/cpuinfo`` (x86 "model name", Arm "Model")."""
    fallback: str | None = None
    for line in lines:
        key, sep, value = line.partition(":")
        key = key.strip()
        if not sep or not value.strip():
            continue
        if key == "model name":
            return value.strip()
        if key in {"Model", "Hardware", "cpu model"} and fallback is None:
            fallback = value.strip()
    return fallback


class SystemCollector:
    """Reports the OS, CPU, memory, home volume and uptime; any probe that fails is left out."""

    name = "system"

    def collect(self, ctx: CaptureContext) -> Section:
        """Probe each fact on its own so one failure costs one field, noted in the section."""
        import psutil  # noqa: PLC0415  (loaded on first capture, not on import)

        notes: list[str] = []

        def attempt(what: str, probe: Callable[[], _T]) -> _T | None:
            try:
                return probe()
            except (OSError, ValueError, subprocess.SubprocessError, psutil.Error) as exc:
                notes.append(f"{what} unavailable: {type(exc).__name__}: {exc}")
                return None

        identity = _os_identity()
        memory = attempt("memory", psutil.virtual_memory)
        disk_path = attempt("disk", _home_volume)
        disk = attempt("disk", lambda: shutil.disk_usage(disk_path)) if disk_path else None
        boot = attempt("boot time", psutil.boot_time)
        info = SystemInfo(
            os_name=identity.name,
            os_family=_os_family(),
            os_version=identity.version,
            os_build=identity.build,
            kernel=_kernel(),
            architecture=platform.machine() or "unknown",
            hostname=platform.node() or None,
            cpu_model=attempt("cpu model", _cpu_model),
            cpu_cores_physical=attempt("cpu cores", lambda: psutil.cpu_count(logical=False)),
            cpu_cores_logical=attempt("cpu cores", lambda: psutil.cpu_count(logical=True)),
            memory_total=memory.total if memory else None,
            memory_available=memory.available if memory else None,
            disk_path=str(disk_path) if disk else None,
            disk_total=disk.total if disk else None,
            disk_free=disk.free if disk else None,
            boot_time=datetime.fromtimestamp(boot, tz=timezone.utc) if boot else None,
            uptime_seconds=max(0.0, time.time() - boot) if boot else None,
        )
        return Section(data=info, notes=notes)


def _os_family() -> str:
    system = platform.system()
    return {"Darwin": "macOS"}.get(system, system or sys.platform)


def _kernel() -> str | None:
    # On Windows platform.release() is the marketing number ("10"); the NT version says more.
    return (platform.version() if sys.platform == "win32" else platform.release()) or None


def _os_identity() -> OsIdentity:
    if sys.platform == "win32":
        return windows_os(_registry_values(_WINDOWS_VERSION_KEY), platform.version())
    if sys.platform == "darwin":
        return macos_os(platform.mac_ver(), _read_plist(_MAC_VERSION_PLIST))
    if sys.platform.startswith("linux"):
        return linux_os(_read_os_release())
    return OsIdentity(f"{platform.system()} {platform.release()}".strip(), platform.release())


def _read_os_release() -> dict[str, str] | None:
    for path in _OS_RELEASE_FILES:
        try:
            return parse_os_release(path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
    return None


def _read_plist(path: Path) -> dict[str, object] | None:
    try:
        with path.open("rb") as handle:
            data = plistlib.load(handle)
    except (OSError, ValueError, plistlib.InvalidFileException):
        return None
    return data if isinstance(data, dict) else None


def _cpu_model() -> str | None:
    model: str | None = None
    if sys.platform == "win32":
        model = _text(_registry_values(_WINDOWS_CPU_KEY).get("ProcessorNameString"))
    elif sys.platform == "darwin":
        model = _sysctl("machdep.cpu.brand_string")
    elif sys.platform.startswith("linux"):
        model = _linux_cpu_model()
    if not model:
        # Often just the architecture again, which says nothing new (and may run uname).
        fallback = platform.processor()
        model = fallback if fallback != platform.machine() else None
    return model.strip() if model else None


def _linux_cpu_model() -> str | None:
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as cpuinfo:
            return cpu_model_from_cpuinfo(cpuinfo)
    except OSError:  # no /proc in some sandboxes: platform.processor() may still know
        return None


def _sysctl(name: str) -> str | None:
    result = subprocess.run(
        ["/usr/sbin/sysctl", "-n", name],
        capture_output=True,
        text=True,
        timeout=_SUBPROCESS_TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        return None
    return result.stdout.strip() or None


def _home_volume() -> Path | None:
    """The root of the volume holding the home folder: says which disk without naming the user."""
    try:
        current = Path.home().resolve()
    except RuntimeError:  # no home folder can be determined for this user
        return None
    while not os.path.ismount(current) and current.parent != current:
        current = current.parent
    return current


def _registry_values(key_path: str) -> dict[str, object]:
    """The named values under ``HKEY_LOCAL_MACHINE\\key_path``; empty where unreadable."""
    if sys.platform != "win32":
        return {}
    import winreg  # noqa: PLC0415  (Windows only)

    values: dict[str, object] = {}
    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key_path) as key:
            index = 0
            while True:
                try:
                    name, value, _kind = winreg.EnumValue(key, index)
                except OSError:  # no more values
                    break
                values[name] = value
                index += 1
    except OSError:
        return {}
    return values


def _text(value: object) -> str | None:
    """A registry or plist value as text; None for missing or empty values."""
    if value is None or value == "":
        return None
    return str(value).strip() or None
