"""From reports and incident tables to incidents: one row per input record, placed or flagged with the reason.

A chunk of records is placed by the first of these that works for each row:

1. its own coordinates (`by_coordinates`: kept to 6 decimals, swapped or comma-decimal values repaired and
   flagged, admin units from one spatial join per chunk),
2. its location name (`by_location`: `SyriaGeocoder`, once per distinct name and admin1),
3. its text (`by_text`: geoparsed; the event's place is chosen by `event_place` — the most specific place where the
   event happened, not the dateline city, nor a capital named for politics, nor a foreign country).

Columns follow ACLED's (lower case), plus gazetteer_id, match_method, confidence, status, reason and flags
(`schema`). Ids are unique over a whole run (`ids`); the polygons incidents were placed in form the areas layer
(`areas`).
"""

from __future__ import annotations

from geomap.incidents.chunk import MentionScope
from geomap.incidents.event_place import choose_event_mention
from geomap.incidents.frames import Incidents, concat_incidents
from geomap.incidents.merging import merged, merged_parts
from geomap.incidents.run import geocode_incidents, iter_incidents, read_incidents
from geomap.incidents.schema import INCIDENT_COLUMNS, MENTION_COLUMNS, ColumnMap, detect_columns

__all__ = [
    "INCIDENT_COLUMNS",
    "MENTION_COLUMNS",
    "ColumnMap",
    "Incidents",
    "MentionScope",
    "choose_event_mention",
    "concat_incidents",
    "detect_columns",
    "geocode_incidents",
    "iter_incidents",
    "merged",
    "merged_parts",
    "read_incidents",
]
