"""OCHA's 2015 populated places (communities) and Damascus neighbourhoods."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from shapely.geometry import Point, shape

from geomap.build.admin import AdminUnits
from geomap.build.names import alias_tuple
from geomap.build.shapes import ROUND, new_place, orient, parents_by_point
from geomap.build.sources import clean, read_curated
from geomap.gazetteer.schema import Place
from geomap.kinds import Importance

__all__ = ["load_communities", "load_damascus_neighbourhoods"]

OCHA_2015 = Path("ocha-codab-syr-2015-geojson")
# CAPIT_LVL 0 is set on a single village (Sur); it is a defect, not a national capital.
_CAPITAL_IMPORTANCE = {1: Importance.GOVERNORATE, 2: Importance.DISTRICT, 3: Importance.SUBDISTRICT_CAPITAL}
_MERGED_NAME_SEPARATORS = ("_", " - ", "-")  # OCHA joins two places' names with these


def load_communities(src: Path, admin: AdminUnits) -> list[Place]:
    """The 5,251 OCHA 2015 communities, parents re-derived by point-in-polygon against the 2019 sub-districts."""
    path = src / OCHA_2015 / "syr_admin4_point.geojson"
    # Six names are cut mid-character by the dBase 254-byte limit, so the file is not valid UTF-8.
    data = json.loads(path.read_bytes().decode("utf-8", errors="replace"))
    props = [f["properties"] for f in data["features"]]
    parents = parents_by_point([Point(p["LONGITUDE"], p["LATITUDE"]) for p in props], admin.adm3)
    return [_community(p, codes) for p, codes in zip(props, parents, strict=True)]


def _community(p: dict[str, Any], codes: tuple[str, str, str]) -> Place:
    adm1, adm2, adm3 = codes
    full = clean(p["NAME_ARA"].replace("\ufffd", ""))
    name_en = clean(p["NAME_EN"])
    name_ar = full
    aliases = alias_tuple(full, name_en, [clean(p["NAM_EN_REF"])])
    for sep in _MERGED_NAME_SEPARATORS:
        if sep in full:
            parts = [part.strip() for part in full.split(sep) if len(part.strip()) > 2]
            aliases = alias_tuple(full, name_en, parts, aliases)
            name_ar = full.split(sep)[0].strip()
            aliases = alias_tuple(name_ar, name_en, [full], aliases)
            break
    notes = []
    if p["ADMIN3_COD"] != adm3:
        notes.append(f"OCHA 2015 sub-district {p['ADMIN3_COD']}; re-derived {adm3} from 2019 polygons")
    if "\ufffd" in p["NAME_ARA"]:
        notes.append("name truncated in the source (invalid UTF-8 repaired)")
    return new_place(
        id=p["PCODE"],
        pcode=p["PCODE"],
        kind="community",
        name_ar=name_ar,
        name_en=name_en,
        geometry=Point(round(p["LONGITUDE"], ROUND), round(p["LATITUDE"], ROUND)),
        aliases=aliases,
        parent_id=adm3,
        admin1=adm1,
        admin2=adm2,
        admin3=adm3,
        importance=_CAPITAL_IMPORTANCE.get(p["CAPIT_LVL"], Importance.VILLAGE),
        source="OCHA populated places 2015 (syr_admin4_point)",
        source_ids=(f"ocha2015:{p['PCODE']}",),
        note="; ".join(notes),
    )


def load_damascus_neighbourhoods(src: Path) -> list[Place]:
    """OCHA's Damascus neighbourhood polygons with the curated Arabic names (the one named "Unknown" left out)."""
    data = json.loads((src / OCHA_2015 / "syr_admin5.geojson").read_text(encoding="utf-8"))
    arabic = {clean(r["HAY_EN"]): r["name_ar"] for r in read_curated("neighbourhoods_ar.csv")}
    places = []
    for f in data["features"]:
        p = f["properties"]
        name_en = clean(p["HAY_EN"])
        if name_en == "Unknown":
            continue
        places.append(
            new_place(
                id=p["HAY_PCODE"],
                pcode=p["HAY_PCODE"],
                kind="neighbourhood",
                name_ar=arabic.get(name_en, ""),
                name_en=name_en,
                geometry=orient(shape(f["geometry"])),
                parent_id="SY010000",
                admin1="SY01",
                admin2="SY0100",
                admin3="SY010000",
                importance=Importance.LOCAL,
                source="OCHA Damascus neighbourhoods 2015 (syr_admin5); Arabic names: geomap curation",
                source_ids=(f"ocha2015:{p['HAY_PCODE']}",),
            )
        )
    return places
