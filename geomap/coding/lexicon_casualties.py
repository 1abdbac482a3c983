"""Casualty words (data table): the triggers whose count the casualty reader looks for, the nouns victims are named
by, the number words, and the anchors of no-casualty statements.

Triggers are automaton cues; nouns and numbers are looked up word by word in the few words next to a trigger.
All forms are normalised (ة→ه, ى→ي, أ/إ/آ→ا, ئ→ي, ؤ→و) because they are compared with normalised text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, auto

from geomap.arabic import normalize_name
from geomap.coding.cues import CountRule, Cue, CueKind, cues, word_set

__all__ = [
    "ACCUSATIVE_ENDING",
    "CASUALTY_CUES",
    "DEFINITE_NUMBERS",
    "FORMER_WORDS",
    "HUMAN_WORDS",
    "LOWER_BOUND_AFTER",
    "MATERIAL_ONLY",
    "NEEDS_HUMAN",
    "NOT_A_DEATH",
    "NOT_PEOPLE",
    "NUMBER_WORDS",
    "POSSESSIVE_SUFFIXES",
    "QUALIFIERS",
    "TEEN_WORDS",
    "UNCOUNTED",
    "VICTIM_NOUNS",
    "ZERO_BLOCKERS",
    "ZERO_WORDS",
    "Side",
    "VictimNoun",
]

D, INJ, C = CueKind.DEATH, CueKind.INJURY, CountRule


def _tr(kind: CueKind, value: int | None, rule: CountRule | None, phrases: str) -> list[Cue]:
    return cues(kind, value, 1.0, phrases, rule=rule, open_end=False)


CASUALTY_CUES: list[Cue] = [
    *_tr(D, None, C.FORWARD, "مقتل | قتل | قتلت | استشهاد | استشهد | استشهدت | وفاة | توفي | توفيت | مصرع | لقي"),
    *_tr(D, None, C.FORWARD, "لقيت | ارتقاء | ارتقى | ارتقت | قضى | قضت | أودى بحياة | أودت بحياة | killing"),
    *_tr(D, None, C.BACKWARD, "قتلوا | قتلا | قتلتا | قتلن | استشهدوا | استشهدا | توفيا | توفوا | قضوا | لقيا"),
    *_tr(D, None, C.BACKWARD, "لقوا | killed | died | were killed"),
    *_tr(D, None, C.NOUN, "قتلى | قتيل | قتيلا | قتيلة | شهداء | شهيد | شهيدا | ضحايا | ضحية | dead | deaths"),
    *_tr(D, None, C.NOUN, "fatalities"),
    *_tr(D, 2, C.NOUN, "قتيلان | قتيلين | قتيلتان | قتيلتين | شهيدان | شهيدين | ضحيتان | ضحيتين"),
    *_tr(D, 1, C.LIFE, "حياته | حياتها"),
    *_tr(D, 2, C.LIFE, "حياتهما"),
    # the dead counted by the words after: «العثور على جثث أربعة شبان», «اغتيال قيادي سابق»
    *_tr(D, None, C.FORWARD, "جثة | جثث | جثتي | جثمان | جثامين | اغتيال"),
    *_tr(D, None, C.LIFE, "حياتهم | حياتهن"),
    *_tr(D, 1, C.PRONOUN, "مقتله | مقتلها | وفاته | وفاتها | استشهاده | استشهادها | مصرعه | مصرعها"),
    *_tr(D, 2, C.PRONOUN, "مقتلهما | وفاتهما | استشهادهما | مصرعهما"),
    *_tr(INJ, None, C.FORWARD, "إصابة | أصيب | أصيبت | جرح | جرحت | injuring | wounding"),
    *_tr(INJ, None, C.BACKWARD, "أصيبوا | أصيبا | جرحوا | wounded | injured | were wounded | were injured"),
    *_tr(INJ, None, C.NOUN, "جرحى | جريح | جريحا | مصاب | مصابا | مصابين | مصابون | إصابات | injuries"),
    *_tr(INJ, 2, C.NOUN, "جريحان | جريحين | مصابان"),
    *_tr(INJ, 1, C.PRONOUN, "إصابته | إصابتها"),
    *_tr(INJ, 2, C.PRONOUN, "إصابتهما"),
    *_tr(CueKind.UPDATE, None, None, "ارتفعت حصيلة | ارتفع عدد | ارتفاع حصيلة | ارتفاع عدد | ارتفعت الحصيلة"),
    *_tr(CueKind.UPDATE, None, None, "حصيلة جديدة | الحصيلة النهائية | حصيلة نهائية | toll rose | toll has risen"),
    *_tr(CueKind.SURVIVED, 0, None, "نجا | نجت | نجوا | نجيا | نجاة | survived"),
    *_tr(CueKind.ZERO, None, None, "دون | لم يسفر | لم تسفر | لم يتسبب | لم تتسبب | لم يوقع | لم توقع | لم تسجل"),
    *_tr(CueKind.ZERO, None, None, "لم يسجل | لا وجود | لم يصب | لم تقع | لم يقع | اقتصرت | no casualties"),
    *_tr(CueKind.ZERO, None, None, "no injuries | no one was | without casualties"),
]

# Words that complete a no-casualty statement after its anchor («دون وقوع إصابات»): what they rule out.
ZERO_WORDS = {
    "اصابات": "all",
    "اصابه": "all",
    "ضحايا": "all",
    "خساير": "all",
    "اضرار": "all",
    "الماديات": "all",
    "احد": "all",
    "قتلي": "dead",
    "جرحي": "wounded",
}
NEEDS_HUMAN = frozenset({"اضرار", "خساير"})  # «أضرار»/«خسائر» rule out casualties only when «بشرية» follows
HUMAN_WORDS = frozenset({"بشريه", "بشريا", "الارواح", "ارواح"})
MATERIAL_ONLY = frozenset({"الماديات", "ماديه", "الماديه"})  # «اقتصرت الأضرار على الماديات»
# Words that turn «دون» into «no news of»: «دون ورود معلومات عن إصابات» is silence, not a statement of none.
ZERO_BLOCKERS = frozenset({"ورود", "انباء", "معلومات", "توضيح", "توضح", "يوضح", "تحديد", "تحدد", "معرفه", "ذكر"})

NUMBER_WORDS = {
    "واحد": 1, "واحده": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40, "خمسون": 50,
    "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80,
    "تسعون": 90, "تسعين": 90, "ميه": 100, "مايه": 100, "ميتين": 200, "مايتين": 200, "مايتان": 200,
    "الف": 1000,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "dozens": -1,
}  # fmt: skip
TEEN_WORDS = frozenset({"عشر", "عشره"})  # «ثلاثة عشر» = 13
DEFINITE_NUMBERS = {f"ال{w}": n for w, n in NUMBER_WORDS.items() if 2 < n < 11}  # «الشبان الثلاثة»

# Words between a trigger and its count that keep the count a lower bound («ما لا يقل عن 3» → 3).
QUALIFIERS = word_set(
    "ما لا يقل عن علي الاقل اكثر من نحو حوالي قرابه زهاء يقارب يزيد ازيد at least more than about nearly"
)
# Words after a number that make it something else than people: durations, distances, money, families, dates.
NOT_PEOPLE = word_set(
    """سنوات سنه سنين عاما عام اعوام ايام يوما يوم ساعات ساعه ساعه دقايق دقيقه كم كيلومترات كيلومتر كيلومترا متر
    مترا امتار دولار ليره بالميه % مم عايله عايلات اسره اسر منزلا منازل سيارات سياره قذايف صواريخ غارات مره
    كانون شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس
    سبتمبر اكتوبر نوفمبر ديسمبر years days hours km"""
)
# Words right before a trigger that say the killing or wounding did not happen: an attempt, a threat, a negation.
NOT_A_DEATH = word_set(
    "محاوله محاولات محاولتهم تهديد هدد هددت يهدد تهدد بالقتل خشيه خطر لم لا دون بدون عدم attempted "
    "بعد عقب ردا رد ثارا انتقاما"  # «ردت بقصف بعد مقتل جنديين»: the deaths of an earlier event
)
# Words that say there were victims without a number: the count is unknown, not zero.
UNCOUNTED = word_set("عدد عده عشرات العشرات ميات العديد بعض جميع several dozens many scores number")


class Side(IntEnum):
    """Which side a victim noun puts the victims on (it decides Attack against Armed clash)."""

    CIVILIAN = auto()
    FIGHTER = auto()
    EITHER = auto()


@dataclass(frozen=True, slots=True)
class VictimNoun:
    """A form of a noun victims are named by: how many it says (1, 2, or None for a plural) and their side."""

    count: int | None
    side: Side
    dual_or_plural: bool = False  # «مدنيين»: the oblique dual of a noun whose plural is sound (no count alone)

    def side_before(self, next_word: str) -> Side:
        """The victims' side, given the word after the noun: a former fighter («عنصر سابق في الفصائل», «قيادي
        سابق») is no longer one, so the victim is a civilian (ACLED codes the killing of settled ex-fighters as
        violence against civilians)."""
        return Side.CIVILIAN if self.side is Side.FIGHTER and next_word in FORMER_WORDS else self.side


FORMER_WORDS = word_set("سابق السابق سابقا سابقان سابقين السابقين")


# Duals and sound plurals. The oblique dual («عنصرين», «شخصين», «طفلين», «جنديين») says two when the noun's plural is
# another, broken form (عناصر, أشخاص, أطفال, جنود). A noun whose plural is sound — nisbas and participles: مدني,
# مسلح, عسكري, مقاتل — writes its oblique plural with the same letters as its oblique dual: unvocalised, «مقتل مدنيين»
# is "civilians" as often as "two civilians", so such a form gives no count (None, not 2: a number would be invented);
# a number beside it decides («مدنيين اثنين», «3 مدنيين»), and so does «على الأقل» right after it (a lower bound is
# said of a number, not of a bare plural). The nominative dual («مدنيان») is never a plural.
LOWER_BOUND_AFTER = ("علي", "الاقل")  # «مقتل مدنيين على الأقل»

# A singular victim noun may carry a pronoun («مقتل سائقها», «أصيب مرافقه»: his or her one) or the accusative
# ending («قتلت قيادياً»); either way it names one victim. Longest suffix first; a feminine noun's «ة» is «ت» before
# a pronoun («طفلته»).
POSSESSIVE_SUFFIXES = ("هما", "هم", "ها", "ه")
ACCUSATIVE_ENDING = "ا"


def _nouns(side: Side, singular: str, dual: str | None, *plurals: str, sound: bool = False) -> dict[str, VictimNoun]:
    """Forms of one noun. `dual` is the stem the dual endings attach to; `sound` when the noun's plural is sound
    (its oblique form «مدنيين» is also the oblique dual's: no count, see above)."""
    out = {singular: VictimNoun(1, side)}
    if dual:
        out[dual + "ان"] = VictimNoun(2, side)
        out[dual + "ين"] = VictimNoun(None, side, dual_or_plural=True) if sound else VictimNoun(2, side)
    for p in plurals:
        out[p] = VictimNoun(None, side)
    return {normalize_name(form): noun for form, noun in out.items()}  # «قائد» is looked up as «قايد»


_C, _F, _X = Side.CIVILIAN, Side.FIGHTER, Side.EITHER
VICTIM_NOUNS: dict[str, VictimNoun] = {
    **_nouns(_X, "شخص", "شخص", "اشخاص"),
    **_nouns(_C, "شاب", "شاب", "شبان", "شباب"),
    **_nouns(_C, "طفل", "طفل", "اطفال"),
    **_nouns(_C, "طفله", "طفلت", "طفلات"),
    **_nouns(_C, "امراه", "امرات", "نساء", "سيدات"),
    **_nouns(_C, "سيده", "سيدت"),
    **_nouns(_C, "رجل", "رجل", "رجال"),
    **_nouns(_C, "مدني", "مدني", "مدنيون", sound=True),
    **_nouns(_C, "مواطن", "مواطن", "مواطنون", sound=True),
    **_nouns(_C, "عامل", "عامل", "عمال", sound=True),
    **_nouns(_C, "لاجي", "لاجي", "لاجيون", sound=True),
    **_nouns(_C, "نازح", "نازح", "نازحون", sound=True),
    **_nouns(_C, "موظف", "موظف", "موظفون", sound=True),
    **_nouns(_C, "مزارع", "مزارع", "مزارعون", sound=True),
    **_nouns(_C, "فتي", None, "فتيان"),
    **_nouns(_C, "فتاه", "فتات", "فتيات"),
    **_nouns(_C, "مسن", "مسن", "مسنون", sound=True),
    **_nouns(_C, "طالب", None, "طلاب"),
    **_nouns(_C, "صحفي", "صحفي", "صحفيون", sound=True),
    **_nouns(_C, "ناشط", "ناشط", "نشطاء", sound=True),
    **_nouns(_C, "شقيق", "شقيق", "اشقاء"),
    **_nouns(_C, "ابن", "ابن", "ابناء"),
    **_nouns(_C, "رئيس", None),
    **_nouns(_C, "مختار", None),
    **_nouns(_C, "ممرض", "ممرض", sound=True),
    **_nouns(_C, "طبيب", "طبيب", "اطباء"),
    **_nouns(_C, "راع", None, "رعاه"),
    **_nouns(_X, "سائق", "سائق", "سائقون", sound=True),
    **_nouns(_X, "مرافق", "مرافق", "مرافقون", sound=True),
    **_nouns(_C, "معلم", "معلم", "معلمون", sound=True),
    **_nouns(_C, "مدرس", "مدرس", "مدرسون", sound=True),
    **_nouns(_C, "مهندس", "مهندس", "مهندسون", sound=True),
    **_nouns(_C, "مسعف", "مسعف", "مسعفون", sound=True),
    **_nouns(_C, "متطوع", "متطوع", "متطوعون", sound=True),
    **_nouns(_C, "صياد", "صياد", "صيادون", sound=True),
    **_nouns(_C, "تاجر", None, "تجار"),
    **_nouns(_F, "عنصر", "عنصر", "عناصر"),
    **_nouns(_F, "جندي", "جندي", "جنود"),
    **_nouns(_F, "مقاتل", "مقاتل", "مقاتلون", sound=True),
    **_nouns(_F, "مقاتله", "مقاتلت", "مقاتلات"),
    **_nouns(_F, "مسلح", "مسلح", "مسلحون", sound=True),
    **_nouns(_F, "قيادي", "قيادي", "قياديون", "قيادات", sound=True),
    **_nouns(_F, "قائد", None, "قاده"),
    **_nouns(_F, "ضابط", "ضابط", "ضباط"),
    **_nouns(_F, "عسكري", "عسكري", "عسكريون", sound=True),
    **_nouns(_F, "شرطي", "شرطي", "شرطيون", sound=True),
    **_nouns(_F, "حارس", "حارس", "حراس"),
    **_nouns(_F, "مهرب", "مهرب", "مهربون", sound=True),
    **_nouns(_X, "فرد", "فرد", "افراد"),
    **_nouns(_X, "ضحيه", "ضحيت", "ضحايا"),
    **_nouns(_X, "قتيل", "قتيل", "قتلي"),
    **_nouns(_X, "person", None, "people", "persons"),
    **_nouns(_C, "civilian", None, "civilians", "children", "women"),
    **_nouns(_F, "soldier", None, "soldiers", "fighters", "members"),
}  # fmt: skip
