"""Issue 18, outputs: layers never replace files without --overwrite, never come back as inputs, keep a named
index, and stay readable when a run is killed or a disk fills."""

import json
import subprocess
import sys

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from geomap import OutputError, read_incidents
from geomap.io.writers import write_layer
from geomap.layers import write_layers

REPORTS = [
    {"id": "a", "text": "قصف مدفعي على بلدة سرمدا بريف إدلب الشمالي"},
    {"id": "b", "text": "اشتباكات عنيفة في مدينة الباب شرقي حلب"},
]


def geomap_cli(*args, check=True):
    done = subprocess.run([sys.executable, "-m", "geomap.cli", "-q", *map(str, args)], capture_output=True, text=True)
    if check:
        assert done.returncode == 0, done.stderr
    return done


@pytest.mark.parametrize("suffix", [".geojson", ".parquet", ".csv", ".gpkg"])
def test_a_named_index_is_written_as_a_column(tmp_path, suffix):
    gdf = gpd.GeoDataFrame(
        {"event_id": ["e2", "e1"], "notes": ["قصف", "غارة"]},
        geometry=[Point(37.16, 36.2), Point(36.7167, 36.1833)],
        crs="EPSG:4326",
    ).set_index("event_id")
    path = tmp_path / f"named{suffix}"
    write_layer(gdf, path)
    readers = {".csv": pd.read_csv, ".parquet": gpd.read_parquet}
    back = readers.get(suffix, gpd.read_file)(path)
    assert back["event_id"].tolist() == ["e2", "e1"] and back["notes"].tolist() == ["قصف", "غارة"]


def reports_folder(folder):
    folder.mkdir()
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in REPORTS)
    (folder / "reports.jsonl").write_text(text, encoding="utf-8")
    return folder


def test_layers_dir_refuses_to_replace_files_without_overwrite(tmp_path, sample_result):
    layers = tmp_path / "layers"
    layers.mkdir()
    (layers / "areas.geojson").write_text("my own file", encoding="utf-8")
    with pytest.raises(OutputError, match=r"areas\.geojson exists"):
        write_layers(sample_result, layers_dir=layers)
    assert (layers / "areas.geojson").read_text(encoding="utf-8") == "my own file"
    assert sorted(p.name for p in layers.iterdir()) == ["areas.geojson"]  # nothing else was left behind
    write_layers(sample_result, layers_dir=layers, overwrite=True)
    assert (layers / "areas.geojson").read_text(encoding="utf-8").startswith('{"type":"FeatureCollection"')


def test_a_rerun_into_the_input_folder_never_reads_its_own_layers(tmp_path):
    folder = reports_folder(tmp_path / "work")
    geomap_cli("incidents", folder, "--layers-dir", folder)
    again = geomap_cli("incidents", folder, "--layers-dir", folder, check=False)
    assert again.returncode == 1 and "exists" in again.stderr and "--overwrite" in again.stderr
    geomap_cli("incidents", folder, "--layers-dir", folder, "--overwrite")
    assert len(gpd.read_file(folder / "incidents.geojson")) == 2


def test_an_input_named_as_the_output_is_refused(tmp_path):
    folder = reports_folder(tmp_path / "in")
    target = folder / "reports.jsonl"
    done = geomap_cli("incidents", target, "-o", tmp_path / "x.geojson", "--layers-dir", folder, check=False)
    assert done.returncode == 0, done.stderr  # no layer is called reports.jsonl
    done = geomap_cli("incidents", folder / "reports.jsonl", "-o", folder / "reports.jsonl", "--overwrite", check=False)
    assert done.returncode != 0 and "is also an input" in done.stderr
    assert len(read_incidents(str(target))) == 2


def test_gpkg_keeps_columns_differing_only_in_case_and_text_after_a_nul(tmp_path):
    gdf = gpd.GeoDataFrame(
        {"Location": ["Sarmada"], "location": ["سرمدا"], "notes": ["قبل\x00بعد"]},
        geometry=[Point(36.7167, 36.1833)],
        crs="EPSG:4326",
    )
    write_layer(gdf, tmp_path / "case.gpkg")
    back = gpd.read_file(tmp_path / "case.gpkg")
    assert back["Location"].tolist() == ["Sarmada"] and back["location.2"].tolist() == ["سرمدا"]
    assert back["notes"].tolist() == ["قبل\ufffdبعد"]


def test_gpkg_mentions_schema_does_not_depend_on_the_first_chunk(tmp_path):
    import pyogrio

    from geomap import iter_incidents

    path = tmp_path / "mixed.csv"
    rows = ["id,location,notes", "t1,Sarmada,", "t2,Idlib,", "t3,,قصف مدفعي على بلدة سرمدا بريف إدلب"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "first.csv").write_text("\n".join([rows[0], rows[3], rows[1], rows[2]]) + "\n", encoding="utf-8")
    schemas = []
    for name in ("mixed.csv", "first.csv"):
        out = tmp_path / f"{name}.gpkg"
        write_layers(iter_incidents(str(tmp_path / name), chunk_rows=2), out)
        info = pyogrio.read_info(out, layer="mentions")
        schemas.append(dict(zip(info["fields"], info["dtypes"], strict=True)))
    assert schemas[0] == schemas[1]


@pytest.mark.parametrize("suffix", [".gpkg", ".geojson", ".parquet", ".csv"])
def test_a_full_disk_is_one_error_naming_the_file_and_leaves_nothing(tmp_path, monkeypatch, suffix):
    import pyogrio
    import pyogrio.errors

    def full(*args, **kwargs):  # what GDAL and the OS say when the disk fills mid-write
        if suffix == ".gpkg":
            raise pyogrio.errors.DataSourceError("sqlite3_exec failed: database or disk is full")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pyogrio, "write_dataframe", full)
    monkeypatch.setattr(pd.DataFrame, "to_csv", full)
    monkeypatch.setattr("pyarrow.parquet.ParquetWriter.write_table", full)
    monkeypatch.setattr("geomap.io.writers._features", full)
    gdf = gpd.GeoDataFrame({"a": ["x"]}, geometry=[Point(36.7, 36.2)], crs="EPSG:4326")
    target = tmp_path / f"x{suffix}"
    with pytest.raises(OutputError, match="full") as info:
        write_layer(gdf, target)
    assert str(target) in str(info.value)
    assert not list(tmp_path.iterdir())


def test_layer_files_are_replaced_as_one_set(tmp_path, sample_result, monkeypatch):
    import os

    layers = tmp_path / "layers"
    write_layers(sample_result, layers_dir=layers)
    before = {p.name: p.read_bytes() for p in layers.iterdir()}
    real_replace, calls = os.replace, []

    def failing_third(src, dst):
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(5, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_third)
    small = type(sample_result)(sample_result.incidents.head(3), sample_result.mentions.head(0), sample_result.areas)
    with pytest.raises(OSError):
        write_layers(small, layers_dir=layers, overwrite=True)
    monkeypatch.setattr(os, "replace", real_replace)
    assert {p.name: p.read_bytes() for p in layers.iterdir()} == before  # the earlier set, whole; no temporary file


@pytest.mark.parametrize("kind", ["fifo", "symlink", "device"])
def test_overwrite_never_replaces_a_pipe_a_link_or_a_device(tmp_path, sample_result, kind):
    import os

    target = tmp_path / "out.geojson"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink":
        (tmp_path / "elsewhere.geojson").write_text("{}", encoding="utf-8")
        target.symlink_to(tmp_path / "elsewhere.geojson")
    else:
        target = tmp_path / "null.geojson"
        target.symlink_to("/dev/null")
    with pytest.raises(OutputError):
        write_layers(sample_result, target, overwrite=True)
    assert target.is_symlink() or not target.is_file()


def test_two_runs_racing_for_one_name_cannot_both_succeed(tmp_path, sample_result):
    from geomap.io.writers import open_layer

    target = tmp_path / "race.geojson"
    with pytest.raises(OutputError, match="created by someone else"), open_layer(target, overwrite=False) as sink:
        sink.write(sample_result.incidents.head(2))
        target.write_text("the other run's file", encoding="utf-8")  # the other run finished first
    assert target.read_text(encoding="utf-8") == "the other run's file"
    assert [p.name for p in tmp_path.iterdir()] == ["race.geojson"]


def test_sigterm_leaves_no_temporary_file(tmp_path):
    import signal
    import time

    from geomap.synthetic import write_corpus

    corpus = write_corpus(3000, tmp_path / "reports.jsonl")
    out = tmp_path / "out"
    out.mkdir()
    cmd = [sys.executable, "-m", "geomap.cli", "-q", "incidents", str(corpus), "--layers-dir", str(out)]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not list(out.glob(".*tmp*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(out.glob(".*tmp*")), "the run never started writing"
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    assert proc.returncode != 0 and not list(out.iterdir())
