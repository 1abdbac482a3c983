"""geomap.maps.payload: the columns the page reads, from full incident tables and from tables missing columns."""

import geopandas as gpd
import pandas as pd
import pytest

from geomap.maps.payload import excerpt, incident_payload


def frame(rows: list[dict]) -> gpd.GeoDataFrame:
    df = pd.DataFrame(rows)
    return gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df["longitude"], df["latitude"]), crs="EPSG:4326")


def test_excerpt_cuts_at_word_boundaries():
    text = "قالت مصادر محلية إن قصفاً مدفعياً استهدف بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم وأدى إلى إصابة مدنيين"
    start = text.index("كفرنبل")
    before, place, after = excerpt(text, start, start + len("كفرنبل"), 20)
    assert place == "كفرنبل"
    assert before.startswith("… ") and after.endswith(" …")
    for word in before.removeprefix("… ").split() + after.removesuffix(" …").split():
        assert word in text.split()  # no word was cut in half
    assert excerpt("short note.", 0, 0, 40) == ["", "", "short note."]


def test_full_columns_reach_the_payload(gaz):
    rows = [
        {
            "event_id_cnty": "M1",
            "event_date": "2025-03-02",
            "event_date_end": "2025-03-04",
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "actor1": "Military Forces of Syria",
            "actor2": "Unidentified armed group",
            "fatalities": 3,
            "injuries": pd.NA,
            "source": "Local monitors; Civil defence",
            "source_url": "https://example.org/a; https://example.org/b",
            "source_count": 2,
            "merged_ids": "r-7; r-9",
            "location": "Kafr Nabl",
            "latitude": 35.6137,
            "longitude": 36.5617,
            "geo_precision": 1,
            "status": "placed",
        },
        {
            "event_id_cnty": "M2",
            "location": "Washington",
            "latitude": 38.9,
            "longitude": -77.03,
            "status": "outside_syria",
        },
    ]
    df = frame(rows)
    df.loc[1, "status"] = "outside_syria"
    df["injuries"] = df["injuries"].astype("Int64")
    p = incident_payload(df, mentions=None, gazetteer=gaz, units=None)
    c, d = p["incidents"], p["dict"]
    assert d["types"][c["type"][0]] == "Battles" and d["subs"][c["sub"][0]] == "Armed clash"
    assert [d["actors"][c["actor1"][0]], d["actors"][c["actor2"][0]]] == [
        "Military Forces of Syria",
        "Unidentified armed group",
    ]
    assert (c["fat"][0], c["inj"][0], c["nsrc"][0], c["merged"][0]) == (3, None, 2, "r-7; r-9")
    assert d["sources"][c["source"][0]] == "Local monitors; Civil defence"
    assert c["day"][0] + 2 == c["dayEnd"][0]
    assert d["places"][c["place"][0]] == ["كفر نبل", "Kafr Nabl"]  # the Arabic name comes from the gazetteer
    assert c["out"] == [0, 1]
    assert d["places"][c["place"][1]][0] == "واشنطن العاصمة"  # the gazetteer's foreign city, not a Syrian place


def test_missing_columns_do_not_break_the_payload(gaz):
    p = incident_payload(frame([{"latitude": 36.2, "longitude": 37.15}]), mentions=None, gazetteer=gaz, units=None)
    c = p["incidents"]
    assert c["type"] == [0] and p["dict"]["types"] == [None]
    assert (c["fat"], c["day"], c["excerpt"], c["id"], c["prec"]) == ([None], [None], [None], [""], [0])
    assert c["out"] == [0]  # without a status column, a point in Syria's box is in Syria


@pytest.mark.parametrize("level", ["governorate", "district"])
def test_incidents_carry_their_admin_unit(gaz, level):
    units = gaz.layer(level).sort_values("id")
    p = incident_payload(
        frame([{"latitude": 36.2, "longitude": 37.15}, {"latitude": 38.9, "longitude": -77.0}]),
        mentions=None,
        gazetteer=gaz,
        units=units,
    )
    first, second = p["incidents"]["unit"]
    assert (
        units.iloc[first]["id"].startswith("SY02") and second == -1
    )  # Aleppo governorate (SY02) or one of its districts


def test_other_crs_and_polygons_become_wgs84_points(gaz):
    aleppo = frame([{"latitude": 36.2, "longitude": 37.15}]).to_crs("EPSG:3857")
    p = incident_payload(aleppo, mentions=None, gazetteer=gaz, units=None)
    assert (p["incidents"]["lat"], p["incidents"]["lon"]) == ([36.2], [37.15])
    area = aleppo.buffer(10_000)  # 10 km around Aleppo, in the metric CRS
    polygon = gpd.GeoDataFrame({"event_type": ["Battles"]}, geometry=area, crs="EPSG:3857")
    q = incident_payload(polygon, mentions=None, gazetteer=gaz, units=None)
    assert abs(q["incidents"]["lat"][0] - 36.2) < 0.1 and abs(q["incidents"]["lon"][0] - 37.15) < 0.1
