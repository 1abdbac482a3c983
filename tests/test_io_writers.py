import json

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
from shapely.geometry import Point, Polygon, shape

from geomap import OutputError, to_geojson, write_geojson
from geomap.io.writers import write_csv, write_layer


def check_rfc7946(text: str) -> dict:
    """The checks RFC 7946 asks of a FeatureCollection we write."""
    assert "\\u06" not in text  # Arabic stays UTF-8
    doc = json.loads(text)
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    for f in doc["features"]:
        assert f["type"] == "Feature" and set(f) == {"type", "properties", "geometry"}
        g = f["geometry"]
        if g is None:
            continue
        geom = shape(g)
        lon, lat = geom.representative_point().coords[0]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        coords = json.dumps(g["coordinates"])
        assert all(
            len(x.split(".")[1]) <= 6
            for x in coords.replace("[", " ").replace("]", " ").replace(",", " ").split()
            if "." in x
        )
        polys = [geom] if geom.geom_type == "Polygon" else list(getattr(geom, "geoms", []))
        for p in polys:
            if p.geom_type == "Polygon":
                assert p.exterior.is_ccw and all(not r.is_ccw for r in p.interiors)
    return doc


def test_incidents_geojson_is_rfc7946_and_round_trips(tmp_path, sample_result):
    inc = sample_result.incidents
    path = write_geojson(inc, tmp_path / "incidents.geojson")
    text = path.read_text(encoding="utf-8")
    doc = check_rfc7946(text)
    assert "البادية السورية" in text
    assert len(doc["features"]) == len(inc)
    back = gpd.read_file(path)
    assert list(back["event_id_cnty"]) == list(inc["event_id_cnty"])
    coords = inc.dropna(subset=["latitude"])
    first = doc["features"][int(coords.index[0])]["geometry"]["coordinates"]
    assert first == [coords["longitude"].iloc[0], coords["latitude"].iloc[0]]  # [lon, lat]


def test_clockwise_input_is_rewound_and_rounded():
    cw = Polygon([(36.0, 35.0), (36.0, 36.0), (37.0, 36.0), (37.0, 35.0)])
    assert not cw.exterior.is_ccw
    gdf = gpd.GeoDataFrame({"name": ["منطقة"]}, geometry=[cw], crs="EPSG:4326")
    doc = check_rfc7946(to_geojson(gdf))
    assert shape(doc["features"][0]["geometry"]).exterior.is_ccw
    pt = gpd.GeoDataFrame({"a": [1]}, geometry=[Point(36.123456789, 35.987654321)], crs="EPSG:4326")
    assert json.loads(to_geojson(pt))["features"][0]["geometry"]["coordinates"] == [36.123457, 35.987654]


def test_writes_are_atomic_and_refuse_overwrite(tmp_path, sample_result):
    path = tmp_path / "out.geojson"
    write_geojson(sample_result.incidents, path)
    before = path.read_bytes()
    with pytest.raises(OutputError, match="exists"):
        write_geojson(sample_result.incidents, path, overwrite=False)

    broken = sample_result.incidents.copy()
    broken["bad"] = [object()] * len(broken)  # not JSON serialisable: the write fails midway
    with pytest.raises(TypeError):
        write_geojson(broken, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["out.geojson"]  # no temporary file left behind
    with pytest.raises(OutputError, match="does not exist"):
        write_geojson(sample_result.incidents, tmp_path / "missing" / "x.geojson")
    with pytest.raises(OutputError, match="unknown output format"):
        write_layer(sample_result.incidents, tmp_path / "x.shp")


def test_same_input_same_bytes(tmp_path, sample_result):
    for ext in (".geojson", ".csv", ".parquet", ".gpkg"):
        a, b = tmp_path / f"a{ext}", tmp_path / f"b{ext}"
        write_layer(sample_result.incidents, a)
        write_layer(sample_result.incidents, b)
        assert a.read_bytes() == b.read_bytes(), ext


def test_csv_neutralises_formulas_and_keeps_arabic(tmp_path):
    df = pd.DataFrame(
        {
            "notes": ['=HYPERLINK("http://x")', "+1+2", "@SUM(A1)", "-3", "قصف على سرمدا"],
            "longitude": [-77.0, 36.1, 36.2, 36.3, 36.4],
        }
    )
    path = write_csv(df, tmp_path / "x.csv")
    back = pd.read_csv(path, encoding="utf-8-sig")
    assert back["notes"].tolist() == ['\'=HYPERLINK("http://x")', "'+1+2", "'@SUM(A1)", "-3", "قصف على سرمدا"]
    assert back["longitude"].tolist()[0] == -77.0  # numbers are not text


def test_gpkg_layers_open_in_pyogrio(tmp_path, sample_result):
    from geomap import write_layers

    (path,) = write_layers(sample_result, tmp_path / "all.gpkg")
    layers = dict(pyogrio.list_layers(path))
    assert set(layers) == {"incidents", "areas", "mentions", "counts_admin1", "counts_admin2", "counts_admin3"}
    inc = pyogrio.read_dataframe(path, layer="incidents")
    assert len(inc) == len(sample_result.incidents)
    counts = pyogrio.read_dataframe(path, layer="counts_admin1")
    assert len(counts) == 14 and counts["incidents"].sum() == (sample_result.incidents["status"] == "placed").sum()
