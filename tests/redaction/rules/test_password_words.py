"""The word for password in other languages, then a separator, then the value that goes."""

from __future__ import annotations

import pytest

from supportkit.redaction import Redactor

SECRET = "Gz7-kq2Lw9"


@pytest.mark.parametrize(
    "template",
    [
        "Passwort: {s}", "Kennwort={s}", "Datenbankpasswort: {s}", "пароль: {s}",
        "Ваш Пароль = {s}", "mật khẩu: {s}", 'Mật khẩu: "{s}"', "contraseña: {s}", "senha={s}",
        "mot de passe : {s}", "wachtwoord: {s}.", "hasło: {s}", "şifre: {s}", "密码：{s}",
        "用户密码: {s}", "パスワード: {s}", "비밀번호: {s}", "nenosiri: {s}", "nywila => {s}",
        "neues Kennwort -> {s} (temporär)", "mein Passwort ist {s}!", "mật khẩu của tôi là {s}",
        "mon mot de passe est {s}, merci", "密码是 {s}", "パスワードは {s} です",
        '"msg": "mein Passwort ist {s}", "ms": 3', "Parola: {s}", "Parolă: {s}", "Lozinka: {s}",
        "Парола: {s}", "Geslo: {s}", "Parool: {s}", "Slaptažodis: {s}", "Kata laluan: {s}",
        "رمز عبور: {s}",
    ],
)  # fmt: skip
def test_password_after_the_word_in_another_language_goes(
    redactor: Redactor, template: str
) -> None:
    """A value after the word for password and a separator is replaced, and only the value."""
    text = template.format(s=SECRET)
    out = redactor.text(text, artifact="log")
    assert SECRET not in out
    assert "<password-1>" in out or "<secret-1>" in out
    assert template.split("{s}", maxsplit=1)[0] in out


@pytest.mark.parametrize(
    "text",
    [
        "Passwort vergessen? Passwort: ********",
        "пароль успешно изменён",
        "密码错误，请重试",
        "Passwort: <secret>",
        "Kennwort: ${DB_KENNWORT}",
        "senhas: 3 tentativas",
        "usenha: x1y2z3",
        "Reisepass: ok; compass: north",
        "Passwort vergessen? Klicken Sie hier; Passwort geändert am 2024-05-01 um 12:00",
        "Passwort für Benutzerkonto ana.silva2 zurückgesetzt; пароль слишком короткий",
    ],
)
def test_prose_about_passwords_and_placeholders_stay(redactor: Redactor, text: str) -> None:
    """Without a separator only a word with letters and digits is a value; masks,
    placeholders and other words stay."""
    assert redactor.text(text, artifact="log") == text
