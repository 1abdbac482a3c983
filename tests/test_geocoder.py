import geopandas as gpd
import pytest
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location

from geomap import SyriaGeocoder


@pytest.fixture(scope="module")
def coder():
    return SyriaGeocoder()


@pytest.mark.parametrize(
    ("query", "expected", "precision"),
    [
        ("Tadmur town", "C2889", 1),
        ("Idlib Governorate", "SY07", 3),
        ("Deir ez-Zor city", "C5086", 1),
        ("Sarmada / Idlib", "C4121", 1),
        ("سرمدا، إدلب", "C4121", 1),
        ("البادية السورية", "region/syrian-badia", 3),
        ("Palmyra", "C2889", 1),
        ("Kobani", "C1946", 1),
        ("Abu Kamal", "C5167", 1),
        ("Eastern Ghouta", "region/eastern-ghouta", 3),
        ("Menbij District", "SY0205", 2),
        ("الطيبة، درعا", "C5992", 1),
    ],
)
def test_table_style_queries(coder, query, expected, precision):
    loc = coder.geocode(query)
    assert isinstance(loc, Location)
    assert loc.raw["id"] == expected and loc.raw["precision"] == precision


def test_relative_queries(coder, gaz):
    loc = coder.geocode("Northern Hama Governorate")
    assert loc.raw["id"] == "SY05" and loc.raw["relation"] == "north"
    assert loc.latitude > gaz.lookup("SY05").geometry.centroid.y
    east = coder.geocode("ريف حلب الشرقي")
    assert east.raw["id"] == "SY02" and east.longitude > gaz.lookup("C1007").lon


def test_no_match_is_none_and_lists_on_request(coder):
    assert coder.geocode("Atlantis") is None
    assert coder.geocode("") is None
    many = coder.geocode("Tiba", exactly_one=False)
    assert len(many) >= 5 and all(isinstance(x, Location) for x in many)
    assert coder.geocode("Washington", syria_only=True) is None


def test_reverse(coder):
    loc = coder.reverse("36.18, 36.72")
    assert loc.raw["id"] == "C4121"
    assert loc.raw["admin"]["governorate"]["id"] == "SY07"
    chain = coder.reverse((33.51, 36.29), exactly_one=False)
    assert [x.raw["kind"] for x in chain] == ["community", "subdistrict", "district", "governorate"]
    assert coder.reverse("48.85, 2.35") is None


def test_works_with_rate_limiter_and_geopandas(coder):
    limited = RateLimiter(coder.geocode, min_delay_seconds=0)
    assert limited("Idlib Governorate").raw["id"] == "SY07"
    gdf = gpd.tools.geocode(["Tadmur town", "Sarmada"], provider=SyriaGeocoder)
    assert gdf.crs.to_epsg() == 4326
    assert gdf.geometry.y.round(2).tolist() == [34.56, 36.18]


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("Al Lataminah", {"C3458", "C3138"}),
        ("Kinsabba", {"C3750"}),
        ("Beit Jinn", {"C2478"}),
        ("Busra al Harir", {"C6105"}),
        ("Talbisah", {"C2882"}),
        ("Mayadeen", {"C5192"}),
        ("Al Ghouta", {"region/eastern-ghouta"}),
        ("Jisr al-Shughour", {"C4199"}),
        ("Khan Shaykhoun", {"C3987"}),
        ("Dabiq", {"C1597"}),
    ],
)
def test_acled_style_transliterations(coder, spelling, expected):
    loc = coder.geocode(spelling, syria_only=True)
    assert loc is not None and loc.raw["id"] in expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("al-Raqqah town", "C5710"),
        ("Jobar (Damascus)", "C10011011"),
        ("سرمدا (إدلب)", "C4121"),
        ("al-Baghuz Fawqani village", "curated/baghuz"),
        ("Idlib province", "SY07"),
        ("Tiba, Homs", "C2896"),
    ],
)
def test_ucdp_style_where_coordinates(coder, query, expected):
    assert coder.geocode(query, syria_only=True).raw["id"] == expected
