"""The bundle's layout and its manifest, the one file that vouches for all the others.

``manifest.json`` lists every other file with its size and SHA-256, so a bundle can be
verified with nothing but ``unzip`` and ``sha256sum``. It is versioned ``MAJOR.MINOR``: a
reader accepts any minor version of the major it knows (fields it does not know are
ignored) and refuses other majors, so fields can be added without breaking older readers.
Attachment names are made safe here too, since a bundle may be unzipped on any system.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from supportkit.exceptions import BundleFormatError

__all__ = [
    "ATTACHMENTS_DIR",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MANIFEST_NAME",
    "REPORT_NAME",
    "SUMMARY_NAME",
    "BudgetCut",
    "FileEntry",
    "Manifest",
    "RedactionFailureRecord",
    "RedactionRecord",
    "bundle_paths",
    "parse_manifest",
]

FORMAT_NAME = "supportkit-bundle"
FORMAT_VERSION = "1.1"

MANIFEST_NAME = "manifest.json"
REPORT_NAME = "report.json"
SUMMARY_NAME = "summary.md"
ATTACHMENTS_DIR = "attachments/"

_MAX_NAME_CHARS = 100
_UNSAFE_CHARACTERS = re.compile(r'[\x00-\x1f\x7f/\\:<>"|?*]')
_WINDOWS_DEVICES = frozenset(
    {
        "CON",
        "PRN",
        "AUX",
        "NUL",
        *(f"COM{i}" for i in range(1, 10)),
        *(f"LPT{i}" for i in range(1, 10)),
    }
)

_VERSION_PATTERN = re.compile(r"^(\d+)\.(\d+)$")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FileEntry(_Model):
    """One file of the bundle (every file except ``manifest.json`` itself)."""

    path: str = Field(description="Path inside the zip, '/'-separated.")
    size: int = Field(ge=0, description="Uncompressed bytes.")
    media_type: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="Lower-case hex digest.")


class BudgetCut(_Model):
    """An attachment, or part of one, that is not in the bundle, and why."""

    path: str = Field(description="The attachment's path inside the bundle.")
    action: Literal["tail", "trimmed", "dropped"]
    original_size: int = Field(ge=0)
    kept_size: int = Field(ge=0)
    reason: str


class RedactionFailureRecord(_Model):
    """A redaction rule that raised on an artifact; the text it looked at was replaced."""

    artifact: str
    rule: str
    error: str = Field(description="The error's type, never the text.")
    count: int = Field(ge=1)


class RedactionRecord(_Model):
    """What redaction removed before sealing: counts per artifact and rule, never values."""

    policy: str = Field(description="Which policy ran: 'default', or 'custom' when changed.")
    pseudonyms: Literal["per-bundle", "stable"] = Field(
        description="'per-bundle': a random key, placeholders mean nothing outside this bundle; "
        "'stable': a host key, so the same value has the same placeholder across reports."
    )
    artifacts: dict[str, dict[str, int]] = Field(
        description="Bundle path → {rule name: values replaced}; {} means scanned, nothing found."
    )
    failures: tuple[RedactionFailureRecord, ...] = ()
    unredacted: tuple[str, ...] = Field(
        default=(), description="Binary attachments included as they are, by the host's choice."
    )
    self_test: Literal["passed", "not run"] = "not run"

    @property
    def totals(self) -> dict[str, int]:
        """Values replaced per rule, across all artifacts."""
        totals: dict[str, int] = {}
        for counts in self.artifacts.values():
            for rule, count in counts.items():
                totals[rule] = totals.get(rule, 0) + count
        return dict(sorted(totals.items()))


class Manifest(_Model):
    """``manifest.json``: what the bundle holds and how to check it is intact."""

    format: Literal["supportkit-bundle"] = "supportkit-bundle"
    format_version: str = FORMAT_VERSION
    report_id: str
    created_at: datetime = Field(description="When the bundle was sealed, UTC.")
    files: tuple[FileEntry, ...]
    budget_bytes: int | None = Field(default=None, description="Size budget it was cut to.")
    cuts: tuple[BudgetCut, ...] = ()
    redaction: RedactionRecord | None = None
    profile: str = Field(
        default="full",
        description="What the destination receives of the capture: 'full', or 'minimal' (no "
        "attachments, no contact, personal data removed from everything).",
    )

    @field_validator("created_at")
    @classmethod
    def _in_utc(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            msg = "created_at must carry a time zone (UTC)"
            raise ValueError(msg)
        return value.astimezone(timezone.utc)

    def entry(self, path: str) -> FileEntry | None:
        """The listed file at ``path``, if any."""
        return next((entry for entry in self.files if entry.path == path), None)


def parse_manifest(raw: bytes) -> Manifest:
    """Validate ``manifest.json`` bytes, accepting newer minor versions of the known major."""
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        msg = f"{MANIFEST_NAME} is not valid JSON: {error}"
        raise BundleFormatError(msg) from None
    if not isinstance(data, dict):
        msg = f"{MANIFEST_NAME} must hold a JSON object"
        raise BundleFormatError(msg)
    if data.get("format") != FORMAT_NAME:
        msg = (
            f"not a supportkit bundle: {MANIFEST_NAME} names format {data.get('format')!r}, "
            f"expected {FORMAT_NAME!r}"
        )
        raise BundleFormatError(msg)
    major, minor = _parse_version(data.get("format_version"))
    known_major, known_minor = _parse_version(FORMAT_VERSION)
    if major != known_major:
        msg = (
            f"bundle format version {major}.{minor} is not supported: this supportkit reads "
            f"{known_major}.x — open the bundle with a supportkit release that supports it"
        )
        raise BundleFormatError(msg)
    if minor > known_minor:
        data = _known_fields_only(data)
    try:
        return Manifest.model_validate(data)
    except ValidationError as error:
        msg = f"{MANIFEST_NAME} is not valid: {_first_problem(error)}"
        raise BundleFormatError(msg) from None


def _parse_version(value: object) -> tuple[int, int]:
    match = _VERSION_PATTERN.match(value) if isinstance(value, str) else None
    if match is None:
        msg = (
            f"{MANIFEST_NAME} has format_version {value!r}; expected 'MAJOR.MINOR', e.g. "
            f"{FORMAT_VERSION!r}"
        )
        raise BundleFormatError(msg)
    return int(match.group(1)), int(match.group(2))


def _known_fields_only(data: dict[str, Any]) -> dict[str, Any]:
    """Drop fields a newer minor version added, so this reader can still verify the bundle."""
    pruned = {key: value for key, value in data.items() if key in Manifest.model_fields}
    for key, model in (("files", FileEntry), ("cuts", BudgetCut)):
        items = pruned.get(key)
        if isinstance(items, list):
            pruned[key] = [_prune(item, model) for item in items]
    return pruned


def _prune(item: object, model: type[BaseModel]) -> object:
    if not isinstance(item, dict):
        return item
    return {key: value for key, value in item.items() if key in model.model_fields}


def _first_problem(error: ValidationError) -> str:
    first = error.errors()[0]
    location = ".".join(str(part) for part in first["loc"]) or "(top level)"
    return f"{location}: {first['msg']}"


def bundle_paths(names: Iterable[str]) -> list[str]:
    """``attachments/<name>`` for each name: made safe to extract anywhere, and unique."""
    taken: set[str] = set()
    paths = []
    for name in names:
        safe = _safe_name(name)
        stem, dot, suffix = safe.rpartition(".")
        if not stem:
            stem, dot, suffix = safe, "", ""
        candidate, number = safe, 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{stem}-{number}{dot}{suffix}"
        taken.add(candidate.casefold())
        paths.append(ATTACHMENTS_DIR + candidate)
    return paths


def _safe_name(name: str) -> str:
    name = unicodedata.normalize("NFC", name)
    name = _UNSAFE_CHARACTERS.sub("_", name).strip(" .")
    if name.split(".")[0].upper() in _WINDOWS_DEVICES:
        name = f"_{name}"
    if len(name) > _MAX_NAME_CHARS:
        stem, dot, suffix = name.rpartition(".")
        suffix = suffix[:16] if dot and stem else ""
        name = name[: _MAX_NAME_CHARS - len(suffix) - 1].rstrip(" .") + (
            f".{suffix}" if suffix else ""
        )
    return name or "attachment"
