"""Fake secrets, fake personal data and look-alike decoys, for the self-test and the corpus.

Redaction can only be trusted when it is checked against every kind of value it promises to
remove, written the way programs and people really write it, and against the values it
promises to keep. A :class:`Canary` is the text to plant and the exact spans of it that must
disappear (credentials, personal data) or must survive (decoys). Every value is random and
fake, and everything is deterministic given a :class:`random.Random`.

Most kinds are written as templates: ``«…»`` marks a span, ``{a36}`` is 36 random characters
of alphabet ``a`` (see ``_ALPHABETS``), ``{i1-99}`` a number, ``{z1-12}`` a zero-padded one
and ``{name}`` a value from ``_NAMED``; ``{same}`` is the value drawn last, again. A context
holds the value at ``{}`` (else at its end).
"""

from __future__ import annotations

import base64
import ipaddress
import json
import random
import re
import string
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal
from urllib.parse import quote

from supportkit.exceptions import InvalidArgumentError

__all__ = [
    "CANARY_KINDS",
    "DECOY_KINDS",
    "Canary",
    "CanaryCategory",
    "iban_checksum_valid",
    "luhn_valid",
    "make_canary",
    "plant_canaries",
    "plant_decoys",
]

CanaryCategory = Literal["credential", "personal", "decoy"]


@dataclass(frozen=True, slots=True)
class Canary:
    """``text`` to plant; ``spans`` of it must disappear, or for a decoy must survive."""

    kind: str
    category: CanaryCategory
    text: str
    spans: tuple[tuple[int, int], ...]

    @property
    def values(self) -> tuple[str, ...]:
        """The substrings ``spans`` point at."""
        return tuple(self.text[start:end] for start, end in self.spans)

    @property
    def must_go(self) -> tuple[str, ...]:
        """Substrings that must not survive redaction (none for a decoy)."""
        return () if self.category == "decoy" else self.values

    @property
    def must_keep(self) -> tuple[str, ...]:
        """Substrings that must survive redaction unchanged (only a decoy has them)."""
        return self.values if self.category == "decoy" else ()


# ------------------------------------------------------------------------- checksums


def _luhn_check_digit(partial: str) -> str:
    total = 0
    for index, char in enumerate(reversed(partial)):
        digit = int(char) * (2 if index % 2 == 0 else 1)
        total += digit - 9 if digit > 9 else digit
    return str(-total % 10)


def luhn_valid(number: str) -> bool:
    """Whether the digits of ``number`` pass the Luhn check (as payment cards do)."""
    digits = "".join(char for char in number if char.isdigit())
    return len(digits) > 1 and _luhn_check_digit(digits[:-1]) == digits[-1]


def _iban_remainder(compact: str) -> int:
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97


def iban_checksum_valid(iban: str) -> bool:
    """Whether ``iban`` (spaces allowed) passes the ISO 13616 mod-97 check."""
    return _iban_remainder(iban.replace(" ", "")) == 1


# ------------------------------------------------------------------- random values

_ALPHABETS = {
    "a": string.ascii_letters + string.digits,
    "h": "0123456789abcdef",
    "H": "0123456789ABCDEF",
    "d": string.digits,
    "u": string.ascii_letters + string.digits + "-_",
    "s": string.ascii_letters + string.digits + "/+",
    "b": string.ascii_uppercase + "234567",
    "c": "0123456789ABCDEFGHJKMNPQRSTVWXYZ",
    "v": "89ab",
    "l": string.ascii_letters,
}


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_WORDS = _words("hunter dragon sunshine monkey shadow falcon river summer banana orbit velvet")
_FIRST = _words(
    "anna dmitry olga ivan thanh minh linh hung baraka neema amani juma john emily michael "
    "sarah oliver amelia lukas sophie jonas lena fatima carlos yuki priya"
)
_STREET_TYPES = _words("Street Road Avenue Lane Drive Way Court Place")
_LAST = _words(
    "ivanov petrova smirnov nguyen tran pham mwangi kimaro mushi smith johnson brown taylor "
    "evans mueller schmidt schneider fischer garcia tanaka sharma"
)
_MAIL_DOMAINS = _words(
    "gmail.com yahoo.co.uk outlook.com mail.ru yandex.ru web.de gmx.de hotmail.com icloud.com "
    "fpt.vn vnn.vn yahoo.com protonmail.com acme-corp.io example-shop.de"
)
_IBAN_LAYOUTS = {  # the BBAN of each country: "9" a digit, "A" an upper-case letter
    "DE": "999999999999999999",
    "GB": "AAAA99999999999999",
    "FR": "99999999999999999999999",
    "NL": "AAAA9999999999",
    "ES": "99999999999999999999",
    "IT": "A9999999999999999999999",
    "CH": "99999999999999999",
    "PL": "999999999999999999999999",
}


def _token(rng: random.Random, length: int, alphabet: str) -> str:
    return "".join(rng.choice(alphabet) for _ in range(length))


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _password(rng: random.Random) -> str:
    """A password as people choose them (words, digits, a symbol) or as managers make them."""
    if rng.random() < 0.5:
        return _token(rng, rng.randint(16, 32), _ALPHABETS["a"] + "!#%*+-_")
    words = rng.choice(_WORDS).capitalize() + rng.choice(_WORDS)
    return f"{words}{rng.randint(1, 9999)}{rng.choice('!#%*+-_.')}"


def _user_name(rng: random.Random) -> str:
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    return rng.choice(
        (f"{first}.{last}", f"{first[0]}{last}", f"{first}{rng.randint(1, 99)}", first + last)
    )


def _public_ipv4(rng: random.Random) -> str:
    while True:
        address = ipaddress.IPv4Address(rng.getrandbits(32))
        if address.is_global and not address.is_multicast:
            return str(address)


def _zero_padded(address: str, separator: str) -> str:
    return separator.join(f"{int(octet):03}" for octet in address.split("."))


def _public_ipv4_in_hex(rng: random.Random) -> str:
    """A public address's four bytes as eight hexadecimal digits, with a letter among them."""
    while True:
        digits = "".join(f"{int(octet):02X}" for octet in _public_ipv4(rng).split("."))
        if not digits.isdecimal():
            return digits


def _in_digits(number: str, zero: str) -> str:
    """``number`` written with the ten digits that start at ``zero``."""
    return number.translate({ord("0") + value: ord(zero) + value for value in range(10)})


def _public_ipv6(rng: random.Random) -> str:
    prefix = rng.choice((0x2001_4860, 0x2A00_1450, 0x2606_4700, 0x2A02_8108, 0x2400_CB00))
    return str(ipaddress.IPv6Address((prefix << 96) | rng.getrandbits(80)))


def _mac(rng: random.Random) -> str:
    octets = [rng.randrange(256) for _ in range(6)]
    octets[0] &= 0xFC  # a unicast, globally administered address, as network cards have
    text = rng.choice(":-").join(f"{octet:02x}" for octet in octets)
    return text.upper() if rng.random() < 0.4 else text


def _cpf(rng: random.Random, *, valid: bool = True) -> str:
    """A Brazilian CPF with its two check digits, as printed: 123.456.789-09; or, not
    ``valid``, the same with its last check digit wrong."""
    digits = [rng.randint(0, 9) for _ in range(9)]
    digits[0] = (digits[1] + 1) % 10  # never one digit repeated
    for length in (9, 10):
        digits.append(sum(n * (length + 1 - i) for i, n in enumerate(digits)) * 10 % 11 % 10)
    if not valid:
        digits[10] = (digits[10] + 1) % 10
    text = "".join(map(str, digits))
    return f"{text[:3]}.{text[3:6]}.{text[6:9]}-{text[9:]}"


def _snils(rng: random.Random) -> str:
    """A Russian SNILS with its check number, as printed: 123-456-789 64."""
    text = "".join(str(rng.randint(0, 9)) for _ in range(9))
    check = sum(int(digit) * (9 - i) for i, digit in enumerate(text)) % 101 % 100
    return f"{text[:3]}-{text[3:6]}-{text[6:]} {check:02d}"


def _steuer_id(rng: random.Random) -> str:
    """A German tax id: eleven digits, the first not 0, the last an ISO 7064 MOD 11,10 check
    digit, printed in groups: 86 095 742 719."""
    digits = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(9))
    product = 10
    for digit in digits:
        total = (int(digit) + product) % 10 or 10
        product = total * 2 % 11
    text = digits + str((11 - product) % 10)
    return f"{text[:2]} {text[2:5]} {text[5:8]} {text[8:]}"


def _imei(rng: random.Random) -> str:
    """A phone's 15-digit IMEI: a type allocation code, a serial, a Luhn check digit."""
    body = rng.choice(("35", "86", "49", "01")) + _token(rng, 12, string.digits)
    return body + _luhn_check_digit(body)


def _card(rng: random.Random, prefix: str, length: int, *, valid: bool = True) -> str:
    partial = prefix + _token(rng, length - len(prefix) - 1, string.digits)
    check = _luhn_check_digit(partial)
    if not valid:
        check = str((int(check) + rng.randint(1, 9)) % 10)
    number = partial + check
    cuts = (0, 4, 10, 15) if length == 15 else (0, 4, 8, 12, 16)
    groups = [number[a:b] for a, b in pairwise(cuts)]
    return rng.choice((" ", "-", ".", "", "")).join(groups)


def _iban(rng: random.Random, *, valid: bool = True) -> str:
    country = rng.choice(sorted(_IBAN_LAYOUTS))
    bban = "".join(
        rng.choice(string.digits if slot == "9" else string.ascii_uppercase)
        for slot in _IBAN_LAYOUTS[country]
    )
    check = 98 - _iban_remainder(f"{country}00{bban}")
    if not valid:
        check = (check - 2 + rng.randint(1, 96)) % 97 + 2
    compact = f"{country}{check:02d}{bban}"
    if rng.random() < 0.5:
        return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
    return compact


def _jwt_payload(rng: random.Random) -> str:
    claims = {
        "sub": str(rng.randint(10**6, 10**9)),
        "name": f"{rng.choice(_FIRST).title()} {rng.choice(_LAST).title()}",
        "iat": rng.randint(1_600_000_000, 1_800_000_000),
        "scope": rng.choice(("read", "read write", "admin")),
    }
    return _b64url(json.dumps(claims, separators=(",", ":")).encode())


def _ssn(rng: random.Random) -> str:
    area = rng.choice([n for n in range(1, 900) if n != 666])
    return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def _encoded_pem(rng: random.Random) -> str:
    """A PKCS#8 key block in base64, as a Kubernetes secret holds it."""
    body = base64.b64encode(rng.randbytes(rng.randint(120, 1200))).decode()
    lines = "\n".join(body[start : start + 64] for start in range(0, len(body), 64))
    block = f"-----BEGIN PRIVATE KEY-----\n{lines}\n-----END PRIVATE KEY-----\n"
    return base64.b64encode(block.encode()).decode()


def _french_pairs(rng: random.Random, separator: str) -> str:
    """A French number after its trunk 0 or +33, in the pairs it is written in: 6 12 34 56 78."""
    lead = rng.choice(
        ("60", "61", "62", "64", "65", "66", "67", "68", "75", "77", "78", "14", "42")
    )
    digits = lead + "".join(rng.choice("0123456789") for _ in range(7))
    return separator.join((digits[0], *(digits[i : i + 2] for i in range(1, 9, 2))))


_NAMED: dict[str, Callable[[random.Random], str]] = {
    "p": _password,
    "n": _user_name,
    "first": lambda rng: rng.choice(_FIRST).capitalize(),
    "firstlow": lambda rng: rng.choice(_FIRST).lower(),
    "firstup": lambda rng: rng.choice(_FIRST).upper(),
    "fullname": lambda rng: f"{rng.choice(_FIRST).title()} {rng.choice(_LAST).title()}",
    "street": lambda rng: (
        f"{rng.randint(1, 999)} {rng.choice(_LAST).title()} {rng.choice(_STREET_TYPES)}"
    ),
    "strasse": lambda rng: f"{rng.choice(_LAST).title()}straße {rng.randint(1, 99)}",
    "mail": lambda rng: rng.choice(_MAIL_DOMAINS),
    # a Discord account's id (a snowflake) as its token begins: base64 without padding
    "discordid": lambda rng: (
        base64.urlsafe_b64encode(str(rng.randint(10**17, 10**19 - 1)).encode()).decode().rstrip("=")
    ),
    "urlpw": lambda rng: quote(_password(rng), safe=""),
    "imei": _imei,
    "cpf": _cpf,
    "badcpf": lambda rng: _cpf(rng, valid=False),
    "snils": _snils,
    "steuerid": _steuer_id,
    "basic": lambda rng: base64.b64encode(f"{_user_name(rng)}:{_password(rng)}".encode()).decode(),
    "smtpplain": lambda rng: base64.b64encode(
        f"\0{_user_name(rng)}\0{_password(rng)}".encode()
    ).decode(),
    "ipfour": _public_ipv4,
    "ipfourdashed": lambda rng: _public_ipv4(rng).replace(".", "-"),
    "ipfourpadded": lambda rng: _zero_padded(_public_ipv4(rng), ""),
    "ipfourpaddeddashed": lambda rng: _zero_padded(_public_ipv4(rng), "-"),
    "ipfourhex": _public_ipv4_in_hex,
    "ipfourhexlower": lambda rng: _public_ipv4_in_hex(rng).lower(),
    "ipsix": _public_ipv6,
    "mac": _mac,
    "bluezmac": lambda rng: _mac(rng).replace(":", "_").replace("-", "_").upper(),
    "jwtpayload": _jwt_payload,
    "pypi": lambda rng: _b64url(rng.randbytes(rng.randint(100, 160))),
    "visa": lambda rng: _card(rng, "4", 16),
    "mastercard": lambda rng: _card(rng, rng.choice(("51", "53", "55", "2221", "2720")), 16),
    "amex": lambda rng: _card(rng, rng.choice(("34", "37")), 15),
    "badcard": lambda rng: _card(rng, rng.choice(("4", "51", "37")), 16, valid=False),
    "iban": _iban,
    "badiban": lambda rng: _iban(rng, valid=False),
    "ssn": _ssn,
    "uuid": lambda rng: str(uuid.UUID(int=rng.getrandbits(128), version=4)),
    "vn": lambda rng: rng.choice(("90", "91", "93", "94", "96", "97", "98", "86", "32", "70")),
    "ru": lambda rng: rng.choice(("916", "903", "926", "985", "915", "977", "999", "912")),
    "tz": lambda rng: rng.choice(("71", "74", "75", "76", "65", "67", "68", "69", "78")),
    "us": lambda rng: rng.choice(("212", "415", "646", "312", "617", "206", "512", "305")),
    "uk": lambda rng: rng.choice(("7400", "7500", "7800", "7452", "7563", "7984", "7387", "7958")),
    "de": lambda rng: rng.choice(("151", "152", "157", "160", "170", "171", "176", "178")),
    "pemkey": _encoded_pem,
    "cn": lambda rng: rng.choice(("130", "135", "138", "139", "150", "158", "180", "186", "189")),
    "in": lambda rng: rng.choice(("98765", "99876", "91234", "98100", "97400", "88000", "70000")),
    "fr": lambda rng: _french_pairs(rng, " "),
    "frdots": lambda rng: _french_pairs(rng, "."),
    # a Saudi mobile in Arabic-Indic digits, an Iranian one in Persian digits
    "samobile": lambda rng: _in_digits(
        f"+966 5{rng.choice('0345689')} {_token(rng, 3, string.digits)} "
        f"{_token(rng, 4, string.digits)}",
        "\u0660",
    ),
    "irmobile": lambda rng: _in_digits(
        f"09{rng.choice('0123')}{_token(rng, 8, string.digits)}", "\u06f0"
    ),
}
_CODE = re.compile(r"\{([A-Za-z]+)(\d*)(?:-(\d+))?\}|«|»")


def _expand(rng: random.Random, template: str, into: _Builder) -> None:
    """Append ``template`` with its codes filled in, marking the pieces inside ``«…»``."""
    position, drawn = 0, ""
    for code in _CODE.finditer(template):
        into.add(template[position : code.start()])
        position = code.end()
        name, count, upper = code.groups()
        if code.group() in "«»":
            into.toggle_mark()
            continue
        if name == "same":  # the value drawn last, again
            pass
        elif upper is not None:
            number = rng.randint(int(count), int(upper))
            drawn = str(number).zfill(len(upper)) if name == "z" else str(number)
        elif count:
            drawn = _token(rng, int(count), _ALPHABETS[name])
        else:
            drawn = _NAMED[name](rng)
        into.add(drawn)
    into.add(template[position:])


class _Builder:
    """Collects the pieces of a canary's text and where its marked spans are."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._spans: list[tuple[int, int]] = []
        self._length = 0
        self._mark_start: int | None = None

    def add(self, piece: str) -> None:
        self._parts.append(piece)
        self._length += len(piece)

    def toggle_mark(self) -> None:
        if self._mark_start is None:
            self._mark_start = self._length
        else:
            self._spans.append((self._mark_start, self._length))
            self._mark_start = None

    def build(self, kind: str, category: CanaryCategory) -> Canary:
        return Canary(kind, category, "".join(self._parts), tuple(self._spans))


# ------------------------------------------------------------------ the kinds, as templates

_Kind = tuple[CanaryCategory, tuple[str, ...], tuple[str, ...]]
_PHONE = ("call back on ", "phone: ", "tel=", "SMS sent to ", "Kontakt: ", "sđt ", "тел. ")
_CARD = ("card ", "payment failed for card ", "cc_number=", "PAN: ")
_SECRET_KEYS = _words(
    "password passwd pwd secret api_key apikey token auth_token access_token client_secret "
    "secret_key private_key db_password"
)

_TEMPLATES: dict[str, _Kind] = {
    # credentials
    "aws-access-key-id": ("credential", ("aws_access_key_id = ", "AWS_ACCESS_KEY_ID=",
        "using access key ", '"AccessKeyId": "{}"'), ("«AKIA{b16}»", "«ASIA{b16}»")),
    "aws-secret-access-key": ("credential", ("aws_secret_access_key = ",
        "AWS_SECRET_ACCESS_KEY=", "aws_secret_access_key: "), ("«{s40}»",)),
    "github-classic-token": ("credential", ("GITHUB_TOKEN=", "token ", "git push with ",
        "github token: "), ("«ghp_{a36}»", "«gho_{a36}»", "«ghu_{a36}»", "«ghs_{a36}»")),
    "github-fine-grained-token": ("credential", ("GH_TOKEN=", "using ", "token="),
        ("«github_pat_{a22}_{a59}»",)),
    "gitlab-token": ("credential", ("GITLAB_TOKEN=", "PRIVATE-TOKEN: ", "token "),
        ("«glpat-{u20}»",)),
    "slack-token": ("credential", ("SLACK_BOT_TOKEN=", "slack client token ", "auth "),
        ("«xoxb-{d12}-{d13}-{a24}»", "«xoxp-{d12}-{d12}-{d13}-{h32}»")),
    "slack-webhook": ("credential", ("posting alert to ", "SLACK_WEBHOOK_URL=", "webhook: "),
        ("https://hooks.slack.com/services/T{b10}/B{b10}/«{a24}»",)),
    "stripe-key": ("credential", ("STRIPE_SECRET_KEY=", "stripe.api_key = '{}'", "key "),
        ("«sk_live_{a24}»", "«rk_live_{a24}»", "«sk_test_{a99}»", "«sk_live_{a99}»")),
    "google-api-key": ("credential", ("GOOGLE_API_KEY=", "maps key ",
        "GET /maps/api/geocode/json?address=Berlin&key="), ("«AIza{u35}»",)),
    "openai-key": ("credential", ("OPENAI_API_KEY=", "openai.api_key = ", "key: "),
        ("«sk-{a20}T3BlbkFJ{a20}»", "«sk-proj-{u74}T3BlbkFJ{u74}»")),
    "anthropic-key": ("credential", ("ANTHROPIC_API_KEY=", "x-api-key: ", "client key "),
        ("«sk-ant-api03-{u93}AA»",)),
    "sendgrid-key": ("credential", ("SENDGRID_API_KEY=", "mail key ", "sendgrid: "),
        ("«SG.{u22}.{u43}»",)),
    "npm-token": ("credential", ("//registry.npmjs.org/:_authToken=", "NPM_TOKEN="),
        ("«npm_{a36}»",)),
    "pypi-token": ("credential", ("password = ", "TWINE_PASSWORD=", "uploading with "),
        ("«pypi-AgEIcHlwaS5vcmc{pypi}»",)),
    "twilio-key": ("credential", ("TWILIO_API_KEY=", "twilio key ", "api key sid "),
        ("«SK{h32}»",)),
    "huggingface-token": ("credential", ("HF_TOKEN=", "hub token ", "Authorization: token "),
        ("«hf_{l34}»", "«api_org_{l34}»")),
    "shopify-token": ("credential", ("SHOPIFY_ACCESS_TOKEN=", "X-Shopify-Access-Token: ",
        "admin api "), ("«shpat_{h32}»", "«shpss_{h32}»")),
    "digitalocean-token": ("credential", ("DIGITALOCEAN_TOKEN=", "doctl auth init -t "),
        ("«dop_v1_{h64}»",)),
    "vault-token": ("credential", ("VAULT_TOKEN=", "X-Vault-Token: ", "vault login "),
        ("«hvs.{u24}»", "«hvs.CAES{u88}»")),
    "kubernetes-secret": ("credential", ("{}", "$ kubectl get secret app -o yaml\n{}"),
        ("apiVersion: v1\ndata:\n  DATABASE_URL: «{a40}»\nkind: Secret\nmetadata:\n  name: app",
         'apiVersion: v1\nkind: Secret\nstringData:\n  config.json: "«{a32}»"\ntype: Opaque',
         '{\n    "data": {\n        "api": "«{a40}»"\n    },\n    "kind": "Secret"\n}')),
    "private-key-base64": ("credential", ("kind: Secret\ndata:\n  tls.key: {}", "  key.pem: "),
        ("«{pemkey}»",)),
    "card-verification-code": ("credential", ("checkout exp=12/29 {}", "payment {}"),
        ("cvv=«{i100-999}»", '"cvc": "«{i100-9999}»"', "CVV2: «{i100-999}»", "CVV «{i100-999}»",
         "security_code=«{i100-999}»", "card security code: «{i100-999}»",
         '"verificationCode": "«{d6}»"')),
    "password-other-language": ("credential", ("{}", "INFO {}", "- "),
        ("Passwort: «{p}»", "Ваш пароль: «{p}»", "mật khẩu: «{p}»", "密码：«{p}»", "senha=«{p}»",
         "mot de passe : «{p}»", "nenosiri: «{p}»", "contraseña = «{p}»", "Parolă: «{p}»",
         "Lozinka: «{p}»", "Парола: «{p}»",
         "mein Passwort ist «{a8}{d4}»", "mật khẩu của tôi là «{a8}{d4}»", "密码是 «{a8}{d4}»")),
    "service-token": ("credential", ("using ", "cached ", "rotated ", "Authorization: Bearer "),
        ("«ya29.a0{u150}»", "«dckr_pat_{u27}»", "«glsa_{a32}_{h8}»", "«PMAK-{h24}-{h34}»",
         "«dapi{h32}»", "«EAAB{a150}»", "«gsk_{a52}»", "«lin_api_{a40}»", "«sbp_{h40}»",
         "«NRAK-{c27}»", "«ATATT3xFfGF0{u180}»", "«sntryu_{h64}»",
         "https://conda.anaconda.org/t/«{l2}-{uuid}»/acme", "«rubygems_{h48}»", "«cio{d2}{a30}»",
         "«LTAI5t{a18}»", "«GR1348941{u20}»", "«1//0g{u100}»", "«figd_{u40}»", "«ntn_{a46}»",
         "«fo1_{u43}»", "«squ_{h40}»", "«sqp_{h40}»", "mvn sonar:sonar -Dsonar.login=«{h40}»",
         "conda: > GET /t/«{l2}-{uuid}»/acme/noarch/repodata.json",
         "«lsv2_pt_{h32}_{h10}»", "«tvly-dev-{a32}»", "«phx_{a43}»",
         "«pat-na1-{h8}-{h4}-{h4}-{h4}-{h12}»", "«xkeysib-{h64}-{a16}»")),
    # a drawing lines up under its code line, so each form starts a line of its own
    "secret-shown-in-traceback": ("credential", ("Traceback (most recent call last):\n{}",
        "ERROR | app:login:42 - login failed\n{}"),
        ("    conn = connect(user, password)\n    │              │     └ '«{p}»'\n"
         "    │              └ '{n}'",
         "E       AssertionError: assert 'x' == 'y'\nE        +  where '«{p}»' = get_password()",
         "1 validation error for Login\npassword\n  String should have at least 40 characters "
         "[type=string_too_short, input_value='«{p}»', input_type=str]",
         '[{"type":"string_too_short","loc":["body","password"],"msg":"String should have at '
         'least 40 characters","input":"«{p}»","ctx":{"min_length":40}}]',
         "[Field error in object 'signupRequest' on field 'password': rejected value [«{p}»]; "
         "codes [Size.signupRequest.password,Size]]")),
    "secret-subscript": ("credential", ("{}", "    {}", "+ {}"),
        ('os.environ["DB_PASSWORD"] = "«{p}»"', "$db['default']['password'] = '«{p}»';",
         'ENV["API_TOKEN"]="«{a32}»"', "config['auth']['secret'] = '«{a24}»'",
         "Array\n(\n    [db_password] => «{p}»\n    [user] => {n}\n)",
         'array(1) {\n  ["password"]=>\n  string(12) "«{p}»"\n}',
         "define( 'LOGGED_IN_SALT',   '«{a64}»' );",
         "<td>{&quot;utf8&quot;=&gt;&quot;✓&quot;, &quot;password&quot;=&gt;&quot;«{p}»&quot;}")),
    "discord-token": ("credential", ("token: ", "DISCORD_TOKEN=", "logging in with "),
        ("«{discordid}.{u6}.{u38}»",)),
    "stream-key": ("credential", ("[rtmp stream: 'adv_stream'] Connecting to ", "server: "),
        ("rtmp://live.twitch.tv/app/«live_{d9}_{a30}»",
         "rtmps://live-api-s.facebook.com:443/rtmp/«FB-{d16}-0-{a28}»")),
    "fcm-server-key": ("credential", ("FCM_SERVER_KEY=", "Authorization: key=", "server_key: "),
        ("«AAAA{u7}:APA91b{u134}»",)),
    "dart-vm-service": ("credential", ("flutter: The Dart VM service is listening on ",
        "Connecting to VM Service at "),
        ("http://127.0.0.1:{i1024-65535}/«{u5}{d1}{u5}=»/",
         "ws://127.0.0.1:{i1024-65535}/«{u5}{d1}{u5}=»/ws")),
    "discord-webhook": ("credential", ("posting to ", "DISCORD_WEBHOOK_URL="),
        ("https://discord.com/api/webhooks/{d18}/«{u68}»",)),
    "teams-webhook": ("credential", ("posting to ", "TEAMS_WEBHOOK_URL=", "webhook: "),
        ("https://acme.webhook.office.com/webhookb2/«{uuid}@{uuid}/IncomingWebhook/{h32}/{uuid}»",
         "https://outlook.office.com/webhook/«{uuid}@{uuid}/IncomingWebhook/{h32}/{uuid}»")),
    "webhook-url": ("credential", ("posting to ", "WEBHOOK_URL=", "trigger: "),
        ("https://hooks.zapier.com/hooks/catch/«{d7}/{h7}»/",
         "https://hook.eu1.make.com/«{h32}»",
         "https://maker.ifttt.com/trigger/door_open/with/key/«{u22}»",
         "https://events.pagerduty.com/integration/«{h32}»/enqueue")),
    "telegram-bot-token": ("credential", ("GET ", "notify via "),
        ("https://api.telegram.org/bot«{d10}:AA{u33}»/sendMessage?chat_id={d9}",
         "«{d10}:AA{u33}»")),
    "azure-client-secret": ("credential", ("copied ", "app registration acme-api: {} (new)",
        '"credential": "{}"'), ("«{a3}{d1}Q~{u34}»", "«{a3}{d1}Q~{a31}»")),
    "openvpn-static-key": ("credential", ("{}", "client.ovpn:\n<tls-crypt>\n{}\n</tls-crypt>"),
        ("-----BEGIN OpenVPN Static key V1-----\n" + "\n".join(["«{h32}»"] * 16)
         + "\n-----END OpenVPN Static key V1-----",)),
    "sentry-dsn-key": ("credential", ("{}", "sending event to {} failed", "raven: {}"),
        ("https://«{h32}»@o{d6}.ingest.sentry.io/{d7}", "https://«{h32}:{h32}»@sentry.acme.com/{d2}")),
    "jwt": ("credential", ("id_token=", "session jwt ", '"access_token": "{}"', "jwt: "),
        ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.«{jwtpayload}».«{u43}»",
         "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.«{jwtpayload}».«{u342}»")),
    "authorization-bearer": ("credential", ("Authorization: Bearer ",
        "authorization: Bearer ", "AUTHORIZATION: bearer "), ("«{u40}»", "«{a32}.{u22}»")),
    "authorization-basic": ("credential", ("Authorization: Basic ",
        "req.Header=map[Accept:[*/*] Authorization:[Basic {}] User-Agent:[Go-http-client/1.1]]"),
        ("«{basic}»",)),
    "authorization-token": ("credential", ("Authorization: token ",), ("«{h40}»",)),
    "smtp-auth": ("credential", ("send: 'AUTH PLAIN {}\\r\\n'", "~> AUTH PLAIN {}",
        "<~ 334 UGFzc3dvcmQ6\n~> {}", "reply: b'334 UGFzc3dvcmQ6\\r\\n'\nsend: '{}\\r\\n'"),
        ("«{smtpplain}»",)),
    "cookie": ("credential", ("Cookie: ",),
        ("sessionid=«{a32}»; csrftoken=«{a64}»", "_ga=GA1.2.{d9}.{d10}; session=«{u48}»")),
    "set-cookie": ("credential", ("Set-Cookie: {}; Path=/; HttpOnly; Secure; SameSite=Lax",
        '{\n  "name": "Set-Cookie",\n  "value": "lang=en; Path=/\\n{}; Path=/; HttpOnly"\n}'),
        ("session=«{u32}»", "SID=«{a40}»", "connect.sid=s%3A«{u32}.{u43}»")),
    "url-password": ("credential", ("DATABASE_URL=", "connecting to ", "remote: "),
        ("postgres://{n}:«{urlpw}»@db.internal:5432/app",
         "redis://default:«{a24}»@cache.internal:6379/0",
         "https://{n}:«{a20}»@git.acme-corp.io/team/repo.git",
         "amqp://app:«{urlpw}»@rabbit.internal:5672/%2f",
         # unescaped, as people paste them: '#', '?' and '@' inside
         "mysql://{n}:«{p}»@db.internal:3306/shop", "mongodb://{n}:«{p}@{d4}»@mongo.internal/app")),
    "cli-user-password": ("credential", ("running ", "$ ", "retry with: "),
        ("curl -u {n}:«{urlpw}» https://api.acme-corp.io/v1/status",
         "curl --user '{n}:«{urlpw}»' -X POST https://hooks.acme-corp.io/deploy")),
    "cli-password": ("credential", ("running ", "$ "),
        ("mysql -u {n} -p«{urlpw}» -h db.internal app",
         "docker login -u {n} -p «{a32}» registry.acme-corp.io",
         "sshpass -p '«{urlpw}»' ssh {n}@build.internal",
         "redis-cli -h cache.internal -a «{a24}» ping",
         "zip -r -P '«{p}»' backup.zip data/", "ldapsearch -x -D cn=admin -w «{urlpw}» -b dc=acme",
         'wpa_passphrase "{n}" "«{p}»"', "smbclient //files.internal/share -U {n}%«{urlpw}»",
         'az ad sp create-for-rbac --name app --password "«{p} {p}»"',
         "mongodump -u {n} -p «{urlpw}» --db app",
         'az keyvault secret set --vault-name kv --name db --value "«{p}»"',
         "schtasks /Create /TN backup /RU ACME\\{n} /RP «{urlpw}»",
         "psexec \\\\web01 -u ACME\\{n} -p «{urlpw}» cmd.exe", "127.0.0.1:6379> AUTH «{a24}»",
         "net use Z: \\\\files01\\scans «{urlpw}» /user:ACME\\{n}",
         '"AUTH" "{n}" "«{a24}»"', "username {n} privilege 15 password 0 «{urlpw}»",
         "snmpwalk -v2c -c «{a20}» 192.0.2.10", "snmp-server community «{a20}» RO",
         "crypto isakmp key «{urlpw}» address 192.0.2.1", " pre-shared-key «{a20}»",
         "tacacs-server host 192.0.2.6 key 7 «{h20}»",
         "snmp-server host 192.0.2.7 version 2c «{a20}»",
         "@gw : PSK \"«{p}»\"",
         "b'A1 LOGIN {n} \"«{p}»\"\\r\\n'",
         "stats auth {n}:«{urlpw}»", "::add-mask::«{a32}»",
         "echo '«{p}»' | docker login -u {n} --password-stdin ghcr.io",
         "[smtp.acme-corp.io]:587 {n}@acme-corp.io:«{a20}»",
         "PDO->__construct('mysql:host=db', '{n}', '«{p}»', Array)",
         "ldap_bind(Object(LDAP\\Connection), 'cn={n},dc=acme', '«{p}»')",
         "Mailer->login('{n}@acme-corp.io', '«{p}»')",
         "BUNDLE_GEMS__ACME___CORP__IO={n}:«{urlpw}»",
         "bundle config set --global gems.acme-corp.io {n}:«{urlpw}»")),
    "sql-password": ("credential", ("LOG:  statement: {}", "mysql> {}", "SQL> {}"),
        ("ALTER ROLE {n} WITH PASSWORD '«{p}»';", "CREATE USER '{n}'@'%' IDENTIFIED BY '«{p}»';",
         "ALTER USER {n} IDENTIFIED BY «{a20}»;",
         "ALTER USER '{n}'@'%' IDENTIFIED WITH caching_sha2_password BY '«{p}»';",
         "SET PASSWORD FOR '{n}'@'localhost' = PASSWORD('«{p}»');")),
    "oracle-logon": ("credential", ("$ ", "running ", "url="),
        ("sqlplus -s {n}/«{a20}»@orcl", "expdp system/«{a20}»@pdb1 directory=dp_dir",
         "jdbc:oracle:thin:{n}/«{a20}»@//ora01.internal:1521/ORCL")),
    "password-hash": ("credential",
        ("{}", "root:{}:19000:0:99999:7:::", "binding [VARCHAR] - [{}]"),
        ("«$2b$12${a53}»", "«$6${a16}${a86}»", "«$y$j9T${a22}${a43}»", "«$apr1${a8}${a22}»")),
    "netrc-password": ("credential", ("", "~/.netrc: "),
        ("machine api.acme-corp.io login {n} password «{p}»",
         "machine git.acme-corp.io\n  login {n}\n  password «{a40}»",
         "db.internal:5432:app:{n}:«{p}»\n*:*:*:postgres:«{a20}»\n")),
    "secret-query-parameter": ("credential", ("GET ", "redirect to "),
        ("https://api.acme-corp.io/v2/items?page={i1-9}&access_token=«{u32}»&sort=desc",
         "/callback?code=ok&client_secret=«{u40}»", "/export.csv?api_key=«{a32}»",
         "/login?next=%2Freset-password%3Ftoken%3D«{a32}»%26lang%3Den",
         "/t?data=%7B%22password%22%3A%22«{a20}»%22%2C%22user%22%3A%22{n}%22%7D",
         "/hook?body=password%3D«{a20}»%26user%3D{n}", "/search?q=api_key%3D«{a8}{d4}»",
         "/oauth/token?grant_type=authorization_code&code_verifier=«{u43}»&client_id=app")),
    "secret-key-value": ("credential", ("connecting as user={n} {} retries={i1-5}",
        "{} user={n} level=info msg=connected"),
        tuple(f"{key}=«{{p}}»" for key in _SECRET_KEYS)),
    "password-in-prose": ("credential", ("{}", "description: {}", "steps: 1. {}"),
        ("I log in as {n} with password «{a8}{d4}» and it fails",
         "my password is «{a8}{d4}», still", "user {n} pw «{a6}{d3}» does not work",
         "my PIN is «{d4}» and the card is blocked", "the OTP was «{d6}» but it expired")),
    "secret-key-colon": ("credential", ("", "config: "),
        ("Password: «{p}»", "password: «{p}»", "API key: «{p}»", "X-Auth-Token: «{a40}»",
         "map[Accept:[*/*] X-Api-Key:[«{a32}»] User-Agent:[Go-http-client/1.1]]",
         '  * session id: "«{h32}»"',
         "seed phrase: «" + " ".join(["{l5}"] * 12) + "»")),
    "secret-json": ("credential", ('{"user": "{n}", {}, "remember": true}',),
        (*(f'"{key}": "«{{p}}»"' for key in _SECRET_KEYS),
         '"spring.datasource.password": {"value": "«{p}»", "origin": "application.yml:5:17"}')),
    "secret-json-escaped": ("credential", ('{"level": "debug", "msg": "body {}"}',
        "request body: {}"), tuple(f'{{\\"user\\": \\"{{n}}\\", \\"{key}\\": \\"«{{p}}»\\"}}'
        for key in _SECRET_KEYS)),
    "secret-yaml": ("credential", ("database:\n  host: db.internal\n  user: app\n{}\n  pool: 10",),
        ("  password: «{p}»", "  secret: «{p}»", "  api_key: «{p}»", "  client_secret: «{p}»")),
    "secret-ini": ("credential", ("[database]\nhost = db.internal\nuser = app\n{}\ntimeout = 30",),
        ("password = «{p}»", "secret_key = «{p}»", "api_key = «{p}»")),
    "secret-env": ("credential", ("", "export "),
        tuple(f"{name}=«{{p}}»" for name in ("DB_PASSWORD", "PGPASSWORD", "APP_SECRET",
            "JWT_SECRET", "API_TOKEN", "SMTP_PASSWORD", "SECRET_KEY", "PAYMENT_API_KEY"))),
    "secret-python-repr": ("credential",
        ("request.form: ImmutableMultiDict({})", "POST=<QueryDict: {}>"),
        ("[('username', '{n}'), ('password', '«{p}»')]", "{'email': ['x'], 'password': ['«{p}»']}",
         "[('Authorization', '«Bearer {a40}»'), ('Accept', '*/*')]",
         "headers={'X-Amz-Security-Token': b'«{a40}»', 'Host': 'sts.amazonaws.com'}",
         "sys.argv: ['app.py', '--db-password', '«{p}»', '--verbose']",
         "    return session.get(url, auth=('{n}', '«{p}»'), timeout=3)")),
    "secret-directive": ("credential", ("# redis.conf\nbind 127.0.0.1\n{}\nport 6379",
        "signingConfigs {\n  release {\n{}\n  }\n}"),
        ("requirepass «{p}»", "masterauth «{p}»", "rootpw «{p}»", '    storePassword "«{p}»"',
         "    keyPassword '«{p}»'")),
    "secret-windows-config": ("credential",
        ("C:\\> reg query HKLM\\SOFTWARE\\Microsoft\\Windows NT\\Winlogon\n{}\n"
         "    AutoAdminLogon    REG_SZ    1",),
        ("    DefaultPassword    REG_SZ    «{p}»",
         "<Password><Value>«{p}»</Value><PlainText>true</PlainText></Password>",
         '[Environment]::SetEnvironmentVariable("API_KEY", "«{a24}»", "User")')),
    "secret-erlang-config": ("credential", ("[{rabbit, [{default_user, <<\"{n}\">>}, {}]}].",
        "{}."), ('{default_pass, <<"«{p}»">>}', '{sql_password, "«{p}»"}')),
    "connection-string": ("credential", ("", "connection: "),
        ("Server=tcp:db.internal,1433;User ID={n};Password=«{p}»;Encrypt=True",
         "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=«Q{a42}==»;EndpointSuffix=x",
         "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root;"
         "SharedAccessKey=«Q{a42}=»")),
    "secret-named-value": ("credential", ("", "pod spec: "),
        ('env:\n  - name: DB_PASSWORD\n    value: "«{p}»"\n  - name: LOG_LEVEL\n    value: info',
         '[{"name": "API_TOKEN", "value": "«{a32}»"}, {"name": "REGION", "value": "eu"}]',
         '<add key="SmtpPassword" value="«{p}»" /><add key="Theme" value="dark" />',
         '<EventData><Data Name="TargetUserName">{n}</Data><Data Name="Password">«{p}»</Data>',
         '<setting name="SmtpPassword" serializeAs="String">\n  <value>«{p}»</value>\n</setting>',
         '"cookies": [{"name": "_ga", "value": "«GA1.2.{d9}.{d10}»"}, '
         '{"name": "sid", "value": "«{a32}»", "httpOnly": true}], "headersSize": -1')),
    "high-entropy-secret": ("credential", ("X-Api-Key: ", "--api-key ", "--token=",
        "signing secret "), ("«{a32}»", "«{a48}»", "«{a64}»")),
    # personal data
    "email": ("personal", ("sent receipt to ", "user ", "From: Anna <{}>", "login failed for ",
        "連絡先は{}です", "邮箱：{}，谢谢"), ("«{n}@{mail}»",)),
    "email-url-encoded": ("personal", ("GET /api/v1/users/lookup?email={}&fields=id",),
        ("«{n}%40{mail}»",)),
    "phone-vn": ("personal", _PHONE, ("«+84 {vn}{d1} {d3} {d3}»", "«+84{vn}{d7}»",
        "«0{vn}{d1} {d3} {d3}»", "«0{vn} {d3} {d4}»", "«0{vn}{d1}.{d3}.{d3}»")),
    "phone-ru": ("personal", _PHONE, ("«+7 {ru} {d3}-{d2}-{d2}»", "«8 ({ru}) {d3}-{d2}-{d2}»",
        "«+7{ru}{d7}»", "«8-{ru}-{d3}-{d2}-{d2}»", "«+7 (495) {d3} {d2} {d2}»",
        "перезвоните на «8{ru}{d7}», пожалуйста")),
    "phone-tz": ("personal", _PHONE, ("«+255 {tz}{d1} {d3} {d3}»", "«0{tz}{d1} {d3} {d3}»",
        "«+255{tz}{d7}»", "«0{tz}{d7}»")),
    "phone-us": ("personal", _PHONE, ("«({us}) {i200-999}-{d4}»", "«{us}-{i200-999}-{d4}»",
        "«+1 {us} {i200-999} {d4}»", "«+1-{us}-{i200-999}-{d4}»", "«{us}.{i200-999}.{d4}»")),
    "phone-uk": ("personal", _PHONE, ("«0{uk} {d6}»", "«+44 {uk} {d6}»", "«+44 (0){uk} {d6}»",
        "«020 7{d3} {d4}»", "«+44 20 3{d3} {d4}»", "«0161 {i200-999} {d4}»")),
    "phone-de": ("personal", _PHONE, ("«0{de} {d8}»", "«+49 {de} {d8}»", "«0{de}/{d8}»",
        "«030 {i2-9}{d7}»", "«+49 30 {i2-9}{d7}»", "«+49 (0)89 {i2-9}{d6}»")),
    "phone-cn": ("personal", ("手机：", "联系电话: ", "tel: ", "电话 "),
        ("«{cn}{d8}»", "«+86 {cn} {d4} {d4}»", "«+86{cn}{d8}»")),
    "phone-fr": ("personal", _PHONE, ("«0{fr}»", "«+33 {fr}»", "«0{frdots}»", "«+33 (0){fr}»")),
    "phone-in": ("personal", _PHONE, ("«0{in} {d5}»", "«+91 {in} {d5}»", "«+91{in}{d5}»")),
    "phone-eastern-digits": ("personal", ("رقم الجوال: ", "شماره موبایل ", "customer ", "call "),
        ("«{samobile}»", "«{irmobile}»")),
    "ipv4-public": ("personal", ('{} - - [03/May/2024:10:22:41 +0000] "GET /healthz HTTP/1.1" 200',
        "client_ip=", "X-Forwarded-For: "), ("«{ipfour}»",)),
    "ipv4-in-host-name": ("personal", ("postfix/smtpd[2000]: connect from {}",
        "sshd[1234]: reverse mapping checking getaddrinfo for {} failed"),
        ("c-«{ipfourdashed}».hsd1.ca.comcast.net", "«{ipfourdashed}».static.example-isp.net",
         "«{ipfourdashed}»-BusName-sfba.ca.comcastbusiness.net",
         "«{ipfourpadded}».ctinets.com", "n«{ipfourpadded}».netvigator.com",
         "dslb-«{ipfourpaddeddashed}».{d3}.pools.vodafone-ip.de",
         "p«{ipfourhex}».dip0.t-ipconnect.de", "ool-«{ipfourhexlower}».dyn.optonline.net",
         "c«{ipfourhexlower}».cable.wanadoo.nl")),
    "ipv6-public": ("personal", ("connection from [{}]:{i1024-65535}", "remote_addr=", "peer "),
        ("«{ipsix}»",)),
    "mac-address": ("personal", ("wlan0 ether ", "device MAC ", "hwaddr=", "bluetoothd: {}"),
        ("«{mac}»", "/org/bluez/hci0/dev_«{bluezmac}»", '"macAddress": "«{h12}»"')),
    "card-visa": ("personal", _CARD, ("«{visa}»",)),
    "card-mastercard": ("personal", _CARD, ("«{mastercard}»",)),
    "card-amex": ("personal", _CARD, ("«{amex}»",)),
    "iban": ("personal", ("IBAN: ", "refund to iban=", "Kontonummer (IBAN) ", "account "),
        ("«{iban}»",)),
    "bank-account": ("personal", ("payout to {}", "{}", "refund: {}"),
        ("sort code 20-00-00 account «{i1-9}{d7}»", "routing number 021000021, account number "
         "«{i1-9}{d9}»", "BSB 062-000 acc no. «{i1-9}{d3} {d4}»")),
    "us-ssn": ("personal", ("SSN: ", "ssn=", "social security number ", "applicant SSN "),
        ("«{ssn}»",)),
    "national-id-br": ("personal", ("CPF: ", "cliente ", '"cpf": "{}"'), ("«{cpf}»",)),
    "national-id-ru": ("personal", ("СНИЛС: ", "snils ", "страхователь "), ("«{snils}»",)),
    "national-id-named": ("personal", ("",),
        ("ИНН «7707083893»", "Số CCCD: «0{d11}»", "NI number: «AB {d2} {d2} {d2} C»",
         "Steuer-ID «{steuerid}»", "NIDA: «{i1960-2009}0{i1-9}{i10-28}-{d5}-{d5}-{d2}»",
         "Personalausweis-Nr. «L{c3}{d1}{c4}»", "DNI «12345678Z»", "Aadhaar: «2345 6789 0124»",
         "Codice Fiscale: «RSSMRA85T10A562S»", "身份证号«11010519491231002X»",
         "PESEL «44051401359»", "CURP: «HEGG560427MVZRRL04»", "NHS number: «943 476 5919»",
         "SIN «130 692 544»", "Personnummer «811218-9876»", "CNP «1630615123457»",
         "RUT: «76.086.428-5»", "Medicare MBI: «1EG4-TE5-MK73»",
         "Driver's license: «{l1}{d7}»", '"driver_license_number": "«{l1}{d3}-{d4}-{d4}»"',
         "DL# «{l1}{d7}»", "ITIN: «9{d2}-7{d1}-{d4}»", "applicant «9{d2}-{i70-88}-{d4}» (ITIN)",
         "Sozialversicherungsnummer: «65 170839 J 003»", "NRIC «S1234567D»",
         "HKID: «A123456(3)»", "Emirates ID «784-1987-1234567-1»", "KTP «3171025403850001»",
         "MRN: «{d8}»")),
    "imei": ("personal", ("imei=", "IMEI: ", '"imei": "{}"', "device IMEI "), ("«{imei}»",)),
    "device-id": ("personal", ("Advertising ID: {}", "android_id={}", '"idfa": "{}"',
        '"idfv":"{}"'),
        ("«{uuid}»", "«{h16}»")),
    "sim-and-udid": ("personal", ("{}", "device: {}", '"telephony": "{}"'),
        ("IMSI «{d15}»", "ICCID: «89{d17}»", "Provisioning UDID: «{h8}-{h16}»", "UDID «{h40}»")),
    "machine-id": ("personal", ("{}", "hostnamectl:\n{}", "system: {}"),
        ("      Machine ID: «{h32}»", "_MACHINE_ID=«{h32}»", "MachineGuid    REG_SZ    «{uuid}»",
         '"IOPlatformUUID" = "«{H8}-{H4}-{H4}-{H4}-{H12}»"', "Hardware UUID: «{H8}-{H4}-4{H3}-"
         "{H4}-{H12}»", '"common.machineId": "«{h64}»"', "telemetry deviceId=«{uuid}»",
         '"crashReporterKey" : "«{h40}»",',
         "CrashReporter Key:   «{h40}»\nHardware Model: iPhone14,2\n",
         "Beta Identifier:     «{H8}-{H4}-{H4}-{H4}-{H12}»", '"device_id": "«{h16}»"')),
    "postal-address": ("personal", ("{}", "checkout: {}", "customer record:\n{}"),
        ('"shipping_address": "«{street}, London»"', "billing address: «{street}, Springfield, "
         "IL 62704»", '{"line1": "«{street}»", "line2": "«Flat {i1-40}»", "city": "Leeds"}',
         "Anschrift: «{strasse}, 10115 Berlin»", "address=«{street}, Sydney»&plan=pro",
         "адрес: «г. Москва, ул. Тверская, д. {i1-99}»",
         "お届け先住所：«東京都千代田区{i1-9}-{i1-9}»",
         "chat: hi, please ship it to «{street}», thanks")),
    "windows-sid": ("personal", ("{}", "whoami /user: {}", "registry: {}"),
        ("S-1-5-21-«{i100000000-4294967295}-{i100000000-4294967295}-{i10000000-4294967295}»"
         "-{i1000-1200}", "HKEY_USERS\\S-1-5-21-«{i100000000-4294967295}-{i100000000-4294967295}"
         "-{i100000000-4294967295}»-{i1000-1200}_Classes",
         "S-1-12-1-«{i100000000-4294967295}-{i100000000-4294967295}-{i100000000-4294967295}-"
         "{i100000000-4294967295}»")),
    "geo-coordinates": ("personal", ("Geolocation: ", "location ", "{}"),
        ("lat=«{i10-60}.{d4}», lon=«{i1-170}.{d4}»", "lng=«-{i1-170}.{d5}» lat=«{i1-89}.{d5}»",
         '"latitude": «-{i1-60}.{d6}», "longitude": «{i1-170}.{d6}»',
         "https://www.google.com/maps/@«{i10-60}.{d7}»,«{i1-170}.{d6}»,15z",
         "Location[fused «{i10-60}.{d6}»,«-{i1-170}.{d6}» hAcc=12 et=+2d3h]")),
    "vcard-field": ("personal", ("{}", "CardDAV: PUT /contacts/1.vcf\n{}"),
        ("BEGIN:VCARD\nVERSION:3.0\nN:«{first}»;«{first}»;;;\nFN:«{fullname}»\nEND:VCARD",
         "BEGIN:VCARD\r\nADR;TYPE=HOME:;;«{street}»;London;;;UK\r\nEND:VCARD",
         "BEGIN:VCARD\nitem1.NICKNAME:«{first}»\nBDAY:«19{i50-99}{z1-12}{z1-28}»\nEND:VCARD")),
    "social-profile": ("personal", ("profile: ", '"link": "{}"', "contact {} for details"),
        ("https://www.facebook.com/«{firstlow}.{n}.{i1-999}»", "https://t.me/«{firstlow}_{i100-999}»",
         "https://www.linkedin.com/in/«{firstlow}-{n}-{h6}»/", "https://x.com/«{firstlow}{i100-999}»",
         "https://www.instagram.com/«{firstlow}.{n}»/", "https://www.tiktok.com/@«{n}»",
         "https://m.facebook.com/profile.php?id=«1000{d11}»")),
    "passport-number": ("personal", ("passport number: ", "Passport No. ", "passport_no=",
        "passport ", "Reisepass-Nr. "), ("«{d9}»", "«{i1-9}{d8}»", "«C{c8}»", "«B{d7}»")),
    "user-variable": ("personal", ("env: HOME=/srv/app {} SHELL=/bin/bash", "os.environ: {}"),
        ("USER=«{n}»", "LOGNAME=«{n}»", "'USERNAME': '«{n}»'", '"userName": "«{n}»"',
         "docker info:\n Registry: https://index.docker.io/v1/\n Username: «{n}»\n",
         "java -Duser.name=«{n}» -Dfile.encoding=UTF-8 -jar app.jar",
         "Property settings:\n    user.language = en\n    user.name = «{n}»\n",
         "level=info user=«{n}» msg=login", "Logged on user: ACME\\«{n}»",
         'payload={"createdBy": "«{n}»", "id": {i1-99}}',
         "request.user = <SimpleLazyObject: <User: «{n}»>>")),
    "login-user": ("personal", ("{}", "Dec  6 10:00:01 web01 {}"),
        ("$ su - «{n}»", "$ sudo usermod -aG docker «{n}»; newgrp docker", "$ crontab -u «{n}» -l",
         "sshd[1234]: Accepted publickey for «{n}» from 10.0.0.9 port 52144 ssh2",
         "sshd[1235]: Failed password for invalid user «{n}» from 10.0.0.9 port 52145 ssh2",
         "systemd-logind[500]: New session 42 of user «{n}».\nmore",
         'FATAL:  password authentication failed for user "«{n}»"',
         "Access denied for user '«{n}»'@'10.0.0.5' (using password: YES)",
         "sssd[be]: bound as uid=«{n}»,ou=people,dc=acme,dc=com",
         "uid=1000(«{n}») gid=100(users) groups=100(users),27(sudo)",
         "sudo:     «{n}» : TTY=pts/0 ; PWD=/srv/app ; USER=root ; COMMAND=/usr/bin/apt update",
         "pam_unix(gdm-password:auth): authentication failure; logname= uid=0 euid=0 "
         "tty=/dev/tty1 ruser= rhost=  user=«{n}»",
         "dovecot: imap-login: Disconnected (auth failed, 2 attempts): user=<«{n}»>, "
         "method=PLAIN, rip=10.0.0.9, lip=10.0.0.5, TLS",
         "dovecot: imap(«{n}»)<4242><x3AbCdEf>: Logged out in=120 out=4512",
         "session:\n«{n}»@dev-laptop:~/src/app$ make test",
         "INFO auth: User «{n}» logged in from 10.0.0.9",
         "$ ps aux\nUSER         PID %CPU %MEM COMMAND\n"
         "«{n}»        4123  0.1  1.2 python app.py\n",
         "$ ssh «{n}»@build01.internal 'systemctl restart app'",
         "rsync -az ./dist/ «{n}»@10.0.4.7:/srv/app/",
         "debug1: Authenticating to web01:22 as '«{n}»'",
         "$ mysql -u «{n}» -h db.internal app", "runas /user:ACME\\«{n}» cmd.exe",
         "schtasks /Create /TN backup /RU «{n}» /SC DAILY")),
    "birth-date": ("personal", ("signup: ", "kyc check {} ok", "{}"),
        ("DOB: «{i1930-2009}-0{i1-9}-{i10-28}»",
         '"dateOfBirth": "«{i10-28}/0{i1-9}/{i1930-2009}»"',
         "Geburtsdatum «{i10-28}.0{i1-9}.{i1930-2009}»",
         "patient born on «0{i1-9}/{i13-28}/{i1930-2009}», admitted",
         "{'plan': 'pro', 'dob': datetime.date(«{i1930-2009}, {i1-12}, {i1-28}»)}")),
    "steam-id": ("personal", ('Client "Player<2>" connected ', "steamid=", "kill by "),
        ("(«STEAM_0:{i0-1}:{i1000-99999999}»)", "«[U:1:{i1000-999999999}]»",
         "«7656119{i7960266000-9999999999}»")),
    "device-owner": ("personal", ("Bluetooth: connected to {}", 'AirDrop: found "{}"',
        "mDNS: {} has address 192.168.1.20"),
        ("«{first}»'s iPhone", "«{first}»’s MacBook Pro", "«{first}»s-MacBook-Pro.local",
         "iPhone de «{first}»", "«{first}»'s Kindle", "«{firstlow}»s-mac-mini.local",
         "«{firstup}»-PC", "«{first}»-Laptop.corp.example.com")),
    "wifi-network": ("personal", ("wlan0: {}", "{}", "network: {}"),
        ("Trying to associate with SSID '«{first} Home»'", '"ssid": "«{first}Net 5G»"',
         "SSID: «{first}_{d4}»\n")),
    "gamer-tag": ("personal", ("{} joined the party", "profile {}"),
        ("Xbox gamertag: «{first}{d2}»", "BattleTag: «{first}#{d4}»", 'Riot ID "«{first}#EUW»"')),
    "committer-name": ("personal", ("{}", "$ git config --list\n{}"),
        ("user.name=«{fullname}»\nuser.email=dev@example.org",
         "[user]\n\temail = dev@example.org\n\tname = «{fullname}»\n[core]",
         "commit {h40}\nAuthor: «{fullname}» <dev@example.org>\nDate:   Sun Dec 6 10:00:00 2026",
         "fix the parser\n\nSigned-off-by: «{fullname}» <dev@example.org>",
         "export GIT_COMMITTER_NAME=\"«{fullname}»\"")),
    "person-name": ("personal", ("signup: {}", "{}", "customer record:\n{}"),
        ('"displayName": "«{fullname}»"', "Full name: «{fullname}»\nPlan: pro",
         "first_name=«{first}» plan=pro", "cardholder_name: «{fullname}»; exp 12/29",
         "ФИО: «{fullname}»\nстатус: новый", "Nachname: «{first}», Stadt: Köln",
         "invite sent to «{fullname}» <dev@example.org>",
         "level=info first_name=«{firstlow}» plan=pro", '"customer_name": "«{fullname}»"',
         '"shipping": {"recipientName": "«{fullname}»", "method": "express"}',
         "chat: hello, my name is «{fullname}» and the export fails",
         "Contact form\nName: «{fullname}»\nEmail: dev@example.org\nMessage: export fails",
         "ticket reply:\nthe export still fails.\nBest regards,\n«{fullname}»\n",
         "User(id=42, name='«{fullname}»', plan='pro')",
         '#<Customer id: 7, name: "«{fullname}»", plan: "pro">',
         "order.customer = <Customer: «{fullname}»>",
         "Kunde: «{fullname}», Tel. folgt", "Mteja: «{fullname}»\nhali: mpya",
         "INSERT INTO customers (email, first_name, plan) VALUES ('dev@example.org', "
         "'«{first}»', 'pro');",
         "UPDATE customers SET name = '«{fullname}»', plan = 'pro' WHERE id = 42;",
         "INSERT INTO users (first_name, last_name) VALUES (?, ?)\n"
         "[generated in 0.00012s] ('«{first}»', '«{first}»')\n",
         "SELECT users.id \nFROM users \nWHERE users.last_name = ?\n LIMIT ? OFFSET ?\n"
         "[generated in 0.00015s] ('«{first}»', 1, 0)\n")),
    "windows-logon-user": ("personal", ("{}", "Security 4625: {}"),
        ('<Data Name="SubjectUserName">WS01$</Data><Data Name="TargetUserName">«{n}»</Data>',
         "An account failed to log on.\nSubject:\n\tAccount Name:\t\t-\n"
         "Account For Which Logon Failed:\n\tAccount Name:\t\t«{n}»\n\tAccount Domain:\tACME",
         "EventID=4624 Account Name: «{n}» Account Domain: ACME Logon ID: 0x3E7",
         "Security 4776: Logon Account: «{n}»\n\tSource Workstation: WS01")),
    "key-comment-user": ("personal", ("{}", "authorized_keys:\n{}", "cloud-init: {}"),
        ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{a43} «{n}»@laptop",
         "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ{a64}== «{n}»@{n}-pc")),
    "access-log-user": ("personal", ("{}", "nginx-1  | {}"),
        ('{ipfour} - «{n}» [06/Dec/2026:10:01:29 +0000] "GET /admin HTTP/1.1" 401 0',
         '{ipfour} - «{n}» [06/Dec/2026:10:01:29 -0700] "POST /api/v1/orders HTTP/2.0" 201 88')),
    "home-path-linux": ("personal", ('File "{}", line 42', "cwd=", "reading "),
        ("/home/«{n}»/.config/app/settings.toml", "/home/«{n}»/projects/shop/app.py",
         "/var/mail/«{n}»", "\\\\wsl$\\Ubuntu\\home\\«{n}»\\projects\\shop")),
    "home-path-macos": ("personal", ("opened ", "log file ", 'File "{}", line 7'),
        ("/Users/«{n}»/Library/Logs/App/app.log", "/Users/«{n}»/Documents/report.pdf",
         "/Volumes/Macintosh HD/Users/«{n}»/Library/Logs/App/app.log",
         '{"procPath":"\\/Users\\/«{n}»\\/Applications\\/Acme.app\\/Contents","userID":501}')),
    "home-path-windows": ("personal", ("path=", "saved to ", 'File "{}", line 12'),
        ("C:\\Users\\«{n}»\\AppData\\Local\\App\\app.log", "C:\\users\\«{n}»\\Desktop\\a.csv",
         "\\\\fileserver\\Users\\«{n}»\\Documents\\report.docx",
         "C:\\Users\\«{n}»\\AppData\\Local\\Temp\\job.jar, staged in "
         "/tmp/hadoop-yarn/staging/«{same}»/.staging")),
    # decoys: every one of them must survive
    "uuid": ("decoy", ("user_id=", "order ", "tenant: ", '"id": "{}"'), ("«{uuid}»",)),
    "request-id": ("decoy", ("X-Request-Id: ", "request_id=", "trace_id="),
        ("«req_{h24}»", "«01{c24}»", "«{h32}»")),
    "other-address": ("decoy", ("{}", "net: {}"),
        ("bind address: «0.0.0.0:{i1024-65535}»", "fault address: «0x{h16}»",
         "Address: «{i2-9} errors» found", "ip_address: «10.{i0-255}.{i0-255}.{i1-254}»")),
    "well-known-sid": ("decoy", ("owner ", "whoami /groups: ", "ACL: "),
        ("«S-1-5-18»", "«S-1-5-32-544»", "«S-1-5-80-{i100000000-4294967295}-{i100000000-4294967295}"
         "-{i100000000-4294967295}-{i100000000-4294967295}-{i100000000-4294967295}»")),
    "git-sha-short": ("decoy", ("commit ", "built from ", "rev="), ("«{h7}»",)),
    "git-sha-full": ("decoy", ("commit ", "HEAD is now at ", "git_sha="), ("«{h40}»",)),
    "sha256": ("decoy", ("sha256:", "digest ", "checksum="), ("«{h64}»",)),
    "etag": ("decoy", ('ETag: "{}"', "If-None-Match: "), ("«{h32}»", '«W/"{h16}"»')),
    "version": ("decoy", ("version ", "requests==", "User-Agent: Mozilla/5.0 "),
        ("«{i0-30}.{i0-40}.{i0-200}»", "«v{i0-9}.{i0-20}.{i0-9}-rc.{i1-5}»",
         "«Chrome/{i100-130}.0.{i1000-9999}.{i10-200}»", "«10.0.{i10000-29999}.{i1000-9999}»")),
    "browser-version": ("decoy", ("User-Agent: {}", '"userAgent": "{}"', "browser: {}"),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
         "«Chrome/{i100-139}.0.0.0» Safari/537.36 «Edg/{i100-139}.0.0.0»",
         "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
         "«HeadlessChrome/{i100-139}.0.0.0» Safari/537.36", "«Firefox {i100-139}.0.{i1-9}.{i0-9}»",
         "Google «Chrome {i100-139}.0.0.0»", "«MyApp/{i1-9}.{i0-9}.{i0-9}.{i1-99}» (Windows)",
         "«Java {i11-21}.0.{i1-30}.{i1-9}» (build {i11-21}.0.{i1-30}+{i1-9})",
         "«Windows 10.0.{i17000-26999}.{i100-5999}»")),
    "dotted-version": ("decoy", ("firmware ", "version ", "Version: ", "ver. "),
        ("«0{i1-9}.{z1-12}.{z0-28}.{z0-23}.{z0-59}»", "«{z1-12}.{z0-28}.{z0-23}.{z0-59}»")),
    "package-version": ("decoy", ("{}", "Setting up {}", "installed "),
        ("google-auth==«{i1-3}.{i0-40}.{i0-9}»", "django-rest-auth==«{i0-2}.{i0-9}.{i0-9}»",
         "libpam-auth-update:«amd64» «{i1-2}.{i0-9}.{i0-20}-{i1-9}»",
         '"next-auth": "«^{i1-5}.{i0-30}.{i0-9}»"',
         "ruby-actionview «2:{i5-7}.{i0-1}.{i1-7}.{i1-20}+dfsg-1~deb12u{i1-9}»",
         "imagemagick «8:{i6-7}.{i0-9}.{i10-12}.{i10-99}+dfsg-1.{i1-9}»",
         "artifact «{i1-9}.{i0-9}.{i0-9}.{i0-9}-main-2022{z1-12}{z1-28}-{i1-9}»",
         "Package_for_KB{i3000000-3199999}~31bf3856ad364e35~amd64~~«{i6-10}.{i1-3}.{i1-9}.{i0-9}»")),
    "timestamp": ("decoy", ("at ", "ts=", "since "),
        ("«{i2019-2027}-{z1-12}-{z1-28}T{z0-23}:{z0-59}:{z0-59}.{z0-999}Z»",
         "«{i2019-2027}-{z1-12}-{z1-28} {z0-23}:{z0-59}:{z0-59},{z0-999}»",
         "«{i2019-2027}-{z1-12}-{z1-28}T{z0-23}:{z0-59}:{z0-59}+07:00»",
         "«{z1-28}.{z1-12}.{i2019-2027} {z0-23}:{z0-59}»",
         "«0{i0-9}{z1-12}{z1-28} {z0-23}{z0-59}{z0-59} {i1-999}» INFO dfs.DataNode: Receiving",
         "fileName is [«{i2019-2027}-{z1-12}-{z1-28}_{z0-23},{z0-59},0{i1-9}.{d6}»]-Logs")),
    "epoch-millis": ("decoy", ("ts_ms=", "at "), ("«{i1600000000000-1800000000000}»",)),
    "duration": ("decoy", ("took ", "elapsed=", "timeout after "),
        ("«{i1-999}.{i0-9}ms»", "«{i1-9}h{i1-59}m{i1-59}s»", "«{i0-59}.{z0-99}s»", "«PT{i1-59}M»")),
    "url-path": ("decoy", ("GET ", "POST ", "redirect to "),
        ("«/api/v2/orders/{i1-99999}/items?page={i1-9}&sort=desc»", "«/static/js/main.{h8}.js»",
         "«/users/{i1-9999}/settings»", "«/v1/search?q=blue+shoes&limit={i10-50}»")),
    "order-number": ("decoy", ("order ", "invoice ", "ref "),
        ("«ORD-{d7}»", "«INV-{i2019-2027}-{d5}»", "«#0{d9}»", "«0{d9}»")),
    "message-id": ("decoy", ("Message-ID: {}", "message_id={}", "References: <{h12}@x.io>\n {}"),
        ("«<{a16}.{d6}@mail.acme-corp.io>»", "«<{h32}@smtp.example-shop.de>»")),
    "numeric-id": ("decoy", ("id=", "requestId: ", "user_id=", "serial: ", "SKU "),
        ("«0{d12}»", "«0{d9}»", "«0{d2}-{d3}-{d4}-XL»")),
    "error-code": ("decoy", ("error ", "failed with ", "code="),
        ("«E{d4}»", "«ERR_CONN_RESET»", "«HTTP {i400-504}»", "«ECONNREFUSED»", "«0x8007{H4}»",
         "«ORA-12541»", "«SQLSTATE 40001»")),
    "module-path": ("decoy", ('File "{}", line {i1-900}, in handle',),
        ("«/usr/lib/python3.11/site-packages/requests/adapters.py»", "«/opt/app/shop/views.py»",
         "«/var/log/app/worker.log»", "«C:\\Program Files\\Python311\\Lib\\json\\decoder.py»",
         "«/home/runner/work/shop/shop/tests/test_api.py»",
         "«C:\\Users\\runneradmin\\AppData\\Local\\Temp\\pytest-of-runneradmin\\conftest.py»")),
    "loopback-address": ("decoy", ("listening on ", "connect to ", "bind="),
        ("«127.0.0.1:{i1024-65535}»", "«localhost:{i1024-65535}»", "«[::1]:{i1024-65535}»",
         "«127.0.{i0-255}.{i1-254}»")),
    "private-address": ("decoy", ("upstream ", "peer=", "gateway "),
        ("«10.{i0-255}.{i0-255}.{i1-254}»", "«192.168.{i0-255}.{i1-254}»",
         "«172.{i16-31}.{i0-255}.{i1-254}»", "«fe80::{h4}:{h4}:fe{h2}:{h4}»")),
    "coarse-location": ("decoy", ("", "region "), ("lat=«{i10-60}.{i1-9}» lon=«{i1-170}.{i1-9}»",)),
    "latency-figure": ("decoy", ("", "rpc "), ("lat=«0.{d3}ms» p99=«{i1-9}.{d3}ms»",)),
    "non-luhn-number": ("decoy", ("tracking ", "batch ", "transaction "), ("«{badcard}»",)),
    "bad-cpf": ("decoy", ("ref ", "protocolo ", "pedido "), ("«{badcpf}»",)),
    "bad-iban": ("decoy", ("ref ", "document ", "id "), ("«{badiban}»",)),
    "device-model": ("decoy", ("Bluetooth: connected to {}", "device: ", "model="),
        ("«iPhone {i11-16} Pro»", "«MacBook Pro ({i13-16}-inch, {i2019-2025})»",
         "«Apple's iPhone {i11-16}»", "«the user's iPad»", "«Kindle Paperwhite»",
         "«x86_64-pc-linux-gnu»", "«HOME-PC»", "«DESKTOP-{c7}»")),
    "object-printout": ("decoy", ("{}",),
        ("«V WindowManager: Skipping AppWindowToken{{h7} token=Token{{h7} ActivityRecord{{h7} u0 "
         "com.example.shop/.MainActivity t{i100-999}}}}» -- going to hide",
         "«W ActivityManager: Bad activity token: android.os.BinderProxy@{h7}»")),
    "chromium-log-prefix": ("decoy", ("{}",),
        ("«[{i1000-99999}:{i1000-99999}:0{i1-9}{i10-28}/{i100000-235959}.{d3}:WARNING:"
         "dns_config_service_posix.cc({i10-999})]» Failed to read DnsConfig.",
         "«reason = AuthFail:sts:{i1-9}_rsn:0»")),
    "logcat-tag": ("decoy", ("{}",),
        ("«D/AuthManager: login ok in {i10-999}ms»",
         "«W/SessionManager( {i1000-9999}): cleanup of {i1-99} rows»",
         "«{i1000-9999}  {i1000-9999} D TokenRefresher: next run scheduled»")),
    "akia-in-prose": ("decoy", ("note: ",), ("«keys that start with AKIA are long-term»",
        "«rotate the AKIA key»", "«AKIA-prefixed ids»")),
    "secret-word-in-prose": ("decoy", ("info: ",), ("«password reset email sent»",
        "«event name for stream/token: com.apple.xpc.activity/{i1000-9999}: {i1-999}»",
        "«token refresh scheduled in 300s»", "«secret rotation finished»")),
    "code-line": ("decoy", ("{}", '  File "/srv/app/db.py", line {i10-400}, in connect\n{}'),
        ("    «def connect(self, host, port={i1000-9999}, pwd=None):»",
         "    «conn = open_session(host, session=self._session, token=token)»",
         "    «log.info('login token=%s user=%s', tok, user)»",
         "    «self.password = password»", "        «lasttoken = token»",
         "    «api_key = settings.API_KEY»", "    «password: Optional[str] = None»")),
    "unit-named-like-address": ("decoy", ("{}", '"_SYSTEMD_UNIT":"{}"', "Started {}."),
        ("«getty@tty{i1-6}.service»", "«user@{i1000-1999}.service»",
         "«wpa_supplicant@wlan{i0-3}.service»", "«PSC-2200-Series@192.168.0.{i2-200}.ppd»")),
    "logger-prefix": ("decoy", ("{}", "{}\nnext line"),
        ("«auth: 20{i20-29}/{i10-12}/{i10-28} {i10-23}:{i10-59}:{i10-59} user not found»",
         "«token: refresh failed for client {i1-99}»", "«session: expired after {i2-60}m»",
         "«credentials: loaded from environment»")),
    "social-site-page": ("decoy", ("see {}", '"url": "{}"'),
        ("«https://www.facebook.com/help/{d6}»", "«https://x.com/i/web/status/1{d18}»",
         "«https://t.me/{firstlow}_supportbot»", "«https://www.instagram.com/p/{a11}/»",
         "«https://www.linkedin.com/company/{firstlow}-labs/»")),
    "held-back-value": ("decoy", ("{}", "  # aws_db_instance.main will be updated\n{}"),
        ("      «+ password = (sensitive value)»", "      «~ token    = (known after apply)»",
         "      «DB_PASSWORD:  <set to the key 'password' in secret 'db'>  Optional: false»",
         "«FATAL:  password authentication failed for user» \"postgres\"")),
}  # fmt: skip


def _from_template(kind: str, rng: random.Random) -> Canary:
    category, contexts, values = _TEMPLATES[kind]
    context, value = rng.choice(contexts), rng.choice(values)
    before, _, after = context.partition("{}")
    builder = _Builder()
    for template in (before, value, after):
        _expand(rng, template, builder)
    return builder.build(kind, category)


_OPENSSH_MAGIC = b"openssh-key-v1\0\0\0\0\4none\0\0\0\4none\0\0\0\0\0\0\0\1\0\0"
_PEM_KEYS = {  # kind: (label, line width, (body size in bytes, how the body begins), ...)
    "private-key-rsa": ("RSA PRIVATE KEY", 64, (
        (1192, bytes.fromhex("308204a40201000282010100")),
        (2349, bytes.fromhex("308209290201000282020100")))),
    "private-key-ec": ("EC PRIVATE KEY", 64, ((121, bytes.fromhex("307702010104")),)),
    "private-key-pkcs8": ("PRIVATE KEY", 64, (
        (1218, bytes.fromhex("308204be020100300d06092a864886f70d0101010500048204a8")),)),
    "private-key-openssh": ("OPENSSH PRIVATE KEY", 70, (
        (411, _OPENSSH_MAGIC + b"\x33"), (1831, _OPENSSH_MAGIC + b"\x01\x97"))),
}  # fmt: skip


def _pem_key(kind: str, rng: random.Random) -> Canary:
    """A key block of realistic length; every body line must disappear on its own."""
    label, width, shapes = _PEM_KEYS[kind]
    size, magic = rng.choice(shapes)
    body = base64.b64encode(magic + rng.randbytes(size - len(magic))).decode()
    builder = _Builder()
    builder.add(f"-----BEGIN {label}-----\n")
    for start in range(0, len(body), width):
        builder.toggle_mark()
        builder.add(body[start : start + width])
        builder.toggle_mark()
        builder.add("\n")
    builder.add(f"-----END {label}-----")
    return builder.build(kind, "credential")


def _category(kind: str) -> CanaryCategory:
    return "credential" if kind in _PEM_KEYS else _TEMPLATES[kind][0]


_ALL_KINDS = (*_TEMPLATES, *_PEM_KEYS)
CANARY_KINDS: tuple[str, ...] = tuple(k for k in _ALL_KINDS if _category(k) != "decoy")
"""Every kind of fake credential and personal value, one per form the issue names."""
DECOY_KINDS: tuple[str, ...] = tuple(k for k in _ALL_KINDS if _category(k) == "decoy")
"""Every kind of look-alike value that redaction must keep."""


def make_canary(kind: str, rng: random.Random) -> Canary:
    """One fake value (or decoy) of ``kind``, a name from ``CANARY_KINDS`` or ``DECOY_KINDS``."""
    if kind in _PEM_KEYS:
        return _pem_key(kind, rng)
    if kind not in _TEMPLATES:
        message = f"unknown canary kind {kind!r}: use one of CANARY_KINDS or DECOY_KINDS"
        raise InvalidArgumentError(message)
    return _from_template(kind, rng)


def plant_canaries(rng: random.Random) -> list[Canary]:
    """One fake credential or personal value of every kind, for the redaction self-test."""
    return [make_canary(kind, rng) for kind in CANARY_KINDS]


def plant_decoys(rng: random.Random) -> list[Canary]:
    """One look-alike of every kind that redaction must keep."""
    return [make_canary(kind, rng) for kind in DECOY_KINDS]
