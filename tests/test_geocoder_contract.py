"""The geopy promise, pinned the way geopy's own provider tests pin it."""

from __future__ import annotations

import geopandas as gpd
import pytest
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from geomap import SyriaGeocoder


@pytest.fixture(scope="module")
def coder():
    return SyriaGeocoder()


def test_is_a_geopy_geocoder(coder):
    assert isinstance(coder, Geocoder)


def test_geocode_exactly_one_is_a_location(coder):
    loc = coder.geocode("Saraqib")
    assert isinstance(loc, Location)
    assert loc.raw["id"] == "C3916" and loc.raw["query"] == "Saraqib"
    assert (loc.latitude, loc.longitude) == (loc.raw["lat"], loc.raw["lon"])
    assert isinstance(loc.point, Point) and "Syria" in loc.address


def test_geocode_not_exactly_one_is_a_list(coder):
    many = coder.geocode("Tiba", exactly_one=False)
    assert isinstance(many, list) and 1 < len(many) <= 5
    assert all(isinstance(x, Location) for x in many)
    assert coder.geocode("Saraqib", exactly_one=False)[0].raw["id"] == "C3916"


@pytest.mark.parametrize("query", ["Qwertzuvak Ploxinard", "", "   "])
def test_nothing_matches_is_none(coder, query):
    assert coder.geocode(query) is None
    assert coder.geocode(query, exactly_one=False) is None


def test_raw_carries_the_record_and_the_match(coder):
    raw = coder.geocode("Saraqib", timeout=5).raw
    assert {"id", "kind", "name_ar", "name_en", "admin1", "lat", "lon"} <= set(raw)
    assert {"precision", "confidence", "match_method", "relation", "fallback", "reason"} <= set(raw)
    assert raw["precision"] == 1 and raw["fallback"] is False and 0 < raw["confidence"] <= 1


@pytest.mark.parametrize("query", ["35.86, 36.80", (35.86, 36.80), Point(35.86, 36.80)])
def test_reverse_accepts_strings_tuples_and_points(coder, query):
    loc = coder.reverse(query)
    assert isinstance(loc, Location) and loc.raw["admin"]["governorate"]["id"] == "SY07"
    chain = coder.reverse(query, exactly_one=False)
    assert [x.raw["kind"] for x in chain][-1] == "governorate"


def test_reverse_outside_syria_is_none(coder):
    assert coder.reverse("48.85, 2.35") is None


def test_works_through_the_rate_limiter(coder):
    limited = RateLimiter(coder.geocode, min_delay_seconds=0)
    assert limited("Saraqib").raw["id"] == "C3916"
    assert limited("Mazraat Qurnufil village", admin1="Idleb", admin2="Ariha district").raw["fallback"] is True


def test_works_with_geopandas(coder):
    gdf = gpd.tools.geocode(["Saraqib", "Tadmur town"], provider=SyriaGeocoder)
    assert gdf.crs.to_epsg() == 4326
    assert gdf.geometry.y.round(1).tolist() == [35.9, 34.6]


def test_public_entry_points_have_numpydoc_parameter_sections():
    from geomap.gazetteer import Gazetteer

    for fn in (SyriaGeocoder.geocode, SyriaGeocoder.resolve, SyriaGeocoder.reverse, Gazetteer.search):
        assert "Parameters\n        ----------" in fn.__doc__, fn.__qualname__
        assert "Returns\n        -------" in fn.__doc__, fn.__qualname__
