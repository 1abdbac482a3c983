"""Incidents to the map's columnar payload: one array per field, repeated strings dictionary-encoded, dates as day
numbers, so 100,000 incidents stay a few MB and the browser filters them with plain loops.

Columns the map uses when present: event_id_cnty, event_date, event_date_end, event_type, sub_event_type, actor1,
actor2, fatalities, injuries, source, source_url, source_count, merged_ids, location, location_ar, status,
geo_precision, confidence, notes (with `mentions` for the highlighted place). Missing columns give empty fields.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geomap.earth import SYRIA_BBOX, haversine_km
from geomap.gazetteer import Gazetteer
from geomap.maps.event_types import type_colours

__all__ = ["excerpt", "incident_payload", "placed_rows"]

EXCERPT_CHARS = 90  # characters of context either side of the place name in a popup excerpt
EXCERPT_CHARS_BIG = 40  # the same for maps of more than BIG_MAP incidents, to keep the page small
BIG_MAP = 20_000
NAME_MATCH_KM = 15.0  # a gazetteer place named like the row's `location` counts if this close to its point
NEAREST_TOWN_KM = 2.0  # otherwise the nearest community this close gives a precise point its Arabic name


def placed_rows(incidents: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Incidents that have a geometry (placed in Syria or outside it), as points in WGS84: other CRSs are
    reprojected and lines or polygons stand for themselves by a point inside them."""
    geom = incidents.geometry
    placed = incidents[geom.notna() & ~geom.is_empty]
    if placed.crs is not None and not placed.crs.equals("EPSG:4326"):
        placed = placed.to_crs("EPSG:4326")
    if len(placed) and not (placed.geom_type == "Point").all():
        placed = placed.set_geometry(placed.geometry.representative_point())
    return placed


def _column(df: pd.DataFrame, name: str) -> list[Any]:
    if name not in df.columns:
        return [None] * len(df)
    out: list[Any] = []
    for v in df[name].tolist():
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            out.append(None)
        elif isinstance(v, np.generic):
            out.append(v.item())
        else:
            out.append(v)
    return out


def _text(values: list[Any]) -> list[str | None]:
    return [None if v is None or str(v).strip() == "" else str(v).strip() for v in values]


def _int(values: list[Any]) -> list[int | None]:
    out: list[int | None] = []
    for v in values:
        try:
            out.append(None if v is None else int(v))
        except (TypeError, ValueError):
            out.append(None)
    return out


def _encode(values: list[Any], table: list[Any] | None = None) -> tuple[list[int], list[Any]]:
    """Dictionary encoding: indices into a table of distinct values, index 0 being "no value"."""
    if table is None:
        table = [None, *sorted({v for v in values if v is not None}, key=str)]
    index = {v: i for i, v in enumerate(table)}
    return [index[v] for v in values], table


def _days(values: list[Any]) -> list[int | None]:
    """ISO dates as days since 1970-01-01 (None when missing or unreadable)."""
    parsed = pd.to_datetime(pd.Series(values, dtype="object"), errors="coerce", format="mixed")
    days = (parsed - pd.Timestamp("1970-01-01")).dt.days
    return [None if pd.isna(d) else int(d) for d in days]


def excerpt(text: str, start: int, end: int, width: int) -> list[str]:
    """[before, place, after] around text[start:end], cut at word boundaries, with an ellipsis where cut.
    Without a usable span, the opening of the text is the excerpt."""
    if not (0 <= start < end <= len(text)):
        start = end = 0
        width *= 2
    a, b = max(0, start - width), min(len(text), end + width)
    if a > 0:
        space = text.find(" ", a, start)
        a = space + 1 if space >= 0 else a
    if b < len(text):
        space = text.rfind(" ", end, b)
        b = space if space >= 0 else b
    before, after = text[a:start], text[end:b]
    return [("… " if a else "") + before, text[start:end], after + (" …" if b < len(text) else "")]


def _excerpts(placed: pd.DataFrame, mentions: pd.DataFrame | None, width: int) -> list[list[str] | None]:
    spans: dict[Any, tuple[int, int]] = {}
    if mentions is not None and len(mentions) and "is_event_location" in mentions.columns:
        ev = mentions[mentions["is_event_location"].fillna(False).astype(bool)]
        spans = {eid: (int(s), int(e)) for eid, s, e in zip(ev["event_id_cnty"], ev["start"], ev["end"], strict=True)}
    out: list[list[str] | None] = []
    for eid, notes in zip(_column(placed, "event_id_cnty"), _column(placed, "notes"), strict=True):
        if not notes or not str(notes).strip():
            out.append(None)
            continue
        s, e = spans.get(eid, (0, 0))
        out.append(excerpt(str(notes), s, e, width))
    return out


def _arabic_names(placed: gpd.GeoDataFrame, gaz: Gazetteer) -> list[str | None]:
    """`location_ar`, filled for rows that lack it: the gazetteer place named like `location` near the point, or
    for a precise point the nearest community."""
    names = _text(_column(placed, "location_ar"))
    missing = [i for i, n in enumerate(names) if n is None]
    if not missing:
        return names
    loc = _text(_column(placed, "location"))
    prec = _int(_column(placed, "geo_precision"))
    ys, xs = placed.geometry.y.to_numpy(), placed.geometry.x.to_numpy()
    communities = gaz.layer("community")
    tree = shapely.STRtree(communities.geometry.to_numpy())
    nearest = tree.nearest(shapely.points(xs[missing], ys[missing]))
    cache: dict[tuple[str, float, float], str | None] = {}
    for k, i in enumerate(missing):
        if loc[i]:
            key = (loc[i], round(ys[i], 2), round(xs[i], 2))
            if key not in cache:
                near = [p for p in gaz.search(loc[i], fuzzy=False, limit=5) if p.lat is not None]
                near = [p for p in near if haversine_km(ys[i], xs[i], p.lat, p.lon) <= NAME_MATCH_KM]
                cache[key] = near[0].name_ar if near else None
            names[i] = cache[key]
        if names[i] is None and prec[i] in (1, None):
            c = communities.iloc[int(nearest[k])]
            if haversine_km(ys[i], xs[i], c.geometry.y, c.geometry.x) <= NEAREST_TOWN_KM:
                names[i] = c["name_ar"]
    return names


def _outside(placed: gpd.GeoDataFrame) -> list[int]:
    """1 for incidents placed outside Syria (status outside_syria, or off Syria's box when there is no status)."""
    if "status" in placed.columns:
        return [1 if s == "outside_syria" else 0 for s in _column(placed, "status")]
    lon_min, lat_min, lon_max, lat_max = SYRIA_BBOX
    x, y = placed.geometry.x, placed.geometry.y
    inside = (x >= lon_min) & (x <= lon_max) & (y >= lat_min) & (y <= lat_max)
    return [0 if v else 1 for v in inside]


def _units(placed: gpd.GeoDataFrame, units: gpd.GeoDataFrame) -> list[int]:
    """Index of the admin unit each incident lies in (-1 outside every unit)."""
    out = np.full(len(placed), -1, dtype=int)
    tree = shapely.STRtree(units.geometry.to_numpy())
    pts, polys = tree.query(placed.geometry.to_numpy(), predicate="within")
    out[pts[::-1]] = polys[::-1]  # a point on a shared edge goes to the first unit
    return out.tolist()


def incident_payload(
    incidents: gpd.GeoDataFrame,
    *,
    mentions: pd.DataFrame | None,
    gazetteer: Gazetteer,
    units: gpd.GeoDataFrame | None,
) -> dict[str, Any]:
    """The columnar incident payload; `units` (admin polygons of the choropleth level) adds a unit index."""
    placed = placed_rows(incidents)
    types_raw = _text(_column(placed, "event_type"))
    by_count = [t for t, _ in sorted(Counter(types_raw).items(), key=lambda kv: (-kv[1], str(kv[0]))) if t]
    types, type_table = _encode(types_raw, [None, *by_count])
    colours = type_colours(types_raw)
    subs, sub_table = _encode(_text(_column(placed, "sub_event_type")))
    actor1, actor2 = _text(_column(placed, "actor1")), _text(_column(placed, "actor2"))
    _, actor_table = _encode(actor1 + actor2)
    places_raw = [
        (ar or "", en or "")
        for ar, en in zip(_arabic_names(placed, gazetteer), _text(_column(placed, "location")), strict=True)
    ]
    place_idx, place_table = _encode(places_raw)
    sources, source_table = _encode(_text(_column(placed, "source")))
    urls, url_table = _encode(_text(_column(placed, "source_url")))
    width = EXCERPT_CHARS_BIG if len(placed) > BIG_MAP else EXCERPT_CHARS
    cols: dict[str, Any] = {
        "lat": [round(float(v), 5) for v in placed.geometry.y],
        "lon": [round(float(v), 5) for v in placed.geometry.x],
        "type": types,
        "sub": subs,
        "day": _days(_column(placed, "event_date")),
        "dayEnd": _days(_column(placed, "event_date_end")),
        "place": place_idx,
        "actor1": _encode(actor1, actor_table)[0],
        "actor2": _encode(actor2, actor_table)[0],
        "fat": _int(_column(placed, "fatalities")),
        "inj": _int(_column(placed, "injuries")),
        "source": sources,
        "url": urls,
        "nsrc": _int(_column(placed, "source_count")),
        "merged": [m or "" for m in _text(_column(placed, "merged_ids"))],
        "id": [str(x) if x is not None else "" for x in _column(placed, "event_id_cnty")],
        "prec": [v or 0 for v in _int(_column(placed, "geo_precision"))],
        "conf": [None if v is None else round(float(v), 2) for v in _column(placed, "confidence")],
        "out": _outside(placed),
        "excerpt": _excerpts(placed, mentions, width),
    }
    if units is not None:
        cols["unit"] = _units(placed, units)
    return {
        "dict": {
            "types": type_table,
            "typeColours": [colours.get(t, colours[None]) for t in type_table],
            "subs": sub_table,
            "actors": actor_table,
            "places": [list(p) if p else ["", ""] for p in place_table],
            "sources": source_table,
            "urls": url_table,
        },
        "incidents": cols,
    }
