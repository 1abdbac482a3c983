"""One Aho-Corasick pass finds every lexicon phrase in normalised text, on word boundaries.

A phrase may follow proclitics and the article as Arabic writes them («بالغارات», «وللقوات»), and an open-ended
phrase may carry a short inflection suffix («اشتباك» → «اشتباكات», «قصف» → «قصفت»). Where phrases of one family
overlap, the longer wins («سيارة مفخخة» over «مفخخة», «جيش الاحتلال التركي» over «جيش الاحتلال»).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import ahocorasick

from geomap.arabic import CLITIC_PREFIXES, normalize_name
from geomap.coding.cues import Cue, CueKind, Family
from geomap.coding.lexicon_actors import ACTOR_CUES
from geomap.coding.lexicon_casualties import CASUALTY_CUES
from geomap.coding.lexicon_discourse import DISCOURSE_CUES
from geomap.coding.lexicon_events import EVENT_CUES

__all__ = ["Hit", "scan"]

MAX_SUFFIX = 4  # longest inflection suffix an open-ended phrase may carry («مفخختين» = «مفخخ» + «تين»)
SUFFIX_LETTERS = frozenset("اهتينوم")  # letters of Arabic inflection and pronoun suffixes (ات ين ون تان ها هم ...)
LATIN_SUFFIXES = frozenset({"s", "es", "ed", "d", "ing", "er", "ers"})  # clash-es, attack-ed, protest-ers
MAX_PREFIX = 4  # longest run of proclitics and article before a phrase («وبال»)
_ARTICLE_FORMS = frozenset({"ال", "وال", "فال", "بال", "كال", "وبال", "فبال", "وكال", "لل", "ولل", "فلل"})
_PREFIXES = frozenset({"", *CLITIC_PREFIXES, *_ARTICLE_FORMS})
_BEFORE_ARTICLE = frozenset({"", "و", "ف", "ب", "ك", "وب", "فب", "وك", "فك"})  # what may precede a written «ال»
_LAM_PREFIXES = frozenset({"ل", "ول", "فل"})  # «لل» form of a phrase with «ال»: «للجيش» is «ل» + «لجيش»


@dataclass(slots=True)
class Hit:
    """One phrase found in the normalised text: [start, end) including any suffix, and what it says."""

    start: int
    end: int
    prefix: str  # proclitics written before it in the same word
    cue: Cue
    sentence: int = -1  # index into the document's sentences
    role: int = 0  # the role of that sentence (a `document.Role`)
    negated: bool = False  # denied or negated: the event word does not count
    hypothetical: bool = False  # a threat or a possibility, not an event


def _is_latin(phrase: str) -> bool:
    return phrase[:1].isascii()


def _adjective_phrase_variants(phrase: str) -> list[str]:
    """«سيارة مفخخة» → also «السيارة المفخخة» (noun and adjective both take the article)."""
    words = phrase.split()
    if len(words) < 2 or _is_latin(phrase) or any(w.startswith("ال") for w in words):
        return []
    return [" ".join("ال" + w for w in words)]


def _allowed_prefixes(phrase: str, lam_form: bool) -> frozenset[str]:
    if _is_latin(phrase):
        return frozenset({""})
    if lam_form:
        return _LAM_PREFIXES
    return _BEFORE_ARTICLE if phrase.startswith("ال") else _PREFIXES


@cache
def _automaton() -> ahocorasick.Automaton:
    """Key: normalised phrase (or its «لـ» form); value: (length, ((cue, allowed prefixes), ...))."""
    table: dict[str, list[tuple[Cue, frozenset[str]]]] = {}
    seen: set[tuple[str, CueKind, object]] = set()
    for cue in (*EVENT_CUES, *ACTOR_CUES, *CASUALTY_CUES, *DISCOURSE_CUES):
        base = normalize_name(cue.phrase)
        forms = [base, *(_adjective_phrase_variants(base) if cue.kind is CueKind.EVENT else [])]
        for form in forms:
            if (form, cue.kind, cue.value) in seen:
                continue
            seen.add((form, cue.kind, cue.value))
            entry = Cue(form, cue.kind, cue.value, cue.weight, cue.rule, cue.open_end)
            table.setdefault(form, []).append((entry, _allowed_prefixes(form, False)))
            if form.startswith("ال") and len(form) > 3:
                table.setdefault("ل" + form[2:], []).append((entry, _allowed_prefixes(form, True)))
    auto = ahocorasick.Automaton()
    for key, entries in table.items():
        auto.add_word(key, (len(key), tuple(entries)))
    auto.make_automaton()
    return auto


def scan(ntext: str) -> list[Hit]:
    """Every lexicon phrase in `ntext` (normalised text), in text order, overlaps within a family resolved."""
    found: list[Hit] = []
    n = len(ntext)
    for last, (length, entries) in _automaton().iter(ntext):
        start, end = last + 1 - length, last + 1
        prefix = ""
        if start and ntext[start - 1].isalnum():  # letters before it in the same word: proclitics, or no match
            ws = start - 1
            while ws > 0 and ntext[ws - 1].isalnum() and start - ws <= MAX_PREFIX:
                ws -= 1
            if start - ws > MAX_PREFIX:
                continue
            prefix = ntext[ws:start]
        we = end
        while we < n and ntext[we].isalnum() and we - end <= MAX_SUFFIX:  # letters after it: a suffix, or not ours
            we += 1
        if we < n and ntext[we].isalnum():
            continue
        suffix = ntext[end:we]
        for cue, allowed in entries:
            if prefix in allowed and (not suffix or (cue.open_end and _inflects(cue.phrase, suffix))):
                found.append(Hit(start, we, prefix, cue))
    found.sort(key=_order)
    kept: list[Hit] = []
    reach = [-1] * (len(Family) + 1)  # family -> end of the furthest-reaching kept hit
    for h in found:
        family = h.cue.family
        if reach[family] >= h.end:
            continue  # inside a longer phrase of the same family
        reach[family] = h.end
        kept.append(h)
    return kept


def _inflects(phrase: str, suffix: str) -> bool:
    if phrase[-1].isascii():
        return suffix in LATIN_SUFFIXES
    return SUFFIX_LETTERS.issuperset(suffix)


def _order(h: Hit) -> tuple[int, int]:
    return h.start, h.start - h.end
