"""The command line end to end, as a user runs it: whole cold processes on generated files, with wall time, CPU time
and peak memory of each run (the largest process of the run, from the kernel's accounting of the child).

    python -m bench.cli_speed [--only map,table,names,dask,coding] [--rows 100000] [--reports 200000]
                              [--baseline REV]

- map:    ``geomap map`` on an ACLED-style CSV of 100,000 rows with coordinates and Arabic notes (goal <= 10 s,
          <= 1 GB)
- table:  ``geomap incidents -o out.geojson`` on an ACLED-style CSV of about 50 MB with coordinates and notes
          (goal <= 30 s)
- names:  ``geomap incidents -o out.geojson`` on 100,000 rows naming places, without coordinates (goal <= 15 s)
- dask:   ``geomap incidents -o out.parquet --scheduler processes`` on 200,000 generated reports with 1 and with 2
          workers (goal: speed-up >= 1.7)
- coding: ``geomap incidents corpus.jsonl -o out.geojson`` on 100,000 generated reports (``--rows``), merging on (the
          default) and with ``--no-merge``; with ``--baseline REV`` (a commit from before incident coding, such as
          0de7067), the same command of that commit's code, checked out in a temporary worktree (goal: coding and
          merging add <= 20% to that time)

Inputs come from `geomap.synthetic`; the machine's load is printed with the figures (other work running at the same
time slows every figure, so compare runs made in the same conditions).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from geomap.synthetic import write_corpus, write_table

TABLE_MB = 50  # the size of the table the `table` case reads
ROW_BYTES = 449  # bytes per row of `geomap.synthetic.incident_table` with notes (to size the 50 MB table)
CODING_BUDGET = 1.20  # `geomap incidents` with coding may take this multiple of its time before coding existed
ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Run:
    seconds: float
    cpu: float
    peak_mb: float

    def __str__(self) -> str:
        return f"{self.seconds:5.1f} s wall, {self.cpu:5.1f} s CPU, peak {self.peak_mb:5.0f} MB"


def geomap(*args: str, code: Path | None = None) -> Run:
    """One cold `geomap` process (and the processes it starts), timed; `code`: run that checkout's geomap instead."""
    cmd = [sys.executable, "-m", "geomap.cli", "-q", *args]
    env = None if code is None else {**os.environ, "PYTHONPATH": str(code)}
    t = time.perf_counter()
    # `python -m` puts the working folder first on the path: run another checkout's code from inside it
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=code)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    err = proc.stderr.read().decode() if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{err}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def case_map(d: Path, rows: int) -> None:
    table = write_table(rows, d / "acled.csv")
    run = geomap("map", str(table), "-o", str(d / "map.html"))
    mb = table.stat().st_size / 1e6
    print(f"map: {rows} rows with coordinates and notes ({mb:.0f} MB CSV) -> HTML: {run}")
    print(f"  goal <= 10 s and <= 1 GB: {verdict(run.seconds <= 10 and run.peak_mb <= 1024)}")


def case_table(d: Path) -> None:
    rows = TABLE_MB * 1_000_000 // ROW_BYTES
    table = write_table(rows, d / "big.csv", seed=11)
    run = geomap("incidents", str(table), "-o", str(d / "big.geojson"))
    mb = table.stat().st_size / 1e6
    print(f"incidents: {mb:.0f} MB CSV ({rows} rows with coordinates and notes) -> GeoJSON: {run}")
    print(f"  goal <= 30 s: {verdict(run.seconds <= 30)}")


def case_names(d: Path, rows: int) -> None:
    table = write_table(rows, d / "names.csv", seed=9, coordinates=False, notes=False)
    run = geomap("incidents", str(table), "-o", str(d / "names.geojson"))
    print(f"incidents: {rows} rows naming places, no coordinates -> GeoJSON: {run}")
    print(f"  goal <= 15 s: {verdict(run.seconds <= 15)}")


def case_dask(d: Path, reports: int) -> None:
    corpus = write_corpus(reports, d / "corpus.jsonl")
    mb = corpus.stat().st_size / 1e6
    runs = {}
    for workers in (1, 2):
        out = d / f"out{workers}.parquet"
        runs[workers] = geomap(
            "incidents", str(corpus), "-o", str(out), "--scheduler", "processes", "--workers", str(workers)
        )
        print(f"dask, {workers} worker(s): {reports} reports ({mb:.0f} MB JSON Lines) -> GeoParquet: {runs[workers]}")
    speedup = runs[1].seconds / runs[2].seconds
    print(f"  speed-up with 2 workers: {speedup:.2f}x (goal >= 1.7: {verdict(speedup >= 1.7)})")


@contextmanager
def checkout(rev: str, d: Path) -> Iterator[Path]:
    """A temporary worktree of this repository at `rev` (removed afterwards)."""
    where = d / f"geomap-{rev}"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(where), rev], check=True)
    try:
        yield where
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(where)], check=True)


def case_coding(d: Path, reports: int, baseline: str | None) -> None:
    corpus = write_corpus(reports, d / "coding.jsonl")
    out = str(d / "coding.geojson")
    merged = geomap("incidents", str(corpus), "-o", out, "--overwrite")
    print(f"incidents: {reports} generated reports, coded and merged -> GeoJSON: {merged}")
    unmerged = geomap("incidents", str(corpus), "-o", out, "--overwrite", "--no-merge")
    print(f"incidents: {reports} generated reports, coded, --no-merge -> GeoJSON: {unmerged}")
    if baseline is None:
        return
    with checkout(baseline, d) as code:
        before = geomap("incidents", str(corpus), "-o", out, "--overwrite", code=code)
    print(f"incidents: the same reports with the code of {baseline} (before coding) -> GeoJSON: {before}")
    for label, run in (("coded and merged", merged), ("coded, --no-merge", unmerged)):
        ratio = run.seconds / before.seconds
        print(f"  {label}: {ratio:.2f}x that time (goal <= {CODING_BUDGET:.2f}: {verdict(ratio <= CODING_BUDGET)})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", default="map,table,names,dask,coding", help="comma-separated cases")
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--reports", type=int, default=200_000)
    ap.add_argument("--baseline", help="coding case: also time the code of this commit (one from before coding)")
    args = ap.parse_args(argv)
    cases = set(args.only.split(","))
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="geomap-cli-speed-") as tmp:
        d = Path(tmp)
        if "map" in cases:
            case_map(d, args.rows)
        if "table" in cases:
            case_table(d)
        if "names" in cases:
            case_names(d, args.rows)
        if "dask" in cases:
            case_dask(d, args.reports)
        if "coding" in cases:
            case_coding(d, args.rows, args.baseline)
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
