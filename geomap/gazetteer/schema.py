"""The gazetteer's one schema: the `Place` record, and its table form (columns, Arrow types, layers) derived from it.

The column order of ``gazetteer.parquet`` is the field order of `Place`; the build writes places with
`places_to_table` and `load_gazetteer` reads them back with `places_from_table`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import shapely
from shapely.geometry.base import BaseGeometry

from geomap.kinds import Importance

__all__ = [
    "ARROW_SCHEMA",
    "COLUMNS",
    "CURATION",
    "EMPTY_IS_NONE",
    "LAYER_COLUMNS",
    "TUPLE_COLUMNS",
    "Place",
    "count_sources",
    "places_to_table",
]


@dataclass(frozen=True, slots=True, eq=False, kw_only=True)
class Place:
    """One gazetteer entry. `lat`/`lon` is a representative point inside the geometry."""

    id: str
    pcode: str | None = None
    kind: str
    subtype: str | None = None
    name_ar: str
    name_en: str
    aliases: tuple[str, ...] = ()
    parent_id: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    lat: float
    lon: float
    in_syria: bool = True
    importance: float = Importance.VILLAGE
    population: int | None = None
    country_code: str = "SY"
    source: str = ""
    source_ids: tuple[str, ...] = ()  # ``namespace:id`` of every source record merged here (ocha2015:C4121 ...)
    note: str = ""
    geometry: BaseGeometry

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the place: Arabic, English, then aliases."""
        return tuple(n for n in (self.name_ar, self.name_en, *self.aliases) if n)

    @property
    def name(self) -> str:
        return self.name_ar or self.name_en

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready dict of the entry (every column but the geometry; lat/lon is its representative point)."""
        return {
            c: list(v) if isinstance(v := getattr(self, c), tuple) else v for c in COLUMNS if c not in _RECORD_OMITS
        }

    def __repr__(self) -> str:
        return f"Place({self.id!r}, {self.kind}, {self.name_ar!r}, {self.name_en!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Place) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)


_ARROW_TYPES = {  # annotation of a Place field → Arrow type of its column
    "str": pa.string(),
    "str | None": pa.string(),
    "tuple[str, ...]": pa.list_(pa.string()),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "int | None": pa.int64(),
    "BaseGeometry": pa.binary(),  # WKB, little-endian, 2D
}
_FIELDS = dataclasses.fields(Place)
COLUMNS: tuple[str, ...] = tuple(f.name for f in _FIELDS)
ARROW_SCHEMA = pa.schema([pa.field(f.name, _ARROW_TYPES[str(f.type)]) for f in _FIELDS])
_RECORD_OMITS = frozenset({"geometry"})
_LAYER_OMITS = frozenset({"kind", "aliases", "population", "country_code", "source", "source_ids", "note", "geometry"})
LAYER_COLUMNS: tuple[str, ...] = tuple(c for c in COLUMNS if c not in _LAYER_OMITS)  # columns of `Gazetteer.layer`
TUPLE_COLUMNS = frozenset(f.name for f in _FIELDS if str(f.type) == "tuple[str, ...]")
EMPTY_IS_NONE = frozenset({"name_ar", "name_en", "note"})  # text columns where a null cell reads as ""


def places_to_table(places: Sequence[Place]) -> pa.Table:
    """The places as an Arrow table with `ARROW_SCHEMA` (geometry as WKB)."""
    cols: dict[str, Any] = {c: [getattr(p, c) for p in places] for c in COLUMNS if c != "geometry"}
    geoms = np.array([p.geometry for p in places], dtype=object)
    cols["geometry"] = shapely.to_wkb(geoms, output_dimension=2, byte_order=1)
    return pa.table([pa.array(cols[c], type=ARROW_SCHEMA.field(c).type) for c in COLUMNS], schema=ARROW_SCHEMA)


CURATION = "geomap curation"  # the source of entries without a `source_ids` namespace


def count_sources(source_ids: Iterable[tuple[str, ...]]) -> dict[str, int]:
    """Entries per source namespace of their `source_ids` (`CURATION` for entries without one), sorted by name;
    an entry merged from several sources counts under each."""
    counts: dict[str, int] = {}
    for ids in source_ids:
        for ns in {i.split(":", 1)[0] for i in ids} or {CURATION}:
            counts[ns] = counts.get(ns, 0) + 1
    return dict(sorted(counts.items()))
