"""Choosing the event's place among a report's mentions, on reports written here and parsed by the real geoparser."""

import dataclasses

import pytest

from geomap import geoparse
from geomap.incidents.event_place import WEIGHTS, NoEventPlace, choose_event_mention, is_dateline


def choose(text):
    return choose_event_mention(geoparse(text), text)


def test_the_dateline_city_is_skipped_for_the_place_the_report_describes():
    text = "دمشق - قصف مدفعي على بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم"
    mentions = geoparse(text)
    assert is_dateline(text, mentions[0]) and mentions[0].place_id == "C1001"
    chosen, why = choose_event_mention(mentions, text)
    assert chosen.place_id == "C4068" and why is NoEventPlace.CHOSEN


def test_a_dateline_alone_is_taken_and_said_so():
    chosen, why = choose("حلب (رويترز) - قتل شخصان في انفجار عبوة ناسفة صباح اليوم")
    assert chosen.place_id == "C1007" and why is NoEventPlace.DATELINE


def test_a_capital_named_as_a_government_is_not_the_event_place():
    assert choose("أعلنت الحكومة في دمشق عن خطة جديدة للكهرباء") == (None, NoEventPlace.POLITICAL_ONLY)
    chosen, why = choose("التقى وفد من دمشق مسؤولين في أنقرة لبحث ملفات التعاون")
    assert chosen is None and why is NoEventPlace.OUTSIDE_SYRIA


def test_what_follows_a_separate_story_marker_is_another_event():
    second = "سقطت قذائف على حي في مدينة حماة، {} اندلعت اشتباكات في بلدة سرمدا بريف إدلب"
    assert choose(second.format("وفي سياق منفصل"))[0].place_id == "C2987"  # the lead event, in Hama
    assert choose(second.format("و"))[0].place_id == "C4121"  # one story: the better-described Sarmada


def test_the_town_beats_the_countryside_that_qualifies_it():
    assert choose("قتل ثلاثة مدنيين بقصف على مدينة الباب شرقي حلب")[0].place_id == "C1202"


def test_reports_without_a_syrian_place():
    assert choose("اشتباكات في لبنان قرب الحدود") == (None, NoEventPlace.OUTSIDE_SYRIA)
    assert choose("سوريا تشهد موجة حر") == (None, NoEventPlace.COUNTRY_ONLY)
    assert choose("لا مكان في هذا النص") == (None, NoEventPlace.NO_PLACE)


def test_weights_are_one_frozen_table():
    with pytest.raises(dataclasses.FrozenInstanceError):
        WEIGHTS.trigger = 2.0  # type: ignore[misc]
    assert WEIGHTS.precision[1] > WEIGHTS.precision[2] > WEIGHTS.precision[3]
    text = "سقطت قذائف على حي في مدينة حماة، وفي سياق منفصل اندلعت اشتباكات في بلدة سرمدا بريف إدلب"
    no_penalty = dataclasses.replace(WEIGHTS, other_event=0.0)
    assert choose_event_mention(geoparse(text), text, weights=no_penalty)[0].place_id == "C4121"
