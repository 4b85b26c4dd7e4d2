"""Passwords announced by the word for "password" in the languages the apps' users write:
``Passwort: …``, ``пароль = …``, ``mật khẩu: …``, ``密码：…``.

The key/value scanner (:mod:`.secret_values`) reads names made of ASCII letters; these words are
found from literal anchors instead (a word beyond Latin-1 is scanned for only in text that holds
such characters). A value counts after a separator (``:``, ``=``, the full-width ``：``); in a
sentence only a word with letters and digits does, so prose about passwords (``Passwort
vergessen?``) is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from supportkit.redaction import _anchors
from supportkit.redaction._rule import Category, Rule, Span
from supportkit.redaction.rules._finders import UNSPACED_SCRIPT
from supportkit.redaction.rules._text import SPOKEN_WORD, is_trivial, spoken_password

__all__ = ["COMPOUND_ENDING", "PASSWORD_WORDS", "RULES"]

#: The word for "password", lower-case, in the languages supportkit finds it in.
PASSWORD_WORDS = frozenset(
    {
        "passwort", "kennwort",  # German
        "mot de passe",  # French
        "contraseña", "contrasena",  # Spanish
        "senha",  # Portuguese
        "wachtwoord",  # Dutch
        "hasło", "haslo",  # Polish
        "heslo",  # Czech, Slovak
        "jelszó",  # Hungarian
        "lösenord",  # Swedish
        "adgangskode",  # Danish
        "passord",  # Norwegian
        "salasana",  # Finnish
        "şifre", "sifre", "parola",  # Turkish (and Romanian)
        "parolă",  # Romanian
        "lozinka", "лозинка",  # Croatian, Serbian, Bosnian
        "парола",  # Bulgarian
        "geslo",  # Slovenian
        "parool",  # Estonian
        "slaptažodis",  # Lithuanian
        "kata laluan",  # Malay
        "رمز عبور",  # Persian
        "пароль", "пароля",  # Russian, Ukrainian
        "mật khẩu", "mat khau",  # Vietnamese
        "nenosiri", "nywila",  # Swahili
        "kata sandi",  # Indonesian
        "密码", "密碼", "口令",  # Chinese
        "パスワード",  # Japanese
        "비밀번호",  # Korean
        "κωδικός",  # Greek
        "סיסמה",  # Hebrew
        "كلمة المرور",  # Arabic
        "पासवर्ड",  # Hindi
        "รหัสผ่าน",  # Thai
    }
)  # fmt: skip

#: Words this long may end a compound (Datenbankpasswort, Benutzerkennwort); shorter ones
#: must stand alone (``senha``, not ``usenha``).
COMPOUND_ENDING = 8
_SEPARATOR = re.compile(r"[ \t]{0,4}(?:=>|->|[:=\uff1a])[ \t]{0,8}")
_QUOTED = re.compile(r"\"([^\"\r\n]{1,256})\"|'([^'\r\n]{1,256})'|«([^»\r\n]{1,256})»")
_WORD_VALUE = re.compile(r"[^\s\"'«]\S{0,255}")


@dataclass(slots=True)
class _PasswordWordRule:
    """The value after the word for password and a separator."""

    name: str = "password-word"
    kind: str = "password"
    category: Category = "credential"
    max_span: int = 300
    _words: tuple[tuple[str, _anchors.Anchor], ...] = field(init=False, repr=False)
    _group: frozenset[_anchors.Anchor] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Declared now: the first scan looks for them too.
        self._words = tuple((word, _anchors.word(word)) for word in PASSWORD_WORDS)
        self._group = frozenset(anchor for _, anchor in self._words)

    def find(self, text: str) -> Iterator[Span]:
        if _anchors.found_none(text, self._group):
            return
        for word, anchor in self._words:
            for start in _anchors.starts(text, anchor):
                end = start + len(word)
                if _stands_alone(text, start, end, word):
                    span = _value_after(text, end)
                    if span is not None:
                        yield span


def _stands_alone(text: str, start: int, end: int, word: str) -> bool:
    if UNSPACED_SCRIPT.match(word):  # the word may follow another: 用户密码
        return True
    if end < len(text) and text[end].isalpha():
        return False
    return start == 0 or not text[start - 1].isalpha() or len(word) >= COMPOUND_ENDING


# A password written into a sentence (``mein Passwort ist Sommer2024``, ``mật khẩu của tôi là
# Matkhau123``, ``密码是 Mima2024``): up to three short words (a verb, "of mine"), then one word
# of eight characters or more with letters and digits, which prose about passwords lacks.
_SPOKEN = re.compile(r"(?:[ \t]{0,3}[^\s\d]{1,6}){0,3}?[ \t]{1,3}" + SPOKEN_WORD)


def _spoken(text: str, end: int) -> Span | None:
    found = spoken_password(_SPOKEN, text, end)
    return None if found is None else Span(*found, "password")


def _value_after(text: str, end: int) -> Span | None:
    separator = _SEPARATOR.match(text, end)
    if separator is None:
        return _spoken(text, end)
    quoted = _QUOTED.match(text, separator.end())
    if quoted is not None:
        start, stop = quoted.span(quoted.lastindex or 0)
    else:
        plain = _WORD_VALUE.match(text, separator.end())
        if plain is None:
            return None
        start, stop = plain.start(), plain.end()
        while stop > start and text[stop - 1] in ".,;)":
            stop -= 1
    if stop <= start or is_trivial(text[start:stop]):
        return None
    return Span(start, stop, "password")


RULES: tuple[Rule, ...] = (_PasswordWordRule(),)
