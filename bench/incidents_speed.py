"""100,000 incident-table rows with location names (no coordinates): geocode and write GeoJSON and CSV, on one
core (goal: < 30 s).

    python -m bench.incidents_speed [--rows 100000]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import pandas as pd

from geomap import geocode_incidents, load_gazetteer
from geomap.io.writers import write_csv, write_geojson


def table(rows: int, seed: int = 3) -> pd.DataFrame:
    gaz = load_gazetteer()
    places = [p for p in gaz if p.kind == "community" and p.importance >= 0.5]
    admin = {p.id: p.name_en for p in gaz if p.kind == "governorate"}
    rng = random.Random(seed)
    picks = [rng.choice(places) for _ in range(rows)]
    forms = [lambda p: p.name_en, lambda p: p.name_ar, lambda p: f"{p.name_en} town"]
    return pd.DataFrame(
        {
            "event_id_cnty": [f"SYR{i:06d}" for i in range(rows)],
            "event_date": [f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(rows)],
            "event_type": [rng.choice(["Battles", "Protests", "Explosions/Remote violence"]) for _ in range(rows)],
            "admin1": [admin.get(p.admin1) for p in picks],
            "location": [rng.choice(forms)(p) for p in picks],
            "notes": ["" for _ in range(rows)],
        }
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=100_000)
    args = ap.parse_args()
    df = table(args.rows)
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
