"""The subcommands of ``supportkit``: collect, inspect, verify, sysinfo, history, redact,
(from :mod:`supportkit.cli._delivery`) send and outbox, and (from
:mod:`supportkit.cli._config`) config."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from supportkit.bundle import SealedBundle

EXIT_OK = 0
EXIT_FAILED = 1
ENVIRONMENT_COLLECTORS = (
    "system",
    "runtime",
    "locale",
    "displays",
    "process",
    "packages",
    "variables",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, one subparser per command."""
    from supportkit.cli._config import add_config_command, add_config_option  # noqa: PLC0415
    from supportkit.cli._delivery import add_delivery_commands  # noqa: PLC0415

    parser = argparse.ArgumentParser(
        prog="supportkit",
        description="Capture problem reports into sealed, verifiable bundles and file them.",
    )
    add_config_option(parser, on_command=False)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_collect(commands)
    inspect = commands.add_parser("inspect", help="show a bundle's summary")
    inspect.add_argument("bundle", type=Path)
    inspect.add_argument("--json", action="store_true", help="print report.json instead")
    inspect.set_defaults(handler=inspect_command)
    verify = commands.add_parser("verify", help="check a bundle's hashes and structure")
    verify.add_argument("bundle", type=Path)
    verify.set_defaults(handler=verify_command)
    sysinfo = commands.add_parser("sysinfo", help="print this machine's environment")
    sysinfo.add_argument("--json", action="store_true")
    sysinfo.set_defaults(handler=sysinfo_command)
    history = commands.add_parser("history", help="list reports sent from this machine")
    history.add_argument("--json", action="store_true")
    history.add_argument("--limit", type=int, default=20, help="newest N entries (0: all)")
    history.set_defaults(handler=history_command)
    _add_redact(commands)
    add_delivery_commands(commands)
    add_config_command(commands)
    return parser


def _add_redact(commands: Any) -> None:
    redact = commands.add_parser(
        "redact",
        help="remove secrets and personal data from a text file or stdin",
        description="Write FILE (or stdin) redacted to -o (or stdout); print per-rule counts "
        "to stderr.",
    )
    redact.add_argument("file", nargs="?", default="-", help="a text file, or - for stdin")
    redact.add_argument("-o", "--output", default="-", help="where to write (default: stdout)")
    redact.add_argument("--report", type=Path, help="also write the counts as JSON here")
    redact.add_argument(
        "--self-test", action="store_true",
        help="plant fake secrets of every kind and check the policy removes them all",
    )  # fmt: skip
    redact.set_defaults(handler=redact_command)


def redact_command(args: argparse.Namespace) -> int:
    """Redact a file or stdin; or, with --self-test, check the policy against canaries."""
    from supportkit.collectors._files import text_file_problem  # noqa: PLC0415
    from supportkit.redaction import default_policy, redact_file  # noqa: PLC0415
    from supportkit.redaction._selftest import run_self_test  # noqa: PLC0415

    policy = default_policy()
    if args.self_test:
        result = run_self_test(policy)
        for kind in result.planted:
            _note(f"{'SURVIVED' if kind in result.survived else 'removed '}  {kind}")
        verdict = "passed" if result.passed else f"failed: {len(result.survived)} kinds survived"
        _note(f"self-test {verdict} ({len(result.planted)} kinds planted)")
        return EXIT_OK if result.passed else EXIT_FAILED
    problem = None if args.file == "-" else text_file_problem(Path(args.file))
    if problem is not None:
        _note(f"error: {args.file} {problem}")
        return EXIT_FAILED
    audit = redact_file(args.file, args.output, policy)
    totals: dict[str, int] = {}
    for counts in audit.artifacts.values():
        for rule, count in counts.items():
            totals[rule] = totals.get(rule, 0) + count
    for rule, count in sorted(totals.items()):
        _note(f"{count:>8}  {rule}")
    _note(f"{sum(totals.values()):>8}  replaced in all")
    for failure in audit.failures:
        _note(f"rule {failure.rule} failed ({failure.error}); the text it covered was withheld")
    if args.report is not None:
        args.report.write_text(json.dumps(audit.to_dict(), indent=2) + "\n", encoding="utf-8")
    return EXIT_OK


def _add_collect(commands: Any) -> None:
    collect = commands.add_parser(
        "collect",
        help="capture a report",
        description="Capture a report. With -o the bundle is written there; without it the "
        "bundle is filed where the configuration says (`supportkit config` shows where) and "
        "the receipt is printed. --send delivers it elsewhere.",
    )
    collect.add_argument("-o", "--output", type=Path, help="write the bundle to this .zip")
    collect.add_argument("--title", required=True)
    collect.add_argument("--description")
    collect.add_argument("--expected", help="what you expected to happen")
    collect.add_argument("--actual", help="what happened instead")
    collect.add_argument("--error-text", help="the exact error message shown")
    collect.add_argument("--category", help="routing key, e.g. billing")
    collect.add_argument(
        "--tried", action="append", default=[], metavar="ACTION[=>RESULT]",
        help="something already tried, and its result (repeatable)",
    )  # fmt: skip
    collect.add_argument("--step", action="append", default=[], help="a reproduction step")
    collect.add_argument("--log", action="append", default=[], type=Path, help="a log file")
    collect.add_argument("--attach", action="append", default=[], type=Path, help="any file")
    collect.add_argument("--allow-binary", action="store_true", help="attach binary files too")
    collect.add_argument("--app", default="unknown", help="the application's name")
    collect.add_argument("--app-version")
    collect.add_argument("--app-build")
    collect.add_argument("--urgency", default="medium", choices=("low", "medium", "high"))
    collect.add_argument("--impact", default="medium", choices=("low", "medium", "high"))
    collect.add_argument("--contact-name")
    collect.add_argument("--contact-email")
    collect.add_argument("--contact-phone")
    collect.add_argument("--contact-region", help="country code for a national phone number")
    collect.add_argument("--contact-timezone")
    collect.add_argument("--contact-time", help="when the reporter prefers to be contacted")
    collect.add_argument("--contact-reference", help="order or account reference")
    collect.add_argument(
        "--screenshot", action=argparse.BooleanOptionalAction, default=False,
        help="include a screenshot of the primary monitor",
    )  # fmt: skip
    collect.add_argument(
        "--budget", type=_size, metavar="SIZE", help="bundle size budget: bytes, or e.g. 10MiB"
    )
    collect.add_argument("--json", action="store_true", help="print the manifest as JSON")
    collect.add_argument(
        "--send", action="append", metavar="NAME|URL",
        help="deliver the bundle there through the outbox: a configured destination's name or "
        "a URL, e.g. rt://rt.example.com/General (repeatable)",
    )  # fmt: skip
    collect.add_argument(
        "--profile",
        help="what every destination receives: full or minimal (default: as configured)",
    )
    from supportkit.cli._config import add_config_option  # noqa: PLC0415

    add_config_option(collect)
    collect.set_defaults(handler=collect_command)


def _size(text: str) -> int:
    """An argparse type for sizes: ``5242880``, ``10MiB``."""
    from supportkit._units import parse_size  # noqa: PLC0415

    try:
        size = parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if size <= 0:
        msg = f"{text!r}: the budget must be above 0"
        raise argparse.ArgumentTypeError(msg)
    return size


def collect_command(args: argparse.Namespace) -> int:
    """Capture a report; write it to -o, or file it where the configuration says."""
    from supportkit._config import load_settings  # noqa: PLC0415
    from supportkit._reporter import Reporter  # noqa: PLC0415
    from supportkit.transports import FileTransport  # noqa: PLC0415

    settings = load_settings(config=args.config, send_to=args.send, budget_bytes=args.budget)
    reporter = Reporter(
        args.app,
        args.app_version,
        app_build=args.app_build,
        budget_bytes=settings.budget_bytes,
        transport=FileTransport(),  # this command delivers through the outbox itself
        config=args.config,
    )
    contact = {
        "name": args.contact_name,
        "email": args.contact_email,
        "phone": args.contact_phone,
        "phone_region": args.contact_region,
        "timezone": args.contact_timezone,
        "preferred_contact_time": args.contact_time,
        "reference": args.contact_reference,
    }
    bundle = reporter.capture(
        args.title,
        description=args.description,
        expected=args.expected,
        actual=args.actual,
        error_text=args.error_text,
        category=args.category,
        tried=[_split_tried(item) for item in args.tried],
        steps=args.step,
        urgency=args.urgency,
        impact=args.impact,
        contact=contact,
        logs=args.log,
        attachments=args.attach,
        allow_binary=args.allow_binary,
        screenshot=args.screenshot,
        output=args.output,
    )
    _report_capture_problems(bundle)
    if args.json:
        print(bundle.manifest.model_dump_json(indent=2))
    else:
        print(f"bundle: {bundle.path} ({len(bundle.manifest.files)} files)")
    if args.send or args.output is None:
        from supportkit.cli._delivery import send_bundle  # noqa: PLC0415

        out = sys.stderr if args.json else sys.stdout
        return send_bundle(bundle, settings.send_to, profile=args.profile, out=out)
    return EXIT_OK


def inspect_command(args: argparse.Namespace) -> int:
    """Print a verified bundle's summary (or report.json)."""
    bundle = _read(args.bundle)
    if args.json:
        print(bundle.report.model_dump_json(indent=2))
    else:
        print(bundle.read_file("summary.md").decode("utf-8"), end="")
        _print_audit(bundle)
        _note(f"verified: {len(bundle.manifest.files)} files intact in {bundle.path}")
    return EXIT_OK


def verify_command(args: argparse.Namespace) -> int:
    """Exit 0 when a bundle is intact; otherwise print why and exit 1."""
    bundle = _read(args.bundle)
    count = len(bundle.manifest.files)
    print(f"ok: {bundle.path}: report {bundle.report.id}, {count} files intact")
    return EXIT_OK


def sysinfo_command(args: argparse.Namespace) -> int:
    """Print the environment section alone, for pasting into an issue."""
    from supportkit._reporter import resolve_collectors  # noqa: PLC0415
    from supportkit.bundle._summary import render_environment  # noqa: PLC0415
    from supportkit.collectors._base import CaptureContext  # noqa: PLC0415
    from supportkit.collectors._runner import run_collectors  # noqa: PLC0415
    from supportkit.models import Environment  # noqa: PLC0415

    collectors = resolve_collectors(list(ENVIRONMENT_COLLECTORS), set())
    results = run_collectors(collectors, CaptureContext(app_name="supportkit"))
    sections = {r.run.name: r.section.data for r in results if r.section is not None}
    environment = Environment(**sections)
    if args.json:
        print(environment.model_dump_json(indent=2, exclude_none=True))
    else:
        print("\n".join(render_environment(environment)))
    for result in results:
        if result.run.status != "ok":
            detail = result.run.reason or result.run.error_message
            _note(f"{result.run.name}: {result.run.status}: {detail}")
    return EXIT_OK


def history_command(args: argparse.Namespace) -> int:
    """List the reports sent from this machine, oldest first."""
    from supportkit import _history  # noqa: PLC0415

    entries, unreadable = _history.read()
    if args.limit > 0:
        entries = entries[-args.limit :]
    if args.json:
        print(json.dumps([json.loads(e.model_dump_json()) for e in entries], indent=2))
    elif not entries:
        _note("no reports sent from this machine yet")
    for entry in [] if args.json else entries:
        when = entry.recorded_at.astimezone().strftime("%Y-%m-%d %H:%M")
        where = entry.url or entry.path or entry.destination
        ticket = entry.ticket_id or "-"
        print(f"{when}  {entry.report_id}  {ticket:<14}  {entry.status:<9}  {entry.title}  {where}")
    if unreadable:
        _note(f"{unreadable} unreadable history line(s) passed over in {_history.history_path()}")
    return EXIT_OK


def _print_audit(bundle: SealedBundle) -> None:
    """The redaction audit per artifact, as the manifest records it (counts, never values)."""
    redaction = bundle.manifest.redaction
    if redaction is None:
        print("\n## Redaction audit\n\nThis bundle records no redaction.")
        return
    print("\n## Redaction audit\n")
    for artifact, counts in redaction.artifacts.items():
        listed = ", ".join(f"{rule} {count}" for rule, count in counts.items()) or "nothing found"
        print(f"- `{artifact}`: {listed}")


def _read(path: Path) -> SealedBundle:
    from supportkit.bundle import read_bundle  # noqa: PLC0415

    return read_bundle(path)


def _split_tried(item: str) -> tuple[str, str | None]:
    action, _, result = item.partition("=>")
    return action.strip(), result.strip() or None


def _report_capture_problems(bundle: SealedBundle) -> None:
    for run in bundle.report.capture:
        for note in run.notes:
            _note(f"{run.name}: {note}")
        if run.status == "failed":
            _note(f"{run.name}: failed: {run.error_type}: {run.error_message}")


def _note(message: str) -> None:
    print(f"supportkit: {message}", file=sys.stderr)
