"""Fatalities and injuries as reports state them: digits, Arabic-Indic digits, number words, duals, lower bounds."""

from __future__ import annotations

import pytest

from geomap.coding import code_event
from geomap.coding.casualties import parse_number

FATALITIES = [
    ("قُتل ثلاثة عناصر من قوات النظام بهجوم لخلايا داعش على حاجز في بادية الميادين.", 3),
    ("أسفر القصف عن سقوط ٥ قتلى بينهم طفلان في بلدة معرشورين.", 5),
    ("أدى انفجار العبوة إلى مقتل عنصرين من الشرطة العسكرية في مدينة الباب.", 2),
    ("قضى طفلان وأصيبت والدتهما بجروح جراء سقوط قذيفة على منزلهم في بلدة تفتناز.", 2),
    ("قتلت امرأتان بقصف مدفعي استهدف حي الكلاسة في مدينة حلب.", 2),
    ("لقي شخص مصرعه بانفجار لغم أرضي في أرض زراعية قرب قرية الحمرا.", 1),
    ("استشهد مدني وأصيب آخرون بقصف صاروخي على أطراف مدينة أريحا.", 1),
    ("أسفر الهجوم عن مقتل ما لا يقل عن 12 عنصراً من الفرقة الرابعة.", 12),
    ("قتل أكثر من عشرين شخصاً في انفجار سيارة مفخخة وسط مدينة أعزاز.", 20),
    ("قتل نحو 15 مدنياً بغارات جوية على سوق شعبي في بلدة أرمناز.", 15),
    ("أسفرت الاشتباكات عن مقتل خمسة وعشرين مقاتلاً من الطرفين.", 25),
    ("قتل ثلاثة عشر شخصاً بينهم أطفال في قصف على مخيم للنازحين.", 13),
    ("خمسة أشخاص قتلوا وأصيب عشرة آخرون بانفجار دراجة مفخخة قرب سوق الهال بمدينة الراعي.", 5),
    ("فقد مدنيان حياتهما جراء استهداف طائرة مسيرة لسيارتهما قرب بلدة تل تمر.", 2),
    ("طفلة فقدت حياتها بانفجار قذيفة غير منفجرة قرب منزلها في بلدة سراقب.", 1),
    ("قتل مدنيان اثنان وأصيب ثلاثة آخرون بقصف مدفعي على بلدة دارة عزة.", 2),
    ("Two people were killed in shelling on the outskirts of Idlib.", 2),  # «people» is plural
    ("Shelling on the outskirts of Idlib killed 2 people.", 2),
    ("Clashes between the SDF and tribal fighters near Hajin left at least 12 people dead.", 12),  # victims between
]


@pytest.mark.parametrize(("text", "dead"), FATALITIES)
def test_fatalities_as_stated(text: str, dead: int) -> None:
    assert code_event(text).fatalities == dead


@pytest.mark.parametrize(
    "text",
    [
        "أسفر الهجوم عن مقتل وإصابة أربعة جنود من الفرقة 25 قرب مورك.",  # not split: unknown
        "سقط 9 مقاتلين بين قتيل وجريح في معارك على محور تادف شرقي حلب.",
        "أدى القصف إلى سقوط قتلى وجرحى في صفوف المدنيين، وفق ناشطين.",  # victims without a number
        "أصيب ثلاثة مدنيين بجروح جراء قصف مدفعي على قرية البارة.",  # wounded only
        "سقطت قذائف على محيط مدينة جسر الشغور دون ورود معلومات عن الضحايا.",  # silence is not a zero
        "قضى الموقوف خمس سنوات في السجن قبل الإفراج عنه بموجب عفو عام.",  # «قضى» as «spent»
    ],
)
def test_no_count_where_the_text_gives_none(text: str) -> None:
    assert code_event(text).fatalities is None


@pytest.mark.parametrize(
    "text",
    [
        "انفجرت عبوة ناسفة قرب دوار المدينة دون وقوع إصابات، واقتصرت الأضرار على بعض السيارات.",
        "سقط صاروخ في أرض زراعية قرب البلدة، واقتصرت الأضرار على الماديات.",
        "استهدفت طائرة مسيرة مقراً عسكرياً دون أن يسفر ذلك عن خسائر بشرية.",
        "نجا ثلاثة شبان من محاولة اغتيال بإطلاق نار استهدف سيارتهم على طريق المسيفرة.",
    ],
)
def test_zero_only_where_the_text_says_no_one_was_killed(text: str) -> None:
    assert code_event(text).fatalities == 0


def test_wounded_counted_apart_from_the_dead() -> None:
    coding = code_event("قُتل شابان وأصيب ٧ آخرون بجروح متفاوتة بانفجار عبوة ناسفة في بلدة المزيريب.")
    assert (coding.fatalities, coding.injuries) == (2, 7)
    hurt = code_event("أصيب طفل بجروح خطيرة جراء انفجار قنبلة عنقودية في قرية كفرعويد.")
    assert (hurt.fatalities, hurt.injuries) == (None, 1)


def test_sources_that_differ_keep_the_lowest() -> None:
    text = (
        "قتل 9 مدنيين بانفجار سيارة مفخخة في مدينة جرابلس، بحسب الدفاع المدني.\n"
        "فيما قال المرصد السوري إن حصيلة القتلى بلغت 11 شخصاً."
    )
    assert code_event(text).fatalities == 9


def test_an_updated_toll_replaces_the_first() -> None:
    text = (
        "قتل أربعة أشخاص في حصيلة أولية بانفجار سيارة مفخخة في مدينة الباب.\n"
        "وفي وقت لاحق ارتفعت حصيلة ضحايا التفجير إلى 9 قتلى وعشرات الجرحى."
    )
    assert code_event(text).fatalities == 9


def test_background_and_earlier_tolls_are_not_this_events() -> None:
    text = (
        "قتل مدني برصاص قناص في بلدة الحاضر بريف حلب الجنوبي.\n"
        "وكانت البلدة قد شهدت الشهر الماضي قصفاً أدى إلى مقتل ثمانية أشخاص."
    )
    assert code_event(text).fatalities == 1
    stats = "قتل شاب بانفجار لغم قرب مدينة تدمر، وقتل خلال العام الماضي أكثر من 200 شخص بالألغام في البادية."
    assert code_event(stats).fatalities == 1


def test_a_single_named_victim_beside_a_count_is_one_of_them() -> None:
    text = "قتل أربعة أشخاص بقصف على بلدة كفرنبل، وعرف من بين القتلى الشاب محمد العلي الذي قتل على الفور."
    assert code_event(text).fatalities == 4


def test_counts_point_into_the_text_as_written() -> None:
    text = "أسفرَ الهجومُ عن مقتلِ ثلاثةِ عناصرَ وإصابةِ اثنين."
    coding = code_event(text)
    assert coding.fatalities == 3
    ev = next(e for e in coding.evidence if e.field == "fatalities")
    assert text[ev.start : ev.end] == ev.text
    assert ev.text.startswith("مقتل")


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["15"], 15),
        (["خمسه", "عشر"], 15),
        (["ثلاث", "وعشرين"], 23),
        (["اثنين"], 2),
        (["ميه"], 100),
        (["2024"], 2024),
        (["90000"], None),
        (["عشرات"], None),
    ],
)
def test_number_words(words: list[str], value: int | None) -> None:
    got = parse_number(words, 0)
    assert (got[0] if got else None) == value


def test_an_attempt_or_a_threat_kills_no_one() -> None:
    assert code_event("نجا مختار البلدة من محاولة قتل بعد أن أطلق مجهولون النار على سيارته.").fatalities == 0
    assert code_event("هدد مسلحون بقتل أحد الوجهاء في بلدة المسيفرة إن لم يغادرها.").fatalities is None


def test_deaths_that_caused_the_event_are_not_its_toll() -> None:
    text = "ردت القوات التركية بقصف مدفعي عنيف على قرى في ريف تل رفعت بعد مقتل جنديين تركيين."
    assert code_event(text).fatalities is None


def test_a_place_named_after_martyrs_is_not_a_toll() -> None:
    text = "انفجرت عبوة ناسفة قرب دوار الشهداء وسط مدينة الباب دون وقوع ضحايا."
    assert code_event(text).fatalities == 0


@pytest.mark.parametrize(
    "text",
    [
        "قتل مدنيين بقصف مدفعي استهدف الأحياء السكنية في بلدة كفرنبل.",
        "أسفرت الغارة عن مقتل عسكريين في محيط مطار الشعيرات.",
        "قتل مسلحين باشتباكات بين عشيرتين في ريف دير الزور الشرقي.",
    ],
)
def test_a_form_that_may_be_a_plural_gives_no_count(text: str) -> None:
    # «مدنيين», «عسكريين», «مسلحين»: unvocalised, the sound plural and the dual are written alike
    assert code_event(text).fatalities is None


def test_wounded_named_by_a_form_that_may_be_a_plural_are_not_counted() -> None:
    coding = code_event("أصيب مسلحين بجروح في اشتباكات مع دورية للأمن العام قرب مدينة الصنمين.")
    assert coding.injuries is None


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("قتل شخصين بإطلاق نار على سيارتهما في بلدة المسيفرة.", 2),  # plural أشخاص: a dual
        ("أدى القصف إلى مقتل طفلين في قرية البارة.", 2),  # plural أطفال
        ("أسفر الهجوم عن مقتل جنديين من الجيش السوري على محور كبانة.", 2),  # plural جنود
        ("أسفر القصف عن مقتل مدنيين اثنين في بلدة سرمين.", 2),  # a number word says so
        ("أسفر القصف عن مقتل 2 مدنيين في بلدة سرمين.", 2),  # a numeral says so
        ("أدى الانفجار إلى مقتل مدنيين على الأقل في سوق مدينة الباب.", 2),  # a lower bound is said of a number
        ("خمسة مدنيين قتلوا بقصف صاروخي على مدينة أريحا.", 5),  # the number before the noun
    ],
)
def test_a_dual_counts_where_it_cannot_be_a_plural(text: str, dead: int) -> None:
    assert code_event(text).fatalities == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("انفجرت عبوة ناسفة بسيارة مدنية على طريق بلدة نصيب، ما أدى إلى مقتل سائقها على الفور.", 1),  # «his/her» one
        ("استهدفت مسيرة دراجة نارية قرب بلدة عين عيسى، ما أسفر عن مقتل قائدها.", 1),
        ("أكدت مصادر محلية أن الغارة قتلت قيادياً في فصيل محلي قرب مدينة سلقين.", 1),  # the accusative ending
        ("قتل سائق صهريج بانفجار لغم من مخلفات الحرب قرب بلدة السخنة.", 1),
        ("عثرت فرق الدفاع المدني على جثث خمسة رعاة مقتولين بالرصاص في بادية تدمر.", 5),  # bodies found
        ("عثر الأهالي على جثة شاب مجهول الهوية قرب دوار بلدة الصنمين.", 1),
        ("قُتلت طفلته بإطلاق نار على منزل العائلة في حي المطار بمدينة درعا.", 1),  # «طفلة» + «ه»
        ("أسفر الهجوم عن اغتيال قيادي سابق في فصائل المعارضة بمدينة طفس.", 1),
    ],
)
def test_one_victim_named_by_an_inflected_singular(text: str, dead: int) -> None:
    assert code_event(text).fatalities == dead


@pytest.mark.parametrize(
    "text",
    [
        "نجا قيادي محلي من محاولة اغتيال بعبوة ناسفة زرعت في سيارته بمدينة جاسم.",  # an attempt: no one died
        "سلمت الجهات المختصة الجثث إلى ذويها بعد استكمال الإجراءات في مشفى المواساة.",  # bodies, no number
        "أدى الانفجار إلى مقتل عناصرها المتمركزين في الموقع قرب بلدة معدان.",  # a plural under a pronoun
    ],
)
def test_no_count_from_bodies_or_attempts_without_a_number(text: str) -> None:
    assert not code_event(text).fatalities


def test_the_wounded_companion_is_one() -> None:
    coding = code_event("قتل سائق شاحنة وأصيب مرافقه بجروح بانفجار لغم أرضي على طريق أثريا - خناصر.")
    assert (coding.fatalities, coding.injuries) == (1, 1)


def test_an_earlier_attack_keeps_its_dead_out_of_the_toll_but_a_former_fighter_counts() -> None:
    text = "قتل عنصر من الأمن العام برصاص مجهولين قرب بلدة اليادودة، فيما قتل ثلاثة عناصر في هجوم سابق على الحاجز ذاته."
    assert code_event(text).fatalities == 1
    assert code_event("أسفر الهجوم عن مقتل قيادي سابق في فصائل المعارضة بمدينة طفس.").fatalities == 1
