"""summary.md: what a support engineer reads first, with empty sections left out."""

from __future__ import annotations

import re

import pytest

from supportkit.bundle import BudgetCut, render_summary
from supportkit.bundle._summary import render_environment
from supportkit.models import AttachmentInfo, Cut, Problem, Report


def _section(summary: str, title: str) -> str:
    """The body of one '## title' section."""
    match = re.search(rf"^## {re.escape(title)}\n\n(.*?)(?=^## |\Z)", summary, re.M | re.S)
    assert match is not None, f"no section {title!r} in:\n{summary}"
    return match.group(1)


@pytest.fixture(name="summary")
def _summary(report: Report) -> str:
    return render_summary(report)


def test_starts_with_the_title(summary: str) -> None:
    """The report's title is the page's heading."""
    assert summary.startswith("# Export to PDF does nothing\n")


def test_problem_has_what_support_asks_first(summary: str) -> None:
    """Description, expected, actual, when, category and what was tried are all there."""
    problem = _section(summary, "Problem")
    assert "spinner that never stops" in problem
    assert "**Expected:** A PDF opens in the viewer." in problem
    assert "**Actual:** The spinner keeps spinning" in problem
    assert "**When:** 2024-05-14 09:25:12 UTC" in problem
    assert "**Category:** export" in problem
    assert "- Restarted the app → Same problem" in problem
    assert "- Exported another invoice\n" in problem


def test_error_text_is_verbatim_in_a_fence(summary: str) -> None:
    """The error text keeps its line breaks and indentation."""
    problem = _section(summary, "Problem")
    assert "```\nExportError: renderer exited with status 3\n  at pdf.render()\n```" in problem


def test_error_text_cannot_close_its_fence(report: Report) -> None:
    """Backticks inside the error text get a longer fence around them."""
    problem = report.problem.model_copy(update={"error_text": "see ```code``` here"})
    summary = render_summary(report.model_copy(update={"problem": problem}))
    assert "````\nsee ```code``` here\n````" in summary


def test_priority_line(summary: str) -> None:
    """Priority names the level, the inputs and the response target."""
    assert _section(summary, "Priority").strip() == (
        "**P2 High** (urgency high, impact medium) — first response due within 4 h"
    )


def test_contact_details(summary: str) -> None:
    """Everything needed to reach the reporter is listed."""
    contact = _section(summary, "Contact")
    for expected in (
        "Dana Example",
        "dana@example.com",
        "+442079460958",
        "Europe/London",
        "mornings",
        "ACME-4711",
    ):
        assert expected in contact


def test_steps_are_numbered(summary: str) -> None:
    """Reproduction steps keep their order."""
    assert _section(summary, "Steps to reproduce").strip().splitlines() == [
        "1. Open invoice 2024-117",
        "2. Click Export",
        "3. Choose PDF",
    ]


def test_only_the_last_ten_breadcrumbs(summary: str) -> None:
    """Older events are in report.json; the summary shows the recent ones."""
    events = _section(summary, "Last 10 events")
    assert "event number 11" in events
    assert "event number 2" in events
    assert "event number 1\n" not in events
    assert len(events.strip().splitlines()) == 10


def test_exception_with_fingerprint_and_innermost_frames(summary: str) -> None:
    """The raised exception, its fingerprint and where it was raised."""
    exception = _section(summary, "Exception")
    assert "`invoicer.export.ExportError: renderer exited with status 3`" in exception
    assert "Fingerprint: `f3a9c2e1`" in exception
    assert "`invoicer/export.py:214` in `render_pdf` — `raise ExportError(status)`" in exception
    assert "- OSError: broken pipe" in exception


def test_environment_in_a_few_lines(summary: str) -> None:
    """OS, CPU, memory, displays, Python, app and package count."""
    environment = _section(summary, "Environment")
    assert "**App:** invoicer 2.4.1 (build abc123)" in environment
    assert "**OS:** Ubuntu 24.04.1 LTS (6.8.0-45-generic, x86_64)" in environment
    assert "**CPU:** AMD Ryzen 7 7840U, 8 cores, 16 threads" in environment
    assert "**Memory:** 32.0 GiB, 12.0 GiB available" in environment
    assert "**Displays:** 2 (x11)" in environment
    assert "**Python:** CPython 3.12.3, venv /home/dana/.venv" in environment
    assert "**Packages:** 2 installed" in environment


def test_render_environment_alone(report: Report) -> None:
    """The environment lines can be printed without a report, e.g. by 'supportkit sysinfo'."""
    lines = render_environment(report.environment)
    assert lines[0] == "- **OS:** Ubuntu 24.04.1 LTS (6.8.0-45-generic, x86_64)"
    assert not any("App" in line for line in lines)


def test_collector_failures_and_notes_are_listed_as_missing(summary: str) -> None:
    """Failed collectors and collectors' notes say what the report lacks."""
    missing = _section(summary, "What is missing")
    assert "displays" not in missing
    assert "Collector `packages` failed: PermissionError: site-packages not readable" in missing
    assert "Collector `logs`: /var/log/gone.log not found" in missing
    assert "Collector `system`" not in missing


def test_skipped_collectors_are_listed_apart(summary: str) -> None:
    """Collectors with nothing to collect are listed under 'Not collected', with the reason."""
    assert "- `displays`: no display server" in _section(summary, "Not collected")


def test_cuts_are_listed_as_missing(report: Report) -> None:
    """Budget cuts passed in appear with sizes and reason, each once."""
    attachment = AttachmentInfo(
        path="attachments/app.log",
        kind="log",
        source="/var/log/app.log",
        media_type="text/plain",
        size=2048,
        original_size=3 * 1024 * 1024,
        cuts=(Cut(action="tail", original_size=3 * 1024 * 1024, kept_size=2048, reason="tail"),),
    )
    dropped = BudgetCut(
        path="attachments/screen.png",
        action="dropped",
        original_size=1024 * 1024,
        kept_size=0,
        reason="to fit the 5.0 MiB bundle size budget",
    )
    tail = BudgetCut(path="attachments/app.log", **attachment.cuts[0].model_dump())
    summary = render_summary(
        report.model_copy(update={"attachments": (attachment,)}), [dropped, tail]
    )
    missing = _section(summary, "What is missing")
    assert "`attachments/screen.png`: left out (1.0 MiB) — to fit the 5.0 MiB" in missing
    assert missing.count("`attachments/app.log`: only the last 2.0 KiB of 3.0 MiB kept") == 1


def test_attachment_cuts_in_the_report_show_without_being_passed(report: Report) -> None:
    """A summary rendered from the report alone still says what was cut."""
    attachment = AttachmentInfo(
        path="attachments/big.log",
        kind="log",
        source="/var/log/big.log",
        media_type="text/plain",
        size=1024,
        original_size=4096,
        cuts=(Cut(action="trimmed", original_size=4096, kept_size=1000, reason="budget"),),
    )
    summary = render_summary(report.model_copy(update={"attachments": (attachment,)}))
    assert "- `attachments/big.log` — 1.0 KiB (log, from /var/log/big.log) — cut" in summary
    assert "`attachments/big.log`: middle cut, 1000 B of 4.0 KiB kept — budget" in summary


def test_identifiers(summary: str) -> None:
    """Report id, time and schema version let anyone find the report again."""
    identifiers = _section(summary, "Identifiers")
    assert "**Report id:** `01HXTZ8Q3W4V5N6M7K8J9H0G1F`" in identifiers
    assert "2024-05-14 09:30:12 UTC (reporter's zone: Europe/Berlin, UTC+02:00)" in identifiers


def test_empty_sections_are_left_out(minimal_report: Report) -> None:
    """A bare report gets a short page without empty headings."""
    summary = render_summary(minimal_report)
    headings = re.findall(r"^## (.+)$", summary, re.M)
    assert headings == ["Priority", "Environment", "Identifiers"]


def test_free_text_cannot_add_headings(minimal_report: Report) -> None:
    """A title or step with line breaks stays on one line."""
    report = minimal_report.model_copy(
        update={"problem": Problem(title="Broken\n## Fake section"), "steps": ("a\n## b",)}
    )
    summary = render_summary(report)
    assert re.findall(r"^## (.+)$", summary, re.M) == [
        "Priority",
        "Steps to reproduce",
        "Environment",
        "Identifiers",
    ]
