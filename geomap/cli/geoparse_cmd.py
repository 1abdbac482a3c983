"""`geomap geoparse`: place mentions in text, as JSON Lines, GeoJSON or CSV."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from geomap.cli.options import handle_errors
from geomap.incidents.schema import ColumnMap
from geomap.io.readers import iter_records, read_stdin_text
from geomap.io.writers import safe_cell

_CSV_FIELDS = [
    "record",
    "start",
    "end",
    "text",
    "place_id",
    "pcode",
    "name_ar",
    "name_en",
    "kind",
    "relation",
    "in_syria",
    "lat",
    "lon",
    "precision",
    "confidence",
]


@click.command()
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "geojson", "csv"]),
    default="jsonl",
    help="one JSON object per mention (default), a GeoJSON FeatureCollection, or CSV",
)
@click.option("--text-column", default=None, help="text field of .jsonl/.csv records")
@click.option("--encoding", default=None, help="input encoding (detected when not given)")
@click.option("--syria-only", is_flag=True, help="leave out places outside Syria")
@handle_errors
def geoparse(source: str, fmt: str, text_column: str | None, encoding: str | None, syria_only: bool) -> None:
    """Find and resolve every place mention; offsets index the text as given (UTF-8 characters).

    \b
    Example:
      echo "اشتباكات في ريف حلب الشرقي وقصف على بلدة سرمدا" | geomap geoparse -
      geomap geoparse report.txt --format geojson > mentions.geojson
    """
    from geomap.geoparse import geoparse as run

    out = sys.stdout
    records = _records(source, text_column, encoding)
    writer = csv.DictWriter(out, fieldnames=_CSV_FIELDS, extrasaction="ignore") if fmt == "csv" else None
    if writer:
        writer.writeheader()
    features = []
    for record_id, text in records:
        for m in run(text):
            if syria_only and not m.in_syria:
                continue
            row = {"record": record_id, **m.to_dict()}
            if fmt == "jsonl":
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            elif writer:
                writer.writerow({k: safe_cell(v) for k, v in row.items()})
            else:
                features.append(
                    {
                        "type": "Feature",
                        "properties": row,
                        "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]}
                        if row["lat"] is not None
                        else None,
                    }
                )
    if fmt == "geojson":
        out.write(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False) + "\n")


def _records(source: str, text_column: str | None, encoding: str | None) -> list[tuple[str, str]]:
    if source == "-":
        return [("stdin", read_stdin_text(getattr(sys.stdin, "buffer", None), encoding=encoding))]
    path = Path(source)
    if not path.exists():
        raise click.BadParameter(f"{source}: no such file", param_hint="FILE")
    out = []
    for chunk in iter_records(path, encoding=encoding):
        cols = ColumnMap.from_options(text_column=text_column).recognise(chunk.columns)
        tcol, icol = cols.get("text"), cols.get("id")
        if tcol is None:
            raise click.ClickException(f"{source}: no text column; name it with --text-column")
        for rec in chunk.to_dict("records"):
            text = rec.get(tcol)
            if isinstance(text, str) and text.strip():
                out.append((str(rec.get(icol) if icol else rec["_line"]), text))
    return out
