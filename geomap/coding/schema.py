"""The incident columns the coding adds or fills, with their pandas dtypes: one home for the pipeline's schema.

`CODED_COLUMNS` are filled by `code_event` (`EventCoding.as_row`); `MERGE_COLUMNS` by `merge_reports`.
`CODING_COLUMNS` is both; the incident schema (`geomap.incidents.schema`) takes their dtypes from here.
"""

from __future__ import annotations

__all__ = ["CODED_COLUMNS", "CODING_COLUMNS", "MERGE_COLUMNS"]

CODED_COLUMNS: dict[str, str] = {
    "event_type": "object",
    "sub_event_type": "object",
    "actor1": "object",
    "actor2": "object",
    "fatalities": "Int64",
    "injuries": "Int64",
    "coding_evidence": "object",
}
MERGE_COLUMNS: dict[str, str] = {
    "source_count": "Int64",  # how many reports support the incident
    "merged_ids": "object",  # event ids of the reports merged into it, "; "-joined ("" when none)
}
CODING_COLUMNS: dict[str, str] = {**CODED_COLUMNS, **MERGE_COLUMNS}
