"""Spatial look-ups on gazetteer places (point → sub-district and nearest community) and layers as GeoDataFrames."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shapely
from shapely.geometry import Point

from geomap.earth import haversine_km
from geomap.gazetteer.schema import LAYER_COLUMNS, Place

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["Admin", "SpatialIndex", "layer_frame"]


@dataclass(frozen=True, slots=True)
class Admin:
    """Where a point lies: its sub-district polygon and the nearest community (None outside Syria / too far)."""

    subdistrict: Place | None
    community: Place | None


class _Tree:
    def __init__(self, places: Sequence[Place]) -> None:
        self.places = list(places)
        self.tree = shapely.STRtree([p.geometry for p in self.places])


class SpatialIndex:
    """STRtrees over the sub-district polygons and the community points, built once per gazetteer."""

    def __init__(self, places: Iterable[Place]) -> None:
        places = list(places)
        self._subs = _Tree([p for p in places if p.kind == "subdistrict"])
        self._comms = _Tree([p for p in places if p.kind == "community"])

    def locate(self, lat: float, lon: float, *, max_km: float) -> Admin:
        """The sub-district containing the point and the nearest community within `max_km` (both None outside)."""
        pt = Point(lon, lat)
        hits = self._subs.tree.query(pt, predicate="intersects")
        if len(hits) == 0:
            return Admin(None, None)
        sub = self._subs.places[int(min(hits))]
        community = None
        idx = self._comms.tree.nearest(pt)
        if idx is not None:
            c = self._comms.places[int(idx)]
            if haversine_km(lat, lon, c.lat, c.lon) <= max_km:
                community = c
        return Admin(sub, community)


def layer_frame(places: Sequence[Place]) -> gpd.GeoDataFrame:
    """Places as a GeoDataFrame in EPSG:4326 with the `LAYER_COLUMNS` of the schema."""
    import geopandas as gpd

    return gpd.GeoDataFrame(
        {c: [getattr(p, c) for p in places] for c in LAYER_COLUMNS},
        geometry=[p.geometry for p in places],
        crs="EPSG:4326",
    )
