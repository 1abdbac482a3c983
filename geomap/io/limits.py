"""What one input may cost: the bounds every reader enforces, in one place (the README's safety section quotes
them). Past a bound the file is refused with a one-line error naming it (and the line), never read until memory
runs out."""

from __future__ import annotations

__all__ = [
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_RECORD_BYTES",
    "MAX_WHOLE_FILE_BYTES",
    "MAX_WORKBOOK_PART_BYTES",
    "MAX_WORKERS",
    "MAX_ZIP_RATIO",
]

MAX_CELL_CHARS = 16 * 1024 * 1024  # one CSV/TSV cell: a long article fits; one past this is not a table's cell
MAX_RECORD_BYTES = 64 * 1024 * 1024  # one JSON Lines record (one line), and standard input: a 20 MB report fits
MAX_WHOLE_FILE_BYTES = 512 * 1024 * 1024  # files parsed whole (.txt, .md, .json, .geojson)
MAX_COLUMNS = 10_000  # columns of a table (or distinct fields in a chunk of records): ACLED has 31
MAX_WORKERS = 256  # --workers: local processes or threads; more only thrash (and a typo of 10000 starts 10000)
MAX_ZIP_RATIO = 200  # uncompressed / compressed size of an XLSX part: real sheets compress 5-30 times
MAX_WORKBOOK_PART_BYTES = 2 * 1024 * 1024 * 1024  # one uncompressed part of an XLSX (a sheet, the shared strings)
