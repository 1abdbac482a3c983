import json

from geomap import admin_counts, write_layers
from tests.test_io_writers import check_rfc7946


def test_every_layer_is_written_as_rfc7946(tmp_path, sample_result):
    written = write_layers(sample_result, tmp_path / "incidents.geojson", layers_dir=tmp_path / "layers")
    names = sorted(p.name for p in (tmp_path / "layers").iterdir())
    assert names == [
        "areas.geojson",
        "counts_admin1.geojson",
        "counts_admin2.geojson",
        "counts_admin3.geojson",
        "incidents.geojson",
        "mentions.geojson",
    ]
    for p in written:
        check_rfc7946(p.read_text(encoding="utf-8"))
    areas = json.loads((tmp_path / "layers" / "areas.geojson").read_text(encoding="utf-8"))
    kinds = {f["properties"]["area_id"] for f in areas["features"]}
    assert "region/syrian-badia" in kinds


def test_admin_counts_cover_every_unit(sample_result, gaz):
    for level, n in ((1, 14), (2, 62), (3, 272)):
        counts = admin_counts(sample_result.incidents, level)
        assert len(counts) == n
    c1 = admin_counts(sample_result.incidents, 1).set_index("pcode")["incidents"]
    placed = sample_result.incidents[sample_result.incidents["status"] == "placed"]
    assert c1.sum() == placed["admin1_pcode"].notna().sum()
    assert c1["SY07"] >= 2  # Idlib: Kafr Nobol, Jabal al-Zawiya ...
