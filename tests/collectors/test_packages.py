"""The packages collector: distributions read from metadata headers on a real directory tree."""

from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

import pytest

from supportkit.collectors._base import CaptureContext
from supportkit.collectors.packages import (
    PackagesCollector,
    canonical_name,
    installed_distributions,
)
from supportkit.models import Distribution


def _metadata(name: str, version: str, body: str = "") -> str:
    return f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: x\n\n{body}"


@pytest.fixture(name="site_packages")
def _site_packages(tmp_path: Path) -> Path:
    """A site-packages folder holding every shape of installed metadata."""
    site = tmp_path / "site-packages"
    site.mkdir()
    # A modern wheel install; the description below the headers must never be read as one.
    _write(site / "Foo_Bar-1.0.dist-info" / "METADATA", _metadata("Foo-Bar", "1.0", "Version: 9\n"))
    # Metadata is the authority: the directory name may be escaped differently.
    _write(site / "zope.interface-6.4.dist-info" / "METADATA", _metadata("zope.interface", "6.4"))
    # An old setup.py install: a single .egg-info file holding PKG-INFO text.
    _write(site / "legacy_tool-2.0-py3.11.egg-info", _metadata("legacy-tool", "2.0"))
    # A develop-era install: a .egg-info directory with PKG-INFO inside.
    _write(site / "OldDir.egg-info" / "PKG-INFO", _metadata("OldDir", "3.1"))
    # METADATA that lost its headers: the directory name still says what is there.
    _write(site / "broken_pkg-4.5.dist-info" / "METADATA", "\x00\x01 garbage without headers")
    # No METADATA at all.
    (site / "nometa-0.1.dist-info").mkdir()
    # Things that are not distributions.
    _write(site / "foo_bar" / "__init__.py", "raise RuntimeError('must never be imported')\n")
    _write(site / "README.txt", "not metadata")
    return site


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _versions(distributions: tuple[Distribution, ...]) -> dict[str, str]:
    return {dist.name: dist.version for dist in distributions}


def test_reads_every_metadata_shape(site_packages: Path) -> None:
    """dist-info, egg-info files and egg-info directories are all found, with real names."""
    assert _versions(installed_distributions([str(site_packages)])) == {
        "Foo-Bar": "1.0",
        "zope.interface": "6.4",
        "legacy-tool": "2.0",
        "OldDir": "3.1",
        "broken_pkg": "4.5",
        "nometa": "0.1",
    }


def test_sorted_by_canonical_name(site_packages: Path) -> None:
    """Order follows the PEP 503 name, so case and separators do not change it."""
    names = [dist.name for dist in installed_distributions([str(site_packages)])]
    assert names == sorted(names, key=canonical_name)
    assert names[0] == "broken_pkg"


def test_stops_reading_at_the_end_of_the_headers(tmp_path: Path) -> None:
    """A Version line in the long description is not taken for the version header."""
    _write(tmp_path / "late-1.0.dist-info" / "METADATA", "Name: late\n\nVersion: 9.9\n")
    assert _versions(installed_distributions([str(tmp_path)])) == {"late": "1.0"}


def test_first_path_entry_wins_for_a_duplicate(tmp_path: Path) -> None:
    """A distribution installed twice is reported from the entry import would load it from."""
    first, second = tmp_path / "first", tmp_path / "second"
    _write(first / "dup-1.0.dist-info" / "METADATA", _metadata("dup", "1.0"))
    _write(second / "Dup-2.0.dist-info" / "METADATA", _metadata("Dup", "2.0"))
    assert installed_distributions([str(first), str(second)]) == (
        Distribution(name="dup", version="1.0"),
    )
    assert installed_distributions([str(second), str(first)]) == (
        Distribution(name="Dup", version="2.0"),
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Zope.Interface", "zope-interface"),
        ("typing_extensions", "typing-extensions"),
        ("Foo__-.Bar", "foo-bar"),
        ("pip", "pip"),
    ],
)
def test_canonical_name(name: str, expected: str) -> None:
    """Runs of '-', '_' and '.' collapse to '-', and case is folded."""
    assert canonical_name(name) == expected


def test_names_differing_only_in_spelling_are_one_distribution(tmp_path: Path) -> None:
    """'Typing_Extensions' and 'typing-extensions' are the same distribution."""
    _write(
        tmp_path / "a" / "Typing_Extensions-4.0.dist-info" / "METADATA",
        "Name: Typing_Extensions\nVersion: 4.0\n",
    )
    _write(
        tmp_path / "b" / "typing_extensions-4.12.dist-info" / "METADATA",
        "Name: typing-extensions\nVersion: 4.12\n",
    )
    result = installed_distributions([str(tmp_path / "a"), str(tmp_path / "b")])
    assert result == (Distribution(name="Typing_Extensions", version="4.0"),)


def test_unreadable_metadata_falls_back_to_the_directory_name(tmp_path: Path) -> None:
    """METADATA that cannot be opened still yields the directory's name and version."""
    (tmp_path / "odd-7.1.dist-info" / "METADATA").mkdir(parents=True)  # open() fails on it
    assert _versions(installed_distributions([str(tmp_path)])) == {"odd": "7.1"}


def test_undecodable_header_bytes_do_not_stop_the_scan(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 are replaced, and the version is still read."""
    path = tmp_path / "latin-1.0.dist-info" / "METADATA"
    path.parent.mkdir()
    path.write_bytes(b"Name: caf\xe9\nVersion: 1.0\n")
    assert _versions(installed_distributions([str(tmp_path)])) == {"caf\ufffd": "1.0"}


def test_a_version_nobody_records_is_unknown(tmp_path: Path) -> None:
    """A distribution with no version anywhere is listed as 'unknown', not dropped."""
    _write(tmp_path / "mystery.egg-info" / "PKG-INFO", "Name: mystery\n")
    assert _versions(installed_distributions([str(tmp_path)])) == {"mystery": "unknown"}


def test_unusable_path_entries_are_skipped(site_packages: Path, tmp_path: Path) -> None:
    """Missing folders, plain files and zip files on the path are passed over."""
    zipped = tmp_path / "bundle.zip"
    zipped.write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    paths = [str(tmp_path / "missing"), str(zipped), str(site_packages)]
    assert len(installed_distributions(paths)) == 6


def test_reads_an_egg_placed_on_the_path(tmp_path: Path) -> None:
    """An old-style .egg folder on the path is reported from its EGG-INFO."""
    egg = tmp_path / "eggy-0.3-py3.11.egg"
    _write(egg / "EGG-INFO" / "PKG-INFO", _metadata("eggy", "0.3"))
    assert _versions(installed_distributions([str(egg)])) == {"eggy": "0.3"}


def test_never_imports_what_it_lists(site_packages: Path) -> None:
    """Listing a distribution does not import its code."""
    installed_distributions([str(site_packages)])
    assert "foo_bar" not in sys.modules


def test_collector_lists_this_environment(ctx: CaptureContext) -> None:
    """The collector agrees with importlib.metadata about what is installed here."""
    data = PackagesCollector().collect(ctx).data
    found = {canonical_name(dist.name): dist.version for dist in data}
    for name in ("pytest", "pydantic", "psutil"):
        assert found[name] == importlib.metadata.version(name)
    assert len({canonical_name(dist.name) for dist in data}) == len(data)
