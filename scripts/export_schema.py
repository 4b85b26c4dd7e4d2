"""Write the report model's JSON Schema to docs/report.schema.json.

Run after changing supportkit.models; a test fails while the file is out of date.
"""

from __future__ import annotations

import json
from pathlib import Path

from supportkit.models import SCHEMA_VERSION, Report

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "docs" / "report.schema.json"


def report_schema() -> str:
    """The schema as the text written to docs/."""
    schema = Report.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://supportkit.dev/schema/report-{SCHEMA_VERSION}.json"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(report_schema(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
