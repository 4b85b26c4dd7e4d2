"""The Reporter: configured once by the host, then one call per problem report."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from supportkit import _breadcrumbs, _log_buffer, _plugins
from supportkit._contact import build_contact
from supportkit._ids import new_report_id
from supportkit._paths import cache_dir
from supportkit._priority import PriorityMatrix
from supportkit.collectors._base import (
    DEFAULT_ATTACHMENT_BYTES,
    DEFAULT_ENV_ALLOWLIST,
    DEFAULT_LOG_TAIL_BYTES,
    CaptureContext,
    Collector,
    PendingAttachment,
)
from supportkit.exceptions import InvalidArgumentError, PluginLoadError
from supportkit.transports._base import Transport
from supportkit.transports._url import transport_for

if TYPE_CHECKING:
    from supportkit._config import Destination, Settings
    from supportkit._fanout import Delivery
    from supportkit.bundle import SealedBundle
    from supportkit.collectors._runner import CollectorResult
    from supportkit.models import App, Contact, Receipt, Report
    from supportkit.outbox import BackgroundDelivery, Outbox, OutboxEntry
    from supportkit.redaction import RedactionPolicy
    from supportkit.redaction._capture import RedactedCapture
    from supportkit.screenshot import RawFrame, ScreenshotRequest

# Collector names whose data lands outside ``report.environment``.
_TOP_LEVEL = {"exception": "exception", "breadcrumbs": "breadcrumbs"}


class Reporter:
    """Captures problem reports for one application and delivers them.

    Example::

        reporter = supportkit.Reporter("invoicer", "2.4.1")
        bundle = reporter.capture("Export does nothing", steps=["Open invoice", "Click Export"])
        receipt = reporter.send(bundle)

    Args:
        app_name: The application's name. If ``app_version`` is not given, it is read from the
            installed distribution of that name when there is one.
        app_version: The application's version.
        app_build: Build number or source commit.
        collectors: Which collectors run: names (built-in or registered through the
            ``supportkit.collectors`` entry-point group) or collector objects. Default: all.
        exclude: Names of collectors not to run.
        transport: Where :meth:`send` delivers: a :class:`Transport`, a destination URL
            (``file:///var/reports``, ``rt://rt.example.com/General?profile=minimal``), a
            configured destination's name or a registered scheme name. Default: the
            configured destinations (``SUPPORTKIT_DESTINATION``, the configuration file,
            ``[tool.supportkit]`` in ``pyproject.toml``; see ``docs/configuration.md``), else
            the file transport into supportkit's data folder. Delivery always goes through the
            durable outbox.
        budget_bytes: The whole bundle's size budget (default: as configured, else 5 MiB).
        priority_matrix: Overrides the urgency × impact matrix.
        redaction: The redaction policy (default: :func:`supportkit.redaction.default_policy`).
            Everything collected loses secrets and personal data; what the reporter typed
            loses secrets only.
        self_test: Before sealing, plant fake secrets of every kind and check the policy
            removes them all; refuse to seal (raise ``RedactionSelfTestError``) otherwise.
        config: A TOML file of destinations and settings (default: ``SUPPORTKIT_CONFIG``);
            ``[tool.supportkit]`` in the nearest ``pyproject.toml`` applies beneath it, the
            environment above it.
    """

    def __init__(
        self,
        app_name: str,
        app_version: str | None = None,
        *,
        app_build: str | None = None,
        collectors: Sequence[str | Collector] | None = None,
        exclude: Iterable[str] = (),
        transport: Transport | str | None = None,
        budget_bytes: int | None = None,
        log_tail_bytes: int = DEFAULT_LOG_TAIL_BYTES,
        attachment_bytes: int = DEFAULT_ATTACHMENT_BYTES,
        env_allowlist: Iterable[str] = DEFAULT_ENV_ALLOWLIST,
        collector_timeout: float = 3.0,
        priority_matrix: PriorityMatrix | None = None,
        breadcrumbs: _breadcrumbs.BreadcrumbRing | None = None,
        log_buffer: _log_buffer.LogBufferHandler | None = None,
        bundle_dir: Path | str | None = None,
        history_dir: Path | str | None = None,
        redaction: RedactionPolicy | None = None,
        self_test: bool = False,
        outbox_dir: Path | str | None = None,
        config: Path | str | None = None,
    ) -> None:
        from supportkit._config import load_settings  # noqa: PLC0415

        if not app_name or not app_name.strip():
            msg = "app_name is empty; pass the application's name, e.g. Reporter('invoicer')"
            raise InvalidArgumentError(msg)
        limits = {"log_tail_bytes": log_tail_bytes, "attachment_bytes": attachment_bytes}
        for name, value in limits.items():
            if value <= 0:
                msg = f"{name} must be a positive number of bytes, got {value}"
                raise InvalidArgumentError(msg)
        self.app_name = app_name.strip()
        self.app_version = app_version
        self.app_build = app_build
        self.collectors = resolve_collectors(collectors, set(exclude))
        self._settings = load_settings(
            config=config,
            send_to=[transport] if isinstance(transport, str) else None,
            budget_bytes=budget_bytes,
        )
        self._destinations, self._transports = _routes(self._settings, transport)
        self.transport = self._transports[self._destinations[0].url]
        """The transport of the first (usually the only) destination."""
        self.budget_bytes = self._settings.budget_bytes
        self.log_tail_bytes = log_tail_bytes
        self.attachment_bytes = attachment_bytes
        self.env_allowlist = frozenset(env_allowlist)
        self.collector_timeout = collector_timeout
        self.priority_matrix = priority_matrix or PriorityMatrix()
        self.breadcrumbs = breadcrumbs or _breadcrumbs.default_ring
        self._log_buffer = log_buffer
        self.bundle_dir = Path(bundle_dir) if bundle_dir is not None else None
        self.history_dir = Path(history_dir) if history_dir is not None else None
        self.redaction = redaction
        self.self_test = self_test
        self._self_tested: object = None
        self.outbox_dir = Path(outbox_dir) if outbox_dir is not None else None
        self._outbox: Outbox | None = None
        self._worker: BackgroundDelivery | None = None

    def capture(
        self,
        title: str,
        *,
        description: str | None = None,
        expected: str | None = None,
        actual: str | None = None,
        error_text: str | None = None,
        occurred_at: datetime | None = None,
        category: str | None = None,
        tried: Iterable[tuple[str, str | None] | str] = (),
        steps: Iterable[str] = (),
        urgency: str = "medium",
        impact: str = "medium",
        contact: Contact | Mapping[str, str | None] | None = None,
        exception: BaseException | bool | None = None,
        logs: Iterable[Path | str] = (),
        attachments: Iterable[Path | str] = (),
        allow_binary: bool = False,
        screenshot: ScreenshotRequest | RawFrame | bool | None = None,
        output: Path | str | None = None,
    ) -> SealedBundle:
        """Collect, assemble and seal one report; return the bundle on disk.

        ``screenshot=True`` captures the primary monitor; a
        :class:`~supportkit.screenshot.ScreenshotRequest` chooses what (a window, masks,
        highlights, OCR redaction); a :class:`~supportkit.screenshot.RawFrame` is a screen
        already grabbed on the host's thread.
        ``exception=True`` takes the exception being handled (``sys.exc_info()``). ``tried``
        holds what the reporter already tried, as ``(action, result)`` pairs or plain text.
        Without ``output`` the bundle goes to supportkit's cache folder until it is sent.

        A collector that fails or runs out of time is recorded in the bundle; it never raises
        here. Raises only for arguments that cannot be used
        (:class:`~supportkit.exceptions.InvalidArgumentError`) and for a bundle that cannot be
        written (:class:`~supportkit.exceptions.BundleWriteError`).
        """
        from supportkit.bundle import (  # noqa: PLC0415  (loaded on first capture)
            DEFAULT_BUDGET_BYTES,
            write_bundle,
        )
        from supportkit.collectors._runner import run_collectors  # noqa: PLC0415

        problem = _build_problem(
            title,
            description=description,
            expected=expected,
            actual=actual,
            error_text=error_text,
            occurred_at=occurred_at,
            category=category,
            tried=tried,
        )
        priority = self.priority_matrix.priority(urgency, impact)
        checked_contact = _check_contact(contact)
        report_id = new_report_id()
        destination = self._bundle_path(report_id, output)
        ctx = CaptureContext(
            app_name=self.app_name,
            exception=_resolve_exception(exception),
            log_paths=tuple(Path(p).expanduser() for p in logs),
            attachment_paths=tuple(Path(p).expanduser() for p in attachments),
            allow_binary=allow_binary,
            log_tail_bytes=self.log_tail_bytes,
            attachment_bytes=self.attachment_bytes,
            env_allowlist=self.env_allowlist,
            breadcrumbs=self.breadcrumbs,
            log_buffer=self._log_buffer or _log_buffer.installed_log_buffer(),
            screenshot=self._screenshot_work(screenshot),
        )
        results = run_collectors(self.collectors, ctx, default_timeout=self.collector_timeout)
        base = _base_report(
            report_id,
            app=self._app(),
            problem=problem,
            priority=priority,
            contact=checked_contact,
            steps=tuple(step.strip() for step in steps if step.strip()),
        )
        report = _with_collected(base, results)
        pending = [a for result in results if result.section for a in result.section.attachments]
        sealed_clean = self._redact(report, pending)
        return write_bundle(
            sealed_clean,
            destination,
            budget_bytes=self.budget_bytes or DEFAULT_BUDGET_BYTES,
            self_tested=self._self_tested is not None,
        )

    def _redact(self, report: Report, pending: list[PendingAttachment]) -> RedactedCapture:
        from supportkit.redaction import Redactor  # noqa: PLC0415
        from supportkit.redaction._capture import redact_capture  # noqa: PLC0415
        from supportkit.redaction._selftest import require_self_test  # noqa: PLC0415

        policy = self._policy()
        if self.self_test and self._self_tested is not policy:
            require_self_test(policy)
            self._self_tested = policy
        return redact_capture(report, pending, Redactor(policy))

    def _screenshot_work(
        self, screenshot: ScreenshotRequest | RawFrame | bool | None
    ) -> ScreenshotRequest | RawFrame | None:
        """The screenshot request or frame, with OCR using this reporter's redaction rules."""
        if screenshot is None or screenshot is False:
            return None
        from dataclasses import replace  # noqa: PLC0415

        from supportkit.screenshot import RawFrame, ScreenshotRequest  # noqa: PLC0415

        if screenshot is True:
            screenshot = ScreenshotRequest()
        if not isinstance(screenshot, ScreenshotRequest | RawFrame):
            msg = f"screenshot must be True, a ScreenshotRequest or a RawFrame, not {screenshot!r}"
            raise InvalidArgumentError(msg)
        request = screenshot if isinstance(screenshot, ScreenshotRequest) else screenshot.request
        if request.ocr and request.redaction_rules is None:
            request = replace(request, redaction_rules=self._policy().build_rules())
        if isinstance(screenshot, RawFrame):
            return replace(screenshot, request=request)
        return request

    def _policy(self) -> RedactionPolicy:
        from supportkit.redaction import default_policy  # noqa: PLC0415

        if self.redaction is None:
            self.redaction = default_policy()
        return self.redaction

    def capture_in_background(
        self,
        title: str,
        *,
        callback: Callable[[Future[SealedBundle]], None] | None = None,
        **options: Any,
    ) -> Future[SealedBundle]:
        """Run :meth:`capture` off the calling thread, so a UI thread never waits on it.

        Only a requested screenshot's grab runs here, on the calling thread (a few
        milliseconds), so the screen is captured as it is now; masking, encoding, OCR and
        everything else run on a worker thread. Returns a future; ``callback`` (if given) is
        called with it once the bundle is sealed.
        """
        screenshot = options.get("screenshot")
        if screenshot is True or type(screenshot).__name__ == "ScreenshotRequest":
            options["screenshot"] = _grab_now(screenshot)
        future: Future[SealedBundle] = Future()
        if callback is not None:
            future.add_done_callback(callback)

        def run() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                future.set_result(self.capture(title, **options))
            except BaseException as exc:  # noqa: BLE001  (handed to the host through the future)
                future.set_exception(exc)

        threading.Thread(target=run, name="supportkit-capture", daemon=True).start()
        return future

    @property
    def destinations(self) -> tuple[Destination, ...]:
        """Where :meth:`send` delivers when it is not told: one destination, or several."""
        return self._destinations

    def send(
        self, bundle: SealedBundle, *, to: str | None = None, profile: str | None = None
    ) -> Receipt:
        """Deliver a sealed bundle through the durable outbox and return the receipt.

        ``to`` names one destination, by configured name or URL (default: this reporter's
        destinations); ``profile`` (or ``?profile=`` in the URL, or the destination's
        configured profile) chooses what it receives: ``full`` or ``minimal``. Every attempt
        is recorded in the history.

        With several destinations configured the report goes to each — every copy is queued
        before the first is sent — and the first destination's receipt is returned;
        :meth:`send_all` reports on each.

        Raises:
            DeliveryError: an attempt failed (with several destinations, the first failure,
                raised after every destination was tried). The bundle stays in the outbox; a
                transient failure is retried by the next flush (``supportkit outbox flush``).
        """
        deliveries = self.send_all(bundle, to=to, profile=profile)
        for delivery in deliveries:
            if delivery.error is not None:
                raise delivery.error
        receipt = deliveries[0].receipt
        assert receipt is not None
        return receipt

    def send_all(
        self,
        bundle: SealedBundle,
        *,
        to: str | Sequence[str] | None = None,
        profile: str | None = None,
        background: bool = False,
    ) -> list[Delivery]:
        """Deliver to each destination (this reporter's, or the names or URLs in ``to``) and
        return what became of each, in order.

        Every copy is queued before the first is sent. A failed attempt is reported in its
        :class:`~supportkit.Delivery`, not raised: that copy stays in the outbox for the next
        flush. With ``background=True`` this returns at once and a worker thread delivers.
        """
        from supportkit._fanout import deliver_each, enqueue_each  # noqa: PLC0415

        outbox = self._outbox_for(bundle)
        queued = enqueue_each(
            outbox, bundle, self._targets(to), profile=profile, policy=self._policy()
        )
        if background:
            self._wake_worker(outbox)
            return queued
        return deliver_each(outbox, queued, transports=self._transport_for)

    def send_in_background(
        self, bundle: SealedBundle, *, to: str | None = None, profile: str | None = None
    ) -> OutboxEntry:
        """Queue the bundle and return at once; a worker thread delivers it and retries.

        Whatever is still queued at exit gets a short, bounded last attempt; the rest stays in
        the outbox for the next flush. With several destinations each is queued and the first
        one's entry is returned; ``send_all(..., background=True)`` returns them all.
        """
        return self.send_all(bundle, to=to, profile=profile, background=True)[0].entry

    def _targets(self, to: str | Sequence[str] | None) -> Sequence[Destination]:
        if to is None:
            return self._destinations
        if isinstance(to, str):
            return [self._settings.resolve(to)]
        if not to:
            msg = "to= names no destination; give a name or URL, or leave it out for the default"
            raise InvalidArgumentError(msg)
        return self._settings.resolve_all(to)

    def _outbox_for(self, bundle: SealedBundle) -> Outbox:
        from supportkit.bundle import SealedBundle  # noqa: PLC0415
        from supportkit.outbox import Outbox  # noqa: PLC0415

        if not isinstance(bundle, SealedBundle):
            msg = (
                f"send() takes the SealedBundle that capture() returns, not "
                f"{type(bundle).__name__}; use supportkit.bundle.read_bundle() for a file"
            )
            raise InvalidArgumentError(msg)
        if self._outbox is None:
            self._outbox = Outbox(self.outbox_dir, history_dir=self.history_dir)
        return self._outbox

    def _wake_worker(self, outbox: Outbox) -> None:
        from supportkit.outbox import BackgroundDelivery  # noqa: PLC0415

        if self._worker is None:
            self._worker = BackgroundDelivery(outbox, transports=self._transport_for)
        self._worker.wake()

    def _transport_for(self, destination: str) -> Transport:
        """The transport built for one of this reporter's destinations, or a new one."""
        return self._transports.get(destination) or transport_for(destination)

    def _bundle_path(self, report_id: str, output: Path | str | None) -> Path:
        if output is not None:
            return Path(output).expanduser()
        folder = self.bundle_dir or cache_dir() / "bundles"
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{report_id}.zip"

    def _app(self) -> App:
        from supportkit.models import App  # noqa: PLC0415

        if self.app_version is not None:
            return App(name=self.app_name, version=self.app_version, build=self.app_build)
        from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

        try:
            found = version(self.app_name)
        except PackageNotFoundError:
            return App(name=self.app_name, build=self.app_build, source="unknown")
        return App(name=self.app_name, version=found, build=self.app_build, source="distribution")


def _grab_now(screenshot: Any) -> Any:
    """Grab the screen on this thread; if it cannot be, leave the request for the collector
    to record why."""
    from supportkit.exceptions import CollectorUnavailable  # noqa: PLC0415
    from supportkit.screenshot import ScreenshotRequest, grab  # noqa: PLC0415

    request = ScreenshotRequest() if screenshot is True else screenshot
    try:
        return grab(request)
    except CollectorUnavailable:
        return request


def resolve_collectors(
    chosen: Sequence[str | Collector] | None, exclude: set[str]
) -> list[Collector]:
    names_or_objects = list(_plugins.available("collectors")) if chosen is None else chosen
    resolved: list[Collector] = []
    for item in names_or_objects:
        if isinstance(item, str):
            if item in exclude:
                continue
            factory = _plugins.load("collectors", item)
            collector = factory() if isinstance(factory, type) else factory
        else:
            collector = item
        if not isinstance(collector, Collector):
            msg = f"{item!r} is not a collector: it needs a 'name' and a 'collect(ctx)' method"
            raise PluginLoadError(msg)
        if collector.name not in exclude:
            resolved.append(collector)
    return resolved


def _routes(
    settings: Settings, transport: Transport | str | None
) -> tuple[tuple[Destination, ...], dict[str, Transport]]:
    """The reporter's destinations and a transport for each, built now so that a URL that
    cannot be used is an error when it is configured, not at the first send."""
    from supportkit._config import Destination  # noqa: PLC0415

    if isinstance(transport, Transport):
        where = transport.destination
        own = Destination(where if "://" in where else f"{transport.name}:{where}")
        return (own,), {own.url: transport}
    built = {d.url: transport_for(d.url) for d in settings.send_to}
    return settings.send_to, built


def _build_problem(
    title: str,
    *,
    description: str | None,
    expected: str | None,
    actual: str | None,
    error_text: str | None,
    occurred_at: datetime | None,
    category: str | None,
    tried: Iterable[tuple[str, str | None] | str],
) -> Any:
    from supportkit.models import Attempt, Problem  # noqa: PLC0415

    if not isinstance(title, str) or not title.strip():
        msg = "title is empty; give the problem a short title, e.g. 'Export button does nothing'"
        raise InvalidArgumentError(msg)
    attempts = [
        Attempt(action=item) if isinstance(item, str) else Attempt(action=item[0], result=item[1])
        for item in tried
    ]
    if occurred_at is not None and occurred_at.tzinfo is None:
        occurred_at = occurred_at.astimezone()  # a naive time is the reporter's local time
    return Problem(
        title=title.strip(),
        description=description,
        expected=expected,
        actual=actual,
        error_text=error_text,
        occurred_at=occurred_at,
        category=category,
        tried=tuple(attempts),
    )


def _check_contact(contact: Contact | Mapping[str, str | None] | None) -> Contact | None:
    if contact is None:
        return None
    fields = contact if isinstance(contact, Mapping) else contact.model_dump()
    unknown = set(fields) - {
        "name",
        "email",
        "phone",
        "timezone",
        "preferred_contact_time",
        "reference",
        "phone_region",
    }
    if unknown:
        msg = f"contact has unknown fields {sorted(unknown)}; see supportkit.models.Contact"
        raise InvalidArgumentError(msg)
    built = build_contact(**fields)
    return built if any(built.model_dump().values()) else None


def _resolve_exception(exception: BaseException | bool | None) -> BaseException | None:
    if exception is True:
        return sys.exc_info()[1]
    if exception is None or exception is False:
        return None
    if isinstance(exception, BaseException):
        return exception
    msg = f"exception must be an exception, True (the one being handled) or None, not {exception!r}"
    raise InvalidArgumentError(msg)


def _base_report(
    report_id: str,
    *,
    app: App,
    problem: Any,
    priority: Any,
    contact: Contact | None,
    steps: tuple[str, ...],
) -> Report:
    from supportkit._timezone import local_timezone  # noqa: PLC0415
    from supportkit.models import Report  # noqa: PLC0415

    tz_name, utc_offset = local_timezone()
    return Report(
        id=report_id,
        created_at=datetime.now(timezone.utc),
        timezone=tz_name,
        utc_offset=utc_offset,
        app=app,
        problem=problem,
        steps=steps,
        priority=priority,
        contact=contact,
    )


def _with_collected(base: Report, results: list[CollectorResult]) -> Report:
    """Place each collector's data in the report.

    Data that does not fit the model is recorded as that collector's failure rather than
    failing the capture.
    """
    from pydantic import ValidationError  # noqa: PLC0415

    from supportkit.models import Environment  # noqa: PLC0415

    environment: dict[str, Any] = {}
    top_level: dict[str, Any] = {}
    runs = []
    for result in results:
        run = result.run
        if result.section is not None and result.section.data is not None:
            try:
                target, value = _validated_section(run.name, result.section.data)
            except (ValidationError, ValueError, TypeError) as exc:
                run = run.model_copy(
                    update={
                        "status": "failed",
                        "error_type": "InvalidSectionData",
                        "error_message": f"data does not fit the report model: {exc}"[:2000],
                    }
                )
            else:
                (top_level if target in _TOP_LEVEL.values() else environment)[target] = value
        runs.append(run)
    return base.model_copy(
        update={**top_level, "environment": Environment(**environment), "capture": tuple(runs)}
    )


def _validated_section(name: str, data: Any) -> tuple[str, Any]:
    """Where a collector's data goes in the report, checked against the model's type there."""
    from pydantic import JsonValue, TypeAdapter  # noqa: PLC0415

    from supportkit.models import Environment, Report  # noqa: PLC0415

    if name in _TOP_LEVEL:
        target = _TOP_LEVEL[name]
        annotation = Report.model_fields[target].annotation
    else:
        target = name
        field = Environment.model_fields.get(name)
        annotation = field.annotation if field is not None else JsonValue
    assert annotation is not None
    return target, TypeAdapter(annotation).validate_python(data)
