"""Scoring: how well each candidate place fits a mention, and how sure the choice is.

A candidate starts from its importance; the weights below add what the context says. They live in one frozen table
(`Weights`, the default `WEIGHTS`) so that each can be tested and tuned on its own.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass, fields
from enum import Enum

from geomap.earth import haversine_km
from geomap.gazetteer import Place
from geomap.geoparse.context import Context
from geomap.geoparse.vocabulary import AREA_TRIGGERS, TRIGGERS
from geomap.kinds import Importance
from geomap.relative import Relation

__all__ = ["WEIGHTS", "Basis", "Weights", "confidence", "fits", "leading", "major_foreign", "ranked", "score"]


@dataclass(frozen=True, slots=True)
class Weights:
    """Every weight of the candidate score and of the confidence, with the reason for it."""

    trigger_fit: float = 0.6  # «بلدة X»: a candidate of the kind the trigger names
    countryside_governorate: float = 0.2  # «ريف X» / «بادية X» is most often a governorate's countryside ...
    countryside_other: float = 0.1  # ... or a town's or a district's
    admin_hint_match: float = 0.8  # «X بريف حماة»: a candidate inside the governorate named after it ...
    admin_hint_miss: float = -0.2  # ... and one outside it
    admin_level_match: float = 1.0  # «X التابعة لناحية Y»: a candidate inside the district or sub-district named
    anchor_governorate: float = 0.3  # a candidate in a governorate another unambiguous place of the text lies in
    proximity: float = 0.5  # a candidate near the text's other unambiguous places: this at distance 0 ...
    proximity_km: float = 60.0  # ... decaying as exp(−d / this)
    foreign_bonus: float = 0.25  # a capital or a country of that name is meant over a Syrian village
    district_named_after_town: float = -0.3  # «دوما» is the town before the district named after it
    markaz: float = -0.15  # «إدلب» is the city before the centre sub-district (مركز إدلب) named after it
    confidence_steepness: float = 4.0  # confidence is a logistic function of the margin over the best rival
    sole_confidence: float = 0.95  # confidence when no rival remains
    name_only_factor: float = 0.95  # a mention taken on its name alone is a little less sure
    min_confidence: float = 0.05
    max_confidence: float = 0.99

    def __reduce__(self) -> tuple[type[Weights], tuple[float, ...]]:
        # pickled by its values: the compiled class refuses the attribute-by-attribute restore of a frozen one
        return Weights, tuple(getattr(self, f.name) for f in fields(self))


WEIGHTS = Weights()
_COUNTRYSIDE_KINDS = ("governorate", "community", "district")  # what «ريف X» may be the countryside of
_AREA_KINDS = ("country", "governorate", "region")  # too large for distance to the document's places to matter


class Basis(Enum):
    """Why a hit was taken as a mention."""

    NISBA = "nisba"  # «الريف الإدلبي»
    EVIDENCE = "evidence"  # a trigger or a relative phrase
    CONTEXT = "context"  # an admin unit, «بين», an event word or a preposition beside it
    NAME = "name"  # its name alone (or a document already about Syria)


def fits(place: Place, kinds: tuple[str, ...]) -> bool:
    """True when `place` is of one of `kinds` (``kind`` or ``kind:subtype``, as in `TRIGGERS`)."""
    pairs = _kind_pairs(kinds)
    return (place.kind, "") in pairs or (place.kind, place.subtype) in pairs


@functools.lru_cache(maxsize=256)
def _kind_pairs(kinds: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """{(kind, subtype)}, subtype "" for any."""
    return frozenset((k.partition(":")[0], k.partition(":")[2]) for k in kinds)


def major_foreign(place: Place) -> bool:
    """A country or a big city abroad: meant over a Syrian namesake."""
    return not place.in_syria and (place.kind == "country" or place.importance >= Importance.DISTRICT)


def leading(cands: list[Place], weights: Weights = WEIGHTS) -> Place:
    """The candidate that wins on name alone (a capital or a country beats a village of the same name)."""
    return max(cands, key=lambda c: c.importance + (weights.foreign_bonus if major_foreign(c) else 0.0))


def score(
    c: Place,
    ctx: Context,
    anchors: list[Place],
    anchor_govs: set[str],
    towns: set[str | None],
    weights: Weights = WEIGHTS,
) -> float:
    """How well candidate `c` fits a mention with context `ctx`, among the document's `anchors` (its unambiguous
    Syrian places) lying in `anchor_govs`; `towns` are the ids of the units the candidates' towns give name to."""
    return _scores((c,), ctx, anchors, anchor_govs, towns, weights)[0]


def ranked(
    cands: Sequence[Place], ctx: Context, anchors: list[Place], anchor_govs: set[str], weights: Weights = WEIGHTS
) -> list[tuple[float, Place]]:
    """(score, candidate) for every candidate, best first (equal scores by id, so order never depends on input)."""
    towns: set[str | None] = set()
    for c in cands:
        if c.kind == "community":
            towns.add(c.admin2)
            towns.add(c.admin3)
    scored = list(zip(_scores(cands, ctx, anchors, anchor_govs, towns, weights), cands, strict=True))
    scored.sort(key=_best_first)
    return scored


def _best_first(scored: tuple[float, Place]) -> tuple[float, str]:
    return -scored[0], scored[1].id


def _scores(
    cands: Sequence[Place],
    ctx: Context,
    anchors: list[Place],
    anchor_govs: set[str],
    towns: set[str | None],
    weights: Weights,
) -> list[float]:
    """The scores of `cands`; what the context says is read once (the terms add up in a fixed order)."""
    pairs = _kind_pairs(TRIGGERS[ctx.trigger]) if ctx.trigger else None
    area_trigger = ctx.trigger in AREA_TRIGGERS
    countryside = ctx.relation in (Relation.COUNTRYSIDE, Relation.DESERT)
    hint, level_ids = ctx.admin_hint, ctx.admin_level_ids
    out = []
    for c in cands:
        s = c.importance
        kind = c.kind
        unit = kind == "district" or kind == "subdistrict"
        if unit and c.id in towns and not area_trigger:
            s += weights.district_named_after_town
        if pairs and ((kind, "") in pairs or (kind, c.subtype) in pairs):  # `fits`, its kinds read once
            s += weights.trigger_fit
        if countryside and kind in _COUNTRYSIDE_KINDS:
            s += weights.countryside_governorate if kind == "governorate" else weights.countryside_other
        if hint:
            s += weights.admin_hint_match if c.admin1 in hint else weights.admin_hint_miss
            if level_ids and {c.admin2, c.admin3} & level_ids:
                s += weights.admin_level_match
        if c.in_syria:
            if c.admin1 in anchor_govs:
                s += weights.anchor_governorate
            if anchors and kind not in _AREA_KINDS:
                s += _proximity(c, anchors, weights)
        elif major_foreign(c):
            s += weights.foreign_bonus
        if unit and c.name_ar.startswith("مركز"):
            s += weights.markaz
        out.append(s)
    return out


def _proximity(c: Place, anchors: list[Place], weights: Weights) -> float:
    """The pull of the nearest other anchor (0.0 when `c` is the only one)."""
    d = min((haversine_km(c.lat, c.lon, a.lat, a.lon) for a in anchors if a.id != c.id), default=None)
    return 0.0 if d is None else weights.proximity * math.exp(-d / weights.proximity_km)


def confidence(best: float, runner: float, basis: Basis, weights: Weights = WEIGHTS) -> float:
    """Confidence in the best candidate, from its margin over the best rival that is not the same place at another
    scale (`runner`, 0 when none)."""
    margin = best - runner
    base = 1.0 / (1.0 + math.exp(-weights.confidence_steepness * margin)) if runner else weights.sole_confidence
    if basis is Basis.NAME:
        base *= weights.name_only_factor
    return max(weights.min_confidence, min(weights.max_confidence, base))
