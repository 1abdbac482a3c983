"""`geomap incidents`: reports or tables in, GIS layers out."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from geomap.cli.inputs import input_files, load_incidents
from geomap.cli.options import Progress, Tally, column_map, column_options, handle_errors, output_options
from geomap.incidents import ColumnMap, Incidents, MentionScope, iter_incidents, merged_parts
from geomap.io.limits import MAX_WORKERS
from geomap.layers import LayerFormat, layer_extension, layer_paths, write_layers


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
    type=click.Choice([f.value for f in LayerFormat]),
    default="geojson",
    help="format of the files in --layers-dir",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="processes|threads|ADDRESS",
    help="run on Dask (needs geomap[dask]): a local cluster of processes, threads, or a scheduler address; "
    "the outputs are the same files, rows, ids and order as without it",
)
@click.option(
    "--workers",
    type=click.IntRange(1, MAX_WORKERS),
    default=None,
    help=f"Dask workers (with --scheduler; at most {MAX_WORKERS})",
)
@click.option(
    "--merge/--no-merge",
    default=True,
    help="one incident per event across reports (same type, day ±1 and place), listing every source (default; "
    "past 100,000 incidents the parts wait on disk beside the outputs); --no-merge keeps every report and streams",
)
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
    merge: bool,
    encoding: str | None,
    overwrite: bool,
    **kw: str | None,
) -> None:
    """Place every input record and write layers that QGIS, kepler.gl and geopandas open as they are.

    \b
    Example:
      geomap incidents incidents.csv reports/ -o incidents.gpkg
      geomap incidents archive/*.jsonl -o incidents.parquet --scheduler processes --workers 2
    """
    if output is None and layers_dir is None:
        raise click.UsageError("give -o/--output or --layers-dir")
    if workers is not None and not scheduler:
        raise click.UsageError("--workers needs --scheduler (without it geomap runs in this one process)")
    if scheduler and (inputs == ("-",) or not inputs):
        raise click.UsageError("--scheduler reads files: name them (standard input is one report)")
    targets = layer_paths(
        Path(output) if output else None, Path(layers_dir) if layers_dir else None, layer_extension(layers_format)
    )
    taken = [p for p in targets if p.exists() or p.is_symlink()]
    if taken and not overwrite:  # refused before any work
        raise click.ClickException(f"{taken[0]} exists; pass --overwrite to replace it")
    inputs = input_files(inputs, outputs=targets)
    columns = column_map(kw)
    # The mentions layer is written into --layers-dir and into a GeoPackage; otherwise texts are geoparsed only
    # where a record has neither usable coordinates nor a location name the geocoder knows.
    wanted = layers_dir is not None or (output is not None and Path(output).suffix.lower() == ".gpkg")
    mentions = MentionScope.ALL if wanted else MentionScope.NONE
    tally = Tally()
    staging = Path(layers_dir) if layers_dir else Path(output).parent
    with _parts(inputs, scheduler, workers, encoding, columns, mentions, staging=staging, merge=merge) as parts:
        written = write_layers(
            tally.watch(parts), output, layers_dir=layers_dir, fmt=layers_format, overwrite=overwrite
        )
    tally.warn_unplaced()
    for path in written:
        click.echo(str(path), err=True)


def _existing(folder: Path) -> Path:
    """`folder`, or its nearest ancestor that exists (the outputs' folder may not be made yet)."""
    folder = folder.resolve()
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    return folder


@contextlib.contextmanager
def _parts(
    inputs: tuple[str, ...],
    scheduler: str | None,
    workers: int | None,
    encoding: str | None,
    columns: ColumnMap,
    mentions: MentionScope,
    *,
    staging: Path,
    merge: bool,
) -> Iterator[Iterable[Incidents]]:
    """The placed parts, in input order: from standard input, streamed from the files, or computed on Dask; with
    `merge`, the reports of one event merged (once all are placed: they may be in any two parts)."""
    if inputs == ("-",) or not inputs:
        yield [load_incidents(inputs, encoding=encoding, columns=columns, mentions=mentions, merge=merge)]
    elif scheduler:
        from geomap.dask import corpus_parts

        with corpus_parts(
            list(inputs),
            staging_dir=staging,
            scheduler=scheduler,
            workers=workers,
            encoding=encoding,
            columns=columns,
            mentions=mentions,
            merge=merge,
        ) as parts:
            yield parts
    else:
        # Large inputs stream: each chunk is placed and appended to the outputs, never all held at once.
        bar = Progress(None, "placing incidents")
        try:
            parts = iter_incidents(list(inputs), encoding=encoding, columns=columns, mentions=mentions, progress=bar)
            yield merged_parts(parts, _existing(staging)) if merge else parts
        finally:
            bar.close()
