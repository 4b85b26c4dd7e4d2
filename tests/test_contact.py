"""Contact details are validated, normalised, and wrong fields are named."""

from __future__ import annotations

import pytest

from supportkit import ContactError
from supportkit._contact import build_contact


@pytest.mark.parametrize(
    ("phone", "region", "e164"),
    [
        ("+84 28 3822 1234", None, "+842838221234"),  # Vietnam
        ("+7 495 123-45-67", None, "+74951234567"),  # Russia
        ("+255 22 211 1234", None, "+255222111234"),  # Tanzania
        ("(201) 555-0123", "US", "+12015550123"),  # US, national form
        ("020 7946 0958", "GB", "+442079460958"),  # UK, national form
        ("030 123456", "de", "+4930123456"),  # Germany, lower-case region
    ],
)
def test_phone_numbers_from_everywhere_become_e164(
    phone: str, region: str | None, e164: str
) -> None:
    """International and national numbers are stored in E.164 form."""
    assert build_contact(phone=phone, phone_region=region).phone == e164


@pytest.mark.parametrize("phone", ["12345", "+1 555", "not a number", "020 7946 0958"])
def test_invalid_phone_names_the_field(phone: str) -> None:
    """A number that cannot be valid raises ContactError for 'phone' with a hint."""
    with pytest.raises(ContactError, match=r"contact phone: .*international form") as info:
        build_contact(phone=phone)
    assert info.value.field == "phone"


@pytest.mark.parametrize(
    "email", ["ana@", "ana.example.com", "ana@@example.com", "a b@example.com"]
)
def test_invalid_email_names_the_field(email: str) -> None:
    """A malformed address raises ContactError for 'email'."""
    with pytest.raises(ContactError, match="contact email") as info:
        build_contact(email=email)
    assert info.value.field == "email"


def test_email_is_normalised_without_network() -> None:
    """The domain is lower-cased; no DNS look-up is made (this test runs offline)."""
    assert build_contact(email="Ana@Example.COM").email == "Ana@example.com"


def test_blank_fields_are_left_out() -> None:
    """Empty or whitespace-only fields become None rather than failing validation."""
    contact = build_contact(name="  ", email="", phone=" ", reference=" ORD-1 ")
    assert (contact.name, contact.email, contact.phone, contact.reference) == (
        None,
        None,
        None,
        "ORD-1",
    )
