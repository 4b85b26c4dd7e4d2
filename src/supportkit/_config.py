"""Where reports go when a call does not say: destinations from arguments, the environment and
TOML files, merged in one order of precedence.

Highest first; each setting comes from the first source that sets it, and named destinations
merge by name (a name defined in two files takes the higher file's definition whole):

1. arguments: ``Reporter(transport=…)``, ``send(to=…)``, ``--to`` / ``--send``, ``--budget``;
2. the environment: ``SUPPORTKIT_DESTINATION`` (names or URLs, separated by commas or spaces),
   ``SUPPORTKIT_BUDGET``;
3. one explicit file: ``Reporter(config=…)`` or ``--config``, else ``SUPPORTKIT_CONFIG``;
4. ``[tool.supportkit]`` in the nearest ``pyproject.toml`` that has that table, looking from the
   current folder up to the repository root, as mypy looks for its configuration;
5. built in: the file transport, into supportkit's data folder.

A file looks like this (a standalone file has the same keys at its top level)::

    [tool.supportkit]
    send-to = ["helpdesk", "public"]
    budget = "10MiB"

    [tool.supportkit.destinations.helpdesk]
    url = "rt://rt.example.com/Support"

    [tool.supportkit.destinations.public]
    url = "redmine://redmine.example.com/projects/app"
    profile = "minimal"

Files never hold credentials: they are easily committed and shared, so a URL with a password,
user information or a secret-looking query value in a file is refused, pointing at the
variable or keyring entry the transport reads instead. Nothing here echoes a credential.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from supportkit.exceptions import InvalidArgumentError

__all__ = [
    "BUDGET_VARIABLE",
    "CONFIG_VARIABLE",
    "DESTINATION_VARIABLE",
    "Destination",
    "Settings",
    "find_pyproject",
    "load_settings",
]

DESTINATION_VARIABLE = "SUPPORTKIT_DESTINATION"
CONFIG_VARIABLE = "SUPPORTKIT_CONFIG"
BUDGET_VARIABLE = "SUPPORTKIT_BUDGET"
PYPROJECT = "pyproject.toml"
ARGUMENT = "argument"
BUILT_IN = "built-in default"
DEFAULT_URL = "file:"
"""The file transport, filing into supportkit's data folder."""

_TOOL_PREFIX = "tool.supportkit."
_KEYS = ("send-to", "destinations", "budget")
_DESTINATION_KEYS = ("url", "profile")
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_URL_START = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:(//|$)")
_CREDENTIAL_WORDS = "token|key|apikey|secret|pass|passwd|password|auth|sig|signature|credentials?"
_SECRET_QUERY = re.compile(
    rf"(?i)(?:^|[^a-z0-9])(?:{_CREDENTIAL_WORDS})(?:$|[^a-z0-9])"
    r"|(?:token|key|secret|password|passwd|signature|credentials?)$"
)
"""An option name that holds a credential: a secret word on its own (``api_key``, ``hub.secret``,
``sig``) or at the end (``accessToken``), but not inside another word (``keyword``, ``design``)."""
_REPOSITORY_MARKERS = (".git", ".hg")
_USER_ONLY_SCHEMES = frozenset({"smtp", "smtps"})
"""Schemes whose URL may name a login without its password (the SMTP user name)."""


@dataclass(frozen=True)
class Destination:
    """One place reports go: its URL, the redaction profile it receives, its name when it is
    configured under one, and where it was set (``argument``, a variable, a file's path).

    ``url`` has any ``?profile=`` option taken out; it may carry credentials when it came from
    the host's code or the environment, so it stays out of the ``repr``: show :attr:`shown`.
    """

    url: str = field(repr=False)
    profile: str = "full"
    name: str | None = None
    source: str = ARGUMENT

    def __repr__(self) -> str:
        return (
            f"Destination({self.shown!r}, profile={self.profile!r}, name={self.name!r}, "
            f"source={self.source!r})"
        )

    @property
    def shown(self) -> str:
        """The URL as messages and listings show it: no user information, no secret values."""
        if "://" not in self.url:
            return self.url
        from supportkit.transports._http import display_url  # noqa: PLC0415

        return display_url(self.url)

    @property
    def label(self) -> str:
        """The name if it has one, else the URL as shown."""
        return self.name or self.shown


@dataclass(frozen=True)
class Settings:
    """The effective configuration: named destinations, where reports go by default, the
    bundle budget, and where each came from."""

    destinations: Mapping[str, Destination]
    send_to: tuple[Destination, ...]
    """Where a send goes when it names no destination: one or more (fan-out)."""
    send_to_source: str = BUILT_IN
    budget_bytes: int | None = None
    """None: the bundle writer's default."""
    budget_source: str = BUILT_IN
    files: tuple[Path, ...] = ()
    """The configuration files read, highest precedence first."""

    def resolve(self, target: str, *, source: str = ARGUMENT) -> Destination:
        """A destination name, or a URL (``?profile=`` allowed), as a :class:`Destination`.

        A configured name comes first; then anything with a scheme is a URL, and a bare word a
        registered transport (``file``). Anything else is an error listing the names.
        """
        return _resolve(target, self.destinations, source)

    def resolve_all(self, targets: Sequence[str], *, source: str = ARGUMENT) -> list[Destination]:
        """Several names or URLs, duplicates dropped, order kept."""
        return _unique([self.resolve(target, source=source) for target in targets])


def load_settings(
    *,
    config: Path | str | None = None,
    send_to: Sequence[str] | None = None,
    budget_bytes: int | None = None,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Settings:
    """The settings in force: arguments over the environment over the files over the default.

    ``config`` is the explicit file (else ``SUPPORTKIT_CONFIG``); ``send_to`` and
    ``budget_bytes`` are the caller's own arguments. ``environ`` and ``cwd`` default to the
    process's. Raises :class:`~supportkit.exceptions.InvalidArgumentError` naming the file and
    key for a setting that cannot be used.
    """
    env = os.environ if environ is None else environ
    layers = _file_layers(config, env, Path.cwd() if cwd is None else cwd)
    destinations: dict[str, Destination] = {}
    for layer in reversed(layers):
        destinations.update(layer.destinations)
    frozen = MappingProxyType(destinations)
    chosen, chosen_source = _send_to(send_to, env, layers, frozen)
    budget, budget_source = _budget(budget_bytes, env, layers)
    return Settings(
        destinations=frozen,
        send_to=chosen,
        send_to_source=chosen_source,
        budget_bytes=budget,
        budget_source=budget_source,
        files=tuple(layer.path for layer in layers),
    )


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` with a ``[tool.supportkit]`` table, from ``start`` up to
    the repository root (a folder holding ``.git`` or ``.hg``), or None."""
    found = _discover(start)
    return found[0] if found is not None else None


def split_targets(value: str, names: Collection[str] = ()) -> list[str]:
    """``helpdesk, public`` or ``helpdesk public`` as a list of names and URLs.

    A comma inside a URL's query stays with the URL (``?to=a@example.com,b@example.com``)
    unless what follows it is a configured name, a registered transport or another URL.
    """
    targets: list[str] = []
    for word in value.split():
        current: list[str] = []
        for piece in word.split(","):
            if current and "?" in current[-1] and not _starts_destination(piece, names):
                current[-1] += "," + piece
            elif piece:
                current.append(piece)
        targets += current
    return targets


# -- files ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Layer:
    """What one configuration file sets."""

    path: Path
    prefix: str
    destinations: dict[str, Destination]
    send_to: tuple[str, ...] | None
    budget: int | None

    def key(self, name: str) -> str:
        return f"{self.path}: {self.prefix}{name}"


def _file_layers(config: Path | str | None, env: Mapping[str, str], cwd: Path) -> list[_Layer]:
    """The explicit file's layer, then the pyproject's: highest precedence first."""
    layers: list[_Layer] = []
    explicit = Path(config) if config is not None else None
    if explicit is None and env.get(CONFIG_VARIABLE):
        explicit = Path(env[CONFIG_VARIABLE])
    if explicit is not None:
        explicit = cwd / explicit.expanduser()
        layers.append(_explicit_layer(explicit, named_by=ARGUMENT if config else CONFIG_VARIABLE))
    discovered = _discover(cwd)
    if discovered is not None and (explicit is None or discovered[0] != explicit.resolve()):
        path, table = discovered
        layers.append(_layer(table, path, _TOOL_PREFIX))
    return layers


def _explicit_layer(path: Path, *, named_by: str) -> _Layer:
    if not path.is_file():
        how = "fix the path" if named_by == ARGUMENT else f"fix or unset {CONFIG_VARIABLE}"
        msg = f"the configuration file {path} does not exist; {how}"
        raise InvalidArgumentError(msg)
    data = _parse(path)
    if path.name == PYPROJECT:
        return _layer(_tool_table(data) or {}, path, _TOOL_PREFIX)
    return _layer(data, path, "")


def _tool_table(data: dict[str, Any]) -> dict[str, Any] | None:
    """A pyproject's ``[tool.supportkit]`` table, if it has one."""
    tool = data.get("tool")
    table = tool.get("supportkit") if isinstance(tool, dict) else None
    return table if isinstance(table, dict) else None


def _discover(start: Path) -> tuple[Path, dict[str, Any]] | None:
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / PYPROJECT
        text = path.read_bytes() if path.is_file() else b""
        table = _tool_table(_parse(path, text)) if b"supportkit" in text else None
        if table is not None:
            return path, table
        if any((candidate / marker).exists() for marker in _REPOSITORY_MARKERS):
            return None
    return None


def _parse(path: Path, content: bytes | None = None) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415  (read only when a configuration is)
    else:
        import tomli as tomllib  # noqa: PLC0415

    try:
        text = (path.read_bytes() if content is None else content).decode("utf-8")
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = f"{path} is not valid TOML ({exc}); fix the file"
        raise InvalidArgumentError(msg) from None
    except UnicodeDecodeError:
        msg = f"{path} is not UTF-8 text; save it as UTF-8"
        raise InvalidArgumentError(msg) from None
    return data


def _layer(table: Mapping[str, Any], path: Path, prefix: str) -> _Layer:
    """Check one file's settings and turn them into a layer; errors name the file and key."""
    empty = _Layer(path, prefix, {}, None, None)
    _check_keys(table, _KEYS, empty, "")
    destinations = _destinations(table.get("destinations", {}), empty)
    send_to = _send_to_list(table["send-to"], empty) if "send-to" in table else None
    budget = _file_budget(table["budget"], empty) if "budget" in table else None
    return _Layer(path, prefix, destinations, send_to, budget)


def _destinations(table: Any, layer: _Layer) -> dict[str, Destination]:
    if not isinstance(table, dict):
        msg = f"{layer.key('destinations')}: must be a table of named destinations"
        raise InvalidArgumentError(msg)
    found: dict[str, Destination] = {}
    for name, spec in table.items():
        key = f"destinations.{name}"
        if not _NAME.fullmatch(name):
            msg = (
                f"{layer.key(key)}: a destination's name is a letter, then letters, digits, "
                "- or _; rename it"
            )
            raise InvalidArgumentError(msg)
        url, profile, url_key = _destination_fields(spec, layer, key)
        _refuse_credentials(url, layer.key(url_key))
        try:
            bare, chosen = _with_profile(url, profile)
        except InvalidArgumentError as exc:
            msg = f"{layer.key(key)}: {exc}"
            raise InvalidArgumentError(msg) from None
        found[name] = Destination(bare, chosen, name, str(layer.path))
    return found


def _with_profile(url: str, profile: str | None) -> tuple[str, str]:
    """The URL without ``?profile=``, and the profile from the key or else the URL."""
    from supportkit.redaction._profiles import check_profile, split_profile  # noqa: PLC0415

    bare, url_profile = split_profile(url)
    if profile is None:
        return bare, url_profile
    if "profile=" in url and check_profile(profile) != url_profile:
        msg = f"gives profile {profile!r} and a different ?profile= in the URL; keep one"
        raise InvalidArgumentError(msg)
    return bare, check_profile(profile)


def _destination_fields(spec: Any, layer: _Layer, key: str) -> tuple[str, str | None, str]:
    """``url``, ``profile`` (None: from the URL) and the key holding the URL."""
    url: Any
    profile: Any
    if isinstance(spec, str):
        url, profile, url_key = spec, None, key
    elif isinstance(spec, dict):
        url, profile, url_key = spec.get("url"), spec.get("profile"), f"{key}.url"
        for option in spec:
            if option not in _DESTINATION_KEYS and _SECRET_QUERY.search(str(option)):
                given = url if isinstance(url, str) else ""
                msg = (
                    f"{layer.key(f'{key}.{option}')}: configuration files hold no credentials; "
                    f"{_credential_advice(given, urlsplit(given).scheme.lower())}"
                )
                raise InvalidArgumentError(msg)
        _check_keys(spec, _DESTINATION_KEYS, layer, f"{key}.")
        if profile is not None and not isinstance(profile, str):
            msg = f"{layer.key(key + '.profile')}: must be a string: full or minimal"
            raise InvalidArgumentError(msg)
    else:
        msg = f'{layer.key(key)}: must be a URL or a table with url = "…" (and profile = "…")'
        raise InvalidArgumentError(msg)
    if not isinstance(url, str) or ":" not in url:
        example = 'url = "rt://rt.example.com/General"'
        msg = f"{layer.key(url_key)}: needs a destination URL, e.g. {example}"
        raise InvalidArgumentError(msg)
    return url.strip(), profile, url_key


def _send_to_list(value: Any, layer: _Layer) -> tuple[str, ...]:
    targets = [value] if isinstance(value, str) else value
    if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
        msg = f"{layer.key('send-to')}: must be a destination's name or URL, or a list of them"
        raise InvalidArgumentError(msg)
    if not targets:
        msg = (
            f"{layer.key('send-to')}: is empty; name at least one destination, or remove the "
            "key for the default (a folder on this machine)"
        )
        raise InvalidArgumentError(msg)
    for index, target in enumerate(targets):
        if ":" in target:
            _refuse_credentials(target, layer.key(f"send-to[{index}]"))
    return tuple(targets)


def _file_budget(value: Any, layer: _Layer) -> int:
    from supportkit._units import parse_size  # noqa: PLC0415

    problem = None
    if isinstance(value, bool) or not isinstance(value, int | str):
        problem = 'must be a number of bytes or a size such as "10MiB"'
    else:
        try:
            size = value if isinstance(value, int) else parse_size(value)
        except InvalidArgumentError as exc:
            problem = str(exc)
        else:
            if size > 0:
                return size
            problem = "must be above 0"
    msg = f"{layer.key('budget')}: {problem}"
    raise InvalidArgumentError(msg)


def _check_keys(table: Mapping[str, Any], known: Sequence[str], layer: _Layer, at: str) -> None:
    for key in table:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            msg = (
                f"{layer.key(at + str(key))}: unknown setting; {hint}supportkit reads "
                f"{', '.join(at + k for k in known)} here"
            )
            raise InvalidArgumentError(msg)


def _refuse_credentials(url: str, where: str) -> None:
    """Refuse a URL in a file that carries a credential, saying where that goes instead."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    query = parse_qsl(parts.query, keep_blank_values=True)
    secret_options = sorted({name for name, _ in query if _SECRET_QUERY.search(name)})
    if parts.password is not None:
        carried = "a password"
    elif parts.username is not None and scheme not in _USER_ONLY_SCHEMES:
        carried = "user information (often a key or token)"
    elif secret_options:
        carried = f"a secret-looking option ({', '.join(secret_options)})"
    else:
        return
    msg = (
        f"{where}: the URL carries {carried}, and configuration files hold no credentials; "
        f"{_credential_advice(url, scheme)}"
    )
    raise InvalidArgumentError(msg)


def _credential_advice(url: str, scheme: str) -> str:
    """Where the transport for ``url`` reads its credential instead (host names, no secrets)."""
    parts = urlsplit(url)
    kind = scheme.removesuffix("+http")
    # The keyring user each transport looks up: ticket systems keep the port, the others not.
    host = parts.netloc.rsplit("@", 1)[-1] if kind in ("redmine", "rt") else parts.hostname
    keyring = f"the OS keyring (service 'supportkit', user '{kind}://{host or 'host'}')"
    whole_url = f"or put the whole URL in {DESTINATION_VARIABLE} instead of a file"
    if kind == "redmine":
        from supportkit.transports.redmine import API_KEY_VARIABLE  # noqa: PLC0415

        return f"set {API_KEY_VARIABLE} or store the API key in {keyring}"
    if kind == "rt":
        from supportkit.transports.rt import ENV_VARIABLE  # noqa: PLC0415

        return f"set {ENV_VARIABLE} or store the token in {keyring}"
    if kind in _USER_ONLY_SCHEMES:
        from supportkit.transports.email import PASSWORD_VARIABLE, USER_VARIABLE  # noqa: PLC0415

        return (
            f"set {USER_VARIABLE} and {PASSWORD_VARIABLE}, or store the password in {keyring}; "
            "the user name alone may stay in the URL"
        )
    if kind in ("http", "https"):
        from supportkit.transports.webhook import SECRET_VARIABLE  # noqa: PLC0415

        return f"a signing secret goes in {SECRET_VARIABLE} or {keyring}; {whole_url}"
    return f"give it as the transport's documentation says, {whole_url}"


# -- choosing ------------------------------------------------------------------------------


def _send_to(
    arguments: Sequence[str] | None,
    env: Mapping[str, str],
    layers: list[_Layer],
    destinations: Mapping[str, Destination],
) -> tuple[tuple[Destination, ...], str]:
    if arguments:
        return tuple(_unique([_resolve(t, destinations, ARGUMENT) for t in arguments])), ARGUMENT
    value = env.get(DESTINATION_VARIABLE, "").strip()
    if value:
        targets = split_targets(value, destinations)
        chosen = [_resolve(t, destinations, DESTINATION_VARIABLE) for t in targets]
        return tuple(_unique(chosen)), DESTINATION_VARIABLE
    for layer in layers:
        if layer.send_to is not None:
            where = layer.key("send-to")
            chosen = [
                _resolve(t, destinations, str(layer.path), where=where) for t in layer.send_to
            ]
            return tuple(_unique(chosen)), str(layer.path)
    return (Destination(DEFAULT_URL, source=BUILT_IN),), BUILT_IN


def _budget(
    argument: int | None, env: Mapping[str, str], layers: list[_Layer]
) -> tuple[int | None, str]:
    from supportkit._units import parse_size  # noqa: PLC0415

    if argument is not None:
        return argument, ARGUMENT
    value = env.get(BUDGET_VARIABLE, "").strip()
    if value:
        try:
            size = parse_size(value)
        except InvalidArgumentError as exc:
            msg = f"{BUDGET_VARIABLE}: {exc}"
            raise InvalidArgumentError(msg) from None
        if size <= 0:
            msg = f"{BUDGET_VARIABLE} must be a size above 0, e.g. 10MiB"
            raise InvalidArgumentError(msg)
        return size, BUDGET_VARIABLE
    for layer in layers:
        if layer.budget is not None:
            return layer.budget, str(layer.path)
    return None, BUILT_IN


def _resolve(
    target: str,
    destinations: Mapping[str, Destination],
    source: str,
    *,
    where: str | None = None,
) -> Destination:
    from supportkit import _plugins  # noqa: PLC0415
    from supportkit.redaction._profiles import split_profile  # noqa: PLC0415

    origin = where or (source if source != ARGUMENT else None)
    prefix = f"{origin}: " if origin else ""
    text = target.strip()
    found = destinations.get(text)
    if found is not None:
        return found
    if ":" in text:
        try:
            url, profile = split_profile(text)
        except InvalidArgumentError as exc:
            msg = f"{prefix}{exc}"
            raise InvalidArgumentError(msg) from None
        return Destination(url, profile, None, source)
    if text.lower() in _plugins.available("transports"):
        return Destination(text.lower(), source=source)
    known = ", ".join(sorted(destinations)) or "none configured"
    msg = (
        f"{prefix}{text!r} is neither a configured destination (names: {known}) nor a URL; "
        "give a name, or a URL such as file:///var/reports (`supportkit config` lists what is "
        "configured)"
    )
    raise InvalidArgumentError(msg)


def _starts_destination(piece: str, names: Collection[str]) -> bool:
    from supportkit import _plugins  # noqa: PLC0415

    return (
        piece in names
        or _URL_START.match(piece) is not None
        or piece.lower() in _plugins.available("transports")
    )


def _unique(destinations: list[Destination]) -> list[Destination]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for destination in destinations:
        key = (destination.url, destination.profile)
        if key not in seen:
            seen.add(key)
            kept.append(destination)
    return kept
