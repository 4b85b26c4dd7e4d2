"""Delivery in the background: capture returns at once, a daemon thread does the sending."""

from __future__ import annotations

import atexit
import logging
import threading
from typing import TYPE_CHECKING

from supportkit.exceptions import InvalidArgumentError

if TYPE_CHECKING:
    from supportkit.bundle import SealedBundle
    from supportkit.outbox._flush import FlushResult, TransportFactory
    from supportkit.outbox._outbox import Outbox
    from supportkit.outbox._store import OutboxEntry

_log = logging.getLogger("supportkit.outbox")

DEFAULT_EXIT_TIMEOUT = 2.0
"""Seconds the host's exit may wait for a last flush; what is left stays queued on disk."""
_IDLE_SECONDS = 300.0
"""How long an idle worker sleeps before looking for entries other processes queued."""
_MIN_WAIT_SECONDS = 0.05


class BackgroundDelivery:
    """Flushes an outbox from a daemon thread whenever a report is submitted.

    Entries that fail are retried when their backoff ends. At interpreter exit (or
    :meth:`close`) the worker makes a last flush bounded by ``exit_timeout``: the host's exit is
    never held up for longer, and whatever is not delivered by then stays in the outbox for the
    next run, the next flush or ``supportkit outbox flush``.
    """

    def __init__(
        self,
        outbox: Outbox,
        *,
        transports: TransportFactory | None = None,
        exit_timeout: float = DEFAULT_EXIT_TIMEOUT,
    ) -> None:
        if exit_timeout < 0:
            msg = f"exit_timeout is seconds to wait at exit, at least 0; got {exit_timeout}"
            raise InvalidArgumentError(msg)
        self.outbox = outbox
        self.exit_timeout = exit_timeout
        self.last_result: FlushResult | None = None
        self._transports = transports
        self._wake = threading.Event()
        self._idle = threading.Event()
        self._closing = False
        self._close_timeout = exit_timeout
        self._thread = threading.Thread(target=self._run, name="supportkit-outbox", daemon=True)
        self._thread.start()
        atexit.register(self._at_exit)

    def submit(
        self, bundle: SealedBundle, destination: str, *, profile: str | None = None
    ) -> OutboxEntry:
        """Queue ``bundle`` for ``destination`` and have the worker deliver it soon."""
        if self._closing:
            msg = "this BackgroundDelivery is closed; make a new one or use Outbox.deliver()"
            raise InvalidArgumentError(msg)
        entry = self.outbox.enqueue(bundle, destination, profile=profile)
        self.wake()
        return entry

    def wake(self) -> None:
        """Flush now rather than at the next scheduled retry."""
        self._idle.clear()
        self._wake.set()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until the worker has flushed everything submitted so far; False on timeout."""
        return self._idle.wait(timeout)

    def close(self, timeout: float | None = None) -> None:
        """Flush one last time for at most ``timeout`` seconds (default: ``exit_timeout``)."""
        atexit.unregister(self._at_exit)
        if self._closing:
            return
        self._close_timeout = self.exit_timeout if timeout is None else timeout
        self._closing = True
        self._wake.set()
        self._thread.join(self._close_timeout)

    def _at_exit(self) -> None:
        self.close()

    def _run(self) -> None:
        wait: float | None = None
        while True:
            self._wake.wait(wait)
            self._wake.clear()
            if self._closing:
                self._flush(timeout=self._close_timeout)
                return
            result = self._flush(timeout=None)
            wait = self._next_wait(result)
            if not self._wake.is_set():
                self._idle.set()

    def _flush(self, *, timeout: float | None) -> FlushResult | None:
        try:
            result = self.outbox.flush(timeout=timeout, transports=self._transports)
        except Exception:  # noqa: BLE001  (the host's thread must outlive a full disk)
            _log.exception("background delivery from %s failed; will try again", self.outbox)
            return None
        self.last_result = result
        return result

    def _next_wait(self, result: FlushResult | None) -> float:
        if result is None or result.next_attempt_at is None:
            return _IDLE_SECONDS
        delay = result.next_attempt_at - self.outbox.clock()
        return min(max(delay, _MIN_WAIT_SECONDS), _IDLE_SECONDS)
