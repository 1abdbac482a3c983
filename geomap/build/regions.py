"""Named regions (the Badia, the Ghouta, Jabal al-Zawiya ...) from the reproducible definitions in regions.toml."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

from geomap.build.names import alias_tuple
from geomap.build.shapes import metric_buffer, new_place, orient
from geomap.build.sources import CURATED
from geomap.gazetteer.schema import Place
from geomap.kinds import Importance

__all__ = ["assign_region_admin", "load_regions"]

NATURAL_EARTH = Path("natural-earth-10m-physical") / "ne_10m_geography_regions_polys.json"
_INSIDE_SHARE = 0.9  # a region with this share of its area in one governorate belongs to it


class _Terms:
    """Evaluates the terms of a region definition (see the header of regions.toml)."""

    def __init__(self, src: Path, by_id: dict[str, Place]) -> None:
        ne = json.loads((src / NATURAL_EARTH).read_text(encoding="utf-8"))
        self.natural_earth = {f["properties"]["name"]: shape(f["geometry"]) for f in ne["features"]}
        self.by_id = by_id
        self.regions: dict[str, BaseGeometry] = {}

    def term(self, t: str) -> BaseGeometry:
        if t.startswith("ne:"):
            return self.natural_earth[t[3:]]
        if t.startswith("region:"):
            return self.regions[t[7:]]
        if t.startswith("circle:"):
            lat, lon, km = (float(v) for v in t[7:].split(","))
            return metric_buffer(Point(lon, lat), km)
        if t.startswith(("river:", "landmark:")):
            _kind, rest = t.split(":", 1)
            ident, km = rest.split(",")
            return metric_buffer(self.by_id[f"landmark/{ident}"].geometry, float(km))
        return self.by_id[t].geometry

    def union(self, terms: Iterable[str]) -> BaseGeometry:
        return shapely.union_all([self.term(t) for t in terms])

    def evaluate(self, spec: dict[str, Any], syria: BaseGeometry) -> BaseGeometry:
        geom = self.union(spec["include"])
        if spec.get("intersect"):
            geom = geom.intersection(self.union(spec["intersect"]))
        if spec.get("exclude"):
            geom = geom.difference(self.union(spec["exclude"]))
        geom = orient(geom.intersection(syria))
        self.regions[spec["id"]] = geom
        return geom


def load_regions(src: Path, by_id: dict[str, Place], syria: BaseGeometry) -> list[Place]:
    """Every region of regions.toml, its definition and rationale kept in the note."""
    specs = tomllib.loads((CURATED / "regions.toml").read_text(encoding="utf-8"))["region"]
    terms = _Terms(src, by_id)
    places = []
    for r in specs:
        definition = {k: r[k] for k in ("include", "intersect", "exclude") if k in r}
        places.append(
            new_place(
                id=f"region/{r['id']}",
                kind="region",
                name_ar=r["name_ar"],
                name_en=r["name_en"],
                geometry=terms.evaluate(r, syria),
                aliases=alias_tuple(r["name_ar"], r["name_en"], [*r.get("aliases_ar", []), *r.get("aliases_en", [])]),
                importance=Importance.NATIONAL,
                source="geomap region definition (geomap/build/curated/regions.toml)",
                subtype=f"precision{r.get('precision', 3)}",
                note=" ".join(r["rationale"].split()) + " Definition: " + json.dumps(definition, ensure_ascii=False),
            )
        )
    return places


def assign_region_admin(regions: list[Place], governorates: list[Place]) -> list[Place]:
    """A region inside one governorate gets it as admin1 and parent; parents of a region are left empty otherwise."""
    out = []
    for r in regions:
        area = r.geometry.area
        inside = [g for g in governorates if g.geometry.intersection(r.geometry).area > _INSIDE_SHARE * area]
        out.append(replace(r, admin1=inside[0].id, parent_id=inside[0].id) if len(inside) == 1 else r)
    return out
