"""A labelled corpus of realistic mixed logs with fake secrets and decoys at known places.

Run: ``.venv/bin/python benchmarks/redaction/corpus.py OUT.txt --size 20MB [--seed 0]``;
writes ``OUT.txt`` and ``OUT.labels.jsonl``. Deterministic by seed.

The corpus mixes application log lines, JSON logs, HTTP access logs, tracebacks, environment
and config dumps, HTTP request dumps and free text in English, German, Russian, Vietnamese and
Swahili. About one planted item per 2 KB: half credentials and personal data (every kind in
``CANARY_KINDS``), half decoys (every kind in ``DECOY_KINDS``), each half dealt from a shuffled
deck of its kinds, so every kind is planted once before any is planted again. Each label is one
span:
``item`` (spans of one planted value share it), ``offset`` and ``length`` in characters of the
text, ``line`` (0-based), ``kind``, ``category`` (credential | personal | decoy), ``sha256``
of the value, and the ``value`` itself (every value is fake).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TextIO

from supportkit.redaction._canary import CANARY_KINDS, DECOY_KINDS, Canary, make_canary

ITEM_SHARE = 0.075  # of records; gives about one planted item per 2 KB
END_OF_BLOCK = "-- end --"


@dataclass(frozen=True, slots=True)
class Label:
    item: int
    offset: int
    length: int
    line: int
    kind: str
    category: str
    sha256: str
    value: str


# ------------------------------------------------------------------------ filler text

LEVELS = ("INFO", "INFO", "INFO", "DEBUG", "WARNING", "ERROR")
LOGGERS = ("app.http", "app.db", "shop.checkout", "worker.jobs", "auth.session", "sync.client")
MESSAGES = {
    "en": (
        "request completed in {ms} ms",
        "retrying upstream call, attempt {n} of 5",
        "cache miss for key orders:{n}",
        "user clicked Export on the reports page",
        "scheduled job nightly-report started",
        "connection pool exhausted, waiting for a free connection",
    ),
    "de": (
        "Anfrage nach {ms} ms abgeschlossen",
        "Export der Rechnung {n} fehlgeschlagen, neuer Versuch",
        "Benutzer hat die Einstellungen geöffnet",
    ),
    "ru": (
        "запрос выполнен за {ms} мс",
        "не удалось сохранить файл, повтор через {n} с",
        "пользователь открыл окно настроек",
    ),
    "vi": (
        "yêu cầu hoàn tất sau {ms} ms",
        "không thể kết nối tới máy chủ, thử lại lần {n}",
        "người dùng đã mở trang báo cáo",
    ),
    "sw": (
        "ombi limekamilika baada ya {ms} ms",
        "imeshindwa kuhifadhi faili, inajaribu tena mara ya {n}",
        "mtumiaji amefungua ukurasa wa ripoti",
    ),
}
PROSE = {
    "en": "Hi, the app crashed again when I tried to export the monthly report. "
    "It worked fine last week. Here is what the log said:",
    "de": "Hallo, seit dem letzten Update stürzt die App beim Export ab. "
    "Ich habe es dreimal versucht, immer dasselbe. Im Protokoll steht:",
    "ru": "Здравствуйте! После обновления приложение падает при экспорте отчёта. "
    "Пробовал перезапускать, не помогает. В журнале написано:",
    "vi": "Xin chào, ứng dụng bị treo mỗi khi tôi xuất báo cáo tháng. "
    "Tuần trước vẫn chạy bình thường. Nhật ký ghi như sau:",
    "sw": "Habari, programu inaanguka kila ninapojaribu kuhamisha ripoti ya mwezi. "
    "Wiki iliyopita ilifanya kazi vizuri. Kumbukumbu inasema:",
}
USER_AGENTS = (
    "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36",
    "okhttp/4.12.0",
    "python-requests/2.31.0",
)
PATHS = ("/api/v2/orders", "/api/v2/orders/search", "/healthz", "/static/app.css", "/login")
ENV = (
    "LANG=en_US.UTF-8",
    "PATH=/usr/local/bin:/usr/bin:/bin",
    "TZ=UTC",
    "PYTHONUNBUFFERED=1",
    "APP_ENV=production",
    "WORKERS=4",
    "LOG_LEVEL=info",
)
EXCEPTIONS = (
    "ValueError: invalid literal for int() with base 10: 'abc'",
    "KeyError: 'customer'",
    "ConnectionResetError: [Errno 104] Connection reset by peer",
    "TimeoutError: upstream did not answer within 30 s",
)
HEADER = re.compile(r"^[A-Za-z][A-Za-z-]*: ")
ENV_LINE = re.compile(r"^(export )?[A-Z][A-Z0-9_]*=")


def _timestamp(rng: random.Random) -> str:
    return (
        f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:"
        f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 999):03d}Z"
    )


def _message(rng: random.Random) -> str:
    language = rng.choice(("en", "en", "en", "de", "ru", "vi", "sw"))
    text = rng.choice(MESSAGES[language])
    return text.format(ms=rng.randint(1, 3000), n=rng.randint(1, 99999))


def _log_line(rng: random.Random, message: str) -> str:
    level, logger = rng.choice(LEVELS), rng.choice(LOGGERS)
    return f"{_timestamp(rng)} {level:<7} [worker-{rng.randint(1, 8)}] {logger}: {message}\n"


def _json_log(rng: random.Random, message: str) -> str:
    record = {
        "ts": _timestamp(rng),
        "level": rng.choice(LEVELS).lower(),
        "logger": rng.choice(LOGGERS),
        "msg": message,
        "duration_ms": rng.randint(1, 900),
    }
    return json.dumps(record, ensure_ascii=False) + "\n"


def _access_log(rng: random.Random) -> str:
    address = f"10.{rng.randint(0, 9)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    return (
        f"{address} - - [03/May/2024:{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:"
        f'{rng.randint(0, 59):02d} +0000] "{rng.choice(("GET", "POST"))} {rng.choice(PATHS)} '
        f'HTTP/1.1" {rng.choice((200, 200, 200, 304, 404, 500))} {rng.randint(100, 90000)} '
        f'"-" "{rng.choice(USER_AGENTS)}"\n'
    )


def _traceback(rng: random.Random, last: str) -> str:
    frames = "".join(
        f'  File "/opt/app/shop/{name}.py", line {rng.randint(10, 600)}, in {function}\n'
        f"    {code}\n"
        for name, function, code in rng.sample(
            [
                ("views", "export", "report = build_report(request)"),
                ("reports", "build_report", "rows = fetch_rows(query)"),
                ("db", "fetch_rows", "return cursor.execute(sql, params)"),
                ("client", "call", "response = session.post(url, json=payload)"),
            ],
            k=rng.randint(2, 4),
        )
    )
    return f"Traceback (most recent call last):\n{frames}{last}\n"


def _env_dump(rng: random.Random, extra: str) -> str:
    lines = rng.sample(ENV, k=4)
    if extra:
        lines.insert(rng.randint(0, 4), extra)
    return "# environment\n" + "\n".join(lines) + "\n"


def _request_dump(rng: random.Random, header: str) -> str:
    body = json.dumps({"sku": f"SKU-{rng.randint(1000, 9999)}", "qty": rng.randint(1, 5)})
    lines = [
        f"{rng.choice(('GET', 'POST'))} {rng.choice(PATHS)} HTTP/1.1",
        "Host: api.acme-corp.io",
        f"User-Agent: {rng.choice(USER_AGENTS)}",
        "Accept: application/json",
        "Content-Type: application/json",
    ]
    if header:
        lines.insert(rng.randint(2, len(lines)), header)
    return "\n".join(lines) + f"\n\n{body}\n"


def _prose(rng: random.Random, extra: str) -> str:
    text = PROSE[rng.choice(tuple(PROSE))]
    return f"{text} {extra}\n" if extra else f"{text}\n"


def _filler(rng: random.Random) -> str:
    choice = rng.random()
    if choice < 0.45:
        return _log_line(rng, _message(rng))
    if choice < 0.65:
        return _json_log(rng, _message(rng))
    if choice < 0.85:
        return _access_log(rng)
    if choice < 0.9:
        return _traceback(rng, rng.choice(EXCEPTIONS))
    if choice < 0.94:
        return _env_dump(rng, "")
    if choice < 0.97:
        return _request_dump(rng, "")
    return _prose(rng, "")


# ------------------------------------------------------------------- planted records

MARK = "\ue000"  # a private-use character that JSON encoding leaves alone


def _embed(rng: random.Random, canary: Canary) -> str:
    """A record holding ``canary.text`` exactly once, at the place of MARK."""
    text = canary.text
    if "\n" in text:
        intro = rng.choice(("config dump:", "key file contents:", "settings loaded from disk:"))
        return _log_line(rng, intro) + MARK + f"\n{END_OF_BLOCK}\n"
    if text.startswith("{"):
        return _log_line(rng, "login request payload=" + MARK)
    if HEADER.match(text) and rng.random() < 0.7:
        return _request_dump(rng, MARK)
    if ENV_LINE.match(text):
        return _env_dump(rng, MARK)
    choice = rng.random()
    if choice < 0.45:
        return _log_line(rng, MARK)
    if choice < 0.65 and json.dumps(text, ensure_ascii=False)[1:-1] == text:
        return _json_log(rng, MARK)
    if choice < 0.8:
        return _traceback(rng, f"RuntimeError: request failed: {MARK}")
    return _prose(rng, MARK)


def records(rng: random.Random) -> Iterator[tuple[str, Canary | None]]:
    """Endless records; a planted one holds its canary's text at ``MARK``."""
    canaries, decoys = _deck(rng, CANARY_KINDS), _deck(rng, DECOY_KINDS)
    while True:
        if rng.random() >= ITEM_SHARE:
            yield _filler(rng), None
            continue
        canary = make_canary(next(canaries if rng.random() < 0.5 else decoys), rng)
        yield _embed(rng, canary), canary


def _deck(rng: random.Random, kinds: tuple[str, ...]) -> Iterator[str]:
    """``kinds`` dealt in a new shuffled order each round."""
    while True:
        dealt = list(kinds)
        rng.shuffle(dealt)
        yield from dealt


def write(out: TextIO, size: int, seed: int = 0, labels: TextIO | None = None) -> tuple[int, int]:
    """Write about ``size`` characters of corpus to ``out``; return (characters, items)."""
    rng = random.Random(seed)
    offset = line = items = 0
    for record, canary in records(rng):
        if canary is not None:
            before, found, _ = record.partition(MARK)
            assert found, "every planted record has a place for its canary"
            start = offset + len(before)
            start_line = line + before.count("\n")
            if labels is not None:
                _write_labels(labels, canary, items, start, start_line)
            items += 1
        text = record.replace(MARK, canary.text) if canary is not None else record
        out.write(text)
        offset += len(text)
        line += text.count("\n")
        if offset >= size:
            return offset, items
    raise AssertionError("records() never ends")


def _write_labels(labels: TextIO, canary: Canary, item: int, start: int, line: int) -> None:
    for (begin, end), value in zip(canary.spans, canary.values, strict=True):
        label = Label(
            item=item,
            offset=start + begin,
            length=end - begin,
            line=line + canary.text.count("\n", 0, begin),
            kind=canary.kind,
            category=canary.category,
            sha256=hashlib.sha256(value.encode()).hexdigest(),
            value=value,
        )
        labels.write(json.dumps(asdict(label), ensure_ascii=False) + "\n")


def generate(size: int, seed: int = 0) -> tuple[str, list[Label]]:
    """The corpus and its labels, in memory (for tests and small benchmarks)."""
    import io

    text, labels = io.StringIO(), io.StringIO()
    write(text, size, seed, labels)
    return text.getvalue(), parse_labels(labels.getvalue())


def parse_labels(jsonl: str) -> list[Label]:
    return [Label(**json.loads(line)) for line in jsonl.splitlines() if line]


def parse_size(text: str) -> int:
    units = {"KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30}
    for unit, factor in units.items():
        if text.upper().endswith(unit):
            return int(float(text[: -len(unit)]) * factor)
    return int(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="20MB", help="e.g. 200KB, 20MB, 1GB")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    labels_path = args.out.with_suffix(".labels.jsonl")
    with (
        args.out.open("w", encoding="utf-8", newline="") as out,
        labels_path.open("w", encoding="utf-8") as labels,
    ):
        chars, items = write(out, parse_size(args.size), args.seed, labels)
    print(f"wrote {chars:,} characters, {items:,} planted items to {args.out} and {labels_path}")


if __name__ == "__main__":
    main()
