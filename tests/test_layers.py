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


def test_streamed_chunks_give_the_same_files_as_one_frame(tmp_path):
    from geomap import iter_incidents, read_incidents
    from geomap.synthetic import write_corpus

    corpus = write_corpus(600, tmp_path / "c.jsonl")
    whole = read_incidents(str(corpus), return_all=True, merge=False)  # iter_incidents streams: no merging
    for ext in (".geojson", ".csv", ".gpkg"):
        a = write_layers(whole, tmp_path / f"whole{ext}", layers_dir=tmp_path / f"whole_{ext[1:]}")
        b = write_layers(
            iter_incidents(str(corpus), chunk_rows=70),
            tmp_path / f"streamed{ext}",
            layers_dir=tmp_path / f"streamed_{ext[1:]}",
        )
        if ext == ".gpkg":  # appends change SQLite's page layout, not the content: compare every layer
            import pyogrio

            for name, _ in pyogrio.list_layers(a[0]):
                x, y = pyogrio.read_dataframe(a[0], layer=name), pyogrio.read_dataframe(b[0], layer=name)
                assert x.equals(y), name
            a, b = a[1:], b[1:]
        assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b], ext
