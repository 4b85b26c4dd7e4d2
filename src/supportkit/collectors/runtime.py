"""The Python interpreter running the host: which one, where, and in which environment."""

from __future__ import annotations

import os
import platform
import sys
from collections.abc import Mapping

from supportkit.collectors._base import CaptureContext, Section
from supportkit.models import RuntimeInfo

__all__ = ["RuntimeCollector", "virtual_env"]


class RuntimeCollector:
    """Reports the interpreter's implementation, version, location and build."""

    name = "runtime"

    def collect(self, ctx: CaptureContext) -> Section:
        """Read what the interpreter knows about itself; nothing here can fail."""
        info = RuntimeInfo(
            implementation=platform.python_implementation(),
            version=platform.python_version(),
            executable=sys.executable or None,
            prefix=sys.prefix or None,
            virtual_env=virtual_env(sys.prefix, sys.base_prefix, os.environ),
            compiler=platform.python_compiler() or None,
            build=_build_label(platform.python_build()),
        )
        return Section(data=info)


def virtual_env(prefix: str, base_prefix: str, environ: Mapping[str, str]) -> str | None:
    """The active venv (a prefix that differs from the base) or else the active conda env."""
    if prefix != base_prefix:
        return prefix
    return environ.get("CONDA_PREFIX") or None


def _build_label(build: tuple[str, str]) -> str | None:
    """``("main", "Dec  4 2023 05:31:34")`` → ``"main, Dec 4 2023 05:31:34"``."""
    parts = [" ".join(part.split()) for part in build]
    return ", ".join(part for part in parts if part) or None
