"""Every word list the geoparser reads, normalised once at import like the text it is compared with.

Entries are written naturally (هيئة, الرئيس, أطراف) and folded here with `normalize_name` (ة→ه, أإآ→ا, ى→ي ...), so an
entry can never silently miss. Only the Latin capitalisation lists and `STATE_NOUNS` are compared with the text as
written and stay as they are.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from geomap.arabic import CLITIC_PREFIXES, normalize_name
from geomap.relative import ENGLISH_BEARINGS

__all__ = [
    "ADMIN_CONTEXT_WORDS",
    "AREA_TRIGGERS",
    "ARTICLE_TRIGGERS",
    "BETWEEN",
    "BLOCKED",
    "COUNTRYSIDE",
    "COUNTRY_BEFORE",
    "DATE_TAILS",
    "DEFINITE_COUNTRYSIDE",
    "DESERT",
    "DIRECTIONS",
    "DUAL_TRIGGERS",
    "EVENT_WORDS",
    "GENERIC_HEADS",
    "GENERIC_TRIGGERS",
    "LATIN_ADMIN_GAP",
    "LATIN_COUNTRYSIDE",
    "LATIN_DESERT",
    "LATIN_DIRECTIONS",
    "LATIN_EVENT_WORDS",
    "LATIN_GENERIC",
    "LATIN_NEAR",
    "LATIN_OK_AFTER",
    "LATIN_OK_BEFORE",
    "LATIN_PLURAL",
    "LATIN_PREPOSITIONS",
    "LATIN_TRIGGERS",
    "MEDIA",
    "MEDIA_TAILS",
    "NEAR",
    "NEAR_PREFIX",
    "NISBA",
    "NOT_ADJECTIVES",
    "NOT_PLACES",
    "PERSON_PREFIX",
    "PERSON_TITLES",
    "PLURAL_TRIGGERS",
    "PREPOSITIONS",
    "SON_OF",
    "SYRIA_ADJECTIVE",
    "TRIGGERS",
    "in_vocabulary",
]


def _words(words: Iterable[str]) -> frozenset[str]:
    """`words` normalised like text (entries that normalise to nothing are dropped)."""
    return frozenset(filter(None, (normalize_name(w) for w in words)))


_TRIGGERS = {  # trigger word → the kinds (kind or kind:subtype) of place it names
    "مدينه": ("community", "district", "subdistrict", "foreign_city"),
    "مدينتي": ("community",),
    "مدن": ("community",),
    "بلده": ("community", "foreign_city"),
    "بلدتي": ("community",),
    "بلدات": ("community",),
    "قريه": ("community", "foreign_city"),
    "قريتي": ("community",),
    "قري": ("community",),
    "مزرعه": ("community",),
    "مصيف": ("community",),  # «مصيف سلمى»: a summer resort town
    "حي": ("neighbourhood", "community"),
    "احياء": ("neighbourhood", "community"),
    "مخيم": ("landmark:camp", "community", "neighbourhood", "foreign_city"),
    "مخيمات": ("landmark:camp",),
    "محافظه": ("governorate",),
    "محافظتي": ("governorate",),
    "محافظات": ("governorate",),
    "ناحيه": ("subdistrict",),
    "منطقه": ("district", "region", "subdistrict", "community", "neighbourhood", "foreign_city"),
    "معبر": ("landmark:crossing",),
    "معبري": ("landmark:crossing",),
    "قاعده": ("landmark:base", "landmark:airbase"),
    "مطار": ("landmark:airbase", "landmark:airport"),
    "حقل": ("landmark:oil_field", "landmark:gas_field"),
    "حقول": ("landmark:oil_field", "landmark:gas_field"),
    "سد": ("landmark:dam",),
    "نهر": ("landmark:river",),
    "جبل": ("landmark:mountain", "region"),
    "سهل": ("region",),
    "وادي": ("region",),
    "دوله": ("country",),
    "حاجز": ("community", "landmark"),
    "عاصمه": ("foreign_city", "community"),
    "العاصمه": ("foreign_city", "community"),
}
# Triggers that also stand before plain adjectives («مزرعة جديدة», "a new farm") and dual/plural ones.
_GENERIC_TRIGGERS = {"مدينه", "بلده", "قريه", "مزرعه", "منطقه", "حي", "مدن", "قري", "بلدات", "حاجز"}
_DUAL_TRIGGERS = {"بلدتي", "قريتي", "مدينتي", "معبري", "محافظتي"}
# Triggers before which a village the gazetteer holds without its article may be written with it («قرية الفطيرة»
# for «فطيرة»): settlement words (and «منطقة»), whose kinds the candidate must fit.
_ARTICLE_TRIGGERS = {"مدينه", "بلده", "قريه", "بلدتي", "قريتي", "بلدات", "قري", "مزرعه", "منطقه"}
_PLURAL_TRIGGERS = _DUAL_TRIGGERS | {"بلدات", "قري", "مدن", "مخيمات", "احياء", "محافظات"}
# Words that, in front of a name in an alias, only repeat what a trigger says: such aliases are left out of the
# matcher so that «محافظة إدلب» yields the mention «إدلب» with the trigger محافظة as evidence.
_GENERIC_HEADS = {"محافظه", "مدينه", "ناحيه", "منطقه", "بلده", "قريه", "حي"}
_DIRECTIONS = {  # bearing in degrees
    "شمال": 0,
    "شمالي": 0,
    "جنوب": 180,
    "جنوبي": 180,
    "شرق": 90,
    "شرقي": 90,
    "غرب": 270,
    "غربي": 270,
    "الشمالي": 0,
    "الجنوبي": 180,
    "الشرقي": 90,
    "الغربي": 270,
    "الشماليه": 0,
    "الجنوبيه": 180,
    "الشرقيه": 90,
    "الغربيه": 270,
}
_NEAR = {"اطراف", "محيط", "قرب", "ضواحي", "مشارف", "تخوم", "جوار", "بمحاذاه", "محاذاه", "قباله"}
_COUNTRYSIDE = {"ريف", "ريفي", "ارياف"}
_DESERT = {"باديه", "صحراء"}
_ADMIN_CONTEXT_WORDS = {
    "في",
    "ب",
    "من",
    "،",
    ",",
    "التابعه",
    "التابع",
    "(",
    "-",
    "قرب",
    "بالقرب",
    "محيط",
    "اداريا",
    "الواقعه",
    "الواقع",
}
_NISBA = {  # nisba adjective → governorate P-code, for «الريف الإدلبي»
    "الادلبي": "SY07",
    "الحلبي": "SY02",
    "الحموي": "SY05",
    "الحمصي": "SY04",
    "الدمشقي": "SY03",
    "الدرعاوي": "SY12",
    "الرقاوي": "SY11",
    "الديري": "SY09",
    "اللاذقاني": "SY06",
    "الطرطوسي": "SY10",
    "الحسكاوي": "SY08",
    "القنيطري": "SY14",
    "السويداوي": "SY13",
}
_BLOCKED = [  # organisations and titles containing place names that are not place mentions
    "هيئه تحرير الشام",
    "احرار الشام",
    "جيش الشام",
    "فيلق الشام",
    "صقور الشام",
    "اهل الشام",
    "بلاد الشام",
    "قوات سوريا الديمقراطيه",
    "مجلس سوريا الديمقراطيه",
    "الجيش السوري الحر",
    "الجيش الوطني السوري",
    "جبهه النصره",
    "تنظيم الدوله",
    "الدوله الاسلاميه في العراق والشام",
    "جيش الاسلام",
    "حزب الله",
    "جيش العزه",
    "الحزب الاسلامي التركستاني",
    "لواء القدس",
    "فيلق القدس",
    "سرايا القدس",
    "جيش سوريا الحره",
    "تلفزيون سوريا",
    "سوريا اليوم",
    "المرصد السوري",
    "الائتلاف السوري",
    "شبكه شام",
    "شام اف ام",
    "مجلس دير الزور العسكري",
    "مجلس منبج العسكري",
    "مجلس الرقه المدني",
    "العشائر العربيه",
    "حلب الشهباء",
    "الجبهه الشاميه",
    "غرفه عمليات",
    "اذاعه دمشق",
    "جامعه دمشق",
    "جامعه حلب",
    "جامعه ادلب",
    "اعلان دمشق",
    "ربيع دمشق",
    "مؤتمر جنيف",
    "مسار استانا",
    "محادثات استانا",
    "اتفاق سوتشي",
    "قوات سوريه الديمقراطيه",
    "الشام للحق",
    "syrian observatory",
    "syrian democratic forces",
    "syrian democratic council",
    "free syrian army",
    "syrian national army",
    "syrian arab news agency",
    "syrian national coalition",
    "syrian civil defence",
    "syrian american",
    "syrian arab red crescent",
]


# Words before a name that make it a person's name (السيد براق، الرئيس الشرع، المدافع خالد).
_PERSON_TITLES = """
    السيد السيدة الشيخ الرئيس المدير العميد اللواء العقيد الرائد النقيب الدكتور د النائب الوزير الفنان الفنانة الشاعر
    الكاتب الصحفي الناشط الناشطة القائد المدعو المواطن الشاب الطفل الطفلة الحاج الحاجة الأستاذ المهندس الأمير الملك
    الإمام المطران الأب البطريرك المدافع اللاعب المدرب المهاجم الحارس المتحدث الباحث المحلل الرسالة السفير المبعوث
    الجنرال الملازم الرقيب القاضي ابن بن أبو أم بنت عائلة آل
"""
# Words naming a channel, outlet or institute: «قناة الميادين», «مراسل الميادين» are not the town.
_MEDIA = "مركز معهد قناة مراسل مراسلة شبكة موقع صحيفة وكالة تلفزيون إذاعة جريدة مجلة راديو منصة حساب صفحة نورث ساوث"
# Words after a name that make it an outlet's («بلدي نيوز», «حلب اليوم» is blocked whole): transliterated English.
_MEDIA_TAILS = "نيوز بوست برس تايمز انفو إنفو تي اف إف أونلاين اونلاين ميديا"
# Words right after a number-led name that make it a date («6 تشرين الأول/أكتوبر» is not the village «6 تشرين»).
_DATE_TAILS = "الأول الثاني الاول"
_PREPOSITIONS = "في إلى من نحو باتجاه عند داخل حول على اتجاه عبر"
# Event words that make the next name a place where something happened (قصف على X، غارة جوية في X).
_EVENT_WORDS = """
    قصف غارة غارات استهدف استهداف استهدفت هجوم هجمات اشتباكات اشتباك معارك انفجار تفجير مداهمة حملة اقتحام اقتحمت
    سيطرة تقدم نزوح مقتل إصابة سقوط قذائف صواريخ مسيرة كمين اغتيال اعتقال اعتقالات مظاهرة تظاهرة احتجاجات وقفة شن شنت
    نفذ نفذت دخلت انسحبت وصلت قتلى جرحى ضحايا قصفت
"""
# Single words that are never place mentions on their own, whatever an alias list says (beside every trigger,
# direction, near, countryside and desert word).
_NOT_PLACES = """
    الريف المدينة العاصمة البلد الدولة المنطقة المحافظة القرية البلدة الشمال الجنوب الشرق الغرب الوسط الحدود المركز مركز
"""
_LATIN_OK_BEFORE = """
    In At Near From To Of Eastern Western Northern Southern Central Rural Old Greater North South East West
"""
_LATIN_OK_AFTER = """
    Province Governorate City District Desert Countryside Airport Airbase Camp Dam River Crossing Subdistrict Region
    Plain Mountains Valley Border In On And The
"""

# --------------------------------------------------------------------------------------------- English (Latin)
# Compared with the normalised text (lower case, apostrophes and hyphens as spaces); read only around Latin names.
#: English trigger word → the kinds of place it names (merged into `TRIGGERS`).
LATIN_TRIGGERS: dict[str, tuple[str, ...]] = {
    "town": ("community", "foreign_city"),
    "towns": ("community",),
    "village": ("community",),
    "villages": ("community",),
    "city": ("community", "foreign_city"),
    "cities": ("community",),
    "hamlet": ("community",),
    "farm": ("community",),
    "farms": ("community",),
    "neighbourhood": ("neighbourhood", "community"),
    "neighborhood": ("neighbourhood", "community"),
    "neighbourhoods": ("neighbourhood", "community"),
    "neighborhoods": ("neighbourhood", "community"),
    "quarter": ("neighbourhood",),
    "district": ("district", "neighbourhood"),
    "subdistrict": ("subdistrict",),
    "nahiya": ("subdistrict",),
    "nahiyah": ("subdistrict",),
    "province": ("governorate",),
    "governorate": ("governorate",),
    "camp": ("landmark:camp", "community", "neighbourhood"),
    "crossing": ("landmark:crossing",),
    "airbase": ("landmark:airbase", "landmark:airport"),
    "airport": ("landmark:airbase", "landmark:airport"),
    "dam": ("landmark:dam",),
    "river": ("landmark:river",),
    "mountain": ("landmark:mountain", "region"),
    "mount": ("landmark:mountain", "region"),
}
#: Plural triggers: «the villages of X and Y» covers Y too.
LATIN_PLURAL = frozenset({"towns", "villages", "cities", "farms", "neighbourhoods", "neighborhoods"})
#: Triggers that also stand before ordinary words («the town of Hope»): the name must be rare as a word.
LATIN_GENERIC = frozenset(
    {"town", "towns", "village", "villages", "city", "cities", "farm", "farms", "district", "camp"}
)
LATIN_DIRECTIONS = ENGLISH_BEARINGS  # compass words before or after a name
LATIN_COUNTRYSIDE = frozenset({"countryside", "rural", "hinterland", "suburbs"})
LATIN_NEAR = frozenset({"outskirts", "vicinity", "near", "outside", "around", "edge", "edges", "surroundings"})
LATIN_DESERT = frozenset({"desert", "badia"})
#: Words that may stand between a name and the admin unit that places it («X in the northern Hama countryside»).
LATIN_ADMIN_GAP = frozenset(
    {"in", "of", "the", "near", "at", ",", "(", "-", *LATIN_TRIGGERS, *LATIN_DIRECTIONS, *LATIN_COUNTRYSIDE}
)
#: Prepositions and event words that make a following name a place where something happened.
LATIN_PREPOSITIONS = frozenset({"in", "at", "to", "from", "into", "towards", "toward", "near", "on", "around"})
LATIN_EVENT_WORDS = frozenset(
    [
        "shelling",
        "shelled",
        "airstrike",
        "airstrikes",
        "strike",
        "strikes",
        "struck",
        "bombardment",
        "bombed",
        "bombing",
        "clashes",
        "clashed",
        "attack",
        "attacked",
        "attacks",
        "raid",
        "raids",
        "killed",
        "wounded",
        "explosion",
        "exploded",
        "ambush",
        "ambushed",
        "offensive",
        "advance",
        "captured",
        "seized",
        "protest",
        "protests",
    ]
)

TRIGGERS: dict[str, tuple[str, ...]] = {normalize_name(w): kinds for w, kinds in _TRIGGERS.items()} | LATIN_TRIGGERS
#: Triggers that also stand before plain adjectives («مزرعة جديدة», "a new farm").
GENERIC_TRIGGERS = _words(_GENERIC_TRIGGERS) | LATIN_GENERIC
#: Dual and plural triggers: «بلدتي نبل والزهراء» covers the coordinated name too.
PLURAL_TRIGGERS = _words(_PLURAL_TRIGGERS) | LATIN_PLURAL
#: Dual triggers name exactly two places: their list does not run on past names the gazetteer does not know.
DUAL_TRIGGERS = _words(_DUAL_TRIGGERS)
ARTICLE_TRIGGERS = _words(_ARTICLE_TRIGGERS)
#: Triggers that name an area unit itself: after them a district named like its town is not penalised.
AREA_TRIGGERS = _words({"منطقة", "ناحية", "district", "subdistrict", "nahiya", "nahiyah"})
#: Words that, in front of a name in an alias, only repeat what a trigger says: such aliases are left out of the
#: matcher so that «محافظة إدلب» yields the mention «إدلب» with the trigger محافظة as evidence.
GENERIC_HEADS = _words(_GENERIC_HEADS)
#: Direction word → bearing in degrees. Bare forms (شمال X) come before a name, definite ones (ريف X الشرقي) after.
DIRECTIONS: dict[str, float] = {normalize_name(w): b for w, b in _DIRECTIONS.items()}
NEAR = _words(_NEAR)  # «أطراف X», «محيط X»: the surroundings of a place
NEAR_PREFIX = _words({"القرب", "قرب"})  # «بالقرب من X», «قرب من X»
COUNTRYSIDE = _words(_COUNTRYSIDE)  # «ريف X», «ريفي X وY»
DESERT = _words(_DESERT)  # «بادية X»
#: The definite relative word before a direction and a ل+name: «الريف الشرقي لحلب», «البادية الشرقية لحمص».
DEFINITE_COUNTRYSIDE: dict[str, str] = {normalize_name("الريف"): "countryside", normalize_name("البادية"): "desert"}
#: Words that may stand between a name and the admin unit that places it («X في ريف حماة», «X، إدلب», «X التابعة لـ Y»).
ADMIN_CONTEXT_WORDS = _words(_ADMIN_CONTEXT_WORDS)
BETWEEN = _words({"بين"})  # «بين X وY»: the name is one end of a pair
#: Road words: «طريق X - Y», «أوتوستراد X Y» name a road by its two ends (the second is no admin unit of the first).
ROADS = _words({"طريق", "الطريق", "أوتوستراد", "الأوتوستراد", "اتوستراد", "الاتوستراد"})
#: How a gazetteer name built on a road word starts («طريق حلب», a neighbourhood of Hama).
ROAD_NAME_PREFIX = normalize_name("طريق") + " "
#: Nisba adjective → governorate P-code, for «الريف الإدلبي».
NISBA: dict[str, str] = {normalize_name(w): code for w, code in _NISBA.items()}
#: Organisations and titles containing place names that are not place mentions.
BLOCKED: tuple[str, ...] = tuple(normalize_name(p) for p in _BLOCKED)
PERSON_TITLES = _words(_PERSON_TITLES.split())
PERSON_PREFIX = normalize_name("أبو")  # «أبو بكر» is a person before it is a hamlet
SON_OF = _words({"بن", "ابن"})  # a name followed by «بن» is a person's
MEDIA = _words(_MEDIA.split())
MEDIA_TAILS = _words(_MEDIA_TAILS.split())
_DESCRIBING = "السوري السورية الشمالية الجنوبية الشرقية الغربية الفوقاني التحتاني الغربي الشرقي"
#: Definite -i/-iya words after a name that describe the place rather than make the name an ordinary noun: directions,
#: nationality («مدينة الباب السورية»), the governorate adjectives (nisba).
NOT_ADJECTIVES = frozenset(DIRECTIONS) | frozenset(NISBA) | _words(_DESCRIBING.split())
DATE_TAILS = _words(_DATE_TAILS.split())
PREPOSITIONS = _words(_PREPOSITIONS.split())
EVENT_WORDS = _words(_EVENT_WORDS.split())
NOT_PLACES = _words({*_TRIGGERS, *_DIRECTIONS, *_NEAR, *_COUNTRYSIDE, *_DESERT, *_NOT_PLACES.split()}) | frozenset(
    {*LATIN_TRIGGERS, *LATIN_DIRECTIONS, *LATIN_NEAR, *LATIN_COUNTRYSIDE, *LATIN_DESERT}
)
#: «سورية» may be the adjective "Syrian" (original spelling, compared with the text as written).
SYRIA_ADJECTIVE = frozenset({"سورية", "سوريه"})
#: Words after which «سورية» is the country, not the adjective: prepositions, directions, state nouns, verbs of
#: visiting and leaving («في سورية», «شمال سورية», «دولة سورية», «غادر سورية»).
_COUNTRY_BEFORE = """
    في الى إلى من عن على داخل خارج نحو حول مع بين عبر لدى عند باتجاه تجاه شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي
    أنحاء انحاء دولة جمهورية الجمهورية لدولة بدولة زار يزور غادر دخل دخلت غادرت زارت و
"""
COUNTRY_BEFORE = _words(_COUNTRY_BEFORE.split())
#: Capitalised English words before or after a Latin match that do not make it part of a longer proper name.
LATIN_OK_BEFORE = frozenset(_LATIN_OK_BEFORE.split())
LATIN_OK_AFTER = frozenset(_LATIN_OK_AFTER.split())

_CLITIC_FIRST = frozenset(p[0] for p in CLITIC_PREFIXES)


def in_vocabulary(word: str, vocab: frozenset[str]) -> str | None:
    """The entry of `vocab` that `word` is, itself or after a proclitic («وريف» → «ريف»), or None."""
    if word in vocab:
        return word
    if len(word) < 3 or word[0] not in _CLITIC_FIRST:
        return None
    return _strip_proclitic(word, vocab)


@functools.lru_cache(maxsize=65536)
def _strip_proclitic(word: str, vocab: frozenset[str]) -> str | None:
    for k in (1, 2, 3):
        if len(word) > k + 1 and word[:k] in CLITIC_PREFIXES and word[k:] in vocab:
            return word[k:]
    return None
