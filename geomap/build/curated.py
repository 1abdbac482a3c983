"""Places written for geomap: landmarks, rivers, extra places, and extra aliases for any entry."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from shapely.geometry import LineString

from geomap.build.admin import AdminUnits
from geomap.build.names import add_aliases, alias_tuple
from geomap.build.shapes import new_place, parents_by_point, point
from geomap.build.sources import read_curated, split
from geomap.exc import GazetteerError
from geomap.gazetteer.schema import Place
from geomap.kinds import Importance

__all__ = ["apply_aliases", "curated_place", "load_landmarks", "uncertainty_note", "with_admin_parents"]


def curated_place(rec: dict[str, str], **fields: Any) -> Place:
    """A place from one line of a curated table (name_ar, name_en, aliases_ar, aliases_en, source columns)."""
    names = [*split(rec.get("aliases_ar")), *split(rec.get("aliases_en"))]
    return new_place(
        name_ar=rec["name_ar"],
        name_en=rec["name_en"],
        source=rec["source"],
        aliases=alias_tuple(rec["name_ar"], rec["name_en"], names),
        **fields,
    )


def uncertainty_note(rec: dict[str, str]) -> str:
    return f"position uncertain by about {rec['uncertainty_km']} km"


def load_landmarks(admin: AdminUnits) -> list[Place]:
    """Landmarks, rivers and the curated extra places, with admin parents by point-in-polygon."""
    places = [
        curated_place(
            rec,
            id=f"landmark/{rec['id']}",
            kind="landmark",
            subtype=rec["subtype"],
            geometry=point(rec["lat"], rec["lon"]),
            importance=Importance.DISTRICT,
            note=uncertainty_note(rec),
        )
        for rec in read_curated("landmarks.csv")
    ]
    for rec in read_curated("rivers.csv"):
        coords = [tuple(reversed([float(v) for v in pair.split()])) for pair in rec["waypoints"].split(";")]
        places.append(
            curated_place(
                rec,
                id=f"landmark/{rec['id']}",
                kind="landmark",
                subtype="river",
                geometry=LineString(coords),
                importance=Importance.DISTRICT,
            )
        )
    # Places the 2015 OCHA list lacks but reporting names often (Baghuz, Homs and Aleppo districts).
    places += [
        curated_place(
            rec,
            id=f"curated/{rec['id']}",
            kind=rec["kind"],
            geometry=point(rec["lat"], rec["lon"]),
            importance=Importance.MINOR,
            note=uncertainty_note(rec),
        )
        for rec in read_curated("extra_places.csv")
    ]
    return with_admin_parents(places, admin)


def with_admin_parents(places: list[Place], admin: AdminUnits) -> list[Place]:
    """Points get their sub-district as parent and admin1-3 by point-in-polygon; other shapes are unchanged."""
    points = [p for p in places if p.geometry.geom_type == "Point"]
    codes = dict(zip((p.id for p in points), parents_by_point([p.geometry for p in points], admin.adm3), strict=True))
    return [
        replace(p, parent_id=codes[p.id][2], admin1=codes[p.id][0], admin2=codes[p.id][1], admin3=codes[p.id][2])
        if p.id in codes
        else p
        for p in places
    ]


def apply_aliases(by_id: dict[str, Place]) -> None:
    """Attach the curated aliases (aliases.csv) to their targets, in place in `by_id`."""
    for rec in read_curated("aliases.csv"):
        target = by_id.get(rec["target"])
        if target is None:
            msg = f"aliases.csv: unknown target {rec['target']!r} for alias {rec['alias']!r}"
            raise GazetteerError(msg)
        by_id[target.id] = add_aliases(target, rec["alias"])
