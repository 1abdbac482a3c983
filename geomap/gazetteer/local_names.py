"""Reading a user's CSV of local names: aliases for existing entries and new places placed by point-in-polygon."""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import TYPE_CHECKING

from shapely.geometry import Point

from geomap.exc import InputError, PlaceNotFound
from geomap.gazetteer.schema import Place
from geomap.kinds import Importance

if TYPE_CHECKING:
    from geomap.gazetteer.places import Gazetteer

__all__ = ["read_local_names"]

LOCAL_IMPORTANCE = Importance.SUBDISTRICT  # a user names a place because it matters in their reports


def read_local_names(path: str | os.PathLike[str], base: Gazetteer) -> tuple[list[Place], list[tuple[str, str]]]:
    """New places and ``(id, alias)`` pairs from a local-names CSV (see `Gazetteer.from_csv` for the columns)."""
    path = Path(path)
    places: list[Place] = []
    aliases: list[tuple[str, str]] = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for lineno, row in enumerate(csv.DictReader(fh), start=2):
            if row.get("target") and row.get("alias"):
                aliases.append((_target(base, row["target"].strip(), path, lineno), row["alias"].strip()))
            else:
                places.append(_place(row, base, path, lineno))
    return places, aliases


def _target(base: Gazetteer, target: str, path: Path, lineno: int) -> str:
    try:
        return base.lookup(target).id
    except PlaceNotFound as exc:
        raise InputError(f"unknown target {target!r}", path=str(path), line=lineno, field="target") from exc


def _place(row: dict[str, str], base: Gazetteer, path: Path, lineno: int) -> Place:
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except (KeyError, TypeError, ValueError) as exc:
        msg = "a new place needs numeric lat and lon"
        raise InputError(msg, path=str(path), line=lineno, field="lat") from exc
    if not (row.get("id") and (row.get("name_ar") or row.get("name_en"))):
        msg = "a new place needs id and name_ar or name_en"
        raise InputError(msg, path=str(path), line=lineno, field="id")
    admin = base.reverse(lat, lon)
    sub, gov = admin["subdistrict"], admin["governorate"]
    return Place(
        id=row["id"].strip(),
        kind=(row.get("kind") or "community").strip(),
        name_ar=(row.get("name_ar") or "").strip(),
        name_en=(row.get("name_en") or "").strip(),
        geometry=Point(lon, lat),
        lat=lat,
        lon=lon,
        aliases=tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()),
        parent_id=sub.id if sub else None,
        admin1=gov.id if gov else None,
        admin2=admin["district"].id if admin["district"] else None,
        admin3=sub.id if sub else None,
        in_syria=gov is not None,
        importance=LOCAL_IMPORTANCE,
        source=f"user file {path.name}",
    )
