"""The `geomap` command line: a thin layer over the library (one module per command)."""

from __future__ import annotations

import logging
import signal
import sys

import click

from geomap import __version__
from geomap.cli.gazetteer_cmd import gazetteer
from geomap.cli.geocode_cmd import geocode, reverse
from geomap.cli.geoparse_cmd import geoparse
from geomap.cli.incidents_cmd import incidents
from geomap.cli.map_cmd import map_command
from geomap.cli.options import ClosedOutput
from geomap.geoparse import COMPILED

__all__ = ["main"]

_BUILD = "compiled" if COMPILED else "pure Python"  # which build runs, for figures and bug reports


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(__version__, prog_name="geomap", message=f"%(prog)s %(version)s (geoparser: {_BUILD})")
@click.option("-v", "--verbose", count=True, help="more detail on stderr; tracebacks for errors")
@click.option("-q", "--quiet", is_flag=True, help="no progress bars or warnings")
def main(verbose: int, quiet: bool) -> None:
    """Arabic reporting about Syria to maps: find places in text, geocode incident tables, write GeoJSON layers
    and HTML maps. Everything runs locally against the shipped gazetteer; no network is needed.

    \b
    Examples:
      echo "قصف مدفعي على بلدة سرمدا بريف إدلب الشمالي" | geomap geoparse -
      geomap map reports.jsonl incidents.csv -o map.html
      geomap incidents incidents.csv -o incidents.geojson --layers-dir layers/
      geomap geocode "Northern Hama Governorate" "البادية السورية"
      geomap reverse 36.18 36.72
    """
    # SIGTERM (a stopped job, a killed container) unwinds like Ctrl-C, so no half-written temporary file is left.
    signal.signal(signal.SIGTERM, _terminated)
    if sys.stdout is None:  # started with standard output closed
        sys.stdout = ClosedOutput()
    level = logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(message)s")
    for handler in logging.getLogger().handlers:  # libraries that set their own loggers' levels (Dask) included
        handler.setLevel(level)


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


main.add_command(map_command)
main.add_command(incidents)
main.add_command(geoparse)
main.add_command(geocode)
main.add_command(reverse)
main.add_command(gazetteer)
