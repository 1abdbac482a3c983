"""A folder of small report files costs about what the same reports cost as one JSON Lines file (issue 18: 5,000
files once took 584 s against 10 s as JSON Lines — a geocoder and a placing per file).

    python -m bench.folder_speed [--reports 2000] [--runs 3]

The same synthetic reports (`geomap.synthetic.reports`) are written as one `.jsonl` and as a folder of `.txt`
files, and placed with `iter_incidents` (what `geomap incidents --no-merge` runs); each time is the best of
`--runs`, after a warm-up on other reports (the gazetteer's indexes are built once per process). The cost of a file
is the folder's extra time divided by the number of files.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from geomap.incidents.run import iter_incidents
from geomap.synthetic import write_corpus


def seconds(path: Path, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        for _part in iter_incidents(str(path), mentions="none"):
            pass
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reports", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        warm = write_corpus(200, Path(d) / "warm.jsonl", seed=1)
        corpus = write_corpus(args.reports, Path(d) / "reports.jsonl", seed=7)
        folder = Path(d) / "reports"
        folder.mkdir()
        for i, line in enumerate(corpus.read_text(encoding="utf-8").splitlines()):
            (folder / f"r{i:06d}.txt").write_text(json.loads(line)["text"], encoding="utf-8")
        seconds(warm, 1)
        as_jsonl, as_folder = seconds(corpus, args.runs), seconds(folder, args.runs)
    per_file = (as_folder - as_jsonl) / args.reports * 1000
    print(f"{args.reports:,} reports: one JSON Lines file {as_jsonl:.2f} s, a folder of .txt files {as_folder:.2f} s")
    print(f"each file costs {per_file:.1f} ms more than its line (best of {args.runs} runs)")


if __name__ == "__main__":
    main()
