"""The check digits and inner dates that tell a national id from a number of the same length.

Each function takes the id as written (spaces, dashes and dots as people group it) and says
whether it can be a real one: a stray number of the right length passes a check digit one
time in ten or worse, and the names before an id (:mod:`.national_ids`) cut that further.
"""

from __future__ import annotations

import re

from supportkit.redaction.rules._finders import DATE_LIKE, digits_of, luhn_ok

__all__ = [
    "aadhaar_ok",
    "argentine_cuil_ok",
    "belgian_nn_ok",
    "bsn_ok",
    "canadian_sin_ok",
    "chilean_rut_ok",
    "cn_resident_ok",
    "codice_fiscale_ok",
    "cpf_ok",
    "curp_ok",
    "danish_cpr_ok",
    "emirates_id_ok",
    "finnish_hetu_ok",
    "hkid_ok",
    "inn_ok",
    "israeli_id_ok",
    "korean_resident_ok",
    "my_number_ok",
    "nhs_ok",
    "nic_ok",
    "nida_ok",
    "nik_ok",
    "nino_ok",
    "nip_ok",
    "nir_ok",
    "norwegian_fnr_ok",
    "pan_ok",
    "pesel_ok",
    "portuguese_nif_ok",
    "romanian_cnp_ok",
    "singapore_nric_ok",
    "snils_ok",
    "spanish_id_ok",
    "steuer_id_ok",
    "swedish_pnr_ok",
    "tc_kimlik_ok",
    "tfn_ok",
    "vietnamese_id_ok",
]


def _compact(candidate: str) -> str:
    return candidate.replace(" ", "").replace("-", "").replace(".", "").upper()


def _weighted(digits: str, weights: tuple[int, ...] | range) -> int:
    """The sum of the first ``len(weights)`` digits, each times its weight."""
    return sum(int(digit) * weight for digit, weight in zip(digits, weights, strict=False))


def _date_ok(year: int, month: int, day: int) -> bool:
    days = (31, 29 if year % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return 1 <= month <= 12 and 1 <= day <= days[month - 1]


def cpf_ok(candidate: str) -> bool:
    """Brazil's CPF: eleven digits, the last two check digits of those before."""
    digits = digits_of(candidate)
    if len(digits) != 11 or len(set(digits)) == 1:
        return False
    numbers = [int(digit) for digit in digits]
    for length in (9, 10):
        check = sum(n * (length + 1 - i) for i, n in enumerate(numbers[:length])) * 10 % 11 % 10
        if check != numbers[length]:
            return False
    return True


def snils_ok(candidate: str) -> bool:
    """Russia's SNILS: nine digits and a two-digit checksum."""
    digits = digits_of(candidate)
    if len(digits) != 11:
        return False
    return _weighted(digits, range(9, 0, -1)) % 101 % 100 == int(digits[9:])


# A Russian INN's check digits, by its length (10: a company's, 12: a person's): each is the
# weighted sum of the digits before it, modulo 11, modulo 10.
_INN_WEIGHTS = {
    10: ((2, 4, 10, 3, 5, 9, 4, 6, 8),),
    12: ((7, 2, 4, 10, 3, 5, 9, 4, 6, 8), (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)),
}


def inn_ok(candidate: str) -> bool:
    """Russia's tax number (INN)."""
    digits = digits_of(candidate)
    weights = _INN_WEIGHTS.get(len(digits))
    if weights is None:
        return False
    return all(_weighted(digits, row) % 11 % 10 == int(digits[len(row)]) for row in weights)


def steuer_id_ok(candidate: str) -> bool:
    """Germany's tax id: eleven digits, not starting with 0, the last an ISO 7064 MOD 11,10
    check digit of the others."""
    digits = digits_of(candidate)
    if len(digits) != 11 or digits[0] == "0":
        return False
    product = 10
    for digit in digits[:10]:
        total = (int(digit) + product) % 10 or 10
        product = total * 2 % 11
    return (11 - product) % 10 == int(digits[10])


def german_sv_number_ok(candidate: str) -> bool:
    """Germany's social insurance (pension) number: a region's two digits, the date of birth
    (DDMMYY), the initial of the name at birth, a serial and a check digit over all of them,
    the initial counted as its place in the alphabet (A is 01)."""
    compact = _compact(candidate).upper()
    if len(compact) != 12 or not compact[8].isalpha() or not compact[8].isascii():
        return False
    numbers, serial = compact[:8], compact[9:]
    if not (numbers + serial).isdigit() or not _birth_date_ok(numbers[2:8]):
        return False
    digits = numbers + f"{ord(compact[8]) - 64:02d}" + serial[:2]
    weights = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)
    total = sum(
        sum(divmod(int(digit) * weight, 10)) for digit, weight in zip(digits, weights, strict=True)
    )
    return total % 10 == int(serial[2])


def itin_ok(candidate: str) -> bool:
    """The US Individual Taxpayer Identification Number, for those who have no SSN: an SSN's
    shape, starting with 9, its middle two digits in the ranges the IRS issues."""
    digits = digits_of(candidate)
    if len(digits) != 9 or digits[0] != "9":
        return False
    group = int(digits[3:5])
    return 50 <= group <= 65 or 70 <= group <= 88 or 90 <= group <= 92 or group >= 94


# Tanzania's NIDA number: the holder's date of birth (YYYYMMDD), then 12 more digits.
_NIDA = re.compile(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{12}")


def nida_ok(candidate: str) -> bool:
    """Tanzania's NIDA number."""
    return _NIDA.fullmatch(digits_of(candidate)) is not None


# Prefixes never given to a National Insurance number.
_NINO_PREFIXES_REFUSED = frozenset({"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"})


def nino_ok(candidate: str) -> bool:
    """The UK's National Insurance number: two letters, six digits, a letter."""
    compact = candidate.replace(" ", "").upper()
    return (
        len(compact) == 9
        and compact[:2].isalpha()
        and compact[2:8].isdigit()
        and compact[:2] not in _NINO_PREFIXES_REFUSED
    )


def vietnamese_id_ok(candidate: str) -> bool:
    """Vietnam's citizen id (CCCD, 12 digits) or its older card (CMND, 9), ungrouped."""
    return len(candidate) in (9, 12) and candidate.isdigit()


# Verhoeff's dihedral-group tables: the multiplication and the position's permutation.
_VERHOEFF_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6), (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8), (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2), (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4), (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)  # fmt: skip
_VERHOEFF_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2), (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 8, 7, 6, 0), (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5), (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)  # fmt: skip


def aadhaar_ok(candidate: str) -> bool:
    """India's Aadhaar number: twelve digits from 2-9, the last a Verhoeff check digit."""
    digits = digits_of(candidate)
    if len(digits) != 12 or digits[0] in "01":
        return False
    check = 0
    for position, digit in enumerate(reversed(digits)):
        check = _VERHOEFF_D[check][_VERHOEFF_P[position % 8][int(digit)]]
    return check == 0


# India's PAN: three letters, the holder's type (P a person, C a company…), the initial of a
# surname or name, four digits and a letter. It has no check digit: its name must come first.
_PAN = re.compile(r"[A-Z]{3}[ABCFGHJLPT][A-Z]\d{4}[A-Z]")


def pan_ok(candidate: str) -> bool:
    """India's Permanent Account Number, by its shape."""
    compact = candidate.upper()
    return _PAN.fullmatch(compact) is not None and compact[5:9] != "0000"


_CN_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def cn_resident_ok(candidate: str) -> bool:
    """China's resident identity number: a region, the date of birth, a serial, and an ISO
    7064 MOD 11-2 check character (0-9 or X)."""
    body, check = candidate[:17], candidate[17:].upper()
    if len(candidate) != 18 or not body.isdigit() or body[0] == "0":
        return False
    year = int(body[6:10])
    if not (1900 <= year <= 2099 and _date_ok(year, int(body[10:12]), int(body[12:14]))):
        return False
    return "10X98765432"[_weighted(body, _CN_WEIGHTS) % 11] == check


_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def spanish_id_ok(candidate: str) -> bool:
    """Spain's DNI (eight digits) or NIE (X, Y or Z and seven digits), and the letter that is
    the number modulo 23."""
    compact = _compact(candidate)
    if compact[:1] in ("X", "Y", "Z"):
        compact = str("XYZ".index(compact[0])) + compact[1:]
    return (
        len(compact) == 9
        and compact[:8].isdigit()
        and _DNI_LETTERS[int(compact[:8]) % 23] == compact[8]
    )


_CF_SHAPE = re.compile(r"[A-Z]{6}[0-9LMNP-V]{2}[A-EHLMPR-T][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z]")
# The values of characters in odd places (first, third…); in even places a digit is itself and
# a letter its place in the alphabet.
_CF_ODD = dict(
    zip(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11,
         3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23),
        strict=True,
    )
)  # fmt: skip
_CF_EVEN = {char: ord(char) - ord("A") if char.isalpha() else int(char) for char in _CF_ODD}


def codice_fiscale_ok(candidate: str) -> bool:
    """Italy's codice fiscale: letters of the names, the date of birth and place coded, and a
    check letter (digits may be letters where two people would share one)."""
    code = candidate.upper()
    if _CF_SHAPE.fullmatch(code) is None:
        return False
    total = sum((_CF_EVEN if i % 2 else _CF_ODD)[char] for i, char in enumerate(code[:15]))
    return chr(ord("A") + total % 26) == code[15]


def nir_ok(candidate: str) -> bool:
    """France's social security number (NIR): sex, year and month of birth, place (2A and 2B
    for Corsica), serial, and a key that is 97 less the rest modulo 97."""
    compact = _compact(candidate)
    if len(compact) != 15 or compact[0] not in "123478" or not compact[13:].isdigit():
        return False
    body = compact[:5] + compact[5:7].replace("2A", "19").replace("2B", "18") + compact[7:13]
    return body.isdigit() and 97 - int(body) % 97 == int(compact[13:])


def pesel_ok(candidate: str) -> bool:
    """Poland's PESEL: the date of birth (the century in the month), a serial and a check
    digit."""
    digits = digits_of(candidate)
    if len(digits) != 11:
        return False
    month = int(digits[2:4])
    century = {0: 1900, 1: 2000, 2: 2100, 3: 2200, 4: 1800}.get(month // 20, 0)
    if not century or not _date_ok(century + int(digits[:2]), month % 20, int(digits[4:6])):
        return False
    total = _weighted(digits, (1, 3, 7, 9, 1, 3, 7, 9, 1, 3))
    return (10 - total % 10) % 10 == int(digits[10])


def bsn_ok(candidate: str) -> bool:
    """The Netherlands' citizen service number (BSN): nine digits passing the "eleven test"."""
    digits = digits_of(candidate)
    if len(digits) != 9 or digits == "0" * 9:
        return False
    return (_weighted(digits, range(9, 1, -1)) - int(digits[8])) % 11 == 0


def tc_kimlik_ok(candidate: str) -> bool:
    """Türkiye's identity number: eleven digits, not starting with 0, the last two check
    digits of those before."""
    digits = digits_of(candidate)
    if len(digits) != 11 or digits[0] == "0":
        return False
    numbers = [int(digit) for digit in digits]
    tenth = (sum(numbers[0:9:2]) * 7 - sum(numbers[1:8:2])) % 10
    return numbers[9] == tenth and numbers[10] == sum(numbers[:10]) % 10


def korean_resident_ok(candidate: str) -> bool:
    """South Korea's resident registration number: the date of birth (YYMMDD), then a digit
    for sex and century and six more. Numbers issued since 2020 carry no check digit, so the
    date and that digit are what is checked."""
    digits = digits_of(candidate)
    if len(digits) != 13 or digits[6] not in "12345678":
        return False
    century = 1900 if digits[6] in "1256" else 2000
    return _date_ok(century + int(digits[:2]), int(digits[2:4]), int(digits[4:6]))


def my_number_ok(candidate: str) -> bool:
    """Japan's individual number (My Number): eleven digits and a check digit."""
    digits = digits_of(candidate)
    if len(digits) != 12:
        return False
    body = [int(digit) for digit in reversed(digits[:11])]
    total = sum(p * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(body, start=1))
    remainder = total % 11
    return (0 if remainder <= 1 else 11 - remainder) == int(digits[11])


_CURP_SHAPE = re.compile(r"[A-Z][AEIOUX][A-Z]{2}\d{6}[HMX][A-Z]{5}[0-9A-Z]\d")
_CURP_VALUES = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"


def curp_ok(candidate: str) -> bool:
    """Mexico's CURP: letters of the names, the date of birth, sex, state, consonants, and a
    check digit."""
    code = candidate.upper()
    if _CURP_SHAPE.fullmatch(code) is None:
        return False
    if not _date_ok(2000 + int(code[4:6]), int(code[6:8]), int(code[8:10])):
        return False  # the year's century is in the 17th character: 2000 admits 29 February
    total = sum(_CURP_VALUES.index(char) * (18 - i) for i, char in enumerate(code[:17]))
    return (10 - total % 10) % 10 == int(code[17])


def nik_ok(candidate: str) -> bool:
    """Indonesia's NIK: province, regency and district codes, the date of birth (40 added to a
    woman's day) and a serial."""
    digits = digits_of(candidate)
    if len(digits) != 16 or not 11 <= int(digits[:2]) <= 94 or digits[12:] == "0000":
        return False
    day = int(digits[6:8])
    return _date_ok(2000, int(digits[8:10]), day - 40 if day > 40 else day)


def nip_ok(candidate: str) -> bool:
    """Poland's tax number (NIP): nine digits and a weighted check digit."""
    digits = digits_of(candidate)
    if len(digits) != 10:
        return False
    return _weighted(digits, (6, 5, 7, 2, 3, 4, 5, 6, 7)) % 11 == int(digits[9])


def nic_ok(candidate: str) -> bool:
    """Sri Lanka's national identity card: the year and day of birth (500 added to a woman's
    day), as nine digits and V or X on the old cards, twelve digits on the new."""
    compact = candidate.upper()
    if len(compact) == 10 and compact[:9].isdigit() and compact[9] in "VX":
        day = int(compact[2:5])
    elif len(compact) == 12 and compact.isdigit() and compact[:2] in ("19", "20"):
        day = int(compact[4:7])
    else:
        return False
    return 1 <= day % 500 <= 366 and day < 867


def nhs_ok(candidate: str) -> bool:
    """The United Kingdom's NHS number: nine digits and a check digit modulo 11."""
    digits = digits_of(candidate)
    if len(digits) != 10:
        return False
    check = 11 - _weighted(digits, (10, 9, 8, 7, 6, 5, 4, 3, 2)) % 11
    return check != 10 and check % 11 == int(digits[9])


def canadian_sin_ok(candidate: str) -> bool:
    """Canada's social insurance number: nine digits and a Luhn check digit; none starts with
    0, and 8 starts a business's number."""
    digits = digits_of(candidate)
    return len(digits) == 9 and digits[0] not in "08" and luhn_ok(digits)


def _birth_date_ok(dd_mm_yy: str) -> bool:
    """A date of birth written DDMMYY, its century unknown (2000 admits 29 February)."""
    return _date_ok(2000, int(dd_mm_yy[2:4]), int(dd_mm_yy[:2]))


def swedish_pnr_ok(candidate: str) -> bool:
    """Sweden's personnummer: the date of birth (60 added to the day in a coordination
    number), a serial and a Luhn check digit, as YYMMDD-NNNN or with the century."""
    digits = digits_of(candidate)
    if len(digits) == 12:
        if digits[:2] not in ("18", "19", "20"):
            return False
        digits = digits[2:]
    if len(digits) != 10:
        return False
    day = int(digits[4:6])
    day -= 60 if day > 60 else 0
    return _date_ok(2000, int(digits[2:4]), day) and luhn_ok(digits)


def norwegian_fnr_ok(candidate: str) -> bool:
    """Norway's fødselsnummer: the date of birth (40 added to the day in a D-number, to the
    month in an H-number), a serial and two check digits modulo 11."""
    digits = digits_of(candidate)
    if len(digits) != 11:
        return False
    day, month = int(digits[:2]), int(digits[2:4])
    day -= 40 if day > 40 else 0
    month -= 40 if month > 40 else 0
    if not _date_ok(2000, month, day):
        return False
    for weights in ((3, 7, 6, 1, 8, 9, 4, 5, 2), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)):
        check = 11 - _weighted(digits, weights) % 11
        if check == 10 or check % 11 != int(digits[len(weights)]):
            return False
    return True


def danish_cpr_ok(candidate: str) -> bool:
    """Denmark's CPR number: the date of birth (DDMMYY) and four digits. Numbers issued since
    2007 need not pass the old check modulo 11, so the date is what is checked."""
    digits = digits_of(candidate)
    return len(digits) == 10 and _birth_date_ok(digits)


_HETU_CHECKS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_HETU = re.compile(r"(\d{6})[-+A-FU-Y](\d{3})([0-9A-Y])")


def finnish_hetu_ok(candidate: str) -> bool:
    """Finland's personal identity code: the date of birth, a century sign, a serial and a
    check character, the number modulo 31."""
    found = _HETU.fullmatch(candidate.upper())
    if found is None or not _birth_date_ok(found.group(1)) or found.group(2) < "002":
        return False
    return _HETU_CHECKS[int(found.group(1) + found.group(2)) % 31] == found.group(3)


def tfn_ok(candidate: str) -> bool:
    """Australia's tax file number: nine digits whose weighted sum is a multiple of eleven."""
    digits = digits_of(candidate)
    return len(digits) == 9 and _weighted(digits, (1, 4, 3, 7, 5, 8, 6, 9, 10)) % 11 == 0


def belgian_nn_ok(candidate: str) -> bool:
    """Belgium's national register number: the date of birth (YYMMDD, the month raised by 20
    or 40 in a bis number), a serial, and 97 less the rest modulo 97 (with a 2 in front for
    those born since 2000)."""
    digits = digits_of(candidate)
    if len(digits) != 11 or int(digits[2:4]) % 20 > 12 or int(digits[4:6]) > 31:
        return False
    check = int(digits[9:])
    return check in (97 - int(digits[:9]) % 97, 97 - int("2" + digits[:9]) % 97)


def portuguese_nif_ok(candidate: str) -> bool:
    """Portugal's tax number (NIF) of a person (it starts with 1, 2, 3 or 45): eight digits
    and a check digit modulo 11."""
    digits = digits_of(candidate)
    if len(digits) != 9 or not (digits[0] in "123" or digits.startswith("45")):
        return False
    check = 11 - _weighted(digits, (9, 8, 7, 6, 5, 4, 3, 2)) % 11
    return (0 if check >= 10 else check) == int(digits[8])


def romanian_cnp_ok(candidate: str) -> bool:
    """Romania's personal numeric code (CNP): sex and century, the date of birth, the county,
    a serial and a check digit."""
    digits = digits_of(candidate)
    if len(digits) != 13 or digits[0] == "0":
        return False
    year = int(digits[1:3]) + {
        "1": 1900,
        "2": 1900,
        "3": 1800,
        "4": 1800,
        "5": 2000,
        "6": 2000,
    }.get(digits[0], 1900)
    if not _date_ok(year, int(digits[3:5]), int(digits[5:7])):
        return False
    check = _weighted(digits, (2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9)) % 11
    return (1 if check == 10 else check) == int(digits[12])


def chilean_rut_ok(candidate: str) -> bool:
    """Chile's RUT (RUN for a person): a number and a check character, 0-9 or K, modulo 11."""
    compact = _compact(candidate)
    body, check = compact[:-1], compact[-1:]
    if not (7 <= len(body) <= 8 and body.isdigit()):
        return False
    total = sum(int(digit) * (2 + i % 6) for i, digit in enumerate(reversed(body)))
    return "0123456789K0"[11 - total % 11] == check


def argentine_cuil_ok(candidate: str) -> bool:
    """Argentina's CUIL or a person's CUIT: 20, 23, 24 or 27, the DNI, and a check digit
    modulo 11."""
    digits = digits_of(candidate)
    if len(digits) != 11 or digits[:2] not in ("20", "23", "24", "27"):
        return False
    check = 11 - _weighted(digits, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)) % 11
    return "012345678990"[check] == digits[10]


def israeli_id_ok(candidate: str) -> bool:
    """Israel's identity number (Teudat Zehut): up to nine digits, the last a Luhn check
    digit."""
    digits = digits_of(candidate)
    return 5 <= len(digits) <= 9 and int(digits) > 0 and luhn_ok(digits.zfill(9))


# Letters an MBI may hold: none that reads as a digit or another letter (S, L, O, I, B, Z).
_MBI_LETTER = "[AC-HJKMNP-RT-Y]"
_MBI = re.compile(
    rf"[1-9]{_MBI_LETTER}[0-9AC-HJKMNP-RT-Y][0-9]{_MBI_LETTER}[0-9AC-HJKMNP-RT-Y][0-9]"
    rf"{_MBI_LETTER}{{2}}[0-9]{{2}}"
)


def medicare_mbi_ok(candidate: str) -> bool:
    """The US Medicare Beneficiary Identifier: eleven characters, each position a digit, a
    letter or either, with no check digit (1EG4-TE5-MK73)."""
    return _MBI.fullmatch(_compact(candidate)) is not None


def drivers_license_ok(candidate: str) -> bool:
    """A driving licence number: no check is published for most, so six to eighteen letters
    and digits with at least four digits, which no date is."""
    compact = _compact(candidate)
    return (
        6 <= len(compact) <= 18
        and sum(char.isdigit() for char in compact) >= 4
        and DATE_LIKE.search(candidate) is None
    )


def emirates_id_ok(candidate: str) -> bool:
    """The United Arab Emirates' identity number: 784 (the country), the year of birth, a
    serial and a Luhn check digit (784-1987-1234567-1)."""
    digits = digits_of(candidate)
    return (
        len(digits) == 15
        and digits.startswith("784")
        and 1900 <= int(digits[3:7]) <= 2100
        and luhn_ok(digits)
    )


_NRIC = re.compile(r"([STFG])(\d{7})([A-Z])")
_NRIC_CHECKS = {"S": "JZIHGFEDCBA", "T": "JZIHGFEDCBA", "F": "XWUTRQPNMLK", "G": "XWUTRQPNMLK"}


def singapore_nric_ok(candidate: str) -> bool:
    """Singapore's NRIC and FIN: S, T, F or G, seven digits and a check letter of their
    weighted sum (4 more for T and G, the ones issued from 2000)."""
    found = _NRIC.fullmatch(_compact(candidate))
    if found is None:
        return False
    prefix, digits, letter = found.groups()
    total = _weighted(digits, (2, 7, 6, 5, 4, 3, 2)) + (4 if prefix in "TG" else 0)
    return _NRIC_CHECKS[prefix][total % 11] == letter


_HKID = re.compile(r"([A-Z]{1,2})(\d{6})\(?([0-9A])\)?")


def hkid_ok(candidate: str) -> bool:
    """Hong Kong's identity card number: one or two letters, six digits and a check digit
    modulo 11 (A for 10), often in brackets: A123456(3)."""
    found = _HKID.fullmatch(_compact(candidate))
    if found is None:
        return False
    letters, digits, check = found.groups()
    values = [36 if len(letters) == 1 else ord(letters[0]) - 55, ord(letters[-1]) - 55]
    total = sum(value * weight for value, weight in zip(values, (9, 8), strict=True))
    total += _weighted(digits, (7, 6, 5, 4, 3, 2))
    expected = (11 - total % 11) % 11
    return check == ("A" if expected == 10 else str(expected))
