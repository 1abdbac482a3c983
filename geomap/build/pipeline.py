"""The build from sources to ``gazetteer.parquet`` and ``ATTRIBUTION.md``: each step's places, merged by id.

Building twice gives byte-identical files: rows are sorted, coordinates rounded, nothing depends on time or hash
order. Files are written to a temporary name and moved into place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from geomap.build.admin import load_admin, syria_place
from geomap.build.attribution import write_attribution
from geomap.build.communities import load_communities, load_damascus_neighbourhoods
from geomap.build.curated import apply_aliases, load_city_neighbourhoods, load_landmarks, with_admin_parents
from geomap.build.foreign import load_foreign
from geomap.build.geonames import add_geonames_aliases, syrian_geonames
from geomap.build.regions import assign_region_admin, load_regions
from geomap.build.sources import input_digests
from geomap.build.transport import TransportOutcome, merge_transport, read_transport
from geomap.build.wof import WofOutcome, merge_wof, read_wof
from geomap.exc import GazetteerError
from geomap.gazetteer.name_index import with_name_index
from geomap.gazetteer.schema import Place, places_to_table
from geomap.kinds import KINDS

__all__ = ["DEFAULT_OUTPUT", "Built", "build", "build_places"]

DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "data"
_KIND_ORDER = {k: i for i, k in enumerate(KINDS)}


@dataclass(frozen=True)
class Built:
    """The built places, sorted by kind and id, and what became of every record of the merged sources."""

    places: list[Place]
    wof: list[WofOutcome]
    transport: list[TransportOutcome]


def build_places(src: Path) -> Built:
    """Every gazetteer place built from the sources folder `src`."""
    src = src.resolve()
    if not (src / "ocha-codab-syr-2019-topojson").is_dir():
        msg = f"{src}: not a gazetteer-sources folder (no ocha-codab-syr-2019-topojson/)"
        raise GazetteerError(msg)
    admin = load_admin(src)
    syria = syria_place(admin)
    communities = add_geonames_aliases(load_communities(src, admin), syrian_geonames())
    by_id = {
        p.id: p
        for p in [
            syria,
            *admin.places,
            *communities,
            *load_damascus_neighbourhoods(src),
            *load_landmarks(admin),
            *load_foreign(),
        ]
    }
    load_city_neighbourhoods(by_id)
    transport = merge_transport(read_transport(src), by_id)
    new_sites = [by_id[o.place_id] for o in transport if not o.merged]
    by_id.update((p.id, p) for p in with_admin_parents(new_sites, admin))
    regions = load_regions(src, by_id, syria.geometry)
    by_id.update((r.id, r) for r in assign_region_admin(regions, admin.of_kind("governorate")))
    apply_aliases(by_id)  # before the WOF rows: a curated alias (Al-Hawl for «الهول») finds their duplicates too
    wof = merge_wof(read_wof(src), by_id, admin, syria.geometry)
    places = sorted(by_id.values(), key=lambda p: (_KIND_ORDER[p.kind], p.id))
    return Built(places, wof, transport)


def build(src: Path, out: Path) -> dict[str, int]:
    """Build the gazetteer from `src` into the folder `out`; returns the number of entries per kind.

    Parameters
    ----------
    src : Path
        The gazetteer-sources folder (see its README).
    out : Path
        Where ``gazetteer.parquet`` and ``ATTRIBUTION.md`` are written (created if missing).

    Returns
    -------
    dict
        Entries per kind, in the order of `geomap.kinds.KINDS`.
    """
    built = build_places(src)
    places = built.places
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / "gazetteer.parquet.tmp"
    pq.write_table(with_name_index(places_to_table(places), places), tmp, compression="zstd", write_statistics=False)
    tmp.replace(out / "gazetteer.parquet")
    write_attribution(out / "ATTRIBUTION.md", built, input_digests(src.resolve()))
    counts = dict.fromkeys(KINDS, 0)
    for p in places:
        counts[p.kind] += 1
    return counts
