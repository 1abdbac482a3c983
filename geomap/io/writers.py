"""Writing layers: RFC 7946 GeoJSON, GeoPackage, GeoParquet and ACLED-ordered CSV.

Every writer is atomic (a temporary file in the target folder, renamed over the target only when complete) and
deterministic (same input, same bytes: fixed key order, coordinates rounded to 6 decimals, GeoPackage timestamps
pinned). GeoJSON is written by hand rather than through GDAL so that Arabic stays UTF-8 and rings are wound
counter-clockwise, and so that the output is one feature per line (diffable, streamable).
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
from collections.abc import Iterator
from json.encoder import encode_basestring  # what json.dumps(str, ensure_ascii=False) writes
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import mapping

from geomap.exc import OutputError
from geomap.io.atomic import ReplaceSet, atomic_path

__all__ = [
    "FORMATS",
    "atomic_path",
    "open_layer",
    "safe_cell",
    "safe_table",
    "to_geojson",
    "write_csv",
    "write_geojson",
    "write_gpkg",
    "write_layer",
    "write_parquet",
]

FORMATS = {".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg", ".parquet": "parquet", ".csv": "csv"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")  # -3, +1.5, -2e3: numbers


# ------------------------------------------------------------------------------------------------- GeoJSON
def rounded(geoms: Any) -> np.ndarray:
    """Geometries with coordinates rounded to 6 decimals (about 10 cm) and polygon exteriors counter-clockwise;
    missing and empty geometries become None. One vectorised pass over the whole column."""
    arr = np.asarray(geoms, dtype=object)
    out = np.full(len(arr), None, dtype=object)
    present = np.array([g is not None and not (isinstance(g, float) and math.isnan(g)) for g in arr], dtype=bool)
    present[present] = ~shapely.is_empty(arr[present].astype(object))
    if present.any():
        done = shapely.transform(arr[present], lambda c: np.round(c, 6))
        polygonal = np.isin(shapely.get_type_id(done), (3, 6, 7))  # Polygon, MultiPolygon, GeometryCollection
        done[polygonal] = shapely.orient_polygons(done[polygonal])
        out[present] = done
    return out


def _value(v: Any) -> Any:
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating, float)):
        f = float(v)
        return None if math.isnan(f) or math.isinf(f) else f
    if isinstance(v, (np.bool_,)):
        return bool(v)
    if isinstance(v, (pd.Timestamp,)):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return [_value(x) for x in v]
    return v


def _dump(v: Any) -> str:
    return json.dumps(_value(v), ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _encoded(uniques: Any) -> list[str]:
    """JSON for each distinct value of a typed column, as json.dumps would write it, without its per-call cost."""
    kind = getattr(uniques.dtype, "kind", "O")
    if isinstance(uniques.dtype, pd.StringDtype) or kind in "OSU":
        return [encode_basestring(u) if isinstance(u, str) else _dump(u) for u in uniques]
    if kind == "f":
        return [repr(u) if math.isfinite(u) else "null" for u in uniques.astype(float).tolist()]
    if kind in "iu":
        return [repr(u) for u in np.asarray(uniques, dtype=np.int64).tolist()]
    if kind == "b":
        return ["true" if u else "false" for u in uniques]
    return [_dump(u) for u in uniques]


def _text_only(column: pd.Series) -> bool:
    """Whether a column holds only strings and missing values (an object column can hold anything)."""
    return column.dtype != object or pd.api.types.infer_dtype(column, skipna=True) in ("string", "empty")


def _property_tokens(name: Any, column: pd.Series) -> list[str]:
    """``"name":value`` JSON for every cell of a column; in a typed column each distinct value is encoded once."""
    key = json.dumps(str(name), ensure_ascii=False) + ":"
    if not _text_only(column):  # mixed objects (1 and 1.0 and True are equal keys): cell by cell
        return [key + _dump(v) for v in column.to_numpy()]
    codes, uniques = pd.factorize(column)
    tokens = np.array([*(key + t for t in _encoded(uniques)), key + "null"], dtype=object)  # code -1: missing
    return tokens[codes].tolist()


def _geometry_tokens(geoms: np.ndarray) -> list[str]:
    """GeoJSON for each (rounded) geometry: points written straight from their coordinates, others via mapping."""
    out = ["null"] * len(geoms)
    types = shapely.get_type_id(geoms)
    flat = np.flatnonzero((types == 0) & ~shapely.has_z(geoms))  # 2D points
    if len(flat):
        xy = shapely.get_coordinates(geoms[flat]).tolist()
        for i, (x, y) in zip(flat.tolist(), xy, strict=True):
            out[i] = f'{{"type":"Point","coordinates":[{x!r},{y!r}]}}'
    for i in np.flatnonzero((types >= 0) & ~np.isin(np.arange(len(geoms)), flat)).tolist():
        out[i] = json.dumps(mapping(geoms[i]), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return out


def _features(gdf: gpd.GeoDataFrame) -> Iterator[str]:
    """One RFC 7946 Feature (compact JSON text) per row, built column by column."""
    cols = [c for c in gdf.columns if c != gdf.geometry.name]
    geoms = (
        gdf.geometry.to_numpy()
        if gdf.crs is None or gdf.crs.to_epsg() == 4326
        else gdf.geometry.to_crs("EPSG:4326").to_numpy()
    )
    properties = [_property_tokens(c, gdf[c]) for c in cols]
    rows = zip(*properties, strict=True) if properties else ([] for _ in range(len(gdf)))
    for parts, geometry in zip(rows, _geometry_tokens(rounded(geoms)), strict=True):
        yield '{"type":"Feature","properties":{' + ",".join(parts) + '},"geometry":' + geometry + "}"


def to_geojson(gdf: gpd.GeoDataFrame) -> str:
    """RFC 7946 FeatureCollection text: [lon, lat] in WGS84, no crs member, CCW exteriors, UTF-8 Arabic."""
    body = ",\n".join(_features(named_index_as_columns(gdf)))
    return '{"type":"FeatureCollection","features":[\n' + body + ("\n" if body else "") + "]}\n"


# ------------------------------------------------------------------------------------------- other formats
def _for_gdal(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """A copy GDAL writes faithfully: rounded geometries, nullable ints as floats, column names unique without
    regard to case (SQLite's rule: a second ``location`` beside ``Location`` becomes ``location.2``), and NUL
    characters (where GDAL would cut the text) shown as U+FFFD."""
    out = gdf.copy()
    out[out.geometry.name] = rounded(out.geometry)
    for c in out.columns:
        if c != out.geometry.name and str(out[c].dtype) == "Int64":
            out[c] = out[c].astype("float64")
        elif out[c].dtype == object or isinstance(out[c].dtype, pd.StringDtype):
            out[c] = out[c].map(lambda v: v.replace("\x00", "\ufffd") if isinstance(v, str) and "\x00" in v else v)
    return out.rename(columns=dict(zip(out.columns, _caseless_unique(list(out.columns)), strict=True)))


def _caseless_unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        key = str(name).casefold()
        seen[key] = seen.get(key, 0) + 1
        out.append(name if seen[key] == 1 else f"{name}.{seen[key]}")
    return out


def named_index_as_columns(df: pd.DataFrame) -> pd.DataFrame:
    """A frame whose index has a name (an event id after `set_index`) with that index as its first columns; an
    unnamed index is only a position and is not written."""
    if all(name is None for name in df.index.names):
        return df
    return df.reset_index()


def _risky(v: Any) -> bool:
    return isinstance(v, str) and v.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(v)


def safe_cell(v: Any) -> Any:
    """Spreadsheet formula injection: a text cell starting with = + - @ (or a tab or carriage return) is prefixed
    with an apostrophe; a plain number such as ``-3`` or ``+1.5`` is a number, not a formula, and stays."""
    return "'" + v if _risky(v) else v


def safe_table(df: pd.DataFrame) -> pd.DataFrame:
    """A table for a spreadsheet: formula-like text cells and header names neutralised (`safe_cell`)."""
    out = df.rename(columns={c: safe_cell(c) for c in df.columns if _risky(c)})
    for i in range(out.shape[1]):
        column = out.iloc[:, i]
        if column.dtype == object or isinstance(column.dtype, pd.StringDtype):
            out.isetitem(i, _safe_column(column))
    return out


class _GeoJSONSink:
    """A FeatureCollection written feature by feature, one per line."""

    def __init__(self, path: Path) -> None:
        self.fh = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed in close()
        self.fh.write('{"type":"FeatureCollection","features":[\n')
        self.first = True

    def write(self, gdf: gpd.GeoDataFrame, layer: str = "") -> None:
        gdf = named_index_as_columns(gdf)
        for feature in _features(gdf):
            self.fh.write(feature if self.first else ",\n" + feature)
            self.first = False

    def close(self) -> None:
        self.fh.write("]}\n" if self.first else "\n]}\n")
        self.fh.close()

    def abort(self) -> None:
        self.fh.close()


def _safe_column(column: pd.Series) -> pd.Series:
    """`_safe_cell` over a column: string columns tested in one vectorised pass, only formula-like cells rewritten."""
    if column.dtype == object:
        risky = np.array([_risky(v) for v in column.to_numpy()], bool)
    else:
        starts = column.str.startswith(_FORMULA_START).fillna(False).to_numpy(dtype=bool)
        risky = starts & ~column.str.fullmatch(_PLAIN_NUMBER.pattern).fillna(False).to_numpy(dtype=bool)
    if not risky.any():
        return column
    column = column.copy()
    column[risky] = "'" + column[risky]
    return column


class _CSVSink:
    """A flat CSV (no geometry column), UTF-8 with a BOM so Excel shows Arabic; formula-like cells neutralised."""

    def __init__(self, path: Path) -> None:
        self.fh = open(path, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed in close()
        self.header = True

    def write(self, df: pd.DataFrame, layer: str = "") -> None:
        df = named_index_as_columns(df)
        out = safe_table(pd.DataFrame(df.drop(columns=[c for c in df.columns if c == "geometry"])))
        out.to_csv(self.fh, index=False, header=self.header, lineterminator="\n")
        self.header = False

    def close(self) -> None:
        self.fh.close()

    abort = close


class _GPKGSink:
    """Any number of layers in one GeoPackage, appended part by part; timestamps pinned for identical bytes."""

    def __init__(self, path: Path) -> None:
        import pyogrio

        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": "2000-01-01T00:00:00.000Z"})
        self.path = path
        self.layers: set[str] = set()

    def write(self, gdf: gpd.GeoDataFrame, layer: str = "incidents") -> None:
        gdf = named_index_as_columns(gdf)
        import pyogrio

        if gdf.empty and layer in self.layers:
            return
        pyogrio.write_dataframe(
            _for_gdal(gdf), self.path, layer=layer, driver="GPKG", append=layer in self.layers, promote_to_multi=False
        )
        self.layers.add(layer)

    def close(self) -> None:
        """Layers are complete as written."""

    abort = close


class _ParquetSink:
    """GeoParquet (version 1.0.0, WKB geometry) written part by part as row groups, so any number of parts streams
    through. The file's metadata is written with the first part, so it lists no bounding box and says "any geometry
    type" (both optional in GeoParquet). Every part must have the first part's columns."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.writer: Any = None

    def write(self, gdf: gpd.GeoDataFrame, layer: str = "") -> None:
        gdf = named_index_as_columns(gdf)
        import pyarrow as pa
        import pyarrow.parquet as pq

        name = gdf.geometry.name
        table = pa.Table.from_pandas(pd.DataFrame(gdf.drop(columns=name)), preserve_index=False)
        for i, field in enumerate(table.schema):  # text as large_string (pandas' own), even with no value in a part
            if pa.types.is_null(field.type) or pa.types.is_string(field.type):
                table = table.set_column(i, field.name, table.column(i).cast(pa.large_string()))
        table = table.append_column(name, pa.array(shapely.to_wkb(rounded(gdf.geometry)), type=pa.binary()))
        if self.writer is None:
            crs = gdf.crs.to_json_dict() if gdf.crs is not None else None
            geo = {"version": "1.0.0", "primary_column": name}
            geo["columns"] = {name: {"encoding": "WKB", "crs": crs, "geometry_types": []}}
            schema = table.schema.with_metadata({**(table.schema.metadata or {}), b"geo": json.dumps(geo).encode()})
            self.writer = pq.ParquetWriter(self.path, schema, compression="zstd")
        self.writer.write_table(table.cast(self.writer.schema))

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()

    abort = close


_SINKS = {"geojson": _GeoJSONSink, "csv": _CSVSink, "gpkg": _GPKGSink, "parquet": _ParquetSink}


@contextlib.contextmanager
def open_layer(
    path: str | os.PathLike[str], *, overwrite: bool = True, together: ReplaceSet | None = None
) -> Iterator[Any]:
    """A sink for the format the extension names; `.write(gdf, layer=...)` any number of times. The file appears
    (atomically) when the block ends without error, or with the rest of its `together` set."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise OutputError(
            f"unknown output format {Path(path).suffix or '(none)'} for {path}; use {', '.join(sorted(FORMATS))}"
        )
    with atomic_path(path, overwrite=overwrite, together=together) as tmp:
        sink = _Guarded(_SINKS[fmt](tmp), Path(path))
        try:
            yield sink
        except BaseException:
            sink.abort()
            raise
        sink.close()


class _Guarded:
    """A sink whose failures (a full disk, a GDAL error) are one `OutputError` naming the file being written."""

    def __init__(self, sink: Any, target: Path) -> None:
        self.sink, self.target = sink, target

    def _run(self, fn: Any, *args: Any, **kwargs: Any) -> None:
        try:
            fn(*args, **kwargs)
        except OutputError:
            raise
        except (OSError, RuntimeError) as exc:  # pyogrio's errors are RuntimeErrors
            msg = f"cannot write {self.target}: {exc}"
            raise OutputError(msg) from exc

    def write(self, gdf: Any, layer: str = "incidents") -> None:
        self._run(self.sink.write, gdf, layer=layer)

    def close(self) -> None:
        self._run(self.sink.close)

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self.sink.abort()


def write_layer(
    gdf: gpd.GeoDataFrame, path: str | os.PathLike[str], *, overwrite: bool = True, layer: str = "incidents"
) -> Path:
    """One layer in the format the file extension names (.geojson, .gpkg, .parquet, .csv)."""
    with open_layer(path, overwrite=overwrite) as sink:
        sink.write(gdf, layer=layer)
    return Path(path)


def write_geojson(gdf: gpd.GeoDataFrame, path: str | os.PathLike[str], *, overwrite: bool = True) -> Path:
    return write_layer(gdf, _with_suffix(path, ".geojson"), overwrite=overwrite)


def write_csv(df: pd.DataFrame, path: str | os.PathLike[str], *, overwrite: bool = True) -> Path:
    return write_layer(df, _with_suffix(path, ".csv"), overwrite=overwrite)


def write_parquet(gdf: gpd.GeoDataFrame, path: str | os.PathLike[str], *, overwrite: bool = True) -> Path:
    return write_layer(gdf, _with_suffix(path, ".parquet"), overwrite=overwrite)


def write_gpkg(layers: dict[str, gpd.GeoDataFrame], path: str | os.PathLike[str], *, overwrite: bool = True) -> Path:
    with open_layer(_with_suffix(path, ".gpkg"), overwrite=overwrite) as sink:
        for name, gdf in layers.items():
            sink.write(gdf, layer=name)
    return Path(path)


def _with_suffix(path: str | os.PathLike[str], suffix: str) -> Path:
    p = Path(path)
    if FORMATS.get(p.suffix.lower()) != FORMATS[suffix]:
        raise OutputError(f"{p}: expected a {suffix} file name")
    return p
