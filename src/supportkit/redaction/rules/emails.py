"""Email addresses, also URL-encoded or with a full-width at sign; role mailboxes, addresses
without a dotted domain, message ids, and systemd units and files named like addresses stay."""

from __future__ import annotations

import re
from collections.abc import Iterator

from supportkit.redaction import _anchors, _views
from supportkit.redaction._rule import Rule, Span
from supportkit.redaction.rules._finders import UNSPACED_CHARS, UNSPACED_SCRIPT, FinderRule
from supportkit.redaction.rules._no_ones import ROLE_MAILBOXES
from supportkit.redaction.rules._text import URL_HOST, URL_USER_INFO, after_escape, start_of_line

__all__ = ["KEPT_MAILBOXES", "RULES"]

#: Local parts of role mailboxes that name a service, never a person.
KEPT_MAILBOXES = ROLE_MAILBOXES | frozenset(
    {
        "git", "donotreply", "do-not-reply", "mailer-daemon", "notifications",
        # more of RFC 2142's, which mail headers name for complaints and news
        "noc", "usenet", "news",
    }
)  # fmt: skip

# Domains whose addresses are machines' accounts: Google Cloud's service accounts
# (terraform@acme-prod.iam.gserviceaccount.com, 1234-compute@developer.gserviceaccount.com);
# and cloud machines' host names, which an ssh login's "user@host" puts after an "@"
# (ubuntu@ec2-3-120-10-20.eu-central-1.compute.amazonaws.com): the login rules' to judge.
_SERVICE_DOMAINS = (
    "gserviceaccount.com",
    ".compute.amazonaws.com",
    ".compute-1.amazonaws.com",
    ".compute.internal",
    ".ec2.internal",
    ".cloudapp.azure.com",
    ".cloudapp.net",
    ".googleusercontent.com",
)

_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
# Japanese, Chinese and Korean text runs on into an address without a break
# ("連絡先はtaro@example.jpです"), so neither part of an address extends over such scripts.
_UNSPACED = UNSPACED_CHARS
_DOMAIN = re.compile(
    r"(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.){1,8}(?P<tld>[^\W\d_]{2,24})(?![\w-]|\.[^\W_])"
)
# The same, stopping at unspaced scripts. Slower, so tried only in text beyond Latin-1 where
# _DOMAIN found nothing or took in a character beyond ASCII: its ASCII matches are this one's.
_LABEL_CHAR = f"[^\\W_{_UNSPACED}]"
_DOMAIN_BESIDE_UNSPACED = re.compile(
    rf"(?:{_LABEL_CHAR}(?:(?:[^\W{_UNSPACED}]|-){{0,61}}{_LABEL_CHAR})?\.){{1,8}}"
    rf"(?P<tld>[^\W\d_{_UNSPACED}]{{2,24}})(?![^\W{_UNSPACED}]|-|\.{_LABEL_CHAR})"
)
# Last labels that are no top-level domain. File extensions: "icons-128x128@2.tar",
# "logo@2x.png", a CUPS queue's driver "PSC-2200-Series@192.168.0.102.ppd". And systemd's unit
# types, whose template instances are named "user@1000.service", "getty@tty1.service".
_NOT_TOP_LEVEL_DOMAINS = frozenset(
    {
        "png", "jpg", "jpeg", "gif", "svg", "webp", "tar", "gz", "tgz", "xz", "bz2", "zst",
        "json", "js", "css", "txt", "log", "xml", "html", "yaml", "yml", "toml", "whl", "ppd",
        "service", "socket", "device", "mount", "automount", "swap", "target", "path", "timer",
        "slice", "scope",
    }
)  # fmt: skip
_ENCODED_BREAK = re.compile(r"%(?:3a|3d|2f|20|22|3c|26|3f|2c|3b|27|28)", re.IGNORECASE)


_GUEST_MARK = "#EXT#"
# A Java module and its version before a stack frame's class, as JBoss, WildFly and Keycloak
# print frames (at io.undertow.core@2.2.5.Final//io.undertow…): numbers, then a qualifier.
_MODULE_VERSION = re.compile(r"(?:[0-9]{1,9}\.){1,6}[A-Za-z]{2,24}")
_AT = _anchors.literal("@")
# Typed with a Japanese or Chinese input method, sometimes to stay out of scrapers' reach.
_FULL_WIDTH_AT = _anchors.word("\uff20")
_EMAIL_ANCHORS = (_AT, _anchors.literal("%40"), _FULL_WIDTH_AT)


def _email_local(text: str, at: int) -> int | None:
    """Start of the local part that ends at ``at``, or None when there is no valid one. Entra
    ID names a guest after the address at home: jane.smith_gmail.com#EXT#@contoso.…"""
    start = at - len(_GUEST_MARK) if text.endswith(_GUEST_MARK, 0, at) else at
    while (
        start > 0
        and at - start < 64
        and not after_escape(text, start)
        and (
            text[start - 1] in _LOCAL_CHARS
            or (text[start - 1].isalnum() and UNSPACED_SCRIPT.match(text[start - 1]) is None)
        )
    ):
        start -= 1
    breaks = list(_ENCODED_BREAK.finditer(text, start, at))
    if breaks:
        start = breaks[-1].end()
    while start < at and text[start] == ".":
        start += 1
    local = text[start:at]
    if not local or local.endswith(".") or ".." in local or local.lower() in KEPT_MAILBOXES:
        return None
    return start


def _ends_url_user_info(text: str, at: int) -> bool:
    """Whether the ``@`` at ``at`` closes a URL's user info (``postgres://app:pw@db.internal``):
    a host follows, not a mail domain. The password is the credential rules' to replace; taken
    for an email, it would take the host with it. An address as the user name
    (``smtp://ana@example.com:pw@smtp.example.com``) is not followed by a host."""
    scheme_end = text.rfind("://", max(0, at - 520), at)
    if scheme_end < 0 or _HOST.match(text, at + 1) is None:
        return False
    if _NOT_IN_USER_INFO.search(text, scheme_end + 3, at) is None:
        return True
    with_password = _USER_INFO.match(text, scheme_end + 3)
    return with_password is not None and with_password.end() == at + 1


_NOT_IN_USER_INFO = re.compile(r"[\s/?#@]")
_HOST = re.compile(URL_HOST)
_USER_INFO = re.compile(URL_USER_INFO)


# A message id (<CAF=x1@mail.gmail.com>) names one message, not a mailbox; it is how a
# delivery is traced through mail logs. In the headers that carry one, maybe after a log's
# prefix and other ids (References continues on indented lines), and in a message_id field.
_MESSAGE_ID_HEADER = re.compile(
    r"(?i:message-id|in-reply-to|references|resent-message-id)[ \t]*:[ \t]*"
    r"(?:<[^<>\s]{1,256}>[ \t,]*){0,64}\Z"
)
_THREAD_HEADER = re.compile(r"(?i:in-reply-to|references)[ \t]*:")
_MESSAGE_ID_KEY = re.compile(r"(?i:message[_-]?id)[\"']?[ \t]*[:=][ \t]*[\"']?<\Z")
# A Received header's "id <…>": the message's id as the relaying server queued it, a run of
# digits before its "@" (id <20040120203404.CCCC18555.mx1.example.com@client.example.com>).
_RECEIVED_ID = re.compile(r"[ \t]id[ \t]+<\Z")
_FEWEST_ID_DIGITS = 6


def _in_message_id(text: str, start: int, folded: dict[int, bool]) -> bool:
    """Whether the address-like text at ``start`` is inside ``<…>`` of a message id.
    ``folded``: what :func:`_continues_thread_header` found for lines of ``text``."""
    opened = text.rfind("<", max(0, start - 64), start)
    if opened < 0 or any(char in " \t\r\n\"'" for char in text[opened:start]):
        return False
    if _MESSAGE_ID_KEY.search(text, max(0, opened - 24), opened + 1):
        return True
    if _RECEIVED_ID.search(text, max(0, opened - 8), opened + 1):
        local = text[start : text.find("@", start, start + 65)]
        return sum(char.isdigit() for char in local) >= _FEWEST_ID_DIGITS
    line = start_of_line(text, opened, 1024)
    if line < 0:
        return False
    if _MESSAGE_ID_HEADER.search(text, line, opened):
        return True
    return text[line : line + 1] in (" ", "\t") and _continues_thread_header(text, line, folded)


def _continues_thread_header(text: str, line: int, folded: dict[int, bool]) -> bool:
    """Whether the indented line at ``line`` continues a References or In-Reply-To header.
    The answer for each line walked is kept in ``folded``, so a long header's lines are each
    walked once."""
    walked = []
    answer = False
    for _ in range(64):
        if line in folded:
            answer = folded[line]
            break
        walked.append(line)
        end = line - 1
        line = start_of_line(text, end, 1024) if line > 0 else -1
        if line < 0:
            break
        if _THREAD_HEADER.search(text, line, end):
            answer = True
            break
        if text[line : line + 1] not in (" ", "\t"):
            break
    folded.update(dict.fromkeys(walked, answer))
    return answer


def _emails(text: str) -> Iterator[Span]:
    folded: dict[int, bool] = {}
    for anchor in _EMAIL_ANCHORS:
        for at in _anchors.starts(text, anchor):
            domain = _DOMAIN.match(text, at + anchor.width)
            if (domain is None or not domain.group().isascii()) and _views.beyond_latin1(text):
                domain = _DOMAIN_BESIDE_UNSPACED.match(text, at + anchor.width)
            start = _email_local(text, at) if domain else None
            if (
                domain
                and start is not None
                and domain.group("tld").lower() not in _NOT_TOP_LEVEL_DOMAINS
                and _MODULE_VERSION.fullmatch(domain.group()) is None
                and not domain.group().lower().endswith(_SERVICE_DOMAINS)
                and not (anchor is _AT and _ends_url_user_info(text, at))
                and not (
                    text[domain.end() : domain.end() + 1] == ">"
                    and _in_message_id(text, start, folded)
                )
            ):
                yield Span(start, domain.end(), "email")


RULES: tuple[Rule, ...] = (FinderRule("email", 330, _emails),)
