"""Throughput of each personal-data rule, one at a time, on realistic logs and on plain prose.

Run: ``.venv/bin/python benchmarks/redaction/rule_speed.py`` (``--mb 10`` sets the log size).

Each rule's ``find`` is drained over the text in 1 MiB chunks (how the streaming engine feeds
rules) and the best of three rounds is reported in MB/s, beside a plain ``str.splitlines``
pass over the same text as a baseline for "as fast as Python can touch the text". Times are
CPU time of this process, so other work on the machine does not skew them.

Targets (issue 3): the whole default policy ≥ 20 MB/s on mixed logs, so each rule should reach
≥ 100 MB/s on text without candidates and ≥ 50 MB/s on typical logs.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Iterator

from supportkit.redaction._rule import Rule
from supportkit.redaction.rules.machine import machine_rules
from supportkit.redaction.rules.paths import RULES as PATH_RULES
from supportkit.redaction.rules.personal import RULES as PERSONAL_RULES

CHUNK = 1 << 20
_PROSE = (
    "the request was retried after the upstream closed the connection while the worker "
    "waited for a reply from the cache and the queue drained slowly because each message "
    "carried a large payload that had to be decoded validated and stored before the next "
    "one could be taken so the scheduler backed off and the client saw a timeout"
)
_WORDS = tuple(_PROSE.split())
_MODULES = ("app.sync", "app.api.orders", "requests.adapters", "urllib3.connectionpool", "db.pool")
_LEVELS = ("DEBUG", "INFO", "INFO", "INFO", "WARNING", "ERROR")


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def _uuid(rng: random.Random) -> str:
    return f"{_hex(rng, 8)}-{_hex(rng, 4)}-{_hex(rng, 4)}-{_hex(rng, 4)}-{_hex(rng, 12)}"


def _ts(rng: random.Random) -> str:
    return f"2026-11-{rng.randint(1, 28):02d} {_clock(rng)}"


def _clock(rng: random.Random) -> str:
    return f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def _ip(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    return (
        f"{rng.randint(11, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    )


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n))


def _app_line(rng: random.Random) -> str:
    extra = ""
    if rng.random() < 0.01:
        extra = f" contact=ana.{rng.randint(1, 99)}@example.org phone=+84 28 3822 {rng.randint(1000, 9999)}"  # noqa: E501
    return (
        f"{_ts(rng)},{rng.randint(0, 999):03d} {rng.choice(_LEVELS)} [worker-{rng.randint(1, 8)}] "
        f"{rng.choice(_MODULES)}: {_sentence(rng, 6)} rows={rng.randint(0, 99999)} "
        f"took {rng.uniform(0, 900):.1f}ms request_id={_uuid(rng)} "
        f"order=ORD-{rng.randint(10**6, 10**7)}{extra}"
    )


def _json_line(rng: random.Random) -> str:
    return (
        f'{{"ts":"2026-11-23T{_clock(rng)}.'
        f'{rng.randint(0, 999):03d}Z","level":"info","logger":"{rng.choice(_MODULES)}",'
        f'"msg":"{_sentence(rng, 5)}","trace_id":"{_hex(rng, 32)}",'
        f'"duration_ms":{rng.uniform(0, 99):.3f},'
        f'"status":{rng.choice((200, 201, 204, 404, 500))},"bytes":{rng.randint(0, 10**7)},'
        f'"version":"1.{rng.randint(0, 30)}.{rng.randint(0, 9)}","commit":"{_hex(rng, 40)}"}}'
    )


def _access_line(rng: random.Random) -> str:
    return (
        f'{_ip(rng)} - - [23/Nov/2026:{_clock(rng)} +0000] "GET '
        f"/api/v1/orders/{rng.randint(1, 10**7)}?page={rng.randint(1, 9)} "
        f'HTTP/1.1" {rng.choice((200, 304, 404))} {rng.randint(100, 99999)} "-" '
        f'"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 '
        f'Chrome/131.0.{rng.randint(0, 9999)}.{rng.randint(0, 99)}"'
    )


def _traceback(rng: random.Random) -> str:
    frames = [
        f'  File "/usr/lib/python3.11/site-packages/{rng.choice(_MODULES).replace(".", "/")}.py", '
        f"line {rng.randint(1, 2000)}, in {rng.choice(_WORDS)}\n    {rng.choice(_WORDS)}()"
        for _ in range(rng.randint(2, 6))
    ]
    if rng.random() < 0.2:
        frames.append(f'  File "/home/alice/project/app.py", line {rng.randint(1, 400)}, in main')
    return "Traceback (most recent call last):\n" + "\n".join(frames) + "\nValueError: bad value"


def mixed_logs(size: int, seed: int = 3) -> str:
    """About ``size`` characters of application, JSON and access log lines with tracebacks."""
    rng = random.Random(seed)
    makers: tuple[Callable[[random.Random], str], ...] = (_app_line, _json_line, _access_line)
    parts: list[str] = []
    total = 0
    while total < size:
        line = _traceback(rng) if rng.random() < 0.02 else rng.choice(makers)(rng)
        parts.append(line)
        total += len(line) + 1
    return "\n".join(parts)


def prose(size: int, seed: int = 4) -> str:
    """About ``size`` characters of text with no candidates at all (no digits, no ``@``)."""
    rng = random.Random(seed)
    lines = []
    total = 0
    while total < size:
        line = _sentence(rng, 14).capitalize() + "."
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines)


def _chunks(text: str) -> Iterator[str]:
    for start in range(0, len(text), CHUNK):
        yield text[start : start + CHUNK]


def _mb_per_s(run: Callable[[str], object], text: str, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for chunk in _chunks(text):
            run(chunk)
        best = min(best, time.process_time() - start)
    return len(text.encode()) / 1e6 / best


def _drain(rule: Rule) -> Callable[[str], object]:
    return lambda chunk: sum(1 for _ in rule.find(chunk))


def _drain_all(rules: list[Rule]) -> Callable[[str], object]:
    """Every rule on each chunk in turn, as the engine runs them (sharing per-chunk scans)."""
    return lambda chunk: sum(1 for rule in rules for _ in rule.find(chunk))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of each corpus in MB")
    args = parser.parse_args()
    size = int(args.mb * 1e6)
    logs, plain = mixed_logs(size), prose(size)
    rules: list[Rule] = [*PERSONAL_RULES, *PATH_RULES, *machine_rules("alice", "build-box-7")]
    print(f"{'rule':<22}{'logs MB/s':>12}{'prose MB/s':>12}{'hits/MB':>10}")
    print(
        f"{'(splitlines)':<22}{_mb_per_s(str.splitlines, logs):>12.0f}"
        f"{_mb_per_s(str.splitlines, plain):>12.0f}"
    )
    for rule in rules:
        hits = sum(1 for chunk in _chunks(logs) for _ in rule.find(chunk))
        print(
            f"{rule.name:<22}{_mb_per_s(_drain(rule), logs):>12.0f}"
            f"{_mb_per_s(_drain(rule), plain):>12.0f}{hits / (len(logs) / 1e6):>10.1f}"
        )
    together = _drain_all(rules)
    print(
        f"{'(all, one chunk)':<22}{_mb_per_s(together, logs):>12.0f}"
        f"{_mb_per_s(together, plain):>12.0f}"
    )


if __name__ == "__main__":
    main()
