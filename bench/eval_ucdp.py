"""UCDP GED Syria development half (../shared/eval/ucdp-ged-syria-dev): English incident-table place strings.

    python -m bench.eval_ucdp [--show-errors N] [--skip-table]

Three paths, each on the tune and kept-aside parts (split by a hash of the place string):
- geocoder: ``SyriaGeocoder().geocode(where_coordinates)`` for each row, no admin context;
- geocoder+admin: ``SyriaGeocoder().resolve(where_coordinates, admin1=adm_1, admin2=adm_2, syria_only=True)``, the
  call the table path makes with a row's admin columns;
- table: ``geomap incidents`` run as a user runs it on the rows with latitude/longitude removed (so ``adm_1`` and
  ``adm_2`` can steer), matched back by id.
Figures per row and per distinct place string (its first row): within 25 km of UCDP's point, not found, and
precision-1 placements more than 25 km away (a fallback or a homonym posing as an exact place)."""

from __future__ import annotations

import argparse
import csv
import math
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.devsplit import is_aside
from bench.eval_real_news import geomap_executable

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CSV = ROOT.parent / "shared" / "eval" / "ucdp-ged-syria-dev" / "ged_syria_dev.csv"
TOLERANCE_KM = 25.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = math.radians
    h = math.sin(r(lat2 - lat1) / 2) ** 2 + math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class Tally:
    rows: int = 0
    within: int = 0
    not_found: int = 0
    p1_far: int = 0
    strings: dict[str, bool] = field(default_factory=dict)  # place string → its first row within 25 km
    errors: list[str] = field(default_factory=list)

    def add(self, row: dict[str, str], lat: float | None, lon: float | None, precision: int | None, got: str) -> None:
        self.rows += 1
        q = row["where_coordinates"]
        ok = lat is not None and lon is not None
        ok = ok and km(float(row["latitude"]), float(row["longitude"]), lat, lon) <= TOLERANCE_KM
        self.strings.setdefault(q, ok)
        if lat is None or lon is None:
            self.not_found += 1
            self.errors.append(f"  not found {row['where_coordinates']!r} ({row['adm_1']} / {row['adm_2']})")
            return
        d = km(float(row["latitude"]), float(row["longitude"]), lat, lon)
        if d <= TOLERANCE_KM:
            self.within += 1
            return
        if precision == 1:
            self.p1_far += 1
        self.errors.append(
            f"  {d:6.0f} km {row['where_coordinates']!r} ({row['adm_1']} / {row['adm_2']}) → {got} p{precision}"
        )

    def line(self, label: str) -> str:
        n = max(self.rows, 1)
        good = sum(self.strings.values())
        return (
            f"{label:28} rows {self.rows:5}  within 25 km {self.within / n:.3f} ({self.within}/{self.rows}); "
            f"strings {good / max(len(self.strings), 1):.3f} ({good}/{len(self.strings)})  "
            f"not found {self.not_found / n:.3f}  precision-1 >25 km {self.p1_far}"
        )


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if r["latitude"] and r["longitude"] and r["where_coordinates"]]


def geocoder_path(rows: list[dict[str, str]]) -> dict[str, Tally]:
    from geomap import SyriaGeocoder

    geocoder = SyriaGeocoder()
    cache: dict[str, tuple[float | None, float | None, int | None, str]] = {}
    tallies = {"tune": Tally(), "aside": Tally()}
    for row in rows:
        q = row["where_coordinates"]
        if q not in cache:
            loc = geocoder.geocode(q)
            cache[q] = (
                (loc.latitude, loc.longitude, loc.raw.get("precision"), f"{loc.raw['id']} {loc.raw['name_en']}")
                if loc
                else (None, None, None, "")
            )
        tallies["aside" if is_aside(q) else "tune"].add(row, *cache[q])
    return tallies


def geocoder_admin_path(rows: list[dict[str, str]]) -> dict[str, Tally]:
    from geomap import SyriaGeocoder

    geocoder = SyriaGeocoder()
    cache: dict[tuple[str, str, str], tuple[float | None, float | None, int | None, str]] = {}
    tallies = {"tune": Tally(), "aside": Tally()}
    for row in rows:
        key = (row["where_coordinates"], row["adm_1"], row["adm_2"])
        if key not in cache:
            found = geocoder.resolve(key[0], admin1=key[1] or None, admin2=key[2] or None, syria_only=True)
            r = found[0] if found else None
            label = f"{r.place.id} {r.place.name_en}{' (fallback)' if r.fallback else ''}" if r else ""
            cache[key] = (r.lat, r.lon, r.precision, label) if r else (None, None, None, "")
        tallies["aside" if is_aside(key[0]) else "tune"].add(row, *cache[key])
    return tallies


def table_path(rows: list[dict[str, str]], path: Path) -> dict[str, Tally]:
    tallies = {"tune": Tally(), "aside": Tally()}
    with tempfile.TemporaryDirectory(prefix="geomap-ucdp-") as tmp:
        table = Path(tmp) / "ucdp.csv"
        with path.open(encoding="utf-8", newline="") as f:
            header = [c for c in next(csv.reader(f)) if c not in ("latitude", "longitude")]
        with table.open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, header, extrasaction="ignore")
            w.writeheader()
            w.writerows(rows)
        out = Path(tmp) / "out.csv"
        cmd = [geomap_executable(), "incidents", str(table), "-o", str(out), "--overwrite"]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"geomap incidents failed:\n{done.stderr}")
        with out.open(encoding="utf-8-sig", newline="") as f:
            placed = {r["event_id_cnty"]: r for r in csv.DictReader(f)}
    for row in rows:
        got = placed.get(row["id"]) or placed.get(row["id"].removesuffix(".0"))
        lat = float(got["latitude"]) if got and got["latitude"] and got["status"] == "placed" else None
        lon = float(got["longitude"]) if lat is not None else None
        precision = int(float(got["geo_precision"])) if got and got["geo_precision"] else None
        label = f"{got['gazetteer_id']} {got['location']}" if got else "missing row"
        tallies["aside" if is_aside(row["where_coordinates"]) else "tune"].add(row, lat, lon, precision, label)
    return tallies


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    ap.add_argument("--show-errors", type=int, default=0, metavar="N")
    ap.add_argument("--skip-table", action="store_true")
    args = ap.parse_args(argv)
    if not args.csv.is_file():
        print(f"(no UCDP development half at {args.csv})")
        return 0
    rows = read_rows(args.csv)
    t0 = time.perf_counter()
    runs = {"UCDP geocoder": lambda: geocoder_path(rows), "UCDP geocoder+admin": lambda: geocoder_admin_path(rows)}
    if not args.skip_table:
        runs["UCDP table"] = lambda: table_path(rows, args.csv)
    for label, run in runs.items():
        t = time.perf_counter()
        tallies = run()
        for part, tally in tallies.items():
            print(tally.line(f"{label} [{part}]"))
            if args.show_errors and part == "tune":
                print("\n".join(tally.errors[: args.show_errors]))
        print(f"({label}: {time.perf_counter() - t:.1f} s)", file=sys.stderr)
    print(f"({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
