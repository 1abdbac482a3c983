"""XLSX workbooks, streamed: every sheet's rows in read-only mode, `chunk_rows` at a time, after the archive has
been checked against decompression bombs. The first non-blank row of a sheet is its header; blank rows are left
out; each record keeps its sheet row number.

A sheet's XML is walked here rather than by openpyxl's ``iter_rows``: openpyxl clears each row it has read but
leaves it in the XML tree, about 100 bytes a row that are only freed at the end of the sheet (+15% peak memory from
30,000 to 300,000 rows; 150 MB at 1.5 million). Here each element is dropped from the tree once read; its cells are
still typed by openpyxl's own row parser (shared strings, dates, booleans, errors)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from geomap.exc import InputError
from geomap.io.delimited import clean_header
from geomap.io.limits import MAX_COLUMNS, MAX_WORKBOOK_PART_BYTES, MAX_ZIP_RATIO

__all__ = ["check_archive", "read_workbook"]

_SMALL_PART = 1024 * 1024  # parts this small are never a bomb, whatever their ratio (a styles.xml of blanks)


def check_archive(p: Path) -> None:
    """Refuse an XLSX whose parts would inflate absurdly (a zip bomb) before any part is opened."""
    try:
        with zipfile.ZipFile(p) as z:
            parts = z.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"not an XLSX workbook ({exc})", path=str(p)) from exc
    for part in parts:
        if part.file_size > MAX_WORKBOOK_PART_BYTES:
            size, limit = f"{part.file_size:,}", f"{MAX_WORKBOOK_PART_BYTES:,}"
            msg = f"workbook part {part.filename} inflates to {size} bytes (limit {limit})"
            raise InputError(msg, path=str(p))
        if part.file_size > _SMALL_PART and part.file_size > MAX_ZIP_RATIO * max(part.compress_size, 1):
            ratio = part.file_size // max(part.compress_size, 1)
            msg = f"workbook part {part.filename} inflates {ratio:,} times (limit {MAX_ZIP_RATIO}): a zip bomb?"
            raise InputError(msg, path=str(p))


def _cell(v: Any) -> str | None:
    """A cell as text, as a CSV would give it (numbers and dates written out)."""
    if v is None or isinstance(v, str):
        return v
    if isinstance(v, float) and v.is_integer():
        return str(int(v)) if abs(v) < 1e15 else str(v)
    return str(v)


def _frame(header: list[str], rows: list[list[str | None]], lines: list[int], problems: dict[int, str], name: str):
    df = pd.DataFrame(rows, columns=header, dtype=object) if rows else pd.DataFrame(columns=header)
    if problems:
        df["_problem"] = [problems.get(i) for i in range(len(rows))]
    df["_file"] = name
    df["_line"] = lines
    return df


_DROPPED_DEPTH = 2  # the worksheet's parts (sheetData, hyperlinks) are depth 1; rows and their like depth 2


def _sheet_rows(ws: Any) -> Iterator[tuple[int, list[Any]]]:
    """(sheet row number, cell values from column A to the row's last cell) of a read-only worksheet, each row
    parsed by openpyxl and then dropped from the XML tree, as is every other element of that depth (a hyperlink
    per row), so memory does not grow with the sheet."""
    from openpyxl.worksheet._reader import ROW_TAG, WorkSheetParser
    from openpyxl.xml.functions import iterparse

    wb = ws.parent
    with ws._get_source() as src:
        parser = WorkSheetParser(
            src,
            ws._shared_strings,
            data_only=True,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
        path: list[Any] = []  # the open elements, root first
        for event, el in iterparse(src, events=("start", "end")):
            if event == "start":
                path.append(el)
                continue
            path.pop()
            if len(path) != _DROPPED_DEPTH:
                continue
            if el.tag == ROW_TAG:
                number, cells = parser.parse_row(el)
                parser.row_dimensions.clear()  # row heights: not data, and one entry a row
                values: list[Any] = [None] * max((c["column"] for c in cells), default=0)
                for c in cells:
                    values[c["column"] - 1] = c["value"]
                yield number, values
            el.clear()
            path[-1].remove(el)


def _sheet_records(ws: Any, name: str, p: Path, chunk_rows: int) -> Iterator[pd.DataFrame]:
    """Frames of `chunk_rows` rows of a sheet; if its part is damaged, the rows before the damage, then the error."""
    header: list[str] | None = None
    rows: list[list[str | None]] = []
    lines: list[int] = []
    problems: dict[int, str] = {}
    numbered = _sheet_rows(ws)
    while True:
        try:
            number, raw = next(numbered)
        except StopIteration:
            break
        except Exception:
            if header is not None and rows:
                yield _frame(header, rows, lines, problems, name)
            raise
        cells = [_cell(v) for v in raw]
        if not any(c is not None and str(c).strip() for c in cells):
            continue  # a blank row
        if header is None:
            while cells and (cells[-1] is None or not str(cells[-1]).strip()):
                cells.pop()  # columns past the last header are not columns
            if len(cells) > MAX_COLUMNS:
                raise InputError(f"{len(cells):,} columns (limit {MAX_COLUMNS:,})", path=name, line=number)
            header = clean_header([c or "" for c in cells])
            continue
        width = len(header)
        extra = [c for c in cells[width:] if c is not None and str(c).strip()]
        if extra:
            problems[len(rows)] = f"row has {len(extra)} values right of the last named column (left out)"
        rows.append([*cells[:width], *[None] * (width - len(cells))])
        lines.append(number)
        if len(rows) >= chunk_rows:
            yield _frame(header, rows, lines, problems, name)
            rows, lines, problems = [], [], {}
    if header is not None and rows:
        yield _frame(header, rows, lines, problems, name)


def read_workbook(p: Path, *, sheet: str | None, chunk_rows: int) -> Iterator[pd.DataFrame]:
    """Records of every sheet (or the one named), in sheet order, `chunk_rows` at a time."""
    if p.suffix.lower() == ".xls":
        raise InputError("old Excel .xls workbooks are not read; save it as .xlsx", path=str(p))
    check_archive(p)
    from openpyxl import load_workbook

    try:
        wb = load_workbook(p, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises whatever its XML and zip layers raise: all mean "cannot read"
        raise InputError(f"cannot read the workbook: {type(exc).__name__}: {exc}", path=str(p)) from exc
    try:
        if sheet is not None and sheet not in wb.sheetnames:
            raise InputError(f"no sheet {sheet!r}; sheets: {', '.join(wb.sheetnames)}", path=str(p))
        any_rows = False
        for ws in [wb[sheet]] if sheet is not None else wb.worksheets:
            try:
                for df in _sheet_records(ws, f"{p}[{ws.title}]", p, chunk_rows):
                    any_rows = True
                    yield df
            except InputError:
                raise
            except Exception as exc:  # a damaged sheet part: XML or zip errors
                msg = f"cannot read sheet {ws.title!r}: {type(exc).__name__}: {exc}"
                raise InputError(msg, path=str(p)) from exc
        if not any_rows:
            raise InputError("the workbook has no data", path=str(p))
    finally:
        wb.close()
