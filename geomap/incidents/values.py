"""Value repair over whole columns: text cells, numbers (Arabic-Indic digits, comma decimals), coordinates (range,
swapped axes, Syria's bounding box), counts and event dates.

Each function takes a column (a pandas Series or an object array of cleaned strings) and returns arrays of the
same length; a value is parsed once however often it repeats, since tables repeat dates, names and counts.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from geomap.dates import LATEST_AFTER_REPORT, date_in_text, parse_date
from geomap.earth import SYRIA_BBOX

__all__ = [
    "Coordinates",
    "Counts",
    "EventDates",
    "attribute",
    "clean_strings",
    "counts",
    "event_dates",
    "integers",
    "map_distinct",
    "missing",
    "numbers",
    "parse_number",
    "present",
    "repair_coordinates",
]

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩٫", "0123456789.")  # Arabic-Indic digits and decimal separator
SWAPPED = "latitude and longitude were swapped"
NOT_NUMBERS = "coordinates are not numbers"
NULL_ISLAND = "coordinates (0, 0) are taken as none given"  # an export's placeholder, never an event at sea


def present(values: np.ndarray) -> np.ndarray:
    """Bool array: which entries of an object array are not None (nor NaN)."""
    return pd.notna(values)


def missing(values: np.ndarray) -> np.ndarray:
    """Bool array: which entries of an object array are None (or NaN)."""
    return pd.isna(values)


def attribute(objects: np.ndarray, name: str) -> np.ndarray:
    """An attribute of each object of an object array (None stays None)."""
    out = np.empty(len(objects), dtype=object)
    out[:] = [getattr(o, name) if o is not None else None for o in objects]
    return out


def _clean(v: Any) -> str | None:
    if isinstance(v, str):
        return v.strip() or None
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
        return None
    return str(v).strip() or None


def clean_strings(values: pd.Series | None, n: int = 0) -> np.ndarray:
    """Cells as stripped strings, None where missing or blank (numbers become their text). `None` gives `n` Nones."""
    if values is None:
        return np.full(n, None, dtype=object)
    if values.dtype != object:  # string or numeric columns: stripped in one pass
        text = values.astype("str").str.strip()
        return text.where(text != "").to_numpy(dtype=object, na_value=None)
    out = np.empty(len(values), dtype=object)
    out[:] = [(v.strip() or None) if type(v) is str else _clean(v) for v in values.to_numpy()]
    return out


def map_distinct(values: np.ndarray, fn: Callable[[Any], Any]) -> np.ndarray:
    """`fn` applied once per distinct non-missing value, spread back over the column (None stays None)."""
    out = np.full(len(values), None, dtype=object)
    known = present(values)
    if not known.any():
        return out
    codes, uniques = pd.factorize(values[known])
    results = np.empty(len(uniques), dtype=object)
    results[:] = [fn(u) for u in uniques]
    out[known] = results[codes]
    return out


def parse_number(s: str | None) -> float | None:
    """A number written with Arabic-Indic digits or a decimal comma; None if not a finite number."""
    if s is None:
        return None
    try:
        x = float(s.translate(_DIGITS).replace(",", "."))
    except ValueError:
        return None
    return x if math.isfinite(x) else None


def numbers(values: np.ndarray) -> np.ndarray:
    """Cleaned strings to floats, NaN where a cell is not a finite number (as `parse_number` reads each)."""
    known = present(values)
    out = np.full(len(values), np.nan)
    try:  # clean columns in one pass: float() of each cell, in C
        out[known] = values[known].astype(float)
    except ValueError:  # decimal commas, the Arabic decimal separator, words: cell by cell
        return map_distinct(values, parse_number).astype(float)  # None becomes NaN
    out[~np.isfinite(out)] = np.nan
    return out


def integers(values: np.ndarray) -> np.ndarray:
    """Cleaned strings to ints (fractions truncated), None where a cell is not a number."""
    return map_distinct(values, lambda s: None if (x := parse_number(s)) is None else int(x))


@dataclass(frozen=True)
class Counts:
    """Whole non-negative numbers read from a column (None where unreadable) and why a present cell was not."""

    values: np.ndarray
    problems: np.ndarray


_THOUSANDS = re.compile(r"^\d{1,3}(?:[,٬]\d{3})+$")  # 1,234 and 12,345,678: a thousands separator, not a decimal


def _count(s: str) -> tuple[int | None, str | None]:
    digits = s.translate(_DIGITS)
    if _THOUSANDS.match(digits):
        return int(re.sub(r"[,٬]", "", digits)), None
    x = parse_number(s)
    if x is None:
        return None, f"{s!r} is not a number"
    if x != int(x):
        return None, f"{s!r} is not a whole number"
    if x < 0:
        return None, f"{s!r} is not a count"
    return int(x), None


def counts(values: np.ndarray) -> Counts:
    """Cleaned strings to counts (people killed ...): thousands separators read, a fraction or a word not guessed
    at but left empty with the reason."""
    read = map_distinct(values, _count)
    out, problems = np.full(len(values), None, dtype=object), np.full(len(values), None, dtype=object)
    for i in np.flatnonzero(present(read)):
        out[i], problems[i] = read[i]
    return Counts(out, problems)


# ------------------------------------------------------------------------------------------- coordinates
@dataclass(frozen=True)
class Coordinates:
    """Repaired coordinates of a chunk: NaN where unusable, with the repairs and problems found per row."""

    latitude: np.ndarray
    longitude: np.ndarray
    flags: np.ndarray  # object: a tuple of repair notes per row
    problem: np.ndarray  # object: why present values are unusable, or None

    @property
    def valid(self) -> np.ndarray:
        return ~np.isnan(self.latitude) & ~np.isnan(self.longitude)


def _in_range(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    return (lat >= -90) & (lat <= 90) & (lon >= -180) & (lon <= 180)


def _in_syria(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    lon_min, lat_min, lon_max, lat_max = SYRIA_BBOX
    return (lat >= lat_min) & (lat <= lat_max) & (lon >= lon_min) & (lon <= lon_max)


def repair_coordinates(lat_cells: np.ndarray, lon_cells: np.ndarray) -> Coordinates:
    """Latitude/longitude cells (cleaned strings) to validated degrees rounded to 6 decimals.

    A pair that falls in Syria's bounding box only when swapped is swapped and flagged; no other swap is a repair
    (out-of-range values are a problem, not a point elsewhere). (0, 0) is an export's way of saying "none" and is
    taken as no coordinates, with a problem, so the row is placed from its name or text. Present but unusable
    values get a problem."""
    lat, lon = numbers(lat_cells), numbers(lon_cells)
    n = len(lat)
    numeric = ~np.isnan(lat) & ~np.isnan(lon)
    problem = np.full(n, None, dtype=object)
    problem[(present(lat_cells) | present(lon_cells)) & ~numeric] = NOT_NUMBERS
    null_island = numeric & (lat == 0) & (lon == 0)
    problem[null_island] = NULL_ISLAND
    usable = numeric & _in_range(lat, lon) & ~null_island
    for i in np.flatnonzero(numeric & ~usable & ~null_island):
        problem[i] = f"coordinates out of range ({float(lat[i])}, {float(lon[i])})"
    turned = usable & ~_in_syria(lat, lon) & _in_syria(lon, lat)
    lat, lon = np.where(turned, lon, lat), np.where(turned, lat, lon)
    flags = np.empty(n, dtype=object)
    flags[:] = [(SWAPPED,) if t else () for t in turned]
    return Coordinates(_round6(lat, usable), _round6(lon, usable), flags, problem)


def _round6(x: np.ndarray, usable: np.ndarray) -> np.ndarray:
    """Degrees to 6 decimals (about 10 cm), exactly as Python's round(); NaN where not usable. Values written with
    at most 6 decimals are already rounded (the common case, checked in one pass); the rest go one by one."""
    out = np.where(usable, x, np.nan)
    with np.errstate(invalid="ignore"):
        longer = np.flatnonzero(usable & (np.round(x, 6) != x))
    out[longer] = [round(float(v), 6) for v in x[longer]]
    return out


# ------------------------------------------------------------------------------------------------- dates
@dataclass(frozen=True)
class EventDates:
    """Event dates of a chunk (object arrays) and where each came from: table, text or report."""

    event_date: np.ndarray
    event_date_end: np.ndarray
    year: np.ndarray
    time_precision: np.ndarray
    date_source: np.ndarray
    flag: np.ndarray  # "unreadable date '...'" or None
    report: np.ndarray  # the report's own date (datetime.date or None): what «أمس» in its text is the day before


def event_dates(values: np.ndarray, texts: np.ndarray, precisions: np.ndarray, *, authoritative: bool) -> EventDates:
    """event_date from the table (ACLED/UCDP event dates are `authoritative`), else the first date the text
    states (if not after the report's own date), else the report's own date."""
    n = len(values)
    report = map_distinct(values, parse_date)
    has_report = present(report)
    flag = np.full(n, None, dtype=object)
    for i in np.flatnonzero(~has_report & present(values)):
        flag[i] = f"unreadable date {values[i]!r}"
    start, end = np.full(n, None, dtype=object), np.full(n, None, dtype=object)
    precision, source = np.full(n, None, dtype=object), np.full(n, None, dtype=object)
    if not authoritative:  # the first date the text states, unless it is after the report's own date
        for i in np.flatnonzero(present(texts)):
            stated = date_in_text(texts[i], reference=report[i])
            if stated is not None and (report[i] is None or stated.start <= report[i] + LATEST_AFTER_REPORT):
                start[i], end[i], precision[i], source[i] = stated.start, stated.end, stated.time_precision, "text"
    from_report = has_report & missing(source)
    start[from_report] = end[from_report] = report[from_report]
    precision[from_report] = [p or 1 for p in integers(precisions)[from_report]]  # ACLED's default: a day
    source[from_report] = "table" if authoritative else "report"
    return EventDates(
        map_distinct(start, dt.date.isoformat),
        map_distinct(end, dt.date.isoformat),
        map_distinct(start, lambda d: d.year),
        precision,
        source,
        flag,
        report,
    )
