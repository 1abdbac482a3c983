"""`SyriaGeocoder`: a geopy geocoder backed by the shipped gazetteer (no network, no rate limits).

It reads the place strings incident tables use — ``"Tadmur town"``, ``"Idlib Governorate"``, ``"Northern Hama
Governorate"``, ``"Deir ez-Zor city"``, ``"Sarmada / Idlib"``, ``"ريف حلب الشرقي"``, ``"سرمدا، إدلب"`` — and returns
`geopy.location.Location` objects whose ``raw`` is the gazetteer record plus how the query was matched. Because it
is a real `geopy.geocoders.base.Geocoder`, it works with `geopy.extra.rate_limiter.RateLimiter` and
``geopandas.tools.geocode(..., provider=SyriaGeocoder)``.
"""

from __future__ import annotations

import re
from typing import Any

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point as GeoPoint

from geomap.arabic import is_arabic, latin_words
from geomap.gazetteer import Gazetteer, Place, load_gazetteer
from geomap.geoparse import Mention, get_geoparser
from geomap.kinds import Importance
from geomap.relative import Relation, nested, precision_of, relation_label, relative_geometry

__all__ = ["GeocodeResult", "SyriaGeocoder"]

_KIND_WORDS = {
    "governorate": "governorate",
    "province": "governorate",
    "muhafazat": "governorate",
    "district": "district",
    "mantiqat": "district",
    "subdistrict": "subdistrict",
    "sub district": "subdistrict",
    "nahiya": "subdistrict",
    "nahiyat": "subdistrict",
    "town": "community",
    "city": "community",
    "village": "community",
    "community": "community",
    "neighbourhood": "neighbourhood",
    "neighborhood": "neighbourhood",
}
_FILLER_WORDS = {"area", "region", "countryside", "outskirts", "near", "the", "of", "rural", "environs", "vicinity"}
_DIRECTION_WORDS = {
    "north": 0,
    "northern": 0,
    "south": 180,
    "southern": 180,
    "east": 90,
    "eastern": 90,
    "west": 270,
    "western": 270,
    "northeast": 45,
    "northeastern": 45,
    "north-east": 45,
    "northwest": 315,
    "northwestern": 315,
    "north-west": 315,
    "southeast": 135,
    "southeastern": 135,
    "south-east": 135,
    "southwest": 225,
    "southwestern": 225,
    "south-west": 225,
}
_ALTERNATE_RE = re.compile(r"\s+/\s+|\s*/\s*|\s+or\s+|\s*\|\s*")
_CONTEXT_RE = re.compile(r"\s*[,،]\s*")
_TOKEN_RE = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’\-]+|\S")


class GeocodeResult:
    """What a query resolved to: a place, optionally a relative part of it, with precision and confidence."""

    __slots__ = ("bearing", "confidence", "geometry", "lat", "lon", "method", "place", "precision", "relation")

    def __init__(
        self,
        place: Place,
        *,
        lat: float,
        lon: float,
        geometry: Any,
        precision: int,
        confidence: float,
        method: str,
        relation: str | None = None,
        bearing: float | None = None,
    ) -> None:
        self.place, self.lat, self.lon, self.geometry = place, lat, lon, geometry
        self.precision, self.confidence, self.method = precision, confidence, method
        self.relation, self.bearing = relation, bearing

    @classmethod
    def from_place(cls, p: Place, *, confidence: float, method: str) -> GeocodeResult:
        return cls(
            p,
            lat=p.lat,
            lon=p.lon,
            geometry=p.geometry,
            precision=precision_of(p),
            confidence=confidence,
            method=method,
        )

    @classmethod
    def from_mention(cls, m: Mention, method: str) -> GeocodeResult:
        assert m.place is not None and m.lat is not None and m.lon is not None
        return cls(
            m.place,
            lat=m.lat,
            lon=m.lon,
            geometry=m.geometry,
            precision=m.precision or 3,
            confidence=m.confidence,
            method=method,
            relation=m.relation,
        )


class SyriaGeocoder(Geocoder):
    """Geocode Syrian place names (Arabic or Latin script) against the shipped gazetteer.

    >>> SyriaGeocoder().geocode("Idlib Governorate").raw["id"]
    'SY07'
    """

    def __init__(
        self,
        *,
        gazetteer: Gazetteer | None = None,
        timeout: float | None = DEFAULT_SENTINEL,
        user_agent: str | None = "geomap",
        **kwargs: Any,
    ) -> None:
        super().__init__(timeout=timeout, user_agent=user_agent, **kwargs)
        self.gazetteer = gazetteer or load_gazetteer()

    # ------------------------------------------------------------------------------------------------ geocode
    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: float | None = DEFAULT_SENTINEL,
        kind: str | None = None,
        syria_only: bool = False,
    ) -> Location | list[Location] | None:
        """The place `query` names: a `Location`, a list of them (``exactly_one=False``), or None.

        `kind` restricts the kind of place; `syria_only` drops foreign places."""
        results = self.resolve(query, kind=kind, syria_only=syria_only)
        if not results:
            return None
        locations = [self._location(r, query) for r in results]
        return locations[0] if exactly_one else locations

    def resolve(self, query: str, *, kind: str | None = None, syria_only: bool = False) -> list[GeocodeResult]:
        """`GeocodeResult`s for a query, best first (the machinery behind `geocode`)."""
        if query is None or not str(query).strip():
            return []
        query = str(query).strip()
        for alternative in _ALTERNATE_RE.split(query):
            results = self._resolve_one(alternative, kind=kind)
            if syria_only:
                results = [r for r in results if r.place.in_syria]
            if results:
                return results
        return []

    def _resolve_one(self, query: str, *, kind: str | None) -> list[GeocodeResult]:
        # "Jobar (Damascus)", "سرمدا (إدلب)": the bracketed part is context, like "Sarmada, Idlib"
        query = re.sub(r"\s*[(\[]([^)\]]+)[)\]]\s*$", r", \1", query)
        parts = [p for p in _CONTEXT_RE.split(query) if p]
        head, context = parts[0], parts[1:]
        admin_filter = self._admin_context(context)
        if is_arabic(head):
            return self._resolve_arabic(query, head, kind=kind, admin_filter=admin_filter)
        exact = self._search(head, kind, admin_filter, fuzzy=False)
        if exact:
            return self._plain(exact)
        words = [w for w in _TOKEN_RE.findall(head) if w.strip()]
        lowered = [w.lower().strip("’'") for w in words]
        hint, bearing, name_words, countryside = kind, None, [], False
        for w, low in zip(words, lowered, strict=True):
            if low in _DIRECTION_WORDS and not name_words:
                bearing = _DIRECTION_WORDS[low]
            elif low in _KIND_WORDS and (name_words or hint is None):
                hint = hint or _KIND_WORDS[low]
            elif low in ("countryside", "rural", "outskirts", "environs", "vicinity"):
                countryside = True
            elif low in _FILLER_WORDS:
                continue
            else:
                name_words.append(w)
        name = " ".join(name_words) or head
        if bearing is not None:
            # "Eastern Bari town": the direction may be part of the name itself
            whole = " ".join(
                w for w, low in zip(words, lowered, strict=True) if low not in _KIND_WORDS and low not in _FILLER_WORDS
            )
            exact = self._search(whole, hint, admin_filter, fuzzy=False)
            if exact:
                return self._plain(exact)
        places = self._search(name, hint, admin_filter) or self._search(head, kind, admin_filter)
        if not places:
            return []
        if bearing is None and not countryside:
            return self._plain(places)
        relation = Relation.COUNTRYSIDE if countryside else Relation.DIRECTION
        return [
            self._relative(
                place, relation, bearing, governorate=countryside or hint == "governorate", rank=rank, n=len(places)
            )
            for rank, place in enumerate(places[:5])
        ]

    def _relative(
        self, place: Place, relation: Relation, bearing: float | None, *, governorate: bool, rank: int, n: int
    ) -> GeocodeResult:
        """ "Northern Idlib Governorate", "Aleppo countryside": the part of `place` the phrase points at."""
        if place.kind == "community" and place.importance >= Importance.GOVERNORATE and place.admin1 and governorate:
            place = self.gazetteer.lookup(place.admin1)
        geom, precision = relative_geometry(self.gazetteer, place, relation, bearing, None)
        if geom.is_empty:  # a part that falls outside Syria's outline: keep the place itself
            geom, precision = place.geometry, precision_of(place)
        rep = geom.representative_point()
        return GeocodeResult(
            place,
            lat=rep.y,
            lon=rep.x,
            geometry=geom,
            precision=precision,
            confidence=_rank_confidence(n, rank),
            method="relative",
            relation=relation_label(relation, bearing),
            bearing=bearing,
        )

    @staticmethod
    def _plain(places: list[Place]) -> list[GeocodeResult]:
        # Damascus city and Damascus governorate are one answer at two scales, not rivals.
        rivals = 1 + sum(1 for p in places[1:] if not nested(places[0], p))
        return [
            GeocodeResult.from_place(p, confidence=_rank_confidence(rivals, rank), method="name")
            for rank, p in enumerate(places[:5])
        ]

    def _resolve_arabic(
        self, query: str, head: str, *, kind: str | None, admin_filter: set[str] | None
    ) -> list[GeocodeResult]:
        """Arabic queries: the geoparser reads relative phrases and triggers; an exact name look-up backs it up
        (a query is a place name by definition, so no common-word filter applies)."""
        gaz = self.gazetteer
        stripped = re.sub(r"^(محافظة|مدينة|بلدة|قرية|ناحية|منطقة|حي|مخيم)\s+", "", head.strip())
        exact = self._search(stripped, kind, admin_filter, fuzzy=False)
        if exact:
            return self._plain(exact)
        mentions = [m for m in get_geoparser(gaz).parse(query) if m.place is not None]
        if kind:
            mentions = [m for m in mentions if m.place.kind == kind] or mentions
        if mentions:
            head_mentions = [m for m in mentions if m.start < len(head)] or mentions
            first = head_mentions[0]
            if admin_filter and first.place.admin1 not in admin_filter and not first.relation:
                better = [p for p in self._search(first.place.name_ar or first.text, kind, admin_filter)]
                if better:
                    return [GeocodeResult.from_place(p, confidence=0.8, method="name+context") for p in better[:5]]
            return [GeocodeResult.from_mention(first, "geoparse")]
        return self._plain(self._search(stripped, kind, admin_filter))

    def _search(self, name: str, kind: str | None, admin_filter: set[str] | None, *, fuzzy: bool = True) -> list[Place]:
        gaz = self.gazetteer
        kinds = _kinds_for(kind)
        latin = not is_arabic(name)
        stages = [lambda: gaz.search(name, kind=kinds, fuzzy=False)]
        if latin:  # "Al Ghouta" is "Ghouta"
            stages.append(lambda: gaz.search(" ".join(latin_words(name)), kind=kinds, fuzzy=False))
        if fuzzy and latin:  # transliteration variants of one Arabic name: Al Lataminah, Latmana
            stages.append(lambda: gaz.search_transliteration(name, kind=kinds))
        if fuzzy:
            stages.append(
                lambda: gaz.search(name, kind=kinds, fuzzy=True) or (gaz.search(name, fuzzy=True) if kinds else [])
            )
        found: list[Place] = []
        for stage in stages:
            hits = stage()
            if admin_filter:
                # "Jobar (Damascus)": a candidate in the named area, from whichever stage finds one, wins
                inside = [p for p in hits if p.admin1 in admin_filter or p.id in admin_filter]
                if inside:
                    found = inside
                    break
            found = found or hits
            if hits and not admin_filter:
                break
        # A governorate, district or sub-district shares its name with its capital: "Idlib", "Menbij" alone are
        # the towns; "Idlib Governorate", "Menbij District" the units (the kind hint then filters).
        towns = {p.admin1 for p in found if p.kind == "community"} | {p.admin2 for p in found if p.kind == "community"}
        towns |= {p.admin3 for p in found if p.kind == "community"}
        return sorted(
            found,
            key=lambda p: (p.kind in ("governorate", "district", "subdistrict") and p.id in towns, -p.importance, p.id),
        )

    def _admin_context(self, context: list[str]) -> set[str] | None:
        if not context:
            return None
        codes: set[str] = set()
        for part in context:
            part = re.sub(r"\b(governorate|province|district|countryside)\b", "", part, flags=re.I).strip()
            part = re.sub(r"^(محافظة|ريف|منطقة)\s+", "", part)
            for p in self.gazetteer.search(
                part, kind=("governorate", "district", "community", "subdistrict"), fuzzy=False
            ):
                if p.in_syria and p.admin1:
                    codes.add(p.admin1)
        return codes or None

    def _location(self, r: GeocodeResult, query: str) -> Location:
        p = r.place
        chain = [x.name_en for x in self.gazetteer.parents(p) if x.kind in ("district", "governorate")]
        label = p.name_en or p.name_ar
        if r.relation:
            label = f"{r.relation} of {label}"
        address = ", ".join(
            [
                f"{p.name_ar} ({label})" if p.name_ar else label,
                *chain,
                "Syria" if p.in_syria and p.kind != "country" else "",
            ]
        ).strip(", ")
        raw = p.to_record()
        raw.update(
            {
                "query": query,
                "precision": r.precision,
                "confidence": round(r.confidence, 3),
                "match_method": r.method,
                "relation": r.relation,
                "geometry_type": r.geometry.geom_type if r.geometry is not None else None,
            }
        )
        return Location(address, GeoPoint(r.lat, r.lon), raw)

    # ------------------------------------------------------------------------------------------------ reverse
    def reverse(
        self, query: Any, *, exactly_one: bool = True, timeout: float | None = DEFAULT_SENTINEL, max_km: float = 15.0
    ) -> Location | list[Location] | None:
        """Community, sub-district, district and governorate of a point (``"lat, lon"``, a tuple or a Point).

        With ``exactly_one`` the most specific of them is returned, and ``raw`` carries all four."""
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


def _kinds_for(kind: str | None) -> tuple[str, ...] | None:
    if kind is None:
        return None
    if kind == "community":
        return ("community", "neighbourhood", "foreign_city")
    return (kind,)


def _rank_confidence(n: int, rank: int) -> float:
    """Confidence of the rank-th of n candidates for a name: sure for a unique name, less with each rival."""
    if n == 1:
        return 0.95
    return max(0.2, (0.85 if rank == 0 else 0.5) - 0.1 * rank - 0.03 * min(n, 10))
