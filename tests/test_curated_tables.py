"""The hand-curated gazetteer tables in geomap/build/curated: headers, ids, sources, uncertainties and positions.

These tests read the tables themselves (not the built gazetteer), and check them against the shipped gazetteer's
outline of Syria, its governorates and its communities and countries."""

from __future__ import annotations

import csv
import re
from itertools import combinations

import pytest
from shapely.geometry import Point

from geomap.arabic import is_arabic, normalize_name
from geomap.build.sources import CURATED
from geomap.earth import haversine_km

HEADERS = {
    "neighbourhoods.csv": "id,city,name_ar,name_en,aliases_ar,aliases_en,lat,lon,uncertainty_km,source",
    "landmarks.csv": "id,subtype,name_ar,name_en,aliases_ar,aliases_en,lat,lon,uncertainty_km,source",
    "foreign_places.csv": "id,country,name_ar,name_en,aliases_ar,aliases_en,lat,lon,source",
}
SYRIAN_TABLES = ("neighbourhoods.csv", "landmarks.csv")
ID_TABLES = (*HEADERS, "extra_places.csv", "rivers.csv")  # every curated table whose rows carry an id
LANDMARK_SUBTYPES = frozenset(
    {
        "airbase", "airport", "base", "military_site", "prison", "crossing", "camp", "dam", "lake", "power_station",
        "water_station", "oil_field", "gas_field", "refinery", "port", "square", "roundabout", "bridge", "mountain",
        "hill", "castle", "ancient_site", "heritage", "hospital", "facility",
    }
)  # fmt: skip
MAX_UNCERTAINTY_KM = 30.0  # the widest landmark (a lake or a range) is given by its centre within this radius
NEIGHBOURHOOD_MAX_KM = 12.0  # a quarter lies within this distance of its city's OCHA point
SAME_PLACE_KM = 3.0  # one name twice in a table closer than this is the same place written twice
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DIACRITICS = re.compile("[\u064b-\u0652\u0670]")  # tanwin, harakat, shadda, sukun, dagger alif


def read(name: str) -> list[dict[str, str]]:
    with open(CURATED / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def arabic_names(rec: dict[str, str]) -> list[str]:
    return [rec["name_ar"], *(a for a in rec["aliases_ar"].split("|") if a)]


def point(rec: dict[str, str]) -> Point:
    return Point(float(rec["lon"]), float(rec["lat"]))


@pytest.fixture(scope="module")
def syria(gaz):
    return gaz.lookup("SY").geometry


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header_is_exactly_the_documented_one(name):
    with open(CURATED / name, encoding="utf-8", newline="") as fh:
        assert fh.readline().rstrip("\r\n") == HEADERS[name]


def test_ids_are_lowercase_slugs_unique_across_all_curated_tables():
    seen: dict[str, str] = {}
    for name in ID_TABLES:
        for rec in read(name):
            assert SLUG.match(rec["id"]), f"{name}: id {rec['id']!r} is not a lowercase ascii slug"
            assert rec["id"] not in seen, f"id {rec['id']!r} in both {seen.get(rec['id'])} and {name}"
            seen[rec["id"]] = name


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_every_row_has_names_coordinates_and_a_source(name):
    for rec in read(name):
        assert rec["source"].strip(), f"{name}: {rec['id']} has no source"
        assert rec["name_en"].strip(), f"{name}: {rec['id']} has no English name"
        for n in arabic_names(rec):
            assert is_arabic(n), f"{name}: {rec['id']}: {n!r} is not Arabic"
            assert not DIACRITICS.search(n), f"{name}: {rec['id']}: {n!r} carries diacritics"
            assert n == " ".join(n.split()), f"{name}: {rec['id']}: {n!r} has stray spaces"
        assert -90 <= float(rec["lat"]) <= 90 and -180 <= float(rec["lon"]) <= 180, rec["id"]


@pytest.mark.parametrize("name", SYRIAN_TABLES)
def test_syrian_rows_have_an_uncertainty_and_lie_inside_syria(name, syria):
    for rec in read(name):
        km = float(rec["uncertainty_km"])
        assert 0 < km <= MAX_UNCERTAINTY_KM, f"{name}: {rec['id']} uncertainty {km}"
        assert syria.contains(point(rec)), f"{name}: {rec['id']} lies outside Syria's outline"


def test_landmark_subtypes_are_the_known_ones():
    unknown = {rec["id"]: rec["subtype"] for rec in read("landmarks.csv") if rec["subtype"] not in LANDMARK_SUBTYPES}
    assert not unknown


def test_neighbourhoods_lie_in_their_citys_governorate_near_the_city(gaz):
    for rec in read("neighbourhoods.csv"):
        city = gaz.lookup(rec["city"])
        assert city.kind == "community", f"{rec['id']}: city {rec['city']} is a {city.kind}"
        governorate = gaz.lookup(city.admin1)
        assert governorate.geometry.contains(point(rec)), f"{rec['id']} lies outside {governorate.name_en}"
        km = haversine_km(city.lat, city.lon, float(rec["lat"]), float(rec["lon"]))
        assert km <= NEIGHBOURHOOD_MAX_KM, f"{rec['id']} is {km:.1f} km from {city.name_en}"


def test_foreign_rows_lie_outside_syria_in_a_known_country(gaz, syria):
    for rec in read("foreign_places.csv"):
        assert gaz.get(f"country/{rec['country']}") is not None, f"{rec['id']}: unknown country {rec['country']}"
        assert rec["country"] != "SY" and not syria.contains(point(rec)), f"{rec['id']} lies inside Syria"


def test_foreign_aliases_name_a_country_or_a_foreign_city_of_the_gazetteer(gaz):
    for rec in read("foreign_aliases.csv"):
        target = rec["code"] if rec["code"].startswith("city/") else f"country/{rec['code']}"
        place = gaz.get(target)
        assert place is not None and not place.in_syria, f"foreign_aliases.csv: {rec['code']} ({rec['alias']})"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_no_arabic_name_twice_at_the_same_place(name):
    rows = read(name)
    for a, b in combinations(rows, 2):
        shared = {normalize_name(n) for n in arabic_names(a)} & {normalize_name(n) for n in arabic_names(b)}
        if shared:
            km = haversine_km(float(a["lat"]), float(a["lon"]), float(b["lat"]), float(b["lon"]))
            assert km >= SAME_PLACE_KM, f"{name}: {a['id']} and {b['id']} share {shared} {km:.1f} km apart"


def test_the_tables_cover_the_kinds_of_places_reporting_names():
    landmarks = read("landmarks.csv")
    assert len(landmarks) >= 200
    subtypes = {rec["subtype"] for rec in landmarks}
    assert {"crossing", "prison", "dam", "airbase", "camp", "oil_field", "castle", "square"} <= subtypes
    cities = {rec["city"] for rec in read("neighbourhoods.csv")}
    # Aleppo, Homs, Hama, Latakia, Raqqa, Deir ez-Zor, Daraa, Idlib and Damascus
    assert {"C1007", "C2528", "C2987", "C3480", "C5710", "C5086", "C5993", "C3871", "C1001"} <= cities
    assert {rec["country"] for rec in read("foreign_places.csv")} >= {"LB", "IQ", "TR", "JO"}
