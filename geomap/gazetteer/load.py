"""Reading gazetteer files: the shipped one, shared by the whole process, or any other."""

from __future__ import annotations

import functools
import os

import pyarrow as pa
import pyarrow.parquet as pq

from geomap.exc import GazetteerError
from geomap.gazetteer.places import DATA_DIR, Gazetteer
from geomap.gazetteer.rows import Rows
from geomap.gazetteer.schema import Place

__all__ = ["load_gazetteer", "read_gazetteer", "read_places"]


def read_places(path: str | os.PathLike[str]) -> list[Place]:
    """Places from a gazetteer parquet file."""
    return list(_read_rows(path).places())


def read_gazetteer(path: str | os.PathLike[str]) -> Gazetteer:
    """A gazetteer from a parquet file: its columns as read, places and indexes made when first used."""
    return Gazetteer.from_rows(_read_rows(path))


def _read_rows(path: str | os.PathLike[str]) -> Rows:
    try:
        # Not pq.read_table: that imports pyarrow.dataset (+0.5 s). One thread: a 10 MB table decodes in less time
        # than a thread pool takes to start and stop.
        table = pq.ParquetFile(path).read(use_threads=False)
        return Rows.from_table(table)
    except (OSError, ValueError, pa.ArrowException) as exc:
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
