"""The incident schema: the columns geomap writes (incidents, mentions, areas: names, dtypes, order) and the columns
it reads (ACLED, UCDP GED or common names recognised per input file, the user's choices winning).

To add an output column, add a `Column` to `INCIDENT_SCHEMA` where it belongs in the order; every frame, file and
layer follows. Rows that do not set it get a missing value of its dtype.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd
import pyproj

from geomap.coding.schema import CODING_COLUMNS
from geomap.exc import InputError
from geomap.io.delimited import BOOKKEEPING

__all__ = [
    "ACLED_COLUMNS",
    "AREA_COLUMNS",
    "AREA_SCHEMA",
    "CRS",
    "INCIDENT_COLUMNS",
    "INCIDENT_SCHEMA",
    "MENTION_COLUMNS",
    "MENTION_SCHEMA",
    "UCDP_COLUMNS",
    "Column",
    "ColumnMap",
    "MatchMethod",
    "Role",
    "Schema",
    "Status",
    "detect_columns",
    "typed_frame",
]


# ---------------------------------------------------------------------------------------------- output
@dataclass(frozen=True, slots=True)
class Column:
    """One output column: its name, pandas dtype and meaning."""

    name: str
    dtype: str
    doc: str = ""


class Status(StrEnum):
    """Where a record ended up."""

    PLACED = "placed"  # in Syria
    UNPLACED = "unplaced"  # no usable place: `reason` says why
    OUTSIDE_SYRIA = "outside_syria"  # placed, but abroad


class MatchMethod(StrEnum):
    """How a record was placed."""

    COORDINATES = "coordinates"  # its own latitude/longitude
    GEOCODE = "geocode"  # its location name
    GEOCODE_FALLBACK = "geocode-fallback"  # its location name was not found inside its stated unit: the unit itself
    GEOPARSE = "geoparse"  # its text


CRS = pyproj.CRS.from_epsg(4326)  # every layer is WGS84 longitude/latitude; parsed once, not at every frame
# Text columns hold Python strings or None (object columns): quicker to build from the placing and to read row by
# row (maps, popups) than Arrow-backed strings; writers type them as strings.
_S, _I, _F, _B = "object", "Int64", "float64", "bool"
INCIDENT_SCHEMA: tuple[Column, ...] = (
    Column(
        "event_id_cnty",
        _S,
        "the record's id, or FILE-LINE; duplicates get #2, #3 ... and a flag; a report's further events ID-2, ID-3",
    ),
    Column("event_date", _S, "ISO date of the event (the first day of a range)"),
    Column("event_date_end", _S, "last day of the event's date range"),
    Column("year", _I),
    Column("time_precision", _I, "ACLED: 1 a day, 2 a range within about a week, 3 a month"),
    Column("date_source", _S, "table, text or report: where event_date came from"),
    Column("event_type", _S),
    Column("sub_event_type", _S),
    Column("actor1", _S),
    Column("actor2", _S),
    Column("admin1", _S),
    Column("admin2", _S),
    Column("admin3", _S),
    Column("admin1_pcode", _S),
    Column("admin2_pcode", _S),
    Column("admin3_pcode", _S),
    Column("location", _S, "English name of the place (the row's own name when it came with coordinates)"),
    Column("location_ar", _S),
    Column("latitude", _F),
    Column("longitude", _F),
    Column("geo_precision", _I, "ACLED: 1 a town or point, 2 part of a region, 3 a large region"),
    Column("relation", _S, "countryside, near, north ...: the part of the place meant"),
    Column("area_id", _S, "the polygon in the areas layer the incident was placed in"),
    Column("notes", _S, "the report's text"),
    Column("title", _S),
    Column("source", _S),
    Column("source_url", _S),
    Column("fatalities", _I, "stated deaths (from the table, else read from the text); empty when none is stated"),
    Column("injuries", CODING_COLUMNS["injuries"], "stated injuries read from the text; empty when none is stated"),
    Column(
        "coding_evidence",
        CODING_COLUMNS["coding_evidence"],
        "the words that decided the event type, actors and counts read from the text",
    ),
    Column(
        "source_count",
        CODING_COLUMNS["source_count"],
        "how many reports support the incident (more than 1 when reports were merged)",
    ),
    Column(
        "merged_ids", CODING_COLUMNS["merged_ids"], "ids of the reports merged into this incident, separated by '; '"
    ),
    Column("gazetteer_id", _S),
    Column("match_method", _S, "coordinates, geocode or geoparse"),
    Column("confidence", _F),
    Column("status", _S, "placed, unplaced or outside_syria"),
    Column("reason", _S, "why a record is not placed in Syria"),
    Column("flags", _S, "repairs and doubts, separated by '; '"),
    Column("input_file", _S),
    Column("input_line", _I, "1-based line (or row, record, feature) of the record in its file"),
)
MENTION_SCHEMA: tuple[Column, ...] = (
    Column("event_id_cnty", _S),
    Column("mention_index", "int64"),
    Column("start", "int64", "character offset into the text as given"),
    Column("end", "int64"),
    Column("text", _S),
    Column("gazetteer_id", _S),
    Column("name_ar", _S),
    Column("name_en", _S),
    Column("kind", _S),
    Column("relation", _S),
    Column("in_syria", _B),
    Column("precision", _I),
    Column("confidence", _F),
    Column("is_event_location", _B, "the mention chosen as where the event happened"),
    Column("latitude", _F),
    Column("longitude", _F),
)
AREA_SCHEMA: tuple[Column, ...] = (
    Column("area_id", _S),
    Column("gazetteer_id", _S),
    Column("name_ar", _S),
    Column("name_en", _S),
    Column("kind", _S),
    Column("relation", _S),
    Column("incidents", "int64", "incidents placed in this area"),
)
INCIDENT_COLUMNS = [c.name for c in INCIDENT_SCHEMA]
MENTION_COLUMNS = [c.name for c in MENTION_SCHEMA]
AREA_COLUMNS = [c.name for c in AREA_SCHEMA]


def typed_frame(columns: Mapping[str, Sequence[Any] | np.ndarray], schema: Sequence[Column], n: int) -> pd.DataFrame:
    """A DataFrame with the schema's columns in order and dtypes; columns not given are missing values."""
    data = {}
    for col in schema:
        values = columns.get(col.name)
        if values is None:
            values = np.full(n, None, dtype=object)
        data[col.name] = _typed(np.asarray(values, dtype=object), col.dtype)
    return pd.DataFrame(data)


def _typed(values: np.ndarray, dtype: str) -> Any:
    """An object array of values or None as a pandas array of `dtype`."""
    if dtype == "float64":
        return values.astype(float)  # None becomes NaN
    if dtype == "Int64":  # built from values and mask: much quicker than letting pandas inspect each object
        mask = pd.isna(values)
        return pd.arrays.IntegerArray(np.where(mask, 0, values).astype(np.int64), mask)
    if dtype == "object":
        # NaN read back from files becomes None too; a Series keeps pandas from inferring a string dtype
        return pd.Series(np.where(pd.isna(values), None, values), dtype=object, copy=False)
    return pd.array(values, dtype=dtype)


# ----------------------------------------------------------------------------------------------- input
class Role(StrEnum):
    """What an input column holds."""

    ID = "id"
    DATE = "date"
    TEXT = "text"
    TITLE = "title"
    LOCATION = "location"
    LAT = "lat"
    LON = "lon"
    EVENT_TYPE = "event_type"
    SUB_EVENT_TYPE = "sub_event_type"
    ACTOR1 = "actor1"
    ACTOR2 = "actor2"
    FATALITIES = "fatalities"
    SOURCE = "source"
    URL = "url"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"
    ADMIN3 = "admin3"
    GEO_PRECISION = "geo_precision"
    TIME_PRECISION = "time_precision"


class Schema(StrEnum):
    """Which kind of table the columns say a file is."""

    ACLED = "acled"
    UCDP = "ucdp"
    GENERIC = "generic"


ACLED_COLUMNS = frozenset({"event_id_cnty", "event_date", "event_type", "latitude", "longitude", "location", "notes"})
UCDP_COLUMNS = frozenset({"date_start", "where_coordinates", "latitude", "longitude", "adm_1", "where_prec"})
# ACLED's and UCDP's date columns hold the event's date; any other date column is taken as the report's date.
EVENT_DATE_COLUMNS = frozenset({"event_date", "date_start"})
# Names each role goes by, best first (compared lower-cased); the first present wins.
ROLE_NAMES: Mapping[Role, tuple[str, ...]] = MappingProxyType(
    {
        Role.ID: ("event_id_cnty", "id", "event_id", "incident_id", "report_id", "uid", "المعرف", "الرقم"),
        Role.DATE: ("event_date", "date_start", "date", "published", "published_at", "datetime", "time", "التاريخ"),
        Role.TEXT: (
            *("notes", "text", "body", "content", "article", "report", "description", "source_headline"),
            *("summary", "message", "tweet", "النص", "الخبر", "التفاصيل", "الوصف", "ملاحظات"),
        ),
        Role.TITLE: ("title", "headline", "العنوان"),
        Role.LOCATION: (
            *("location", "where_coordinates", "place", "location_name", "town", "city", "village", "site"),
            *("الموقع", "المكان", "المنطقة", "البلدة"),
        ),
        Role.LAT: ("latitude", "lat", "y", "خط العرض"),
        Role.LON: ("longitude", "lon", "lng", "long", "x", "خط الطول"),
        Role.EVENT_TYPE: ("event_type", "type_of_violence", "category", "type", "نوع الحدث"),
        Role.SUB_EVENT_TYPE: ("sub_event_type",),
        Role.ACTOR1: ("actor1", "side_a"),
        Role.ACTOR2: ("actor2", "side_b"),
        Role.FATALITIES: ("fatalities", "best", "deaths", "killed", "القتلى"),
        Role.SOURCE: ("source", "source_original", "publisher", "المصدر"),
        Role.URL: ("url", "link", "source_url", "الرابط"),
        Role.ADMIN1: ("admin1", "adm_1", "governorate", "province", "المحافظة"),
        Role.ADMIN2: ("admin2", "adm_2", "district"),
        Role.ADMIN3: ("admin3", "subdistrict"),
        Role.GEO_PRECISION: ("geo_precision", "where_prec"),
        Role.TIME_PRECISION: ("time_precision", "date_prec"),
    }
)
# The keyword options of the public functions and the CLI (`--text-column` ...) and the role each names.
OPTION_ROLES: Mapping[str, Role] = MappingProxyType(
    {
        "text_column": Role.TEXT,
        "location_column": Role.LOCATION,
        "date_column": Role.DATE,
        "lat_column": Role.LAT,
        "lon_column": Role.LON,
        "id_column": Role.ID,
    }
)


@dataclass(frozen=True)
class ColumnMap:
    """Which input column plays which role.

    Built once from the user's choices (`from_options`), passed down unchanged, and applied to each input file's
    own columns (`recognise`), so that a CSV's ``notes`` never hides a JSON file's ``text``. `schema` says how a
    recognised map was found (acled, ucdp, generic).
    """

    roles: Mapping[Role, str] = field(default_factory=dict)
    schema: Schema = Schema.GENERIC

    def __post_init__(self) -> None:
        object.__setattr__(self, "roles", MappingProxyType({Role(r): c for r, c in self.roles.items()}))

    def __reduce__(self) -> tuple[type[ColumnMap], tuple[dict[Role, str], Schema]]:  # to Dask workers
        return ColumnMap, (dict(self.roles), self.schema)

    def get(self, role: Role | str) -> str | None:
        """The column playing `role`, or None."""
        return self.roles.get(Role(role))

    @classmethod
    def from_options(cls, **options: str | None) -> ColumnMap:
        """The user's choices from keyword options (``text_column="body"``, ...); None means "recognise"."""
        unknown = sorted(set(options) - set(OPTION_ROLES))
        if unknown:
            msg = f"unknown column option(s) {', '.join(unknown)}; expected {', '.join(OPTION_ROLES)}"
            raise TypeError(msg)
        return cls({OPTION_ROLES[k]: v for k, v in options.items() if v is not None})

    def recognise(self, columns: Iterable[str]) -> ColumnMap:
        """Roles for a file with these columns: ACLED, UCDP GED or common names, then this map's choices on top.

        Raises `InputError` when a chosen column is not among `columns`."""
        cols = [c for c in columns if c not in BOOKKEEPING]
        lower = {str(c).strip().lower(): c for c in cols}  # the last of two spellings wins
        names = set(lower)
        schema = Schema.ACLED if names >= ACLED_COLUMNS else Schema.UCDP if names >= UCDP_COLUMNS else Schema.GENERIC
        roles: dict[Role, str] = {}
        for role, candidates in ROLE_NAMES.items():
            found = next((lower[c] for c in candidates if c in lower), None)
            if found is not None:
                roles[role] = found
        for role, column in self.roles.items():
            if column not in cols:
                msg = f"no column {column!r}; the columns are {', '.join(map(str, cols))}"
                raise InputError(msg, field=column)
            roles[role] = column
        return ColumnMap(roles, schema)

    @property
    def event_date_is_authoritative(self) -> bool:
        """Whether the date column holds the event's own date (ACLED, UCDP) rather than the report's."""
        return self.get(Role.DATE) in EVENT_DATE_COLUMNS


def detect_columns(columns: Iterable[str], overrides: ColumnMap | Mapping[str, str | None] | None = None) -> ColumnMap:
    """Recognise ACLED, UCDP GED or generic column names; `overrides` (role → column) win."""
    if not isinstance(overrides, ColumnMap):
        overrides = ColumnMap({Role(r): c for r, c in (overrides or {}).items() if c is not None})
    return overrides.recognise(columns)
