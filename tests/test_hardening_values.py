"""Issue 18, values: Null Island, swaps that are no repair, counts that are not whole numbers, relative dates."""

import numpy as np
import pandas as pd

from geomap import geocode_incidents
from geomap.incidents.values import SWAPPED, clean_strings, counts, repair_coordinates


def cells(*values):
    return clean_strings(pd.Series(list(values), dtype=object))


def test_zero_zero_means_no_coordinates():
    c = repair_coordinates(cells("0", "0.0", "0", "36.18"), cells("0", "0.000", "36.7", "0"))
    assert np.isnan(c.latitude[:2]).all() and "(0, 0)" in c.problem[0] and "(0, 0)" in c.problem[1]
    assert c.valid.tolist() == [False, False, True, True]  # one zero alone is a real place (the equator...)


def test_a_row_at_null_island_is_placed_by_its_location_name_and_flagged():
    table = pd.DataFrame({"id": ["n1"], "location": ["Sarmada"], "latitude": ["0"], "longitude": ["0"]})
    got = geocode_incidents(table)
    assert got["status"].tolist() == ["placed"] and got["gazetteer_id"].tolist() == ["C4121"]
    assert "(0, 0)" in got["flags"].iloc[0]


def test_a_swap_is_a_repair_only_towards_syria():
    c = repair_coordinates(cells("120.5", "38.2773", "-33.9"), cells("35.2", "34.5573", "151.2"))
    assert np.isnan(c.latitude[0]) and c.problem[0] == "coordinates out of range (120.5, 35.2)"
    assert (c.latitude[1], c.longitude[1]) == (34.5573, 38.2773) and c.flags[1] == (SWAPPED,)
    assert (c.latitude[2], c.longitude[2]) == (-33.9, 151.2) and c.flags[2] == ()  # Sydney stays Sydney


def test_counts_read_thousands_and_flag_what_is_not_a_whole_number():
    got = counts(cells("1,234", "١٢", "12.7", "3.0", "كثير", None, "-2", "12,5"))
    assert list(got.values) == [1234, 12, None, 3, None, None, None, None]
    assert got.problems[2] == "'12.7' is not a whole number" and got.problems[4] == "'كثير' is not a number"
    assert got.problems[6] == "'-2' is not a count" and got.problems[5] is None


def test_fatalities_not_a_whole_number_are_flagged_not_truncated():
    table = pd.DataFrame({"id": ["f1", "f2"], "location": ["Sarmada", "Idlib"], "fatalities": ["12.7", "1,234"]})
    got = geocode_incidents(table)
    assert got["fatalities"].tolist()[1] == 1234 and pd.isna(got["fatalities"].iloc[0])
    assert "fatalities '12.7' is not a whole number" in got["flags"].iloc[0]


def test_relative_dates_never_read_todays_clock():
    import datetime as dt

    reports = [
        {"id": "r1", "text": "قصف مدفعي أمس على بلدة سرمدا بريف إدلب"},
        {"id": "r2", "text": "Shelling hit Sarmada town in Idlib yesterday", "date": "2024-03-05"},
        {"id": "r3", "text": "قصف مدفعي أمس على بلدة سرمدا بريف إدلب", "date": "5/3/2024"},
    ]
    got = geocode_incidents(reports, merge=False)  # r2 and r3 are one event: kept apart here
    today = dt.date.today().isoformat()
    assert today not in got["event_date"].tolist()
    assert pd.isna(got["event_date"].iloc[0])  # no report date: left unset
    assert got["event_date"].iloc[1] in ("2024-03-04", "2024-03-05")  # the day before the report, or the report's
    assert got["event_date"].iloc[2] in ("2024-03-04", "2024-03-05")


def test_binary_parquet_strings_are_text(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from geomap import read_incidents

    table = pa.table(
        {
            "id": pa.array([b"b1", b"b2"], pa.binary()),
            "notes": pa.array(["قصف على سرمدا".encode(), b"\xff\xfe"], pa.large_binary()),
            "location": pa.array(["Sarmada", "Idlib"]),
        }
    )
    pq.write_table(table, tmp_path / "binary.parquet")
    got = read_incidents(str(tmp_path / "binary.parquet"))
    assert got["event_id_cnty"].tolist() == ["b1", "b2"]
    assert got["notes"].tolist() == ["قصف على سرمدا", "\ufffd\ufffd"]


def test_a_location_cell_of_separators_only_is_one_flagged_row(tmp_path):
    """Cells that split into no name at all ("Unknownville /", ",", "،", "|") crashed the geocoder: each is now one
    unplaced row saying why, and the rows around them are placed."""
    from click.testing import CliRunner

    from geomap.cli import main

    cells_in = ["Unknownville /", ",", "،", "|", "Sarmada"]
    table = pd.DataFrame({"id": [f"s{i}" for i in range(5)], "location": cells_in})
    got = geocode_incidents(table)
    assert got["event_id_cnty"].tolist() == table["id"].tolist()
    assert got["status"].tolist() == ["unplaced"] * 4 + ["placed"] and got["gazetteer_id"].iloc[4] == "C4121"
    assert all("not found in the gazetteer" in flag for flag in got["flags"].iloc[:4])
    path = tmp_path / "separators.csv"
    table.to_csv(path, index=False)
    for command in (["incidents", str(path), "-o", str(tmp_path / "out.csv")], ["geocode", *cells_in[:4]]):
        r = CliRunner().invoke(main, command)
        assert r.exit_code == 0 and r.exception is None, r.output
    assert len(pd.read_csv(tmp_path / "out.csv")) == 5
