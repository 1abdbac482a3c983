"""Ranking the candidates of a name: named features, one weight each, and the confidence of the choice.

A candidate's score is a weighted sum of

* **name** — how surely the string names the place (`NameScore`: 1.0 for one of its names as the normaliser folds
  it, less for an article dropped, a transliteration, a close spelling);
* **kind** — whether the table's kind word fits the place (village → a community; dam → a dam), clashes with it,
  or there is none;
* **importance** — the gazetteer's tier (a district capital before a hamlet of the same name);
* **nearness** — closeness to a place the string gives as context (the city of «Homs - Karm al-Zeitoun», the town
  of «Taybah farms (Mayadin)»).

Stated admin units are not a feature: they are a constraint (`admin_names.AdminConstraint`) applied before ranking.
The weights were checked on the tune part of the UCDP development set (`bench/eval_ucdp.py`): the name weight must
outweigh the importance range, so that a village written as the table writes it is not beaten by a bigger place
whose name is merely another transliteration.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from geomap.earth import haversine_km
from geomap.gazetteer import Place
from geomap.geocoder.query import KIND_FITS, KindHint
from geomap.geoparse.scoring import fits
from geomap.kinds import ADMIN_KINDS, Importance

__all__ = ["RANK_WEIGHTS", "Candidate", "NameScore", "RankWeights", "confidence", "rank"]


class NameScore:
    """How surely a string names a place, by how the name was met (0–1)."""

    EXACT = 1.0  # the place's own name (Arabic or English), folded (case, diacritics, hamza, apostrophes)
    ALIAS = 0.98  # one of its aliases: merged in from other sources, sometimes a namesake's romanisation
    ARTICLE_FREE = 0.97  # the same words without the article (Al Ghouta ~ Ghouta)
    TRANSLITERATION = 0.9  # times the form similarity: another romanisation (Taybeh ~ At Tayyibah)
    CLOSE_SPELLING = 0.85  # times difflib's ratio: a letter or two off


@dataclass(frozen=True, slots=True)
class RankWeights:
    """Every weight of the candidate score and of the confidence, with the reason for it."""

    name: float = 6.0  # name match quality: a spelling the table shares with the place outweighs importance
    kind_fit: float = 0.3  # the table's kind word fits the candidate
    kind_clash: float = -0.6  # it names another kind of place (a dam is not a governorate)
    importance: float = 1.0  # the gazetteer's importance tier, 0–1
    unit_named_after_town: float = -0.3  # «Idlib», «Menbij» alone are the towns before the units named after them
    near: float = 1.5  # a candidate at a context place: this at distance 0 ...
    near_km: float = 15.0  # ... decaying as exp(−d / this)
    confidence_steepness: float = 3.0  # confidence is a logistic function of the margin over the best rival
    sole_confidence: float = 0.95  # confidence when no rival remains
    min_confidence: float = 0.05
    max_confidence: float = 0.99


RANK_WEIGHTS = RankWeights()
_UNIT_HINTS = (KindHint.GOVERNORATE, KindHint.DISTRICT, KindHint.SUBDISTRICT)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may mean, and how the name met it."""

    place: Place
    name_score: float
    method: str  # a `result.MatchMethod`
    matched: str  # the place's name that matched
    outside: bool = False  # admitted only as lying just outside a stated district (`AdminConstraint.admits`)


def rank(
    candidates: Sequence[Candidate],
    kind: KindHint | None,
    near: Place | None = None,
    weights: RankWeights = RANK_WEIGHTS,
) -> list[tuple[float, Candidate]]:
    """(score, candidate), best first (equal scores by id, so the order never depends on the input's)."""
    fitting = KIND_FITS.get(kind) if kind else None
    towns = set()
    if kind not in _UNIT_HINTS:
        towns = {u for c in candidates if c.place.kind == "community" for u in (c.place.admin2, c.place.admin3)}
        towns |= {
            c.place.admin1
            for c in candidates
            if c.place.kind == "community" and c.place.importance >= Importance.GOVERNORATE
        }
    # a town and the unit named after it share the name, however differently each is spelt in the gazetteer
    unit_names = {c.place.id: c.name_score for c in candidates if c.place.kind in ADMIN_KINDS}
    scored = []
    for c in candidates:
        p = c.place
        name = c.name_score
        if p.kind == "community":
            name = max([name, *(unit_names.get(u, 0.0) for u in (p.admin2, p.admin3))])
        s = weights.name * name + weights.importance * p.importance
        if p.id in towns and p.kind in ADMIN_KINDS:
            s += weights.unit_named_after_town
        if fitting is not None:
            s += weights.kind_fit if fits(p, fitting) else weights.kind_clash
        if near is not None and p.id != near.id:
            s += weights.near * math.exp(-haversine_km(p.lat, p.lon, near.lat, near.lon) / weights.near_km)
        scored.append((s, c))
    scored.sort(key=lambda t: (-t[0], t[1].place.id))
    return scored


def confidence(best: float, runner: float | None, weights: RankWeights = RANK_WEIGHTS) -> float:
    """Confidence in the best candidate from its margin over the best rival (None when there is none)."""
    if runner is None:
        return weights.sole_confidence
    sure = 1.0 / (1.0 + math.exp(-weights.confidence_steepness * (best - runner)))
    return max(weights.min_confidence, min(weights.max_confidence, sure))
