"""Coding a chunk's incidents with `geomap.coding`: what happened, who did it to whom, how many were hurt, and the
further events a report tells, each its own incident.

A record is coded from its text when its table does not code it (no event_type cell): a report, or a table row with
notes but no ACLED/UCDP coding. The coding only fills cells the record leaves empty, so a table's own actors or
fatalities are never overwritten. A report placed by its text is also split (`geomap.coding.code_events`): each
further event it tells (after «وفي حادثة أخرى», «وأمس،» ...) becomes an incident of its own, placed at the event's
mention chosen within its words, with the id ``<id>-2``, ``<id>-3`` ... right after the report's lead incident.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from geomap.arabic import NormalizedText
from geomap.coding import CODED_COLUMNS, EventCoding, code_event, code_events
from geomap.dates import opening_date
from geomap.geoparse import Mention
from geomap.incidents.values import EventDates

__all__ = [
    "ChunkCoding",
    "FurtherEvent",
    "coded_columns",
    "event_words",
    "expand_rows",
    "further_columns",
    "further_dates",
]


@dataclass(frozen=True, slots=True)
class FurtherEvent:
    """An event a report tells after its lead event: its own incident."""

    row: int  # the report's row in the chunk
    coding: EventCoding  # its `span` says where its words are in the report

    @property
    def index(self) -> int:
        """1 for the report's second event, 2 for its third, ..."""
        assert self.coding.span is not None
        return self.coding.span.index


@dataclass
class ChunkCoding:
    """The codings of a chunk's records: the lead event of each coded row, and the further events of reports."""

    lead: dict[int, EventCoding] = field(default_factory=dict)
    further: list[FurtherEvent] = field(default_factory=list)  # by row, then by event
    errors: dict[int, str] = field(default_factory=dict)  # rows whose coding failed, and why
    seen: dict[tuple[str, bool], list[EventCoding] | str] = field(default_factory=dict)  # identical texts once

    def code_row(self, row: int, text: str, split: bool, normalized: Callable[[], NormalizedText]) -> None:
        """Code the text of `row` (rows are coded in order); with `split`, its further events become incidents of
        their own. `normalized()` gives the text normalised, called only when the text is read. A coding failure
        is recorded, not raised: the record keeps its place."""
        key = (text, split)
        if key not in self.seen:
            try:
                norm = normalized()
                self.seen[key] = code_events(text, normalized=norm) if split else [code_event(text, normalized=norm)]
            except Exception as exc:  # a coding bug must not lose the record
                self.seen[key] = f"coding error: {exc}"
        codings = self.seen[key]
        if isinstance(codings, str):
            self.errors[row] = codings
            return
        self.lead[row] = codings[0]
        self.further += [FurtherEvent(row, c) for c in codings[1:]]


def coded_columns(table: dict[str, np.ndarray], coding: ChunkCoding, n: int) -> dict[str, np.ndarray]:
    """The coded columns of `n` rows: the table's own cells (`table`, by column), the coding filling the empty
    ones of coded rows."""
    out = {}
    for column in CODED_COLUMNS:
        own = table.get(column)
        out[column] = np.full(n, None, dtype=object) if own is None else np.array(own, dtype=object)
    for i, c in coding.lead.items():
        for column, value in c.as_row().items():
            if value is not None and out[column][i] is None:
                out[column][i] = value
    return out


def further_columns(events: Sequence[FurtherEvent], texts: np.ndarray, base_ids: np.ndarray) -> dict[str, list]:
    """The columns a further event has of its own: id, excerpt and coding."""
    out: dict[str, list] = {"event_id_cnty": [], "notes": [], **{c: [] for c in CODED_COLUMNS}}
    for e in events:
        assert e.coding.span is not None
        out["event_id_cnty"].append(f"{base_ids[e.row]}-{e.index + 1}")
        out["notes"].append(e.coding.span.excerpt(texts[e.row]))
        for column, value in e.coding.as_row().items():
            out[column].append(value)
    return out


def further_dates(events: Sequence[FurtherEvent], dates: EventDates) -> dict[str, list]:
    """The date columns of further events: the date their opening words give against the report's own date
    («وأمس،» the day before it, «ومساء الأحد،» the last Sunday, «وفي 30 حزيران الماضي»), else their report's."""
    out: dict[str, list] = {c: [] for c in ("event_date", "event_date_end", "year", "time_precision", "date_source")}
    for e in events:
        assert e.coding.span is not None
        own = opening_date(e.coding.span.marker or "", reference=dates.report[e.row])
        if own is None:
            values = [dates.event_date[e.row], dates.event_date_end[e.row], dates.year[e.row]]
            values += [dates.time_precision[e.row], dates.date_source[e.row]]
        else:
            values = [own.start.isoformat(), own.end.isoformat(), own.start.year, own.time_precision, "text"]
        for column, value in zip(out, values, strict=True):
            out[column].append(value)
    return out


def event_words(mentions: list[Mention], starts: list[int], text: str, event: FurtherEvent) -> tuple[list, str]:
    """A further event's own words and the mentions inside them, their offsets into those words (`starts`: where
    each of the report's mentions starts). Each event is read on its own, so a report of many is read in linear
    time."""
    span = event.coding.span
    assert span is not None
    inside = mentions[bisect_left(starts, span.start) : bisect_left(starts, span.end)]
    shifted = [dataclasses.replace(m, start=m.start - span.start, end=m.end - span.start) for m in inside]
    return shifted, span.excerpt(text)


def expand_rows(n: int, further_rows: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """Where each incident comes from once further events are inserted after their report: the chunk row of every
    incident (`order`) and the positions of the further events, in the order of `further_rows` (sorted)."""
    extra = np.bincount(np.asarray(further_rows, dtype=int), minlength=n) if len(further_rows) else np.zeros(n, int)
    order = np.repeat(np.arange(n), 1 + extra)
    leads = np.cumsum(1 + extra) - (1 + extra)
    is_further = np.ones(len(order), dtype=bool)
    is_further[leads] = False
    return order, np.flatnonzero(is_further)
