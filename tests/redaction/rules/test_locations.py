"""Coordinates: a named latitude and longitude side by side, precise to about 100 m, go."""

from __future__ import annotations

import pytest
from _found import found


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Geolocation: lat=51.5237, lon=-0.1585, accuracy=12m", ["51.5237", "-0.1585"]),
        ('{"latitude": 51.523712, "longitude": -0.158512}', ["51.523712", "-0.158512"]),
        ("lng=-0.1585 lat=51.5237", ["-0.1585", "51.5237"]),
        ("Latitude: -33.8688\nLongitude: 151.2093", ["-33.8688", "151.2093"]),
        ("loc lat='10.762622' long='106.660172'", ["10.762622", "106.660172"]),
        ("lng=-17.41777 lat=84.63170\nrpc lat=0.558 p99=4.350", ["-17.41777", "84.63170"]),
        ("https://www.openstreetmap.org/?mlat=52.5200&mlon=13.4050", ["52.5200", "13.4050"]),
    ],
)
def test_coordinates_are_found(text: str, values: list[str]) -> None:
    assert found("location", text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("geo:52.5200,13.4050;u=35", ["52.5200", "13.4050"]),
        ("https://www.google.com/maps/@52.5200066,13.404954,15z", ["52.5200066", "13.404954"]),
        ("https://maps.google.com/?q=-33.868820,151.209296", ["-33.868820", "151.209296"]),
        ("maps/dir/?api=1&destination=52.520008%2C13.404954", ["52.520008", "13.404954"]),
        ("https://maps.apple.com/?ll=10.762622,106.660172&q=Home", ["10.762622", "106.660172"]),
        ("https://www.bing.com/maps?cp=52.520008~13.404954&lvl=15", ["52.520008", "13.404954"]),
        ("openstreetmap.org/#map=15/-6.7924/39.2083", ["-6.7924", "39.2083"]),
        ("Location[fused 52.520008,13.404954 hAcc=13 et=+1d2h]", ["52.520008", "13.404954"]),
    ],
)
def test_a_pair_in_a_map_link_or_a_location_is_found(text: str, values: list[str]) -> None:
    """A map link and Android's Location write the pair as one value, with no names."""
    assert found("location", text) == values


@pytest.mark.parametrize(
    "text",
    [
        "lat=0.123ms p99=0.456ms",  # a latency, alone
        "rpc lat=0.558ms lon=1.234",  # a unit makes a figure no coordinate
        "lat=51.5 lon=-0.1",  # a city, not a house
        "lat: 91.123 lon: 10.123",  # no latitude
        "lat=51.5237 then 200 characters later " + "x" * 120 + " lon=-0.1585",
        "translate=12.345 plate=1.234 latest=2.345 along=3.456",
        "https://maps.google.com/?q=52.5,13.4 and /@52.52,13.40,12z",  # a city
        "npm /@types/node@18.11.9; geo:95.1234,13.4050; ?q=release 1.234,5.678",
        "?ll=12.345 alone; Location[gps] unknown; /@scope/pkg/1.234,2.345",
    ],
)
def test_coordinate_look_alike_is_kept(text: str) -> None:
    assert found("location", text) == []
