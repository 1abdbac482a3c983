"""The areas layer: region and admin polygons incidents were placed in, with how many incidents each.

One tally serves every path: a chunk's placements, parts concatenated in memory, parts streamed to files and Dask
partitions merged at the end. The first geometry seen for an area is kept (they are the same polygon).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import geopandas as gpd
import pandas as pd

from geomap.incidents.placement import Area
from geomap.incidents.schema import AREA_COLUMNS, AREA_SCHEMA, CRS, typed_frame

__all__ = ["AreaTally"]


class AreaTally:
    """Areas by id with their incident counts, gathered over any number of placements and parts."""

    def __init__(self) -> None:
        self._rows: dict[str, dict[str, Any]] = {}
        self._counts: Counter[str] = Counter()

    def __len__(self) -> int:
        return len(self._rows)

    def add(self, areas: Iterable[Area | None]) -> AreaTally:
        """One area (or None) per placed incident."""
        for area in areas:
            if area is None:
                continue
            if area.area_id not in self._rows:
                p = area.place
                self._rows[area.area_id] = {
                    "area_id": area.area_id,
                    "gazetteer_id": p.id,
                    "name_ar": p.name_ar,
                    "name_en": p.name_en,
                    "kind": p.kind,
                    "relation": area.relation,
                    "geometry": area.geometry,
                }
            self._counts[area.area_id] += 1
        return self

    def add_frame(self, areas: pd.DataFrame) -> AreaTally:
        """An areas layer (of a chunk or a part), its counts added to those gathered so far."""
        for rec in areas.to_dict("records"):
            self._rows.setdefault(rec["area_id"], {k: v for k, v in rec.items() if k != "incidents"})
            self._counts[rec["area_id"]] += int(rec["incidents"])
        return self

    def frame(self) -> gpd.GeoDataFrame:
        """The areas layer, sorted by area id."""
        ids = sorted(self._rows)
        columns = {c: [self._counts[a] if c == "incidents" else self._rows[a][c] for a in ids] for c in AREA_COLUMNS}
        df = typed_frame(columns, AREA_SCHEMA, len(ids))
        geometry = gpd.GeoSeries([self._rows[a]["geometry"] for a in ids], crs=CRS)
        return gpd.GeoDataFrame(df, geometry=geometry, crs=CRS)
