"""Incident coding speed: µs per report and MB/s, beside `geomap incidents` on the same reports.

    python -m bench.coding_speed [--n 20000] [--repeat 3]

Reports are generated with `geomap.synthetic` (deterministic), and the real-news development texts are coded too
when ../shared is there. The coding budget is 20% of the incidents time on the same reports: the figure printed
as "coding / incidents".
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from geomap.coding import code_event, code_events
from geomap.incidents import read_incidents
from geomap.synthetic import write_corpus

ROOT = Path(__file__).resolve().parent.parent
REAL_NEWS = ROOT.parent / "shared" / "eval" / "real-news-dev" / "reports.jsonl"
BUDGET = 0.20  # coding may add this share of the incidents time


def best_of(repeat: int, fn) -> float:
    """The fastest of `repeat` runs (seconds): the machine is shared, the minimum is the cost."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def figures(label: str, texts: list[str], seconds: float) -> str:
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    chars = sum(map(len, texts)) / len(texts)
    return (
        f"{label}: {len(texts)} reports ({chars:.0f} characters on average), {1e6 * seconds / len(texts):.0f} µs "
        f"per report, {mb / seconds:.2f} MB/s"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=20000, help="synthetic reports")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the fastest is kept")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="geomap-coding-speed-") as tmp:
        corpus = write_corpus(args.n, Path(tmp) / "reports.jsonl")
        texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
        code_event(texts[0])  # builds the automaton
        read_incidents([corpus])  # loads the gazetteer and the geoparser
        coding = best_of(args.repeat, lambda: [code_events(t) for t in texts])
        incidents = best_of(args.repeat, lambda: read_incidents([corpus]))
    print(figures("coding (code_events), synthetic", texts, coding))
    print(figures("geomap incidents (read_incidents), same reports", texts, incidents))
    verdict = "within" if coding <= BUDGET * incidents else "OVER"
    print(f"coding / incidents = {coding / incidents:.2f} ({verdict} the {BUDGET:.0%} budget)")
    if REAL_NEWS.is_file():
        real = [json.loads(line)["text"] for line in REAL_NEWS.read_text(encoding="utf-8").splitlines() if line]
        real_coding = best_of(args.repeat * 3, lambda: [code_events(t) for t in real])
        print(figures("coding (code_events), real-news-dev texts", real, real_coding))


if __name__ == "__main__":
    main()
