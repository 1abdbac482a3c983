"""From reports and incident tables to incidents: one row per input record, placed or flagged with the reason.

A record is placed by the first of these that works:
1. its own coordinates (kept to 6 decimals; swapped or comma-decimal values are repaired and flagged),
2. its location name, geocoded with `SyriaGeocoder` (admin1 from the same row, when given, as context),
3. its text, geoparsed; the incident's place is the most specific place where the event happened — not the
   dateline city, nor a capital named for politics («بين واشنطن ودمشق»), nor a foreign country.
Columns follow ACLED's (lower case), plus gazetteer_id, match_method, confidence, status, reason and flags.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from geomap.arabic import normalize_name
from geomap.dates import date_in_text, parse_date
from geomap.earth import SYRIA_BBOX
from geomap.exc import InputError
from geomap.gazetteer import Gazetteer, Place, load_gazetteer
from geomap.geocoder import GeocodeResult, SyriaGeocoder
from geomap.geoparse import Mention, get_geoparser
from geomap.io.readers import ColumnMap, detect_columns, expand_inputs, iter_records

__all__ = [
    "INCIDENT_COLUMNS",
    "MENTION_COLUMNS",
    "Incidents",
    "choose_event_mention",
    "concat_incidents",
    "geocode_incidents",
    "iter_incidents",
    "read_incidents",
]

INCIDENT_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "event_date_end",
    "year",
    "time_precision",
    "date_source",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "admin2",
    "admin3",
    "admin1_pcode",
    "admin2_pcode",
    "admin3_pcode",
    "location",
    "location_ar",
    "latitude",
    "longitude",
    "geo_precision",
    "relation",
    "area_id",
    "notes",
    "title",
    "source",
    "source_url",
    "fatalities",
    "gazetteer_id",
    "match_method",
    "confidence",
    "status",
    "reason",
    "flags",
    "input_file",
    "input_line",
]
MENTION_COLUMNS = [
    "event_id_cnty",
    "mention_index",
    "start",
    "end",
    "text",
    "gazetteer_id",
    "name_ar",
    "name_en",
    "kind",
    "relation",
    "in_syria",
    "precision",
    "confidence",
    "is_event_location",
    "latitude",
    "longitude",
]

_POLITICAL = {
    "انضمام",
    "حكومه",
    "الحكومه",
    "نظام",
    "النظام",
    "زياره",
    "وزير",
    "وزاره",
    "رئيس",
    "الرئيس",
    "تنسيق",
    "التنسيق",
    "علاقات",
    "مفاوضات",
    "محادثات",
    "اتفاق",
    "موقف",
    "قدره",
    "سفاره",
    "السفاره",
    "تصريحات",
    "اعلنت",
    "اعلن",
    "قالت",
    "طالبت",
    "اتهمت",
    "رفضت",
    "دعت",
    "ادانت",
    "ترحب",
    "بين",
    "عاصمه",
    "حكومتي",
    "ممثل",
    "مبعوث",
    "وفد",
    "لدي",
    "مع",
    "عن",
    "تحالف",
    "التحالف",
    "انضمت",
    "دوله",
}
_POLITICAL = frozenset(normalize_name(w) for w in _POLITICAL)  # compared with normalised words
_OTHER_EVENT_RE = re.compile(
    r"(?:في|وفي)\s+(?:سياق|تطور|خبر)\s+(?:منفصل|آخر|اخر|متصل)|من\s+(?:جهة|ناحية)\s+(?:أخرى|اخرى)|"
    r"في\s+غضون\s+ذلك|إلى\s+ذلك|الى\s+ذلك|وفي\s+سياق\s+آخر"
)


@dataclass
class Incidents:
    """Incidents (points, one per input record) and the place mentions found in their text."""

    incidents: gpd.GeoDataFrame
    mentions: gpd.GeoDataFrame
    areas: gpd.GeoDataFrame

    def __iter__(self):  # allows `incidents, mentions, areas = geocode_incidents(..., return_all=True)`
        return iter((self.incidents, self.mentions, self.areas))


# --------------------------------------------------------------------------------------------- event place
def _words_before(text: str, pos: int, n: int = 3) -> list[str]:
    return [normalize_name(w) for w in re.findall(r"\w+", text[max(0, pos - 40) : pos])[-n:]]


def _is_dateline(text: str, m: Mention) -> bool:
    """«دمشق - ...» or «حلب (رويترز) -» at the start of a line: where the report was filed, not the event."""
    line_start = text.rfind("\n", 0, m.start) + 1
    if m.start - line_start > 3:
        return False
    rest = text[m.end : m.end + 25]
    return bool(re.match(r"\s*(\([^)]{0,20}\))?\s*[-–—:]", rest))


def choose_event_mention(mentions: list[Mention], text: str) -> tuple[Mention | None, str]:
    """The mention that places the event, and a note: "" for a clear choice, "dateline" when only the dateline
    city was left, or why no Syrian place could be chosen (outside_syria, political_only, country_only,
    no_place)."""
    syrian = [m for m in mentions if m.place is not None and m.in_syria and m.kind != "country"]
    foreign = any(m.place is not None and not m.in_syria for m in mentions)
    if not syrian:
        if foreign:
            return None, "outside_syria"
        if any(m.kind == "country" for m in mentions):
            return None, "country_only"
        return None, "no_place"
    n = max(len(text), 1)
    # «وفي سياق منفصل», «من جهة أخرى»: what follows is another event, not the one the report leads with.
    marker = _OTHER_EVENT_RE.search(text)
    other_from = marker.start() if marker else n + 1
    best: dict[str, tuple[float, Mention]] = {}
    count: dict[str, int] = {}
    datelines: list[Mention] = []
    for m in syrian:
        if _is_dateline(text, m):
            datelines.append(m)
            continue
        before = _words_before(text, m.start)
        capital = m.place.kind == "governorate" or m.place.importance >= 0.95
        if "between" in m.evidence or (capital and any(w in _POLITICAL for w in before)):
            continue  # «بين واشنطن ودمشق», «وفد من دمشق»: a government, not where the event happened
        # The most specific place wins: a town qualified by «بريف إدلب» beats the countryside it names.
        score = {1: 3.0, 2: 2.4, 3: 1.8}.get(m.precision or 3, 1.8)
        if any(e.startswith("trigger") for e in m.evidence):
            score += 0.8
        if "admin-context" in m.evidence:
            score += 1.0
        if m.relation:
            score += 0.4
        if before and before[-1] in ("في", "الي", "علي", "قرب", "داخل", "نحو", "باتجاه", "عند", "من"):
            score += 0.6
        score -= 1.5 * m.start / n  # reports lead with their main event
        if m.start > other_from:
            score -= 3.0
        key = f"{m.place_id}|{m.relation}"
        count[key] = count.get(key, 0) + 1
        if key not in best or score > best[key][0]:
            best[key] = (score, m)
    if best:
        ranked = sorted(best.items(), key=lambda kv: -(kv[1][0] + 0.3 * min(count[kv[0]] - 1, 3)))
        return ranked[0][1][1], ""
    if datelines:
        return datelines[0], "dateline"
    return None, "outside_syria" if foreign else "political_only"


# ------------------------------------------------------------------------------------------------- values
def _clean(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    s = str(value).strip()
    return s or None


def _number(value: Any) -> float | None:
    s = _clean(value)
    if s is None:
        return None
    s = s.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩٫", "0123456789.")).replace(",", ".")
    try:
        x = float(s)
    except ValueError:
        return None
    return x if math.isfinite(x) else None


def _coords(lat: Any, lon: Any) -> tuple[float | None, float | None, list[str], str | None]:
    """Validated (lat, lon), flags, and a problem when the values are present but unusable."""
    la, lo = _number(lat), _number(lon)
    raw_present = _clean(lat) is not None or _clean(lon) is not None
    if la is None or lo is None:
        return None, None, [], "coordinates are not numbers" if raw_present else None
    flags = []
    if not (-90 <= la <= 90 and -180 <= lo <= 180):
        if -90 <= lo <= 90 and -180 <= la <= 180:
            la, lo = lo, la
            flags.append("latitude and longitude were swapped")
        else:
            return None, None, [], f"coordinates out of range ({la}, {lo})"
    in_syria = SYRIA_BBOX[1] <= la <= SYRIA_BBOX[3] and SYRIA_BBOX[0] <= lo <= SYRIA_BBOX[2]
    swapped_in = SYRIA_BBOX[1] <= lo <= SYRIA_BBOX[3] and SYRIA_BBOX[0] <= la <= SYRIA_BBOX[2]
    if not in_syria and swapped_in:
        la, lo = lo, la
        flags.append("latitude and longitude were swapped")
    return round(la, 6), round(lo, 6), flags, None


# ---------------------------------------------------------------------------------------------- geocoding
class _Placer:
    """Places records; caches geocoder and reverse look-ups so that large tables with repeated names are fast."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.geocoder = SyriaGeocoder(gazetteer=gazetteer)
        self.parser = get_geoparser(gazetteer)
        self._geocode_cache: dict[tuple[str, str | None], GeocodeResult | None] = {}
        self._reverse_cache: dict[tuple[float, float], dict[str, Place | None]] = {}

    def geocode(self, location: str, admin1: str | None) -> GeocodeResult | None:
        key = (location, admin1)
        if key not in self._geocode_cache:
            query = f"{location}, {admin1}" if admin1 else location
            # An incident table about Syria names Syrian places: "Bari" is a Hama village before an Italian city.
            results = self.geocoder.resolve(query, syria_only=True) or self.geocoder.resolve(query)
            if not results and admin1:
                results = self.geocoder.resolve(location, syria_only=True) or self.geocoder.resolve(location)
            self._geocode_cache[key] = results[0] if results else None
        return self._geocode_cache[key]

    def admin(self, lat: float, lon: float) -> dict[str, Place | None]:
        key = (round(lat, 5), round(lon, 5))
        if key not in self._reverse_cache:
            self._reverse_cache[key] = self.gaz.reverse(lat, lon)
        return self._reverse_cache[key]


def _area_id(place: Place, relation: str | None) -> str:
    return f"{place.id}#{relation}" if relation else place.id


def _records(data: Any) -> pd.DataFrame:
    if isinstance(data, pd.DataFrame):
        df = data.copy()
    elif isinstance(data, str):
        df = pd.DataFrame([{"text": data}])
    else:
        rows = [({"text": r} if isinstance(r, str) else dict(r)) for r in data]
        df = pd.DataFrame(rows)
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
    gazetteer: Gazetteer | None = None,
    return_all: bool = False,
    progress: Callable[[int], None] | None = None,
) -> gpd.GeoDataFrame | Incidents:
    """Incidents from a table (DataFrame) or from reports (strings or dicts with a text field).

    Returns a GeoDataFrame in EPSG:4326, one row per input record in input order; with ``return_all`` an
    `Incidents` holding also the mentions table and the areas (region and admin polygons incidents were placed in).
    """
    gaz = gazetteer or load_gazetteer()
    df = _records(data)
    cols = detect_columns(
        df.columns,
        {
            "text": text_column,
            "location": location_column,
            "date": date_column,
            "lat": lat_column,
            "lon": lon_column,
            "id": id_column,
        },
    )
    placer = _Placer(gaz)
    rows: list[dict[str, Any]] = []
    mention_rows: list[dict[str, Any]] = []
    areas: dict[str, tuple[BaseGeometry, Place, str | None]] = {}
    seen_ids: dict[str, int] = {}
    records = df.to_dict("records")
    for i, rec in enumerate(records):
        row, mentions = _place_record(rec, cols, placer, areas)
        base_id = row["event_id_cnty"] or f"{_stem(rec.get('_file'))}-{rec.get('_line', i + 1)}"
        n = seen_ids.get(base_id, 0) + 1
        seen_ids[base_id] = n
        if n > 1:
            row["flags"].append(f"duplicate id {base_id!r} (occurrence {n})")
            base_id = f"{base_id}#{n}"
        row["event_id_cnty"] = base_id
        for j, (m, is_event) in enumerate(mentions):
            mention_rows.append(_mention_row(base_id, j, m, is_event))
        rows.append(row)
        if progress is not None and (i + 1) % 100 == 0:
            progress(100)
    if progress is not None and len(records) % 100:
        progress(len(records) % 100)
    incidents = _incident_frame(rows)
    if not return_all:
        return incidents
    mentions_gdf = _mention_frame(mention_rows)
    areas_gdf = _area_frame(areas, incidents)
    return Incidents(incidents, mentions_gdf, areas_gdf)


def _stem(path: Any) -> str:
    s = str(path or "row")
    return re.sub(r"[^\w\-]+", "_", s.rsplit("/", 1)[-1].rsplit(".", 1)[0]).strip("_") or "row"


def _place_record(
    rec: dict[str, Any], cols: ColumnMap, placer: _Placer, areas: dict[str, tuple[BaseGeometry, Place, str | None]]
) -> tuple[dict[str, Any], list[tuple[Mention, bool]]]:
    def get(role: str) -> str | None:
        col = cols.get(role)
        return _clean(rec.get(col)) if col else None

    text = get("text")
    title = get("title")
    if text is None and title:
        text, title = title, None
    row: dict[str, Any] = {
        "event_id_cnty": get("id"),
        "event_type": get("event_type"),
        "sub_event_type": get("sub_event_type"),
        "actor1": get("actor1"),
        "actor2": get("actor2"),
        "notes": text,
        "title": title,
        "source": get("source"),
        "source_url": get("url"),
        "fatalities": _int(get("fatalities")),
        "input_file": rec.get("_file"),
        "input_line": rec.get("_line"),
        "flags": [],
        "status": "unplaced",
        "reason": None,
        "match_method": None,
        "confidence": None,
        "gazetteer_id": None,
        "relation": None,
        "area_id": None,
        "geo_precision": None,
        "latitude": None,
        "longitude": None,
        "location": get("location"),
        "location_ar": None,
    }
    problem_in_file = _clean(rec.get("_problem"))
    if problem_in_file:
        row["flags"].append(problem_in_file)
    _fill_date(
        row, get("date"), text, get("time_precision"), authoritative=cols.get("date") in ("event_date", "date_start")
    )
    mentions: list[tuple[Mention, bool]] = []
    lat, lon, flags, problem = _coords(
        rec.get(cols.get("lat")) if cols.get("lat") else None, rec.get(cols.get("lon")) if cols.get("lon") else None
    )
    row["flags"].extend(flags)
    if problem:
        row["flags"].append(problem)
    parsed: list[Mention] | None = None
    if text:
        try:
            parsed = placer.parser.parse(text)
        except Exception as exc:  # a geoparser bug must not lose the record
            row["flags"].append(f"geoparser error: {exc}")
            parsed = []
    if lat is not None and lon is not None:
        row.update(
            latitude=lat,
            longitude=lon,
            match_method="coordinates",
            confidence=1.0,
            status="placed",
            geo_precision=_int(get("geo_precision")) or 1,
        )
        admin = placer.admin(lat, lon)
        if admin["governorate"] is None:
            row["status"] = "outside_syria"
            row["reason"] = "the coordinates are outside Syria"
        _fill_admin(row, admin)
        if row["location"] is None and admin["community"] is not None:
            row["location"] = admin["community"].name_en
            row["location_ar"] = admin["community"].name_ar
        mentions = [(m, False) for m in parsed or []]
        return row, mentions
    location = row["location"]
    if location:
        result = placer.geocode(location, get("admin1"))
        if result is not None:
            _fill_from_result(row, result, placer, areas)
            row["match_method"] = "geocode"
            mentions = [(m, False) for m in parsed or []]
            return row, mentions
        row["flags"].append(f"location {location!r} not found in the gazetteer")
    if parsed is not None:
        chosen, why = choose_event_mention(parsed, text or "")
        mentions = [(m, m is chosen) for m in parsed]
        if chosen is not None:
            result = GeocodeResult.from_mention(chosen, "geoparse")
            if why == "dateline":
                result.confidence = min(result.confidence, 0.5)
                row["flags"].append("placed at the dateline: the text names no other Syrian place")
            _fill_from_result(row, result, placer, areas)
            row["match_method"] = "geoparse"
            row["location"] = row["location"] or chosen.place.name_en
            return row, mentions
        row["reason"] = {
            "outside_syria": "only places outside Syria are named as where it happened",
            "political_only": "Syrian places are named only as governments or parties, not as where it happened",
            "country_only": "only the country is named, no place in it",
            "no_place": "no place found in the text",
        }[why]
        if why == "outside_syria":
            foreign = next(m for m in parsed if m.place is not None and not m.in_syria)
            row.update(
                status="outside_syria",
                latitude=round(foreign.lat, 6),
                longitude=round(foreign.lon, 6),
                gazetteer_id=foreign.place_id,
                location=foreign.place.name_en,
                location_ar=foreign.place.name_ar,
                match_method="geoparse",
                confidence=round(foreign.confidence, 3),
                geo_precision=foreign.precision,
            )
        return row, mentions
    if location:
        row["reason"] = f"location {location!r} not found in the gazetteer and no text to read"
    elif problem:
        row["reason"] = problem
    else:
        row["reason"] = "no coordinates, location name or text"
    return row, mentions


def _fill_from_result(
    row: dict[str, Any], r: GeocodeResult, placer: _Placer, areas: dict[str, tuple[BaseGeometry, Place, str | None]]
) -> None:
    p = r.place
    row.update(
        latitude=round(r.lat, 6),
        longitude=round(r.lon, 6),
        gazetteer_id=p.id,
        confidence=round(r.confidence, 3),
        geo_precision=r.precision,
        relation=r.relation,
        status="placed" if p.in_syria else "outside_syria",
        location_ar=p.name_ar,
    )
    if row["location"] is None or row.get("match_method") != "geocode":
        row["location"] = p.name_en if not r.relation else f"{p.name_en} ({r.relation})"
    if not p.in_syria:
        row["reason"] = "the place is outside Syria"
    polygonal = r.geometry is not None and r.geometry.geom_type in ("Polygon", "MultiPolygon")
    if polygonal:
        aid = _area_id(p, r.relation)
        row["area_id"] = aid
        areas.setdefault(aid, (r.geometry, p, r.relation))
    admin = (
        placer.admin(r.lat, r.lon)
        if p.in_syria
        else {"governorate": None, "district": None, "subdistrict": None, "community": None}
    )
    if admin["governorate"] is None and p.in_syria:
        admin = placer.gaz.admin_names(p) | {"community": None}
    _fill_admin(row, admin)


def _fill_admin(row: dict[str, Any], admin: dict[str, Place | None]) -> None:
    for level, key in ((1, "governorate"), (2, "district"), (3, "subdistrict")):
        p = admin.get(key)
        row[f"admin{level}"] = p.name_en if p else None
        row[f"admin{level}_pcode"] = p.pcode if p else None


def _fill_date(
    row: dict[str, Any], value: str | None, text: str | None, precision: str | None, *, authoritative: bool = False
) -> None:
    """event_date from the table (ACLED/UCDP event dates are authoritative), else the first date the text states,
    else the report's own date; `date_source` says which."""
    report_date = parse_date(value) if value else None
    if value and report_date is None:
        row["flags"].append(f"unreadable date {value!r}")
    if report_date is not None and authoritative:
        row.update(
            event_date=report_date.isoformat(),
            event_date_end=report_date.isoformat(),
            time_precision=_int(precision) or 1,
            date_source="table",
            year=report_date.year,
        )
        return
    stated = date_in_text(text, reference=report_date) if text else None
    if stated is not None and (report_date is None or stated.start <= report_date + dt.timedelta(days=1)):
        row.update(
            event_date=stated.start.isoformat(),
            event_date_end=stated.end.isoformat(),
            time_precision=stated.time_precision,
            date_source="text",
            year=stated.start.year,
        )
    elif report_date is not None:
        row.update(
            event_date=report_date.isoformat(),
            event_date_end=report_date.isoformat(),
            time_precision=_int(precision) or 1,
            date_source="report",
            year=report_date.year,
        )
    else:
        row.update(event_date=None, event_date_end=None, time_precision=None, date_source=None, year=None)


def _int(value: Any) -> int | None:
    x = _number(value)
    return int(x) if x is not None else None


def _mention_row(event_id: str, j: int, m: Mention, is_event: bool) -> dict[str, Any]:
    d = m.to_dict()
    return {
        "event_id_cnty": event_id,
        "mention_index": j,
        **{k: d[k] for k in ("start", "end", "text")},
        "gazetteer_id": d["place_id"],
        **{k: d[k] for k in ("name_ar", "name_en", "kind", "relation", "in_syria", "precision", "confidence")},
        "is_event_location": is_event,
        "latitude": d["lat"],
        "longitude": d["lon"],
    }


def _incident_frame(rows: list[dict[str, Any]]) -> gpd.GeoDataFrame:
    for r in rows:
        r["flags"] = "; ".join(r["flags"]) or None
        if r["status"] == "unplaced" and not r["reason"]:
            r["reason"] = "no usable location"
    df = pd.DataFrame(rows, columns=INCIDENT_COLUMNS)
    for c in ("year", "time_precision", "geo_precision", "fatalities", "input_line"):
        df[c] = df[c].astype("Int64")
    for c in ("latitude", "longitude", "confidence"):
        df[c] = df[c].astype("float64")
    geometry = [
        Point(lon, lat) if lat is not None and not pd.isna(lat) else None
        for lat, lon in zip(df["latitude"], df["longitude"], strict=True)
    ]
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(geometry, crs="EPSG:4326"), crs="EPSG:4326")


def _mention_frame(rows: list[dict[str, Any]]) -> gpd.GeoDataFrame:
    df = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    geometry = [
        Point(lon, lat) if lat is not None and not pd.isna(lat) else None
        for lat, lon in zip(df["latitude"], df["longitude"], strict=True)
    ]
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(geometry, crs="EPSG:4326"), crs="EPSG:4326")


def _area_frame(
    areas: dict[str, tuple[BaseGeometry, Place, str | None]], incidents: gpd.GeoDataFrame
) -> gpd.GeoDataFrame:
    counts = incidents["area_id"].value_counts()
    ids = sorted(areas)
    rows = [
        {
            "area_id": a,
            "gazetteer_id": areas[a][1].id,
            "name_ar": areas[a][1].name_ar,
            "name_en": areas[a][1].name_en,
            "kind": areas[a][1].kind,
            "relation": areas[a][2],
            "incidents": int(counts.get(a, 0)),
        }
        for a in ids
    ]
    df = pd.DataFrame(rows, columns=["area_id", "gazetteer_id", "name_ar", "name_en", "kind", "relation", "incidents"])
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries([areas[a][0] for a in ids], crs="EPSG:4326"), crs="EPSG:4326")


def iter_incidents(
    paths: str | Iterable[str],
    *,
    encoding: str | None = None,
    gazetteer: Gazetteer | None = None,
    progress: Callable[[int], None] | None = None,
    chunk_rows: int | None = None,
    **columns: str | None,
) -> Iterator[Incidents]:
    """Incidents from files, one `Incidents` per chunk of input records (files stream chunk by chunk, so memory
    stays bounded by the chunk size). Ids are kept unique across chunks and files; the mentions follow."""
    files = expand_inputs([paths] if isinstance(paths, str) else paths)
    seen: dict[str, int] = {}
    any_records = False
    for f in files:
        kwargs: dict[str, Any] = {"encoding": encoding} | ({"chunk_rows": chunk_rows} if chunk_rows else {})
        for chunk in iter_records(f, **kwargs):
            if chunk.empty:
                continue
            any_records = True
            # Column roles are recognised per file: a CSV's `notes` must not hide a JSON file's `text`.
            part = geocode_incidents(chunk, gazetteer=gazetteer, return_all=True, progress=progress, **columns)
            assert isinstance(part, Incidents)
            yield _unique_ids(part, seen)
    if not any_records:
        raise InputError("no records in the input", path=", ".join(map(str, files)))


def _unique_ids(part: Incidents, seen: dict[str, int]) -> Incidents:
    """Rename ids already used by an earlier chunk or file (`id#2`), in the incidents and their mentions."""
    renamed: dict[str, str] = {}
    ids = []
    for eid in part.incidents["event_id_cnty"]:
        if eid in seen:
            seen[eid] += 1
            new = f"{eid}#{seen[eid]}"
            renamed[eid] = new
            ids.append(new)
        else:
            seen[eid] = 1
            ids.append(eid)
    if renamed:
        part.incidents["event_id_cnty"] = ids
        part.mentions["event_id_cnty"] = part.mentions["event_id_cnty"].map(lambda e: renamed.get(e, e))
    return part


def read_incidents(
    paths: str | Iterable[str],
    *,
    text_column: str | None = None,
    location_column: str | None = None,
    date_column: str | None = None,
    lat_column: str | None = None,
    lon_column: str | None = None,
    id_column: str | None = None,
    encoding: str | None = None,
    gazetteer: Gazetteer | None = None,
    return_all: bool = False,
    progress: Callable[[int], None] | None = None,
) -> gpd.GeoDataFrame | Incidents:
    """Incidents from files: .txt reports, folders of them, JSON Lines/JSON, CSV/TSV, XLSX, Parquet, GeoJSON.

    Everything is returned in memory; to stream a very large input, iterate `iter_incidents` instead (its chunks
    can go straight to `geomap.write_layers`)."""
    parts = list(
        iter_incidents(
            paths,
            encoding=encoding,
            gazetteer=gazetteer,
            progress=progress,
            text_column=text_column,
            location_column=location_column,
            date_column=date_column,
            lat_column=lat_column,
            lon_column=lon_column,
            id_column=id_column,
        )
    )
    result = concat_incidents(parts)
    return result if return_all else result.incidents


def concat_incidents(parts: list[Incidents]) -> Incidents:
    """One `Incidents` from several (ids are expected unique already, as `iter_incidents` makes them)."""
    if len(parts) == 1:
        return parts[0]
    incidents = pd.concat([p.incidents for p in parts], ignore_index=True)
    mentions = pd.concat([p.mentions for p in parts], ignore_index=True)
    areas = pd.concat([p.areas for p in parts], ignore_index=True)
    areas = areas.groupby("area_id", sort=True, as_index=False).agg(
        {c: ("sum" if c == "incidents" else "first") for c in areas.columns if c != "area_id"}
    )
    return Incidents(
        gpd.GeoDataFrame(incidents, geometry="geometry", crs="EPSG:4326"),
        gpd.GeoDataFrame(mentions, geometry="geometry", crs="EPSG:4326"),
        gpd.GeoDataFrame(areas, geometry="geometry", crs="EPSG:4326"),
    )
