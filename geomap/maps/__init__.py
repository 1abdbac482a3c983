"""HTML incident maps (folium) that are safe with hostile report text, fast with 100,000 incidents, and can work
offline.

Safety: folium/branca re-parse rendered scripts as Jinja templates and insert popups as HTML, so no report or
table string is ever handed to folium. All incident data goes to the page as one JSON payload in which every
string has ``< > & { } % ` $ \\`` written as ``\\uXXXX`` escapes — inert for the HTML parser, for Jinja and for
JavaScript template literals alike — and geomap's own script (``geomap_map.js``) shows text with ``textContent``.
Scale: one columnar JSON array drawn as canvas circle markers, gathered into grid clusters in the browser above a
threshold; never one folium object per incident.
"""

from __future__ import annotations

import html
import json
import os
from importlib import resources
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd
import pandas as pd
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from geomap.exc import GeomapError, OutputError
from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.io.writers import atomic_path

__all__ = ["incident_map", "safe_json", "save_map"]

PALETTE = [
    "#e6194b",
    "#3cb44b",
    "#4363d8",
    "#f58231",
    "#911eb4",
    "#42d4f4",
    "#f032e6",
    "#9a6324",
    "#469990",
    "#800000",
    "#808000",
    "#000075",
]
LABELS = {
    "legend": "نوع الحدث",
    "untyped": "غير محدد",
    "areas": "مناطق",
    "incidents": "الحوادث",
    "heat": "خريطة حرارية",
    "choropleth": "عدد الحوادث",
    "allDates": "كل التواريخ",
    "until": "حتى",
    "search": "ابحث عن مكان",
    "precision": {"1": "بلدة أو نقطة", "2": "جزء من منطقة", "3": "منطقة واسعة"},
}
_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "{": "\\u007b",
    "}": "\\u007d",
    "%": "\\u0025",
    "`": "\\u0060",
    "$": "\\u0024",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_CSS = """
.geomap-popup{font-family:"Noto Naskh Arabic","Noto Sans Arabic",Tahoma,sans-serif;font-size:13px;line-height:1.5}
.geomap-popup-title{font-weight:bold;font-size:15px}.geomap-popup-en{color:#555;font-size:12px}
.geomap-popup-table th{text-align:start;padding-inline-end:8px;color:#444;font-weight:normal}
.geomap-popup-excerpt{margin:6px 0;color:#222}.geomap-popup-excerpt mark{background:#ffe08a}
.geomap-legend,.geomap-time,.geomap-search{background:#fff;padding:6px 8px;font:12px Tahoma,sans-serif}
.geomap-legend-title{font-weight:bold;margin-bottom:4px}.geomap-legend-row{display:flex;align-items:center;gap:6px}
.geomap-swatch{display:inline-block;width:12px;height:12px;border-radius:50%;border:1px solid #222}
.geomap-swatch-area{border-radius:0;background:#fd8d3c55;border:1px dashed #8c2d04}
.geomap-time input{width:220px}.geomap-title{position:absolute;z-index:1000;top:10px;left:50%;
transform:translateX(-50%);background:#fffffff0;padding:4px 12px;border-radius:4px;font:bold 15px Tahoma,sans-serif}
"""


_ESCAPE_TABLE = str.maketrans(_ESCAPES)


def _string(s: str) -> str:
    return json.dumps(s, ensure_ascii=False).translate(_ESCAPE_TABLE)


def safe_json(value: Any) -> str:
    """JSON for embedding in a page that branca will re-parse as Jinja: inside every string ``< > & { } % ` $``
    become \\u escapes, so no string can close the script, open a Jinja block or break out of a JavaScript
    template literal. The structure itself only ever has ``{"`` and ``}``, which Jinja leaves alone."""
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dict):
        return "{" + ",".join(f"{_string(str(k))}:{safe_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
            return json.dumps(list(value), separators=(",", ":"), allow_nan=False)
        return "[" + ",".join(safe_json(v) for v in value) + "]"
    return json.dumps(value, allow_nan=False)


def _safe_text(value: str) -> str:
    """Plain text for HTML that branca may re-parse: entities for markup and template characters."""
    return html.escape(value, quote=True).replace("{", "&#123;").replace("}", "&#125;").replace("%", "&#37;")


class _Raw(Element):
    """Markup inserted as is (already safe); not a MacroElement, so branca does not re-parse it."""

    _template = Template("{{ this.markup }}")

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.markup = markup


class IncidentLayer(MacroElement):
    """Hands the payload to geomap's renderer once the map exists."""

    _template = Template(
        "{% macro script(this, kwargs) %}geomapRender({{ this._parent.get_name() }}, {{ this.payload }});{% endmacro %}"
    )

    def __init__(self, payload: str) -> None:
        super().__init__()
        self._name = "GeomapIncidents"
        self.payload = payload


# -------------------------------------------------------------------------------------------- payload
def _column(df: pd.DataFrame, name: str) -> list[Any]:
    if name not in df.columns:
        return [None] * len(df)
    return [None if (v is None or (isinstance(v, float) and v != v) or v is pd.NA) else v for v in df[name]]


def _encode(values: list[Any]) -> tuple[list[int], list[Any]]:
    """Dictionary encoding: indices into a sorted list of distinct values (None sorts first)."""
    distinct = sorted({v for v in values if v is not None}, key=str)
    table = [None, *distinct]
    index = {v: i for i, v in enumerate(table)}
    return [index[v] for v in values], table


def _excerpts(incidents: pd.DataFrame, mentions: pd.DataFrame | None, width: int) -> list[list[str] | None]:
    spans: dict[str, tuple[int, int]] = {}
    if mentions is not None and len(mentions) and "is_event_location" in mentions.columns:
        ev = mentions[mentions["is_event_location"].astype(bool)]
        spans = {eid: (int(s), int(e)) for eid, s, e in zip(ev["event_id_cnty"], ev["start"], ev["end"], strict=True)}
    out: list[list[str] | None] = []
    for eid, notes in zip(_column(incidents, "event_id_cnty"), _column(incidents, "notes"), strict=True):
        if not notes:
            out.append(None)
            continue
        text = str(notes)
        s, e = spans.get(eid, (0, 0))
        if e > s and e <= len(text):
            a = max(0, s - width)
            b = min(len(text), e + width)
            out.append([("…" if a else "") + text[a:s], text[s:e], text[e:b] + ("…" if b < len(text) else "")])
        else:
            out.append([text[: 2 * width] + ("…" if len(text) > 2 * width else ""), "", ""])
    return out


def _payload(
    incidents: gpd.GeoDataFrame,
    *,
    areas: gpd.GeoDataFrame | None,
    mentions: pd.DataFrame | None,
    choropleth: gpd.GeoDataFrame | None,
    basemap: Any,
    time: bool,
    cluster: str,
    stats_id: str,
) -> dict[str, Any]:
    placed = incidents[incidents.geometry.notna() & ~incidents.geometry.is_empty].copy()
    n = len(placed)
    big = n > 20_000
    types, type_table = _encode(_column(placed, "event_type"))
    dates, date_table = _encode(_column(placed, "event_date"))
    places_raw = [
        (ar or "", en or "") for ar, en in zip(_column(placed, "location_ar"), _column(placed, "location"), strict=True)
    ]
    place_idx, place_table = _encode(places_raw)
    place_table = [list(p) if p else ["", ""] for p in place_table]
    sources, source_table = _encode(_column(placed, "source"))
    urls, url_table = _encode(_column(placed, "source_url"))
    lat = [round(float(g.y), 5) for g in placed.geometry]
    lon = [round(float(g.x), 5) for g in placed.geometry]
    cluster_above = {"none": 10**9, "fast": 0}.get(cluster, 20_000)
    search = sorted({(ar or en, la, lo) for (ar, en), la, lo in zip(places_raw, lat, lon, strict=True) if ar or en})
    area_items = []
    if areas is not None:
        for _, a in areas.iterrows():
            area_items.append(
                {
                    "name": a.get("name_ar") or a.get("name_en") or a.get("area_id"),
                    "count": int(a.get("incidents", 0) or 0),
                    "geometry": _geojson_geometry(a.geometry, 0.002),
                }
            )
    chor = None
    if choropleth is not None:
        chor = {
            "names": [f"{ar} / {en}" for ar, en in zip(choropleth["name_ar"], choropleth["name_en"], strict=True)],
            "counts": [int(x) for x in choropleth["incidents"]],
            "geometries": [_geojson_geometry(g, 0.003) for g in choropleth.geometry],
        }
    bounds = None
    in_syria = placed[placed["status"] == "placed"] if "status" in placed.columns else placed
    if len(in_syria):
        minx, miny, maxx, maxy = in_syria.total_bounds
        bounds = [[float(miny), float(minx)], [float(maxy), float(maxx)]]
    return {
        "statsId": stats_id,
        "palette": PALETTE,
        "labels": LABELS,
        "time": time,
        "clusterAbove": cluster_above,
        "clusterUntilZoom": 11,
        "bounds": bounds,
        "basemap": basemap,
        "dict": {
            "types": type_table,
            "dates": date_table,
            "places": place_table,
            "sources": source_table,
            "urls": url_table,
        },
        "incidents": {
            "lat": lat,
            "lon": lon,
            "type": types,
            "date": dates,
            "place": place_idx,
            "source": sources,
            "url": urls,
            "id": [str(x) for x in _column(placed, "event_id_cnty")],
            "prec": [None if v is None else int(v) for v in _column(placed, "geo_precision")],
            "conf": [None if v is None else round(float(v), 2) for v in _column(placed, "confidence")],
            "excerpt": _excerpts(placed, mentions, 40 if big else 90),
        },
        "areas": area_items,
        "choropleth": chor,
        "search": [list(s) for s in search[:5000]],
    }


# ---------------------------------------------------------------------------------------------- assets
def _geojson_geometry(geom: Any, tolerance: float) -> dict[str, Any]:
    """A simplified geometry as a GeoJSON dict with 5-decimal coordinates (about 1 m), to keep pages small."""
    import shapely
    from shapely.geometry import mapping

    simple = geom.simplify(tolerance, preserve_topology=True)
    return mapping(shapely.transform(simple, lambda c: c.round(5)))


def _asset(name: str) -> str:
    return resources.files("geomap.maps").joinpath(name).read_text(encoding="utf-8")


def _renderer_js() -> str:
    code = _asset("geomap_map.js")
    for marker in ("{{", "{%", "{#"):
        if marker in code:
            raise GeomapError(f"geomap_map.js contains the Jinja marker {marker!r}")
    return code.replace("</script", "<\\/script")


def _leaflet_files() -> tuple[str, str]:
    """Leaflet's JS and CSS from the django-js-lib-leaflet wheel, with the CSS's images inlined as data URIs."""
    import base64
    import re

    base = resources.files("js_lib_leaflet").joinpath("static", "js_lib_leaflet")
    css = base.joinpath("leaflet.css").read_text(encoding="utf-8")

    def inline(m: re.Match[str]) -> str:
        data = base.joinpath("images", m.group(1)).read_bytes()
        kind = "svg+xml" if m.group(1).endswith(".svg") else "png"
        return f"url(data:image/{kind};base64,{base64.b64encode(data).decode('ascii')})"

    css = re.sub(r"url\(images/([\w.\-]+)\)", inline, css)
    return base.joinpath("leaflet.js").read_text(encoding="utf-8"), css


def _basemap(gazetteer: Gazetteer) -> dict[str, Any]:
    """Governorate outlines as the offline basemap (no tiles, no network)."""
    gov = gazetteer.layer("governorate")
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {}, "geometry": _geojson_geometry(g, 0.005)} for g in gov.geometry
        ],
    }


# ------------------------------------------------------------------------------------------------- API
def incident_map(
    incidents: gpd.GeoDataFrame,
    *,
    areas: gpd.GeoDataFrame | None = None,
    mentions: pd.DataFrame | None = None,
    title: str | None = None,
    heat: bool = False,
    time: bool = True,
    choropleth: str | None = None,
    cluster: str = "auto",
    offline: bool = False,
    gazetteer: Gazetteer | None = None,
    tiles: str = "OpenStreetMap",
) -> folium.Map:
    """A folium Map of incidents: points coloured by event type, region incidents as shaded areas, popups in
    Arabic (right to left) built safely, legend, layer control, search by place, time slider, optional heat map
    and choropleth (``"admin1"``, ``"admin2"``, ``"admin3"``). ``offline=True`` needs no network at all."""
    if cluster not in ("auto", "none", "fast"):
        raise ValueError(f"cluster must be auto, none or fast, not {cluster!r}")
    gaz = gazetteer or load_gazetteer()
    if offline:
        m = folium.Map(location=[35.0, 38.5], zoom_start=7, tiles=None, prefer_canvas=True, control_scale=True)
        m.default_js = []
        m.default_css = []
        leaflet_js, leaflet_css = _leaflet_files()
        m.get_root().header.add_child(_Raw(f"<style>{leaflet_css}</style>"), name="leaflet_css_inline")
        m.get_root().header.add_child(_Raw(f"<script>{leaflet_js}</script>"), name="leaflet_js_inline")
    else:
        m = folium.Map(location=[35.0, 38.5], zoom_start=7, tiles=tiles, prefer_canvas=True, control_scale=True)
        from folium.plugins import Fullscreen, MiniMap

        Fullscreen().add_to(m)
        MiniMap(toggle_display=True).add_to(m)
        if heat:
            from folium.plugins import HeatMap

            pts = [[float(g.y), float(g.x)] for g in incidents.geometry if g is not None and not g.is_empty]
            HeatMap(pts, name=LABELS["heat"], show=False, radius=14).add_to(m)
    root = m.get_root()
    root.header.add_child(_Raw(f"<style>{_CSS}</style>"), name="geomap_css")
    root.header.add_child(_Raw(f"<script>{_renderer_js()}</script>"), name="geomap_js")
    stats_id = "geomap-stats"
    root.html.add_child(_Raw(f'<div id="{stats_id}" hidden></div>'), name="geomap_stats")
    if title:
        root.header.add_child(_Raw(f"<title>{_safe_text(title)}</title>"), name="geomap_title_tag")
        root.html.add_child(
            _Raw(f'<div class="geomap-title" dir="auto">{_safe_text(title)}</div>'), name="geomap_title"
        )
    chor = None
    if choropleth:
        from geomap.layers import admin_counts

        level = {"admin1": 1, "admin2": 2, "admin3": 3}.get(choropleth)
        if level is None:
            raise ValueError(f"choropleth must be admin1, admin2 or admin3, not {choropleth!r}")
        chor = admin_counts(incidents, level, gazetteer=gaz)
    payload = _payload(
        incidents,
        areas=areas,
        mentions=mentions,
        choropleth=chor,
        basemap=_basemap(gaz) if offline else None,
        time=time,
        cluster=cluster,
        stats_id=stats_id,
    )
    IncidentLayer(safe_json(payload)).add_to(m)
    return m


def save_map(m: folium.Map | Figure, path: str | os.PathLike[str], *, overwrite: bool = True) -> Path:
    """Write a map as one HTML file, atomically; `.png`, `.svg` and `.pdf` are for `static_map`."""
    target = Path(path)
    if target.suffix.lower() not in (".html", ".htm"):
        raise OutputError(
            f"{target}: save_map writes .html; use geomap.maps.static.save_static_map for {target.suffix or 'this'}"
        )
    html_text = m.get_root().render()
    with atomic_path(target, overwrite=overwrite) as tmp:
        tmp.write_text(html_text, encoding="utf-8")
    return target
