"""Arabic (and Latin) text normalisation that remembers where every character came from.

Matching runs on normalised text; mentions must point into the text as the user wrote it. ``normalize`` returns
both the normalised string and, when characters were dropped, the way to map each normalised position back to the
original one. Character mappings are one-to-one, deletions are the only length change, so the map is cheap to build
and the common case (nothing dropped) costs one pass over the text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

import numpy as np

__all__ = [
    "CLITIC_PREFIXES",
    "NormalizedText",
    "is_arabic",
    "latin_skeleton",
    "latin_words",
    "normalize",
    "normalize_name",
]

# Characters dropped from text before matching: harakat and Quranic marks, superscript alef, tatweel, zero-width and
# bidi controls, soft hyphen, BOM. Also every whitespace character that follows another one, so that runs of spaces
# and line breaks inside a multiword name still match.
_DROPPED = (
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad\u034f\u180e]"
)
_DROP_RE = re.compile(_DROPPED)
_DROP_NAME_RE = _DROP_RE
_SPACES_RE = re.compile(r"\s+")


_ARABIC_FOLDS = {  # hamza forms, alef maqsura, ta marbuta, Persian/Kurdish/Urdu letters, Arabic punctuation
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ئ": "ي",
    "ی": "ي",
    "ې": "ي",
    "ۍ": "ي",
    "ے": "ي",
    "ێ": "ي",
    "ة": "ه",
    "ۀ": "ه",
    "ە": "ه",
    "ھ": "ه",
    "ہ": "ه",
    "ۃ": "ه",
    "ؤ": "و",
    "ۆ": "و",
    "ۇ": "و",
    "ۈ": "و",
    "ۋ": "و",
    "ک": "ك",
    "ڪ": "ك",
    "گ": "ك",
    "ګ": "ك",
    "پ": "ب",
    "چ": "ج",
    "ژ": "ز",
    "ڤ": "ف",
    "ڨ": "ق",
    "ڵ": "ل",
    "ڕ": "ر",
    "ٹ": "ت",
    "ڈ": "د",
    "ڑ": "ر",
    "ں": "ن",
    "ۓ": "ي",
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
}


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for src, dst in _ARABIC_FOLDS.items():
        table[ord(src)] = dst
    for i, d in enumerate("٠١٢٣٤٥٦٧٨٩"):
        table[ord(d)] = str(i)
    for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
        table[ord(d)] = str(i)
    # Latin: lower case, diacritics stripped (ā → a, Ḩ → h); apostrophes, ʿayn/hamza marks and hyphens become spaces
    # so that "Dar'a", "Deir ez-Zor" and "Aleppo's" tokenise the same way in names and in text.
    for cp in [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        ch = chr(cp)
        base = unicodedata.normalize("NFKD", ch)[0].lower()
        if base != ch:
            table[cp] = base
    for ch in "'’‘`ʿʾ´-‐‑‒–—":
        table[ord(ch)] = " "
    # Arabic presentation forms that fold to a single base letter.
    for cp in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]:
        folded = unicodedata.normalize("NFKC", chr(cp))
        if len(folded) == 1:
            table[cp] = folded.translate(table) if ord(folded) in table else folded
    # Every whitespace character becomes a plain space.
    for cp in (
        0x09,
        0x0A,
        0x0B,
        0x0C,
        0x0D,
        0x85,
        0xA0,
        0x1680,
        *range(0x2000, 0x200B),
        0x2028,
        0x2029,
        0x202F,
        0x205F,
        0x3000,
    ):
        table[cp] = " "
    return table


_TABLE = _build_table()
# Folding as a regular expression over the characters that change: in Arabic text only a few in a hundred do, and a
# callback per such character is cheaper than `str.translate`, which looks every character up (it is fast only for
# ASCII text).
_FOLD_RE = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_TABLE)) + "]")
_FOLDED = {chr(cp): v for cp, v in _TABLE.items()}
# The folds that are common in Arabic news (ta marbuta, hamza forms, alef maqsura, the Arabic comma, line breaks)
_COMMON_FOLDS = tuple((ch, _FOLDED[ch]) for ch in "ةأ،إى\nئ")
# Characters that are, or normalise to, a space (whitespace, apostrophes, hyphens) fold to a space, or stay what they
# are for the four control separators: runs of them collapse to one.
_FOLDED_SPACES = " \x1c\x1d\x1e\x1f"
_RUN_RE = re.compile(f"[{_FOLDED_SPACES}]{{2,}}")

#: Proclitics that may stand before a place name: conjunctions, prepositions and their combinations (normalised).
CLITIC_PREFIXES = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك", "ولل", "فلل"})


class NormalizedText:
    """Normalised text plus the way back to the original.

    Deletions are few (diacritics, repeated spaces), so the map back is kept as the normalised positions at which
    characters were dropped (`bisect` finds how many lie before a position) rather than as one offset per character.
    """

    __slots__ = ("_shifts", "original", "text")

    def __init__(self, text: str, original: str, shifts: list[int] | None) -> None:
        self.text = text
        self.original = original
        # shifts[j]: the number of kept characters before the j-th dropped one; None when nothing was dropped
        self._shifts = shifts

    @property
    def offsets_identical(self) -> bool:
        """True when every normalised position is the same position in the original."""
        return self._shifts is None

    @property
    def offsets(self) -> np.ndarray | None:
        """offsets[i] = index in `original` of normalised character i; None when the texts align one to one."""
        if self._shifts is None:
            return None
        positions = np.arange(len(self.text))
        return positions + np.searchsorted(np.asarray(self._shifts, dtype=np.int64), positions, side="right")

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised half-open span [start, end) to the original text."""
        shifts = self._shifts
        if shifts is None:
            return start, end
        if end <= start:
            pos = start + bisect_right(shifts, start) if start < len(self.text) else len(self.original)
            return pos, pos
        return start + bisect_right(shifts, start), end + bisect_right(shifts, end - 1)


def normalize(text: str) -> NormalizedText:
    """Normalise `text` for matching, keeping a map from normalised to original positions."""
    # Folding is one character to one and leaves the dropped characters as they are, so they can be found and
    # dropped after it. Every space-like character folds to a space or stays a control separator (which is not
    # printable), so a run of them shows as two spaces in a printable text.
    folded = _fold(text)
    has_drops = _DROP_RE.search(folded) is not None
    has_runs = "  " in folded or (not folded.isprintable() and _RUN_RE.search(folded) is not None)
    if not has_drops and not has_runs:
        return NormalizedText(folded, text, None)
    dropped = [m.start() for m in _DROP_RE.finditer(folded)] if has_drops else []
    if dropped:
        folded = _DROP_RE.sub("", folded)
    # A whitespace character right after another one (once dropped marks are gone) is dropped too, so runs of
    # spaces, line breaks and zero-width marks between words become one space.
    runs = [(m.start() + 1, m.end()) for m in _RUN_RE.finditer(folded)]
    if runs:
        shifts = _shifts(dropped)
        repeated = [k + bisect_right(shifts, k) for start, end in runs for k in range(start, end)]
        dropped = sorted(dropped + repeated)
        folded = _RUN_RE.sub(_first_char, folded)
    return NormalizedText(folded, text, _shifts(dropped))


def _fold(text: str) -> str:
    """`text.translate(_TABLE)`, faster for Arabic text: the commonest folds by `str.replace`, the rest by regex."""
    if text.isascii():
        return text.translate(_TABLE)
    for ch, folded in _COMMON_FOLDS:
        text = text.replace(ch, folded)
    return _FOLD_RE.sub(_folded_char, text)


def _folded_char(m: re.Match[str]) -> str:
    return _FOLDED[m.group()]


def _shifts(dropped: list[int]) -> list[int]:
    """For sorted dropped positions of the original, the number of kept characters before each."""
    return [d - j for j, d in enumerate(dropped)]


def _first_char(m: re.Match[str]) -> str:
    return m.group()[0]


def normalize_name(name: str) -> str:
    """Normalise a gazetteer name or query: the same folding as `normalize`, spaces collapsed and trimmed."""
    folded = _DROP_NAME_RE.sub("", name).translate(_TABLE)
    return _SPACES_RE.sub(" ", folded).strip()


_ARTICLES = frozenset(
    {"al", "el", "ash", "as", "ad", "ar", "at", "az", "an", "ath", "adh", "ed", "es", "et", "ez", "a"}
)
_DIGRAPHS = (
    ("kh", "k"),
    ("gh", "g"),
    ("sh", "s"),
    ("th", "t"),
    ("dh", "d"),
    ("ph", "f"),
    ("q", "k"),
    ("ou", "u"),
    ("ow", "o"),
    ("aw", "a"),
)
_VOWELS_RE = re.compile(r"[aeiou]")


def latin_words(name: str) -> list[str]:
    """A transliterated name's words without articles (Al, Ash, El- ...), lower case, diacritics folded."""
    words = [w for w in normalize_name(name).split() if w not in _ARTICLES]
    return [w[2:] if len(w) > 4 and w.startswith(("al", "el")) else w for w in words]


def latin_skeleton(name: str) -> str:
    """The consonant skeleton of a transliterated name, so that the spellings of one Arabic name meet:
    Al Lataminah / Latmana → ltmn, Beit Jinn / Bait Jan → btjn, Busra al Harir / Busra Elharir → bsrhr."""
    out = []
    for w in latin_words(name):
        for a, b in _DIGRAPHS:
            w = w.replace(a, b)
        w = w[:-1] if len(w) > 3 and w.endswith("h") else w
        out.append(_VOWELS_RE.sub("", w))
    return re.sub(r"(.)\1+", r"\1", "".join(out))


def is_arabic(text: str) -> bool:
    """True when `text` contains at least one Arabic letter."""
    return any("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" for ch in text)
