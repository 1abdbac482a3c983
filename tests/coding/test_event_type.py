"""Event type and sub-event type from Arabic (and English) reports written in the style of Syrian news."""

from __future__ import annotations

import pytest

from geomap.coding import Actor, EventType, SubEventType, code_event

S = SubEventType

# (report, expected sub-event type): a clear case for every sub-event type the coder knows.
POSITIVE = [
    ("شن الطيران الحربي الروسي غارات جوية على أطراف بلدة كفرنبل بريف إدلب الجنوبي صباح اليوم.", S.AIR_DRONE_STRIKE),
    ("استهدفت طائرة مسيرة سيارة على الطريق الواصل بين القامشلي وعامودا، ما أدى لاحتراقها.", S.AIR_DRONE_STRIKE),
    ("قصفت قوات النظام بالمدافع أطراف بلدة الفطيرة والقرى المحيطة بها جنوبي إدلب.", S.SHELLING),
    ("سقطت عدة قذائف هاون على حي سكني في مدينة درعا مساء الأحد.", S.SHELLING),
    ("انفجرت عبوة ناسفة مزروعة على جانب الطريق لحظة مرور سيارة مدنية قرب بلدة الصنمين.", S.REMOTE_EXPLOSIVE),
    ("انفجرت سيارة مفخخة في السوق الشعبي وسط مدينة الباب بريف حلب الشرقي.", S.REMOTE_EXPLOSIVE),
    ("قتل راعٍ حين انفجر به لغم قديم أثناء رعيه الأغنام في بادية حمص الشرقية.", S.REMOTE_EXPLOSIVE),
    ("فجر انتحاري نفسه بحزام ناسف عند مدخل مقر أمني في مدينة القامشلي.", S.SUICIDE_BOMB),
    ("ألقى مجهولون قنبلة يدوية على منزل أحد الوجهاء في مدينة طفس بريف درعا الغربي.", S.GRENADE),
    ("اتهم ناشطون قوات النظام بشن هجوم بغاز الكلور على بلدة اللطامنة شمالي حماة.", S.CHEMICAL_WEAPON),
    ("اندلعت اشتباكات عنيفة بين قوات سوريا الديمقراطية ومقاتلي العشائر في بلدة ذيبان شرقي دير الزور.", S.ARMED_CLASH),
    (
        "سيطر مقاتلو المعارضة على قرية تل ملح بعد معارك مع قوات النظام شمالي حماة.",
        S.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
    ),
    ("استعادت قوات النظام السيطرة على بلدة كفرنبودة بعد معارك استمرت أياماً.", S.GOVERNMENT_REGAINS_TERRITORY),
    ("قتل شاب برصاص مسلحين مجهولين أطلقوا النار عليه أمام منزله في مدينة نوى.", S.ATTACK),
    ("اختطف مسلحون مجهولون طبيباً على الطريق بين السويداء ودمشق وطالبوا بفدية.", S.ABDUCTION),
    ("وثقت منظمة حقوقية حالة اغتصاب لفتاة قاصر على يد عناصر حاجز في ريف حمص.", S.SEXUAL_VIOLENCE),
    (
        "خرج العشرات من أهالي مدينة السويداء في وقفة احتجاجية أمام مبنى المحافظة للمطالبة بالإفراج عن المعتقلين.",
        S.PEACEFUL_PROTEST,
    ),
    ("فرقت قوات الأمن مظاهرة في مدينة جاسم بالقنابل المسيلة للدموع والغاز المسيل للدموع.", S.PROTEST_WITH_INTERVENTION),
    ("أطلقت قوات الأمن الرصاص الحي على المتظاهرين في ساحة المدينة ما أدى لإصابة عدد منهم.", S.EXCESSIVE_FORCE),
    ("شهدت المدينة أعمال شغب وتخريب طالت محال تجارية يملكها لاجئون.", S.MOB_VIOLENCE),
    ("رشق متظاهرون غاضبون مبنى البلدية بالحجارة خلال مظاهرة ضد غلاء الأسعار وأحرقوا إطارات.", S.VIOLENT_DEMONSTRATION),
    ("وقعت الفصائل المحلية اتفاق تسوية مع اللجنة الأمنية يقضي بتسليم السلاح الثقيل.", S.AGREEMENT),
    ("شنت قوات النظام حملة دهم واعتقالات في بلدة ببيلا طالت عشرة شبان.", S.ARRESTS),
    ("أعلن فصيل مسلح في ريف حلب انشقاقه عن الجيش الوطني وانضمامه إلى تشكيل جديد.", S.CHANGE_TO_GROUP),
    ("تمكنت فرق الهندسة من تفكيك عبوة ناسفة زرعها مجهولون قرب مدرسة في مدينة إدلب.", S.DISRUPTED_WEAPONS_USE),
    ("أنشأت القوات التركية قاعدة عسكرية جديدة قرب بلدة دارة عزة غربي حلب.", S.HEADQUARTERS_ESTABLISHED),
    ("أقدم عناصر من الفصيل على نهب محتويات منازل المهجرين في قرية بريف عفرين.", S.LOOTING),
    ("انسحبت القوات الروسية من نقطتها في مطار القامشلي وسلمتها للقوات الحكومية دون قتال.", S.NON_VIOLENT_TRANSFER),
    ("توغلت آليات إسرائيلية في أطراف قرية الرفيد ونصبت سواتر ترابية قبل أن تنسحب ليلاً.", S.OTHER),
]


@pytest.mark.parametrize(("text", "sub"), POSITIVE, ids=[s.name for _, s in POSITIVE])
def test_each_sub_event_type_from_a_typical_report(text: str, sub: SubEventType) -> None:
    coding = code_event(text)
    assert coding.sub_event_type is sub
    assert coding.event_type is sub.event_type


# Tricky cases: the convention decides, not the first word that looks like a type.
TRICKY = [
    # the weapon decides over the target: a planted charge that kills a commander is a remote explosive
    ("اغتيل قيادي سابق في فصائل المعارضة بعبوة ناسفة ألصقت بسيارته في مدينة داعل.", S.REMOTE_EXPLOSIVE),
    # a car bomb is a remote explosive, a bomber makes it a suicide bomb
    ("هز انفجار سيارة مفخخة مركنة قرب دوار الكرة وسط مدينة منبج.", S.REMOTE_EXPLOSIVE),
    ("قاد انتحاري سيارة مفخخة واقتحم بها حاجزاً لقوات الأمن الداخلي قبل أن يفجرها.", S.SUICIDE_BOMB),
    # missiles fired by aircraft are an air strike; rockets fired from the ground are shelling
    ("أطلقت طائرات حربية إسرائيلية عدة صواريخ على مواقع قرب مطار الضبعة.", S.AIR_DRONE_STRIKE),
    ("سقطت صواريخ أطلقت من مناطق سيطرة الفصائل على أحياء في مدينة حلب.", S.SHELLING),
    # shooting: a civilian victim is Attack, a soldier at a checkpoint is Armed clash
    ("أطلق مسلحون مجهولون النار على حاجز لقوات النظام قرب بلدة الشيخ مسكين ما أدى لمقتل عنصرين.", S.ARMED_CLASH),
    ("أطلق مسلحون مجهولون النار على مزارع أثناء عمله في أرضه قرب بلدة اليادودة.", S.ATTACK),
    # a war remnant found but not exploded is no explosion; the fire is the event (no political event)
    ("اندلع حريق في الأحراج قرب قرية البودي وسط مخاوف من وجود ألغام ومخلفات حرب في المنطقة.", None),
    # «تحت سيطرة» describes who holds a place, it is not a capture
    ("قصفت المدفعية التركية قرى في ريف تل تمر التي تخضع لسيطرة قسد منذ سنوات.", S.SHELLING),
]


@pytest.mark.parametrize(("text", "sub"), TRICKY)
def test_conventions_on_tricky_reports(text: str, sub: SubEventType | None) -> None:
    assert code_event(text).sub_event_type is sub


NO_EVENT = [
    "اندلع حريق في مستودع للأخشاب في المنطقة الصناعية بمدينة حمص نتيجة ماس كهربائي، دون وقوع إصابات.",
    "توفي طفل في مخيم للنازحين شمال إدلب بسبب البرد وسوء التغذية، وفق فريق إنساني.",
    "لقي ثلاثة أشخاص حتفهم بحادث سير على طريق حمص - طرطوس الدولي بعد انقلاب سيارتهم.",
    "وصلت دفعة جديدة من العائلات العائدة من لبنان إلى مدينة القصير عبر معبر جوسية.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_fires_accidents_want_and_returns_are_no_political_event(text: str) -> None:
    coding = code_event(text)
    assert coding.event_type is None
    assert coding.sub_event_type is None
    assert coding.actor1 is None


DENIED = [
    "نفت وزارة الدفاع الروسية أن تكون طائراتها قد استهدفت مستشفى في ريف إدلب، مؤكدة أنها لم تنفذ أي غارات هناك.",
    "نفى مصدر عسكري ما تداولته صفحات محلية عن استهداف رتل عسكري بعبوة ناسفة على طريق دمشق - درعا.",
    "The Turkish defence ministry denied reports that its drones struck a village near Qamishli.",
]


@pytest.mark.parametrize("text", DENIED)
def test_a_denied_attack_is_not_coded_as_one(text: str) -> None:
    assert code_event(text).event_type is None


def test_a_denial_by_one_side_does_not_cancel_an_attack_others_report() -> None:
    text = (
        "قالت مصادر محلية إن غارات جوية استهدفت مستشفى في بلدة كفرنبل جنوبي إدلب، ما أدى لخروجه عن الخدمة، "
        "فيما نفت وزارة الدفاع الروسية ذلك."
    )
    assert code_event(text).sub_event_type is S.AIR_DRONE_STRIKE


def test_a_threat_is_not_an_event() -> None:
    text = "هددت القوات التركية بشن غارات جوية على مواقع قسد في حال استمرار الهجمات على نقاطها."
    assert code_event(text).event_type is None


def test_negation_right_before_the_event_word() -> None:
    assert code_event("أكد مصدر محلي أن البلدة لم تتعرض لأي قصف خلال اليوم.").event_type is None
    assert code_event("لا تزال الاشتباكات مستمرة في محيط بلدة الطيبة بريف درعا.").sub_event_type is S.ARMED_CLASH


def test_background_does_not_decide_the_type() -> None:
    text = (
        "خرج المئات في مظاهرة سلمية وسط مدينة إدلب للمطالبة بالإفراج عن المعتقلين.\n"
        "وكانت المدينة قد تعرضت الأسبوع الماضي لغارات جوية عنيفة أدت إلى دمار واسع."
    )
    assert code_event(text).sub_event_type is S.PEACEFUL_PROTEST


def test_evidence_names_the_deciding_words_in_the_text_as_written() -> None:
    text = "قُتِلَ مدنيٌّ بغارةٍ جويّةٍ نفّذها الطيران الحربي على بلدة معرة مصرين."
    coding = code_event(text)
    assert coding.sub_event_type is S.AIR_DRONE_STRIKE
    words = [e for e in coding.evidence if e.field == "event_type"]
    assert words, coding.evidence
    for e in words:
        assert text[e.start : e.end] == e.text
    assert any("جوي" in e.text or "غار" in e.text for e in words)
    assert "Air/drone strike" in coding.coding_evidence


def test_event_type_matches_sub_event_type() -> None:
    for sub in SubEventType:
        assert isinstance(sub.event_type, EventType)


def test_an_attack_word_with_a_toll_is_an_event() -> None:
    text = "استهدفت خلايا تابعة لتنظيم داعش نقطة عسكرية لقوات سوريا الديمقراطية في بلدة ذيبان ما أدى لمقتل عنصرين."
    coding = code_event(text)
    assert (coding.sub_event_type, coding.actor1) == (S.ARMED_CLASH, "ISIS")


def test_a_raid_that_kills_is_the_killing_not_the_arrests() -> None:
    text = "أفاد مراسلنا بمقتل شاب برصاص قوات الأمن العام خلال حملة مداهمات في حي الورود بدمشق."
    assert code_event(text).sub_event_type is S.ATTACK
    arrests = "اعتقلت قوات الأمن العام ثلاثة أشخاص خلال حملة مداهمات في حي الورود بدمشق."
    assert code_event(arrests).sub_event_type is S.ARRESTS


def test_a_fire_the_strike_set_off_does_not_make_it_an_accident() -> None:
    text = (
        "استهدفت صواريخ إسرائيلية مستودعات في ميناء طرطوس ما أدى لاشتعال حرائق كبيرة في المكان.\n"
        "وعملت فرق الإطفاء على إخماد الحرائق التي استمرت حتى ساعات الصباح، فيما قال مصدر عسكري إن العدو "
        "الإسرائيلي نفذ عدواناً جوياً فوق الساحل."
    )
    assert code_event(text).sub_event_type is S.AIR_DRONE_STRIKE


def test_a_strike_as_official_media_word_it_is_an_air_strike() -> None:
    text = (
        "قال مصدر عسكري إن وسائط الدفاع الجوي تصدت لعدوان إسرائيلي استهدف محيط مطار الشعيرات بريف حمص، "
        "وأسقطت عدداً من الصواريخ."
    )
    coding = code_event(text)
    assert coding.sub_event_type is S.AIR_DRONE_STRIKE and coding.actor1 is Actor.ISRAEL


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # a former fighter shot by gunmen is a civilian victim; a serving one makes it a clash
        ("قتل مقاتل سابق في فصائل المعارضة برصاص مجهولين قرب بلدة اليادودة بريف درعا.", SubEventType.ATTACK),
        ("قتل قيادي سابق في الجيش الحر بإطلاق نار من مسلحين مجهولين في مدينة طفس.", SubEventType.ATTACK),
        ("قتل عنصر من قوات الأمن العام برصاص مجهولين قرب بلدة اليادودة بريف درعا.", SubEventType.ARMED_CLASH),
    ],
)
def test_a_former_fighter_is_a_civilian_victim(text: str, sub: SubEventType) -> None:
    coding = code_event(text)
    assert (coding.sub_event_type, coding.fatalities) == (sub, 1)
