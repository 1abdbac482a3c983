"""Peak memory of whole `geomap incidents` processes stays flat from 30,000 to 300,000 rows, for CSV, JSON Lines,
Parquet and XLSX (issue 18: inputs stream chunk by chunk, whatever their format).

    python -m bench.memory_flat [--rows 30000 300000] [--formats csv jsonl parquet xlsx] [--merge]

Each run is a fresh process (`python -c` around the CLI) that reports its own peak resident set size
(`resource.getrusage`). It is started by a small shell, not by this process: Linux carries a process's peak RSS
over into the children it forks, so a child of this (large) process would report this process's peak. The tables
are synthetic ACLED-style incidents (`geomap.synthetic.incident_table`), written once per size. A format is "flat"
when its largest peak is within 15% of its smallest. The runs pass `--no-merge`, the streaming mode; with
`--merge` they run the default instead, which merges the reports of one event: the parts wait on disk, but the
grouping columns of every incident are held, so its memory grows with the input (a kilobyte or so a row).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from geomap.synthetic import incident_table

FLAT = 0.15  # the largest peak may exceed the smallest by this share
PROBE = (
    "import resource, sys; from geomap.cli import main\n"
    "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    code = e.code\nelse:\n    code = 0\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, file=sys.stderr)\nsys.exit(code)"
)


def write_table(df: pd.DataFrame, path: Path) -> Path:
    fmt = path.suffix
    if fmt == ".csv":
        df.to_csv(path, index=False)
    elif fmt == ".jsonl":
        df.to_json(path, orient="records", lines=True, force_ascii=False)
    elif fmt == ".parquet":
        df.to_parquet(path, index=False)  # pandas' default: one row group however many rows
    else:
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("incidents")
        ws.append(list(df.columns))
        for row in df.itertuples(index=False):
            ws.append([None if pd.isna(v) else v for v in row])
        wb.save(path)
    return path


def peak_mb(args: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one geomap process."""
    t = time.perf_counter()
    shell = ["sh", "-c", '"$@"; exit $?', "sh"]  # the shell forks geomap: its peak starts from the shell's
    done = subprocess.run([*shell, sys.executable, "-c", PROBE, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"geomap {' '.join(args)} failed:\n{done.stderr}")
    return time.perf_counter() - t, float(done.stderr.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, nargs="+", default=[30_000, 300_000])
    ap.add_argument("--formats", nargs="+", default=["csv", "jsonl", "parquet", "xlsx"])
    ap.add_argument("--merge", action="store_true", help="the default mode, merging reports (not flat)")
    args = ap.parse_args()
    peaks: dict[str, list[float]] = {f: [] for f in args.formats}
    with tempfile.TemporaryDirectory() as d:
        for n in args.rows:
            table = incident_table(n, seed=7)
            for fmt in args.formats:
                path = write_table(table, Path(d) / f"t{n}.{fmt}")
                mb = path.stat().st_size / 1e6
                out = Path(d) / f"o{n}_{fmt}.geojson"
                mode = [] if args.merge else ["--no-merge"]
                seconds, peak = peak_mb(["-q", "incidents", str(path), "-o", str(out), "--overwrite", *mode])
                peaks[fmt].append(peak)
                print(f"{fmt:8} {n:>8,} rows ({mb:6.1f} MB): {seconds:6.1f} s, peak memory {peak:6.0f} MB", flush=True)
                path.unlink()
    flat = True
    for fmt, values in peaks.items():
        growth = max(values) / min(values) - 1
        flat &= growth <= FLAT
        verdict = "flat" if growth <= FLAT else "NOT flat"
        print(f"{fmt:8} peak {min(values):.0f}-{max(values):.0f} MB: +{growth:.0%} ({verdict}, bound {FLAT:.0%})")
    return 0 if flat else 1


if __name__ == "__main__":
    raise SystemExit(main())
