"""JSON Lines: the one parser, for a whole file or a byte range of it.

A file is read as bytes split at newlines (JSON Lines' separator), each line decoded with the file's encoding, so
a byte range cut at a line start reads exactly the records the whole-file reader gives for those lines, with the
same line numbers. Files in UTF-16/32 (where a newline is not one byte, so they cannot be cut in byte ranges) are
streamed through an incremental decoder (`geomap.io.encoding.wide_lines`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import pandas as pd

from geomap.exc import InputError
from geomap.io.delimited import BOOKKEEPING
from geomap.io.encoding import ascii_compatible, record_too_long, wide_lines
from geomap.io.limits import MAX_RECORD_BYTES

__all__ = ["TOO_DEEP", "flatten", "jsonl_cuts", "read_jsonl", "records_frame"]

TOO_DEEP = "JSON nested too deeply to be a record (thousands of levels)"


def flatten(rec: dict[Any, Any]) -> dict[str, Any]:
    """Nested objects and lists become JSON text cells; keys become strings (a key called like one of the readers'
    `BOOKKEEPING` columns gets ``.2``, so it does not hide where the record came from)."""
    return {
        (f"{k}.2" if k in BOOKKEEPING else str(k)): (
            json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v
        )
        for k, v in rec.items()
    }


def records_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A DataFrame of records (an empty one still has the bookkeeping columns)."""
    df = pd.DataFrame(rows)
    if df.empty:
        df = pd.DataFrame({"_file": pd.Series(dtype=str), "_line": pd.Series(dtype=int)})
    return df


def _record(line: str, path: str, lineno: int) -> dict[str, Any]:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON ({exc.msg} at column {exc.colno})", path=path, line=lineno) from exc
    except RecursionError:
        raise InputError(TOO_DEEP, path=path, line=lineno) from None
    if isinstance(rec, str):
        rec = {"text": rec}
    if not isinstance(rec, dict):
        raise InputError(f"expected a JSON object per line, got {type(rec).__name__}", path=path, line=lineno)
    return {**flatten(rec), "_file": path, "_line": lineno}


def _lines(path: str, encoding: str, start: int, end: int | None, first_line: int) -> Iterator[tuple[int, str]]:
    """(line number, decoded line) for the byte range [start, end), which starts at a line start."""
    if not ascii_compatible(encoding):
        yield from wide_lines(path, encoding, first_line)
        return
    with open(path, "rb") as fh:
        fh.seek(start)
        pos = start
        lines = iter(lambda: fh.readline(MAX_RECORD_BYTES + 1), b"")
        for lineno, raw in enumerate(lines, start=first_line):
            if end is not None and pos >= end:
                return
            if len(raw) > MAX_RECORD_BYTES:
                raise record_too_long(path, lineno)
            pos += len(raw)
            try:
                yield lineno, raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"cannot decode as {encoding}: {exc.reason}", path=path, line=lineno) from exc


def read_jsonl(
    path: str | os.PathLike[str],
    *,
    encoding: str,
    chunk_rows: int,
    start: int = 0,
    end: int | None = None,
    first_line: int = 1,
) -> Iterator[pd.DataFrame]:
    """Records of a JSON Lines file (or of the byte range [start, end) of it), `chunk_rows` at a time; at a line
    that cannot be read, the records before it, then the error."""
    path = str(path)
    rows: list[dict[str, Any]] = []
    any_line = False
    try:
        for lineno, line in _lines(path, encoding, start, end, first_line):
            any_line = True
            if not line.strip():
                continue
            rows.append(_record(line, path, lineno))
            if len(rows) >= chunk_rows:
                yield records_frame(rows)
                rows = []
    except InputError:
        if rows:
            yield records_frame(rows)
        raise
    if rows or not any_line:
        yield records_frame(rows)


def jsonl_cuts(path: str | os.PathLike[str], block_bytes: int) -> list[tuple[int, int, int]]:
    """(start byte, end byte, first line number) ranges covering a JSON Lines file, cut at line starts, each
    about `block_bytes` long."""
    size = os.path.getsize(path)
    cuts = []
    start, line = 0, 1
    with open(path, "rb") as fh:
        while start < size:
            fh.seek(min(start + block_bytes, size))
            fh.readline()  # finish the line the cut fell in
            end = min(fh.tell(), size)
            fh.seek(start)
            lines = fh.read(end - start).count(b"\n")
            cuts.append((start, end, line))
            line += lines
            start = end
    return cuts
