"""One incident per event across reports: `merge_reports` merges the rows that report the same event.

Two placed rows report the same event when they have the same event type, dates at most `max_days` apart, and the
same place: the same gazetteer id, one place inside the other (a row's gazetteer id is one of the other's admin
P-codes: «إدلب» beside «سرمدا بريف إدلب»), or points within `max_km`. Rows are taken most precise place first, so
each group is anchored on its most precise report and a vague report joins a group only through that anchor; a
vague report that fits two groups (the governorate of two different towns' strikes) joins neither. Unplaced rows,
rows without an event type and rows whose date is not known to the day are never merged, nor two rows that a table
coded itself (no `coding_evidence`: ACLED's or UCDP's events, not reports of one): reports may join such a row.
"""

from __future__ import annotations

import contextlib
import gc
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from geomap.coding.schema import CODING_COLUMNS
from geomap.earth import KM_PER_DEGREE, haversine_km
from geomap.exc import InputError

__all__ = [
    "GROUP_COLUMNS",
    "NEAR_KM",
    "VALUE_COLUMNS",
    "MergePlan",
    "apply_merges",
    "column_texts",
    "event_dates",
    "merge_groups",
    "merge_reports",
    "plan_merges",
    "table_events_of",
]

NEAR_KM = 3.0  # a village and its landmark, a town and its neighbourhood lie this close; separate villages farther
KNOWN_DAY = 1  # ACLED time_precision of a date known to the day: only such reports are matched by date
REQUIRED = ("event_id_cnty", "event_date", "event_type", "latitude", "longitude")
ADMIN_PCODES = ("admin1_pcode", "admin2_pcode", "admin3_pcode")
SORT_COLUMNS = ("event_id_cnty", "source", "source_url", "title", "notes")  # ties broken on these, in this order
# What grouping reads (`merge_groups`): a frame of these alone groups its rows as the whole rows would be grouped
# when the ids are unique (so that the ties never reach the title and the notes).
GROUP_COLUMNS = (
    *REQUIRED,
    *("status", "geo_precision", "gazetteer_id", *ADMIN_PCODES, "time_precision", "event_date_end"),
    *("coding_evidence", "source", "source_url"),
)
# What a merged incident's own cells are made of (`plan_merges`), beside the anchor's row.
VALUE_COLUMNS = (
    *("event_id_cnty", "event_date", "event_date_end", "year", "time_precision", "date_source"),
    *("sub_event_type", "actor1", "actor2", "source", "source_url", "fatalities", "injuries"),
    *("source_count", "merged_ids"),
)
JOIN = "; "


@dataclass(slots=True)
class _Report:
    index: int  # row position in the input
    event_id: str
    event_type: str
    day: int  # proleptic ordinal of event_date
    lat: float
    lon: float
    gazetteer_id: str
    admins: frozenset[str]
    precision: float
    table_event: bool = False  # coded by its own table (no coding evidence): an event, not a report of one


@dataclass(slots=True)
class _Group:
    anchor: _Report
    members: list[_Report] = field(default_factory=list)
    table_event: bool = False  # one of its members is a table's own event

    def add(self, r: _Report) -> None:
        self.members.append(r)
        self.table_event = self.table_event or r.table_event


def _text(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA else str(value)


def _column(frame: pd.DataFrame, name: str) -> list[Any]:
    return frame[name].tolist() if name in frame else [None] * len(frame)


def _reports(frame: pd.DataFrame, table_events: list[bool], dates: pd.Series) -> list[_Report]:
    """The rows that may be merged, most precise place first (then earliest, then by id and source);
    `table_events` says which rows are a table's own events (`table_events_of`), `dates` their dates (`event_dates`)."""
    lats = pd.to_numeric(frame["latitude"], errors="coerce").astype("float64").to_numpy()  # floats, not ints
    lons = pd.to_numeric(frame["longitude"], errors="coerce").astype("float64").to_numpy()
    types = column_texts(frame, "event_type")
    mergeable = (
        dates.notna().to_numpy()
        & ~_vague_dates(frame)
        & ~np.isnan(lats)
        & ~np.isnan(lons)
        & (np.array(types, dtype=object) != "")
    )
    if "status" in frame:
        mergeable &= (frame["status"] == "placed").to_numpy(dtype=bool, na_value=False)
    rows = np.flatnonzero(mergeable).tolist()
    days = _ordinals(dates)
    precision = pd.to_numeric(pd.Series(_column(frame, "geo_precision"), dtype="object"), errors="coerce")
    precisions = precision.astype("float64").fillna(math.inf).tolist()
    ids, gaz = column_texts(frame, "event_id_cnty"), column_texts(frame, "gazetteer_id")
    admins = list(zip(*(column_texts(frame, c) for c in ADMIN_PCODES), strict=True))
    lat_list, lon_list = lats.tolist(), lons.tolist()
    out = [
        _Report(
            *(i, ids[i], types[i], days[i], lat_list[i], lon_list[i], gaz[i]),
            *(frozenset(filter(None, admins[i])), precisions[i], table_events[i]),
        )
        for i in rows
    ]
    ties = list(zip(*(column_texts(frame, c) for c in SORT_COLUMNS), strict=True))
    out.sort(key=lambda r: (r.precision, r.day, ties[r.index]))
    return out


def column_texts(frame: pd.DataFrame, name: str) -> list[str]:
    """A column's cells as text, a missing cell (or column) as "" (`_text` of each cell; a column of strings is read
    at column speed)."""
    if name not in frame:
        return [""] * len(frame)
    column = frame[name]
    if isinstance(column.dtype, pd.StringDtype):  # strings or missing cells only
        return column.astype(object).where(column.notna(), "").tolist()
    return [_text(v) for v in column.tolist()]


def event_dates(frame: pd.DataFrame) -> pd.Series:
    """The rows' event dates as timestamps (NaT where unreadable). Parsed together: a format is inferred from the
    first date, so the rows of a larger input are given the dates parsed over all of it (`merge_groups`)."""
    return pd.to_datetime(frame["event_date"], errors="coerce")


_EPOCH_ORDINAL = pd.Timestamp(0).toordinal()  # the ordinal of 1970-01-01, where NumPy counts days from


def _ordinals(dates: pd.Series) -> list[int]:
    """The proleptic ordinal of each date's day (`date.toordinal`), 0 where there is none."""
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_localize(None)  # the day on the date's own clock, as `Timestamp.toordinal` reads it
    days = dates.to_numpy().astype("datetime64[D]").astype(np.int64)  # days since 1970-01-01, in any date unit
    return np.where(dates.isna().to_numpy(), 0, days + _EPOCH_ORDINAL).tolist()


def table_events_of(frame: pd.DataFrame) -> list[bool]:
    """Which rows are a table's own events (coded by the table, not from a text: no coding evidence)."""
    return [not evidence for evidence in column_texts(frame, "coding_evidence")]


def _time_precisions(frame: pd.DataFrame) -> pd.Series:
    """ACLED's time_precision of each row as a number (NaN where missing or not a number)."""
    return pd.to_numeric(pd.Series(_column(frame, "time_precision"), dtype="object"), errors="coerce")


def _vague_dates(frame: pd.DataFrame) -> np.ndarray:
    """Which dates are known only to a week or a month (ACLED time_precision 2 or 3): not a day to match on."""
    return (_time_precisions(frame) > KNOWN_DAY).to_numpy(dtype=bool, na_value=False)


def _fit(anchor: _Report, r: _Report, max_km: float) -> tuple[str, float] | None:
    """How `r` fits the group anchored on `anchor`: ("same", km) for the same place or a near point, ("nested", km)
    when one place is inside the other; None when it does not fit."""
    same = bool(anchor.gazetteer_id) and anchor.gazetteer_id == r.gazetteer_id
    nested = bool(r.gazetteer_id and r.gazetteer_id in anchor.admins) or bool(
        anchor.gazetteer_id and anchor.gazetteer_id in r.admins
    )
    if not (same or nested) and abs(anchor.lat - r.lat) * KM_PER_DEGREE > max_km:
        return None  # farther apart in latitude alone than a near point can be: no distance to compute
    km = haversine_km(anchor.lat, anchor.lon, r.lat, r.lon)
    if same or km <= max_km:
        return "same", km
    return ("nested", km) if nested else None


@dataclass(slots=True)
class _Anchors:
    """The groups anchored on one day and event type, found by what may make a report fit them (`_fit`): the same
    gazetteer id, a place inside the other's units, or a point in the same band of latitude (`_band`)."""

    by_place: dict[str, list[int]] = field(default_factory=dict)  # anchor's gazetteer id -> groups
    by_unit: dict[str, list[int]] = field(default_factory=dict)  # each of the anchor's admin P-codes -> groups
    by_band: dict[int, list[int]] = field(default_factory=dict)  # anchor's band of latitude -> groups

    def add(self, g: int, anchor: _Report, band: int) -> None:
        if anchor.gazetteer_id:
            self.by_place.setdefault(anchor.gazetteer_id, []).append(g)
        for code in anchor.admins:
            self.by_unit.setdefault(code, []).append(g)
        self.by_band.setdefault(band, []).append(g)

    def candidates(self, r: _Report, band: int) -> set[int]:
        """Every group `r` (in band of latitude `band`) may fit (a superset: `_fit` decides)."""
        found: set[int] = set()
        if r.gazetteer_id:
            found.update(self.by_place.get(r.gazetteer_id, ()))  # the same place
            found.update(self.by_unit.get(r.gazetteer_id, ()))  # r is a unit of the anchor
        for code in r.admins:
            found.update(self.by_place.get(code, ()))  # the anchor is a unit of r
        for b in (band - 1, band, band + 1):
            found.update(self.by_band.get(b, ()))  # near enough in latitude to be a near point
        return found


# A band a little wider than `max_km` of latitude: two points that close are in the same or next bands, whatever the
# rounding of the division.
_BAND_MARGIN = 1 + 1e-9


def _band(lat: float, band_degrees: float) -> int:
    """The band of latitude `band_degrees` wide that `lat` lies in."""
    return math.floor(lat / band_degrees) if math.isfinite(lat) else 0  # no point is near a bad one


def _group(reports: list[_Report], max_days: int, max_km: float) -> list[_Group]:
    groups: list[_Group] = []
    by_day: dict[tuple[str, int], _Anchors] = {}  # (event type, anchor day) -> groups anchored that day
    band_degrees = max_km / KM_PER_DEGREE * _BAND_MARGIN
    for r in reports:
        band = _band(r.lat, band_degrees)
        fits = []
        for day in range(r.day - max_days, r.day + max_days + 1):
            anchors = by_day.get((r.event_type, day))
            if anchors is None:
                continue
            for g in anchors.candidates(r, band):
                if r.table_event and groups[g].table_event:
                    continue  # two events a table codes apart stay apart: reports join them, they never merge
                how = _fit(groups[g].anchor, r, max_km)
                if how:
                    fits.append((how[0] != "same", how[1], abs(day - r.day), g))
        same = [f for f in fits if not f[0]]
        chosen = min(same) if same else (fits[0] if len(fits) == 1 else None)
        if chosen is None:
            by_day.setdefault((r.event_type, r.day), _Anchors()).add(len(groups), r, band)
            groups.append(_Group(r, [r], r.table_event))
        else:
            groups[chosen[3]].add(r)
    return groups


def _joined(values: Iterable[Any]) -> str:
    seen: list[str] = []
    for v in values:
        for part in _text(v).split(JOIN):
            if part.strip() and part.strip() not in seen:
                seen.append(part.strip())
    return JOIN.join(seen)


def _int(value: Any) -> int | None:
    try:
        return None if value is None or value is pd.NA else int(float(value))
    except (TypeError, ValueError):
        return None


def _lowest(values: Iterable[Any]) -> Any:
    stated = [n for n in map(_int, values) if n is not None]
    return min(stated) if stated else pd.NA


def _merged_values(cols: Mapping[str, list[Any]], rows: list[int], dated: int) -> dict[str, Any]:
    """The cells of a merged incident that are not its anchor's (`rows[0]`, the most precise place); `dated` is its
    report with the most precise date; `cols` holds the cells of the rows by column."""
    out: dict[str, Any] = {}
    for c in ("event_date", "event_date_end", "year", "time_precision", "date_source"):
        if c in cols:
            out[c] = cols[c][dated]
    for c in ("sub_event_type", "actor1", "actor2"):
        if c in cols and not _text(cols[c][rows[0]]):
            out[c] = next((cols[c][r] for r in rows if _text(cols[c][r])), cols[c][rows[0]])
    for c in ("source", "source_url"):
        if c in cols:
            out[c] = _joined(cols[c][r] for r in rows) or None
    for c in ("fatalities", "injuries"):
        if c in cols:
            out[c] = _lowest(cols[c][r] for r in rows)
    out["source_count"] = sum(_int(cols["source_count"][r]) or 1 for r in rows)
    ids = {_text(cols["event_id_cnty"][r]) for r in rows[1:]}
    for r in rows:
        ids.update(_text(cols["merged_ids"][r]).split(JOIN))
    out["merged_ids"] = JOIN.join(sorted(i for i in ids if i))
    return out


def _spreads(frame: pd.DataFrame) -> list[tuple[float, str]]:
    """Narrower dates are more precise: ACLED's time_precision where given, else the days between start and end."""
    tp = _time_precisions(frame).fillna(1.0)
    start = pd.to_datetime(pd.Series(_column(frame, "event_date"), dtype="object"), errors="coerce", format="ISO8601")
    end = pd.to_datetime(pd.Series(_column(frame, "event_date_end"), dtype="object"), errors="coerce", format="ISO8601")
    days = (end - start).dt.days.fillna(0)
    return list(zip((tp * 1000 + days).tolist(), column_texts(frame, "event_date"), strict=True))


@dataclass(frozen=True)
class MergePlan:
    """What merging does to the rows of an input (by position): the row each merged incident stands at (`at`,
    ascending) takes the cells of its anchor (`anchor`, the same order), then its `updates`; the rows in `away`
    (ascending) are dropped."""

    at: np.ndarray
    anchor: np.ndarray
    updates: list[dict[str, Any]]
    away: np.ndarray

    @classmethod
    def combined(cls, plans: Iterable[MergePlan]) -> MergePlan:
        """One plan doing what each of `plans` does (plans of rows apart: the shards of one input)."""
        plans = list(plans)
        if not plans:
            return cls(np.zeros(0, np.int64), np.zeros(0, np.int64), [], np.zeros(0, np.int64))
        at = np.concatenate([p.at for p in plans])
        order = np.argsort(at, kind="stable")
        updates = [u for p in plans for u in p.updates]
        return cls(
            at=at[order],
            anchor=np.concatenate([p.anchor for p in plans])[order],
            updates=[updates[k] for k in order.tolist()],
            away=np.sort(np.concatenate([p.away for p in plans])),
        )


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a merge builds a record per row (no cycles among them):
    otherwise it walks every live object again and again as they accumulate, a third of the grouping's time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def merge_groups(
    frame: pd.DataFrame, *, max_days: int = 1, max_km: float = NEAR_KM, dates: pd.Series | None = None
) -> list[list[int]]:
    """The rows (positions in `frame`) of each incident two reports or more make, its anchor (the most precise
    report) first; `frame` needs only `GROUP_COLUMNS` when its ids are unique. `dates` are the rows' `event_dates`
    when `frame` is part of a larger input (they are parsed over the whole of it); by default they are parsed here."""
    table_events = table_events_of(frame)
    if all(table_events):
        return []  # every row is a table's own event: two of them never merge (`_group`), so nothing is read
    with _collector_paused():
        reports = _reports(frame, table_events, event_dates(frame) if dates is None else dates)
        return [[m.index for m in g.members] for g in _group(reports, max_days, max_km) if len(g.members) > 1]


def plan_merges(groups: list[list[int]], cells: pd.DataFrame, rows: Mapping[int, int] | None = None) -> MergePlan:
    """The plan for `groups` (from `merge_groups`); `cells` holds at least their rows, with the merge columns
    (`with_merge_columns`), `rows` mapping a position in the input to one in `cells` when it is not the input."""
    if not groups:
        return MergePlan.combined([])  # nothing merges: the cells are not read
    cols = {c: _column(cells, c) for c in VALUE_COLUMNS if c in cells}
    spreads = _spreads(cells)
    where = (lambda members: members) if rows is None else (lambda members: [rows[i] for i in members])
    by_position = sorted((min(members), members) for members in groups)  # by where the first of its reports was
    updates = []
    with _collector_paused():
        for _, members in by_position:
            local = where(members)
            updates.append(_merged_values(cols, local, min(local, key=spreads.__getitem__)))
    away = sorted(i for at, members in by_position for i in members if i != at)
    return MergePlan(
        at=np.array([at for at, _ in by_position], dtype=np.int64),
        anchor=np.array([members[0] for _, members in by_position], dtype=np.int64),
        updates=updates,
        away=np.array(away, dtype=np.int64),
    )


def apply_merges(
    part: pd.DataFrame, plan: MergePlan, *, offset: int = 0, anchors: pd.DataFrame | None = None
) -> pd.DataFrame:
    """`part` (rows `offset` … of the input, with the merge columns) with `plan` carried out on its rows; the cells
    of an anchor outside `part` come from `anchors` (indexed by input position)."""
    n = len(part)
    first, last = np.searchsorted(plan.at, [offset, offset + n])
    at = plan.at[first:last] - offset
    source = plan.anchor[first:last] - offset
    pool = part.reset_index(drop=True)
    outside = (source < 0) | (source >= n)
    if outside.any():  # only the anchors this part needs from the others
        assert anchors is not None, "an anchor in another part needs `anchors`"
        taken = anchors.loc[source[outside] + offset].reset_index(drop=True)
        pool = pd.concat([pool, taken], ignore_index=True)
        source[outside] = n + np.arange(int(outside.sum()))
    take = np.arange(n)
    take[at] = source
    keep = np.ones(n, dtype=bool)
    gone_first, gone_last = np.searchsorted(plan.away, [offset, offset + n])
    keep[plan.away[gone_first:gone_last] - offset] = False
    out = pool.take(take[keep]).reset_index(drop=True)
    position = np.cumsum(keep)[at] - 1  # where each merged incident stands once the merged-away rows are gone
    cells: dict[str, tuple[list[int], list[Any]]] = {}
    for k, values in zip(position.tolist(), plan.updates[first:last], strict=True):
        for column, value in values.items():
            rows, new = cells.setdefault(column, ([], []))
            rows.append(k)
            new.append(value)
    for column, (rows, new) in cells.items():
        column_values = out[column].to_numpy(dtype=object, copy=True)
        column_values[rows] = new
        out[column] = pd.Series(column_values, index=out.index, dtype=object).astype(out[column].dtype)
    return out


def merge_reports(incidents: gpd.GeoDataFrame, *, max_days: int = 1, max_km: float = NEAR_KM) -> gpd.GeoDataFrame:
    """Merge the reports of one event into one incident that lists every source.

    Parameters
    ----------
    incidents : GeoDataFrame
        Incident rows (`geomap.incidents.INCIDENT_COLUMNS`, coded with `code_event`): at least event_id_cnty,
        event_date, event_type, latitude and longitude; status, time_precision, geo_precision, gazetteer_id, the
        admin P-codes, source, source_url, fatalities and injuries are used when present.
    max_days : int, default 1
        Reports of one event may be dated this many days apart.
    max_km : float, default NEAR_KM
        Points this close are the same place even with different gazetteer ids.

    Returns
    -------
    GeoDataFrame
        One row per incident, in input order, a merged incident where the first of its reports was. A merged
        incident keeps the most precise place (lowest geo_precision) and date, joins `source` and `source_url` with
        "; ", keeps the lowest stated fatalities and injuries, counts its reports in `source_count` and lists the
        merged-away ids in `merged_ids`. Rows that are not merged keep their own `source_count` (1 when missing)
        and `merged_ids` ("" when missing). The same rows in any order give the same incidents.

    Raises
    ------
    InputError
        When a required column is missing.
    """
    missing = [c for c in REQUIRED if c not in incidents.columns]
    if missing:
        msg = f"merge_reports needs the columns {', '.join(missing)}"
        raise InputError(msg, field=missing[0])
    frame = with_merge_columns(incidents.reset_index(drop=True))
    out = apply_merges(frame, plan_merges(merge_groups(frame, max_days=max_days, max_km=max_km), frame))
    if isinstance(incidents, gpd.GeoDataFrame) and incidents._geometry_column_name in out:
        return gpd.GeoDataFrame(out, geometry=incidents.geometry.name, crs=incidents.crs)
    return gpd.GeoDataFrame(out)


def with_merge_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with every coding column (missing ones added empty), source_count and merged_ids filled."""
    out = frame.copy()
    for column, dtype in CODING_COLUMNS.items():
        if column not in out:
            out[column] = pd.Series(pd.NA if dtype != "object" else None, index=out.index, dtype=dtype)
    counts = pd.to_numeric(out["source_count"], errors="coerce").fillna(1)
    out["source_count"] = counts.astype(CODING_COLUMNS["source_count"])
    out["merged_ids"] = out["merged_ids"].where(out["merged_ids"].notna(), "").astype(object)
    return out
