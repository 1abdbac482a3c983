"""Choosing the event's place among the place mentions of a report.

The event's place is the most specific Syrian place named where something happened: not the dateline city
(«دمشق - ...»), not a capital named for its government («بين واشنطن ودمشق», «وفد من دمشق»), not a place in a second
story the report moves on to («وفي سياق منفصل ...»), not a place in another role (`event_roles`: where the wounded
were taken, where someone speaks from, where people came from, an earlier incident, a road's ends, a street named
after a town, a town only placing a village). A report whose headline and lede name only places abroad is about an
event abroad, whatever Syrian places it names later. Each remaining mention is scored with the weights below; the
reason returned says which rule chose.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from geomap.arabic import normalize_name, normalized_word
from geomap.geoparse import Mention
from geomap.geoparse.mention import ADMIN_CONFLICT
from geomap.geoparse.vocabulary import TRIGGERS
from geomap.incidents.event_roles import Role, roles
from geomap.kinds import Importance

__all__ = ["WEIGHTS", "EventPlaceWeights", "NoEventPlace", "choose_event_mention", "is_dateline"]


@dataclass(frozen=True)
class EventPlaceWeights:
    """How a mention's score as the event's place is made up; every weight with its reason."""

    # The most specific place wins: a town qualified by «بريف إدلب» beats the countryside it names.
    precision: Mapping[int, float] = field(default_factory=lambda: MappingProxyType({1: 3.0, 2: 2.4, 3: 1.8}))
    trigger: float = 0.8  # named with a trigger word (بلدة، قرية، معبر ...): the writer points at a place
    admin_context: float = 1.0  # a place followed by its admin unit («X بريف حماة»): located, not a passing name
    relation: float = 0.4  # a relative phrase (ريف X الشرقي، شمال X): the writer describes where
    preposition: float = 0.6  # right after في، قرب، نحو ...: where something happened
    position: float = 1.5  # times the relative position in the text: reports lead with their main event
    other_event: float = 3.0  # after «وفي سياق منفصل», «من جهة أخرى»: another event than the one the report leads with
    repeat: float = 0.3  # per repetition of the same place: a place named again is the story's subject
    max_repeats: int = 3  # repetitions counted at most, so a long list of one name does not swamp the rest
    dateline_chars: int = 3  # a dateline starts within this many characters of the start of a line
    admin_anchor: float = 1.5  # «قرية Y التابعة لمدينة X»: X is Y's address, Y the answer
    admin_conflict: float = 2.0  # «قرية Y بريف حلب» resolved outside Aleppo: the name is not where the text says
    between_end: float = 0.5  # «اشتباكات بين بلدتي X وY»: one of two ends, a little less sure than a single place
    outside_stated: float = 1.0  # a place outside every governorate its sentence or the lede states («ريف اللاذقية»)
    lede_chars: int = 300  # the headline and lede (at most this long) say where a report's event happened ...
    lede_min_chars: int = 80  # ... and at least this long: a headline and a byline are not yet the lede


WEIGHTS = EventPlaceWeights()

# Words before a capital's name that make it a government or a party, not a place (normalised forms).
POLITICAL_WORDS = frozenset(
    normalize_name(w)
    for w in (
        *("انضمام", "حكومه", "الحكومه", "نظام", "النظام", "زياره", "وزير", "وزاره", "رئيس", "الرئيس", "تنسيق"),
        *("التنسيق", "علاقات", "مفاوضات", "محادثات", "اتفاق", "موقف", "قدره", "سفاره", "السفاره", "تصريحات"),
        *("اعلنت", "اعلن", "قالت", "طالبت", "اتهمت", "رفضت", "دعت", "ادانت", "ترحب", "بين", "عاصمه", "حكومتي"),
        *("ممثل", "مبعوث", "وفد", "لدي", "مع", "عن", "تحالف", "التحالف", "انضمت", "دوله"),
    )
)
# Prepositions of place right before a name (normalised: الى → الي).
PLACE_PREPOSITIONS = frozenset(("في", "الي", "علي", "قرب", "داخل", "نحو", "باتجاه", "عند", "من"))
# «وفي سياق منفصل», «من جهة أخرى», «في غضون ذلك» ...: what follows is another event.
OTHER_EVENT_RE = re.compile(
    r"(?:في|وفي)\s+(?:سياق|تطور|خبر|حادث|حادثة|حادثه)\s+(?:منفصل|آخر|اخر|متصل|متزامن|مماثل|مشابه|منفصلة|أخرى|اخرى)|"
    r"من\s+(?:جهة|ناحية)\s+(?:أخرى|اخرى)|في\s+غضون\s+ذلك|إلى\s+ذلك|الى\s+ذلك|وفي\s+سياق\s+آخر"
)
_SENTENCE_END_RE = re.compile(r"[.\n!؟?]")
_AREA_KINDS = ("governorate", "region", "country")  # an admin unit after these locates nothing more
_DATELINE_TAIL_RE = re.compile(r"\s*(\([^)]{0,20}\))?\s*[-–—:]")  # «دمشق -», «حلب (رويترز) -», «إدلب:»


class NoEventPlace(StrEnum):
    """Why no Syrian place could be chosen, or how the choice was made."""

    CHOSEN = ""  # a clear choice: the best-scored place of the main event
    DATELINE = "dateline"  # only the dateline city was left
    OTHER_ROLE = "other_role"  # only places in other roles (origin, hospital, road end ...) were left: the best
    OUTSIDE_SYRIA = "outside_syria"
    POLITICAL_ONLY = "political_only"
    COUNTRY_ONLY = "country_only"
    NO_PLACE = "no_place"


def _words_before(text: str, pos: int, n: int = 3) -> list[str]:
    return [normalized_word(w) for w in re.findall(r"\w+", text[max(0, pos - 40) : pos])[-n:]]


def is_dateline(text: str, m: Mention) -> bool:
    """«دمشق - ...» or «حلب (رويترز) -» at the start of a line: where the report was filed, not the event."""
    line_start = text.rfind("\n", 0, m.start) + 1
    if m.start - line_start > WEIGHTS.dateline_chars:
        return False
    return bool(_DATELINE_TAIL_RE.match(text[m.end : m.end + 25]))


def _names_a_government(m: Mention, before: list[str]) -> bool:
    """«بين واشنطن ودمشق», «وفد من دمشق»: a capital named as a government, not where the event happened."""
    assert m.place is not None
    capital = m.place.kind == "governorate" or m.place.importance >= Importance.GOVERNORATE
    return capital and ("between" in m.evidence or any(w in POLITICAL_WORDS for w in before))


def _score(m: Mention, before: list[str], n: int, other_from: int, w: EventPlaceWeights) -> float:
    score = w.precision.get(m.precision or 3, w.precision[3])
    if any(e.startswith("trigger") for e in m.evidence) or _named_with_kind(m):
        score += w.trigger
    if "admin-context" in m.evidence and m.kind not in _AREA_KINDS:
        score += w.admin_context
    if ADMIN_CONFLICT in m.evidence:
        score -= w.admin_conflict
    if "between" in m.evidence:
        score -= w.between_end
    if m.relation:
        score += w.relation
    if before and before[-1] in PLACE_PREPOSITIONS:
        score += w.preposition
    score -= w.position * m.start / n
    if m.start > other_from:
        score -= w.other_event
    return score


def _named_with_kind(m: Mention) -> bool:
    """A name that opens with a kind word («معبر كسب», «مطار حلب»): the writer points at a place."""
    first = normalize_name(m.text).partition(" ")[0]
    return first in TRIGGERS and " " in m.text.strip()


def _lede_end(text: str, w: EventPlaceWeights) -> int:
    """Where the headline and lede end: after the second non-empty line (more lines while they are shorter than
    `lede_min_chars` together: a byline), at most `lede_chars` from the start."""
    end = lines = 0
    while end < min(len(text), w.lede_chars):
        nl = text.find("\n", end)
        start, end = end, len(text) if nl < 0 else nl + 1
        lines += bool(text[start:end].strip())
        if lines >= 2 and end >= w.lede_min_chars:
            break
    return min(end, w.lede_chars)


def _states(m: Mention) -> str | None:
    """The governorate a mention names as an area («ريف اللاذقية», «محافظة حماة», «شمال مدينة الحسكة»), if any."""
    if m.place is None or not m.in_syria:
        return None
    if m.kind == "governorate":
        return m.place.id
    return m.place.admin1 if m.relation else None


def _stated(mentions: list[Mention], text: str, lede: int) -> dict[int, set[str]]:
    """For each mention (by id), the governorates its sentence and the lede name as areas: where the writer says
    the story is."""
    ends = [e.start() for e in _SENTENCE_END_RE.finditer(text)]
    in_lede = {g for m in mentions if m.start < lede and (g := _states(m))}
    by_sentence: dict[int, set[str]] = {}
    sentence_of = {}
    for m in mentions:
        k = bisect.bisect_left(ends, m.start)
        sentence_of[id(m)] = k
        if g := _states(m):
            by_sentence.setdefault(k, set()).add(g)
    return {id(m): in_lede | by_sentence.get(sentence_of[id(m)], set()) for m in mentions}


def _event_abroad(syrian: list[Mention], mentions: list[Mention], event_roles: dict[int, Role], lede: int) -> bool:
    """The headline and lede name a place abroad and no Syrian place where something happened: the event is
    abroad (a Syrian place named later is a neighbour, an origin or a reference point)."""
    foreign = any(
        m.place is not None and not m.in_syria and m.kind != "country" and m.start < lede
        for m in mentions
        if event_roles[id(m)] is Role.EVENT
    )
    if not foreign:
        return False
    return not any(
        m.start < lede and m.place is not None and m.place.admin1 and event_roles[id(m)] is Role.EVENT for m in syrian
    )


def choose_event_mention(
    mentions: list[Mention], text: str, *, weights: EventPlaceWeights = WEIGHTS
) -> tuple[Mention | None, NoEventPlace]:
    """The mention that places the event, and how: `NoEventPlace.CHOSEN` ("") for a clear choice, ``dateline``
    when only the dateline city was left, ``other_role`` when only places in other roles were (an origin, a
    hospital, a road's end ...), or why no Syrian place could be chosen (outside_syria, political_only,
    country_only, no_place)."""
    syrian = [m for m in mentions if m.place is not None and m.in_syria and m.kind != "country"]
    foreign = any(m.place is not None and not m.in_syria for m in mentions)
    if not syrian:
        if foreign:
            return None, NoEventPlace.OUTSIDE_SYRIA
        if any(m.kind == "country" for m in mentions):
            return None, NoEventPlace.COUNTRY_ONLY
        return None, NoEventPlace.NO_PLACE
    placed = [m for m in mentions if m.place is not None]
    event_roles = {id(m): r for m, r in zip(placed, roles(placed, text), strict=True)}
    lede = _lede_end(text, weights)
    if _event_abroad(syrian, mentions, event_roles, lede):
        return None, NoEventPlace.OUTSIDE_SYRIA
    stated = _stated(syrian, text, lede)
    n = max(len(text), 1)
    marker = OTHER_EVENT_RE.search(text)
    other_from = marker.start() if marker else n + 1
    main: list[tuple[float, Mention]] = []
    others: list[tuple[float, Mention]] = []
    datelines: list[Mention] = []
    for m in syrian:
        if is_dateline(text, m):
            datelines.append(m)
            continue
        before = _words_before(text, m.start)
        if _names_a_government(m, before):
            continue
        score = _score(m, before, n, other_from, weights)
        where = stated[id(m)]
        if where and m.place.admin1 and m.place.admin1 not in where:  # type: ignore[union-attr]
            score -= weights.outside_stated
        role = event_roles[id(m)]
        if role is Role.ADMIN_ANCHOR:
            main.append((score - weights.admin_anchor, m))
        else:
            (main if role is Role.EVENT else others).append((score, m))
    if main:
        return _best(main, weights), NoEventPlace.CHOSEN
    if others and not foreign:
        return _best(others, weights), NoEventPlace.OTHER_ROLE
    if datelines:
        return datelines[0], NoEventPlace.DATELINE
    return None, NoEventPlace.OUTSIDE_SYRIA if foreign else NoEventPlace.POLITICAL_ONLY


def _best(scored: list[tuple[float, Mention]], weights: EventPlaceWeights) -> Mention:
    """The best-scored place, a place named again counting a little more (its best-placed mention stands for it)."""
    best: dict[str, tuple[float, Mention]] = {}
    count: dict[str, int] = {}
    for score, m in scored:
        key = f"{m.place_id}|{m.relation}"
        count[key] = count.get(key, 0) + 1
        if key not in best or score > best[key][0]:
            best[key] = (score, m)
    key = max(best, key=lambda k: best[k][0] + weights.repeat * min(count[k] - 1, weights.max_repeats))
    return best[key][1]
