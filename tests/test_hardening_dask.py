"""Issue 18, Dask: the same rows, ids, order and flags as one process, bad files included (each one flagged record)
and files that fail part-way (read up to the bad record, the rest of the file left out)."""

import json
import subprocess
import sys

import pandas as pd
import pytest

from geomap import read_incidents
from geomap.dask import process_corpus
from geomap.exc import InputError
from tests.test_dask import COLUMNS, every_format, parts, same_rows

pytest.importorskip("distributed")


def test_a_folder_with_bad_files_gives_the_same_rows_on_dask(tmp_path, samples):
    folder = tmp_path / "in"
    every_format(folder, samples)
    (folder / "j_empty.txt").write_text("", encoding="utf-8")
    (folder / "k_empty.csv").write_text("", encoding="utf-8")
    (folder / "l_old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    (folder / "m_open_quote.csv").write_text('id,location\nq1,"Sarmada\nq2,Idlib\n', encoding="utf-8")
    geomap = [sys.executable, "-m", "geomap.cli", "-q", "incidents", str(folder)]
    one = subprocess.run([*geomap, "-o", str(tmp_path / "one.csv")], capture_output=True, text=True)
    assert one.returncode == 0, one.stderr
    dask = [*geomap, "-o", str(tmp_path / "dask.csv"), "--scheduler", "threads", "--workers", "2"]
    done = subprocess.run(dask, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "dask.csv").read_bytes() == (tmp_path / "one.csv").read_bytes()
    got = pd.read_csv(tmp_path / "one.csv", dtype=str).set_index("input_file")
    for name, why in [("j_empty", "empty report"), ("k_empty", "empty file"), ("l_old", ".xlsx"), ("m_open", "quote")]:
        (flag,) = got.loc[[i for i in got.index if name in i], "flags"]
        assert why in flag


TEXTS = (
    "قصفت قوات النظام بالمدفعية الثقيلة أطراف بلدة كفرنبل جنوبي إدلب",
    "انفجار عبوة ناسفة بسيارة مدنية في مدينة الباب شرقي حلب",
    "اشتباكات متقطعة بين فصائل مسلحة في محيط بلدة سرمدا",
)


def jsonl_broken_at(path, n, broken):
    """`n` reports, one record a line, the lines numbered in `broken` cut short (a truncated export)."""
    lines = []
    for i in range(1, n + 1):
        line = json.dumps({"id": f"{path.stem}{i}", "text": TEXTS[i % 3]}, ensure_ascii=False)
        lines.append(line[: len(line) // 2] if i in broken else line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def csv_quote_opened_at(path, n, row):
    """`n` rows of id,location,notes; the notes of row `row` open a quote that the row never closes."""
    out = ["id,location,notes"]
    for i in range(1, n + 1):
        notes = f'"{TEXTS[i % 3]}' if i == row else TEXTS[i % 3]
        out.append(f"q{i},Sarmada,{notes}")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def test_files_failing_part_way_give_the_same_rows_and_flags_on_dask(cluster, tmp_path):
    """Every block after the one where a file stops is left out, as one process stops reading there; the records
    before the stop are kept in both, whatever the chunk or block boundaries."""
    folder = tmp_path / "in"
    folder.mkdir()
    jsonl_broken_at(folder / "a_reports.jsonl", 300, {150, 260})
    csv_quote_opened_at(folder / "b_table.csv", 300, 250)
    jsonl_broken_at(folder / "c_more.jsonl", 40, set())
    summary = process_corpus([folder], tmp_path / "out", client=cluster, block_bytes=2_000)
    single = read_incidents(str(folder), merge=False)
    assert summary["partitions"] > 10
    same_rows(parts(tmp_path / "out" / "incidents"), single, [*COLUMNS, "flags"])
    files = single["input_file"].str.rsplit("/", n=1).str[-1]
    assert files.value_counts().to_dict() == {"a_reports.jsonl": 150, "b_table.csv": 250, "c_more.jsonl": 40}
    flagged = single[single["flags"].fillna("").str.contains("not read")]
    assert flagged["input_line"].tolist() == [150, 251]  # the broken line; the row opening the quote (line 251)
    assert single["event_id_cnty"].iloc[148] == "a_reports149"  # records before the stop are all kept


def test_a_single_file_failing_part_way_fails_alike_on_dask(cluster, tmp_path):
    """One file alone is refused at its first bad line, by either path, however many blocks follow it."""
    path = jsonl_broken_at(tmp_path / "reports.jsonl", 300, {150, 260})
    with pytest.raises(InputError) as one:
        read_incidents(str(path), merge=False)
    with pytest.raises(InputError) as dask:
        process_corpus([path], tmp_path / "out", client=cluster, block_bytes=2_000)
    assert str(dask.value) == str(one.value) and one.value.line == dask.value.line == 150
