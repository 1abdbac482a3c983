"""`geomap geocode` and `geomap reverse`: names to places, points to admin units."""

from __future__ import annotations

import json
import sys

import click

from geomap.cli.options import handle_errors, output_options


def _result(query: str, loc) -> dict:
    if loc is None:
        return {"query": query, "found": False}
    raw = loc.raw
    return {
        "query": query,
        "found": True,
        "id": raw["id"],
        "pcode": raw["pcode"],
        "kind": raw["kind"],
        "name_ar": raw["name_ar"],
        "name_en": raw["name_en"],
        "lat": round(loc.latitude, 6),
        "lon": round(loc.longitude, 6),
        "precision": raw["precision"],
        "confidence": raw["confidence"],
        "relation": raw["relation"],
        "match_method": raw["match_method"],
        "fallback": raw["fallback"],
        "reason": raw["reason"],
        "in_syria": raw["in_syria"],
        "admin1": raw["admin1"],
        "admin2": raw["admin2"],
        "admin3": raw["admin3"],
        "address": loc.address,
    }


@click.command()
@click.argument("queries", nargs=-1, metavar="QUERY...")
@click.option("--column", default=None, metavar="NAME", help="geocode this column of TABLE (the single argument)")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="with --column: the table with coordinates added (.csv, .geojson, .parquet); default stdout CSV",
)
@click.option("--syria-only", is_flag=True, help="never return a place outside Syria")
@output_options
@handle_errors
def geocode(
    queries: tuple[str, ...], column: str | None, output: str | None, syria_only: bool, overwrite: bool
) -> None:
    """Geocode place names (Arabic or Latin script) — one JSON object per query.

    \b
    Example:
      geomap geocode "ريف حلب الشرقي" "Tadmur town" "Deir ez-Zor city" "Sarmada / Idlib"
      geomap geocode --column location incidents.csv -o placed.csv
    """
    from geomap.geocoder import SyriaGeocoder

    coder = SyriaGeocoder()
    if column:
        _geocode_table(coder, queries, column, output, syria_only, overwrite)
        return
    if not queries:
        raise click.UsageError("give at least one QUERY (or --column NAME TABLE)")
    for q in queries:
        loc = coder.geocode(q, syria_only=syria_only)
        sys.stdout.write(json.dumps(_result(q, loc), ensure_ascii=False) + "\n")


def _geocode_table(
    coder, args: tuple[str, ...], column: str, output: str | None, syria_only: bool, overwrite: bool
) -> None:
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import Point

    from geomap.io.readers import iter_records
    from geomap.io.writers import safe_table, write_csv, write_layer

    if len(args) != 1:
        raise click.UsageError("with --column give exactly one TABLE")
    frames = list(iter_records(args[0]))
    df = pd.concat(frames, ignore_index=True)
    if column not in df.columns:
        raise click.BadParameter(
            f"no column {column!r} in {args[0]}; columns: {', '.join(map(str, df.columns))}", param_hint="--column"
        )
    cache: dict[str, dict] = {}
    for value in df[column].dropna().astype(str).unique():
        cache[value] = _result(value, coder.geocode(value, syria_only=syria_only))
    results = [
        cache.get(str(v), {"found": False}) if v is not None and str(v) != "nan" else {"found": False}
        for v in df[column]
    ]
    for key in ("lat", "lon", "id", "name_ar", "name_en", "kind", "precision", "confidence"):
        df[f"geocoded_{key}"] = [r.get(key) for r in results]
    df = df.drop(columns=["_file", "_line"], errors="ignore")
    if output is None:
        safe_table(df).to_csv(sys.stdout, index=False)
        return
    gdf = gpd.GeoDataFrame(
        df, geometry=[Point(r["lon"], r["lat"]) if r.get("found") else None for r in results], crs="EPSG:4326"
    )
    if output.lower().endswith(".csv"):
        write_csv(gdf, output, overwrite=overwrite)
    else:
        write_layer(gdf, output, overwrite=overwrite)
    missing = sum(not r.get("found") for r in results)
    click.echo(f"{output}: {len(df) - missing} of {len(df)} rows geocoded", err=True)


@click.command()
@click.argument("lat", type=float)
@click.argument("lon", type=float)
@handle_errors
def reverse(lat: float, lon: float) -> None:
    """The community, sub-district, district and governorate at a point (JSON).

    \b
    Example:
      geomap reverse 36.18 36.72      # سرمدا، دانا، حارم، إدلب
    """
    from geomap.gazetteer import load_gazetteer

    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise click.BadParameter(f"({lat}, {lon}) is not a latitude/longitude pair", param_hint="LAT LON")
    found = load_gazetteer().reverse(lat, lon)
    out = {"lat": lat, "lon": lon, "in_syria": found["governorate"] is not None}
    for key, place in found.items():
        out[key] = (
            None
            if place is None
            else {"id": place.id, "pcode": place.pcode, "name_ar": place.name_ar, "name_en": place.name_en}
        )
    sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
