"""geomap: Arabic reporting about Syria to maps.

    >>> import geomap
    >>> [m.place.name_en for m in geomap.geoparse("قصف على بلدة سرمدا بريف إدلب")]
    ['Sarmada', 'Idleb']

The public names below are imported on first use (PEP 562), so `import geomap` stays fast and a script that only
needs the gazetteer does not load folium or geopandas.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# Imported eagerly: the function shares its name with its module, which Python would otherwise bind here once any
# code imports `geomap.geoparse`. It needs only the gazetteer and the matcher, not geopandas or folium.
from geomap.geoparse import geoparse

_EXPORTS = {
    "GazetteerError": "geomap.exc",
    "GeomapError": "geomap.exc",
    "InputError": "geomap.exc",
    "OutputError": "geomap.exc",
    "PlaceNotFound": "geomap.exc",
    "Gazetteer": "geomap.gazetteer",
    "Place": "geomap.gazetteer",
    "load_gazetteer": "geomap.gazetteer",
    "SyriaGeocoder": "geomap.geocoder",
    "Mention": "geomap.geoparse",
    "ColumnMap": "geomap.incidents",
    "Incidents": "geomap.incidents",
    "MentionScope": "geomap.incidents",
    "geocode_incidents": "geomap.incidents",
    "read_incidents": "geomap.incidents",
    "iter_incidents": "geomap.incidents",
    "to_geojson": "geomap.io.writers",
    "write_geojson": "geomap.io.writers",
    "admin_counts": "geomap.layers",
    "LayerFormat": "geomap.layers",
    "build_layers": "geomap.layers",
    "write_layers": "geomap.layers",
    "incident_map": "geomap.maps",
    "save_map": "geomap.maps",
}

__all__ = [*sorted(_EXPORTS), "__version__", "geoparse", "sample_path"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'geomap' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


def sample_path(name: str = "") -> str:
    """Path of the shipped sample data folder, or of one file in it (reports.jsonl, incidents_acled.csv)."""
    from pathlib import Path

    folder = Path(__file__).resolve().parent / "data" / "samples"
    return str(folder / name) if name else str(folder)
