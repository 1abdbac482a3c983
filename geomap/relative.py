"""Relative geometry: the area a phrase such as «ريف حلب الشرقي», «شمال سراقب» or «بادية الميادين» points at.

A relative phrase names a place and a relation to it (its countryside, its desert, its surroundings, a direction,
optionally a distance). `relative_geometry` turns that into a shape and an ACLED-style precision; the geoparser and
the geocoder both use it. Also here: bearings and their names, and the scale of a place taken whole
(`precision_of`) or as part of another (`nested`).
"""

from __future__ import annotations

import math
from enum import StrEnum

from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from geomap.earth import KM_PER_DEGREE
from geomap.gazetteer import Gazetteer, Place
from geomap.kinds import Importance

__all__ = [
    "BEARING_NAMES",
    "Relation",
    "combine_bearings",
    "disc",
    "nested",
    "offset",
    "precision_of",
    "relation_label",
    "relative_geometry",
    "representative_point",
    "sector_clip",
]


class Relation(StrEnum):
    """How a relative phrase relates to the place it names."""

    COUNTRYSIDE = "countryside"  # ريف X، الريف الإدلبي
    DESERT = "desert"  # بادية X
    NEAR = "near"  # أطراف X، محيط X، بالقرب من X
    DIRECTION = "direction"  # شمال X، على بعد 10 كم شمال X

    __hash__ = str.__hash__  # a relation is its name: hashed like the string, in C


NEAR_KM = 8.0  # «أطراف سراقب»: the edge of a town, a disc this wide
SMALL_TOWN_COUNTRYSIDE_KM = 12.0  # the countryside of a town that heads no district: a disc this wide
TOWN_HOLE_KM = 4.0  # «ريف X» leaves out the town itself, a disc this wide
TOWN_WEDGE_KM = 15.0  # «شمال سراقب»: a wedge this long beside a town
CITY_WEDGE_KM = 50.0  # «غربي الرقة»: a wedge this long around a governorate capital, inside its governorate
DESERT_DISC_KM = 40.0  # «بادية الميادين» of a town below governorate capital: the desert this far around it
SECTOR_HALF_ANGLE = 67.5  # a direction covers ±67.5° (an eighth of the compass either side of its neighbours)
SECTOR_REACH_DEGREES = 12.0  # the wedge polygon reaches this far, beyond any Syrian area
SECTOR_STEPS = 12  # arc segments of the wedge polygon
DISC_VERTICES = 48  # vertices of a disc polygon
SLIVER_AREA = 1e-4  # square degrees: a desert part smaller than this is a sliver, the whole area is meant

BEARING_NAMES: dict[float, str] = {
    0: "north",
    45: "northeast",
    90: "east",
    135: "southeast",
    180: "south",
    225: "southwest",
    270: "west",
    315: "northwest",
}
#: English compass words (lower case, a hyphen read as a space) and their bearings: "north", "northern",
#: "northeast", "north-eastern" ... as tables and English notes write them.
ENGLISH_BEARINGS: dict[str, float] = {
    form: bearing
    for bearing, name in BEARING_NAMES.items()
    for word in ([name] if len(name) <= len("south") else [name, name[:5] + " " + name[5:]])
    for form in (word, word + "ern")
}
_PRECISION_BY_KIND = {
    "community": 1,
    "neighbourhood": 1,
    "landmark": 1,
    "foreign_city": 1,
    "subdistrict": 2,
    "district": 2,
    "governorate": 3,
    "region": 3,
    "country": 3,
}


def precision_of(place: Place) -> int:
    """ACLED geo_precision of a place taken as a whole: 1 a town or point, 2 part of a region, 3 a large region."""
    if place.kind == "region" and place.subtype == "precision2":
        return 2
    if place.kind == "landmark" and place.subtype == "river":
        return 3
    return _PRECISION_BY_KIND.get(place.kind, 3)


def nested(a: Place, b: Place) -> bool:
    """True when one place contains the other by the admin hierarchy (Idlib city and Idlib governorate)."""
    return a.id in (b.admin1, b.admin2, b.admin3) or b.id in (a.admin1, a.admin2, a.admin3)


def combine_bearings(b1: float, b2: float) -> float:
    """Bisect two bearings: north + west → north-west (315)."""
    if {b1, b2} == {0, 270}:
        return 315
    return (b1 + b2) / 2


def relation_label(relation: Relation, bearing: float | None) -> str:
    """The relation as a mention reports it: "north", "countryside", "countryside-east", "near" ..."""
    if relation == Relation.DIRECTION:
        return BEARING_NAMES.get(bearing, "direction")
    if relation in (Relation.COUNTRYSIDE, Relation.DESERT) and bearing is not None:
        return f"{relation.value}-{BEARING_NAMES.get(bearing)}"
    return relation.value


def disc(lon: float, lat: float, km: float) -> Polygon:
    """A circle of radius `km` around a point, as a lon/lat polygon (local equirectangular scaling)."""
    dlat = km / KM_PER_DEGREE
    dlon = km / (KM_PER_DEGREE * math.cos(math.radians(lat)))
    return Polygon(
        [
            (lon + dlon * math.cos(t), lat + dlat * math.sin(t))
            for t in (2 * math.pi * i / DISC_VERTICES for i in range(DISC_VERTICES))
        ]
    )


def offset(lon: float, lat: float, bearing: float, km: float) -> tuple[float, float]:
    """The point `km` away from (lon, lat) towards `bearing` (degrees clockwise from north)."""
    b = math.radians(bearing)
    return (
        lon + km * math.sin(b) / (KM_PER_DEGREE * math.cos(math.radians(lat))),
        lat + km * math.cos(b) / KM_PER_DEGREE,
    )


def sector_clip(
    geom: BaseGeometry, centre: Point, bearing: float, half_angle: float = SECTOR_HALF_ANGLE
) -> BaseGeometry:
    """The part of `geom` within ±`half_angle` degrees of `bearing` as seen from `centre` (all of it if none)."""
    pts = [(centre.x, centre.y)]
    for k in range(SECTOR_STEPS + 1):
        a = math.radians(bearing - half_angle + k * (2 * half_angle / SECTOR_STEPS))
        pts.append((centre.x + SECTOR_REACH_DEGREES * math.sin(a), centre.y + SECTOR_REACH_DEGREES * math.cos(a)))
    part = geom.intersection(Polygon(pts))
    return part if not part.is_empty else geom


def representative_point(geom: BaseGeometry) -> Point:
    """The point that stands for a shape: its centroid when that lies inside, else a point surely inside."""
    if geom.geom_type == "Point":
        return geom
    if geom.geom_type in ("Polygon", "MultiPolygon") and geom.contains(geom.centroid):
        return geom.centroid
    return geom.representative_point()


def _area(gazetteer: Gazetteer, place: Place) -> tuple[BaseGeometry, bool]:
    """The area a relative phrase about `place` refers to, and whether it is large (precision 3)."""
    if place.kind in ("governorate", "region", "country"):
        return place.geometry, True
    if place.kind in ("district", "subdistrict"):
        return place.geometry, place.kind == "district"
    if place.kind == "community" and place.importance >= Importance.GOVERNORATE and place.admin1:
        return gazetteer.lookup(place.admin1).geometry, True
    if place.kind == "community" and place.importance >= Importance.DISTRICT and place.admin2:
        return gazetteer.lookup(place.admin2).geometry, False
    return disc(place.lon, place.lat, SMALL_TOWN_COUNTRYSIDE_KM), False


def relative_geometry(
    gazetteer: Gazetteer,
    place: Place,
    relation: Relation,
    bearing: float | None,
    distance_km: float | None = None,
    *,
    city: bool = False,
) -> tuple[BaseGeometry, int]:
    """The shape a relative phrase about `place` points at, clipped to Syria, and its precision (2 or 3).

    Parameters
    ----------
    gazetteer
        Where the governorate and district areas, the Badia and Syria's outline come from.
    place
        The place the phrase names (a town, a district, a governorate ...).
    relation
        Countryside, desert, near, or a direction.
    bearing
        Degrees clockwise from north (a direction, or «ريف X الشرقي»); None when the phrase gives none.
    distance_km
        «على بعد 10 كم شمال X»: a point this far towards `bearing`.
    city
        The phrase names the city itself («شمالي مدينة الرقة»): a direction is a part of the city and its edge,
        not the countryside on that side.
    """
    syria = gazetteer.lookup("SY").geometry
    if relation == Relation.NEAR:
        return disc(place.lon, place.lat, NEAR_KM).intersection(syria), 2
    if relation == Relation.DIRECTION and distance_km is not None:
        lon, lat = offset(place.lon, place.lat, bearing, distance_km)
        return Point(lon, lat), 2
    if relation == Relation.DESERT:
        return _desert(gazetteer, place, bearing).intersection(syria), 3
    area, large = _area(gazetteer, place)
    named = _named_countryside(gazetteer, place, relation, bearing)
    if named is not None:
        return named.geometry.intersection(syria), 2
    if relation == Relation.COUNTRYSIDE:
        geom = area
        if place.kind == "community":
            geom = geom.difference(disc(place.lon, place.lat, TOWN_HOLE_KM))
        if bearing is not None:
            centre = Point(place.lon, place.lat) if place.kind == "community" else area.centroid
            geom = sector_clip(geom, centre, bearing)
        return geom.intersection(syria), 3 if large and bearing is None else 2
    # a bare direction: "شمال سراقب" (beside a town), "غربي الرقة" (around a city, inside its governorate),
    # "شمال محافظة إدلب" (part of the area)
    if place.kind == "community":
        capital = place.importance >= Importance.GOVERNORATE and not city
        radius = CITY_WEDGE_KM if capital else TOWN_WEDGE_KM
        geom = sector_clip(disc(place.lon, place.lat, radius), Point(place.lon, place.lat), bearing)
        if capital:
            geom = geom.intersection(area)
        return geom.intersection(syria), 2
    geom = sector_clip(area, area.centroid, bearing)
    return geom.intersection(syria), 3 if large else 2


def _named_countryside(gazetteer: Gazetteer, place: Place, relation: Relation, bearing: float | None) -> Place | None:
    """The region regions.toml defines for «ريف X الشمالي» (id ``region/countryside-<P-code>-<direction>``), when
    `place` is a governorate or its capital and one is defined for that direction."""
    if relation != Relation.COUNTRYSIDE or bearing not in BEARING_NAMES:
        return None
    if place.kind == "governorate":
        gov = place.id
    elif place.kind == "community" and place.importance >= Importance.GOVERNORATE and place.admin1:
        gov = place.admin1
    else:
        return None
    return gazetteer.get(f"region/countryside-{gov}-{BEARING_NAMES[bearing]}")


def _desert(gazetteer: Gazetteer, place: Place, bearing: float | None) -> BaseGeometry:
    """«بادية X»: the Badia within the area of X (around a smaller town, within a disc), or that area itself."""
    badia = gazetteer.lookup("region/syrian-badia").geometry
    area, _ = _area(gazetteer, place)
    if place.kind == "community" and place.importance < Importance.GOVERNORATE:
        area = disc(place.lon, place.lat, DESERT_DISC_KM)
    geom = area.intersection(badia)
    if geom.is_empty or geom.area < SLIVER_AREA:
        geom = area
    if bearing is not None:
        geom = sector_clip(geom, geom.centroid, bearing)
    return geom
