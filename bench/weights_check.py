"""Check the placing weights on the development data: each weight halved and raised by half, one at a time.

    python -m bench.weights_check [--factors 0.5,1.5]

For the event-place weights (`geomap.incidents.event_place.EventPlaceWeights`) and the geoparser's scoring weights
(`geomap.geoparse.scoring.Weights`), every float weight is scaled by each factor while the others keep their values,
and the tune part of real-news-dev is placed again in this process: the event's mention as `choose_event_mention`
picks it from the whole report (the lead incident's rule), judged with the development set's own `score.py`
distance (its point or area, 25 km). A weight sits well when no single change moves the tune figures up; a change
that helps is printed with a «+» — a sign to look at the rule behind it, not to adopt the value (the tune part is 83
reports). The kept-aside part is never placed here.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from bench.devsplit import is_aside
from geomap.gazetteer import load_gazetteer
from geomap.geoparse import Geoparser, Mention
from geomap.geoparse.scoring import WEIGHTS as SCORING
from geomap.incidents.event_place import WEIGHTS as EVENT_PLACE
from geomap.incidents.event_place import choose_event_mention

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "real-news-dev"


@dataclass(frozen=True)
class Figures:
    governorate: int
    governorate_of: int
    near: int
    near_of: int
    no_event: int
    no_event_of: int

    def line(self) -> str:
        return (
            f"governorate {self.governorate}/{self.governorate_of}  within 25 km {self.near}/{self.near_of}  "
            f"no-event unplaced {self.no_event}/{self.no_event_of}"
        )

    def key(self) -> tuple[int, int, int]:
        return self.near, self.governorate, self.no_event


def _scorer() -> ModuleType:
    """The development set's own score.py (its distance to a gold point or area), loaded from ../shared."""
    spec = importlib.util.spec_from_file_location("real_news_score", DEV / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _admin1(m: Mention) -> str | None:
    assert m.place is not None
    return m.place.id if m.kind == "governorate" else m.place.admin1


def figures(records: list[dict], parsed: list[list[Mention]], score: ModuleType, polys, weights) -> Figures:
    """The tune figures with the event placed by `weights` among the mentions already found."""
    gov = gov_n = near = near_n = none = none_n = 0
    for rec, mentions in zip(records, parsed, strict=True):
        chosen, _ = choose_event_mention(mentions, rec["text"], weights=weights)
        if rec.get("event_place") is None:
            none_n += 1
            none += chosen is None
            continue
        near_n += 1
        if rec.get("admin1"):
            gov_n += 1
            gov += chosen is not None and _admin1(chosen) == rec["admin1"]
        if chosen is not None and chosen.lat is not None:
            cell = {"admin1_pcode": _admin1(chosen), "admin2_pcode": chosen.place.admin2, "admin3_pcode": None}
            near += score.gold_distance_km(rec, chosen.lat, chosen.lon, polys, cell) <= score.TOLERANCE_KM
    return Figures(gov, gov_n, near, near_n, none, none_n)


def _variants(weights, factors: list[float]):
    for f in dataclasses.fields(weights):
        value = getattr(weights, f.name)
        if isinstance(value, float) and not isinstance(value, bool):
            for factor in factors:
                yield f"{f.name} × {factor:g}", dataclasses.replace(weights, **{f.name: value * factor})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--factors", default="0.5,1.5", help="comma-separated factors each weight is scaled by")
    args = ap.parse_args(argv)
    if not (DEV / "reports.jsonl").is_file():
        print(f"(no real-news development set at {DEV})")
        return 0
    factors = [float(f) for f in args.factors.split(",")]
    records = [json.loads(line) for line in (DEV / "reports.jsonl").read_text(encoding="utf-8").splitlines() if line]
    records = [r for r in records if not is_aside(r["id"])]
    score = _scorer()
    topo = score.find_topojson()
    polys = score.load_admin_polygons(topo) if topo is not None else None
    gaz = load_gazetteer()

    def parsed_with(weights) -> list[list[Mention]]:
        parser = Geoparser(gaz, weights=weights)
        return [parser.parse(r["text"]) for r in records]

    base_parse = parsed_with(SCORING)
    base = figures(records, base_parse, score, polys, EVENT_PLACE)
    print(f"tune part, {len(records)} reports, the weights as they are: {base.line()}")
    for label, kind, runs in (
        ("event place (EventPlaceWeights)", "event", _variants(EVENT_PLACE, factors)),
        ("geoparser scoring (scoring.Weights)", "scoring", _variants(SCORING, factors)),
    ):
        print(f"\n{label}:")
        for name, variant in runs:
            if kind == "event":
                got = figures(records, base_parse, score, polys, variant)
            else:
                got = figures(records, parsed_with(variant), score, polys, EVENT_PLACE)
            mark = "+" if got.key() > base.key() else ("-" if got.key() < base.key() else " ")
            print(f"  {mark} {name:34} {got.line()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
