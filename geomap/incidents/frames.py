"""The tables placing produces: GeoDataFrames with the schema's columns, dtypes and order, and `Incidents`, the
three of them together."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geomap.incidents.areas import AreaTally
from geomap.incidents.schema import CRS, INCIDENT_SCHEMA, MENTION_SCHEMA, typed_frame

__all__ = ["Incidents", "concat_incidents", "incident_frame", "mention_frame"]


@dataclass
class Incidents:
    """Incidents (points, one per input record) and the place mentions found in their text.

    `incidents` holds one row per input record in input order; `mentions` one row per place mention, with the one
    chosen as the event's place marked; `areas` the region and admin polygons incidents were placed in.
    """

    incidents: gpd.GeoDataFrame
    mentions: gpd.GeoDataFrame
    areas: gpd.GeoDataFrame

    def __iter__(self) -> Iterator[gpd.GeoDataFrame]:  # `incidents, mentions, areas = ...(return_all=True)`
        return iter((self.incidents, self.mentions, self.areas))


def _points(lat: np.ndarray, lon: np.ndarray) -> gpd.GeoSeries:
    """Points where both coordinates are known, None elsewhere."""
    geoms = np.full(len(lat), None, dtype=object)
    known = ~np.isnan(lat) & ~np.isnan(lon)
    geoms[known] = shapely.points(lon[known], lat[known])
    return gpd.GeoSeries(geoms, crs=CRS)


def _geo(df: pd.DataFrame) -> gpd.GeoDataFrame:
    lat, lon = df["latitude"].to_numpy(dtype=float), df["longitude"].to_numpy(dtype=float)
    return gpd.GeoDataFrame(df, geometry=_points(lat, lon), crs=CRS)


def incident_frame(columns: Mapping[str, Sequence[Any] | np.ndarray], n: int) -> gpd.GeoDataFrame:
    """The incidents layer of `n` rows, a point where the latitude and longitude are known."""
    return _geo(typed_frame(columns, INCIDENT_SCHEMA, n))


def mention_frame(columns: Mapping[str, Sequence[Any] | np.ndarray], n: int) -> gpd.GeoDataFrame:
    """The mentions layer of `n` rows."""
    return _geo(typed_frame(columns, MENTION_SCHEMA, n))


def concat_incidents(parts: Sequence[Incidents]) -> Incidents:
    """One `Incidents` from several (their ids are expected unique already, as `iter_incidents` makes them)."""
    if len(parts) == 1:
        return parts[0]
    incidents = pd.concat([p.incidents for p in parts], ignore_index=True)
    mentions = pd.concat([p.mentions for p in parts], ignore_index=True)
    areas = AreaTally()
    for p in parts:
        areas.add_frame(p.areas)
    return Incidents(
        gpd.GeoDataFrame(incidents, geometry="geometry", crs=CRS),
        gpd.GeoDataFrame(mentions, geometry="geometry", crs=CRS),
        areas.frame(),
    )
