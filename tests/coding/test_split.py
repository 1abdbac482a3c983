"""Separate events in one report: explicit markers and another day start a new span; background does not."""

from __future__ import annotations

from geomap.coding import code_event, code_events, split_events


def test_two_events_give_two_spans_lead_first() -> None:
    text = (
        "قتل ثلاثة مدنيين بغارة جوية روسية على سوق شعبي في مدينة سراقب شرقي إدلب.\n"
        "وفي سياق منفصل، انفجرت عبوة ناسفة بسيارة عسكرية قرب مدينة الباب دون وقوع إصابات."
    )
    spans = split_events(text)
    assert len(spans) == 2
    lead, second = spans
    assert (lead.index, lead.marker) == (0, None)
    assert "سراقب" in lead.excerpt(text) and "الباب" not in lead.excerpt(text)
    assert second.marker == "وفي سياق منفصل"
    assert second.excerpt(text).startswith("وفي سياق منفصل")
    assert "الباب" in second.excerpt(text)
    assert lead.end <= second.start


def test_each_span_is_coded_on_its_own() -> None:
    text = (
        "قتل ثلاثة مدنيين بغارة جوية روسية على سوق شعبي في مدينة سراقب شرقي إدلب.\n"
        "وفي حادثة أخرى، انفجرت عبوة ناسفة بسيارة عسكرية قرب مدينة الباب دون وقوع إصابات."
    )
    first, second = code_events(text)
    assert (first.sub_event_type, first.actor1, first.fatalities) == ("Air/drone strike", "Russia", 3)
    assert (second.sub_event_type, second.fatalities) == ("Remote explosive/landmine/IED", 0)
    assert second.span is not None and second.span.index == 1
    assert code_event(text, span=second.span) == second
    assert code_event(text) == first


def test_another_day_is_another_event() -> None:
    text = (
        "قصفت قوات النظام بلدة كنصفرة بقذائف المدفعية صباح اليوم، ما أدى لإصابة مدني.\n"
        "وأمس، قتل طفلان بقصف مماثل على قرية البارة المجاورة."
    )
    spans = split_events(text)
    assert [s.marker for s in spans] == [None, "وأمس"]
    assert code_event(text).fatalities is None  # the two children were killed in yesterday's event


def test_background_is_not_a_new_event() -> None:
    text = (
        "قتل شاب برصاص مسلحين ملثمين في بلدة المزيريب غربي درعا مساء الثلاثاء.\n"
        "وكانت المدينة قد شهدت أمس اغتيال قيادي سابق في فصائل المعارضة.\n"
        "ويأتي ذلك في ظل فلتان أمني تشهده محافظة درعا منذ سنوات."
    )
    assert len(split_events(text)) == 1


def test_a_marker_without_violence_does_not_open_an_event() -> None:
    text = (
        "قتل عنصران من قوات النظام بهجوم على حاجز في بادية الميادين.\n"
        "من جهة أخرى، أعلنت المحافظة عن افتتاح مدرسة جديدة في المدينة."
    )
    assert len(split_events(text)) == 1


def test_one_event_report_is_one_span_over_the_whole_text() -> None:
    text = "انفجرت سيارة مفخخة في مدينة أعزاز ما أدى لمقتل أربعة أشخاص."
    (span,) = split_events(text)
    assert (span.start, span.end) == (0, len(text))


def test_english_marker() -> None:
    text = (
        "An IED exploded in al-Bab, wounding two people. In a separate incident, Turkish artillery shelled "
        "villages near Tal Rifaat."
    )
    spans = split_events(text)
    assert [s.marker for s in spans] == [None, "In a separate incident"]
    assert code_events(text)[1].sub_event_type == "Shelling/artillery/missile attack"


def test_empty_text() -> None:
    assert len(split_events("")) == 1
    assert code_event("").event_type is None
