"""A real HTTP webhook receiver on 127.0.0.1 with scripted faults, for delivery tests.

Each request takes the next scripted action (or the default, :class:`Accept`)::

    with WebhookServer() as server:
        server.script(Respond(500), Respond(500))      # two failures, then accepted
        server.script(Respond(429, {"Retry-After": "7"}))
        server.script(Slow(5.0))                       # processed, answered after 5 s
        server.script(Drop(after_bytes=1000))          # connection cut mid-upload
        ...
        assert server.unique_deliveries == 1

Like a well-behaved receiver, it processes each ``Idempotency-Key`` once and replays the first
answer to repeats, while counting every raw request, so tests can assert exactly-once delivery
at the receiver and still see every retry. It speaks HTTP/1.1 with keep-alive and counts the
connections it accepted (``server.connections``); ``close_idle_connections()`` closes those
waiting for a next request, as a server's keep-alive timeout does.
"""

from __future__ import annotations

import contextlib
import json
import socket
import ssl
import threading
from collections import deque
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import HTTP
from functools import cached_property
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any


@dataclass(frozen=True)
class Accept:
    """Process the delivery and answer ``status`` with JSON naming the ticket (or ``payload``)."""

    status: int = 201
    payload: dict[str, Any] | None = None
    location: bool = False
    """Answer with no body and a ``Location`` header instead of JSON."""


@dataclass(frozen=True)
class Respond:
    """Answer ``status`` without processing the delivery (a failing receiver)."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


@dataclass(frozen=True)
class Slow:
    """Process the delivery, then wait ``seconds`` before answering (past the client's timeout)."""

    seconds: float


@dataclass(frozen=True)
class Drop:
    """Read ``after_bytes`` of the body, then cut the connection without answering."""

    after_bytes: int = 0


Action = Accept | Respond | Slow | Drop


@dataclass(frozen=True)
class Part:
    """One parsed part of a ``multipart/form-data`` body."""

    name: str
    filename: str | None
    content_type: str
    data: bytes


@dataclass(frozen=True)
class Received:
    """One raw request as the server saw it (every retry is one)."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    action: str

    @property
    def idempotency_key(self) -> str | None:
        return self.headers.get("idempotency-key")


@dataclass(frozen=True)
class Delivery:
    """One processed delivery: the request, the ticket it became, and its parsed parts."""

    request: Received
    ticket_id: str

    @cached_property
    def parts(self) -> dict[str, Part]:
        """Parsed when first asked for: the stdlib's parser takes milliseconds, which would
        make this receiver, rather than the sender, the limit in the outbox benchmark."""
        return parse_multipart(self.request.headers.get("content-type", ""), self.request.body)

    @property
    def idempotency_key(self) -> str | None:
        return self.request.idempotency_key


@dataclass
class _Answer:
    status: int
    headers: dict[str, str]
    body: bytes


class WebhookServer:
    """A threaded HTTP server on a free loopback port; use it as a context manager."""

    path = "/hooks/reports"

    def __init__(self, default: Action | None = None, tls: ssl.SSLContext | None = None) -> None:
        self.default: Action = default or Accept()
        self._lock = threading.Lock()
        self._actions: deque[Action] = deque()
        self._requests: list[Received] = []
        self._deliveries: list[Delivery] = []
        self._answers: dict[str, _Answer] = {}
        self._accepted = 0
        self._in_flight = 0
        self._max_in_flight = 0
        self._open: dict[socket.socket, bool] = {}
        """Open connections, and whether each is idle (waiting for its next request)."""
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._scheme = "https" if tls else "http"
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"{self._scheme}://{host!s}:{port}"

    @property
    def url(self) -> str:
        """Where to deliver."""
        return self.base_url + self.path

    def script(self, *actions: Action) -> None:
        """Queue actions for the next requests, in order; then the default applies."""
        with self._lock:
            self._actions.extend(actions)

    @property
    def requests(self) -> list[Received]:
        """Every raw request received, retries included."""
        with self._lock:
            return list(self._requests)

    @property
    def deliveries(self) -> list[Delivery]:
        """Processed deliveries, one per idempotency key."""
        with self._lock:
            return list(self._deliveries)

    @property
    def unique_deliveries(self) -> int:
        with self._lock:
            return len(self._deliveries)

    @property
    def connections(self) -> int:
        """How many connections were accepted so far (a kept-alive one counts once)."""
        with self._lock:
            return self._accepted

    @property
    def max_in_flight(self) -> int:
        """The most requests this server was handling at one time."""
        with self._lock:
            return self._max_in_flight

    @property
    def open_connections(self) -> int:
        with self._lock:
            return len(self._open)

    def close_idle_connections(self) -> int:
        """Close the connections waiting for a next request, as a keep-alive timeout does."""
        with self._lock:
            idle = [connection for connection, waiting in self._open.items() if waiting]
        for connection in idle:
            _shut(connection)
        return len(idle)

    def deliveries_for(self, key: str) -> list[Delivery]:
        with self._lock:
            return [d for d in self._deliveries if d.idempotency_key == key]

    def start(self) -> WebhookServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        with self._lock:
            still_open = list(self._open)
        for connection in still_open:
            _shut(connection)
        self._thread.join(timeout=5)

    def __enter__(self) -> WebhookServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _next_action(self) -> Action:
        with self._lock:
            return self._actions.popleft() if self._actions else self.default

    def _opened(self, connection: socket.socket) -> None:
        with self._lock:
            self._accepted += 1
            self._open[connection] = True

    def _set_idle(self, connection: socket.socket, idle: bool) -> None:
        with self._lock:
            if connection in self._open:
                self._open[connection] = idle

    def _started(self) -> None:
        with self._lock:
            self._in_flight += 1
            self._max_in_flight = max(self._max_in_flight, self._in_flight)

    def _ended(self) -> None:
        with self._lock:
            self._in_flight -= 1

    def _closed(self, connection: socket.socket) -> None:
        with self._lock:
            self._open.pop(connection, None)

    def _record(self, received: Received) -> None:
        with self._lock:
            self._requests.append(received)

    def _process(self, received: Received, accept: Accept) -> _Answer:
        """Create the ticket once per idempotency key; replay the first answer to repeats."""
        key = received.idempotency_key
        with self._lock:
            if key is not None and key in self._answers:
                return self._answers[key]
            ticket_id = f"WH-{len(self._deliveries) + 1}"
            self._deliveries.append(Delivery(received, ticket_id))
            answer = self._answer_for(accept, ticket_id)
            if key is not None:
                self._answers[key] = answer
            return answer

    def _answer_for(self, accept: Accept, ticket_id: str) -> _Answer:
        ticket_url = f"{self.base_url}/tickets/{ticket_id}"
        if accept.location:
            return _Answer(accept.status, {"Location": ticket_url}, b"")
        payload = accept.payload or {"id": ticket_id, "url": ticket_url}
        body = json.dumps(payload).encode()
        return _Answer(accept.status, {"Content-Type": "application/json"}, body)


def parse_multipart(content_type: str, body: bytes) -> dict[str, Part]:
    """The parts of a ``multipart/form-data`` body, by name, parsed with the stdlib."""
    if not content_type.startswith("multipart/"):
        return {}
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    assert isinstance(message, EmailMessage)
    parts: dict[str, Part] = {}
    for item in message.iter_parts():
        assert isinstance(item, EmailMessage)
        name = item.get_param("name", header="content-disposition")
        payload = item.get_payload(decode=True)
        assert isinstance(name, str)
        assert isinstance(payload, bytes)
        parts[name] = Part(name, item.get_filename(), item.get_content_type(), payload)
    return parts


def _shut(connection: socket.socket) -> None:
    """End a connection from any thread: its handler sees end-of-file and finishes."""
    with contextlib.suppress(OSError):  # already closed by its handler
        connection.shutdown(socket.SHUT_RDWR)


def _handler_for(server: WebhookServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        in_flight = False
        disable_nagle_algorithm = True
        """As production servers do: otherwise each small answer waits for a delayed ACK."""

        def setup(self) -> None:
            super().setup()
            server._opened(self.connection)

        def finish(self) -> None:
            server._closed(self.connection)
            super().finish()

        def do_POST(self) -> None:
            self._handle()

        def do_PUT(self) -> None:
            self._handle()

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: tests read the record, not a log."""

        def _handle(self) -> None:
            server._set_idle(self.connection, False)
            server._started()
            self.in_flight = True
            try:
                self._respond()
            finally:
                self._done()
                if self.close_connection:
                    server._set_idle(self.connection, False)

        def _respond(self) -> None:
            action = server._next_action()
            length = int(self.headers.get("Content-Length") or 0)
            if isinstance(action, Drop):
                self._drop(action, length)
                return
            body = self.rfile.read(length)
            headers = {name.lower(): value for name, value in self.headers.items()}
            received = Received(self.command, self.path, headers, body, type(action).__name__)
            server._record(received)
            if isinstance(action, Respond):
                self._answer(_Answer(action.status, action.headers, action.body))
                return
            accept = action if isinstance(action, Accept) else Accept()
            answer = server._process(received, accept)
            if isinstance(action, Slow) and server._stopping.wait(action.seconds):
                self.close_connection = True
                return
            self._answer(answer)

        def _drop(self, action: Drop, length: int) -> None:
            partial = self.rfile.read(min(action.after_bytes, length))
            headers = {name.lower(): value for name, value in self.headers.items()}
            server._record(Received(self.command, self.path, headers, partial, "Drop"))
            self.close_connection = True
            # Unread data in the socket makes close() send a reset, like a crashed receiver.
            self.connection.shutdown(socket.SHUT_RDWR)

        def _done(self) -> None:
            if self.in_flight:
                self.in_flight = False
                server._ended()

        def _answer(self, answer: _Answer) -> None:
            # Done and idle from now: the client may send more once it has this answer.
            self._done()
            server._set_idle(self.connection, True)
            try:
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)
            except OSError:
                self.close_connection = True  # the client gave up waiting

    return Handler
