"""The normalised name index: each place's names folded as text is folded, stored beside the places in the
gazetteer file so that loading does not fold 50,000 names again.

The stored keys carry a fingerprint of the normaliser; a file folded by another version of it is re-folded on load.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence

import pyarrow as pa

from geomap.arabic import normalize_name
from geomap.gazetteer.schema import Place

__all__ = ["FINGERPRINT_KEY", "NAME_KEYS", "fingerprint", "name_keys", "with_name_index"]

NAME_KEYS = "name_keys"  # table column: the normalised form of each of a place's `names`, in order
FINGERPRINT_KEY = b"geomap:normalize_name"  # table metadata: `fingerprint()` of the normaliser that made the keys
_PROBE_END = 0xD800  # every character of the Basic Multilingual Plane below the surrogates


@functools.cache
def fingerprint() -> str:
    """A digest of what `normalize_name` does to every BMP character (and to spaces between words)."""
    probe = " ".join(chr(i) for i in range(0x21, _PROBE_END)) + "  a \t b "
    return hashlib.sha256(normalize_name(probe).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def name_keys(places: Sequence[Place]) -> list[tuple[str, ...]]:
    """The normalised form of each name of each place (`Place.names` order)."""
    return [tuple(normalize_name(n) for n in p.names) for p in places]


def with_name_index(table: pa.Table, places: Sequence[Place]) -> pa.Table:
    """`table` (the places, in order) with the `NAME_KEYS` column and the normaliser's fingerprint."""
    keys = pa.array(name_keys(places), type=pa.list_(pa.string()))
    return table.append_column(NAME_KEYS, keys).replace_schema_metadata({FINGERPRINT_KEY: fingerprint()})
