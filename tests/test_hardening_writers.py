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
