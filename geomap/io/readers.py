"""Reading reports and incident tables into one record shape.

Every reader yields pandas DataFrames of strings (chunks, so large CSV and JSON Lines files stream) with two
bookkeeping columns, ``_file`` and ``_line`` (the 1-based line or row the record came from), so that every problem
found later can name where it is. Column roles (id, date, text, location, lat, lon ...) are recognised for ACLED and
UCDP GED exports and by common names otherwise; the user's explicit column names win.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from geomap.exc import InputError
from geomap.io.encoding import decode_bytes, read_text

__all__ = ["REPORT_SUFFIXES", "TABLE_SUFFIXES", "ColumnMap", "detect_columns", "expand_inputs", "iter_records"]

TABLE_SUFFIXES = {".csv", ".tsv", ".xlsx", ".xls", ".parquet", ".geojson"}
REPORT_SUFFIXES = {".txt", ".md", ".jsonl", ".ndjson", ".json"}
CHUNK_ROWS = 10_000  # records placed at a time: bounds memory on large inputs

ACLED_COLUMNS = {"event_id_cnty", "event_date", "event_type", "latitude", "longitude", "location", "notes"}
UCDP_COLUMNS = {"date_start", "where_coordinates", "latitude", "longitude", "adm_1", "where_prec"}
_ROLE_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("event_id_cnty", "id", "event_id", "incident_id", "report_id", "uid", "المعرف", "الرقم"),
    "date": ("event_date", "date_start", "date", "published", "published_at", "datetime", "time", "التاريخ"),
    "text": (
        "notes",
        "text",
        "body",
        "content",
        "article",
        "report",
        "description",
        "source_headline",
        "summary",
        "message",
        "tweet",
        "النص",
        "الخبر",
        "التفاصيل",
        "الوصف",
        "ملاحظات",
    ),
    "title": ("title", "headline", "العنوان"),
    "location": (
        "location",
        "where_coordinates",
        "place",
        "location_name",
        "town",
        "city",
        "village",
        "site",
        "الموقع",
        "المكان",
        "المنطقة",
        "البلدة",
    ),
    "lat": ("latitude", "lat", "y", "خط العرض"),
    "lon": ("longitude", "lon", "lng", "long", "x", "خط الطول"),
    "event_type": ("event_type", "type_of_violence", "category", "type", "نوع الحدث"),
    "sub_event_type": ("sub_event_type",),
    "actor1": ("actor1", "side_a"),
    "actor2": ("actor2", "side_b"),
    "fatalities": ("fatalities", "best", "deaths", "killed", "القتلى"),
    "source": ("source", "source_original", "publisher", "المصدر"),
    "url": ("url", "link", "source_url", "الرابط"),
    "admin1": ("admin1", "adm_1", "governorate", "province", "المحافظة"),
    "admin2": ("admin2", "adm_2", "district"),
    "admin3": ("admin3", "subdistrict"),
    "geo_precision": ("geo_precision", "where_prec"),
    "time_precision": ("time_precision", "date_prec"),
}


@dataclass
class ColumnMap:
    """Which input column plays which role; `schema` says how it was recognised (acled, ucdp, generic)."""

    roles: dict[str, str] = field(default_factory=dict)
    schema: str = "generic"

    def get(self, role: str) -> str | None:
        return self.roles.get(role)


def detect_columns(columns: Iterable[str], overrides: dict[str, str | None] | None = None) -> ColumnMap:
    """Recognise ACLED, UCDP GED or generic column names; `overrides` (role → column) win."""
    cols = [c for c in columns if not str(c).startswith("_")]
    lower = {str(c).strip().lower(): c for c in cols}
    names = set(lower)
    schema = "acled" if names >= ACLED_COLUMNS else "ucdp" if names >= UCDP_COLUMNS else "generic"
    roles: dict[str, str] = {}
    for role, candidates in _ROLE_NAMES.items():
        for cand in candidates:
            if cand in lower:
                roles[role] = lower[cand]
                break
    for role, column in (overrides or {}).items():
        if column is None:
            continue
        if column not in cols:
            raise InputError(f"no column {column!r}; the columns are {', '.join(map(str, cols))}", field=column)
        roles[role] = column
    return ColumnMap(roles, schema)


# ------------------------------------------------------------------------------------------------ inputs
def expand_inputs(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files named, with folders expanded to the readable files in them (sorted, so runs are deterministic)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in TABLE_SUFFIXES | REPORT_SUFFIXES and not f.name.startswith(".")
            )
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


def iter_records(
    path: str | os.PathLike[str], *, encoding: str | None = None, sheet: str | None = None, chunk_rows: int = CHUNK_ROWS
) -> Iterator[pd.DataFrame]:
    """DataFrames of string cells with `_file` and `_line`, chunk by chunk, for any supported file."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".txt", ".md"):
        yield _text_report(p, encoding)
    elif suffix in (".jsonl", ".ndjson"):
        yield from _jsonl(p, encoding, chunk_rows)
    elif suffix == ".json":
        yield _json(p, encoding)
    elif suffix == ".geojson":
        yield _geojson(p, encoding)
    elif suffix in (".csv", ".tsv"):
        yield from _csv(p, encoding, chunk_rows, delimiter="\t" if suffix == ".tsv" else None)
    elif suffix in (".xlsx", ".xls"):
        yield _excel(p, sheet)
    elif suffix == ".parquet":
        yield _parquet(p)
    else:
        raise InputError(
            f"unsupported file type {suffix or '(none)'}; expected one of "
            f"{', '.join(sorted(TABLE_SUFFIXES | REPORT_SUFFIXES))}",
            path=str(p),
        )


def _frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    if df.empty:
        df = pd.DataFrame({"_file": pd.Series(dtype=str), "_line": pd.Series(dtype=int)})
    return df


def _text_report(p: Path, encoding: str | None) -> pd.DataFrame:
    text = read_text(p, encoding=encoding)
    if not text.strip():
        raise InputError("empty report", path=str(p))
    return _frame([{"id": p.stem, "text": text, "_file": str(p), "_line": 1}])


def _jsonl(p: Path, encoding: str | None, chunk_rows: int) -> Iterator[pd.DataFrame]:
    rows: list[dict] = []
    lineno = 0
    with _open_text(p, encoding) as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"invalid JSON ({exc.msg} at column {exc.colno})", path=str(p), line=lineno) from exc
            if isinstance(rec, str):
                rec = {"text": rec}
            if not isinstance(rec, dict):
                raise InputError(f"expected a JSON object per line, got {type(rec).__name__}", path=str(p), line=lineno)
            rows.append({**_flatten(rec), "_file": str(p), "_line": lineno})
            if len(rows) >= chunk_rows:
                yield _frame(rows)
                rows = []
    if rows or lineno == 0:
        yield _frame(rows)


def _open_text(p: Path, encoding: str | None):
    """A text handle for line-by-line reading; encodings are detected on the first 64 KiB."""
    with open(p, "rb") as fh:
        head = fh.read(65536)
    if not head:
        raise InputError("empty file", path=str(p))
    _, enc = decode_bytes(
        head if len(head) < 65536 else head[: head.rfind(b"\n") + 1] or head, path=str(p), encoding=encoding
    )
    return open(p, encoding=enc, errors="strict", newline="")


def _flatten(rec: dict) -> dict:
    out = {}
    for k, v in rec.items():
        if isinstance(v, (dict, list)):
            out[str(k)] = json.dumps(v, ensure_ascii=False)
        else:
            out[str(k)] = v
    return out


def _json(p: Path, encoding: str | None) -> pd.DataFrame:
    text = read_text(p, encoding=encoding)
    if not text.strip():
        raise InputError("empty file", path=str(p))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid or truncated JSON ({exc.msg})", path=str(p), line=exc.lineno) from exc
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
        rows.append({**_flatten(rec), "_file": str(p), "_line": i})
    return _frame(rows)


def _geojson(p: Path, encoding: str | None) -> pd.DataFrame:
    text = read_text(p, encoding=encoding)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid or truncated GeoJSON ({exc.msg})", path=str(p), line=exc.lineno) from exc
    if not isinstance(data, dict) or data.get("type") not in ("FeatureCollection", "Feature"):
        raise InputError("not a GeoJSON FeatureCollection", path=str(p), field="type")
    if data["type"] == "Feature":
        data = {"type": "FeatureCollection", "features": [data]}
    return _features(data, p)


def _features(data: dict, p: Path) -> pd.DataFrame:
    from shapely.geometry import shape

    rows = []
    for i, feat in enumerate(data.get("features") or [], start=1):
        props = dict(feat.get("properties") or {})
        geom = feat.get("geometry")
        if geom:
            try:
                g = shape(geom)
                pt = g if g.geom_type == "Point" else g.representative_point()
                props.setdefault("latitude", pt.y)
                props.setdefault("longitude", pt.x)
            except (ValueError, TypeError, AttributeError, IndexError) as exc:
                props["_problem"] = f"feature {i}: unreadable geometry ({exc})"
        rows.append({**_flatten(props), "_file": str(p), "_line": i})
    return _frame(rows)


def _csv(p: Path, encoding: str | None, chunk_rows: int, delimiter: str | None) -> Iterator[pd.DataFrame]:
    with _open_text(p, encoding) as fh:
        sample = fh.read(65536)
        fh.seek(0)
        if delimiter is None:
            try:
                delimiter = csv.Sniffer().sniff(sample.split("\n", 5)[0] if sample else ",", ",;\t|").delimiter
            except csv.Error:
                delimiter = ","
        reader = csv.reader(fh, delimiter=delimiter)
        header: list[str] = []
        while not any(c.strip() for c in header):  # blank lines before the header are skipped
            try:
                header = next(reader)
            except StopIteration:
                raise InputError("empty file (no header row)", path=str(p)) from None
            except csv.Error as exc:
                raise InputError(f"unreadable CSV header: {exc}", path=str(p), line=reader.line_num) from exc
        header = _clean_header(header)
        rows: list[dict] = []
        while True:
            start_line = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                raise InputError(f"unreadable CSV row: {exc}", path=str(p), line=start_line) from exc
            if not any(c.strip() for c in cells):
                continue
            rec = dict(zip(header, cells, strict=False))
            if len(cells) != len(header):
                rec["_problem"] = f"row has {len(cells)} fields, the header {len(header)}"
                if len(cells) > len(header):
                    rec[header[-1]] = delimiter.join(cells[len(header) - 1 :])
            rows.append({**rec, "_file": str(p), "_line": start_line})
            if len(rows) >= chunk_rows:
                yield _frame(rows)
                rows = []
        yield _frame(rows)


def _clean_header(header: list[str]) -> list[str]:
    """Blank headers get `column_N`; repeated ones `name.2`, `name.3` (nothing is dropped)."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, h in enumerate(header, start=1):
        name = h.strip().lstrip("\ufeff") or f"column_{i}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 1
        out.append(name)
    return out


def _excel(p: Path, sheet: str | None) -> pd.DataFrame:
    try:
        sheets = pd.read_excel(p, sheet_name=sheet if sheet else None, dtype=str, header=None)
    except (ValueError, OSError, KeyError) as exc:
        raise InputError(f"cannot read the workbook: {exc}", path=str(p)) from exc
    if isinstance(sheets, pd.DataFrame):
        sheets = {sheet: sheets}
    frames = []
    for name, raw in sheets.items():
        raw = raw.dropna(how="all").dropna(axis=1, how="all")
        if raw.empty:
            continue
        # Merged cells arrive as a value in the first cell and blanks below: carry values down within a column
        # only for the header row search; data cells stay as they are.
        header = _clean_header([str(v) if pd.notna(v) else "" for v in raw.iloc[0]])
        body = raw.iloc[1:].copy()
        body.columns = header
        body["_line"] = [int(i) + 1 for i in body.index]
        body["_file"] = f"{p}[{name}]"
        frames.append(body)
    if not frames:
        raise InputError("the workbook has no data", path=str(p))
    return pd.concat(frames, ignore_index=True)


def _parquet(p: Path) -> pd.DataFrame:
    try:
        df = pd.read_parquet(p)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the Parquet file: {exc}", path=str(p)) from exc
    if "geometry" in df.columns:
        import shapely

        geoms = shapely.from_wkb(df["geometry"].to_numpy())
        pts = [g if g is None or g.geom_type == "Point" else g.representative_point() for g in geoms]
        df["latitude"] = df.get("latitude", pd.Series([g.y if g is not None else None for g in pts]))
        df["longitude"] = df.get("longitude", pd.Series([g.x if g is not None else None for g in pts]))
        df = df.drop(columns=["geometry"])
    df["_file"] = str(p)
    df["_line"] = range(1, len(df) + 1)
    return df


def read_stdin_text(data: bytes, *, encoding: str | None = None) -> str:
    """Standard input, decoded like a file."""
    text, _ = decode_bytes(data, path="<stdin>", encoding=encoding)
    return text


def frames_from_text(text: str, name: str = "<stdin>") -> pd.DataFrame:
    """A single report given as a string."""
    return pd.DataFrame([{"id": name, "text": text, "_file": name, "_line": 1}])
