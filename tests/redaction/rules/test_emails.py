"""Emails: found also URL-encoded, with a full-width at sign and in unspaced CJK text; role
mailboxes, message ids and look-alikes such as systemd units are kept."""

from __future__ import annotations

import pytest
from _found import found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mail ana.silva@example.com now", "ana.silva@example.com"),
        ("<Ana+tag@mail.example.co.uk>", "Ana+tag@mail.example.co.uk"),
        ("?email=ana%40example.com&x=1", "ana%40example.com"),
        ("mailto%3Aana%40example.org", "ana%40example.org"),
        ('{"user":"j_doe-1@sub.example.io"}', "j_doe-1@sub.example.io"),
        ("from .ana@example.com", "ana@example.com"),
        ("to ана@пример.рф", "ана@пример.рф"),
        ("https://x.example/u?email=bob@example.com&a=1", "bob@example.com"),
        ("ftp://bob%40example.com:pw@files.example.net/", "bob%40example.com"),
        ("smtp://bob@example.com:Sm#7@smtp.example.net:587", "bob@example.com"),
        ("https://x.example?email=bob@example.com", "bob@example.com"),
        ("Message-ID: <a1@mail.example.com>\nTo: <ana@example.com>", "ana@example.com"),
        ("References: <a1@mail.example.com>\nCc: x,\n <ana@example.com>", "ana@example.com"),
        ("user_id=<ana@example.com>", "ana@example.com"),
        ("lpstat: printer HP_LaserJet@printserver.local is idle", "HP_LaserJet@printserver.local"),
        ("連絡先はtaro@example.jpです", "taro@example.jp"),
        ("によるとS0000004@section.metro.tokyo.jp", "S0000004@section.metro.tokyo.jp"),
        ("联系邮箱zhang.wei@example.cn谢谢", "zhang.wei@example.cn"),
        ("이메일은kim@example.kr입니다", "kim@example.kr"),
        (
            "窓口はhelp@example.co.jpまでお願いいたします営業時間は平日の午前九時から午後五時まで",
            "help@example.co.jp",
        ),
        ("メール：taro.yamada＠example.co.jp まで", "taro.yamada＠example.co.jp"),
        ("stop.covid19.hyogo＠gmail.com", "stop.covid19.hyogo＠gmail.com"),
        ("user id <ana.lima@example.com>", "ana.lima@example.com"),
        (
            '"userPrincipalName":"jane.smith_gmail.com#EXT#@contoso.onmicrosoft.com"',
            "jane.smith_gmail.com#EXT#@contoso.onmicrosoft.com",
        ),
    ],
)
def test_email_is_found(text: str, value: str) -> None:
    """Emails, also URL-encoded and international, are found with exact bounds."""
    assert found("email", text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "git@github.com:owner/repo.git",
        "npm i left-pad@1.2.3 and @types/node@20.1.0",
        "@decorator\ndef f(): ...",
        "@media screen and (max-width: 10px)",
        "icon@2x.png and logo@3x.webp",
        'MetaKey "$(COMPONENT)/dep11/icons-128x128@2.tar";',
        "alice@localhost",
        "noreply@github.com",
        "weird..name@example.com",
        "trailing.@example.com",
        "x@y.z",
        "postgres://app:s3cret@db.example.com:5432/app",
        "https://alice@bitbucket.example.org/team/repo.git",
        "Message-ID: <CAF=x1@mail.gmail.com>\nIn-Reply-To: <x2@mail.example.com>",
        "References: <a1@mail.example.com>\n <b2@mail.example.com>\n\t<c3@mail.example.com>",
        'INFO sent message_id=<a1@smtp.example.com>; {"message-id": "<b2@smtp.example.com>"}',
        "serviceAccount:terraform@gke-eu-1.iam.gserviceaccount.com, 1234-compute@developer."
        "gserviceaccount.com",
        # a cloud machine's host name after an ssh login's user
        "ssh ubuntu@ec2-3-120-10-20.eu-central-1.compute.amazonaws.com; ssh ana@ip-10-0-1-5.ec2"
        ".internal; scp f olga@vm1.westeurope.cloudapp.azure.com:/tmp",
        "systemd[1]: Started user@1000.service - User Manager for UID 1000.",
        "systemd[1]: Started getty@tty1.service; Starting wpa_supplicant@wlan0.service...",
        '"_SYSTEMD_CGROUP":"/user.slice/user-1000.slice/user@1000.service/app.slice/'
        'app-pycharm@bc5ad7f66bbe4bcb9767b927877e084f.service"',
        "dirmngr@1000.socket, snapper@home.timer, container@web.target, mnt@data.mount",
        "user@1000.slice, run@u1.scope, unit@x.path, dev@sda.device, swap@sda.swap",
        'envp[20]="PPD=/etc/cups/ppd/PSC-2200-Series@192.168.0.102.ppd"',
        "ab\u2010\u00ffexample.com",  # no full-width at sign, though its UTF-16 bytes occur
        "Received: by mx1.example.com with ESMTP\n"
        "        id <20040120203404.CCCC18555.mx1.example.com@client.example.com>",
        "X-Abuse-Reports-To: abuse@splio.com; notifications@github.com; security@example.org",
        "at io.undertow.core@2.2.5.Final//io.undertow.server.Connectors.executeRootHandler",
        "at org.jboss.ironjacamar.jdbcadapters@1.4.27.Final//org.jboss.jca.adapters.jdbc",
    ],
)
def test_email_look_alike_is_kept(text: str) -> None:
    """Package specs, decorators, asset names, local accounts and role mailboxes stay."""
    assert found("email", text) == []
