"""CSV and TSV: the header (delimiter sniffed, blank lines before it skipped, names cleaned), then the rows as
columns, chunk by chunk, each with the physical line it starts on; for a whole file or a byte range of it.

A file in an encoding where a newline is one byte can be cut into ranges at line ends that are not inside a quoted
field (an even number of quote characters since the data began); each range is read on its own with the file's
header and gives exactly the rows, line numbers and problems the whole-file reader gives for those lines.
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from geomap.exc import InputError
from geomap.io.encoding import ascii_compatible, wide_lines
from geomap.io.limits import MAX_CELL_CHARS, MAX_COLUMNS

__all__ = ["BOOKKEEPING", "Layout", "clean_header", "delimited_cuts", "read_delimited", "read_layout"]

BOOKKEEPING = ("_file", "_line", "_problem")  # columns every reader adds: where a record came from, what is wrong

SNIFFED = ",;\t|"  # delimiters a CSV's first line is sniffed for
csv.field_size_limit(MAX_CELL_CHARS)


@dataclass(frozen=True)
class Layout:
    """What every part of a delimited file needs to be read on its own."""

    header: tuple[str, ...]
    delimiter: str
    data_start: int  # byte offset of the line after the header (when the encoding allows byte offsets)
    data_line: int  # number of that line


def clean_header(header: list[str]) -> list[str]:
    """Blank headers get `column_N`; repeated ones, and the readers' own `BOOKKEEPING` names, `name.2`, `name.3`
    (nothing is dropped)."""
    out: list[str] = []
    seen: dict[str, int] = dict.fromkeys(BOOKKEEPING, 1)  # a column called _line must not hide the line number
    for i, h in enumerate(header, start=1):
        name = h.strip().lstrip("\ufeff") or f"column_{i}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 1
        out.append(name)
    return out


def _header(reader: Iterator[list[str]], path: str) -> list[str]:
    header: list[str] = []
    while not any(c.strip() for c in header):  # blank lines before the header are skipped
        try:
            header = next(reader)
        except StopIteration:
            raise InputError("empty file (no header row)", path=path) from None
        except UnicodeDecodeError as exc:
            line = getattr(reader, "line_num", 0) + 1
            raise InputError(f"cannot decode: {exc.reason}", path=path, line=line) from exc
        except csv.Error as exc:
            raise InputError(
                f"unreadable CSV header: {exc}", path=path, line=getattr(reader, "line_num", None)
            ) from exc
    if len(header) > MAX_COLUMNS:
        raise InputError(f"{len(header):,} columns (limit {MAX_COLUMNS:,})", path=path, line=reader.line_num)
    return clean_header(header)


def _offset_after_lines(path: str, n_lines: int) -> int:
    """Byte offset just past the first `n_lines` lines (\\n, \\r\\n or a lone \\r ends a line)."""
    if n_lines == 0:
        return 0
    seen = 0
    with open(path, "rb") as fh:
        data = fh.read(1 << 20)
        pos = 0
        while data:
            i = pos
            while i < len(data):
                c = data[i]
                if c == 0x0A or (c == 0x0D and (i + 1 >= len(data) or data[i + 1] != 0x0A)):
                    seen += 1
                    if seen == n_lines:
                        return fh.tell() - len(data) + i + 1
                i += 1
            data, pos = data[-1:] + fh.read(1 << 20), 1  # keep the last byte to see a \r\n across reads
    return os.path.getsize(path)


@contextlib.contextmanager
def _text_lines(path: str, encoding: str) -> Iterator[Iterator[str]]:
    """The lines of a file, with their line ends, for a csv reader: the file itself where a newline is one byte,
    else lines decoded piece by piece (UTF-16), so decode errors name their line there too."""
    if ascii_compatible(encoding):
        with open(path, encoding=encoding, errors="strict", newline="") as fh:
            yield fh
        return
    lines = wide_lines(path, encoding)
    try:
        yield (line + "\n" for _, line in lines)
    finally:
        lines.close()


def _open_reader(
    lines: Iterator[str], path: str, encoding: str, delimiter: str | None
) -> tuple[Iterator[list[str]], str, list[str]]:
    """A csv reader positioned after the header, the delimiter (sniffed on the first line unless given), the header."""
    if delimiter is None:
        head: list[str] = []
        try:
            for line in lines:
                head.append(line)
                if line.strip():
                    break
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot decode as {encoding}: {exc.reason}", path=path) from exc
        first = head[-1].rstrip("\r\n") if head else ""
        try:
            delimiter = csv.Sniffer().sniff(first or ",", SNIFFED).delimiter
        except csv.Error:
            delimiter = ","
        lines = itertools.chain(head, lines)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    return reader, delimiter, _header(reader, path)


def read_layout(path: str | os.PathLike[str], *, encoding: str, delimiter: str | None = None) -> Layout:
    """The header, delimiter (sniffed on the first line unless given) and where the data starts."""
    path = str(path)
    with _text_lines(path, encoding) as lines:
        reader, delimiter, header = _open_reader(lines, path, encoding, delimiter)
        count = reader.line_num
    start = _offset_after_lines(path, count) if ascii_compatible(encoding) else 0
    return Layout(tuple(header), delimiter, start, count + 1)


def _frame(
    header: tuple[str, ...], rows: list[list[str]], lines: list[int], problems: dict[int, str], path: str
) -> pd.DataFrame:
    # Cells stay Python strings (object columns): the quickest frame to build, and read once by the placing.
    df = pd.DataFrame(rows, columns=list(header), dtype=object) if rows else pd.DataFrame(columns=list(header))
    if problems:
        df["_problem"] = [problems.get(i) for i in range(len(rows))]
    df["_file"] = path
    df["_line"] = lines
    return df


def _rows(
    reader: Iterator[list[str]], header: tuple[str, ...], delimiter: str, path: str, lines_before: int, chunk_rows: int
) -> Iterator[pd.DataFrame]:
    """Frames of `chunk_rows` rows (`lines_before` the reader's first line in the file); ragged rows are padded or
    have their extra cells joined into the last column. At a row that cannot be read, the rows before it, then
    the error."""
    width = len(header)
    rows: list[list[str]] = []
    lines: list[int] = []
    problems: dict[int, str] = {}  # row in the chunk -> what is wrong with it
    start_line = lines_before + reader.line_num + 1
    try:
        for cells in reader:
            if len(cells) != width or not cells[0].strip():
                if not any(c.strip() for c in cells):
                    start_line = lines_before + reader.line_num + 1
                    continue  # a blank row
                if len(cells) != width:
                    problems[len(rows)] = f"row has {len(cells)} fields, the header {width}"
                    cells = _fit(cells, width, delimiter)
            rows.append(cells)
            lines.append(start_line)
            start_line = lines_before + reader.line_num + 1
            if len(rows) >= chunk_rows:
                yield _frame(header, rows, lines, problems, path)
                rows, lines, problems = [], [], {}
    except (csv.Error, UnicodeDecodeError, InputError) as exc:
        if rows:  # the rows before the one that cannot be read, then the error
            yield _frame(header, rows, lines, problems, path)
        if isinstance(exc, InputError):  # from the decoding of UTF-16 lines, naming its line
            raise
        why = _row_error(exc) if isinstance(exc, csv.Error) else f"cannot decode: {exc.reason}"
        raise InputError(why, path=path, line=start_line) from exc
    yield _frame(header, rows, lines, problems, path)


def _row_error(exc: csv.Error) -> str:
    """What a strict csv reader's complaint means for the person holding the file."""
    text = str(exc)
    if "field larger than field limit" in text:
        return f"a cell is longer than {MAX_CELL_CHARS // (1024 * 1024)} MiB (the limit for one cell)"
    if "unexpected end of data" in text or "expected after" in text:
        # Read leniently, the quote would swallow every following record into one cell: refused, never dropped.
        return f"a quote opened in this record is never closed (or only by a later record's quote): {text}"
    return f"unreadable CSV row: {text}"


def _fit(cells: list[str], width: int, delimiter: str) -> list[str | None]:
    """A ragged row to the header's width: missing cells empty, extra cells joined into the last column."""
    if len(cells) > width:
        return [*cells[: width - 1], delimiter.join(cells[width - 1 :])]
    return [*cells, *[None] * (width - len(cells))]


def read_delimited(
    path: str | os.PathLike[str],
    *,
    encoding: str,
    chunk_rows: int,
    delimiter: str | None = None,
    layout: Layout | None = None,
    start: int | None = None,
    end: int | None = None,
    first_line: int | None = None,
) -> Iterator[pd.DataFrame]:
    """Rows of a CSV/TSV file (or of its byte range [start, end), given the file's `layout`)."""
    path = str(path)
    if layout is None or start is None:
        with _text_lines(path, encoding) as lines:
            reader, delimiter, header = _open_reader(lines, path, encoding, delimiter)
            yield from _rows(reader, tuple(header), delimiter, path, 0, chunk_rows)
        return
    with open(path, "rb") as fh:
        fh.seek(start)
        data = fh.read((end if end is not None else os.path.getsize(path)) - start)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot decode as {encoding}: {exc.reason}", path=path, line=first_line) from exc
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=layout.delimiter, strict=True)
    lines_before = (first_line or layout.data_line) - 1
    yield from _rows(reader, layout.header, layout.delimiter, path, lines_before, chunk_rows)


def delimited_cuts(path: str | os.PathLike[str], layout: Layout, block_bytes: int) -> list[tuple[int, int, int]]:
    """(start byte, end byte, first line number) ranges covering the data of a delimited file, each about
    `block_bytes` long, cut only at line ends outside quoted fields."""
    size = os.path.getsize(path)
    cuts = []
    start, line = layout.data_start, layout.data_line
    pos, lines, quotes = start, line, 0
    with open(path, "rb") as fh:
        fh.seek(start)
        for raw in fh:
            pos += len(raw)
            lines += raw.count(b"\n") + raw.count(b"\r") - raw.count(b"\r\n")
            quotes += raw.count(b'"')
            if pos - start >= block_bytes and quotes % 2 == 0 and raw.endswith(b"\n"):
                cuts.append((start, pos, line))
                start, line = pos, lines
    if start < size or not cuts:
        cuts.append((start, size, line))
    return cuts
