"""Loading the shipped gazetteer in a fresh process: wall time and peak memory (goal: < 0.5 s, < 300 MB).

The goal is for the whole of ``python -c "import geomap; geomap.load_gazetteer()"``, timed from outside. Loading
reads the columns; the name index, places and spatial index are built when first used, so the first `names()`
(what a geoparser needs to start), the first `lookup` and the first `reverse` are timed too. CPU seconds are
printed beside wall seconds: on a machine shared with other work, wall time measures the neighbours too.

python -m bench.gazetteer_load [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

COLD = "import geomap; geomap.load_gazetteer()"
PROBE = """
import json, resource, time
def now():
    return time.perf_counter(), time.process_time()
marks = [now()]
import geomap
marks.append(now())
gaz = geomap.load_gazetteer()
marks.append(now())
load_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
names = dict(gaz.names())
marks.append(now())
gaz.lookup("C4121")
marks.append(now())
gaz.reverse(36.19, 36.71)
marks.append(now())
steps = ["import", "load", "names", "lookup", "reverse"]
out = {s: [b[0] - a[0], b[1] - a[1]] for s, a, b in zip(steps, marks, marks[1:])}
out.update(places=len(gaz), names_n=len(names), load_rss=load_rss,
           peak_rss=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(json.dumps(out))
"""
GOAL_S = 0.5
GOAL_MB = 300


def _cold() -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak MB of one fresh process running `COLD`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", COLD], check=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, after.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    cold = [_cold() for _ in range(args.runs)]
    probes = [
        json.loads(subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout)
        for _ in range(args.runs)
    ]

    def med(step: str) -> str:
        wall, cpu = (statistics.median(p[step][k] for p in probes) for k in (0, 1))
        return f"{wall:.3f} s ({cpu:.3f} CPU)"

    wall, cpu = statistics.median(c[0] for c in cold), statistics.median(c[1] for c in cold)
    peak = max(c[2] for c in cold)
    print(f"{probes[0]['places']} places, {probes[0]['names_n']} names; medians of {args.runs} fresh processes")
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print(f'python -c "{COLD}": {wall:.3f} s wall, {cpu:.3f} s CPU, peak {peak:.0f} MB')
    print(f"  of which import geomap {med('import')}, load_gazetteer() {med('load')}")
    print(
        f"built on first use: name index {med('names')}, first lookup {med('lookup')}, spatial index {med('reverse')};"
        f" peak {max(p['peak_rss'] for p in probes):.0f} MB"
    )
    met = wall < GOAL_S and peak < GOAL_MB
    print(f"goal < {GOAL_S} s and < {GOAL_MB} MB: {'met' if met else 'NOT met'} (CPU {cpu:.3f} s)")


if __name__ == "__main__":
    main()
