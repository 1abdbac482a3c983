"""Value repair on columns written here: numbers, coordinates, counts and dates."""

import math

import numpy as np
import pandas as pd
import pytest

from geomap.incidents.values import (
    SWAPPED,
    clean_strings,
    event_dates,
    integers,
    numbers,
    parse_number,
    repair_coordinates,
)


def cells(*values):
    return clean_strings(pd.Series(list(values), dtype=object))


def test_cells_are_stripped_strings_or_none():
    assert list(cells(" سرمدا ", "", None, math.nan, 3, 2.5, pd.NA)) == ["سرمدا", None, None, None, "3", "2.5", None]
    assert list(clean_strings(pd.Series(["  a", None, "   "], dtype="str"))) == ["a", None, None]
    assert list(clean_strings(None, 2)) == [None, None]


def test_numbers_in_arabic_indic_digits_and_with_decimal_commas():
    assert parse_number("٣٤٫٥") == 34.5 and parse_number("36,25") == 36.25 and parse_number("inf") is None
    got = numbers(cells("35.1", "٣٦", "36,2", "شمال", None, "nan"))
    assert got[:3].tolist() == [35.1, 36.0, 36.2] and np.isnan(got[3:]).all()
    assert numbers(cells("35.1", "36.7")).tolist() == [35.1, 36.7]  # a clean column, in one pass
    assert list(integers(cells("٥", "2.7", "-1", "كثير"))) == [5, 2, -1, None]


def test_a_chunk_of_coordinates_is_repaired_and_flagged():
    lat = cells("36.180249", "38,2773", "95", "abc", "48.85", "", "36.1234567")
    lon = cells("36.718473", "34,5573", "500", "1", "2.35", "", "36.7654321")
    c = repair_coordinates(lat, lon)
    assert (c.latitude[0], c.longitude[0]) == (36.180249, 36.718473) and c.flags[0] == ()
    # Tadmur written as 38.2773 N, 34.5573 E (the Mediterranean): in Syria only the other way round
    assert (c.latitude[1], c.longitude[1]) == (34.5573, 38.2773) and c.flags[1] == (SWAPPED,)
    assert np.isnan(c.latitude[2]) and c.problem[2] == "coordinates out of range (95.0, 500.0)"
    assert c.problem[3] == "coordinates are not numbers"
    assert (c.latitude[4], c.longitude[4]) == (48.85, 2.35) and c.problem[4] is None  # Paris stays Paris
    assert np.isnan(c.latitude[5]) and c.problem[5] is None  # nothing given, nothing wrong
    assert c.latitude[6] == round(36.1234567, 6) and c.longitude[6] == round(36.7654321, 6)
    assert c.valid.tolist() == [True, True, False, False, True, False, True]


def test_table_dates_are_the_events_own():
    d = event_dates(
        cells("2025-11-01", "1/11/2025", "yesterday-ish"),
        cells(None, None, None),
        cells("2", "", ""),
        authoritative=True,
    )
    assert list(d.event_date[:2]) == ["2025-11-01", "2025-11-01"] and list(d.date_source[:2]) == ["table", "table"]
    assert list(d.time_precision[:2]) == [2, 1] and list(d.year[:2]) == [2025, 2025]
    assert d.event_date[2] is None and d.flag[2] == "unreadable date 'yesterday-ish'"


@pytest.mark.parametrize(
    ("report", "text", "want", "source"),
    [
        ("2025-11-03", "قصف على بلدة سرمدا في 1 نوفمبر/تشرين الثاني", "2025-11-01", "text"),
        ("2025-11-03", "قصف على بلدة سرمدا في 20 نوفمبر/تشرين الثاني", "2025-11-03", "report"),  # not after
        (None, "اشتباكات بين 24 و27 أكتوبر/تشرين الأول 2024", "2024-10-24", "text"),
        ("2025-11-03", "قصف على بلدة سرمدا", "2025-11-03", "report"),
    ],
)
def test_report_dates_give_way_to_the_date_the_text_states(report, text, want, source):
    d = event_dates(cells(report), cells(text), cells(None), authoritative=False)
    assert d.event_date[0] == want and d.date_source[0] == source
