"""The layers geomap writes for GIS tools: incidents, areas, mentions and incident counts per admin level.

`write_layers` takes one `Incidents` or a stream of them (`iter_incidents`): incidents and mentions are appended
part by part, so an input far larger than memory streams through; only the small layers (areas, counts per admin
unit) are gathered. All files appear together, atomically, when every part is written.
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from geomap.exc import OutputError
from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.incidents import INCIDENT_COLUMNS, Incidents
from geomap.io.writers import FORMATS, open_layer

__all__ = ["LAYER_NAMES", "admin_counts", "build_layers", "counts_layer", "write_layers"]

LAYER_NAMES = ("incidents", "areas", "mentions", "counts_admin1", "counts_admin2", "counts_admin3")
_ADMIN_KIND = {1: "governorate", 2: "district", 3: "subdistrict"}


def counts_layer(counts: Counter | dict[str, int], level: int, gaz: Gazetteer) -> gpd.GeoDataFrame:
    """Every admin unit of a level with the given incident counts by P-code (0 where absent)."""
    units = gaz.layer(_ADMIN_KIND[level])[["pcode", "name_ar", "name_en", "geometry"]]
    units = units.assign(incidents=units["pcode"].map(counts).fillna(0).astype(int))
    return units.sort_values("pcode").reset_index(drop=True)


def _placed_counts(incidents: pd.DataFrame, level: int) -> Counter:
    placed = incidents[incidents["status"] == "placed"]
    return Counter(placed[f"admin{level}_pcode"].dropna().tolist())


def admin_counts(incidents: gpd.GeoDataFrame, level: int, *, gazetteer: Gazetteer | None = None) -> gpd.GeoDataFrame:
    """Every admin unit of a level (1-3) with the number of placed incidents in it, for choropleths."""
    return counts_layer(_placed_counts(incidents, level), level, gazetteer or load_gazetteer())


def build_layers(result: Incidents, *, gazetteer: Gazetteer | None = None) -> dict[str, gpd.GeoDataFrame]:
    """All layers by name (see LAYER_NAMES), in memory."""
    layers = {"incidents": result.incidents, "areas": result.areas, "mentions": result.mentions}
    for level in (1, 2, 3):
        layers[f"counts_admin{level}"] = admin_counts(result.incidents, level, gazetteer=gazetteer)
    return layers


class _Areas:
    """Region and admin polygons incidents were placed in, gathered over parts (a few hundred at most)."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, Any]] = {}

    def add(self, areas: gpd.GeoDataFrame) -> None:
        for rec in areas.to_dict("records"):
            if rec["area_id"] in self.rows:
                self.rows[rec["area_id"]]["incidents"] += int(rec["incidents"])
            else:
                self.rows[rec["area_id"]] = dict(rec)

    def frame(self, like: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        rows = [self.rows[k] for k in sorted(self.rows)]
        df = pd.DataFrame(rows, columns=list(like.columns))
        return gpd.GeoDataFrame(df, geometry="geometry", crs="EPSG:4326")


def write_layers(
    result: Incidents | Iterable[Incidents],
    output: str | os.PathLike[str] | None = None,
    *,
    layers_dir: str | os.PathLike[str] | None = None,
    fmt: str = "geojson",
    overwrite: bool = False,
    gazetteer: Gazetteer | None = None,
) -> list[Path]:
    """Write the incidents layer to `output` (format from its extension; a .gpkg holds every layer), and/or every
    layer as ``<name>.<fmt>`` into `layers_dir`. `result` may be one `Incidents` or a stream of them. Returns the
    files written."""
    if output is None and layers_dir is None:
        raise OutputError("give an output file or a layers folder")
    gaz = gazetteer or load_gazetteer()
    parts = [result] if isinstance(result, Incidents) else result
    ext = "." + fmt.lstrip(".")
    if layers_dir is not None and (ext not in FORMATS or ext == ".gpkg"):
        raise OutputError(f"unknown layer format {fmt!r}; use geojson, parquet or csv")
    folder = Path(layers_dir) if layers_dir is not None else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with contextlib.ExitStack() as stack:
        out_sink = None
        suffix = Path(output).suffix.lower() if output is not None else None
        if output is not None:
            out_sink = stack.enter_context(open_layer(output, overwrite=overwrite))
            written.append(Path(output))
        dir_sinks = {}
        if folder is not None:
            for name in LAYER_NAMES:
                dir_sinks[name] = stack.enter_context(open_layer(folder / f"{name}{ext}", overwrite=True))
                written.append(folder / f"{name}{ext}")
        areas = _Areas()
        counts = {level: Counter() for level in (1, 2, 3)}
        like_areas = None
        for part in parts:
            incidents = part.incidents[[*INCIDENT_COLUMNS, "geometry"]] if suffix == ".csv" else part.incidents
            if out_sink is not None:
                out_sink.write(incidents, layer="incidents")
                if suffix == ".gpkg":
                    out_sink.write(part.mentions, layer="mentions")
            if dir_sinks:
                dir_sinks["incidents"].write(part.incidents)
                dir_sinks["mentions"].write(part.mentions)
            areas.add(part.areas)
            like_areas = part.areas
            for level in counts:
                counts[level].update(_placed_counts(part.incidents, level))
        if like_areas is None:
            raise OutputError("nothing to write: the input had no records")
        small = {"areas": areas.frame(like_areas)}
        small.update({f"counts_admin{level}": counts_layer(counts[level], level, gaz) for level in (1, 2, 3)})
        for name, gdf in small.items():
            if suffix == ".gpkg":
                out_sink.write(gdf, layer=name)
            if name in dir_sinks:
                dir_sinks[name].write(gdf)
    return written
