"""Admin units from OCHA COD-AB 2019 (governorates, districts, sub-districts) with OpenSyria aliases, and Syria."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import pyogrio
import shapely

from geomap.build.names import alias_tuple, strip_markaz
from geomap.build.shapes import new_place, orient
from geomap.build.sources import clean
from geomap.gazetteer.schema import Place
from geomap.kinds import KIND_OF_ADMIN_LEVEL, Importance

__all__ = ["AdminUnits", "load_admin", "syria_place"]

TOPOJSON = Path("ocha-codab-syr-2019-topojson") / "syr_admin_json_190321.json"
_IMPORTANCE = {1: Importance.GOVERNORATE, 2: Importance.DISTRICT, 3: Importance.SUBDISTRICT}


@dataclass(frozen=True)
class AdminUnits:
    """The admin places, and the sub-district polygons as a frame for point-in-polygon."""

    places: list[Place]
    adm3: gpd.GeoDataFrame

    def of_kind(self, kind: str) -> list[Place]:
        return [p for p in self.places if p.kind == kind]


def load_admin(src: Path) -> AdminUnits:
    """Governorates, districts and sub-districts with their names, aliases and population."""
    opensyria = _opensyria_records(src)
    places: list[Place] = []
    adm3 = None
    for level in (1, 2, 3):
        df = pyogrio.read_dataframe(src / TOPOJSON, layer=f"syr_admin{level}")
        if level == 3:
            adm3 = df
        places.extend(_admin_place(rec, level, opensyria.get(rec.PCODE)) for rec in df.itertuples())
    assert adm3 is not None
    adm3 = adm3.set_crs("EPSG:4326", allow_override=True)
    adm3["geometry"] = [orient(g) for g in adm3.geometry]
    return AdminUnits(places, adm3)


def _opensyria_records(src: Path) -> dict[str, dict[str, Any]]:
    records = {}
    for fname in ("governorates.json", "districts.json", "subdistricts.json"):
        for rec in json.loads((src / "opensyria-data-geography" / fname).read_text(encoding="utf-8")):
            records[rec["externalIds"]["ochaPcode"]] = rec
    return records


def _admin_place(rec: Any, level: int, extra: dict[str, Any] | None) -> Place:
    name_ar, name_en = clean(rec.NAME_AR), clean(rec.NAME_EN)
    names = [strip_markaz(name_ar), clean(rec.NAM_EN_REF)]
    if level == 3:
        names += [clean(rec.NAM_AR_REF), strip_markaz(clean(rec.NAM_AR_REF))]
    population = None
    if extra:
        names += [extra["name"]["ar"], strip_markaz(extra["name"]["ar"]), extra["name"]["en"]]
        for alias in extra.get("aliases", []):
            value = clean(alias["value"])
            if alias["language"] == "en" and value == value.lower():
                continue  # machine transliterations such as "nahyt alshdadt"
            names += [value, strip_markaz(value)]
        pop = (extra.get("population") or {}).get("value")
        population = int(pop) if pop else None
    # The known swapped ADM0_EN/ADM0_AR fields are not carried over: the country is the SY place.
    return new_place(
        id=rec.PCODE,
        pcode=rec.PCODE,
        kind=KIND_OF_ADMIN_LEVEL[level],
        name_ar=name_ar,
        name_en=name_en,
        geometry=orient(rec.geometry),
        aliases=alias_tuple(name_ar, name_en, names),
        parent_id=None if level == 1 else rec.ADM1_PCODE if level == 2 else rec.ADM2_PCODE,
        admin1=rec.PCODE if level == 1 else rec.ADM1_PCODE,
        admin2=rec.PCODE if level == 2 else rec.ADM2_PCODE if level == 3 else None,
        admin3=rec.PCODE if level == 3 else None,
        importance=_IMPORTANCE[level],
        population=population,
        source=f"OCHA COD-AB 2019 (syr_admin{level})",
        source_ids=(f"ocha-codab:{rec.PCODE}",),
    )


def syria_place(admin: AdminUnits) -> Place:
    """Syria itself: the union of the governorates."""
    outline = orient(shapely.union_all([p.geometry for p in admin.of_kind("governorate")]))
    names = ("سورية", "الجمهورية العربية السورية", "Syrian Arab Republic", "القطر العربي السوري")
    return new_place(
        id="SY",
        pcode="SY",
        kind="country",
        name_ar="سوريا",
        name_en="Syria",
        geometry=outline,
        aliases=alias_tuple("سوريا", "Syria", names),
        importance=Importance.COUNTRY,
        source="union of OCHA COD-AB 2019 governorates",
    )
