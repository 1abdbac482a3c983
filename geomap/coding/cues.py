"""The typed record every lexicon entry becomes, and the kinds and reading rules the coder knows.

A `Cue` is one phrase (normalised like the text) with what it says: an event type, an actor, a casualty trigger, or a
discourse signal (denial, background, a separate event). The lexicon modules hold the phrases; `scan` compiles them
into one automaton; the coding modules read the hits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, auto

from geomap.arabic import normalize_name
from geomap.coding.taxonomy import Actor, SubEventType

__all__ = ["CountRule", "Cue", "CueKind", "EventRule", "Family", "cues", "word_set"]


# Hot enums are IntEnums: they key dictionaries in the per-hit loops, and int hashing is done in C.


class CueKind(IntEnum):
    EVENT = auto()  # value: a SubEventType, or None for a non-political event (fire, accident, want)
    ACTOR = auto()  # value: an Actor
    ACTOR_ADJECTIVE = auto()  # value: an Actor; a nationality adjective, read only after a force or weapon noun
    DEATH = auto()  # casualty trigger for the dead; `rule` says where the count is written
    INJURY = auto()  # casualty trigger for the wounded
    UPDATE = auto()  # an updated toll («ارتفعت حصيلة القتلى إلى ...») replaces the earlier ones
    SURVIVED = auto()  # «نجا»: the targets survived, so no one was killed
    ZERO = auto()  # the anchor of a no-casualty statement («دون وقوع إصابات»)
    DENIAL = auto()  # «نفت»: event words after it in the sentence are denied
    HYPOTHETICAL = auto()  # «هددت»: event words after it in the clause are threats, not events
    DATED = auto()  # value: a `lexicon_discourse.Dating`; a clause so dated is not about this event's toll


class Family(IntEnum):
    """Hits of one family that overlap: the longer phrase wins («سيارة مفخخة» over «مفخخة»)."""

    EVENT = auto()
    ACTOR = auto()
    CASUALTY = auto()
    DISCOURSE = auto()


_FAMILY = {
    CueKind.EVENT: Family.EVENT,
    CueKind.ACTOR: Family.ACTOR,
    CueKind.ACTOR_ADJECTIVE: Family.ACTOR,
    CueKind.DEATH: Family.CASUALTY,
    CueKind.INJURY: Family.CASUALTY,
    CueKind.UPDATE: Family.CASUALTY,
    CueKind.SURVIVED: Family.CASUALTY,
}


class EventRule(IntEnum):
    """How an event cue is read beyond its weight."""

    PLAIN = auto()
    AIRCRAFT = auto()  # an aircraft or drone: also turns missiles and bare «قصف» in its clause into an air strike
    MISSILE = auto()  # missiles: an air strike when an aircraft is named in the clause, else shelling
    BOMBARD = auto()  # bare «قصف»: an air strike by an air force (Israel, Russia, coalition) or aircraft, else shelling
    NEEDS_BLAST = auto()  # mines, war remnants: an event only when something went off in the sentence
    VIOLENCE_ON = auto()  # shooting, assassination, an attack: Attack on civilians, Armed clash on fighters
    PROTEST_FORCE = auto()  # live fire: Excessive force when protesters are there, else shooting
    INTERVENTION = auto()  # dispersal, tear gas: Protest with intervention when protesters are there
    TERRITORY = auto()  # taking control «سيطر على»: Government regains or Non-state actor overtakes
    RIOT = auto()  # rioting: Violent demonstration with protesters, else Mob violence


class CountRule(IntEnum):
    """Where a casualty trigger's count is written."""

    FORWARD = auto()  # after it: «مقتل ثلاثة عناصر»
    BACKWARD = auto()  # before it: «خمسة أشخاص قتلوا»
    NOUN = auto()  # a casualty noun counted by the number before it: «سقوط 5 قتلى»
    LIFE = auto()  # «فقد ... حياته»: the victims are between the verb and this word
    PRONOUN = auto()  # «مقتله»: the count is in the cue's value


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon entry: a normalised phrase and what it says."""

    phrase: str
    kind: CueKind
    value: SubEventType | Actor | int | None = None
    weight: float = 1.0
    rule: EventRule | CountRule | None = None
    open_end: bool = True  # may carry an inflection suffix («اشتباك» → «اشتباكات»)
    family: Family = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "family", _FAMILY.get(self.kind, Family.DISCOURSE))


def cues(
    kind: CueKind,
    value: SubEventType | Actor | int | None,
    weight: float,
    phrases: str,
    *,
    rule: EventRule | CountRule | None = None,
    open_end: bool = True,
) -> list[Cue]:
    """Entries sharing kind, value, weight and rule; `phrases` as written, separated by «|» (`scan` normalises)."""
    return [Cue(p.strip(), kind, value, weight, rule, open_end) for p in phrases.split("|") if p.strip()]


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string, normalised like the text they are compared with
    («قائد» is looked up as «قايد»)."""
    return frozenset(normalize_name(w) for w in words.split())
