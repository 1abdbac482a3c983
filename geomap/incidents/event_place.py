"""Choosing the event's place among the place mentions of a report.

The event's place is the most specific Syrian place named where something happened: not the dateline city
(«دمشق - ...»), not a capital named for its government («بين واشنطن ودمشق», «وفد من دمشق»), not a place in a second
story the report moves on to («وفي سياق منفصل ...»). Each remaining mention is scored with the weights below.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from geomap.arabic import normalize_name
from geomap.geoparse import Mention
from geomap.kinds import Importance

__all__ = ["WEIGHTS", "EventPlaceWeights", "NoEventPlace", "choose_event_mention", "is_dateline"]


@dataclass(frozen=True)
class EventPlaceWeights:
    """How a mention's score as the event's place is made up; every weight with its reason."""

    # The most specific place wins: a town qualified by «بريف إدلب» beats the countryside it names.
    precision: Mapping[int, float] = field(default_factory=lambda: MappingProxyType({1: 3.0, 2: 2.4, 3: 1.8}))
    trigger: float = 0.8  # named with a trigger word (بلدة، قرية، معبر ...): the writer points at a place
    admin_context: float = 1.0  # followed by its admin unit («X بريف حماة»): a located place, not a passing name
    relation: float = 0.4  # a relative phrase (ريف X الشرقي، شمال X): the writer describes where
    preposition: float = 0.6  # right after في، قرب، نحو ...: where something happened
    position: float = 1.5  # times the relative position in the text: reports lead with their main event
    other_event: float = 3.0  # after «وفي سياق منفصل», «من جهة أخرى»: another event than the one the report leads with
    repeat: float = 0.3  # per repetition of the same place: a place named again is the story's subject
    max_repeats: int = 3  # repetitions counted at most, so a long list of one name does not swamp the rest
    dateline_chars: int = 3  # a dateline starts within this many characters of the start of a line


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
    r"(?:في|وفي)\s+(?:سياق|تطور|خبر)\s+(?:منفصل|آخر|اخر|متصل)|من\s+(?:جهة|ناحية)\s+(?:أخرى|اخرى)|"
    r"في\s+غضون\s+ذلك|إلى\s+ذلك|الى\s+ذلك|وفي\s+سياق\s+آخر"
)
_DATELINE_TAIL_RE = re.compile(r"\s*(\([^)]{0,20}\))?\s*[-–—:]")  # «دمشق -», «حلب (رويترز) -», «إدلب:»


class NoEventPlace(StrEnum):
    """Why no Syrian place could be chosen, or how the choice was made."""

    CHOSEN = ""  # a clear choice
    DATELINE = "dateline"  # only the dateline city was left
    OUTSIDE_SYRIA = "outside_syria"
    POLITICAL_ONLY = "political_only"
    COUNTRY_ONLY = "country_only"
    NO_PLACE = "no_place"


def _words_before(text: str, pos: int, n: int = 3) -> list[str]:
    return [normalize_name(w) for w in re.findall(r"\w+", text[max(0, pos - 40) : pos])[-n:]]


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
    return "between" in m.evidence or (capital and any(w in POLITICAL_WORDS for w in before))


def _score(m: Mention, before: list[str], n: int, other_from: int, w: EventPlaceWeights) -> float:
    score = w.precision.get(m.precision or 3, w.precision[3])
    if any(e.startswith("trigger") for e in m.evidence):
        score += w.trigger
    if "admin-context" in m.evidence:
        score += w.admin_context
    if m.relation:
        score += w.relation
    if before and before[-1] in PLACE_PREPOSITIONS:
        score += w.preposition
    score -= w.position * m.start / n
    if m.start > other_from:
        score -= w.other_event
    return score


def choose_event_mention(
    mentions: list[Mention], text: str, *, weights: EventPlaceWeights = WEIGHTS
) -> tuple[Mention | None, NoEventPlace]:
    """The mention that places the event, and how: `NoEventPlace.CHOSEN` ("") for a clear choice, ``dateline``
    when only the dateline city was left, or why no Syrian place could be chosen (outside_syria, political_only,
    country_only, no_place)."""
    syrian = [m for m in mentions if m.place is not None and m.in_syria and m.kind != "country"]
    foreign = any(m.place is not None and not m.in_syria for m in mentions)
    if not syrian:
        if foreign:
            return None, NoEventPlace.OUTSIDE_SYRIA
        if any(m.kind == "country" for m in mentions):
            return None, NoEventPlace.COUNTRY_ONLY
        return None, NoEventPlace.NO_PLACE
    n = max(len(text), 1)
    marker = OTHER_EVENT_RE.search(text)
    other_from = marker.start() if marker else n + 1
    best: dict[str, tuple[float, Mention]] = {}
    count: dict[str, int] = {}
    datelines: list[Mention] = []
    for m in syrian:
        if is_dateline(text, m):
            datelines.append(m)
            continue
        before = _words_before(text, m.start)
        if _names_a_government(m, before):
            continue
        score = _score(m, before, n, other_from, weights)
        key = f"{m.place_id}|{m.relation}"
        count[key] = count.get(key, 0) + 1
        if key not in best or score > best[key][0]:
            best[key] = (score, m)
    if best:
        repeats = {k: weights.repeat * min(count[k] - 1, weights.max_repeats) for k in best}
        ranked = sorted(best.items(), key=lambda kv: -(kv[1][0] + repeats[kv[0]]))
        return ranked[0][1][1], NoEventPlace.CHOSEN
    if datelines:
        return datelines[0], NoEventPlace.DATELINE
    return None, NoEventPlace.OUTSIDE_SYRIA if foreign else NoEventPlace.POLITICAL_ONLY
