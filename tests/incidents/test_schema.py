"""Output columns in one place; input columns recognised per file, the user's choices winning."""

import pickle

import pandas as pd
import pytest

from geomap import InputError, read_incidents
from geomap.incidents.frames import incident_frame, mention_frame
from geomap.incidents.schema import (
    INCIDENT_COLUMNS,
    INCIDENT_SCHEMA,
    MENTION_SCHEMA,
    ColumnMap,
    Role,
    Schema,
    detect_columns,
)

ACLED = [
    "event_id_cnty",
    "event_date",
    "event_type",
    "latitude",
    "longitude",
    "location",
    "notes",
    "admin1",
    "fatalities",
]
UCDP = [
    "id",
    "date_start",
    "where_coordinates",
    "latitude",
    "longitude",
    "adm_1",
    "where_prec",
    "source_headline",
    "best",
]


def test_acled_and_ucdp_columns_are_recognised():
    acled = detect_columns(ACLED)
    assert acled.schema is Schema.ACLED and acled.get("text") == "notes" and acled.get(Role.ID) == "event_id_cnty"
    assert acled.event_date_is_authoritative
    ucdp = detect_columns(UCDP)
    assert (
        ucdp.schema is Schema.UCDP and ucdp.get("location") == "where_coordinates" and ucdp.get("fatalities") == "best"
    )
    generic = detect_columns(["المعرف", "التاريخ", "النص", "Latitude", "Lng"])
    assert generic.schema is Schema.GENERIC and generic.get("lat") == "Latitude" and generic.get("lon") == "Lng"
    assert generic.get("text") == "النص" and not generic.event_date_is_authoritative


def test_the_users_choices_win_and_must_exist():
    chosen = ColumnMap.from_options(text_column="description", location_column=None)
    assert chosen.recognise([*ACLED, "description"]).get("text") == "description"
    with pytest.raises(InputError, match="no column 'description'"):
        chosen.recognise(ACLED)
    with pytest.raises(TypeError, match="unknown column option"):
        ColumnMap.from_options(txt_column="x")
    assert detect_columns(["a", "b"], {"text": "b"}).get("text") == "b"


def test_a_column_map_travels_to_workers():
    chosen = ColumnMap.from_options(text_column="body", id_column="رقم")
    assert pickle.loads(pickle.dumps(chosen)) == chosen


def test_recognition_is_per_file(tmp_path):
    (tmp_path / "a.csv").write_text("id,notes\nc1,قصف على بلدة سرمدا بريف إدلب\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "j1", "text": "اشتباكات في مدينة الباب شرقي حلب"}\n', encoding="utf-8")
    inc = read_incidents(str(tmp_path))
    assert inc["gazetteer_id"].tolist() == ["C4121", "C1202"]  # the JSON file's text was read, not a missing notes


def test_frames_follow_the_schema_order_and_dtypes():
    inc = incident_frame({"event_id_cnty": ["a"], "latitude": [36.18], "longitude": [36.72], "year": [2025]}, 1)
    assert list(inc.columns) == [*INCIDENT_COLUMNS, "geometry"]
    assert {c.name: str(inc[c.name].dtype) for c in INCIDENT_SCHEMA} == {c.name: c.dtype for c in INCIDENT_SCHEMA}
    assert inc.geometry.iloc[0].coords[0] == (36.72, 36.18) and pd.isna(inc["title"].iloc[0])
    empty = mention_frame({}, 0)
    assert list(empty.columns) == [*[c.name for c in MENTION_SCHEMA], "geometry"] and empty.empty
