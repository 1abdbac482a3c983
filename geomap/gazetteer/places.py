"""`Gazetteer`: an immutable collection of places with a normalised name index and the admin hierarchy.

A gazetteer never changes once built: `Gazetteer.extended` and `Gazetteer.from_csv` return a new one, so anything
cached on an instance (its indexes, a geoparser built for it) stays valid for as long as the instance lives.
"""

from __future__ import annotations

import difflib
import functools
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from geomap.arabic import is_arabic, latin_skeleton, latin_words, normalize_name
from geomap.exc import PlaceNotFound
from geomap.gazetteer.name_index import name_keys
from geomap.gazetteer.schema import Place, count_sources
from geomap.gazetteer.spatial import Admin, SpatialIndex, layer_frame
from geomap.kinds import KINDS

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["DATA_DIR", "Gazetteer"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_KIND_RANK = {k: i for i, k in enumerate(KINDS)}
_FUZZY_CUTOFF = 0.85  # difflib ratio for a close spelling in `search`: one letter off in a name of seven
_TRANSLIT_MIN_RATIO = 0.6  # same consonants is not enough: Shuhayl and Sahl share them


class Gazetteer:
    """Places with a normalised name index, the admin hierarchy and spatial look-ups. Immutable."""

    def __init__(self, places: Iterable[Place], *, keys: Sequence[tuple[str, ...]] | None = None) -> None:
        """`keys`, when given, are the normalised names of each place (`name_index.name_keys`), read from a file."""
        places = list(places)
        keys = keys if keys is not None else name_keys(places)
        self._places: dict[str, Place] = {}
        named: dict[str, tuple[str, ...]] = {}
        for p, k in zip(places, keys, strict=True):
            self._places[p.id] = p  # a later place with the same id replaces the earlier one
            named[p.id] = k
        self._by_pcode = {p.pcode.upper(): p.id for p in self._places.values() if p.pcode}
        children: dict[str, list[str]] = {}
        by_name: dict[str, dict[str, None]] = {}  # ordered sets
        for p in self._places.values():
            if p.parent_id:
                children.setdefault(p.parent_id, []).append(p.id)
            for key in named[p.id]:
                if key:
                    by_name.setdefault(key, {})[p.id] = None
        self._children = {k: tuple(v) for k, v in children.items()}
        rank = {pid: self._rank(pid) for pid in self._places}
        self._by_name = {
            k: tuple(v) if len(v) == 1 else tuple(sorted(v, key=rank.__getitem__)) for k, v in by_name.items()
        }

    # ------------------------------------------------------------------------------------------ new gazetteers
    def extended(self, *, places: Iterable[Place] = (), aliases: Iterable[tuple[str, str]] = ()) -> Gazetteer:
        """A new gazetteer with `places` added (replacing entries of the same id) and aliases attached.

        Parameters
        ----------
        places : iterable of Place
            Entries to add; one whose id exists replaces the existing entry.
        aliases : iterable of (str, str)
            ``(id or P-code, alias)`` pairs; the target may be one of `places`.

        Returns
        -------
        Gazetteer
            A new instance; this one is unchanged.
        """
        merged = dict(self._places)
        merged.update((p.id, p) for p in places)
        pcodes = {p.pcode.upper(): p.id for p in merged.values() if p.pcode}
        for target, alias in aliases:
            pid = target if target in merged else pcodes.get(str(target).strip().upper())
            if pid is None:
                msg = f"no gazetteer entry with id or P-code {target!r} for the alias {alias!r}"
                raise PlaceNotFound(msg)
            p = merged[pid]
            if alias not in p.names:
                merged[pid] = replace(p, aliases=(*p.aliases, alias))
        return Gazetteer(merged.values())

    @classmethod
    def from_csv(cls, path: str | os.PathLike[str], *, base: Gazetteer | None = None) -> Gazetteer:
        """A new gazetteer: `base` (the shipped one by default) with the local names of a CSV file.

        Parameters
        ----------
        path : path-like
            A UTF-8 CSV. Rows with ``target`` (an existing id or P-code) and ``alias`` add an alias. Rows with
            ``id``, ``name_ar`` or ``name_en`` (optionally ``kind``, ``aliases`` separated by ``|``), ``lat`` and
            ``lon`` add a place; its admin units are found by point-in-polygon.
        base : Gazetteer, optional
            The gazetteer to extend; it is left unchanged.

        Returns
        -------
        Gazetteer
        """
        from geomap.gazetteer.load import load_gazetteer
        from geomap.gazetteer.local_names import read_local_names

        base = base if base is not None else load_gazetteer()
        places, aliases = read_local_names(path, base)
        return base.extended(places=places, aliases=aliases)

    # -------------------------------------------------------------------------------------------------- look-ups
    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places.values())

    def __contains__(self, pid: object) -> bool:
        return pid in self._places

    def _rank(self, pid: str) -> tuple[float, int, str]:
        p = self._places[pid]
        return (-p.importance, _KIND_RANK.get(p.kind, len(KINDS)), pid)

    def lookup(self, id_or_pcode: str) -> Place:
        """The entry with this id (``C4121``, ``region/syrian-badia``) or P-code (case-insensitive)."""
        if id_or_pcode in self._places:
            return self._places[id_or_pcode]
        pid = self._by_pcode.get(str(id_or_pcode).strip().upper())
        if pid is None:
            msg = f"no gazetteer entry with id or P-code {id_or_pcode!r}"
            raise PlaceNotFound(msg)
        return self._places[pid]

    def get(self, id_or_pcode: str) -> Place | None:
        try:
            return self.lookup(id_or_pcode)
        except PlaceNotFound:
            return None

    def ids_for_name(self, normalized: str) -> tuple[str, ...]:
        """Ids of places with this already-normalised name, best first."""
        return self._by_name.get(normalized, ())

    def names(self) -> Iterator[tuple[str, tuple[str, ...]]]:
        """(normalised name, ids best first) for every name in the index."""
        return iter(self._by_name.items())

    def search(
        self, name: str, *, kind: str | Iterable[str] | None = None, fuzzy: bool = True, limit: int = 20
    ) -> list[Place]:
        """Places called `name` (Arabic or Latin script, any spelling the normaliser folds), best first.

        Falls back to close spellings (difflib) when nothing matches exactly and `fuzzy` is true."""
        kinds = _kinds(kind)
        key = normalize_name(name)
        ids = list(self._by_name.get(key, ()))
        if not ids and fuzzy and key:
            for close in difflib.get_close_matches(key, self._name_keys, n=5, cutoff=_FUZZY_CUTOFF):
                ids.extend(i for i in self._by_name[close] if i not in ids)
        places = [self._places[i] for i in ids]
        if kinds:
            places = [p for p in places if p.kind in kinds]
        return places[:limit]

    @functools.cached_property
    def _name_keys(self) -> list[str]:
        return sorted(self._by_name)

    @functools.cached_property
    def _skeletons(self) -> dict[str, tuple[str, ...]]:
        index: dict[str, list[str]] = {}
        for p in self._places.values():
            if not p.in_syria:
                continue
            for n in p.names:
                if n and not is_arabic(n):
                    sk = latin_skeleton(n)
                    if len(sk) >= 2 and p.id not in index.setdefault(sk, []):
                        index[sk].append(p.id)
        return {sk: tuple(sorted(ids, key=self._rank)) for sk, ids in index.items()}

    def search_transliteration(self, name: str, *, kind: str | Iterable[str] | None = None) -> list[Place]:
        """Syrian places whose Latin spelling has the same consonant skeleton (Al Lataminah ~ Latmana)."""
        kinds = _kinds(kind)
        sk = latin_skeleton(name)
        if len(sk) < 2:
            return []
        plain = " ".join(latin_words(name))
        scored = []
        for pid in self._skeletons.get(sk, ()):
            p = self._places[pid]
            if kinds is not None and p.kind not in kinds:
                continue
            best = max(
                difflib.SequenceMatcher(None, plain, " ".join(latin_words(n))).ratio()
                for n in p.names
                if n and not is_arabic(n)
            )
            if best >= _TRANSLIT_MIN_RATIO:
                scored.append((-best, self._rank(pid), p))
        return [p for *_, p in sorted(scored, key=lambda t: (t[0], t[1]))]

    # ------------------------------------------------------------------------------------------------ hierarchy
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
        return [self._places[i] for i in self._children.get(place.id, ())]

    def admin_names(self, place: Place) -> dict[str, Place | None]:
        """Governorate, district and sub-district of a place (None where not applicable)."""
        return {
            "governorate": self.get(place.admin1) if place.admin1 else None,
            "district": self.get(place.admin2) if place.admin2 else None,
            "subdistrict": self.get(place.admin3) if place.admin3 else None,
        }

    def _as_place(self, place: Place | str) -> Place:
        return place if isinstance(place, Place) else self.lookup(place)

    # ----------------------------------------------------------------------------------------- space and layers
    @functools.cached_property
    def _spatial(self) -> SpatialIndex:
        return SpatialIndex(self._places.values())

    def reverse(self, lat: float, lon: float, *, max_km: float = 15.0) -> dict[str, Place | None]:
        """Community (nearest within `max_km`), sub-district, district and governorate of a point.

        Outside Syria every value is None."""
        admin: Admin = self._spatial.locate(lat, lon, max_km=max_km)
        sub = admin.subdistrict
        return {
            "community": admin.community,
            "subdistrict": sub,
            "district": self.get(sub.admin2) if sub and sub.admin2 else None,
            "governorate": self.get(sub.admin1) if sub and sub.admin1 else None,
        }

    def layer(self, kind: str) -> gpd.GeoDataFrame:
        """All entries of one kind as a GeoDataFrame in EPSG:4326."""
        _kinds(kind)
        if kind not in self._layers:
            self._layers[kind] = layer_frame([p for p in self._places.values() if p.kind == kind])
        return self._layers[kind].copy()

    @functools.cached_property
    def _layers(self) -> dict[str, gpd.GeoDataFrame]:
        return {}

    def counts(self) -> dict[str, int]:
        """Entries per kind (every kind, zero included)."""
        out = dict.fromkeys(KINDS, 0)
        for p in self._places.values():
            out[p.kind] = out.get(p.kind, 0) + 1
        return out

    def source_counts(self) -> dict[str, int]:
        """Entries per source (the namespaces of `Place.source_ids`: ocha2015, wof, geonames ...)."""
        return count_sources(self._places.values())

    @staticmethod
    def attribution() -> str:
        """The attribution text shipped with the data (sources and licences)."""
        return (DATA_DIR / "ATTRIBUTION.md").read_text(encoding="utf-8")


def _kinds(kind: str | Iterable[str] | None) -> set[str] | None:
    kinds = {kind} if isinstance(kind, str) else set(kind) if kind else None
    if kinds and not kinds <= set(KINDS):
        msg = f"unknown kind(s) {sorted(kinds - set(KINDS))}; expected one of {KINDS}"
        raise ValueError(msg)
    return kinds
