"""Static maps (PNG, SVG, PDF) for reports: the same basemap, colours, event type names and choropleth classes as
the HTML map, drawn on a matplotlib `Figure` with its own Agg canvas (no pyplot, no process-wide switch).

Arabic: matplotlib (>= 3.11, with libraqm) shapes and orders right-to-left text itself, so labels go in as
written; reshaping them first (arabic-reshaper + python-bidi) would reverse them a second time. Labels are never
read as mathtext (``parse_math=False``), so ``$`` in a report or a title is printed as it is.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import geopandas as gpd

from geomap.exc import OutputError
from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.io.writers import atomic_path
from geomap.maps.basemap import neighbour_land
from geomap.maps.event_types import type_colours, type_name
from geomap.maps.labels import ATTRIBUTION, LABELS, AdminLevel, Lang
from geomap.maps.payload import placed_rows
from geomap.maps.style import STYLE, choropleth_class, choropleth_classes

__all__ = ["FONTS", "STATIC_FORMATS", "save_static_map", "static_figure"]

STATIC_FORMATS = (".png", ".svg", ".pdf")
FONTS = ["Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans"]  # Arabic first; Latin and digits fall back
VIEW = (35.4, 32.1, 42.6, 37.5)  # lon/lat box of the static map: Syria and a margin of its neighbours
MAP_WIDTH = 0.78  # share of the figure's width for the map: the legends stand beside it, never over a governorate
UPPER_LEGEND = (1.01, 1.0)  # event types: top of the column beside the map (axes coordinates)
LOWER_LEGEND = (1.01, 0.0)  # choropleth classes: bottom of that column
LEGEND_TYPES = 12  # as in the HTML legend: past this, types share one row


def _text_kw(size: float, **kw: Any) -> dict[str, Any]:
    return {"fontfamily": FONTS, "fontsize": size, "parse_math": False, **kw}


def _basemap(ax: Any, gaz: Gazetteer, lang: Lang) -> None:
    gov = gaz.layer("governorate").sort_values("id")
    import shapely

    syria = shapely.union_all(gov.geometry.to_numpy()).buffer(0)
    lands = gpd.GeoSeries([land for _, land in neighbour_land(syria)], crs="EPSG:4326")
    lands.plot(ax=ax, color=STYLE["land"], edgecolor=STYLE["landEdge"], linewidth=0.5)
    gov.plot(ax=ax, color=STYLE["syria"], edgecolor=STYLE["syriaEdge"], linewidth=0.7)
    rivers = gaz.layer("landmark")
    rivers[rivers["subtype"] == "river"].plot(ax=ax, color=STYLE["river"], linewidth=1.2)
    towns = gaz.layer("community")
    capitals = towns[towns["importance"] >= 0.95].sort_values("id")
    capitals.plot(ax=ax, color="#444", markersize=4)
    for t in capitals.itertuples():
        name = t.name_ar if lang is Lang.AR else t.name_en or t.name_ar
        ax.text(t.lon, t.lat + 0.07, name, ha="center", va="bottom", color="#333", **_text_kw(6.5))


def _choropleth(ax: Any, incidents: gpd.GeoDataFrame, level: AdminLevel, gaz: Gazetteer, lang: Lang) -> list[Any]:
    from matplotlib.patches import Patch

    from geomap.layers import admin_counts

    counts = admin_counts(incidents, level.level, gazetteer=gaz)
    classes = choropleth_classes([int(n) for n in counts["incidents"]])
    colours = [STYLE["ramp"][choropleth_class(int(n), classes)] for n in counts["incidents"]]
    counts.plot(ax=ax, color=colours, edgecolor="#7a6a5a", linewidth=0.4, alpha=0.8)
    title = str(LABELS[lang]["choropleth"])
    handles = [
        Patch(color=STYLE["ramp"][k], label=f"{a}–{b}" if a != b else str(a)) for k, (a, b) in enumerate(classes)
    ]
    return [title, handles]


def _incidents(ax: Any, incidents: gpd.GeoDataFrame, lang: Lang) -> list[Any]:
    from matplotlib.lines import Line2D

    placed = placed_rows(incidents)
    if "status" in placed.columns:
        placed = placed[placed["status"] != "outside_syria"]
    types = [
        None if t is None or t != t or str(t).strip() == "" else str(t)
        for t in placed.get("event_type", [None] * len(placed))
    ]
    colours = type_colours(types)
    ax.scatter(
        placed.geometry.x,
        placed.geometry.y,
        s=26,
        c=[colours[t] for t in types],
        edgecolors="#1d1d1d",
        linewidths=0.5,
        zorder=5,
    )
    seen = sorted({t for t in types}, key=lambda t: (-types.count(t), str(t)))
    handles = []
    for t in seen[:LEGEND_TYPES]:
        name = type_name(t, lang.value) if t else str(LABELS[lang]["untyped"])
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markersize=6,
                markerfacecolor=colours[t],
                markeredgecolor="#1d1d1d",
                label=name,
            )
        )
    if len(seen) > LEGEND_TYPES:
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markersize=6,
                markerfacecolor=colours[seen[-1]],
                markeredgecolor="#1d1d1d",
                label=str(LABELS[lang]["otherTypes"]),
            )
        )
    return [str(LABELS[lang]["types"]), handles]


def _legend(ax: Any, title: str, handles: list[Any], loc: str, anchor: tuple[float, float], lang: Lang) -> Any:
    from matplotlib.font_manager import FontProperties

    legend = ax.legend(
        handles=handles,
        title=title,
        loc=loc,
        bbox_to_anchor=anchor,
        prop=FontProperties(family=FONTS, size=7),
        title_fontproperties=FontProperties(family=FONTS, size=7.5, weight="bold"),
        framealpha=0.92,
        markerfirst=lang is not Lang.AR,  # Arabic legends read from the right: symbol at the right
        alignment="right" if lang is Lang.AR else "left",
    )
    for text in [*legend.get_texts(), legend.get_title()]:
        text.set_parse_math(False)
    ax.add_artist(legend)
    return legend


def static_figure(
    incidents: gpd.GeoDataFrame,
    *,
    areas: gpd.GeoDataFrame | None = None,
    title: str | None = None,
    choropleth: AdminLevel | str | None = None,
    lang: Lang | str = Lang.AR,
    gazetteer: Gazetteer | None = None,
) -> Any:
    """The static map as a matplotlib `Figure` (Agg canvas): basemap, choropleth, region areas, incidents in Syria
    coloured by event type, legends, title and attribution. Parameters as in `save_static_map`."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    lang = Lang(lang)
    gaz = gazetteer or load_gazetteer()
    fig = Figure(figsize=(10.5, 7.6))
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.01, 0.05, MAP_WIDTH, 0.87))
    ax.set_facecolor(STYLE["sea"])
    _basemap(ax, gaz, lang)
    if choropleth:
        _legend(
            ax,
            *_choropleth(ax, incidents, AdminLevel(choropleth), gaz, lang),
            loc="lower left",
            anchor=LOWER_LEGEND,
            lang=lang,
        )
    if areas is not None and len(areas):
        areas.plot(ax=ax, color=STYLE["area"], alpha=0.2, edgecolor=STYLE["areaEdge"], linewidth=0.8)
    _legend(ax, *_incidents(ax, incidents, lang), loc="upper left", anchor=UPPER_LEGEND, lang=lang)
    ax.set_xlim(VIEW[0], VIEW[2])
    ax.set_ylim(VIEW[1], VIEW[3])
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_title(title or str(LABELS[lang]["title"]), **_text_kw(14, fontweight="bold"))
    fig.text(0.5, 0.004, ATTRIBUTION, ha="center", va="bottom", color="#666", wrap=True, **_text_kw(5))
    return fig


def save_static_map(
    incidents: gpd.GeoDataFrame,
    path: str | os.PathLike[str],
    *,
    areas: gpd.GeoDataFrame | None = None,
    title: str | None = None,
    choropleth: AdminLevel | str | None = None,
    lang: Lang | str = Lang.AR,
    gazetteer: Gazetteer | None = None,
    overwrite: bool = True,
    dpi: int = 150,
) -> Path:
    """Write a static map (.png, .svg or .pdf) atomically and deterministically.

    Parameters
    ----------
    incidents : GeoDataFrame
        Incidents; those outside Syria are left out.
    path : str or PathLike
        Output file; its suffix chooses the format.
    areas : GeoDataFrame, optional
        Region polygons, shaded.
    title : str, optional
        Map title (Arabic as written; ``$`` is plain text).
    choropleth : {"admin1", "admin2", "admin3"}, optional
        Shade admin units by incident count, with a legend of the classes.
    lang : {"ar", "en"}
        Language of the legends and place names.
    gazetteer : Gazetteer, optional
        The gazetteer for the basemap (the shipped one by default).
    overwrite : bool
        Replace an existing file.
    dpi : int
        Resolution of PNG output.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in STATIC_FORMATS:
        msg = f"{target}: static maps are {', '.join(STATIC_FORMATS)}"
        raise OutputError(msg)
    import matplotlib

    fig = static_figure(incidents, areas=areas, title=title, choropleth=choropleth, lang=lang, gazetteer=gazetteer)
    metadata = {".png": {"Software": "geomap"}, ".svg": {"Date": None}, ".pdf": {"CreationDate": None}}[suffix]
    with matplotlib.rc_context({"svg.hashsalt": "geomap"}), atomic_path(target, overwrite=overwrite) as tmp:
        fig.savefig(tmp, dpi=dpi, format=suffix.lstrip("."), metadata=metadata)
    return target
