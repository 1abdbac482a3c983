"""Latin-script place strings as tables write them: transliteration variants, kind words and qualifiers, a
city's neighbourhoods, roads, relative phrases, presentation forms, and fallbacks that say so."""

from __future__ import annotations

import pytest

from geomap import SyriaGeocoder
from geomap.earth import haversine_km


@pytest.fixture(scope="module")
def coder():
    return SyriaGeocoder()


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("Ayn Issa", "C5905"),  # Ayn/Ain/Ein
        ("Ain Issa town", "C5905"),
        ("Deir Hafer", "C1240"),  # Dayr/Deir
        ("Tal Rifaat", "C1621"),  # Tall/Tell/Tal
        ("Tell Rifat", "C1621"),
        ("Sheikh Maqsoud", "curated/aleppo-sheikh-maqsoud"),  # Shaykh/Sheikh
        ("Shaykh Maqsud neighbourhood", "curated/aleppo-sheikh-maqsoud"),
        ("Es Safira city", "C2154"),  # sun letters
        ("Salamieh", "C3244"),  # -iyah/-iyeh/-ieh
        ("Tal Abiad", "C5792"),  # doubled letters
        ("Kamishli", "C4564"),  # q/k
        ("Jisr al-Shoughour", "C4199"),  # ou/u, sh, gh
        ("Dayr az-Zawr city", "C5086"),
    ],
)
def test_transliteration_classes_resolve(coder, spelling, expected):
    best = coder.resolve(spelling)[0]
    assert best.place.id == expected and best.precision == 1


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("Saraqib city centre", "C3916", 1),
        ("Rural Damascus", "SY03", 3),
        ("Atareb nahiyah", "SY020001", 2),
        ("Kuweires Military Airbase", "landmark/kuweires-airbase", 1),
        ("Taftanaz air base", "landmark/taftanaz-airbase", 1),
        ("Bab al-Hawa border crossing", "landmark/bab-al-hawa-crossing", 1),
        ("Qabasin (Aleppo)", "C1209", 1),
        ("Salaheddine neighbourhood, Aleppo", "curated/aleppo-salaheddine", 1),
    ],
)
def test_kind_words_and_qualifiers_do_not_defeat_the_look_up(coder, text, expected, precision):
    best = coder.resolve(text)[0]
    assert (best.place.id, best.precision) == (expected, precision)


def test_a_feature_unknown_by_itself_is_placed_at_its_namesake_with_precision_2(coder):
    best = coder.resolve("Tall Ruman hill", admin1="Idleb")[0]  # no such hill in the gazetteer; a village Ruman?
    assert best.fallback and best.precision >= 2
    dam = coder.resolve("Kafr Zita dam")[0]  # a dam named after the town: near it, not at it
    assert dam.place.id == "C3463" and dam.precision == 2 and dam.fallback and "namesake" in dam.reason


def test_city_dash_neighbourhood(coder, gaz):
    best = coder.resolve("Homs - Karm al-Zeitoun")[0]
    assert best.place.kind == "neighbourhood" and best.place.admin1 == "SY04"
    homs = gaz.lookup("C2528")
    assert haversine_km(best.lat, best.lon, homs.lat, homs.lon) < 10
    unknown = coder.resolve("Aleppo - Hayy al-Mukhtalaq")[0]  # a neighbourhood the gazetteer lacks: the city
    assert unknown.place.id == "C1007" and unknown.fallback and "not found" in unknown.reason


def test_a_road_between_two_places_is_on_the_road(coder, gaz):
    r = coder.resolve("Saraqib-Ariha road")[0]
    a, b = gaz.lookup("C3916"), gaz.lookup("C4278")
    span = haversine_km(a.lat, a.lon, b.lat, b.lon)
    assert r.method == "road" and r.precision == 2 and r.geometry.geom_type == "LineString"
    assert haversine_km(r.lat, r.lon, a.lat, a.lon) < span and haversine_km(r.lat, r.lon, b.lat, b.lon) < span
    assert abs(haversine_km(r.lat, r.lon, a.lat, a.lon) - span / 2) < 2  # the middle, not either town
    inside = coder.resolve("Saraqib - Ariha road", admin1="Idleb", admin2="Ariha district")[0]
    district = gaz.lookup("SY0705").geometry
    from shapely.geometry import Point

    assert district.buffer(0.01).contains(Point(inside.lon, inside.lat))  # the stretch inside the stated district


@pytest.mark.parametrize(
    ("text", "place", "relation", "precision"),
    [
        ("Northern Hama Governorate", "SY05", "north", 3),
        ("northern Hama countryside", "SY05", "countryside-north", 2),
        ("the eastern countryside of Deir ez-Zor", "SY09", "countryside-east", 2),
        ("outskirts of Saraqib", "C3916", "near", 2),
        ("20 km east of Palmyra", "C2889", "east", 2),
    ],
)
def test_relative_phrases(coder, gaz, text, place, relation, precision):
    r = coder.resolve(text)[0]
    assert (r.place.id, r.relation, r.precision) == (place, relation, precision)
    if "km" in text:
        tadmur = gaz.lookup("C2889")
        assert 18 < haversine_km(r.lat, r.lon, tadmur.lat, tadmur.lon) < 22 and r.lon > tadmur.lon


def test_an_exact_name_beats_a_relative_reading(coder):
    assert coder.resolve("Eastern Ghouta")[0].place.id == "region/eastern-ghouta"
    assert coder.resolve("Western Tiba")[0].place.id == "C2546"  # a qualifier that is part of the name


def test_presentation_forms_are_read(coder):
    pdf = "ﻣﻨﻄﻘﺔ ﺍﻟﻼﺫﻗﻴﺔ"  # «منطقة اللاذقية» as a PDF copies it
    assert coder.geocode(pdf).raw["id"] == "SY0600"  # the district (منطقة) of Lattakia


def test_alternatives_and_unit_alternatives(coder):
    assert coder.resolve("Qwertzuvak/Kafranbel town")[0].place.id == "C4068"  # the alternative that exists
    assert coder.resolve("Saraqib / Idlib")[0].place.id == "C3916"  # a governorate after the slash is context
