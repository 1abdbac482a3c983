"""Who acted and who was hit: actor names read in their context, then actor1 and actor2 by ACLED's conventions.

Each name in the event's sentences is read with the words before it (`lexicon_roles`): the attacker («شنته
إسرائيل», «قصف قوات النظام», «غارة إسرائيلية», «أعلن داعش مسؤوليته»), the first party of «اشتباكات بين X و Y»,
the target («في صفوف قسد», «حاجز للدفاع الوطني»), a source («وفق وزارة الدفاع») or the side holding the ground
(«تحت سيطرة قسد»). An actor's score is its best mention plus a little for each further mention. Conventions:
bombs, mines and war remnants belong to a named group only when the text says it placed them or claimed them, else
to an unidentified armed group; air strikes go to an air force; protests to protesters; riots to «Other».
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, auto

from geomap.coding.cues import CueKind, Family
from geomap.coding.document import WINDOW_CHARS_PER_WORD, Document, Role, bare
from geomap.coding.lexicon_actors import FORCE_OR_WEAPON_NOUNS
from geomap.coding.lexicon_casualties import VICTIM_NOUNS, Side
from geomap.coding.lexicon_roles import (
    AGENT_LINKS,
    AGENTIVE_NOUNS,
    ATTRIBUTES,
    CLAIM_WORDS,
    CONTROL_BEFORE,
    EXPLOSIVE_NOUNS,
    HEDGES,
    ORG_WORDS,
    OTHER_WEAPON_WORDS,
    SELF_REPORT,
    SOURCE_WORDS,
    TARGET_NOUNS,
    UNIT_VERBS,
    UNIT_WORDS,
    VIOLENT_VERBS,
    WEAPON_NOUNS,
)
from geomap.coding.scan import Hit
from geomap.coding.taxonomy import Actor, EventType, SubEventType

__all__ = ["ActorMention", "Part", "choose_actors", "read_actors"]

ROLE_WEIGHT = {Role.HEADLINE: 1.5, Role.LEAD: 1.5, Role.BODY: 1.0, Role.BACKGROUND: 0.0}  # background is another event
MIN_ACTOR1_SCORE = 0.5  # below this the text does not really say who acted
FURTHER_MENTION = 0.25  # each further mention adds this share of its score: repetition helps, a decisive mention wins
SECOND_PARTY_WORDS = 5  # «بين X وY»: X's name takes at most this many words («بين قوات سوريا الديمقراطية وY»)
OWN_SUFFIXES = ("ها", "هم", "ه")  # pronoun suffixes of «طائراتها», «قواتهم», «جيشه»
_DEATH_NEAR_WORDS = 5  # «مقتل جنديين من الفرقة 25»: a casualty word this close makes «X من Y» the victims


class Part(IntEnum):
    """The part a mention gives its actor."""

    AGENT = auto()  # acted: attacker, shooter, the one who claimed it
    FIRST_PARTY = auto()  # first side of «بين X و Y»
    SECOND_PARTY = auto()  # second side of «بين X و Y»: actor2 of a fight
    PLAIN = auto()  # named, part not said
    SOURCE = auto()  # reports it
    CONTROLLER = auto()  # holds the place
    TARGET = auto()  # was hit


PART_WEIGHT = {  # how much a mention says its actor acted
    Part.AGENT: 3.0,
    Part.FIRST_PARTY: 3.0,
    Part.SECOND_PARTY: 0.0,
    Part.PLAIN: 1.0,
    Part.SOURCE: 0.3,
    Part.CONTROLLER: 0.2,
    Part.TARGET: 0.0,
}
AIR_FORCES = frozenset(
    {Actor.ISRAEL, Actor.RUSSIA, Actor.TURKEY, Actor.US_COALITION, Actor.SYRIAN_GOVERNMENT, Actor.UNIDENTIFIED}
)
NOT_ACTOR1 = frozenset({Actor.CIVILIANS, Actor.PROTESTERS})
CLAIMED = "claimed"  # the `via` of a claim («أعلن داعش مسؤوليته»)


@dataclass(slots=True)  # built per hit: plain slots, frozen dataclasses cost a setattr per field
class ActorMention:
    actor: Actor
    hit: Hit
    part: Part
    weight: float  # role of the sentence × how surely the name means the actor
    via: str = ""  # the word that gave the part («زرعها», «غارات», «مسؤوليته»)

    @property
    def score(self) -> float:
        return self.weight * PART_WEIGHT[self.part]


def _part(doc: Document, hit: Hit, anchor: int, lam: bool) -> tuple[Part, str]:
    """The part played by the actor named at `anchor` (the start of its name, or of the noun an adjective
    follows); `lam` when «لـ» is written before it. Also the word that gave the part («شنته», «غارات»)."""
    raw = doc.words_before(anchor, 6)
    words = [bare(w) for w in raw]
    after = doc.words_after(hit.end, 4)
    if words and words[-1] == "ل":  # «لـ”قسد”»: the clitic stands apart
        words, lam = words[:-1], True
    while words and (words[-1] in ORG_WORDS or words[-1] in ATTRIBUTES):  # «لإدارة الأمن», «قصف مدفعي لـX»
        words = words[:-1]
    if not CLAIM_WORDS.isdisjoint(after) or not CLAIM_WORDS.isdisjoint(words[-2:]):
        return Part.AGENT, CLAIMED
    last = words[-1] if words else ""
    prev = words[-2] if len(words) > 1 else ""
    if last == "مخلفات":
        mined = not EXPLOSIVE_NOUNS.isdisjoint(words[-4:-1]) or not EXPLOSIVE_NOUNS.isdisjoint(raw[-5:])  # «ألغام»
        return (Part.AGENT if mined else Part.PLAIN), last
    if last in AGENT_LINKS or (last == "قبل" and prev == "من") or last in VIOLENT_VERBS or last in AGENTIVE_NOUNS:
        return Part.AGENT, last
    if lam and last in TARGET_NOUNS | {"قتلي", "جرحي"}:
        return Part.TARGET, last
    if last in TARGET_NOUNS:
        return Part.TARGET, last
    unit = _unit_part(doc, words, anchor)
    if unit is not None:
        return unit
    if last in ("سيطره", "لسيطره"):
        if prev in CONTROL_BEFORE:  # «تحت سيطرة X» holds; «قصف من مناطق سيطرة X» came from X
            return (Part.AGENT if len(words) > 2 and words[-3] == "من" and prev == "مناطق" else Part.CONTROLLER), last
        return (Part.AGENT if "علي" in after else Part.PLAIN), last
    if last in ("عليها", "عليه") and prev in ("تسيطر", "يسيطر", "سيطرت"):
        return Part.CONTROLLER, last
    if last in ("مع", "ضد"):
        return Part.TARGET, last
    if last == "بين":
        return Part.FIRST_PARTY, last
    if hit.prefix.startswith("و") and "بين" in words[-SECOND_PARTY_WORDS:]:  # «بين قسد وخلايا داعش»
        return Part.SECOND_PARTY, "بين"
    if not SOURCE_WORDS.isdisjoint(words[-3:]):
        # «أعلن الجيش الإسرائيلي أنه استهدف»: a source that says it acted is the actor
        said = doc.words_after(hit.end, 6)
        for k, w in enumerate(said[:-1]):
            if w in SELF_REPORT and (bare(said[k + 1]) in VIOLENT_VERBS or _own_forces(said[k + 1])):
                return Part.AGENT, said[k + 1]
        return Part.SOURCE, last
    verb = next((w for w in after[:2] if w in VIOLENT_VERBS), None)  # «فصائل معارضة استهدفت»: subject first
    if verb is not None:
        return Part.AGENT, verb
    return Part.PLAIN, last


def _own_forces(word: str) -> bool:
    """«طائراتها», «قواته»: its own aircraft or forces («قالت وزارة الدفاع الروسية إن طائراتها دمرت ...»)."""
    return any(word.endswith(p) and word[: -len(p)] in FORCE_OR_WEAPON_NOUNS for p in OWN_SUFFIXES)


def _unit_part(doc: Document, words: list[str], anchor: int) -> tuple[Part, str] | None:
    """The part of an actor named after a unit or victim noun: «عناصر من قوات الأسد» after a casualty word (hit),
    «شنه عناصر من داعش» (acted), «داهمت دورية تابعة للأسايش» (acted), «استهدف دورية تابعة لـX» (hit)."""
    last = words[-1] if words else ""
    prev = words[-2] if len(words) > 1 else ""
    third = words[-3] if len(words) > 2 else ""
    if last == "من" and prev in UNIT_WORDS and third in AGENT_LINKS:  # «برصاص قناص من X», «على يد عناصر من X»
        return Part.AGENT, third
    if last in ("من", "في") and prev:
        near = doc.hits_between(anchor - WINDOW_CHARS_PER_WORD * _DEATH_NEAR_WORDS, anchor)
        if any(h.cue.kind in (CueKind.DEATH, CueKind.INJURY) for h in near):
            victims = VICTIM_NOUNS.get(prev) is not None or prev in TARGET_NOUNS or prev in UNIT_WORDS
            return (Part.TARGET if victims else Part.PLAIN), last
        if prev in UNIT_WORDS and (third in VIOLENT_VERBS or third in AGENT_LINKS):
            return Part.AGENT, last
    if last in UNIT_WORDS and (prev in VIOLENT_VERBS or prev in AGENT_LINKS or prev in AGENTIVE_NOUNS):
        return Part.AGENT, last
    if last in ("تابع", "تابعه", "يتبع", "تتبع") and (prev in TARGET_NOUNS or prev in UNIT_WORDS):
        if third in UNIT_VERBS or (prev not in TARGET_NOUNS and (third in VIOLENT_VERBS or third in AGENT_LINKS)):
            return Part.AGENT, third
        return (Part.TARGET if prev in TARGET_NOUNS else Part.PLAIN), last
    return None


def _adjective_anchor(doc: Document, hit: Hit) -> tuple[int, bool, bool] | None:
    """Where the noun a nationality adjective follows starts, whether it is a weapon (the country then acted) and
    whether «لـ» is written on it; None when the adjective does not follow a force or weapon noun («ناقلة
    إيرانية»)."""
    for word, start in reversed(doc.word_starts_before(hit.start - len(hit.prefix), 4)):
        b = bare(word)
        if (b in ATTRIBUTES and b not in WEAPON_NOUNS) or word in HEDGES:
            continue
        if b in FORCE_OR_WEAPON_NOUNS:
            return start, b in WEAPON_NOUNS, word.startswith(("ل", "ول", "فل")) and b != word
        return None
    return None


def read_actors(doc: Document, sentences: set[int]) -> list[ActorMention]:
    """Every actor named in `sentences`, with the part each mention gives it."""
    out: list[ActorMention] = []
    for h in doc.in_sentences(Family.ACTOR, sentences):
        weight = ROLE_WEIGHT[h.role] * h.cue.weight
        if not weight:
            continue
        if h.cue.kind is CueKind.ACTOR_ADJECTIVE:
            found = _adjective_anchor(doc, h)
            if found is None:
                continue
            anchor, weapon, lam = found
            part, via = (
                (Part.AGENT, bare(doc.ntext[anchor : h.start].split()[0])) if weapon else _part(doc, h, anchor, lam)
            )
        else:
            part, via = _part(doc, h, h.start - len(h.prefix), h.prefix.endswith("ل"))
        out.append(ActorMention(h.cue.value, h, part, weight, via))  # type: ignore[arg-type]
    return out


def _best(
    mentions: list[ActorMention], allowed, *, floor: float = MIN_ACTOR1_SCORE
) -> tuple[Actor | None, ActorMention | None]:
    scores: dict[Actor, list[ActorMention]] = {}
    for m in mentions:
        if allowed(m) and m.score > 0:
            scores.setdefault(m.actor, []).append(m)
    best, best_score, best_mention = None, 0.0, None
    for actor, ms in scores.items():
        ms.sort(key=lambda m: (-m.score, m.hit.start))
        score = ms[0].score + FURTHER_MENTION * sum(m.score for m in ms[1:])
        if score > best_score or (score == best_score and best_mention and ms[0].hit.start < best_mention.hit.start):
            best, best_score, best_mention = actor, score, ms[0]
    if best is None or best_score < floor:
        return None, None
    return best, best_mention


def _actor1(mentions: list[ActorMention], sub: SubEventType) -> tuple[Actor | None, ActorMention | None]:
    kind = sub.event_type
    if kind is EventType.PROTESTS:
        return Actor.PROTESTERS, None
    if kind is EventType.RIOTS:
        return Actor.OTHER, None
    S = SubEventType
    if sub in (S.REMOTE_EXPLOSIVE, S.SUICIDE_BOMB, S.GRENADE):  # placed, carried out or claimed: not «غارات X»
        actor, m = _best(mentions, lambda m: m.part is Part.AGENT and m.via not in OTHER_WEAPON_WORDS)
    elif sub in (S.ATTACK, S.ABDUCTION, S.SEXUAL_VIOLENCE):
        actor, m = _best(mentions, lambda m: m.actor not in NOT_ACTOR1 and m.part is Part.AGENT)
    elif sub is S.AIR_DRONE_STRIKE:  # an air force that reports its own strike is its actor
        actor, m = _best(mentions, lambda m: m.actor in AIR_FORCES, floor=0.0)
    elif sub is S.NON_STATE_ACTOR_OVERTAKES_TERRITORY:  # anyone but the government (foreign forces included)
        actor, m = _best(mentions, lambda m: m.actor not in NOT_ACTOR1 and m.actor is not Actor.SYRIAN_GOVERNMENT)
    elif kind is EventType.STRATEGIC_DEVELOPMENTS:  # agreements, arrests, presence: whoever the text names
        actor, m = _best(mentions, lambda m: m.actor not in NOT_ACTOR1)
    else:  # fighting and shelling: the one the text says acted, else unidentified rather than a guess
        actor, m = _best(mentions, lambda m: m.actor not in NOT_ACTOR1 and m.part in (Part.AGENT, Part.FIRST_PARTY))
        if actor is None and kind is EventType.BATTLES:  # «قتلى من X في اشتباكات مع Y»: both sides fought
            actor, m = _best([_as_party(m) for m in mentions], lambda m: m.actor not in NOT_ACTOR1 and m.weight > 0)
    if actor is None and kind is not EventType.STRATEGIC_DEVELOPMENTS:
        return Actor.UNIDENTIFIED, None
    return actor, m


def _as_party(m: ActorMention) -> ActorMention:
    """A mention read as one side of a fight, whatever part the words around it gave."""
    return ActorMention(m.actor, m.hit, Part.PLAIN, m.weight, m.via)


def _actor2(
    mentions: list[ActorMention], actor1: Actor | None, sub: SubEventType, sides: list[Side]
) -> tuple[Actor | None, ActorMention | None]:
    if sub.event_type is EventType.PROTESTS:
        actor, m = _best(mentions, lambda m: m.actor not in NOT_ACTOR1 and m.part is Part.AGENT)
        return actor, m
    targets: dict[Actor, float] = {}
    first: dict[Actor, ActorMention] = {}
    for m in mentions:
        if m.part in (Part.TARGET, Part.SECOND_PARTY) and (m.actor is not actor1 or actor1 is Actor.LOCAL_GROUP):
            targets[m.actor] = targets.get(m.actor, 0.0) + m.weight
            first.setdefault(m.actor, m)
    civilian = sum(s is Side.CIVILIAN for s in sides)
    if civilian and civilian >= sum(s is Side.FIGHTER for s in sides):
        targets[Actor.CIVILIANS] = targets.get(Actor.CIVILIANS, 0.0) + civilian
    if not targets:
        return None, None
    actor = max(targets, key=lambda a: (targets[a], -(first[a].hit.start if a in first else 10**9)))
    return actor, first.get(actor)


def choose_actors(
    mentions: list[ActorMention], sub: SubEventType | None, sides: list[Side]
) -> tuple[Actor | None, Actor | None, list[ActorMention]]:
    """actor1, actor2 and the mentions that decided them, for an event of sub-event type `sub`."""
    if sub is None:
        return None, None, []
    actor1, m1 = _actor1(mentions, sub)
    actor2, m2 = _actor2(mentions, actor1, sub, sides)
    return actor1, actor2, [m for m in (m1, m2) if m is not None]
