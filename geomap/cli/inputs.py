"""Reading command inputs (files, folders, or standard input) into incidents."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

import click

from geomap.cli.options import Progress
from geomap.incidents import ColumnMap, Incidents, MentionScope, geocode_incidents, read_incidents
from geomap.io.readers import expand_inputs, frames_from_text, read_stdin_text


def input_files(inputs: tuple[str, ...], *, outputs: Iterable[Path]) -> tuple[str, ...]:
    """The input files, folders expanded, without this command's own output files: an earlier run's layers in an
    input folder are never read back as records. An output named as an input is refused."""
    if inputs in ((), ("-",)):
        return inputs
    targets = {os.path.realpath(p) for p in outputs}
    for raw in inputs:
        if not os.path.isdir(raw) and os.path.realpath(raw) in targets:
            msg = f"{raw} is also an input: write the output elsewhere"
            raise click.UsageError(msg)
    files = [f for f in expand_inputs(inputs) if os.path.realpath(f) not in targets]
    if not files:
        msg = "no input files besides this command's own outputs"
        raise click.UsageError(msg)
    return tuple(map(str, files))


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
        text = read_stdin_text(getattr(sys.stdin, "buffer", None), encoding=encoding)
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
