"""Context: what the words around a hit say about it, and what neighbouring hits say about each other.

`read_context` reads the few words before and after one hit: a trigger (مدينة، قرية، معبر ...), a relative phrase
(ريف X الشرقي، شمال X، أطراف X، بادية X، على بعد 10 كم شمال X، الريف الشرقي لحلب), a person's title or an outlet
(الرئيس X، قناة X), a preposition, an event word, «بين». `link_contexts` then runs the passes across hits: the second
name of «بين X وY», a plural trigger over coordinated names (بلدتي نبل والزهراء), a shared countryside (ريفي حلب
وإدلب), and admin context (X بريف حماة، X التابعة لناحية Y).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geomap.geoparse.matcher import Hit, HitKind
from geomap.geoparse.vocabulary import (
    ADMIN_CONTEXT_WORDS,
    BETWEEN,
    COUNTRYSIDE,
    DEFINITE_COUNTRYSIDE,
    DESERT,
    DIRECTIONS,
    EVENT_WORDS,
    MEDIA,
    NEAR,
    NEAR_PREFIX,
    PERSON_TITLES,
    PLURAL_TRIGGERS,
    PREPOSITIONS,
    SON_OF,
    TRIGGERS,
    in_vocabulary,
)
from geomap.kinds import Importance
from geomap.relative import Relation, combine_bearings

__all__ = ["WORD_RE", "Context", "link_contexts", "phrase_span", "read_context", "words_after", "words_before"]

WORD_RE = re.compile(r"[^\W_]+|[،,؛;()\[\]]", re.UNICODE)  # quotes are not words: «مركز "صوفان"»
_NUMBER_KM_RE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:كم|كيلو|كيلومتر|كيلومترات|km)\s*$")
_WINDOW = 60  # characters either side of a hit in which its context words are read
_WORDS = 4  # context words read either side
_EVENT_REACH = 3  # an event word this many words before a name makes it the event's place
_DIRECTIONS_AFTER = 2  # «ريف إدلب الجنوبي الغربي»: at most two direction words after the name
_KM_REACH = 3  # words before a direction searched for «على بعد 10 كم»
_ADMIN_GAP_WORDS = 2  # at most this many admin-context words between a name and the unit that places it
_PREP_KEY = 4  # a ب-proclitic counts as a preposition before names longer than this («بحلب»), not «بنوا»
_ADMIN_KINDS = ("governorate", "district", "subdistrict", "region")
_TRIGGER_WORDS = frozenset(TRIGGERS)
_DIRECTION_WORDS = frozenset(DIRECTIONS)
_NEAR_FROM = "من"  # «بالقرب من X»


@dataclass(slots=True)
class Context:
    """What the words around one hit say about it."""

    trigger: str | None = None  # the trigger word naming the kind of place (normalised), e.g. "بلده"
    relation: Relation | None = None  # the relative phrase around the name, if any
    bearing: float | None = None  # degrees, for a direction or «ريف X الشرقي»
    distance_km: float | None = None  # «على بعد 10 كم شمال X»
    between: bool = False  # one end of «بين X وY»
    person: bool = False  # a person's, a channel's or an institute's name (الرئيس X، قناة X)
    prep: bool = False  # right after a preposition (في، إلى، من ...) or a ب-proclitic
    event: bool = False  # an event word (قصف، اشتباكات ...) shortly before
    words_before: int = 0  # words of the phrase before the name (relative words, trigger)
    words_after: int = 0  # words of the phrase after the name (ريف X «الشرقي»)
    admin_hit: int | None = None  # the next hit, when only admin-context words separate them
    admin_evidence: bool = False  # ... and it is an admin unit that places this name (بريف حماة)
    admin_hint: set[str] | None = None  # the governorates that unit lies in
    admin_level_ids: set[str] | None = None  # the districts and sub-districts it names itself


def words_before(ntext: str, start: int, clitic: str, count: int = _WORDS) -> list[str]:
    """Up to `count` tokens before a hit, nearest last (the hit's own clitic excluded)."""
    window = ntext[max(0, start - len(clitic) - _WINDOW) : start - len(clitic)]
    return WORD_RE.findall(window)[-count:]


def words_after(ntext: str, end: int, count: int = _WORDS) -> list[str]:
    """Up to `count` tokens after a hit, nearest first."""
    return WORD_RE.findall(ntext[end : end + _WINDOW])[:count]


def read_context(ntext: str, hit: Hit) -> Context:
    """The context of one hit, from the words around it in the normalised text."""
    before = words_before(ntext, hit.start, hit.clitic)
    after = words_after(ntext, hit.end)
    ctx = Context()
    prev = before[-1] if before else ""
    prev2 = before[-2] if len(before) > 1 else ""
    # A trigger right before the name may itself follow a relative word: «أطراف مدينة سراقب».
    first_trigger = in_vocabulary(prev, _TRIGGER_WORDS)
    k = 1 if first_trigger is not None else 0
    _relation_before(ctx, before, k)
    if ctx.relation is not None:
        ctx.words_before += k
    # the trigger: right before the name, or before the relative phrase («قرية ... » is rare)
    if first_trigger is not None:
        ctx.trigger = first_trigger
    elif ctx.relation is not None and len(before) > ctx.words_before:
        ctx.trigger = in_vocabulary(before[-1 - ctx.words_before], _TRIGGER_WORDS)
    if ctx.relation in (Relation.COUNTRYSIDE, Relation.DESERT) or hit.kind is HitKind.NISBA:
        _directions_after(ctx, after)
    if ctx.relation is None and hit.clitic.endswith("ل") and before:
        _definite_relation_before(ctx, before)
    ctx.person = (
        in_vocabulary(prev, PERSON_TITLES) is not None
        or bool(after and after[0] in SON_OF)
        or in_vocabulary(prev, MEDIA) is not None
        or prev2 in PERSON_TITLES
    )
    ctx.prep = prev in PREPOSITIONS or (hit.clitic.endswith("ب") and len(hit.key) > _PREP_KEY)
    ctx.event = any(in_vocabulary(w, EVENT_WORDS) is not None for w in before[-_EVENT_REACH:])
    ctx.between = in_vocabulary(prev, BETWEEN) is not None
    return ctx


def _relation_before(ctx: Context, before: list[str], k: int) -> None:
    """«ريف X», «بادية X», «أطراف X», «بالقرب من X», «شمال X», «شمال غرب X», «على بعد 10 كم شمال X» (the `k` words
    nearest the name are its trigger)."""
    rp = before[-1 - k] if len(before) > k else ""
    rp2 = before[-2 - k] if len(before) > k + 1 else ""
    if in_vocabulary(rp, COUNTRYSIDE) is not None:
        ctx.relation, ctx.words_before = Relation.COUNTRYSIDE, 1
    elif in_vocabulary(rp, DESERT) is not None:
        ctx.relation, ctx.words_before = Relation.DESERT, 1
    elif in_vocabulary(rp, NEAR) is not None or (rp == _NEAR_FROM and in_vocabulary(rp2, NEAR_PREFIX) is not None):
        ctx.relation, ctx.words_before = Relation.NEAR, 1 if rp != _NEAR_FROM else 2
    elif (w := in_vocabulary(rp, _DIRECTION_WORDS)) is not None and not w.startswith("ال"):
        bearing = DIRECTIONS[w]
        used = 1
        w2 = in_vocabulary(rp2, _DIRECTION_WORDS)
        if w2 is not None and not w2.startswith("ال") and DIRECTIONS[w2] in (0, 180) and bearing in (90, 270):
            bearing = combine_bearings(DIRECTIONS[w2], bearing)  # «شمال غرب X»
            used = 2
        ctx.relation, ctx.bearing, ctx.words_before = Relation.DIRECTION, bearing, used
        m = _NUMBER_KM_RE.search(" ".join(before[: len(before) - used - k][-_KM_REACH:]))
        if m:
            ctx.distance_km = float(m.group(1).replace(",", "."))


def _directions_after(ctx: Context, after: list[str]) -> None:
    """«ريف حلب الشرقي», «ريف إدلب الجنوبي الغربي»: definite direction words right after the name."""
    i = 0
    bearing = None
    while i < len(after) and i < _DIRECTIONS_AFTER and after[i] in DIRECTIONS and after[i].startswith("ال"):
        b = DIRECTIONS[after[i]]
        bearing = b if bearing is None else combine_bearings(bearing, b)
        i += 1
    if bearing is not None:
        ctx.bearing, ctx.words_after = bearing, i


def _definite_relation_before(ctx: Context, before: list[str]) -> None:
    """«الريف الشرقي لحلب», «الريف الشمالي الغربي لإدلب»: the countryside (or desert) before a ل+name."""
    dirs: list[float] = []
    j = len(before) - 1
    while j >= 0 and before[j] in DIRECTIONS and before[j].startswith("ال"):
        dirs.insert(0, DIRECTIONS[before[j]])
        j -= 1
    if dirs and j >= 0 and before[j] in DEFINITE_COUNTRYSIDE:
        ctx.relation = Relation(DEFINITE_COUNTRYSIDE[before[j]])
        ctx.bearing = dirs[0] if len(dirs) == 1 else combine_bearings(dirs[0], dirs[1])
        ctx.words_before = len(before) - j


def link_contexts(ntext: str, hits: list[Hit], contexts: list[Context]) -> None:
    """The passes across neighbouring hits, in text order (each may build on the previous pair)."""
    for i in range(1, len(hits)):
        prev, ctx, hit = contexts[i - 1], contexts[i], hits[i]
        gap = ntext[hits[i - 1].end : hit.start - len(hit.clitic)]
        joined = hit.clitic.startswith("و")
        if prev.between and joined and gap.strip() == "":
            ctx.between = True  # «بين X وY»
        if prev.trigger in PLURAL_TRIGGERS and joined and ctx.trigger is None and gap.strip(" ،,") == "":
            ctx.trigger = prev.trigger  # «بلدتي نبل والزهراء»
        if prev.relation == Relation.COUNTRYSIDE and joined and ctx.relation is None and gap.strip() == "":
            ctx.relation = Relation.COUNTRYSIDE  # «ريفي حلب وإدلب»
    for i in range(1, len(hits)):
        gap = ntext[hits[i - 1].end : hits[i].start - len(hits[i].clitic)]
        words = WORD_RE.findall(gap)
        if len(words) <= _ADMIN_GAP_WORDS and all(_admin_gap_word(w) for w in words):
            contexts[i - 1].admin_hit = i
    for ctx in contexts:
        j = ctx.admin_hit
        ctx.admin_evidence = j is not None and _is_admin_hit(hits[j], contexts[j])
        if ctx.admin_evidence:
            places = hits[j].places
            ctx.admin_hint = {p.admin1 for p in places if p.admin1} or None
            # the sub-district or district itself, when the context names one («التابعة لناحية حريتان»)
            ctx.admin_level_ids = {p.id for p in places if p.kind in ("district", "subdistrict")}


def _admin_gap_word(word: str) -> bool:
    """A word that may separate a name from the admin unit after it (في، ب، التابعة، ريف، محافظة، الشرقي ...)."""
    return (
        word in ADMIN_CONTEXT_WORDS
        or word in DIRECTIONS
        or in_vocabulary(word, _TRIGGER_WORDS) is not None
        or in_vocabulary(word, COUNTRYSIDE) is not None
    )


def _is_admin_hit(hit: Hit, ctx: Context) -> bool:
    """A hit that can serve as admin context for the name before it (بريف حماة، في محافظة إدلب)."""
    if hit.kind is HitKind.NISBA or ctx.relation == Relation.COUNTRYSIDE:
        return True
    return any(p.in_syria and (p.kind in _ADMIN_KINDS or p.importance >= Importance.DISTRICT) for p in hit.places)


def phrase_span(ntext: str, hit: Hit, ctx: Context) -> tuple[int, int]:
    """The normalised span of the whole phrase: relative words and trigger before, directions after."""
    start = hit.start - len(hit.clitic)
    if ctx.words_before:
        matches = list(WORD_RE.finditer(ntext[max(0, start - _WINDOW) : start]))
        if len(matches) >= ctx.words_before:
            start = max(0, start - _WINDOW) + matches[-ctx.words_before].start()
    end = hit.end
    if ctx.words_after:
        matches = list(WORD_RE.finditer(ntext[end : end + _WINDOW]))
        if len(matches) >= ctx.words_after:
            end = end + matches[ctx.words_after - 1].end()
    return start, end
