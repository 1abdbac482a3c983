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

from geomap.maps.escape import safe_json
from geomap.maps.interactive import incident_map, save_map
from geomap.maps.labels import AdminLevel, Cluster, Lang

__all__ = ["AdminLevel", "Cluster", "Lang", "incident_map", "safe_json", "save_map"]
