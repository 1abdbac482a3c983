"""100,000 incident-table rows with location names (no coordinates): geocode and write GeoJSON and CSV, in one
process on one core (goal: < 30 s). `bench.cli_speed` times the same through the command line, cold.

    python -m bench.incidents_speed [--rows 100000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from geomap import geocode_incidents, load_gazetteer
from geomap.io.writers import write_csv, write_geojson
from geomap.synthetic import incident_table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=100_000)
    args = ap.parse_args()
    df = incident_table(args.rows, seed=3, coordinates=False, notes=False)
    load_gazetteer()
    t = time.perf_counter()
    inc = geocode_incidents(df)
    geocoded = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as d:
        t = time.perf_counter()
        write_geojson(inc, Path(d) / "incidents.geojson")
        write_csv(inc, Path(d) / "incidents.csv")
        written = time.perf_counter() - t
        size = (Path(d) / "incidents.geojson").stat().st_size / 1e6
    placed = int((inc["status"] == "placed").sum())
    total = geocoded + written
    print(
        f"{args.rows} rows ({df['location'].nunique()} distinct location strings): geocoded in {geocoded:.1f} s, "
        f"written (GeoJSON {size:.0f} MB + CSV) in {written:.1f} s; total {total:.1f} s on one core"
    )
    print(f"placed {placed} of {args.rows}; goal < 30 s: {'met' if total < 30 else 'NOT met'}")


if __name__ == "__main__":
    main()
