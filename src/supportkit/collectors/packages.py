"""Installed Python distributions, read straight from the metadata directories on ``sys.path``.

``importlib.metadata`` parses every METADATA file whole, long descriptions included, which
costs a capture tens of milliseconds on a big environment. A report needs only names and
versions, and those are the first headers of the file, so this reads a few hundred bytes
per distribution and never imports anything.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from supportkit.collectors._base import CaptureContext, Section
from supportkit.models import Distribution

__all__ = ["PackagesCollector", "canonical_name", "installed_distributions"]

_METADATA_SUFFIXES = (".dist-info", ".egg-info")
# Name and Version are the second and third headers by the spec; the cap only stops a
# file with no blank line from being read whole.
_MAX_HEADER_BYTES = 64 * 1024
_UNKNOWN_VERSION = "unknown"
_SEPARATORS = re.compile(r"[-_.]+")


class _Found(NamedTuple):
    name: str
    version: str


class PackagesCollector:
    """Reports every distribution importable from ``sys.path``, sorted by name."""

    name = "packages"

    def collect(self, ctx: CaptureContext) -> Section:
        """List distributions as the import system would find them (first on the path wins)."""
        return Section(data=installed_distributions())


def installed_distributions(paths: Iterable[str] | None = None) -> tuple[Distribution, ...]:
    """The distributions in ``paths`` (default ``sys.path``), sorted by canonical name.

    A name found in more than one place is reported once, from the earliest path entry,
    because that is the one ``import`` loads.
    """
    found: dict[str, _Found] = {}
    for entry in sys.path if paths is None else paths:
        for dist in _distributions_in(entry or "."):
            found.setdefault(canonical_name(dist.name), dist)
    return tuple(
        Distribution(name=found[key].name, version=found[key].version) for key in sorted(found)
    )


def canonical_name(name: str) -> str:
    """The PEP 503 form pip compares names in: ``Zope.Interface`` → ``zope-interface``."""
    return _SEPARATORS.sub("-", name).lower()


def _distributions_in(directory: str) -> Iterator[_Found]:
    if directory.endswith(".egg"):  # an old-style egg put on the path whole
        found = _read(os.path.join(directory, "EGG-INFO", "PKG-INFO"), os.path.basename(directory))
        if found:
            yield found
        return
    try:
        with os.scandir(directory) as entries:
            candidates = sorted(
                (entry.name, entry.path, _is_dir(entry))
                for entry in entries
                if entry.name.endswith(_METADATA_SUFFIXES)
            )
    except OSError:  # missing, unreadable or a zip file: nothing installed here to list
        return
    for name, path, is_dir in candidates:
        if name.endswith(".dist-info"):
            metadata = os.path.join(path, "METADATA")
        else:  # .egg-info is a directory holding PKG-INFO, or the PKG-INFO text itself
            metadata = os.path.join(path, "PKG-INFO") if is_dir else path
        found = _read(metadata, name)
        if found:
            yield found


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _read(metadata_path: str, directory_name: str) -> _Found | None:
    """Name and version from the metadata headers, the directory name filling any gap."""
    name, version = _read_headers(metadata_path)
    fallback_name, fallback_version = _parse_directory_name(directory_name)
    name = name or fallback_name
    if not name:
        return None
    return _Found(name, version or fallback_version or _UNKNOWN_VERSION)


def _read_headers(path: str) -> tuple[str | None, str | None]:
    name: str | None = None
    version: str | None = None
    consumed = 0
    try:
        with open(path, "rb") as handle:
            for raw in handle:
                consumed += len(raw)
                line = raw.decode("utf-8", errors="replace").strip()
                if not line or consumed > _MAX_HEADER_BYTES:
                    break
                key, sep, value = line.partition(":")
                key = key.strip().lower()
                if sep and key == "name" and name is None:
                    name = value.strip() or None
                elif sep and key == "version" and version is None:
                    version = value.strip() or None
                if name and version:
                    break
    except OSError:
        pass  # unreadable: the directory name still says what is installed
    return name, version


def _parse_directory_name(directory_name: str) -> tuple[str | None, str | None]:
    """``foo_bar-1.2.dist-info`` → ("foo_bar", "1.2"); ``foo-1.2-py3.11.egg-info`` likewise."""
    stem = os.path.splitext(directory_name)[0]
    if directory_name.endswith(".dist-info"):
        name, _, version = stem.rpartition("-")
        return (name, version or None) if name else (stem or None, None)
    parts = stem.split("-")
    return parts[0] or None, parts[1] if len(parts) > 1 and parts[1] else None
