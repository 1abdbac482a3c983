"""`geomap gazetteer`: counts and attribution, look-ups, one entry, layers out, rebuilding from the sources."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from geomap.cli.options import handle_errors, output_options


@click.group()
def gazetteer() -> None:
    """The shipped Syrian gazetteer."""


@gazetteer.command()
@handle_errors
def info() -> None:
    """Entries per kind and per source, and where the data comes from."""
    from geomap.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    for kind, n in gaz.counts().items():
        click.echo(f"{kind:14} {n:6}")
    click.echo("\nentries per source (a merged entry counts under each of its sources):")
    for source, n in gaz.source_counts().items():
        click.echo(f"{source:20} {n:6}")
    click.echo("")
    click.echo(gaz.attribution())


@gazetteer.command()
@click.argument("name")
@click.option("--kind", default=None, help="governorate, district, subdistrict, community, region, landmark ...")
@click.option("--limit", default=10, show_default=True)
@handle_errors
def search(name: str, kind: str | None, limit: int) -> None:
    """Entries called NAME (Arabic or Latin script), best first, one JSON object per line.

    \b
    Example:
      geomap gazetteer search الطيبة --kind community
    """
    from geomap.gazetteer import KINDS, load_gazetteer

    if kind and kind not in KINDS:
        raise click.BadParameter(f"{kind!r} is not one of {', '.join(KINDS)}", param_hint="--kind")
    for p in load_gazetteer().search(name, kind=kind, limit=limit):
        rec = {
            k: v
            for k, v in p.to_record().items()
            if k in ("id", "pcode", "kind", "name_ar", "name_en", "admin1", "admin2", "lat", "lon", "in_syria")
        }
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")


@gazetteer.command()
@click.argument("place_id")
@handle_errors
def show(place_id: str) -> None:
    """One entry in full (id or P-code), with its parents and geometry summary."""
    from geomap.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    p = gaz.lookup(place_id)
    rec = p.to_record()
    rec["parents"] = [{"id": x.id, "kind": x.kind, "name_ar": x.name_ar, "name_en": x.name_en} for x in gaz.parents(p)]
    rec["geometry_type"] = p.geometry.geom_type
    rec["bounds"] = [round(v, 6) for v in p.geometry.bounds]
    sys.stdout.write(json.dumps(rec, ensure_ascii=False, indent=2) + "\n")


@gazetteer.command()
@click.argument("kind")
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help=".geojson, .gpkg, .parquet or .csv"
)
@output_options
@handle_errors
def export(kind: str, output: str, overwrite: bool) -> None:
    """Write one layer (governorate, district, subdistrict, community, region, landmark ...) to a file."""
    from geomap.gazetteer import KINDS, load_gazetteer
    from geomap.io.writers import write_layer

    if kind not in KINDS:
        raise click.BadParameter(f"{kind!r} is not one of {', '.join(KINDS)}", param_hint="KIND")
    layer = load_gazetteer().layer(kind)
    write_layer(layer, output, overwrite=overwrite, layer=kind)
    click.echo(f"{output}: {len(layer)} {kind} entries", err=True)


@gazetteer.command()
@click.argument("sources", type=click.Path(exists=True, file_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False),
    default=None,
    help="output folder (default: the installed package's data folder)",
)
@handle_errors
def build(sources: str, output: str | None) -> None:
    """Rebuild the gazetteer from the upstream sources (needs geomap[build])."""
    try:
        from geomap.build.pipeline import DEFAULT_OUTPUT
        from geomap.build.pipeline import build as run
    except ImportError as exc:
        raise click.ClickException(f"the gazetteer build needs geomap[build] ({exc})") from exc
    counts = run(Path(sources), Path(output) if output else DEFAULT_OUTPUT)
    for kind, n in counts.items():
        click.echo(f"{kind:14} {n:6}")
