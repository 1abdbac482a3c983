"""The role a place mention plays in a report: where the event happened, or something else.

Reports name places in roles other than the event's place: where the wounded were taken («نُقل الجرحى إلى مشفى ...
في X»), where a reporter or an official speaks from («قال مراسلنا في X»), where people or a vehicle came from
(«سيارة قادمة من X», «عائدين من مخيم X»), an earlier incident recalled («وكانت البلدة قد تعرضت ...», «وسبق أن ...»),
the ends of a road («طريق X - Y», «الطريق الواصل بين X وY»), a street, roundabout or bus station named after another
place («دوار X», «كراجات X», «مركز انطلاق X»), and a town named only as the unit that places a village («قرية Y
التابعة لمدينة X»). `roles` reads them from the few words around each mention, once per report.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from enum import StrEnum

from geomap.arabic import normalize_name, normalized_text, normalized_word
from geomap.earth import haversine_km
from geomap.geoparse import Mention
from geomap.geoparse.mention import ADMIN_CONFLICT, ADMIN_OF_PREVIOUS
from geomap.geoparse.vocabulary import ROAD_NAME_PREFIX, ROADS

__all__ = ["Role", "roles"]

_WINDOW = 90  # characters before a mention read for its role
_ROLE_WORDS = 8  # words before a mention searched for a transfer to hospital or a speaker
_SPEAKER_REACH = 4  # «قال مراسلنا في X»: the speaker word this many words before the preposition at most
_ORIGIN_REACH = 3  # «عادت 80 عائلة من X»: the verb of coming this many words before «من» at most
LOCAL_ROAD_KM = 40.0  # a road between places this close is local: the event is near both ends, either will do


class Role(StrEnum):
    """What a place mention is in the report."""

    EVENT = "event"  # a place where something happened (the default)
    ORIGIN = "origin"  # «قادمة من X», «عائدين من مخيم X»: where people or things came from
    CARE = "care"  # «نقل الجرحى إلى مشفى ... في X»: where the wounded were taken
    SPEAKER = "speaker"  # «قال مراسلنا في X», «مؤتمر صحفي في X»: where someone speaks from or meets
    RECALLED = "recalled"  # «وكانت البلدة قد تعرضت ...», «وسبق أن ...»: an earlier incident
    CAUSE = "cause"  # «وقفة في القامشلي تنديداً بالقصف على عين العرب»: what a protest or a statement is about
    ROAD_END = "road_end"  # «طريق حلب - اللاذقية»: an end of a long road the event is somewhere on
    NAMED_FEATURE = "named_feature"  # «دوار X», «شارع X», «كراجات X»: a feature named after X, elsewhere
    ADMIN_ANCHOR = "admin_anchor"  # «قرية Y التابعة لمدينة X»: X only places Y


def _norm(words: str) -> frozenset[str]:
    return frozenset(normalize_name(w) for w in words.split())


# Roles a unit shares with the place it qualifies (a street's or a road's unit is where the event is).
_QUALIFIED_ROLES = frozenset({Role.ORIGIN, Role.CARE, Role.SPEAKER, Role.RECALLED, Role.CAUSE})
# Participles and verbs of coming from somewhere, before «من X».
_ORIGIN_WORDS = _norm(
    """قادمة القادمة قادمين القادمين قادما قادم القادم عائدة عائدين العائدين عائدون عادت عاد عادوا نازحين النازحين
    نازحون نزحوا مهجرين المهجرين المهجرون هجروا فارين الفارين فروا هاربين الهاربين هربوا المنحدرين المنحدر ينحدر
    ينحدرون المرحلين مرحلين آتية الآتية انطلقت المنطلقة مهربة المهربة عمال العمال موظفي موظفين الموظفين طلاب"""
)
# Words skipped between «من» and the name: a trigger («من مخيم الهول»).
_SKIPPED = _norm("مخيم بلدة مدينة قرية منطقة محافظة حي ريف ناحية مدينتي")
# «شاب من أبناء بلدة X», «من أهالي X»: where someone is from, whatever the verb
_NATIVES = _norm("أبناء ابناء أهالي اهالي سكان أهل")
_HOSPITAL_WORDS = _norm("مشفى المشفى مستشفى المستشفى مشافي المشافي مستشفيات المستشفيات")
_TRANSFER_WORDS = _norm("نقل نقلت نقلوا نقله نقلهم اسعاف إسعاف اسعافه اسعافهم أسعف أسعفوا إسعافهم تحويل أسعفت")
_TO = normalize_name("إلى")
_SPEAKER_WORDS = _norm("مراسل مراسلنا مراسلة مراسلو مراسلي مؤتمر اجتماع لقاء قمة اجتماعا مؤتمرا اجتمع التقى")
_AT = _norm("في من")
_FROM = "من"
# «تنديداً بـ», «احتجاجاً على», «رفضاً لـ», «تضامناً مع»: what follows, in the next words, is what a protest is about
_CAUSE_WORDS = _norm("تنديدا تنديداً احتجاجا احتجاجاً رفضا رفضاً تضامنا تضامناً استنكارا استنكاراً")
# «في بيان من دمشق», «بيان صادر من دمشق»: where a statement comes from, right before «من» (not «بيان حول ... في X»)
_STATEMENT_WORDS = _norm("بيان بيانا تصريح تصريحات تصريحا صادر صادرة")
# «وكانت البلدة قد تعرضت ...», «وسبق أن ...»: a sentence opening on the pluperfect recalls an earlier incident
_RECALL_OPENERS = _norm("وكان وكانت وكانوا وسبق سبق وسبقت سبقت")
# ... and so does one opening on an earlier day: «وأمس»، «وأول أمس»، «وقبل يومين»، «وفي وقت سابق»
_EARLIER_OPENERS = frozenset(
    (normalize_name(w),) if " " not in w else tuple(normalize_name(x) for x in w.split())
    for w in ("وأمس", "أمس", "وأول أمس", "وقبل يومين", "وقبل أيام", "وفي وقت سابق", "والأسبوع الماضي", "والشهر الماضي")
)
_EARLIER_WORDS = 3  # words read at the start of a sentence for an earlier day
# A street, square, roundabout or bus station named after another place («دوار حمص» in Hama).
_FEATURE_WORDS = _norm("دوار شارع ساحة كراج كراجات انطلاق موقف مديرية")
_GATE = normalize_name("باب")
_ROUNDABOUT = normalize_name("دوار")
_ROAD = f"(?:{'|'.join(sorted(ROADS))})"
_LINK_WORDS = ("الواصل", "الرابط", "الواصله", "الرابطه", "الممتد", "الممتده", "طريق", "اوتوستراد", "اتوستراد")
_LINK = f"(?:{'|'.join(_LINK_WORDS)})"
# Every road pattern below holds one of these words: a window without any is no road end (checked first, cheaply).
_ROAD_LITERALS = tuple(sorted({*ROADS, *_LINK_WORDS}))
# (in normalised text) «طريق X» / «الطريق الواصل بين (مدينتي) X»: the first end; «طريق X Y», «بين X وY»: the second
# «الطريق الواصل بين بلدة X وقرية Y»: a road told by its two ends (not «طريق X», a long road named for one)
_BETWEEN_FIRST = rf"{_LINK}\s+بين(?:\s+\S+)?"
_BETWEEN_SECOND = rf"{_LINK}\s+بين\s+\S+(?:\s+\S+){{0,4}}\s+و\S*"
_FIRST_END_RE = re.compile(rf"(?:{_ROAD}(?:\s+(?:الدولي|السريع|العام|القديم))?|{_BETWEEN_FIRST})\s*$")
_SECOND_END_RE = re.compile(rf"(?:{_ROAD}\s+\S+(?:\s+\S+)?|{_BETWEEN_SECOND})\s*$")
_BETWEEN_END_RE = re.compile(rf"(?:{_BETWEEN_FIRST}|{_BETWEEN_SECOND})\s*$")
_SENTENCE_END_RE = re.compile(r"[.\n!؟?]")
_WORD_RE = re.compile(r"\w+")


def _strip_waw(word: str) -> str:
    return word[1:] if word[:1] in "وف" and len(word) > 3 else word


def _origin(before: list[str]) -> bool:
    i = len(before) - 1
    while i >= 0 and _strip_waw(before[i]) in _SKIPPED:
        i -= 1
    if i >= 1 and before[i] in _NATIVES and before[i - 1] == "من":
        return True
    reach = before[max(0, i - _ORIGIN_REACH) : i]
    return i >= 1 and before[i] == "من" and any(_strip_waw(w) in _ORIGIN_WORDS for w in reach)


def _care(recent: list[str]) -> bool:
    moved = next((k for k, w in enumerate(recent) if w in _TRANSFER_WORDS), None)
    return moved is not None and any(w == _TO for w in recent[moved + 1 :])


def _speaker(before: list[str], recent: list[str]) -> bool:
    if not before or before[-1] not in _AT:
        return False
    if before[-1] == _FROM and len(before) > 1 and recent[-2] in _STATEMENT_WORDS:
        return True
    return any(w in _SPEAKER_WORDS for w in recent[-1 - _SPEAKER_REACH : -1])


def _recalled(text: str, start: int, sentence_ends: list[int]) -> bool:
    """The mention's sentence opens with «وكانت ...» or «وسبق أن ...»: an earlier incident. `sentence_ends`: the
    positions of the text's sentence-ending characters, in order."""
    before = bisect.bisect_left(sentence_ends, start)
    sentence = sentence_ends[before - 1] + 1 if before else 0
    words = itertools.islice(_WORD_RE.finditer(text, sentence, start), _EARLIER_WORDS)
    opening = [normalized_word(w.group()) for w in words]
    if not opening:
        return False
    return opening[0] in _RECALL_OPENERS or any(tuple(opening[:k]) in _EARLIER_OPENERS for k in (1, 2, 3))


def _road_end(window: str, m: Mention, next_start: int | None) -> bool:
    if normalize_name(m.text).startswith(ROAD_NAME_PREFIX):
        return next_start is not None and next_start - m.end <= 4  # «طريق حلب - اللاذقية»
    if not any(word in window for word in _ROAD_LITERALS):
        return False
    return bool(_FIRST_END_RE.search(window) or _SECOND_END_RE.search(window))


def _own_role(text: str, m: Mention, next_start: int | None, sentence_ends: list[int]) -> Role:
    window = normalized_text(text[max(0, m.start - _WINDOW) : m.start])
    before = _WORD_RE.findall(window)
    recent = [_strip_waw(w) for w in before[-_ROLE_WORDS:]]  # the last words, a leading «و»/«ف» dropped
    if _road_end(window, m, next_start):
        return Role.ROAD_END
    if before and (recent[-1] in _FEATURE_WORDS or (before[-1] == _GATE and before[-2:-1] == [_ROUNDABOUT])):
        return Role.NAMED_FEATURE  # «دوار حمص», «كراجات مصياف», «دوار باب طرابلس»
    if _origin(before):
        return Role.ORIGIN
    if _care(recent):
        return Role.CARE
    if _speaker(before, recent):
        return Role.SPEAKER
    if any(w in _CAUSE_WORDS for w in recent):
        return Role.CAUSE
    if _recalled(text, m.start, sentence_ends):
        return Role.RECALLED
    return Role.EVENT


def roles(mentions: Sequence[Mention], text: str) -> list[Role]:
    """The role of each mention (in the order given, which is text order). A unit that places the mention before
    it («X التابعة لمدينة Y», «X بريف Y») shares that mention's role when it has one, and is otherwise only its
    anchor (`Role.ADMIN_ANCHOR`) when it is a town placing a place as specific as itself."""
    ends = [e.start() for e in _SENTENCE_END_RE.finditer(text)] if mentions else []
    own = [
        _own_role(text, m, mentions[k + 1].start if k + 1 < len(mentions) else None, ends)
        for k, m in enumerate(mentions)
    ]
    out: list[Role] = []
    for k, m in enumerate(mentions):
        role = own[k]
        if role is Role.ROAD_END and _local_road(mentions, own, k, text):
            role = Role.EVENT  # «الطريق الواصل بين بلدة X وقرية Y»: the event is near both
        if role is Role.EVENT and ADMIN_OF_PREVIOUS in m.evidence and k > 0:
            placed, placed_role = mentions[k - 1], out[k - 1]
            if placed_role in _QUALIFIED_ROLES:
                role = placed_role  # «عائدين من مخيم الهول بريف الحسكة»: the unit is part of the origin
            elif _anchors(m, placed):
                role = Role.ADMIN_ANCHOR
        out.append(role)
    return out


def _local_road(mentions: Sequence[Mention], own: list[Role], k: int, text: str) -> bool:
    """The road whose end mention `k` is joins two Syrian places less than `LOCAL_ROAD_KM` apart, or a Syrian place
    and one the gazetteer does not know («بين بلدة القحطانية وقرية X»: a village, so a local road)."""
    m = mentions[k]
    ends = [j for j in (k + 1, k - 1) if 0 <= j < len(mentions) and own[j] is Role.ROAD_END]
    for j in ends:
        other = mentions[j]
        if m.in_syria and other.in_syria and None not in (m.lat, m.lon, other.lat, other.lon):
            return haversine_km(m.lat, m.lon, other.lat, other.lon) < LOCAL_ROAD_KM  # type: ignore[arg-type]
    if ends:
        return False
    window = normalized_text(text[max(0, m.start - _WINDOW) : m.start])
    return m.in_syria and bool(_BETWEEN_END_RE.search(window))


def _anchors(unit: Mention, placed: Mention) -> bool:
    """True when `unit` (a town named as the unit of `placed`) is a place at the same scale as `placed`, which lies
    in it: the more specific village is the answer, the town only its address."""
    if unit.place is None or placed.place is None or ADMIN_CONFLICT in placed.evidence:
        return False
    return (unit.precision or 3) <= (placed.precision or 3) and unit.place.kind == "community"
