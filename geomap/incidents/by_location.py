"""Placing records by their location name: the geocoder is asked once per distinct (name, admin1, admin2, admin3)
key, however many rows share it (and never again for a key already seen in an earlier chunk). The units a table
states are constraints: a name found only outside them is placed at the most specific stated unit, flagged."""

from __future__ import annotations

import numpy as np

from geomap.gazetteer import Gazetteer
from geomap.geocoder import GeocodeResult, SyriaGeocoder
from geomap.incidents.admin_units import AdminIndex
from geomap.incidents.chunk_values import ChunkValues
from geomap.incidents.placement import Placement, PlacementColumns, placements_from_results
from geomap.incidents.schema import MatchMethod
from geomap.incidents.values import present

__all__ = ["LocationPlacer", "not_found"]


def not_found(location: str) -> str:
    return f"location {location!r} not found in the gazetteer"


LocationKey = tuple[str, str | None, str | None, str | None]  # location name, admin1, admin2, admin3 as the row states


class LocationPlacer:
    """Places rows by their location name with `SyriaGeocoder`, the row's admin units (when given) as constraints."""

    def __init__(self, gazetteer: Gazetteer, index: AdminIndex, geocoder: SyriaGeocoder | None = None) -> None:
        self.gazetteer = gazetteer
        self.index = index
        self.geocoder = geocoder or SyriaGeocoder(gazetteer=gazetteer)
        self._known: dict[LocationKey, Placement | None] = {}

    def _resolve(
        self, location: str, admin1: str | None, admin2: str | None, admin3: str | None
    ) -> GeocodeResult | None:
        # An incident table about Syria names Syrian places: "Bari" is a Hama village before an Italian city.
        results = self.geocoder.resolve(location, admin1=admin1, admin2=admin2, admin3=admin3, syria_only=True)
        if not results and not (admin1 or admin2 or admin3):
            results = self.geocoder.resolve(location)  # a place abroad («Washington»): outside Syria, said so
        return results[0] if results else None

    def _learn(self, keys: list[LocationKey]) -> None:
        """Geocode the pairs not seen yet; their admin units come from one join."""
        new = [k for k in keys if k not in self._known]
        results = {k: self._resolve(*k) for k in new}
        found = [k for k in new if results[k] is not None]
        placements = placements_from_results(
            [results[k] for k in found], MatchMethod.GEOCODE, self.index, self.gazetteer
        )
        self._known.update(dict.fromkeys(new))
        self._known.update(zip(found, placements, strict=True))

    def place(self, chunk: ChunkValues, rows: np.ndarray, into: PlacementColumns) -> tuple[np.ndarray, np.ndarray]:
        """Place `rows` (each with a location name); return (placed rows, rows whose name was not found)."""
        if len(rows) == 0:
            return rows, rows
        distinct: dict[LocationKey, int] = {}
        keys_of_rows = zip(
            chunk.location[rows], chunk.admin1[rows], chunk.admin2[rows], chunk.admin3[rows], strict=True
        )
        codes = np.array([distinct.setdefault(k, len(distinct)) for k in keys_of_rows], dtype=int)
        keys = list(distinct)
        self._learn(keys)
        per_key = [self._known[k] for k in keys]
        hit = present(np.array([*per_key, None], dtype=object)[codes])
        into.put(rows[hit], [per_key[c] for c in codes[hit]])
        return rows[hit], rows[~hit]
