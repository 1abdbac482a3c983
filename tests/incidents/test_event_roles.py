"""Roles of place mentions other than the event's place, on report sentences written here, parsed by the real
geoparser and the shipped gazetteer."""

from geomap import geoparse
from geomap.incidents.event_roles import Role, roles


def role_of(text, name):
    mentions = [m for m in geoparse(text) if m.place is not None]
    found = dict(zip((m.text for m in mentions), roles(mentions, text), strict=True))
    return found[name]


def test_where_people_came_from_is_their_origin():
    assert role_of("وصلت عشرات العائلات إلى الأردن قادمة من مخيم الركبان", "مخيم الركبان") is Role.ORIGIN
    assert role_of("عادت 80 عائلة من مخيم الهول بريف الحسكة إلى العراق", "الحسكة") is Role.ORIGIN  # its unit too


def test_where_the_wounded_were_taken_is_care():
    text = "أصيب ثلاثة مدنيين بقصف على بلدة كفرنبل ونقل الجرحى إلى مشفى في مدينة إدلب"
    assert role_of(text, "إدلب") is Role.CARE
    assert role_of(text, "كفرنبل") is Role.EVENT


def test_where_a_reporter_speaks_from_is_the_speaker():
    assert role_of("قصفت الطائرات بلدة سرمين، وقال مراسلنا في حلب إن القصف عنيف", "حلب") is Role.SPEAKER


def test_where_a_statement_comes_from_is_the_speaker():
    text = "أعلنت وزارة الداخلية في بيان من دمشق ضبط شحنة أسلحة في بلدة القصير بريف حمص"
    assert role_of(text, "دمشق") is Role.SPEAKER
    assert role_of(text, "القصير") is Role.EVENT
    # a statement about an attack in a place does not make that place the speaker's
    assert role_of("أصدرت الفصائل بياناً حول القصف في مدينة أريحا", "أريحا") is Role.EVENT


def test_what_a_protest_is_about_is_its_cause():
    text = "نظم العشرات وقفة احتجاجية في مدينة القامشلي تنديداً بالقصف التركي على قرى ريف الدرباسية"
    assert role_of(text, "القامشلي") is Role.EVENT
    assert role_of(text, "الدرباسية") is Role.CAUSE


def test_where_natives_come_from_is_their_origin():
    text = "قتل شاب من أبناء بلدة الحراك برصاص مجهولين قرب مدينة إزرع"
    assert role_of(text, "الحراك") is Role.ORIGIN
    assert role_of(text, "إزرع") is Role.EVENT


def test_a_sentence_recalling_an_earlier_day_is_recalled():
    text = "انفجرت عبوة في مدينة الباب. وكانت بلدة قباسين قد شهدت انفجاراً مماثلاً الأسبوع الماضي."
    assert role_of(text, "قباسين") is Role.RECALLED
    assert role_of("قتل شاب في مدينة جاسم. وأمس، قتل آخر في مدينة نوى.", "نوى") is Role.RECALLED


def test_the_ends_of_a_road_and_a_street_named_after_a_town():
    assert role_of("كمين على طريق حلب - اللاذقية الدولي", "اللاذقية") is Role.ROAD_END
    assert role_of("انفجرت عبوة على أوتوستراد دمشق حمص", "حمص") is Role.ROAD_END
    assert role_of("انفجرت عبوة قرب دوار حمص في مدينة حماة", "حمص") is Role.NAMED_FEATURE
    assert role_of("انفجرت عبوة قرب دوار حمص في مدينة حماة", "حماة") is Role.EVENT  # the street's town


def test_the_ends_of_a_local_road_are_where_the_event_is():
    text = "استهدفت مسيرة سيارة على الطريق الواصل بين بلدة القحطانية وقرية تل علو"
    assert role_of(text, "القحطانية") is Role.EVENT and role_of(text, "تل علو") is Role.EVENT
    # the other end is a village the gazetteer does not know: still a local road
    assert role_of("انفجرت عبوة على الطريق الواصل بين بلدة معدان وقرية الجنابرة", "معدان") is Role.EVENT


def test_a_town_named_only_as_the_unit_of_a_village_is_its_anchor():
    text = "قتل مدني برصاص مجهولين في قرية السنديانة التابعة إدارياً لمدينة القرداحة في ريف اللاذقية"
    assert role_of(text, "القرداحة") is Role.ADMIN_ANCHOR
    assert role_of(text, "السنديانة") is Role.EVENT
