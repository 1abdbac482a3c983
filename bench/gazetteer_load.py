"""Loading the shipped gazetteer in a fresh process: wall time and peak memory (goal: < 0.5 s, < 300 MB).

python -m bench.gazetteer_load [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

PROBE = """
import json, resource, time
t0 = time.perf_counter()
import geomap.gazetteer as g
t1 = time.perf_counter()
gaz = g.load_gazetteer()
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "places": len(gaz),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    runs = [
        json.loads(subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout)
        for _ in range(args.runs)
    ]
    load = statistics.median(r["load_s"] for r in runs)
    imp = statistics.median(r["import_s"] for r in runs)
    rss = max(r["peak_rss_mb"] for r in runs)
    print(f"{runs[0]['places']} places; over {args.runs} fresh processes:")
    print(
        f"load_gazetteer(): median {load:.3f} s (import of geomap.gazetteer {imp:.3f} s, together {load + imp:.3f} s)"
    )
    print(f"peak resident memory of the whole process: {rss:.0f} MB")
    print(f"goal < 0.5 s and < 300 MB: {'met' if load + imp < 0.5 and rss < 300 else 'NOT met'}")


if __name__ == "__main__":
    main()
