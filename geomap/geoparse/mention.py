"""`Mention`: one place mention found in a text, where it is and what it resolves to (the geoparser's result)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shapely.geometry.base import BaseGeometry

from geomap.gazetteer import Place

__all__ = ["ADMIN_CONFLICT", "ADMIN_OF_PREVIOUS", "Mention"]

ADMIN_OF_PREVIOUS = "places-previous"  # evidence: this mention is the admin unit placing the mention before it
ADMIN_CONFLICT = "admin-conflict"  # evidence: no candidate lies in the unit the text places this mention in


@dataclass(slots=True)
class Mention:
    """A place mention: where it is in the text and what it resolves to."""

    start: int
    end: int
    text: str
    place: Place | None = None
    in_syria: bool = False
    lat: float | None = None
    lon: float | None = None
    geometry: BaseGeometry | None = None
    kind: str | None = None
    confidence: float = 0.0
    precision: int | None = None
    alternatives: list[tuple[str, float]] = field(default_factory=list)
    relation: str | None = None  # near, countryside, desert (maybe "-east" ...), or a direction such as "north"
    phrase_start: int = 0
    phrase_end: int = 0
    evidence: list[str] = field(default_factory=list)

    @property
    def place_id(self) -> str | None:
        return self.place.id if self.place else None

    @property
    def name(self) -> str:
        """A readable name of what the mention resolves to (the relation included)."""
        if self.place is None:
            return self.text
        base = self.place.name_ar or self.place.name_en
        return f"{_RELATION_AR.get(self.relation, '')}{base}" if self.relation else base

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (geometry as its type; use `geometry` for the shape)."""
        p = self.place
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "phrase_start": self.phrase_start,
            "phrase_end": self.phrase_end,
            "place_id": p.id if p else None,
            "pcode": p.pcode if p else None,
            "name_ar": p.name_ar if p else None,
            "name_en": p.name_en if p else None,
            "kind": self.kind,
            "relation": self.relation,
            "in_syria": self.in_syria,
            "lat": None if self.lat is None else round(self.lat, 6),
            "lon": None if self.lon is None else round(self.lon, 6),
            "geometry_type": self.geometry.geom_type if self.geometry is not None else None,
            "precision": self.precision,
            "confidence": round(self.confidence, 3),
            "admin1": p.admin1 if p else None,
            "admin2": p.admin2 if p else None,
            "admin3": p.admin3 if p else None,
            "alternatives": [{"place_id": i, "score": round(s, 3)} for i, s in self.alternatives],
            "evidence": list(self.evidence),
        }


# How a relation reads before a place name in Arabic (a countryside or desert with a direction reads plainly).
_RELATION_AR = {
    "countryside": "ريف ",
    "near": "محيط ",
    "desert": "بادية ",
    "north": "شمال ",
    "south": "جنوب ",
    "east": "شرق ",
    "west": "غرب ",
    "northeast": "شمال شرق ",
    "northwest": "شمال غرب ",
    "southeast": "جنوب شرق ",
    "southwest": "جنوب غرب ",
}
