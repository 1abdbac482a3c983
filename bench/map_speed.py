"""100,000 incidents to an HTML map: build and save time, file size, render time in headless Chromium (page load
to the first drawn clusters), one filter change, and the same map as one folium Marker per incident
(goals: build <= 10 s, < 25 MB, >= 10x faster, render <= 3 s).

    python -m bench.map_speed [--incidents 100000] [--marker-sample 3000]
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from geomap import incident_map, save_map


def incidents(n: int, seed: int = 5) -> gpd.GeoDataFrame:
    rng = random.Random(seed)
    lat = [rng.uniform(32.5, 37.0) for _ in range(n)]
    lon = [rng.uniform(35.8, 42.0) for _ in range(n)]
    df = pd.DataFrame(
        {
            "event_id_cnty": [f"SYR{i:07d}" for i in range(n)],
            "event_date": [f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(n)],
            "event_type": [
                rng.choice(["Battles", "Protests", "Explosions/Remote violence", "Riots"]) for _ in range(n)
            ],
            "location": [f"Village {i % 3000}" for i in range(n)],
            "location_ar": [f"قرية {i % 3000}" for i in range(n)],
            "geo_precision": [1] * n,
            "confidence": [0.9] * n,
            "status": ["placed"] * n,
            "notes": [f"قصف مدفعي على بلدة رقم {i % 3000} في الريف الشرقي أسفر عن إصابات" for i in range(n)],
            "sub_event_type": [rng.choice(["Armed clash", "Air/drone strike", "Peaceful protest"]) for _ in range(n)],
            "actor1": [
                rng.choice(["Military Forces of Syria", "Unidentified armed group", "Protesters"]) for _ in range(n)
            ],
            "actor2": [rng.choice(["Civilians", None]) for _ in range(n)],
            "fatalities": pd.array([rng.choice([0, 1, 2, None]) for _ in range(n)], dtype="Int64"),
            "source": ["Local monitors"] * n,
            "source_url": ["https://example.org/r"] * n,
        }
    )
    return gpd.GeoDataFrame(df, geometry=[Point(x, y) for x, y in zip(lon, lat, strict=True)], crs="EPSG:4326")


def render_seconds(path: Path) -> tuple[float, float] | None:
    """Seconds from navigation to a drawn map, and for one event-type filter change to redraw."""
    chromium = shutil.which("chromium")
    if chromium is None:
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        page = b.new_page(viewport={"width": 1280, "height": 800})
        t = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_selector("#geomap-stats[data-ready='1']", state="attached", timeout=120_000)
        seconds = time.perf_counter() - t
        step = page.evaluate(
            """() => { const f = window.geomap.filters, t = performance.now();
                f.hiddenTypes[1] = true; f.apply(); return (performance.now() - t) / 1000; }"""
        )
        b.close()
    return seconds, step


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--incidents", type=int, default=100_000)
    ap.add_argument("--marker-sample", type=int, default=3000)
    args = ap.parse_args()
    gdf = incidents(args.incidents)
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "map.html"
        t = time.perf_counter()
        save_map(incident_map(gdf, offline=True), out)
        ours = time.perf_counter() - t
        size = out.stat().st_size / 1e6
        render = render_seconds(out)
        sample = gdf.head(args.marker_sample)
        t = time.perf_counter()
        m = folium.Map(location=[35, 38.5], zoom_start=7)
        for row in sample.itertuples():
            folium.Marker([row.geometry.y, row.geometry.x], popup=folium.Popup(row.notes), tooltip=row.location).add_to(
                m
            )
        m.save(str(Path(d) / "markers.html"))
        per_marker = (time.perf_counter() - t) / len(sample)
    naive = per_marker * args.incidents
    print(f"{args.incidents} incidents: built and saved in {ours:.1f} s, {size:.1f} MB of HTML (offline, inlined)")
    print(
        f"one folium Marker per incident: {per_marker * 1000:.2f} ms each over {len(sample)} "
        f"-> {naive:.0f} s for {args.incidents}; geomap is {naive / ours:.0f}x faster"
    )
    if render is None:
        print("Chromium not installed: render not measured")
    else:
        print(f"render in headless Chromium: {render[0]:.1f} s to a drawn map; one filter change {render[1]:.2f} s")
    ok = ours <= 10 and size < 25 and naive / ours >= 10 and (render is None or render[0] <= 3)
    print(f"goals (build <= 10 s, < 25 MB, >= 10x, render <= 3 s): {'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    main()
