"""Payment cards and IBANs: checksummed, in any grouping; look-alikes kept."""

from __future__ import annotations

import pytest
from _found import found


@pytest.mark.parametrize(
    "card",
    [
        "4111 1111 1111 1111",
        "4111-1111-1111-1111",
        "4111111111111111",
        "5555 5555 5555 4444",
        "2223 0031 2200 3222",
        "3782 822463 10005",
        "6011 1111 1111 1117",
        "3530 1113 3330 0000",
        "2200 0000 0000 0004",
        "VISA 4111 1111 1111 1111",
        "4222222222222",
        "4111.1111.1111.1111",
        "3782.822463.10005",
        "4000.0000.0000.0000.014",
    ],
)
def test_card_is_found(card: str) -> None:
    """Visa, Mastercard, Amex, Discover, JCB and Mir numbers in any grouping are found."""
    assert found("card", f"card={card}; exp 12/29") == [card.removeprefix("VISA ")]
    assert found("card", f"card {card}") == [card.removeprefix("VISA ")]


@pytest.mark.parametrize(
    "text",
    [
        "4111 1111 1111 1112",
        "1234 5678 9012 3452",
        "4111-1111 1111-1111",
        "0000000000000000",
        "41111111111111111111111",
        "20261123140305123",
        "4111111111111111.5",
        "12345678901234",
        "1234567890123456789012345678901234567890",
        "PL04 3988 1982 4289 9317 8946 4187",
        "4111.1111.1111.1112",
        "4111.1111-1111.1111",
        "v4111.1111.1111.1111",
        "4111.1111.1111.1111.1",
        "1.4111.1111.1111.1111",
        "4111.1111.1111.1111_x",
    ],
)
def test_card_look_alike_is_kept(text: str) -> None:
    """Numbers failing Luhn or the issuer check, mixed separators and long runs stay."""
    assert found("card", f"n {text} x") == []


@pytest.mark.parametrize(
    ("text", "card"),
    [
        ("paid with 4111 1111 1111 1111 2 items", "4111 1111 1111 1111"),
        ("4111-1111-1111-1111-7 retries", "4111-1111-1111-1111"),
        ("amex 3782 822463 10005 12 seats", "3782 822463 10005"),
    ],
)
def test_grouped_card_followed_by_a_number_is_found(text: str, card: str) -> None:
    """A card printed in its usual groups is found even when another number follows it."""
    assert found("card", text) == [card]


def test_ungrouped_run_is_not_cut_down_to_a_card() -> None:
    """A long run of groups that are not a card's is not shortened until one passes Luhn."""
    assert found("card", "ids 1234 5678 9012 3456 7890 4111 1111") == []


@pytest.mark.parametrize(
    "iban",
    [
        "DE89 3704 0044 0532 0130 00",
        "DE89370400440532013000",
        "GB82 WEST 1234 5698 7654 32",
        "FR14 2004 1010 0505 0001 3M02 606",
        "NO93 8601 1117 947",
        "DE89-3704-0044-0532-0130-00",
        "GB82.WEST.1234.5698.7654.32",
    ],
)
def test_iban_is_found(iban: str) -> None:
    """IBANs with a valid checksum and their country's length, grouped by spaces, dashes or
    dots or not at all, are found."""
    assert found("iban", f"pay to {iban} EUR") == [iban]


@pytest.mark.parametrize(
    "text",
    [
        "DE89 3704 0044 0532 0130 01",
        "DE89 3704 0044 0532 0130",
        "XX89370400440532013000",
        "ISO8601 UTF8 AB12CDEF34567890",
        "DE893704004405320130001",
        "DE89.3704.0044.0532.0130.01",
        "DE89-3704 0044-0532-0130-00",  # one IBAN is grouped one way
    ],
)
def test_iban_look_alike_is_kept(text: str) -> None:
    """Wrong checksums, lengths, mixed groupings, unknown countries and capitalised ids stay."""
    assert found("iban", f"x {text} y") == []


@pytest.mark.parametrize(
    ("text", "iban"),
    [
        ("iban de89 3704 0044 0532 0130 00 EUR", "de89 3704 0044 0532 0130 00"),
        ("refund to iban=gb82west12345698765432 ok", "gb82west12345698765432"),
        ("IBAN: De89370400440532013000", "De89370400440532013000"),
    ],
)
def test_iban_in_lower_case_is_found_after_the_word_iban(text: str, iban: str) -> None:
    """An IBAN typed in lower case counts where the word IBAN announces it."""
    assert found("iban", text) == [iban]


@pytest.mark.parametrize(
    "text",
    ["ref de89370400440532013000 ok", "iban de89 3704 0044 0532 0130 01", "iban: ab12 none"],
)
def test_iban_in_lower_case_is_kept_elsewhere_or_when_wrong(text: str) -> None:
    """Without the word IBAN, lower case is an id; after it, the checksum still decides."""
    assert found("iban", text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("refund to sort code 20-00-00 account 55779911", ["55779911"]),
        ("payout: account number 123456789012, routing number 021000021", ["123456789012"]),
        ("BSB 062-000 acc no. 1234 5678", ["1234 5678"]),
        ("IFSC HDFC0001234 A/C No: 50100123456789", ["50100123456789"]),
        ('{"account_number": "55779911", "sort_code": "200000"}', ["55779911"]),
    ],
)
def test_bank_account_beside_its_banks_code_is_found(text: str, values: list[str]) -> None:
    """An account number on the line of a sort code, routing number, BSB or IFSC; the bank's
    code names a branch and stays."""
    assert found("bank-account", text) == values


@pytest.mark.parametrize(
    "text",
    [
        "account 42 created; AWS account 123456789012 in us-east-1",
        "routing table updated for account 1234567",
        "sort code 20-00-00\naccount 55779911 on the next line is another record's",
        "aba_test account 1234567; bsb2 account 7654321",
    ],
)
def test_account_numbers_without_a_banks_code_are_kept(text: str) -> None:
    assert found("bank-account", text) == []
