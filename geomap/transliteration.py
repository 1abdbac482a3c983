"""Transliteration keys: the Latin spellings tables write for one Arabic name, and the Arabic name itself, meet.

One Arabic name reaches incident tables in many romanisations — عين العرب as Ayn al Arab, Ain al-Arab, Ein El Arab;
دير as Dayr, Deir, Der; تل as Tall, Tell, Tal; شيخ as Shaykh, Sheikh, Cheikh; الطيبة as At Tayyibah, Taybeh, Tiba.
They differ in vowels (a/e/i, o/u/ou), semivowels (ay/ei, aw/ou), doubled letters, the article and its assimilated
sun-letter forms (al-, el-, as-, ash-, ad-, an-, ar-, at-, az-), the ending (-iyah/-iyeh/-ieh/-iya) and in a few
consonant classes (q/k/g, kh/x, sh/ch, th/t, dh/d). Two keys fold those differences away; what they keep apart
that writers still confuse (h/kh, s/th, d/z/dh, j/g) a skeleton index bridges at one edit:

* `translit_form` — the name's consonant classes in order, each run of vowels by its class (``a``, or ``u`` for o/u):
  Taybeh and Tiba give ``taba``, At Tayyibah ``taYaba``. Spellings of one name have equal or close forms.
* `translit_skeleton` — the form without its vowels and semivowels (``tb``): the key of the candidate index.
  Arabic names give a skeleton directly (`arabic_skeleton`: الطيبة → ``tb``), so a Latin query meets a place known
  only in Arabic.

`form_similarity` compares two forms (1.0 for one spelling); the remaining consonant differences (th/s, dh/z,
j/g) cost one substitution there and are bridged in the index by skeletons one edit apart.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from enum import StrEnum

from geomap.arabic import is_arabic, normalize_name

__all__ = [
    "Qualifier",
    "arabic_skeleton",
    "expand_presentation_forms",
    "form_similarity",
    "name_skeleton",
    "skeleton_of_form",
    "translit_form",
    "translit_skeleton",
]

# Vowels fall in two classes: a (a, e, i, y: Tall/Tell, Dayr/Deir, -iyah/-ieh) and u (o, u, w: Homs/Hums,
# Zaytun/Zeitoun), as و is rarely written with a, e or i.
# Consonant classes, applied in order to lower-case, diacritic-free words (digraphs before their letters).
_FOLDS = (
    ("sh", "S"),  # ش stays apart from س: Shuhayl is not Sahl
    ("ch", "S"),  # French Cheikh
    ("kh", "H"),  # خ stays apart from ح (Khamayl is not Hama); Kurdish x is خ too
    ("gh", "G"),  # غ stays apart from ق and ك (Raghibiyah is not Rikabiyeh)
    ("th", "t"),
    ("dh", "d"),
    ("ph", "f"),
    ("x", "H"),
    ("q", "k"),
    ("g", "k"),
    ("c", "k"),
    ("p", "b"),
    ("v", "w"),
)
# y and w are consonants at the start of a word before a vowel (Wadi, Yabrud) and between vowels (Jawalik,
# Tayyibah, Suwayda); elsewhere they write a long vowel or a diphthong (Dayr, Zaytun, Hawsh), and so does the y
# after i in the ending -iyah (Salhiyeh ~ Salhieh ~ Salhiya).
_SEMIVOWEL_START = re.compile(r"^[yw](?=[aeiou])")
_SEMIVOWEL_BETWEEN = re.compile(r"(?<=[aeou])yy?(?=[aeiou])|(?<=[aeiou])ww?(?=[aeiou])")
_VOWEL_CLASS = str.maketrans("eiyow", "aaauu")
_SKELETON_DROPS = re.compile(r"[auYW]")
_DOUBLE = re.compile(r"(.)\1+")
_NOT_LETTER = re.compile(r"[^a-z]")
# -ah, -eh, -iyah, -iyeh: a final h after a vowel writes the Arabic ending ة, not a consonant
_FINAL_H = re.compile(r"(?<=[aeiouy])h$")
_VOWEL_LETTERS = frozenset("اويىءع")  # letters a skeleton leaves out (long vowels, semivowels, hamza, ʿayn)
_ARABIC_CONSONANTS = {
    "ب": "b",
    "ت": "t",
    "ث": "t",
    "ج": "j",
    "ح": "h",
    "خ": "H",
    "د": "d",
    "ذ": "d",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "S",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "غ": "G",
    "ف": "f",
    "ق": "k",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
}
_ARTICLES = frozenset(
    {"al", "el", "ash", "as", "ad", "ar", "at", "az", "an", "ath", "adh", "ed", "es", "et", "ez", "a"}
)
_INNER_MARK = re.compile(r"(?<=\w)['’‘`ʿʾ´](?=\w)")  # ʿayn and hamza inside a word (Dar'a, Ja'ar) join it
_ATTACHED_ARTICLE_WORD = 5  # «El» onto a word of three letters or more (Elbab), not «Elias»
_ARABIC_ARTICLE = "ال"
_MIN_ARABIC_WORD = 4  # «الباب»: a word longer than the article and two letters has one; «الي» is a word
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]+")


class Qualifier(StrEnum):
    """Words that tell neighbouring places of one name apart, by their mark in a form (digits: never a letter)."""

    EAST = "1"
    WEST = "2"
    NORTH = "3"
    SOUTH = "4"
    UPPER = "5"
    LOWER = "6"
    BIG = "7"
    SMALL = "8"
    MIDDLE = "9"
    NEW = "0"


_QUALIFIER_WORDS = {  # Latin spellings (their forms are compared) and Arabic words (folded, article dropped)
    Qualifier.EAST: ("east eastern sharqi sharqiyah shurqi", "شرقي شرقيه"),
    Qualifier.WEST: ("west western gharbi gharbiyah", "غربي غربيه"),
    Qualifier.NORTH: ("north northern shamali shamaliyah", "شمالي شماليه"),
    Qualifier.SOUTH: ("south southern janubi janubiyah qibli qibliyah", "جنوبي جنوبيه قبلي قبليه"),
    Qualifier.UPPER: ("upper fawqani fawqaniyah foqani", "فوقاني فوقانيه عليا"),
    Qualifier.LOWER: ("lower tahtani tahtaniyah", "تحتاني تحتانيه سفلي"),
    Qualifier.BIG: ("big great kabir kabirah kubra", "كبير كبيره كبري"),
    Qualifier.SMALL: ("small little saghir saghirah sughra", "صغير صغيره صغري"),
    Qualifier.MIDDLE: ("middle central wastani wastaniyah wusta", "وسطاني وسطانيه وسطي"),
    Qualifier.NEW: ("new jadid jadidah", "جديد جديده"),
}


def translit_form(name: str) -> str:
    """The transliteration form of a Latin name: articles dropped, consonant classes folded, doubled letters
    single, each run of vowels written by its classes (``a`` for a, e, i, y; ``u`` for o, u, w), consonantal y and w
    as ``Y`` and ``W``, ش ``S``, خ ``H``, غ ``G``, words joined; qualifier words (East/Sharqi, Upper/Fawqani ...)
    in any order and spelling become their `Qualifier` marks at the end.

    >>> translit_form("At Tayyibah"), translit_form("Taybeh"), translit_form("Tiba")
    ('taYaba', 'taba', 'taba')
    >>> translit_form("Jabar Eastern") == translit_form("East Jabar") == translit_form("Jabar al-Sharqiyah")
    True
    """
    forms = [_word_form(w) for w in _words(name)]
    core = [f for f in forms if f not in _LATIN_QUALIFIERS]
    if not core or len(core) == len(forms):
        return _DOUBLE.sub(r"\1", "".join(forms))
    marks = sorted({_LATIN_QUALIFIERS[f] for f in forms if f in _LATIN_QUALIFIERS})
    return _DOUBLE.sub(r"\1", "".join(core)) + "".join(marks)


def _words(name: str) -> list[str]:
    """A Latin name's words without articles: «Al», «Ash», «El-» as words, and «El» written onto the word
    (Elahmar, Elbab: OCHA's spelling). An attached «Al» stays: it begins Aleppo, Altun and Alamein as often."""
    words = [w for w in normalize_name(_INNER_MARK.sub("", name)).split() if w not in _ARTICLES]
    return [w[2:] if w.startswith("el") and len(w) >= _ATTACHED_ARTICLE_WORD else w for w in words]


def _word_form(word: str) -> str:
    word = _FINAL_H.sub("", _NOT_LETTER.sub("", word))
    for a, b in _FOLDS:
        word = word.replace(a, b)
    if "y" in word or "w" in word:
        word = _SEMIVOWEL_BETWEEN.sub(_upper_first, _SEMIVOWEL_START.sub(_upper_first, word))
    return _DOUBLE.sub(r"\1", word.translate(_VOWEL_CLASS))  # a run of one vowel class collapses too


def _upper_first(m: re.Match[str]) -> str:
    return m.group()[0].upper()


def translit_skeleton(name: str) -> str:
    """The consonants of `translit_form`, semivowels left out: Ayn/Ain/Ein → ``n``, Dayr/Deir → ``dr``,
    Shaykh/Sheikh → ``Sh``, Jawalik → ``jlk``."""
    return skeleton_of_form(translit_form(name))


def skeleton_of_form(form: str) -> str:
    """The skeleton of a `translit_form`."""
    return _SKELETON_DROPS.sub("", form)


def arabic_skeleton(name: str) -> str:
    """The Latin consonant skeleton of an Arabic name: its consonant letters in `translit_form`'s classes, the
    article, alif, waw, ya, hamza, ʿayn and the final ta marbuta left out (عين العرب → ``nrb``), qualifier words
    as their `Qualifier` marks at the end. Two equal consonants collapse only when no vowel letter stands between
    them (تل لحم → ``tlhm``, داود → ``dd``)."""
    words = []
    for word in normalize_name(name).split():
        if word.startswith(_ARABIC_ARTICLE) and len(word) >= _MIN_ARABIC_WORD:
            word = word[len(_ARABIC_ARTICLE) :]
        words.append(word)
    core = [w for w in words if w not in _ARABIC_QUALIFIERS]
    marks = sorted({_ARABIC_QUALIFIERS[w] for w in words if w in _ARABIC_QUALIFIERS}) if core else []
    out: list[str] = []
    after_vowel = False
    for word in core or words:
        if word.endswith("ه"):  # ة folds to ه: the ending, not a consonant
            word = word[:-1]
        for ch in word:
            latin = _ARABIC_CONSONANTS.get(ch)
            if latin is None:
                after_vowel = after_vowel or ch in _VOWEL_LETTERS
                continue
            if not (out and out[-1] == latin and not after_vowel):
                out.append(latin)
            after_vowel = False
    return "".join(out) + "".join(marks)


def name_skeleton(name: str) -> str:
    """`arabic_skeleton` of an Arabic name, `translit_skeleton` of a Latin one."""
    return arabic_skeleton(name) if is_arabic(name) else translit_skeleton(name)


def form_similarity(a: str, b: str, *, floor: float = 0.0) -> float:
    """How alike two transliteration forms (or two skeletons) are, 0–1: the share of letters they have in common
    in order (difflib's ratio). A pair whose letters alone (counted, not in order) cannot reach `floor` is not
    compared in order: 0.0 (difflib's quick ratios bound its ratio from above)."""
    if a == b:
        return 1.0
    if floor and 2.0 * min(len(a), len(b)) / (len(a) + len(b)) < floor:  # difflib's real_quick_ratio, unbuilt
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return 0.0 if floor and matcher.quick_ratio() < floor else matcher.ratio()


def expand_presentation_forms(text: str) -> str:
    """Arabic presentation forms (text copied from PDFs: «ﻣﻨﻄﻘﺔ», the lam-alef ligature «ﻻ») as plain letters.

    `geomap.arabic.normalize` folds the single-letter forms one to one, which keeps offsets; a query may also be
    expanded (NFKC), which turns a ligature into its two letters."""
    return _PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


_LATIN_QUALIFIERS = {_word_form(w): q for q, (latin, _) in _QUALIFIER_WORDS.items() for w in latin.split()}
_ARABIC_QUALIFIERS = {normalize_name(w): q for q, (_, arabic) in _QUALIFIER_WORDS.items() for w in arabic.split()}
