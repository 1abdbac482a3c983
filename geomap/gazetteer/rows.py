"""The gazetteer's rows: places kept as columns, each `Place` (and its geometry) built the first time it is asked for.

A gazetteer read from a file holds the Arrow table as read: loading converts nothing but the ids. Columns become
Python lists when a look-up first needs them, a place's geometry is decoded from WKB when the place is first built,
and the spatial index decodes only the polygons and points it indexes. A gazetteer made from `Place` records holds
the records themselves.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

import numpy as np
import pyarrow as pa
import shapely

from geomap.gazetteer.name_index import FINGERPRINT_KEY, NAME_KEYS, fingerprint, name_keys
from geomap.gazetteer.schema import COLUMNS, EMPTY_IS_NONE, TUPLE_COLUMNS, Place

__all__ = ["Rows"]

_FIELDS = tuple(c for c in COLUMNS if c != "geometry")


class Rows:
    """Places by row number, with their ids, columns and name keys. Build with `from_table` or `from_places`."""

    def __init__(self, ids: list[str], cache: list[Place | None]) -> None:
        self.ids = ids
        self.index = {pid: i for i, pid in enumerate(ids)}
        self._cache = cache
        self._columns: dict[str, list[Any]] = {}
        self._table: pa.Table | None = None
        self._geometry: pa.Array | None = None  # the WKB column of the table
        self._keys: list[tuple[str, ...]] | None = None

    @classmethod
    def from_table(cls, table: pa.Table) -> Rows:
        """Rows of a table in the schema's layout (`schema.places_to_table`, with or without the name index)."""
        missing = [c for c in COLUMNS if c not in table.column_names]
        if missing:  # extra columns (the stored name index) are not the schema's business
            msg = f"gazetteer table lacks the column(s) {missing}"
            raise ValueError(msg)
        ids = table.column("id").to_pylist()
        rows = cls(ids, [None] * len(ids))
        rows._table = table
        wkb = table.column("geometry")
        rows._geometry = wkb.chunk(0) if wkb.num_chunks == 1 else wkb.combine_chunks()
        return rows

    @classmethod
    def from_places(cls, places: Sequence[Place], keys: Sequence[tuple[str, ...]] | None = None) -> Rows:
        """Rows of `places` (ids unique); `keys`, when given, are their normalised names (`name_index.name_keys`)."""
        rows = cls([p.id for p in places], list(places))
        rows._keys = list(keys) if keys is not None else None
        return rows

    def __len__(self) -> int:
        return len(self.ids)

    # ------------------------------------------------------------------------------------------------ places
    def place(self, i: int) -> Place:
        """The place of row `i`, built on first access."""
        p = self._cache[i]
        if p is None:
            fields = {c: self.column(c)[i] for c in _FIELDS}
            p = self._cache[i] = Place(**fields, geometry=shapely.from_wkb(self._geometry[i].as_py()))  # type: ignore[index]
        return p

    def places(self) -> list[Place]:
        """Every place, in row order (the geometries decoded together)."""
        missing = [i for i, p in enumerate(self._cache) if p is None]
        if missing:
            geoms = self.geometries(missing)
            cols = [self.column(c) for c in _FIELDS]
            for i, geom in zip(missing, geoms, strict=True):
                self._cache[i] = Place(**{c: col[i] for c, col in zip(_FIELDS, cols, strict=True)}, geometry=geom)
        return self._cache  # type: ignore[return-value]  # every entry is filled now

    def geometries(self, rows: Sequence[int]) -> np.ndarray:
        """The geometries of `rows`, decoded at once where their places are not built yet."""
        if self._geometry is None:
            return np.array([self._cache[i].geometry for i in rows], dtype=object)  # type: ignore[union-attr]
        wkb = self._geometry  # not take(pa.array(...)): that imports pandas
        return shapely.from_wkb(np.array([wkb[i].as_py() for i in rows], dtype=object))

    # ----------------------------------------------------------------------------------------------- columns
    def column(self, name: str) -> list[Any]:
        """One field of every place, as Python values (tuples for aliases and source ids)."""
        if name not in self._columns:
            if self._table is None:
                self._columns[name] = [getattr(p, name) for p in self._cache]
            else:
                self._columns[name] = _to_python(self._table.column(name), name)
        return self._columns[name]

    def name_keys(self) -> list[tuple[str, ...]]:
        """The normalised form of each name of each place: stored in the file when the current normaliser made it,
        folded again otherwise."""
        if self._keys is None:
            table = self._table
            stored = table is not None and NAME_KEYS in table.column_names
            meta = (table.schema.metadata or {}) if table is not None else {}
            if stored and meta.get(FINGERPRINT_KEY, b"").decode() == fingerprint():
                self._keys = _to_python(table.column(NAME_KEYS), NAME_KEYS)  # type: ignore[union-attr]
            else:
                self._keys = name_keys(self.places())
        return self._keys


def _to_python(column: pa.ChunkedArray, name: str) -> list[Any]:
    if name in TUPLE_COLUMNS or name == NAME_KEYS:
        arr = column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()
        flat = arr.flatten().to_pylist()
        offsets = arr.offsets.to_pylist()  # not to_numpy(): that imports pandas
        offsets = [o - offsets[0] for o in offsets]
        return [tuple(flat[a:b]) for a, b in itertools.pairwise(offsets)]
    values = column.to_pylist()
    return [v or "" for v in values] if name in EMPTY_IS_NONE else values
