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
    ],
)
def test_coordinates_are_found(text: str, values: list[str]) -> None:
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
    ],
)
def test_coordinate_look_alike_is_kept(text: str) -> None:
    assert found("location", text) == []
