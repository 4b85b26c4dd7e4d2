"""The canary self-test: plant fake secrets of every kind and check the policy removes them.

A host's allow-list or a custom rule set can open a hole in the default policy; this is how
a capture finds out before anything is sealed. Canaries go through every path real data
takes: plain text, a log streamed in chunks, and structured data by key.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

from supportkit.exceptions import SupportkitError
from supportkit.redaction._canary import Canary, plant_canaries
from supportkit.redaction._engine import Redactor
from supportkit.redaction._policy import RedactionPolicy
from supportkit.redaction._pseudonym import without_placeholders

SELF_TEST = "self-test"


class RedactionSelfTestError(SupportkitError):
    """The policy let planted canaries through; the capture was not sealed.

    ``kinds`` names what survived (never the values). Fix the policy's allow-list or rules.
    """

    def __init__(self, kinds: tuple[str, ...]) -> None:
        listed = ", ".join(kinds)
        super().__init__(
            f"redaction self-test failed: fake {listed} survived the redaction policy, so "
            "the bundle was not sealed; check the policy's allow-list and rule sets"
        )
        self.kinds = kinds


@dataclass(frozen=True)
class SelfTestResult:
    """Which canary kinds were planted and which survived."""

    planted: tuple[str, ...]
    survived: tuple[str, ...]

    @property
    def passed(self) -> bool:
        """True when every canary was removed."""
        return not self.survived


def run_self_test(policy: RedactionPolicy, *, seed: int | None = None) -> SelfTestResult:
    """Plant one canary of every kind in each form and report the kinds that survive."""
    rng = random.Random(seed)  # noqa: S311  (fake data, not cryptography)
    canaries = plant_canaries(rng)
    redactor = Redactor(policy)
    survived: set[str] = set()
    for canary in canaries:
        if _survives(canary, redactor):
            survived.add(canary.kind)
    planted = tuple(sorted({canary.kind for canary in canaries}))
    return SelfTestResult(planted, tuple(sorted(survived)))


def require_self_test(policy: RedactionPolicy) -> SelfTestResult:
    """Run the self-test; raise :class:`RedactionSelfTestError` if anything survived."""
    result = run_self_test(policy)
    if not result.passed:
        raise RedactionSelfTestError(result.survived)
    return result


def _survives(canary: Canary, redactor: Redactor) -> bool:
    as_text = redactor.text(canary.text, artifact=SELF_TEST)
    streamed = io.StringIO()
    redactor.stream(io.StringIO(f"log line before\n{canary.text}\nlog line after\n"), streamed,
                    artifact=SELF_TEST, chunk_chars=64)  # fmt: skip
    as_data = redactor.data({"message": canary.text, "items": [canary.text]}, artifact=SELF_TEST)
    outputs = [without_placeholders(out) for out in (as_text, streamed.getvalue(), str(as_data))]
    return any(value in output for value in canary.must_go for output in outputs)
