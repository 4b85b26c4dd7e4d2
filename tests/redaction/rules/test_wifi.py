"""Wi-Fi network names go after their label; hidden networks' stand-ins and BSSIDs' label stay."""

from __future__ import annotations

import pytest
from _found import found


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("wlan0: Trying to associate with SSID 'Olga Home'", ["Olga Home"]),
        ('connected to SSID "Lima Family 5G"', ["Lima Family 5G"]),
        ("     SSID: HomeNet\n     BSSID: 1c:2d:3e:4f:5a:6b", ["HomeNet"]),
        ('{"ssid": "Anas WiFi", "bssid": "aa:bb:cc:dd:ee:ff"}', ["Anas WiFi"]),
        ('mWifiInfo SSID: "\\"OlgaNet\\"", BSSID: 02:00:00:00:00:00', ["OlgaNet"]),
        ("wifi_ssid=Petrov_Home; rssi=-61", ["Petrov_Home"]),
    ],
)
def test_ssid_is_found(text: str, values: list[str]) -> None:
    assert found("wifi-network", text) == values


@pytest.mark.parametrize(
    "text",
    [
        "SSID: <unknown ssid>, BSSID: 02:00:00:00:00:00",
        "ssid=0x; SSID: any; SSID: (null); ssid: <hidden>",
        "found 12 SSIDs; ssid_len=8; bssid=aa:bb:cc:dd:ee:ff",
        "SUPPLICANT_STATE_CHANGE_EVENT 22 0 rt=250864  SSID:  BSSID: 00:00:00:00:00:00",
    ],
)
def test_ssid_look_alike_is_kept(text: str) -> None:
    assert found("wifi-network", text) == []
