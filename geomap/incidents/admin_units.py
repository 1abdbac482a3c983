"""Admin units at many points at once: one spatial join of a chunk's distinct points with the sub-district
polygons (each polygon prepared once and asked for the points it holds) and one nearest-neighbour query against the
community points, instead of a `Gazetteer.reverse` per row.

The answers are `Gazetteer.reverse`'s: the sub-district whose polygon holds the point (the first in gazetteer
order where polygons touch), its district and governorate, and the nearest community within `COMMUNITY_MAX_KM`;
outside Syria every unit is None.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass

import numpy as np
import shapely

from geomap.earth import haversine_km
from geomap.gazetteer import Gazetteer

__all__ = ["COMMUNITY_MAX_KM", "AdminIndex", "AdminUnits", "admin_index"]

COMMUNITY_MAX_KM = 15.0  # as Gazetteer.reverse: a point further from every community is named by its admin units


@dataclass(frozen=True)
class AdminUnits:
    """Object arrays of `Place` or None, one entry per point."""

    governorate: np.ndarray
    district: np.ndarray
    subdistrict: np.ndarray
    community: np.ndarray

    @classmethod
    def empty(cls, n: int) -> AdminUnits:
        return cls(*(np.full(n, None, dtype=object) for _ in range(4)))


class AdminIndex:
    """Spatial indexes over one gazetteer's sub-districts and communities."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        subs = [p for p in gazetteer if p.kind == "subdistrict"]
        comms = [p for p in gazetteer if p.kind == "community"]
        # One more entry than there are sub-districts: None, for points in none of them.
        self._subs = np.array([*subs, None], dtype=object)
        self._districts = np.array([*(gazetteer.get(p.admin2) if p.admin2 else None for p in subs), None], object)
        self._governorates = np.array([*(gazetteer.get(p.admin1) if p.admin1 else None for p in subs), None], object)
        self._sub_polygons = np.array([p.geometry for p in subs], dtype=object)
        shapely.prepare(self._sub_polygons)  # point-in-polygon tests against each polygon's prepared form
        self._communities = np.array(comms, dtype=object)
        self._community_tree = shapely.STRtree([p.geometry for p in comms])
        self._community_lat = np.array([p.lat for p in comms], dtype=float)
        self._community_lon = np.array([p.lon for p in comms], dtype=float)

    def at(self, lat: np.ndarray, lon: np.ndarray, *, max_km: float = COMMUNITY_MAX_KM) -> AdminUnits:
        """Admin units at each (lat, lon); NaN coordinates get None everywhere."""
        lat, lon = np.asarray(lat, dtype=float), np.asarray(lon, dtype=float)
        out = AdminUnits.empty(len(lat))
        known = np.flatnonzero(~np.isnan(lat) & ~np.isnan(lon))
        if len(known) == 0:
            return out
        # Tables repeat places: each distinct point is looked up once.
        pairs, back = np.unique(np.stack([lat[known], lon[known]], axis=1), axis=0, return_inverse=True)
        units = self._at_distinct(pairs[:, 0], pairs[:, 1], max_km)
        back = back.reshape(-1)
        for name in ("governorate", "district", "subdistrict", "community"):
            getattr(out, name)[known] = getattr(units, name)[back]
        return out

    def _at_distinct(self, lat: np.ndarray, lon: np.ndarray, max_km: float) -> AdminUnits:
        points = shapely.points(lon, lat)
        hit_sub, hit_point = shapely.STRtree(points).query(self._sub_polygons, predicate="intersects")
        first_sub = np.full(len(points), len(self._subs) - 1)  # the None sentinel
        np.minimum.at(first_sub, hit_point, hit_sub)  # where polygons touch, the first in gazetteer order
        community = np.full(len(points), None, dtype=object)
        inside = np.flatnonzero(first_sub < len(self._subs) - 1)
        if len(inside):
            nearest = self._community_tree.nearest(points[inside])
            km = haversine_km(lat[inside], lon[inside], self._community_lat[nearest], self._community_lon[nearest])
            close = km <= max_km
            community[inside[close]] = self._communities[nearest[close]]
        return AdminUnits(self._governorates[first_sub], self._districts[first_sub], self._subs[first_sub], community)


_indexes: weakref.WeakKeyDictionary[Gazetteer, AdminIndex] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def admin_index(gazetteer: Gazetteer) -> AdminIndex:
    """The cached `AdminIndex` of a gazetteer (gazetteers are immutable: an extended one is a new instance)."""
    with _lock:
        index = _indexes.get(gazetteer)
        if index is None:
            index = _indexes[gazetteer] = AdminIndex(gazetteer)
    return index
