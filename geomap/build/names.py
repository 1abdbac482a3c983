"""Name handling shared by the build steps: alias lists, «مركز» prefixes, Arabic alternates from GeoNames."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from geomap.arabic import is_arabic
from geomap.build.sources import clean
from geomap.gazetteer.schema import Place

__all__ = [
    "NON_ARABIC_LETTERS",
    "add_aliases",
    "alias_tuple",
    "arabic_alternates",
    "is_ordinary_arabic",
    "is_ordinary_latin",
    "strip_markaz",
]

# Letters used in Persian, Urdu, Kurdish or Pashto but not in Arabic: GeoNames alternates containing them are not
# Arabic names.
NON_ARABIC_LETTERS = frozenset("پچژگکیۀےٹڈڑںھۆێەڵڕګځښ")


def alias_tuple(
    name_ar: str, name_en: str, names: Iterable[str | None], existing: Iterable[str] = ()
) -> tuple[str, ...]:
    """`existing` plus each of `names` (whitespace folded) that is new and is neither the Arabic nor English name."""
    out = list(existing)
    for name in names:
        name = clean(name)
        if name and name != name_ar and name != name_en and name not in out:
            out.append(name)
    return tuple(out)


def add_aliases(place: Place, *names: str | None) -> Place:
    """The place with `names` appended to its aliases (see `alias_tuple`)."""
    aliases = alias_tuple(place.name_ar, place.name_en, names, place.aliases)
    return place if aliases == place.aliases else replace(place, aliases=aliases)


def strip_markaz(name: str) -> str | None:
    """«مركز إدلب» → «إدلب» (and «مركزالحفة» → «الحفة»), the name people use for a centre sub-district."""
    if name.startswith("مركز"):
        rest = name[len("مركز") :].strip()
        return rest or None
    return None


def arabic_alternates(names: Iterable[str]) -> list[str]:
    """The Arabic-script names among `names`, without Persian/Kurdish letters or Latin, first occurrence kept."""
    out = []
    for n in names:
        n = clean(n)
        if (
            is_arabic(n)
            and not (set(n) & NON_ARABIC_LETTERS)
            and not any(c.isascii() and c.isalpha() for c in n)
            and n not in out
        ):
            out.append(n)
    return out


_CLITICS = ("و", "ب", "ل", "ف")  # a name that, with one of these before it, is a common word (وزارة) is one too
WORD_ZIPF = 2.8  # wordfreq zipf from which a one-word name is a word (فرج, الصوامع): the geoparser's own line
PHRASE_WORD_ZIPF = 4.0  # a multiword name is an ordinary phrase (محمد حسين) when every word is this common ...
_PLACE_HEADS = frozenset(  # ... unless it starts with a word that makes place names (تل الأحمر, عين الريحان)
    [
        "تل",
        "تلة",
        "خربة",
        "عين",
        "جب",
        "بيت",
        "كفر",
        "دير",
        "قصر",
        "رسم",
        "مزرعة",
        "ام",
        "أم",
        "ابو",
        "أبو",
        "جسر",
        "وادي",
        "جبل",
        "مشرفة",
        "حارة",
        "باب",
        "قرية",
    ]
)


def _arabic_zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    flipped = word[2:] if word.startswith("ال") else "ال" + word
    forms = [word, flipped, *(c + f for c in _CLITICS for f in (word, flipped))]
    return max(zipf_frequency(f, "ar") for f in forms)


def is_ordinary_arabic(name: str) -> bool:
    """True when an Arabic name is also an ordinary word or phrase, judged by wordfreq in its article-flipped and
    clitic forms: such a name needs evidence (OCHA's list) before it is indexed bare."""
    words = name.split()
    if len(words) == 1:
        return _arabic_zipf(words[0]) >= WORD_ZIPF
    return words[0] not in _PLACE_HEADS and all(_arabic_zipf(w) >= PHRASE_WORD_ZIPF for w in words)


def is_ordinary_latin(name: str) -> bool:
    """True when a one-word Latin name is a common English word or given name (Sam, Nov, Natur ...)."""
    from wordfreq import zipf_frequency

    from geomap.arabic import normalize_name

    folded = normalize_name(name)  # Şam is "sam"
    return " " not in folded and zipf_frequency(folded, "en") >= WORD_ZIPF
