"""A Kubernetes Secret's values, as kubectl prints the object in YAML and JSON: every value
under data and stringData goes, whatever its key is named; keys, other kinds and prose stay."""

from __future__ import annotations

import pytest

from supportkit.redaction import Redactor
from supportkit.redaction.rules.kubernetes import RULES

URL_B64 = "cG9zdGdyZXM6Ly9hcHA6SzhzUGdQdzlAcGc6NTQzMi9hcHA="  # postgres://app:…@pg:5432/app
KEY_B64 = "c2tfbGl2ZV80ZUMzOUhxTHlqV0Rhcmp0VDF6ZHA3ZGM="

YAML_SORTED = f"""apiVersion: v1
data:
  DATABASE_URL: {URL_B64}
  username: YWRtaW4=
kind: Secret
metadata:
  name: app-env
type: Opaque
"""
YAML_STRING_DATA = """apiVersion: v1
kind: Secret
metadata:
  name: smtp
stringData:
  smtp.conf: |
    user=mailer
    pass=SmtpStr1ngPw9
  api: "Xk9mP2qLw7"
"""
YAML_LIST = f"""apiVersion: v1
items:
- apiVersion: v1
  data:
    STRIPE: {KEY_B64}
  kind: Secret
  metadata:
    name: one
- apiVersion: v1
  data:
    LOG_LEVEL: ZGVidWc=
  kind: ConfigMap
kind: List
"""
JSON_INDENTED = f"""{{
    "apiVersion": "v1",
    "data": {{
        "api-key": "{KEY_B64}",
        "tls.key": "LS0tLS1CRUdJTiBQUklWQVRF"
    }},
    "kind": "Secret",
    "metadata": {{"name": "x"}}
}}
"""
JSON_ONE_LINE = f'{{"apiVersion":"v1","data":{{"token":"{KEY_B64}"}},"kind":"Secret"}}'


def _values(text: str) -> list[str]:
    (rule,) = RULES
    return sorted((text[span.start : span.end] for span in rule.find(text)), key=text.find)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (YAML_SORTED, [URL_B64, "YWRtaW4="]),
        (YAML_STRING_DATA, ["user=mailer", "pass=SmtpStr1ngPw9", "Xk9mP2qLw7"]),
        (YAML_LIST, [KEY_B64]),
        (JSON_INDENTED, [KEY_B64, "LS0tLS1CRUdJTiBQUklWQVRF"]),
        (JSON_ONE_LINE, [KEY_B64]),
    ],
    ids=["yaml-data-before-kind", "yaml-string-data", "yaml-list", "json", "json-one-line"],
)
def test_every_value_of_a_secret_goes(text: str, values: list[str]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    "text",
    [
        "apiVersion: v1\nkind: ConfigMap\ndata:\n  LOG_LEVEL: ZGVidWc=\n",
        "kind: SecretProviderClass\nspec:\n  parameters:\n    objects: x\n",
        "the kind: Secret manifest keeps its data: in base64",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: empty\ntype: Opaque\n---\n"
        "kind: ConfigMap\ndata:\n  mode: ZGVidWc=\n",
        "apiVersion: v1\nkind: Secret\ntype: Opaque\n2024-05-01 INFO app: settings\n"
        "data:\n  mode: ZGVidWc=\n",
    ],
    ids=["configmap", "other-kind", "prose", "next-document", "log-after-manifest"],
)
def test_other_objects_and_prose_keep_their_values(text: str) -> None:
    assert _values(text) == []


def test_keys_and_structure_stay_in_the_redacted_text() -> None:
    out = Redactor().text(YAML_SORTED + "---\n" + JSON_INDENTED, artifact="secret.yaml")
    assert URL_B64 not in out
    assert KEY_B64 not in out
    for kept in ("  DATABASE_URL: <", "  username: <", '        "api-key": "<', "kind: Secret"):
        assert kept in out
    assert out.count("\n") == (YAML_SORTED + "---\n" + JSON_INDENTED).count("\n")
