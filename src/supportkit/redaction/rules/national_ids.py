"""National identifiers: US social security numbers (and ITINs, the IRS's numbers of the
same shape for people without one), passport (and German identity card) numbers next to their
keyword, and two kinds of national ids.

* Anywhere, by their own shape and check digits: Brazil's CPF, Russia's SNILS, China's resident
  id, Italy's codice fiscale and Mexico's CURP.
* After their names, in the languages of the people they are for: the UK's National Insurance
  number, Vietnam's citizen id, Russia's tax number, Germany's tax id and social insurance number,
  the US ITIN, Tanzania's NIDA, India's Aadhaar and PAN, Spain's DNI and NIE, France's NIR,
  Poland's PESEL and NIP, the Netherlands' BSN, Türkiye's identity number, South Korea's resident
  number, Japan's My Number, Indonesia's NIK, Sri Lanka's NIC, the NHS number, Canada's SIN,
  Australia's TFN, the personnummer of Sweden, Norway and Denmark (CPR), Finland's henkilötunnus,
  Belgium's national number, Portugal's NIF, Romania's CNP, Chile's RUT, Argentina's CUIL and
  Israel's identity number; and the ids found anywhere, in lower case too. Where two countries use
  one word ("NIF", "personnummer"), an id of either passes.

Named by what they are ("National ID: …", "Tax ID: …"), any one word of six digits or more.
In a structure, a field named for a national id (``national_id``, ``taxId``, ``id_number``)
holds one whatever its shape.

A name with no id of its kind after it finds nothing: each id must also pass its own check
(:mod:`._check_digits`), so "14 dni" (Polish days) or "nie" (German never) cost a look only.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from supportkit.redaction import _anchors, _views
from supportkit.redaction._rule import FieldCheck, Rule, Span
from supportkit.redaction.rules import _check_digits as check
from supportkit.redaction.rules._finders import (
    DATE_LIKE,
    UNSPACED_SCRIPT,
    FieldFinderRule,
    FinderRule,
    Keywords,
    digits_of,
)
from supportkit.redaction.rules._text import after_escape, is_trivial

__all__ = ["RULES"]

_SSN_DASHED = re.compile(rb"-(?<=\d{3}-)\d\d-\d{4}(?![\w-])")
_SSN_ANCHOR = _anchors.pattern(rb"[0-9]{3}-[0-9]{2}-[0-9]{4}", 11)
_SSN_KEYWORDS = Keywords(("ssn", "social security", "soc sec"), frozenset({"ssn"}))
_SSN_IN_WINDOW = re.compile(r"(?<![\w-])\d{3}([ -]?)\d\d\1\d{4}(?![\w-])")
_PASSPORT_KEYWORDS = Keywords(
    anchors=(
        "pas",  # passport, pasaport, paspoort, pasipoti, reisepass…: checked as whole words
        "паспорт", "hộ chiếu", "ho chieu", "ausweis",
    ),
    words=frozenset(
        {
            "passport", "passeport", "pasaport", "pasaporte", "passaporto", "passaporte",
            "reisepass", "paspoort", "pasipoti", "паспорт", "паспорта",
            # the number itself, in German and Dutch: Passnummer, Reisepassnummer, Pass-Nr.
            "passnummer", "reisepassnummer", "passnr", "paspoortnummer",
            # Germany's identity card, whose number has the passport's shape
            "personalausweis", "personalausweisnummer", "ausweis", "ausweisnummer", "ausweisnr",
        }
    ),
)  # fmt: skip
_PASSPORT_IN_WINDOW = re.compile(
    r"(?<![\w-])(?:\d{2} \d{2} \d{6}|\d{4} \d{6}|[A-Z0-9]{6,12})(?![\w-])"
)


def _glued_before(text: str, start: int) -> bool:
    """Whether the number at ``start`` goes on from a word, a path or a longer number."""
    if not start or after_escape(text, start):
        return False
    return text[start - 1].isalnum() or text[start - 1] in "_.-/"


def _ssn_ok(candidate: str) -> bool:
    digits = digits_of(candidate)
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def _ssns(text: str) -> Iterator[Span]:
    seen: set[int] = set()
    for match in _anchors.matches(text, _SSN_ANCHOR, _SSN_DASHED, offset=3):
        start = match.start() - 3
        if not _glued_before(text, start):
            if _ssn_ok(number := text[start : match.end()]):
                seen.add(start)
                yield Span(start, match.end(), "ssn")
            elif check.itin_ok(number):
                seen.add(start)
                yield Span(start, match.end(), "national-id")
    for end in _SSN_KEYWORDS.ends(text):
        found = _SSN_IN_WINDOW.search(text, end, end + 40)
        if found and found.start() not in seen and _ssn_ok(found.group()):
            seen.add(found.start())
            yield Span(found.start(), found.end(), "ssn")


# Status words that follow a passport keyword and are not serials.
_PASSPORT_STATUSES = frozenset(
    {
        "cancelled", "canceled", "suspended", "expired", "revoked", "required", "rejected",
        "verified", "unverified", "validated", "invalidated", "approved", "submitted",
        "processed", "pending", "accepted", "uploaded", "scanned", "received", "reported",
        "redacted", "withdrawn", "confirmed", "requested", "available", "unavailable",
    }
)  # fmt: skip


def _looks_like_passport_number(token: str) -> bool:
    """Digits in it and not a date, or a serial of 8-10 capitals that is not a status word.

    Letters-only serials (German ones use consonants only, others any letter) are told from
    words by a list of the statuses logs print after a passport keyword and by having no more
    than a third vowels, as words do.
    """
    if any(char.isdigit() for char in token):
        return not DATE_LIKE.search(token)
    vowels = sum(char in "AEIOU" for char in token)
    return (
        8 <= len(token) <= 10
        and 3 * vowels <= len(token)
        and token.lower() not in _PASSPORT_STATUSES
    )


def _passports(text: str) -> Iterator[Span]:
    seen: set[int] = set()
    for end in _PASSPORT_KEYWORDS.ends(text):
        for match in _PASSPORT_IN_WINDOW.finditer(text, end, end + 48):
            token = match.group()
            if _looks_like_passport_number(token):
                if match.start() not in seen:
                    seen.add(match.start())
                    yield Span(match.start(), match.end(), "passport")
                break


# Brazil's CPF (123.456.789-09) and Russia's SNILS (123-456-789 64) as they are printed: the
# grouping and two check digits make a stray match rare. The patterns start at the first
# separator, three characters in, a literal that ``re`` alone skips to fast.
_CPF = re.compile(rb"\.(?<=\d{3}\.)\d{3}\.\d{3}-\d{2}(?![\w.-])")
_CPF_ANCHOR = _anchors.pattern(rb"[0-9]{3}\.[0-9]{3}\.[0-9]{3}\-[0-9]{2}", 14)
_SNILS = re.compile(rb"-(?<=\d{3}-)\d{3}-\d{3}[ -]\d{2}(?![\w.-])")
_SNILS_ANCHOR = _anchors.pattern(rb"[0-9]{3}\-[0-9]{3}\-[0-9]{3}[ \-][0-9]{2}", 14)


# Ids found anywhere, their shapes rigid enough and their checks strong enough to need no name:
# China's resident id (a date of birth inside, an ISO 7064 check character), Italy's codice
# fiscale and Mexico's CURP (letters and digits in fixed places, a check character), in capitals
# as they are written. For ``re``, each is a literal of the digit shape (:func:`_views.shape`:
# a capital is an A, a digit a 0, an x stays), as fast to find as any; for Hyperscan, the same
# read over the Latin-1 view from the anchor's start, which spares building the shape view.
# Python checks the rest.
_AFTER_SHAPE = rb"(?![\w\x80-\xff-])"
_UNNAMED_IDS = (
    (
        _anchors.pattern(
            rb"[1-8][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
            rb"[0-9]{3}[0-9Xx]",
            18,
        ),
        re.compile(rb"0{17}[0Ax](?![\w-])"),
        re.compile(rb"\d{17}[\dA-Zx]" + _AFTER_SHAPE),
        check.cn_resident_ok,
    ),
    (
        _anchors.pattern(rb"[A-Z]{6}[0-9]{2}[A-EHLMPR-T][0-9]{2}[A-Z][0-9]{3}[A-Z]", 16),
        re.compile(rb"AAAAAA00A00A000A(?![\w-])"),
        re.compile(rb"[A-Z]{6}\d\d[A-Z]\d\d[A-Z]\d{3}[A-Z]" + _AFTER_SHAPE),
        check.codice_fiscale_ok,
    ),
    (
        _anchors.pattern(rb"[A-Z][AEIOUX][A-Z]{2}[0-9]{6}[HMX][A-Z]{5}[0-9A-Z][0-9]", 18),
        re.compile(rb"AAAA000000AAAAAA[0A]0(?![\w-])"),
        re.compile(rb"[A-Z]{4}\d{6}[A-Z]{6}[\dA-Z]\d" + _AFTER_SHAPE),
        check.curp_ok,
    ),
)


@dataclass(frozen=True, slots=True)
class _NamedId:
    """An id found after its name: how it is written, and the check it must pass."""

    shape: re.Pattern[str]
    valid: Callable[[str], bool]


# An id stands alone, or touches the words of a script written without spaces (身份证号1101…).
_BEFORE_ID = rf"(?:(?<={UNSPACED_SCRIPT.pattern})|(?<![\w.-]))"
_AFTER_ID = rf"(?!-)(?!(?!{UNSPACED_SCRIPT.pattern})\w)"


def _named(shape: str, valid: Callable[[str], bool]) -> _NamedId:
    return _NamedId(re.compile(f"{_BEFORE_ID}(?:{shape}){_AFTER_ID}"), valid)


_CPF_ID = _named(r"\d{3}\.?\d{3}\.?\d{3}-?\d{2}", check.cpf_ok)
_SNILS_ID = _named(r"\d{3}-?\d{3}-?\d{3}[ -]?\d{2}", check.snils_ok)
_INN_ID = _named(r"\d{12}|\d{10}", check.inn_ok)
_VIETNAMESE_ID = _named(r"\d{12}|\d{9}", check.vietnamese_id_ok)
_STEUER_ID = _named(r"\d{2} \d{3} \d{3} \d{3}|\d{11}", check.steuer_id_ok)
_NIDA_ID = _named(r"\d{8}-?\d{5}-?\d{5}-?\d{2}", check.nida_ok)
_SV_NUMBER_ID = _named(r"\d{2} ?\d{6} ?[A-Za-z] ?\d{3}", check.german_sv_number_ok)
_ITIN_ID = _named(r"9\d{2}([ -]?)\d{2}\1\d{4}", check.itin_ok)
_NINO_ID = _named(r"[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]", check.nino_ok)
_AADHAAR_ID = _named(r"\d{4}([ -]?)\d{4}\1\d{4}", check.aadhaar_ok)
_PAN_ID = _named(r"[A-Za-z]{5}\d{4}[A-Za-z]", check.pan_ok)
_CN_RESIDENT_ID = _named(r"\d{17}[\dXx]", check.cn_resident_ok)
_SPANISH_ID = _named(r"[XYZxyz]?-?\d{7,8}-?[A-Za-z]", check.spanish_id_ok)
_CODICE_FISCALE_ID = _named(r"[A-Za-z0-9]{16}", check.codice_fiscale_ok)
_NIR_ID = _named(r"[1-478] ?\d{2} ?\d{2} ?(?:\d{2}|2[ABab]) ?\d{3} ?\d{3} ?\d{2}", check.nir_ok)
_PESEL_ID = _named(r"\d{11}", check.pesel_ok)
_BSN_ID = _named(r"\d{4}\.?\d{2}\.?\d{3}|\d{9}", check.bsn_ok)
_TC_KIMLIK_ID = _named(r"\d{11}", check.tc_kimlik_ok)
_KOREAN_RESIDENT_ID = _named(r"\d{6}-?\d{7}", check.korean_resident_ok)
_MY_NUMBER_ID = _named(r"\d{4}([ -]?)\d{4}\1\d{4}", check.my_number_ok)
_CURP_ID = _named(r"[A-Za-z]{4}\d{6}[A-Za-z]{6}[0-9A-Za-z]\d", check.curp_ok)
_NIK_ID = _named(r"\d{16}", check.nik_ok)
_NRIC_ID = _named(r"[STFGstfg]\d{7}[A-Za-z]", check.singapore_nric_ok)
_HKID_ID = _named(r"[A-Za-z]{1,2}\d{6} ?\(?[0-9Aa]\)?", check.hkid_ok)
_EMIRATES_ID = _named(r"784-?\d{4}-?\d{7}-?\d", check.emirates_id_ok)
_NIP_ID = _named(r"\d{3}-?\d{3}-?\d{2}-?\d{2}|\d{3}-\d{2}-\d{2}-\d{3}", check.nip_ok)
_NIC_ID = _named(r"\d{9}[VvXx]|\d{12}", check.nic_ok)
_NHS_ID = _named(r"\d{3}([ -]?)\d{3}\1\d{4}", check.nhs_ok)
_SIN_ID = _named(r"\d{3}([ -]?)\d{3}\1\d{3}", check.canadian_sin_ok)
_TFN_ID = _named(r"\d{3}( ?)\d{3}\1\d{3}", check.tfn_ok)
_HETU_ID = _named(r"\d{6}[-+A-FU-Ya-fu-y]\d{3}[0-9A-Ya-y]", check.finnish_hetu_ok)
_BELGIAN_NN_ID = _named(r"\d{2}\.?\d{2}\.?\d{2}[- ]?\d{3}\.?\d{2}", check.belgian_nn_ok)
_CNP_ID = _named(r"\d{13}", check.romanian_cnp_ok)
_RUT_ID = _named(r"\d{1,2}\.?\d{3}\.?\d{3}-?[\dKk]", check.chilean_rut_ok)
_CUIL_ID = _named(r"\d{2}-?\d{8}-?\d", check.argentine_cuil_ok)
_ISRAELI_ID = _named(r"\d{5,9}", check.israeli_id_ok)
_CPR_ID = _named(r"\d{6}-?\d{4}", check.danish_cpr_ok)
# Sweden, Norway and Denmark all call theirs "personnummer": any of the three counts there.
_NORDIC_ID = _named(
    r"(?:\d{2})?\d{6}[-+]?\d{4}|\d{6} ?\d{5}",
    lambda found: (
        check.swedish_pnr_ok(found) or check.norwegian_fnr_ok(found) or check.danish_cpr_ok(found)
    ),
)
_NORWEGIAN_ID = _named(r"\d{6} ?\d{5}", check.norwegian_fnr_ok)
# Spain and Portugal both call their tax number "NIF".
_NIF_ID = _named(
    r"[XYZxyz]?-?\d{7,8}-?[A-Za-z]|\d{9}",
    lambda found: check.spanish_id_ok(found) or check.portuguese_nif_ok(found),
)
_PORTUGUESE_NIF_ID = _named(r"\d{9}", check.portuguese_nif_ok)
_MEDICARE_ID = _named(r"\d[A-Za-z0-9]{3}-?[A-Za-z0-9]{3}-?[A-Za-z0-9]{4}", check.medicare_mbi_ok)
# A licence's number begins with up to five letters and a digit (a state's letter, the UK's
# surname); a space or dash comes only before a digit (A123-456-78-901-0, 123 456 789).
_DRIVERS_LICENSE_ID = _named(
    r"[A-Za-z]{0,5}\d(?:[A-Za-z0-9]|[ -](?=\d)){4,20}", check.drivers_license_ok
)

# An id named by what it is rather than by its country ("National ID: …", "Tax ID: …"): any
# one word of an id's characters (digit groups may be spaced) with six digits or more.
_ANY_ID = _named(
    r"[A-Za-z0-9](?:[A-Za-z0-9]|[./-](?=[A-Za-z0-9])|(?<=\d) (?=\d)){3,30}",
    lambda found: (
        len(digits := digits_of(found)) >= 6 and len(set(digits)) > 1 and not is_trivial(found)
    ),
)

# Each id by the names written before it, in the languages of the people the ids are for.
_NAMED_IDS: dict[str, _NamedId] = {
    **dict.fromkeys(
        ("national id", "national-id", "national_id", "nationalid", "national id number",
         "national identity number", "national identification number", "tax id", "tax-id",
         "tax_id", "taxid", "taxpayer id", "tax identification number", "id card number",
         "identity card number", "citizen id", "mrn", "medical record number",
         "patient id", "patient_id", "patientid", "patient number"),
        _ANY_ID,
    ),
    "cpf": _CPF_ID,
    **dict.fromkeys(("снилс", "snils"), _SNILS_ID),
    **dict.fromkeys(("инн", "inn"), _INN_ID),
    **dict.fromkeys(("cccd", "cmnd", "căn cước", "can cuoc"), _VIETNAMESE_ID),
    **dict.fromkeys(
        ("steuer-id", "steuerid", "steuer-idnr", "steueridentifikationsnummer",
         "steuerliche identifikationsnummer"),
        _STEUER_ID,
    ),
    **dict.fromkeys(
        ("sozialversicherungsnummer", "sv-nummer", "sv-nr", "svnr", "sv nummer",
         "rentenversicherungsnummer", "rvnr", "versicherungsnummer"),
        _SV_NUMBER_ID,
    ),
    **dict.fromkeys(("itin", "individual taxpayer identification number"), _ITIN_ID),
    **dict.fromkeys(("nida", "kitambulisho cha taifa"), _NIDA_ID),
    **dict.fromkeys(("nino", "national insurance", "ni number", "ni no"), _NINO_ID),
    **dict.fromkeys(("aadhaar", "aadhar", "आधार"), _AADHAAR_ID),
    **dict.fromkeys(("pan", "permanent account number"), _PAN_ID),
    **dict.fromkeys(("身份证", "身份号码"), _CN_RESIDENT_ID),
    **dict.fromkeys(("dni", "nie"), _SPANISH_ID),
    "nif": _NIF_ID,
    "contribuinte": _PORTUGUESE_NIF_ID,
    **dict.fromkeys(("codice fiscale", "codicefiscale"), _CODICE_FISCALE_ID),
    **dict.fromkeys(("sécurité sociale", "securite sociale", "nir"), _NIR_ID),
    "pesel": _PESEL_ID,
    "nip": _NIP_ID,
    **dict.fromkeys(("bsn", "burgerservicenummer"), _BSN_ID),
    **dict.fromkeys(("kimlik", "tckn"), _TC_KIMLIK_ID),
    "주민등록번호": _KOREAN_RESIDENT_ID,
    **dict.fromkeys(("マイナンバー", "個人番号"), _MY_NUMBER_ID),
    "curp": _CURP_ID,
    **dict.fromkeys(("nik", "ktp", "e-ktp", "nomor induk kependudukan"), _NIK_ID),
    **dict.fromkeys(("nric", "nric/fin", "fin number", "fin no"), _NRIC_ID),
    **dict.fromkeys(("hkid", "hong kong identity card", "身份證"), _HKID_ID),
    **dict.fromkeys(("emirates id", "رقم الهوية"), _EMIRATES_ID),
    "nic": _NIC_ID,
    "nhs": _NHS_ID,
    **dict.fromkeys(
        ("sin", "social insurance number", "numéro d'assurance sociale", "assurance sociale"),
        _SIN_ID,
    ),
    **dict.fromkeys(("tfn", "tax file number"), _TFN_ID),
    **dict.fromkeys(("personnummer", "personnr", "samordningsnummer"), _NORDIC_ID),
    **dict.fromkeys(("fødselsnummer", "fodselsnummer"), _NORWEGIAN_ID),
    "cpr": _CPR_ID,
    **dict.fromkeys(("henkilötunnus", "hetu", "personbeteckning"), _HETU_ID),
    **dict.fromkeys(
        ("rijksregisternummer", "rijksregisternr", "registre national", "numéro national",
         "insz", "niss"),
        _BELGIAN_NN_ID,
    ),
    **dict.fromkeys(("cnp", "cod numeric personal"), _CNP_ID),
    "rut": _RUT_ID,
    **dict.fromkeys(("cuil", "cuit"), _CUIL_ID),
    **dict.fromkeys(("teudat zehut", "תעודת זהות"), _ISRAELI_ID),
    **dict.fromkeys(
        ("mbi", "medicare", "medicare beneficiary identifier", "medicare number"), _MEDICARE_ID
    ),
    **dict.fromkeys(
        ("driver's license", "driver’s license", "drivers license", "driver license",
         "driver's licence", "driving licence", "driving license", "driver_license",
         "drivers_license", "driverlicense", "driverslicense", "driving_licence", "dl_number",
         "dln", "dl#", "dl #", "dl no", "dl number"),
        _DRIVERS_LICENSE_ID,
    ),
}  # fmt: skip
_NAMED_ID_KEYWORDS = Keywords(
    anchors=tuple(_NAMED_IDS),
    words=frozenset(name for name in _NAMED_IDS if " " not in name),
)
# Which of them stands last before a candidate: the longer name first where one begins another.
_LAST_NAMED = re.compile(
    "|".join(re.escape(name) for name in sorted(_NAMED_IDS, key=len, reverse=True)),
    re.IGNORECASE,
)
_NAMED_ID_REACH = 32


def _named_before(text: str, end: int) -> _NamedId | None:
    """The id whose name ends at ``end``."""
    names = _LAST_NAMED.findall(text, max(0, end - 40), end)
    return _NAMED_IDS.get(names[-1].lower()) if names else None


# A document whose kind is a field of its own, as payment APIs list a customer's documents:
# {"type": "CPF", "expeditionDate": null, "number": "71133500110"}.
_DOCUMENT_NUMBER = re.compile(
    r"""["'](?:number|value|document|documentNumber)["'][ \t]*:[ \t]*["']"""
)
_DOCUMENT_REACH = 256


def _typed_document(text: str, end: int, named: _NamedId) -> re.Match[str] | None:
    """The id in the number field of the object whose type field names it, ``end`` being just
    past the name in quotes."""
    quote = text[end : end + 1]
    if quote not in ('"', "'") or text.rfind(quote, max(0, end - 41), end) < 0:
        return None  # the name is no quoted value
    close = text.find("}", end, end + _DOCUMENT_REACH)
    field = _DOCUMENT_NUMBER.search(text, end, close if close >= 0 else end + _DOCUMENT_REACH)
    return None if field is None else named.shape.match(text, field.end())


def _national_ids(text: str) -> Iterator[Span]:
    seen: set[int] = set()
    for anchor, pattern, valid in (
        (_CPF_ANCHOR, _CPF, check.cpf_ok),
        (_SNILS_ANCHOR, _SNILS, check.snils_ok),
    ):
        for match in _anchors.matches(text, anchor, pattern, offset=3):
            start = match.start() - 3
            if not _glued_before(text, start) and valid(text[start : match.end()]):
                seen.add(start)
                yield Span(start, match.end(), "national-id")
    for anchor, shape, at_anchor, valid in _UNNAMED_IDS:
        shaped = _anchors.matches(text, anchor, shape, view=_views.shape, at_anchor=at_anchor)
        for match in shaped:
            start, end = match.span()
            if not _glued_before(text, start) and valid(text[start:end]):
                seen.add(start)
                yield Span(start, end, "national-id")
    for end in _NAMED_ID_KEYWORDS.ends(text):
        named = _named_before(text, end)
        if named is None:
            continue
        found = named.shape.search(text, end, end + _NAMED_ID_REACH) or _typed_document(
            text, end, named
        )
        if found is None or found.start() in seen or not named.valid(found.group()):
            continue
        seen.add(found.start())
        yield Span(found.start(), found.end(), "national-id")


# In a structure, a field named for a national id holds one whatever its country's shape:
# {"national_id": "…"}, {"taxId": "…"}, {"id_number": "…"}. ("document_number" is left: an
# invoice's is no one's id.)
_ID_FIELDS = frozenset(
    {
        "nationalid", "nationalidnumber", "nationalidentifier", "nationalidentitynumber",
        "nationalidentificationnumber", "nationalnumber", "taxid", "taxidnumber", "taxnumber",
        "taxpayerid", "taxpayernumber", "tin", "idnumber", "idcardnumber", "identitynumber",
        "identitycardnumber", "identificationnumber", "personalid", "personalidnumber",
        "personalnumber", "personalidentitynumber", "personalidentificationnumber", "citizenid",
        "citizenidnumber", "residentid", "residentidnumber", "nin",
    }
)  # fmt: skip
_FIELD_SEPARATORS = re.compile(r"[\s_.-]+")
_ID_VALUE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|[ ./-](?=[A-Za-z0-9])){3,30}")


def _id_field(key: str) -> FieldCheck | None:
    return _id_value if _FIELD_SEPARATORS.sub("", key).casefold() in _ID_FIELDS else None


@functools.lru_cache(maxsize=4096)  # a column or a key repeats its values
def _id_value(value: str) -> str | None:
    """A national id's placeholder kind for ``value`` under an id's field: four digits or more
    in an id's characters, not a placeholder ("N/A", "0000", "<redacted>")."""
    value = value.strip()
    if _ID_VALUE.fullmatch(value) is None or is_trivial(value):
        return None
    digits = digits_of(value)
    return "national-id" if len(digits) >= 4 and len(set(digits)) > 1 else None


RULES: tuple[Rule, ...] = (
    FinderRule("ssn", 96, _ssns),
    FinderRule("passport", 96, _passports),
    FieldFinderRule("national-id", 96, _national_ids, field=_id_field),
)
