"""`SyriaGeocoder`: the geopy geocoder over the shipped gazetteer, and `resolve`, the machinery behind it.

A query is taken apart (`query.parse_query`), its stated admin units become a constraint (`admin_names`), each of
its names gets candidates (`names.NameFinder`), the candidates inside the stated units are ranked
(`ranking.rank`) and the best becomes a `GeocodeResult` — the place itself, a part of it for a relative phrase, the
road between two places, or, when nothing of the name lies inside the stated unit, that unit with precision 2 or 3
and a reason (never a town posing as the place).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point as GeoPoint

from geomap.gazetteer import Gazetteer, Place, load_gazetteer
from geomap.geocoder.admin_names import AdminConstraint, AdminNames
from geomap.geocoder.names import NameFinder
from geomap.geocoder.placing import (
    FALLBACK_CONFIDENCE,
    as_namesake,
    one_end,
    relative_result,
    road_result,
    unit_fallback,
)
from geomap.geocoder.query import FEATURE_HINTS, KIND_FITS, KindHint, NamePhrase, Query, parse_query
from geomap.geocoder.ranking import RANK_WEIGHTS, Candidate, NameScore, RankWeights, confidence, rank
from geomap.geocoder.result import GeocodeResult, MatchMethod, to_location
from geomap.geoparse import get_geoparser
from geomap.geoparse.scoring import fits
from geomap.kinds import Importance
from geomap.relative import nested

__all__ = ["SyriaGeocoder"]

MAX_RESULTS = 5  # results `resolve` returns at most
CONTEXT_TOWN = Importance.SUBDISTRICT_CAPITAL  # a context part names a town this important (or an admin unit)
NAMESAKE_NAME_SCORE = NameScore.TRANSLITERATION  # ... when that village's name is the feature's, in any spelling
_ARABIC_KIND_WORDS = {  # a leading Arabic trigger and the kind it names
    "محافظة": KindHint.GOVERNORATE,
    "منطقة": KindHint.DISTRICT,
    "ناحية": KindHint.SUBDISTRICT,
    "مدينة": KindHint.SETTLEMENT,
    "بلدة": KindHint.SETTLEMENT,
    "قرية": KindHint.SETTLEMENT,
    "حي": KindHint.NEIGHBOURHOOD,
    "مخيم": KindHint.CAMP,
}
_ARABIC_TRIGGER_RE = re.compile(r"^(" + "|".join(_ARABIC_KIND_WORDS) + r")\s+")


class SyriaGeocoder(Geocoder):
    """Geocode Syrian place names (Arabic or Latin script) against the shipped gazetteer: no network, no limits.

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        The places to search (the shipped gazetteer by default).
    weights : RankWeights, optional
        The candidate ranking weights (`geomap.geocoder.ranking.RANK_WEIGHTS` by default).
    timeout, user_agent, **kwargs
        Passed to `geopy.geocoders.base.Geocoder` (nothing is fetched; they keep geopy's contract).

    >>> SyriaGeocoder().geocode("Idlib Governorate").raw["id"]
    'SY07'
    """

    def __init__(
        self,
        *,
        gazetteer: Gazetteer | None = None,
        weights: RankWeights = RANK_WEIGHTS,
        timeout: float | None = DEFAULT_SENTINEL,
        user_agent: str | None = "geomap",
        **kwargs: Any,
    ) -> None:
        super().__init__(timeout=timeout, user_agent=user_agent, **kwargs)
        self.gazetteer = gazetteer or load_gazetteer()
        self.weights = weights
        self.admin_names = AdminNames(self.gazetteer)
        self.names = NameFinder(self.gazetteer)

    # ------------------------------------------------------------------------------------------------ geocode
    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: float | None = DEFAULT_SENTINEL,
        admin1: str | None = None,
        admin2: str | None = None,
        admin3: str | None = None,
        kind: str | None = None,
        syria_only: bool = False,
    ) -> Location | list[Location] | None:
        """The place `query` names, as geopy `Location`s whose ``raw`` is the gazetteer record plus the match.

        Parameters
        ----------
        query : str
            A place string as tables and reports write it, Arabic or Latin script («Tadmur town», «Northern Hama
            Governorate», «Homs - Karm al-Zeitoun», «سرمدا، إدلب»).
        exactly_one : bool, default True
            Return the best `Location` (or None); with False a list of up to five, best first (or None).
        timeout : float, optional
            Accepted for geopy's contract; nothing is fetched.
        admin1, admin2, admin3 : str, optional
            The governorate, district and sub-district a table row states, in any common spelling: the place must
            lie inside them (see `resolve`).
        kind : str, optional
            Only places of this gazetteer kind (``community`` also admits neighbourhoods).
        syria_only : bool, default False
            Never return a place outside Syria.

        Returns
        -------
        Location, list of Location, or None
            ``raw`` holds the record and ``precision``, ``confidence``, ``match_method``, ``relation``,
            ``fallback`` and ``reason``.
        """
        results = self.resolve(query, admin1=admin1, admin2=admin2, admin3=admin3, kind=kind, syria_only=syria_only)
        if not results:
            return None
        locations = [to_location(self.gazetteer, r, query) for r in results]
        return locations[0] if exactly_one else locations

    def resolve(
        self,
        query: str,
        *,
        admin1: str | None = None,
        admin2: str | None = None,
        admin3: str | None = None,
        kind: str | None = None,
        syria_only: bool = False,
    ) -> list[GeocodeResult]:
        """`GeocodeResult`s for a query, best first: the machinery behind `geocode`, for tables.

        Parameters
        ----------
        query : str
            The place string («Ein Laroz town», «Khanasir-Aleppo road», «Salah al-Din neighbourhood, Aleppo»).
        admin1, admin2, admin3 : str, optional
            Stated units — a constraint, not a hint: only places inside them are returned. When nothing the name
            may mean lies inside, the most specific stated unit is returned instead, with precision 2 (district,
            sub-district) or 3 (governorate), ``fallback`` set and a ``reason``. Spellings of UCDP, ACLED, OCHA
            and Arabic sources are recognised (`admin_names.AdminNames.find`); a name that names no unit is
            ignored and said so in the reason.
        kind : str, optional
            Only places of this gazetteer kind.
        syria_only : bool, default False
            Drop places outside Syria.

        Returns
        -------
        list of GeocodeResult
            Up to five, best first; empty when nothing matches and no unit is stated.
        """
        if query is None or not str(query).strip():
            return []
        q = parse_query(str(query))
        constraint = self.admin_names.constraint(admin1, admin2, admin3)
        near, constraint = self._context(q, constraint)
        kinds = _kinds_for(kind)
        if q.arabic:
            results = self._resolve_arabic(q, kinds, constraint)
        elif q.road is not None:
            results = self._road(q, constraint)
        else:
            results = self._resolve_latin(q, kinds, constraint, near)
        if syria_only:
            results = [r for r in results if r.place.in_syria]
        if not results and constraint is not None and constraint.units:
            return [unit_fallback(q.text, constraint)]
        if results and constraint is not None and constraint.unrecognised:
            results[0].reason = _join(results[0].reason, f"unrecognised admin name(s) {list(constraint.unrecognised)}")
        return results[:MAX_RESULTS]

    # ------------------------------------------------------------------------------------------------ context
    def _context(self, q: Query, constraint: AdminConstraint | None) -> tuple[Place | None, AdminConstraint | None]:
        """The town the string gives as context (soft: nearness) and the constraint with its stated units added."""
        units = list(constraint.units) if constraint else []
        near = None
        parts = [*q.context, *q.bracketed, *_unit_alternatives(q, self.admin_names)]
        if q.city:
            parts.insert(0, q.city)
        for part in parts:
            unit = self.admin_names.find(part)
            town = self._context_town(part)
            if town is not None and unit is None:  # «Taybah farms (Mayadin)»: near the town, in its governorate
                near = near or town
                unit = self.gazetteer.get(town.admin1) if town.admin1 else None
            elif town is not None and part == q.city:  # «Homs - Karm al-Zeitoun»: a part of the city
                near = town
            if unit is not None and all(nested(unit, u) or unit.id == u.id for u in units):
                units.append(unit)
        if not units:
            return near, constraint
        units.sort(key=lambda u: -(_LEVEL.get(u.kind, 0)))
        unrecognised = constraint.unrecognised if constraint else ()
        return near, AdminConstraint(tuple(dict.fromkeys(units)), unrecognised)

    def _context_town(self, text: str) -> Place | None:
        found = [
            c.place
            for c in self.names.candidates(text, kinds=("community",))
            if c.name_score >= NameScore.ARTICLE_FREE and c.place.importance >= CONTEXT_TOWN and c.place.in_syria
        ]
        return max(found, key=lambda p: p.importance) if found else None

    # -------------------------------------------------------------------------------------------- Latin names
    def _resolve_latin(
        self, q: Query, kinds: tuple[str, ...] | None, constraint: AdminConstraint | None, near: Place | None
    ) -> list[GeocodeResult]:
        units = _unit_alternatives(q, self.admin_names)
        phrases = [p for p in q.alternatives if p.written not in units]
        for extra in q.bracketed:  # «(Choban Bey)»: another name when it is no context
            if not self.admin_names.find(extra) and self._context_town(extra) is None:
                phrases.append(NamePhrase(extra, extra, q.alternatives[0].kind))
        best: list[GeocodeResult] = []
        for phrase in phrases:
            results = self._phrase(phrase, kinds, constraint, near)
            if results and (not best or _better(results[0], best[0])):
                best = results
        if not best and q.city and near is not None:  # «Homs - X» with X unknown: the city itself
            r = GeocodeResult.from_place(near, confidence=FALLBACK_CONFIDENCE, method=MatchMethod.ADMIN_FALLBACK)
            r.fallback, r.reason = True, f"{q.alternatives[0].name!r} not found in {near.name_en}; placed at the city"
            best = [r]
        return best

    def _phrase(
        self,
        phrase: NamePhrase,
        kinds: tuple[str, ...] | None,
        constraint: AdminConstraint | None,
        near: Place | None,
    ) -> list[GeocodeResult]:
        """Results for one name of the string: the phrase as written («Eastern Ghouta», «Rural Damascus»), else
        its name without kind and relation words — a landmark of the kind it names, the place itself, or the
        place a feature is named after (a namesake, precision 2)."""
        hint = phrase.kind
        whole = self._admitted(self.names.candidates(phrase.written, kinds=kinds), constraint)
        if whole and whole[0].name_score >= NameScore.ARTICLE_FREE and (hint is None or _any_fit(whole, hint)):
            return self._ranked(whole, hint, near)
        cands = whole
        if phrase.name != phrase.written:
            cands = self._admitted(self.names.candidates(phrase.name, kinds=kinds), constraint) or whole
        if phrase.relation is not None and cands:
            return self._relative(cands, phrase, near)
        if hint in FEATURE_HINTS:
            landmarks = self._admitted(self.names.landmarks_named(phrase.name, hint), constraint)
            fitting = [c for c in cands if _fits_hint(c.place, hint)] + landmarks
            if fitting:
                return self._ranked(fitting, hint, near)
        if phrase.feature_name:  # «Tall Dukhan»: the hill by the village Dukhan, unless the hill is known
            named = self._admitted(self.names.candidates(phrase.feature_name, kinds=kinds), constraint)
            named = [c for c in named if c.name_score >= NAMESAKE_NAME_SCORE]
            if named and (not cands or named[0].name_score > cands[0].name_score):
                results = self._ranked(named, phrase.feature, near)
                as_namesake(results[0], phrase.written)
                return results
        if hint in FEATURE_HINTS:  # «Az Zalaf dam» unknown: the village it is named after
            cands = [c for c in cands if c.name_score >= NAMESAKE_NAME_SCORE]
        if not cands:
            return []
        results = self._ranked(cands, hint, near)
        if hint in FEATURE_HINTS:
            as_namesake(results[0], phrase.written)
        return results

    @staticmethod
    def _admitted(cands: list[Candidate], constraint: AdminConstraint | None) -> list[Candidate]:
        """The candidates inside the stated units; failing those, the ones just outside a stated district."""
        if constraint is None or not constraint.units:
            return cands
        inside = [c for c in cands if constraint.admits(c.place)]
        if inside:
            return inside
        return [replace(c, outside=True) for c in cands if constraint.admits(c.place, loose=True)]

    def _ranked(self, cands: list[Candidate], hint: KindHint | None, near: Place | None) -> list[GeocodeResult]:
        """Ranked results; the confidence is the margin over the best rival (not the same place at another
        scale) times how surely the name names the place."""
        scored = rank(cands, hint, near, self.weights)
        best = scored[0][1].place
        rival = next((s for s, c in scored[1:] if not nested(best, c.place)), None)
        results = []
        for i, (s, c) in enumerate(scored[:MAX_RESULTS]):
            sure = confidence(s, rival if i == 0 else scored[0][0], self.weights) * c.name_score
            r = GeocodeResult.from_place(c.place, confidence=sure, method=c.method, score=s)
            if c.outside:
                r.reason = "just outside the stated district as the gazetteer draws it (other sources draw it wider)"
            results.append(r)
        return results

    def _relative(self, cands: list[Candidate], phrase: NamePhrase, near: Place | None) -> list[GeocodeResult]:
        """«Northern Hama Governorate», «Aleppo countryside», «20 km east of Palmyra»: the part of the place."""
        scored = rank(cands, phrase.kind, near, self.weights)
        out = []
        for i, (s, c) in enumerate(scored[:MAX_RESULTS]):
            sure = confidence(s, scored[1][0] if i == 0 and len(scored) > 1 else None, self.weights)
            out.append(relative_result(self.gazetteer, c.place, phrase, confidence=sure, score=s))
        return out

    # -------------------------------------------------------------------------------------- roads, fallbacks
    def _road(self, q: Query, constraint: AdminConstraint | None) -> list[GeocodeResult]:
        """«Khanasir-Aleppo road»: on the road between the two places (inside the stated unit where it passes
        through it), precision 2; one end alone when the other is unknown."""
        assert q.road is not None
        governorate = _governorate_only(constraint)
        ends = []
        for end in q.road:
            found = self._phrase(end, None, governorate, None) or self._phrase(end, None, None, None)
            ends.append(found[0] if found else None)
        a, b = ends
        if a is None or b is None:
            known = a or b
            return [one_end(known, q.road[1].name if a else q.road[0].name)] if known else []
        return [road_result(a, b, constraint)]

    # -------------------------------------------------------------------------------------------- Arabic names
    def _resolve_arabic(
        self, q: Query, kinds: tuple[str, ...] | None, constraint: AdminConstraint | None
    ) -> list[GeocodeResult]:
        """Arabic queries: the exact name first (a query is a place name by definition, so no common-word filter
        applies), then the geoparser, which reads relative phrases and triggers."""
        head = q.alternatives[0].written
        trigger = _ARABIC_TRIGGER_RE.match(head.strip())
        hint = _ARABIC_KIND_WORDS[trigger.group(1)] if trigger else None
        stripped = _ARABIC_TRIGGER_RE.sub("", head.strip())
        exact = self._admitted(self.names.candidates(stripped, kinds=kinds), constraint)
        exact = [c for c in exact if c.name_score >= NameScore.ALIAS]
        if exact:
            return self._ranked(exact, hint, None)
        query = ", ".join([head, *q.context]) if q.context else head
        mentions = [m for m in get_geoparser(self.gazetteer).parse(query) if m.place is not None]
        if kinds:
            mentions = [m for m in mentions if m.place.kind in kinds] or mentions
        mentions = [m for m in mentions if m.start < len(head)] or mentions
        if constraint is not None and constraint.units:
            mentions = [m for m in mentions if constraint.admits(m.place)]
        if mentions:
            return [GeocodeResult.from_mention(mentions[0], MatchMethod.GEOPARSE)]
        close = self._admitted(self.names.candidates(stripped, kinds=kinds), constraint)
        return self._ranked(close, hint, None) if close else []

    # ------------------------------------------------------------------------------------------------ reverse
    def reverse(
        self, query: Any, *, exactly_one: bool = True, timeout: float | None = DEFAULT_SENTINEL, max_km: float = 15.0
    ) -> Location | list[Location] | None:
        """Community, sub-district, district and governorate of a point.

        Parameters
        ----------
        query : str, tuple or geopy.Point
            ``"lat, lon"``, ``(lat, lon)`` or a `geopy.point.Point`.
        exactly_one : bool, default True
            Return the most specific of them (or None); with False all four that exist, most specific first.
        timeout : float, optional
            Accepted for geopy's contract; nothing is fetched.
        max_km : float, default 15.0
            The nearest community counts only this close.

        Returns
        -------
        Location, list of Location, or None
            ``raw`` carries the record and, under ``admin``, all four levels; None outside Syria.
        """
        point = GeoPoint(query)
        found = self.gazetteer.reverse(point.latitude, point.longitude, max_km=max_km)
        chain = [found[k] for k in ("community", "subdistrict", "district", "governorate") if found[k]]
        if not chain:
            return None
        raw_admin = {k: (v.to_record() if v else None) for k, v in found.items()}
        locations = []
        for p in chain:
            raw = p.to_record()
            raw["admin"] = raw_admin
            raw["distance_km"] = None
            names = [x.name_en for x in [p, *self.gazetteer.parents(p)] if x.kind != "country"]
            address = ", ".join(n for i, n in enumerate(names) if i == 0 or n != names[i - 1])
            locations.append(Location(f"{p.name_ar} ({address}), Syria", GeoPoint(p.lat, p.lon), raw))
        return locations[0] if exactly_one else locations


_LEVEL = {"subdistrict": 3, "district": 2, "governorate": 1}


def _unit_alternatives(q: Query, admin_names: AdminNames) -> list[str]:
    """«Sarmada / Idlib»: a later alternative that names a governorate or district is the others' context."""
    if len(q.alternatives) < 2:
        return []
    return [p.written for p in q.alternatives[1:] if admin_names.find(p.written, level=1) is not None]


def _kinds_for(kind: str | None) -> tuple[str, ...] | None:
    if kind is None:
        return None
    if kind == "community":
        return ("community", "neighbourhood", "foreign_city")
    return (kind,)


def _better(a: GeocodeResult, b: GeocodeResult) -> bool:
    return (a.score or 0.0) > (b.score or 0.0)


def _fits_hint(place: Place, hint: KindHint) -> bool:
    return fits(place, KIND_FITS[hint])


def _any_fit(cands: list[Candidate], hint: KindHint) -> bool:
    return any(_fits_hint(c.place, hint) for c in cands)


def _governorate_only(constraint: AdminConstraint | None) -> AdminConstraint | None:
    if constraint is None:
        return None
    govs = tuple(u for u in constraint.units if u.kind == "governorate")
    return AdminConstraint(govs) if govs else None


def _join(a: str | None, b: str) -> str:
    return f"{a}; {b}" if a else b
