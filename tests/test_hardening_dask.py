"""Issue 18, Dask: the same rows, ids and order as one process, bad files included (each one flagged record)."""

import subprocess
import sys

import pandas as pd
import pytest

from tests.test_dask import every_format

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
