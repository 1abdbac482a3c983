"""The typed records the coder returns: an event span, a piece of evidence, an event's coding."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from geomap.coding.taxonomy import Actor, EventType, SubEventType

__all__ = ["EventCoding", "EventSpan", "Evidence", "Field"]


class Field(StrEnum):
    """What a piece of evidence decided."""

    EVENT_TYPE = "event_type"
    ACTOR1 = "actor1"
    ACTOR2 = "actor2"
    FATALITIES = "fatalities"
    INJURIES = "injuries"


@dataclass(frozen=True, slots=True)
class EventSpan:
    """The part of a report that tells one event: [start, end) in the text as written.

    `marker` is the opening words that announced it as a separate event («وفي حادثة أخرى», «وأمس،»), None for
    the lead event; `index` is 0 for the lead event, 1 for the next, ...
    """

    start: int
    end: int
    index: int = 0
    marker: str | None = None

    def excerpt(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Evidence:
    """Words of the report that decided a field: [start, end) in the text as written."""

    field: Field
    value: str
    text: str
    start: int
    end: int

    def __str__(self) -> str:
        return f"«{self.text}» → {self.value}"


@dataclass(frozen=True, slots=True)
class EventCoding:
    """One event coded ACLED-style. None means the text does not say (no political event, no stated count)."""

    event_type: EventType | None = None
    sub_event_type: SubEventType | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    fatalities: int | None = None
    injuries: int | None = None
    evidence: tuple[Evidence, ...] = ()
    span: EventSpan | None = field(default=None, compare=False)

    @property
    def coding_evidence(self) -> str:
        """The evidence as one readable line: «غارة جوية» → Air/drone strike; «قسد» → actor2 SDF; ..."""
        parts = []
        for ev in self.evidence:
            label = "" if ev.field is Field.EVENT_TYPE else f"{ev.field} "
            parts.append(f"«{ev.text}» → {label}{ev.value}")
        return "; ".join(parts)

    def as_row(self) -> dict[str, Any]:
        """The incident columns this coding fills (see `geomap.coding.schema.CODED_COLUMNS`)."""
        return {
            "event_type": None if self.event_type is None else str(self.event_type),
            "sub_event_type": None if self.sub_event_type is None else str(self.sub_event_type),
            "actor1": None if self.actor1 is None else str(self.actor1),
            "actor2": None if self.actor2 is None else str(self.actor2),
            "fatalities": self.fatalities,
            "injuries": self.injuries,
            "coding_evidence": self.coding_evidence or None,
        }
