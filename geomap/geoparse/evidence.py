"""Evidence: how much context a name needs before it is taken as a place, from how common a word it is.

Two word frequencies decide (wordfreq's zipf scale, or any `WordFrequencies` passed in): the written word's, and
that of the same word with the article flipped (الباب → باب, دوما → الدوما). A place name is rarely an ordinary word
in both forms; a noun or adjective is (الروضة/روضة, الكريمة/كريمة). The rarer and the more important the place, the
less evidence it needs; `commonness` returns the level of evidence and the importance a candidate needs at it.
"""

from __future__ import annotations

import re
from enum import IntEnum
from typing import Protocol

from geomap.arabic import normalize_name
from geomap.gazetteer import Place
from geomap.geoparse.matcher import Hit, HitKind
from geomap.geoparse.scoring import leading, major_foreign
from geomap.geoparse.vocabulary import (
    COUNTRY_BEFORE,
    LATIN_OK_AFTER,
    LATIN_OK_BEFORE,
    PERSON_PREFIX,
    SYRIA_ADJECTIVE,
)
from geomap.kinds import Importance

__all__ = [
    "STANDALONE",
    "Commonness",
    "Evidence",
    "WordFrequencies",
    "required_importance",
]


class Commonness(IntEnum):
    """How much evidence a name needs, least first."""

    ALONE = 0  # taken on its name alone
    IN_CONTEXT = 1  # in a document already about Syria, or beside an admin unit, «بين», an event word, a preposition
    BESIDE_ADMIN = 2  # only with an admin unit right after it («الطبقة» is also "class")
    NEEDS_TRIGGER = 3  # only with a trigger or a relative phrase


class WordFrequencies(Protocol):
    """Zipf frequency of a word in a language ("ar", "en"): log10 of its count per billion words (0 when unknown)."""

    def __call__(self, word: str, lang: str) -> float: ...


STANDALONE = 0.75  # a place below a district capital (a sub-district capital, a village) needs context to be taken
MULTIWORD_STANDALONE = Importance.LOCAL  # a multiword name is rarely a phrase by chance: any local place stands
RARE_FLIPPED = 3.3  # the name with its article flipped is hardly a word: a proper name
WHOLE_WORD_MARGIN = 0.3  # a proclitic reading loses when the whole word is this much more common (فرقة, not ف+رقة)
WHOLE_WORD_FLOOR = 2.5  # ... and at least this common
GENERIC_TRIGGER_ZIPF = 5.0  # «مدينة X» vouches for X unless X is a very common word («مدينة جديدة»)
CAPITAL_FLIPPED = 4.0  # a governorate-tier name whose flipped form is rarer than this ...
CAPITAL_ZIPF = 5.3  # ... and itself rarer than this is taken alone
IN_CONTEXT_FLIPPED = 3.8  # an important name whose flipped form is rarer than this is taken in context
BESIDE_ADMIN_FLIPPED = 4.8  # ... rarer than this, only beside an admin unit
SHORT_KEY = 3  # a name this short after a proclitic is more likely a verb («بنوا»), unless nationally known
# (zipf below which, importance needed): a name with no context at all, and one with some
_STRICT_STEPS = (
    (3.5, Importance.SUBDISTRICT_CAPITAL),
    (4.0, Importance.DISTRICT),
    (4.5, Importance.NATIONAL),
    (5.5, Importance.GOVERNORATE),
)
_RELAXED_STEPS = (
    (2.8, 0.0),
    (3.5, Importance.LOCAL),
    (4.0, Importance.SUBDISTRICT_CAPITAL),
    (4.6, Importance.DISTRICT),
    (5.2, Importance.NATIONAL),
    (5.8, Importance.GOVERNORATE),
)
_WORD_RE = re.compile(r"[^\W_]+|[،,؛;()\[\]]", re.UNICODE)
_MAX_CACHED = 200_000  # names whose level is remembered (the cache starts afresh past this)
_SON_OF_INSIDE = " بن "  # a name with «بن» inside is a person's («هشام بن عبد الملك»)
_ADJECTIVE_WINDOW = 30  # characters before «سورية» searched for the word it may qualify
_LATIN_WINDOW = 30  # characters either side of a Latin match searched for a longer proper name


def required_importance(zipf: float, *, strict: bool) -> float:
    """How important a place must be to be taken when its name is a word this common (wordfreq zipf).

    `strict` applies to a name with no context; otherwise (a document about Syria, an event word or preposition
    before it) the bar is lower, and a village whose name wordfreq hardly knows is taken."""
    for limit, need in _STRICT_STEPS if strict else _RELAXED_STEPS:
        if zipf < limit:
            return need
    return Importance.COUNTRY


def _wordfreq() -> WordFrequencies:
    from wordfreq import zipf_frequency

    return zipf_frequency


class Evidence:
    """Word-frequency evidence for names; `word_frequencies` defaults to wordfreq's `zipf_frequency`."""

    def __init__(self, word_frequencies: WordFrequencies | None = None) -> None:
        self._frequency = word_frequencies or _wordfreq()
        self._cache: dict[tuple[str, str], float] = {}
        self._levels: dict[tuple, tuple[Commonness, float, bool, float]] = {}

    def zipf(self, word: str, lang: str) -> float:
        """Zipf frequency of `word`, the most common of its informal spellings (ه/ة, ي/ى, ا/أ/إ): «الثوره» is the
        word «الثورة» written casually."""
        cached = self._cache.get((word, lang))
        if cached is None:
            if len(self._cache) >= _MAX_CACHED:
                self._cache.clear()
            cached = self._cache[word, lang] = max(self._frequency(v, lang) for v in _spellings(word, lang))
        return cached

    def surface_zipf(self, hit: Hit) -> float:
        """Zipf of the name as written (0 for a multiword name: wordfreq would estimate it from its words)."""
        return 0.0 if " " in hit.key else self.zipf(hit.surface, "en" if hit.latin else "ar")

    def commonness(
        self, hit: Hit, cands: list[Place], original: str, lead: Place | None = None
    ) -> tuple[Commonness, float]:
        """The evidence `hit` needs, and the importance a candidate needs at that level (so that «مشهد», "scene",
        can still be Mashhad but never a Syrian hamlet called مشهد). `original` is the text as written; `lead` is
        `leading(cands)` when the caller has it.

        What the name itself says is computed once per name, spelling and proclitic reading; only the vetoes that
        read the words around it (a longer English name, «عائلة سورية») are checked at every hit."""
        lead = lead or leading(cands)
        whole = original[hit.orig_clitic_start : hit.orig_end] if hit.clitic and " " not in hit.key else None
        key = (hit.key, hit.kind is HitKind.LAM, hit.surface, whole, bool(hit.clitic), lead.id)
        known = self._levels.get(key)
        if known is None:
            if len(self._levels) >= _MAX_CACHED:
                self._levels.clear()
            known = self._levels[key] = self._name_level(hit, cands, whole, lead)
        level, bar, abroad, best = known
        if not abroad and self._vetoed_by_context(hit, best, original):
            return Commonness.NEEDS_TRIGGER, 1.0
        return level, bar

    def _name_level(
        self, hit: Hit, cands: list[Place], whole: str | None, lead: Place
    ) -> tuple[Commonness, float, bool, float]:
        """(level, bar, whether a major place abroad leads, best importance) from the name and its candidates."""
        lang = "en" if hit.latin else "ar"
        surface = "ا" + hit.surface if hit.kind is HitKind.LAM else hit.surface  # «لحسكة» is the word «الحسكة»
        multiword = " " in hit.key
        # wordfreq estimates a phrase from its words, which says nothing about a multiword name: those are
        # judged by importance alone.
        zipf = 0.0 if multiword else self.zipf(surface.lower() if hit.latin else surface, lang)
        best = max(c.importance for c in cands)
        abroad = major_foreign(lead) and not hit.latin
        if self._vetoed(hit, cands, surface, zipf, best, whole):
            return Commonness.NEEDS_TRIGGER, 1.0, abroad, best
        if abroad:
            # A capital or big city abroad: a false hit here is never a false Syrian place, so only a name that is
            # also an ordinary noun («الرياض», gardens) needs a preposition or other context.
            if lead.kind == "country":
                return Commonness.ALONE, Importance.SUBDISTRICT_CAPITAL, abroad, best
            flipped = 0.0 if multiword else self.zipf(_flip_article(surface), lang)
            level = Commonness.ALONE if flipped < RARE_FLIPPED else Commonness.IN_CONTEXT
            return level, Importance.SUBDISTRICT_CAPITAL, abroad, best
        proper = hit.latin or multiword or any(c.kind in ("country", "governorate") for c in cands)
        flipped = 0.0 if proper else self.zipf(_flip_article(surface), lang)
        return (*_level(zipf, flipped, best, multiword=multiword), abroad, best)

    def _vetoed(self, hit: Hit, cands: list[Place], surface: str, zipf: float, best: float, whole: str | None) -> bool:
        """Readings of the name that need a trigger or a relative phrase whatever the place's importance."""
        lang = "en" if hit.latin else "ar"
        if whole is not None and self.zipf(whole, lang) >= max(zipf, WHOLE_WORD_FLOOR) + WHOLE_WORD_MARGIN:
            return True  # «فرقة» is "division", not ف + رقة
        if (hit.key.startswith(PERSON_PREFIX) or _SON_OF_INSIDE in hit.key) and best < Importance.SUBDISTRICT_CAPITAL:
            return True  # «أبو بكر», «هشام بن عبد الملك» are persons before they are a hamlet or a neighbourhood
        if hit.clitic and len(hit.key) <= SHORT_KEY and best < Importance.NATIONAL:
            return True  # «بنوا» is a verb, not ب + نوى
        # «البادئة» ("prefix") folds onto «البادية», but nobody writes the Badia with ئ
        return ("ئ" in surface or "ؤ" in surface) and not any("ئ" in n or "ؤ" in n for c in cands for n in c.names)

    @staticmethod
    def _vetoed_by_context(hit: Hit, best: float, original: str) -> bool:
        """A Latin match inside a longer proper name; «سورية» as the adjective "Syrian" («وسائل إعلام سورية»)."""
        if hit.latin:
            return _latin_name_part(original, hit.orig_start, hit.orig_end) and best < Importance.NATIONAL
        start = hit.orig_clitic_start if hit.clitic else hit.orig_start
        return hit.surface in SYRIA_ADJECTIVE and _adjective_place(original, start, hit.clitic)


def _level(zipf: float, flipped: float, best: float, *, multiword: bool) -> tuple[Commonness, float]:
    """The level for a Syrian (or minor foreign) name from its two frequencies and its best candidate."""
    if flipped < RARE_FLIPPED:
        strict = MULTIWORD_STANDALONE if multiword else max(STANDALONE, required_importance(zipf, strict=True))
        if best >= strict:
            return Commonness.ALONE, strict
        relaxed = required_importance(zipf, strict=False)
        return (Commonness.IN_CONTEXT, relaxed) if best >= relaxed else (Commonness.NEEDS_TRIGGER, 0.0)
    if best >= Importance.GOVERNORATE and flipped < CAPITAL_FLIPPED and zipf < CAPITAL_ZIPF:
        return Commonness.ALONE, Importance.GOVERNORATE
    if best >= Importance.SUBDISTRICT_CAPITAL and flipped < IN_CONTEXT_FLIPPED:
        return Commonness.IN_CONTEXT, Importance.SUBDISTRICT_CAPITAL
    if best >= Importance.SUBDISTRICT_CAPITAL and flipped < BESIDE_ADMIN_FLIPPED:
        return Commonness.BESIDE_ADMIN, Importance.SUBDISTRICT_CAPITAL  # «الطبقة» is also "class"
    return Commonness.NEEDS_TRIGGER, 0.0


def _flip_article(word: str) -> str:
    """The word with its article taken off or put on (الباب → باب, دوما → الدوما)."""
    return word[2:] if word.startswith("ال") else "ال" + word


def _spellings(word: str, lang: str) -> set[str]:
    """The ways `word` (normalised) may be written in full: final ه/ة and ي/ى, initial ا/أ/إ."""
    variants = {word}
    if lang != "ar":
        return variants
    if word.endswith("ه"):
        variants.add(word[:-1] + "ة")
    if word.endswith("ي"):
        variants.add(word[:-1] + "ى")
    if word.startswith("ا"):
        variants.update({"أ" + word[1:], "إ" + word[1:]})
    if word.startswith("ال") and len(word) > 2 and word[2] == "ا":
        variants.update({"الأ" + word[3:], "الإ" + word[3:]})
    return variants


def _latin_name_part(original: str, start: int, end: int) -> bool:
    """True when a Latin match is part of a longer proper name (Mahmoud Bitar, Wael Haddara, the Duma)."""
    before = original[max(0, start - _LATIN_WINDOW) : start].rstrip()
    after = original[end : end + _LATIN_WINDOW].lstrip()
    prev = before.split()[-1] if before.split() else ""
    nxt = after.split()[0] if after.split() else ""
    if prev.lower() == "the":
        return True
    if (
        prev[:1].isupper()
        and prev.isalpha()
        and not before.endswith((".", "!", "?", ":"))
        and prev not in LATIN_OK_BEFORE
    ):
        return True
    word = nxt.strip(",.;:'’")
    return bool(nxt[:1].isupper() and word.isalpha() and word not in LATIN_OK_AFTER)


def _adjective_place(original: str, start: int, clitic: str) -> bool:
    """True when «سورية» at `start` stands where an adjective does: right after a word of its clause that is no
    preposition, direction or state noun («وسائل إعلام سورية», «جنسية غير سورية», «أنها سورية»), or coordinated with
    another nisba («عائلات أردنية وسورية»). The country opens a line or clause, follows one of those words («في
    سورية», «شمال سورية», «دولة سورية») or a preposition joined to it («بسورية»)."""
    if clitic and clitic != "و":
        return False
    before = original[max(0, start - _ADJECTIVE_WINDOW) : start]
    before = before[before.rfind("\n") + 1 :]
    words = _WORD_RE.findall(before)
    if not words or not words[-1][0].isalnum():
        return False
    prev = normalize_name(words[-1])
    if clitic:
        return prev.endswith(("يه", "يين", "يون"))  # «أردنية وسورية»
    return (
        prev[1:] if prev[:1] in "وف" and len(prev) > 2 else prev
    ) not in COUNTRY_BEFORE and prev not in COUNTRY_BEFORE
