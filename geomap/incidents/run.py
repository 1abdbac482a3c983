"""The public entry points: incidents from a table or reports in memory (`geocode_incidents`), from files chunk by
chunk (`iter_incidents`) or all at once (`read_incidents`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import geopandas as gpd
import pandas as pd

from geomap.exc import InputError
from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.incidents.chunk import MentionScope, Placers, place_chunk
from geomap.incidents.frames import Incidents, concat_incidents
from geomap.incidents.ids import IdRegistry
from geomap.incidents.merging import merged
from geomap.incidents.schema import OPTION_ROLES, ColumnMap
from geomap.io.readers import CHUNK_ROWS, expand_inputs, iter_records

__all__ = ["column_choice", "geocode_incidents", "iter_incidents", "read_incidents"]


def column_choice(columns: ColumnMap | None, *options: str | None) -> ColumnMap:
    """The user's column choices: a `ColumnMap`, or the text, location, date, lat, lon and id column options (in
    that order), not both."""
    chosen = ColumnMap.from_options(**dict(zip(OPTION_ROLES, options, strict=True)))
    if columns is None:
        return chosen
    if chosen.roles:
        msg = "give either columns=ColumnMap(...) or the *_column options, not both"
        raise TypeError(msg)
    return columns


def _scope(mentions: MentionScope | str | None, return_all: bool) -> MentionScope:
    if mentions is None:
        return MentionScope.ALL if return_all else MentionScope.NONE
    return MentionScope(mentions)


def _records(data: pd.DataFrame | Iterable[dict[str, Any] | str] | str) -> pd.DataFrame:
    """A DataFrame of records, with ``_file``/``_line`` bookkeeping when not read from a file."""
    if isinstance(data, pd.DataFrame):
        df = data.copy()
    elif isinstance(data, str):
        df = pd.DataFrame([{"text": data}])
    else:
        df = pd.DataFrame([({"text": r} if isinstance(r, str) else dict(r)) for r in data])
    if "_line" not in df.columns:
        df["_line"] = range(1, len(df) + 1)
    if "_file" not in df.columns:
        df["_file"] = "<data>"
    return df.reset_index(drop=True)


def geocode_incidents(
    data: pd.DataFrame | Iterable[dict[str, Any] | str] | str,
    *,
    text_column: str | None = None,
    location_column: str | None = None,
    date_column: str | None = None,
    lat_column: str | None = None,
    lon_column: str | None = None,
    id_column: str | None = None,
    columns: ColumnMap | None = None,
    gazetteer: Gazetteer | None = None,
    return_all: bool = False,
    mentions: MentionScope | str | None = None,
    progress: Callable[[int], None] | None = None,
    coding: bool = True,
    merge: bool = True,
) -> gpd.GeoDataFrame | Incidents:
    """Incidents from a table (DataFrame) or from reports (strings, or dicts with a text field).

    Parameters
    ----------
    data : DataFrame, iterable of dict or str, or str
        The records: table rows, or reports (a string is one report's text).
    text_column, location_column, date_column, lat_column, lon_column, id_column : str, optional
        The column playing each role, where recognition by name (ACLED, UCDP, common names) is not enough.
    columns : ColumnMap, optional
        The same choices as one object (`ColumnMap.from_options`); not together with the ``*_column`` options.
    gazetteer : Gazetteer, optional
        The gazetteer to place against (default: the shipped one).
    return_all : bool
        Return an `Incidents` (incidents, mentions, areas) instead of the incidents GeoDataFrame alone.
    mentions : MentionScope or {"all", "placing", "none"}, optional
        Which texts to geoparse: ``all`` for a complete mentions table (the default with `return_all`); ``placing``:
        only the texts of records without usable coordinates or a known location name, their mentions listed;
        ``none``: the same texts, no mentions table (the default without `return_all`).
    progress : callable, optional
        Called with the number of records placed, chunk by chunk.
    coding : bool
        Code the records their table does not code, a report's further events as incidents (`geomap.coding`).
    merge : bool
        One incident per event across reports, listing every source (`geomap.coding.merge_reports`).

    Returns
    -------
    GeoDataFrame or Incidents
        In EPSG:4326, one row per record in input order (a report's further events after it); with `merge`, the
        reports of one event are one row, the others named in its `merged_ids`.
    """
    gaz = gazetteer or load_gazetteer()
    df = _records(data)
    chosen = column_choice(columns, text_column, location_column, date_column, lat_column, lon_column, id_column)
    recognised = chosen.recognise(df.columns)
    placers, registry, scope = Placers(gaz), IdRegistry(), _scope(mentions, return_all)
    parts = []
    for start in range(0, max(len(df), 1), CHUNK_ROWS):
        piece = df.iloc[start : start + CHUNK_ROWS]
        parts.append(place_chunk(piece, recognised, placers, mentions=scope, coding=coding).unique_ids(registry))
        if progress is not None:
            progress(len(piece))
    return _result(parts, merge=merge, return_all=return_all)


def _result(parts: list[Incidents], *, merge: bool, return_all: bool) -> gpd.GeoDataFrame | Incidents:
    result = merged(concat_incidents(parts)) if merge else concat_incidents(parts)
    return result if return_all else result.incidents


def iter_incidents(
    paths: str | Iterable[str],
    *,
    text_column: str | None = None,
    location_column: str | None = None,
    date_column: str | None = None,
    lat_column: str | None = None,
    lon_column: str | None = None,
    id_column: str | None = None,
    columns: ColumnMap | None = None,
    encoding: str | None = None,
    gazetteer: Gazetteer | None = None,
    mentions: MentionScope | str = MentionScope.ALL,
    progress: Callable[[int], None] | None = None,
    chunk_rows: int | None = None,
    coding: bool = True,
) -> Iterator[Incidents]:
    """Incidents from files, one `Incidents` per chunk of input records.

    Memory stays bounded by the chunk size; ids are unique across chunks and files; reports are not merged (`merged`).

    Parameters
    ----------
    paths : str or iterable of str
        Files (.txt, .md, .jsonl, .json, .csv, .tsv, .xlsx, .parquet, .geojson) and folders of them.
    text_column, location_column, date_column, lat_column, lon_column, id_column : str, optional
        The column playing each role, where recognition by name is not enough.
    columns : ColumnMap, optional
        The same choices as one object; not together with the ``*_column`` options.
    encoding : str, optional
        The encoding of text files (detected when not given: UTF-8, UTF-16, Windows-1256 ...).
    gazetteer : Gazetteer, optional
        The gazetteer to place against (default: the shipped one).
    mentions : MentionScope or {"all", "placing", "none"}
        Which texts to geoparse for the mentions table: all (default), those read to place a record, or none.
    progress : callable, optional
        Called with the number of records placed, chunk by chunk.
    chunk_rows : int, optional
        Records per chunk (default 10,000).
    coding : bool
        Code the records and split reports into their events (see `geocode_incidents`).

    Yields
    ------
    Incidents
        The incidents, mentions and areas of one chunk.
    """
    chosen = column_choice(columns, text_column, location_column, date_column, lat_column, lon_column, id_column)
    files = expand_inputs([paths] if isinstance(paths, str) else paths)
    placers, registry, scope = Placers(gazetteer or load_gazetteer()), IdRegistry(), MentionScope(mentions)
    rows = chunk_rows or CHUNK_ROWS
    # In a run of several files one bad file is one flagged record, not the end of the run.
    frames = (
        df for f in files for df in iter_records(f, encoding=encoding, chunk_rows=rows, flag_unreadable=len(files) > 1)
    )
    for chunk in _batched(frames, rows):
        placed = place_chunk(chunk, chosen.recognise(chunk.columns), placers, mentions=scope, coding=coding)
        if progress is not None:
            progress(len(chunk))
        yield placed.unique_ids(registry)
    if not len(registry):
        raise InputError("no records in the input", path=", ".join(map(str, files)))


def _batched(frames: Iterable[pd.DataFrame], rows: int) -> Iterator[pd.DataFrame]:
    """Consecutive frames with the same columns (the records of a folder of report files) as one chunk of up to
    `rows` records, so a file costs no placing of its own; frames whose columns differ stay apart, as column roles
    are recognised per file (a CSV's `notes` must not hide a JSON's `text`)."""
    pending: list[pd.DataFrame] = []
    count = 0
    for df in frames:
        if df.empty:
            continue
        if pending and (count + len(df) > rows or not df.columns.equals(pending[0].columns)):
            yield pending[0] if len(pending) == 1 else pd.concat(pending, ignore_index=True)
            pending, count = [], 0
        pending.append(df)
        count += len(df)
    if pending:
        yield pending[0] if len(pending) == 1 else pd.concat(pending, ignore_index=True)


def read_incidents(
    paths: str | Iterable[str],
    *,
    text_column: str | None = None,
    location_column: str | None = None,
    date_column: str | None = None,
    lat_column: str | None = None,
    lon_column: str | None = None,
    id_column: str | None = None,
    columns: ColumnMap | None = None,
    encoding: str | None = None,
    gazetteer: Gazetteer | None = None,
    return_all: bool = False,
    mentions: MentionScope | str | None = None,
    progress: Callable[[int], None] | None = None,
    coding: bool = True,
    merge: bool = True,
) -> gpd.GeoDataFrame | Incidents:
    """Incidents from files: .txt reports, folders of them, JSON Lines/JSON, CSV/TSV, XLSX, Parquet, GeoJSON.

    Everything is returned in memory; to stream a very large input, iterate `iter_incidents` (into `write_layers`).

    Parameters
    ----------
    paths : str or iterable of str
        Files and folders.
    text_column, location_column, date_column, lat_column, lon_column, id_column : str, optional
        The column playing each role, where recognition by name is not enough.
    columns : ColumnMap, optional
        The same choices as one object; not together with the ``*_column`` options.
    encoding : str, optional
        The encoding of text files (detected when not given).
    gazetteer : Gazetteer, optional
        The gazetteer to place against (default: the shipped one).
    return_all : bool
        Return an `Incidents` (incidents, mentions, areas) instead of the incidents GeoDataFrame alone.
    mentions : MentionScope or {"all", "placing", "none"}, optional
        Which texts to geoparse: all (default with `return_all`), only those read to place a record (``placing``),
        or those without a mentions table (``none``, the default without `return_all`).
    progress : callable, optional
        Called with the number of records placed, chunk by chunk.
    coding : bool
        Code the records their table does not code, a report's further events as incidents (`geomap.coding`).
    merge : bool
        One incident per event across reports, listing every source (`geomap.coding.merge_reports`).

    Returns
    -------
    GeoDataFrame or Incidents
        One row per record (and further event), files in the order given (folders sorted), records in file order;
        with `merge`, the reports of one event are one row.
    """
    chosen = column_choice(columns, text_column, location_column, date_column, lat_column, lon_column, id_column)
    scope = _scope(mentions, return_all)
    parts = iter_incidents(
        paths, columns=chosen, encoding=encoding, gazetteer=gazetteer, mentions=scope, progress=progress, coding=coding
    )
    return _result(list(parts), merge=merge, return_all=return_all)
