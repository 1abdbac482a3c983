"""Reading gazetteer files: the shipped one, shared by the whole process, or any other."""

from __future__ import annotations

import functools
import os

import pyarrow.parquet as pq

from geomap.exc import GazetteerError
from geomap.gazetteer.places import DATA_DIR, Gazetteer
from geomap.gazetteer.schema import Place, places_from_table

__all__ = ["load_gazetteer", "read_places"]


def read_places(path: str | os.PathLike[str]) -> list[Place]:
    """Places from a gazetteer parquet file."""
    try:
        table = pq.ParquetFile(path).read()  # not pq.read_table: that imports pyarrow.dataset (+0.5 s)
        return places_from_table(table)
    except (OSError, ValueError) as exc:
        msg = f"cannot read the gazetteer at {path}: {exc}"
        raise GazetteerError(msg) from exc


@functools.cache
def _shipped() -> Gazetteer:
    path = DATA_DIR / "gazetteer.parquet"
    if not path.exists():
        msg = f"{path} is missing: run `python -m geomap.build SOURCES` or reinstall geomap"
        raise GazetteerError(msg)
    return Gazetteer(read_places(path))


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
    return Gazetteer(read_places(path))
