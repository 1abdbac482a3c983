"""Placing one chunk of records: by coordinates, then by location name, then by text, each strategy on the rows
the previous ones left; then the incidents, mentions and areas tables of the chunk.

Texts are geoparsed only where their mentions are needed: to place a row that has neither usable coordinates nor
a location name the geocoder knows, or for every text when the mentions layer is wanted (`MentionScope`).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pandas as pd

from geomap.arabic import NormalizedText, normalize
from geomap.gazetteer import Gazetteer
from geomap.geocoder import SyriaGeocoder
from geomap.incidents.admin_units import admin_index
from geomap.incidents.areas import AreaTally
from geomap.incidents.by_coordinates import CoordinatePlacer
from geomap.incidents.by_location import LocationPlacer, not_found
from geomap.incidents.by_text import ParsedTexts, TextPlacer
from geomap.incidents.chunk_values import ChunkValues
from geomap.incidents.coded import (
    ChunkCoding,
    FurtherEvent,
    coded_columns,
    event_words,
    expand_rows,
    further_columns,
    further_dates,
)
from geomap.incidents.frames import Incidents, incident_frame, mention_frame
from geomap.incidents.ids import IdRegistry, Rename
from geomap.incidents.placement import FIELDS, Placement, PlacementColumns
from geomap.incidents.schema import ColumnMap, Status
from geomap.incidents.values import attribute, map_distinct, missing, present

__all__ = ["MentionScope", "PlacedChunk", "Placers", "place_chunk"]

NOTHING_TO_PLACE_BY = "no coordinates, location name or text"
NO_USABLE_LOCATION = "no usable location"
READ_BLOCK_ROWS = 256  # rows geoparsed, then coded, at a time: warm caches for each, few normalised texts held
LEAD_PLACE_FLAG = "its words name no place: placed where the report's lead event is"


class MentionScope(StrEnum):
    """Which texts are geoparsed, and which mentions are listed."""

    ALL = "all"  # every text: the mentions table lists every place named
    PLACING = "placing"  # only texts read to place their record (no usable coordinates, no known location name)
    NONE = "none"  # texts read only to place records, and no mentions table


class Placers:
    """The placing strategies of one run: one gazetteer, one geocoder and geoparser, caches shared by chunks."""

    def __init__(self, gazetteer: Gazetteer, *, geocoder: SyriaGeocoder | None = None) -> None:
        index = admin_index(gazetteer)
        self.coordinates = CoordinatePlacer(index)
        self.location = LocationPlacer(gazetteer, index, geocoder)
        self.text = TextPlacer(gazetteer, index)


@dataclass
class PlacedChunk:
    """A placed chunk, its ids not yet made unique across the run (see `unique_ids`)."""

    result: Incidents
    generated: np.ndarray  # bool per incident: its id was made from the file name and line
    mention_counts: np.ndarray  # mentions per incident, in incident order
    event_index: np.ndarray  # int per incident: 0 for a record's (lead) incident, k for a report's (k+1)-th event

    def unique_ids(self, registry: IdRegistry) -> Incidents:
        """The chunk with ids taken earlier in the run renamed (``id#2``) and flagged, mentions following."""
        incidents, mentions = self.result.incidents, self.result.mentions
        renames = registry.assign(incidents["event_id_cnty"].tolist(), self.generated, self.event_index)
        apply_renames(incidents, mentions, self.mention_counts, renames)
        return self.result


def apply_renames(
    incidents: pd.DataFrame, mentions: pd.DataFrame, mention_counts: np.ndarray, renames: Sequence[Rename]
) -> None:
    """Rename ids in place: in the incidents (with a flag each) and in the mentions that follow them."""
    if not renames:
        return
    ids = incidents["event_id_cnty"].to_numpy(dtype=object, copy=True)
    flags = incidents["flags"].to_numpy(dtype=object, na_value=None, copy=True)
    owner = np.repeat(np.arange(len(incidents)), mention_counts)
    mention_ids = mentions["event_id_cnty"].to_numpy(dtype=object, copy=True)
    for r in renames:
        ids[r.row] = r.new_id
        flags[r.row] = r.flag if flags[r.row] is None else f"{flags[r.row]}; {r.flag}"
        mention_ids[owner == r.row] = r.new_id
    incidents["event_id_cnty"] = pd.Series(ids, index=incidents.index, dtype=incidents["event_id_cnty"].dtype)
    incidents["flags"] = pd.Series(flags, index=incidents.index, dtype=incidents["flags"].dtype)
    mentions["event_id_cnty"] = pd.Series(mention_ids, index=mentions.index, dtype=mentions["event_id_cnty"].dtype)


def place_chunk(
    frame: pd.DataFrame, columns: ColumnMap, placers: Placers, *, mentions: MentionScope, coding: bool = True
) -> PlacedChunk:
    """Place every record of `frame` (its columns recognised as `columns`); with `coding`, code the records their
    table does not code and give each further event of a report its own incident (`coded`)."""
    chunk = ChunkValues.from_frame(frame, columns)
    placed = PlacementColumns(chunk.n)
    parsed = ParsedTexts()
    has_text = present(chunk.text)
    todo = np.ones(chunk.n, dtype=bool)
    todo[placers.coordinates.place(chunk, placed)] = False
    named = np.flatnonzero(todo & present(chunk.location))
    located, unknown = placers.location.place(chunk, named, placed)
    todo[located] = False
    by_text = np.flatnonzero(todo & has_text)
    read = has_text if mentions is MentionScope.ALL else todo & has_text
    uncoded = has_text & missing(chunk.passed["event_type"]) if coding else np.zeros(chunk.n, dtype=bool)
    coded = _read_texts(chunk.text, read, uncoded, set(by_text.tolist()), placers.text, parsed)
    placers.text.place(chunk.text, by_text, parsed, placed)
    _explain_unplaced(chunk, np.flatnonzero(todo & ~has_text), placed)
    not_found_flags = np.full(chunk.n, None, dtype=object)
    not_found_flags[unknown] = [not_found(loc) for loc in chunk.location[unknown]]
    columns = _incident_columns(chunk, placed, parsed, not_found_flags, coded)
    mention_columns, counts = _mention_columns(chunk, parsed if mentions is not MentionScope.NONE else ParsedTexts())
    order, further_at = expand_rows(chunk.n, [e.row for e in coded.further])
    event_index = np.zeros(len(order), dtype=int)
    areas = AreaTally().add(placed["area"])
    if coded.further:
        further = _place_further(chunk, coded.further, parsed, placed, placers.text)
        columns = _with_further(columns, order, further_at, _further_columns(chunk, coded.further, further))
        areas.add(further["area"])
        counts = counts[order]
        counts[further_at] = 0  # a report's mentions are listed once, under its lead incident
        event_index[further_at] = [e.index for e in coded.further]
    incidents = incident_frame(columns, len(order))
    result = Incidents(incidents, mention_frame(mention_columns, int(counts.sum())), areas.frame())
    return PlacedChunk(result, chunk.id_generated[order], counts, event_index)


def _read_texts(
    texts: np.ndarray, read: np.ndarray, uncoded: np.ndarray, split: set[int], text: TextPlacer, parsed: ParsedTexts
) -> ChunkCoding:
    """Geoparse the texts of the `read` rows and code those of the `uncoded` rows (boolean masks), each text
    normalised once for both; the rows in `split` (placed by their text) have their further events split off.
    A block of rows is geoparsed, then coded: each stage runs on with its own tables warm."""
    coded = ChunkCoding()
    rows = np.flatnonzero(read | uncoded).tolist()
    for b in range(0, len(rows), READ_BLOCK_ROWS):
        norms: dict[str, NormalizedText] = {}  # a block's texts normalised, each when first read
        block = [(i, functools.partial(_normalized, norms, texts[i])) for i in rows[b : b + READ_BLOCK_ROWS]]
        for i, normalized in block:
            if read[i]:
                text.parse_row(i, texts[i], parsed, normalized)
        for i, normalized in block:
            if uncoded[i]:
                coded.code_row(i, texts[i], i in split, normalized)
    return coded


def _normalized(norms: dict[str, NormalizedText], text: str) -> NormalizedText:
    norm = norms.get(text)
    if norm is None:
        norm = norms[text] = normalize(text)
    return norm


def _place_further(
    chunk: ChunkValues, events: list[FurtherEvent], parsed: ParsedTexts, placed: PlacementColumns, text: TextPlacer
) -> PlacementColumns:
    """Place each further event at the mention chosen within its words; one whose words name no Syrian place is
    placed where its report's lead event is (flagged), when that is in Syria."""
    out = PlacementColumns(len(events))
    starts = {row: [m.start for m in parsed.mentions.get(row, [])] for row in {e.row for e in events}}
    own = [event_words(parsed.mentions.get(e.row, []), starts[e.row], chunk.text[e.row], e) for e in events]
    chosen = text.place_events(own, out, range(len(events)))
    inherit = [
        k
        for k, (e, m) in enumerate(zip(events, chosen, strict=True))
        if m is None and out["status"][k] == Status.UNPLACED and placed["status"][e.row] == Status.PLACED
    ]
    lead = [Placement(**{f: placed[f][events[k].row] for f in FIELDS}) for k in inherit]
    out.put(inherit, [dataclasses.replace(p, flag=LEAD_PLACE_FLAG) for p in lead])
    return out


def _further_columns(chunk: ChunkValues, events: list[FurtherEvent], placed: PlacementColumns) -> dict:
    """Every column of the further events that is not their report's: id, excerpt, coding, place and flags."""
    rows = np.array([e.row for e in events], dtype=int)
    columns: dict = further_columns(events, chunk.text, chunk.base_id)
    columns.update(further_dates(events, chunk.dates))
    columns.update(_placement_columns(placed, chunk.location[rows]))
    found = zip(chunk.problem[rows], chunk.dates.flag[rows], placed["flag"], strict=True)
    columns["flags"] = ["; ".join(f for f in fs if f) or None for fs in found]
    return columns


def _with_further(columns: dict, order: np.ndarray, at: np.ndarray, further: dict) -> dict:
    """The chunk's columns with the further events inserted after their reports (their other cells the report's)."""
    out = {}
    for name, values in columns.items():
        expanded = np.asarray(values)[order]
        if name in further:
            expanded = expanded.astype(object)
            expanded[at] = further[name]
        out[name] = expanded
    return out


def _explain_unplaced(chunk: ChunkValues, rows: np.ndarray, placed: PlacementColumns) -> None:
    """Reasons for rows left with nothing to read: a name not found, unusable coordinates, or nothing at all."""
    reasons = []
    for i in rows:
        location, problem = chunk.location[i], chunk.coordinates.problem[i]
        if location is not None:
            reasons.append(f"{not_found(location)} and no text to read")
        else:
            reasons.append(problem or NOTHING_TO_PLACE_BY)
    placed.put_columns(rows, reason=np.array(reasons, dtype=object) if reasons else None)


def _flags(
    chunk: ChunkValues, errors: dict[int, str], not_found_flags: np.ndarray, placed: PlacementColumns
) -> np.ndarray:
    """Every row's repairs and doubts in the order they were met, '; '-separated (None when there are none)."""
    coords = chunk.coordinates
    columns = (chunk.problem, chunk.dates.flag, coords.flags, coords.problem, not_found_flags, placed["flag"])
    out = np.full(chunk.n, None, dtype=object)
    rows = set(errors)
    for column in columns:
        rows.update(
            np.flatnonzero(present(column) if column is not coords.flags else [bool(f) for f in column]).tolist()
        )
    for i in sorted(rows):
        found = [chunk.problem[i], chunk.dates.flag[i], *coords.flags[i], coords.problem[i], errors.get(i)]
        found += [not_found_flags[i], placed["flag"][i]]
        out[i] = "; ".join(f for f in found if f) or None
    return out


def _placement_columns(placed: PlacementColumns, own_location: np.ndarray) -> dict:
    """The columns that say where records were placed (or why not)."""
    status = placed["status"]
    reason = placed["reason"]
    reason[(status == Status.UNPLACED) & missing(reason)] = NO_USABLE_LOCATION
    location = placed["location"]
    columns = {
        "location": np.where(missing(location), own_location, location),
        "location_ar": placed["location_ar"],
        "latitude": placed["latitude"],
        "longitude": placed["longitude"],
        "geo_precision": placed["precision"],
        "relation": placed["relation"],
        "area_id": attribute(placed["area"], "area_id"),
        "gazetteer_id": placed["gazetteer_id"],
        "match_method": map_distinct(placed["method"], str),
        "confidence": placed["confidence"],
        "status": map_distinct(status, str),
        "reason": reason,
    }
    for level, unit in ((1, "governorate"), (2, "district"), (3, "subdistrict")):
        columns[f"admin{level}"] = attribute(placed[unit], "name_en")
        columns[f"admin{level}_pcode"] = attribute(placed[unit], "pcode")
    return columns


def _incident_columns(
    chunk: ChunkValues, placed: PlacementColumns, parsed: ParsedTexts, not_found_flags: np.ndarray, coded: ChunkCoding
) -> dict:
    d = chunk.dates
    table = {**chunk.passed, "fatalities": chunk.fatalities}
    return {
        "event_id_cnty": chunk.base_id,
        "event_date": d.event_date,
        "event_date_end": d.event_date_end,
        "year": d.year,
        "time_precision": d.time_precision,
        "date_source": d.date_source,
        **chunk.passed,
        **coded_columns(table, coded, chunk.n),
        **_placement_columns(placed, chunk.location),
        "notes": chunk.text,
        "title": chunk.title,
        "source_count": np.ones(chunk.n, dtype=object),  # each record one report, until reports are merged
        "merged_ids": np.full(chunk.n, "", dtype=object),
        "flags": _flags(chunk, {**parsed.errors, **coded.errors}, not_found_flags, placed),
        "input_file": chunk.input_file,
        "input_line": chunk.input_line,
    }


def _mention_columns(chunk: ChunkValues, parsed: ParsedTexts) -> tuple[dict, np.ndarray]:
    """Every parsed row's mentions in row order; the chosen one marked as the event's location."""
    counts = np.zeros(chunk.n, dtype=int)
    cols: dict[str, list] = {k: [] for k in ("event_id_cnty", "mention_index", "start", "end", "text")}
    cols.update({k: [] for k in ("gazetteer_id", "name_ar", "name_en", "kind", "relation", "in_syria")})
    cols.update({k: [] for k in ("precision", "confidence", "is_event_location", "latitude", "longitude")})
    for i in sorted(parsed.mentions):
        chosen = parsed.chosen.get(i)
        counts[i] = len(parsed.mentions[i])
        for j, m in enumerate(parsed.mentions[i]):
            p = m.place
            for key, value in (
                ("event_id_cnty", chunk.base_id[i]),
                ("mention_index", j),
                ("start", m.start),
                ("end", m.end),
                ("text", m.text),
                ("gazetteer_id", p.id if p else None),
                ("name_ar", p.name_ar if p else None),
                ("name_en", p.name_en if p else None),
                ("kind", m.kind),
                ("relation", m.relation),
                ("in_syria", m.in_syria),
                ("precision", m.precision),
                ("confidence", round(m.confidence, 3)),
                ("is_event_location", m is chosen),
                ("latitude", None if m.lat is None else round(m.lat, 6)),
                ("longitude", None if m.lon is None else round(m.lon, 6)),
            ):
                cols[key].append(value)
    return cols, counts
