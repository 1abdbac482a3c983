"""Placing records by their location name: the geocoder is asked once per distinct (name, admin1) pair, however
many rows share it (and never again for a pair already seen in an earlier chunk)."""

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


class LocationPlacer:
    """Places rows by their location name with `SyriaGeocoder`, the row's admin1 (when given) as context."""

    def __init__(self, gazetteer: Gazetteer, index: AdminIndex, geocoder: SyriaGeocoder | None = None) -> None:
        self.gazetteer = gazetteer
        self.index = index
        self.geocoder = geocoder or SyriaGeocoder(gazetteer=gazetteer)
        self._known: dict[tuple[str, str | None], Placement | None] = {}

    def _resolve(self, location: str, admin1: str | None) -> GeocodeResult | None:
        query = f"{location}, {admin1}" if admin1 else location
        # An incident table about Syria names Syrian places: "Bari" is a Hama village before an Italian city.
        results = self.geocoder.resolve(query, syria_only=True) or self.geocoder.resolve(query)
        if not results and admin1:
            results = self.geocoder.resolve(location, syria_only=True) or self.geocoder.resolve(location)
        return results[0] if results else None

    def _learn(self, keys: list[tuple[str, str | None]]) -> None:
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
        distinct: dict[tuple[str, str | None], int] = {}
        codes = np.array(
            [distinct.setdefault(k, len(distinct)) for k in zip(chunk.location[rows], chunk.admin1[rows], strict=True)],
            dtype=int,
        )
        keys = list(distinct)
        self._learn(keys)
        per_key = [self._known[k] for k in keys]
        hit = present(np.array([*per_key, None], dtype=object)[codes])
        into.put(rows[hit], [per_key[c] for c in codes[hit]])
        return rows[hit], rows[~hit]
