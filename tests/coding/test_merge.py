"""One incident per event across reports: five outlets report one strike; neighbouring events stay apart."""

from __future__ import annotations

import random
from decimal import Decimal

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

import geomap
from geomap.coding import CODING_COLUMNS, merge, merge_reports
from geomap.exc import GeomapError

# Five reports of one drone strike on Sarmada, written as five outlets would; the fourth names only the governorate.
FIVE_REPORTS = [
    (
        "r1",
        "2025-03-14",
        "عنب بلدي",
        "قتل مدنيان وأصيب ثلاثة آخرون بغارة من طائرة مسيرة استهدفت سيارة في بلدة سرمدا بريف إدلب الشمالي ظهر اليوم.",
    ),
    (
        "r2",
        "2025-03-14",
        "المرصد السوري",
        "مقتل شخصين بينهم طفل جراء استهداف طائرة مسيرة لسيارة مدنية وسط مدينة سرمدا شمالي إدلب، وفق مصادر محلية.",
    ),
    (
        "r3",
        "2025-03-15",
        "الدفاع المدني",
        "استجابت فرقنا أمس لاستهداف بطائرة مسيرة طال سيارة في بلدة سرمدا، وأسعفت ثلاثة مصابين، فيما قتل مدنيان.",
    ),
    ("r4", "2025-03-14", "وكالة محلية", "قتل ثلاثة مدنيين بضربة من طائرة مسيرة على سيارة في ريف إدلب الشمالي."),
    ("r5", "2025-03-14", "Syria Today", "A drone strike on a car in Sarmada, northern Idlib, killed two civilians."),
]


def _records(reports: list[tuple[str, str, str, str]]) -> list[dict[str, str]]:
    return [
        {"id": rid, "date": date, "source": outlet, "url": f"https://example.org/{rid}", "text": text}
        for rid, date, outlet, text in reports
    ]


def _incidents(reports: list[tuple[str, str, str, str]]) -> gpd.GeoDataFrame:
    """The incident rows geomap makes of the reports (placed by the geoparser, coded), every report kept."""
    frame = geomap.geocode_incidents(_records(reports), merge=False)
    assert frame["coding_evidence"].notna().all()
    return frame


@pytest.fixture(scope="module")
def five() -> gpd.GeoDataFrame:
    return _incidents(FIVE_REPORTS)


def test_five_reports_of_one_strike_are_one_incident(five: gpd.GeoDataFrame) -> None:
    assert (five["status"] == "placed").all()
    assert five["event_type"].nunique() == 1
    assert five.loc[five["event_id_cnty"] == "r4", "gazetteer_id"].item() == "SY07"  # the governorate only
    merged = merge_reports(five)
    assert len(merged) == 1
    row = merged.iloc[0]
    assert row["source_count"] == 5
    # sources in the merge order: most precise place first, then earliest date, then id
    assert row["source"].split("; ") == ["عنب بلدي", "المرصد السوري", "Syria Today", "الدفاع المدني", "وكالة محلية"]
    assert len(row["source_url"].split("; ")) == 5
    assert row["gazetteer_id"] == "C4121"  # Sarmada: the most precise place
    assert row["geo_precision"] == 1
    assert row["fatalities"] == 2  # 2, 2, 2, 3 and 2 stated: the lowest
    assert sorted(row["merged_ids"].split("; ")) == sorted({"r1", "r2", "r3", "r4", "r5"} - {row["event_id_cnty"]})
    assert row["event_date"] == "2025-03-14"


def test_the_pipeline_merges_by_default_and_keeps_every_report_when_asked(five: gpd.GeoDataFrame) -> None:
    merged = geomap.geocode_incidents(_records(FIVE_REPORTS))
    assert len(merged) == 1 and merged["source_count"].tolist() == [5]
    assert merged.iloc[0]["gazetteer_id"] == "C4121" and merged.iloc[0]["event_date"] == "2025-03-14"
    assert five["source_count"].tolist() == [1] * 5 and set(five["merged_ids"]) == {""}


def test_reports_without_a_known_day_are_never_merged(five: gpd.GeoDataFrame) -> None:
    undated = geomap.geocode_incidents([{k: v for k, v in r.items() if k != "date"} for r in _records(FIVE_REPORTS)])
    assert undated["event_date"].isna().sum() >= 4 and len(undated) == 5
    month = five.assign(time_precision=pd.array([3] * 5, dtype="Int64"))  # known to the month only
    assert len(merge_reports(month)) == 5


def test_the_same_rows_in_any_order_give_the_same_incidents(five: gpd.GeoDataFrame) -> None:
    other = _incidents([("o1", "2025-03-14", "عنب بلدي", "استهدفت طائرة مسيرة سيارة في مدينة الرقة.")])
    rows = pd.concat([five, other], ignore_index=True)
    expected = merge_reports(rows).sort_values("event_id_cnty", ignore_index=True)
    order = list(range(len(rows)))
    for seed in range(4):
        random.Random(seed).shuffle(order)
        got = merge_reports(rows.iloc[order]).sort_values("event_id_cnty", ignore_index=True)
        pd.testing.assert_frame_equal(got, expected)


def test_different_events_stay_apart(five: gpd.GeoDataFrame) -> None:
    other = _incidents(
        [
            ("o1", "2025-03-14", "عنب بلدي", "خرج العشرات في مظاهرة وسط بلدة سرمدا تنديداً بالقصف."),  # another type
            ("o2", "2025-03-20", "عنب بلدي", "قتل مدني بغارة من طائرة مسيرة على سيارة في بلدة سرمدا."),  # a week later
            ("o3", "2025-03-14", "عنب بلدي", "استهدفت طائرة مسيرة سيارة في مدينة الرقة."),  # far away
        ]
    )
    merged = merge_reports(pd.concat([five, other], ignore_index=True))
    assert len(merged) == 4
    assert sorted(merged["source_count"].tolist()) == [1, 1, 1, 5]
    assert set(merged.loc[merged["source_count"] == 1, "merged_ids"]) == {""}


def test_a_vague_report_that_fits_two_events_joins_neither() -> None:
    frame = _incidents(
        [
            ("a", "2025-03-14", "x", "استهدفت طائرة مسيرة سيارة في بلدة سرمدا بريف إدلب."),
            ("b", "2025-03-14", "y", "استهدفت طائرة مسيرة سيارة في مدينة أريحا بريف إدلب."),
            ("c", "2025-03-14", "z", "استهدفت طائرة مسيرة سيارة في ريف إدلب."),
        ]
    )
    assert len(merge_reports(frame)) == 3


def test_unplaced_rows_are_never_merged() -> None:
    frame = _incidents(
        [
            ("u1", "2025-03-14", "x", "قتل مدنيان بغارة من طائرة مسيرة على سيارة في المنطقة."),
            ("u2", "2025-03-14", "y", "قتل مدنيان بغارة من طائرة مسيرة على سيارة في المنطقة."),
        ]
    )
    assert (frame["status"] != "placed").all()
    merged = merge_reports(frame)
    assert len(merged) == 2
    assert merged["source_count"].tolist() == [1, 1]


def test_output_schema(five: gpd.GeoDataFrame) -> None:
    merged = merge_reports(five)
    assert isinstance(merged, gpd.GeoDataFrame)
    assert merged.crs == five.crs
    for column in ("source_count", "injuries"):
        assert str(merged[column].dtype) == CODING_COLUMNS[column] == "Int64"
    for column in ("merged_ids", "coding_evidence"):
        assert pd.api.types.is_string_dtype(merged[column])
    assert list(merged.columns[: len(five.columns)]) == list(five.columns)


def test_missing_columns_are_named() -> None:
    with pytest.raises(GeomapError, match="event_type"):
        merge_reports(gpd.GeoDataFrame({"event_id_cnty": ["a"], "event_date": ["2025-01-01"]}))
    with pytest.raises(ValueError, match="latitude"):
        merge_reports(gpd.GeoDataFrame({"event_id_cnty": ["a"], "event_date": ["x"], "event_type": ["Battles"]}))


def test_events_a_table_codes_apart_stay_apart_and_reports_join_them(five: gpd.GeoDataFrame) -> None:
    table = five.iloc[[0, 1]].assign(event_id_cnty=["t1", "t2"], coding_evidence=None)  # two events of one day
    merged = merge_reports(pd.concat([table, five.iloc[[2]]], ignore_index=True))
    assert merged["event_id_cnty"].tolist() == ["t1", "t2"]
    assert merged["merged_ids"].tolist() == ["r3", ""]  # the report joins the first table event it fits


def _every_group_tried(reports: list, max_days: int, max_km: float) -> list[list[int]]:
    """The grouping rule tried against every group of the day window (what the indexed grouping must equal)."""
    groups: list = []
    for r in reports:
        fits = []
        for g, group in enumerate(groups):
            a = group.anchor
            if a.event_type != r.event_type or abs(a.day - r.day) > max_days:
                continue
            if r.table_event and group.table_event:
                continue
            how = merge._fit(a, r, max_km)
            if how:
                fits.append((how[0] != "same", how[1], abs(a.day - r.day), g))
        same = [f for f in fits if not f[0]]
        chosen = min(same) if same else (fits[0] if len(fits) == 1 else None)
        if chosen is None:
            groups.append(merge._Group(r, [r], r.table_event))
        else:
            groups[chosen[3]].add(r)
    return [[m.index for m in g.members] for g in groups]


def test_indexed_grouping_finds_every_group_a_report_fits() -> None:
    # Reports packed into a small area and a few days, so that near points, nested units and shared ids all occur,
    # including pairs right at the distance limit and rows a table coded itself.
    rng = random.Random(3)
    places = [(f"P{k}", 36.0 + rng.uniform(-0.05, 0.05), 36.6 + rng.uniform(-0.05, 0.05)) for k in range(12)]
    units = ["SY07", "SY0700", "SY070000", "SY0701", ""]
    reports = []
    for i in range(600):
        gid, lat, lon = rng.choice(places)
        if rng.random() < 0.4:  # a point of its own near the place, sometimes exactly 3 km due north
            lat += merge.NEAR_KM / merge.KM_PER_DEGREE if rng.random() < 0.2 else rng.uniform(-0.04, 0.04)
            gid = rng.choice(["", gid, rng.choice(units)])
        admins = frozenset(u for u in rng.sample(units, 2) if u)
        day = 739000 + rng.randrange(6)
        kind = rng.choice(["Battles", "Explosions/Remote violence"])
        reports.append(
            merge._Report(i, f"r{i}", kind, day, lat, lon, gid, admins, rng.choice([1.0, 2.0, 3.0]), rng.random() < 0.1)
        )
    reports.sort(key=lambda r: (r.precision, r.day, r.event_id))
    indexed = [[m.index for m in g.members] for g in merge._group(reports, 1, merge.NEAR_KM)]
    assert indexed == _every_group_tried(reports, 1, merge.NEAR_KM)
    assert sum(len(g) > 1 for g in indexed) > 20  # the case is not trivial: many merges happen


def test_cells_read_at_column_speed_as_they_are_read_one_by_one() -> None:
    # What grouping reads a whole column at once must be what it read cell by cell: text ("" where missing) and
    # the day of a date (a time of day or a time zone does not move it).
    frame = pd.DataFrame(
        {
            "gazetteer_id": ["C3871", None, float("nan"), pd.NA, 12, 2.5, ""],
            "coding_evidence": [pd.NaT, np.float32("nan"), Decimal("NaN"), b"Battles", None, "«قصفت»", 0],
            "admin1_pcode": pd.array(["SY07", None, "SY02", None, "SY07", "SY13", "SY07"], dtype="str"),
            "year": pd.array([2024, None, 2025, 2025, None, 2024, 2024], dtype="Int64"),
        }
    )
    for column in frame.columns:
        assert merge.column_texts(frame, column) == [merge._text(v) for v in frame[column]], column
    assert merge.column_texts(frame, "absent") == [""] * len(frame)
    stated = [
        "2025-03-14",
        "2025-03-14 23:59",
        "1999-12-31",
        "not a date",
        None,
        "2025-03-15T00:30",
        "0999-01-01",
        "1965-06-01 18:00",
    ]
    dates = pd.to_datetime(pd.Series(stated), errors="coerce", format="mixed")
    expected = [0 if pd.isna(d) else d.toordinal() for d in dates]
    assert merge._ordinals(dates) == expected
    aware = pd.to_datetime(pd.Series(["2025-03-14 23:30+03:00", "2025-03-15 01:00+03:00"]))
    assert merge._ordinals(aware) == [d.toordinal() for d in aware]
