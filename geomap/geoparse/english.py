"""English context: what the words around a Latin-script name say, as `context` reads Arabic.

English reports and ACLED notes place a name with words on both sides of it, and with «of» between:

* triggers — «the town of X», «the villages of X and Y», «X town», «X village», «X city», «X province»;
* relative phrases — «the countryside of X», «the eastern countryside of X», «northern X countryside», «X's
  southern countryside», «rural X», «the outskirts of X», «near X», «north of X», «20 km east of X»;
* admin context — «X in Rural Damascus», «X, Idlib province», «X in the northern Hama countryside» (the words
  between a name and the unit that places it, `ADMIN_GAP`).

`read_latin_context` reads fields of the same `Context` the Arabic reader fills, with the trigger as its `TRIGGERS`
key, so the rest of the geoparser (selection, scoring, relative geometry) treats both languages alike. Only hits on
Latin-script names are read here: Arabic results do not depend on this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geomap.geoparse.vocabulary import (
    LATIN_COUNTRYSIDE,
    LATIN_DESERT,
    LATIN_DIRECTIONS,
    LATIN_NEAR,
    LATIN_TRIGGERS,
)
from geomap.relative import Relation, combine_bearings

__all__ = ["LatinReading", "read_latin_context"]

_KM_RE = re.compile(r"^\d+(?:[.,]\d+)?$")
_KM_WORDS = frozenset({"km", "kms", "kilometres", "kilometers", "kilometre", "kilometer", "miles"})
_MAX_BEFORE = 5  # «20 km to the north of X»


@dataclass(slots=True)
class LatinReading:
    """What the English words around a Latin hit say: the `Context` fields they set."""

    trigger: str | None = None
    relation: Relation | None = None
    bearing: float | None = None
    distance_km: float | None = None
    words_before: int = 0


def read_latin_context(before: list[str], after: list[str]) -> LatinReading:
    """What the English words `before` (nearest last) and `after` a Latin hit say."""
    out = LatinReading()
    b = [w for w in before[-_MAX_BEFORE:]]
    # trigger before: «the town of X», «town of X»
    if len(b) >= 2 and b[-1] == "of" and b[-2] in LATIN_TRIGGERS:
        out.trigger, out.words_before = b[-2], 3 if len(b) > 2 and b[-3] == "the" else 2
    # trigger after: «X town», «X province»
    elif after and after[0] in LATIN_TRIGGERS:
        out.trigger = after[0]
    _relation_before(out, b)
    _relation_after(out, after, b)
    return out


def _relation_before(out: LatinReading, b: list[str]) -> None:
    """«countryside of X», «the eastern countryside of X», «outskirts of X», «near X», «north of X», «20 km east
    of X», «northern X», «rural X»."""
    if not b:
        return
    last = b[-1]
    if last == "of" and len(b) >= 2:
        word = b[-2]
        if word in LATIN_COUNTRYSIDE or word in LATIN_DESERT:
            out.relation = Relation.COUNTRYSIDE if word in LATIN_COUNTRYSIDE else Relation.DESERT
            if len(b) >= 3 and b[-3] in LATIN_DIRECTIONS:
                out.bearing = LATIN_DIRECTIONS[b[-3]]
        elif word in LATIN_NEAR:
            out.relation = Relation.NEAR
        elif word in LATIN_DIRECTIONS:
            out.relation, out.bearing = Relation.DIRECTION, LATIN_DIRECTIONS[word]
            if len(b) >= 4 and b[-3] in _KM_WORDS and _KM_RE.match(b[-4]):
                out.distance_km = float(b[-4].replace(",", "."))
    elif last in LATIN_NEAR:
        out.relation = Relation.NEAR
    elif last in LATIN_COUNTRYSIDE:
        out.relation = Relation.COUNTRYSIDE
    elif last in LATIN_DIRECTIONS:
        out.bearing = LATIN_DIRECTIONS[last]
        if len(b) >= 2 and b[-2] in LATIN_DIRECTIONS:
            out.bearing = combine_bearings(LATIN_DIRECTIONS[b[-2]], LATIN_DIRECTIONS[last])
        out.relation = Relation.DIRECTION


def _relation_after(out: LatinReading, after: list[str], b: list[str]) -> None:
    """«X countryside», «northern X countryside», «X's eastern countryside», «X outskirts», «X desert»."""
    words = after[1:] if after[:1] == ["s"] else after  # «Idlib's» folds to «idlib s»
    if words[:1] and words[0] in LATIN_DIRECTIONS and words[1:2] and words[1] in LATIN_COUNTRYSIDE:
        out.relation, out.bearing = Relation.COUNTRYSIDE, LATIN_DIRECTIONS[words[0]]
    elif words[:1] and words[0] in LATIN_COUNTRYSIDE:
        out.relation = Relation.COUNTRYSIDE
        if b and b[-1] in LATIN_DIRECTIONS:
            out.bearing = LATIN_DIRECTIONS[b[-1]]
    elif words[:1] and words[0] in LATIN_NEAR:
        out.relation = Relation.NEAR
    elif words[:1] and words[0] in LATIN_DESERT:
        out.relation = Relation.DESERT
