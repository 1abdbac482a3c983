"""Reading command inputs (files, folders, or standard input) into incidents."""

from __future__ import annotations

import sys

import click

from geomap.cli.options import Progress
from geomap.incidents import ColumnMap, Incidents, MentionScope, geocode_incidents, read_incidents
from geomap.io.readers import frames_from_text, read_stdin_text


def load_incidents(
    inputs: tuple[str, ...],
    *,
    encoding: str | None,
    columns: ColumnMap,
    mentions: MentionScope = MentionScope.ALL,
    merge: bool = True,
) -> Incidents:
    """Incidents from the named inputs; ``-`` reads one report from standard input. `merge`: one incident per
    event across reports."""
    if not inputs:
        raise click.UsageError("give at least one INPUT (a file, a folder, or - for standard input)")
    if inputs == ("-",):
        text = read_stdin_text(sys.stdin.buffer.read(), encoding=encoding)
        if not text.strip():
            raise click.UsageError("standard input is empty")
        result = geocode_incidents(
            frames_from_text(text), columns=columns, return_all=True, mentions=mentions, merge=merge
        )
    else:
        bar = Progress(None, "placing incidents")
        try:
            result = read_incidents(
                list(inputs),
                encoding=encoding,
                columns=columns,
                return_all=True,
                mentions=mentions,
                progress=bar,
                merge=merge,
            )
        finally:
            bar.close()
    assert isinstance(result, Incidents)
    return result
