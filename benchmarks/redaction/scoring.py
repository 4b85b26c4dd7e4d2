"""Recall and decoy retention of a redacted corpus, per planted kind.

Every tool compared keeps line breaks (supportkit's engine keeps the line count even across a
replaced PEM block; the others replace within lines), so a planted span on line *n* of the
input is looked for on line *n* of the output. A value *survives* when it occurs there as a
whole token: not glued to letters or digits on a side where the value itself ends in one (so
a user name ``li`` does not "survive" inside ``client``), and not inside a supportkit
placeholder (a card's code ``711`` is not in ``<secret-711>``). A planted item is caught when
none of its spans survives; a decoy is kept when all of its spans survive.

Standard library only: this module also runs in the peers' virtual environment.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass
class KindScore:
    kind: str
    category: str
    good: int = 0
    total: int = 0
    examples: list[tuple[str, str]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.good / self.total if self.total else 1.0


# supportkit's placeholders, <email-1> or <email-3f9a1c2b>: their numbers are no one's digits.
_PLACEHOLDER = re.compile(r"<[a-z0-9][a-z0-9-]{0,31}-(?:[0-9]+|[0-9a-f]{8})>")


def survives(value: str, line: str) -> bool:
    """Whether ``value`` occurs in ``line`` as a whole token."""
    start = line.find(value)
    while start != -1:
        end = start + len(value)
        glued_before = start > 0 and value[0].isalnum() and line[start - 1].isalnum()
        glued_after = end < len(line) and value[-1].isalnum() and line[end].isalnum()
        if not (glued_before or glued_after):
            return True
        start = line.find(value, start + 1)
    return False


def load_labels(path: str) -> list[dict[str, object]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score(
    labels: Iterable[dict[str, object]],
    source_lines: Sequence[str],
    output_lines: Sequence[str],
    examples: int = 3,
) -> dict[str, KindScore]:
    """Per kind: how many planted items were caught (decoys: kept), with failing examples."""
    if len(source_lines) != len(output_lines):
        msg = f"line count changed: {len(source_lines)} in, {len(output_lines)} out"
        raise ValueError(msg)
    items: dict[object, list[dict[str, object]]] = defaultdict(list)
    for label in labels:
        items[label["item"]].append(label)
    scores: dict[str, KindScore] = {}
    for spans in items.values():
        kind, category = str(spans[0]["kind"]), str(spans[0]["category"])
        entry = scores.setdefault(kind, KindScore(kind, category))
        lines = [output_lines[int(str(s["line"]))] for s in spans]
        if category != "decoy":
            lines = [_PLACEHOLDER.sub(" ", line) for line in lines]
        alive = [survives(str(s["value"]), line) for s, line in zip(spans, lines, strict=True)]
        good = all(alive) if category == "decoy" else not any(alive)
        entry.total += 1
        entry.good += good
        if not good and len(entry.examples) < examples:
            line = int(str(spans[0]["line"]))
            entry.examples.append((source_lines[line], output_lines[line]))
    return scores


def totals(scores: dict[str, KindScore]) -> dict[str, KindScore]:
    """The scores summed per category (credential, personal, decoy)."""
    summed: dict[str, KindScore] = {}
    for entry in scores.values():
        total = summed.setdefault(entry.category, KindScore(entry.category, entry.category))
        total.good += entry.good
        total.total += entry.total
    return summed
