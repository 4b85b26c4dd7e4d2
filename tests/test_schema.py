"""The committed JSON Schema matches the report model."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from supportkit.models import SCHEMA_VERSION, Report

ROOT = Path(__file__).parents[1]


def _export_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "export_schema", ROOT / "scripts/export_schema.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_schema_is_current() -> None:
    """docs/report.schema.json equals the model's schema (run scripts/export_schema.py)."""
    assert (ROOT / "docs/report.schema.json").read_text() == _export_module().report_schema()


def test_schema_names_the_version() -> None:
    """The schema's id carries the schema version reports declare."""
    schema = json.loads((ROOT / "docs/report.schema.json").read_text())
    assert SCHEMA_VERSION in schema["$id"]
    assert Report.model_fields["schema_version"].default == SCHEMA_VERSION
