"""Border crossings and airports from OpenSyria data-transport, as landmarks: merged with the curated landmark of
the same place, with the names the neighbouring countries use for each crossing."""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from pathlib import Path

from geomap.build.matching import NamePool, latin_names
from geomap.build.names import alias_tuple
from geomap.build.shapes import new_place, point
from geomap.build.sources import clean, split
from geomap.gazetteer.schema import Place
from geomap.kinds import Importance

__all__ = ["TRANSPORT_CSV", "TransportOutcome", "merge_transport", "read_transport"]

TRANSPORT_CSV = Path("opensyria-transport") / "opensyria_transport_locations.csv"
SOURCE = "OpenSyria data-transport (CC BY 4.0; per record: {licences})"
MERGE_KM = 3.0  # a curated landmark of the same kind this close is the same crossing or airport
_SUBTYPES = {"border_crossing": "crossing", "airport": "airport"}  # location type taken → landmark subtype
_SAME_SITE = {"crossing": {"crossing"}, "airport": {"airport", "airbase"}}  # Latakia airport is Hmeimim airbase
_ARABIC_HEAD = {"crossing": "معبر", "airport": "مطار"}
# An alias of a crossing must say it is one: "Ras Al Ain" alone is the town, "Ceylanpinar Border Crossing" is not.
_SITE_WORDS = ("border", "crossing", "customs", "ma`bar", "airport")


@dataclass(frozen=True, slots=True)
class TransportOutcome:
    """What became of one transport record: merged into a curated landmark, or a new landmark."""

    record_id: str
    place_id: str
    merged: bool


def read_transport(src: Path) -> list[dict[str, str]]:
    """The crossing and airport records of the transport table; an absent table gives none."""
    path = src / TRANSPORT_CSV
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return [rec for rec in csv.DictReader(fh) if _subtype(rec)]


def _subtype(rec: dict[str, str]) -> str:
    return next((_SUBTYPES[t] for t in rec["location_types"].split("|") if t in _SUBTYPES), "")


def _names(rec: dict[str, str], subtype: str) -> tuple[str, list[str], str]:
    """Arabic name, other names, and a note when the Arabic name was composed from the locality."""
    latin = [n for n in [rec["name_en"], *split(rec["aliases_en"]), *split(rec["aliases_other"])] if n]
    latin = [n for n in latin if any(w in n.lower() for w in _SITE_WORDS)]
    short = [n[: -len(" border crossing")] + " crossing" for n in latin if n.lower().endswith(" border crossing")]
    arabic = [clean(rec["name_ar"]), *split(rec["aliases_ar"])]
    note = ""
    locality = clean(rec["locality_name_ar"].split(" - ")[0])
    if not arabic[0] and locality:
        arabic[0] = f"{_ARABIC_HEAD[subtype]} {locality}"
        note = "Arabic name composed from the locality (the source has none)"
    return arabic[0], [*arabic[1:], *latin_names([*latin, *short])], note


def merge_transport(records: list[dict[str, str]], places: dict[str, Place]) -> list[TransportOutcome]:
    """Merge the records into the landmarks of `places` (updated by id); returns what became of each."""
    outcomes = []
    for rec in sorted(records, key=lambda r: r["id"]):
        subtype = _subtype(rec)
        name_ar, names, note = _names(rec, subtype)
        ids = (f"opensyria-transport:{rec['id']}",)
        same = [p for p in places.values() if p.kind == "landmark" and p.subtype in _SAME_SITE[subtype]]
        target = NamePool(same, MERGE_KM).nearest(float(rec["lat"]), float(rec["lon"]))
        if target is not None:
            p = places[target]
            aliases = alias_tuple(p.name_ar, p.name_en, [name_ar, rec["name_en"], *names], p.aliases)
            places[target] = replace(p, aliases=aliases, source_ids=(*p.source_ids, *ids))
            outcomes.append(TransportOutcome(rec["id"], target, merged=True))
            continue
        place = new_place(
            id=f"landmark/{rec['id'].removeprefix('sy-')}",
            kind="landmark",
            subtype=subtype,
            name_ar=name_ar,
            name_en=clean(rec["name_en"]),
            geometry=point(rec["lat"], rec["lon"]),
            aliases=alias_tuple(name_ar, clean(rec["name_en"]), names),
            importance=Importance.LOCAL,
            source=SOURCE.format(licences=rec["source_licences"].replace("|", "; ")),
            source_ids=ids,
            note=note,
        )
        places[place.id] = place
        outcomes.append(TransportOutcome(rec["id"], place.id, merged=False))
    return outcomes
