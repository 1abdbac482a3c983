"""The normalised name index: each place's names folded as text is folded, stored beside the places in the
gazetteer file so that a gazetteer does not fold 60,000 names again, and the index from a name to its places.

The stored keys carry a fingerprint of the normaliser; a file folded by another version of it is re-folded.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Sequence

import pyarrow as pa

from geomap.arabic import normalize_name
from geomap.gazetteer.schema import Place

__all__ = ["FINGERPRINT_KEY", "NAME_KEYS", "fingerprint", "ids_by_name", "name_keys", "with_name_index"]

NAME_KEYS = "name_keys"  # table column: the normalised form of each of a place's `names`, in order
FINGERPRINT_KEY = b"geomap:normalize_name"  # table metadata: `fingerprint()` of the normaliser that made the keys
_PROBE_END = 0xD800  # every character of the Basic Multilingual Plane below the surrogates


@functools.cache
def fingerprint() -> str:
    """A digest of what `normalize_name` does to every BMP character (and to spaces between words)."""
    probe = "".join(map(chr, range(0x21, _PROBE_END))) + "  a \t b "
    return hashlib.sha256(normalize_name(probe).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def name_keys(places: Sequence[Place]) -> list[tuple[str, ...]]:
    """The normalised form of each name of each place (`Place.names` order)."""
    return [tuple(normalize_name(n) for n in p.names) for p in places]


def with_name_index(table: pa.Table, places: Sequence[Place]) -> pa.Table:
    """`table` (the places, in order) with the `NAME_KEYS` column and the normaliser's fingerprint."""
    keys = pa.array(name_keys(places), type=pa.list_(pa.string()))
    return table.append_column(NAME_KEYS, keys).replace_schema_metadata({FINGERPRINT_KEY: fingerprint()})


def ids_by_name(
    keys: Sequence[tuple[str, ...]], ids: Sequence[str], order: Iterable[int]
) -> dict[str, tuple[str, ...]]:
    """Each normalised name → the ids of the places that bear it, in `order` (row numbers, best place first)."""
    index: dict[str, tuple[str, ...]] = {}
    for i in order:
        pid = ids[i]
        for key in keys[i]:
            if key:
                have = index.get(key, ())
                if not have:
                    index[key] = (pid,)
                elif have[-1] != pid:  # two names of one place may fold alike
                    index[key] = (*have, pid)
    return index
