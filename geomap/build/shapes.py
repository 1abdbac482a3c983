"""Geometry for the build: valid RFC 7946 shapes, places from a geometry, admin parents by point-in-polygon."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import geopandas as gpd
import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from geomap.earth import METRIC_CRS
from geomap.gazetteer.schema import Place

__all__ = ["ROUND", "metric_buffer", "new_place", "orient", "parents_by_point", "point"]

ROUND = 6  # decimals kept for coordinates (~0.1 m): enough for any source, and stable across platforms


def orient(geom: BaseGeometry) -> BaseGeometry:
    """Valid, RFC 7946 winding (counter-clockwise exteriors), 6 decimals."""
    geom = shapely.make_valid(geom)
    if geom.geom_type == "GeometryCollection":
        polys = [g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
        geom = shapely.union_all(polys)
    geom = shapely.set_precision(geom, 10.0**-ROUND)
    return shapely.orient_polygons(geom) if geom.geom_type in ("Polygon", "MultiPolygon") else geom


def point(lat: float | str, lon: float | str) -> Point:
    """A point from latitude and longitude (numbers or numeric strings)."""
    return Point(float(lon), float(lat))


def new_place(*, geometry: BaseGeometry, **fields: Any) -> Place:
    """A `Place` whose lat/lon is the representative point of `geometry`, rounded."""
    rep = geometry if geometry.geom_type == "Point" else geometry.representative_point()
    return Place(geometry=geometry, lat=round(rep.y, ROUND), lon=round(rep.x, ROUND), **fields)


def metric_buffer(geom: BaseGeometry, km: float) -> BaseGeometry:
    """`geom` grown by `km` real kilometres (buffered in the metric CRS)."""
    series = gpd.GeoSeries([geom], crs="EPSG:4326").to_crs(METRIC_CRS).buffer(km * 1000, 32)
    return series.to_crs("EPSG:4326").iloc[0]


def parents_by_point(points: Sequence[BaseGeometry], adm3: gpd.GeoDataFrame) -> list[tuple[str, str, str]]:
    """(adm1, adm2, adm3) P-codes of each point by point-in-polygon; a point outside every polygon takes the
    nearest one (in metres)."""
    if not points:
        return []
    gdf = gpd.GeoDataFrame({"i": range(len(points))}, geometry=list(points), crs="EPSG:4326")
    polys = adm3[["PCODE", "ADM2_PCODE", "ADM1_PCODE", "geometry"]].rename(
        columns={"PCODE": "adm3", "ADM2_PCODE": "adm2", "ADM1_PCODE": "adm1"}
    )
    joined = gpd.sjoin(gdf[["geometry"]], polys, how="left", predicate="within")
    joined = joined[~joined.index.duplicated(keep="first")]
    missing = joined["adm3"].isna()
    if missing.any():
        near = gpd.sjoin_nearest(
            gdf.loc[missing, ["geometry"]].to_crs(METRIC_CRS), polys.to_crs(METRIC_CRS), how="left"
        )
        near = near[~near.index.duplicated(keep="first")]
        for col in ("adm3", "adm2", "adm1"):
            joined.loc[missing, col] = near[col]
    return list(zip(joined["adm1"], joined["adm2"], joined["adm3"], strict=True))
