"""Context: what the words around a hit say about it, and what neighbouring hits say about each other.

`read_context` reads the few words before and after one hit: a trigger (مدينة، قرية، معبر ...), a relative phrase
(ريف X الشرقي، شمال X، أطراف X، بادية X، على بعد 10 كم شمال X، الريف الشرقي لحلب), a person's title or an outlet
(الرئيس X، قناة X), a preposition, an event word, «بين». `link_contexts` then runs the passes across hits: the second
name of «بين X وY», a plural trigger over coordinated names (بلدتي نبل والزهراء), a shared countryside (ريفي حلب
وإدلب), and admin context (X بريف حماة، X التابعة لناحية Y).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from geomap.geoparse import english
from geomap.geoparse.matcher import Hit, HitKind
from geomap.geoparse.vocabulary import (
    ADMIN_CONTEXT_WORDS,
    BETWEEN,
    COUNTRYSIDE,
    DEFINITE_COUNTRYSIDE,
    DESERT,
    DIRECTIONS,
    DUAL_TRIGGERS,
    EVENT_WORDS,
    LATIN_ADMIN_GAP,
    LATIN_EVENT_WORDS,
    LATIN_PLURAL,
    LATIN_PREPOSITIONS,
    MEDIA,
    MEDIA_TAILS,
    NEAR,
    NEAR_PREFIX,
    PERSON_TITLES,
    PLURAL_TRIGGERS,
    PREPOSITIONS,
    ROADS,
    SON_OF,
    TRIGGERS,
    in_vocabulary,
)
from geomap.relative import Relation, combine_bearings

__all__ = ["WORD_RE", "Context", "link_contexts", "phrase_span", "read_context", "words_after", "words_before"]

# quotes are not words («مركز "صوفان"»); a decimal number is one («على بعد 12,5 كم»)
WORD_RE = re.compile(r"\d+[.,٫]\d+|[^\W_]+|[،,؛;()\[\]]", re.UNICODE)
_NUMBER_KM_RE = re.compile(r"(\d+(?:[.,٫]\d+)?)\s*(?:كم|كيلو|كيلومتر|كيلومترات|km)\s*$")
_WINDOW = 60  # characters either side of a hit in which its context words are read
_WORDS = 4  # context words read either side
_NEAR_WINDOW = 36  # characters read first, enough for four words most of the time
_EVENT_REACH = 3  # an event word this many words before a name makes it the event's place
_DIRECTIONS_AFTER = 2  # «ريف إدلب الجنوبي الغربي»: at most two direction words after the name
_KM_REACH = 3  # words before a direction searched for «على بعد 10 كم»
_ADMIN_GAP_WORDS = 3  # at most this many admin-context words (punctuation aside) between a name and its unit
_PUNCTUATION = frozenset("،,؛;()[]")
_LATIN_ADMIN_GAP_WORDS = 5  # «X in the northern Hama countryside»: English spends more words than Arabic
_PREP_KEY = 4  # a ب-proclitic counts as a preposition before names longer than this («بحلب»), not «بنوا»
_TRIGGER_WORDS = frozenset(TRIGGERS)
_DIRECTION_WORDS = frozenset(DIRECTIONS)
_NEAR_FROM = "من"  # «بالقرب من X»
_LIST_SKIP = 2  # names a plural trigger's list runs over when the gazetteer does not know them («بلدات X والحويجة وY»)


@dataclass(frozen=True, slots=True)
class _Word:
    """What one context word is, in each vocabulary (the entry it is, proclitics stripped, or None)."""

    trigger: str | None
    countryside: str | None
    desert: str | None
    near: str | None
    near_prefix: str | None
    direction: str | None
    title: str | None
    media: str | None
    event: bool
    between: bool
    admin_gap: bool  # may stand between a name and the admin unit that places it


@functools.lru_cache(maxsize=1 << 16)
def _word(word: str) -> _Word:
    return _Word(
        trigger=in_vocabulary(word, _TRIGGER_WORDS),
        countryside=in_vocabulary(word, COUNTRYSIDE),
        desert=in_vocabulary(word, DESERT),
        near=in_vocabulary(word, NEAR),
        near_prefix=in_vocabulary(word, NEAR_PREFIX),
        direction=in_vocabulary(word, _DIRECTION_WORDS),
        title=in_vocabulary(word, PERSON_TITLES),
        media=in_vocabulary(word, MEDIA),
        event=in_vocabulary(word, EVENT_WORDS) is not None,
        between=in_vocabulary(word, BETWEEN) is not None,
        admin_gap=word in ADMIN_CONTEXT_WORDS
        or word in DIRECTIONS
        or in_vocabulary(word, _TRIGGER_WORDS) is not None
        or in_vocabulary(word, COUNTRYSIDE) is not None,
    )


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
    before: Sequence[str] = ()  # the words read before the name, nearest last
    after: Sequence[str] = ()  # the words read after it (only when directions may follow)
    admin_hit: int | None = None  # the next hit, when only admin-context words separate them
    admin_evidence: bool = False  # ... and it is an admin unit that places this name (بريف حماة)
    admin_hint: frozenset[str] | None = None  # the governorates that unit lies in
    admin_level_ids: frozenset[str] | None = None  # the districts and sub-districts it names itself
    coordinated: bool = False  # followed by «and» or a comma and another name (English: «X and Y in Idlib»)
    road: bool = False  # right after a road word: the first end of «طريق X - Y»
    list_of: int | None = None  # the first name of the trigger's list this name belongs to (a hit index)


def words_before(ntext: str, start: int, clitic: str, count: int = _WORDS) -> list[str]:
    """Up to `count` tokens before a hit, nearest last (the hit's own clitic excluded)."""
    end = start - len(clitic)
    near = WORD_RE.findall(ntext, max(0, end - _NEAR_WINDOW), end)
    if len(near) > count:  # the words wanted lie whole in the nearer window (only its first may be cut)
        return near[-count:]
    return WORD_RE.findall(ntext, max(0, end - _WINDOW), end)[-count:]


def words_after(ntext: str, end: int, count: int = _WORDS) -> list[str]:
    """Up to `count` tokens after a hit, nearest first."""
    return WORD_RE.findall(ntext, end, end + _WINDOW)[:count]


def read_context(ntext: str, hit: Hit) -> Context:
    """The context of one hit, from the words around it in the normalised text."""
    before = words_before(ntext, hit.start, hit.clitic)
    if hit.latin:
        return _latin_context(ntext, hit, before)
    ctx = Context(before=before)
    prev = before[-1] if before else ""
    prev2 = before[-2] if len(before) > 1 else ""
    word = _word(prev)
    # A trigger right before the name may itself follow a relative word: «أطراف مدينة سراقب».
    first_trigger = word.trigger
    k = 1 if first_trigger is not None else 0
    _relation_before(ctx, before, k)
    if ctx.relation is not None:
        ctx.words_before += k
    # the trigger: right before the name, or before the relative phrase («قرية ... » is rare)
    if first_trigger is not None:
        ctx.trigger = first_trigger
    elif ctx.relation is not None and len(before) > ctx.words_before:
        ctx.trigger = _word(before[-1 - ctx.words_before]).trigger
    if ctx.relation in (Relation.COUNTRYSIDE, Relation.DESERT) or hit.kind is HitKind.NISBA:
        ctx.after = words_after(ntext, hit.end)
        _directions_after(ctx, ctx.after)
    if ctx.relation is None and hit.clitic.endswith("ل") and before:
        _definite_relation_before(ctx, before)
    title2 = prev2 in PERSON_TITLES and prev not in PREPOSITIONS  # «الرئيس السوري X», not «عائلة من X»
    ctx.person = word.title is not None or word.media is not None or title2 or _named_after(ntext, hit)
    ctx.prep = prev in PREPOSITIONS or (hit.clitic.endswith("ب") and len(hit.key) > _PREP_KEY)
    ctx.road = prev in ROADS
    for w in before[-_EVENT_REACH:]:
        if _word(w).event:
            ctx.event = True
            break
    ctx.between = word.between or (first_trigger is not None and _word(prev2).between)  # «بين (بلدتي) X»
    return ctx


def _latin_context(ntext: str, hit: Hit, before: list[str]) -> Context:
    """The context of a Latin-script hit, read by `english.read_latin_context`."""
    after = words_after(ntext, hit.end)
    read = english.read_latin_context(before, after)
    ctx = Context(
        trigger=read.trigger,
        relation=read.relation,
        bearing=read.bearing,
        distance_km=read.distance_km,
        words_before=read.words_before,
        before=before,
        after=after,
    )
    ctx.prep = bool(before) and before[-1] in LATIN_PREPOSITIONS
    ctx.event = any(w in LATIN_EVENT_WORDS for w in before[-_EVENT_REACH:])
    ctx.between = len(before) >= 1 and before[-1] == "between"
    return ctx


def _named_after(ntext: str, hit: Hit) -> bool:
    """«X بن Y»: the name is a person's; «X نيوز», «X برس»: an outlet's."""
    first = WORD_RE.search(ntext, hit.end, hit.end + _WINDOW)
    return first is not None and (first.group() in SON_OF or first.group() in MEDIA_TAILS)


def _relation_before(ctx: Context, before: list[str], k: int) -> None:
    """«ريف X», «بادية X», «أطراف X», «بالقرب من X», «شمال X», «شمال غرب X», «على بعد 10 كم شمال X» (the `k` words
    nearest the name are its trigger)."""
    rp = before[-1 - k] if len(before) > k else ""
    rp2 = before[-2 - k] if len(before) > k + 1 else ""
    word = _word(rp)
    if word.countryside is not None:
        ctx.relation, ctx.words_before = Relation.COUNTRYSIDE, 1
    elif word.desert is not None:
        ctx.relation, ctx.words_before = Relation.DESERT, 1
    elif word.near is not None or (rp == _NEAR_FROM and _word(rp2).near_prefix is not None):
        ctx.relation, ctx.words_before = Relation.NEAR, 1 if rp != _NEAR_FROM else 2
    elif (w := word.direction) is not None and not w.startswith("ال"):
        bearing = DIRECTIONS[w]
        used = 1
        w2 = _word(rp2).direction
        if w2 is not None and not w2.startswith("ال") and DIRECTIONS[w2] in (0, 180) and bearing in (90, 270):
            bearing = combine_bearings(DIRECTIONS[w2], bearing)  # «شمال غرب X»
            used = 2
        ctx.relation, ctx.bearing, ctx.words_before = Relation.DIRECTION, bearing, used
        m = _NUMBER_KM_RE.search(" ".join(before[: len(before) - used - k][-_KM_REACH:]))
        if m:
            ctx.distance_km = float(m.group(1).replace(",", ".").replace("٫", "."))


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
    """The passes across neighbouring hits, in text order (each pair may build on the previous one)."""
    for i in range(1, len(hits)):
        prev, ctx, hit = contexts[i - 1], contexts[i], hits[i]
        gap_start, gap_end = hits[i - 1].end, hit.start - len(hit.clitic)
        if prev.between and _second_end(ntext[gap_start : hit.start], hit):
            ctx.between = True  # «بين X وY», «بين بلدة X وقرية Y»
        gap = ntext[gap_start:gap_end]
        words = WORD_RE.findall(ntext, gap_start, gap_end)
        if prev.trigger in PLURAL_TRIGGERS and ctx.trigger is None and _same_list(gap, words, prev.trigger):
            ctx.trigger = prev.trigger  # «بلدتي نبل والزهراء», «بلدات X، Y وZ»
            ctx.list_of = i - 1 if prev.list_of is None else prev.list_of
        shared = prev.relation == Relation.COUNTRYSIDE and ctx.relation is None and gap.strip() == ""
        if shared and hit.clitic.startswith("و"):
            ctx.relation = Relation.COUNTRYSIDE  # «ريفي حلب وإدلب»
        if hit.latin and hits[i - 1].latin:
            _link_latin(prev, ctx, words)
            if len(words) <= _LATIN_ADMIN_GAP_WORDS and all(w in LATIN_ADMIN_GAP for w in words):
                prev.admin_hit = i  # «X in the northern Hama countryside»
        elif _admin_gap(words) and not (prev.road and not words):  # «طريق دمشق - درعا»: the road's second end
            prev.admin_hit = i  # «X بريف حماة»: only admin-context words before the next hit
    for ctx in contexts:
        j = ctx.admin_hit
        if j is not None and _is_admin_hit(hits[j], contexts[j]):
            ctx.admin_evidence = True
            ctx.admin_hint = hits[j].admin.governorates
            # the sub-district or district itself, when the context names one («التابعة لناحية حريتان»)
            ctx.admin_level_ids = hits[j].admin.unit_ids
    for i in range(len(hits) - 2, -1, -1):  # «Foua and Kfraya in Idlib»: the unit places both
        nxt, ctx = contexts[i + 1], contexts[i]
        if hits[i].latin and ctx.admin_hit is None and nxt.admin_evidence and ctx.coordinated:
            ctx.admin_evidence, ctx.admin_hint, ctx.admin_level_ids = True, nxt.admin_hint, nxt.admin_level_ids


def _same_list(gap: str, words: list[str], trigger: str) -> bool:
    """Only commas stand between two names of a trigger's list or, after a plural trigger, a few more of its names
    the gazetteer does not know, each coordinated («بلدات كفرزيتا والحويجة والحويز») or between commas."""
    if gap.strip(" ،,") == "":
        return True
    items = [w for w in words if w not in _PUNCTUATION]
    if trigger in DUAL_TRIGGERS or not items or len(items) > _LIST_SKIP or WORD_RE.sub("", gap).strip(" ،,"):
        return False
    return all(w.startswith("و") for w in items) or len(words) - len(items) > len(items)


def _admin_gap(words: list[str]) -> bool:
    """Only admin-context words (punctuation aside, a few at most) stand between a name and the next one."""
    return sum(w not in _PUNCTUATION for w in words) <= _ADMIN_GAP_WORDS and all(_word(w).admin_gap for w in words)


def _second_end(gap: str, hit: Hit) -> bool:
    """The gap before a hit (its proclitic included) is «و» or «و» + one trigger word: the second end of «بين»."""
    if hit.clitic.startswith("و"):
        return gap[: len(gap) - len(hit.clitic)].strip() == ""
    words = gap.split()
    return len(words) == 1 and words[0].startswith("و") and _word(words[0][1:]).trigger is not None


def _link_latin(prev: Context, ctx: Context, gap: list[str]) -> None:
    """English coordination: «between X and Y», «the villages of X and Y», «X, Y and Z»."""
    if gap in (["and"], [","], [",", "and"]):
        prev.coordinated = True
        if prev.between and gap == ["and"]:
            ctx.between = True
        if prev.trigger in LATIN_PLURAL and ctx.trigger is None:
            ctx.trigger = prev.trigger


def _is_admin_hit(hit: Hit, ctx: Context) -> bool:
    """A hit that can serve as admin context for the name before it (بريف حماة، في محافظة إدلب)."""
    return hit.admin.unit or ctx.relation == Relation.COUNTRYSIDE


def phrase_span(ntext: str, hit: Hit, ctx: Context) -> tuple[int, int]:
    """The normalised span of the whole phrase: relative words and trigger before, directions after.

    The words were read from windows of the text; each is found again from the name outwards (between two words
    lie only characters that belong to no word, so the nearest occurrence is the word itself)."""
    start = hit.start - len(hit.clitic)
    if ctx.words_before:
        lo = max(0, start - _WINDOW)
        for word in reversed(ctx.before[-ctx.words_before :]):
            start = ntext.rfind(word, lo, start)
    end = hit.end
    if ctx.words_after:
        hi = end + _WINDOW
        for word in ctx.after[: ctx.words_after]:
            end = ntext.find(word, end, hi) + len(word)
    return start, end
