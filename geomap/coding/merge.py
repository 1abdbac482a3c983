"""One incident per event across reports: `merge_reports` merges the rows that report the same event.

Two placed rows report the same event when they have the same event type, dates at most `max_days` apart, and the
same place: the same gazetteer id, one place inside the other (a row's gazetteer id is one of the other's admin
P-codes: «إدلب» beside «سرمدا بريف إدلب»), or points within `max_km`. Rows are taken most precise place first, so
each group is anchored on its most precise report and a vague report joins a group only through that anchor; a
vague report that fits two groups (the governorate of two different towns' strikes) joins neither. Unplaced rows,
rows without an event type and rows whose date is not known to the day are never merged.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import pandas as pd

from geomap.coding.schema import CODING_COLUMNS
from geomap.earth import haversine_km
from geomap.exc import InputError

__all__ = ["NEAR_KM", "merge_reports"]

NEAR_KM = 3.0  # a village and its landmark, a town and its neighbourhood lie this close; separate villages farther
KNOWN_DAY = 1  # ACLED time_precision of a date known to the day: only such reports are matched by date
REQUIRED = ("event_id_cnty", "event_date", "event_type", "latitude", "longitude")
ADMIN_PCODES = ("admin1_pcode", "admin2_pcode", "admin3_pcode")
SORT_COLUMNS = ("event_id_cnty", "source", "source_url", "title", "notes")  # ties broken on these, in this order
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


@dataclass(slots=True)
class _Group:
    anchor: _Report
    members: list[_Report] = field(default_factory=list)


def _text(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA else str(value)


def _column(frame: pd.DataFrame, name: str) -> list[Any]:
    return frame[name].tolist() if name in frame else [None] * len(frame)


def _reports(frame: pd.DataFrame) -> list[_Report]:
    """The rows that may be merged, most precise place first (then earliest, then by id and source)."""
    days = [None if pd.isna(d) else d.toordinal() for d in pd.to_datetime(frame["event_date"], errors="coerce")]
    lats = pd.to_numeric(frame["latitude"], errors="coerce").tolist()
    lons = pd.to_numeric(frame["longitude"], errors="coerce").tolist()
    precision = pd.to_numeric(pd.Series(_column(frame, "geo_precision"), dtype="object"), errors="coerce").tolist()
    status, types, ids, gaz = (_column(frame, c) for c in ("status", "event_type", "event_id_cnty", "gazetteer_id"))
    vague = [_vague_date(p) for p in _column(frame, "time_precision")]
    admins = list(zip(*(_column(frame, c) for c in ADMIN_PCODES), strict=True))
    out = []
    for i in range(len(frame)):
        placed = status[i] == "placed" or "status" not in frame
        if (
            not placed
            or days[i] is None
            or vague[i]
            or math.isnan(lats[i])
            or math.isnan(lons[i])
            or not _text(types[i])
        ):
            continue
        prec = math.inf if math.isnan(precision[i]) else float(precision[i])
        codes = frozenset(filter(None, map(_text, admins[i])))
        out.append(_Report(i, _text(ids[i]), _text(types[i]), days[i], lats[i], lons[i], _text(gaz[i]), codes, prec))
    ties = list(zip(*(map(_text, _column(frame, c)) for c in SORT_COLUMNS), strict=True))
    out.sort(key=lambda r: (r.precision, r.day, ties[r.index]))
    return out


def _vague_date(time_precision: Any) -> bool:
    """Whether a date is known only to a week or a month (ACLED time_precision 2 or 3): not a day to match on."""
    n = pd.to_numeric(time_precision, errors="coerce")
    return not pd.isna(n) and n > KNOWN_DAY


def _fit(anchor: _Report, r: _Report, max_km: float) -> tuple[str, float] | None:
    """How `r` fits the group anchored on `anchor`: ("same", km) for the same place or a near point, ("nested", km)
    when one place is inside the other; None when it does not fit."""
    km = haversine_km(anchor.lat, anchor.lon, r.lat, r.lon)
    if (anchor.gazetteer_id and anchor.gazetteer_id == r.gazetteer_id) or km <= max_km:
        return "same", km
    if (r.gazetteer_id and r.gazetteer_id in anchor.admins) or (
        anchor.gazetteer_id and anchor.gazetteer_id in r.admins
    ):
        return "nested", km
    return None


def _group(reports: list[_Report], max_days: int, max_km: float) -> list[_Group]:
    groups: list[_Group] = []
    by_day: dict[tuple[str, int], list[int]] = {}  # (event type, anchor day) -> groups anchored that day
    for r in reports:
        fits = []
        for day in range(r.day - max_days, r.day + max_days + 1):
            for g in by_day.get((r.event_type, day), ()):
                how = _fit(groups[g].anchor, r, max_km)
                if how:
                    fits.append((how[0] != "same", how[1], abs(day - r.day), g))
        same = [f for f in fits if not f[0]]
        chosen = min(same) if same else (fits[0] if len(fits) == 1 else None)
        if chosen is None:
            by_day.setdefault((r.event_type, r.day), []).append(len(groups))
            groups.append(_Group(r, [r]))
        else:
            groups[chosen[3]].members.append(r)
    return groups


def _joined(values: Iterable[Any]) -> str:
    seen: list[str] = []
    for v in values:
        for part in _text(v).split(JOIN):
            if part.strip() and part.strip() not in seen:
                seen.append(part.strip())
    return JOIN.join(seen)


def _lowest(values: Iterable[Any]) -> Any:
    stated = [int(v) for v in pd.to_numeric(pd.Series(list(values), dtype="object"), errors="coerce").dropna()]
    return min(stated) if stated else pd.NA


def _merged_row(frame: pd.DataFrame, group: _Group) -> dict[str, Any]:
    rows = [frame.iloc[m.index] for m in group.members]
    out = rows[0].to_dict()  # the anchor: the most precise place
    dated = min(rows, key=lambda r: _date_spread(r))
    for c in ("event_date", "event_date_end", "year", "time_precision", "date_source"):
        if c in frame:
            out[c] = dated[c]
    for c in ("sub_event_type", "actor1", "actor2"):
        if c in frame and not _text(out[c]):
            out[c] = next((r[c] for r in rows if _text(r[c])), out[c])
    for c in ("source", "source_url"):
        if c in frame:
            out[c] = _joined(r[c] for r in rows) or None
    for c in ("fatalities", "injuries"):
        if c in frame:
            out[c] = _lowest(r[c] for r in rows)
    out["source_count"] = sum(_count(r) for r in rows)
    ids = {_text(r["event_id_cnty"]) for r in rows[1:]}
    for r in rows:
        ids.update(_text(r.get("merged_ids")).split(JOIN))
    out["merged_ids"] = JOIN.join(sorted(i for i in ids if i))
    return out


def _count(row: pd.Series) -> int:
    n = pd.to_numeric(row.get("source_count"), errors="coerce")
    return int(n) if not pd.isna(n) else 1


def _date_spread(row: pd.Series) -> tuple[float, str]:
    """Narrower dates are more precise: ACLED's time_precision where given, else the days between start and end."""
    tp = pd.to_numeric(row.get("time_precision"), errors="coerce")
    start = pd.to_datetime(row.get("event_date"), errors="coerce")
    end = pd.to_datetime(row.get("event_date_end"), errors="coerce")
    days = (end - start).days if not (pd.isna(start) or pd.isna(end)) else 0
    return (float(tp) if not pd.isna(tp) else 1.0) * 1000 + days, _text(row.get("event_date"))


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
    frame = incidents.reset_index(drop=True)
    out = _with_merge_columns(frame)
    merged_away: list[int] = []
    for g in _group(_reports(frame), max_days, max_km):
        if len(g.members) < 2:
            continue
        at = min(m.index for m in g.members)  # where the first of its reports was
        for column, value in _merged_row(frame, g).items():
            out.at[at, column] = value
        merged_away += [m.index for m in g.members if m.index != at]
    out = out.drop(index=merged_away).reset_index(drop=True)
    if isinstance(incidents, gpd.GeoDataFrame) and incidents._geometry_column_name in out:
        return gpd.GeoDataFrame(out, geometry=incidents.geometry.name, crs=incidents.crs)
    return gpd.GeoDataFrame(out)


def _with_merge_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with every coding column (missing ones added empty), source_count and merged_ids filled."""
    out = frame.copy()
    for column, dtype in CODING_COLUMNS.items():
        if column not in out:
            out[column] = pd.Series(pd.NA if dtype != "object" else None, index=out.index, dtype=dtype)
    counts = pd.to_numeric(out["source_count"], errors="coerce").fillna(1)
    out["source_count"] = counts.astype(CODING_COLUMNS["source_count"])
    out["merged_ids"] = out["merged_ids"].where(out["merged_ids"].notna(), "").astype(object)
    return out
