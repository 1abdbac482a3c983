"""Incidents coded in the pipeline: reports coded from their text, further events split off as incidents of their
own, table coding kept, denials not coded as attacks; the same rows however the input is cut into chunks."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from geomap import geocode_incidents, iter_incidents
from geomap.incidents import concat_incidents
from geomap.incidents.coded import expand_rows

# A report telling two events: shelling in Kafr Nabl (Idlib), then a roadside bomb in al-Bab (Aleppo).
TWO_EVENTS = (
    "إدلب - قصفت قوات النظام بالمدفعية الثقيلة بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم، ما أسفر عن مقتل ثلاثة "
    "مدنيين بينهم طفل.\n"
    "وفي حادثة أخرى، انفجرت عبوة ناسفة بسيارة عسكرية في مدينة الباب بريف حلب الشرقي، ما أدى إلى إصابة عنصرين من "
    "الجيش الوطني."
)
# Three events: a clash, then (another day) a drone strike with no place of its own, then an arrest campaign.
THREE_EVENTS = (
    "اندلعت اشتباكات عنيفة بين قوات سوريا الديمقراطية وخلايا تنظيم داعش في بلدة ذيبان بريف دير الزور الشرقي، قتل "
    "فيها عنصران من قسد.\n"
    "وأمس، استهدفت طائرة مسيرة مجهولة دراجة نارية على الطريق العام، ما أدى إلى مقتل شخص.\n"
    "وفي سياق منفصل، شنت قوى الأمن الداخلي حملة مداهمات واعتقالات في مدينة الحسكة طالت عشرة شبان."
)
DENIAL = "نفت وزارة الدفاع التركية استهداف أي مواقع مدنية في ريف الحسكة الشمالي، مؤكدة أن عملياتها تستهدف المسلحين فقط."


def _by_id(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.set_index("event_id_cnty")


def test_two_events_in_one_report_are_two_incidents() -> None:
    inc = geocode_incidents([{"id": "r7", "date": "2025-02-03", "text": TWO_EVENTS}])
    assert inc["event_id_cnty"].tolist() == ["r7", "r7-2"]  # the lead incident first, keeping the report's id
    lead, other = inc.iloc[0], inc.iloc[1]
    assert lead["location_ar"] == "كفر نبل" and lead["admin1_pcode"] == "SY07"
    assert lead["sub_event_type"] == "Shelling/artillery/missile attack"
    assert lead["actor1"] == "Syrian government forces" and lead["fatalities"] == 3
    assert lead["notes"] == TWO_EVENTS  # the report as written
    assert other["location_ar"] == "الباب" and other["admin1_pcode"] == "SY02"
    assert other["sub_event_type"] == "Remote explosive/landmine/IED"
    assert pd.isna(other["fatalities"]) and other["injuries"] == 2
    assert other["notes"].startswith("وفي حادثة أخرى") and "كفرنبل" not in other["notes"]
    assert "«عبوة ناسفة»" in other["coding_evidence"]
    assert (inc["event_date"] == "2025-02-03").all() and (inc["status"] == "placed").all()


def test_a_further_event_that_names_no_place_is_placed_at_the_lead_and_flagged() -> None:
    inc = _by_id(geocode_incidents([{"id": "d", "text": THREE_EVENTS}], merge=False))
    assert list(inc.index) == ["d", "d-2", "d-3"]
    assert inc.loc["d", "location_ar"] == "ذيبان" and inc.loc["d", "sub_event_type"] == "Armed clash"
    assert inc.loc["d", "fatalities"] == 2
    assert inc.loc["d-2", "sub_event_type"] == "Air/drone strike" and inc.loc["d-2", "fatalities"] == 1
    assert inc.loc["d-2", "gazetteer_id"] == inc.loc["d", "gazetteer_id"]
    assert "placed where the report's lead event is" in inc.loc["d-2", "flags"]
    assert inc.loc["d-3", "location_ar"] == "الحسكة" and inc.loc["d-3", "sub_event_type"] == "Arrests"
    assert pd.isna(inc.loc["d-3", "fatalities"])


def test_a_further_event_on_another_day_has_that_day() -> None:
    inc = _by_id(geocode_incidents([{"id": "d", "date": "2025-02-03", "text": THREE_EVENTS}], merge=False))
    assert inc.loc["d-2", "event_date"] == "2025-02-02" and inc.loc["d-2", "date_source"] == "text"  # «وأمس،»
    assert inc.loc["d-2", "year"] == 2025 and inc.loc["d-2", "time_precision"] == 1
    assert inc.loc["d", "event_date"] == inc.loc["d-3", "event_date"] == "2025-02-03"  # «وفي سياق منفصل»: no day
    assert inc.loc["d-3", "date_source"] == "report"


def test_a_denied_attack_is_not_coded_as_one() -> None:
    (row,) = geocode_incidents([DENIAL]).itertuples()
    assert row.event_type is None and row.sub_event_type is None
    assert pd.isna(row.fatalities) and row.status == "placed"  # still placed: the record is not lost


def test_table_rows_keep_their_own_coding() -> None:
    table = pd.DataFrame(
        [
            {  # ACLED-coded: kept as it is, though its notes read otherwise
                "event_id_cnty": "SYR1",
                "event_date": "2025-01-05",
                "event_type": "Protests",
                "sub_event_type": "Peaceful protest",
                "actor1": "Protesters (Syria)",
                "fatalities": "0",
                "latitude": "36.180249",
                "longitude": "36.718473",
                "notes": "قصف مدفعي على بلدة سرمدا أسفر عن مقتل خمسة مدنيين",
            },
            {  # notes but no coding: coded from the notes, its own fatalities kept
                "event_id_cnty": "SYR2",
                "event_date": "2025-01-06",
                "event_type": None,
                "sub_event_type": None,
                "actor1": None,
                "fatalities": "4",
                "latitude": "36.180249",
                "longitude": "36.718473",
                "notes": "قصف مدفعي لقوات النظام على بلدة سرمدا أسفر عن مقتل خمسة مدنيين",
            },
        ]
    )
    inc = _by_id(geocode_incidents(table))
    assert inc.loc["SYR1", "event_type"] == "Protests" and inc.loc["SYR1", "actor1"] == "Protesters (Syria)"
    assert inc.loc["SYR1", "fatalities"] == 0 and pd.isna(inc.loc["SYR1", "coding_evidence"])
    assert inc.loc["SYR2", "event_type"] == "Explosions/Remote violence"
    assert inc.loc["SYR2", "actor1"] == "Syrian government forces"
    assert inc.loc["SYR2", "fatalities"] == 4  # the table's count, not the text's five
    assert len(inc) == 2  # a table row with coordinates is never split


def test_no_coding_when_asked() -> None:
    inc = geocode_incidents([TWO_EVENTS], coding=False)
    assert len(inc) == 1 and inc["event_type"].isna().all() and inc["coding_evidence"].isna().all()


def test_the_same_incidents_however_the_input_is_cut(tmp_path) -> None:
    reports = [TWO_EVENTS, DENIAL, THREE_EVENTS, TWO_EVENTS, "اشتباكات في مدينة الباب شرقي حلب"]
    path = tmp_path / "r.jsonl"
    path.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in reports), encoding="utf-8")
    whole = concat_incidents(list(iter_incidents(str(path))))
    cut = concat_incidents(list(iter_incidents(str(path), chunk_rows=1)))
    pd.testing.assert_frame_equal(whole.incidents, cut.incidents)
    pd.testing.assert_frame_equal(whole.mentions, cut.mentions)
    ids = whole.incidents["event_id_cnty"].tolist()
    assert ids == ["r-1", "r-1-2", "r-2", "r-3", "r-3-2", "r-3-3", "r-4", "r-4-2", "r-5"]
    # a report's mentions are listed once, under its lead incident
    assert set(whole.mentions["event_id_cnty"]) == {"r-1", "r-2", "r-3", "r-4", "r-5"}


def test_a_renamed_report_takes_its_further_events_along() -> None:
    inc = geocode_incidents([{"id": "a", "text": TWO_EVENTS}, {"id": "a", "text": TWO_EVENTS}], merge=False)
    assert inc["event_id_cnty"].tolist() == ["a", "a-2", "a#2", "a#2-2"]
    assert "whose id was renamed" in inc.iloc[3]["flags"]


@pytest.mark.parametrize(
    ("further", "order", "at"),
    [([], [0, 1, 2], []), ([1, 1], [0, 1, 1, 1, 2], [2, 3]), ([0, 2], [0, 0, 1, 2, 2], [1, 4])],
)
def test_expand_rows(further: list[int], order: list[int], at: list[int]) -> None:
    got_order, got_at = expand_rows(3, further)
    assert got_order.tolist() == order and got_at.tolist() == at
    assert np.array_equal(got_order[got_at], np.array(further, dtype=int))
