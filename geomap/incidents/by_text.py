"""Placing records by their text: geoparse (each distinct text once), choose the event's mention, place the row
there; or say why no Syrian place could be chosen."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from geomap.arabic import NormalizedText
from geomap.gazetteer import Gazetteer
from geomap.geocoder import GeocodeResult
from geomap.geoparse import Geoparser, Mention, get_geoparser
from geomap.incidents.admin_units import AdminIndex
from geomap.incidents.event_place import NoEventPlace, choose_event_mention
from geomap.incidents.placement import Placement, PlacementColumns, placements_from_results
from geomap.incidents.schema import MatchMethod, Status

__all__ = ["DATELINE_CONFIDENCE", "FALLBACKS", "OTHER_ROLE_CONFIDENCE", "ParsedTexts", "TextPlacer"]

DATELINE_CONFIDENCE = 0.5  # at most: the dateline says where the report was filed, which is only a hint
OTHER_ROLE_CONFIDENCE = 0.6  # at most: a hospital, an origin or a road's end is near the event, not its place


@dataclass(frozen=True)
class _Fallback:
    """A place chosen when the text names no place of the event itself: the flag it carries, its confidence cap."""

    flag: str
    confidence: float


FALLBACKS = {
    NoEventPlace.DATELINE: _Fallback(
        "placed at the dateline: the text names no other Syrian place", DATELINE_CONFIDENCE
    ),
    NoEventPlace.OTHER_ROLE: _Fallback(
        "placed at a place named in another role (an origin, a hospital, a road's end ...): the text names no place "
        "of the event itself",
        OTHER_ROLE_CONFIDENCE,
    ),
}
WHY_UNPLACED = {
    NoEventPlace.OUTSIDE_SYRIA: "only places outside Syria are named as where it happened",
    NoEventPlace.POLITICAL_ONLY: "Syrian places are named only as governments or parties, not as where it happened",
    NoEventPlace.COUNTRY_ONLY: "only the country is named, no place in it",
    NoEventPlace.NO_PLACE: "no place found in the text",
}


@dataclass
class ParsedTexts:
    """The mentions found in the texts of some rows of a chunk, and the geoparser's failures."""

    mentions: dict[int, list[Mention]] = field(default_factory=dict)
    errors: dict[int, str] = field(default_factory=dict)
    chosen: dict[int, Mention] = field(default_factory=dict)  # rows placed by text: the event's mention
    seen: dict[str, tuple[list[Mention], str | None]] = field(default_factory=dict)  # by text: read once


class TextPlacer:
    """Geoparses texts and places rows at the event's place."""

    def __init__(self, gazetteer: Gazetteer, index: AdminIndex) -> None:
        self.gazetteer = gazetteer
        self.index = index

    @functools.cached_property
    def parser(self) -> Geoparser:
        """The geoparser, built on first use: a table whose rows all have coordinates never needs it."""
        return get_geoparser(self.gazetteer)

    def parse_row(self, row: int, text: str, into: ParsedTexts, normalized: Callable[[], NormalizedText]) -> None:
        """Geoparse the text of `row` unless it is parsed already or an identical text was; `normalized()` gives
        the text normalised (called only when the text is read, so a caller can share one normalisation)."""
        if row in into.mentions:
            return
        if text not in into.seen:
            try:
                into.seen[text] = (self.parser.parse(text, normalized=normalized()), None)
            except Exception as exc:  # a geoparser bug must not lose the record
                into.seen[text] = ([], f"geoparser error: {exc}")
        into.mentions[row], error = into.seen[text]
        if error:
            into.errors[row] = error

    def place(self, texts: np.ndarray, rows: np.ndarray, parsed: ParsedTexts, into: PlacementColumns) -> None:
        """Place `rows` (each with a parsed text) at the event's mention, or give the reason none was chosen."""
        rows = [int(i) for i in rows]
        chosen = self.place_events([(parsed.mentions[i], texts[i]) for i in rows], into, rows)
        parsed.chosen.update((i, m) for i, m in zip(rows, chosen, strict=True) if m is not None)

    def place_events(
        self, events: Sequence[tuple[list[Mention], str]], into: PlacementColumns, rows: Sequence[int]
    ) -> list[Mention | None]:
        """Place each event (the mentions to choose from, the report's text) into `rows`; the chosen mentions."""
        chosen_rows, results, flags = [], [], []
        unplaced_rows, unplaced = [], []
        out: list[Mention | None] = []
        for row, (mentions, text) in zip(rows, events, strict=True):
            chosen, why = choose_event_mention(mentions, text)
            out.append(chosen)
            if chosen is None:
                unplaced_rows.append(row)
                unplaced.append(_unplaced(mentions, why))
                continue
            result = GeocodeResult.from_mention(chosen, MatchMethod.GEOPARSE)
            fallback = FALLBACKS.get(why)
            if fallback is not None:
                result.confidence = min(result.confidence, fallback.confidence)
            chosen_rows.append(row)
            results.append(result)
            flags.append(fallback.flag if fallback else None)
        placements = placements_from_results(results, MatchMethod.GEOPARSE, self.index, self.gazetteer)
        into.put(chosen_rows, [dataclasses.replace(p, flag=f) for p, f in zip(placements, flags, strict=True)])
        into.put(unplaced_rows, unplaced)
        return out


def _unplaced(mentions: list[Mention], why: NoEventPlace) -> Placement:
    """Why no Syrian place was chosen; a record whose text names only places abroad is placed there."""
    reason = WHY_UNPLACED[why]
    if why is not NoEventPlace.OUTSIDE_SYRIA:
        return Placement(reason=reason)
    foreign = next(m for m in mentions if m.place is not None and not m.in_syria)
    assert foreign.place is not None and foreign.lat is not None and foreign.lon is not None
    return Placement(
        status=Status.OUTSIDE_SYRIA,
        method=MatchMethod.GEOPARSE,
        latitude=round(foreign.lat, 6),
        longitude=round(foreign.lon, 6),
        gazetteer_id=foreign.place_id,
        confidence=round(foreign.confidence, 3),
        precision=foreign.precision,
        location=foreign.place.name_en,
        location_ar=foreign.place.name_ar,
        reason=reason,
    )
