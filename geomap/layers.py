"""The layers geomap writes for GIS tools: incidents, areas, mentions and incident counts per admin level."""

from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd

from geomap.exc import OutputError
from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.incidents import INCIDENT_COLUMNS, Incidents
from geomap.io.writers import FORMATS, write_csv, write_gpkg, write_layer

__all__ = ["LAYER_NAMES", "admin_counts", "build_layers", "write_layers"]

LAYER_NAMES = ("incidents", "areas", "mentions", "counts_admin1", "counts_admin2", "counts_admin3")
_ADMIN_KIND = {1: "governorate", 2: "district", 3: "subdistrict"}


def admin_counts(incidents: gpd.GeoDataFrame, level: int, *, gazetteer: Gazetteer | None = None) -> gpd.GeoDataFrame:
    """Every admin unit of a level (1-3) with the number of placed incidents in it, for choropleths."""
    gaz = gazetteer or load_gazetteer()
    units = gaz.layer(_ADMIN_KIND[level])[["pcode", "name_ar", "name_en", "geometry"]]
    placed = incidents[incidents["status"] == "placed"]
    counts = placed[f"admin{level}_pcode"].value_counts()
    units = units.assign(incidents=units["pcode"].map(counts).fillna(0).astype(int))
    return units.sort_values("pcode").reset_index(drop=True)


def build_layers(result: Incidents, *, gazetteer: Gazetteer | None = None) -> dict[str, gpd.GeoDataFrame]:
    """All layers by name (see LAYER_NAMES)."""
    layers = {"incidents": result.incidents, "areas": result.areas, "mentions": result.mentions}
    for level in (1, 2, 3):
        layers[f"counts_admin{level}"] = admin_counts(result.incidents, level, gazetteer=gazetteer)
    return layers


def write_layers(
    result: Incidents,
    output: str | os.PathLike[str] | None = None,
    *,
    layers_dir: str | os.PathLike[str] | None = None,
    fmt: str = "geojson",
    overwrite: bool = False,
    gazetteer: Gazetteer | None = None,
) -> list[Path]:
    """Write the incidents layer to `output` (format from its extension; a .gpkg holds every layer), and/or
    every layer as ``<name>.<fmt>`` into `layers_dir`. Returns the files written."""
    if output is None and layers_dir is None:
        raise OutputError("give an output file or a layers folder")
    written: list[Path] = []
    layers = build_layers(result, gazetteer=gazetteer)
    if output is not None:
        suffix = Path(output).suffix.lower()
        if suffix == ".gpkg":
            written.append(write_gpkg(layers, output, overwrite=overwrite))
        elif suffix == ".csv":
            written.append(write_csv(result.incidents[INCIDENT_COLUMNS], output, overwrite=overwrite))
        else:
            written.append(write_layer(result.incidents, output, overwrite=overwrite))
    if layers_dir is not None:
        folder = Path(layers_dir)
        folder.mkdir(parents=True, exist_ok=True)
        ext = "." + fmt.lstrip(".")
        if ext not in FORMATS or ext == ".gpkg":
            raise OutputError(f"unknown layer format {fmt!r}; use geojson, parquet or csv")
        for name, gdf in layers.items():
            written.append(write_layer(gdf, folder / f"{name}{ext}", overwrite=True))
    return written
