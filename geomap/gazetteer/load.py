"""Reading gazetteer files: the shipped one, shared by the whole process, or any other."""

from __future__ import annotations

import functools
import os

import pyarrow as pa
import pyarrow.parquet as pq

from geomap.exc import GazetteerError
from geomap.gazetteer.name_index import FINGERPRINT_KEY, NAME_KEYS, fingerprint
from geomap.gazetteer.places import DATA_DIR, Gazetteer
from geomap.gazetteer.schema import Place, places_from_table

__all__ = ["load_gazetteer", "read_gazetteer", "read_places"]


def read_places(path: str | os.PathLike[str]) -> list[Place]:
    """Places from a gazetteer parquet file."""
    return places_from_table(_read_table(path))


def read_gazetteer(path: str | os.PathLike[str]) -> Gazetteer:
    """A gazetteer from a parquet file, with its stored name index when the current normaliser made it."""
    table = _read_table(path)
    places = places_from_table(table)
    meta = table.schema.metadata or {}
    stored = NAME_KEYS in table.column_names and meta.get(FINGERPRINT_KEY, b"").decode() == fingerprint()
    keys = [tuple(k) for k in table.column(NAME_KEYS).to_pylist()] if stored else None
    return Gazetteer(places, keys=keys)


def _read_table(path: str | os.PathLike[str]) -> pa.Table:
    try:
        return pq.ParquetFile(path).read()  # not pq.read_table: that imports pyarrow.dataset (+0.5 s)
    except (OSError, ValueError) as exc:
        msg = f"cannot read the gazetteer at {path}: {exc}"
        raise GazetteerError(msg) from exc


@functools.cache
def _shipped() -> Gazetteer:
    path = DATA_DIR / "gazetteer.parquet"
    if not path.exists():
        msg = f"{path} is missing: run `python -m geomap.build SOURCES` or reinstall geomap"
        raise GazetteerError(msg)
    return read_gazetteer(path)


def load_gazetteer(path: str | os.PathLike[str] | None = None) -> Gazetteer:
    """The shipped gazetteer, or one read from `path`.

    Parameters
    ----------
    path : path-like, optional
        A gazetteer parquet file written by ``python -m geomap.build``; the shipped one when omitted.

    Returns
    -------
    Gazetteer
        The shipped gazetteer is read once per process and shared: it is immutable, and adding names
        (`Gazetteer.extended`, `Gazetteer.from_csv`) returns a new instance.
    """
    if path is None:
        return _shipped()
    return read_gazetteer(path)
