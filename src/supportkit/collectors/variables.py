"""Environment variables, allow-listed by name: the environment is full of secrets."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

from supportkit.collectors._base import CaptureContext, Section

__all__ = ["VariablesCollector", "allowed_variables"]


class VariablesCollector:
    """Reports the values of the variables named in ``ctx.env_allowlist``, and no others."""

    name = "variables"

    def collect(self, ctx: CaptureContext) -> Section:
        """Copy only allow-listed variables, so an unknown secret can never leak."""
        return Section(data=allowed_variables(os.environ, ctx.env_allowlist))


def allowed_variables(environ: Mapping[str, str], allowlist: Iterable[str]) -> dict[str, str]:
    """The allow-listed variables that are set, sorted by name."""
    return {name: environ[name] for name in sorted(set(allowlist)) if name in environ}
