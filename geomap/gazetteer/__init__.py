"""The shipped Syrian gazetteer: places, their names, hierarchy, geometry and layers.

``load_gazetteer()`` reads ``geomap/data/gazetteer.parquet`` (built by ``python -m geomap.build``) once per process
and returns a shared, immutable `Gazetteer`. Local names (a CSV, or `Place` records) make a new one:
``Gazetteer.from_csv(path, base=gaz)`` or ``gaz.extended(places=..., aliases=...)``.

Modules: `schema` (the `Place` record and its table form), `places` (the `Gazetteer` and its name index),
`spatial` (point-in-polygon and layers), `local_names` (a user's CSV), `load` (reading files).
"""

from __future__ import annotations

from geomap.gazetteer.load import load_gazetteer, read_places
from geomap.gazetteer.places import DATA_DIR, Gazetteer, NameMatch
from geomap.gazetteer.schema import Place
from geomap.kinds import KINDS

__all__ = ["DATA_DIR", "KINDS", "Gazetteer", "NameMatch", "Place", "load_gazetteer", "read_places"]
