"""Spatial look-ups on gazetteer places (point → sub-district and nearest community) and layers as GeoDataFrames."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shapely
from shapely.geometry import Point

from geomap.earth import haversine_km
from geomap.gazetteer.schema import LAYER_COLUMNS, Place

if TYPE_CHECKING:
    import geopandas as gpd

    from geomap.gazetteer.rows import Rows

__all__ = ["Admin", "SpatialIndex", "layer_frame"]


@dataclass(frozen=True, slots=True)
class Admin:
    """Where a point lies: its sub-district polygon and the nearest community (None outside Syria / too far)."""

    subdistrict: Place | None
    community: Place | None


class SpatialIndex:
    """STRtrees over the sub-district polygons and the community points, built once per gazetteer."""

    def __init__(self, rows: Rows) -> None:
        self._rows = rows
        kinds = rows.column("kind")
        self._subs = [i for i, k in enumerate(kinds) if k == "subdistrict"]
        self._comms = [i for i, k in enumerate(kinds) if k == "community"]
        self._sub_tree = shapely.STRtree(rows.geometries(self._subs))
        lat, lon = rows.column("lat"), rows.column("lon")
        self._comm_tree = shapely.STRtree(shapely.points([lon[i] for i in self._comms], [lat[i] for i in self._comms]))

    def locate(self, lat: float, lon: float, *, max_km: float) -> Admin:
        """The sub-district containing the point and the nearest community within `max_km` (both None outside)."""
        pt = Point(lon, lat)
        hits = self._sub_tree.query(pt, predicate="intersects")
        if len(hits) == 0:
            return Admin(None, None)
        sub = self._rows.place(self._subs[int(min(hits))])
        community = None
        idx = self._comm_tree.nearest(pt)
        if idx is not None:
            c = self._rows.place(self._comms[int(idx)])
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
