"""geomap: Arabic reporting about Syria to maps.

>>> import geomap
>>> [m.place.name_en for m in geomap.geoparse("قصف على بلدة سرمدا بريف إدلب")]
['Sarmada', 'Idleb']
"""

from __future__ import annotations

__version__ = "0.1.0"

from geomap.exc import GazetteerError, GeomapError, InputError, OutputError, PlaceNotFound
from geomap.gazetteer import Gazetteer, Place, load_gazetteer
from geomap.geocoder import SyriaGeocoder
from geomap.geoparse import Mention, geoparse
from geomap.incidents import Incidents, geocode_incidents, read_incidents
from geomap.io.writers import to_geojson, write_geojson
from geomap.layers import admin_counts, build_layers, write_layers
from geomap.maps import incident_map, save_map

__all__ = [
    "Gazetteer",
    "GazetteerError",
    "GeomapError",
    "Incidents",
    "InputError",
    "Mention",
    "OutputError",
    "Place",
    "PlaceNotFound",
    "SyriaGeocoder",
    "__version__",
    "admin_counts",
    "build_layers",
    "geocode_incidents",
    "geoparse",
    "incident_map",
    "load_gazetteer",
    "read_incidents",
    "sample_path",
    "save_map",
    "to_geojson",
    "write_geojson",
    "write_layers",
]


def sample_path(name: str = "") -> str:
    """Path of the shipped sample data folder, or of one file in it (reports.jsonl, incidents_acled.csv)."""
    from pathlib import Path

    folder = Path(__file__).resolve().parent / "data" / "samples"
    return str(folder / name) if name else str(folder)
