"""The report model: what a bundle's ``report.json`` holds.

Versioned by :data:`SCHEMA_VERSION` (``MAJOR.MINOR``): a reader accepts any minor version of
the major it knows, so fields can be added without breaking older readers. The JSON Schema
is exported to ``docs/report.schema.json``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue

__all__ = [
    "SCHEMA_VERSION",
    "App",
    "AttachmentInfo",
    "Attempt",
    "Breadcrumb",
    "CollectorRun",
    "Contact",
    "Cut",
    "Display",
    "Displays",
    "Distribution",
    "Environment",
    "ExceptionInfo",
    "ExceptionReport",
    "Frame",
    "HistoryEntry",
    "LocaleInfo",
    "Priority",
    "Problem",
    "ProcessInfo",
    "Receipt",
    "Report",
    "RuntimeInfo",
    "SystemInfo",
]

SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    # Unknown fields are ignored so that a reader accepts reports of a newer minor version.
    model_config = ConfigDict(extra="ignore", frozen=True)


class App(_Model):
    """The application the report is about."""

    name: str
    version: str | None = None
    build: str | None = Field(default=None, description="Build number or source commit.")
    source: Literal["host", "distribution", "unknown"] = Field(
        default="host",
        description="Where name and version came from: given by the host, or read from the "
        "installed distribution's metadata.",
    )


class Attempt(_Model):
    """Something the reporter already tried, and what came of it."""

    action: str
    result: str | None = None


class Problem(_Model):
    """The problem, in the shape a support engineer asks about it."""

    title: str = Field(min_length=1)
    description: str | None = None
    expected: str | None = Field(default=None, description="What the reporter expected to happen.")
    actual: str | None = Field(default=None, description="What happened instead.")
    error_text: str | None = Field(default=None, description="The exact error text shown.")
    occurred_at: datetime | None = None
    category: str | None = Field(default=None, description="Routing key, e.g. 'billing'.")
    tried: tuple[Attempt, ...] = ()


Level = Literal["low", "medium", "high"]


class Priority(_Model):
    """Priority derived from urgency and impact through a matrix the host may override."""

    urgency: Level
    impact: Level
    level: int = Field(ge=1, description="1 is the most urgent.")
    name: str
    target_response: timedelta = Field(description="How soon a first response is due.")
    matrix: Literal["default", "custom"] = "default"


class Contact(_Model):
    """How to reach the reporter. Entered on purpose, so it is kept through redaction."""

    name: str | None = None
    email: str | None = Field(default=None, description="Normalised email address.")
    phone: str | None = Field(default=None, description="E.164 form, e.g. +442079460958.")
    timezone: str | None = None
    preferred_contact_time: str | None = None
    reference: str | None = Field(default=None, description="Order or account reference.")


class Breadcrumb(_Model):
    """One event the host recorded while running."""

    timestamp: datetime
    message: str
    category: str = "default"
    level: str = "info"
    data: dict[str, JsonValue] = Field(default_factory=dict)


class SystemInfo(_Model):
    """The machine and operating system."""

    os_name: str = Field(description="As a person says it, e.g. 'Ubuntu 24.04.1 LTS'.")
    os_family: str = Field(description="'Linux', 'Windows', 'macOS', ...")
    os_version: str | None = None
    os_build: str | None = None
    kernel: str | None = None
    architecture: str
    hostname: str | None = None
    cpu_model: str | None = None
    cpu_cores_physical: int | None = None
    cpu_cores_logical: int | None = None
    memory_total: int | None = Field(default=None, description="Bytes.")
    memory_available: int | None = Field(default=None, description="Bytes.")
    disk_path: str | None = Field(default=None, description="The volume the disk figures are for.")
    disk_total: int | None = Field(default=None, description="Bytes.")
    disk_free: int | None = Field(default=None, description="Bytes.")
    boot_time: datetime | None = None
    uptime_seconds: float | None = None


class RuntimeInfo(_Model):
    """The Python interpreter running the host."""

    implementation: str
    version: str
    executable: str | None = None
    prefix: str | None = None
    virtual_env: str | None = Field(default=None, description="Path of the active venv, if any.")
    compiler: str | None = None
    build: str | None = None


class Distribution(_Model):
    """One installed Python distribution."""

    name: str
    version: str


class ProcessInfo(_Model):
    """The host process."""

    pid: int
    started_at: datetime | None = None
    uptime_seconds: float | None = None
    memory_rss: int | None = Field(default=None, description="Resident memory in bytes.")
    threads: int | None = None
    command_line: tuple[str, ...] = ()
    cwd: str | None = None


class LocaleInfo(_Model):
    """Language, encoding and time zone."""

    locale: str | None = Field(default=None, description="e.g. 'de_DE.UTF-8'.")
    language: str | None = Field(default=None, description="e.g. 'de'.")
    encoding: str | None = None
    timezone: str | None = Field(default=None, description="IANA name where known.")
    utc_offset: str | None = Field(default=None, description="e.g. '+07:00'.")


class Display(_Model):
    """One monitor, in physical pixels."""

    index: int
    width: int
    height: int
    left: int = 0
    top: int = 0
    scale: float | None = Field(default=None, description="Logical-to-physical scale, if known.")
    primary: bool = False


class Displays(_Model):
    """The monitors the host can see."""

    server: str | None = Field(default=None, description="'x11', 'wayland', 'windows', 'macos'.")
    count: int
    displays: tuple[Display, ...] = ()


class Environment(BaseModel):
    """Everything collected about where the host runs.

    Sections from third-party collectors appear as extra keys named after the collector.
    """

    model_config = ConfigDict(extra="allow", frozen=True)

    system: SystemInfo | None = None
    runtime: RuntimeInfo | None = None
    packages: tuple[Distribution, ...] | None = None
    process: ProcessInfo | None = None
    locale: LocaleInfo | None = None
    displays: Displays | None = None
    variables: dict[str, str] | None = Field(
        default=None, description="Allow-listed environment variables only."
    )


class Frame(_Model):
    """One stack frame, innermost last."""

    file: str
    line: int | None = None
    function: str
    module: str | None = None
    source: str | None = Field(default=None, description="The source line, stripped.")


class ExceptionInfo(_Model):
    """One exception of a chain."""

    type: str = Field(description="Qualified name, e.g. 'json.decoder.JSONDecodeError'.")
    message: str
    frames: tuple[Frame, ...] = ()
    relation: Literal["raised", "cause", "context"] = Field(
        default="raised",
        description="How this exception leads to the next in the chain: the raised one is "
        "last; 'cause' is 'raise ... from', 'context' is 'during handling of'.",
    )


class ExceptionReport(_Model):
    """An exception with its chain, oldest first, and a fingerprint for grouping."""

    fingerprint: str = Field(
        description="Same bug, same fingerprint: built from exception types, modules, "
        "functions and source lines, never from messages, line numbers or absolute paths."
    )
    chain: tuple[ExceptionInfo, ...]


class Cut(_Model):
    """Part of an attachment that is not in the bundle, and why."""

    action: Literal["tail", "trimmed", "dropped"] = Field(
        description="'tail': only the end of a log was kept; 'trimmed': the middle was cut "
        "to meet the size budget; 'dropped': left out entirely."
    )
    original_size: int
    kept_size: int
    reason: str


class AttachmentInfo(_Model):
    """A file under ``attachments/`` and where it came from."""

    path: str = Field(description="Path inside the bundle.")
    kind: str = Field(description="'log', 'file', 'log-buffer', 'screenshot', ...")
    source: str = Field(description="Original path, or what produced it.")
    media_type: str
    size: int = Field(description="Bytes in the bundle.")
    original_size: int
    binary: bool = False
    cuts: tuple[Cut, ...] = ()


class CollectorRun(_Model):
    """How one collector's run went."""

    name: str
    status: Literal["ok", "skipped", "failed"]
    duration_ms: float
    reason: str | None = Field(default=None, description="Why it was skipped.")
    error_type: str | None = None
    error_message: str | None = None
    notes: tuple[str, ...] = Field(
        default=(), description="Problems that did not stop the collector, e.g. a missing log."
    )


class Report(_Model):
    """A problem report: ``report.json`` in a bundle."""

    schema_version: str = SCHEMA_VERSION
    id: str = Field(description="Sortable unique id (ULID).")
    created_at: datetime = Field(description="UTC.")
    timezone: str | None = Field(default=None, description="Reporter's time zone.")
    utc_offset: str = Field(description="Reporter's offset from UTC, e.g. '-05:00'.")
    app: App
    problem: Problem
    steps: tuple[str, ...] = Field(default=(), description="Reproduction steps, in order.")
    breadcrumbs: tuple[Breadcrumb, ...] = ()
    priority: Priority
    contact: Contact | None = None
    environment: Environment = Field(default_factory=Environment)
    exception: ExceptionReport | None = None
    attachments: tuple[AttachmentInfo, ...] = ()
    capture: tuple[CollectorRun, ...] = ()


class Receipt(_Model):
    """Proof that a transport delivered a bundle: where the ticket is and what it is called."""

    report_id: str
    ticket_id: str
    transport: str
    destination: str = Field(description="Where the bundle went, e.g. a folder or a URL.")
    url: str | None = Field(default=None, description="Where to see the ticket, if anywhere.")
    path: str | None = Field(default=None, description="The delivered bundle, for file delivery.")
    delivered_at: datetime


class HistoryEntry(_Model):
    """One line of the local history of reports sent from this machine."""

    report_id: str
    title: str
    app: str
    created_at: datetime
    recorded_at: datetime
    transport: str
    destination: str
    status: Literal["delivered", "failed"]
    ticket_id: str | None = None
    url: str | None = None
    path: str | None = None
    error: str | None = None
