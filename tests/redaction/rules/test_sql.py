"""SQL statements' values, told by their columns: an INSERT's VALUES, the bound values logs
print apart from a statement (SQLAlchemy, Django, PostgreSQL, Rails)."""

from __future__ import annotations

import pytest

from supportkit.redaction import Redactor
from supportkit.redaction.rules.sql import RULES

SECRET_RULE, PERSONAL_RULE = RULES


def _found(text: str) -> list[tuple[str, str]]:
    spans = [*SECRET_RULE.find(text), *PERSONAL_RULE.find(text)]
    return sorted((text[span.start : span.end], span.kind) for span in spans)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "INSERT INTO users (email, first_name, last_name, phone) "
            "VALUES ('ana@example.com', 'Ana', 'O''Neil', '+255712345678');",
            [("+255712345678", "phone"), ("Ana", "name"), ("O''Neil", "name")],
        ),
        (
            'insert into "customers" ("name", "city") values (\'Ana Lima\', \'Leeds\'), '
            "('Juma Said', 'Dar es Salaam')",
            [("Ana Lima", "name"), ("Juma Said", "name")],
        ),
        (
            "INSERT INTO `accounts` (`username`, `password`) VALUES ('olga.p', 'Hunter22!')",
            [("Hunter22!", "secret"), ("olga.p", "user")],
        ),
        # SQLAlchemy: the statement, then its parameters on the next line
        (
            "INSERT INTO users (first_name, last_name, age) VALUES (?, ?, ?)\n"
            "INFO sqlalchemy.engine.Engine [generated in 0.00013s] ('Olga', 'Petrova', 42)",
            [("Olga", "name"), ("Petrova", "name")],
        ),
        (
            'INSERT INTO users (first_name) VALUES (%s)\n[cached since 2.1s ago] ("D\'Arcy",)',
            [("D'Arcy", "name")],
        ),
        # Django: the values written in full, then again as args
        (
            '(0.001) INSERT INTO "auth_user" ("username", "first_name") VALUES '
            "('olga', 'Olga'); args=('olga', 'Olga')",
            [("Olga", "name"), ("Olga", "name"), ("olga", "user"), ("olga", "user")],
        ),
        # PostgreSQL: numbered parameters in the DETAIL line
        (
            "LOG:  execute <unnamed>: INSERT INTO customers (name, phone) VALUES ($1, $2)\n"
            "DETAIL:  parameters: $1 = 'Ana Lima', $2 = NULL",
            [("Ana Lima", "name")],
        ),
        # an UPDATE's SET and a statement's WHERE, the table saying whose a bare name is
        (
            "UPDATE customers SET name = 'Ana Lima', plan = 'pro' WHERE id = 42;",
            [("Ana Lima", "name")],
        ),
        ("DELETE FROM customers WHERE name = 'Juma Said'", [("Juma Said", "name")]),
        (
            "SELECT users.id FROM users WHERE users.first_name = ? AND users.id > 5 AND x = ?\n"
            "[cached since 1s ago] ('Ana', 7)",
            [("Ana", "name")],
        ),
        (
            "UPDATE customers SET name = 'Ana Lima' WHERE id IN "
            "(SELECT id FROM t WHERE first_name = 'Olga');",
            [("Ana Lima", "name"), ("Olga", "name")],
        ),
        (
            "LOG:  execute <unnamed>: UPDATE customers SET name = $1 WHERE id = $2\n"
            "DETAIL:  parameters: $1 = 'Juma Said', $2 = '5'",
            [("Juma Said", "name")],
        ),
        # placeholders outside a comparison take their places too
        (
            "SELECT * FROM users WHERE first_name = ? AND id IN (?, ?) LIMIT ? OFFSET ?\n"
            "[generated in 0.1s] ('Ana', 3, 4, 10, 0)",
            [("Ana", "name")],
        ),
        # a statement written over several lines, as SQLAlchemy prints a SELECT
        (
            "INFO sqlalchemy.engine.Engine SELECT users.id, users.first_name \n"
            "FROM users \nWHERE users.first_name = ? AND users.last_name = ?\n LIMIT ?\n"
            "INFO sqlalchemy.engine.Engine [generated in 0.00015s] ('Ana', 'Lima', 1)",
            [("Ana", "name"), ("Lima", "name")],
        ),
        ("UPDATE customers\r\nSET name = 'Ana Lima'\r\nWHERE id = 7;", [("Ana Lima", "name")]),
        (
            "INSERT INTO customers (\n    first_name,\n    last_name\n) VALUES\n"
            "    ('Olga', 'Petrova'),\n    ('Juma', 'Said');",
            [("Juma", "name"), ("Olga", "name"), ("Petrova", "name"), ("Said", "name")],
        ),
        (
            "INSERT INTO users (first_name, email)\nVALUES (?, ?)\n"
            "[generated in 0.0001s] ('Ana', 'ana@example.com')",
            [("Ana", "name")],
        ),
        # Rails: each bound value beside its column, for any statement
        (
            'User Create (0.4ms)  INSERT INTO "users" ("email", "last_name") VALUES ($1, $2)  '
            '[["email", "ana@example.com"], ["last_name", "Lima"], ["LIMIT", 1]]',
            [("Lima", "name")],
        ),
    ],
)
def test_a_value_filed_under_a_personal_or_secret_column_is_found(
    text: str, values: list[tuple[str, str]]
) -> None:
    assert _found(text) == values


@pytest.mark.parametrize(
    "text",
    [
        "INSERT INTO products (name, price) VALUES ('Widget Pro', 9.99), ('Gadget', 19.5);",
        "INSERT INTO django_migrations (app, name, applied) VALUES ('auth', '0001_initial', NOW())",
        "INSERT INTO settings (key, value) VALUES ('theme', 'dark');",
        "INSERT INTO users (id, role, created_at) VALUES (1, 'admin', now())",
        "INSERT INTO users (first_name, last_name) VALUES (NULL, ?)",  # nothing bound here
        "INSERT INTO users (first_name, last_name) VALUES ('Ana')",  # the columns do not line up
        "INSERT INTO users (first_name) VALUES (?)\n[generated in 0.1s] ('Ana', 'Lima')",
        'to insert into the table (name) values ("x"); [["LIMIT", 1], ["status", "active"]]',
        "SELECT * FROM products WHERE name = 'Widget Pro'; UPDATE products SET name = 'Gadget'",
        "UPDATE selections SET name = 'x' WHERE id = 1",  # a word holding "select" is no statement
        # more values logged than the statement has placeholders: they cannot be lined up
        "SELECT * FROM users WHERE first_name = ? LIMIT ?\n[generated in 0.1s] ('Ana', 10, 0)",
        # a "?" in a string is no placeholder, so the count is off and nothing is matched
        "SELECT * FROM users WHERE note = 'why?' AND first_name = ?\n[raw sql] ('Ana',)",
        # a log's next line is not the statement's, though the statement has no ";"
        "UPDATE jobs SET state = 'done'\nfirst_name = 'Ana' was logged in",
        "please update your first_name where it says; UPDATE done where first_name = x",
    ],
)
def test_other_values_are_kept(text: str) -> None:
    assert _found(text) == []


def test_a_statements_values_go_in_a_redacted_log() -> None:
    """The default rules run them: the names go, the statement and its other values stay."""
    text = (
        "INSERT INTO users (email, first_name, plan) VALUES (?, ?, ?)\n"
        "[generated in 0.0002s] ('ana@example.com', 'Ana', 'pro')\n"
    )
    assert Redactor().text(text, artifact="app.log") == (
        "INSERT INTO users (email, first_name, plan) VALUES (?, ?, ?)\n"
        "[generated in 0.0002s] ('<email-1>', '<name-1>', 'pro')\n"
    )


def test_credentials_only_keeps_names_and_removes_passwords() -> None:
    text = "INSERT INTO accounts (first_name, password) VALUES ('Ana', 'Hunter22!')"
    assert Redactor().text(text, artifact="t", credentials_only=True) == (
        "INSERT INTO accounts (first_name, password) VALUES ('Ana', '<secret-1>')"
    )
