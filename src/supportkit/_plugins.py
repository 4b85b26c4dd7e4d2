"""Finding collectors and transports: the built-ins, plus those other packages register.

Other packages register under the entry-point groups ``supportkit.collectors`` and
``supportkit.transports``. Entry points are only *listed* up front (cheap metadata); a plugin
is imported when it is used.
"""

from __future__ import annotations

import functools
import importlib
from importlib.metadata import entry_points
from typing import Literal

from supportkit.exceptions import PluginLoadError

Group = Literal["collectors", "transports"]

# The same table is declared as entry points in pyproject.toml; a test keeps them equal.
# Keeping it here too means built-ins work when supportkit runs from a source tree.
BUILTINS: dict[Group, dict[str, str]] = {
    "collectors": {
        "system": "supportkit.collectors.system:SystemCollector",
        "runtime": "supportkit.collectors.runtime:RuntimeCollector",
        "packages": "supportkit.collectors.packages:PackagesCollector",
        "process": "supportkit.collectors.process:ProcessCollector",
        "locale": "supportkit.collectors.locale:LocaleCollector",
        "displays": "supportkit.collectors.displays:DisplaysCollector",
        "variables": "supportkit.collectors.variables:VariablesCollector",
        "exception": "supportkit.collectors.exception:ExceptionCollector",
        "breadcrumbs": "supportkit.collectors.breadcrumbs:BreadcrumbsCollector",
        "logs": "supportkit.collectors.logs:LogsCollector",
        "files": "supportkit.collectors.files:FilesCollector",
        "log_buffer": "supportkit.collectors.log_buffer:LogBufferCollector",
        "screenshot": "supportkit.collectors.screenshot:ScreenshotCollector",
    },
    "transports": {
        "file": "supportkit.transports.file:FileTransport",
        "http": "supportkit.transports.webhook:WebhookTransport",
        "https": "supportkit.transports.webhook:WebhookTransport",
        "smtp": "supportkit.transports.email:EmailTransport",
        "smtps": "supportkit.transports.email:EmailTransport",
        "redmine": "supportkit.transports.redmine:RedmineTransport",
        "redmine+http": "supportkit.transports.redmine:RedmineTransport",
        "rt": "supportkit.transports.rt:RTTransport",
        "rt+http": "supportkit.transports.rt:RTTransport",
    },
}


@functools.cache
def available(group: Group) -> dict[str, str]:
    """Every known plugin of ``group``: name → ``module:attribute``."""
    found = dict(BUILTINS[group])
    for entry_point in entry_points(group=f"supportkit.{group}"):
        found.setdefault(entry_point.name, entry_point.value)
    return found


def load(group: Group, name: str) -> object:
    """Import the plugin registered as ``name``."""
    target = available(group).get(name)
    if target is None:
        known = ", ".join(sorted(available(group)))
        msg = f"no {group[:-1]} named {name!r}; known: {known}"
        raise PluginLoadError(msg)
    module_name, _, attribute = target.partition(":")
    try:
        obj: object = importlib.import_module(module_name)
        for part in attribute.split("."):
            obj = getattr(obj, part)
    except (ImportError, AttributeError) as exc:
        msg = f"{group[:-1]} {name!r} ({target}) cannot be loaded: {exc}; is its package installed?"
        raise PluginLoadError(msg) from exc
    return obj
