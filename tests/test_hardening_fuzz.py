"""Issue 18: the readers of structured formats (Parquet, XLSX, GeoJSON) fuzzed with hypothesis: valid files with
hostile cells read as records with their line numbers; damaged files fail only with an InputError naming the file."""

import io
import json
import zipfile

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap import InputError
from geomap.io.readers import iter_records

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
cells = st.one_of(st.none(), st.text(max_size=40), st.integers(-(2**40), 2**40), st.floats(allow_nan=True))
names = st.text(min_size=1, max_size=12).filter(lambda s: s.strip())
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.floats(allow_nan=False), st.text(max_size=20)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=10,
)


def read_all(path):
    rows = 0
    try:
        for chunk in iter_records(path, chunk_rows=7):
            assert "_line" in chunk.columns and "_file" in chunk.columns
            rows += len(chunk)
    except InputError as exc:
        assert str(path) in str(exc)
        return None
    return rows


def damaged(data: bytes, cut: int, flips: list[int]) -> bytes:
    out = bytearray(data[: max(cut, 1)])
    for f in flips:
        out[f % len(out)] ^= 0xFF
    return bytes(out)


@FUZZ
@given(columns=st.lists(names, min_size=1, max_size=5, unique=True), n=st.integers(0, 20), data=st.data())
def test_parquet_with_hostile_cells(tmp_path_factory, columns, n, data):
    table = {c: [data.draw(st.one_of(st.none(), st.text(max_size=30))) for _ in range(n)] for c in columns}
    path = tmp_path_factory.mktemp("pq") / "t.parquet"
    pq.write_table(pa.table(table), path, row_group_size=max(n // 3, 1))
    assert read_all(path) == n


@FUZZ
@given(
    rows=st.lists(st.lists(cells, max_size=6), max_size=15),
    cut=st.integers(0, 4000),
    flips=st.lists(st.integers(0, 10**6), max_size=3),
)
def test_xlsx_whole_and_damaged(tmp_path_factory, rows, cut, flips):
    from openpyxl import Workbook

    wb = Workbook()
    for row in [["id", "location", "notes"], *rows]:
        wb.active.append([c if not isinstance(c, str) else "".join(ch for ch in c if ch >= " ") for c in row])
    buf = io.BytesIO()
    wb.save(buf)
    folder = tmp_path_factory.mktemp("xlsx")
    whole = folder / "whole.xlsx"
    whole.write_bytes(buf.getvalue())
    read_all(whole)  # blank rows are left out; anything else is a record
    broken = folder / "broken.xlsx"
    broken.write_bytes(damaged(buf.getvalue(), cut, flips))
    read_all(broken)
    assert zipfile.is_zipfile(whole)


@FUZZ
@given(
    features=st.lists(
        st.one_of(
            json_values,
            st.fixed_dictionaries({"type": st.just("Feature"), "properties": json_values, "geometry": json_values}),
        ),
        max_size=8,
    )
)
def test_geojson_with_hostile_features(tmp_path_factory, features):
    path = tmp_path_factory.mktemp("gj") / "f.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    assert read_all(path) in (len(features), None)
