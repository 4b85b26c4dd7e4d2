"""Phone numbers: the forms found in each region, and the digit runs kept."""

from __future__ import annotations

import pytest
from _found import found

from supportkit.redaction.rules import phones
from supportkit.redaction.rules.phones import PHONE_REGIONS


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("call +84 28 3822 1234 today", "+84 28 3822 1234"),
        ("VN mobile +84912345678.", "+84912345678"),
        ("RU 8 (495) 123-45-67", "8 (495) 123-45-67"),
        ("RU +7 495 123-45-67", "+7 495 123-45-67"),
        ("TZ +255 22 211 1234", "+255 22 211 1234"),
        ("TZ 022 211 1234", "022 211 1234"),
        ("TZ 0754 123 456", "0754 123 456"),
        ("US (201) 555-0123", "(201) 555-0123"),
        ("US +1-202-555-0143", "+1-202-555-0143"),
        ("US 202-555-0143", "202-555-0143"),
        ("US 202.555.0143", "202.555.0143"),
        ("UK 020 7946 0958", "020 7946 0958"),
        ("UK +44 7700 900123", "+44 7700 900123"),
        ("DE 030 123456", "030 123456"),
        ("DE 0171 1234567", "0171 1234567"),
        ("IN mobile 098765 43210", "098765 43210"),
        ("DE +49 30 123456", "+49 30 123456"),
        ("FR 01 23 45 67 89", "01 23 45 67 89"),
        ("FR +33 6 12 34 56 78", "+33 6 12 34 56 78"),
        ("Tel: 06 12 34 56 78", "06 12 34 56 78"),
        ("portable 06.12.34.56.78.", "06.12.34.56.78"),
        ("standard +33 (0)1 42 68 53 00", "+33 (0)1 42 68 53 00"),
        ("手机：13800138000", "13800138000"),
        ("用户手机号码为 13800138000", "13800138000"),
        ("联系电话：010-12345678", "010-12345678"),
        ("휴대폰: 010-1234-5678", "010-1234-5678"),
        ("携帯: 090-1234-5678", "090-1234-5678"),
        ("Teléfono: 612 345 678", "612 345 678"),
        ("Mobile: 9876543210", "9876543210"),
        ("Handy: 0171 1234567", "0171 1234567"),
        ("IN +91 98765 43210", "+91 98765 43210"),
        ("BR +55 11 91234-5678", "+55 11 91234-5678"),
        ("tel:+84912345678", "+84912345678"),
        ("phone: 0912345678", "0912345678"),
        ("phoneNumber=2025550143", "2025550143"),
        ("телефон: 84951234567", "84951234567"),
        ("số điện thoại 0912345678", "0912345678"),
        ("namba ya simu 0754123456", "0754123456"),
        ("Kontakt: 0151/12345678", "0151/12345678"),
        ("call back on 0711234567", "0711234567"),
        ("UK +44 (0)7400 123456", "+44 (0)7400 123456"),
        ("DE +49 (0)89 21234567", "+49 (0)89 21234567"),
        ("VN 0901.234.567", "0901.234.567"),
        ("RU 8-916-123-45-67", "8-916-123-45-67"),
        ("UK 07700900123", "07700900123"),
        ("+84 28 3822 1234 81.2.69.160:53", "+84 28 3822 1234"),
        ('<a href="sms:0912345678">nhắn tin</a>', "0912345678"),
        ("viber://chat?number=%2B79123456789", "%2B79123456789"),
        ("https://wa.me/84912345678?text=hi", "84912345678"),
        ("GET /signup?phone=%2B1%20415%20555%202671&name=x", "%2B1%20415%20555%202671"),
        ("+84 28 3822 1234 5678 rows", "+84 28 3822 1234"),
        ("Mobile ID: 0912345678", "0912345678"),
        ("contact no. 030 12345678", "030 12345678"),
        ("手机号13812345678", "13812345678"),
        ("我的手机号是13812345678，谢谢", "13812345678"),
        ("電話番号は09012345678です", "09012345678"),
        ("мой номер 89161234567", "89161234567"),
        ("позвоните мне 89161234567 или напишите", "89161234567"),
        ("Клиент: Ольга, 89031234567", "89031234567"),
        # after a label, an international number the metadata does not know to be valid
        ("phone: +447700959999", "+447700959999"),
        ('{"mobile": "+15555550123"}', "+15555550123"),
        ("mój numer: 601 234 567", "601 234 567"),
        ("meu celular é 11 99999-8888", "11 99999-8888"),
        ("मेरा मोबाइल नंबर 9876543210 है", "9876543210"),
        ("नंबर 9876543210", "9876543210"),
        ("numéro de 06 12 34 56 78", "06 12 34 56 78"),
        ("Telefone inválido: 11 996113223 (53021)", "11 996113223"),
        ("customer +٩٦٦٥٠١٢٣٤٥٦٧ placed an order", "+٩٦٦٥٠١٢٣٤٥٦٧"),
        ("call +٢٠ ١٠٠ ١٢٣ ٤٥٦٧ today", "+٢٠ ١٠٠ ١٢٣ ٤٥٦٧"),
        ("تماس ۰۹۱۲۳۴۵۶۷۸۹ بگیرید", "۰۹۱۲۳۴۵۶۷۸۹"),
        ("رقم الجوال: ٠٥٠١٢٣٤٥٦٧", "٠٥٠١٢٣٤٥٦٧"),
        ("هاتف: 4155552671", "4155552671"),
        ("الجوال: 9123456789", "9123456789"),
        ("شماره موبایل 9123456789", "9123456789"),
        ("טלפון 4155552671", "4155552671"),
        ("เบอร์โทร4155552671", "4155552671"),
        ("nomor telepon 4155552671", "4155552671"),
        ("namba ya simu 4155552671", "4155552671"),
        ("ist die Hotline +44-20.3900.0164.", "+44-20.3900.0164"),
        ('{"phone": {\n  "country_code": "1",\n  "number": "8056594427"\n}}', "8056594427"),
        # a mobile network's MSISDN: international, without its "+"
        ("DLR msisdn=255712345678 status=DELIVRD", "255712345678"),
        ('{"MSISDN": "84912345678"}', "84912345678"),
    ],
)
def test_phone_is_found(text: str, value: str) -> None:
    """Phone numbers from each country, international and national, with exact bounds."""
    assert found("phone", text) == [value]


@pytest.mark.parametrize("region", PHONE_REGIONS)
def test_national_shape_admits_every_valid_example_number(region: str) -> None:
    """The pre-check that spares parsing never refuses a number that parses as valid in the
    region: written nationally, or after a country code or an international prefix."""
    lib = phones._phonenumbers()
    checked = 0
    for kind in ("FIXED_LINE", "MOBILE", "TOLL_FREE", "VOIP", "PREMIUM_RATE"):
        number = lib.example_number_for_type(region, getattr(lib.PhoneNumberType, kind))
        if number is None:
            continue
        national = lib.format_number(number, lib.PhoneNumberFormat.NATIONAL)
        international = lib.format_number(number, lib.PhoneNumberFormat.INTERNATIONAL)
        for written in (national, *(prefix + international[1:] for prefix in ("", "00", "011"))):
            try:
                parsed = lib.parse(written, region)
            except lib.NumberParseException:
                continue  # not a way to dial it from there (Korea's prefixes are 001, 002...)
            if lib.is_valid_number_for_region(parsed, region):
                checked += 1
                digits = "".join(char for char in written if char.isdigit())
                assert phones._may_be_valid_in(digits, region), written
        assert phones._is_phone.__wrapped__(national, "shape"), national
    assert checked >= 3


def test_national_number_is_parsed_only_where_its_digits_fit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A British number starting with a trunk 0 is never parsed as a US one."""
    lib = phones._phonenumbers()
    regions: list[str | None] = []
    parse = lib.parse

    def counting_parse(number: str, region: str | None = None) -> object:
        regions.append(region)
        return parse(number, region)

    monkeypatch.setattr(lib, "parse", counting_parse)
    assert phones._is_phone.__wrapped__("0161 496 0123", "shape")
    assert regions == ["GB"]


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-23 14:03:05,023 INFO started",
        "built 20261123140305 ok",
        "epoch 1732370000123 ms",
        "python 3.11.7.1234 and v1.2.3.4",
        "order ORD-1234567 and ORD-020-7946-0958",
        "size=1234567 bytes=0000123456",
        "took 1234567ms",
        "id 6f1c2a9e-1234-4bf9-8a2e-123456789012",
        "host 10.20.30.40:8080",
        "date 23.11.2026 14:03 and 01.02.26",
        "phone updated 14 11 2026 at noon and 14.11.26 10:00",
        "build 1.02.03.04.05",
        "version 01.02.03.04.05, Version: 02.11.04.01.23, ver. 01.23.45.67.89",
        "firmware 06.12.34.56.78 and release 04.10.22.13.05",
        "mobile: true, mobile app build 12345678, 手机 型号 2024",
        "Order #0123456789 placed, invoice №0123456789",
        "phone updated 2026-11-23 14:03:05",
        "telemetry batch 12345678",
        "rows 1234 5678 9012",
        "паспорт 45 06 123456",
        "+1234 is not a phone",
        "id GB08 RZQC 0098 8728 5933 93",
        "tz +07:00 and 01/02/2026",
        "/api/0123/4567890",
        "ts=1733480000 id=0912345678901 requestId: 0912345678 user_id 030 1234567",
        "SKU 090-123-4567-XL; serial: 0912345678; order 0912 345 678; routing 021000021",
        "routing number 021000021; ABA no. 026009593; order nr. 0912345678",
        "UPC 036000291452, GTIN: 00036000291452, serial number 0912345678",
        "D PhoneManager: phoneId=1\n03-17 16:13:46.778  2626  2839 D PhoneManager: x",
        "Dropbox[24019]: [0701/114930:WARNING:dns_config_service_posix.cc(306)] Failed",
        "CCFile::copyFile fileName is [2017-07-03_16,27,05.123034]-AirPortBrcm4360_Logs",
        "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block",
        "081109 205742 1001 INFO dfs.FSNamesystem: BLOCK* NameSystem.allocateBlock",
        "20081109 203615 and 081109-203615 and 081109T2036",
        "PHONE order ORD-4177763 and phone: see ticket INC-0912345678",
        "PHONE [34432:16455:0824/223796.631:WARNING:dns_config_service_posix.cc(509)] Failed",
        "WPA: TX EAPOL-Key 2/4 - hexdump(len=137): 88 8e 01 03 00 77 fe 01 09 00 20 00 00 00 01",
        "hostapd: hexdump(len=6): 0c 01 09 00 20 00",
        'ECR_REGISTRY="054331651301.dkr.ecr.us-east-1.amazonaws.com"',
        "sshd: rhost=061092085098.ctinets.com",
        "Telefone do comprador inválido: 247561 (53021)",
        "رقم الطلب ١٢٣٤٥٦٧٨٩٠ بتاريخ ٢٠٢٦-١٢-٠٧ الكمية ٠١٢٣٤",
        "الهاتف لا يعمل منذ ٢٠٢٦/١٢/٠٧",
        "номер заказа 1234567890, numer zamówienia 601234567",
        # eleven digits from 89 with no Cyrillic before them, or longer, or glued
        "order 89161234567 shipped; заказ",
        "ошибка: id 891612345678 и 189161234567",
        "ошибка\nts=89161234567",
        "phone: +12\ntel: +1234\nref +447700959999",  # too short, or with no label
        '{"phone": {"number": "12", "verified": true}}',
        "msisdn: 1; xmsisdn=255712345678; msisdn=12345",
    ],
)
def test_phone_look_alike_is_kept(text: str) -> None:
    """Timestamps, ids, versions, IPs, byte counts and bare digit runs are not phones."""
    assert found("phone", text) == []
