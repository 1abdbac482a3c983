"""`GeocodeResult`: what a query resolved to, how, how surely, and — when it was placed at a stated unit rather
than at the place it names — why."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from geopy.location import Location
from geopy.point import Point as GeoPoint

from geomap.gazetteer import Gazetteer, Place
from geomap.geoparse import Mention
from geomap.relative import precision_of

__all__ = ["GeocodeResult", "MatchMethod", "to_location"]


class MatchMethod(StrEnum):
    """How a query met its place."""

    NAME = "name"  # one of the place's names, as the normaliser folds it
    TRANSLITERATION = "transliteration"  # another romanisation of the place's name (Taybeh for At Tayyibah)
    CLOSE_SPELLING = "close-spelling"  # a letter or two off one of its names
    RELATIVE = "relative"  # a part of the place ("Northern Hama", "Aleppo countryside", "20 km east of X")
    GEOPARSE = "geoparse"  # an Arabic phrase read by the geoparser
    ROAD = "road"  # the road between two places ("A-B road")
    ADMIN_FALLBACK = "admin-fallback"  # nothing of the name inside the stated unit: the unit itself
    NAMESAKE_FALLBACK = "namesake-fallback"  # a landmark unknown by itself, placed at the place it is named after

    __hash__ = str.__hash__


@dataclass(slots=True, eq=False)
class GeocodeResult:
    """A place (or a part of it) a query resolved to.

    `precision` is ACLED's geo_precision (1 a town or point, 2 part of a region or near a place, 3 a large region).
    `fallback` is true when the query's own place was not found and a stated unit (or the place a landmark is
    named after) stands in for it; `reason` then says so in words."""

    place: Place
    lat: float
    lon: float
    geometry: Any
    precision: int
    confidence: float
    method: str
    relation: str | None = None
    bearing: float | None = None
    fallback: bool = False
    reason: str | None = None
    score: float | None = None  # the ranking score (`geomap.geocoder.ranking`), when candidates were ranked

    @classmethod
    def from_place(
        cls, p: Place, *, confidence: float, method: str, score: float | None = None, precision: int | None = None
    ) -> GeocodeResult:
        """The place taken whole (its own precision unless `precision` says otherwise)."""
        return cls(
            p,
            lat=p.lat,
            lon=p.lon,
            geometry=p.geometry,
            precision=precision if precision is not None else precision_of(p),
            confidence=confidence,
            method=method,
            score=score,
        )

    @classmethod
    def from_mention(cls, m: Mention, method: str) -> GeocodeResult:
        """The place of a geoparser mention (its relative area and precision when it has one)."""
        assert m.place is not None and m.lat is not None and m.lon is not None
        return cls(
            m.place,
            lat=m.lat,
            lon=m.lon,
            geometry=m.geometry,
            precision=m.precision or 3,
            confidence=m.confidence,
            method=method,
            relation=m.relation,
        )


def to_location(gazetteer: Gazetteer, r: GeocodeResult, query: str) -> Location:
    """A geopy `Location`: an address from the place's names and admin chain, ``raw`` the gazetteer record plus
    the match (query, precision, confidence, match_method, relation, fallback, reason, geometry_type)."""
    p = r.place
    chain = [x.name_en for x in gazetteer.parents(p) if x.kind in ("district", "governorate")]
    label = p.name_en or p.name_ar
    if r.relation:
        label = f"{r.relation} of {label}"
    parts = [
        f"{p.name_ar} ({label})" if p.name_ar else label,
        *chain,
        "Syria" if p.in_syria and p.kind != "country" else "",
    ]
    raw = p.to_record()
    raw.update(
        {
            "query": query,
            "precision": r.precision,
            "confidence": round(r.confidence, 3),
            "match_method": str(r.method),
            "relation": r.relation,
            "fallback": r.fallback,
            "reason": r.reason,
            "geometry_type": r.geometry.geom_type if r.geometry is not None else None,
        }
    )
    return Location(", ".join(parts).strip(", "), GeoPoint(r.lat, r.lon), raw)
