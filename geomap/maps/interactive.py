"""`incident_map` and `save_map`: incidents to one self-contained HTML page (a folium Map, so notebooks show it)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd
import pandas as pd
from branca.element import Figure

from geomap.coding.taxonomy import Actor
from geomap.exc import OutputError
from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.io.writers import atomic_path
from geomap.kinds import KIND_OF_ADMIN_LEVEL
from geomap.maps.basemap import basemap_payload, geojson_geometry
from geomap.maps.escape import json_island
from geomap.maps.event_types import type_name
from geomap.maps.html_page import STATS_ID, add_payload, make_shell, pin_ids
from geomap.maps.labels import ATTRIBUTION, LABELS, MAP_ATTRIBUTION, AdminLevel, Cluster, Lang
from geomap.maps.payload import incident_payload, placed_rows
from geomap.maps.style import STYLE

__all__ = ["TILES", "incident_map", "save_map"]

MAX_ZOOM = 16  # past this the built-in map has nothing more to show; the last zoom spreads clusters out
AREA_TOLERANCE = 0.002  # degrees of simplification for region polygons
UNIT_TOLERANCE = 0.003  # and for choropleth units
TILES = [  # online base layers offered as choices (never the only context); constants, not user input
    {
        "name": "OpenStreetMap",
        "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "attribution": "© OpenStreetMap contributors (ODbL)",
        "maxZoom": 19,
    },
    {
        "name": "Esri World Imagery",
        "url": "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}",
        "attribution": "Imagery © Esri, Maxar, Earthstar Geographics",
        "maxZoom": 18,
    },
]


def _areas(areas: gpd.GeoDataFrame | None, lang: Lang) -> list[dict[str, Any]]:
    if areas is None:
        return []
    out = []
    for a in areas.itertuples():
        names = [getattr(a, "name_ar", None), getattr(a, "name_en", None)]
        name = names[0] or names[1] if lang is Lang.AR else names[1] or names[0]
        out.append(
            {
                "name": str(name or getattr(a, "area_id", "")),
                "count": int(getattr(a, "incidents", 0) or 0),
                "geometry": geojson_geometry(a.geometry, AREA_TOLERANCE),
            }
        )
    return out


def _bounds(incidents: gpd.GeoDataFrame) -> list[list[float]] | None:
    placed = placed_rows(incidents)
    if "status" in placed.columns:
        placed = placed[placed["status"] != "outside_syria"]
    if not len(placed):
        return None
    minx, miny, maxx, maxy = placed.total_bounds
    return [[float(miny), float(minx)], [float(maxy), float(maxx)]]


def _type_names(payload: dict[str, Any], lang: Lang) -> dict[str, str]:
    names = {}
    for value in [*payload["dict"]["types"], *payload["dict"]["subs"]]:
        if value is not None and type_name(value, lang.value) != value:
            names[value] = type_name(value, lang.value)
    return names


def _actor_names(payload: dict[str, Any], lang: Lang) -> dict[str, str]:
    """Arabic names of the actors on geomap's short list (a table's own actor names are shown as written)."""
    if lang is not Lang.AR:
        return {}
    short = {a.value: a for a in Actor}
    return {v: short[v].name_ar for v in payload["dict"]["actors"] if v in short}


def _choropleth(units: gpd.GeoDataFrame | None) -> dict[str, Any] | None:
    if units is None:
        return None
    return {
        "names": [[r.name_ar, r.name_en] for r in units.itertuples()],
        "geometries": [geojson_geometry(g, UNIT_TOLERANCE) for g in units.geometry],
    }


def _interface(payload: dict[str, Any], lang: Lang) -> dict[str, Any]:
    """Labels, type names, style and page constants for the interface language."""
    return {
        "statsId": STATS_ID,
        "lang": lang.value,
        "labels": LABELS[lang],
        "typeNames": _type_names(payload, lang),
        "actorNames": _actor_names(payload, lang),
        "attribution": ATTRIBUTION,
        "mapAttribution": MAP_ATTRIBUTION,
        "style": STYLE,
        "maxZoom": MAX_ZOOM,
    }


def incident_map(
    incidents: gpd.GeoDataFrame,
    *,
    areas: gpd.GeoDataFrame | None = None,
    mentions: pd.DataFrame | None = None,
    title: str | None = None,
    heat: bool = False,
    time: bool = True,
    choropleth: AdminLevel | str | None = None,
    cluster: Cluster | str = Cluster.AUTO,
    offline: bool = False,
    lang: Lang | str = Lang.AR,
    gazetteer: Gazetteer | None = None,
) -> folium.Map:
    """A map of incidents that works without internet: counted clusters coloured by event type, filters, popups,
    place search, choropleth and heat layers, over a built-in basemap of Syria and its neighbours.

    Parameters
    ----------
    incidents : GeoDataFrame
        Incidents with points; columns used are listed in `geomap.maps.payload` (missing ones leave fields empty).
    areas : GeoDataFrame, optional
        Region polygons (``Incidents.areas``), drawn as shaded areas.
    mentions : DataFrame, optional
        Place mentions (``Incidents.mentions``): the event's place is highlighted in popup excerpts.
    title : str, optional
        Page and panel title (escaped like all text).
    heat : bool
        Add an incident density layer.
    time : bool
        Offer the date range filter with play when incidents have dates.
    choropleth : {"admin1", "admin2", "admin3"}, optional
        Shade admin units by the number of shown incidents, with a legend.
    cluster : {"auto", "none"}
        ``auto``: counted clusters at every zoom, spread out at the last; ``none``: one dot per incident.
    offline : bool
        Built-in basemap only; otherwise online tiles are offered too (the page says so if they fail to load).
    lang : {"ar", "en"}
        Interface language, event type names included.
    gazetteer : Gazetteer, optional
        For the basemap, place search and Arabic names (the shipped one by default).
    """
    lang, cluster = Lang(lang), Cluster(cluster)
    level = AdminLevel(choropleth) if choropleth else None
    gaz = gazetteer or load_gazetteer()
    units = gaz.layer(KIND_OF_ADMIN_LEVEL[level.level]).sort_values("id") if level else None
    payload = incident_payload(incidents, mentions=mentions, gazetteer=gaz, units=units)
    page_title = title or str(LABELS[lang]["title"])
    payload.update(
        {
            "title": page_title,
            "time": time,
            "heat": heat,
            "cluster": cluster is Cluster.AUTO,
            "bounds": _bounds(incidents),
            "basemap": basemap_payload(gaz),
            "tiles": [] if offline else TILES,
            "areas": _areas(areas, lang),
            "choropleth": _choropleth(units),
        }
    )
    payload.update(_interface(payload, lang))
    m = make_shell(lang=lang, title=page_title)
    add_payload(m, json_island(payload))
    pin_ids(m)
    return m


def save_map(m: folium.Map | Figure, path: str | os.PathLike[str], *, overwrite: bool = True) -> Path:
    """Write a map as one HTML file, atomically; `.png`, `.svg` and `.pdf` are for `static_map`."""
    target = Path(path)
    if target.suffix.lower() not in (".html", ".htm"):
        msg = f"{target}: save_map writes .html; use geomap.maps.static.save_static_map for {target.suffix or 'this'}"
        raise OutputError(msg)
    pin_ids(m)
    html_text = m.get_root().render()
    with atomic_path(target, overwrite=overwrite) as tmp:
        tmp.write_text(html_text, encoding="utf-8")
    return target
