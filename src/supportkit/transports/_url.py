"""Naming a destination by URL, in the manner of database URLs: the scheme picks the transport."""

from __future__ import annotations

from urllib.parse import urlsplit

from supportkit import _plugins
from supportkit._units import parse_size
from supportkit.exceptions import InvalidArgumentError, PluginLoadError
from supportkit.transports._base import Transport


def transport_for(destination: str) -> Transport:
    """A transport for ``destination``: a URL (``smtp://…``) or a bare registered name (``file``).

    The transport registry is keyed by URL scheme; other packages add schemes through the
    ``supportkit.transports`` entry-point group.
    """
    scheme = urlsplit(destination).scheme if "://" in destination or ":" in destination else ""
    name = scheme or destination
    try:
        loaded = _plugins.load("transports", name.lower())
    except PluginLoadError as exc:
        known = ", ".join(sorted(_plugins.available("transports")))
        msg = f"no transport for {_safe(destination)!r}; known schemes: {known}"
        raise InvalidArgumentError(msg) from exc
    if not (isinstance(loaded, type) and issubclass(loaded, Transport)):
        msg = f"{name!r} is registered as a transport but is not a Transport subclass"
        raise PluginLoadError(msg)
    return loaded.from_url(destination) if scheme else loaded()


_TRUE = frozenset({"1", "yes", "true", "on"})
_FALSE = frozenset({"0", "no", "false", "off"})


def url_flag(value: str | None, *, name: str, default: bool) -> bool:
    """A yes/no option from a destination URL's query (``?starttls=0``, ``?requestor=no``)."""
    if value is None or value == "":
        return default
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    msg = f"option {name}={value!r} must be yes or no (or 1 or 0)"
    raise InvalidArgumentError(msg)


def url_size(value: str | None, *, name: str, default: int) -> int:
    """A size option from a destination URL's query (``?max_bytes=10MiB``, ``?max_bytes=5000``)."""
    if value is None or value == "":
        return default
    try:
        size = parse_size(value)
    except InvalidArgumentError:
        size = 0
    if size <= 0:
        msg = (
            f"option {name}={value!r} must be a size above 0: bytes (5242880) or a number and "
            "a unit (5MiB, 10MB)"
        )
        raise InvalidArgumentError(msg)
    return size


def _safe(url: str) -> str:
    """The URL without any user information, so credentials never reach a message."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]).geturl()
