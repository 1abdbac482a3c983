"""Latin-script names the automaton does not know as written, read where an English trigger vouches for them.

ACLED-style notes write «the villages of Foua and Kfraya in Idlib province» in spellings no gazetteer lists. After
a trigger («the town of», «the villages of»), each capitalised name is looked up by transliteration among Syrian
places of the trigger's kind; the hits it yields join the automaton's and go through the same context, selection
and scoring. Without a trigger nothing is guessed: a capitalised word is too often no place.
"""

from __future__ import annotations

import re

from geomap.arabic import NormalizedText, normalize_name
from geomap.gazetteer import Gazetteer, Place
from geomap.geoparse.matcher import Hit, HitKind, admin_facts
from geomap.geoparse.scoring import fits
from geomap.geoparse.vocabulary import LATIN_TRIGGERS

__all__ = ["TRIGGER_NAME_RE", "TRIGGER_NAME_SIMILARITY", "names_after_triggers", "trigger_name_hits"]

TRIGGER_NAME_SIMILARITY = 0.9  # a name after a trigger, unknown as written, is taken in a spelling this close
_NAME = r"[A-Z][\w'’`-]*(?:[ -](?:(?:al|el|as|ash|ad|ar|at|az|an)[ -])?[A-Z][\w'’`-]*)?"
#: «the town of X», «the villages of X and Y», «the towns of X, Y and Z»: a trigger, «of» and capitalised names.
TRIGGER_NAME_RE = re.compile(
    r"\b(?P<trigger>" + "|".join(sorted(LATIN_TRIGGERS, key=len, reverse=True)) + r")\s+of\s+"
    rf"(?P<names>{_NAME}(?:\s*(?:,|,?\s+and)\s+{_NAME})*)"
)
_NAME_RE = re.compile(_NAME)


def names_after_triggers(text: str) -> bool:
    """Whether `text` has a trigger with names after it («the villages of X»); «of» is looked for first, which is
    cheaper than the pattern in a text with none (most Arabic reports)."""
    return "of" in text and TRIGGER_NAME_RE.search(text) is not None


def trigger_name_hits(norm: NormalizedText, hits: list[Hit], gazetteer: Gazetteer) -> list[Hit]:
    """Names the automaton does not know as written, read after an English trigger («the villages of Foua and
    Kfraya»): each becomes a hit when Syrian places of the trigger's kind bear a transliteration of it
    (`Gazetteer.search_transliteration`, at least `TRIGGER_NAME_SIMILARITY` alike)."""
    text = norm.original
    taken = [(h.orig_start, h.orig_end) for h in hits]
    out = []
    for m in TRIGGER_NAME_RE.finditer(text):
        kinds = LATIN_TRIGGERS[m.group("trigger")]
        for nm in _NAME_RE.finditer(text, m.start("names"), m.end("names")):
            start, end = nm.span()
            if any(s < end and start < e for s, e in taken):
                continue
            places = _places_named(gazetteer, nm.group(), kinds)
            if places:
                out.append(_hit(norm, start, end, places))
    return out


def _places_named(gazetteer: Gazetteer, name: str, kinds: tuple[str, ...]) -> tuple[Place, ...]:
    found = [p for p in gazetteer.search(name, fuzzy=False) if p.in_syria and fits(p, kinds)]
    for match in gazetteer.search_transliteration(name, min_similarity=TRIGGER_NAME_SIMILARITY):
        if fits(match.place, kinds) and match.place not in found:
            found.append(match.place)
    return tuple(found)


def _hit(norm: NormalizedText, start: int, end: int, places: tuple[Place, ...]) -> Hit:
    """A hit at the original span [start, end)."""
    n_start, n_end = norm.to_normalized(start), norm.to_normalized(end)
    surface = norm.original[start:end]
    key = normalize_name(surface)
    return Hit(
        n_start,
        n_end,
        key,
        HitKind.NAME,
        places,
        "",
        True,
        start,
        end,
        start,
        surface,
        admin_facts(HitKind.NAME, places),
    )
