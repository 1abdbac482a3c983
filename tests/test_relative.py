from __future__ import annotations

import math

import pytest
from shapely.geometry import Point

from geomap import geoparse
from geomap.earth import KM_PER_DEGREE, haversine_km
from geomap.relative import (
    BEARING_NAMES,
    CITY_WEDGE_KM,
    NEAR_KM,
    TOWN_WEDGE_KM,
    Relation,
    combine_bearings,
    disc,
    nested,
    offset,
    precision_of,
    relation_label,
    relative_geometry,
    representative_point,
    sector_clip,
)


def bearing_of(centre: Point, p: Point) -> float:
    """Compass bearing from `centre` to `p` in degrees, on a local equirectangular plane."""
    dx = (p.x - centre.x) * math.cos(math.radians(centre.y))
    return math.degrees(math.atan2(dx, p.y - centre.y)) % 360


def test_bearings_combine_and_have_names():
    assert combine_bearings(0, 270) == 315 and combine_bearings(270, 0) == 315
    assert combine_bearings(0, 90) == 45 and combine_bearings(180, 270) == 225 and combine_bearings(180, 90) == 135
    assert BEARING_NAMES[315] == "northwest" and len(BEARING_NAMES) == 8


def test_relation_labels():
    assert relation_label(Relation.DIRECTION, 0) == "north"
    assert relation_label(Relation.COUNTRYSIDE, 90) == "countryside-east"
    assert relation_label(Relation.COUNTRYSIDE, None) == "countryside"
    assert relation_label(Relation.DESERT, 225) == "desert-southwest"
    assert relation_label(Relation.NEAR, None) == "near"


def test_disc_and_offset_measure_kilometres():
    lon, lat = 38.27, 34.56
    d = disc(lon, lat, 10.0)
    _, miny, maxx, maxy = d.bounds
    assert (maxy - miny) / 2 == pytest.approx(10.0 / KM_PER_DEGREE, rel=1e-3)
    assert haversine_km(lat, lon, lat, maxx) == pytest.approx(10.0, rel=0.01)
    olon, olat = offset(lon, lat, 0, 10.0)
    assert (olon, olat) == pytest.approx((lon, lat + 10.0 / KM_PER_DEGREE))
    olon, olat = offset(lon, lat, 90, 10.0)
    assert haversine_km(lat, lon, olat, olon) == pytest.approx(10.0, rel=0.01) and olon > lon


@pytest.mark.parametrize("bearing", sorted(BEARING_NAMES))
def test_a_sector_lies_towards_its_bearing(bearing):
    centre = Point(37.0, 35.0)
    part = sector_clip(disc(centre.x, centre.y, 30.0), centre, bearing)
    seen = bearing_of(centre, part.centroid)
    assert min(abs(seen - bearing), 360 - abs(seen - bearing)) < 5
    assert part.area < disc(centre.x, centre.y, 30.0).area / 2


def test_a_sector_that_misses_the_shape_keeps_all_of_it():
    far = disc(40.0, 35.0, 5.0)
    assert sector_clip(far, Point(37.0, 35.0), 270).equals(far)  # the shape lies east, the wedge points west


def test_precision_of_a_place_taken_whole(gaz):
    assert precision_of(gaz.lookup("C4121")) == 1  # a town
    assert precision_of(gaz.lookup("SY0302")) == 2  # a district
    assert precision_of(gaz.lookup("SY07")) == 3  # a governorate
    assert precision_of(gaz.lookup("region/syrian-badia")) == 3
    assert precision_of(gaz.lookup("region/jabal-al-zawiya")) == 2  # a small named region


def test_nested_places_are_one_place_at_two_scales(gaz):
    city, governorate, other = gaz.lookup("C3871"), gaz.lookup("SY07"), gaz.lookup("SY02")
    assert nested(city, governorate) and nested(governorate, city)
    assert not nested(city, other)


def test_countryside_of_a_governorate_part_in_a_direction(gaz):
    aleppo, city = gaz.lookup("SY02"), gaz.lookup("C1007")
    geom, precision = relative_geometry(gaz, aleppo, Relation.COUNTRYSIDE, 90)
    assert precision == 2 and geom.within(aleppo.geometry.buffer(1e-6))
    assert geom.centroid.x > city.lon + 0.3
    whole, precision = relative_geometry(gaz, aleppo, Relation.COUNTRYSIDE, None)
    assert precision == 3 and whole.area > geom.area


def test_countryside_of_a_town_leaves_out_the_town(gaz):
    saraqib = gaz.lookup("C3916")
    geom, precision = relative_geometry(gaz, saraqib, Relation.COUNTRYSIDE, None)
    assert not geom.contains(Point(saraqib.lon, saraqib.lat)) and precision == 2
    assert geom.distance(Point(saraqib.lon, saraqib.lat)) > 0


def test_near_is_a_small_disc_clipped_to_syria(gaz):
    saraqib = gaz.lookup("C3916")
    geom, precision = relative_geometry(gaz, saraqib, Relation.NEAR, None)
    assert precision == 2 and geom.contains(Point(saraqib.lon, saraqib.lat))
    far = max(haversine_km(saraqib.lat, saraqib.lon, y, x) for x, y in geom.exterior.coords)
    assert far == pytest.approx(NEAR_KM, rel=0.02)
    assert geom.within(gaz.lookup("SY").geometry.buffer(1e-6))


def test_a_direction_from_a_town_is_a_short_wedge_and_from_a_capital_a_long_one(gaz):
    saraqib, raqqa = gaz.lookup("C3916"), gaz.lookup("C5710")
    wedge, precision = relative_geometry(gaz, saraqib, Relation.DIRECTION, 0)
    far = max(haversine_km(saraqib.lat, saraqib.lon, y, x) for x, y in wedge.exterior.coords)
    assert precision == 2 and far <= TOWN_WEDGE_KM * 1.01 and wedge.centroid.y > saraqib.lat
    west, _ = relative_geometry(gaz, raqqa, Relation.DIRECTION, 270)
    assert west.centroid.x < raqqa.lon
    assert west.within(gaz.lookup(raqqa.admin1).geometry.buffer(1e-6))
    assert west.area > wedge.area and west.area < disc(raqqa.lon, raqqa.lat, CITY_WEDGE_KM).area


def test_a_direction_with_a_distance_is_a_point(gaz):
    tadmur = gaz.lookup("C2889")
    point, precision = relative_geometry(gaz, tadmur, Relation.DIRECTION, 0, 10.0)
    assert point.geom_type == "Point" and precision == 2
    assert (point.x, point.y) == pytest.approx((tadmur.lon, tadmur.lat + 10.0 / KM_PER_DEGREE))


def test_desert_of_a_town_is_the_badia_around_it(gaz):
    mayadin, badia = gaz.lookup("C5192"), gaz.lookup("region/syrian-badia")
    geom, precision = relative_geometry(gaz, mayadin, Relation.DESERT, None)
    assert precision == 3 and geom.within(badia.geometry.buffer(1e-6))
    assert geom.distance(Point(mayadin.lon, mayadin.lat)) < 0.5


def test_representative_point_lies_inside(gaz):
    aleppo = gaz.lookup("SY02")
    geom, _ = relative_geometry(gaz, aleppo, Relation.COUNTRYSIDE, 0)
    assert geom.contains(representative_point(geom))
    p = Point(36.0, 35.0)
    assert representative_point(p) is p


def test_a_named_countryside_is_the_band_beside_the_city_not_a_wedge_of_the_governorate():
    for text in ("قصف على ريف حماة الشمالي", "قصف على ريف حمص الشمالي"):
        m = geoparse(text)[0]
        assert m.precision == 2 and m.geometry.area < 0.2  # square degrees: a few sub-districts, not half a province
    hama_north = geoparse("قصف على الريف الحموي الشمالي")[0]
    assert haversine_km(hama_north.lat, hama_north.lon, 35.37, 36.60) < 20  # Kafr Zita
    idlib_south = geoparse("غارات على ريف إدلب الجنوبي")[0]
    assert haversine_km(idlib_south.lat, idlib_south.lon, 35.61, 36.56) < 25  # Kafr Nabl


def test_a_direction_of_the_city_itself_stays_near_the_city():
    city = geoparse("انفجار لغم شمالي مدينة الرقة")[0]
    around = geoparse("انفجار لغم شمالي الرقة")[0]
    raqqa = city.place
    assert haversine_km(city.lat, city.lon, raqqa.lat, raqqa.lon) < 12
    assert haversine_km(around.lat, around.lon, raqqa.lat, raqqa.lon) > haversine_km(
        city.lat, city.lon, raqqa.lat, raqqa.lon
    )
