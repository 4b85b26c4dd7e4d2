"""Where supportkit keeps things on this machine.

``SUPPORTKIT_HOME`` puts everything under one folder (handy for CI and tests); otherwise the
platform's conventional user folders are used, as platformdirs names them.
"""

from __future__ import annotations

import os
from pathlib import Path

HOME_VARIABLE = "SUPPORTKIT_HOME"
_APP = "supportkit"


def data_dir() -> Path:
    """Filed reports (the file transport's default folder)."""
    return _under_home("data") or _platform("user_data_path")


def state_dir() -> Path:
    """History and, later, the outbox."""
    return _under_home("state") or _platform("user_state_path")


def cache_dir() -> Path:
    """Bundles captured but not yet sent anywhere, and compiled redaction anchors."""
    return _under_home("cache") or _platform("user_cache_path")


def _under_home(kind: str) -> Path | None:
    home = os.environ.get(HOME_VARIABLE)
    return Path(home).expanduser() / kind if home else None


def _platform(function: str) -> Path:
    import platformdirs  # noqa: PLC0415  (kept off the import path of `import supportkit`)

    path: Path = getattr(platformdirs, function)(_APP, appauthor=False)
    return path
