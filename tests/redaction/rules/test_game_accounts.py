"""Steam account ids, in each of Steam's spellings, and a profile's custom name, go."""

from __future__ import annotations

import pytest
from _found import found

from supportkit.redaction import Redactor


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ('Client "Player" connected (STEAM_0:1:12345678)', ["STEAM_0:1:12345678"]),
        ("L 12/07/2026 - 10:00:00: kill by [U:1:24691357]", ["[U:1:24691357]"]),
        ("steamid=76561197984957085 auth ok", ["76561197984957085"]),
        (
            "https://steamcommunity.com/profiles/76561197984957085/ and "
            "https://steamcommunity.com/id/gabelogannewell/",
            ["76561197984957085", "gabelogannewell"],
        ),
    ],
)
def test_steam_ids_are_found(text: str, values: list[str]) -> None:
    assert found("steam-id", text) == values


@pytest.mark.parametrize(
    "text",
    [
        "76561197960265728",  # account 0: no one's
        "x76561197984957085 765611979849570851 1765611979849570",  # glued, longer, shorter
        "STEAM_9:1:1 STEAM_0:2:1 [U:2:1] [U:1:] steam_0:1:1",
        "build 7656119, steamcommunity.com/id/",
    ],
)
def test_steam_id_look_alike_is_kept(text: str) -> None:
    assert found("steam-id", text) == []


def test_one_account_gets_one_pseudonym_however_it_is_spelled() -> None:
    text = "STEAM_0:1:12345678 [U:1:24691357] 76561197984957085 STEAM_0:0:12345678"
    assert Redactor().text(text, artifact="log") == (
        "<steam-id-1> <steam-id-1> <steam-id-1> <steam-id-2>"
    )


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Xbox gamertag: xXOlgaGamerXx signed in", ["xXOlgaGamerXx"]),
        ("Xbox gamertag OlgaPlays92 joined the party", ["OlgaPlays92"]),
        ('BattleTag: Olga#1234; Riot ID "Olga Smash#EUW"', ["Olga#1234", "Olga Smash#EUW"]),
        ('{"psn id": "olga_p-92"}', ["olga_p-92"]),
    ],
)
def test_gamer_tags_are_found(text: str, values: list[str]) -> None:
    """The name a player goes by on Xbox, PlayStation, Battle.net or Riot, after its label."""
    assert found("gamer-tag", text) == values


@pytest.mark.parametrize(
    "text",
    [
        "gamertag: null; gamertag=%s; gamertag: <redacted>",
        "set gamertag changed to a new one; the gamertag is taken",
        "mygamertag: x1; battletags: 3",
    ],
)
def test_gamer_tag_look_alike_is_kept(text: str) -> None:
    assert found("gamer-tag", text) == []
