"""User names in USER, LOGNAME and USERNAME variables and in a CI job's, found in the forms dumps
print them, in the user field of web server access logs, in the login messages of sshd, PAM,
logind, database, broker and print servers, and in a directory's names for an account."""

from __future__ import annotations

import pytest

from supportkit.redaction import Redactor, default_policy
from supportkit.redaction._rule import Rule
from supportkit.redaction.rules.accounts import RULES

(
    RULE,
    ACCESS_LOG_RULE,
    LOGIN_RULE,
    PROCESS_TABLE_RULE,
    DIRECTORY_RULE,
    GIT_NAME_RULE,
    CONNECTION_RULE,
    MAIL_NAME_RULE,
    CLOUD_USER_RULE,
    PERSON_FIELD_RULE,
) = RULES


def _found(text: str, rule: Rule = RULE) -> list[str]:
    return [text[span.start : span.end] for span in rule.find(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("USER=ana", "ana"),
        ("export LOGNAME=ana.silva", "ana.silva"),
        ("sudo: SUDO_USER=ana", "ana"),
        ("environ({'HOME': '/x', 'USER': 'ana'})", "ana"),
        ('{"USERNAME": "Ana.Silva"}', "Ana.Silva"),
        ("USERNAME                       Ana.Silva\nUSERPROFILE    C:\\Users\\x", "Ana.Silva"),
        # a field named for a user name, in any case
        ("Registry: https://index.docker.io/v1/\n Username: joffrey\n", "joffrey"),
        ("connect username=ana.lima host=db", "ana.lima"),
        ('{"userName": "olga.p", "id": 7}', "olga.p"),
        ("user_name: juma", "juma"),
        ("Username: CONTOSO\\Alice", "CONTOSO\\Alice"),
        ('{"UserName": "acme\\\\olga.p"}', "acme\\\\olga.p"),
        ("User(id=7, username=ana.lima, email=x)", "ana.lima"),  # Lombok's toString
        # quoted, a display name is taken whole
        ('    userName = "Vinod Pittampalli";', "Vinod Pittampalli"),
        ("{'username': 'Ana Maria Lima', 'id': 7}", "Ana Maria Lima"),
        # who a CI job runs for, by login
        ("GITLAB_USER_LOGIN=asmith\nGITLAB_USER_EMAIL=a@example.com", "asmith"),
        ("GITHUB_ACTOR=asmith-gh", "asmith-gh"),
        ("env:\n  GITHUB_TRIGGERING_ACTOR: 'asmith-gh'", "asmith-gh"),
        ('{"CIRCLE_USERNAME": "asmith", "CIRCLE_BRANCH": "main"}', "asmith"),
        ("BUILD_USER_ID=asmith", "asmith"),
        # a game launcher's command line
        ("java -jar mc.jar --username Steve_1987 --uuid 1234", "Steve_1987"),
        ("systemProp.https.proxyUser=jdoe", "jdoe"),
        # the JVM's user.name: on a command line, listed by -XshowSettings, dumped as JSON
        ("java -Duser.name=olga -Duser.language=en -jar app.jar", "olga"),
        ("Property settings:\n    user.language = en\n    user.name = olga\n", "olga"),
        ('{"user.name": "olga", "java.version": "21"}', "olga"),
        # after an identity provider's prefix, as Kubernetes' audit log writes it
        ('"user": {"username": "oidc:jsmith"}', "jsmith"),
        # a user as a pair's value, as a structure's "user" key is read
        ("level=info user=jsmith msg=login", "jsmith"),
        ("GET /api/export?user=olga.p&format=csv", "olga.p"),
        ('"user"="jsmith"', "jsmith"),
        ("user='ana'", "ana"),
        ("Session(id=7, user=olga, ttl=300)", "olga"),
        # an account with its domain, after any label that names a user
        ("Logged on user: ACME\\olga.petrova", "ACME\\olga.petrova"),
        ("RunAsUser: WORKGROUP\\olga", "WORKGROUP\\olga"),
        ("User Name: acme\\juma.said (elevated)", "acme\\juma.said"),
        ("user=ACME\\\\olga", "ACME\\\\olga"),
        # a key that names who did or owns something, or a bare "user", quoted
        ('payload={"user": "hivanov", "remember": true}', "hivanov"),
        ('{"createdBy": "olga.petrova", "id": 7}', "olga.petrova"),
        ("{'assignee': 'Juma Said'}", "Juma Said"),
        ('"author": {"login": "octocat", "id": 1}', "octocat"),
        ('{"lastUser":"ana.lima"}', "ana.lima"),
    ],
)
def test_user_name_variable_is_found(text: str, value: str) -> None:
    assert _found(text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "USER=root LOGNAME=runner USERNAME=Administrator",  # no one's
        "USER=$(whoami) USERNAME=%USERNAME% LOGNAME=${LOGNAME}",  # placeholders
        "DB_USER=app MY_USER=bob USERPROFILE=x USERS=4",  # other variables
        "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND",  # ps
        "the USER is ana",
        "username: admin, Username=root, userName: runner",  # no one's
        "username=null username: none username=",
        "username: ana@example.com",  # the e-mail rule's
        "$username = get(); %username%; DB_USERNAME=app; db_user_name=svc",
        "username: <your-name> username: ${USER} username: {{ user }}",
        "the username is required; usernames: 4",
        "[pypi]\nusername = __token__\npassword = <secret-1>",  # PyPI's token login
        "GITHUB_ACTOR=dependabot[bot] GITHUB_TRIGGERING_ACTOR=renovate[bot]",  # bots
        "NET USE Z: \\\\files\\scans /USER:acme\\olga",  # a switch: the login rule's
        "username: github-actions[bot]",
        # source code in a traceback passes an expression
        "    user = User.query.filter_by(username=form.login.data).first()",
        "login(username=form.username, remember=True); username=getpass.getuser()",
        'authenticate(request, username=request.POST.get("username"))',
        # CI variables referred to, not set, and their neighbours
        "echo $GITHUB_ACTOR %BUILD_USER% ${GITLAB_USER_LOGIN}",
        "MY_GITHUB_ACTOR=x BUILD_REQUESTEDFORID=1f2e GITLAB_USER_ID=42",
        "GITHUB_ACTOR   is who pushed; BUILD_USER=${BUILD_USER_ID}",
        "GITLAB_USER_NAME=<your name>\nBUILD_REQUESTEDFOR=Project Collection Build Service (acme)",
        "BUILD_REQUESTEDFOR=Microsoft.VisualStudio.Services.TFS",
        # a pair's user that is no one's, a number, a placeholder, code, or another's field
        "user=root user=0 user=%s user=None user=anonymous user=<nil>",
        "user=system:serviceaccount:kube-system:default user=ana@example.com",
        "send(user=current_user, retry=True); user = User.query.get(7); u(user=self)",
        "install(\n    prefix=prefix,\n    user=use_user_site,\n)",  # arguments over lines
        "url(user=parts['user']); filter = {user=\"uid=${name}\"}",  # a subscript, a pair
        "ruser=ana db.user=app $user=x DB_USER=x",
        "User: hello, I cannot log in; user: ana",  # a transcript's line, no domain
        "NT AUTHORITY\\SYSTEM; Logged on user: NT AUTHORITY\\SYSTEM; User: ACME\\SYSTEM",
        # a role's value that is no one's, a form's label, or under another key
        '{"owner": "root", "user": "nobody", "created_by": "system", "Owner": "123456789012"}',
        '{"login": "Log in", "logout": "Log out"} {"order_by": "created_at", "sort_by": "name"}',
        '{"user": "ana@example.com", "author": "${AUTHOR}", "user": "a\\\\"b"}',
        '"author": "The pip developers", "author": "Acme Inc", "owner": "Platform Team"',
    ],
)
def test_other_variables_and_service_accounts_are_kept(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("GITLAB_USER_NAME=Alice Smith\nGITLAB_USER_LOGIN=asmith", ["Alice Smith"]),
        (
            "BUILD_REQUESTEDFOR=Alice Smith\r\nBUILD_REQUESTEDFOREMAIL=a@example.com",
            ["Alice Smith"],
        ),
        ("BUILD_REQUESTEDFOR             Alice Smith   \n", ["Alice Smith"]),  # PowerShell's env:
        ('{"GITLAB_USER_NAME": "Alice Smith", "CI": "true"}', ["Alice Smith"]),
        ("export BUILD_USER='Ana Lima' BUILD_USER_FIRST_NAME=Ana", ["Ana Lima", "Ana"]),
        ("BUILD_USER=Ana Lima BUILD_USER_ID=ana", ["Ana Lima"]),
    ],
)
def test_ci_display_name_is_found(text: str, values: list[str]) -> None:
    """A CI job's display name for who started it is a person's name, spaces and all."""
    names = [span for span in RULE.find(text) if span.kind == "name"]
    assert [text[span.start : span.end] for span in names] == values


def test_the_name_shares_its_placeholder_with_the_home_path() -> None:
    """One user, one placeholder: ``HOME=/home/<user-1> USER=<user-1>``."""
    redactor = Redactor(default_policy(detect_machine=False))
    out = redactor.text("HOME=/home/ana USER=ana LOGNAME=ana", artifact="env.txt")
    assert out == "HOME=/home/<user-1> USER=<user-1> LOGNAME=<user-1>"


_REQUEST = '[06/Dec/2026:10:01:29 +0000] "POST /login HTTP/1.1" 302 0'


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (f"203.0.113.7 - ana {_REQUEST}", "ana"),
        (f"web-1  | 2001:db8::7 - olga.petrova {_REQUEST}", "olga.petrova"),
        (f"shop.example.com - ACME\\ana {_REQUEST.replace('+0000', '-0700')}", "ACME\\ana"),
    ],
)
def test_access_log_user_is_found(text: str, value: str) -> None:
    assert _found(text, ACCESS_LOG_RULE) == [value]


@pytest.mark.parametrize(
    "text",
    [
        f"203.0.113.7 - - {_REQUEST}",  # no one signed in
        f"203.0.113.7 - root {_REQUEST}",  # no one's
        f"INFO [main] started; at {_REQUEST}",  # not an access log line
        "203.0.113.7 - ana [06/Dec/2026] cache warm",  # no request after the date
    ],
)
def test_access_log_lines_without_a_user_are_kept(text: str) -> None:
    assert _found(text, ACCESS_LOG_RULE) == []


LOGIN_MESSAGES = [
    # sshd, PAM, logind and database servers
    ("sshd[1]: Accepted publickey for ana from 203.0.113.7 port 52144 ssh2", ["ana"]),
    ("sshd[1]: Failed password for invalid user olga.p from 203.0.113.7 port 2", ["olga.p"]),
    ("sshd[1]: Invalid user juma from 203.0.113.7 port 52146", ["juma"]),
    ("pam_unix(sshd:session): session opened for user ana(uid=1000) by (uid=0)", ["ana"]),
    ("systemd-logind[5]: New session 42 of user ana.\nnext", ["ana"]),
    ("systemd[1]: Started Session 42 of User ana.", ["ana"]),
    ('FATAL:  password authentication failed for user "ana.silva"', ["ana.silva"]),
    ("Access denied for user 'olga'@'10.0.0.5' (using password: YES)", ["olga"]),
    ("Login failed for user 'ACME\\juma'. Reason: Password did not match.", ["ACME\\juma"]),
    ('sshd[9]: debug1: PAM: initializing for "matelang"', ["matelang"]),
    ("debug1: userauth-request for user matelang service ssh-connection", ["matelang"]),
    # who ran a command: sudo, su, PAM's failures
    ("sudo:     ana : TTY=pts/0 ; PWD=/home/ana ; USER=root ; COMMAND=/usr/bin/apt", ["ana"]),
    ("sudo[4242]: olga.p : 3 incorrect password attempts ; TTY=pts/1 ; PWD=/", ["olga.p"]),
    ("su[1234]: (to root) ana on pts/1", ["ana"]),
    ("su: FAILED SU (to root) juma on pts/2", ["juma"]),
    ("pam_unix(su:session): session opened for user root by ana(uid=1000)", ["ana"]),
    (
        "pam_unix(gdm-password:auth): authentication failure; logname= uid=0 euid=0 "
        "tty=/dev/tty1 ruser= rhost=  user=olga",
        ["olga"],
    ),
    (
        "pam_unix(sudo:auth): authentication failure; logname=ana uid=1000 euid=0 "
        "tty=/dev/pts/0 ruser=ana rhost=  user=ana",
        ["ana", "ana", "ana"],
    ),
    # a shell's prompt in a pasted terminal session
    ("panmonster@panmonster-PC:~/projects/app$ mvn package", ["panmonster"]),
    ("output\nana@laptop:/srv/app# systemctl restart app\n", ["ana"]),
    ("[olga.p@fedora src]$ make\n(venv) juma@dev-box:~$ pytest", ["olga.p", "juma"]),
    ("ana@Anas-MacBook-Pro ~ % brew install x", ["ana"]),
    ("$ journalctl -u app\nlukas@ubuntu20:~$\nlukas@ubuntu20:~$ \r\n", ["lukas", "lukas"]),
    ("thomas@SUSE:~> sudo zypper up\nana@laptop ~> ls", ["thomas", "ana"]),
    ("jsmith@DESKTOP-AB12CD MINGW64 ~/project (main)\n$ npm run build", ["jsmith"]),
    ("╭─mint@mint-HP ~/src\n╰─$ ls\n┌──(olga@box)-[~]", ["mint", "olga"]),
    # Dovecot's logins and process titles
    (
        "dovecot: imap-login: Disconnected (auth failed, 2 attempts): user=<username.bob>, "
        "method=PLAIN, rip=49.176.98.87",
        ["username.bob"],
    ),
    ("dovecot: imap(ana)<4242><x3AbC>: Logged out in=120 out=4512", ["ana"]),
    ("dovecot: pop3(olga.p): Disconnected: Logged out top=0/0", ["olga.p"]),
    ("dovecot: lmtp(juma)<77><sess>: msgid=<a@b>: saved mail to INBOX", ["juma"]),
    # a Windows logon event, as XML and as Event Viewer shows it
    (
        '<Data Name="SubjectUserName">OLGA-LAPTOP$</Data><Data Name="TargetUserName">olga.p'
        '</Data><Data Name="TargetDomainName">ACME</Data>',
        ["olga.p"],
    ),
    ("New Logon:\n\tSecurity ID:\t\tACME\\olga.p\n\tAccount Name:\t\tolga.p\n", ["olga.p"]),
    ("Account For Which Logon Failed:\r\n\tAccount Name:\t\tJuma Ali\r\n", ["Juma Ali"]),
    # PAM's actor beside a person's or a system account, sudo's prompt
    (
        "pam_unix(gdm-password:session): session opened for user atibam(uid=1000) by atibam(uid=0)",
        ["atibam", "atibam"],
    ),
    (
        "sudo: pam_unix(sudo:session): session opened for user root(uid=0) by edward(uid=1000)",
        ["edward"],
    ),
    ("[sudo] password for pranav: ", ["pranav"]),
    ("› Logged in as jsmith", ["jsmith"]),
    ("machine api.example.com login jdoe password x\nmachine h\n  login olga\n", ["jdoe", "olga"]),
    # database servers' connection lines and line prefixes
    ("LOG:  connection authorized: user=jsmith database=app application_name=psql", ["jsmith"]),
    (
        "LOG:  disconnection: session time: 0:00:02.112 user=jsmith database=postgres "
        "host=203.0.113.7 port=51800",
        ["jsmith"],
    ),
    (
        "2023-12-02 12:31:13.875 CET [344648] jsmith@salesdb FATAL:  password authentication "
        'failed for user "jsmith"',
        ["jsmith", "jsmith"],
    ),
    ('172.16.105.4(43212) olga@appdb FATAL:  database "appdb" does not exist', ["olga"]),
    ("2024-01-02 03:04:05 UTC:10.0.0.1(5432):ana@appdb:[1234]:LOG:  statement: x", ["ana"]),
    ("[12]: user=olga,db=app,app=psql,client=10.0.0.5 LOG:  duration: 5 ms", ["olga"]),
    ("Aborted connection 4016575 to db: 'testdb' user: 'sherlock' host: 'localhost'", ["sherlock"]),
    ("# User@Host: jsmith[jsmith] @ apphost [203.0.113.9]  Id: 10997316", ["jsmith", "jsmith"]),
    ('{"message":"Logon failed for login \'teste\' due to trigger execution."}', ["teste"]),
    # a broker's and a print server's
    (
        "connection <0.1345.0> (10.0.0.7:64875 -> 10.0.0.2:5672): user 'jsmith' authenticated "
        "and granted access to vhost '/'",
        ["jsmith"],
    ),
    ("closing AMQP connection (vhost: '/', user: 'olga.p', state: running)", ["olga.p"]),
    ("I [25/Oct/2004:15:41:59 +0200] Job 24 queued on 'BJC-2000' by 'titoxx69'.", ["titoxx69"]),
    ('I [12/Mar/2024:10:00:00 +0100] [Job 12] Queued on "HP_LaserJet" by "juma".', ["juma"]),
    # the account a Spring Boot application started as
    (
        "INFO Starting DurableStarterApplication using Java 17.0.16 with PID 115622 "
        "(/srv/x/main started by harry in /srv/x)",
        ["harry"],
    ),
    (
        "Starting BooksAppApplication on BLR019 with PID 10464 (D:\\Akash\\target\\classes "
        "started by Akash.Potdar in D:\\Akash)",
        ["Akash.Potdar"],
    ),
    # an application's own login messages
    ("INFO User olga.petrova logged in from 10.0.0.9", ["olga.petrova"]),
    ("user 'ana' has signed out; User ACME\\jdoe logged off", ["ana", "ACME\\jdoe"]),
    ("auth: user ana.lima successfully logged on", ["ana.lima"]),
    # Windows: NTLM's and flattened logon events, and the account a command runs as
    ("Logon Account: jsmith  Source Workstation: WS01", ["jsmith"]),
    ("An account was logged on. Account Name: olga.p Account Domain: ACME", ["olga.p"]),
    ("Account Name:\tAna Lima\tAccount Domain:\tACME", ["Ana Lima"]),
    ("net use \\\\srv\\s x /user:ACME\\olga; runas /user:jsmith cmd", ["ACME\\olga", "jsmith"]),
    ("NET USE Z: \\\\srv\\s /USER:acme\\olga", ["acme\\olga"]),
    ("schtasks /create /ru ACME\\jsmith /rp x /tn t", ["ACME\\jsmith"]),
    ("psexec \\\\web01 -u ACME\\olga -p x cmd.exe; net user ana Xk9 /add", ["ACME\\olga", "ana"]),
    # Unix: the account a command acts on or runs as, typed after a prompt or in a script
    ("$ su - olga\nsudo -u jsmith id\n# chown ana:staff /srv/app", ["olga", "jsmith", "ana"]),
    ("$ sudo useradd -m -s /bin/bash -G sudo olga && passwd olga", ["olga", "olga"]),
    ("$ usermod -aG docker jsmith; chage -l jsmith", ["jsmith", "jsmith"]),
    ("crontab -u olga -l\ndocker login -u jsmith -p x registry.example.com", ["olga", "jsmith"]),
    (
        "curl -u olga:x https://api; smbclient //srv/s -U ana%x; wget --user=bob",
        ["ana", "olga", "bob"],
    ),
    ("ftp> USER olga\n331 Password required for olga", ["olga", "olga"]),
]


@pytest.mark.parametrize(("text", "values"), LOGIN_MESSAGES)
def test_login_message_user_is_found(text: str, values: list[str]) -> None:
    """Login and command logs, prompts and logon events name the account that acted."""
    assert _found(text, LOGIN_RULE) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Started by user snagareddi\nRunning as SYSTEM", ["snagareddi"]),
        ("Started by user Jane Doe\r\n[Pipeline] Start of Pipeline", ["Jane Doe"]),
        ('"shortDescription":"Started by user Jane Doe","userId":"jdoe"', ["Jane Doe"]),
    ],
)
def test_who_started_a_jenkins_build_is_a_name(text: str, values: list[str]) -> None:
    """Jenkins names who started a build by their display name: a person's name."""
    assert _found(text, LOGIN_RULE) == values
    assert {span.kind for span in LOGIN_RULE.find(text)} == {"name"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("user.name=Ana Lima\nuser.email=ana@example.com", "Ana Lima"),
        ("[user]\n\tname = Juma Ali\n\temail = juma@example.com\n", "Juma Ali"),
        ('git config --global user.name "Olga Petrova"', "Olga Petrova"),
        ("[user]\n\temail = a@b.io\n\tname = Ana\n", "Ana"),
        ("GIT_AUTHOR_NAME=Juma Ali\nGIT_AUTHOR_EMAIL=juma@example.com", "Juma Ali"),
        ("export GIT_COMMITTER_NAME='Olga Petrova'", "Olga Petrova"),
        (
            'GIT_AUTHOR_NAME="Olga Petrova" GIT_AUTHOR_EMAIL=o@example.com git commit',
            "Olga Petrova",
        ),
        ("commit 1a2b3c4d\nAuthor: Ana Lima <ana.lima@example.com>\nDate:   Sun Dec 6", "Ana Lima"),
        ("CI_COMMIT_AUTHOR=Ana Lima <ana.lima@example.com>\nCI_COMMIT_BRANCH=main", "Ana Lima"),
        ("fix the thing\n\nSigned-off-by: Ana Lima <ana.lima@example.com>", "Ana Lima"),
        ("Co-Authored-By: Bob Stone <bob@example.org>", "Bob Stone"),
        ("    Reviewed-by: Carla Diaz <carla@example.org>", "Carla Diaz"),
    ],
)
def test_git_committer_name_is_found(text: str, value: str) -> None:
    """git's user.name is the name of the person who commits from this machine."""
    assert _found(text, GIT_NAME_RULE) == [value]
    assert {span.kind for span in GIT_NAME_RULE.find(text)} == {"name"}


@pytest.mark.parametrize(
    "text",
    [
        "[remote]\n\tname = origin\n[core]\n\tname = x",
        "user.name=${GIT_AUTHOR_NAME}",
        'git config user.name "<your name>"',
        "Author: see the docs; Commit: none",
        "# GIT_AUTHOR_NAME=$NAME",
        "[user]\n",
        "[user]",
        "[user]\n" + "\tx = 1\n" * 300 + "\tname = Too Far",
        '[command]/usr/bin/git config user.name "github-actions[bot]"',  # bots
        "Author: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>",
        "Co-authored-by: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>",
        "unsigned-off-by: Ana <ana@example.com>; Reviewed-by: the team",
        "    user.name = olga",  # the JVM's property: the user-name rule's
    ],
)
def test_other_names_in_git_config_are_kept(text: str) -> None:
    assert _found(text, GIT_NAME_RULE) == []


@pytest.mark.parametrize(
    "text",
    [
        "sshd[1]: Failed password for root from 203.0.113.7 port 22",  # no one's
        "Login failed for user 'sa'. Access denied for user 'root'@'localhost'",
        "the number of user sessions; for user experience; cache for user 42",  # prose
        "sudo:     root : TTY=pts/0 ; PWD=/root ; USER=root ; COMMAND=/bin/ls",
        "run sudo: then ana : is not a log line; sudo apt update",
        "su[9]: (to postgres) root on pts/0",
        "authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=10.0.0.5  "
        "user=root",
        "root@server:~# ls\nubuntu@ip-10-0-0-5:~$ ls\nrunner@fv-az123:~/work$ make",
        "mail ana@example.com: see above; git@github.com:acme/app.git $ 5",
        "ssh ana@host:22 and scp a.txt ana@host:/tmp/ # copied",
        "pop3-login: Disconnected (no auth attempts in 58 secs): user=<>, rip=10.0.0.5",
        "imap-login: Login: user=<ana@example.com>, method=PLAIN",  # the e-mail rule's
        "imap-login: user=<test>, user=<info>, imap(root)",
        "sqlite3_exec(db) and gimap(ana) and pop3(x y)",
        '<Data Name="SubjectUserName">SYSTEM</Data><Data Name="TargetUserName">-</Data>',
        '<Data Name="TargetUserName">DWM-1</Data><Data Name="SubjectUserName">WS01$</Data>',
        "Subject:\n\tAccount Name:\t\tLOCAL SERVICE\n\tAccount Name:\t\t-\n",
        "Aborted connection 7 to db: 'unconnected' user: 'unauthenticated' host: '10.0.0.5'",
        "Access denied for user ''@'localhost'; # User@Host: root[root] @ localhost []",
        "postgres@postgres LOG:  checkpoint starting; user=postgres database=postgres",
        "mail ana@example.com: see above; ruser=ana database=x",
        "Started by user anonymous\nStarted by timer\nStarted by upstream project",
        "Job restarted by cron; started by ana in 5s",  # not Spring Boot's line
        "Job 3 queued on 'Q' by 'root'. [sudo] password for root:",
        "log.info(\"user '%s' authenticated\", name); user '{}'; [sudo] password for %p:",
        "Logged in as root; machine learning models; machine x login $USER",
        "if a@b.c > 3 then mail ana@example.com> x",
        "user 42 logged in; the user has logged in; user admin logged out",
        "User %s logged in; user {name} signed in; a user who logged on",
        'schtasks /ru SYSTEM /tn x; schtasks /ru "NT AUTHORITY\\SYSTEM"; net user /domain',
        "net user administrator /active:yes; whoami /user: S-1-5-21-1; /users:x",
        "Logon Account: -\nAccount Name: WS01$ Account Domain: ACME",
        "docs: http://user:pass@host:8080/path and ftp://user:ana@files",  # a URL's user info
        # the same commands' words in prose, and commands on no person's account
        "the id olga gave\nsu questo punto\n  id was preferred and we attempted a fix",
        "fix #id to return x; a chown command run; $(id -u) exists; pip install --user x",
        "$ su - postgres\nsudo -u www-data php x\n# chown -R root:root /srv; $ id -u",
    ],
)
def test_login_messages_without_a_persons_account_are_kept(text: str) -> None:
    assert _found(text, LOGIN_RULE) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("sssd: bound as uid=ana,ou=people,dc=acme,dc=com", ["ana"]),
        ("UID=olga.p, OU=Staff", ["olga.p"]),
        ("sAMAccountName: juma", ["juma"]),
        ("(&(objectClass=user)(sAMAccountName=juma))", ["juma"]),
        ("uid=1000(ana) gid=1000(ana) groups=1000(ana),27(sudo)", ["ana", "ana", "ana"]),
    ],
)
def test_directory_user_is_found(text: str, values: list[str]) -> None:
    assert _found(text, DIRECTORY_RULE) == values


@pytest.mark.parametrize(
    "text",
    [
        "bind dn: uid=admin,ou=system; uid=0(root) gid=0(root)",  # no one's
        "process uid=1000 euid=1000 fuid=abc,ou=x; uid=ana without a DN",
    ],
)
def test_directory_names_without_a_persons_account_are_kept(text: str) -> None:
    assert _found(text, DIRECTORY_RULE) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("postgresql://bob:s3cret@db.example.com:5432/prod", ["bob"]),
        ("mssql://teste:teste@172.18.86.65/Emociograma", ["teste"]),
        ("git clone https://alice@bitbucket.org/team/repo.git", ["alice"]),
        ("Server=tcp:db,1433;Initial Catalog=app;User ID=jdoe;Password=Hunter2!", ["jdoe"]),
        ("Driver={ODBC Driver 17};Server=db1;UID=jdoe;PWD=Hunter2!;", ["jdoe"]),
        ("jdbc:postgresql://db:5432/app?user=bob&password=S3cr3tPw&ssl=true", ["bob"]),
        ("host=db port=5432 dbname=app user=bob password=S3cr3tPw", ["bob"]),
        ("PGPASSWORD=x psql -h db -U jsmith app; pg_dump --username=olga app", ["jsmith", "olga"]),
        (
            "mysql -u olga -p app; mysql -ujsmith app; mysqldump --user=ana app",
            ["olga", "jsmith", "ana"],
        ),
        ("mongosh -u olga --password x; mongodump --username ana", ["olga", "ana"]),
        # a remote shell's or copy's account
        ("ssh olga@203.0.113.5; scp f.txt jsmith@build01:/tmp", ["olga", "jsmith"]),
        (
            "rsync -avz -e ssh ./dist/ deploy2@web01:/srv/; ssh -p 2222 -l olga web01",
            ["deploy2", "olga"],
        ),
        ("ssh ana@[2001:db8::1]; debug1: Authenticating to web01:22 as 'olga'", ["ana", "olga"]),
    ],
)
def test_a_connections_account_is_found(text: str, values: list[str]) -> None:
    """A URL's user info, a connection string's user beside its password and a database
    client's user flag name the account a connection signs in as."""
    assert _found(text, CONNECTION_RULE) == values


@pytest.mark.parametrize(
    "text",
    [
        "https://__token__:abc@gitlab.com/x redis://default:pw@cache ssh://git@github.com/a",
        "https://example.com:8080/a@b and mailto:ana@example.com",
        "level=info user=bob msg=hi; ruser=ana rhost=h user=root",
        "psql -U postgres -d app; git push -u origin main; sort -u",
        "sort -u x | mysql app; mysql -u root -p; mongosh -u admin",
        "ssh git@github.com; ssh -T ubuntu@10.0.0.5; rsync -l src dst:/x; scp -l 100 a b:/x",
        "git+ssh://git@x; openssh ana@x; Authenticating to web01:22 as 'root'",
        "DB_USER=ana DB_PASSWORD=x",  # the variable rules' to judge
    ],
)
def test_connections_without_a_persons_account_are_kept(text: str) -> None:
    assert _found(text, CONNECTION_RULE) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("From: Jane Doe <jane@example.com>", ["Jane Doe"]),
        ('To: "Lima, Ana" <a@example.org>, Bob Stone <b@example.org>', ["Lima, Ana", "Bob Stone"]),
        ("> Cc: Olga <olga@example.net>", ["Olga"]),
        ("From: Stephen Griffin <notifications@github.com>", ["Stephen Griffin"]),
        # anywhere else, two to four capitalized words before an address
        ("sending the invite to Ana Lima <ana.lima@example.org> now", ["Ana Lima"]),
        ("notify Bob Stone <b@example.org>, José María García <j@example.es>",
         ["Bob Stone", "José María García"]),
    ],
)  # fmt: skip
def test_a_mail_headers_names_are_found(text: str, values: list[str]) -> None:
    """A message pasted with its headers names its sender and recipients beside their
    addresses."""
    assert _found(text, MAIL_NAME_RULE) == values


@pytest.mark.parametrize(
    "text",
    [
        "From: GitHub <noreply@github.com>\nFrom: jane@example.com",
        "To: acme/app <app@noreply.github.com>",
        "To: admin <admin@example.com>, root <root@localhost>",
        "Go To: the page <x@y.z>; forward To: Jane <j@example.com>",
        "sent by Acme Support <support@acme.com>; Google Cloud <cloud@google.com>",
        "mail to ana <ana@example.org>, to Olga <olga@example.org>; Acme Corp <x@acmecorp.com>",
    ],
)
def test_mail_headers_without_a_persons_name_are_kept(text: str) -> None:
    assert _found(text, MAIL_NAME_RULE) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ('"arn": "arn:aws:iam::111122223333:user/JohnDoe"', ["JohnDoe"]),
        ("User: arn:aws:iam::123456789012:user/dev/Qikink is not authorized", ["Qikink"]),
        ("""SSH: EXEC ssh -C -o ControlMaster=auto -o 'User="bob"' -o Port=22""", ["bob"]),
        ("(-o)(User=jsmith) and ssh -o User=olga host", ["jsmith", "olga"]),
        # a public key's comment: the user (and host) that made it
        ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl "
         "olga@laptop", ["olga"]),
        ("ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEmKSENjQEezOmxkZ"
         "My7opKgwFB9nkt5YRrYMjNuG5N87uRgg6CLrbo5wAdT/y6v0mKV0U2w0WZ2YB/++Tpockg= jdoe@JDOE-PC",
         ["jdoe"]),
    ],
)  # fmt: skip
def test_cloud_and_ssh_accounts_are_found(text: str, values: list[str]) -> None:
    """An IAM user's ARN ends in its name; Ansible prints the ssh command with its User."""
    assert _found(text, CLOUD_USER_RULE) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ('"userDisplayName": "Jane Smith", "userPrincipalName": "js@x.com"', ["Jane Smith"]),
        ('"actor": {"type": "User", "displayName": "Jane Smith"}', ["Jane Smith"]),
        ("given_name: 'Jane'; 'family_name': 'Smith'", ["Jane", "Smith"]),
        (
            'Signing Identity: "Apple Development: Andrew McDermott (E3QZ4B62AW)"',
            ["Andrew McDermott"],
        ),
        ("identityName=Developer ID Application: Johann Blake (ABCDE12345)", ["Johann Blake"]),
        ("CODE_SIGN_IDENTITY = Apple Distribution: John Smith", ["John Smith"]),
        (
            '{"holderName": "John Smith", "card_holder_name": "Ana Lima"}',
            ["John Smith", "Ana Lima"],
        ),
        # written out, unquoted: a name's words, up to the line's end, a delimiter or a key
        ("Full name: Ana Lima\nPlan: pro", ["Ana Lima"]),
        ("signup first_name=Olga last_name=Petrova plan=pro", ["Olga", "Petrova"]),
        # a logged key=value in whatever case it was typed
        ("signup first_name=ana last_name=lima plan=pro", ["ana", "lima"]),
        ("level=info firstName=olga msg=saved", ["olga"]),
        ("lastName: O'Brien-McDermott, age 41", ["O'Brien-McDermott"]),
        ("displayName: J. R. Tolkien.", ["J. R. Tolkien"]),
        ("cardholder_name: JOHN SMITH; plan=pro", ["JOHN SMITH"]),
        ("signup: surname=Müller&plan=pro", ["Müller"]),
        # and as forms label them in other languages
        ("Vorname: Hans, Nachname: Müller", ["Hans", "Müller"]),
        ("ФИО: Иванов Иван Иванович\n", ["Иванов Иван Иванович"]),
        ("Họ và tên: Nguyễn Văn An", ["Nguyễn Văn An"]),
        ("Nombre completo: Juan Pérez García", ["Juan Pérez García"]),
        ("姓名：王小明，电话：未填", ["王小明"]),
        ("imię i nazwisko: Anna Kowalska", ["Anna Kowalska"]),
        # a shop's, a help desk's and a clinic's names for the person
        (
            '"display_name": "Ana Lima", "customer_name": "Olga Petrova"',
            ["Ana Lima", "Olga Petrova"],
        ),
        ('{"customerName": "Ana Lima", "contactName": "Bob Smith"}', ["Ana Lima", "Bob Smith"]),
        ("recipient_name=Ana Lima; shipping_name: Olga Petrova", ["Ana Lima", "Olga Petrova"]),
        ('"cardholder": "ANA LIMA", "name_on_card": "Ana Lima"', ["ANA LIMA", "Ana Lima"]),
        ('"account_holder": "Ana Lima", "billing_name": "A. Lima"', ["Ana Lima", "A. Lima"]),
        ('"middle_name": "Maria", "patient_name": "Ana Lima"', ["Maria", "Ana Lima"]),
        ('{"real_name": "Ana Lima", "author_name": "Olga Petrova"}', ["Ana Lima", "Olga Petrova"]),
        # JSON inside a string, its quotes escaped, and XML
        ('payload="{\\"first_name\\": \\"Ana\\", \\"x\\": 1}"', ["Ana"]),
        ('{\\"customer_name\\":\\"Olga Petrova\\"}', ["Olga Petrova"]),
        ("<customer><firstName>Ana</firstName><lastName>Lima</lastName>", ["Ana", "Lima"]),
        ("<cac:Party><cbc:FullName>Ana Lima</cbc:FullName>", ["Ana Lima"]),
        # someone saying who they are, in a message or a chat's transcript
        ("Hi, my name is Ana Lima and I can't export", ["Ana Lima"]),
        ("me llamo Carlos, gracias; меня зовут Анна Лима.", ["Carlos", "Анна Лима"]),
        # a contact form's dump: "Name:" on its own line beside an e-mail or phone line
        ("New submission\nName: Ana Lima\nEmail: ana@example.com\nMessage: hi\n", ["Ana Lima"]),
        ("Phone: +44 7911 123456\n  Name: Olga Petrova\n", ["Olga Petrova"]),
        # a message's greeting and signature
        (
            "Dear Ana Lima,\nthe export fails.\nBest regards,\nOlga Petrova\n",
            ["Ana Lima", "Olga Petrova"],
        ),
        ("Hi Ana!\nit broke again\nThanks,\nBob", ["Ana", "Bob"]),
        (
            "Mit freundlichen Grüßen\nJürgen Müller\nС уважением,\nАнна Лима",
            ["Jürgen Müller", "Анна Лима"],
        ),
        ("Здравствуйте, Анна!\nспасибо", ["Анна"]),
        ("Chère Élodie,\nmerci", ["Élodie"]),
        # a bare name in a person's object, as languages print one
        ("User(id=1, name='Olga Petrova', plan='pro')", ["Olga Petrova"]),
        ('#<Customer id: 7, name: "Ana Lima", created_at: "2026-12-07">', ["Ana Lima"]),
        ('Person { name: "Ana Lima", age: 31 }', ["Ana Lima"]),
        ("BillingContact{id=7, name='Juma Said'}", ["Juma Said"]),
        ("Customer(address=Address(name='Home'), tags=('a', 'b'), name='Ana')", ["Ana"]),
        # a Django model's printed form: a user's username, a person's name
        ("request.user = <SimpleLazyObject: <User: ana.lima>>", ["ana.lima"]),
        ("<QuerySet [<User: ana>, <CustomUser: juma_said>]>", ["ana", "juma_said"]),
        ("order.customer = <Customer: Ana Lima>", ["Ana Lima"]),
        # a customer named after the word for one, in the languages of the people served
        ("Kunde: Hans Müller, Tel.: 030 12345678", ["Hans Müller"]),
        ("Клиент: Иванов Иван Иванович, тел.: +7 916 123-45-67", ["Иванов Иван Иванович"]),
        ("Khách hàng: Nguyễn Văn An, SĐT: 0912 345 678", ["Nguyễn Văn An"]),
        ("Mteja: Juma Said, simu: 0712 345 678", ["Juma Said"]),
        ("Customer name: Ana Lima\n", ["Ana Lima"]),
        ("用户反馈：客户：王小明，电话13812345678", ["王小明"]),
        # a name field's label glued to the words before it, in a script without spaces
        ("お客様の氏名：山田太郎、電話番号：090-1234-5678", ["山田太郎"]),
    ],
)
def test_a_persons_name_field_is_found(text: str, values: list[str]) -> None:
    """Identity providers and error trackers name the person in fields of their own, and a
    code-signing certificate names the person it was issued to."""
    assert _found(text, PERSON_FIELD_RULE) == values


@pytest.mark.parametrize(
    "text",
    [
        '"serviceDisplayName": "Azure Portal", "appDisplayName": "Office 365"',
        'first_name = "N/A"; "displayName": "anonymous"',
        "arn:aws:iam::aws:policy/ReadOnly and role/user/x; User=$USER; LogonUser=ana",
        '"user":{"username":"aksService"}, {"username":"kubernetes-admin"}, FOR USER: None',
        "#Fields: date time s-ip cs-method cs-uri-stem cs-username c-ip cs(User-Agent)",
        '"target": [{"type": "PolicyEntity", "displayName": "Default Policy"}]',
        # code and placeholders where a name would be
        "first_name: str = Field(max_length=50)\nlast_name: Optional[str] = None",
        "firstName: String;\nfull_name = models.CharField(max_length=100)",
        'first_name = request.POST["first_name"]; last_name: null; surname: Required',
        "First name: N/A; given_name=${GIVEN}; WHERE first_name IS NULL; full name: Unknown",
        "the full name: ana lima was changed; displayName=app-runner",
        "first_name=value last_name=self full_name=name first_name=ana2 surname=null",
        '"shipping_method": "Express", "customer_id": "C-1042", "contact_email_sent": true',
        '"customer_name": "Acme Support Team", "contactName": "Default Policy"',
        "Имя файла: Отчёт.pdf; имя: test; Nachname: Unknown; 이름: null",
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7vbqajDhA9kZzJqLJcR3h2p5Yx0Jq8v0m2+Q9e8yP3w== "
        "root@build-01\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9ok "
        "deploy key",
        "my name is not important; My name is: unknown",
        "Name: invoicer.export\nLevel: INFO\n",  # no e-mail or phone beside it
        "service: api\nName: Default Policy\nEmail: on\n",
        "Email: ana@example.com\nProduct Name: Blue Shirt\nName: blue shirt\n",
        "Dear Customer,\nHi team,\nHello World\nDear Sir or Madam,\nHi there\n",
        "Thanks,\nThe Acme Team\nKind regards,\nSupport\nThank you in advance\n",
        "Thanks for the report, we fixed it\nAna Lima\nINFO Hi Res Mode: enabled\n",
        "<Product: Widget Pro> <AnonymousUser> <User: root> <User: ana@example.com> User: hi",
        "Customer: Premium Plus; customer type: Gold Member; Customer: Acme Corp; customers: 42",
        "customer=cus_NffrFeUfNV2Hib; Kundennummer: 12345; mycustomer: Ana Lima; Customer: Ana",
        # a thing's name, a person's object naming no one, a name outside any object
        'Product(name=\'Widget Pro\'); Task { name: "build" }; <Job name="nightly">',
        "User(id=1, name='admin'); app.name='x'; name='Ana Lima' alone",
        '<User id="7" name="Ana Lima"/>',  # an XML attribute: XML writes name="…" everywhere
        "Customer(id=7, address=Address(line1='x', name='Home Office'))",
    ],
)
def test_names_that_are_no_persons_are_kept(text: str) -> None:
    assert all(_found(text, rule) == [] for rule in RULES)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n"
            "root           1  0.0  0.1 167744 11520 ?        Ss   10:00   0:02 /sbin/init\n"
            "olga        4123  0.1  1.2 812344 98000 pts/0    Sl+  10:05   0:10 python app.py\n"
            "1001        5000  0.0  0.0   1000  1000 ?        S    10:00   0:00 sleep 100\n",
            ["olga"],
        ),
        (
            "UID          PID    PPID  C STIME TTY          TIME CMD\n"
            "ana         4123       1  0 10:05 pts/0    00:00:10 python app.py\n",
            ["ana"],
        ),
        (
            "USER     TTY      FROM             LOGIN@   IDLE   JCPU   PCPU WHAT\n"
            "olga     pts/0    10.0.0.5         10:05    1.00s  0.10s  0.01s w\n"
            "www-data pts/1    10.0.0.6         10:06    2:00   0.05s  0.05s -bash\n",
            ["olga"],
        ),
        (
            "  PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n"
            " 4123 olga      20   0  812344  98000  12000 S   0.3   1.2   0:10.00 python\n"
            "\nolga2 is not in the table\n",
            ["olga"],
        ),
    ],
)
def test_a_process_tables_users_are_found(text: str, values: list[str]) -> None:
    """ps, top, w and who print who runs each process or session in a column of their own."""
    assert _found(text, PROCESS_TABLE_RULE) == values


@pytest.mark.parametrize(
    "text",
    [
        "USER PID is 42\nolga 1 2 3 4",  # no table's header
        "the USER column\nolga 4123 0.1",
        "USER         PID %CPU COMMAND\nroot 1 0.0 init\nsystemd-resolve 600 0.0 resolved",
        "Name USER Pid Time\nolga 4123 1 2",  # column names are written in capitals
    ],
)
def test_tables_without_a_persons_account_are_kept(text: str) -> None:
    assert _found(text, PROCESS_TABLE_RULE) == []
