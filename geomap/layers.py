"""The layers geomap writes for GIS tools: incidents, areas, mentions and incident counts per admin level.

`write_layers` takes one `Incidents` or a stream of them (`iter_incidents`): incidents and mentions are appended
part by part, so an input far larger than memory streams through; only the small layers (areas, counts per admin
unit) are gathered. All files appear together, atomically, when every part is written.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections import Counter
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from geomap.exc import OutputError
from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.incidents import INCIDENT_COLUMNS, Incidents
from geomap.incidents.areas import AreaTally
from geomap.incidents.schema import Status
from geomap.io.atomic import ReplaceSet
from geomap.io.writers import open_layer
from geomap.kinds import ADMIN_LEVEL_OF_KIND, KIND_OF_ADMIN_LEVEL

__all__ = [
    "LAYER_NAMES",
    "LayerFormat",
    "admin_counts",
    "build_layers",
    "counts_layer",
    "layer_extension",
    "layer_paths",
    "write_layers",
]

LAYER_NAMES = ("incidents", "areas", "mentions", "counts_admin1", "counts_admin2", "counts_admin3")
ADMIN_LEVELS = tuple(sorted(ADMIN_LEVEL_OF_KIND.values()))


class LayerFormat(StrEnum):
    """Format of the layer files written into a folder."""

    GEOJSON = "geojson"
    PARQUET = "parquet"
    CSV = "csv"


def counts_layer(counts: Counter | dict[str, int], level: int, gaz: Gazetteer) -> gpd.GeoDataFrame:
    """Every admin unit of a level with the given incident counts by P-code (0 where absent)."""
    units = gaz.layer(KIND_OF_ADMIN_LEVEL[level])[["pcode", "name_ar", "name_en", "geometry"]]
    units = units.assign(incidents=units["pcode"].map(counts).fillna(0).astype(int))
    return units.sort_values("pcode").reset_index(drop=True)


def placed_counts(incidents: pd.DataFrame, level: int) -> Counter:
    """Placed incidents per admin P-code of a level."""
    placed = incidents[incidents["status"] == Status.PLACED]
    return Counter(placed[f"admin{level}_pcode"].dropna().tolist())


def admin_counts(incidents: gpd.GeoDataFrame, level: int, *, gazetteer: Gazetteer | None = None) -> gpd.GeoDataFrame:
    """Every admin unit of a level (1-3) with the number of placed incidents in it, for choropleths."""
    return counts_layer(placed_counts(incidents, level), level, gazetteer or load_gazetteer())


def build_layers(result: Incidents, *, gazetteer: Gazetteer | None = None) -> dict[str, gpd.GeoDataFrame]:
    """All layers by name (see LAYER_NAMES), in memory."""
    layers = {"incidents": result.incidents, "areas": result.areas, "mentions": result.mentions}
    for level in ADMIN_LEVELS:
        layers[f"counts_admin{level}"] = admin_counts(result.incidents, level, gazetteer=gazetteer)
    return layers


def layer_paths(output: Path | None, folder: Path | None, ext: str) -> list[Path]:
    """The files a `write_layers` call writes: the output file, then one per layer in the folder."""
    return ([output] if output is not None else []) + (
        [folder / f"{n}{ext}" for n in LAYER_NAMES] if folder is not None else []
    )


class _Sinks:
    """The open outputs of one `write_layers` call: the output file and/or one file per layer in a folder."""

    def __init__(
        self,
        stack: contextlib.ExitStack,
        output: Path | None,
        folder: Path | None,
        ext: str,
        *,
        overwrite: bool,
        together: ReplaceSet,
    ) -> None:
        self.suffix = output.suffix.lower() if output is not None else None
        targets = layer_paths(output, folder, ext)
        taken = [p for p in targets if p.exists() or p.is_symlink()]
        if taken and not overwrite:  # checked for every file before any is opened: nothing is left half-done
            msg = f"{taken[0]} exists; pass --overwrite (overwrite=True) to replace it"
            raise OutputError(msg)
        opened = functools.partial(open_layer, overwrite=overwrite, together=together)
        self.output = stack.enter_context(opened(output)) if output is not None else None
        self.folder: dict[str, Any] = {}
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            self.folder = {n: stack.enter_context(opened(folder / f"{n}{ext}")) for n in LAYER_NAMES}
        self.written = targets

    def part(self, part: Incidents) -> None:
        """A part's incidents and mentions, appended."""
        if self.output is not None:
            csv = self.suffix == ".csv"
            self.output.write(part.incidents[[*INCIDENT_COLUMNS, "geometry"]] if csv else part.incidents)
            if self.suffix == ".gpkg":
                self.output.write(part.mentions, layer="mentions")
        if self.folder:
            self.folder["incidents"].write(part.incidents)
            self.folder["mentions"].write(part.mentions)

    def small(self, name: str, layer: gpd.GeoDataFrame) -> None:
        """A layer gathered over all parts (areas, counts)."""
        if self.suffix == ".gpkg":
            self.output.write(layer, layer=name)
        if name in self.folder:
            self.folder[name].write(layer)


def layer_extension(fmt: LayerFormat | str) -> str:
    """The file extension of a layer format (``.geojson`` ...); an unknown format is an `OutputError`."""
    try:
        return "." + LayerFormat(str(fmt).lstrip(".").lower())
    except ValueError:
        msg = f"unknown layer format {fmt!r}; use {', '.join(LayerFormat)}"
        raise OutputError(msg) from None


def write_layers(
    result: Incidents | Iterable[Incidents],
    output: str | os.PathLike[str] | None = None,
    *,
    layers_dir: str | os.PathLike[str] | None = None,
    fmt: LayerFormat | str = LayerFormat.GEOJSON,
    overwrite: bool = False,
    gazetteer: Gazetteer | None = None,
) -> list[Path]:
    """Write the incidents layer to a file and/or every layer into a folder.

    Parameters
    ----------
    result : Incidents or iterable of Incidents
        One result, or a stream of parts (`iter_incidents`) appended part by part.
    output : path, optional
        The incidents layer; its format from the extension (.geojson, .gpkg, .parquet, .csv). A .gpkg holds every
        layer.
    layers_dir : path, optional
        A folder receiving every layer (see `LAYER_NAMES`) as ``<name>.<fmt>``.
    fmt : LayerFormat or {"geojson", "parquet", "csv"}
        Format of the files in `layers_dir`.
    overwrite : bool
        Replace `output` and the files in `layers_dir` if they exist (refused otherwise, before anything is written).
    gazetteer : Gazetteer, optional
        For the admin units of the count layers (default: the shipped one).

    Returns
    -------
    list of Path
        The files written.
    """
    if output is None and layers_dir is None:
        raise OutputError("give an output file or a layers folder")
    ext = layer_extension(fmt)
    gaz = gazetteer or load_gazetteer()
    parts = [result] if isinstance(result, Incidents) else result
    folder = Path(layers_dir) if layers_dir is not None else None
    together = ReplaceSet()  # every file of the call appears together, or none does
    try:
        with contextlib.ExitStack() as stack:
            target = Path(output) if output is not None else None
            sinks = _Sinks(stack, target, folder, ext, overwrite=overwrite, together=together)
            _write_parts(sinks, parts, gaz)
    except BaseException:
        together.discard()
        raise
    together.commit()
    return sinks.written


def _write_parts(sinks: _Sinks, parts: Iterable[Incidents], gaz: Gazetteer) -> None:
    """Incidents and mentions part by part; then the layers gathered over all parts (areas, counts)."""
    areas, counts, any_part = AreaTally(), {level: Counter() for level in ADMIN_LEVELS}, False
    for part in parts:
        any_part = True
        sinks.part(part)
        areas.add_frame(part.areas)
        for level in ADMIN_LEVELS:
            counts[level].update(placed_counts(part.incidents, level))
    if not any_part:
        raise OutputError("nothing to write: the input had no records")
    sinks.small("areas", areas.frame())
    for level in ADMIN_LEVELS:
        sinks.small(f"counts_admin{level}", counts_layer(counts[level], level, gaz))
