"""The built-in basemap every map carries, so it is worth looking at without internet: neighbouring countries on a
sea-coloured background (Natural Earth outlines shipped by the `countryinfo` wheel), Syria's governorates and
districts (OCHA COD-AB from the gazetteer), the four rivers, and place names in both languages with the zoom at
which each appears. The same place table feeds the page's place search (the whole gazetteer, not only places
with incidents)."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

import shapely
from shapely.geometry import box, mapping, shape
from shapely.ops import polylabel

from geomap.gazetteer import Gazetteer
from geomap.kinds import Importance

__all__ = ["NEIGHBOURS", "basemap_payload", "geojson_geometry", "neighbour_land"]

# countryinfo data files of the countries around Syria (and ISO codes for their Arabic names in the gazetteer)
NEIGHBOURS = {
    "turkey": "TR",
    "iraq": "IQ",
    "jordan": "JO",
    "lebanon": "LB",
    "israel": "IL",
    "palestine": "PS",
    "cyprus": "CY",
    "egypt": "EG",
    "saudi_arabia": "SA",
    "iran": "IR",
    "kuwait": "KW",
    "armenia": "AM",
    "azerbaijan": "AZ",
    "georgia": "GE",
}
CONTEXT_BOX = (29.0, 27.0, 50.0, 42.5)  # lon/lat box of neighbouring land drawn: the region an analyst pans over
LABEL_BOX = (33.0, 30.0, 46.0, 39.5)  # a country's name sits inside this part of it, close to Syria
SEA_LABEL = (34.3, 34.55)  # lat, lon: open sea between Cyprus and the Syrian-Lebanese coast
ADMIN_TOLERANCE = 0.003  # degrees (~300 m) of simplification for governorate and district outlines
COUNTRY_TOLERANCE = 0.02  # the Natural Earth outlines are coarse already
LABEL_ZOOMS = (  # (importance at least, zoom from which the name is shown)
    (Importance.GOVERNORATE, 6),
    (Importance.DISTRICT, 8),
    (Importance.SUBDISTRICT_CAPITAL, 10),
    (0.0, 12),
)
SEARCH_KINDS = ("governorate", "district", "subdistrict", "community", "neighbourhood", "region", "landmark")


def geojson_geometry(geom: Any, tolerance: float) -> dict[str, Any]:
    """A simplified geometry as a GeoJSON dict with 5-decimal coordinates (about 1 m), to keep pages small."""
    simple = geom.simplify(tolerance, preserve_topology=True)
    return mapping(shapely.transform(simple, lambda c: c.round(5)))


def _country(name: str) -> Any:
    data = json.loads(resources.files("countryinfo").joinpath("data", f"{name}.json").read_text(encoding="utf-8"))
    return shape(data["geoJSON"]["features"][0]["geometry"])


@functools.cache
def neighbour_land(syria: Any) -> list[tuple[str, Any]]:
    """Neighbouring land clipped to the context box, minus Syria; the slivers between the coarse Natural Earth
    borders and OCHA's precise Syrian border go to the neighbour they touch, so no sea shows through."""
    context = box(*CONTEXT_BOX)
    gap = _country("syria").difference(syria)
    out = []
    for name, iso in NEIGHBOURS.items():
        land = _country(name).intersection(context)
        touching = [g for g in getattr(gap, "geoms", [gap]) if g.intersects(land.buffer(0.02))]
        land = shapely.union_all([land, *touching]).difference(syria)
        if not land.is_empty:
            out.append((iso, land))
    return out


def _country_features(gaz: Gazetteer, syria: Any) -> list[dict[str, Any]]:
    features = []
    for iso, land in neighbour_land(syria):
        place = gaz.get(f"country/{iso}")
        near = land.intersection(box(*LABEL_BOX))
        at = (near if not near.is_empty and near.area > 0.3 else land).representative_point()
        features.append(
            {
                "name": [place.name_ar if place else iso, place.name_en if place else iso],
                "label": [round(at.y, 3), round(at.x, 3)],
                "geometry": geojson_geometry(land, COUNTRY_TOLERANCE),
            }
        )
    return features


def _label_point(geom: Any) -> list[float]:
    """Where an area's name goes: the pole of inaccessibility of its largest part."""
    part = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
    at = polylabel(part, tolerance=0.01)
    return [round(at.y, 3), round(at.x, 3)]


def _label_zoom(importance: float) -> int:
    return next(z for floor, z in LABEL_ZOOMS if importance >= floor)


def _places(gaz: Gazetteer) -> dict[str, list[Any]]:
    """Columns of every searchable place: names, point, kind, governorate, bounding box of areas, label zoom."""
    cols: dict[str, list[Any]] = {k: [] for k in ("ar", "en", "lat", "lon", "kind", "gov", "box", "zoom")}
    govs = {p.id: i for i, p in enumerate(sorted(gaz.layer("governorate").itertuples(), key=lambda p: p.id))}
    seen = set()
    for kind_index, kind in enumerate(SEARCH_KINDS):
        layer = gaz.layer(kind)
        for p in layer.sort_values("id").itertuples():
            if p.geometry is None or p.lat is None or not p.in_syria:
                continue
            key = (p.name_ar, kind, round(p.lat, 3), round(p.lon, 3))
            if key in seen:
                continue
            seen.add(key)
            polygon = p.geometry.geom_type != "Point"
            cols["ar"].append(p.name_ar or p.name_en)
            cols["en"].append(p.name_en or "")
            cols["lat"].append(round(float(p.lat), 4))
            cols["lon"].append(round(float(p.lon), 4))
            cols["kind"].append(kind_index)
            cols["gov"].append(govs.get(p.admin1 or p.id, -1))
            minx, miny, maxx, maxy = p.geometry.bounds
            cols["box"].append([round(miny, 3), round(minx, 3), round(maxy, 3), round(maxx, 3)] if polygon else None)
            is_town = kind == "community"
            cols["zoom"].append(_label_zoom(float(p.importance)) if is_town else -1)
    return cols


def basemap_payload(gaz: Gazetteer) -> dict[str, Any]:
    """Everything the page draws under the incidents, and the place search table."""
    gov = gaz.layer("governorate").sort_values("id")
    dist = gaz.layer("district").sort_values("id")
    syria = shapely.union_all(gov.geometry.to_numpy()).buffer(0)
    rivers = gaz.layer("landmark")
    rivers = rivers[rivers["subtype"] == "river"].sort_values("id")
    return {
        "countries": _country_features(gaz, syria),
        "sea": list(SEA_LABEL),
        "governorates": [
            {
                "name": [r.name_ar, r.name_en],
                "label": _label_point(r.geometry),
                "geometry": geojson_geometry(r.geometry, ADMIN_TOLERANCE),
            }
            for r in gov.itertuples()
        ],
        "districts": [geojson_geometry(g, ADMIN_TOLERANCE) for g in dist.geometry],
        "rivers": [
            {"name": [r.name_ar, r.name_en], "geometry": geojson_geometry(r.geometry, ADMIN_TOLERANCE)}
            for r in rivers.itertuples()
        ],
        "kinds": list(SEARCH_KINDS),
        "governorateNames": [[r.name_ar, r.name_en] for r in gov.itertuples()],
        "places": _places(gaz),
    }
