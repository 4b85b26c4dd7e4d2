"""Contact cards: the properties that name, reach or place the person go, the rest stays."""

from __future__ import annotations

import pytest
from _found import found

from supportkit.redaction import Redactor

CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lima;Ana;Maria;Dr.;\r\nFN:Ana Lima\r\n"
    "ADR;TYPE=HOME:;;12 Baker Street;London;;NW1 6XE;UK\r\nORG:Acme Ltd\r\nEND:VCARD\r\n"
)


@pytest.mark.parametrize(
    ("card", "values"),
    [
        (CARD, ["Lima", "Ana", "Maria", "Ana Lima", "12 Baker Street"]),
        ("card: BEGIN:VCARD\nNICKNAME:Aninha\nBDAY:19850314\nEND:VCARD", ["Aninha", "19850314"]),
        ("BEGIN:VCARD\nitem1.TEL;type=CELL:07700 900123\nEND:VCARD", ["07700 900123"]),
        (
            "BEGIN:VCARD\nADR:;;Hauptstraße 5\\; Hinterhaus;Berlin;;;\nEND:VCARD",
            ["Hauptstraße 5\\; Hinterhaus"],
        ),
        (
            "begin:vcard\nimpp:xmpp:ana@example.org\nGEO:geo:51.5237,-0.1585\nend:vcard",
            ["xmpp:ana@example.org", "geo:51.5237,-0.1585"],
        ),
        # a photo's data, over its folded lines
        ("BEGIN:VCARD\nPHOTO;ENCODING=b:/9j/4AAQ\n SkZJRgAB\nEND:VCARD", ["/9j/4AAQ\n SkZJRgAB"]),
    ],
)  # fmt: skip
def test_a_cards_personal_properties_are_found(card: str, values: list[str]) -> None:
    assert found("vcard-field", card) == values


@pytest.mark.parametrize(
    "text",
    [
        "N:Lima;Ana;;;\nFN:Ana Lima",  # no card around them
        "BEGIN:VCARD\nVERSION:4.0\nORG:Acme Ltd\nTITLE:Engineer\nN:;;;;\nEND:VCARD\nFN:x",
        "BEGIN:VCALENDAR\nSUMMARY:Standup\nEND:VCALENDAR\nFN:Ana Lima",  # a calendar
    ],
)
def test_other_properties_and_text_outside_a_card_are_kept(text: str) -> None:
    assert found("vcard-field", text) == []


def test_a_card_keeps_its_lines_and_its_city() -> None:
    out = Redactor().text(CARD, artifact="contacts.vcf")
    assert out.count("\r\n") == CARD.count("\r\n")
    assert "N:<name-1>;<name-2>;<name-3>;Dr.;" in out
    assert "ADR;TYPE=HOME:;;<address-1>;London;;NW1 6XE;UK" in out
