"""Game platform accounts: Steam's account ids, which a game's crash log, a Source server's
console and a launcher print, a Steam profile's custom name, and the gamer tags of Xbox,
PlayStation, Battle.net and Riot after their labels. Anyone can open the profile an
id names, so it names its player as plainly as an email would.

Steam writes one account four ways: ``STEAM_0:1:12345678``, ``[U:1:24691357]``, the 64-bit
``76561197984957085`` and ``steamcommunity.com/profiles/76561197984957085``. All four give the
same number, so one player gets one pseudonym however a log spells their id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from supportkit.redaction import _anchors
from supportkit.redaction._rule import Rule, Span
from supportkit.redaction.rules._finders import FinderRule
from supportkit.redaction.rules._text import glued, is_trivial

__all__ = ["RULES", "steam_account_number"]

#: The 64-bit id of account number 0; an account's 64-bit id is this plus its number.
STEAM_ID64_BASE = 76561197960265728
_LAST_ACCOUNT = 2**32 - 1

# Each form from its literal: the 64-bit id from its first seven digits, which every account
# opened so far shares.
_FORMS = (
    (_anchors.literal("STEAM_"), re.compile(r"STEAM_[0-5]:[01]:\d{1,10}(?!\d)")),
    (_anchors.literal("[U:1:"), re.compile(r"\[U:1:(\d{1,10})\]")),
    (_anchors.literal("7656119"), re.compile(r"7656119\d{10}(?!\d)")),
)
_PROFILE_NAME = _anchors.literal("steamcommunity.com/id/")
_NAME = re.compile(r"[A-Za-z0-9_-]{2,32}(?![\w-])")


def steam_account_number(steam_id: str) -> int | None:
    """The account number any spelling of a Steam id stands for; None for what is none."""
    if steam_id.startswith("STEAM_"):
        _, low, number = steam_id[6:].split(":")
        account = int(number) * 2 + int(low)
    elif steam_id.startswith("[U:1:"):
        account = int(steam_id[5:-1])
    else:
        account = int(steam_id) - STEAM_ID64_BASE
    return account if 0 < account <= _LAST_ACCOUNT else None


def _steam_ids(text: str) -> Iterator[Span]:
    for anchor, form in _FORMS:
        for at in _anchors.starts(text, anchor):
            if glued(text, at, "_"):
                continue  # inside a longer token or number
            found = form.match(text, at)
            if found is not None and steam_account_number(found.group()) is not None:
                yield Span(at, found.end(), "steam-id")
    for at in _anchors.starts(text, _PROFILE_NAME):
        name = _NAME.match(text, at + _PROFILE_NAME.width)
        if name is not None:
            yield Span(name.start(), name.end(), "user")


# The names players go by on the consoles' and launchers' networks, after their label: an Xbox
# gamertag (its number suffix too), a PlayStation Network online id, a Battle.net BattleTag
# (Name#1234), a Riot id (Name#TAG). Bare, a name runs to a space; quoted, it may hold one.
_GAMER_TAG_LABELS = tuple(
    _anchors.word(label)
    for label in ("gamertag", "gamer tag", "psn id", "psn online id", "battletag", "riot id")
)
_GAMER_TAG = re.compile(
    r"""["']?[ \t]{0,8}([:=]?)[ \t]{0,8}(?:(["'])([^"'\r\n]{3,24})\2"""
    r"""|([A-Za-z0-9][\w.-]{2,15}(?:#[A-Za-z0-9]{3,5})?)(?![\w#-]))"""
)


def _gamer_tags(text: str) -> Iterator[Span]:
    for label in _GAMER_TAG_LABELS:
        for at in _anchors.starts(text, label):
            if glued(text, at):
                continue
            found = _GAMER_TAG.match(text, at + label.width)
            if found is None:
                continue
            group = 3 if found.group(3) is not None else 4
            name = found.group(group)
            if group == 4 and not found.group(1) and name.isalpha() and name.islower():
                continue  # a word of the sentence: "set gamertag for the profile"
            if not is_trivial(name):
                yield Span(found.start(group), found.end(group), "user")


RULES: tuple[Rule, ...] = (
    FinderRule("steam-id", 64, _steam_ids),
    FinderRule("gamer-tag", 64, _gamer_tags),
)
