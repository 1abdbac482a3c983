"""Static maps (PNG, SVG, PDF) for reports, drawn with matplotlib through geopandas, Arabic shaped right to left."""

from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd

from geomap.earth import SYRIA_BBOX
from geomap.exc import OutputError
from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.io.writers import atomic_path

__all__ = ["save_static_map", "shape_arabic"]

STATIC_FORMATS = (".png", ".svg", ".pdf")


def shape_arabic(text: str) -> str:
    """Arabic joined into presentation forms and put in visual order, as matplotlib draws left to right."""
    try:
        import arabic_reshaper
        from bidi.algorithm import get_display
    except ImportError as exc:  # the [static] extra
        raise ImportError("static maps need the 'static' extra: pip install 'geomap[static]'") from exc
    return get_display(arabic_reshaper.reshape(text))


def save_static_map(
    incidents: gpd.GeoDataFrame,
    path: str | os.PathLike[str],
    *,
    areas: gpd.GeoDataFrame | None = None,
    title: str | None = None,
    gazetteer: Gazetteer | None = None,
    overwrite: bool = True,
    dpi: int = 150,
) -> Path:
    """Governorates, region areas shaded, incidents as points coloured by event type; atomic write."""
    target = Path(path)
    if target.suffix.lower() not in STATIC_FORMATS:
        raise OutputError(f"{target}: static maps are {', '.join(STATIC_FORMATS)}")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    gaz = gazetteer or load_gazetteer()
    fig, ax = plt.subplots(figsize=(9, 8))
    gov = gaz.layer("governorate")
    gov.plot(ax=ax, color="#f2efe9", edgecolor="#888", linewidth=0.6)
    for _, g in gov.iterrows():
        p = g.geometry.representative_point()
        ax.annotate(shape_arabic(g["name_ar"]), (p.x, p.y), ha="center", fontsize=7, color="#666")
    if areas is not None and len(areas):
        areas.plot(ax=ax, color="#fd8d3c", alpha=0.3, edgecolor="#8c2d04", linewidth=0.8, linestyle="--")
    placed = incidents[incidents.geometry.notna() & (incidents.get("status", "placed") == "placed")]
    if len(placed):
        types = placed["event_type"].fillna("—") if "event_type" in placed else None
        placed.assign(_type=types).plot(
            ax=ax,
            column="_type" if types is not None else None,
            categorical=True,
            legend=True,
            markersize=28,
            edgecolor="#222",
            linewidth=0.5,
            cmap="tab10",
            legend_kwds={"loc": "lower left", "fontsize": 7},
        )
    ax.set_xlim(SYRIA_BBOX[0], SYRIA_BBOX[2])
    ax.set_ylim(SYRIA_BBOX[1], SYRIA_BBOX[3])
    ax.set_axis_off()
    if title:
        ax.set_title(shape_arabic(title), fontsize=13)
    fig.text(0.99, 0.01, "Boundaries: OCHA COD-AB (CC BY 3.0 IGO) · geomap", ha="right", fontsize=6, color="#777")
    with atomic_path(target, overwrite=overwrite) as tmp:
        fig.savefig(
            tmp,
            dpi=dpi,
            bbox_inches="tight",
            format=target.suffix.lstrip(".").lower(),
            metadata={"Software": "geomap"} if target.suffix.lower() == ".png" else None,
        )
    plt.close(fig)
    return target
