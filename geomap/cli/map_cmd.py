"""`geomap map`: reports or tables in, a map out (HTML, offline HTML, PNG/SVG/PDF)."""

from __future__ import annotations

from pathlib import Path

import click

from geomap.cli.inputs import load_incidents
from geomap.cli.options import column_map, column_options, handle_errors, output_options, report_unplaced


@click.command("map")
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="map.html, map.png, .svg, .pdf")
@click.option("--offline", is_flag=True, help="one self-contained HTML file: no CDN, no tiles, no network")
@click.option("--heat/--no-heat", default=False, help="add a heat map layer")
@click.option("--time/--no-time", "time_slider", default=True, help="time slider when incidents have dates")
@click.option(
    "--choropleth",
    type=click.Choice(["admin1", "admin2", "admin3"]),
    default=None,
    help="shade admin units by incident count",
)
@click.option(
    "--cluster",
    type=click.Choice(["auto", "none", "fast"]),
    default="auto",
    help="browser-side clustering: auto above 20,000 incidents",
)
@click.option("--title", default=None, help="map title")
@column_options
@output_options
@handle_errors
def map_command(
    inputs: tuple[str, ...],
    output: str,
    offline: bool,
    heat: bool,
    time_slider: bool,
    choropleth: str | None,
    cluster: str,
    title: str | None,
    encoding: str | None,
    overwrite: bool,
    **kw: str | None,
) -> None:
    """Map incidents from reports (.txt, folders, .jsonl) or tables (.csv, .xlsx, .parquet, .geojson).

    \b
    Example:
      geomap map reports.jsonl -o map.html --choropleth admin1
      echo "غارة جوية على مواقع في البادية السورية" | geomap map - -o badia.html --offline
    """
    from geomap.incidents import MentionScope
    from geomap.maps import incident_map, save_map

    target = Path(output)
    if target.exists() and not overwrite:
        raise click.ClickException(f"{target} exists; pass --overwrite to replace it")
    # The map shows each incident's place and, for those placed from their text, the sentence that names it: texts
    # are geoparsed only for rows that need them (never for rows with coordinates or a known location name).
    result = load_incidents(inputs, encoding=encoding, columns=column_map(kw), mentions=MentionScope.PLACING)
    report_unplaced(result.incidents)
    suffix = target.suffix.lower()
    if suffix in (".png", ".svg", ".pdf"):
        from geomap.maps.static import save_static_map

        save_static_map(result.incidents, target, areas=result.areas, title=title, overwrite=True)
    elif suffix in (".html", ".htm"):
        m = incident_map(
            result.incidents,
            areas=result.areas,
            mentions=result.mentions,
            title=title,
            heat=heat,
            time=time_slider,
            choropleth=choropleth,
            cluster=cluster,
            offline=offline,
        )
        save_map(m, target, overwrite=True)
    else:
        raise click.BadParameter(f"{output}: use .html, .png, .svg or .pdf", param_hint="--output")
    placed = int((result.incidents["status"] == "placed").sum())
    click.echo(f"{target}: {len(result.incidents)} incidents ({placed} placed in Syria)", err=True)
