"""User names in the environment variables that hold them: ``USER=ana``, ``'LOGNAME': 'ana'``,
and a CI job's (``GITHUB_ACTOR=ana``; a display name such as ``GITLAB_USER_NAME=Ana Lima`` as
a ``<name-N>``), and in fields named for one (docker info's ``Username: ana``,
``"userName": "ana"``); the signed-in user of a web server's access log line,
``203.0.113.7 - ana [06/Dec/2026…``; the account in the login messages of sshd,
systemd-logind and database, broker and print servers (``Accepted publickey for ana from``,
``password authentication failed for user "ana"``, ``connection authorized: user=ana
database=app``, ``user 'ana' authenticated``), in sudo's, su's and PAM's lines about who ran a
command (``sudo:  ana : TTY=pts/0``), in sudo's prompt, in a shell's prompt
(``ana@laptop:~/src$``), in Dovecot's logins (``user=<ana>``, ``imap(ana)``), in Spring Boot's
start-up line (``started by ana in /srv``), in a Windows logon event
(``<Data Name="TargetUserName">ana</Data>``) and the account a Windows command runs as
(``runas /user:ACME\\ana``, ``schtasks /ru ana``); the account a remote shell, a copy or a
database client signs in as (``ssh ana@web01``, ``mysql -u ana``); who started a Jenkins
build (``Started by user Ana Lima``) and the name git commits under (``user.name=Ana Lima``,
``Author: Ana Lima <…>``), as a ``<name-N>``; and the account in a directory's names for it
(``uid=ana,ou=people,dc=acme``, ``sAMAccountName: ana``) and in ``id``'s output
(``uid=1000(ana)``).

An environment dump names the account as often as a home path does, so the name goes here too,
with the same placeholder kind (``HOME=/home/<user-1> USER=<user-1>``). Service accounts,
placeholders and bots (``dependabot[bot]``) stay: they are no one's. So does source code that
passes a user name along (``filter_by(username=form.login.data)``).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from supportkit.redaction import _anchors
from supportkit.redaction._rule import FieldCheck, Rule, Span
from supportkit.redaction.rules._finders import (
    UNSPACED_SCRIPT,
    FieldFinderRule,
    FinderRule,
    each_of,
)
from supportkit.redaction.rules._no_ones import is_bot, no_ones
from supportkit.redaction.rules._text import (
    COMMAND_ARGUMENTS,
    WINDOWS_NAME_CHAR,
    end_of_line,
    glued,
    is_trivial,
    start_of_line,
)

__all__ = ["RULES"]

_ANCHORS = (_anchors.literal("USER"), _anchors.literal("LOGNAME"))
# The variable as a word (not USERPROFILE, not MY_USER), its separator in a shell (USER=ana), a
# dictionary or JSON ('USER': 'ana'), or PowerShell's env: listing, where the name is all that
# is left on the line (USERNAME   ana; ps's header "USER   PID %CPU" is not that).
_NAME = r"([A-Za-z_][A-Za-z0-9._-]{0,63})"
_VARIABLE = re.compile(
    r"(?<![\w$%/])(?:SUDO_)?(?:USER|USERNAME|LOGNAME)"
    r"(?:(?:=[\"']?|[\"']?:[ \t]{0,4}[\"']?)" + _NAME + r"(?![\w$%@])"
    r"|[ \t]{2,40}" + _NAME + r"[ \t]*(?=[\r\n]|\Z))"
)


# Who a CI job runs for, as CI systems put it in the job's environment: a login (GitLab's
# GITLAB_USER_LOGIN, GitHub's GITHUB_ACTOR and GITHUB_TRIGGERING_ACTOR, CircleCI's
# CIRCLE_USERNAME, Jenkins' build-user-vars BUILD_USER_ID), group 1, or a display name
# (GITLAB_USER_NAME, Azure Pipelines' BUILD_REQUESTEDFOR, Jenkins' BUILD_USER), which may hold
# spaces. USER finds most of them; the rest have anchors of their own. A variable is read from
# its first letter, so a longer one that ends in it (MY_GITHUB_ACTOR) is not it.
_CI_ANCHORS = (
    _anchors.literal("USER"),
    _anchors.literal("_ACTOR"),
    _anchors.literal("BUILD_REQUESTEDFOR"),
)
_CI_VARIABLE = re.compile(
    r"(?<![\w$%])(?:(GITLAB_USER_LOGIN|GITHUB_(?:TRIGGERING_)?ACTOR|CIRCLE_USERNAME|BUILD_USER_ID)"
    r"|GITLAB_USER_NAME|BUILD_REQUESTEDFOR|BUILD_USER(?:_FIRST_NAME|_LAST_NAME)?)"
    r"(?:=|[\"']?:[ \t]{0,4}|([ \t]{2,40}))"
)
_CI_LOGIN = re.compile(r"""(["']?)([A-Za-z0-9_][\w.-]{0,63}(?:\[bot\])?)\1(?![\w$%@\[])""")
# A display name runs to its closing quote, or unquoted to the end of the line or the next
# variable on it (BUILD_USER=Ana Lima BUILD_USER_ID=ana).
_CI_DISPLAY_NAME = re.compile(
    r""""([^"\r\n]{1,128})"|'([^'\r\n]{1,128})'"""
    r"""|([^\s"'$%{<][^\r\n=]{0,127}?)[ \t]{0,16}(?=\r?\n|\Z|[ \t][A-Z_]{1,64}=)"""
)
_CI_NAME_REACH = 18  # from GITHUB_TRIGGERING_ACTOR's "_ACTOR" back to its first letter
# Azure Pipelines requests scheduled and service-triggered builds for its own identities.
_AZURE_SERVICES = ("Microsoft.VisualStudio.Services.", "Project Collection Build Service")


def _ci_variables(text: str) -> Iterator[Span]:
    for anchor in _CI_ANCHORS:
        for at in _anchors.starts(text, anchor):
            start = at
            while start > 0 and at - start < _CI_NAME_REACH and text[start - 1] in _NAME_CHARS:
                start -= 1
            found = _CI_VARIABLE.match(text, start)
            if found is None:
                continue
            value = (_CI_LOGIN if found.group(1) else _CI_DISPLAY_NAME).match(text, found.end())
            if value is None:
                continue
            group = 2 if found.group(1) else value.lastindex or 1
            name, end = value.group(group), value.end(group)
            if found.group(2) and not _ends_line(text, end):
                continue  # PowerShell's listing is a column: "GITHUB_ACTOR   is set" is not it
            if not (is_trivial(name) or no_ones(name) or name.startswith(_AZURE_SERVICES)):
                yield Span(value.start(group), end, "user" if found.group(1) else "name")


_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ_")


def _ends_line(text: str, at: int) -> bool:
    """Whether only blanks follow ``at`` on its line."""
    rest = text[at : at + 64].lstrip(" \t")
    return not rest or rest[0] in "\r\n"


def _account(found: re.Match[str] | None) -> Span | None:
    """The account ``found`` names in the last of its groups that matched; None for no one's."""
    return None if found is None else _group_account(found, found.lastindex or 1)


def _names(found: re.Match[str] | None) -> Iterator[Span]:
    """A span for each of ``found``'s groups that names a person's account."""
    if found is None:
        return
    for group in range(1, (found.lastindex or 0) + 1):
        if span := _group_account(found, group):
            yield span


def _group_account(found: re.Match[str], group: int) -> Span | None:
    """The account in ``found``'s ``group`` (a domain before it, ``ACME\\ana``, goes with
    it); None when the group is empty or the account no one's."""
    name = found.group(group)
    if not name or no_ones(name.rpartition("\\")[2]) or is_trivial(name):
        return None
    return Span(found.start(group), found.end(group), "user")


# A field named for a user name in any case, as config dumps and tools print it: docker info's
# "Username: ana", "username=ana", {"userName": "ana"}, a launcher's flag "--username ana",
# Gradle's systemProp.https.proxyUser=ana, the JVM's user.name property (the account it runs
# as: -Duser.name=ana, "user.name = ana" in java -XshowSettings:properties). An address there
# is the e-mail rule's. Quoted, the value may be a display name, taken whole: userName = "Ana
# Lima".
_FIELD_ANCHORS = _anchors.words(("username", "user_name", "user.name", "proxyuser", "proxy_user"))
# An identity provider's prefix stays before the name (Kubernetes' "oidc:ana").
_USERNAME_FIELD = re.compile(
    r"""(?i:user[_.]?name|proxy_?user)(?:["']?[ \t]{0,8}[:=][ \t]{0,8}|(?:(?<=[ \t]-username)"""
    r"""|(?<=[ \t]--username))[ \t]{1,4})"""
    r"""(["']?)"""
    r"""(?:(?:oidc|ldap|saml|sso|github|gitlab|google|okta|azure|aad|keycloak|dex)[:#])?"""
    r"""((?:[\w.-]{1,64}\\{1,2})?[A-Za-z0-9_][\w.-]{0,63}(?:\[bot\])?)(?![\w$%@\\])"""
)
_NAME_LENGTH = 128
_QUOTED_REST = {
    quote: re.compile(
        rf"(?:[ \t]{{1,4}}[^\s{quote}<>@=$%{{}}]{{1,64}}){{1,6}}(?=[ \t]{{0,4}}{quote})"
    )
    for quote in "\"'"
}
# Source code quoted in a traceback passes an expression where a log would print a name:
# filter_by(username=form.login.data), authenticate(username=request.args.get("u")). In an
# argument list, a path of three names or one through a field (form.username) is code, not a
# dotted login (Lombok's User(id=7, username=ana.lima)).
_FIELD_WORDS = frozenset(
    {"user", "username", "user_name", "login", "name", "data", "value", "text"}
)


def _field_users(text: str) -> Iterator[Span]:
    for anchor in _FIELD_ANCHORS:
        for at in _anchors.starts(text, anchor):
            if (glued(text, at, "_$%") and not text.endswith("-D", 0, at)) or text.startswith(
                "USERNAME", at
            ):
                continue  # USERNAME is the variable rule's, DB_USERNAME no one's, $username code
            found = _USERNAME_FIELD.match(text, at)
            if found is None or is_trivial(found.group(2)) or _code(text, at, found):
                continue
            span = _group_account(found, 2)  # a domain (ACME\ana) goes with it
            quote = found.group(1)
            rest = _QUOTED_REST[quote].match(text, found.end(2)) if quote else None
            if span is not None and rest is not None and rest.end() - span.start <= _NAME_LENGTH:
                span = Span(span.start, rest.end(), span.kind)
            if span is not None:
                yield span


# In a structure: the variables' names as they are, a user-name field's in any case, and a
# bare "user" ({"user": "ana"}).
_USER_KEY = re.compile(
    r"(?:SUDO_)?(?:USER|USERNAME|LOGNAME)|(?i:user[_.]?name|proxy_?user|login_?name)|[Uu]ser"
)
_USER_VALUE = re.compile(r"(?:[\w.-]{1,64}\\{1,2})?[A-Za-z_][\w.-]{0,63}(?: [\w.-]{1,64}){0,5}")


# Keys that name who did or owns something, as issue trackers, code hosts and audit logs write
# them: "createdBy", "modified_by", "assignee", "reporter", "author", "owner", GitHub's "login".
_ROLE_KEY = re.compile(
    r"(?i:(?:created|updated|modified|deleted|changed|approved|requested|submitted|reviewed"
    r"|closed|resolved|merged)_?by|assignee|reporter|author|owner|login|last_?user)"
)


def _user_field(key: str) -> FieldCheck | None:
    if _USER_KEY.fullmatch(key):
        return _user_value
    return _role_value if _ROLE_KEY.fullmatch(key) else None


def _role_value(value: str) -> str | None:
    """A login (one word), or a person's name written out: "The pip developers" and a
    mapping's "author": "author" stay."""
    name = value.strip()
    if " " not in name:
        return None if _ROLE_KEY.fullmatch(name) else _user_value(name)
    return _person_value(name) if _written_as_name(name) else None


@functools.lru_cache(maxsize=4096)  # a column or a key repeats its values
def _user_value(value: str) -> str | None:
    name = value.strip()
    if _USER_VALUE.fullmatch(name) is None or no_ones(name.rpartition("\\")[2]):
        return None
    return None if is_trivial(name) else "user"


def _code(text: str, at: int, found: re.Match[str]) -> bool:
    """Whether the user-name field ``found`` at ``at`` passes an expression in source code."""
    value, end = found.group(2), found.end(2)
    if text.startswith(("(", "["), end):
        return True  # a call or a subscript: username=getpass.getuser()
    if found.group(1) or "." not in value or text[found.start(2) - 1] != "=":
        return False
    key = at
    while key > 0 and at - key < 4 and text[key - 1] == " ":
        key -= 1
    if key == 0 or text[key - 1] not in "(,":
        return False  # not an argument
    parts = value.lower().split(".")
    return len(parts) > 2 or not _FIELD_WORDS.isdisjoint(parts[1:])


def _variables(text: str) -> Iterator[Span]:
    yield from _ci_variables(text)
    for anchor in _ANCHORS:
        for at in _anchors.starts(text, anchor):
            start = at - 5 if text[max(0, at - 5) : at] == "SUDO_" else at
            if span := _account(_VARIABLE.match(text, start)):
                yield span
    yield from _field_users(text)
    yield from _labelled_users(text)
    yield from _role_fields(text)


# A user named as a pair's value (logfmt's "user=ana", a query's "?user=ana", a keyword argument
# in a printed object), as a structure's "user" key is read; and an account with its domain
# (ACME\ana) after any label that names a user ("Logged on user: ", "RunAsUser: ", "User
# Name: "), where the domain's backslash gives an account's shape. A bare "User: ana" stays:
# a transcript's "User: hello" has the same shape.
_USER_LABEL = _anchors.keyword_run(("user",), rb"(?: name)?[\x22\x27]?[ \t]{0,8}[:=]")
_LABELLED_USER = re.compile(
    r"""[ \t]{0,8}(["']?)((?:[A-Za-z][\w.-]{0,15}\\{1,2})?[A-Za-z_][\w.-]{0,63})"""
    r"""(?![\w$%@\\(\[=:/.])"""  # not a call, a subscript, a pair, a path or an address
)
_USER_LABEL_START = re.compile(r"(?i:user(?: name)?)[\x22\x27]?[ \t]{0,8}[:=]\Z")


def _labelled_users(text: str) -> Iterator[Span]:
    for end in _anchors.ends(text, _USER_LABEL):
        label = _USER_LABEL_START.search(text, max(0, end - 20), end)
        if label is None:
            continue
        found = _LABELLED_USER.match(text, end)
        if found is None:
            continue
        if "\\" in found.group(2):
            if text.endswith("/", 0, label.start()):
                continue  # a Windows command's /user: switch, the command rule's
        elif (
            not text.endswith(("user=", 'user"='), 0, found.start(2) - len(found.group(1)))
            or glued(text, label.start(), "_$%.-")  # "ruser=", "db.user=": no person's
            or _argument_code(text, label.start(), found.group(2))
        ):
            continue  # "USER=" is the variable rule's; "user = x" an assignment in code
        if span := _group_account(found, 2):
            yield span


# The same keys, and a bare "user", quoted in JSON or a printed dict; found where the key's
# closing quote and the value's opening quote meet: "assignee": "ana".
_ROLE_ANCHOR = _anchors.keyword_run(
    ("assignee", "author", "by", "login", "owner", "reporter", "user"),
    rb"[\x22\x27][ \t]{0,8}:[ \t]{0,8}[\x22\x27]",
)
_QUOTED_KEY_BEFORE = re.compile(r"""["']([A-Za-z_]{2,32})["'][ \t]{0,8}:[ \t]{0,8}["']\Z""")
_QUOTED_VALUE_REACH = 128


def _role_fields(text: str) -> Iterator[Span]:
    for end in _anchors.ends(text, _ROLE_ANCHOR):
        key = _QUOTED_KEY_BEFORE.search(text, max(0, end - 48), end)
        if key is None or key.group(1).isupper():
            continue  # 'USER': 'ana' is the variable rule's
        close = text.find(text[end - 1], end, end + _QUOTED_VALUE_REACH)
        value = text[end:close] if close > end else ""
        if "\\" in value or "\n" in value or (key.group(1) == "login" and " " in value):
            continue  # escaped, not one line, or a form's label: "login": "Log in"
        check = _user_field(key.group(1))
        kind = check(value) if check is not None else None
        if kind is not None:
            yield Span(end, close, kind)


def _argument_code(text: str, key: int, value: str) -> bool:
    """Whether ``key=value`` passes a variable in source code: send(user=current_user)."""
    before = text[max(0, key - 64) : key].rstrip()
    return before.endswith(("(", ",")) and ("_" in value or value.lower() in ("self", "name"))


# The Common and Combined Log Formats (Apache, nginx, most proxies): "HOST - AUTHUSER [DATE]
# \"REQUEST\"", where AUTHUSER is who signed in with HTTP authentication, "-" when no one did
# (the "-" before it is identd's answer, which no server asks for any more). The anchor is the
# user's last character and the start of the date, so a "-" user never reaches Python.
_ACCESS_LOG_USER = _anchors.pattern(rb"[^\s\x22\-\]] \[[0-9]{2}/[A-Za-z]{3}/", 10)
_ACCESS_LOG_DATE = re.compile(
    r"\[[0-9]{2}/[A-Za-z]{3}/[0-9]{4}:[0-9]{2}:[0-9]{2}:[0-9]{2} [+-][0-9]{4}\] \""
)


def _access_log_users(text: str) -> Iterator[Span]:
    for at in _anchors.starts(text, _ACCESS_LOG_USER):
        end = at + 1
        start = text.rfind(" ", max(0, end - 256), end) + 1
        if (
            text[start - 3 : start] == " - "
            and _ACCESS_LOG_DATE.match(text, end + 1)
            and "\t" not in text[start:end]
            and not no_ones(text[start:end])
        ):
            yield Span(start, end, "user")


# Where a login message names its account: sshd ("Accepted publickey for ana from", "Failed
# password for invalid user ana from", "Invalid user ana from"), PAM and systemd-logind
# ("session opened for user ana(uid=1000)", "New session 4 of user ana."), PostgreSQL
# ('for user "ana"'), MySQL ("for user 'ana'@'host'") and SQL Server ("Login failed for user
# 'ACME\\ana'."). The name may be quoted; a domain before it stays with it.
_LOGIN_ANCHORS = tuple(
    _anchors.literal(words)
    for words in (
        "for user ",
        "for invalid user ",
        "Invalid user ",
        "of user ",
        "of User ",
        "PAM: initializing for ",  # sshd's debug output
    )
) + tuple(
    _anchors.literal(f"{outcome} {method} for ")
    for outcome in ("Accepted", "Failed")
    for method in ("password", "publickey", "keyboard-interactive/pam")
)
# Quoted, the name is whatever the quotes hold; bare, it must end as the messages end it (not
# "for user sessions"): sshd's debug output goes on with the service ("userauth-request for
# user ana service ssh-connection method none").
_LOGIN_NAME = re.compile(
    r"""(?:invalid user )?(?:(["'`])([^"'`\s]{1,64})\1"""
    r"""|([A-Za-z][\w.\\@-]{0,63}?)(?=\(uid=| from | service ssh-|\.?[ \t]*(?:\r?\n|\Z)))"""
)


# An application's own login message: "User ana logged in", "user 'ana' has signed out",
# "user ana.lima successfully logged on". Found from the verb, far rarer than "user ".
_SESSION_VERBS = tuple(
    _anchors.literal(f" {verb} {way}")
    for verb in ("logged", "signed")
    for way in ("in", "out", "on", "off")
)
_SESSION_USER = re.compile(
    r"""(?<![\w-])(?i:user)[ \t]+(["'`]?)([A-Za-z][\w.@\\-]{0,63})\1"""
    r"""(?:[ \t]+(?i:has|was|is|successfully|just|already))*\Z"""
)
_NOT_SESSION_USERS = frozenset(
    {"has", "was", "is", "successfully", "just", "already", "who", "that", "not", "never"}
)
_SESSION_REACH = 96


def _session_users(text: str) -> Iterator[Span]:
    for anchor in _SESSION_VERBS:
        for at in _anchors.starts(text, anchor):
            found = _SESSION_USER.search(text, max(0, at - _SESSION_REACH), at)
            if found is None or found.group(2).lower() in _NOT_SESSION_USERS:
                continue
            if span := _group_account(found, 2):
                yield span


# Who ran a command: sudo's "sudo:     ana : TTY=pts/0 ; …" (or "ana : 3 incorrect password
# attempts ; …"), su's "(to root) ana on pts/1", PAM's "session opened for user root by
# ana(uid=1000)", and the names in PAM's failure line: "authentication failure; logname=ana
# uid=1000 euid=0 tty=… ruser=ana rhost=…  user=ana".
_COMMAND_ANCHORS = tuple(
    _anchors.literal(words) for words in ("sudo:", "sudo[", "(to ", "authentication failure; ")
)
_COMMAND_USERS = re.compile(
    r"sudo(?:\[[0-9]{1,10}\])?:[ \t]{1,16}([A-Za-z_][\w.-]{0,63}) : "
    r"|\(to [\w.-]{1,64}\) ([A-Za-z_][\w.-]{0,63}) on "
    r"|authentication failure; logname=(\S{0,64}) uid=[0-9]{1,10} euid=[0-9]{1,10} tty=\S{0,64}"
    r" ruser=(\S{0,64}) rhost=\S{0,255}(?:[ \t]{1,8}user=(\S{1,64}))?"
)
_BY_USER = re.compile(
    r"([A-Za-z_][\w.-]{0,63})(?:\(uid=[0-9]{1,10}\))? by ([A-Za-z_][\w.-]{0,63})\(uid="
)


# Servers' own phrasings of the account, quoted: RabbitMQ's "user 'ana' authenticated and
# granted access", MySQL's "Aborted connection 7 to db: 'app' user: 'ana' host: …", SQL
# Server's "Logon failed for login 'ana'", CUPS' job owner ("Job 24 queued on 'Q' by 'ana'",
# 'Queued on "Q" by "ana"'); MySQL's slow log ("# User@Host: ana[ana] @ host []"); sudo's
# prompt, "[sudo] password for ana:".
_CUPS_OWNER = (
    r"(?:'[^'\r\n]{1,127}' by '([^'\s]{1,64})'|\"[^\"\r\n]{1,127}\" by \"([^\"\s]{1,64})\")"
)
_SERVER_USERS = tuple(
    (_anchors.literal(words), re.compile(re.escape(words) + pattern))
    for words, pattern in (
        ("user '", r"([^'\s]{1,64})'"),
        ("User '", r"([^'\s]{1,64})'"),
        ("user: '", r"([^'\s]{1,64})'"),
        ("for login '", r"([^'\s]{1,64})'"),
        ("queued on ", _CUPS_OWNER),
        ("Queued on ", _CUPS_OWNER),
        ("# User@Host: ", r"([\w.$-]{0,64})\[([\w.$-]{0,64})\] @ "),
        ("[sudo] password for ", r"([^\s:]{1,64}):"),
        # a CLI's account after its login (Expo's, npm's whoami-like lines)
        ("Logged in as ", r"([A-Za-z0-9_][\w.-]{0,63})(?![\w@-])"),
        # .netrc: machine HOST login NAME password …, on one line or one per line
        ("machine ", r"\S{1,255}\s{1,16}login[ \t]+([^\s]{1,64})"),
    )
)
# Who started a Jenkins build, as its console's first line names them: "Started by user Ana
# Lima", the account's display name, up to the end of the line (or of a JSON string).
_JENKINS_CAUSE = _anchors.literal("Started by user ")
_JENKINS_USER = re.compile(r"""([^\s"'<>$][^"<>\r\n]{0,127}?)[ \t]{0,16}(?=["<]|\r?\n|\Z)""")
# Spring Boot's first line names the account the application runs as: "Starting App v1 using
# Java 17 with PID 4242 (/srv/app.jar started by ana in /srv)"; on Windows it may hold a space.
_SPRING_START = _anchors.literal("started by ")
_SPRING_USER = re.compile(r"started by ([^\s()][^()\r\n]{0,63}?) in ")
_SPRING_REACH = 600  # back to "with PID" over the folder the application started in
# PostgreSQL's account beyond its login messages: log_connections' "connection authorized:
# user=ana database=app", log_disconnections' "… user=ana database=app host=…", and the
# log_line_prefix escapes for it: user=%u,db=%d, and %u@%d ("[4242] ana@app FATAL:  …", Amazon
# RDS's ":ana@app:[4242]:LOG:"). Found from the database that follows the name.
_PG_ANCHORS = (_anchors.literal(" database="), _anchors.literal(",db="))
_PG_NAME = re.compile(r"[A-Za-z_][\w.$-]{0,63}")
_PG_NAME_CHARS = frozenset("_.$-")
_PG_PREFIX_AFTER = re.compile(
    r"@[\w.$-]{1,63}(?: (?:LOG|FATAL|ERROR|WARNING|PANIC|STATEMENT|DETAIL|HINT|NOTICE|INFO"
    r"|DEBUG[1-5]?|CONTEXT|LOCATION):[ \t]|:\[[0-9]{1,10}\]:)"
)


def _postgres_users(text: str) -> Iterator[Span]:
    for anchor in _PG_ANCHORS:
        for at in _anchors.starts(text, anchor):
            key = text.rfind("user=", max(0, at - 69), at)
            if key >= 0 and not glued(text, key, "_-"):
                yield from _named(text, key + 5, at)
    for at in _anchors.starts(text, _AT):
        if _PG_PREFIX_AFTER.match(text, at):
            start = at
            while (
                start > 0
                and at - start < 64
                and (text[start - 1].isalnum() or text[start - 1] in _PG_NAME_CHARS)
            ):
                start -= 1
            if start == 0 or text[start - 1] in " \t:)]\n":
                yield from _named(text, start, at)


def _named(text: str, start: int, end: int) -> Iterator[Span]:
    """The account ``text[start:end]``, if it is one and a person's."""
    if _PG_NAME.fullmatch(text, start, end) and not no_ones(text[start:end]):
        yield Span(start, end, "user")


# Dovecot names the account a client logs in as: "imap-login: … user=<ana>, method=PLAIN" and
# in its processes' titles, "imap(ana)<4242><x3AbC>: Logged out". An address there is the
# e-mail rule's.
_MAIL_ANCHORS = tuple(
    _anchors.literal(words) for words in ("user=<", "imap(", "pop3(", "lmtp(", "submission(")
)
_MAIL_USER = re.compile(
    r"user=<([^<>@\s,]{1,64})>|(?:imap|pop3|lmtp|submission)\(([^()<>@\s,]{1,64})\)"
)


# A shell's prompt at the start of a line, as a pasted terminal session shows it: bash's
# "ana@laptop:~/src$ ", Red Hat's "[ana@fedora src]$ ", zsh's "ana@Anas-MacBook-Pro ~ % ",
# maybe after a virtual environment's "(venv) ". Found from its "@", the e-mail rule's anchor.
_AT = _anchors.literal("@")
# Bash's "ana@laptop:~/src$", zsh's "%", fish's and openSUSE's "ana@laptop ~>", maybe after a
# virtualenv's name; or a theme's two-line prompt, whose first line starts with a box-drawing
# corner and whose second holds the "$" (oh-my-zsh's "╭─ana@laptop ~/src", "┌──(ana@kali)").
_PROMPT = re.compile(
    r"[ \t]{0,8}(?:\([\w.-]{1,32}\)[ \t]{1,4})?\[?([a-z_][\w.-]{0,31})@[A-Za-z0-9][\w.-]{0,63}"
    r"(?::[~/][^\s$#%>]{0,256}|[ \t](?:~|/|[\w.-]{1,64})[^\s$#%>\]]{0,256})\]?[ \t]?[$#%>]"
    r"(?:[ \t]|(?=\r?\n|\Z))"
)
# Git for Windows' and MSYS2's prompt: "ana@DESKTOP-1A2B3C MINGW64 ~/src (main)", "$" below.
_MSYS_PROMPT = re.compile(
    r"[ \t]{0,8}([a-z_][\w.-]{0,31})@[A-Za-z0-9][\w.-]{0,63} (?:MINGW|MSYS|UCRT|CLANG)(?:32|64)?\b"
)
_BOX_PROMPT = re.compile(r"[ \t]{0,8}[╭┌]─{1,2}\(?([a-z_][\w.-]{0,31})@[A-Za-z0-9][\w.-]{0,63}")
# How far back a prompt's or a mail header's line start is looked for.
_LINE_START_REACH = 64


def _prompt_users(text: str) -> Iterator[Span]:
    for at in _anchors.starts(text, _AT):
        line_start = start_of_line(text, at, _LINE_START_REACH)
        found = (
            (
                _PROMPT.match(text, line_start)
                or _BOX_PROMPT.match(text, line_start)
                or _MSYS_PROMPT.match(text, line_start)
            )
            if line_start >= 0
            else None
        )
        if found is not None and found.end(1) == at:
            yield from _names(found)


_ARGUMENTS = COMMAND_ARGUMENTS


# A Windows logon event's account: in its XML (<Data Name="TargetUserName">ana</Data>) and as
# Event Viewer renders it ("Account Name:\t\tana", NTLM's "Logon Account: ana"), on lines of
# their own or run together by a log shipper ("Account Name: ana Account Domain: ACME").
# Windows' own accounts stay: SYSTEM, LOCAL SERVICE, a computer's account (WS01$), the window
# manager's and font driver's (DWM-1, UMFD-0).
_EVENT_XML = _anchors.literal('UserName">')
_EVENT_TEXT = (_anchors.literal("Account Name:"), _anchors.literal("Logon Account:"))
_EVENT_USER = re.compile(
    r'UserName">([^<>\s][^<>\r\n]{0,63})</Data>'
    r"|(?:Account Name|Logon Account):[ \t]{1,16}([^\s][^\t\r\n]{0,63}?)[ \t]{0,16}"
    r"(?=\r?\n|\Z|\t|[ ]{1,16}[A-Z][A-Za-z]{0,20}(?:[ ][A-Za-z]{1,20}){0,3}:)"
)
_DATA_NAME_BEFORE = ('Name="', 'Name="Target', 'Name="Subject')
_WINDOWS_OWN = re.compile(
    r"-|.*\$|(?:DWM|UMFD)-[0-9]{1,4}|(?i:system|local service|network service|anonymous logon)"
)


def _event_users(text: str) -> Iterator[Span]:
    xml = (at for at in _anchors.starts(text, _EVENT_XML) if _data_named_at(text, at))
    for at in (*xml, *(at for anchor in _EVENT_TEXT for at in _anchors.starts(text, anchor))):
        found = _EVENT_USER.match(text, at)
        if found and not _WINDOWS_OWN.fullmatch(found.group(found.lastindex or 1)):
            yield from _names(found)


# The account a Windows command runs or connects as: net use's and runas' /user:ACME\ana,
# schtasks' /ru ana, PsExec's -u ana, and the account net user adds or changes.
_WINDOWS_ACCOUNT = (
    rf"""(["']?)((?:[\w.-]{{1,15}}\\)?{WINDOWS_NAME_CHAR}{{1,64}})\1(?!{WINDOWS_NAME_CHAR})"""
)
# Each as (anchor, pattern, what may not stand before it, whether it must be where a command
# is typed); the Unix commands below add theirs.
_WINDOWS_COMMAND_USERS = tuple(
    (_anchors.word(anchor), re.compile(pattern + _WINDOWS_ACCOUNT), "/", False)
    for anchor, pattern in (
        ("/user:", r"(?i:/user:)"),
        ("schtasks", r"(?i:schtasks)(?:\.exe)?" + _ARGUMENTS + r"(?i:/ru)[ \t]+"),
        ("psexec", r"(?i:psexec)(?:64)?(?:\.exe)?" + _ARGUMENTS + r"-u[ \t]+"),
        ("net user", r"(?i:net user)[ \t]+"),
    )
)


# The account a Unix command acts on or runs as, in a terminal's transcript or a script's log:
# su - ana, sudo -u ana, crontab -u ana, chown ana:staff, docker login -u ana, smbclient -U
# ana%…, curl -u ana:…, wget --user=ana; the last argument of passwd, useradd, usermod,
# userdel, adduser, deluser and chage; an FTP session's "USER ana" and "331 Password required
# for ana". A command follows a prompt ("$ ", "# "), a separator or sudo, or (su, sudo -u,
# crontab -u, chown and FTP's USER) starts its line; the account tools' arguments must be
# options and their values before the name. (id, groups and finger are left: their names are
# words of every log, and looking for them costs more than the rare transcript gives.)
_UNIX_NAME = r"""(["']?)([A-Za-z_][\w.-]{0,31})\1(?![\w@/.$-])"""
_UNIX_FLAG_USERS = tuple(
    (_anchors.literal(anchor), re.compile(pattern + _UNIX_NAME), "_-", at_command)
    for anchor, pattern, at_command in (
        ("su -", r"su[ \t]+(?:-|-l|--login)[ \t]+", True),
        # without a dash, only a name that ends the command: "su questo punto" is Italian
        ("su ", r"su[ \t]+(?=[A-Za-z_][\w.-]{0,31}[ \t]*(?:[\r\n;&|]|-c\b|\Z))", True),
        ("sudo", r"sudo(?:[ \t]+-[A-Za-tv-z]{1,8})*[ \t]+-u[ \t]*", True),
        ("crontab", r"crontab[ \t]+-u[ \t]+", True),
        # the owner before its group (ana:staff) or a path: "a chown command run" is prose
        (
            "chown",
            r"chown(?:[ \t]+-[A-Za-z]{1,8})*[ \t]+(?=[\w-]{1,32}(?:[:.]\w|[ \t]+[./~]))",
            True,
        ),
        ("docker login", r"docker login" + _ARGUMENTS + r"-u[ \t]*", False),
        ("smbclient", r"smbclient" + _ARGUMENTS + r"-U[ \t]*", False),
        ("curl", r"curl" + _ARGUMENTS + r"(?:-u|--user)[ \t]*(?=[\w.-]{1,32}:)", False),
        ("--user=", r"--user=", False),
        ("--http-user=", r"--http-user=", False),
        ("--ftp-user=", r"--ftp-user=", False),
        ("331 Password required for ", r"331 Password required for ", False),
        ("USER ", r"USER (?=\S{1,32}[ \t]*(?:\r?\n|\Z))", True),  # FTP's, alone on its line
    )
)
_UNIX_USER_COMMANDS = ("passwd", "useradd", "usermod", "userdel", "adduser", "deluser", "chage")
_UNIX_USER_COMMAND_ANCHORS = _anchors.words(_UNIX_USER_COMMANDS)
_LAST_ARGUMENT = re.compile(
    r"[A-Za-z]{2,8}((?:[ \t]+[^\s|;&<>#)]{1,256}){1,16})[ \t]*(?=[|;&#)\r\n]|\Z)"
)
_COMMAND_BEFORE = re.compile(
    r"(?:(?:^|(?<=\s))[$#>%][ \t]+|(?:[;|(`]|&&|\b(?:sudo|exec|do|ftp>))[ \t]*)\Z"
)


def _at_command(text: str, at: int, *, line_start: bool) -> bool:
    """Whether a command starting at ``at`` follows a prompt, a separator or sudo, or (when
    ``line_start``) starts its line."""
    line = start_of_line(text, at, 256)
    if line < 0:
        return False
    before = text[line:at].rstrip(" \t")
    if not before:
        return line_start
    return before[-1] in _COMMAND_ENDS and (
        _COMMAND_BEFORE.search(text, max(line, at - 16), at) is not None
    )


_COMMAND_ENDS = frozenset("$#>%;|(`&oc")  # and the last letters of sudo, do and exec


def _options_then_name(arguments: list[str]) -> bool:
    """Whether each argument before the last is an option or an option's value: "-m -s
    /bin/bash -G sudo ana", not "was preferred and we attempted a replacement"."""
    after_option = False
    for argument in arguments[:-1]:
        if argument.startswith("-"):
            after_option = not ("=" in argument or argument.startswith("--"))
        elif after_option:
            after_option = False
        else:
            return False
    return not arguments[-1].startswith("-")


def _command_users(text: str) -> Iterator[Span]:
    """The account a Windows or a Unix command names after a flag or a switch, then the
    last argument of a Unix account tool."""
    for anchor, users, glue, at_command in (*_WINDOWS_COMMAND_USERS, *_UNIX_FLAG_USERS):
        for at in _anchors.starts(text, anchor):
            found = users.match(text, at)
            if (
                found is not None
                and not glued(text, at, glue)
                and not (at_command and not _at_command(text, at, line_start=True))
                and (span := _group_account(found, 2))
            ):
                yield span
    for command, anchor in zip(_UNIX_USER_COMMANDS, _UNIX_USER_COMMAND_ANCHORS, strict=True):
        for at in _anchors.starts(text, anchor):
            if not text.startswith(command + " ", at) or not _at_command(
                text, at, line_start=False
            ):
                continue  # typed in lower case, where a command is typed
            found = _LAST_ARGUMENT.match(text, at)
            arguments = found.group(1).split() if found is not None else []
            if not arguments or not _options_then_name(arguments):
                continue
            name = arguments[-1]
            end = found.end(1) if found is not None else at
            if _UNIX_NAME_ONLY.fullmatch(name) and not no_ones(name) and not is_trivial(name):
                yield Span(end - len(name), end, "user")


_UNIX_NAME_ONLY = re.compile(r"[A-Za-z_][\w.-]{0,31}")


def _login_message_users(text: str) -> Iterator[Span]:
    for anchor in _LOGIN_ANCHORS:
        for at in _anchors.starts(text, anchor):
            # "for user ana(uid=1000) by ana(uid=0)", "for user root by ana(uid=1000)"
            by = _BY_USER.match(text, at + anchor.width)
            if by:
                yield from _names(by)
            elif span := _account(_LOGIN_NAME.match(text, at + anchor.width)):
                yield span
    for anchor, users in _SERVER_USERS:
        for at in _anchors.starts(text, anchor):
            if not glued(text, at, "_-"):
                yield from _filled_in(text, _names(users.match(text, at)))
    for at in _anchors.starts(text, _JENKINS_CAUSE):
        found = _JENKINS_USER.match(text, at + _JENKINS_CAUSE.width)
        if found and not no_ones(found.group(1)):
            yield Span(found.start(1), found.end(1), "name")
    for at in _anchors.starts(text, _SPRING_START):
        if glued(text, at):
            continue  # restarted by
        pid = text.rfind(" with PID ", max(0, at - _SPRING_REACH), at)
        if pid >= 0 and "\n" not in text[pid:at]:
            yield from _names(_SPRING_USER.match(text, at))
    yield from _postgres_users(text)
    yield from _session_users(text)


def _filled_in(text: str, spans: Iterator[Span]) -> Iterator[Span]:
    """``spans`` but those of a format string's placeholders: "user '%s'", "for %p:"."""
    for span in spans:
        name = text[span.start : span.end]
        if name[0] not in "$%{<" and not is_trivial(name):
            yield span


def _data_named_at(text: str, at: int) -> bool:
    """Whether ``UserName">`` at ``at`` ends an event's ``<Data Name="…UserName">``."""
    return text[max(0, at - 13) : at].endswith(_DATA_NAME_BEFORE)


def _login_users(text: str) -> Iterator[Span]:
    seen: set[int] = set()  # "Failed password for invalid user" holds two anchors
    for span in _login_message_users(text):
        if span.start not in seen:
            seen.add(span.start)
            yield span
    yield from _event_users(text)
    yield from _command_users(text)
    yield from _prompt_users(text)
    for anchors, users in ((_MAIL_ANCHORS, _MAIL_USER), (_COMMAND_ANCHORS, _COMMAND_USERS)):
        for anchor in anchors:
            for at in _anchors.starts(text, anchor):
                if not glued(text, at, "_-"):
                    yield from _names(users.match(text, at))


# A directory's names for an account: an LDAP DN's uid (uid=ana,ou=people,dc=acme,dc=com, as
# sssd and slapd log it), Active Directory's sAMAccountName, and the name id prints after the
# number (uid=1000(ana) gid=1000(ana)).
_DIRECTORY_ANCHORS = (_anchors.word("uid="), _anchors.word("samaccountname"))
_DIRECTORY_NAME = re.compile(
    r"(?i:uid=)(?:([A-Za-z][\w.-]{0,63})(?=,[ ]?(?i:ou|dc|cn|o)=)"
    r"|[0-9]{1,10}\(([A-Za-z_][\w.-]{0,63})\))"
    r"""|(?i:samaccountname)["']?[ \t]*[:=][ \t]*["']?([A-Za-z0-9][\w.-]{0,63})"""
)


def _directory_users(text: str) -> Iterator[Span]:
    for anchor in _DIRECTORY_ANCHORS:
        for at in _anchors.starts(text, anchor):
            found = _DIRECTORY_NAME.match(text, at)
            span = None if glued(text, at) else _account(found)
            if found is None or span is None:
                continue
            yield span
            if found.lastindex == 2:  # id: the user's own group is named after the user
                yield from _own_groups(text, found.end(), f"({found.group(2)})")


# What follows a user in id's output: the primary group, then the list of all groups.
_ID_GROUPS = re.compile(
    r"[ \t]+gid=[0-9]{1,10}(\([^()\s]{1,64}\))(?:[ \t]+groups=([0-9(),\w.-]{0,1024}))?"
)


def _own_groups(text: str, start: int, named: str) -> Iterator[Span]:
    """The user's private group, named after them, in id's gid= and groups=."""
    groups = _ID_GROUPS.match(text, start)
    if groups is None:
        return
    if groups.group(1) == named:
        yield Span(groups.start(1) + 1, groups.end(1) - 1, "user")
    if groups.group(2):
        at = text.find(named, groups.start(2), groups.end(2))
        if at >= 0:
            yield Span(at + 1, at + len(named) - 1, "user")


# The name git signs commits with: "git config -l"'s user.name=Ana Lima, "git config user.name
# 'Ana Lima'", a .gitconfig's [user] section, the environment's GIT_AUTHOR_NAME and
# GIT_COMMITTER_NAME, git log's "Author: Ana Lima <ana@…>", GitLab CI's
# CI_COMMIT_AUTHOR=Ana Lima <ana@…> and a commit message's trailers ("Signed-off-by: Ana Lima
# <ana@…>", "Co-authored-by: …", in any case). A placeholder (${NAME}, <your name>) and a bot
# stay.
_GIT_TRAILERS = (
    "signed-off-by", "co-authored-by", "reviewed-by", "reported-by", "tested-by", "acked-by",
    "suggested-by", "helped-by",
)  # fmt: skip
_GIT_ANCHORS = (
    *(
        _anchors.literal(words)
        for words in (
            *("user.name", "GIT_AUTHOR_NAME=", "GIT_COMMITTER_NAME=", "Author: ", "Commit: "),
            "CI_COMMIT_AUTHOR=",
        )
    ),
    *_anchors.words(trailer + ": " for trailer in _GIT_TRAILERS),
)
_GIT_SECTION = _anchors.literal("[user]")
_GIT_USER_NAME = re.compile(
    r"""(?:user\.name|GIT_AUTHOR_NAME|GIT_COMMITTER_NAME)"""
    r"""(?:=(?:"([^"\r\n]{1,128})"|'([^'\r\n]{1,128})'|([^\s"'][^\r\n]{0,127}?)[ \t]{0,16}"""
    r"""(?=\r?\n|\Z))"""
    r"""|[ \t]{1,16}(?:"([^"\r\n]{1,128})"|'([^'\r\n]{1,128})'|([^\s"'=:-]\S{0,63})))"""
    rf"|(?:Author: |Commit: |CI_COMMIT_AUTHOR=|(?i:{'|'.join(_GIT_TRAILERS)}): )"
    r"([^\s<>][^<>\r\n]{0,127}?) <[^<>@\s]{1,64}@[^<>\s]{1,255}>"
)
_SECTION_NAME = re.compile(r"[ \t]*name[ \t]*=[ \t]*([^\s][^\r\n]{0,127}?)[ \t]*\r?$")
_SECTION_LINES, _SECTION_CHARS = 16, 2_048


def _git_user_names(text: str) -> Iterator[Span]:
    for anchor in _GIT_ANCHORS:
        for at in _anchors.starts(text, anchor):
            found = _GIT_USER_NAME.match(text, at)
            if found and not glued(text, at, "_."):
                yield from _person(found, found.lastindex or 1)
    for at in _anchors.starts(text, _GIT_SECTION):
        line_start = text.find("\n", at) + 1
        for _ in range(_SECTION_LINES):
            if not 0 < line_start - at <= _SECTION_CHARS or text.startswith("[", line_start):
                break
            line_end = text.find("\n", line_start)
            line_end = len(text) if line_end < 0 else line_end
            found = _SECTION_NAME.match(text, line_start, line_end)
            if found:
                yield from _person(found, 1)
                break
            line_start = line_end + 1 if line_end < len(text) else 0


def _person(found: re.Match[str], group: int) -> Iterator[Span]:
    if found.group(group)[0] not in "$<{%" and not is_bot(found.group(group)):
        yield Span(found.start(group), found.end(group), "name")


# The person a code-signing certificate is issued to, as Xcode, codesign and electron-builder
# print it: "Apple Development: Andrew McDermott (E3QZ4B62AW)", "Developer ID Application:
# Johann Blake". The team id in parentheses stays.
_SIGNING_IDENTITIES = tuple(
    _anchors.literal(kind + ": ")
    for kind in (
        "Apple Development", "Apple Distribution", "iPhone Developer", "iPhone Distribution",
        "Mac Developer", "Developer ID Application", "Developer ID Installer",
        "3rd Party Mac Developer Application", "3rd Party Mac Developer Installer",
    )
)  # fmt: skip
_SIGNING_NAME = re.compile(
    r"([^\s\"'(),:;=<>][^\"'(),:;=<>\r\n]{0,127}?)(?=[ \t]*(?:\(|[\"',;]|\r?\n|\Z))"
)


def _signing_names(text: str) -> Iterator[Span]:
    for anchor in _SIGNING_IDENTITIES:
        for at in _anchors.starts(text, anchor):
            found = _SIGNING_NAME.match(text, at + anchor.width)
            if found is not None and not is_trivial(found.group(1)):
                yield from _person(found, 1)


# An AWS IAM user's name at the end of its ARN (arn:aws:iam::111122223333:user/dev/JohnDoe),
# which CloudTrail and the CLI's errors print beside the "userName" field.
_IAM_USER_ANCHOR = _anchors.literal(":user/")
_IAM_ACCOUNT_BEFORE = re.compile(r"arn:aws[a-z-]{0,12}:iam::[0-9]{12}\Z")
_IAM_USER = re.compile(r":user/(?:[\w+=,.@-]{1,128}/){0,8}([\w+=,.@-]{1,64})(?![\w+=,.@/-])")
# ssh's User option, as Ansible's -vvv prints the ssh command it runs: -o 'User="bob"',
# (-o)(User=bob), ssh -o User=bob.
_SSH_USER_ANCHOR = _anchors.literal("User=")
_SSH_USER = re.compile(r"""User=(\\?["']?)([A-Za-z_][\w.-]{0,63})\1(?![\w.-])""")
_SSH_OPTION_BEFORE = re.compile(r"""(?:-o[ \t]{1,4}["']?|\(|-o)\Z""")
# The fields below as forms in other languages label them: a first name, a surname, a full name.
_NAME_LABELS_ABROAD = (
    "vorname", "nachname", "vollständiger name", "prénom", "nom de famille", "nom complet",
    "nombre completo", "apellidos", "apellido", "nome completo", "sobrenome", "cognome",
    "nome e cognome", "imię i nazwisko", "imię", "nazwisko", "фио", "фамилия", "имя", "отчество",
    "họ tên", "họ và tên", "ad soyad", "adı soyadı", "soyadı", "nama lengkap", "jina kamili",
    "姓名", "氏名", "성명", "이름",
)  # fmt: skip
# A person's name in the fields identity providers, error trackers and payment APIs log:
# Entra's "userDisplayName", Okta's "displayName", OIDC's claims, a profile's first and last
# name, a card's holder ("holderName", "card_holder_name"), and the names a shop, a help desk or
# a clinic gives the person ("customer_name", "name_on_card", "patient_name"); quoted, or
# written out as a name is ("Full name: Ana Lima", "first_name=Olga last_name=Petrova").
_NAMED_PEOPLE = (
    "customer", "contact", "recipient", "billing", "shipping", "patient", "real", "legal",
    "preferred", "maiden", "author", "committer", "sender", "employee", "member",
    "guest", "passenger", "student", "applicant", "beneficiary", "payee", "payer", "buyer",
    "assignee", "reporter", "requester", "signer",
)  # fmt: skip
_PERSON_FIELDS = _anchors.AnchorSet(_anchors.words(
    ("displayname", "display_name", "userdisplayname", "givenname", "given_name", "surname",
     "familyname", "family_name", "fullname", "full_name", "full name", "firstname", "first_name",
     "middlename", "middle_name", "lastname", "last_name", "holdername", "holder_name",
     "cardholder", "card_holder", "accountholder", "account_holder", "name_on_card",
     *(f"{whose}{glue}name" for whose in _NAMED_PEOPLE for glue in ("", "_")),
     *_NAME_LABELS_ABROAD)
))  # fmt: skip
_PERSON_FIELD_NAME = (
    r"""(?i:(?:user)?display_?name|given_?name|surname|family_?name|full[ _]?name|first_?name"""
    r"""|middle_?name|last_?name|(?:card_?|account_?)?holder(?:_?name)?|name_on_card"""
    rf"""|(?:{"|".join(_NAMED_PEOPLE)})_?name|"""
    + "|".join(re.escape(label) for label in sorted(_NAME_LABELS_ABROAD, key=len, reverse=True))
    + ")"
)
# Quoted, maybe with escaped quotes (JSON inside a string: {\"first_name\": \"Ana\"}), or an XML
# element's text (<firstName>Ana</firstName>, <cbc:FullName>…).
_PERSON_FIELD = re.compile(
    _PERSON_FIELD_NAME + r"""(\\{0,3}["']?)[ \t]{0,8}[:=：][ \t]{0,8}(\\{0,3}["'])"""
    r"""((?:[^"'\\\r\n<>{}]|\\u[0-9A-Fa-f]{4}){1,128})\2"""
)
_XML_PERSON_FIELD = re.compile(_PERSON_FIELD_NAME + r"""()()>([^<>"\r\n]{1,128})</""")
# Unquoted, a value counts as a name only when it is written as one: one to four words of
# letters (an apostrophe or hyphen inside, an initial's full stop), up to the end of the line,
# a delimiter or the next key, each word capitalized; code is left (first_name: str = …).
_NAME_WORD = r"[^\W\d_](?:\.|(?:[^\W\d_]|['’-](?=[^\W\d_])){0,40})"
# Where a name written out ends: a delimiter, the line's end or the next key.
_NAME_ENDS = (
    r"""(?=[ \t]*(?:[,;&|)}\]，；。、]|\.?\r?\n|\.?\Z|\.[ \t])|[ \t]+[\w.-]{1,64}[ \t]?[:=])"""
)
_UNQUOTED_PERSON_FIELD = re.compile(
    _PERSON_FIELD_NAME
    + rf"""()()[ \t]{{0,8}}[:=：][ \t]{{0,8}}({_NAME_WORD}(?:[ \t]{_NAME_WORD}){{0,3}})"""
    + _NAME_ENDS
)
_PERSON_KEY = re.compile(_PERSON_FIELD_NAME)


def _person_field(key: str) -> FieldCheck | None:
    """In a structure, a name field's value is a name whatever its case ({"lastName":
    "lima"}): the key is its label."""
    return _person_value if _PERSON_KEY.fullmatch(key) else None


@functools.lru_cache(maxsize=4096)  # a column or a key repeats its values
def _person_value(value: str) -> str | None:
    name = value.strip()
    if (
        not 0 < len(name) <= 128
        or "\n" in name
        or not any(char.isalpha() for char in name)
        or name.lower() in _NOT_NAMES
        or name.lower() in _CODE_WORDS
        or not _someones_name(name)
    ):
        return None
    return "name"


def _someones_name(name: str) -> bool:
    """Whether a name field's value names a person, not a placeholder, a reference ($NAME,
    {name}), a service, a bot or a thing ("Default Policy")."""
    return not (
        name[0] in "$<{%" or is_trivial(name) or no_ones(name) or is_bot(name)
    ) and _a_persons(name)


# Capitalized words that stand for no one: types, empty values, placeholders.
_NOT_NAMES = frozenset(
    {
        "string", "str", "text", "char", "varchar", "none", "null", "nil", "undefined", "unknown",
        "optional", "any", "object", "field", "true", "false", "empty", "missing", "required",
        "hidden", "redacted", "masked", "name", "first", "last", "full", "n", "na", "tbd",
    }
)  # fmt: skip


# In a log line's key=value pairs a value is data, not prose, in whatever case it was typed
# (first_name=ana last_name=lima): one word of letters right after "=". Code passes a variable
# there (first_name=value, full_name=self).
_CODE_WORDS = frozenset(
    {"self", "cls", "user", "value", "val", "data", "form", "request", "obj", "item", "row",
     "record", "args", "kwargs", "params", "param", "input", "payload", "default", "blank",
     "unset", "anonymous", "username", "firstname", "lastname", "fullname", "surname"}
)  # fmt: skip


def _logged_value(text: str, found: re.Match[str]) -> bool:
    value = found.group(3)
    return (
        text[found.end(2) : found.start(3)].strip() == "="
        and value.isalpha()
        and value.lower() not in _NOT_NAMES
        and value.lower() not in _CODE_WORDS
    )


def _written_as_name(value: str) -> bool:
    """Each word capitalized, or in a script without case (姓名: 王小明), and not all of them
    words that stand for no one."""
    words = value.split()
    return all(word[0].isupper() or word.upper() == word.lower() for word in words) and not (
        _NOT_NAMES.issuperset(word.lower().rstrip(".") for word in words)
    )


# Someone saying who they are, in a message or a chat's transcript: "my name is Ana Lima",
# "je m'appelle Ana", "меня зовут Анна": the capitalized words right after it (up to three).
_INTRODUCTIONS = _anchors.AnchorSet(_anchors.words(
    ("my name is", "my name's", "mi nombre es", "me llamo", "je m'appelle", "mon nom est",
     "ich heiße", "ich heisse", "mein name ist", "meu nome é", "mi chiamo", "меня зовут",
     "мене звати", "tên tôi là", "tôi tên là", "jina langu ni", "nama saya", "nazywam się")
))  # fmt: skip
_INTRODUCED = re.compile(rf"[ \t]{{1,4}}({_NAME_WORD}(?:[ \t]{_NAME_WORD}){{0,2}})")
# A contact form's dump, as a help desk or a shop mails or logs it: "Name: Ana Lima" on its own
# line, with an e-mail or phone line beside it ("Name: invoicer" in a service's log stays).
_NAME_LINES = _anchors.AnchorSet((_anchors.literal("Name:"), _anchors.literal("NAME:")))
_NAME_LINE = re.compile(
    rf"Name:[ \t]{{0,8}}({_NAME_WORD}(?:[ \t]{_NAME_WORD}){{0,3}})[ \t]*\r?$", re.I | re.M
)
_CONTACT_LINE = re.compile(
    r"^[ \t*-]{0,4}(?:e-?mail|phone|tel|telephone|mobile)(?: address| number)?[ \t]*:",
    re.I | re.M,
)
_CONTACT_REACH = 300


# A message's greeting and its signature, as a help desk or a mail log keeps a message: "Dear
# Ana Lima," or "Hi Ana!" on a line of its own, and the name on the line after "Best regards,"
# or "Thanks,". Who no one is stays: "Dear Customer", "Hi team", "Thanks,\nThe Acme Team".
def _phrase(text: str) -> _anchors.Anchor:
    """``text`` as written where Latin-1 can hold it, else as a word in any case."""
    return _anchors.literal(text) if text.isascii() else _anchors.word(text.lower())


_GREETINGS = _anchors.AnchorSet(
    _phrase(greeting + " ")
    for greeting in (
        "Dear", "Hi", "Hello", "Hey", "Liebe", "Lieber", "Hallo", "Bonjour", "Cher", "Chère",
        "Hola", "Estimado", "Estimada", "Olá", "Prezado", "Prezada", "Caro", "Cara", "Уважаемый",
        "Уважаемая", "Здравствуйте,", "Chào", "Kính gửi",
    )
)  # fmt: skip
_GREETED = re.compile(rf"({_NAME_WORD}(?:[ \t]{_NAME_WORD}){{0,2}})[ \t]*[,!:]?[ \t]*\r?$", re.M)
_CLOSINGS = _anchors.AnchorSet(
    _phrase(closing)
    for closing in (
        "regards", "Regards", "Thanks", "Thank you", "Cheers", "Sincerely", "Best wishes",
        "Grüßen", "Grüße", "Cordialement", "Saludos", "Atenciosamente", "уважением",
        "Trân trọng",
    )
)  # fmt: skip
_CLOSING_LINE = re.compile(r"[^\S\r\n]*(?:[^\W\d_]+[ \t]){0,3}?\S*[ \t]*[,.!]?[ \t]*\r?\n")
_SIGNED = re.compile(rf"[ \t]*({_NAME_WORD}(?:[ \t]{_NAME_WORD}){{0,3}})[ \t]*\r?$", re.M)
# Whom a greeting or a signature names when it names no one.
_NO_ONE_GREETED = frozenset(
    {"customer", "customers", "sir", "madam", "or", "team", "all", "everyone", "everybody",
     "support", "there", "friend", "friends", "colleague", "colleagues", "user", "users",
     "valued", "member", "members", "client", "clients", "guest", "guests", "hiring", "manager",
     "folks", "world", "the", "and", "in", "advance", "again", "so", "much", "you", "a", "lot",
     "kunde", "kundin", "damen", "herren", "madame", "monsieur", "cliente",
     "usuario", "senhor", "senhora", "service", "desk", "helpdesk", "staff", "admin"}
)  # fmt: skip


def _message_names(text: str) -> Iterator[Span]:
    for anchor, at in _GREETINGS.each_start(text):
        line_start = start_of_line(text, at, _LINE_START_REACH)
        if line_start < 0 or text[line_start:at].strip():
            continue  # a greeting starts its line
        yield from _named_person(_GREETED.match(text, at + anchor.width))
    for anchor, at in _CLOSINGS.each_start(text):
        line_start = start_of_line(text, at, _LINE_START_REACH)
        closing = _CLOSING_LINE.match(text, at + anchor.width)
        if line_start < 0 or closing is None or len(text[line_start:at].split()) > 2:
            continue  # the closing is its line's own ("Best regards,", "Many thanks!")
        yield from _named_person(_SIGNED.match(text, closing.end()))


def _named_person(found: re.Match[str] | None) -> Iterator[Span]:
    if found is None or not _written_as_name(found.group(1)):
        return
    name = found.group(1).rstrip(".")
    words = name.lower().split()
    if not _NO_ONE_GREETED.intersection(words) and _someones_name(name):
        yield Span(found.start(1), found.start(1) + len(name), "name")


def _introduced_names(text: str) -> Iterator[Span]:
    for anchor, at in _INTRODUCTIONS.each_start(text):
        found = _INTRODUCED.match(text, at + anchor.width)
        if found is None or (at and text[at - 1].isalpha()):
            continue
        words = found.group(1).split()
        taken = list(itertools.takewhile(lambda word: word[0].isupper(), words))
        name = " ".join(taken).rstrip(".")
        if taken and text.startswith(name, found.start(1)) and _someones_name(name):
            yield Span(found.start(1), found.start(1) + len(name), "name")


# A customer named after the word for one, as help desks, shops and CRMs log them: "Customer:
# Ana Lima", "Kunde: Hans Müller", "Клиент: Иванов Иван", "Khách hàng: Nguyễn Văn An",
# "Mteja: Juma Said", "客户：王小明". Only a name written out (two to four capitalized words, or
# two to four CJK characters) up to a delimiter: "Customer: Premium", "customer=cus_123" stay.
# Found where the label's separator ends, so that "customer_id" (in every row of an orders
# table's log) reaches no Python; the labels beyond ASCII from the word.
_CUSTOMER_LABELS = _anchors.keyword_run(
    ("customer", "kunde", "kundin", "cliente", "mteja"), rb"(?: name)?[\x22\x27]?[ \t]{0,8}[:=]"
)
_CUSTOMER_LABELS_ABROAD = _anchors.AnchorSet(_anchors.words(
    ("клиент", "клиентка", "khách hàng", "客户", "顾客", "客戶", "顧客")
))  # fmt: skip
_CUSTOMER_LABEL = re.compile(
    r"""(?i:customer|kunde|kundin|cliente|mteja)(?: (?i:name))?["']?[ \t]{0,8}[:=]\Z"""
)
_CUSTOMER_SEPARATOR = re.compile(r"""["']?[ \t]{0,8}[:：=]""")
_CUSTOMER = re.compile(
    r"""[ \t]{0,8}(["']?)"""
    rf"""({_NAME_WORD}(?:[ \t]{_NAME_WORD}){{1,3}}|[\u3400-\u9fff]{{2,4}})\1""" + _NAME_ENDS
)


def _customer_names(text: str) -> Iterator[Span]:
    ends = []  # where each label's separator ends
    for end in _anchors.ends(text, _CUSTOMER_LABELS):
        label = _CUSTOMER_LABEL.search(text, max(0, end - 24), end)
        if label is not None and not glued(text, label.start(), "_"):
            ends.append(end)  # not customerName's, my_customer's or customers'
    for anchor, at in _CUSTOMER_LABELS_ABROAD.each_start(text):
        separator = _CUSTOMER_SEPARATOR.match(text, at + anchor.width)
        if separator is not None and (not glued(text, at, "_") or UNSPACED_SCRIPT.match(text, at)):
            ends.append(separator.end())
    for end in ends:
        found = _CUSTOMER.match(text, end)
        if found is None:
            continue
        name = found.group(2)
        if (UNSPACED_SCRIPT.match(name) or _written_as_name(name)) and _someones_name(name):
            yield Span(found.start(2), found.end(2), "name")


def _contact_form_names(text: str) -> Iterator[Span]:
    for _, at in _NAME_LINES.each_start(text):
        line_start = start_of_line(text, at, _LINE_START_REACH)
        if line_start < 0 or text[line_start:at].strip(" \t*-"):
            continue  # the label starts its line ("Full Name:" is the field rule's)
        found = _NAME_LINE.match(text, at)
        if found is None or not _written_as_name(found.group(1)):
            continue
        around = _CONTACT_LINE.search(
            text, max(0, at - _CONTACT_REACH), min(len(text), at + _CONTACT_REACH)
        )
        if around is not None and _someones_name(found.group(1)):
            yield Span(found.start(1), found.end(1), "name")


# A process or login table as ps, top, w and who print it: a header of column names with USER
# (or UID) among the first three and PID or TTY among them, then a row per process, its owner
# in that column, up to a blank line. Service accounts (root, www-data, postgres) stay.
_TABLE_USER_HEADERS = _anchors.AnchorSet((_anchors.literal("USER "), _anchors.literal("UID ")))
_COLUMN_NAMES = re.compile(r"[A-Z%@][A-Z%@0-9_+()-]*")
_TABLE_ROWS, _TABLE_CHARS = 2_000, 262_144
_ROW_TOKEN = re.compile(r"\S+")


def _process_table_users(text: str) -> Iterator[Span]:
    for _, at in _TABLE_USER_HEADERS.each_start(text):
        line_start = start_of_line(text, at, _LINE_START_REACH)
        if line_start < 0:
            continue
        header_end = end_of_line(text, at)
        columns = text[line_start:header_end].split()
        column = _user_column(columns)
        if column is None:
            continue
        yield from _table_users(text, header_end + 1, column)


def _user_column(columns: list[str]) -> int | None:
    """Where USER or UID stands among a table header's columns; None when the line is no
    process or login table's header."""
    if len(columns) < 4 or not all(_COLUMN_NAMES.fullmatch(name) for name in columns):
        return None
    if {"PID", "TTY", "LINE"}.isdisjoint(columns):
        return None
    return next((index for index in range(3) if columns[index] in ("USER", "UID")), None)


def _table_users(text: str, start: int, column: int) -> Iterator[Span]:
    stop = min(len(text), start + _TABLE_CHARS)
    position = start
    for _ in range(_TABLE_ROWS):
        if position >= stop:
            return
        line_end = text.find("\n", position, stop)
        line_end = stop if line_end < 0 else line_end
        tokens = list(_ROW_TOKEN.finditer(text, position, line_end))
        if len(tokens) <= column:
            return  # a blank line or another block: the table ended
        user = tokens[column]
        name = user.group()
        if not (name.isdigit() or no_ones(name) or is_trivial(name)) and _USER_VALUE.fullmatch(
            name
        ):
            yield Span(user.start(), user.end(), "user")
        position = line_end + 1


def _iam_users(text: str) -> Iterator[Span]:
    for at in _anchors.starts(text, _IAM_USER_ANCHOR):
        if _IAM_ACCOUNT_BEFORE.search(text, max(0, at - 40), at) is not None:
            yield from _names(_IAM_USER.match(text, at))


# A public key's comment, which ssh-keygen sets to the user and host that made it: "ssh-ed25519
# AAAAC3… olga@olga-laptop" in authorized_keys, a deploy log, a cloud-init dump. The key is
# public and stays.
_PUBLIC_KEY_TYPES = tuple(
    _anchors.literal(kind + " AAAA")
    for kind in (
        "ssh-ed25519", "ssh-rsa", "ssh-dss", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
        "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
    )
)  # fmt: skip
_KEY_COMMENT = re.compile(
    r"[A-Za-z0-9+/]{40,8192}={0,2}[ \t]+([A-Za-z_][\w.-]{0,31})@[\w.-]{1,253}"
)


def _public_key_users(text: str) -> Iterator[Span]:
    for anchor in _PUBLIC_KEY_TYPES:
        for at in _anchors.starts(text, anchor):
            start = at + anchor.width - 4  # the key's base64, from its "AAAA"
            if span := _account(_KEY_COMMENT.match(text, start)):
                yield span


def _ssh_users(text: str) -> Iterator[Span]:
    for at in _anchors.starts(text, _SSH_USER_ANCHOR):
        if _SSH_OPTION_BEFORE.search(text, max(0, at - 8), at) is not None:
            found = _SSH_USER.match(text, at)
            if found is not None and (span := _group_account(found, 2)):
                yield span


# Words in a display name that make it a thing's: Okta's "Default Policy", Entra's
# "Microsoft Azure PowerShell", a group's or an app's name.
_NOT_PERSON_WORDS = frozenset(
    {
        "policy", "rule", "group", "app", "application", "service", "default", "team", "role",
        "portal", "admin", "administrator", "administrators", "system", "bot", "api", "client",
        "server", "account", "directory", "organization", "everyone", "microsoft", "azure",
        "office", "google", "okta", "aws", "users", "apps", "integration", "connector",
        "developers", "contributors", "maintainers", "authors", "community", "project",
        "foundation", "inc", "inc.", "llc", "ltd", "ltd.", "gmbh", "corp", "corporation",
        # a plan or a tier: "Customer: Premium Plus"
        "premium", "plus", "pro", "platinum", "bronze", "basic", "standard", "enterprise",
        "business", "free", "trial", "vip", "tier", "plan", "member", "members",
    }
)  # fmt: skip


def _a_persons(name: str) -> bool:
    return _NOT_PERSON_WORDS.isdisjoint(name.lower().split())


def _person_fields(text: str) -> Iterator[Span]:
    seen: set[int] = set()  # "imię i nazwisko: …" holds two labels of one value
    for _, at in _PERSON_FIELDS.each_start(text):
        if glued(text, at, "_") and not (
            UNSPACED_SCRIPT.match(text, at) and UNSPACED_SCRIPT.match(text, at - 1)
        ):
            continue  # a longer name: serviceDisplayName, app_display_name (not お客様の氏名)
        found = _PERSON_FIELD.match(text, at)
        if found is None and text[at - 1 : at] in ("<", ":"):
            found = _XML_PERSON_FIELD.match(text, at)
        if found is None:
            found = _UNQUOTED_PERSON_FIELD.match(text, at)
            if found is None or not (
                _written_as_name(found.group(3)) or _logged_value(text, found)
            ):
                continue
        if found.start(3) in seen:
            continue
        seen.add(found.start(3))
        if _someones_name(found.group(3)):
            yield Span(found.start(3), found.end(3), "name")


# A bare name in an object's printed form, whose class says it is a person's: Python's repr
# (User(id=1, name='Ana Lima')), Ruby's inspect (#<Customer id: 7, name: "Ana Lima">), Rust's
# and Node's debug output (Person { name: "Ana Lima" }), Java's toString (Customer{name='…'}).
# Product(name='Widget') and Task { name: "build" } stay. An XML attribute (name="…", which
# XML writes hundreds of times in a file) is no object's printed form.
_OBJECT_NAME_ANCHORS = tuple(_anchors.literal(text) for text in ("name='", "name: '", 'name: "'))
_OBJECT_NAME = re.compile(r"""name(?:=|: )(["'])([^"'\\\r\n<>{}]{1,128})\1""")
_PERSON_CLASSES = frozenset(
    {*_NAMED_PEOPLE, "user", "person", "people", "profile", "owner", "client", "subscriber"}
)
_CLOSERS = ")}>"
_BRACKETS = re.compile(r"[(){}<>]")
_IDENTIFIER_BACKWARDS = re.compile(r"[ \t]?([\w.:]{1,64})")
_CLASS_AFTER = re.compile(r"#?<([A-Za-z_][\w.:]{0,63})")
_OBJECT_REACH = 512


def _object_class(text: str, at: int) -> str | None:
    """The class of the printed object whose field starts at ``at``, from its opening
    bracket on the same line: the word before "(" or "{", or after "<" or "#<"."""
    low = max(text.rfind("\n", max(0, at - _OBJECT_REACH), at) + 1, at - _OBJECT_REACH)
    opener = max(text.rfind("(", low, at), text.rfind("{", low, at), text.rfind("<", low, at))
    if opener < 0:
        return None
    between = text[opener + 1 : at]
    if ")" in between or "}" in between or ">" in between:  # a nested object closed before it
        opener = _unclosed_opener(text, low, at)
        if opener < 0:
            return None
    if text[opener] == "<":
        found = _CLASS_AFTER.match(text, opener - (text[opener - 1 : opener] == "#"))
        return found.group(1) if found else None
    return _word_before(text, opener)


def _unclosed_opener(text: str, low: int, at: int) -> int:
    depth = 0
    brackets = _BRACKETS.finditer(text, low, at)
    for index, char in reversed([(found.start(), found.group()) for found in brackets]):
        if char in _CLOSERS:
            depth += 1
        elif depth:
            depth -= 1
        else:
            return index
    return -1


def _word_before(text: str, at: int) -> str | None:
    """The identifier just before ``at`` (one blank may stand between), read backwards."""
    backwards = text[max(0, at - 66) : at][::-1]
    found = _IDENTIFIER_BACKWARDS.match(backwards)
    if found is None:
        return None
    word = found.group(1)[::-1].lstrip("0123456789.:")
    return word or None


def _object_names(text: str) -> Iterator[Span]:
    for anchor in _OBJECT_NAME_ANCHORS:
        for at in _anchors.starts(text, anchor):
            if glued(text, at, "_-."):
                continue  # first_name, app.name: other rules' or no one's
            found = _OBJECT_NAME.match(text, at)
            if (
                found is not None
                and _persons_class(_object_class(text, at))
                and (kind := _person_value(found.group(2))) is not None
            ):
                yield Span(found.start(2), found.end(2), kind)


# A Django model's printed form, which is its __str__ in angle brackets: the default User's is
# its username (<User: ana.lima>, also inside <SimpleLazyObject: …> and a <QuerySet […]>); a
# person's model may print a name (<Customer: Ana Lima>). <Product: Widget> stays.
_MODEL_ANCHORS = tuple(_anchors.literal(text) for text in ("User: ", "<Customer: ", "<Member: "))
_MODEL = re.compile(r"<([A-Za-z_]\w{0,63}): ([^<>\r\n@]{1,128})>")


def _model_users(text: str) -> Iterator[Span]:
    for anchor in _MODEL_ANCHORS:
        for at in _anchors.starts(text, anchor):
            opened = text.rfind("<", max(0, at - 64), at + 1)
            found = _MODEL.match(text, opened) if opened >= 0 else None
            if (
                found is not None
                and found.end(1) == at + anchor.width - 2
                and _persons_class(found.group(1))
                and (kind := _role_value(found.group(2))) is not None
            ):
                yield Span(found.start(2), found.end(2), kind)


_CAMEL_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


@functools.lru_cache(maxsize=1024)  # a log prints a few classes many times
def _persons_class(name: str | None) -> bool:
    """Whether the class ``name`` is a person's: its last word (BillingContact's Contact)."""
    words = _CAMEL_WORDS.findall(name or "")
    return bool(words) and words[-1].lower() in _PERSON_CLASSES


# A sender's or a recipient's name in a mail header pasted with its message: From: Ana Lima
# <ana@…>, To: "Lima, Ana" <…>, Bob <…>; also before a service's mailbox, which forwards a
# person's words ("Ana Lima <notifications@github.com>"). A service's own name stays (GitHub
# <noreply@github.com>), as does a repository's (To: acme/app <app@noreply.github.com>). The
# addresses are the e-mail rule's.
_MAIL_HEADERS = tuple(
    _anchors.literal(header)
    for header in ("From: ", "To: ", "Cc: ", "CC: ", "Bcc: ", "Reply-To: ", "Sender: ")
)
_MAIL_NAME = re.compile(
    r"""[ \t]*(?:"([^"\r\n<>]{1,128})"|([^\s"<>,;:@][^"<>,;:@\r\n]{0,127}?))[ \t]*"""
    r"""<[^<>@\s]{1,64}@([^<>\s]{1,255})>[ \t]*,?"""
)


def _mail_names(text: str) -> Iterator[Span]:
    for anchor in _MAIL_HEADERS:
        for at in _anchors.starts(text, anchor):
            line_start = start_of_line(text, at, _LINE_START_REACH)
            if line_start < 0 or text[line_start:at].strip(" \t>"):
                continue  # a header starts its line (or a quoted reply's: "> From: …")
            end = end_of_line(text, at)
            position = at + anchor.width
            while (found := _MAIL_NAME.match(text, position, end)) is not None:
                group = 1 if found.group(1) is not None else 2
                name = found.group(group)
                service = name.replace(" ", "").lower() in found.group(3).lower()
                if not ("/" in name or service or no_ones(name)):
                    yield from _person(found, group)
                position = found.end()


# Anywhere else, a name written before an address in angle brackets is its owner's, as apps
# log whom they mail ("sending the invite to Ana Lima <ana@…>"): two to four capitalized words
# right before it. A service's name or a team's (Acme Support <support@acme.com>) stays.
_AT = _anchors.literal("@")
_MAILBOX_LOCAL = re.compile(r"[^<>@\s]{1,64}")
_OWNER_WORD = re.compile(r"[^\W\d_][\w'.-]{0,40}")
_MAILBOX_DOMAIN = re.compile(r"[^<>\s]{1,255}>")
_ROLE_WORDS = frozenset(
    {"support", "notifications", "notification", "alerts", "billing", "sales", "security",
     "noreply", "no-reply", "info", "help", "helpdesk", "newsletter", "news", "updates", "ci"}
)  # fmt: skip


def _mailbox_names(text: str) -> Iterator[Span]:
    for at in _anchors.starts(text, _AT):
        # most "@"s are in no <address> after a space: ruled out before the name is looked for
        opens = text.rfind("<", max(0, at - 65), at)
        if opens < 1 or text[opens - 1] != " " or not _MAILBOX_LOCAL.fullmatch(text, opens + 1, at):
            continue
        domain = _MAILBOX_DOMAIN.match(text, at + 1)
        owner = _owner_before(text, opens - 1)
        if owner is None or domain is None:
            continue
        start, name = owner
        if (
            _a_persons(name)
            and _ROLE_WORDS.isdisjoint(name.lower().split())
            and name.replace(" ", "").lower() not in domain.group().lower()
        ):
            yield Span(start, start + len(name), "name")


def _owner_before(text: str, end: int) -> tuple[int, str] | None:
    """Where the two to four capitalized words that end at ``end`` start, and the words; one
    word is as often a service's name. "to Ana Lima": the name is what is capitalized."""
    begin = max(0, end - 4 * 42)
    words = text[begin:end].split(" ")
    if begin > 0 and not text[begin - 1].isspace():
        words = words[1:]  # the window cut the first one
    name: list[str] = []
    for word in reversed(words[-4:]):
        if not (_OWNER_WORD.fullmatch(word) and word[0].isupper()):
            break
        name.insert(0, word)
    joined = " ".join(name)
    if len(name) < 2 or not _written_as_name(joined):
        return None
    return end - len(joined), joined


# The account a connection signs in as: a URL's user info (postgresql://bob:…@db,
# https://alice@bitbucket.org/…); a connection string's user key with a password key on its
# line (ADO.NET's User ID=jdoe;Password=…, ODBC's UID=…;PWD=…, libpq's user=bob password=…,
# JDBC's ?user=bob&password=…); a database client's user flag (psql -U jsmith).
_URL_START = _anchors.literal("://")
_URL_USER = re.compile(r"://([A-Za-z0-9_][\w.+-]{0,63})(?::[^@\s/]{0,256})?@[A-Za-z0-9\[]")
# Found from the password's key, far rarer in logs than a user's (PAM's "uid=0 euid=0 … user=").
_PASSWORD_KEYS = _anchors.words(("password=", "passwd=", "pwd="))
_CONNECTION_USER = re.compile(
    r"(?<![\w$%.-])(?i:user[ _]?id|uid|user)[ \t]*=[ \t]*([A-Za-z0-9_][\w.@\\-]{0,63})"
    r"(?=[;&\s'\"]|\Z)"
)
# Each client's own flag: PostgreSQL's and SQL Server's -U, MySQL's -u (glued or not) and
# --user, MongoDB's -u and --username.
_CLIENT_NAME = r"([A-Za-z_][\w.-]{0,63})(?![\w.-])"
_DATABASE_CLIENTS = tuple(
    (_anchors.literal(name), re.compile(r"[a-z_]{0,8}" + _ARGUMENTS + flags + _CLIENT_NAME))
    for names, flags in (
        (("psql", "pg_dump", "pg_restore", "sqlcmd"), r"(?:-U|--username)(?:[ \t]+|=)"),
        (("mysql", "mariadb"), r"(?:-u[ \t]*|--user(?:[ \t]+|=))"),
        (("mongo",), r"(?:-u|--username)(?:[ \t]+|=)"),  # mongosh, mongodump…
    )
    for name in names
)
# The account a remote shell or copy signs in as: ssh's user@host (and -l user), scp's, sftp's
# and rsync's user@host:path, and what ssh -v prints ("Authenticating to web01:22 as 'ana'").
_REMOTE_COMMANDS = tuple(
    _anchors.literal(name + " ")
    for name in ("ssh", "scp", "sftp", "rsync", "mosh", "ssh-copy-id", "plink", "autossh")
)
_REMOTE_USER = re.compile(
    r"\S{2,11}" + _ARGUMENTS + r"([A-Za-z_][\w.-]{0,63})@"
    r"(?:[A-Za-z0-9][\w.-]{0,252}|\[[0-9A-Fa-f:.]{2,45}\])(?=[\s:;|&)\"']|\Z)"
)
_SSH_LOGIN_FLAG = re.compile(r"(?:ssh|autossh|plink)" + _ARGUMENTS + r"-l[ \t]*" + _CLIENT_NAME)
_SSH_VERBOSE = _anchors.literal("Authenticating to ")
_SSH_VERBOSE_USER = re.compile(r"Authenticating to \S{1,260} as '([^'\s]{1,64})'")
_LINE_REACH = 256
_USER_KEY_CHARS = 80


def _connection_users(text: str) -> Iterator[Span]:
    for at in _anchors.starts(text, _URL_START):
        found = _URL_USER.match(text, at)
        if found is not None and not is_trivial(found.group(1)):
            yield from _names(found)
    seen: set[int] = set()
    for anchor in _PASSWORD_KEYS:
        scanned = 0  # a line with many keys is read once, give or take a user key's length
        for at in _anchors.starts(text, anchor):
            start = max(0, start_of_line(text, at, _LINE_REACH), at - _LINE_REACH)
            end = end_of_line(text, at, _LINE_REACH)
            for found in _CONNECTION_USER.finditer(
                text, max(start, scanned - _USER_KEY_CHARS), end
            ):
                if found.start() not in seen and not is_trivial(found.group(1)):
                    seen.add(found.start())
                    yield from _names(found)
            scanned = max(scanned, end)
    for anchor, flag in _DATABASE_CLIENTS:
        for at in _anchors.starts(text, anchor):
            if not glued(text, at, "_-./"):
                yield from _names(flag.match(text, at + anchor.width))


def _remote_users(text: str) -> Iterator[Span]:
    seen: set[int] = set()  # rsync -e ssh … ana@web01: two commands, one account
    for anchor in _REMOTE_COMMANDS:
        for at in _anchors.starts(text, anchor):
            if not glued(text, at, "_-./+"):
                found = _REMOTE_USER.match(text, at) or _SSH_LOGIN_FLAG.match(text, at)
                for span in _names(found):
                    if span.start not in seen:
                        seen.add(span.start)
                        yield span
    for at in _anchors.starts(text, _SSH_VERBOSE):
        yield from _names(_SSH_VERBOSE_USER.match(text, at))


RULES: tuple[Rule, ...] = (
    FieldFinderRule("user-variable", 256, _variables, field=_user_field),
    FinderRule("access-log-user", 320, _access_log_users),
    FinderRule("login-user", 640, _login_users),  # PAM's failure line is the longest
    FinderRule("process-table-user", 128, _process_table_users),
    FinderRule("directory-user", 160, _directory_users),
    FinderRule("git-user-name", 2_400, _git_user_names),
    FinderRule("connection-user", 4_400, each_of(_connection_users, _remote_users)),
    FinderRule("mail-name", 4_400, each_of(_mail_names, _mailbox_names)),
    FinderRule("cloud-user", 9_000, each_of(_iam_users, _ssh_users, _public_key_users)),
    FieldFinderRule(
        "person-name-field",
        200,
        each_of(
            _person_fields,
            _object_names,
            _model_users,
            _customer_names,
            _signing_names,
            _introduced_names,
            _contact_form_names,
            _message_names,
        ),
        field=_person_field,
    ),
)
