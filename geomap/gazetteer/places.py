"""`Gazetteer`: an immutable collection of places with a normalised name index and the admin hierarchy.

A gazetteer never changes once built: `Gazetteer.extended` and `Gazetteer.from_csv` return a new one, so anything
cached on an instance (its indexes, a geoparser built for it) stays valid for as long as the instance lives.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from geomap.arabic import normalize_name
from geomap.exc import PlaceNotFound
from geomap.gazetteer.candidates import MIN_SIMILARITY, NgramIndex, TransliterationIndex
from geomap.gazetteer.name_index import ids_by_name, name_keys
from geomap.gazetteer.rows import Rows
from geomap.gazetteer.schema import Place, count_sources
from geomap.gazetteer.spatial import Admin, SpatialIndex, layer_frame
from geomap.kinds import KINDS

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["DATA_DIR", "Gazetteer", "NameMatch"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_KIND_RANK = {k: i for i, k in enumerate(KINDS)}
_FUZZY_CUTOFF = 0.85  # difflib ratio for a close spelling in `search`: one letter off in a name of seven


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A place found by one of its names spelt otherwise, and how alike the spellings are (0–1)."""

    place: Place
    name: str  # the place's name that matched, as the gazetteer writes it
    similarity: float


class Gazetteer:
    """Places with a normalised name index, the admin hierarchy and spatial look-ups. Immutable.

    Indexes are built when first used, and places when first asked for (`rows.Rows`), so that loading is quick."""

    def __init__(self, places: Iterable[Place], *, keys: Sequence[tuple[str, ...]] | None = None) -> None:
        """`keys`, when given, are the normalised names of each place (`name_index.name_keys`)."""
        places = list(places)
        last = {p.id: i for i, p in enumerate(places)}  # a later place with the same id replaces the earlier one,
        rows = [last[pid] for pid in dict.fromkeys(p.id for p in places)]  # in the earlier one's position
        self._rows = Rows.from_places([places[i] for i in rows], [keys[i] for i in rows] if keys is not None else None)

    @classmethod
    def from_rows(cls, rows: Rows) -> Gazetteer:
        """A gazetteer over `rows` (read from a file by `load.read_gazetteer`)."""
        gaz = cls.__new__(cls)
        gaz._rows = rows
        return gaz

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
        places = list(places)
        merged = {p.id: p for p in self}
        keys = dict(zip(self._rows.ids, self._rows.name_keys(), strict=True))
        merged.update((p.id, p) for p in places)
        for p in places:
            keys.pop(p.id, None)
        pcodes = {p.pcode.upper(): p.id for p in merged.values() if p.pcode}
        for target, alias in aliases:
            pid = target if target in merged else pcodes.get(str(target).strip().upper())
            if pid is None:
                msg = f"no gazetteer entry with id or P-code {target!r} for the alias {alias!r}"
                raise PlaceNotFound(msg)
            p = merged[pid]
            if alias not in p.names:
                merged[pid] = replace(p, aliases=(*p.aliases, alias))
                keys.pop(pid, None)
        folded = name_keys([p for p in merged.values() if p.id not in keys])
        fresh = iter(folded)
        return Gazetteer(merged.values(), keys=[keys[pid] if pid in keys else next(fresh) for pid in merged])

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
        return len(self._rows)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._rows.places())

    def __contains__(self, pid: object) -> bool:
        return pid in self._rows.index

    def _rank(self, pid: str) -> tuple[float, int, str]:
        return self._row_rank(self._rows.index[pid])

    def _row_rank(self, i: int) -> tuple[float, int, str]:
        """Best first: higher importance, then the kind's place in `KINDS`, then the id."""
        rows = self._rows
        return (-rows.column("importance")[i], _KIND_RANK.get(rows.column("kind")[i], len(KINDS)), rows.ids[i])

    def lookup(self, id_or_pcode: str) -> Place:
        """The entry with this id (``C4121``, ``region/syrian-badia``) or P-code (case-insensitive)."""
        i = self._rows.index.get(id_or_pcode)
        if i is None:
            i = self._by_pcode.get(str(id_or_pcode).strip().upper())
        if i is None:
            msg = f"no gazetteer entry with id or P-code {id_or_pcode!r}"
            raise PlaceNotFound(msg)
        return self._rows.place(i)

    def get(self, id_or_pcode: str) -> Place | None:
        try:
            return self.lookup(id_or_pcode)
        except PlaceNotFound:
            return None

    @functools.cached_property
    def _by_pcode(self) -> dict[str, int]:
        return {code.upper(): i for i, code in enumerate(self._rows.column("pcode")) if code}

    @functools.cached_property
    def _by_name(self) -> dict[str, tuple[str, ...]]:
        rows = self._rows
        return ids_by_name(rows.name_keys(), rows.ids, sorted(range(len(rows)), key=self._row_rank))

    def ids_for_name(self, normalized: str) -> tuple[str, ...]:
        """Ids of places with this already-normalised name, best first."""
        return self._by_name.get(normalized, ())

    def names(self) -> Iterator[tuple[str, tuple[str, ...]]]:
        """(normalised name, ids best first) for every name in the index."""
        return iter(self._by_name.items())

    def search(
        self, name: str, *, kind: str | Iterable[str] | None = None, fuzzy: bool = True, limit: int = 20
    ) -> list[Place]:
        """Places called `name`, best first (higher importance, then the kind's rank, then the id).

        Parameters
        ----------
        name : str
            Arabic or Latin script, in any spelling the normaliser folds (hamza forms, ta marbuta, diacritics,
            case, apostrophes and hyphens).
        kind : str or iterable of str, optional
            Keep only places of these kinds (`geomap.kinds.KINDS`); a ValueError names an unknown kind.
        fuzzy : bool, default True
            When no name matches exactly, take close spellings (difflib ratio at least 0.85, found through an
            n-gram index, so that a miss does not compare the query with every name).
        limit : int, default 20
            At most this many places.

        Returns
        -------
        list of Place
        """
        kinds = _kinds(kind)
        key = normalize_name(name)
        ids = list(self._by_name.get(key, ()))
        if not ids and fuzzy and key:
            for close in self._ngrams.close(key, cutoff=_FUZZY_CUTOFF):
                ids.extend(i for i in self._by_name[close] if i not in ids)
        places = [self._place(i) for i in ids]
        if kinds:
            places = [p for p in places if p.kind in kinds]
        return places[:limit]

    @functools.cached_property
    def _ngrams(self) -> NgramIndex:
        return NgramIndex(self._by_name)

    @functools.cached_property
    def _transliterations(self) -> TransliterationIndex:
        rows = self._rows
        syrian = rows.column("in_syria")
        names = zip(rows.column("name_ar"), rows.column("name_en"), rows.column("aliases"), strict=True)
        return TransliterationIndex(
            (i, n) for i, (ar, en, aliases) in enumerate(names) if syrian[i] for n in (ar, en, *aliases) if n
        )

    def search_transliteration(
        self, name: str, *, kind: str | Iterable[str] | None = None, min_similarity: float = MIN_SIMILARITY
    ) -> list[NameMatch]:
        """Syrian places with a name that another romanisation of `name` writes, most alike first.

        Parameters
        ----------
        name : str
            A Latin-script name as a table writes it (Al Lataminah, Taybeh, Ain al-Arab).
        kind : str or iterable of str, optional
            Keep only places of these kinds.
        min_similarity : float, default `candidates.MIN_SIMILARITY`
            How alike the transliteration forms must be (`geomap.transliteration.form_similarity`); places known
            only by an Arabic name are compared by consonants and count at most
            `candidates.ARABIC_ONLY_SIMILARITY`.

        Returns
        -------
        list of NameMatch
            Most alike first, then by rank (importance, kind, id); one per place.
        """
        kinds = _kinds(kind)
        rows = self._rows
        out = []
        for m in self._transliterations.search(name, min_similarity=min_similarity):
            if kinds is None or rows.column("kind")[m.row] in kinds:
                out.append((-m.similarity, self._row_rank(m.row), m))
        out.sort(key=lambda t: (t[0], t[1]))
        return [NameMatch(rows.place(m.row), m.name, m.similarity) for *_, m in out]

    # ------------------------------------------------------------------------------------------------ hierarchy
    def parents(self, place: Place | str) -> list[Place]:
        """The admin chain above `place`, nearest first (sub-district, district, governorate)."""
        place = self._as_place(place)
        chain: list[Place] = []
        seen = {place.id}
        pid = place.parent_id
        while pid and pid not in seen and pid in self:
            seen.add(pid)
            chain.append(self._place(pid))
            pid = chain[-1].parent_id
        return chain

    def children(self, place: Place | str) -> list[Place]:
        """Entries whose parent is `place` (districts of a governorate, communities of a sub-district...)."""
        place = self._as_place(place)
        return [self._rows.place(i) for i in self._children.get(place.id, ())]

    @functools.cached_property
    def _children(self) -> dict[str, list[int]]:
        children: dict[str, list[int]] = {}
        for i, parent in enumerate(self._rows.column("parent_id")):
            if parent:
                children.setdefault(parent, []).append(i)
        return children

    def places_of_kind(self, kind: str) -> list[Place]:
        """Every entry of one kind, best first (importance, then id)."""
        _kinds(kind)
        rows = self._rows
        found = [i for i, k in enumerate(rows.column("kind")) if k == kind]
        return [rows.place(i) for i in sorted(found, key=self._row_rank)]

    def admin_names(self, place: Place) -> dict[str, Place | None]:
        """Governorate, district and sub-district of a place (None where not applicable)."""
        return {
            "governorate": self.get(place.admin1) if place.admin1 else None,
            "district": self.get(place.admin2) if place.admin2 else None,
            "subdistrict": self.get(place.admin3) if place.admin3 else None,
        }

    def _as_place(self, place: Place | str) -> Place:
        return place if isinstance(place, Place) else self.lookup(place)

    def _place(self, pid: str) -> Place:
        return self._rows.place(self._rows.index[pid])

    # ----------------------------------------------------------------------------------------- space and layers
    @functools.cached_property
    def _spatial(self) -> SpatialIndex:
        return SpatialIndex(self._rows)

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
            rows = self._rows
            self._layers[kind] = layer_frame([rows.place(i) for i, k in enumerate(rows.column("kind")) if k == kind])
        return self._layers[kind].copy()

    @functools.cached_property
    def _layers(self) -> dict[str, gpd.GeoDataFrame]:
        return {}

    def counts(self) -> dict[str, int]:
        """Entries per kind (every kind, zero included)."""
        out = dict.fromkeys(KINDS, 0)
        for kind in self._rows.column("kind"):
            out[kind] = out.get(kind, 0) + 1
        return out

    def source_counts(self) -> dict[str, int]:
        """Entries per source (the namespaces of `Place.source_ids`: ocha2015, wof, geonames ...)."""
        return count_sources(self._rows.column("source_ids"))

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
