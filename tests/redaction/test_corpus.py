"""The labelled evaluation corpus, and the default policy's quality on it.

The quality gate is the issue's target: on a mixed-log corpus the default policy removes at
least 99.9% of planted credentials and 99.5% of planted personal data, and keeps at least
99.5% of the look-alike decoys.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from supportkit.redaction import Redactor, _anchors, default_policy
from supportkit.redaction._canary import CANARY_KINDS, DECOY_KINDS

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "redaction"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_redaction_bench_{name}", BENCH / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


corpus = _load("corpus")
scoring = _load("scoring")


@pytest.fixture(scope="module")
def small() -> tuple[str, list]:
    """About 200 KB of corpus and its labels."""
    return corpus.generate(200_000, seed=3)


@pytest.fixture(scope="module")
def large() -> tuple[str, list]:
    """About 1.5 MB of corpus and its labels: enough for every kind to be planted twice."""
    return corpus.generate(3 << 19, seed=11)


def test_labels_point_at_their_values(small: tuple[str, list]) -> None:
    """Each label's offset and length cut exactly its value out of the corpus."""
    text, labels = small
    assert labels
    assert all(text[lb.offset : lb.offset + lb.length] == lb.value for lb in labels)


def test_labels_name_the_line_of_their_value(small: tuple[str, list]) -> None:
    """Each label's line number is the line its value sits on."""
    text, labels = small
    lines = text.split("\n")
    assert all(lb.value in lines[lb.line] for lb in labels)
    assert all(text.count("\n", 0, lb.offset) == lb.line for lb in labels)


def test_same_seed_same_corpus() -> None:
    """The corpus is deterministic by seed, and a smaller one is a prefix of a larger one."""
    first, _ = corpus.generate(50_000, seed=5)
    again, _ = corpus.generate(50_000, seed=5)
    larger, _ = corpus.generate(100_000, seed=5)
    assert first == again
    assert larger.startswith(first)


def test_every_kind_is_planted(large: tuple[str, list]) -> None:
    """A corpus of 1.5 MB holds every canary and decoy kind."""
    _, labels = large
    assert {lb.kind for lb in labels} == set(CANARY_KINDS) | set(DECOY_KINDS)


def test_planting_density_is_about_one_item_per_two_kilobytes(
    large: tuple[str, list],
) -> None:
    """Planted items are dense enough to measure recall, sparse enough to look like logs."""
    text, labels = large
    per_item = len(text.encode()) / len({lb.item for lb in labels})
    assert 1200 < per_item < 3500


def test_survives_needs_a_whole_token() -> None:
    """A value inside a longer word does not count as surviving; a standalone one does."""
    assert not scoring.survives("li", "client connected")
    assert scoring.survives("li", "/home/li/app")
    assert scoring.survives("4111 1111", "card 4111 1111 end")


def test_a_placeholders_number_is_no_survivor() -> None:
    """A card's code replaced by ``<secret-711>`` is caught, though its digits are the
    placeholder's number; a decoy is still looked for in the line as written."""
    label = {"item": 1, "kind": "card-verification-code", "category": "credential", "line": 0}
    caught = scoring.score([{**label, "value": "711"}], ["code: 711"], ["code: <secret-711>"])
    assert caught["card-verification-code"].good == 1
    left = scoring.score([{**label, "value": "711"}], ["code: 711"], ["code: 711 <secret-2>"])
    assert left["card-verification-code"].good == 0


@pytest.fixture(scope="module")
def scores(large: tuple[str, list]) -> dict:
    """The default policy's score per kind on the larger corpus."""
    text, labels = large
    redacted = Redactor(default_policy(detect_machine=False)).text(text, artifact="corpus.log")
    rows = [dataclasses.asdict(label) for label in labels]
    return scoring.score(rows, text.split("\n"), redacted.split("\n"))


def _failures(scores: dict, category: str) -> str:
    return "; ".join(
        f"{kind} {entry.good}/{entry.total}: {entry.examples[0][0][-100:]!r}"
        for kind, entry in sorted(scores.items())
        if entry.category == category and entry.good < entry.total
    )


@pytest.mark.parametrize(
    ("category", "target"), [("credential", 0.999), ("personal", 0.995), ("decoy", 0.995)]
)
def test_default_policy_meets_the_quality_target(
    scores: dict, category: str, target: float
) -> None:
    """Recall of credentials and personal data, and retention of decoys, meet the issue's bar."""
    total = scoring.totals(scores)[category]
    assert total.rate >= target, f"{total.rate:.2%} < {target:.1%}: {_failures(scores, category)}"


def test_both_anchor_engines_redact_the_corpus_alike(
    large: tuple[str, list], anchor_engine: str
) -> None:
    """Hyperscan only finds where to look; what is replaced must not depend on it."""
    text, _ = large
    policy = dataclasses.replace(default_policy(), stable_key=b"same key for both engines")
    outputs = {}
    for engine in ("re", "hyperscan"):
        _anchors.use_engine(engine)
        outputs[engine] = Redactor(policy).text(text, artifact="corpus.log")
    _anchors.use_engine(anchor_engine)
    assert outputs["re"] == outputs["hyperscan"]
    assert outputs["re"] != text
