"""Tables: a CSV or TSV header's column names are the labels its cells are read by."""

from __future__ import annotations

import io

import pytest

from supportkit.redaction import Redactor
from supportkit.redaction._columns import MAX_ROW_CHARS


def _streamed(redactor: Redactor, text: str, chunk_chars: int = 1 << 16) -> str:
    out = io.StringIO(newline="")
    redactor.stream(
        io.StringIO(text, newline=""), out, artifact="customers.csv", chunk_chars=chunk_chars
    )
    return out.getvalue()


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            "id,First Name,last_name,street\n1,Ana,Lima,12 Baker Street\n",
            "id,First Name,last_name,street\n1,<name-1>,<name-2>,<address-1>\n",
        ),
        (  # quoted cells, a doubled quote inside one, CRLF line ends, a last line unended
            'id;"first_name";"Address"\r\n1;"Bob ""B"" Stone";"10 Downing Street, London"\r\n'
            '2;"Ana";""',
            'id;"first_name";"Address"\r\n1;"<name-1>";"<address-1>"\r\n2;"<name-2>";""',
        ),
        (
            "user\tdob\ttel\nolga\t1990-01-15\t612345678\n",
            "user\tdob\ttel\n<user-1>\t<birth-date-1>\t<phone-1>\n",
        ),
        (  # a bare "name" beside a way to reach its person
            "Name,Email\nAna Lima,ana@example.com\n",
            "Name,Email\n<name-1>,<email-1>\n",
        ),
        (
            "national_id|note\nAB123456C|checked\n",
            "national_id|note\n<national-id-1>|checked\n",
        ),
    ],
)
def test_personal_columns_lose_their_cells(everything: Redactor, table: str, expected: str) -> None:
    assert _streamed(everything, table) == expected


@pytest.mark.parametrize(
    "text",
    [
        "name,price\nBlue Shirt,10\n",  # a product's name
        "first_name,last_name\nN/A,\n,unknown\n",  # no one's
        "2026-12-07 10:00:01,INFO,started\nAna,Lima,here\n",  # a log, not a header
        "level, message\nINFO, Ana Lima logged in\n",  # no personal column
        "first_name\nAna\n",  # one column is no table
    ],
)
def test_other_text_passes_to_the_text_rules_as_it_is(everything: Redactor, text: str) -> None:
    assert _streamed(everything, text) == text


def test_a_row_that_does_not_line_up_is_left_to_the_text_rules(everything: Redactor) -> None:
    table = 'first_name,email\nAna,ana@example.com\n"Bob\nStone",bob@example.com\nx,y,z\n'
    assert _streamed(everything, table) == (
        'first_name,email\n<name-1>,<email-1>\n"Bob\nStone",<email-2>\nx,y,z\n'
    )


def test_a_line_too_long_for_a_row_passes_and_the_rows_after_it_are_read(
    everything: Redactor,
) -> None:
    long_line = "x" * (MAX_ROW_CHARS + 10) + ",y\n"
    table = f"first_name,note\nAna,a\n{long_line}Olga,b\n"
    out = _streamed(everything, table, chunk_chars=4096)
    assert out == f"first_name,note\n<name-1>,a\n{long_line}<name-2>,b\n"


def test_rows_are_read_across_small_chunks(everything: Redactor) -> None:
    rows = "".join(
        f"{index},Name{chr(65 + index % 26)}son,{index}@example.com\n" for index in range(300)
    )
    out = _streamed(everything, "id,last_name,email\n" + rows, chunk_chars=100)
    assert out.count("\n") == 301
    assert "son," not in out
    assert "@example.com" not in out


def test_cells_are_counted_under_their_rules_and_kept_for_the_reporter(
    everything: Redactor,
) -> None:
    table = "first_name,street\nAna,12 Baker Street\nOlga,3 Elm Road\n"
    out = io.StringIO()
    everything.stream(io.StringIO(table), out, artifact="typed.csv", credentials_only=True)
    assert out.getvalue() == table
    _streamed(everything, table)
    assert everything.audit.artifacts["customers.csv"] == {
        "person-name-field": 2,
        "postal-address": 2,
    }
