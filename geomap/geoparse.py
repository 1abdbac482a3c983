"""Find place mentions in Arabic (or English) text and resolve them against the gazetteer.

The pipeline, per text:

1. ``normalize`` folds orthography (hamza forms, ta marbuta, alef maqsura, diacritics, tatweel, bidi marks,
   Persian letters, Arabic-Indic digits) and keeps a map back to the original characters.
2. One Aho-Corasick scan (pyahocorasick) finds every gazetteer name, no-space variant (ديرالزور), the ل+ال form
   (للحسكة), nisba phrases (الريف الإدلبي) and organisation names that must not yield places (هيئة تحرير الشام).
3. Hits are kept only on word boundaries, after an allowed chain of proclitics (و ف ب ل ك), longest first.
4. Context around each hit is read: trigger words (مدينة، قرية، معبر، مطار ...), relative phrases (ريف X الشرقي،
   شمال X، أطراف X، بادية X، بين X وY), distance phrases (على بعد 10 كم شمال X) and admin context (X بريف حماة).
5. A name that is also a common word (wordfreq's Arabic or English frequencies) needs evidence unless the place is
   important enough to be meant; foreign places win over Syrian villages of the same name.
6. Candidates are scored on importance, trigger fit, admin context and distance to the other places in the document;
   relative phrases get a derived geometry (the eastern part of a governorate, a wedge north of a town ...).
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import threading
import weakref
from dataclasses import dataclass, field
from typing import Any

import ahocorasick
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from geomap.arabic import CLITIC_PREFIXES, normalize, normalize_name
from geomap.earth import haversine_km
from geomap.gazetteer import Gazetteer, Place, load_gazetteer

__all__ = ["Geoparser", "Mention", "geoparse", "get_geoparser", "precision_of"]

# ------------------------------------------------------------------------------------------------- vocabulary
# All words below are in normalised form (see geomap.arabic): ة→ه, أإآ→ا, ى→ي.
_TRIGGERS: dict[str, tuple[str, ...]] = {
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
    "حي": ("neighbourhood", "community"),
    "احياء": ("neighbourhood", "community"),
    "مخيم": ("landmark:camp", "community", "neighbourhood", "foreign_city"),
    "مخيمات": ("landmark:camp",),
    "محافظه": ("governorate",),
    "محافظتي": ("governorate",),
    "محافظات": ("governorate",),
    "ناحيه": ("subdistrict",),
    "منطقه": ("district", "region", "subdistrict", "community"),
    "معبر": ("landmark:crossing",),
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
_GENERIC_TRIGGERS = frozenset({"مدينه", "بلده", "قريه", "مزرعه", "منطقه", "حي", "مدن", "قري", "بلدات", "حاجز"})
_PLURAL_TRIGGERS = frozenset(
    {"بلدتي", "قريتي", "مدينتي", "بلدات", "قري", "مدن", "مخيمات", "احياء", "محافظتي", "محافظات"}
)
# Words that, in front of a name in an alias, only repeat what a trigger says: such aliases are left out of the
# matcher so that «محافظة إدلب» yields the mention «إدلب» with the trigger محافظة as evidence.
_GENERIC_HEADS = {"محافظه", "مدينه", "ناحيه", "منطقه", "بلده", "قريه", "حي"}
_DIRECTIONS: dict[str, float] = {  # bearing in degrees
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
_NEAR = frozenset({"اطراف", "محيط", "قرب", "ضواحي", "مشارف", "تخوم", "جوار", "بمحاذاه", "محاذاه", "قباله"})
_COUNTRYSIDE = frozenset({"ريف", "ريفي", "ارياف"})
_DESERT = frozenset({"باديه", "صحراء"})
_ADMIN_CONTEXT_WORDS = {"في", "ب", "من", "،", ",", "التابعه", "التابع", "(", "-", "قرب", "بالقرب", "محيط"}
_NISBA: dict[str, str] = {  # nisba adjective → governorate P-code, for «الريف الإدلبي»
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

# Single words that are never place mentions on their own, whatever an alias list says.
_NOT_PLACES = frozenset(
    {
        *_TRIGGERS,
        *_DIRECTIONS,
        *_NEAR,
        *_COUNTRYSIDE,
        *_DESERT,
        "الريف",
        "المدينه",
        "العاصمه",
        "البلد",
        "الدوله",
        "المنطقه",
        "المحافظه",
        "القريه",
        "البلده",
        "الشمال",
        "الجنوب",
        "الشرق",
        "الغرب",
        "الوسط",
        "الحدود",
        "المركز",
        "مركز",
    }
)
# Words before a name that make it a person's name (السيد براق، الرئيس الشرع، المدافع خالد).
_PERSON_TITLES = frozenset(
    {
        "السيد",
        "السيده",
        "الشيخ",
        "الرئيس",
        "المدير",
        "العميد",
        "اللواء",
        "العقيد",
        "الرائد",
        "النقيب",
        "الدكتور",
        "د",
        "النائب",
        "الوزير",
        "الفنان",
        "الفنانه",
        "الشاعر",
        "الكاتب",
        "الصحفي",
        "الناشط",
        "الناشطه",
        "القائد",
        "المدعو",
        "المواطن",
        "الشاب",
        "الطفل",
        "الطفله",
        "السيدة",
        "الحاج",
        "الحاجه",
        "الاستاذ",
        "المهندس",
        "الامير",
        "الملك",
        "الامام",
        "المطران",
        "الاب",
        "البطريرك",
        "المدافع",
        "اللاعب",
        "المدرب",
        "المهاجم",
        "الحارس",
        "المتحدث",
        "الباحث",
        "المحلل",
        "الرساله",
        "السفير",
        "المبعوث",
        "الجنرال",
        "الملازم",
        "الرقيب",
        "القاضي",
        "ابن",
        "بن",
        "ابو",
        "ام",
        "بنت",
        "عائله",
        "ال",
    }
)
# Words naming a channel or outlet: «قناة الميادين», «مراسل الميادين» are not the town.
_MEDIA = frozenset(
    {
        "مركز",
        "معهد",
        "قناه",
        "مراسل",
        "مراسله",
        "شبكه",
        "موقع",
        "صحيفه",
        "وكاله",
        "تلفزيون",
        "اذاعه",
        "جريده",
        "مجله",
        "راديو",
        "منصه",
        "حساب",
        "صفحه",
    }
)
_PREPOSITIONS = frozenset({"في", "الي", "من", "نحو", "باتجاه", "عند", "داخل", "حول", "علي", "اتجاه", "عبر"})
# Event words that make the next name a place where something happened (قصف على X، غارة جوية في X).
_EVENT_WORDS = frozenset(
    {
        "قصف",
        "غاره",
        "غارات",
        "استهدف",
        "استهداف",
        "استهدفت",
        "هجوم",
        "هجمات",
        "اشتباكات",
        "اشتباك",
        "معارك",
        "انفجار",
        "تفجير",
        "مداهمه",
        "حمله",
        "اقتحام",
        "اقتحمت",
        "سيطره",
        "تقدم",
        "نزوح",
        "مقتل",
        "اصابه",
        "سقوط",
        "قذائف",
        "صواريخ",
        "مسيره",
        "كمين",
        "اغتيال",
        "اعتقال",
        "اعتقالات",
        "مظاهره",
        "تظاهره",
        "احتجاجات",
        "وقفه",
        "شن",
        "شنت",
        "نفذ",
        "نفذت",
        "دخلت",
        "انسحبت",
        "وصلت",
        "قتلي",
        "جرحي",
        "ضحايا",
        "قصفت",
    }
)
# The vocabularies above are compared with normalised text: fold them the same way once, so an entry written
# naturally («الرئيس», «هيئة») can never silently miss.
_BLOCKED = [normalize_name(p) for p in _BLOCKED]
_PERSON_TITLES = frozenset(normalize_name(w) for w in _PERSON_TITLES)
_EVENT_WORDS = frozenset(normalize_name(w) for w in _EVENT_WORDS)
_ADMIN_CONTEXT_WORDS = frozenset(filter(None, (normalize_name(w) for w in _ADMIN_CONTEXT_WORDS)))
_CLITIC_FIRST = frozenset(p[0] for p in CLITIC_PREFIXES)
_TRIGGER_WORDS = frozenset(_TRIGGERS)
_DIRECTION_WORDS = frozenset(_DIRECTIONS)
_NEAR_PREFIX = frozenset({"القرب", "قرب"})
_BETWEEN = frozenset({"بين"})
_WORD_RE = re.compile(r"[^\W_]+|[،,؛;()\[\]]", re.UNICODE)  # quotes are not words: «مركز "صوفان"»
_NUMBER_KM_RE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:كم|كيلو|كيلومتر|كيلومترات|km)\s*$")
_KM_WORDS = {"كم", "كيلو", "كيلومتر", "كيلومترات", "km"}
_LATIN = re.compile(r"[a-z]")

_PRECISION_BY_KIND = {
    "community": 1,
    "neighbourhood": 1,
    "landmark": 1,
    "foreign_city": 1,
    "subdistrict": 2,
    "district": 2,
    "governorate": 3,
    "region": 3,
    "country": 3,
}


@dataclass(slots=True)
class Mention:
    """A place mention: where it is in the text and what it resolves to."""

    start: int
    end: int
    text: str
    place: Place | None = None
    in_syria: bool = False
    lat: float | None = None
    lon: float | None = None
    geometry: BaseGeometry | None = None
    kind: str | None = None
    confidence: float = 0.0
    precision: int | None = None
    alternatives: list[tuple[str, float]] = field(default_factory=list)
    relation: str | None = None  # countryside, near, desert, between, or a direction such as "north"
    phrase_start: int = 0
    phrase_end: int = 0
    evidence: list[str] = field(default_factory=list)

    @property
    def place_id(self) -> str | None:
        return self.place.id if self.place else None

    @property
    def name(self) -> str:
        """A readable name of what the mention resolves to (the relation included)."""
        if self.place is None:
            return self.text
        base = self.place.name_ar or self.place.name_en
        return f"{_RELATION_AR.get(self.relation, '')}{base}" if self.relation else base

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (geometry as its type; use `geometry` for the shape)."""
        p = self.place
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "phrase_start": self.phrase_start,
            "phrase_end": self.phrase_end,
            "place_id": p.id if p else None,
            "pcode": p.pcode if p else None,
            "name_ar": p.name_ar if p else None,
            "name_en": p.name_en if p else None,
            "kind": self.kind,
            "relation": self.relation,
            "in_syria": self.in_syria,
            "lat": None if self.lat is None else round(self.lat, 6),
            "lon": None if self.lon is None else round(self.lon, 6),
            "geometry_type": self.geometry.geom_type if self.geometry is not None else None,
            "precision": self.precision,
            "confidence": round(self.confidence, 3),
            "admin1": p.admin1 if p else None,
            "admin2": p.admin2 if p else None,
            "admin3": p.admin3 if p else None,
            "alternatives": [{"place_id": i, "score": round(s, 3)} for i, s in self.alternatives],
            "evidence": list(self.evidence),
        }


_RELATION_AR = {
    "countryside": "ريف ",
    "near": "محيط ",
    "desert": "بادية ",
    "between": "",
    "north": "شمال ",
    "south": "جنوب ",
    "east": "شرق ",
    "west": "غرب ",
    "northeast": "شمال شرق ",
    "northwest": "شمال غرب ",
    "southeast": "جنوب شرق ",
    "southwest": "جنوب غرب ",
}
_BEARING_NAMES = {
    0: "north",
    45: "northeast",
    90: "east",
    135: "southeast",
    180: "south",
    225: "southwest",
    270: "west",
    315: "northwest",
}


@dataclass(slots=True)
class _Hit:
    start: int  # normalised offsets of the name itself
    end: int
    key: str  # canonical normalised name
    ktype: str  # name, lam, nisba, block
    ids: list[str]
    clitic: str = ""


# ----------------------------------------------------------------------------------------------- word frequency
@functools.lru_cache(maxsize=200_000)
def _zipf(word: str, lang: str) -> float:
    """wordfreq's zipf frequency of `word`, taking the most common of its informal spellings (ه/ة, ي/ى, ا/أ):
    «الثوره» is the word «الثورة» written casually."""
    from wordfreq import zipf_frequency

    if lang != "ar":
        return zipf_frequency(word, lang)
    variants = {word}
    if word.endswith("ه"):
        variants.add(word[:-1] + "ة")
    if word.endswith("ي"):
        variants.add(word[:-1] + "ى")
    if word.startswith("ا"):
        variants.update({"أ" + word[1:], "إ" + word[1:]})
    if word.startswith("ال") and len(word) > 2 and word[2] == "ا":
        variants.update({"الأ" + word[3:], "الإ" + word[3:]})
    return max(zipf_frequency(v, lang) for v in variants)


_FOREIGN_BONUS = 0.25
_CONTEXT_WINDOW = 4000  # characters either side of a mention whose places count as its document context
_MAX_ANCHORS = 60
_STANDALONE = 0.75  # a place less important than a sub-district capital needs some context to be taken


def _required_importance(zipf: float, *, strict: bool) -> float:
    """How important a place must be to be taken when its name is a word this common (wordfreq zipf).

    `strict` applies to a name with no context; otherwise (a document about Syria, an event word or preposition
    before it) the bar is lower, and a village whose name wordfreq hardly knows is taken."""
    steps = (
        ((3.5, 0.7), (4.0, 0.85), (4.5, 0.9), (5.5, 0.95))
        if strict
        else ((2.8, 0.0), (3.5, 0.5), (4.0, 0.7), (4.6, 0.85), (5.2, 0.9), (5.8, 0.95))
    )
    for limit, need in steps:
        if zipf < limit:
            return need
    return 1.0


_LATIN_OK_BEFORE = frozenset(
    {
        "In",
        "At",
        "Near",
        "From",
        "To",
        "Of",
        "Eastern",
        "Western",
        "Northern",
        "Southern",
        "Central",
        "Rural",
        "Old",
        "Greater",
        "North",
        "South",
        "East",
        "West",
    }
)
_LATIN_OK_AFTER = frozenset(
    {
        "Province",
        "Governorate",
        "City",
        "District",
        "Desert",
        "Countryside",
        "Airport",
        "Airbase",
        "Camp",
        "Dam",
        "River",
        "Crossing",
        "Subdistrict",
        "Region",
        "Plain",
        "Mountains",
        "Valley",
        "Border",
        "In",
        "On",
        "And",
        "The",
    }
)


class Geoparser:
    """A geoparser bound to one gazetteer. Build once, call many times (thread-safe for reading)."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self._automaton = self._build_automaton()
        _zipf("سوريا", "ar"), _zipf("syria", "en")  # load wordfreq's tables now, not inside the first parse
        self._geom_cache: dict[tuple, tuple[BaseGeometry, int, Point]] = {}

    # ------------------------------------------------------------------------------------------------- matcher
    def _build_automaton(self) -> ahocorasick.Automaton:
        gaz = self.gazetteer
        auto = ahocorasick.Automaton()
        entries: dict[str, tuple[str, str]] = {}
        keys = dict(gaz.names())
        for key, ids in keys.items():
            if len(key) < 2 or not ids:
                continue
            if key in _NOT_PLACES:
                continue
            head, _, rest = key.partition(" ")
            if head in _GENERIC_HEADS and rest in keys and set(ids) <= set(keys[rest]):
                continue
            entries[key] = ("name", key)
        for key in list(entries):
            if " " in key and not _LATIN.search(key):
                joined = key.replace(" ", "")
                entries.setdefault(joined, ("name", key))
            if key.startswith("ال") and len(key) > 4:
                entries.setdefault("ل" + key[2:], ("lam", key))
        for adjective in _NISBA:
            entries["الريف " + adjective] = ("nisba", adjective)
        for phrase in _BLOCKED:
            entries[phrase] = ("block", phrase)
        for surface, (ktype, key) in entries.items():
            auto.add_word(surface, (ktype, key, len(surface)))
        auto.make_automaton()
        return auto

    # ------------------------------------------------------------------------------------------------ parsing
    def parse(self, text: str) -> list[Mention]:
        """Every place mention in `text`, in text order."""
        if not isinstance(text, str):
            raise TypeError(f"geoparse expects str, not {type(text).__name__}")
        if not text:
            return []
        norm = normalize(text)
        hits = self._hits(norm.text, norm.original, norm)
        mentions = self._resolve(norm.text, hits, norm)
        return mentions

    def _hits(self, ntext: str, original: str, norm) -> list[_Hit]:
        gaz = self.gazetteer
        raw: list[_Hit] = []
        n = len(ntext)
        for end_idx, (ktype, key, length) in self._automaton.iter(ntext):
            start = end_idx - length + 1
            end = end_idx + 1
            if end < n and ntext[end].isalnum():
                continue
            latin = bool(_LATIN.match(key))
            clitic = ""
            if start > 0 and ntext[start - 1].isalnum():
                if latin:
                    continue
                ws = start - 1
                while ws > 0 and ntext[ws - 1].isalnum() and start - ws < 4:
                    ws -= 1
                if ws > 0 and ntext[ws - 1].isalnum():
                    continue
                clitic = ntext[ws:start]
                if clitic not in CLITIC_PREFIXES:
                    continue
            if ktype == "lam" and not clitic.endswith("ل"):
                continue
            if latin:
                o_start, _ = norm.to_original(start, end)
                if not original[o_start].isupper():
                    continue  # English place names are capitalised; "homs" in a URL or word is not one
            if ktype == "lam":
                # «للحسكة»: the matched text «لحسكة» stands for «الحسكة»; the span keeps what is written.
                ids = gaz.ids_for_name(key)
            elif ktype in ("nisba", "block"):
                ids = []
            else:
                ids = gaz.ids_for_name(key)
            if ktype in ("name", "lam") and not ids:
                continue
            raw.append(_Hit(start, end, key, ktype, ids, clitic))
        # Longest match wins; among equals the leftmost.
        raw.sort(key=lambda h: (-(h.end - h.start), h.start))
        taken: list[_Hit] = []
        occupied = bytearray(n + 1)
        for h in raw:
            if any(occupied[h.start : h.end]):
                continue
            occupied[h.start : h.end] = b"\x01" * (h.end - h.start)
            taken.append(h)
        taken.sort(key=lambda h: h.start)
        return [h for h in taken if h.ktype != "block"]

    # ---------------------------------------------------------------------------------------------- context
    @staticmethod
    def _words_before(ntext: str, start: int, clitic: str, count: int = 4) -> list[str]:
        """Up to `count` tokens before a hit, nearest last (the hit's own clitic excluded)."""
        window = ntext[max(0, start - len(clitic) - 60) : start - len(clitic)]
        return _WORD_RE.findall(window)[-count:]

    @staticmethod
    def _words_after(ntext: str, end: int, count: int = 4) -> list[str]:
        return _WORD_RE.findall(ntext[end : end + 60])[:count]

    @staticmethod
    def _strip_clitic(word: str, vocab: frozenset[str]) -> str | None:
        """`word` itself or minus a proclitic, if that is in `vocab`."""
        if word in vocab:
            return word
        if len(word) < 3 or word[0] not in _CLITIC_FIRST:
            return None
        return _strip_proclitic(word, vocab)

    def _context(self, ntext: str, hit: _Hit) -> dict[str, Any]:
        before = self._words_before(ntext, hit.start, hit.clitic)
        after = self._words_after(ntext, hit.end)
        ctx: dict[str, Any] = {
            "trigger": None,
            "relation": None,
            "bearing": None,
            "distance_km": None,
            "between": False,
            "person": False,
            "phrase_words_before": 0,
            "phrase_words_after": 0,
        }
        prev = before[-1] if before else ""
        prev2 = before[-2] if len(before) > 1 else ""
        # A trigger right before the name may itself follow a relative word: «أطراف مدينة سراقب».
        first_trigger = self._strip_clitic(prev, _TRIGGER_WORDS)
        k = 1 if first_trigger is not None else 0
        rp = before[-1 - k] if len(before) > k else ""
        rp2 = before[-2 - k] if len(before) > k + 1 else ""
        # "ريف X" / "بادية X" / "محيط X" / direction X (possibly "شمال غرب X", "شمال غربي X")
        if (w := self._strip_clitic(rp, _COUNTRYSIDE)) is not None:
            ctx["relation"], _rel_word = "countryside", w
            ctx["phrase_words_before"] = 1
        elif (w := self._strip_clitic(rp, _DESERT)) is not None:
            ctx["relation"], _rel_word = "desert", w
            ctx["phrase_words_before"] = 1
        elif self._strip_clitic(rp, _NEAR) is not None or (
            rp == "من" and self._strip_clitic(rp2, _NEAR_PREFIX) is not None
        ):
            ctx["relation"] = "near"
            ctx["phrase_words_before"] = 1 if rp != "من" else 2
        elif (w := self._strip_clitic(rp, _DIRECTION_WORDS)) is not None and not w.startswith("ال"):
            bearing = _DIRECTIONS[w]
            used = 1
            w2 = self._strip_clitic(rp2, _DIRECTION_WORDS)
            if w2 is not None and not w2.startswith("ال") and _DIRECTIONS[w2] in (0, 180) and bearing in (90, 270):
                bearing = _combine(_DIRECTIONS[w2], bearing)
                used = 2
            ctx["relation"], ctx["bearing"] = "direction", bearing
            ctx["phrase_words_before"] = used
            km_window = " ".join(before[: len(before) - used - k][-3:])
            m = _NUMBER_KM_RE.search(km_window)
            if m:
                ctx["distance_km"] = float(m.group(1).replace(",", "."))
        if ctx["relation"] is not None:
            ctx["phrase_words_before"] += k
        # the trigger: right before the name, or before the relative phrase («قرية ... » is rare)
        if first_trigger is not None:
            ctx["trigger"] = first_trigger
        elif ctx["relation"] is not None and len(before) > ctx["phrase_words_before"]:
            ctx["trigger"] = self._strip_clitic(before[-1 - ctx["phrase_words_before"]], _TRIGGER_WORDS)
        # directions written after: "ريف حلب الشرقي", "ريف إدلب الجنوبي الغربي"
        if ctx["relation"] in ("countryside", "desert") or hit.ktype == "nisba":
            i = 0
            bearing = None
            while (
                i < len(after)
                and after[i] in _DIRECTIONS
                and _DIRECTIONS[after[i]] is not None
                and after[i].startswith("ال")
                and i < 2
            ):
                b = _DIRECTIONS[after[i]]
                bearing = b if bearing is None else _combine(bearing, b)
                i += 1
            if bearing is not None:
                ctx["bearing"] = bearing
                ctx["phrase_words_after"] = i
        # "الريف الشرقي لحلب" / "الريف الشمالي الغربي لإدلب"
        if ctx["relation"] is None and hit.clitic.endswith("ل") and before:
            dirs = []
            j = len(before) - 1
            while j >= 0 and before[j] in _DIRECTIONS and before[j].startswith("ال"):
                dirs.insert(0, _DIRECTIONS[before[j]])
                j -= 1
            if dirs and j >= 0 and before[j] in ("الريف", "البادية", "الباديه"):
                bearing = dirs[0] if len(dirs) == 1 else _combine(dirs[0], dirs[1])
                ctx["relation"] = "countryside" if before[j] == "الريف" else "desert"
                ctx["bearing"] = bearing
                ctx["phrase_words_before"] = len(before) - j
        if (
            self._strip_clitic(prev, _PERSON_TITLES) is not None
            or (after and after[0] in ("بن", "ابن"))
            or self._strip_clitic(prev, _MEDIA) is not None
            or prev2 in _PERSON_TITLES
        ):
            ctx["person"] = True  # a person's or a channel's name, not a place
        ctx["prep"] = prev in _PREPOSITIONS or (hit.clitic.endswith("ب") and len(hit.key) > 4)
        ctx["event"] = any(self._strip_clitic(w, _EVENT_WORDS) is not None for w in before[-3:])
        if prev in ("بين",) or (before and self._strip_clitic(prev, _BETWEEN)):
            ctx["between"] = True
        return ctx

    # -------------------------------------------------------------------------------------------- resolution
    def _resolve(self, ntext: str, hits: list[_Hit], norm) -> list[Mention]:
        gaz = self.gazetteer
        contexts = [self._context(ntext, h) for h in hits]
        # "بين X وY": the hit right after a "بين"-hit joined by و is part of the pair.
        for i in range(1, len(hits)):
            if (
                contexts[i - 1]["between"]
                and hits[i].clitic.startswith("و")
                and ntext[hits[i - 1].end : hits[i].start - len(hits[i].clitic)].strip() == ""
            ):
                contexts[i]["between"] = True
            # «بلدتي نبل والزهراء»: a dual or plural trigger covers the coordinated name too
            if (
                contexts[i - 1]["trigger"] in _PLURAL_TRIGGERS
                and hits[i].clitic.startswith("و")
                and contexts[i]["trigger"] is None
                and ntext[hits[i - 1].end : hits[i].start - len(hits[i].clitic)].strip(" ،,") == ""
            ):
                contexts[i]["trigger"] = contexts[i - 1]["trigger"]
            # "ريفي حلب وإدلب": the coordinated name shares the relation
            if (
                contexts[i - 1]["relation"] == "countryside"
                and hits[i].clitic.startswith("و")
                and contexts[i]["relation"] is None
                and ntext[hits[i - 1].end : hits[i].start - len(hits[i].clitic)].strip() == ""
            ):
                contexts[i]["relation"] = "countryside"
        # Admin context: a governorate-level or countryside hit right after another hit.
        for i in range(1, len(hits)):
            gap = ntext[hits[i - 1].end : hits[i].start - len(hits[i].clitic)]
            words = _WORD_RE.findall(gap)
            if len(words) <= 2 and all(
                w in _ADMIN_CONTEXT_WORDS
                or self._strip_clitic(w, _TRIGGER_WORDS) is not None
                or w in _COUNTRYSIDE
                or self._strip_clitic(w, _COUNTRYSIDE)
                or w in _TRIGGERS
                or w in _DIRECTIONS
                for w in words
            ):
                contexts[i - 1]["admin_hit"] = i
        # Evidence: a trigger word, a relative phrase, a "بين X وY" pair, or an admin unit right after.
        for ctx in contexts:
            j = ctx.get("admin_hit")
            ctx["admin_evidence"] = j is not None and self._is_admin_hit(hits[j], contexts[j])
        plans = []
        pending = []
        for h, ctx in zip(hits, contexts, strict=True):
            if h.ktype == "nisba":
                plans.append((h, ctx, [gaz.lookup(_NISBA[h.key])], "nisba"))
                continue
            cands = [gaz.lookup(i) for i in h.ids]
            if ctx["person"] and not any(c.kind in ("country", "governorate") for c in cands):
                continue
            if ctx["trigger"]:
                fitting = [c for c in cands if _fits(c, _TRIGGERS[ctx["trigger"]])]
                if fitting:
                    cands = fitting + [c for c in cands if c not in fitting]
                else:
                    ctx["trigger"] = None  # «دولة العباسيين»: the trigger speaks of another kind of thing
            if ctx["relation"] or (
                ctx["trigger"] and (ctx["trigger"] not in _GENERIC_TRIGGERS or self._surface_zipf(h, norm) < 5.0)
            ):
                plans.append((h, ctx, cands, "evidence"))
                continue
            level, bar = self._commonness(h, cands, norm)
            hinted = self._admin_hint(hits, contexts, ctx)
            cands = [c for c in cands if c.importance >= bar or (hinted and c.admin1 in hinted)] or cands
            best = max(c.importance for c in cands)
            local = ctx["admin_evidence"] or ctx["between"] or ctx["event"] or (ctx["prep"] and best >= 0.7)
            if level == 0:
                plans.append((h, ctx, cands, "name"))
            elif (level == 1 and local) or (level == 3 and ctx["admin_evidence"]):
                plans.append((h, ctx, cands, "context"))
            elif level == 1:
                pending.append((h, ctx, cands, "name"))
        syrian = [p for p in plans if _leading(p[2]).in_syria]
        foreign = [p for p in plans if not _leading(p[2]).in_syria]
        # In a document about other countries, a lone minor Syrian name is more likely a foreign namesake.
        if foreign and len(syrian) == 1 and syrian[0][3] == "name" and max(c.importance for c in syrian[0][2]) < 0.75:
            plans.remove(syrian[0])
            syrian = []
        # Minor places and moderately common words are taken in a document that is already about Syria.
        if pending and syrian:
            plans.extend(pending)
            plans.sort(key=lambda p: p[0].start)
        # Document anchors: unambiguous Syrian places, for proximity and admin context. In a very long text only
        # the anchors within a window around a mention count (the context of a report, and linear time).
        anchor_list = [
            (h.start, c[0]) for h, ctx, c, _ in plans if len(c) == 1 and c[0].in_syria and c[0].kind != "country"
        ]
        anchor_pos = [p for p, _ in anchor_list]
        mentions: list[Mention] = []
        chosen: list[Place | None] = [None] * len(plans)
        for idx, (h, ctx, cands, how) in enumerate(plans):
            lo = bisect.bisect_left(anchor_pos, h.start - _CONTEXT_WINDOW)
            hi = bisect.bisect_right(anchor_pos, h.start + _CONTEXT_WINDOW)
            anchors = [a for _, a in anchor_list[lo:hi][:_MAX_ANCHORS]]
            anchor_govs = {a.admin1 for a in anchors if a.admin1}
            admin_hint = self._admin_hint(hits, contexts, ctx)
            towns = {c.admin2 for c in cands if c.kind == "community"} | {
                c.admin3 for c in cands if c.kind == "community"
            }
            scored = [(self._score(c, h, ctx, anchors, anchor_govs, admin_hint, towns), c) for c in cands]
            scored.sort(key=lambda t: (-t[0], t[1].id))
            best_score, best = scored[0]
            if (
                (ctx["relation"] in ("countryside", "desert") or h.ktype == "nisba")
                and best.kind == "community"
                and best.importance >= 0.95
                and best.admin1
            ):
                best = gaz.lookup(best.admin1)  # «ريف إدلب» is the countryside of Idlib governorate
            chosen[idx] = best
            rivals = [sc for sc, c in scored[1:] if not _nested(best, c)]
            runner = rivals[0] if rivals else 0.0
            confidence = _confidence(best_score, runner, how)
            o_start, o_end = norm.to_original(h.start, h.end)
            m = Mention(
                start=o_start,
                end=o_end,
                text=norm.original[o_start:o_end],
                place=best,
                in_syria=best.in_syria,
                kind=best.kind,
                confidence=confidence,
                alternatives=[(c.id, round(s, 3)) for s, c in scored if c.id != best.id][:5],
            )
            self._place_geometry(m, best, h, ctx)
            p_start, p_end = _phrase_span(ntext, h, ctx)
            m.phrase_start, m.phrase_end = norm.to_original(p_start, p_end)
            m.evidence = [
                e
                for e in (
                    f"trigger:{ctx['trigger']}" if ctx["trigger"] else None,
                    f"relation:{m.relation}" if m.relation else None,
                    "admin-context" if ctx["admin_evidence"] else None,
                    "between" if ctx["between"] else None,
                )
                if e
            ]
            mentions.append(m)
        return mentions

    def _admin_hint(self, hits: list[_Hit], contexts: list[dict], ctx: dict) -> set[str] | None:
        """Governorates named right after a hit (بريف حماة), when they are admin context for it."""
        j = ctx.get("admin_hit")
        if j is None or not ctx.get("admin_evidence"):
            return None
        nxt = hits[j]
        ids = nxt.ids if nxt.ktype != "nisba" else [_NISBA[nxt.key]]
        places = [self.gazetteer.lookup(i) for i in ids]
        if ctx.get("admin_level_ids") is None:
            # the sub-district or district itself, when the context names one («التابعة لناحية حريتان»)
            ctx["admin_level_ids"] = {p.id for p in places if p.kind in ("district", "subdistrict")}
        return {p.admin1 for p in places if p.admin1} or None

    @staticmethod
    def _surface_zipf(h: _Hit, norm) -> float:
        o_start, o_end = norm.to_original(h.start, h.end)
        return 0.0 if " " in h.key else _zipf(norm.original[o_start:o_end], "en" if _LATIN.match(h.key) else "ar")

    def _is_admin_hit(self, h: _Hit, ctx: dict) -> bool:
        """A hit that can serve as admin context for the name before it (بريف حماة، في محافظة إدلب)."""
        if h.ktype == "nisba" or ctx["relation"] == "countryside":
            return True
        return any(
            p.in_syria and (p.kind in ("governorate", "district", "subdistrict", "region") or p.importance >= 0.85)
            for p in (self.gazetteer.lookup(i) for i in h.ids)
        )

    def _commonness(self, h: _Hit, cands: list[Place], norm) -> tuple[int, float]:
        """0: take the name on its own; 1: take it in context (a document about Syria, after an event word or a
        preposition); 3: only with a place or event word beside it; 2: only with a trigger or a relative phrase.

        Two frequencies from wordfreq decide: the written word's, and that of the same word with the article
        flipped (الباب → باب, دوما → الدوما). A place name is rarely an ordinary word in both forms; a noun or
        adjective is (الروضة/روضة, الكريمة/كريمة). Proclitic readings lose to the whole word when the whole word
        is the more common one (فرقة is "division", not ف + رقة). Also returns the importance a candidate needs
        at that level, so that «مشهد» ("scene") can still be Mashhad but never a Syrian hamlet called مشهد."""
        latin = bool(_LATIN.match(h.key))
        lang = "en" if latin else "ar"
        o_start, o_end = norm.to_original(h.start, h.end)
        surface = norm.original[o_start:o_end]
        if h.ktype == "lam":
            surface = "ا" + surface  # «لحسكة» in «للحسكة» is the word «الحسكة»
        multiword = " " in h.key
        # wordfreq estimates a phrase from its words, which says nothing about a multiword name: those are
        # judged by importance alone.
        zipf = 0.0 if multiword else _zipf(surface.lower() if latin else surface, lang)
        c_start, _ = norm.to_original(h.start - len(h.clitic), h.end)
        if h.clitic and not multiword:
            whole = _zipf(norm.original[c_start:o_end], lang)
            if whole >= max(zipf, 2.5) + 0.3:
                return 2, 1.0
        best = max(c.importance for c in cands)
        if h.key.startswith("ابو") and best < 0.7:
            return 2, 1.0  # «أبو بكر» is a person before it is a hamlet
        if h.clitic and len(h.key) <= 3 and best < 0.9:
            return 2, 1.0  # «بنوا» is a verb, not ب + نوى
        if ("ئ" in surface or "ؤ" in surface) and not any("ئ" in n or "ؤ" in n for c in cands for n in c.names):
            return 2, 1.0  # «البادئة» ("prefix") folds onto «البادية», but nobody writes the Badia with ئ
        if _major_foreign(_leading(cands)) and not latin:
            # A capital or big city abroad: a false hit here is never a false Syrian place, so only a name that is
            # also an ordinary noun («الرياض», gardens) needs a preposition or other context.
            if _leading(cands).kind == "country":
                return 0, 0.7
            flipped = 0.0 if multiword else _zipf(surface[2:] if surface.startswith("ال") else "ال" + surface, lang)
            return (0, 0.7) if flipped < 3.3 else (1, 0.7)
        if latin:
            if self._latin_name_part(norm.original, o_start, o_end) and best < 0.9:
                return 2, 1.0
            flipped = 0.0
        else:
            proper = multiword or any(c.kind in ("country", "governorate") for c in cands)
            flipped = 0.0 if proper else _zipf(surface[2:] if surface.startswith("ال") else "ال" + surface, lang)
            if surface in ("سورية", "سوريه") and self._after_feminine(norm.original, c_start if h.clitic else o_start):
                return 2, 1.0  # «عائلة سورية»: the adjective "Syrian"
        if flipped < 3.3:
            strict = 0.5 if multiword else max(_STANDALONE, _required_importance(zipf, strict=True))
            if best >= strict:
                return 0, strict
            relaxed = _required_importance(zipf, strict=False)
            return (1, relaxed) if best >= relaxed else (2, 0.0)
        if best >= 0.95 and flipped < 4.0 and zipf < 5.3:
            return 0, 0.95
        if best >= 0.7 and flipped < 3.8:
            return 1, 0.7
        if best >= 0.7 and flipped < 4.8:
            return 3, 0.7  # «الطبقة» is also "class": only with a place or event word right beside it
        return 2, 0.0

    @staticmethod
    def _latin_name_part(original: str, start: int, end: int) -> bool:
        """True when a Latin match is part of a longer proper name (Mahmoud Bitar, Wael Haddara, the Duma)."""
        before = original[max(0, start - 30) : start].rstrip()
        after = original[end : end + 30].lstrip()
        prev = before.split()[-1] if before.split() else ""
        nxt = after.split()[0] if after.split() else ""
        if prev.lower() == "the":
            return True
        if (
            prev[:1].isupper()
            and prev.isalpha()
            and not before.endswith((".", "!", "?", ":"))
            and prev not in _LATIN_OK_BEFORE
        ):
            return True
        return bool(nxt[:1].isupper() and nxt.strip(",.;:'’").isalpha() and nxt.strip(",.;:'’") not in _LATIN_OK_AFTER)

    @staticmethod
    def _after_feminine(original: str, start: int) -> bool:
        words = _WORD_RE.findall(original[max(0, start - 30) : start])
        prev = words[-1] if words else ""
        return (
            len(prev) > 2
            and (prev[-1] in "ةه" or prev.endswith("ات"))
            and prev not in ("دولة", "جمهورية", "الجمهورية", "لدولة", "بدولة")
        )

    def _score(
        self,
        c: Place,
        h: _Hit,
        ctx: dict,
        anchors: list[Place],
        anchor_govs: set[str],
        admin_hint: set[str] | None,
        towns: set[str | None],
    ) -> float:
        s = c.importance
        if c.kind in ("district", "subdistrict") and c.id in towns and ctx["trigger"] not in ("منطقه", "ناحيه"):
            s -= 0.3  # "دوما" is the town before the district named after it
        if ctx["trigger"] and _fits(c, _TRIGGERS[ctx["trigger"]]):
            s += 0.6
        if ctx["relation"] in ("countryside", "desert") and c.kind in ("governorate", "community", "district"):
            s += 0.2 if c.kind == "governorate" else 0.1
        if admin_hint:
            s += 0.8 if c.admin1 in admin_hint else -0.2
            if ctx.get("admin_level_ids") and {c.admin2, c.admin3} & ctx["admin_level_ids"]:
                s += 1.0
        if c.in_syria and c.admin1 in anchor_govs:
            s += 0.3
        if anchors and c.in_syria and c.kind not in ("country", "governorate", "region"):
            d = (
                min(haversine_km(c.lat, c.lon, a.lat, a.lon) for a in anchors if a.id != c.id)
                if any(a.id != c.id for a in anchors)
                else None
            )
            if d is not None:
                s += 0.5 * math.exp(-d / 60.0)
        if _major_foreign(c):
            s += _FOREIGN_BONUS  # a capital or a country of that name is meant over a Syrian village
        if c.kind in ("district", "subdistrict") and c.name_ar.startswith("مركز"):
            s -= 0.15  # "إدلب" is the city before the centre sub-district named after it
        return s

    # ---------------------------------------------------------------------------------------------- geometry
    def _place_geometry(self, m: Mention, place: Place, h: _Hit, ctx: dict) -> None:
        relation = ctx["relation"]
        bearing = ctx["bearing"]
        if h.ktype == "nisba":
            relation = "countryside"
        if relation == "between":
            relation = None
        if not place.in_syria or relation is None:
            m.geometry = place.geometry
            m.lat, m.lon = place.lat, place.lon
            m.precision = precision_of(place)
            return
        key = (place.id, relation, bearing, ctx.get("distance_km"))
        if key not in self._geom_cache:
            geom, precision = self.relative_geometry(place, relation, bearing, ctx.get("distance_km"))
            rep = (
                geom.centroid
                if geom.geom_type in ("Polygon", "MultiPolygon") and geom.contains(geom.centroid)
                else geom.representative_point()
                if geom.geom_type != "Point"
                else geom
            )
            self._geom_cache[key] = (geom, precision, rep)
        geom, precision, rep = self._geom_cache[key]
        m.geometry = geom
        m.lat, m.lon = rep.y, rep.x
        m.precision = precision
        m.relation = _BEARING_NAMES.get(bearing, "direction") if relation == "direction" else relation
        if relation in ("countryside", "desert") and bearing is not None:
            m.relation = f"{relation}-{_BEARING_NAMES.get(bearing)}"

    def _area(self, place: Place) -> tuple[BaseGeometry, bool]:
        """The area a relative phrase about `place` refers to, and whether it is large (precision 3)."""
        gaz = self.gazetteer
        if place.kind in ("governorate", "region", "country"):
            return place.geometry, True
        if place.kind in ("district", "subdistrict"):
            return place.geometry, place.kind == "district"
        if place.kind == "community" and place.importance >= 0.95 and place.admin1:
            return gaz.lookup(place.admin1).geometry, True
        if place.kind == "community" and place.importance >= 0.85 and place.admin2:
            return gaz.lookup(place.admin2).geometry, False
        return _disc(place.lon, place.lat, 12.0), False

    def relative_geometry(
        self, place: Place, relation: str, bearing: float | None, distance_km: float | None
    ) -> tuple[BaseGeometry, int]:
        gaz = self.gazetteer
        syria = gaz.lookup("SY").geometry
        if relation == "near":
            return _disc(place.lon, place.lat, 8.0).intersection(syria), 2
        if relation == "direction" and distance_km is not None:
            lon, lat = _offset(place.lon, place.lat, bearing, distance_km)
            return Point(lon, lat), 2
        if relation == "desert":
            badia = gaz.lookup("region/syrian-badia").geometry
            area, _ = self._area(place)
            if place.kind == "community" and place.importance < 0.95:
                area = _disc(place.lon, place.lat, 40.0)
            geom = area.intersection(badia)
            if geom.is_empty or geom.area < 1e-4:
                geom = area
            if bearing is not None:
                geom = _sector_clip(geom, geom.centroid, bearing)
            return geom.intersection(syria), 3
        area, large = self._area(place)
        if relation == "countryside":
            geom = area
            if place.kind == "community":
                geom = geom.difference(_disc(place.lon, place.lat, 4.0))
            if bearing is not None:
                centre = Point(place.lon, place.lat) if place.kind == "community" else area.centroid
                geom = _sector_clip(geom, centre, bearing)
            return geom.intersection(syria), 3 if large and bearing is None else 2
        # bare direction: "شمال سراقب" (beside a town, 15 km), "غربي الرقة" (around a city, 50 km, inside its
        # governorate), "شمال محافظة إدلب" (part of the area)
        if place.kind == "community":
            radius = 15.0 if place.importance < 0.95 else 50.0
            geom = _sector_clip(_disc(place.lon, place.lat, radius), Point(place.lon, place.lat), bearing)
            if place.importance >= 0.95:
                geom = geom.intersection(area)
            return geom.intersection(syria), 2
        geom = _sector_clip(area, area.centroid, bearing)
        return geom.intersection(syria), 3 if large else 2


# ---------------------------------------------------------------------------------------------- helpers
def _fits(place: Place, kinds: tuple[str, ...]) -> bool:
    for k in kinds:
        kind, _, subtype = k.partition(":")
        if place.kind == kind and (not subtype or place.subtype == subtype):
            return True
    return False


def _leading(cands: list[Place]) -> Place:
    """The candidate that wins on name alone (a capital or a country beats a village of the same name)."""
    return max(cands, key=lambda c: c.importance + (_FOREIGN_BONUS if _major_foreign(c) else 0.0))


def _major_foreign(c: Place) -> bool:
    return not c.in_syria and (c.kind == "country" or c.importance >= 0.85)


@functools.lru_cache(maxsize=65536)
def _strip_proclitic(word: str, vocab: frozenset[str]) -> str | None:
    for k in (1, 2, 3):
        if len(word) > k + 1 and word[:k] in CLITIC_PREFIXES and word[k:] in vocab:
            return word[k:]
    return None


def _nested(a: Place, b: Place) -> bool:
    """True when one place contains the other by the admin hierarchy (Idlib city and Idlib governorate)."""
    return a.id in (b.admin1, b.admin2, b.admin3) or b.id in (a.admin1, a.admin2, a.admin3)


def _combine(b1: float, b2: float) -> float:
    """Bisect two bearings: north + west → north-west (315)."""
    if {b1, b2} == {0, 270}:
        return 315
    return (b1 + b2) / 2


def precision_of(place: Place) -> int:
    """ACLED geo_precision of a place taken as a whole: 1 a town or point, 2 part of a region, 3 a large region."""
    if place.kind == "region" and place.subtype == "precision2":
        return 2
    if place.kind == "landmark" and place.subtype == "river":
        return 3
    return _PRECISION_BY_KIND.get(place.kind, 3)


def _confidence(best: float, runner: float, how: str) -> float:
    margin = best - runner
    base = 1.0 / (1.0 + math.exp(-4.0 * margin)) if runner else 0.95
    if how == "name":
        base *= 0.95
    return max(0.05, min(0.99, base))


def _phrase_span(ntext: str, h: _Hit, ctx: dict) -> tuple[int, int]:
    start = h.start - len(h.clitic)
    n_before = ctx["phrase_words_before"]
    if n_before:
        matches = list(_WORD_RE.finditer(ntext[max(0, start - 60) : start]))
        if len(matches) >= n_before:
            start = max(0, start - 60) + matches[-n_before].start()
    end = h.end
    n_after = ctx["phrase_words_after"]
    if n_after:
        matches = list(_WORD_RE.finditer(ntext[end : end + 60]))
        if len(matches) >= n_after:
            end = end + matches[n_after - 1].end()
    return start, end


def _disc(lon: float, lat: float, km: float) -> Polygon:
    """A circle of radius `km` around a point, as a lon/lat polygon (local equirectangular scaling)."""
    dlat = km / 111.32
    dlon = km / (111.32 * math.cos(math.radians(lat)))
    return Polygon(
        [(lon + dlon * math.cos(t), lat + dlat * math.sin(t)) for t in (2 * math.pi * i / 48 for i in range(48))]
    )


def _offset(lon: float, lat: float, bearing: float, km: float) -> tuple[float, float]:
    b = math.radians(bearing)
    return (lon + km * math.sin(b) / (111.32 * math.cos(math.radians(lat))), lat + km * math.cos(b) / 111.32)


def _sector_clip(geom: BaseGeometry, centre: Point, bearing: float, half_angle: float = 67.5) -> BaseGeometry:
    """The part of `geom` within ±`half_angle` degrees of `bearing` as seen from `centre`."""
    pts = [(centre.x, centre.y)]
    for k in range(13):
        a = math.radians(bearing - half_angle + k * (2 * half_angle / 12))
        pts.append((centre.x + 12 * math.sin(a), centre.y + 12 * math.cos(a)))
    part = geom.intersection(Polygon(pts))
    return part if not part.is_empty else geom


# --------------------------------------------------------------------------------------------- entry point
_parsers: weakref.WeakKeyDictionary[Gazetteer, Geoparser] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def get_geoparser(gazetteer: Gazetteer | None = None) -> Geoparser:
    """The cached `Geoparser` for a gazetteer (the shipped one by default)."""
    gaz = gazetteer or load_gazetteer()
    with _lock:
        parser = _parsers.get(gaz)
        if parser is None:
            parser = _parsers[gaz] = Geoparser(gaz)
    return parser


def geoparse(text: str, *, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Place mentions in `text`, in text order, each resolved against the gazetteer.

    >>> [m.place.name_en for m in geoparse("قصف مدفعي على بلدة سرمدا بريف إدلب الشمالي")]
    ['Sarmada', 'Idleb']
    """
    return get_geoparser(gazetteer).parse(text)
