"""Incident coding speed: µs per report and MB/s, beside `geomap incidents` on the same reports.

    python -m bench.coding_speed [--n 20000] [--repeat 3]

Two corpora: reports generated with `geomap.synthetic` (deterministic, ~160 characters each) and the real-news
development texts (~660 characters, repeated to 2,000 reports) when ../shared is there. For each, the coding of
every event (`code_events`) is timed in this process, and the `geomap incidents` command on the same JSON Lines
file (GeoJSON output) in a fresh one. The coding budget is 20% of the `geomap incidents` time: "coding / incidents".
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from geomap.coding import code_events
from geomap.synthetic import write_corpus

ROOT = Path(__file__).resolve().parent.parent
REAL_NEWS = ROOT.parent / "shared" / "eval" / "real-news-dev" / "reports.jsonl"
REAL_COPIES = 20  # the 100 real texts, repeated: enough reports for the command's start-up to matter little
BUDGET = 0.20  # coding may add this share of the `geomap incidents` time


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """The fastest of `repeat` runs (seconds): the machine is shared, the minimum is the cost."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def incidents_command(corpus: Path, out: Path) -> None:
    exe = Path(sys.executable).with_name("geomap")
    cmd = [str(exe), "incidents", str(corpus), "-o", str(out), "--overwrite"]
    subprocess.run(cmd, check=True, capture_output=True)


def compare(label: str, corpus: Path, repeat: int) -> None:
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    code_events(texts[0])  # builds the automaton
    coding = best_of(repeat, lambda: [code_events(t) for t in texts])
    incidents = best_of(max(1, repeat - 1), lambda: incidents_command(corpus, corpus.with_suffix(".geojson")))
    n, mb = len(texts), sum(len(t.encode("utf-8")) for t in texts) / 1e6
    chars = sum(map(len, texts)) / n
    print(f"{label}: {n} reports, {chars:.0f} characters on average")
    print(f"  coding (code_events): {1e6 * coding / n:.0f} µs per report, {mb / coding:.2f} MB/s")
    print(f"  geomap incidents (command, start-up included): {1e6 * incidents / n:.0f} µs per report")
    verdict = "within" if coding <= BUDGET * incidents else "OVER"
    print(f"  coding / incidents = {coding / incidents:.2f} ({verdict} the {BUDGET:.0%} budget)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=20000, help="synthetic reports")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the fastest is kept")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="geomap-coding-speed-") as tmp:
        compare("synthetic reports", write_corpus(args.n, Path(tmp) / "synthetic.jsonl"), args.repeat)
        if REAL_NEWS.is_file():
            rows = [json.loads(line) for line in REAL_NEWS.read_text(encoding="utf-8").splitlines() if line]
            real = Path(tmp) / "real.jsonl"
            real.write_text(
                "".join(
                    json.dumps({"id": f"{r['id']}-{k}", "text": r["text"]}, ensure_ascii=False) + "\n"
                    for k in range(REAL_COPIES)
                    for r in rows
                ),
                encoding="utf-8",
            )
            compare("real-news-dev texts", real, args.repeat)


if __name__ == "__main__":
    main()
