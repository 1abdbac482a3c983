"""The geoparser on the kinds of text real reporting is: stated units, names inside names, foreign documents.
Sentences written here, in the style of news reports; the shipped gazetteer."""

from geomap import geoparse
from geomap.geoparse.mention import ADMIN_CONFLICT, ADMIN_OF_PREVIOUS


def found(text):
    return {m.text: m for m in geoparse(text)}


def test_the_stated_unit_chooses_among_homonyms_through_a_chain_of_units():
    # three villages called الجديدة in Hama alone: the town named after it decides which
    assert found("قصف على قرية الجديدة التابعة لبلدة محردة بريف حماة")["الجديدة"].place_id == "C3454"
    assert found("قصف على قرية الجديدة التابعة لناحية قلعة المضيق")["الجديدة"].place.admin3 == "SY050204"
    assert found("قصف على قرية الجديدة التابعة لمدينة صوران بريف حلب الشمالي")["الجديدة"].place.admin1 == "SY02"


def test_a_unit_that_places_a_name_says_so():
    got = found("قتل مدني في قرية السنديانة التابعة إدارياً لمدينة القرداحة في ريف اللاذقية")
    assert got["السنديانة"].place.admin1 == "SY06" and "admin-context" in got["السنديانة"].evidence
    assert ADMIN_OF_PREVIOUS in got["القرداحة"].evidence


def test_a_common_word_in_a_unit_holding_no_such_place_is_not_taken():
    assert "الجديدة" not in found("قصف على قرية الجديدة في ريف دير الزور الغربي")


def test_a_lone_candidate_outside_the_stated_governorate_is_flagged_or_dropped():
    got = found("انفجرت عبوة قرب دوار حمص في مدينة حماة")  # a city stays, said to contradict its stated unit
    assert ADMIN_CONFLICT in got["حمص"].evidence and got["حمص"].confidence < 0.5
    # a village or hamlet far from the stated unit is another place of that name, which the gazetteer lacks
    assert "كفرنبل" not in found("انفجرت عبوة ناسفة في قرية كفرنبل بريف دير الزور الشرقي")
    assert "حليبية" not in found("سقطت قذائف على قرية حليبية بريف اللاذقية الشمالي")


def test_a_date_is_not_a_village():
    got = found("ألقت القوات قنابل دخانية صباح 6 تشرين الأول/أكتوبر 2025 على المزارعين قرب بلدة الصنمين")
    assert "6 تشرين" not in got and "الصنمين" in got


def test_syria_as_an_adjective_is_not_the_country():
    assert not [m for m in geoparse("أفادت وسائل إعلام سورية بوقوع انفجار في مستودع") if m.kind == "country"]
    assert not [m for m in geoparse("قتل شخصان من جنسية غير سورية في الانفجار") if m.kind == "country"]
    assert not [m for m in geoparse("تم إيواء عائلات أردنية وسورية في مدرسة") if m.kind == "country"]
    assert [m.place_id for m in geoparse("عاد اللاجئون إلى سورية")] == ["SY"]
    assert [m.place_id for m in geoparse("سورية: انفجار في مستودع للذخيرة")] == ["SY"]


def test_outlets_and_persons_are_not_places():
    assert "سرمين" in found("وقالت شبكة بلدي نيوز إن القصف طال بلدة سرمين")
    assert not found("قال هشام بن عبد الملك إن الوضع هادئ")
    assert "الهول" in found("عادت عائلة من مخيم الهول")["مخيم الهول"].text  # «عائلة من X» is no person's title


def test_very_common_words_after_near_or_before_an_adjective_are_the_words():
    assert "الباب" not in found("انفجرت سيارة مفخخة بالقرب من الباب الرئيسي للسجن في الحسكة")
    assert "السجن" not in found("تسللت الخلايا إلى محيط السجن في مدينة الحسكة")
    assert found("قصف مدفعي على مدينة الباب شرقي حلب")["الباب"].place_id == "C1202"


def test_a_syrian_neighbourhood_alone_in_a_text_about_abroad_is_not_taken():
    assert "المعادي" not in found("غرق شارع في حي المعادي بالقاهرة بعد أمطار غزيرة")
    assert found("شهد حي بابا عمرو عودة جزئية للسكان")["بابا عمرو"].place.admin1 == "SY04"


def test_both_ends_of_between_with_triggers_and_plural_lists():
    got = found("اشتباكات على الطريق الواصل بين بلدة القحطانية وقرية تل علو")
    assert "between" in got["القحطانية"].evidence and "between" in got["تل علو"].evidence
    got = found("قصفت الطائرات بلدات كفرنبل، حاس، كفرسجنة")
    assert all(f"trigger:{'بلدات'}" in got[n].evidence for n in ("كفرنبل", "حاس", "كفرسجنة"))


def test_a_plural_list_runs_over_a_name_the_gazetteer_lacks():
    # «الجنابرة» is no place the gazetteer knows; «الزكاة» after it is still one of the «بلدات»
    got = found("قصفت الطائرات بلدات كفرزيتا واللطامنة والجنابرة والزكاة شمالي حماة")
    assert got["الزكاة"].place_id == "C3461" and "trigger:بلدات" in got["الزكاة"].evidence
    # a dual trigger names two places, no more
    got = found("سيطرت القوات على بلدتي نبل والزهراء وقصفت الباب")
    assert set(got) == {"نبل", "الزهراء"}


def test_a_minor_place_far_from_the_rest_of_its_list_is_a_namesake():
    # the Raqqa «الطويلعة» is 200 km from the villages of Jabal al-Zawiya it is listed with
    got = found("قصفت الطائرات الحربية بلدات كفرنبل والطويلعة والمغارة ومعرزيتا جنوبي إدلب")
    assert "الطويلعة" not in got
    assert {got[n].place.admin1 for n in ("كفرنبل", "المغارة", "معرزيتا")} == {"SY07"}


def test_a_decimal_distance_is_one_number():
    for text in ("انفجرت عبوة على بعد 12,5 كم جنوب تدمر", "انفجرت عبوة على بعد 12.5 كم جنوب تدمر"):
        m = found(text)["تدمر"]
        assert m.relation == "south" and abs((m.place.lat - m.lat) * 111.2 - 12.5) < 0.2


def test_a_village_the_gazetteer_holds_without_its_article_after_a_settlement_word():
    # the gazetteer writes «صياد» and «مصاصنة»; reports write them with the article
    assert found("سقطت قذائف على قرية الصياد بريف حماة الشمالي")["الصياد"].place_id == "C3460"
    got = found("قصفت الطائرات بلدات كفرزيتا واللطامنة والمصاصنة والزكاة شمالي حماة")
    assert got["المصاصنة"].place_id == "C3036" and got["الزكاة"].place_id == "C3461"
    # without a settlement word it is the common noun: «the hunter said», even before a unit
    assert "الصياد" not in found("قال الصياد إن الذئاب هاجمت القطيع قرب مدينة السلمية")
    assert "الصياد" not in found("قال الصياد بريف حماة إن الذئاب كثرت هذا العام")
    # a stated unit vouches for an article form that is hardly a word, and only in that unit
    assert found("سقطت قذائف على المصاصنة بريف حماة الشمالي")["المصاصنة"].place_id == "C3036"
    assert "المصاصنة" not in found("سقطت قذائف على المصاصنة صباح اليوم")


def test_a_hashtag_joins_the_words_of_a_name_with_underscores():
    got = found("#عاجل | قصف مدفعي يستهدف #معرة_النعمان وسط تحليق لطيران الاستطلاع")
    assert got["معرة_النعمان"].place_id == "C3985"  # the town Ma'arrat An Nu'man
