"""Large inputs stream: peak memory of `geomap incidents` on corpora of growing size stays flat, and one very long
report (20 MB) is handled.

    python -m bench.big_input [--reports 20000 80000] [--long-report-mb 20]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from geomap.synthetic import reports, write_corpus

PROBE = (
    "import resource, sys; from geomap.cli import main\n"
    "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, file=sys.stderr)"
)


def run(args: list[str]) -> tuple[float, float]:
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True)
    return time.perf_counter() - t, float(p.stderr.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reports", type=int, nargs="+", default=[20_000, 80_000])
    ap.add_argument("--long-report-mb", type=float, default=20.0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        for n in args.reports:
            corpus = write_corpus(n, Path(d) / f"c{n}.jsonl")
            mb = corpus.stat().st_size / 1e6
            seconds, peak = run(
                [
                    "-q",
                    "incidents",
                    str(corpus),
                    "-o",
                    str(Path(d) / f"o{n}.geojson"),
                    "--layers-dir",
                    str(Path(d) / f"l{n}"),
                    "--overwrite",
                    "--no-merge",  # streams; merging reports of one event needs them all in memory
                ]
            )
            print(f"{n} reports ({mb:.0f} MB JSON Lines): {seconds:.0f} s, peak memory {peak:.0f} MB")
        text, size = [], 0
        for rec in reports(10**7, seed=11):
            text.append(rec["text"])
            size += len(rec["text"].encode())
            if size >= args.long_report_mb * 1e6:
                break
        long = Path(d) / "long.jsonl"
        long.write_text(
            json.dumps({"id": "long", "text": "\n".join(text)}, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        seconds, peak = run(["-q", "incidents", str(long), "-o", str(Path(d) / "long.geojson"), "--overwrite"])
        print(f"one report of {size / 1e6:.0f} MB: {seconds:.0f} s, peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
