"""JSON Lines: one parser for a whole file and for byte ranges of it."""

import json

import pandas as pd
import pytest

from geomap import InputError
from geomap.io.jsonl import jsonl_cuts, read_jsonl

LINES = [
    {"id": "r1", "text": "قصف على بلدة سرمدا", "meta": {"source": "شبكة محلية"}},
    "اشتباكات في مدينة الباب",
    {"id": "r3", "text": "غارة على البادية السورية", "tags": ["air", "ISIS"]},
]


def write(path, lines, encoding="utf-8"):
    body = "".join((json.dumps(x, ensure_ascii=False) + "\r\n") for x in lines[:1])
    body += "\n" + "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines[1:])  # a blank line 2
    path.write_bytes(body.encode(encoding))


@pytest.mark.parametrize("encoding", ["utf-8", "cp1256", "utf-16"])
def test_records_lines_and_nested_values(tmp_path, encoding):
    path = tmp_path / "r.jsonl"
    write(path, LINES, encoding)
    (df,) = list(read_jsonl(path, encoding=encoding, chunk_rows=10))
    assert df["_line"].tolist() == [1, 3, 4] and df["text"].iloc[1] == "اشتباكات في مدينة الباب"
    assert json.loads(df["meta"].iloc[0]) == {"source": "شبكة محلية"} and pd.isna(df["id"].iloc[1])


@pytest.mark.parametrize("block_bytes", [1, 40, 100_000])
def test_byte_ranges_give_the_same_records(tmp_path, block_bytes):
    path = tmp_path / "r.jsonl"
    write(path, LINES * 5)
    whole = pd.concat(list(read_jsonl(path, encoding="utf-8", chunk_rows=4)), ignore_index=True)
    parts = [
        df
        for a, b, line in jsonl_cuts(path, block_bytes)
        for df in read_jsonl(path, encoding="utf-8", chunk_rows=4, start=a, end=b, first_line=line)
    ]
    pd.testing.assert_frame_equal(pd.concat(parts, ignore_index=True), whole)


def test_errors_name_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"text": "\xd9\x82\xd8\xb5\xd9\x81"}\n{"text": "\xff"}\n')
    with pytest.raises(InputError, match="line 2") as info:
        list(read_jsonl(path, encoding="utf-8", chunk_rows=10))
    assert info.value.line == 2 and str(path) in str(info.value)
    path.write_text('{"a": 1}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(InputError, match="expected a JSON object per line, got list"):
        list(read_jsonl(path, encoding="utf-8", chunk_rows=10))
