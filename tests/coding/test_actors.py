"""actor1 (who acted) and actor2 (the target side) on the short list, from names, abbreviations and context."""

from __future__ import annotations

import pytest

from geomap.coding import Actor, code_event

A = Actor

ACTOR1 = [
    ("شنت قوات الاحتلال الإسرائيلي غارات على مواقع قرب مطار المزة العسكري.", A.ISRAEL),
    ("قصفت طائرات حربية روسية أطراف بلدة البارة في جبل الزاوية.", A.RUSSIA),
    ("استهدفت مسيرة تركية سيارة على طريق الدرباسية، ما أدى لمقتل عنصرين من الأسايش.", A.TURKEY),
    ("قصفت المسيرات التركية قرية في ريف عين العرب.", A.TURKEY),
    ("هاجمت خلايا التنظيم نقطة عسكرية في بادية السخنة وقتلت ثلاثة جنود.", A.ISIS),
    ("تبنى تنظيم الدولة الهجوم الذي استهدف حافلة عسكرية على طريق تدمر.", A.ISIS),
    ("اعتقلت هتش ناشطاً إعلامياً من منزله في مدينة سرمدا.", A.HTS),
    ("شنت قسد حملة دهم واعتقالات في بلدة الشحيل شرقي دير الزور.", A.SDF),
    ("قصفت الفصائل الموالية لتركيا قرى في ريف منبج بقذائف الهاون.", A.SNA),
    ("أطلقت ميليشيات حزب الله قذائف على بلدة حدودية في ريف القصير.", A.IRAN_BACKED),
    ("استهدف طيران التحالف الدولي سيارة تقل قياديين في ريف إدلب الشمالي.", A.US_COALITION),
    ("قصفت قوات النظام بالمدفعية الثقيلة قرى سهل الغاب.", A.SYRIAN_GOVERNMENT),
    ("داهمت دورية من الأمن العام منزلاً في حي الوعر واعتقلت شابين.", A.SYRIAN_GOVERNMENT),
    ("قتل شاب برصاص مسلحين مجهولين في مدينة داعل.", A.UNIDENTIFIED),
    ("نفذ كمين مسلح فلول النظام البائد على طريق جبلة وقتل عنصرين من الأمن العام.", A.OTHER),
    ("اندلعت اشتباكات بين مقاتلي العشائر وقوات سوريا الديمقراطية في بلدة الصور.", A.LOCAL_GROUP),
    ("Unidentified gunmen opened fire on a car near Daraa, killing its driver.", A.UNIDENTIFIED),
    ("Israeli jets struck a weapons depot near Masyaf on Sunday.", A.ISRAEL),
]


@pytest.mark.parametrize(("text", "actor"), ACTOR1)
def test_actor1_from_names_abbreviations_and_context(text: str, actor: Actor) -> None:
    assert code_event(text).actor1 is actor


def test_bombs_belong_to_a_group_only_when_the_text_says_so() -> None:
    blast = "انفجرت سيارة مفخخة قرب مقر لقوات سوريا الديمقراطية في مدينة الحسكة."
    coding = code_event(blast)
    assert coding.actor1 is A.UNIDENTIFIED
    assert coding.actor2 is A.SDF
    claimed = "انفجرت سيارة مفخخة قرب مقر لقسد في الحسكة، وأعلن تنظيم داعش مسؤوليته عن التفجير."
    assert code_event(claimed).actor1 is A.ISIS
    remnant = "قتل طفل بانفجار ألغام من مخلفات داعش قرب دوار النعيم بمدينة الرقة."
    assert code_event(remnant).actor1 is A.ISIS


def test_targets_sources_and_holders_are_not_actor1() -> None:
    text = (
        "قتل ثلاثة عناصر من قوات النظام بانفجار عبوة ناسفة استهدفت حافلتهم في بادية تدمر الخاضعة لسيطرة قوات "
        "النظام، وفق ما أعلنت وزارة الدفاع السورية."
    )
    coding = code_event(text)
    assert coding.actor1 is A.UNIDENTIFIED
    assert coding.actor2 is A.SYRIAN_GOVERNMENT


def test_first_side_of_a_clash_is_actor1() -> None:
    coding = code_event("اندلعت اشتباكات عنيفة بين قوات النظام ومسلحين محليين في بلدة محجة بريف درعا.")
    assert coding.actor1 is A.SYRIAN_GOVERNMENT


def test_air_strikes_go_to_an_air_force() -> None:
    coding = code_event("استهدفت غارات جوية مجهولة الهوية رتلاً لميليشيات إيرانية قرب مدينة البوكمال.")
    assert coding.sub_event_type == "Air/drone strike"
    assert coding.actor1 is A.UNIDENTIFIED
    assert coding.actor2 is A.IRAN_BACKED


def test_adjectives_after_targets_are_not_actors() -> None:
    coding = code_event("استهدفت طائرة مسيرة ناقلة نفط إيرانية قبالة ساحل بانياس.")
    assert coding.actor1 is A.UNIDENTIFIED


def test_protests_and_riots() -> None:
    assert code_event("خرجت مظاهرة في مدينة السويداء تطالب بإسقاط الحكومة.").actor1 is A.PROTESTERS
    assert code_event("شهدت المدينة أعمال شغب وحرق لمحال تجارية.").actor1 is A.OTHER


def test_victims_who_are_civilians_are_actor2() -> None:
    coding = code_event("قتل ثلاثة مدنيين بينهم طفل بقصف مدفعي لقوات النظام على بلدة كنصفرة.")
    assert (coding.actor1, coding.actor2) == (A.SYRIAN_GOVERNMENT, A.CIVILIANS)


def test_no_actor_without_a_political_event() -> None:
    coding = code_event("اندلع حريق ضخم في سوق الحميدية بدمشق وعملت فرق الإطفاء على إخماده.")
    assert (coding.actor1, coding.actor2) == (None, None)


def test_actor_evidence_points_at_the_name() -> None:
    text = "قصفت قوات النظام بلدة كفرنبل."
    coding = code_event(text)
    ev = next(e for e in coding.evidence if e.field == "actor1")
    assert (ev.text, ev.value) == ("قوات النظام", "Syrian government forces")
    assert text[ev.start : ev.end] == ev.text


def test_a_source_that_says_it_acted_is_the_actor() -> None:
    coding = code_event("قالت وزارة الدفاع التركية إنها قصفت مواقع لقسد في ريف عين العرب.")
    assert (coding.actor1, coding.actor2) == (A.TURKEY, A.SDF)
    reported = code_event("أعلنت قوى الأمن الداخلي مقتل عنصرين من قواتها بقصف مسيرة تركية قرب عامودا.")
    assert reported.actor1 is A.TURKEY


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("تعرضت مدينة مارع لقصف مدفعي من مناطق سيطرة قسد، ما أسفر عن إصابة ثلاثة مدنيين.", A.SDF),
        ("قصفت طائرة مسيرة يرجح أنها تركية سيارة في ريف القامشلي.", A.TURKEY),
        ("داهمت دورية تابعة للأسايش منزلاً في حي غويران بالحسكة واعتقلت شابين.", A.SDF),
        ("أعلنت القيادة المركزية الأمريكية مقتل قيادي في تنظيم داعش بغارة جوية في ريف حلب.", A.US_COALITION),
        ("هاجم مسلحون من العشائر حاجزاً لقسد في بلدة الشحيل ما أدى لمقتل عنصرين.", A.LOCAL_GROUP),
        # a headline's subject first, its verb in the present
        ("الجيش التركي يقصف قرى بريف حلب الشمالي", A.TURKEY),
        ("قسد تعتقل عشرات الشبان في حملة مداهمات بريف الرقة", A.SDF),
        # the sniper, not the victim's side: «برصاص قناص من X»
        ("قُتل مدني برصاص قناص من قوات النظام في حي طريق السد بدرعا.", A.SYRIAN_GOVERNMENT),
        ("استهدفت ميليشيات مدعومة من إيران بالصواريخ قاعدة التنف.", A.IRAN_BACKED),
        # a ministry that says its own aircraft struck
        ("قالت وزارة الدفاع الروسية إن طائراتها دمرت مستودعات أسلحة للمسلحين في ريف إدلب.", A.RUSSIA),
    ],
)
def test_actor1_in_harder_constructions(text: str, actor: Actor) -> None:
    assert code_event(text).actor1 is actor


def test_a_patrol_that_is_hit_is_the_target() -> None:
    coding = code_event("استهدفت عبوة ناسفة دورية تابعة لقوات النظام على طريق المزيريب ما أدى لإصابة عنصرين.")
    assert (coding.actor1, coding.actor2) == (A.UNIDENTIFIED, A.SYRIAN_GOVERNMENT)


def test_air_strikes_of_another_event_do_not_make_a_bomber() -> None:
    text = "قتل ثمانية مدنيين بانفجار سيارة مفخخة في بلدة الضمير، تزامناً مع غارات النظام على الغوطة الشرقية."
    assert code_event(text).actor1 is A.UNIDENTIFIED


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        ("اندلعت اشتباكات بين قسد وخلايا داعش في ريف دير الزور الشرقي.", A.SDF, A.ISIS),
        ("اشتباكات عنيفة بين هيئة تحرير الشام وقوات النظام على محور كبانة.", A.HTS, A.SYRIAN_GOVERNMENT),
        ("اشتباكات بين مقاتلي العشائر وقوات سوريا الديمقراطية في بلدة ذيبان.", A.LOCAL_GROUP, A.SDF),
    ],
)
def test_the_second_party_of_a_clash_is_actor2(text: str, actor1: Actor, actor2: Actor) -> None:
    coding = code_event(text)
    assert (coding.actor1, coding.actor2) == (actor1, actor2)
