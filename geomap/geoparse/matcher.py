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

from geomap.arabic import CLITIC_PREFIXES, LATIN_ARTICLES, NormalizedText
from geomap.gazetteer import Gazetteer, Place
from geomap.geoparse.vocabulary import BLOCKED, GENERIC_HEADS, NISBA, NOT_PLACES, ROAD_NAME_PREFIX
from geomap.kinds import Importance

__all__ = ["AdminFacts", "Hit", "HitKind", "Matcher", "admin_facts"]

_LATIN_LETTER = re.compile("[a-z]")
_LATIN_ARTICLE_RE = re.compile(r"([a-z]{1,3})[-‐‑ ]+")  # «al-», «ash-»: an article written in lower case
_MAX_CLITIC = 3  # letters in the longest proclitic chain (ولل)
_MIN_LAM_KEY = 5  # «لحسكة» for «الحسكة» only for names longer than ال + 2 letters: short ones are common words


class HitKind(Enum):
    """What an automaton key stands for."""

    NAME = "name"  # a gazetteer name (or its no-space variant)
    LAM = "lam"  # «لحسكة» in «للحسكة»: a name with its article merged into the preposition ل
    NISBA = "nisba"  # «الريف الإدلبي»: a governorate's countryside by its adjective
    BLOCK = "block"  # an organisation or title whose place name is not a mention
    ARTICLE = "article"  # «الفطيرة» for the gazetteer's «فطيرة»: a mention only after a fitting trigger


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
    admin: AdminFacts  # what the name says as admin context for a name before it


@dataclass(frozen=True, slots=True)
class AdminFacts:
    """What a name says when it places the name before it («X بريف حماة», «X التابعة لناحية Y»)."""

    unit: bool  # it names an admin unit, a region or a district-level town in Syria (or is a nisba)
    governorates: frozenset[str] | None  # the governorates its places lie in (None when none)
    unit_ids: frozenset[str]  # its places that are districts or sub-districts themselves


@dataclass(frozen=True, slots=True)
class _Key:
    kind: HitKind
    key: str
    length: int
    latin: bool
    places: tuple[Place, ...]
    admin: AdminFacts


class Matcher:
    """The automaton over one gazetteer's names; `scan` finds the hits in a normalised text."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.automaton = _build_automaton(gazetteer)
        self._articles: dict[str, _Key | None] = {}  # name key -> its article form's key (None: it has none)

    def __len__(self) -> int:
        return len(self.automaton)

    def scan(self, norm: NormalizedText) -> list[Hit]:
        """Every name in `norm` on word boundaries, longest first then leftmost, in text order (blocks dropped)."""
        ntext = norm.text
        n = len(ntext)
        raw: list[tuple[int, int, str, _Key]] = []
        for end_idx, k in self.automaton.iter(ntext):
            end = end_idx + 1
            if end < n and ntext[end].isalnum():
                continue  # the name ends inside a word
            start = end - k.length
            clitic = ""
            if start > 0 and ntext[start - 1].isalnum():
                if k.latin:
                    continue
                clitic = _clitic_before(ntext, start)
                if not clitic:
                    article = self._article_form(ntext, start, k)
                    if article is None:
                        continue
                    start, clitic, k = article
            if k.kind is HitKind.LAM and not clitic.endswith("ل"):
                continue
            if k.latin and not _capitalised(norm.original, *norm.to_original(start, end)):
                continue  # English place names are capitalised; "homs" in a URL or word is not one
            raw.append((start, end, clitic, k))
        if any(raw[i][0] < raw[i - 1][1] for i in range(1, len(raw))):
            raw = _longest_first(_road_ends(raw), n)  # some hits overlap (the automaton reports them by their end)
        if norm.offsets_identical:  # the common case: spans are the same in both texts
            original = norm.original
            return [
                Hit(s, e, k.key, k.kind, k.places, c, k.latin, s, e, s - len(c), original[s:e], k.admin)
                for s, e, c, k in raw
                if k.kind is not HitKind.BLOCK
            ]
        return [_hit(norm, *h) for h in raw if h[3].kind is not HitKind.BLOCK]

    def _article_form(self, ntext: str, start: int, k: _Key) -> tuple[int, str, _Key] | None:
        """«(و)الفطيرة» where the gazetteer writes «فطيرة»: the hit with its article (start, proclitic, key), or None
        when the letters before the name are no article or the name has no such form."""
        if k.kind is not HitKind.NAME or start < 2 or ntext[start - 2 : start] != "ال":
            return None
        begin = start - 2
        clitic = _clitic_before(ntext, begin) if begin > 0 and ntext[begin - 1].isalnum() else ""
        if begin > 0 and ntext[begin - 1].isalnum() and not clitic:
            return None
        if k.key not in self._articles:
            syrian = any(p.in_syria and p.kind == "community" for p in k.places)
            known = self.automaton.exists("ال" + k.key)  # «الطيبة» is a name of its own: the automaton has it
            form = _Key(HitKind.ARTICLE, k.key, k.length + 2, False, k.places, k.admin)
            self._articles[k.key] = form if syrian and not known else None
        found = self._articles[k.key]
        return None if found is None else (begin, clitic, found)


def _capitalised(original: str, start: int, end: int) -> bool:
    """A Latin name written as names are: capitalised («Homs», «Al-Tanf»), or a lower-case article before a
    capitalised word («al-Tanf», «ash-Shaddadi»)."""
    if original[start].isupper():
        return True
    article = _LATIN_ARTICLE_RE.match(original, start, end)
    return article is not None and article.group(1) in LATIN_ARTICLES and original[article.end()].isupper()


def _clitic_before(ntext: str, start: int) -> str:
    """The proclitic chain (و ف ب ل ك and their combinations) that makes up the whole word part before `start`, or
    "" when that part is no such chain."""
    ws = start - 1
    while ws > 0 and ntext[ws - 1].isalnum() and start - ws <= _MAX_CLITIC:
        ws -= 1
    if ws > 0 and ntext[ws - 1].isalnum():
        return ""
    clitic = ntext[ws:start]
    return clitic if clitic in CLITIC_PREFIXES else ""


def _road_ends(raw: list[tuple[int, int, str, _Key]]) -> list[tuple[int, int, str, _Key]]:
    """Without the names built on a road word that another name follows at once: «طريق حلب - اللاذقية» is the road
    between Aleppo and Latakia (its ends are the mentions), not the neighbourhood «طريق حلب» and a city."""
    starts = {h[0] - len(h[2]) for h in raw}  # where each hit's word begins (its proclitic included)
    return [h for h in raw if not (h[3].key.startswith(ROAD_NAME_PREFIX) and h[1] + 1 in starts)]


def _longest_first(raw: list[tuple[int, int, str, _Key]], n: int) -> list[tuple[int, int, str, _Key]]:
    """The hits that no longer (or, among equals, earlier) hit overlaps, in text order."""
    raw.sort(key=lambda h: (h[0] - h[1], h[0]))
    taken = []
    occupied = bytearray(n + 1)
    for h in raw:
        start, end = h[0], h[1]
        if any(occupied[start:end]):
            continue
        occupied[start:end] = b"\x01" * (end - start)
        taken.append(h)
    taken.sort(key=lambda h: h[0])
    return taken


def _hit(norm: NormalizedText, start: int, end: int, clitic: str, k: _Key) -> Hit:
    o_start, o_end = norm.to_original(start, end)
    c_start = norm.to_original(start - len(clitic), end)[0] if clitic else o_start
    return Hit(
        start,
        end,
        k.key,
        k.kind,
        k.places,
        clitic,
        k.latin,
        o_start,
        o_end,
        c_start,
        norm.original[o_start:o_end],
        k.admin,
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
    # The variants of one name share its candidates and admin facts, and equal facts are one object: the automaton's
    # values live as long as the process, and every full garbage collection walks them.
    shared: dict[tuple[HitKind, str], tuple[tuple[Place, ...], AdminFacts]] = {}
    facts: dict[AdminFacts, AdminFacts] = {}
    for surface, (kind, key) in entries.items():
        known = shared.get((kind, key))
        if known is None:
            if kind is HitKind.NISBA:
                places: tuple[Place, ...] = (gazetteer.lookup(NISBA[key]),)
            elif kind is HitKind.BLOCK:
                places = ()
            else:
                places = tuple(gazetteer.lookup(i) for i in gazetteer.ids_for_name(key))
            fact = admin_facts(kind, places)
            known = shared[kind, key] = (places, facts.setdefault(fact, fact))
        auto.add_word(surface, _Key(kind, key, len(surface), _is_latin(key), *known))
    auto.make_automaton()
    return auto


_ADMIN_KINDS = ("governorate", "district", "subdistrict", "region")


def admin_facts(kind: HitKind, places: tuple[Place, ...]) -> AdminFacts:
    """What a name with these candidates says as admin context for the name before it."""
    unit = kind is HitKind.NISBA or any(
        p.in_syria and (p.kind in _ADMIN_KINDS or p.importance >= Importance.DISTRICT) for p in places
    )
    return AdminFacts(
        unit=unit,
        governorates=frozenset(p.admin1 for p in places if p.admin1) or None,
        unit_ids=frozenset(p.id for p in places if p.kind in ("district", "subdistrict")),
    )


def _is_latin(key: str) -> bool:
    """A key in Latin script (normalised names are lower case)."""
    return "a" <= key[:1] <= "z"
