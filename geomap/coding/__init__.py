"""Incident coding from Arabic (and English) reports: what happened, who did it to whom, how many were hurt.

    from geomap.coding import code_event, split_events, merge_reports
    c = code_event("قتل ثلاثة عناصر من قوات النظام بهجوم لخلايا داعش في بادية دير الزور")
    c.event_type, c.sub_event_type, c.actor1, c.actor2, c.fatalities, c.coding_evidence

The event type follows ACLED's taxonomy (`EventType`, `SubEventType`), actors a short list (`Actor`); every field
comes with the words that decided it (`EventCoding.evidence`, offsets into the text as written). `split_events`
finds separate events in one report; `merge_reports` merges reports of one event into one incident.
"""

from __future__ import annotations

from geomap.coding.code import code_event, code_events
from geomap.coding.merge import merge_reports
from geomap.coding.records import EventCoding, EventSpan, Evidence, Field
from geomap.coding.schema import CODED_COLUMNS, CODING_COLUMNS, MERGE_COLUMNS
from geomap.coding.split import split_events
from geomap.coding.taxonomy import Actor, EventType, SubEventType

__all__ = [
    "CODED_COLUMNS",
    "CODING_COLUMNS",
    "MERGE_COLUMNS",
    "Actor",
    "EventCoding",
    "EventSpan",
    "EventType",
    "Evidence",
    "Field",
    "SubEventType",
    "code_event",
    "code_events",
    "merge_reports",
    "split_events",
]
