"""What happened: the ACLED sub-event type of one event, from the weighted event words of its sentences.

Every event word adds its weight (`lexicon_events.Weight`) times the weight of its sentence's role to a sub-event
type; denied and negated words add nothing, threats little. Reading rules settle words that depend on context:

* the weapon decides over the target: a shooting or attack word in a clause that names a bomb, an aircraft or
  artillery counts for that weapon; missiles and bare «قصف» are an air strike when an aircraft (or an air force:
  Israel, Russia, the coalition) is named with them, else shelling;
* mines and war remnants count only when something went off in the sentence;
* shooting, assassination and attack words: Attack when the victims are civilians, Armed clash when they are
  fighters or security members;
* protest words pull force words into the protest (dispersal → Protest with intervention; live fire → Excessive
  force); rioting is a Violent demonstration with protesters, else Mob violence;
* taking control is Government regains territory for the government, else Non-state actor overtakes territory.

The sub-event type with the highest total wins, unless the non-event words (fires, accidents, want, disasters)
outweigh it or nothing reaches `MIN_EVENT_SCORE`: then there is no political event (None).
"""

from __future__ import annotations

from dataclasses import dataclass

from geomap.coding.actors import ActorMention, Part
from geomap.coding.casualties import victim_noun
from geomap.coding.cues import EventRule, Family
from geomap.coding.document import Document, Role, bare
from geomap.coding.lexicon_casualties import Side
from geomap.coding.lexicon_events import Weight
from geomap.coding.scan import Hit
from geomap.coding.taxonomy import Actor, EventType, SubEventType

__all__ = ["TypeDecision", "decide_type"]

S = SubEventType
ROLE_WEIGHT = {Role.HEADLINE: 1.5, Role.LEAD: 1.5, Role.BODY: 1.0, Role.BACKGROUND: 0.25}  # headline and lead tell it
HYPOTHETICAL_FACTOR = 0.2  # «هددت بقصف»: a threat says little about what happened
CONSEQUENCE_FACTOR = 0.25  # a fire in the sentence that names the strike is its consequence, not an accident
UNEXPLODED_FACTOR = 0.3  # a mine or war remnant named where nothing went off
MIN_EVENT_SCORE = 2.0  # less than one clear event word in the body: no political event
NO_EVENT_DOMINANCE = 1.0  # fire/accident words must at least match all the event words to make a non-event
WEAPONS = frozenset({S.AIR_DRONE_STRIKE, S.SHELLING, S.REMOTE_EXPLOSIVE, S.SUICIDE_BOMB, S.GRENADE, S.CHEMICAL_WEAPON})
AIR_FORCES = frozenset({Actor.ISRAEL, Actor.RUSSIA, Actor.US_COALITION})
PROTEST_TYPES = frozenset({S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION, S.EXCESSIVE_FORCE})
TERRITORY_TYPES = (S.NON_STATE_ACTOR_OVERTAKES_TERRITORY, S.GOVERNMENT_REGAINS_TERRITORY)
HELD_BEFORE = frozenset({"تحت", "مناطق", "الخاضعه", "خاضعه", "الواقعه", "التي", "الذي"})  # who holds a place
ATTEMPT_WORDS = frozenset({"محاوله", "محاولات", "تحاول", "يحاول", "حاولت", "حاول", "بهدف", "لمنع", "منع"})
LETHAL = frozenset({EventType.BATTLES, EventType.EXPLOSIONS, EventType.VIOLENCE_AGAINST_CIVILIANS})
LETHAL_SHARE = 0.5  # with deaths, violence named half as firmly as the raid or arrests is what the event was
TERRITORY_SHARE = 0.5  # taking ground named half as firmly as the fighting is enough: the capture is the news
CIVILIAN_PLACES = frozenset({"منزل", "منزله", "منازل", "سوق", "مسجد", "مدرسه", "مشفي", "منزلا"})
ARMED_PLACES = frozenset({"حاجز", "حاجزا", "دوريه", "مقر", "مقرا", "نقطه", "موقع", "مواقع", "رتل", "ثكنه", "مخفر"})
VICTIM_WORDS_AFTER = 4  # words after a shooting word where its victim is named («إطلاق النار على الشاب»)


@dataclass(slots=True)  # built per hit: plain slots, frozen dataclasses cost a setattr per field
class TypeDecision:
    sub_event_type: SubEventType | None
    score: float
    evidence: tuple[Hit, ...]  # the words that decided it, strongest first


@dataclass(slots=True)
class _Context:
    doc: Document
    aircraft_clauses: set[int]  # clauses that name an aircraft or drone
    air_force_sentences: set[int]  # sentences that name Israel, Russia or the coalition (they strike from the air)
    air_force_acted: bool  # one of them is the attacker somewhere in the event
    artillery_sentences: set[int]  # sentences that name artillery, mortars or rockets
    weapon_clauses: dict[int, SubEventType]  # clauses that name a bomb, aircraft or artillery, and which
    blast_sentences: set[int]  # sentences where something went off or someone was hurt
    protest: bool  # protesters are there


def _context(doc: Document, hits: list[Hit], mentions: list[ActorMention]) -> _Context:
    blasts = {h.sentence for h in hits if h.cue.value is S.REMOTE_EXPLOSIVE and h.cue.rule is EventRule.PLAIN}
    blasts |= doc.casualty_sentences
    aircraft: set[int] = set()
    weapons: dict[int, SubEventType] = {}
    protest = 0.0
    for h in hits:
        clause = h.clause
        rule, value = h.cue.rule, h.cue.value
        if rule is EventRule.AIRCRAFT:
            aircraft.add(clause)
        firm = h.cue.weight >= Weight.USUAL and rule is not EventRule.MISSILE
        if value in WEAPONS and firm and (rule is not EventRule.NEEDS_BLAST or h.sentence in blasts):
            weapons.setdefault(clause, value)  # type: ignore[arg-type]
        if value in PROTEST_TYPES and rule is EventRule.PLAIN:
            protest += h.cue.weight
    air_forces = {m.hit.sentence for m in mentions if m.actor in AIR_FORCES and m.part is not Part.TARGET}
    acted = any(m.actor in AIR_FORCES and m.part is Part.AGENT for m in mentions)
    artillery = {h.sentence for h in hits if h.cue.value is S.SHELLING and h.cue.rule is EventRule.PLAIN}
    return _Context(doc, aircraft, air_forces, acted, artillery, weapons, blasts, protest >= Weight.USUAL)


def _takes_ground(doc: Document, h: Hit) -> bool:
    """«سيطر على», «سيطرة المعارضة على»: taking control, not «تحت سيطرة», «التي تسيطر عليها» or an attempt
    («محاولة السيطرة على»)."""
    before = [bare(w) for w in doc.words_before(h.start - len(h.prefix), 2)]
    if (before and before[-1] in HELD_BEFORE) or not ATTEMPT_WORDS.isdisjoint(before):
        return False
    return h.cue.phrase.isascii() or "علي" in doc.words_after(h.end, 4)


_VIOLENCE, _TERRITORY, _DROP = "violence", "territory", "drop"  # pending buckets, settled after the sum


def _route(h: Hit, ctx: _Context) -> SubEventType | str | None:
    """The sub-event type (or a pending bucket) a hit counts for; None is the non-event bucket."""
    rule, value = h.cue.rule, h.cue.value
    clause = h.clause
    if rule is EventRule.MISSILE:
        return S.AIR_DRONE_STRIKE if clause in ctx.aircraft_clauses else S.SHELLING
    if rule is EventRule.BOMBARD:
        air = clause in ctx.aircraft_clauses or h.sentence in ctx.air_force_sentences
        air = air or (ctx.air_force_acted and h.sentence not in ctx.artillery_sentences)
        return S.AIR_DRONE_STRIKE if air else S.SHELLING
    if rule in (EventRule.VIOLENCE_ON, EventRule.PROTEST_FORCE):
        responding = ctx.doc.ntext.endswith("علي ", 0, h.start - len(h.prefix))  # «ردت على الهجوم بالقصف»
        weapon = ctx.weapon_clauses.get(clause) if rule is EventRule.VIOLENCE_ON and not responding else None
        return weapon or (S.EXCESSIVE_FORCE if ctx.protest else _VIOLENCE)
    if rule is EventRule.INTERVENTION:
        return S.PROTEST_WITH_INTERVENTION if ctx.protest else _DROP
    if rule is EventRule.RIOT:
        return S.VIOLENT_DEMONSTRATION if ctx.protest else S.MOB_VIOLENCE
    if rule is EventRule.TERRITORY:
        return _TERRITORY if _takes_ground(ctx.doc, h) else _DROP
    return value  # type: ignore[return-value]


def _victim_side(doc: Document, hits: list[Hit], sides: list[Side]) -> Side | None:
    """Civilians or fighters: from the casualty nouns, the target actors, and the words after shooting words."""
    civ = sum(s is Side.CIVILIAN for s in sides)
    fighters = sum(s is Side.FIGHTER for s in sides)
    for h in hits:
        if h.cue.rule is not EventRule.VIOLENCE_ON:
            continue
        words = doc.words_after(h.end, VICTIM_WORDS_AFTER + 1)  # one more: «عنصر سابق» is a former fighter
        for k, w in enumerate(words[:VICTIM_WORDS_AFTER]):
            b = bare(w)
            noun = victim_noun(w)
            side = noun.side_before(words[k + 1] if k + 1 < len(words) else "") if noun is not None else None
            if side is not None and side is not Side.EITHER:
                civ += side is Side.CIVILIAN
                fighters += side is Side.FIGHTER
                break
            if w in CIVILIAN_PLACES or b in CIVILIAN_PLACES:
                civ += 1
                break
            if w in ARMED_PLACES or b in ARMED_PLACES:
                fighters += 1
                break
    if fighters > civ:
        return Side.FIGHTER
    return Side.CIVILIAN if civ else None


def _settle(buckets: dict, key: str, into: SubEventType) -> None:
    if key in buckets:
        weight, hits = buckets.pop(key)
        old_w, old_h = buckets.get(into, (0.0, []))
        buckets[into] = (old_w + weight, old_h + hits)


def decide_type(
    doc: Document,
    sentences: set[int],
    mentions: list[ActorMention],
    casualty_sides: list[Side],
    *,
    killed: bool,
    hurt: bool,
) -> TypeDecision:
    """The sub-event type of the event told by `sentences` (None: no political event). `killed` when the text
    states deaths (a raid that kills is coded as the violence, not as arrests); `hurt` when it states dead or
    wounded (an attack word with a toll is an event even without a weapon named)."""
    hits = [h for h in doc.in_sentences(Family.EVENT, sentences) if not h.negated]
    if not hits:  # no event word: no political event (what the sums below come to without one)
        return TypeDecision(None, 0.0, ())
    ctx = _context(doc, hits, mentions)
    attacked = {h.sentence for h in hits if h.cue.value is not None and h.cue.weight >= Weight.WEAK}
    buckets: dict[SubEventType | str | None, tuple[float, list[tuple[float, Hit]]]] = {}
    for h in hits:
        w = h.cue.weight * ROLE_WEIGHT[h.role]
        w *= HYPOTHETICAL_FACTOR if h.hypothetical else 1.0
        if h.cue.value is None and h.sentence in attacked:
            w *= CONSEQUENCE_FACTOR
        if h.cue.rule is EventRule.NEEDS_BLAST and h.sentence not in ctx.blast_sentences:
            w *= UNEXPLODED_FACTOR
        key = _route(h, ctx)
        if key == _DROP:
            continue
        if key in buckets:
            total, contrib = buckets[key]
            contrib.append((w, h))
            buckets[key] = (total + w, contrib)
        else:
            buckets[key] = (w, [(w, h)])
    target_sides = [
        Side.CIVILIAN if m.actor is Actor.CIVILIANS else Side.FIGHTER for m in mentions if m.part is Part.TARGET
    ]
    side = _victim_side(doc, hits, [*casualty_sides, *target_sides])
    _settle(buckets, _VIOLENCE, S.ARMED_CLASH if side is Side.FIGHTER else S.ATTACK)
    agents: dict[Actor, float] = {}
    for m in mentions:
        if m.part is Part.AGENT:
            agents[m.actor] = agents.get(m.actor, 0.0) + m.score
    government = bool(agents) and max(agents, key=lambda a: agents[a]) is Actor.SYRIAN_GOVERNMENT
    _settle(
        buckets, _TERRITORY, S.GOVERNMENT_REGAINS_TERRITORY if government else S.NON_STATE_ACTOR_OVERTAKES_TERRITORY
    )
    return _decision(buckets, killed=killed, hurt=hurt)


_RANK = {sub: i for i, sub in enumerate(SubEventType)}  # ties go to the type listed first in ACLED's order


def _decision(buckets: dict, *, killed: bool, hurt: bool) -> TypeDecision:
    none_score, none_hits = buckets.pop(None, (0.0, []))
    ranked = sorted(buckets.items(), key=lambda kv: (-kv[1][0], _RANK[kv[0]]))
    if ranked and ranked[0][1][0] < MIN_EVENT_SCORE and hurt and none_score == 0:
        # «استهدفت خلايا التنظيم نقطة عسكرية ما أدى لمقتل عنصرين»: an attack word and a toll make an event
        ranked = [kv for kv in ranked if kv[0] in (S.ATTACK, S.ARMED_CLASH)] or ranked
        if ranked[0][0] in (S.ATTACK, S.ARMED_CLASH):
            best, (score, contrib) = ranked[0]
            return TypeDecision(best, score, _strongest(contrib))
    event_total = sum(score for score, _ in buckets.values())  # one event told with several words (air, shells)
    if not ranked or ranked[0][1][0] < MIN_EVENT_SCORE or none_score >= NO_EVENT_DOMINANCE * event_total:
        return TypeDecision(None, none_score, _strongest(none_hits))
    best, (score, contrib) = ranked[0]
    if killed and best.event_type is EventType.STRATEGIC_DEVELOPMENTS:
        violent = next((kv for kv in ranked if kv[0].event_type in LETHAL), None)
        if violent is not None and violent[1][0] >= LETHAL_SHARE * score:
            best, (score, contrib) = violent
    if best is S.ARMED_CLASH:  # fighting that changes who holds the ground is coded as the change
        taken = max((k for k in TERRITORY_TYPES if k in buckets), key=lambda k: buckets[k][0], default=None)
        if taken is not None and buckets[taken][0] >= TERRITORY_SHARE * score:
            best, (score, contrib) = taken, buckets[taken]
    riot = buckets.get(S.VIOLENT_DEMONSTRATION, (0.0, []))
    protest_total = sum(buckets[k][0] for k in PROTEST_TYPES if k in buckets)
    if riot[0] >= Weight.MEDIUM and riot[0] + protest_total >= score:  # protesters turned violent: a riot
        return TypeDecision(S.VIOLENT_DEMONSTRATION, riot[0], _strongest(riot[1]))
    if protest_total >= score:
        best = next(k for k in (S.EXCESSIVE_FORCE, S.PROTEST_WITH_INTERVENTION, S.PEACEFUL_PROTEST) if k in buckets)
        score, contrib = protest_total, [c for k in PROTEST_TYPES if k in buckets for c in buckets[k][1]]
    return TypeDecision(best, score, _strongest(contrib))


EVIDENCE_WORDS = 3  # the strongest words kept as the evidence of a type


def _strongest(contrib: list[tuple[float, Hit]]) -> tuple[Hit, ...]:
    ranked = sorted(contrib, key=lambda wh: (-wh[0], wh[1].start))
    seen: set[str] = set()
    out: list[Hit] = []
    for _, h in ranked:
        if h.cue.phrase not in seen:
            seen.add(h.cue.phrase)
            out.append(h)
        if len(out) == EVIDENCE_WORDS:
            break
    return tuple(out)
