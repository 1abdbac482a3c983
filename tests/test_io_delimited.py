"""CSV/TSV read whole or as byte ranges cut between records: the same rows, line numbers and problems."""

import itertools

import pandas as pd
import pytest

from geomap.io.delimited import clean_header, delimited_cuts, read_delimited, read_layout

TRICKY = (
    "\n\nid;notes;location\r\n"  # blank lines before the header, ; delimiter, CRLF
    'a1;"قصف على ""سرمدا""\nبريف إدلب";Sarmada\r\n'  # a quoted field over two lines, doubled quotes
    "a2;اشتباكات;Hama;extra\n"  # ragged: one cell too many
    ";;\n"  # a blank row
    "a3;غارة\r"  # lone CR ending, one cell short
    'a4;"x";Idlib\n'
)


def whole(path, **kw):
    return pd.concat(list(read_delimited(path, encoding="utf-8", chunk_rows=2, **kw)), ignore_index=True)


def test_layout_and_rows(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(TRICKY.encode("utf-8"))
    layout = read_layout(path, encoding="utf-8")
    assert layout.header == ("id", "notes", "location") and layout.delimiter == ";" and layout.data_line == 4
    rows = whole(path)
    assert rows["id"].tolist() == ["a1", "a2", "a3", "a4"]
    assert rows["_line"].tolist() == [4, 6, 8, 9]
    assert rows["notes"].iloc[0] == 'قصف على "سرمدا"\nبريف إدلب' and rows["location"].iloc[1] == "Hama;extra"
    assert rows["_problem"].notna().tolist() == [False, True, True, False] and pd.isna(rows["location"].iloc[2])


@pytest.mark.parametrize("block_bytes", [1, 20, 60, 10_000])
def test_byte_ranges_read_exactly_what_the_whole_file_gives(tmp_path, block_bytes):
    path = tmp_path / "t.csv"
    path.write_bytes(TRICKY.encode("utf-8"))
    layout = read_layout(path, encoding="utf-8")
    cuts = delimited_cuts(path, layout, block_bytes)
    assert cuts[0][0] == layout.data_start and cuts[-1][1] == path.stat().st_size
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cuts))
    parts = [
        df
        for start, end, line in cuts
        for df in read_delimited(
            path, encoding="utf-8", chunk_rows=2, layout=layout, start=start, end=end, first_line=line
        )
    ]
    got = pd.concat(parts, ignore_index=True)[list(whole(path).columns)]
    pd.testing.assert_frame_equal(got.astype(object), whole(path).astype(object))


def test_headers_are_cleaned():
    assert clean_header(["\ufeffid", "", "id", "id", " notes "]) == ["id", "column_2", "id.2", "id.3", "notes"]
