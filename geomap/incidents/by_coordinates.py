"""Placing records by their own coordinates: one spatial join per chunk gives every point its admin units; a row
without a location name is named after the nearest community."""

from __future__ import annotations

import numpy as np

from geomap.incidents.admin_units import AdminIndex
from geomap.incidents.chunk_values import ChunkValues
from geomap.incidents.placement import PlacementColumns
from geomap.incidents.schema import MatchMethod, Status
from geomap.incidents.values import attribute, integers, missing, present

__all__ = ["OUTSIDE_SYRIA_POINT", "CoordinatePlacer"]

OUTSIDE_SYRIA_POINT = "the coordinates are outside Syria"


class CoordinatePlacer:
    """Places the rows of a chunk whose coordinates are valid (kept as given, to 6 decimals)."""

    def __init__(self, index: AdminIndex) -> None:
        self.index = index

    def place(self, chunk: ChunkValues, into: PlacementColumns) -> np.ndarray:
        """Fill the placement of every row with valid coordinates; return those rows' positions."""
        rows = np.flatnonzero(chunk.coordinates.valid)
        if len(rows) == 0:
            return rows
        lat, lon = chunk.coordinates.latitude[rows], chunk.coordinates.longitude[rows]
        admin = self.index.at(lat, lon)
        outside = missing(admin.governorate)
        named = missing(chunk.location[rows]) & present(admin.community)
        precision = np.empty(len(rows), dtype=object)
        precision[:] = [p or 1 for p in integers(chunk.geo_precision[rows])]  # ACLED's default: the point itself
        into.put_columns(
            rows,
            status=np.where(outside, Status.OUTSIDE_SYRIA, Status.PLACED).astype(object),
            method=MatchMethod.COORDINATES,
            latitude=lat.astype(object),
            longitude=lon.astype(object),
            confidence=1.0,
            precision=precision,
            reason=np.where(outside, OUTSIDE_SYRIA_POINT, None).astype(object),
            governorate=admin.governorate,
            district=admin.district,
            subdistrict=admin.subdistrict,
        )
        into.put_columns(
            rows[named],
            location=attribute(admin.community[named], "name_en"),
            location_ar=attribute(admin.community[named], "name_ar"),
        )
        return rows
