"""Options and plumbing shared by every command: input column names, encoding, output safety, progress, errors."""

from __future__ import annotations

import functools
import logging
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import click

from geomap.exc import GeomapError, InputError, OutputError
from geomap.incidents.schema import OPTION_ROLES, ColumnMap

log = logging.getLogger("geomap")


def column_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """--text-column, --location-column, --date-column, --lat-column, --lon-column, --id-column, --encoding."""
    for name, help_text in reversed(
        [
            ("--text-column", "column holding report text (default: notes, text, body ...)"),
            ("--location-column", "column holding place names (default: location, place ...)"),
            ("--date-column", "column holding dates (default: event_date, date ...)"),
            ("--lat-column", "column holding latitudes (default: latitude, lat)"),
            ("--lon-column", "column holding longitudes (default: longitude, lon, lng)"),
            ("--id-column", "column holding incident ids (default: event_id_cnty, id)"),
            ("--encoding", "input encoding; detected when not given (UTF-8, UTF-16, Windows-1256 ...)"),
        ]
    ):
        f = click.option(name, default=None, metavar="NAME", help=help_text)(f)
    return f


class ClosedOutput:
    """Standard output when the process was started with it closed: writing to it is one clear error."""

    def write(self, text: str) -> int:
        msg = "standard output is closed: redirect it (> file) or name an output file with -o"
        raise OutputError(msg)

    def flush(self) -> None:
        """Nothing was written."""


def output_options(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option("--overwrite", is_flag=True, help="replace OUT if it exists (refused otherwise)")(f)
    return f


def column_map(kw: dict[str, Any]) -> ColumnMap:
    """The column choices of the command line (popped from the command's keyword arguments), decided once here and
    passed down as they are."""
    return ColumnMap.from_options(**{k: kw.pop(k) for k in OPTION_ROLES if k in kw})


def handle_errors(f: Callable[..., Any]) -> Callable[..., Any]:
    """Library errors become one line on stderr: exit 1 for bad data, 2 for usage; a traceback only with -v."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        verbose = (ctx.find_root().params or {}).get("verbose", 0)
        try:
            return f(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            # `geomap geoparse big.txt | head`: the reader left; stop quietly like other Unix tools.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(0)
        except (InputError, OutputError) as exc:
            if verbose:
                log.exception("details")
            raise click.ClickException(str(exc)) from exc
        except GeomapError as exc:
            if verbose:
                log.exception("details")
            raise click.ClickException(str(exc)) from exc
        except (ValueError, OSError) as exc:
            if verbose:
                raise
            raise click.ClickException(f"{type(exc).__name__}: {exc}") from exc

    return wrapper


class Progress:
    """A tqdm bar on stderr when stderr is a terminal and not --quiet; a no-op otherwise."""

    def __init__(self, total: int | None, desc: str) -> None:
        ctx = click.get_current_context(silent=True)
        quiet = bool(ctx and (ctx.find_root().params or {}).get("quiet"))
        self.bar = None
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=desc, unit="rec", file=sys.stderr, leave=False)

    def __call__(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def warn(message: str) -> None:
    ctx = click.get_current_context(silent=True)
    if ctx and (ctx.find_root().params or {}).get("quiet"):
        return
    click.echo(f"warning: {message}", err=True)


class Tally:
    """Counts placed and unplaced incidents (with reasons) as parts stream past."""

    def __init__(self) -> None:
        self.total = 0
        self.placed = 0
        self.reasons: Counter[str] = Counter()

    def add(self, incidents: Any) -> None:
        self.total += len(incidents)
        self.placed += int((incidents["status"] == "placed").sum())
        self.reasons.update(incidents.loc[incidents["status"] != "placed", "reason"].fillna("unknown").tolist())

    def watch(self, parts: Iterable[Any]) -> Iterator[Any]:
        for part in parts:
            self.add(part.incidents)
            yield part

    def warn_unplaced(self) -> None:
        """A partial failure is a warning with counts, not a crash."""
        if self.placed < self.total:
            detail = "; ".join(f"{n}× {r}" for r, n in self.reasons.most_common(5))
            warn(f"{self.total - self.placed} of {self.total} incidents not placed in Syria ({detail})")


def report_unplaced(incidents: Any) -> None:
    tally = Tally()
    tally.add(incidents)
    tally.warn_unplaced()
