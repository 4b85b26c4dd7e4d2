"""The collector extension point: what a collector is given and what it returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from supportkit._breadcrumbs import BreadcrumbRing
    from supportkit._log_buffer import LogBufferHandler
    from supportkit.models import Cut

DEFAULT_LOG_TAIL_BYTES = 1024 * 1024
DEFAULT_ATTACHMENT_BYTES = 4 * 1024 * 1024
DEFAULT_ENV_ALLOWLIST = frozenset(
    {
        "LANG",
        "LANGUAGE",
        "LC_ALL",
        "LC_CTYPE",
        "TZ",
        "TERM",
        "SHELL",
        "DISPLAY",
        "WAYLAND_DISPLAY",
        "XDG_SESSION_TYPE",
        "XDG_CURRENT_DESKTOP",
        "DESKTOP_SESSION",
        "VIRTUAL_ENV",
        "CONDA_DEFAULT_ENV",
        "PYTHONPATH",
        "PYTHONHASHSEED",
        "PYTHONIOENCODING",
        "PYTHONUTF8",
        "PYTHONDONTWRITEBYTECODE",
        "CI",
        "GITHUB_ACTIONS",
        "GITLAB_CI",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "NO_PROXY",
        "QT_QPA_PLATFORM",
        "QT_SCALE_FACTOR",
        "GDK_SCALE",
        "GDK_BACKEND",
    }
)


@dataclass(frozen=True)
class CaptureContext:
    """What a collector may read while it runs. Built once per capture by the reporter."""

    app_name: str
    exception: BaseException | None = None
    log_paths: tuple[Path, ...] = ()
    attachment_paths: tuple[Path, ...] = ()
    allow_binary: bool = False
    log_tail_bytes: int = DEFAULT_LOG_TAIL_BYTES
    attachment_bytes: int = DEFAULT_ATTACHMENT_BYTES
    env_allowlist: frozenset[str] = DEFAULT_ENV_ALLOWLIST
    breadcrumbs: BreadcrumbRing | None = None
    log_buffer: LogBufferHandler | None = None
    screenshot: Any = None
    """What the screenshot collector should do: a request, or a frame grabbed on the host's
    thread (see :mod:`supportkit.screenshot`); None when no screenshot was asked for."""


@dataclass(frozen=True)
class PendingAttachment:
    """A file a collector wants in the bundle, read only when the bundle is written.

    Either ``data`` holds the bytes, or ``path``/``offset``/``length`` name a slice of a file,
    so a 2 GB log costs nothing until its tail is copied.
    """

    name: str
    kind: str
    source: str
    media_type: str
    original_size: int
    data: bytes | None = None
    path: Path | None = None
    offset: int = 0
    length: int | None = None
    text: bool = True
    optional: bool = True
    cuts: tuple[Cut, ...] = ()

    @property
    def size(self) -> int:
        """Bytes this attachment will take before any budget cut."""
        if self.data is not None:
            return len(self.data)
        return self.length if self.length is not None else self.original_size - self.offset

    def read(self) -> bytes:
        """The attachment's bytes (reads the file slice if not held in memory)."""
        if self.data is not None:
            return self.data
        assert self.path is not None
        with self.path.open("rb") as handle:
            handle.seek(self.offset)
            return handle.read(self.size)


@dataclass
class Section:
    """What a collector returns.

    ``data`` is a pydantic model or JSON-able value placed in the report under the
    collector's name; ``notes`` record problems that did not stop the collector.
    """

    data: Any = None
    attachments: list[PendingAttachment] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@runtime_checkable
class Collector(Protocol):
    """**Protocol:** gathers one kind of data for a report.

    A collector has a ``name`` (its section in the report) and one method. It may raise
    :class:`~supportkit.exceptions.CollectorUnavailable` to be recorded as skipped; any other
    exception is recorded as a failure and the capture goes on. Optional attribute:
    ``timeout`` (seconds).

    Example::

        class GitCommit:
            name = "git"

            def collect(self, ctx: CaptureContext) -> Section:
                return Section(data={"commit": read_head()})
    """

    name: str

    def collect(self, ctx: CaptureContext) -> Section:
        """Gather this collector's data."""
        ...
