"""`geomap incidents`: reports or tables in, GIS layers out."""

from __future__ import annotations

from pathlib import Path

import click

from geomap.cli.inputs import load_incidents
from geomap.cli.options import Progress, Tally, column_kwargs, column_options, handle_errors, output_options


@click.command()
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="incidents layer: .geojson, .gpkg (every layer), .parquet or .csv (ACLED column order)",
)
@click.option(
    "--layers-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="write every layer (incidents, areas, mentions, counts_admin1..3) into this folder",
)
@click.option(
    "--layers-format",
    type=click.Choice(["geojson", "parquet", "csv"]),
    default="geojson",
    help="format of the files in --layers-dir",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="local|threads|processes|ADDRESS",
    help="run on Dask (needs geomap[dask]); writes partitioned GeoParquet into --layers-dir",
)
@click.option("--workers", type=int, default=None, help="Dask workers (with --scheduler)")
@column_options
@output_options
@handle_errors
def incidents(
    inputs: tuple[str, ...],
    output: str | None,
    layers_dir: str | None,
    layers_format: str,
    scheduler: str | None,
    workers: int | None,
    encoding: str | None,
    overwrite: bool,
    **kw: str | None,
) -> None:
    """Place every input record and write layers that QGIS, kepler.gl and geopandas open as they are.

    \b
    Example:
      geomap incidents incidents.csv reports/ -o incidents.gpkg
      geomap incidents archive/*.jsonl --scheduler processes --workers 2 --layers-dir out/
    """
    if output is None and layers_dir is None:
        raise click.UsageError("give -o/--output or --layers-dir")
    if output and Path(output).exists() and not overwrite:
        raise click.ClickException(f"{output} exists; pass --overwrite to replace it")
    columns = column_kwargs(kw)
    if scheduler:
        from geomap.dask import process_corpus

        if not layers_dir:
            raise click.UsageError("--scheduler writes partitioned GeoParquet: give --layers-dir")
        summary = process_corpus(list(inputs), layers_dir, scheduler=scheduler, workers=workers, **columns)
        click.echo(
            f"{layers_dir}: {summary['incidents']} incidents in {summary['partitions']} partitions "
            f"({summary['placed']} placed)",
            err=True,
        )
        return
    from geomap.incidents import iter_incidents
    from geomap.layers import write_layers

    tally = Tally()
    if inputs == ("-",) or not inputs:
        parts = [load_incidents(inputs, encoding=encoding, columns=columns)]
    else:
        # Large inputs stream: each chunk is placed and appended to the outputs, never all held at once.
        bar = Progress(None, "placing incidents")
        parts = iter_incidents(list(inputs), encoding=encoding, progress=bar, **columns)
    written = write_layers(tally.watch(parts), output, layers_dir=layers_dir, fmt=layers_format, overwrite=overwrite)
    tally.warn_unplaced()
    for path in written:
        click.echo(str(path), err=True)
