"""Reading reports and incident tables into one record shape.

Every reader yields pandas DataFrames (chunks, so large CSV, TSV, JSON Lines and Parquet files stream) with two
bookkeeping columns, ``_file`` and ``_line`` (the 1-based line or row the record came from), so that every problem
found later can name where it is. A file can also be split into `Block`s that are read independently (on Dask
workers) and give exactly the records, in the same order and with the same line numbers, that reading the whole
file gives. Which column plays which role is decided later (`geomap.incidents.schema`).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import pandas as pd

from geomap.exc import InputError
from geomap.io.delimited import Layout, delimited_cuts, read_delimited, read_layout
from geomap.io.encoding import ascii_compatible, decode_bytes, file_encoding, read_text
from geomap.io.jsonl import TOO_DEEP, flatten, jsonl_cuts, read_jsonl, records_frame
from geomap.io.limits import MAX_RECORD_BYTES
from geomap.io.workbook import read_workbook

__all__ = [
    "BLOCK_BYTES",
    "CHUNK_ROWS",
    "REPORT_SUFFIXES",
    "TABLE_SUFFIXES",
    "Block",
    "expand_inputs",
    "frames_from_text",
    "iter_records",
    "read_block",
    "read_stdin_text",
    "split_file",
]

TABLE_SUFFIXES = {".csv", ".tsv", ".xlsx", ".xls", ".parquet", ".geojson"}
REPORT_SUFFIXES = {".txt", ".md", ".jsonl", ".ndjson", ".json"}
CHUNK_ROWS = 10_000  # records placed at a time: bounds memory on large inputs
BLOCK_BYTES = 1024 * 1024  # a Dask task's share of a large file (about a second of work): no core idles long at the end
log = logging.getLogger("geomap")
_JSONL = (".jsonl", ".ndjson")
_LOCK_PREFIX = "~$"  # Microsoft Office's lock file beside an open workbook: not data
_DELIMITED = {".csv": None, ".tsv": "\t"}  # suffix -> delimiter (None: sniffed from the first line)


def expand_inputs(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files named, with folders expanded to the readable files in them (sorted, so runs are deterministic;
    hidden files and folders are left out)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in TABLE_SUFFIXES | REPORT_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
                and not f.name.startswith(_LOCK_PREFIX)
            )
            found = _inside(found, p)
            if not found:
                raise InputError(
                    "no .txt, .jsonl, .json, .csv, .xlsx, .parquet or .geojson files in this folder", path=str(p)
                )
            out.extend(found)
        elif p.exists() or str(raw) == "-":
            out.append(p)
        else:
            raise InputError("no such file or folder", path=str(p))
    return out


def _inside(files: list[Path], folder: Path) -> list[Path]:
    """The files that really are in `folder`: a symbolic link to a file elsewhere (/etc/passwd) is left out, and
    said so, since whatever a folder holds may end up in a map's excerpts."""
    root = folder.resolve()
    kept = []
    for f in files:
        if f.resolve().is_relative_to(root):
            kept.append(f)
        else:
            log.warning("%s: left out, a link to a file outside %s", shown_path(str(f)), shown_path(str(folder)))
    return kept


@dataclass(frozen=True)
class Block:
    """A part of one input file that can be read on its own: a byte range starting at a record (JSON Lines,
    CSV/TSV), a range of row groups (Parquet), or the whole file (`start` 0, `end` None). The encoding and, for
    delimited files, the header are decided once for the file and travel with each block."""

    path: str
    start: int = 0
    end: int | None = None
    first_line: int = 1  # line (or row) number of the block's first record
    encoding: str | None = None
    layout: Layout | None = None


def _suffix(p: Path) -> str:
    suffix = p.suffix.lower()
    if suffix not in TABLE_SUFFIXES | REPORT_SUFFIXES:
        raise InputError(
            f"unsupported file type {suffix or '(none)'}; expected one of "
            f"{', '.join(sorted(TABLE_SUFFIXES | REPORT_SUFFIXES))}",
            path=str(p),
        )
    return suffix


def split_file(
    path: str | os.PathLike[str], *, encoding: str | None = None, block_bytes: int = BLOCK_BYTES
) -> list[Block]:
    """Blocks of about `block_bytes` covering a file, in order; formats that cannot be cut give one block."""
    p = Path(path)
    suffix = _suffix(p)
    _regular(p)
    if suffix == ".parquet":
        return _parquet_blocks(p, block_bytes)
    if suffix not in _JSONL and suffix not in _DELIMITED:
        return [Block(str(p), encoding=encoding)]
    enc = file_encoding(p, encoding=encoding)
    if suffix in _JSONL:
        if not ascii_compatible(enc):
            return [Block(str(p), encoding=enc)]
        return [Block(str(p), a, b, line, enc) for a, b, line in jsonl_cuts(p, block_bytes)]
    layout = read_layout(p, encoding=enc, delimiter=_DELIMITED[suffix])
    if not ascii_compatible(enc):
        return [Block(str(p), encoding=enc)]
    return [Block(str(p), a, b, line, enc, layout) for a, b, line in delimited_cuts(p, layout, block_bytes)]


def read_block(
    block: Block,
    *,
    chunk_rows: int = CHUNK_ROWS,
    sheet: str | None = None,
    flag_unreadable: bool = False,
    on_stop: Callable[[InputError], None] | None = None,
) -> Iterator[pd.DataFrame]:
    """The records of a block, `chunk_rows` at a time (whole-file formats in one frame). Reading stops at the
    first record that cannot be read, every record before it given. With `flag_unreadable` (a run of several
    files) the error becomes one record flagged with it, at the line where reading stopped, the rest of the file
    is not read and the run goes on (`on_stop` is told the error); otherwise the error is raised."""
    if not flag_unreadable:
        yield from _named(_block_records(block, chunk_rows, sheet), block.path)
        return
    line, read = block.first_line, _continues(block)
    try:
        for df in _named(_block_records(block, chunk_rows, sheet), block.path):
            yield df
            if len(df):
                line, read = int(df["_line"].iloc[-1]) + 1, True
    except InputError as exc:
        # One process reads a file as one block; Dask's later blocks of a file have had records before them (a
        # block of nothing but blank lines aside), so both say the same here.
        stopped = "the rest of the file not read" if read else "file not read"
        if on_stop is not None:
            on_stop(exc)
        yield records_frame([{"_file": block.path, "_line": exc.line or line, "_problem": f"{stopped}: {exc}"}])


def _continues(block: Block) -> bool:
    """Whether a block starts after the first records of its file (a later byte range or run of row groups)."""
    return block.start > (block.layout.data_start if block.layout is not None else 0)


def shown_path(path: str) -> str:
    """A file name as text that can be written anywhere: bytes that are not UTF-8 (a Windows zip's Arabic names in
    cp1256) become U+FFFD instead of failing the whole run when the outputs are written."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _named(frames: Iterator[pd.DataFrame], path: str) -> Iterator[pd.DataFrame]:
    shown = shown_path(path)
    for df in frames:
        if shown != path and "_file" in df:
            df["_file"] = df["_file"].map(shown_path)
        yield df


def _regular(p: Path) -> None:
    """Only regular files are read: a pipe would be consumed by the first of the reads a file gets (encoding, then
    records) and a device such as /dev/zero never ends."""
    if p.exists() and not p.is_file():
        msg = "not a regular file (a pipe or a device): save it to a file, or pipe one report to standard input (-)"
        raise InputError(msg, path=str(p))


def _block_records(block: Block, chunk_rows: int, sheet: str | None) -> Iterator[pd.DataFrame]:
    p = Path(block.path)
    _regular(p)
    suffix = _suffix(p)
    if suffix in _JSONL:
        enc = block.encoding or file_encoding(p)
        yield from read_jsonl(
            p, encoding=enc, chunk_rows=chunk_rows, start=block.start, end=block.end, first_line=block.first_line
        )
    elif suffix in _DELIMITED:
        enc = block.encoding or file_encoding(p)
        ranged = block.layout is not None
        yield from read_delimited(
            p,
            encoding=enc,
            chunk_rows=chunk_rows,
            delimiter=_DELIMITED[suffix],
            layout=block.layout,
            start=block.start if ranged else None,
            end=block.end,
            first_line=block.first_line,
        )
    elif suffix == ".parquet":
        yield from _parquet(p, block, chunk_rows)
    elif suffix in (".txt", ".md"):
        yield _text_report(p, block.encoding)
    elif suffix == ".json":
        yield _json(p, block.encoding)
    elif suffix == ".geojson":
        yield _geojson(p, block.encoding)
    else:
        yield from read_workbook(p, sheet=sheet, chunk_rows=chunk_rows)


def iter_records(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    chunk_rows: int = CHUNK_ROWS,
    flag_unreadable: bool = False,
) -> Iterator[pd.DataFrame]:
    """DataFrames of cells with `_file` and `_line`, chunk by chunk, for any supported file (see `read_block` for
    `flag_unreadable`)."""
    block = Block(str(path), encoding=encoding)
    yield from read_block(block, chunk_rows=chunk_rows, sheet=sheet, flag_unreadable=flag_unreadable)


# ------------------------------------------------------------------------------------- whole-file formats
def _text_report(p: Path, encoding: str | None) -> pd.DataFrame:
    text = read_text(p, encoding=encoding)
    if not text.strip():
        raise InputError("empty report", path=str(p))
    shown = Path(shown_path(str(p)))
    return records_frame([{"id": shown.stem, "text": text, "_file": str(shown), "_line": 1}])


def _json(p: Path, encoding: str | None) -> pd.DataFrame:
    text = read_text(p, encoding=encoding)
    if not text.strip():
        raise InputError("empty file", path=str(p))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid or truncated JSON ({exc.msg})", path=str(p), line=exc.lineno) from exc
    except RecursionError:
        raise InputError(TOO_DEEP, path=str(p)) from None
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        return _features(data, p)
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list)]
        if len(lists) != 1:
            raise InputError("expected a list of records, or an object holding exactly one list", path=str(p))
        data = lists[0]
    if not isinstance(data, list):
        raise InputError("expected a list of records", path=str(p))
    rows = []
    for i, rec in enumerate(data, start=1):
        if isinstance(rec, str):
            rec = {"text": rec}
        if not isinstance(rec, dict):
            raise InputError(f"record {i} is a {type(rec).__name__}, not an object", path=str(p), field=str(i))
        rows.append({**flatten(rec), "_file": str(p), "_line": i})
    return records_frame(rows)


def _geojson(p: Path, encoding: str | None) -> pd.DataFrame:
    text = read_text(p, encoding=encoding)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid or truncated GeoJSON ({exc.msg})", path=str(p), line=exc.lineno) from exc
    except RecursionError:
        raise InputError(TOO_DEEP, path=str(p)) from None
    if not isinstance(data, dict) or data.get("type") not in ("FeatureCollection", "Feature"):
        raise InputError("not a GeoJSON FeatureCollection", path=str(p), field="type")
    if data["type"] == "Feature":
        data = {"type": "FeatureCollection", "features": [data]}
    return _features(data, p)


def _features(data: dict, p: Path) -> pd.DataFrame:
    features = data.get("features")
    if not isinstance(features, list):
        raise InputError("the FeatureCollection has no list of features", path=str(p), field="features")
    rows = []
    for i, feat in enumerate(features, start=1):
        props, problem = _feature_record(feat, i)
        row = {**flatten(props), "_file": str(p), "_line": i}
        if problem is not None:
            row["_problem"] = problem
        rows.append(row)
    return records_frame(rows)


_COORDINATE_KEYS = ("latitude", "longitude")


def _feature_record(feat: Any, i: int) -> tuple[dict[str, Any], str | None]:
    """A feature's properties, with latitude/longitude from its geometry where the properties leave them blank (a
    QGIS or pandas export writes them as null or ""); a problem if the feature or its geometry cannot be read."""
    if not isinstance(feat, dict):
        return {}, f"feature {i} is a {type(feat).__name__}, not an object"
    raw = feat.get("properties")
    props = dict(raw) if isinstance(raw, dict) else {}
    if raw is not None and not isinstance(raw, dict):
        return props, f"feature {i}: properties are a {type(raw).__name__}, not an object"
    geom = feat.get("geometry")
    if not geom or not any(props.get(k) in (None, "") for k in _COORDINATE_KEYS):
        return props, None
    point = _geometry_point(geom)
    if isinstance(point, str):
        return props, f"feature {i}: {point}"
    if point is not None:
        for key, value in zip(_COORDINATE_KEYS, (point.y, point.x), strict=True):
            if props.get(key) in (None, ""):
                props[key] = value
    return props, None


def _geometry_point(geom: Any) -> Any:
    """The point standing for a GeoJSON geometry (its representative point), None for an empty geometry (RFC 7946
    allows them), or why it cannot be read."""
    import shapely.errors
    from shapely.geometry import shape

    try:
        g = shape(geom)
        if g.is_empty:
            return None
        return g if g.geom_type == "Point" else g.representative_point()
    except (shapely.errors.ShapelyError, ValueError, TypeError, AttributeError, IndexError, KeyError) as exc:
        kind = geom.get("type") if isinstance(geom, dict) else type(geom).__name__
        return f"unreadable {kind} geometry ({exc})"


# ------------------------------------------------------------------------------------------------ Parquet
def _parquet_file(p: Path) -> Any:
    """A pyarrow ParquetFile (its metadata read, not its data)."""
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(p)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the Parquet file: {exc}", path=str(p)) from exc


def _parquet_blocks(p: Path, block_bytes: int) -> list[Block]:
    """Runs of consecutive row groups of about `block_bytes` (compressed) each."""
    meta = _parquet_file(p).metadata
    blocks: list[Block] = []
    start, first_row, rows, size = 0, 1, 0, 0
    for g in range(meta.num_row_groups):
        group = meta.row_group(g)
        rows, size = rows + group.num_rows, size + group.total_byte_size
        if size >= block_bytes or g == meta.num_row_groups - 1:
            blocks.append(Block(str(p), start, g + 1, first_row))
            start, first_row, rows, size = g + 1, first_row + rows, 0, 0
    return blocks or [Block(str(p))]


def _parquet(p: Path, block: Block, chunk_rows: int) -> Iterator[pd.DataFrame]:
    """Rows of the block's row groups, `chunk_rows` at a time; a GeoParquet geometry becomes latitude/longitude
    (its representative point), unless the table has those columns already."""
    import pyarrow as pa

    pf = _parquet_file(p)
    groups = list(range(block.start, block.end if block.end is not None else pf.num_row_groups))
    line = block.first_line
    try:
        batches = pf.iter_batches(batch_size=chunk_rows, row_groups=groups) if groups else iter(())
        tables = (pa.Table.from_batches([b], schema=pf.schema_arrow) for b in batches)
        for table in tables:
            df = _records_of_table(table, p, line)
            line += len(df)
            yield df
        if not groups:  # a file without row groups: its columns, no rows
            yield _records_of_table(pf.schema_arrow.empty_table(), p, line)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the Parquet file: {exc}", path=str(p)) from exc


def _binary_as_text(table: Any) -> Any:
    """BINARY columns (strings written by tools that do not mark them UTF-8) as text, undecodable bytes as U+FFFD;
    the WKB geometry column stays bytes."""
    import pyarrow as pa

    for i, f in enumerate(table.schema):
        if f.name != "geometry" and (pa.types.is_binary(f.type) or pa.types.is_large_binary(f.type)):
            cells = [None if b is None else b.decode("utf-8", "replace") for b in table.column(i).to_pylist()]
            table = table.set_column(i, f.name, pa.array(cells, pa.large_string()))
    return table


def _records_of_table(table: Any, p: Path, first_line: int) -> pd.DataFrame:
    df = _binary_as_text(table).to_pandas()
    # A named index (an event id saved with set_index) is a column of the record; an unnamed one (left by a sort
    # or a filter) is dropped, so rows stay in file order and nothing is aligned by its labels.
    df = df.reset_index(drop=all(name is None for name in df.index.names))
    if "geometry" in df.columns:
        df = _points_of_geometry(df)
    df["_file"] = str(p)
    df["_line"] = range(first_line, first_line + len(df))
    return df


def _points_of_geometry(df: pd.DataFrame) -> pd.DataFrame:
    """Latitude/longitude from a geometry column: WKB as GeoParquet writes it, or WKT text as other tools do; a
    cell that is neither is flagged on its record (which is then placed, if at all, by its other columns)."""
    import shapely

    cells = df["geometry"].to_numpy(dtype=object)
    geoms = np.full(len(cells), None, dtype=object)
    wkb = np.array([isinstance(c, bytes) for c in cells], dtype=bool)
    wkt = np.array([isinstance(c, str) and bool(c.strip()) for c in cells], dtype=bool)
    if wkb.any():
        geoms[wkb] = shapely.from_wkb(cells[wkb], on_invalid="ignore")
    if wkt.any():
        geoms[wkt] = shapely.from_wkt(cells[wkt], on_invalid="ignore")
    unread = (wkb | wkt) & np.array([g is None for g in geoms], dtype=bool)
    if unread.any():
        problems = ["geometry is neither WKB nor WKT: left out" if bad else None for bad in unread]
        df["_problem"] = problems if "_problem" not in df else df["_problem"].where(~unread, problems)
    pts = [
        None if g is None or g.is_empty else g if g.geom_type == "Point" else g.representative_point() for g in geoms
    ]
    if "latitude" not in df.columns:
        df["latitude"] = [g.y if g is not None else None for g in pts]
    if "longitude" not in df.columns:
        df["longitude"] = [g.x if g is not None else None for g in pts]
    return df.drop(columns=["geometry"])


# ------------------------------------------------------------------------------------------ standard input
def read_stdin_text(stream: BinaryIO | None, *, encoding: str | None = None) -> str:
    """Standard input (`sys.stdin.buffer`, None when closed), read once up to the limit for one record and
    decoded like a file."""
    if stream is None:
        raise InputError("standard input is closed", path="<stdin>")
    data = stream.read(MAX_RECORD_BYTES + 1)
    if len(data) > MAX_RECORD_BYTES:
        msg = f"standard input is longer than {MAX_RECORD_BYTES // 2**20} MiB, the limit for one report"
        raise InputError(msg, path="<stdin>")
    text, _ = decode_bytes(data, path="<stdin>", encoding=encoding)
    return text


def frames_from_text(text: str, name: str = "<stdin>") -> pd.DataFrame:
    """A single report given as a string."""
    return pd.DataFrame([{"id": name, "text": text, "_file": name, "_line": 1}])
