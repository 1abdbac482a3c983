"""A chunk of input records as typed columns: every role's cells cleaned once, coordinates repaired, dates read."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from geomap.incidents.schema import ColumnMap, Role
from geomap.incidents.values import (
    Coordinates,
    EventDates,
    clean_strings,
    counts,
    event_dates,
    map_distinct,
    missing,
    present,
    repair_coordinates,
)

__all__ = ["ChunkValues", "file_stem"]

# Roles copied to the output as they are (cleaned), with the output column each fills.
PASSED_THROUGH = {
    Role.EVENT_TYPE: "event_type",
    Role.SUB_EVENT_TYPE: "sub_event_type",
    Role.ACTOR1: "actor1",
    Role.ACTOR2: "actor2",
    Role.SOURCE: "source",
    Role.URL: "source_url",
}


def file_stem(path: object) -> str:
    """The name part of a file path, as generated ids use it (``reports`` for ``in/reports.jsonl``)."""
    s = str(path or "row")
    return re.sub(r"[^\w\-]+", "_", s.rsplit("/", 1)[-1].rsplit(".", 1)[0]).strip("_") or "row"


def _joined(notes: np.ndarray, more: np.ndarray, prefix: str) -> np.ndarray:
    """A record's notes with further ones (`prefix` before each) added after a semicolon."""
    out = notes.copy()
    for i in np.flatnonzero(present(more)):
        note = prefix + more[i]
        out[i] = note if out[i] is None else f"{out[i]}; {note}"
    return out


@dataclass(frozen=True)
class ChunkValues:
    """One chunk's records as columns (object arrays of cleaned strings unless said otherwise)."""

    n: int
    base_id: np.ndarray  # the record's id, or FILE-LINE
    id_generated: np.ndarray  # bool: no id in the record
    text: np.ndarray
    title: np.ndarray
    location: np.ndarray
    admin1: np.ndarray  # the units a table states for the row (any spelling): constraints for its location name
    admin2: np.ndarray
    admin3: np.ndarray
    geo_precision: np.ndarray
    fatalities: np.ndarray  # int or None
    passed: dict[str, np.ndarray]  # output column -> cells (event_type, actors, source ...)
    problem: np.ndarray  # a reader's note on the record (ragged CSV row, unreadable geometry)
    input_file: np.ndarray
    input_line: np.ndarray  # int or None
    coordinates: Coordinates
    dates: EventDates

    @classmethod
    def from_frame(cls, frame: pd.DataFrame, columns: ColumnMap) -> ChunkValues:
        """Typed columns for `frame` (with ``_file``/``_line`` bookkeeping when read from a file), its roles
        given by `columns` (already recognised for this frame)."""
        n = len(frame)

        def cells(role: Role) -> np.ndarray:
            name = columns.get(role)
            return clean_strings(frame[name] if name is not None else None, n)

        text, title = cells(Role.TEXT), cells(Role.TITLE)
        swap = missing(text) & present(title)
        text[swap], title[swap] = title[swap], None  # a headline alone is the text
        files = frame["_file"].to_numpy(dtype=object) if "_file" in frame else np.full(n, "<data>", dtype=object)
        lines = frame["_line"].to_numpy(dtype=object) if "_line" in frame else np.arange(1, n + 1, dtype=object)
        own_id = cells(Role.ID)
        generated = missing(own_id)
        base_id = own_id.copy()
        stems = map_distinct(files, file_stem)
        base_id[generated] = [f"{s}-{line}" for s, line in zip(stems[generated], lines[generated], strict=True)]
        coordinates = repair_coordinates(cells(Role.LAT), cells(Role.LON))
        fatalities = counts(cells(Role.FATALITIES))
        dates = event_dates(
            cells(Role.DATE), text, cells(Role.TIME_PRECISION), authoritative=columns.event_date_is_authoritative
        )
        return cls(
            n=n,
            base_id=base_id,
            id_generated=generated,
            text=text,
            title=title,
            location=cells(Role.LOCATION),
            admin1=cells(Role.ADMIN1),
            admin2=cells(Role.ADMIN2),
            admin3=cells(Role.ADMIN3),
            geo_precision=cells(Role.GEO_PRECISION),
            fatalities=fatalities.values,
            passed={column: cells(role) for role, column in PASSED_THROUGH.items()},
            problem=_joined(clean_strings(frame.get("_problem"), n), fatalities.problems, "fatalities "),
            input_file=files,
            input_line=lines,
            coordinates=coordinates,
            dates=dates,
        )
