"""Issue 18, inputs: what a hostile tester fed the readers. Every record in gives a row out (placed or flagged),
or the file is refused with one line naming it (and the line)."""

import json

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from geomap import InputError, read_incidents
from geomap.io.readers import iter_records

SARMADA = (36.183333, 36.716667)  # (lat, lon), community C4121


def points_frame():
    return gpd.GeoDataFrame(
        {"event_id": ["e1", "e2", "e3", "e4"], "notes": ["قصف", "اشتباكات", "غارة", "انفجار"]},
        geometry=[Point(36.7167, 36.1833), Point(37.16, 36.20), Point(36.72, 34.73), Point(40.14, 35.33)],
        crs="EPSG:4326",
    )


def test_geoparquet_with_a_named_index_keeps_the_id_and_each_point_on_its_record(tmp_path):
    gdf = points_frame().set_index("event_id").sort_values("notes")
    gdf.to_parquet(tmp_path / "named.parquet")
    got = read_incidents(str(tmp_path / "named.parquet"))
    assert got["event_id_cnty"].tolist() == gdf.index.tolist()
    assert got["longitude"].tolist() == [round(p.x, 6) for p in gdf.geometry]
    assert (got["status"] == "placed").all()


def test_geoparquet_after_a_filter_keeps_each_point_on_its_record(tmp_path):
    gdf = points_frame()
    gdf[gdf["event_id"] != "e1"].iloc[::-1].to_parquet(tmp_path / "filtered.parquet")
    got = read_incidents(str(tmp_path / "filtered.parquet"))
    assert got["event_id_cnty"].tolist() == ["e4", "e3", "e2"]
    assert got["latitude"].tolist() == [35.33, 34.73, 36.2]


def test_a_parquet_geometry_of_wkt_text_or_broken_wkb_is_read_or_flagged(tmp_path):
    """Tools other than GeoPandas write WKT text in a `geometry` column; a damaged cell is neither: each record still
    gives a row, the unreadable one flagged (it was a traceback for the whole file)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    lon, lat = SARMADA[1], SARMADA[0]
    cells = [f"POINT ({lon} {lat})", "POLYGON ((", Point(lon, lat).wkb[:9], Point(37.16, 36.2).wkb, None]
    text = pa.array([c if isinstance(c, str) else None for c in cells])
    wkb = pa.array([c if isinstance(c, bytes) else None for c in cells], pa.binary())
    for name, column in (("wkt", text), ("wkb", wkb)):
        pq.write_table(pa.table({"id": [f"g{i}" for i in range(5)], "geometry": column}), tmp_path / f"{name}.parquet")
    got = read_incidents([str(tmp_path / "wkt.parquet"), str(tmp_path / "wkb.parquet")], merge=False)
    assert len(got) == 10 and got["status"].tolist().count("placed") == 2
    placed = got[got["status"] == "placed"]
    assert placed["event_id_cnty"].tolist() == ["g0", "g3#2"] and placed["admin1_pcode"].tolist() == ["SY07", "SY02"]
    flagged = got["flags"].fillna("").str.contains("neither WKB nor WKT")
    assert got.loc[flagged, "input_line"].tolist() == [2, 3]  # the broken WKT, then the cut WKB


def test_a_quote_that_never_closes_is_refused_naming_its_line(tmp_path):
    path = tmp_path / "open_quote.csv"
    path.write_text('id,location,notes\na1,Sarmada,"قصف على البلدة\na2,Idlib,ok\na3,Hama,ok\na4,Homs,ok\n', "utf-8")
    with pytest.raises(InputError, match="quote") as info:
        read_incidents(str(path))
    assert info.value.line == 2 and str(path) in str(info.value)


def test_a_quote_closed_by_a_later_records_quote_is_refused(tmp_path):
    path = tmp_path / "paired.tsv"
    path.write_text('id\tlocation\tnotes\na1\tSarmada\t"قصف\na2\tIdlib\tok\na3\t"Hama"\tok\n', "utf-8")
    with pytest.raises(InputError, match="quote") as info:
        read_incidents(str(path))
    assert info.value.line == 2


def test_a_quoted_cell_over_several_lines_is_still_one_record(tmp_path):
    path = tmp_path / "multiline.csv"
    path.write_text('id,location,notes\na1,Sarmada,"سطر أول\nسطر ثان"\na2,Idlib,ok\n', "utf-8")
    got = read_incidents(str(path))
    assert got["event_id_cnty"].tolist() == ["a1", "a2"] and got["input_line"].tolist() == [2, 4]


def utf16_rows(n):
    return ["id,location,notes"] + [f"r{i},سرمدا,قصف مدفعي على البلدة رقم {i}" for i in range(n)]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl"])
def test_utf16_files_over_64_kib(tmp_path, encoding, suffix):
    n = 2500
    if suffix == ".jsonl":
        lines = [json.dumps({"id": f"r{i}", "text": "قصف على بلدة سرمدا"}, ensure_ascii=False) for i in range(n)]
    else:
        lines = [r.replace(",", "\t") if suffix == ".tsv" else r for r in utf16_rows(n)]
    data = ("\n".join(lines) + "\n").encode(encoding)
    if encoding == "utf-16":
        assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert len(data) > 65536
    path = tmp_path / f"big{suffix}"
    path.write_bytes(data)
    got = pd.concat(list(iter_records(path)), ignore_index=True)
    assert len(got) == n and got["id"].iloc[-1] == f"r{n - 1}"
    given = "utf-16" if encoding == "utf-16" else encoding
    assert len(pd.concat(list(iter_records(path, encoding=given)), ignore_index=True)) == n


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_json_lines_stream_with_their_line_numbers(tmp_path, monkeypatch, encoding):
    """Streamed, not read whole: past the limit for a file read whole (lowered here to 64 KiB), with \r\n line ends
    falling across the decoder's reads (lowered to 999 bytes, odd), records and error lines stay right."""
    from geomap.io import encoding as decoding

    monkeypatch.setattr(decoding, "MAX_WHOLE_FILE_BYTES", 65536)
    monkeypatch.setattr(decoding, "_WIDE_READ", 999)
    texts = [f"قصف مدفعي على بلدة سرمدا في ريف إدلب الشمالي، اليوم {i}" for i in range(3000)]
    lines = [json.dumps({"id": f"r{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(texts)]
    order = "utf-16-be" if encoding.endswith("be") else "utf-16-le"
    bom = "\ufeff".encode(order) if encoding == "utf-16" else b""
    path = tmp_path / "wide.jsonl"

    def write(encoded_lines):
        path.write_bytes(bom + "\r\n".encode(order).join([*encoded_lines, b""]))

    write([line.encode(order) for line in lines])
    assert path.stat().st_size > 4 * 65536
    got = pd.concat(list(iter_records(path, chunk_rows=500)), ignore_index=True)
    assert got["id"].tolist() == [f"r{i}" for i in range(3000)] and got["_line"].tolist() == list(range(1, 3001))

    write([(line[:20] if i == 2199 else line).encode(order) for i, line in enumerate(lines)])  # line 2200 cut
    with pytest.raises(InputError, match="invalid JSON") as info:
        list(iter_records(path, chunk_rows=500))
    assert info.value.line == 2200
    flagged = pd.concat(list(iter_records(path, chunk_rows=500, flag_unreadable=True)), ignore_index=True)
    assert len(flagged) == 2200 and flagged["_problem"].notna().tolist() == [False] * 2199 + [True]

    lone_surrogate = "\ud800".encode(order, "surrogatepass")  # half of a pair, then a plain letter: undecodable
    broken = [line.encode(order) for line in lines]
    broken[1499] = lines[1499][:10].encode(order) + lone_surrogate + lines[1499][10:].encode(order)
    write(broken)
    with pytest.raises(InputError, match="cannot decode") as info:
        list(iter_records(path, chunk_rows=500))
    assert info.value.line == 1500 and str(path) in str(info.value)


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_utf16_tables_name_the_line_that_does_not_decode(tmp_path, suffix):
    order = "utf-16-le"
    rows = [r.replace(",", "\t") if suffix == ".tsv" else r for r in utf16_rows(3000)]
    encoded = [r.encode(order) for r in rows]
    encoded[1500] = (
        rows[1500][:12].encode(order) + "\ud800".encode(order, "surrogatepass") + rows[1500][12:].encode(order)
    )
    path = tmp_path / f"wide{suffix}"
    path.write_bytes("\ufeff".encode(order) + "\r\n".encode(order).join([*encoded, b""]))
    with pytest.raises(InputError, match="cannot decode") as info:
        list(iter_records(path, chunk_rows=100))
    assert info.value.line == 1501
    got = pd.concat(list(iter_records(path, chunk_rows=100, flag_unreadable=True)), ignore_index=True)
    assert got["id"].iloc[1498] == "r1498" and got["_line"].tolist() == list(range(2, 1502))  # rows, then the flag


@pytest.mark.parametrize("blank", [None, ""])
def test_geojson_properties_with_blank_coordinates_use_the_geometry(tmp_path, blank):
    feature = {
        "type": "Feature",
        "properties": {"id": "g1", "latitude": blank, "longitude": blank, "notes": "قصف"},
        "geometry": {"type": "Point", "coordinates": [SARMADA[1], SARMADA[0]]},
    }
    path = tmp_path / "qgis.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), "utf-8")
    got = read_incidents(str(path))
    assert got["status"].tolist() == ["placed"] and got["latitude"].tolist() == [SARMADA[0]]


def test_a_cell_over_128_kib_is_read(tmp_path):
    path = tmp_path / "long_cell.csv"
    long_text = "قصف على بلدة سرمدا بريف إدلب. " * 6000  # about 300 KB
    path.write_text(f'id,location,notes\nc1,Sarmada,"{long_text}"\nc2,Idlib,ok\n', "utf-8")
    got = read_incidents(str(path))
    assert got["event_id_cnty"].tolist() == ["c1", "c2"] and len(got["notes"].iloc[0]) > 128 * 1024


def test_a_folder_goes_on_past_bad_files_and_flags_each(tmp_path):
    from openpyxl import Workbook

    (tmp_path / "a_report.txt").write_text("قصف مدفعي على بلدة سرمدا بريف إدلب", encoding="utf-8")
    (tmp_path / "b_empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "c_old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    (tmp_path / "d_broken.json").write_text('[{"text": "قصف', encoding="utf-8")
    wb = Workbook()
    wb.active.append(["id", "location"])
    wb.active.append(["x1", "Sarmada"])
    wb.save(tmp_path / "e_book.xlsx")
    (tmp_path / "~$e_book.xlsx").write_bytes(b"\x0cuser" + b"\x00" * 150)  # Excel's lock file: not data
    got = read_incidents(str(tmp_path))
    assert got["input_file"].str.rsplit("/", n=1).str[-1].tolist() == [
        "a_report.txt",
        "b_empty.txt",
        "c_old.xls",
        "d_broken.json",
        "e_book.xlsx[Sheet]",
    ]
    assert got["status"].tolist() == ["placed", "unplaced", "unplaced", "unplaced", "placed"]
    flags = got["flags"].tolist()
    assert "empty report" in flags[1] and ".xlsx" in flags[2] and "truncated JSON" in flags[3]


def test_a_single_bad_file_is_still_refused_naming_it(tmp_path):
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    with pytest.raises(InputError, match=r"save it as \.xlsx") as info:
        read_incidents(str(old))
    assert str(old) in str(info.value)


def xlsx_with_sheet_xml(path, sheet_xml: bytes, *, compress=True):
    """A minimal XLSX whose first sheet is `sheet_xml` (other parts from a real workbook)."""
    import zipfile

    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["id", "location"])
    base = path.with_suffix(".base.xlsx")
    wb.save(base)
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = sheet_xml if item.filename == "xl/worksheets/sheet1.xml" else src.read(item.filename)
            out.writestr(item.filename, data, compress_type=zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED)
    base.unlink()
    return path


SHEET_HEAD = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def test_an_xlsx_zip_bomb_is_refused_before_it_inflates(tmp_path):
    rows = b'<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>' * 400_000
    bomb = xlsx_with_sheet_xml(tmp_path / "bomb.xlsx", SHEET_HEAD + b"<sheetData>" + rows + b"</sheetData></worksheet>")
    assert bomb.stat().st_size < 1_000_000
    with pytest.raises(InputError, match="zip bomb") as info:
        read_incidents(str(bomb))
    assert str(bomb) in str(info.value)


def test_xlsx_entity_expansion_is_one_line_error(tmp_path):
    lol = b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&" + bytes([97 + i]) + b";") * 10) for i in range(8)
    )
    sheet = (
        b'<?xml version="1.0"?>' + lol + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
        b'main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&i;</t></is></c></row></sheetData></worksheet>'
    )
    path = xlsx_with_sheet_xml(tmp_path / "laughs.xlsx", sheet)
    with pytest.raises(InputError) as info:
        read_incidents(str(path))
    assert str(path) in str(info.value)


def test_xlsx_streams_in_chunks_with_sheet_row_numbers(tmp_path):
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("data")
    ws.append(["id", "location", "fatalities", "latitude"])
    ws.append([])
    for i in range(25):
        ws.append([f"x{i}", "سرمدا", i, 36.1833])
    wb.save(tmp_path / "many.xlsx")
    chunks = list(iter_records(tmp_path / "many.xlsx", chunk_rows=10))
    assert [len(c) for c in chunks] == [10, 10, 5]
    assert chunks[0]["_line"].tolist()[:2] == [3, 4] and chunks[0]["fatalities"].tolist()[:2] == ["0", "1"]
    assert chunks[0]["latitude"].iloc[0] == "36.1833"


def test_xlsx_rows_before_a_damaged_part_are_kept_with_their_numbers(tmp_path):
    """A sheet cut short (a damaged download): the rows before the damage come out, on their sheet row numbers
    (row 30 is absent from the XML), then the sheet's error as one flagged record. (The sheet states its size, as
    Excel and LibreOffice write it: without that, openpyxl reads the whole sheet when the workbook is opened.)"""

    def row(r, *cells):
        inline = "".join(
            f'<c r="{col}{r}" t="inlineStr"><is><t>{v}</t></is></c>' for col, v in zip("AB", cells, strict=False)
        )
        return f'<row r="{r}">{inline}</row>'.encode()

    body = row(1, "id", "location") + b"".join(row(r, f"x{r}", "سرمدا") for r in range(2, 61) if r != 30)
    sheet = (
        SHEET_HEAD + b'<dimension ref="A1:B61"/><sheetData>' + body + b'<row r="61"><c r="A61" t="inlineStr"><is><t>x6'
    )
    path = xlsx_with_sheet_xml(tmp_path / "cut.xlsx", sheet)
    got = pd.concat(list(iter_records(path, chunk_rows=25, flag_unreadable=True)), ignore_index=True)
    kept = [r for r in range(2, 61) if r != 30]
    assert got["_line"].tolist()[:-1] == kept and got["id"].tolist()[:-1] == [f"x{r}" for r in kept]
    assert got["_problem"].iloc[-1].startswith("the rest of the file not read: ")
    assert "cannot read sheet" in got["_problem"].iloc[-1]


def test_too_many_columns_are_refused(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(20_000)) + "\n" + "," * 19_999 + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="20,000 columns") as info:
        read_incidents(str(path))
    assert info.value.line == 1


def test_folder_links_to_files_outside_are_left_out(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("قصف على بلدة سرمدا: سطر خاص", encoding="utf-8")
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text("اشتباكات في مدينة الباب شرقي حلب", encoding="utf-8")
    (folder / "b.txt").symlink_to(outside)
    (folder / "c.txt").symlink_to(folder / "a.txt")  # a link inside the folder is fine
    got = read_incidents(str(folder))
    assert got["event_id_cnty"].tolist() == ["a", "c"]


def test_file_names_that_are_not_utf8(tmp_path):
    import os

    name = "حلب".encode("cp1256") + b".txt"  # a Windows zip's Arabic name
    with open(os.path.join(os.fsencode(tmp_path), name), "w", encoding="utf-8") as fh:
        fh.write("قصف مدفعي على بلدة سرمدا بريف إدلب")
    out = tmp_path / "out.geojson"
    from geomap import write_geojson

    got = read_incidents(str(tmp_path))
    write_geojson(got, out)
    back = json.loads(out.read_text(encoding="utf-8"))
    assert back["features"][0]["properties"]["input_file"].endswith("\ufffd.txt")
    assert got["status"].tolist() == ["placed"]


def test_a_record_or_a_whole_file_past_its_limit_is_refused(tmp_path, monkeypatch):
    from geomap.io import encoding, jsonl

    monkeypatch.setattr(jsonl, "MAX_RECORD_BYTES", 1000)
    monkeypatch.setattr(encoding, "MAX_WHOLE_FILE_BYTES", 1000)
    lines = [json.dumps({"id": "a", "text": "قصف على سرمدا"}), json.dumps({"id": "b", "text": "قصف " * 400})]
    (tmp_path / "long.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="limit for one line") as info:
        read_incidents(str(tmp_path / "long.jsonl"))
    assert info.value.line == 2
    (tmp_path / "long.txt").write_text("قصف على بلدة سرمدا. " * 100, encoding="utf-8")
    with pytest.raises(InputError, match="limit for a file read whole"):
        read_incidents(str(tmp_path / "long.txt"))
