"""One Aho-Corasick pass finds every lexicon phrase in normalised text, on word boundaries.

A phrase may follow proclitics and the article as Arabic writes them («بالغارات», «وللقوات»), and an open-ended
phrase may carry a short inflection suffix («اشتباك» → «اشتباكات», «قصف» → «قصفت»). Where phrases of one family
overlap, the longer wins («سيارة مفخخة» over «مفخخة», «جيش الاحتلال التركي» over «جيش الاحتلال»), and two
overlapping phrases that say the same count once («من مخلفات» + «مخلفات الحرب»).
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
_FAMILIES = max(Family) + 1
_ARTICLE_FORMS = frozenset({"ال", "وال", "فال", "بال", "كال", "وبال", "فبال", "وكال", "لل", "ولل", "فلل"})
_PREFIXES = frozenset({"", *CLITIC_PREFIXES, *_ARTICLE_FORMS})
_BEFORE_ARTICLE = frozenset({"", "و", "ف", "ب", "ك", "وب", "فب", "وك", "فك"})  # what may precede a written «ال»
_LAM_PREFIXES = frozenset({"ل", "ول", "فل"})
_CONJUNCTIONS = frozenset({"", "و", "ف"})  # «لل» form of a phrase with «ال»: «للجيش» is «ل» + «لجيش»


@dataclass(slots=True)
class Hit:
    """One phrase found in the normalised text: [start, end) including any suffix, and what it says."""

    start: int
    end: int
    prefix: str  # proclitics written before it in the same word
    cue: Cue
    sentence: int = -1  # index into the document's sentences
    role: int = 0  # the role of that sentence (a `document.Role`)
    clause: int = -1  # index of its clause in the document (event hits; -1 until marked)
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


def _allowed_prefixes(phrase: str, lam_form: bool, kind: CueKind) -> frozenset[str]:
    if _is_latin(phrase):
        return frozenset({""})
    if kind is CueKind.DATED:  # whole words only: «السابق» in «النظام السابق» does not date a clause
        return _CONJUNCTIONS
    if lam_form:
        return _LAM_PREFIXES
    return _BEFORE_ARTICLE if phrase.startswith("ال") else _PREFIXES


@cache
def _automaton() -> ahocorasick.Automaton:
    """Key: normalised phrase (or its «لـ» form); value: (length, ((cue, allowed prefixes, is Latin), ...))."""
    table: dict[str, list[tuple[Cue, frozenset[str], bool]]] = {}
    seen: set[tuple[str, CueKind, object]] = set()
    for cue in (*EVENT_CUES, *ACTOR_CUES, *CASUALTY_CUES, *DISCOURSE_CUES):
        base = normalize_name(cue.phrase)
        forms = [base, *(_adjective_phrase_variants(base) if cue.kind is CueKind.EVENT else [])]
        for form in forms:
            if (form, cue.kind, cue.value) in seen:
                continue
            seen.add((form, cue.kind, cue.value))
            entry = Cue(form, cue.kind, cue.value, cue.weight, cue.rule, cue.open_end)
            latin = _is_latin(form)
            table.setdefault(form, []).append((entry, _allowed_prefixes(form, False, cue.kind), latin))
            if form.startswith("ال") and len(form) > 3:
                table.setdefault("ل" + form[2:], []).append((entry, _allowed_prefixes(form, True, cue.kind), latin))
    auto = ahocorasick.Automaton()
    for key, entries in table.items():
        auto.add_word(key, (len(key), tuple(entries)))
    auto.make_automaton()
    return auto


def scan(ntext: str) -> list[Hit]:
    """Every lexicon phrase in `ntext` (normalised text), in text order, overlaps within a family resolved."""
    raw: list[tuple[int, int, int, int, str, Cue]] = []
    n = len(ntext)
    for last, (length, entries) in _automaton().iter(ntext):
        end = last + 1
        start = end - length
        prefix = ""
        if start and ntext[start - 1].isalnum():  # letters before it in the same word: proclitics, or no match
            space = ntext.rfind(" ", max(start - MAX_PREFIX - 1, 0), start)
            if space >= 0 and ntext[space + 1 : start].isalnum():  # the usual case: the word starts after a space
                prefix = ntext[space + 1 : start]
            else:
                ws = start - 1
                while ws and ntext[ws - 1].isalnum() and start - ws <= MAX_PREFIX:
                    ws -= 1
                if start - ws > MAX_PREFIX:
                    continue
                prefix = ntext[ws:start]
        we, suffix = end, ""
        if end < n and ntext[end].isalnum():  # letters after it: an inflection suffix, or a longer word
            space = ntext.find(" ", end, end + MAX_SUFFIX + 1)
            if space >= 0 and ntext[end:space].isalnum():  # the usual case: the word ends at a space
                we, suffix = space, ntext[end:space]
            else:
                while we < n and ntext[we].isalnum() and we - end <= MAX_SUFFIX:
                    we += 1
                if we - end > MAX_SUFFIX:
                    continue
                suffix = ntext[end:we]
        for cue, allowed, latin in entries:
            if prefix in allowed and (
                not suffix
                or (cue.open_end and (suffix in LATIN_SUFFIXES if latin else SUFFIX_LETTERS.issuperset(suffix)))
            ):
                raw.append((start, -we, cue.family, len(raw), prefix, cue))
    raw.sort()  # by start, longer first; the running index keeps the comparison off the cues
    kept: list[Hit] = []
    last: list[Hit | None] = [None] * _FAMILIES  # family -> the furthest-reaching kept hit
    for start, neg_end, family, _, prefix, cue in raw:
        prev = last[family]
        if prev is not None and start < prev.end and (-neg_end <= prev.end or cue.value == prev.cue.value):
            continue  # inside a longer phrase of the family, or overlapping one that says the same
        hit = Hit(start, -neg_end, prefix, cue)
        if prev is None or hit.end > prev.end:
            last[family] = hit
        kept.append(hit)
    return kept
