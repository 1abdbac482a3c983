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


def test_a_village_beats_the_town_it_is_said_to_belong_to():
    chosen, why = choose("قتل مدني برصاص مجهولين في قرية السنديانة التابعة إدارياً لمدينة القرداحة في ريف اللاذقية")
    assert chosen.text == "السنديانة" and chosen.place.admin1 == "SY06" and why is NoEventPlace.CHOSEN


def test_places_in_other_roles_are_not_the_event_place():
    text = "أصيب ثلاثة مدنيين بقصف على بلدة كفرنبل، ونقل الجرحى إلى مشفى في مدينة إدلب"
    assert choose(text)[0].place_id == "C4068"
    text = "انفجرت عبوة ناسفة قرب دوار حمص في مدينة حماة صباح اليوم"
    assert choose(text)[0].place_id == "C2987"
    text = "قتل شاب برصاص مجهولين في مدينة جاسم. وأول أمس، قتل قيادي في مدينة نوى بريف درعا الغربي."
    assert choose(text)[0].text == "جاسم"


def test_only_an_origin_left_is_taken_and_said_so():
    chosen, why = choose("وصلت سيارة مفخخة قادمة من بلدة الضمير")
    assert chosen.place_id == "C2346" and why is NoEventPlace.OTHER_ROLE


def test_a_long_road_is_not_either_end_but_a_local_road_is_near_both():
    chosen, _ = choose("قتل عنصران في كمين على طريق حلب - اللاذقية الدولي في ريف اللاذقية الشرقي")
    assert chosen.place_id == "SY06" and chosen.relation == "countryside-east"
    chosen, _ = choose("استهدفت مسيرة سيارة على الطريق الواصل بين بلدة القحطانية وقرية تل علو شرقي القامشلي")
    assert chosen.text in ("القحطانية", "تل علو") and chosen.place.admin1 == "SY08"


def test_a_village_outside_the_unit_the_text_names_gives_way_to_the_unit():
    chosen, why = choose("انفجرت عبوة ناسفة في قرية كفرنبل بريف دير الزور الشرقي")
    assert chosen.place_id == "SY09" and why is NoEventPlace.CHOSEN


def test_a_place_outside_the_governorate_the_lede_states_loses():
    text = "كمين في ريف حماة الشمالي\nقتل عنصران في كمين قرب بلدة كفرزيتا، وسبق أن شهدت بلدة سرمين هجوماً مماثلاً"
    assert choose(text)[0].place.admin1 == "SY05"


def test_a_report_whose_lede_names_only_places_abroad_is_about_an_event_abroad():
    text = (
        "غارة إسرائيلية على بلدة عرسال اللبنانية\n"
        "استهدفت غارة جوية أطراف بلدة عرسال في البقاع فجر اليوم، ما أدى إلى سقوط جرحى.\n"
        "ويقيم في البلدة آلاف اللاجئين الذين فروا من مدينة القصير بريف حمص."
    )
    assert choose(text) == (None, NoEventPlace.OUTSIDE_SYRIA)
    syrian_lede = "قصف مدفعي على مدينة القصير بريف حمص قرب الحدود مع عرسال اللبنانية"
    assert choose(syrian_lede)[0].place_id == "C2733"
