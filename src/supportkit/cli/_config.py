"""``supportkit config``: where reports go from here, and which setting said so."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from supportkit._config import Destination, Settings

EXIT_OK = 0


def add_config_option(parser: argparse.ArgumentParser, *, on_command: bool = True) -> None:
    """``--config FILE``, before the command or after it (where it wins)."""
    parser.add_argument(
        "--config", type=Path, metavar="FILE",
        default=argparse.SUPPRESS if on_command else None,
        help="a TOML file of destinations (default: $SUPPORTKIT_CONFIG; "
        "[tool.supportkit] in pyproject.toml applies beneath it)",
    )  # fmt: skip


def add_config_command(subparsers: Any) -> None:
    """Add ``config`` to the ``supportkit`` command's subparsers."""
    config = subparsers.add_parser(
        "config",
        help="show where reports go and where each setting comes from",
        description="Show the destinations in force here (credentials masked), where reports "
        "go by default, the bundle budget, and which argument, variable or file set each. "
        "Precedence: arguments > environment > --config / $SUPPORTKIT_CONFIG > "
        "[tool.supportkit] in pyproject.toml > built-in default.",
    )
    config.add_argument("--json", action="store_true")
    add_config_option(config)
    config.set_defaults(handler=config_command)


def config_command(args: argparse.Namespace) -> int:
    """Print the effective configuration."""
    from supportkit._config import load_settings  # noqa: PLC0415

    settings = load_settings(config=args.config)
    if args.json:
        print(json.dumps(_as_json(settings), indent=2))
        return EXIT_OK
    for line in _as_text(settings):
        print(line)
    return EXIT_OK


def _as_text(settings: Settings) -> list[str]:
    chosen = {(d.url, d.profile) for d in settings.send_to}
    listed = list(settings.destinations.values())
    listed += [d for d in settings.send_to if d.name is None]
    table = [("", "NAME", "PROFILE", "URL", "FROM")]
    table += [
        ("*" if (d.url, d.profile) in chosen else "", d.name or "-", d.profile, _shown(d), d.source)
        for d in listed
    ]
    widths = [max(len(row[column]) for row in table) for column in range(len(table[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in table
    ]
    budget = settings.budget_bytes
    files = ", ".join(str(path) for path in settings.files) or "none found"
    return [
        *lines,
        "",
        f"* where reports go when no destination is named (source: {settings.send_to_source})",
        f"budget: {_budget(budget)} (source: {settings.budget_source})",
        f"configuration files: {files}",
    ]


def _as_json(settings: Settings) -> dict[str, Any]:
    return {
        "send_to": [_destination_json(d) for d in settings.send_to],
        "send_to_source": settings.send_to_source,
        "destinations": {name: _destination_json(d) for name, d in settings.destinations.items()},
        "budget_bytes": settings.budget_bytes,
        "budget_source": settings.budget_source,
        "files": [str(path) for path in settings.files],
    }


def _destination_json(destination: Destination) -> dict[str, Any]:
    return {
        "name": destination.name,
        "url": _shown(destination),
        "profile": destination.profile,
        "source": destination.source,
    }


def _shown(destination: Destination) -> str:
    """The URL without credentials; the built-in default as the folder it files into."""
    if destination.url in ("file", "file:"):
        from supportkit.transports import FileTransport  # noqa: PLC0415

        return FileTransport().folder.as_uri()
    return destination.shown


def _budget(size: int | None) -> str:
    from supportkit._units import human_size  # noqa: PLC0415

    if size is None:
        from supportkit.bundle import DEFAULT_BUDGET_BYTES  # noqa: PLC0415

        size = DEFAULT_BUDGET_BYTES
    return f"{human_size(size)} = {size:,} bytes"
