"""Incident coding on real published Arabic news (../shared/eval/real-news-dev): event type, sub-event type,
actor1 and fatalities from `geomap.coding.code_event`, scored with the development set's own rules.

    python -m bench.eval_coding [--verbose] [--part tune|aside] [--check]

The scorer's functions (`Coding`, which applies `short_actor`, `_type_key`, alternatives and the fatalities rules)
are imported by path from ../shared, never copied. Figures are printed for the tune part and the kept-aside part
(`bench.devsplit`); `--verbose` prints one line per TUNE report only (aside failures are never shown). `--check`
exits 1 when a floor is missed on either part.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType

from bench.devsplit import is_aside
from geomap.coding import code_event

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT.parent / "shared" / "eval" / "real-news-dev"
FLOORS = {"event_type": 0.85, "sub_event_type": 0.70, "fatalities": 0.75, "actor1": 0.70}


def load_scorer(folder: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("real_news_score", folder / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {folder / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_part(scorer: ModuleType, records: list[dict], part: str, *, verbose: bool) -> tuple[list[str], dict]:
    chosen = [r for r in records if is_aside(r["id"]) == (part == "aside")]
    coding = scorer.Coding(chosen, set(scorer.CODING_COLUMNS))
    lines = []
    t = time.perf_counter()
    for r in chosen:
        row = code_event(r["text"]).as_row()
        line = coding.score(r, row)
        if verbose and part == "tune":
            lines.append(f"{r['id']}: {line}")
    elapsed = time.perf_counter() - t
    lines.append(coding.line(len(chosen)) + f" [{len(chosen)} reports, {1e6 * elapsed / len(chosen):.0f} µs each]")
    figures = {c: coding.figure(c) for c in FLOORS}
    invented = coding.invented
    return lines, {**figures, "invented": invented}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--part", choices=("tune", "aside"), action="append")
    ap.add_argument("--verbose", action="store_true", help="one line per tune report (never for aside)")
    ap.add_argument("--check", action="store_true", help="exit 1 when a floor is missed")
    args = ap.parse_args(argv)
    if not (args.dir / "reports.jsonl").is_file():
        print(f"(no real-news development set at {args.dir})")
        return 0
    scorer = load_scorer(args.dir)
    text = (args.dir / "reports.jsonl").read_text(encoding="utf-8")
    records = [json.loads(line) for line in text.splitlines() if line.strip()]
    missed = []
    for part in args.part or ("tune", "aside"):
        lines, figures = run_part(scorer, records, part, verbose=args.verbose)
        for line in lines:
            print(f"[{part:5}] {line}")
        missed += [f"{part} {k}" for k, floor in FLOORS.items() if (figures[k] or 0.0) < floor]
        missed += [f"{part} invented fatalities"] if figures["invented"] else []
    floors = ", ".join(f"{k} ≥ {v}" for k, v in FLOORS.items())
    print(f"floors ({floors}, none invented): " + ("all met" if not missed else "MISSED: " + ", ".join(missed)))
    return 1 if (missed and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
