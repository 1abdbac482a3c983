"""The shipped Syrian gazetteer: places, their names, hierarchy, geometry and layers.

``load_gazetteer()`` reads ``geomap/data/gazetteer.parquet`` (built by ``python -m geomap.build``) once per process
and returns a `Gazetteer`. Custom places and aliases (a CSV of local names) can be added with `Gazetteer.extend`.
"""

from __future__ import annotations

import csv
import difflib
import functools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow.parquet as pq
import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from geomap.arabic import is_arabic, latin_skeleton, latin_words, normalize_name
from geomap.earth import haversine_km
from geomap.exc import GazetteerError, InputError, PlaceNotFound
from geomap.kinds import KINDS

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["KINDS", "Gazetteer", "Place", "load_gazetteer"]

DATA_DIR = Path(__file__).resolve().parent / "data"
_KIND_RANK = {k: i for i, k in enumerate(KINDS)}


@dataclass(frozen=True, slots=True, eq=False)
class Place:
    """One gazetteer entry. `lat`/`lon` is a representative point inside the geometry."""

    id: str
    kind: str
    name_ar: str
    name_en: str
    geometry: BaseGeometry
    lat: float
    lon: float
    pcode: str | None = None
    subtype: str | None = None
    aliases: tuple[str, ...] = ()
    parent_id: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    in_syria: bool = True
    importance: float = 0.3
    population: int | None = None
    country_code: str = "SY"
    source: str = ""
    note: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the place: Arabic, English, then aliases."""
        return tuple(n for n in (self.name_ar, self.name_en, *self.aliases) if n)

    @property
    def name(self) -> str:
        return self.name_ar or self.name_en

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready dict of the entry (geometry as its representative point)."""
        return {
            "id": self.id,
            "pcode": self.pcode,
            "kind": self.kind,
            "subtype": self.subtype,
            "name_ar": self.name_ar,
            "name_en": self.name_en,
            "aliases": list(self.aliases),
            "parent_id": self.parent_id,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "admin3": self.admin3,
            "lat": self.lat,
            "lon": self.lon,
            "in_syria": self.in_syria,
            "importance": self.importance,
            "population": self.population,
            "country_code": self.country_code,
            "source": self.source,
            "note": self.note,
        }

    def __repr__(self) -> str:
        return f"Place({self.id!r}, {self.kind}, {self.name_ar!r}, {self.name_en!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Place) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)


class Gazetteer:
    """Places with a normalised name index, the admin hierarchy and spatial look-ups."""

    def __init__(self, places: Iterable[Place]) -> None:
        self._places: dict[str, Place] = {}
        self._by_name: dict[str, list[str]] = {}
        self._children: dict[str, list[str]] = {}
        self._by_pcode: dict[str, str] = {}
        self.version = 0  # bumped by `extend`, so caches built on the index (the geoparser's) know to rebuild
        for p in places:
            self._add(p)
        self._sort_names()

    # ------------------------------------------------------------------------------------------------- building
    def _add(self, place: Place) -> None:
        if place.id in self._places:
            old = self._places[place.id]
            for n in old.names:
                ids = self._by_name.get(normalize_name(n), [])
                if place.id in ids:
                    ids.remove(place.id)
        self._places[place.id] = place
        if place.pcode:
            self._by_pcode[place.pcode.upper()] = place.id
        if place.parent_id:
            kids = self._children.setdefault(place.parent_id, [])
            if place.id not in kids:
                kids.append(place.id)
        for n in place.names:
            key = normalize_name(n)
            if key:
                ids = self._by_name.setdefault(key, [])
                if place.id not in ids:
                    ids.append(place.id)

    def _rank(self, pid: str) -> tuple[float, int, str]:
        p = self._places[pid]
        return (-p.importance, _KIND_RANK.get(p.kind, 99), pid)

    def _sort_names(self) -> None:
        for ids in self._by_name.values():
            ids.sort(key=self._rank)
        self._cache_clear()

    def _cache_clear(self) -> None:
        self.version += 1
        self.__dict__.pop("_layers", None)
        self.__dict__.pop("_trees", None)
        self.__dict__.pop("_name_keys", None)
        self.__dict__.pop("_skeletons", None)

    def extend(self, places: Iterable[Place] = (), aliases: Iterable[tuple[str, str]] = ()) -> Gazetteer:
        """Add places and `(place_id, alias)` pairs in place; returns self so calls chain."""
        for p in places:
            self._add(p)
        for pid, alias in aliases:
            p = self.lookup(pid)
            if alias not in p.names:
                self._add(replace(p, aliases=(*p.aliases, alias)))
        self._sort_names()
        return self

    def add_csv(self, path: str | os.PathLike[str]) -> Gazetteer:
        """Add local names from a CSV file.

        Rows with ``target`` (an existing id or P-code) and ``alias`` add an alias. Rows with ``id``, ``name_ar``
        (and optionally ``name_en``, ``kind``, ``aliases`` separated by ``|``), ``lat`` and ``lon`` add a place;
        its admin units are found by point-in-polygon."""
        path = Path(path)
        new_places: list[Place] = []
        new_aliases: list[tuple[str, str]] = []
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            for lineno, row in enumerate(reader, start=2):
                if row.get("target") and row.get("alias"):
                    try:
                        new_aliases.append((self.lookup(row["target"].strip()).id, row["alias"].strip()))
                    except PlaceNotFound as exc:
                        raise InputError(
                            f"unknown target {row['target']!r}", path=str(path), line=lineno, field="target"
                        ) from exc
                    continue
                try:
                    lat, lon = float(row["lat"]), float(row["lon"])
                except (KeyError, TypeError, ValueError) as exc:
                    raise InputError(
                        "a new place needs numeric lat and lon", path=str(path), line=lineno, field="lat"
                    ) from exc
                if not (row.get("id") and (row.get("name_ar") or row.get("name_en"))):
                    raise InputError(
                        "a new place needs id and name_ar or name_en", path=str(path), line=lineno, field="id"
                    )
                admin = self.reverse(lat, lon)
                new_places.append(
                    Place(
                        id=row["id"].strip(),
                        kind=(row.get("kind") or "community").strip(),
                        name_ar=(row.get("name_ar") or "").strip(),
                        name_en=(row.get("name_en") or "").strip(),
                        geometry=Point(lon, lat),
                        lat=lat,
                        lon=lon,
                        aliases=tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()),
                        parent_id=admin["subdistrict"].id if admin.get("subdistrict") else None,
                        admin1=admin["governorate"].id if admin.get("governorate") else None,
                        admin2=admin["district"].id if admin.get("district") else None,
                        admin3=admin["subdistrict"].id if admin.get("subdistrict") else None,
                        in_syria=admin.get("governorate") is not None,
                        importance=0.6,
                        source=f"user file {path.name}",
                    )
                )
        return self.extend(new_places, new_aliases)

    # -------------------------------------------------------------------------------------------------- look-ups
    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places.values())

    def __contains__(self, pid: object) -> bool:
        return pid in self._places

    def lookup(self, id_or_pcode: str) -> Place:
        """The entry with this id (``C4121``, ``region/syrian-badia``) or P-code (case-insensitive)."""
        if id_or_pcode in self._places:
            return self._places[id_or_pcode]
        pid = self._by_pcode.get(str(id_or_pcode).strip().upper())
        if pid is None:
            raise PlaceNotFound(f"no gazetteer entry with id or P-code {id_or_pcode!r}")
        return self._places[pid]

    def get(self, id_or_pcode: str) -> Place | None:
        try:
            return self.lookup(id_or_pcode)
        except PlaceNotFound:
            return None

    def ids_for_name(self, normalized: str) -> list[str]:
        """Ids of places with this already-normalised name, best first."""
        return self._by_name.get(normalized, [])

    def names(self) -> Iterator[tuple[str, list[str]]]:
        """(normalised name, ids best first) for every name in the index."""
        return iter(self._by_name.items())

    def search(
        self, name: str, *, kind: str | Iterable[str] | None = None, fuzzy: bool = True, limit: int = 20
    ) -> list[Place]:
        """Places called `name` (Arabic or Latin script, any spelling the normaliser folds), best first.

        Falls back to close spellings (difflib) when nothing matches exactly and `fuzzy` is true."""
        kinds = {kind} if isinstance(kind, str) else set(kind) if kind else None
        if kinds and not kinds <= set(KINDS):
            raise ValueError(f"unknown kind(s) {sorted(kinds - set(KINDS))}; expected one of {KINDS}")
        key = normalize_name(name)
        ids = list(self._by_name.get(key, []))
        if not ids and fuzzy and key:
            for close in difflib.get_close_matches(key, self._name_keys, n=5, cutoff=0.85):
                ids.extend(i for i in self._by_name[close] if i not in ids)
        places = [self._places[i] for i in ids]
        if kinds:
            places = [p for p in places if p.kind in kinds]
        return places[:limit]

    @functools.cached_property
    def _name_keys(self) -> list[str]:
        return sorted(self._by_name)

    @functools.cached_property
    def _skeletons(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for p in self._places.values():
            if not p.in_syria:
                continue
            for n in p.names:
                if n and not is_arabic(n):
                    sk = latin_skeleton(n)
                    if len(sk) >= 2 and p.id not in index.setdefault(sk, []):
                        index[sk].append(p.id)
        for ids in index.values():
            ids.sort(key=self._rank)
        return index

    def search_transliteration(self, name: str, *, kind: str | Iterable[str] | None = None) -> list[Place]:
        """Syrian places whose Latin spelling has the same consonant skeleton (Al Lataminah ~ Latmana)."""
        kinds = {kind} if isinstance(kind, str) else set(kind) if kind else None
        sk = latin_skeleton(name)
        if len(sk) < 2:
            return []
        plain = " ".join(latin_words(name))
        scored = []
        for pid in self._skeletons.get(sk, []):
            p = self._places[pid]
            if kinds is not None and p.kind not in kinds:
                continue
            best = max(
                difflib.SequenceMatcher(None, plain, " ".join(latin_words(n))).ratio()
                for n in p.names
                if n and not is_arabic(n)
            )
            if best >= 0.6:  # same consonants is not enough: Shuhayl and Sahl share them
                scored.append((-best, self._rank(pid), p))
        return [p for *_, p in sorted(scored, key=lambda t: (t[0], t[1]))]

    def parents(self, place: Place | str) -> list[Place]:
        """The admin chain above `place`, nearest first (sub-district, district, governorate)."""
        place = self._as_place(place)
        chain: list[Place] = []
        seen = {place.id}
        pid = place.parent_id
        while pid and pid not in seen and pid in self._places:
            seen.add(pid)
            chain.append(self._places[pid])
            pid = self._places[pid].parent_id
        return chain

    def children(self, place: Place | str) -> list[Place]:
        """Entries whose parent is `place` (districts of a governorate, communities of a sub-district...)."""
        place = self._as_place(place)
        return [self._places[i] for i in self._children.get(place.id, [])]

    def admin_names(self, place: Place) -> dict[str, Place | None]:
        """Governorate, district and sub-district of a place (None where not applicable)."""
        return {
            "governorate": self.get(place.admin1) if place.admin1 else None,
            "district": self.get(place.admin2) if place.admin2 else None,
            "subdistrict": self.get(place.admin3) if place.admin3 else None,
        }

    def _as_place(self, place: Place | str) -> Place:
        return place if isinstance(place, Place) else self.lookup(place)

    # ----------------------------------------------------------------------------------------------------- space
    @functools.cached_property
    def _trees(self) -> dict[str, tuple[shapely.STRtree, list[Place]]]:
        trees = {}
        for kind in ("subdistrict", "community"):
            places = [p for p in self._places.values() if p.kind == kind]
            trees[kind] = (shapely.STRtree([p.geometry for p in places]), places)
        return trees

    def reverse(self, lat: float, lon: float, *, max_km: float = 15.0) -> dict[str, Place | None]:
        """Community (nearest within `max_km`), sub-district, district and governorate of a point.

        Outside Syria every value is None."""
        pt = Point(lon, lat)
        tree, subs = self._trees["subdistrict"]
        hits = tree.query(pt, predicate="intersects")
        result: dict[str, Place | None] = {
            "community": None,
            "subdistrict": None,
            "district": None,
            "governorate": None,
        }
        if len(hits) == 0:
            return result
        sub = subs[int(min(hits))]
        result["subdistrict"] = sub
        result["district"] = self.get(sub.admin2) if sub.admin2 else None
        result["governorate"] = self.get(sub.admin1) if sub.admin1 else None
        ctree, comms = self._trees["community"]
        idx = ctree.nearest(pt)
        if idx is not None:
            c = comms[int(idx)]
            if haversine_km(lat, lon, c.lat, c.lon) <= max_km:
                result["community"] = c
        return result

    # ---------------------------------------------------------------------------------------------------- layers
    @functools.cached_property
    def _layers(self) -> dict[str, gpd.GeoDataFrame]:
        return {}

    def layer(self, kind: str) -> gpd.GeoDataFrame:
        """All entries of one kind as a GeoDataFrame in EPSG:4326."""
        import geopandas as gpd

        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; expected one of {KINDS}")
        if kind not in self._layers:
            places = [p for p in self._places.values() if p.kind == kind]
            self._layers[kind] = gpd.GeoDataFrame(
                {
                    "id": [p.id for p in places],
                    "pcode": [p.pcode for p in places],
                    "name_ar": [p.name_ar for p in places],
                    "name_en": [p.name_en for p in places],
                    "subtype": [p.subtype for p in places],
                    "admin1": [p.admin1 for p in places],
                    "admin2": [p.admin2 for p in places],
                    "admin3": [p.admin3 for p in places],
                    "parent_id": [p.parent_id for p in places],
                    "lat": [p.lat for p in places],
                    "lon": [p.lon for p in places],
                    "in_syria": [p.in_syria for p in places],
                    "importance": [p.importance for p in places],
                },
                geometry=[p.geometry for p in places],
                crs="EPSG:4326",
            )
        return self._layers[kind].copy()

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(KINDS, 0)
        for p in self._places.values():
            out[p.kind] = out.get(p.kind, 0) + 1
        return out

    @staticmethod
    def attribution() -> str:
        """The attribution text shipped with the data (sources and licences)."""
        return (DATA_DIR / "ATTRIBUTION.md").read_text(encoding="utf-8")


def read_places(path: str | os.PathLike[str]) -> list[Place]:
    """Places from a gazetteer parquet file."""
    try:
        table = pq.ParquetFile(path).read()  # not pq.read_table: that imports pyarrow.dataset (+0.5 s)
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"cannot read the gazetteer at {path}: {exc}") from exc
    cols = table.to_pydict()
    geoms = shapely.from_wkb(np.array(cols.pop("geometry"), dtype=object))
    n = len(geoms)
    return [
        Place(
            id=cols["id"][i],
            kind=cols["kind"][i],
            name_ar=cols["name_ar"][i] or "",
            name_en=cols["name_en"][i] or "",
            geometry=geoms[i],
            lat=cols["lat"][i],
            lon=cols["lon"][i],
            pcode=cols["pcode"][i],
            subtype=cols["subtype"][i],
            aliases=tuple(cols["aliases"][i] or ()),
            parent_id=cols["parent_id"][i],
            admin1=cols["admin1"][i],
            admin2=cols["admin2"][i],
            admin3=cols["admin3"][i],
            in_syria=cols["in_syria"][i],
            importance=cols["importance"][i],
            population=cols["population"][i],
            country_code=cols["country_code"][i],
            source=cols["source"][i],
            note=cols["note"][i] or "",
        )
        for i in range(n)
    ]


@functools.cache
def _shipped() -> Gazetteer:
    path = DATA_DIR / "gazetteer.parquet"
    if not path.exists():
        raise GazetteerError(f"{path} is missing: run `python -m geomap.build SOURCES` or reinstall geomap")
    return Gazetteer(read_places(path))


def load_gazetteer(path: str | os.PathLike[str] | None = None) -> Gazetteer:
    """The shipped gazetteer (cached per process), or one read from `path`."""
    if path is None:
        return _shipped()
    return Gazetteer(read_places(path))
