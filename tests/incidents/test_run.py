"""The public entry points end to end, on the shipped samples and on records written here."""

import pandas as pd
import pytest

from geomap import geocode_incidents, read_incidents
from geomap.incidents import INCIDENT_COLUMNS


def test_every_input_record_appears_once_in_order(sample_result, samples):
    inc = sample_result.incidents
    n_reports = len((samples / "reports.jsonl").read_text(encoding="utf-8").splitlines())
    n_rows = len(pd.read_csv(samples / "incidents_acled.csv"))
    # a record is a row, or merged into one (named in its merged_ids): the Suwayda protest reported twice
    merged_away = [i for ids in inc["merged_ids"] for i in ids.split("; ") if i]
    assert merged_away == ["rep-004"]
    assert len(inc) + len(merged_away) == n_reports + n_rows
    assert inc["source_count"].sum() == n_reports + n_rows
    assert inc["event_id_cnty"].is_unique
    assert inc["event_id_cnty"].iloc[0] == "rep-001"
    assert list(inc.columns[: len(INCIDENT_COLUMNS)]) == INCIDENT_COLUMNS
    unplaced = inc[inc["status"] != "placed"]
    assert unplaced["reason"].notna().all()


def test_badia_report_is_placed_in_the_badia_not_the_dateline(sample_result):
    row = sample_result.incidents.set_index("event_id_cnty").loc["rep-001"]
    assert row["gazetteer_id"] == "region/syrian-badia"
    assert row["geo_precision"] == 3 and row["area_id"] == "region/syrian-badia"
    assert row["event_date"] == "2025-11-01" and row["date_source"] == "text"
    areas = sample_result.areas.set_index("area_id")
    assert areas.loc["region/syrian-badia", "geometry"].geom_type in ("Polygon", "MultiPolygon")


def test_political_capital_report_is_outside_syria(sample_result):
    row = sample_result.incidents.set_index("event_id_cnty").loc["rep-008"]
    assert row["status"] == "outside_syria" and row["gazetteer_id"] == "city/4140963"


def test_town_beats_the_countryside_that_qualifies_it(sample_result):
    inc = sample_result.incidents.set_index("event_id_cnty")
    assert inc.loc["rep-003", "gazetteer_id"] == "C6124"  # نوى بريف درعا الغربي, filed from درعا
    assert inc.loc["rep-005", "gazetteer_id"] == "C5202"  # ذيبان بريف دير الزور الشرقي


def test_table_coordinates_are_kept_and_admin_filled(sample_result):
    inc = sample_result.incidents.set_index("event_id_cnty")
    row = inc.loc["SYR-GM-0001"]
    assert (row["latitude"], row["longitude"]) == (34.5573, 38.2773)
    assert row["match_method"] == "coordinates" and row["admin1_pcode"] == "SY04"
    assert row["event_date"] == "2025-11-01" and row["date_source"] == "table"
    geo = inc.loc["SYR-GM-0003"]
    assert geo["match_method"] == "geocode" and geo["gazetteer_id"] == "C5202"
    assert inc.loc["SYR-GM-0008", "relation"] == "north"  # "Northern Hama Governorate"
    assert inc.loc["SYR-GM-0014", "status"] == "unplaced"
    assert "not found" in inc.loc["SYR-GM-0014", "flags"]


def test_text_only_rows_are_geoparsed(sample_result):
    row = sample_result.incidents.set_index("event_id_cnty").loc["SYR-GM-0009"]
    assert row["match_method"] == "geoparse" and row["gazetteer_id"] == "C5942"


def test_mentions_table_links_to_incidents(sample_result):
    m, inc = sample_result.mentions, sample_result.incidents
    # a report merged into another's incident keeps its mentions under its own id, named in the merged_ids
    merged_away = {i for ids in inc["merged_ids"] for i in ids.split("; ") if i}
    assert set(m["event_id_cnty"]) <= set(inc["event_id_cnty"]) | merged_away
    chosen = m[m["is_event_location"]]
    assert chosen.groupby("event_id_cnty").size().max() == 1
    row = m[(m["event_id_cnty"] == "rep-001") & m["is_event_location"]].iloc[0]
    assert row["gazetteer_id"] == "region/syrian-badia" and row["text"] in ("البادية السورية", "البادية")


def test_values_are_repaired_and_flagged():
    df = pd.DataFrame(
        [
            {"id": "a", "latitude": "38,2773", "longitude": "34,5573", "notes": "x"},  # swapped, comma decimals
            {"id": "a", "latitude": "95", "longitude": "500", "location": "Sarmada"},  # out of range, duplicate id
            {"id": "c", "latitude": "", "longitude": "", "location": "", "notes": ""},
            {"id": "d", "latitude": "48.85", "longitude": "2.35"},  # Paris
        ]
    )
    inc = geocode_incidents(df)
    assert inc.loc[0, "latitude"] == pytest.approx(34.5573) and "swapped" in inc.loc[0, "flags"]
    assert inc.loc[1, "event_id_cnty"] == "a#2" and "duplicate" in inc.loc[1, "flags"]
    assert inc.loc[1, "gazetteer_id"] == "C4121" and "out of range" in inc.loc[1, "flags"]
    assert inc.loc[2, "status"] == "unplaced" and inc.loc[2, "reason"] == "no coordinates, location name or text"
    assert inc.loc[3, "status"] == "outside_syria"


def test_reports_as_strings_and_dateline_fallback():
    inc = geocode_incidents(["حلب - قتل شخصان في انفجار عبوة ناسفة صباح اليوم", "لا مكان في هذا النص"])
    assert inc.loc[0, "gazetteer_id"] in ("C1007", "SY02") and "dateline" in inc.loc[0, "flags"]
    assert inc.loc[1, "status"] == "unplaced" and inc.loc[1, "reason"] == "no place found in the text"


def test_user_column_names(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("رقم,المكان,النص\n1,سرمدا,قصف\n2,,اشتباكات في مدينة الباب شرقي حلب\n", encoding="utf-8")
    inc = read_incidents(str(path), location_column="المكان", text_column="النص", id_column="رقم")
    assert list(inc["gazetteer_id"]) == ["C4121", "C1202"]
    assert list(inc["event_id_cnty"]) == ["1", "2"]


def test_report_leads_with_its_event_and_separate_events_are_marked():
    report = (
        "دمشق - استهدفت غارة جوية مواقع لخلايا التنظيم في البادية السورية، خاصة في الصحراء الجنوبية، فيما "
        "تحدث مسؤولون عن التنسيق بين واشنطن ودمشق. وفي سياق منفصل تعرضت بلدة كفرنبل في ريف إدلب الجنوبي لقصف."
    )
    inc = geocode_incidents([report])
    assert inc.loc[0, "gazetteer_id"] == "region/syrian-badia"
    alone = geocode_incidents(["تعرضت بلدة كفرنبل في ريف إدلب الجنوبي لقصف مدفعي"])
    assert alone.loc[0, "gazetteer_id"] == "C4068"


def test_column_choices_as_one_object_or_as_options(tmp_path):
    from geomap import ColumnMap

    path = tmp_path / "mine.csv"
    path.write_text("رقم,المكان\n1,سرمدا\n", encoding="utf-8")
    chosen = ColumnMap.from_options(location_column="المكان", id_column="رقم")
    assert read_incidents(str(path), columns=chosen)["gazetteer_id"].tolist() == ["C4121"]
    with pytest.raises(TypeError, match="not both"):
        read_incidents(str(path), columns=chosen, text_column="المكان")


def test_texts_are_read_for_mentions_only_when_asked(samples):
    table = str(samples / "incidents_acled.csv")
    placing = read_incidents(table, return_all=True, mentions="placing")
    everything = read_incidents(table, return_all=True)
    assert placing.incidents.drop(columns="geometry").equals(everything.incidents.drop(columns="geometry"))
    assert set(placing.mentions["event_id_cnty"]) < set(everything.mentions["event_id_cnty"])
    assert placing.mentions["is_event_location"].sum() == everything.mentions["is_event_location"].sum()


def test_a_large_frame_is_placed_in_chunks_with_progress():
    seen = []
    frame = pd.DataFrame({"location": ["Sarmada", "Tadmur"] * 10_500})
    inc = geocode_incidents(frame, progress=seen.append)
    assert seen == [10_000, 10_000, 1_000] and inc["event_id_cnty"].iloc[-1] == "data-21000"
    assert (inc["status"] == "placed").all()


def test_a_folder_of_report_files_is_placed_as_one_chunk_by_one_geocoder(tmp_path, samples, monkeypatch):
    """A folder of small reports cost a geocoder and a placing per file (5,000 files: 584 s against 10 s as JSON
    Lines): the files' records are placed together, with the result of placing each file alone; a table among
    them is placed apart (its columns are recognised on their own)."""
    import json

    from geomap.geocoder import coder
    from geomap.incidents import run

    reports = [json.loads(line) for line in (samples / "reports.jsonl").read_text(encoding="utf-8").splitlines()]
    folder = tmp_path / "reports"
    folder.mkdir()
    for rec in reports:
        (folder / f"{rec['id']}.txt").write_text(rec["text"], encoding="utf-8")
    pd.DataFrame({"notes": ["ignored as a text: this table has a location"], "location": ["Sarmada"]}).to_csv(
        folder / "zz_table.csv", index=False
    )
    one_by_one = pd.concat([read_incidents(str(f), merge=False) for f in sorted(folder.iterdir())], ignore_index=True)
    placings, geocoders = [], []
    place_chunk, geocoder_init = run.place_chunk, coder.SyriaGeocoder.__init__
    monkeypatch.setattr(
        run, "place_chunk", lambda chunk, *a, **k: placings.append(len(chunk)) or place_chunk(chunk, *a, **k)
    )
    monkeypatch.setattr(
        coder.SyriaGeocoder, "__init__", lambda self, **k: geocoders.append(1) or geocoder_init(self, **k)
    )
    together = read_incidents(str(folder), merge=False)
    assert placings == [len(reports), 1] and len(geocoders) <= 1
    columns = ["event_id_cnty", "status", "gazetteer_id", "event_type", "fatalities", "input_file", "flags"]
    pd.testing.assert_frame_equal(together[columns], one_by_one[columns])
