"""Deciding that two names are spellings of one name: Arabic spelling keys and their similarity, contrasting
qualifiers (الكبيرة / الصغيرة), and Latin variants checked against the place's consonants and written long vowels.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from geomap.arabic import is_arabic, latin_skeleton, normalize_name

__all__ = [
    "SAME_SPELLING_RATIO",
    "SKELETON_SPELLING_RATIO",
    "NameForms",
    "arabic_variants",
    "arabic_words",
    "close_spelling",
    "consonants",
    "latin_variants",
    "spelling_key",
]

SAME_SPELLING_RATIO = 0.85  # difflib ratio of spelling keys from which two Arabic names are one name misspelt:
# one or two letters off in a name of 7–12 (كفر ابيش ~ كفر إيبش, طواحينة ~ طويحينة, بصرالحرير ~ بصرى الحريري)
SKELETON_SPELLING_RATIO = 0.75  # a lower ratio suffices when the Latin consonant skeletons agree too (ايوبا ~ أيوبة)
MIN_SKELETON = 3  # Latin skeletons of fewer consonants (bs, hr) are shared by too many different names
_SEMIVOWELS = re.compile(r"[yw]")  # Dayr ~ Deir, Shaykh ~ Sheikh: romanisations write ي and و as y/w or as vowels
_PREFIXES = ("حي ",)  # «حي القنوات» is the neighbourhood «القنوات»
_WORD = re.compile(r"\S+")

# Qualifiers that tell neighbouring villages apart (the big and the small Kharufiyah, upper and lower Kafr Dali):
# two names whose qualifiers differ are two places however alike the rest. Folded forms, article dropped.
_QUALIFIER_WORDS = {
    "big": ("كبير", "كبيره", "كبري"),
    "small": ("صغير", "صغيره", "صغري"),
    "upper": ("فوقاني", "فوقانيه", "عليا"),
    "lower": ("تحتاني", "تحتانيه", "سفلي"),
    "middle": ("وسطاني", "وسطانيه", "وسطي"),
    "east": ("شرقي", "شرقيه"),
    "west": ("غربي", "غربيه"),
    "north": ("شمالي", "شماليه"),
    "south": ("جنوبي", "جنوبيه", "قبلي", "قبليه"),
    "new": ("جديد", "جديده"),
    "old": ("قديم", "قديمه"),
}
_QUALIFIER = {w: cls for cls, words in _QUALIFIER_WORDS.items() for w in words}


def arabic_words(name: str) -> list[str]:
    """Folded words of an Arabic name without the article (الشيخ عقيل → شيخ عقيل) and without «حي»."""
    folded = normalize_name(name)
    for prefix in _PREFIXES:
        folded = folded.removeprefix(prefix)
    return [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in folded.split()]


def consonants(name: str) -> str:
    """The consonant skeleton of a Latin name (`latin_skeleton`) without the semivowels y and w, so that the
    romanisations of one Arabic spelling meet: Dayr Yasin ~ Deir Yassin, Shaykh ~ Sheikh, Shuhayl ~ Shiheil."""
    return re.sub(r"(.)\1+", r"\1", _SEMIVOWELS.sub("", latin_skeleton(name)))


def spelling_key(name: str) -> str:
    """An Arabic name folded, without articles and spaces: «كفر سجنة», «كفرسجنة» and «الكفرسجنة» meet."""
    return "".join(arabic_words(name))


@dataclass(frozen=True, slots=True)
class ArabicForm:
    key: str
    words: frozenset[str]
    qualifiers: frozenset[str]


@dataclass(frozen=True, slots=True)
class NameForms:
    """The forms of a record's names that spelling comparisons use."""

    arabic: tuple[ArabicForm, ...]
    skeletons: frozenset[str]

    @classmethod
    def of(cls, names: Iterable[str]) -> NameForms:
        arabic: dict[str, ArabicForm] = {}
        skeletons = set()
        for n in names:
            if not n:
                continue
            if is_arabic(n):
                words = arabic_words(n)
                key = "".join(words)
                if len(key) >= 2:
                    qualifiers = frozenset(_QUALIFIER[w] for w in words if w in _QUALIFIER)
                    arabic.setdefault(key, ArabicForm(key, frozenset(words), qualifiers))
            elif len(sk := consonants(n)) >= MIN_SKELETON:
                skeletons.add(sk)
        return cls(tuple(arabic.values()), frozenset(skeletons))


def _ratio(a: str, b: str, floor: float) -> float:
    """difflib ratio of two strings, or 0 when its cheap upper bounds are already below `floor`."""
    sm = difflib.SequenceMatcher(None, a, b)
    if sm.real_quick_ratio() < floor or sm.quick_ratio() < floor:
        return 0.0
    return sm.ratio()


def close_spelling(a: NameForms, b: NameForms) -> float:
    """How surely `a` and `b` spell one name: the best ratio of Arabic keys with the same qualifiers when it
    reaches `SAME_SPELLING_RATIO` (or `SKELETON_SPELLING_RATIO` with a shared Latin skeleton); without Arabic on
    one side, 1.0 for a shared Latin skeleton. 0.0 when they are not spellings of one name."""
    shared_skeleton = bool(a.skeletons & b.skeletons)
    if not (a.arabic and b.arabic):
        return 1.0 if shared_skeleton else 0.0
    floor = SKELETON_SPELLING_RATIO if shared_skeleton else SAME_SPELLING_RATIO
    best = max(
        (_ratio(x.key, y.key, floor) for x in a.arabic for y in b.arabic if x.qualifiers == y.qualifiers),
        default=0.0,
    )
    return best if best >= floor else 0.0


def arabic_variants(own: Iterable[str], candidates: Iterable[str], *, min_ratio: float) -> list[str]:
    """The Arabic candidates that spell one of the `own` Arabic names differently (spelling keys this close, the
    same qualifiers), not other names: «بصرى الحريري» for «بصرالحرير», not «بيضاء» for «حابا». Nor a short form
    that drops words of the name: «معضمية» of «معضمية القلمون» is also «معضمية الشام»."""
    mine = NameForms.of(own).arabic
    out = []
    for c in candidates:
        [form] = NameForms.of([c]).arabic or [None]
        if form is not None and any(_spells(form, m, min_ratio) for m in mine):
            out.append(c)
    return out


def _spells(form: ArabicForm, own: ArabicForm, min_ratio: float) -> bool:
    if form.qualifiers != own.qualifiers or form.words < own.words:
        return False
    return _ratio(form.key, own.key, min_ratio) >= min_ratio


# Romanisations mark the long a that Arabic writes with an alif: BGN/PCGN ā and á (Sarmadā, Buşrá), French â.
# Inside a word (not its first or last letter, where hamza seats, tāʾ marbūṭa and final alifs vary between
# spellings of one name), a marked long a needs an alif in the Arabic spelling. French «aâ» writes ʿayn, not length.
_LONG_A = "āáâ"
_ALIFS = "اآى"
_VOWELS = "aeiouâ"
_HAMZA_MARKS = "’ʼ'`"  # Samrā’: a final hamza after the long a


def _marked_long_a(latin: str) -> int:
    count = 0
    for w in _WORD.findall(latin.lower()):
        w = w.rstrip(_HAMZA_MARKS)
        if not w.endswith("llāh"):
            count += sum(ch in _LONG_A and w[i] not in _VOWELS for i, ch in enumerate(w[1:-1]))
    return count


def _written_long_a(arabic: str) -> int:
    """Alifs inside the words of an Arabic name (the article's alif and a word's first and last letter aside); the
    unwritten alif of «الله» counts."""
    count = 0
    for w in arabic.split():
        w = w.removeprefix("ال") if len(w) > 4 else w
        count += sum(ch in _ALIFS for ch in w[1:-1]) + w.endswith("لله")
    return count


def latin_variants(own: Iterable[str], candidates: Iterable[str], *, arabic: Iterable[str] = ()) -> list[str]:
    """The Latin candidates that spell one of the `own` Latin names: the same `consonants` (Bisr Elharir ~
    Busra al Hariri), and no more marked long a's than an `arabic` name of the place writes alifs — «As Sāḩil» and
    «Es Sâhel» spell ساحل, not «السحل» (As Saḩl), though the consonants agree."""
    skeletons = {consonants(n) for n in own if n}
    arabic = [n for n in arabic if n]
    alifs = max((_written_long_a(n) for n in arabic), default=None)
    return [c for c in candidates if c and consonants(c) in skeletons and (alifs is None or _marked_long_a(c) <= alifs)]
