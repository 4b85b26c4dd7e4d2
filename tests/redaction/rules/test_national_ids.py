"""SSNs and passport numbers: found with their shape or keyword; look-alikes kept."""

from __future__ import annotations

import pytest
from _found import found

from supportkit.redaction import Redactor


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ssn 123-45-6789.", "123-45-6789"),
        ("SSN: 123456789", "123456789"),
        ("Social Security number 123 45 6789", "123 45 6789"),
        ("id 078-05-1120 on file", "078-05-1120"),
    ],
)
def test_ssn_is_found(text: str, value: str) -> None:
    """Dashed SSNs anywhere, plain ones after an SSN keyword."""
    assert found("ssn", text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "000-12-3456",
        "666-12-3456",
        "900-12-3456",
        "123-00-4567",
        "123-45-0000",
        "id 123456789",
        "ORD-123-45-6789",
        "2026-11-23",
        "123-45-67890",
    ],
)
def test_ssn_look_alike_is_kept(text: str) -> None:
    """Invalid areas, groups and serials, bare digits and longer ids stay."""
    assert found("ssn", text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("ITIN: 912-70-1234", ["912-70-1234"]),
        ("itin 912701234 on the W-7", ["912701234"]),
        ("id 955-88-0001 and 900-94-1234 on file", ["955-88-0001", "900-94-1234"]),
    ],
)
def test_an_itin_is_found_as_a_national_id(text: str, values: list[str]) -> None:
    """An ITIN has an SSN's shape, so it is found where a dashed SSN would be, or after its
    name, but its placeholder says what it is."""
    assert sorted({*found("ssn", text), *found("national-id", text)}, key=text.find) == values
    redacted = Redactor().text(text, artifact="a")
    assert all(value not in redacted for value in values)
    assert "<national-id-1>" in redacted


@pytest.mark.parametrize("text", ["900-12-3456 912-93-1234 912-66-1234", "itin 912-40-1234"])
def test_numbers_outside_the_itin_ranges_are_kept(text: str) -> None:
    assert found("ssn", text) + found("national-id", text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Passport No.: X1234567", "X1234567"),
        ("passport number 123456789", "123456789"),
        ("Reisepass-Nr. C01X00T47", "C01X00T47"),
        ("Passnummer: C01X00T47", "C01X00T47"),
        ("paspoortnummer NW1234567", "NW1234567"),
        ("паспорт 45 06 123456", "45 06 123456"),
        ("Số hộ chiếu: C1234567", "C1234567"),
        ("passportNumber=AB1234567", "AB1234567"),
        ("passport_no=CXRPRZRAA", "CXRPRZRAA"),
        ("passport CBAARFESX", "CBAARFESX"),
        ("Passport No. B1234567", "B1234567"),
        ("Personalausweis-Nr. T22000129", "T22000129"),
        ("Ausweisnummer: L01X00T47", "L01X00T47"),
    ],
)
def test_passport_is_found_after_a_keyword(text: str, value: str) -> None:
    """Passport numbers are found after a passport keyword in several languages."""
    assert found("passport", text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "X1234567 without a keyword",
        "passport.js@0.7.0 loaded",
        "passport expired on 2027-01-01",
        "passport: EXPIRED",
        "passports 12 issued",
        "passport status CANCELLED",
        "passport check SUSPENDED",
        "passport PROCESSED",
        "passport state SUBMITTED",
        "Ausweis abgelaufen; Personalausweis gültig bis 2031-05-01",
    ],
)
def test_passport_look_alike_is_kept(text: str) -> None:
    """Ids with no passport keyword, package names and dates stay."""
    assert found("passport", text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("cliente CPF 529.982.247-25 cadastrado", "529.982.247-25"),
        ("pedido de 529.982.247-25 recusado", "529.982.247-25"),  # its own shape: no keyword
        ("cpf=52998224725", "52998224725"),
        ("СНИЛС: 112-233-445 95", "112-233-445 95"),
        ("застрахованный 112-233-445 95", "112-233-445 95"),
        ("snils 11223344595", "11223344595"),
        ("ИНН 7707083893", "7707083893"),
        ("INN: 500100732259", "500100732259"),
        ("Số CCCD: 001203012345", "001203012345"),
        ("CMND 012345678", "012345678"),
        ("NI number: AB 12 34 56 C", "AB 12 34 56 C"),
        ("NINO JG103759A", "JG103759A"),
        ("Steuer-ID 86 095 742 719", "86 095 742 719"),
        ("Steuerliche Identifikationsnummer: 86095742719", "86095742719"),
        ("NIDA: 19900101-12345-00001-23", "19900101-12345-00001-23"),
        ("Kitambulisho cha Taifa: 19900101123450000123", "19900101123450000123"),
        # a payment API's documents: the kind in one field, the number in another
        ('{"type": "CPF", "expeditionDate": null, "number": "52998224725"}', "52998224725"),
        ('{"type": "DNI", "number": "12345678Z"}', "12345678Z"),
        ("Aadhaar: 2345 6789 0124", "2345 6789 0124"),
        ("aadhaar no. 234567890124", "234567890124"),
        ("आधार 2345-6789-0124", "2345-6789-0124"),
        ("PAN: ABCPE1234F", "ABCPE1234F"),
        ("身份证号11010519491231002X，", "11010519491231002X"),
        ("公民身份号码：44030819900307441x的", "44030819900307441x"),
        ("DNI 12345678Z", "12345678Z"),
        ("NIE: X-1234567-L", "X-1234567-L"),
        ("NIF 12345678-z", "12345678-z"),
        ("Codice Fiscale: RSSMRA85T10A562S", "RSSMRA85T10A562S"),
        ("codice fiscale bncgnn70a41h501v", "bncgnn70a41h501v"),
        ("numéro de sécurité sociale : 2 55 08 14 168 025 38", "2 55 08 14 168 025 38"),
        ("NIR 2550814168025 38", "2550814168025 38"),
        ("PESEL: 44051401359", "44051401359"),
        ("BSN 1112.22.333", "1112.22.333"),
        ("TC Kimlik No: 10000000146", "10000000146"),
        ("주민등록번호 900101-1234567", "900101-1234567"),
        ("マイナンバー：1234 5678 9018", "1234 5678 9018"),
        ("個人番号123456789018", "123456789018"),
        ("CURP: HEGG560427MVZRRL04", "HEGG560427MVZRRL04"),
        ("NIK 3201234101900001", "3201234101900001"),
        ("NIP: 123-456-32-18", "123-456-32-18"),
        ('consumer_nic: "778656785V"', "778656785V"),
        ("NIC no 199912345678", "199912345678"),
        ("NHS number: 943 476 5919", "943 476 5919"),
        ("patient nhs_no=9434765919", "9434765919"),
        ("SIN 130 692 544", "130 692 544"),
        ("numéro d'assurance sociale : 130-692-544", "130-692-544"),
        ("TFN: 123 456 782", "123 456 782"),
        ("tax file number 123456782", "123456782"),
        ("Personnummer: 811218-9876", "811218-9876"),
        ("personnr 19811218-9876", "19811218-9876"),
        ("fødselsnummer 151086 95088", "151086 95088"),
        ("personnummer 15108695088", "15108695088"),  # Norway's, by the same word
        ("CPR-nr.: 211062-5629", "211062-5629"),
        ("henkilötunnus 131052-308T", "131052-308T"),
        ("Rijksregisternummer: 85.07.30-033.28", "85.07.30-033.28"),
        ("NIF 123456789", "123456789"),  # Portugal's, by Spain's word
        ("número de contribuinte 123456789", "123456789"),
        ("CNP 1630615123457", "1630615123457"),
        ("RUT: 76.086.428-5", "76.086.428-5"),
        ("cuil 20-05536168-2", "20-05536168-2"),
        ("תעודת זהות 039337423", "039337423"),
        ("Medicare MBI: 1EG4-TE5-MK73", "1EG4-TE5-MK73"),
        ("mbi=1eg4te5mk73", "1eg4te5mk73"),
        ("Driver's license: D1234567, expires 2027-05-01", "D1234567"),
        ('"driver_license_number": "A123-456-78-901-0"', "A123-456-78-901-0"),
        ("driving licence MORGA657054SM9IJ", "MORGA657054SM9IJ"),
        ("DLN 123 456 789 verified", "123 456 789"),
        ("DL# D1234567, exp 2027", "D1234567"),
        ("DL No. 123-456-789", "123-456-789"),
        # Germany's social insurance number: its date of birth, an initial, a check digit
        ("Sozialversicherungsnummer 65 170839 J 003", "65 170839 J 003"),
        ("SV-Nummer: 65170839J003", "65170839J003"),
        # China's resident id needs no name: its date of birth and check character
        ("resident id: 44011320141005001X", "44011320141005001X"),
        ('{"holder": "11010519491231002x"}', "11010519491231002x"),
        # and so do Italy's codice fiscale and Mexico's CURP, in capitals
        ("fattura elettronica: cliente RSSMRA85T10A562S", "RSSMRA85T10A562S"),
        ('"curp":"HEGG560427MVZRRL04"', "HEGG560427MVZRRL04"),
        # named by what it is rather than by its country
        ("National ID: 3171234567890001 issued 2020", "3171234567890001"),
        ("Tax ID: 12-3456789", "12-3456789"),
        ('{"tax_id": "98-7654321"}', "98-7654321"),
        ("citizen id 0012 3456 7890", "0012 3456 7890"),
        ("MRN: 00123456", "00123456"),
        ('{"patient_id": "P-0012345"}', "P-0012345"),
        # Singapore's NRIC and FIN, Hong Kong's identity card, the Emirates' id, Indonesia's KTP
        ("NRIC S1234567D", "S1234567D"),
        ("NRIC/FIN: G1234567X", "G1234567X"),
        ("HKID A123456(3)", "A123456(3)"),
        ("Emirates ID: 784-1987-1234567-1", "784-1987-1234567-1"),
        ("No. e-KTP 3171025403850001", "3171025403850001"),
    ],
)
def test_national_id_is_found(text: str, value: str) -> None:
    assert found("national-id", text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "id 529.982.247-26",  # a check digit is wrong
        "ref 111.111.111-11",  # one digit repeated: the checksum holds, the id does not exist
        "order 112-233-445 96",
        "inn 1234567890; snils 12345678901; cpf 12345678900",
        "national insurance number QQ123456C",  # QQ: HMRC's example, never issued
        "ni no way; CCCD pending",
        "version 529.982.247-25x; build 7.529.982.247-25",
        "Steuer-ID 86095742718; steuerid 06095742719",  # check digit wrong; leading 0
        "nida 12345678901234567890; NIDA status pending",  # no date of birth first
        '{"type": "CPF", "number": "52998224726"}',  # a check digit is wrong
        # each with its check digit (or letter, or date of birth) wrong
        "Aadhaar 2345 6789 0123; aadhaar 134567890124",  # and none starts with 0 or 1
        "PAN: ABCDE1234F",  # D is no holder's type
        "身份证号 11010519491231002Y，身份证 110105194913310021",
        "DNI 12345678A; NIE Z1234567L",
        "codice fiscale RSSMRA85T10A562T",
        "sécurité sociale 2 55 08 14 168 025 39",
        "PESEL 44051401358; PESEL 44133101357",
        "BSN 111222334",
        "TC Kimlik No: 10000000147; kimlik 00000000146",
        "주민등록번호 901301-1234567",
        "マイナンバー 1234 5678 9019",
        "CURP HEGG560427MVZRRL05",
        "NIK 3201234199900001",
        "NHS number 943 476 5918; SIN 130-692-545; SIN 046 454 286",  # none starts with 0
        "TFN 123 456 783; personnummer 811218-9877; fødselsnummer 15108695089",
        "CPR 321062-5629; hetu 131052-308U; rijksregisternummer 85073003329",
        "NIF 123456788; NIF 523456789; CNP 1630615123458; RUT 12345678-4",
        "CUIL 20-05536168-3; CUIT 30-05536168-2; teudat zehut 39337424",
        "medicare number 1EG4-TE5-MK7; MBI 1SG4-TE5-MK73; Medicare plan: Part B 2026",
        "drivers license expires 2027-05-01; driver's license class C; driver license: 2 years",
        "943 476 5919 130 692 544 811218-9876 1630615123457 76.086.428-5 20-05536168-2",
        "sin(0.5) = 0.4794255386; stuck in a rut for 12 days; CPR training 2026-05-11",
        # the same numbers with no name before them, and names that are words
        "12345678Z 44051401359 2345 6789 0124 ABCPE1234F 10000000146",
        "trwało 14 dni 12345678; das passiert nie, 10000000146 Mal; pan 0.5",
        "NIP 1234563219; NIC 778656785A; NIC 778999785V",
        # eighteen digits that are no resident id: check, date, a longer run, glued to a word
        "order 110105194912310021, 110105194913310028, 1101051949123100211, id11010519491231002X",
        "RSSMRA85T10A562T rssmra85t10a562s XRSSMRA85T10A562S",
        "HEGG560427MVZRRL05 HEGG560427MVZRRL04X",
        "national id verification failed for user 42; tax id: pending; Tax ID: 0000000000",
        "taxidermy 12345678; National ID: ${NATIONAL_ID}",
        "SV-Nummer 65170839J004; RVNR 65173239J003; versicherungsnummer A123456789",
        "DL 1234567 files; dl# pending",
        "NRIC S1234567A; HKID A123456(4); Emirates ID 784-1987-1234567-2; KTP 3171027803850001",
        "the fin is S1234567 ok; eid=4624; fin de la ligne; MRN pending; patient id: unknown",
    ],
)
def test_national_id_look_alike_is_kept(text: str) -> None:
    assert found("national-id", text) == []
