"""HTTP for transports, on the standard library: timeouts, streamed uploads, honest errors.

Every HTTP transport needs the same few things: separate connect and read timeouts, bodies
streamed from disk with progress (a bundle is never held in memory twice), failures sorted into
*transient* (retry later: timeouts, connection errors, 408/425/429, 5xx) and *permanent* (other
4xx: retrying the same request cannot help), the destination's wait hints (``Retry-After`` and
the vendors' rate-limit headers), and URLs that can be shown without the credentials in them.
A transport that sends many requests to one server passes a :class:`ConnectionPool` to keep
its connections alive between them.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import re
import secrets
import select
import socket
import ssl
import threading
import time
import weakref
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from supportkit.exceptions import (
    InvalidArgumentError,
    PermanentDeliveryError,
    TransientDeliveryError,
)

__all__ = [
    "CHUNK_BYTES",
    "Body",
    "BytesBody",
    "ConnectionPool",
    "FileBody",
    "MultipartBody",
    "Response",
    "Timeouts",
    "classify",
    "display_url",
    "find_credential",
    "json_body",
    "parse_retry_after",
    "raise_for_status",
    "request",
    "retry_after_from",
    "ssl_context",
]

CHUNK_BYTES = 64 * 1024
MAX_RESPONSE_BYTES = 4 * 1024 * 1024
"""Responses are confirmations, not downloads; anything longer is cut."""

_SECRET_QUERY = re.compile(r"(?i)(token|key|secret|pass|password|auth|sig|signature|credential)")
_EPOCH_THRESHOLD = 1_000_000_000.0
"""Rate-limit reset values above this are Unix timestamps; below, seconds from now."""


@dataclass(frozen=True)
class Timeouts:
    """How long to wait for a connection, and then for each read, in seconds."""

    connect: float = 10.0
    read: float = 60.0


DEFAULT_TIMEOUTS = Timeouts()


class Body(Protocol):
    """A request body that can be streamed more than once (to sign it, then to send it)."""

    @property
    def length(self) -> int: ...

    def chunks(self) -> Iterator[bytes]: ...


@dataclass(frozen=True)
class BytesBody:
    """A small body already in memory (JSON, a form)."""

    data: bytes

    @property
    def length(self) -> int:
        return len(self.data)

    def chunks(self) -> Iterator[bytes]:
        yield self.data


@dataclass(frozen=True)
class FileBody:
    """A file sent as the whole body (e.g. an ``application/octet-stream`` upload)."""

    path: Path
    size: int = field(default=-1)

    def __post_init__(self) -> None:
        if self.size < 0:
            object.__setattr__(self, "size", Path(self.path).stat().st_size)

    @property
    def length(self) -> int:
        return self.size

    def chunks(self) -> Iterator[bytes]:
        yield from _file_chunks(Path(self.path), self.size)


@dataclass(frozen=True)
class _Part:
    head: bytes
    data: bytes | None = None
    path: Path | None = None
    size: int = 0


class MultipartBody:
    """``multipart/form-data`` (RFC 7578) whose file parts are streamed from disk."""

    def __init__(self) -> None:
        self.boundary = f"supportkit-{secrets.token_hex(16)}"
        self._parts: list[_Part] = []

    @property
    def content_type(self) -> str:
        return f"multipart/form-data; boundary={self.boundary}"

    def add_field(
        self, name: str, value: str | bytes, content_type: str = "text/plain; charset=utf-8"
    ) -> None:
        """A form field held in memory (e.g. the JSON manifest)."""
        data = value.encode() if isinstance(value, str) else value
        self._parts.append(_Part(self._head(name, None, content_type), data=data))

    def add_file(
        self,
        name: str,
        path: Path,
        filename: str | None = None,
        content_type: str = "application/octet-stream",
    ) -> None:
        """A file part read from ``path`` only while the body is sent."""
        size = path.stat().st_size
        head = self._head(name, filename or path.name, content_type)
        self._parts.append(_Part(head, path=path, size=size))

    @property
    def length(self) -> int:
        parts = sum(len(p.head) + _part_size(p) + 2 for p in self._parts)
        return parts + len(self._closing())

    def chunks(self) -> Iterator[bytes]:
        for part in self._parts:
            yield part.head
            if part.path is not None:
                yield from _file_chunks(part.path, part.size)
            else:
                yield part.data or b""
            yield b"\r\n"
        yield self._closing()

    def _head(self, name: str, filename: str | None, content_type: str) -> bytes:
        disposition = f'form-data; name="{_quote_param(name)}"'
        if filename is not None:
            disposition += f'; filename="{_quote_param(filename)}"'
        return (
            f"--{self.boundary}\r\nContent-Disposition: {disposition}\r\n"
            f"Content-Type: {content_type}\r\n\r\n"
        ).encode()

    def _closing(self) -> bytes:
        return f"--{self.boundary}--\r\n".encode()


@dataclass
class Response:
    """A complete HTTP response: status, headers (names lower-cased) and the body."""

    status: int
    reason: str
    headers: dict[str, str]
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def json(self) -> Any:
        """The body as JSON, or ``None`` when it is empty or not JSON."""
        try:
            return json.loads(self.body) if self.body.strip() else None
        except ValueError:
            return None


_ServerKey = tuple[str, str, "int | None"]
"""Scheme, host and port: connections are reused only to the server they were opened to."""


class ConnectionPool:
    """Kept-alive connections to reuse for later requests to the same server; thread-safe.

    Opening a connection costs a round trip (three with TLS), which dominates small requests.
    A connection serves one request at a time and goes back to the pool only after a complete
    answer the server did not mark ``Connection: close``. At most ``max_idle`` connections wait
    per server, and one idle for longer than ``max_idle_seconds`` or found closed by the server
    is dropped rather than reused. :meth:`close` closes the idle connections; the pool stays
    usable (a later request opens a new one), and garbage collection closes them too.
    """

    def __init__(self, *, max_idle: int = 8, max_idle_seconds: float = 30.0) -> None:
        self.max_idle = max_idle
        self.max_idle_seconds = max_idle_seconds
        self._lock = threading.Lock()
        self._idle: dict[_ServerKey, list[tuple[http.client.HTTPConnection, float]]] = {}
        self._closer = weakref.finalize(self, _close_idle, self._idle, self._lock)

    def take(self, key: _ServerKey) -> http.client.HTTPConnection | None:
        """The most recently used live connection to ``key``, or None."""
        while True:
            with self._lock:
                waiting = self._idle.get(key)
                if not waiting:
                    return None
                connection, since = waiting.pop()
            if time.monotonic() - since <= self.max_idle_seconds and _is_alive(connection):
                return connection
            connection.close()

    def give(self, key: _ServerKey, connection: http.client.HTTPConnection) -> None:
        """Keep ``connection`` (after a complete answer) for the next request to ``key``."""
        with self._lock:
            waiting = self._idle.setdefault(key, [])
            if len(waiting) < self.max_idle:
                waiting.append((connection, time.monotonic()))
                return
        connection.close()

    def close(self) -> None:
        """Close the idle connections (those in use close when their request ends)."""
        _close_idle(self._idle, self._lock)


def _close_idle(
    idle: dict[_ServerKey, list[tuple[http.client.HTTPConnection, float]]], lock: threading.Lock
) -> None:
    with lock:
        connections = [connection for waiting in idle.values() for connection, _ in waiting]
        idle.clear()
    for connection in connections:
        connection.close()


def _is_alive(connection: http.client.HTTPConnection) -> bool:
    """Whether an idle connection can take a request: nothing to read, not even end-of-file.

    A server that closed it sent end-of-file (or a reset), which makes the socket readable.
    """
    sock = connection.sock
    if sock is None:
        return False
    if isinstance(sock, ssl.SSLSocket) and sock.pending():
        return False
    try:
        if hasattr(select, "poll"):
            poller = select.poll()
            poller.register(sock, select.POLLIN)
            return not poller.poll(0)
        return not select.select([sock], [], [], 0)[0]
    except (OSError, ValueError):
        return False


def json_body(value: Any) -> BytesBody:
    """A compact UTF-8 JSON body."""
    return BytesBody(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode())


def request(
    method: str,
    url: str,
    *,
    body: Body | bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeouts: Timeouts = DEFAULT_TIMEOUTS,
    context: ssl.SSLContext | None = None,
    progress: Callable[[int, int], None] | None = None,
    pool: ConnectionPool | None = None,
) -> Response:
    """Send one request and read the whole response, whatever its status.

    Network failures (refused, reset, DNS, timeouts) raise :class:`TransientDeliveryError`; a
    certificate that does not verify raises :class:`PermanentDeliveryError`. The status is
    left to the caller (see :func:`raise_for_status`). User information in ``url`` becomes a
    Basic ``Authorization`` header and never appears in a message.

    With ``pool`` the connection is taken from it and kept alive afterwards. A server may
    close a kept-alive connection just as a request goes out on it; so when a reused
    connection fails before any byte of an answer arrived (sending failed, or the server closed
    or reset it without answering), the request is sent once more on a new connection. The
    request cannot have been processed in the first case, and is unlikely to have been in the
    second; pass a pool only for requests a receiver can safely see twice (the webhook's carry
    an ``Idempotency-Key``, which receivers deduplicate). A timeout is never resent.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        msg = f"not an http(s) URL: {display_url(url)!r}"
        raise InvalidArgumentError(msg)
    payload = BytesBody(body) if isinstance(body, bytes) else body
    sent_headers = {"User-Agent": "supportkit", "Accept": "application/json, */*;q=0.5"}
    if parts.username is not None:
        basic = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
        sent_headers["Authorization"] = "Basic " + base64.b64encode(basic).decode()
    sent_headers.update(headers or {})
    if payload is not None:
        sent_headers["Content-Length"] = str(payload.length)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    shown = display_url(url)
    outgoing = _Outgoing(method, target, sent_headers, payload, progress, shown)
    key: _ServerKey = (parts.scheme, parts.hostname, parts.port)
    connection = pool.take(key) if pool is not None else None
    if connection is not None:
        assert connection.sock is not None
        connection.sock.settimeout(timeouts.read)
        try:
            return _exchange_once(connection, outgoing, key, pool)
        except _Unanswered:
            pass  # a kept-alive connection the server had closed: send once more, afresh
    connection = _connect(
        parts.scheme, parts.hostname, parts.port, timeouts=timeouts, context=context, shown=shown
    )
    try:
        return _exchange_once(connection, outgoing, key, pool)
    except _Unanswered as unanswered:
        raise unanswered.error from None


@dataclass(frozen=True)
class _Outgoing:
    """One request, ready to be sent (again, on a new connection, if need be)."""

    method: str
    target: str
    headers: Mapping[str, str]
    body: Body | None
    progress: Callable[[int, int], None] | None
    shown: str


def _exchange_once(
    connection: http.client.HTTPConnection,
    outgoing: _Outgoing,
    key: _ServerKey,
    pool: ConnectionPool | None,
) -> Response:
    """One request on ``connection``, which goes back to ``pool`` if it can carry another."""
    reusable = False
    try:
        response, reusable = _exchange(connection, outgoing)
    finally:
        if reusable and pool is not None:
            pool.give(key, connection)
        else:
            connection.close()
    return response


def classify(status: int, headers: Mapping[str, str] | None = None) -> str:
    """``"ok"`` (2xx), ``"transient"`` (408, 425, 429, 5xx, rate-limited 403) or ``"permanent"``."""
    if 200 <= status < 300:
        return "ok"
    if status in (408, 425, 429) or status >= 500:
        return "transient"
    if status == 403 and headers is not None and headers.get("x-ratelimit-remaining") == "0":
        return "transient"
    return "permanent"


_ADVICE = {
    400: "the destination did not accept the request; check the URL and the receiver's version",
    401: "check the credentials supportkit is given for this destination",
    403: "the credentials are not allowed to do this; check their permissions",
    404: "check the destination URL (project, queue or path)",
    413: "the bundle is too large for the destination; lower the bundle budget or raise the limit",
    422: "the destination could not process the report; check its configuration",
}


def raise_for_status(response: Response, destination: str, action: str = "deliver to") -> None:
    """Raise the error the status calls for, with the server's own reason in the message."""
    kind = classify(response.status, response.headers)
    if kind == "ok":
        return
    said = server_reason(response)
    what = f"cannot {action} {destination}: {response.status} {response.reason}".rstrip()
    what += f" ({said})" if said else ""
    if kind == "transient":
        wait = retry_after_from(response.headers)
        msg = f"{what}; the destination is busy or failing, supportkit will retry later"
        raise TransientDeliveryError(msg, retry_after=wait)
    if 300 <= response.status < 400:
        advice = f"it redirects to {display_url(response.header('location') or '?')}; use that URL"
    else:
        advice = _ADVICE.get(response.status, "retrying cannot help; check the destination")
    msg = f"{what}; {advice}"
    raise PermanentDeliveryError(msg, status=response.status)


def server_reason(response: Response, limit: int = 300) -> str:
    """What the server said went wrong: a JSON message field, or the start of the text."""
    data = response.json()
    text = ""
    if isinstance(data, dict):
        for key in ("message", "error_description", "error", "errors", "detail", "title"):
            if data.get(key):
                value = data[key]
                text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                break
    if not text and not isinstance(data, (dict, list)):
        text = response.body[: limit * 4].decode("utf-8", "replace")
    text = " ".join(re.sub(r"<[^>]{0,200}>", " ", text).split())
    return text[:limit]


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """``Retry-After`` as seconds from now: delta-seconds or an HTTP date (RFC 9110)."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def retry_after_from(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """How long the destination asked us to wait: ``Retry-After``, else a rate-limit reset.

    Understands ``X-RateLimit-Reset`` (Unix seconds, or ISO-8601 as Jira Cloud sends it) and
    ``RateLimit-Reset`` (seconds from now, or Unix seconds as GitLab sends it), and
    ``RateLimit-ResetTime`` (an HTTP date). ``headers`` names are lower-case.
    """
    current = time.time() if now is None else now
    wait = parse_retry_after(headers.get("retry-after"), current)
    if wait is not None:
        return wait
    for name in ("ratelimit-reset", "x-ratelimit-reset"):
        wait = _reset_to_wait(headers.get(name), current)
        if wait is not None:
            return wait
    return parse_retry_after(headers.get("ratelimit-resettime"), current)


def display_url(url: str) -> str:
    """``url`` as it may be shown and stored: no user information, no secret query values."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    query = parse_qsl(parts.query, keep_blank_values=True)
    shown = [(k, "redacted" if _SECRET_QUERY.search(k) else v) for k, v in query]
    return parts._replace(netloc=netloc, query=urlencode(shown, safe="@,"), fragment="").geturl()


def ssl_context(*, insecure: bool = False, cafile: str | Path | None = None) -> ssl.SSLContext:
    """A verifying TLS context; ``cafile`` trusts a self-hosted CA, ``insecure`` trusts anything."""
    context = ssl.create_default_context(cafile=str(cafile) if cafile else None)
    if insecure:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def find_credential(explicit: str | None, variable: str, keyring_user: str) -> str | None:
    """A secret from the host's code, else the environment, else the OS keyring if installed.

    The keyring entry is looked up under service ``supportkit`` and ``keyring_user`` (the
    destination as ``scheme://host``).
    """
    if explicit:
        return explicit
    if os.environ.get(variable):
        return os.environ[variable]
    try:
        import keyring  # type: ignore[import-not-found]  # noqa: PLC0415  (optional)
    except ImportError:
        return None
    try:
        found = keyring.get_password("supportkit", keyring_user)
    except Exception:  # noqa: BLE001  (a broken keyring backend means "not there")
        return None
    return found if isinstance(found, str) and found else None


def _connect(
    scheme: str,
    host: str,
    port: int | None,
    *,
    timeouts: Timeouts,
    context: ssl.SSLContext | None,
    shown: str,
) -> http.client.HTTPConnection:
    connection: http.client.HTTPConnection
    if scheme == "https":
        tls = context or ssl_context()
        connection = http.client.HTTPSConnection(host, port, timeout=timeouts.connect, context=tls)
    else:
        connection = http.client.HTTPConnection(host, port, timeout=timeouts.connect)
    connection.response_class = _Answer
    try:
        connection.connect()
    except ssl.SSLCertVerificationError as exc:
        connection.close()
        msg = (
            f"cannot verify the TLS certificate of {shown}: {exc.verify_message}; pass the "
            "server's CA file, or (for a test server only) turn off verification"
        )
        raise PermanentDeliveryError(msg) from None
    except (OSError, http.client.HTTPException) as exc:
        connection.close()
        raise _network_error(exc, shown, "connect to") from None
    assert connection.sock is not None
    connection.sock.settimeout(timeouts.read)
    return connection


def _exchange(connection: http.client.HTTPConnection, outgoing: _Outgoing) -> tuple[Response, bool]:
    """The response, and whether the connection can carry another request.

    Raises :class:`_Unanswered` when the request could not be sent whole, or the server
    closed the connection before any byte of an answer; other failures raise
    :class:`TransientDeliveryError`.
    """
    shown = outgoing.shown
    try:
        connection.putrequest(outgoing.method, outgoing.target, skip_accept_encoding=True)
        for name, value in outgoing.headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        if outgoing.body is not None:
            _send_body(connection, outgoing.body, outgoing.progress)
    except (OSError, http.client.HTTPException) as exc:
        early = _early_response(connection)
        if early is None:
            raise _Unanswered(_network_error(exc, shown, "send to")) from None
        return early, False
    try:
        raw = connection.getresponse()
        response = _read_response(raw)
    except _NoAnswerYet as exc:
        cause = exc.__cause__ or http.client.RemoteDisconnected("")
        raise _Unanswered(_network_error(cause, shown, "read the answer of")) from None
    except (OSError, http.client.HTTPException) as exc:
        raise _network_error(exc, shown, "read the answer of") from None
    return response, raw.isclosed() and not raw.will_close and connection.sock is not None


class _NoAnswerYet(http.client.RemoteDisconnected):
    """The server closed or reset the connection before sending any byte of an answer."""


class _Answer(http.client.HTTPResponse):
    """A response that tells "closed before answering" apart from a failure mid-answer."""

    def begin(self) -> None:
        try:
            started = self.fp.peek(1)
        except ConnectionError as exc:
            msg = "reset before an answer"
            raise _NoAnswerYet(msg) from exc
        if not started:
            msg = "closed before an answer"
            raise _NoAnswerYet(msg)
        super().begin()


class _Unanswered(Exception):  # noqa: N818  (a signal between two functions, never seen outside)
    """A request that failed before any byte of an answer: it may be sent again, once."""

    def __init__(self, error: TransientDeliveryError) -> None:
        super().__init__(str(error))
        self.error = error


def _send_body(
    connection: http.client.HTTPConnection,
    body: Body,
    progress: Callable[[int, int], None] | None,
) -> None:
    total, sent = body.length, 0
    for chunk in body.chunks():
        connection.send(chunk)
        sent += len(chunk)
        if progress is not None:
            progress(sent, total)


def _early_response(connection: http.client.HTTPConnection) -> Response | None:
    """A response sent before the upload finished (e.g. 413), which explains the broken pipe."""
    try:
        return _read_response(connection.getresponse())
    except (OSError, http.client.HTTPException):
        return None


def _read_response(raw: http.client.HTTPResponse) -> Response:
    body = raw.read(MAX_RESPONSE_BYTES)
    headers = {name.lower(): value for name, value in raw.getheaders()}
    return Response(raw.status, raw.reason or "", headers, body)


def _network_error(exc: BaseException, shown: str, action: str) -> TransientDeliveryError:
    if isinstance(exc, (TimeoutError, socket.timeout)):
        why = "timed out"
    elif isinstance(exc, socket.gaierror):
        why = "the host name does not resolve"
    else:
        why = getattr(exc, "strerror", None) or type(exc).__name__
    msg = f"cannot {action} {shown}: {why}; check the network, supportkit will retry later"
    return TransientDeliveryError(msg)


def _reset_to_wait(value: str | None, now: float) -> float | None:
    if value is None or not value.strip():
        return None
    try:
        number = float(value)
    except ValueError:
        try:
            when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        return max(0.0, when.timestamp() - now)
    return max(0.0, number - now) if number > _EPOCH_THRESHOLD else max(0.0, number)


def _part_size(part: _Part) -> int:
    return part.size if part.path is not None else len(part.data or b"")


def _file_chunks(path: Path, size: int) -> Iterator[bytes]:
    """Exactly ``size`` bytes of ``path``, so a file that changed cannot corrupt the framing."""
    left = size
    with path.open("rb") as stream:
        while left > 0:
            chunk = stream.read(min(CHUNK_BYTES, left))
            if not chunk:
                msg = f"{path} became shorter while it was being sent; capture the report again"
                raise InvalidArgumentError(msg)
            left -= len(chunk)
            yield chunk


def _quote_param(value: str) -> str:
    """A form-data parameter value, escaped the way browsers do (RFC 7578 §4.2, HTML spec)."""
    return value.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
