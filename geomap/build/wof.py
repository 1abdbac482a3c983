"""Who's On First's Syrian localities (GeoNames populated places): thousands of villages, hamlets and farms that
OCHA's 2015 list lacks, merged with the places already built.

Each row is decided once (`WofOutcome`): merged into an existing place of the same name nearby (its names and ids
added there), a new place, or left out with the reason (Golan settlements, deprecated records, points outside
Syria). Feature classes set the kind, subtype and importance tier.
"""

from __future__ import annotations

import csv
import enum
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import shapely
from shapely.geometry import Point

from geomap.arabic import is_arabic, normalize_name
from geomap.build.admin import AdminUnits
from geomap.build.matching import NamePool, arabic_names, latin_names, match_keys
from geomap.build.names import alias_tuple, is_ordinary_arabic, is_ordinary_latin
from geomap.build.shapes import ROUND, new_place, parents_by_point
from geomap.build.sources import clean
from geomap.build.spelling import arabic_variants, latin_variants
from geomap.earth import KM_PER_DEGREE
from geomap.gazetteer.schema import Place
from geomap.kinds import Importance

__all__ = ["WOF_CSV", "Fate", "WofOutcome", "WofRow", "merge_wof", "read_wof"]

WOF_CSV = Path("wof-sy-localities") / "wof_sy_localities.csv"
SOURCE = "GeoNames via Who's On First (wof-sy-localities)"
MERGE_KM = 3.0  # a WOF point this close to a place of the same name is that place (median offset 0.2 km)
TOWN_MERGE_KM = 5.0  # a district or sub-district seat is a town: its GeoNames and OCHA points lie farther apart
NEIGHBOURHOOD_MERGE_KM = 2.0  # neighbourhoods are smaller: same name within 2 km
VARIANT_RATIO = 0.7  # difflib ratio of Arabic spelling keys from which a row's name spells the place's name
MAX_OUTSIDE_KM = 2.0  # beyond this distance outside Syria's outline a point is not a Syrian place
_GOLAN_SETTLEMENT = "STLMT"


class Fate(enum.Enum):
    MERGED = "merged"
    NEW = "new"
    EXCLUDED = "excluded"


@dataclass(frozen=True, slots=True)
class FeatureClass:
    """What a GeoNames feature code makes of a row."""

    kind: str
    subtype: str
    importance: float
    rank: int  # order in which rows claim a name: towns before villages before hamlets


_CLASSES = {
    "PPLA2": FeatureClass("community", "town", Importance.UNLISTED_TOWN, 0),
    "PPLA3": FeatureClass("community", "town", Importance.UNLISTED_TOWN, 0),
    "PPL": FeatureClass("community", "village", Importance.UNLISTED_VILLAGE, 1),
    "": FeatureClass("community", "village", Importance.UNLISTED_VILLAGE, 1),  # WOF's own and Quattroshapes rows
    "PPLL": FeatureClass("community", "hamlet", Importance.HAMLET, 2),
    "PPLF": FeatureClass("community", "farm", Importance.HAMLET, 2),
    "PPLS": FeatureClass("community", "section", Importance.HAMLET, 2),
    "PPLQ": FeatureClass("community", "abandoned", Importance.ABANDONED, 3),
    "PPLW": FeatureClass("community", "abandoned", Importance.ABANDONED, 3),
    "PPLH": FeatureClass("community", "abandoned", Importance.ABANDONED, 3),
}
_NEIGHBOURHOOD = FeatureClass("neighbourhood", "neighbourhood", Importance.LOCAL, 1)
_CAMPUS = FeatureClass("landmark", "airport", Importance.LOCAL, 1)


@dataclass(frozen=True, slots=True)
class WofRow:
    wof_id: str
    geonameid: str
    placetype: str
    code: str
    name_en: str
    names_ar: tuple[str, ...]  # the Arabic name first, then the variants
    names_latin: tuple[str, ...]
    lat: float
    lon: float
    deprecated: str

    @property
    def feature(self) -> FeatureClass:
        if self.placetype == "neighbourhood":
            return _NEIGHBOURHOOD
        if self.placetype == "campus":
            return _CAMPUS
        return _CLASSES.get(self.code, _CLASSES["PPL"])

    @property
    def source_ids(self) -> tuple[str, ...]:
        return (f"wof:{self.wof_id}", *((f"geonames:{self.geonameid}",) if self.geonameid else ()))

    @property
    def label(self) -> str:
        return self.names_ar[0] if self.names_ar else self.name_en


@dataclass(frozen=True, slots=True)
class WofOutcome:
    """What became of one WOF row: the place it is part of, or why it was left out."""

    row: WofRow
    fate: Fate
    place_id: str = ""
    reason: str = ""
    by_spelling: bool = False  # merged into a place whose name it spells differently (`NamePool.near_spelling`)


def read_wof(src: Path) -> list[WofRow]:
    """The rows of the WOF localities table; an absent table gives none."""
    path = src / WOF_CSV
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return [_row(rec) for rec in csv.DictReader(fh)]


def _row(rec: dict[str, str]) -> WofRow:
    primary = [rec["name_ar"]] if rec["name_ar"] else []
    arabic = [*primary, *rec["alt_ar"].split("|")]
    latin = [rec["name_latin"], *rec["alt_latin"].split("|")]
    if rec["placetype"] == "campus":  # an airport: «القامشلي» or "Kamishli" alone is the town
        arabic = [n for n in arabic if n.startswith("مطار")]
        latin = [n for n in latin if "airport" in n.lower()]
    return WofRow(
        wof_id=rec["wof_id"],
        geonameid=rec["geonameid"],
        placetype=rec["placetype"],
        code=rec["gn_feature_code"],
        name_en=clean(rec["name"].replace("`", "'")),
        names_ar=tuple(arabic_names(arabic)),
        names_latin=tuple(latin_names(latin)),
        lat=round(float(rec["lat"]), ROUND),
        lon=round(float(rec["lon"]), ROUND),
        deprecated=rec["deprecated"],
    )


def _exclusion(row: WofRow, syria: shapely.Geometry) -> str:
    """Why a row is not a Syrian place, or ""."""
    if row.code == _GOLAN_SETTLEMENT:
        return "Israeli settlement in the occupied Golan (GeoNames STLMT): not a Syrian place"
    if row.deprecated:
        return f"deprecated by Who's On First on {row.deprecated} (superseded or withdrawn record)"
    outside_km = syria.distance(Point(row.lon, row.lat)) * KM_PER_DEGREE
    if outside_km > MAX_OUTSIDE_KM:
        return f"{outside_km:.1f} km outside Syria's COD-AB outline"
    return ""


def merge_wof(
    rows: Iterable[WofRow], places: dict[str, Place], admin: AdminUnits, syria: shapely.Geometry
) -> list[WofOutcome]:
    """Merge the WOF rows into `places` (updated in place, by id); returns the fate of every row.

    Rows are taken towns first, then villages, hamlets and abandoned places, so that a hamlet of a village's name
    next to it merges into the village. A row merges into the nearest place of its kind with a shared name key
    within `MERGE_KM` (`TOWN_MERGE_KM` for a town, `NEIGHBOURHOOD_MERGE_KM` for neighbourhoods), else into the
    place within `matching.NEAR_KM` whose names are the closest spelling of its own (`spelling.close_spelling`);
    the other rows become new places."""
    rows = sorted(rows, key=lambda r: (r.feature.rank, int(r.wof_id)))
    pools = {
        kind: NamePool([p for p in places.values() if p.kind == kind and p.in_syria], km)
        for kind, km in (("community", MERGE_KM), ("neighbourhood", NEIGHBOURHOOD_MERGE_KM), ("landmark", MERGE_KM))
    }
    known = {normalize_name(n) for p in places.values() if p.in_syria for n in p.names}
    outcomes: list[WofOutcome] = []
    fresh: list[tuple[str, str]] = []  # (kind, id) of the places made here
    for row in rows:
        reason = _exclusion(row, syria)
        if reason:
            outcomes.append(WofOutcome(row, Fate.EXCLUDED, reason=reason))
            continue
        pool = pools[row.feature.kind]
        names = [*row.names_ar, row.name_en, *row.names_latin]
        target = pool.match(names, row.lat, row.lon, km=TOWN_MERGE_KM if row.feature.subtype == "town" else None)
        by_spelling = target is None
        if by_spelling:
            target = pool.near_spelling(names, row.lat, row.lon)
        if target is None:
            place = _new_place(row, known)
            pool.add(place, also=names)
            fresh.append((place.kind, place.id))
            outcomes.append(WofOutcome(row, Fate.NEW, place_id=place.id))
            continue
        merged = _merged(pool.get(target), row)
        pool.add(merged, also=names)
        if target in places:
            places[target] = merged
        outcomes.append(WofOutcome(row, Fate.MERGED, place_id=target, by_spelling=by_spelling))
    for place in _with_parents([pools[kind].get(pid) for kind, pid in fresh], admin):
        places[place.id] = place
    return outcomes


def _merged(place: Place, row: WofRow) -> Place:
    """`place` with the row's spellings of its names as aliases, and the row's ids.

    Only spelling variants are taken (GeoNames also lists names in other languages, historical names and other
    villages' names), never bare-noun forms of the name («كسوة» for «الكسوة») or ordinary words."""
    own = [n for n in place.names if is_arabic(n)]
    bare = {place.name_ar, "ال" + place.name_ar, place.name_ar.removeprefix("ال")}
    arabic = [
        n
        for n in arabic_variants(own, row.names_ar, min_ratio=VARIANT_RATIO)
        if n not in bare and not is_ordinary_arabic(n)
    ]
    own_latin = [n for n in place.names if not is_arabic(n)]
    if _romanises_the_place(row, own, own_latin):
        own_latin.append(row.name_en)
    latin = [
        n
        for n in latin_variants(own_latin, [row.name_en, *row.names_latin], arabic=[*own, *arabic])
        if not is_ordinary_latin(n)
    ]
    aliases = alias_tuple(place.name_ar, place.name_en, [*arabic, *latin], place.aliases)
    ids = (*place.source_ids, *(i for i in row.source_ids if i not in place.source_ids))
    return replace(place, aliases=aliases, source_ids=ids)


def _romanises_the_place(row: WofRow, own_arabic: list[str], own_latin: list[str]) -> bool:
    """True when the row's own name is a name of the place (or a spelling of one): then the row's romanisation
    spells the place's name too, where the place's English name is a loose one (Karfuma for «كفرروما», which
    GeoNames writes Kafr Ruma). Not when the row merged through another of its names."""
    if row.names_ar:
        return bool(arabic_variants(own_arabic, row.names_ar[:1], min_ratio=VARIANT_RATIO))
    return bool(match_keys([row.name_en]) & match_keys(own_latin))


_NOTES = {
    "abandoned": "GeoNames {code}: abandoned, destroyed or historical; ranks below living places",
    "hamlet": "GeoNames PPLL: hamlet or locality; ranks below a village of the same name",
    "farm": "GeoNames PPLF: farm village; ranks below a village of the same name",
    "section": "GeoNames PPLS: section of a populated place; ranks below a village of the same name",
}


def _new_place(row: WofRow, known: set[str]) -> Place:
    """A place for a row that matched none; `known` holds the folded names of Syrian places already built."""
    feature = row.feature
    notes = [_NOTES.get(feature.subtype, "").format(code=row.code)]
    name_ar = row.names_ar[0] if row.names_ar else ""
    unconfirmed = name_ar and normalize_name(name_ar) not in known
    if unconfirmed and feature.subtype == "abandoned":
        # A report rarely means a deserted village; its name is kept where another source confirms it.
        notes.append(f"Arabic name «{name_ar}» not indexed: abandoned, and no other source has the name")
        name_ar = ""
    elif unconfirmed and is_ordinary_arabic(name_ar):
        # An ordinary word (الفرج, الصوامع) is taken as a Syrian place name only where another source names one so.
        notes.append(f"Arabic name «{name_ar}» not indexed: also an ordinary word, and no other source has it")
        name_ar = ""
    elif not name_ar:
        notes.append("no Arabic name in the source")
    name_en = row.name_en
    if is_ordinary_latin(name_en):
        name_en = f"{name_en} {feature.subtype}"
        notes.append("the Latin name is also an English word: indexed with the kind after it")
    arabic = [
        n
        for n in row.names_ar[1:]
        if normalize_name(n) in known or not (is_ordinary_arabic(n) or feature.subtype == "abandoned")
    ]
    latin = [n for n in latin_variants([row.name_en], row.names_latin, arabic=row.names_ar) if not is_ordinary_latin(n)]
    return new_place(
        id=f"wof/{row.wof_id}",
        kind=feature.kind,
        subtype=feature.subtype,
        name_ar=name_ar,
        name_en=name_en,
        geometry=Point(row.lon, row.lat),
        aliases=alias_tuple(name_ar, name_en, [*arabic, *latin]),
        importance=feature.importance,
        source=SOURCE,
        source_ids=row.source_ids,
        note="; ".join(n for n in notes if n),
    )


def _with_parents(fresh: list[Place], admin: AdminUnits) -> list[Place]:
    codes = parents_by_point([p.geometry for p in fresh], admin.adm3)
    return [
        replace(p, parent_id=adm3, admin1=adm1, admin2=adm2, admin3=adm3)
        for p, (adm1, adm2, adm3) in zip(fresh, codes, strict=True)
    ]
