"""Every file under tests/data/bad/ gives its expected outcome: a clear error naming the file (and line), or
rows kept and flagged."""

import json

import pandas as pd
import pytest

from geomap import InputError, read_incidents
from geomap.io.encoding import decode_bytes
from geomap.io.readers import iter_records
from tests.conftest import ROOT

BAD = ROOT / "tests" / "data" / "bad"
EXPECTED = json.loads((BAD / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_corpus(name):
    want = EXPECTED[name]
    path = BAD / name
    if "error" in want:
        with pytest.raises(InputError) as info:
            read_incidents(str(path))
        assert want["error"] in str(info.value)
        assert str(path) in str(info.value)
        if "line" in want:
            assert info.value.line == want["line"]
        return
    inc = read_incidents(str(path))
    assert len(inc) == want["rows"]
    if "placed" in want:
        assert (inc["status"] == "placed").sum() == want["placed"]
    if "flagged" in want:
        assert inc["flags"].notna().sum() == want["flagged"]


def test_windows_1256_and_utf16_are_decoded():
    text, enc = decode_bytes((BAD / "windows1256.csv").read_bytes())
    assert "سرمدا" in text and enc.lower().replace("_", "") in ("cp1256", "windows1256")
    text16, _ = decode_bytes((BAD / "utf16.csv").read_bytes())
    assert "حماة" in text16


def test_csv_line_numbers_follow_physical_lines():
    (chunk,) = list(iter_records(BAD / "embedded_newlines.csv"))
    assert chunk["_line"].tolist() == [2]
    (ragged,) = list(iter_records(BAD / "ragged.csv"))
    assert ragged["_problem"].notna().tolist() == [False, True, True]


def test_xlsx_with_several_sheets_and_merged_cells(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "تشرين"
    ws.append(["id", "location", "notes"])
    ws.append(["a1", "Sarmada", "قصف"])
    ws.append(["a2", "Idlib", "قصف"])
    ws.merge_cells("C2:C3")
    ws2 = wb.create_sheet("كانون")
    ws2.append(["id", "location", "notes"])
    ws2.append(["b1", "Hama", "اشتباكات"])
    wb.create_sheet("empty")
    path = tmp_path / "book.xlsx"
    wb.save(path)
    inc = read_incidents(str(path))
    assert inc["event_id_cnty"].tolist() == ["a1", "a2", "b1"]
    assert (inc["status"] == "placed").all()
    assert inc["input_file"].iloc[2].endswith("[كانون]")


def test_geojson_and_parquet_inputs(tmp_path, sample_result):
    from geomap import write_geojson

    path = tmp_path / "in.geojson"
    write_geojson(sample_result.incidents[sample_result.incidents["status"] == "placed"], path)
    back = read_incidents(str(path))
    assert (back["status"] == "placed").all()
    pq = tmp_path / "in.parquet"
    pd.DataFrame({"id": ["x"], "location": ["Palmyra"]}).to_parquet(pq)
    assert read_incidents(str(pq))["gazetteer_id"].tolist() == ["C2889"]


def test_folder_of_reports(tmp_path):
    (tmp_path / "a.txt").write_text("قصف على بلدة سرمدا بريف إدلب", encoding="utf-8")
    (tmp_path / "b.txt").write_text("اشتباكات في مدينة الباب", encoding="cp1256")
    inc = read_incidents(str(tmp_path))
    assert inc["event_id_cnty"].tolist() == ["a", "b"]
    assert inc["gazetteer_id"].tolist() == ["C4121", "C1202"]
    with pytest.raises(InputError, match="no such file"):
        read_incidents(str(tmp_path / "missing.csv"))


def test_files_split_into_blocks_read_as_the_whole_file(tmp_path, samples):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from geomap.io.readers import read_block, split_file

    table = tmp_path / "t.parquet"
    pq.write_table(
        pa.table({"id": [f"p{i}" for i in range(50)], "location": ["Sarmada"] * 50}), table, row_group_size=7
    )
    for path in (samples / "reports.jsonl", samples / "incidents_acled.csv", BAD / "ragged.csv", table):
        blocks = split_file(path, block_bytes=1)
        assert len(blocks) > 1
        got = pd.concat([df for b in blocks for df in read_block(b, chunk_rows=3)], ignore_index=True)
        want = pd.concat(list(iter_records(path)), ignore_index=True)
        pd.testing.assert_frame_equal(got[list(want.columns)].astype(object), want.astype(object))
    assert [b.first_line for b in split_file(table, block_bytes=1)][:3] == [1, 8, 15]


def test_hidden_folders_are_left_out(tmp_path):
    from geomap.io.readers import expand_inputs

    (tmp_path / ".geomap-parts-1" / "incidents").mkdir(parents=True)
    (tmp_path / ".geomap-parts-1" / "incidents" / "part-00000.parquet").write_bytes(b"PAR1")
    (tmp_path / "a.txt").write_text("قصف على بلدة سرمدا", encoding="utf-8")
    assert [p.name for p in expand_inputs([tmp_path])] == ["a.txt"]
