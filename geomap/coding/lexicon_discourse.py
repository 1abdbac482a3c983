"""Discourse signals (data table): denials and negations, threats, and the sentence openers that announce a
separate event, another day, or background.

Denials and threats are automaton cues; negators and openers are read where they matter (the words before an
event word, the start of a sentence), so common words such as «لا» and «كان» cost nothing elsewhere. Openers are
written normalised.
"""

from __future__ import annotations

import re
from enum import IntEnum, auto

from geomap.coding.cues import Cue, CueKind, cues, word_set

__all__ = [
    "BACKGROUND_OPENERS",
    "DISARMED",
    "DISCOURSE_CUES",
    "NEGATORS",
    "NOT_NEGATING_NEXT",
    "PAST_WORDS",
    "PERIOD_WORDS",
    "SEPARATE_OPENERS",
    "SPAN_WORDS",
    "TIME_OPENER_FIRST_WORDS",
    "TIME_OPENER_RE",
    "Dating",
]


def _dc(kind: CueKind, phrases: str) -> list[Cue]:
    return cues(kind, None, 1.0, phrases, open_end=False)


class Dating(IntEnum):
    """Words that date a clause: before the event («وقتها», «منذ»), or over a period («خلال»/«قبل» + «العام»)."""

    PAST = auto()
    SPAN = auto()  # dates a clause only together with a PERIOD word
    PERIOD = auto()


# Words that date a sentence or clause before the report («في 30 حزيران الماضي», «قتل وقتها»), normalised.
PAST_WORDS = word_set("الماضي الفايت المنصرم وقتها حينها انذاك سابق")
# «خلال العام», «قبل أسبوع»: a clause counting over a period, or dated by one, is not this event's toll.
SPAN_WORDS = word_set("خلال قبل بعد")
PERIOD_WORDS = word_set(
    "العام الشهر الاشهر الشهور الاسبوع الاسابيع السنوات السنه عام شهر اسبوع اسبوعين ايام يومين شهرين"
)


def _dating(kind: Dating, words: frozenset[str]) -> list[Cue]:
    return cues(CueKind.DATED, kind, 1.0, " | ".join(sorted(words)), open_end=False)


DISCOURSE_CUES: list[Cue] = [
    *_dating(Dating.PAST, PAST_WORDS | {"منذ"}),
    *_dating(Dating.SPAN, SPAN_WORDS),
    *_dating(Dating.PERIOD, PERIOD_WORDS),
    *_dc(CueKind.DENIAL, "نفى | نفت | ينفي | تنفي | نافيا | نافية | نفيها | نفيه | نفوا | لا صحة | عار عن الصحة"),
    *_dc(CueKind.DENIAL, "عارية عن الصحة | غير صحيحة | denied | denies | deny"),
    *_dc(CueKind.HYPOTHETICAL, "هدد | هددت | يهدد | تهدد | توعد | توعدت | حذر من | حذرت من | احتمال | مخاوف من"),
    *_dc(CueKind.HYPOTHETICAL, "خشية | تخوف | threatened | warned | could | would"),
]

# «لم»/«لا»/«دون» negate the event word right after them, unless they open «لا يزال» (still) or a statement about the
# toll («لم يسفر عن إصابات», read by the casualty reader).
NEGATORS = word_set("لم لن لا دون بدون not no never without")
# «تفكيك عبوة ناسفة»: a weapon defused, seized or found did not go off (read in the three words before it).
DISARMED = word_set("تفكيك فكك فككت ابطال ابطلت ضبط ضبطت مصادره صادرت العثور عثر عثرت ازاله نزع defused seized found")
NOT_NEGATING_NEXT = word_set("يزال تزال زال زالت يسفر تسفر يتسبب تتسبب يوقع توقع تسجل يسجل تقع يقع يصب يعرف تعرف")

# Sentence openers (normalised, after an optional «و»/«ف»): a separate event, or background to the event.
SEPARATE_OPENERS = (
    "في سياق منفصل | في حادثه اخري | في حادثه منفصله | في حادث اخر | في حادث منفصل | من جهه اخري | من جانب اخر"
    " | من ناحيه اخري | في سياق اخر | في سياق متصل | في تطور اخر | في تطور متزامن | في تطور منفصل"
    " | في موازاه ذلك | بالتوازي | في الاثناء | علي صعيد اخر | in a separate incident | in another incident"
    " | separately | elsewhere"
)
BACKGROUND_OPENERS = (
    "كان | كانت | سبق | يذكر | يشار | ياتي | تاتي | جاء هذا | جاء ذلك | يعد | تعد | يعتبر | تعتبر | هذا | هذه"
    " | منذ | في وقت سابق | تقع | يقع | تضم | يضم | تعاني | يعاني | يستقبل | تستقبل | تشهد | يشهد | earlier"
    " | previously | last week | last month"
)

_WEEKDAYS = "السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه"
_MONTHS = (
    "كانون|شباط|اذار|نيسان|ايار|حزيران|تموز|اب|ايلول|تشرين|يناير|فبراير|مارس|ابريل|مايو|يونيو|يونيه|يوليو|"
    "يوليه|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر"
)
# First words the time openers below can start with (digits stand for themselves), so other sentences skip them.
TIME_OPENER_FIRST_WORDS = (
    "في امس الامس اول مساء صباح ليل ليله فجر ظهر عصر يوم بدايه مطلع نهايه منتصف اواخر اوايل الاسبوع الشهر العام"
    " yesterday last on " + " ".join(_MONTHS.split("|")) + " " + " ".join(str(d) for d in range(1, 32))
)
# A sentence that opens on another day than the report's: «وأمس،», «ومساء الأحد،», «وفي 30 حزيران الماضي»,
# «وفي بداية تشرين الأول» (normalised text; the «و»/«ف» conjunction may be attached).
TIME_OPENER_RE = re.compile(
    rf"(?:[وف])?(?:في )?(?:"
    rf"(?:ال)?امس|اول امس|"
    rf"(?:مساء|صباح|ليل|ليله|فجر|ظهر|عصر|يوم) (?:امس|اول امس|{_WEEKDAYS})|"
    rf"(?:بدايه|مطلع|نهايه|منتصف|اواخر|اوايل) (?:{_MONTHS}|الشهر|العام)|"
    rf"\d{{1,2}} (?:من )?(?:{_MONTHS})|"
    rf"(?:{_MONTHS}) الماضي|"
    rf"(?:الاسبوع|الشهر|العام) الماضي|"
    rf"yesterday|last (?:week|month)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
)
