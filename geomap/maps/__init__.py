"""Incident maps: an HTML page (folium/Leaflet) that is safe with hostile report text, fast with 100,000
incidents and complete without internet, and static PNG/SVG/PDF maps (`geomap.maps.static`).

Safety: folium/branca re-parse rendered scripts as Jinja templates and insert popups as HTML, so no report or
table string is ever handed to folium. All data goes to the page as one JSON payload in which every string has
``< > & { } % ` $`` written as ``\\uXXXX`` escapes (`escape.safe_json`), and geomap's own scripts (``js/``) show
text with ``textContent``. Scale: columnar arrays drawn on one canvas, clustered in the browser.

Modules: `interactive` (incident_map, save_map), `payload` (incidents to columns), `basemap` (countries, admin
outlines, rivers, place names), `event_types` (ACLED types, Arabic names, colours), `labels` (interface strings
and option enums), `html_page` (the page shell and inlined assets), `escape`, `static`.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "AdminLevel": "geomap.maps.labels",
    "Cluster": "geomap.maps.labels",
    "Lang": "geomap.maps.labels",
    "incident_map": "geomap.maps.interactive",
    "safe_json": "geomap.maps.escape",
    "save_map": "geomap.maps.interactive",
    "save_static_map": "geomap.maps.static",
    "static_figure": "geomap.maps.static",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Names are imported on first use, so the command line can read the option enums without loading folium."""
    module = _EXPORTS.get(name)
    if module is None:
        msg = f"module 'geomap.maps' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
