"""Postal addresses after their labels; network, memory and mail addresses, and labels without
a street's shape after them, are kept."""

from __future__ import annotations

import pytest
from _found import found


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            '"shipping_address": "221B Baker Street, London NW1 6XE", "plan": "pro"',
            ["221B Baker Street, London NW1 6XE"],
        ),
        (
            "billing address: 1600 Amphitheatre Parkway, Mountain View, CA 94043\nnext",
            ["1600 Amphitheatre Parkway, Mountain View, CA 94043"],
        ),
        (
            '{"line1": "12 Baker Street", "line2": "Flat 3", "city": "London"}',
            ["12 Baker Street", "Flat 3"],
        ),
        ('"addressLine1": "5 Main St", "address_line_2": "Suite 200"', ["5 Main St", "Suite 200"]),
        ('"street": "Hauptstraße 5", "zip": "10115", "ort": "Berlin"', ["Hauptstraße 5"]),
        ("order 1042 address=42 Wallaby Way, Sydney&plan=pro", ["42 Wallaby Way, Sydney"]),
        ("Address: 10 Downing Street, London.", ["10 Downing Street, London"]),
        ("Adresse : 12 rue de la Paix, 75002 Paris", ["12 rue de la Paix, 75002 Paris"]),
        ("Anschrift: Musterweg 12a, 12345 Berlin; Tel. folgt", ["Musterweg 12a, 12345 Berlin"]),
        # a bare label, and a German street written as one word
        ("Adresse: Hauptstraße 5, 10115 Berlin", ["Hauptstraße 5, 10115 Berlin"]),
        ("address=Bahnhofstr. 12", ["Bahnhofstr. 12"]),
        ("dirección: Calle Mayor 5, 28013 Madrid", ["Calle Mayor 5, 28013 Madrid"]),
        ("endereço=Rua Augusta 1500, São Paulo", ["Rua Augusta 1500, São Paulo"]),
        ("indirizzo: Via Roma 10, Milano", ["Via Roma 10, Milano"]),
        ("адрес: г. Москва, ул. Тверская, д. 7, кв. 12", ["г. Москва, ул. Тверская, д. 7, кв. 12"]),
        ("住所：東京都千代田区千代田1-1", ["東京都千代田区千代田1-1"]),
        ("收货地址: 北京市朝阳区建国路88号", ["北京市朝阳区建国路88号"]),
        ("住址：北京市朝阳区建国路88号", ["北京市朝阳区建国路88号"]),
        ("주소: 서울특별시 중구 세종대로 110", ["서울특별시 중구 세종대로 110"]),
        (
            "địa chỉ: 123 Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh",
            ["123 Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh"],
        ),
        ("alamat: Jl. Sudirman No. 5, Jakarta", ["Jl. Sudirman No. 5, Jakarta"]),
        ("Anwani: Mtaa wa Uhuru 12, Dar es Salaam", ["Mtaa wa Uhuru 12, Dar es Salaam"]),
        ("level=info home_address='7 Elm Road' saved", ["7 Elm Road"]),
        # JSON inside a string, its quotes escaped, and XML
        ('body="{\\"shipping_address\\": \\"12 Baker Street\\"}"', ["12 Baker Street"]),
        ('{\\"address\\":{\\"line1\\":\\"7 Elm Road\\"}}', ["7 Elm Road"]),
        ("<street>12 Baker Street</street><city>London</city>", ["12 Baker Street"]),
        ("<ns:AddressLine1>5 Main St</ns:AddressLine1>", ["5 Main St"]),
        # in a sentence, where someone says where they live or want a parcel: the street
        ("Hi, I live at 12 Baker Street, London.", ["12 Baker Street"]),
        ("please ship to 1600 Amphitheatre Parkway, Mountain View", ["1600 Amphitheatre Parkway"]),
        ("ship it to 7 Elm Road Apt 4, Leeds", ["7 Elm Road Apt 4"]),
        ("j'habite au 12 rue de Rivoli, Paris", ["12 rue de Rivoli"]),
        ("Ich wohne in der Hauptstraße 5 in Berlin.", ["Hauptstraße 5"]),
        ("vivo en la Calle Mayor 5, Madrid", ["Calle Mayor 5"]),
    ],
)
def test_a_postal_address_after_its_label_is_found(text: str, values: list[str]) -> None:
    """Shops, help desks and sign-up forms log where a person lives or has parcels sent."""
    assert found("postal-address", text) == values


@pytest.mark.parametrize(
    "text",
    [
        # network, mail, memory and wallet addresses
        "listening on address: 0.0.0.0 port 8080; bind address=127.0.0.1:8080",
        "OSError: [Errno 98] Address already in use",
        "ip_address: 81.2.69.160, IP-Adresse: 81.2.69.161, IP地址: 81.2.69.162",
        "Physical Address. . . . . . . . . : 3C-22-FB-12-34-56",
        "email_address: ana@example.com; E-Mail-Adresse: ana@example.com",
        "return address 0x7f3a2c1d5e10; fault address: 0x0000000000000010",
        "wallet address: 0x742d35Cc6634C0532925a3b844Bc454e4438f44e",
        "remote address 10.0.0.5:443; peer address=[2001:db8::1]:443",
        "Server Address: 10 Main Street",  # a server's, whatever it says
        "адрес сервера: 10.0.0.1; 服务器地址: 10.0.0.1",
        "anwani ya IP: 10.0.0.5; anwani ya seva: 10 Main Street",  # an IP's, a server's
        # empty, placeholders and prose
        '"address": null, "line1": null, "line2": "", "street": "N/A"',
        "address: ${SHIPPING_ADDRESS}; address=%s; street: Unknown",
        "address: 3 Errors found",  # no street's shape
        "address family 10 (AF_INET6)",
        "Adresse: Port 8080; address: Norweg 5 errors",  # no street ends those words
        "Street: 5 cars parked outside; line1: 3 errors, 2 warnings",  # prose, in lower case
        "Mailing address: see above",
        "line 12: unexpected token",
        # sentences with no street in them
        "the servers live at 10.0.0.1; we ship to 42 countries; deliver to 3 Warehouses today",
        "I live at 5th Avenue; ship to Berlin 2 boxes; my address is on file",
    ],
)
def test_other_addresses_and_labels_without_one_are_kept(text: str) -> None:
    assert found("postal-address", text) == []
