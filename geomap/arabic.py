"""Arabic (and Latin) text normalisation that remembers where every character came from.

Matching runs on normalised text; mentions must point into the text as the user wrote it. ``normalize`` returns
both the normalised string and, when characters were dropped, the runs of the original that were kept, which map
every normalised position back to the original one. Character mappings are one-to-one (``str.translate``),
deletions are the only length change, so the map is cheap to build and the common case (nothing dropped) costs one
``translate`` call.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass

from geomap.exc import InputError

__all__ = [
    "CLITIC_PREFIXES",
    "LATIN_ARTICLES",
    "NormalizedText",
    "is_arabic",
    "latin_skeleton",
    "latin_words",
    "normalize",
    "normalize_name",
    "normalized_once",
    "normalized_text",
    "normalized_word",
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


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    arabic = {
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
    for src, dst in arabic.items():
        table[ord(src)] = dst
    for i, d in enumerate("٠١٢٣٤٥٦٧٨٩"):
        table[ord(d)] = str(i)
    for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
        table[ord(d)] = str(i)
    # Latin: lower case, diacritics stripped (ā → a, Ḩ → h); apostrophes, ʿayn/hamza marks and hyphens become spaces
    # so that "Dar'a", "Deir ez-Zor" and "Aleppo's" tokenise the same way in names and in text; so does the
    # underscore, which joins the words of a hashtag («#معرة_النعمان»).
    for cp in [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        ch = chr(cp)
        base = unicodedata.normalize("NFKD", ch)[0].lower()
        if base != ch:
            table[cp] = base
    for ch in "'’‘`ʿʾ´-‐‑‒–—_":
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


_FOLDS = _build_table()
# The same folding as a list over the Basic Multilingual Plane: `str.translate` reads a list index per character
# instead of a dict lookup that fails (and raises inside C) for every character that stays; a character above the
# plane is past the list's end and stays as it is.
_TABLE = [ord(_FOLDS[cp]) if cp in _FOLDS else cp for cp in range(0x10000)]
# Characters that are, or normalise to, a space (apostrophes and hyphens do): runs of them collapse to one.
_SPACE_LIKE = sorted({cp for cp in range(0x3001) if chr(cp).isspace()} | {cp for cp, v in _FOLDS.items() if v == " "})
# A text with nothing to drop and no two space-like characters in a row keeps every position: one `translate`.
_SPACE_CLASS = "".join(re.escape(chr(cp)) for cp in _SPACE_LIKE)
_NEEDS_OFFSETS_RE = re.compile(f"{_DROPPED}|[{_SPACE_CLASS}]{{2}}")
# What space-like characters become once translated: a run of them keeps its first.
_WHITE_RUN_RE = re.compile(
    "([{0}])[{0}]+".format(re.escape("".join(sorted({chr(cp).translate(_TABLE) for cp in _SPACE_LIKE}))))
)
# What normalising removes from a text as written, as runs: dropped marks, and in a run of space-like characters
# (marks between them aside) every one after the first. A match of the first branch keeps its first character.
_WHITE_CHARS = frozenset(chr(cp) for cp in _SPACE_LIKE if not _DROP_RE.match(chr(cp)))
_KEPT_WHITE = "".join(re.escape(ch) for ch in sorted(_WHITE_CHARS))
_DROP_CLASS = _DROPPED[1:-1]
_REMOVED_RE = re.compile(f"[{_KEPT_WHITE}][{_KEPT_WHITE}{_DROP_CLASS}]+|{_DROPPED}+")

#: Proclitics that may stand before a place name: conjunctions, prepositions and their combinations (normalised).
CLITIC_PREFIXES = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك", "ولل", "فلل"})


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """Normalised text plus the way back to the original.

    Normalising only removes characters, so the normalised text is the original's kept runs, folded: run k starts at
    `starts[k]` in the normalised text and at `origins[k]` in the original (no runs: nothing was removed).
    """

    text: str
    original: str
    starts: tuple[int, ...] = ()  # where each kept run starts in `text`, ascending
    origins: tuple[int, ...] = ()  # ... and in `original`

    @property
    def offsets_identical(self) -> bool:
        """True when every normalised position is the same position in the original (nothing dropped)."""
        return not self.starts

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised half-open span [start, end) to the original text."""
        if not self.starts:
            return start, end
        if end <= start:
            pos = self._original_of(start) if start < len(self.text) else len(self.original)
            return pos, pos
        return self._original_of(start), self._original_of(end - 1) + 1

    def to_normalized(self, pos: int) -> int:
        """The normalised position of the first character kept at or after original position `pos`."""
        if not self.starts:
            return pos
        k = bisect.bisect_right(self.origins, pos) - 1
        run_end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)
        return min(self.starts[k] + pos - self.origins[k], run_end)

    def _original_of(self, i: int) -> int:
        k = bisect.bisect_right(self.starts, i) - 1
        return self.origins[k] + i - self.starts[k]


def normalize(text: str) -> NormalizedText:
    """Normalise `text` for matching, keeping a map from normalised to original positions."""
    if not _NEEDS_OFFSETS_RE.search(text):
        return NormalizedText(text.translate(_TABLE), text)
    kept: list[str] = []
    starts, origins = [0], [0]
    removed = last = 0
    for m in _REMOVED_RE.finditer(text):
        begin, end = m.span()
        if text[begin] in _WHITE_CHARS:
            begin += 1  # a run of space-like characters keeps its first
        kept.append(text[last:begin])
        removed += end - begin
        last = end
        starts.append(end - removed)
        origins.append(end)
    kept.append(text[last:])  # the check above found a mark to drop or two spaces in a row: something was removed
    return NormalizedText("".join(kept).translate(_TABLE), text, tuple(starts), tuple(origins))


def normalized_text(text: str) -> str:
    """``normalize(text).text`` without the map back: for reading the words near a mention, where no position is
    mapped back (string methods instead of code point arrays, cheaper on short texts)."""
    if not _NEEDS_OFFSETS_RE.search(text):
        return text.translate(_TABLE)
    return _WHITE_RUN_RE.sub(r"\1", _DROP_RE.sub("", text).translate(_TABLE))


def normalized_once(text: str, normalized: NormalizedText | None) -> NormalizedText:
    """`normalized` when a caller that has normalised `text` already hands it on (the incident pipeline reads each
    report with the geoparser and the coder), else `normalize(text)`.

    Raises
    ------
    InputError
        When `normalized` is not the normalisation of `text`.
    """
    if normalized is None:
        return normalize(text)
    if normalized.original is not text and normalized.original != text:
        msg = "normalized= must be geomap.arabic.normalize() of the same text"
        raise InputError(msg, field="normalized")
    return normalized


def normalize_name(name: str) -> str:
    """Normalise a gazetteer name or query: the same folding as `normalize`, spaces collapsed and trimmed."""
    folded = _DROP_NAME_RE.sub("", name).translate(_TABLE)
    return _SPACES_RE.sub(" ", folded).strip()


#: `normalize_name` of a word read near a mention: words repeat from report to report, so their forms are kept
#: (a bounded cache, so that memory stays flat on long runs).
normalized_word = functools.lru_cache(maxsize=1 << 16)(normalize_name)


#: The Arabic article as transliterations write it (Al, Ash, El- ...), lower case.
LATIN_ARTICLES = frozenset(
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
    words = [w for w in normalize_name(name).split() if w not in LATIN_ARTICLES]
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
