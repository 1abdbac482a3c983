"""What placing a record decides, as a typed record (`Placement`) and as the columns of a chunk
(`PlacementColumns`) that the placing strategies fill row by row or column by column."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

import numpy as np
from shapely.geometry.base import BaseGeometry

from geomap.gazetteer import Gazetteer, Place
from geomap.geocoder import GeocodeResult
from geomap.incidents.admin_units import AdminIndex
from geomap.incidents.schema import MatchMethod, Status

__all__ = ["Area", "Placement", "PlacementColumns", "placements_from_results"]

OUTSIDE_SYRIA_PLACE = "the place is outside Syria"


@dataclass(frozen=True, slots=True)
class Area:
    """A polygon an incident was placed in (a region, an admin unit, a relative part of a place)."""

    area_id: str
    geometry: BaseGeometry
    place: Place
    relation: str | None

    @classmethod
    def of(cls, place: Place, relation: str | None, geometry: BaseGeometry | None) -> Area | None:
        """The area for a place (and relation) placed as `geometry`, if that is a polygon."""
        if geometry is None or geometry.geom_type not in ("Polygon", "MultiPolygon"):
            return None
        return cls(f"{place.id}#{relation}" if relation else place.id, geometry, place, relation)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one record was placed, or why not. `location` None keeps the record's own location name."""

    status: Status = Status.UNPLACED
    method: MatchMethod | None = None
    latitude: float | None = None
    longitude: float | None = None
    gazetteer_id: str | None = None
    confidence: float | None = None
    precision: int | None = None
    relation: str | None = None
    location: str | None = None
    location_ar: str | None = None
    area: Area | None = None
    governorate: Place | None = None
    district: Place | None = None
    subdistrict: Place | None = None
    reason: str | None = None
    flag: str | None = None


FIELDS = tuple(f.name for f in fields(Placement))


class PlacementColumns:
    """The `Placement` fields of every row of a chunk as object arrays; rows start unplaced."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.columns: dict[str, np.ndarray] = {name: np.full(n, None, dtype=object) for name in FIELDS}
        self.columns["status"][:] = Status.UNPLACED

    def __getitem__(self, name: str) -> np.ndarray:
        return self.columns[name]

    def put(self, rows: np.ndarray | Sequence[int], placements: Sequence[Placement]) -> None:
        """One placement per row (rows sharing one placement object cost one)."""
        rows = np.asarray(rows, dtype=int)
        if len(rows) == 0:
            return
        distinct: dict[int, int] = {}
        codes = np.array([distinct.setdefault(id(p), len(distinct)) for p in placements], dtype=int)
        firsts = [placements[i] for i in np.unique(codes, return_index=True)[1]]
        for name in FIELDS:
            values = np.empty(len(firsts), dtype=object)
            values[:] = [getattr(p, name) for p in firsts]
            self.columns[name][rows] = values[codes]

    def put_columns(self, rows: np.ndarray, **values: Any) -> None:
        """The same fields for many rows at once: each value a scalar or an array as long as `rows`."""
        for name, value in values.items():
            if name not in self.columns:
                msg = f"no placement field {name!r}"
                raise KeyError(msg)
            self.columns[name][rows] = value


def placements_from_results(
    results: Sequence[GeocodeResult], method: MatchMethod, index: AdminIndex, gazetteer: Gazetteer
) -> list[Placement]:
    """Placements for geocoder results, with the admin units at each result's point (one join for all), or the
    place's own parents where the point falls outside every sub-district."""
    syrian = np.array([r.place.in_syria for r in results], dtype=bool)
    lat = np.array([r.lat if ok else np.nan for r, ok in zip(results, syrian, strict=True)], dtype=float)
    lon = np.array([r.lon if ok else np.nan for r, ok in zip(results, syrian, strict=True)], dtype=float)
    admin = index.at(lat, lon)
    out = []
    for i, r in enumerate(results):
        p = r.place
        units = (admin.governorate[i], admin.district[i], admin.subdistrict[i])
        if p.in_syria and units[0] is None:
            parents = gazetteer.admin_names(p)
            units = (parents["governorate"], parents["district"], parents["subdistrict"])
        out.append(
            Placement(
                status=Status.PLACED if p.in_syria else Status.OUTSIDE_SYRIA,
                method=MatchMethod.GEOCODE_FALLBACK if r.fallback else method,
                latitude=round(r.lat, 6),
                longitude=round(r.lon, 6),
                gazetteer_id=p.id,
                confidence=round(r.confidence, 3),
                precision=r.precision,
                relation=r.relation,
                location=p.name_en if not r.relation else f"{p.name_en} ({r.relation})",
                location_ar=p.name_ar,
                area=Area.of(p, r.relation, r.geometry),
                governorate=units[0],
                district=units[1],
                subdistrict=units[2],
                reason=None if p.in_syria else OUTSIDE_SYRIA_PLACE,
                flag=r.reason if r.fallback else None,
            )
        )
    return out
