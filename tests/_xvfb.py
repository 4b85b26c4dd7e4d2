"""A real, throw-away X server (Xvfb) for tests that need a display.

Xvfb picks a free display number itself (``-displayfd``) and writes it only once it
accepts connections, so there is no port guessing and no polling for readiness.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

__all__ = ["XvfbStartError", "xvfb_display"]

_START_TIMEOUT = 10.0
_X11_SOCKET_DIR = Path("/tmp/.X11-unix")


class XvfbStartError(RuntimeError):
    """Xvfb is not installed or would not start."""


@contextlib.contextmanager
def xvfb_display(width: int = 1280, height: int = 800, depth: int = 24) -> Iterator[str]:
    """Run ``Xvfb`` with one screen of the given size; yield its ``DISPLAY`` string (":N").

    ``-noreset`` keeps root-window resources (``xrdb``) when the last client disconnects.
    """
    executable = shutil.which("Xvfb")
    if executable is None:
        msg = "Xvfb is not installed: apt-get install xvfb x11-xserver-utils"
        raise XvfbStartError(msg)
    read_end, write_end = os.pipe()
    command = [
        executable,
        "-displayfd",
        str(write_end),
        "-screen",
        "0",
        f"{width}x{height}x{depth}",
    ]
    command += ["-nolisten", "tcp", "-noreset"]
    server = subprocess.Popen(
        command, pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as announcements:
            display = f":{_read_display_number(announcements.fileno(), server)}"
        _wait_for_socket(display)
        yield display
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _read_display_number(fd: int, server: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + _START_TIMEOUT
    received = b""
    while not received.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        ready, _, _ = select.select([fd], [], [], max(0.0, remaining))
        if not ready:
            msg = f"Xvfb did not announce a display within {_START_TIMEOUT:.0f} s"
            raise XvfbStartError(msg)
        chunk = os.read(fd, 64)
        if not chunk:
            msg = f"Xvfb exited before accepting connections (exit code {server.poll()})"
            raise XvfbStartError(msg)
        received += chunk
    return int(received.strip())


def _wait_for_socket(display: str) -> None:
    """Belt and braces: the server's Unix socket must accept a connection."""
    path = _X11_SOCKET_DIR / f"X{display.removeprefix(':')}"
    deadline = time.monotonic() + _START_TIMEOUT
    while True:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            try:
                probe.connect(str(path))
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
            else:
                return
