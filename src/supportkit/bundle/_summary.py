"""``summary.md``: the page a support engineer reads before opening anything else.

It answers the usual first questions in their usual order — what went wrong, how urgent,
who to call, how to reproduce it, where it runs — and says plainly what the bundle lacks,
so nobody goes looking for a log that was cut or a collector that never ran.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta, timezone

from supportkit._units import human_size
from supportkit.bundle._manifest import BudgetCut, RedactionRecord
from supportkit.models import (
    AttachmentInfo,
    Contact,
    Environment,
    ExceptionReport,
    Priority,
    Problem,
    Report,
)

__all__ = ["render_environment", "render_summary"]

_BREADCRUMB_COUNT = 10
_FRAME_COUNT = 5
_Section = tuple[str, list[str]]


def render_summary(
    report: Report, cuts: Sequence[BudgetCut] = (), redaction: RedactionRecord | None = None
) -> str:
    """Markdown overview of ``report``.

    ``cuts`` are what the bundle left out and ``redaction`` what was removed from it (both as
    the manifest records them).
    """
    sections: list[_Section] = [
        ("Problem", _problem(report.problem)),
        ("Priority", _priority(report.priority)),
        ("Contact", _contact(report.contact)),
        ("Steps to reproduce", _steps(report.steps)),
        (f"Last {_BREADCRUMB_COUNT} events", _breadcrumbs(report)),
        ("Exception", _exception(report.exception)),
        ("Environment", _environment(report)),
        ("Attachments", _attachments(report.attachments)),
        ("What is missing", _missing(report, cuts)),
        ("Not collected", _skipped(report)),
        ("Redaction", _redaction(redaction)),
        ("Identifiers", _identifiers(report)),
    ]
    parts = [f"# {_inline(report.problem.title)}"]
    parts.extend(f"## {title}\n\n" + "\n".join(lines) for title, lines in sections if lines)
    return "\n\n".join(parts) + "\n"


def _problem(problem: Problem) -> list[str]:
    lines: list[str] = []
    if problem.description:
        lines += [problem.description.strip(), ""]
    lines += _fields(
        ("Expected", problem.expected),
        ("Actual", problem.actual),
        ("When", _when(problem.occurred_at)),
        ("Category", problem.category),
    )
    if problem.error_text:
        lines += ["", "Error text, verbatim:", "", *_fenced(problem.error_text)]
    if problem.tried:
        lines += ["", "Already tried:", ""]
        lines += [
            f"- {_inline(attempt.action)}"
            + (f" → {_inline(attempt.result)}" if attempt.result else "")
            for attempt in problem.tried
        ]
    return _strip_blank_edges(lines)


def _priority(priority: Priority) -> list[str]:
    return [
        f"**P{priority.level} {_inline(priority.name)}** (urgency {priority.urgency}, impact "
        f"{priority.impact}) — first response due within {_duration(priority.target_response)}"
    ]


def _contact(contact: Contact | None) -> list[str]:
    if contact is None:
        return []
    return _fields(
        ("Name", contact.name),
        ("Email", contact.email),
        ("Phone", contact.phone),
        ("Time zone", contact.timezone),
        ("Preferred time", contact.preferred_contact_time),
        ("Reference", contact.reference),
    )


def _steps(steps: Iterable[str]) -> list[str]:
    return [f"{number}. {_inline(step)}" for number, step in enumerate(steps, start=1)]


def _breadcrumbs(report: Report) -> list[str]:
    return [
        f"- {_when(crumb.timestamp)} [{crumb.level}] {crumb.category}: {_inline(crumb.message)}"
        for crumb in report.breadcrumbs[-_BREADCRUMB_COUNT:]
    ]


def _exception(exception: ExceptionReport | None) -> list[str]:
    if exception is None or not exception.chain:
        return []
    raised = exception.chain[-1]
    lines = [
        f"`{raised.type}: {_inline(raised.message)}`",
        "",
        f"Fingerprint: `{exception.fingerprint}`",
    ]
    if raised.frames:
        lines += ["", "Innermost frames:", ""]
        for frame in raised.frames[-_FRAME_COUNT:]:
            where = f"{frame.file}:{frame.line}" if frame.line is not None else frame.file
            source = f" — `{frame.source}`" if frame.source else ""
            lines.append(f"- `{where}` in `{frame.function}`{source}")
    earlier = [f"- {info.type}: {_inline(info.message)}" for info in exception.chain[:-1]]
    if earlier:
        lines += ["", "Earlier in the chain:", "", *earlier]
    return lines


def _environment(report: Report) -> list[str]:
    app = report.app
    build = f"(build {app.build})" if app.build else None
    app_line = _fields(("App", " ".join(part for part in (app.name, app.version, build) if part)))
    return app_line + render_environment(report.environment)


def render_environment(environment: Environment) -> list[str]:
    """The environment in a few Markdown list lines, e.g. for pasting into an issue."""
    system, runtime, displays = environment.system, environment.runtime, environment.displays
    lines: list[str] = []
    if system is not None:
        lines += _fields(
            ("OS", f"{system.os_name} ({_joined(system.kernel, system.architecture)})"),
            ("CPU", _cpu(system.cpu_model, system.cpu_cores_physical, system.cpu_cores_logical)),
            ("Memory", _memory(system.memory_total, system.memory_available)),
        )
    if displays is not None:
        server = f" ({displays.server})" if displays.server else ""
        lines += _fields(("Displays", f"{displays.count}{server}"))
    if runtime is not None:
        venv = f", venv {runtime.virtual_env}" if runtime.virtual_env else ", no venv"
        lines += _fields(("Python", f"{runtime.implementation} {runtime.version}{venv}"))
    if environment.packages is not None:
        lines += _fields(("Packages", f"{len(environment.packages)} installed"))
    return lines


def _attachments(attachments: Iterable[AttachmentInfo]) -> list[str]:
    lines = []
    for info in attachments:
        if info.cuts and info.cuts[-1].action == "dropped":
            continue
        kind = f"{info.kind}, binary" if info.binary else info.kind
        cut = " — cut, see below" if info.cuts else ""
        lines.append(f"- `{info.path}` — {human_size(info.size)} ({kind}, from {info.source}){cut}")
    return lines


def _missing(report: Report, cuts: Sequence[BudgetCut]) -> list[str]:
    records = [(cut.path, cut.action, cut.original_size, cut.kept_size, cut.reason) for cut in cuts]
    for info in report.attachments:
        for cut in info.cuts:
            record = (info.path, cut.action, cut.original_size, cut.kept_size, cut.reason)
            if record not in records:
                records.append(record)
    lines = [_cut_line(*record) for record in records]
    for run in report.capture:
        if run.status == "failed":
            error = ": ".join(filter(None, [run.error_type, run.error_message]))
            lines.append(f"- Collector `{run.name}` failed: {_inline(error or 'unknown error')}")
        lines.extend(f"- Collector `{run.name}`: {_inline(note)}" for note in run.notes)
    return lines


def _redaction(redaction: RedactionRecord | None) -> list[str]:
    """Counts per rule, never values, so the reader knows what the placeholders stand for."""
    if redaction is None:
        return []
    totals = redaction.totals
    replaced = ", ".join(f"{rule} {count}" for rule, count in totals.items()) or "nothing found"
    lines = _fields(
        ("Replaced", replaced),
        ("Policy", f"{redaction.policy}; pseudonyms {redaction.pseudonyms}"),
        ("Self-test", redaction.self_test),
    )
    lines += [
        f"- **Rule failed:** `{f.rule}` on `{f.artifact}` ({f.error}); that text was withheld"
        for f in redaction.failures
    ]
    lines += [
        f"- **Not redacted (binary, allowed by the host):** `{p}`" for p in redaction.unredacted
    ]
    return lines


def _skipped(report: Report) -> list[str]:
    """Collectors with nothing to collect here; expected, so kept apart from what is missing."""
    return [
        f"- `{run.name}`: {_inline(run.reason or 'no reason given')}"
        for run in report.capture
        if run.status == "skipped"
    ]


def _cut_line(path: str, action: str, original: int, kept: int, reason: str) -> str:
    if action == "dropped":
        what = f"left out ({human_size(original)})"
    elif action == "tail":
        what = f"only the last {human_size(kept)} of {human_size(original)} kept"
    else:
        what = f"middle cut, {human_size(kept)} of {human_size(original)} kept"
    return f"- `{path}`: {what} — {_inline(reason)}"


def _identifiers(report: Report) -> list[str]:
    zone = ", ".join(filter(None, [report.timezone, f"UTC{report.utc_offset}"]))
    return _fields(
        ("Report id", f"`{report.id}`"),
        ("Created", f"{_when(report.created_at)} (reporter's zone: {zone})"),
        ("Schema version", report.schema_version),
        ("Fingerprint", f"`{report.exception.fingerprint}`" if report.exception else None),
    )


def _fields(*pairs: tuple[str, str | None]) -> list[str]:
    return [f"- **{label}:** {_inline(value)}" for label, value in pairs if value]


def _fenced(text: str) -> list[str]:
    """A code fence longer than any backtick run inside, so the text cannot close it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence, text.rstrip("\n"), fence]


def _inline(text: str) -> str:
    """One line, so free text cannot start a heading or a list of its own."""
    return " ".join(text.split())


def _when(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def _duration(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes % (24 * 60) == 0 and minutes:
        return f"{minutes // (24 * 60)} d"
    if minutes % 60 == 0 and minutes:
        return f"{minutes // 60} h"
    return f"{minutes} min"


def _cpu(model: str | None, physical: int | None, logical: int | None) -> str | None:
    cores = None
    if physical and logical and physical != logical:
        cores = f"{physical} cores, {logical} threads"
    elif logical or physical:
        cores = f"{logical or physical} cores"
    return ", ".join(filter(None, [model, cores])) or None


def _memory(total: int | None, available: int | None) -> str | None:
    if total is None:
        return None
    free = f", {human_size(available)} available" if available is not None else ""
    return f"{human_size(total)}{free}"


def _joined(*parts: str | None) -> str:
    return ", ".join(part for part in parts if part)


def _strip_blank_edges(lines: list[str]) -> list[str]:
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines
