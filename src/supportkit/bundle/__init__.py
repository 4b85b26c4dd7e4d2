"""Bundles: the sealed, verifiable zip files that carry a report to whoever fixes the problem.

A bundle holds ``manifest.json`` (sizes and SHA-256 of everything else), ``report.json``,
``summary.md`` and ``attachments/``. :func:`write_bundle` seals one, :func:`read_bundle`
verifies one; both return a :class:`SealedBundle`, the only thing a transport accepts.
The format is specified in ``docs/bundle-format.md``.
"""

from __future__ import annotations

from supportkit.bundle._manifest import (
    FORMAT_NAME,
    FORMAT_VERSION,
    BudgetCut,
    FileEntry,
    Manifest,
)
from supportkit.bundle._reader import ReadLimits, SealedBundle, read_bundle
from supportkit.bundle._summary import render_summary
from supportkit.bundle._writer import DEFAULT_BUDGET_BYTES, write_bundle

__all__ = [
    "DEFAULT_BUDGET_BYTES",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "BudgetCut",
    "FileEntry",
    "Manifest",
    "ReadLimits",
    "SealedBundle",
    "read_bundle",
    "render_summary",
    "write_bundle",
]
