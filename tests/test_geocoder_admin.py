"""Stated admin units: recognised in any common spelling, and a constraint on the place, not a hint."""

from __future__ import annotations

import pytest

from geomap import SyriaGeocoder
from geomap.geocoder import AdminNames


@pytest.fixture(scope="module")
def coder():
    return SyriaGeocoder()


@pytest.fixture(scope="module")
def admin(gaz):
    return AdminNames(gaz)


@pytest.mark.parametrize(
    ("text", "level", "expected"),
    [
        ("Dar'a", 1, "SY12"),
        ("Daraa Governorate", 1, "SY12"),
        ("Deraa", 1, "SY12"),
        ("درعا", 1, "SY12"),
        ("Rif Dimashq Governorate", 1, "SY03"),
        ("Rural Damascus", 1, "SY03"),
        ("Damascus Countryside", 1, "SY03"),
        ("ريف دمشق", 1, "SY03"),
        ("محافظة ريف دمشق", None, "SY03"),
        ("Hamah", 1, "SY05"),
        ("Hama Province", None, "SY05"),
        ("Al Hasakah Governorate", 1, "SY08"),
        ("Hasakeh", 1, "SY08"),
        ("Ar Raqqah", 1, "SY11"),
        ("Deir ez Zor Governorate", 1, "SY09"),
        ("Dayr az Zawr", 1, "SY09"),
        ("Idleb", 1, "SY07"),
        ("Idlib province", None, "SY07"),
        ("Latakia", 1, "SY06"),
        ("Lattakia", 1, "SY06"),
        ("Al Ladhiqiyah", 1, "SY06"),
        ("Mintaqat Azaz district", 2, "SY0204"),
        ("Markaz Idlib district", 2, "SY0700"),
        ("Mintaqat Markaz Homs district", 2, "SY0401"),
        ("Albu Kamal district", 2, "SY0902"),
        ("Jabal Saman district", 2, "SY0200"),
        ("Ayn al Arab district", 2, "SY0206"),
        ("Atarib district", 2, "SY020001"),  # a GADM district that is an OCHA sub-district
        ("Atareb nahiyah", None, "SY020001"),
        ("Ar-Ra'ee subdistrict", None, "SY020203"),
        ("ناحية الراعي", None, "SY020203"),
    ],
)
def test_admin_names_in_any_common_spelling(admin, text, level, expected):
    assert admin.find(text, level=level).id == expected


def test_a_name_that_names_no_unit_is_none(admin):
    assert admin.find("Atlantis Governorate", level=1) is None
    con = admin.constraint("Atlantis Governorate", "Ariha district")
    assert [u.id for u in con.units] == ["SY0705"] and con.unrecognised == ("Atlantis Governorate",)


@pytest.mark.parametrize(
    ("admin1", "expected_governorate"),
    [("Hamah", "SY05"), ("Homs Governorate", "SY04"), ("Al Hasakah Governorate", "SY08"), ("Tartus", "SY10")],
)
def test_a_homonym_is_placed_inside_the_stated_governorate(coder, admin1, expected_governorate):
    (best, *_) = coder.resolve("Hamidiya farm", admin1=admin1)
    assert best.place.admin1 == expected_governorate and best.precision == 1 and not best.fallback


def test_a_homonym_is_placed_inside_the_stated_district(coder, gaz):
    # Tiba lies in several districts of Homs governorate; the district decides
    for district in ("Mintaqat Markaz Homs district", "Tadmur district", "Al Mukharram district"):
        con = coder.admin_names.constraint("Homs Governorate", district)
        found = coder.resolve("Tayba village", admin1="Homs Governorate", admin2=district)
        assert found and con.admits(found[0].place), district


def test_a_miss_inside_a_stated_district_falls_back_to_the_district(coder):
    (r,) = coder.resolve("Mazraat Qurnufil village", admin1="Idleb", admin2="Ariha district")
    assert r.place.id == "SY0705" and r.precision == 2 and r.fallback
    assert "not found" in r.reason and "Ariha" in r.reason and r.method == "admin-fallback"
    (g,) = coder.resolve("Mazraat Qurnufil village", admin1="Idlib Governorate")
    assert g.place.id == "SY07" and g.precision == 3 and g.fallback


def test_a_fuzzy_match_never_beats_the_stated_unit(coder):
    # Kafr Nabl is in Idlib; stated in Daraa governorate, no candidate of the name lies there
    (r,) = coder.resolve("Kafranbel town", admin1="Daraa Governorate")
    assert r.place.id == "SY12" and r.fallback and r.precision == 3
    assert coder.resolve("Kafranbel town", admin1="Idleb")[0].place.id == "C4068"


def test_a_neighbourhood_name_stays_inside_its_city(coder):
    # «Qadam» is a Damascus neighbourhood; the row says Damascus, so no village elsewhere of a similar name
    best = coder.resolve("Qadam neighbourhood", admin1="Damascus")[0]
    assert best.place.admin1 == "SY01" and best.place.kind == "neighbourhood"


def test_a_district_drawn_wider_by_another_source_admits_its_neighbour(coder, gaz):
    # UCDP's (GADM's) Manbij district holds OCHA's A'rima sub-district, which OCHA puts in Al Bab district
    village = gaz.lookup("C1330")  # Kreidiyeh, in A'rima
    assert village.admin3 == "SY020206" and village.admin2 == "SY0202"
    best = coder.resolve("Kreidiyeh village", admin1="Aleppo Governorate", admin2="Manbij district")[0]
    assert best.place.id == "C1330" and not best.fallback and "outside" in best.reason
    # ... but not from a district farther away: stated in Jarabulus district, it is not taken
    far = coder.resolve("Kreidiyeh village", admin1="Aleppo Governorate", admin2="Jarabulus district")
    assert "C1330" not in [r.place.id for r in far]


def test_keyword_and_geopy_options_agree(coder):
    loc = coder.geocode("Mazraat Qurnufil village", admin1="Idleb", admin2="Ariha district")
    assert loc.raw["id"] == "SY0705" and loc.raw["fallback"] is True and loc.raw["precision"] == 2
    assert "not found" in loc.raw["reason"]
    assert coder.geocode("Mazraat Qurnufil village") is None  # without a stated unit nothing stands in for it


def test_the_table_query_form_constrains_like_the_keywords(coder):
    # the table path today sends «location, admin1»: the context part is a constraint too
    assert coder.resolve("Hamidiyah village, Tartus")[0].place.admin1 == "SY10"
    assert coder.resolve("Mazraat Qurnufil village, Idlib Governorate")[0].place.id == "SY07"
