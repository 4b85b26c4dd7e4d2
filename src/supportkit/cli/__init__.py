"""The ``supportkit`` command.

Exit codes: 0 success; 1 the operation failed (an invalid bundle, a delivery or write error);
2 a usage error or an argument supportkit cannot use; 130 interrupted. Data goes to stdout,
messages and errors to stderr.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Sequence

from supportkit.exceptions import InvalidArgumentError, SupportkitError

__all__ = ["main"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    from supportkit.cli._commands import build_parser  # noqa: PLC0415

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except InvalidArgumentError as exc:
        parser.exit(EXIT_USAGE, f"supportkit: error: {exc}\n")
    except SupportkitError as exc:
        _error(str(exc))
        return EXIT_FAILED
    except OSError as exc:
        _error(_os_error_message(exc))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    return code


# What to do next, for the errors a path given on the command line most often meets.
_NEXT_STEPS = {
    errno.ENOENT: "check the path; an output's folder must exist already",
    errno.EACCES: "check its permissions, or choose another path",
    errno.EPERM: "check its permissions, or choose another path",
    errno.ENOSPC: "free some space on that disk, or write elsewhere",
    errno.EROFS: "that file system is read-only: write elsewhere",
    errno.EISDIR: "give a file's path, not a folder's",
}


def _os_error_message(exc: OSError) -> str:
    message = f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc)
    next_step = _NEXT_STEPS.get(exc.errno or 0)
    return f"{message} — {next_step}" if next_step else message


def _error(message: str) -> None:
    print(f"supportkit: error: {message}", file=sys.stderr)
