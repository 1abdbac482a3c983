"""Matching: one Aho-Corasick automaton over every gazetteer name and its variants, scanned once per text.

The automaton holds each normalised name, its no-space variant (ديرالزور), the ل+ال form (للحسكة → لحسكة), the nisba
phrases (الريف الإدلبي) and the organisation names that must not yield places (هيئة تحرير الشام). A scan keeps the
hits that sit on word boundaries, after an allowed chain of proclitics (و ف ب ل ك), longest first; each kept hit
carries its span in the normalised text and in the text as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

import ahocorasick

from geomap.arabic import CLITIC_PREFIXES, NormalizedText
from geomap.gazetteer import Gazetteer, Place
from geomap.geoparse.vocabulary import BLOCKED, GENERIC_HEADS, NISBA, NOT_PLACES

__all__ = ["Hit", "HitKind", "Matcher"]

_LATIN_LETTER = re.compile("[a-z]")
_MAX_CLITIC = 3  # letters in the longest proclitic chain (ولل)
_MIN_LAM_KEY = 5  # «لحسكة» for «الحسكة» only for names longer than ال + 2 letters: short ones are common words


class HitKind(Enum):
    """What an automaton key stands for."""

    NAME = "name"  # a gazetteer name (or its no-space variant)
    LAM = "lam"  # «لحسكة» in «للحسكة»: a name with its article merged into the preposition ل
    NISBA = "nisba"  # «الريف الإدلبي»: a governorate's countryside by its adjective
    BLOCK = "block"  # an organisation or title whose place name is not a mention


@dataclass(slots=True)
class Hit:
    """A name found in the text, with its span both in the normalised text and in the text as written."""

    start: int  # normalised span of the name itself (its proclitic excluded)
    end: int
    key: str  # canonical normalised name (for a nisba, the adjective)
    kind: HitKind
    places: tuple[Place, ...]  # candidates, best first (a nisba: its governorate)
    clitic: str  # the proclitic chain written before the name, normalised («وب»), or ""
    latin: bool  # a Latin-script name
    orig_start: int  # span of the name in the text as written
    orig_end: int
    orig_clitic_start: int  # where its proclitic starts in the text as written (orig_start when none)
    surface: str  # the name as written


@dataclass(frozen=True, slots=True)
class _Key:
    kind: HitKind
    key: str
    length: int
    latin: bool
    places: tuple[Place, ...]


class Matcher:
    """The automaton over one gazetteer's names; `scan` finds the hits in a normalised text."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.automaton = _build_automaton(gazetteer)

    def __len__(self) -> int:
        return len(self.automaton)

    def scan(self, norm: NormalizedText) -> list[Hit]:
        """Every name in `norm` on word boundaries, longest first then leftmost, in text order (blocks dropped)."""
        ntext = norm.text
        raw = [hit for hit in (self._accept(ntext, norm, e, k) for e, k in self.automaton.iter(ntext)) if hit]
        # Longest match wins; among equals the leftmost.
        raw.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
        taken: list[tuple[int, int, str, _Key]] = []
        occupied = bytearray(len(ntext) + 1)
        for h in raw:
            start, end = h[0], h[1]
            if any(occupied[start:end]):
                continue
            occupied[start:end] = b"\x01" * (end - start)
            taken.append(h)
        taken.sort(key=lambda h: h[0])
        return [_hit(norm, *h) for h in taken if h[3].kind is not HitKind.BLOCK]

    @staticmethod
    def _accept(ntext: str, norm: NormalizedText, end_idx: int, k: _Key) -> tuple[int, int, str, _Key] | None:
        """(start, end, clitic, key) when the match at `end_idx` is a word, after an allowed proclitic chain."""
        start = end_idx - k.length + 1
        end = end_idx + 1
        if end < len(ntext) and ntext[end].isalnum():
            return None
        clitic = ""
        if start > 0 and ntext[start - 1].isalnum():
            if k.latin:
                return None
            ws = start - 1
            while ws > 0 and ntext[ws - 1].isalnum() and start - ws < _MAX_CLITIC + 1:
                ws -= 1
            if ws > 0 and ntext[ws - 1].isalnum():
                return None
            clitic = ntext[ws:start]
            if clitic not in CLITIC_PREFIXES:
                return None
        if k.kind is HitKind.LAM and not clitic.endswith("ل"):
            return None
        if k.latin:
            o_start, _ = norm.to_original(start, end)
            if not norm.original[o_start].isupper():
                return None  # English place names are capitalised; "homs" in a URL or word is not one
        return start, end, clitic, k


def _hit(norm: NormalizedText, start: int, end: int, clitic: str, k: _Key) -> Hit:
    o_start, o_end = norm.to_original(start, end)
    c_start = norm.to_original(start - len(clitic), end)[0] if clitic else o_start
    return Hit(
        start, end, k.key, k.kind, k.places, clitic, k.latin, o_start, o_end, c_start, norm.original[o_start:o_end]
    )


def _build_automaton(gazetteer: Gazetteer) -> ahocorasick.Automaton:
    entries: dict[str, tuple[HitKind, str]] = {}
    keys = dict(gazetteer.names())
    for key, ids in keys.items():
        if len(key) < 2 or not ids or key in NOT_PLACES:
            continue
        head, _, rest = key.partition(" ")
        if head in GENERIC_HEADS and rest in keys and set(ids) <= set(keys[rest]):
            continue  # «محافظة إدلب»: the mention is «إدلب», the trigger its evidence
        entries[key] = (HitKind.NAME, key)
    for key in list(entries):
        if " " in key and not _LATIN_LETTER.search(key):
            entries.setdefault(key.replace(" ", ""), (HitKind.NAME, key))
        if key.startswith("ال") and len(key) >= _MIN_LAM_KEY:
            entries.setdefault("ل" + key[2:], (HitKind.LAM, key))
    for adjective in NISBA:
        entries["الريف " + adjective] = (HitKind.NISBA, adjective)
    for phrase in BLOCKED:
        entries[phrase] = (HitKind.BLOCK, phrase)
    auto = ahocorasick.Automaton()
    for surface, (kind, key) in entries.items():
        if kind is HitKind.NISBA:
            places: tuple[Place, ...] = (gazetteer.lookup(NISBA[key]),)
        elif kind is HitKind.BLOCK:
            places = ()
        else:
            places = tuple(gazetteer.lookup(i) for i in gazetteer.ids_for_name(key))
        auto.add_word(surface, _Key(kind, key, len(surface), _is_latin(key), places))
    auto.make_automaton()
    return auto


def _is_latin(key: str) -> bool:
    """A key in Latin script (normalised names are lower case)."""
    return "a" <= key[:1] <= "z"
