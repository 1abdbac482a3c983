"""Places written for geomap: landmarks, rivers, extra places, and extra aliases for any entry."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from shapely.geometry import LineString

from geomap.build.admin import AdminUnits
from geomap.build.matching import NamePool
from geomap.build.names import add_aliases, alias_tuple
from geomap.build.shapes import new_place, parents_by_point, point
from geomap.build.sources import CURATED, read_curated, split
from geomap.exc import GazetteerError
from geomap.gazetteer.schema import Place
from geomap.kinds import Importance

__all__ = [
    "apply_aliases",
    "curated_place",
    "load_city_neighbourhoods",
    "load_landmarks",
    "uncertainty_note",
    "with_admin_parents",
]

NEIGHBOURHOOD_MERGE_KM = 2.0  # a neighbourhood of the same name this close is the same one


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


def load_landmarks(admin: AdminUnits, *, folder: Path = CURATED) -> list[Place]:
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
        for rec in read_curated("landmarks.csv", folder=folder)
    ]
    for rec in read_curated("rivers.csv", folder=folder):
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
        for rec in read_curated("extra_places.csv", folder=folder)
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


def load_city_neighbourhoods(places: dict[str, Place], *, folder: Path = CURATED) -> list[str]:
    """Add the curated city neighbourhoods (neighbourhoods.csv) to `places`; returns the ids added or merged into.

    A neighbourhood takes its admin units from its city (the ``city`` column: a gazetteer id) and its
    sub-district as parent. One with the name of a neighbourhood already within `NEIGHBOURHOOD_MERGE_KM` is
    merged into it (names combined, the existing id kept)."""
    pool = NamePool([p for p in places.values() if p.kind == "neighbourhood"], NEIGHBOURHOOD_MERGE_KM)
    touched = []
    for lineno, rec in enumerate(read_curated("neighbourhoods.csv", folder=folder, required=False), start=2):
        city = places.get(rec["city"])
        if city is None:
            msg = f"{folder / 'neighbourhoods.csv'}, line {lineno}: unknown city {rec['city']!r}"
            raise GazetteerError(msg)
        place = curated_place(
            rec,
            id=f"neighbourhood/{rec['id']}",
            kind="neighbourhood",
            geometry=point(rec["lat"], rec["lon"]),
            parent_id=city.admin3,
            admin1=city.admin1,
            admin2=city.admin2,
            admin3=city.admin3,
            importance=Importance.LOCAL,
            note=uncertainty_note(rec),
        )
        same = pool.match(place.names, place.lat, place.lon)
        if same is not None:
            place = add_aliases(places[same], *place.names)
        places[place.id] = place
        pool.add(place)
        touched.append(place.id)
    return touched
