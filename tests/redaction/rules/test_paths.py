"""Home-directory paths: only the user name is replaced, the rest of the path stays."""

from __future__ import annotations

import pytest

from supportkit.redaction._rule import Rule
from supportkit.redaction.rules.paths import RULES

(RULE,) = RULES


def names(text: str) -> list[str]:
    """The substrings of ``text`` the rule would replace, in order."""
    return [text[span.start : span.end] for span in RULE.find(text)]


def test_rule_follows_the_protocol() -> None:
    """The rule is a personal-data Rule whose spans are of kind ``user``."""
    assert isinstance(RULE, Rule)
    assert RULE.category == "personal"
    assert {span.kind for span in RULE.find("/home/alice/x")} == {"user"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('File "/home/alice/project/app.py", line 3', "alice"),
        ("/home/alice", "alice"),
        ("cd /home/john.doe/src.", "john.doe"),
        ("/Users/bob/Library/Logs/app.log", "bob"),
        ("PATH=/usr/bin:/home/hank/.local/bin", "hank"),
        ("file:///home/erin/notes.txt", "erin"),
        ("/var/home/erin/x", "erin"),
        ("/mnt/c/Users/frank/AppData", "frank"),
        (r"C:\Users\carol\AppData\Local", "carol"),
        (r"d:\users\dave\x", "dave"),
        ("C:/Users/carol/AppData", "carol"),
        (r'{"path": "C:\\Users\\carol\\AppData"}', "carol"),
        (r"C:\Users\Ana Silva\Documents\report.docx", "Ana Silva"),
        (r'{"procPath":"\/Users\/ana.silva\/Applications\/Acme.app"}', "ana.silva"),
        (r'{"path":"\/Users\/Ana Silva\/Library"}', "Ana Silva"),
        (r'{"cwd":"\/home\/erin\/src"}', "erin"),
        (r"in C:\Users\ana then", "ana"),
        ("/mnt/c/Users/Ana Silva/Desktop/a.txt", "Ana Silva"),
        ("open /Users/Ana Maria Silva/Documents failed", "Ana Maria Silva"),
        ("see /Users/ana and more", "ana"),
        ("see ~gina/src/main.c", "gina"),
        ("mailbox /var/mail/ana is full", "ana"),
        ("opened /var/spool/mail/ana.silva", "ana.silva"),
        (r"\\wsl$\Ubuntu\home\ana\project", "ana"),
        (r"\\wsl.localhost\Ubuntu-22.04\home\erin\src", "erin"),
        (r"\\fileserver\Users\olga\Documents\report.docx", "olga"),
        (r"profile on \\nas.corp\home\bob\x.txt", "bob"),
        ("/Volumes/Macintosh HD/Users/olga/Library/Logs/app.log", "olga"),
        ("/Volumes/Macintosh HD - Data/Users/anna/x", "anna"),
        ("mounted /run/media/thomas/USBSTICK", "thomas"),
        (r"wine: Z:\home\gamer42\.wine\drive_c", "gamer42"),
        (r"C:\Documents and Settings\Olga\Application Data", "Olga"),
        ("GET /a?platform=ios&assetPlugin=C%3A%5CUsers%5CE.Robert%5Capp%5Cx", "E.Robert"),
        ("open?file=%2FUsers%2Fana.silva%2FDesktop%2Fx.png", "ana.silva"),
        ("picked: %2Fhome%2Folga%2FDownloads%2Fx.csv", "olga"),
        ('{"uri": "file%3A%2F%2F%2Fhome%2Folga%2Fx"}', "olga"),
    ],
)
def test_user_name_is_found(text: str, name: str) -> None:
    """The user-name component of POSIX, macOS and Windows home paths is found."""
    assert names(text) == [name]


def test_only_the_name_is_replaced() -> None:
    """The span covers the name alone, so the directory structure survives."""
    text = "/home/alice/project/app.py"
    (span,) = RULE.find(text)
    assert text[: span.start] + "<user-1>" + text[span.end :] == "/home/<user-1>/project/app.py"


@pytest.mark.parametrize(
    "text",
    [
        "/home/ alone",
        "/Users/Shared/x",
        r"C:\Users\Public\Desktop",
        r"C:\Users\Default\NTUSER.DAT",
        r"C:\Users\All Users\x",
        "/home/$USER/.cache",
        r"C:\Users\%USERNAME%\AppData",
        "/home/<user>/x",
        "~/.config/app",
        "https://example.com/home/about",
        "/api/users/1234567",
        "/usr/lib/python3.11/site-packages/requests/adapters.py",
        "app.home.views",
        "ABC:\\Users\\x",
        "GET /mail/inbox HTTP/1.1; https://example.com/mail/ana",
        r"D:\backup\home\ana and C:\srv\home\index.html",
        r"D:\share\Users\olga and app\Users\admin and x\\host\Users\olga",
        "/srv/app/Users/olga/x and /Volumes/",
        "/home/runner/work/app/app/tests/test_x.py and /home/ubuntu/.cache and /home/vagrant/x",
        r"C:\Users\runneradmin\AppData and C:\Users\vagrant\AppData and /Users/runner/",
        "ls /media/cdrom/ https://example.com/media/photos/1.jpg src/media/icons/a.png",
        "GET /media/pi_fontawesome/css/a.css; '/media/wp-includes/x.xml'; /run/media/cdrom/",
        "https://example.com/api%2Fusers%2F123 and /x%2Fhome%2Fpage",
    ],
)
def test_non_personal_path_is_kept(text: str) -> None:
    """Shared folders, placeholders, URL paths and module paths are not user names."""
    assert names(text) == []


def test_names_are_listed_once_in_text_order() -> None:
    """Two paths give two spans, in order, without duplicates from overlapping anchors."""
    assert names("C:/Users/ann/x and /home/ben/y") == ["ann", "ben"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "C:\\Users\\msrabi\\AppData\\x.jar\n"
            "hdfs://nn:9000/tmp/hadoop-yarn/staging/msrabi/.staging/job_1",
            ["msrabi", "msrabi"],
        ),
        ("/Users/ana.lima/Library and \\\\files\\scans\\ana.lima\\2024", ["ana.lima", "ana.lima"]),
        ("/var/spool/cron/olga then /home/olga/.bashrc", ["olga", "olga"]),
        (r"%USERPROFILE% = C:\Users\ana, HOMEPATH=\Users\ana", ["ana", "ana"]),
    ],
)
def test_a_home_name_is_found_in_other_paths_too(text: str, expected: list[str]) -> None:
    """A name seen in a home path gives away its user as a folder of any other path."""
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/home/msrabi/x and /srv/msrabix/ and /api/msrabi.json and msrabi alone", ["msrabi"]),
        ("/home/ab/x and /data/ab/ stays", ["ab"]),  # too short to tell from any folder
        ("/home/2024/x and /archive/2024/", ["2024"]),
        ("/srv/olga/ comes with no home path", []),
        (
            "/home/gitlab-tools/x and /etc/gitlab-tools/config.yml, /var/lib/gitlab-tools/db",
            ["gitlab-tools"],
        ),
        (r"C:\Users\acmeapp\x and C:\Program Files\acmeapp\bin", ["acmeapp"]),
    ],
)
def test_other_paths_keep_what_is_not_a_home_name(text: str, expected: list[str]) -> None:
    """Only whole folders named like a home path's user go, and only when a home path said so;
    not where software names its folders (/etc/NAME, C:\\Program Files\\NAME)."""
    assert names(text) == expected


def test_a_home_name_is_looked_for_within_16_kib_of_its_home_path() -> None:
    """Other paths are searched near the home path only, so a window costs little however
    many home paths it holds."""
    near, far = "x" * 15_000, "x" * 17_000
    text = f"/home/ana.lima/a\n{near}\n/tmp/ana.lima/\n{far}\n/tmp/ana.lima/"
    assert [span.start for span in RULE.find(text)] == [6, text.index("/tmp/ana.lima/") + 5]
