"""`geomap map`: reports or tables in, a map out (HTML, offline HTML, PNG/SVG/PDF)."""

from __future__ import annotations

from pathlib import Path

import click

from geomap.cli.inputs import load_incidents
from geomap.cli.options import column_map, column_options, handle_errors, output_options, report_unplaced
from geomap.maps.labels import AdminLevel, Cluster, Lang


@click.command("map")
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="map.html, map.png, .svg, .pdf")
@click.option(
    "--offline",
    is_flag=True,
    help="built-in basemap only (every page works without internet; without --offline, online tiles are offered too)",
)
@click.option("--heat/--no-heat", default=False, help="add an incident density layer")
@click.option(
    "--time/--no-time", "time_slider", default=True, help="date range filter with play when incidents have dates"
)
@click.option(
    "--choropleth",
    type=click.Choice([a.value for a in AdminLevel]),
    default=None,
    help="shade admin units by incident count",
)
@click.option(
    "--cluster",
    type=click.Choice([c.value for c in Cluster]),
    default=Cluster.AUTO.value,
    help="auto: counted clusters at every zoom, spread out at the last; none: one dot per incident",
)
@click.option(
    "--lang",
    type=click.Choice([lang.value for lang in Lang]),
    default=Lang.AR.value,
    help="interface language (Arabic by default)",
)
@click.option("--title", default=None, help="map title")
@click.option(
    "--merge/--no-merge",
    default=True,
    help="one incident per event across reports (same type, day ±1 and place), listing every source (default); "
    "--no-merge keeps every report",
)
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
    lang: str,
    title: str | None,
    merge: bool,
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
    from geomap.maps.static import STATIC_FORMATS, save_static_map

    target = Path(output)
    suffix = target.suffix.lower()
    if suffix not in (".html", ".htm", *STATIC_FORMATS):
        raise click.BadParameter(f"{output}: use .html, .png, .svg or .pdf", param_hint="--output")
    if target.exists() and not overwrite:
        raise click.ClickException(f"{target} exists; pass --overwrite to replace it")
    # The map shows each incident's place and, for those placed from their text, the sentence that names it: texts
    # are geoparsed only for rows that need them (never for rows with coordinates or a known location name).
    result = load_incidents(
        inputs, encoding=encoding, columns=column_map(kw), mentions=MentionScope.PLACING, merge=merge
    )
    report_unplaced(result.incidents)
    if suffix in STATIC_FORMATS:
        save_static_map(
            result.incidents, target, areas=result.areas, title=title, choropleth=choropleth, lang=lang, overwrite=True
        )
    else:
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
            lang=lang,
        )
        save_map(m, target, overwrite=True)
    placed = int((result.incidents["status"] == "placed").sum())
    click.echo(f"{target}: {len(result.incidents)} incidents ({placed} placed in Syria)", err=True)
