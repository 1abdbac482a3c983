"""Run every benchmark and the geoparser evaluation, printing their figures (`make bench`)."""

from __future__ import annotations

import subprocess
import sys

BENCHMARKS = [
    ["bench.gazetteer_load"],
    ["bench.geoparse_speed"],
    ["bench.incidents_speed"],
    ["bench.map_speed"],
    ["bench.dask_scale", "--reports", "200000"],
    ["bench.big_input"],
    ["bench.memory_flat"],
    ["bench.folder_speed"],
    ["bench.cli_speed"],
    ["bench.eval_geoparse"],
]


def main() -> int:
    failed = 0
    for args in BENCHMARKS:
        print(f"\n$ python -m {' '.join(args)}", flush=True)
        failed += subprocess.run([sys.executable, "-m", *args]).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
