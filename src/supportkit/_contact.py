"""Validating the contact details a reporter types in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from supportkit.exceptions import ContactError

if TYPE_CHECKING:
    from supportkit.models import Contact


def build_contact(
    *,
    name: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    timezone: str | None = None,
    preferred_contact_time: str | None = None,
    reference: str | None = None,
    phone_region: str | None = None,
) -> Contact:
    """A validated :class:`~supportkit.models.Contact`.

    ``phone_region`` (ISO 3166 code such as ``"GB"``) lets a national number like
    ``020 7946 0958`` be read; without it the number must start with ``+``.

    Raises:
        ContactError: naming the field that is wrong and how to fix it.
    """
    from supportkit.models import Contact  # noqa: PLC0415  (pydantic loads on first capture)

    return Contact(
        name=_clean(name),
        email=normalise_email(email) if _clean(email) else None,
        phone=normalise_phone(phone, phone_region) if _clean(phone) else None,
        timezone=_clean(timezone),
        preferred_contact_time=_clean(preferred_contact_time),
        reference=_clean(reference),
    )


def normalise_email(email: str | None) -> str:
    """The address in normalised form; no DNS look-up, so it works offline."""
    from email_validator import EmailNotValidError, validate_email  # noqa: PLC0415

    try:
        result = validate_email(email or "", check_deliverability=False)
    except EmailNotValidError as exc:
        msg = f"{email!r} is not a valid email address ({exc}); correct it or leave it out"
        raise ContactError(field="email", message=msg) from exc
    return str(result.normalized)


def normalise_phone(phone: str | None, region: str | None = None) -> str:
    """The number in E.164 form (``+442079460958``)."""
    import phonenumbers  # noqa: PLC0415

    hint = "give it in international form, e.g. +44 20 7946 0958"
    try:
        parsed = phonenumbers.parse(phone or "", region.upper() if region else None)
    except phonenumbers.NumberParseException as exc:
        msg = f"{phone!r} cannot be read as a phone number ({exc}); {hint}"
        raise ContactError(field="phone", message=msg) from exc
    if not phonenumbers.is_valid_number(parsed):
        msg = f"{phone!r} is not a valid phone number; {hint}"
        raise ContactError(field="phone", message=msg)
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    stripped = value.strip()
    return stripped or None
