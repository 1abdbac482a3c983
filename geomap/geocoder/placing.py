"""Turning a chosen place into a result that says what it is: a relative part of it, a road between two places,
a stated unit standing in for a place not found inside it, a feature placed at the place it is named after."""

from __future__ import annotations

from shapely.geometry import LineString

from geomap.gazetteer import Gazetteer, Place
from geomap.geocoder.admin_names import AdminConstraint
from geomap.geocoder.query import KindHint, NamePhrase
from geomap.geocoder.result import GeocodeResult, MatchMethod
from geomap.kinds import Importance
from geomap.relative import Relation, precision_of, relation_label, relative_geometry, representative_point

__all__ = [
    "FALLBACK_CONFIDENCE",
    "NAMESAKE_PRECISION",
    "ROAD_PRECISION",
    "as_namesake",
    "one_end",
    "relative_result",
    "road_result",
    "unit_fallback",
]

FALLBACK_CONFIDENCE = 0.3  # a stated unit standing in for a place not found inside it
NAMESAKE_PRECISION = 2  # a feature placed at the village it is named after: near it, not at it
ROAD_PRECISION = 2  # somewhere on the road between two places


def relative_result(
    gazetteer: Gazetteer, place: Place, phrase: NamePhrase, *, confidence: float, score: float
) -> GeocodeResult:
    """The part of `place` a relative phrase points at («Aleppo countryside» is the governorate's)."""
    whole_unit = phrase.relation == Relation.COUNTRYSIDE or phrase.kind == KindHint.GOVERNORATE
    if place.kind == "community" and place.importance >= Importance.GOVERNORATE and whole_unit and place.admin1:
        place = gazetteer.lookup(place.admin1)
    geom, precision = relative_geometry(gazetteer, place, phrase.relation, phrase.bearing, phrase.distance_km)
    if geom.is_empty:  # a part that falls outside Syria's outline: keep the place itself
        geom, precision = place.geometry, precision_of(place)
    rep = representative_point(geom)
    return GeocodeResult(
        place,
        lat=rep.y,
        lon=rep.x,
        geometry=geom,
        precision=precision,
        confidence=confidence,
        method=MatchMethod.RELATIVE,
        relation=relation_label(phrase.relation, phrase.bearing),
        bearing=phrase.bearing,
        score=score,
    )


def road_result(a: GeocodeResult, b: GeocodeResult, constraint: AdminConstraint | None) -> GeocodeResult:
    """On the road between two places: the middle of the stretch inside the stated unit (of the whole line when
    it does not pass through it), precision 2, the line as geometry."""
    line = LineString([(a.lon, a.lat), (b.lon, b.lat)])
    part = line
    if constraint is not None and constraint.units:
        inside = line.intersection(constraint.most_specific.geometry)
        part = inside if not inside.is_empty and inside.length > 0 else line
    mid = part.interpolate(0.5, normalized=True)
    r = GeocodeResult(
        a.place,
        lat=mid.y,
        lon=mid.x,
        geometry=line,
        precision=ROAD_PRECISION,
        confidence=min(a.confidence, b.confidence),
        method=MatchMethod.ROAD,
    )
    r.reason = f"on the road between {a.place.name_en} and {b.place.name_en}"
    return r


def one_end(known: GeocodeResult, missing: str) -> GeocodeResult:
    """A road whose other end was not found: the end that was, precision 2, saying so."""
    known.precision, known.fallback, known.method = max(known.precision, ROAD_PRECISION), True, MatchMethod.ROAD
    known.reason = f"on the road to {missing!r}, which was not found; placed at the end that was"
    return known


def unit_fallback(query: str, constraint: AdminConstraint) -> GeocodeResult:
    """Nothing the name may mean lies inside the stated unit: the unit itself (precision 2 or 3), saying so."""
    unit = constraint.most_specific
    r = GeocodeResult.from_place(unit, confidence=FALLBACK_CONFIDENCE, method=MatchMethod.ADMIN_FALLBACK)
    r.fallback = True
    r.reason = f"{query!r} not found in {constraint.describe()}; placed at the {unit.kind}"
    if constraint.unrecognised:
        r.reason += f" (unrecognised admin name(s) {list(constraint.unrecognised)})"
    return r


def as_namesake(r: GeocodeResult, written: str) -> None:
    """A feature unknown by itself, placed at the place it is named after: precision 2 at least, saying so."""
    r.precision = max(r.precision, NAMESAKE_PRECISION)
    r.method = MatchMethod.NAMESAKE_FALLBACK
    r.fallback = True
    r.reason = f"{written!r} is not in the gazetteer; placed at {r.place.name_en or r.place.name_ar}, its namesake"
