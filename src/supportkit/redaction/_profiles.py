"""Redaction profiles: what one destination receives of a capture.

The same capture can go to a private help desk in full and to a public issue tracker as a
minimal summary. A profile turns the sealed full bundle into the bundle that destination
gets; the manifest of the result names the profile, so the receiver knows what it holds.

- ``full``: the bundle as sealed.
- ``minimal``: no attachments, no contact details, no breadcrumbs, and only the environment
  facts that identify the platform (OS, architecture, Python); everything left, including
  what the reporter typed, goes through the whole policy, personal data and all.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit

from supportkit.exceptions import InvalidArgumentError

if TYPE_CHECKING:
    from supportkit.bundle import SealedBundle
    from supportkit.models import Report
    from supportkit.redaction._policy import RedactionPolicy

PROFILES = ("full", "minimal")
DEFAULT_PROFILE = "full"


def split_profile(destination: str) -> tuple[str, str]:
    """``(destination without ?profile=…, profile)``; transports never see the option."""
    parts = urlsplit(destination)
    if "profile=" not in parts.query:
        return destination, DEFAULT_PROFILE
    query = parse_qsl(parts.query, keep_blank_values=True)
    profiles = [value for key, value in query if key == "profile"]
    rest = urlencode([(key, value) for key, value in query if key != "profile"])
    return parts._replace(query=rest).geturl(), check_profile(profiles[-1])


def check_profile(profile: str | None) -> str:
    """The profile name, or a clear error naming the ones that exist."""
    name = (profile or DEFAULT_PROFILE).strip().lower()
    if name not in PROFILES:
        msg = f"unknown redaction profile {profile!r}; choose one of {', '.join(PROFILES)}"
        raise InvalidArgumentError(msg)
    return name


def bundle_for_profile(
    bundle: SealedBundle, profile: str, policy: RedactionPolicy | None = None
) -> SealedBundle:
    """The bundle a destination with ``profile`` receives (written beside ``bundle``)."""
    name = check_profile(profile)
    if name in (DEFAULT_PROFILE, bundle.manifest.profile):
        return bundle
    from supportkit.bundle import write_bundle  # noqa: PLC0415  (bundle imports redaction)
    from supportkit.redaction._capture import redact_capture  # noqa: PLC0415
    from supportkit.redaction._engine import Redactor  # noqa: PLC0415

    capture = redact_capture(
        _minimal_report(bundle.report), (), Redactor(policy), typed_credentials_only=False
    )
    destination = Path(bundle.path).with_name(f"{bundle.report.id}.{name}.zip")
    return write_bundle(capture, destination, profile=name)


def _minimal_report(report: Report) -> Report:
    from supportkit.models import Environment, RuntimeInfo, SystemInfo  # noqa: PLC0415

    system = report.environment.system
    runtime = report.environment.runtime
    environment = Environment(
        system=SystemInfo(
            os_name=system.os_name,
            os_family=system.os_family,
            os_version=system.os_version,
            architecture=system.architecture,
        )
        if system is not None
        else None,
        runtime=RuntimeInfo(implementation=runtime.implementation, version=runtime.version)
        if runtime is not None
        else None,
    )
    return report.model_copy(
        update={
            "contact": None,
            "breadcrumbs": (),
            "attachments": (),
            "environment": environment,
        }
    )
