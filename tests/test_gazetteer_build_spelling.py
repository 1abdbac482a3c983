"""Spellings of one name meet (Arabic keys, Latin consonants); other names, qualifiers and long vowels keep apart."""

import pytest

from geomap.build.spelling import NameForms, arabic_variants, close_spelling, consonants, latin_variants, spelling_key


def test_spelling_key_ignores_articles_and_spaces():
    assert spelling_key("كفر سجنة") == spelling_key("كفرسجنة")
    assert spelling_key("تل الدرة") == spelling_key("تلدرة")
    assert spelling_key("حي القنوات") == spelling_key("القنوات")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (["بصرى الحريري", "Busra al Hariri"], ["بصرالحرير", "Bisr Elharir"]),
        (["كفر ابيش", "Kafr Ibbish"], ["كفر إيبش", "Kafr Eibesh"]),
        (["طويحينة"], ["طواحينة"]),
        (["Al Kamiliyah"], ["الكاملية", "Kameliyeh"]),  # no Arabic on one side: the Latin consonants decide
    ],
)
def test_close_spellings_of_one_name(a, b):
    assert close_spelling(NameForms.of(a), NameForms.of(b)) > 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (["مزرعة الصيادة الصغيرة"], ["مزرعة الصيادة الكبيرة"]),  # the small and the big farm
        (["كفر دلي فوقاني"], ["كفر دلي تحتاني"]),  # upper and lower
        (["طلعة الشرقية"], ["طلعة الغربية"]),
        (["بيت جبور", "Bayt Jabur"], ["بيت الجبل", "Beit Eljabal"]),
        (["Tall Hamid"], ["Tall Hamdan"]),
    ],
)
def test_different_names_and_qualifiers_stay_apart(a, b):
    assert close_spelling(NameForms.of(a), NameForms.of(b)) == 0


def test_arabic_variants_keep_spellings_not_other_names():
    found = arabic_variants(["بصرالحرير"], ["بصرى الحريري", "ناحتة", "بصر الحرير"], min_ratio=0.7)
    assert found == ["بصرى الحريري", "بصر الحرير"]
    assert arabic_variants(["خاروفية كبيرة"], ["خاروفية صغيرة", "خاروفية كبير"], min_ratio=0.7) == ["خاروفية كبير"]
    # a short form drops a word that tells namesakes apart (معضمية القلمون, معضمية الشام)
    short = arabic_variants(["معضمية القلمون"], ["المعضمية", "معضمية", "معضمية قلمون"], min_ratio=0.7)
    assert short == ["معضمية قلمون"]


def test_consonants_meet_across_romanisations():
    assert consonants("Dayr Yasin") == consonants("Deir Yassin")
    assert consonants("Ash Shuhayl") == consonants("Shiheil")
    assert consonants("Beit Jinn") == consonants("Bayt Jinn") != consonants("Bayt Jabur")


def test_latin_variants_need_the_consonants_and_the_written_long_vowels():
    candidates = ["As Sahl", "As Saḩl", "Es Sâhel", "As Sāḩil", "Sahel Plain", "Saqba"]
    # ā and â write an alif: «As Sāḩil» is ساحل, not السحل, though the consonants agree
    assert latin_variants(["Sahl"], candidates, arabic=["السحل"]) == ["As Sahl", "As Saḩl"]
    # where the Arabic has the alif, the marked spelling is one of its names
    assert "Kafr Nāṣir" not in latin_variants(["Kafr Nasir"], ["Kafr Nāṣir"], arabic=["كفر نصر"])
    assert latin_variants(["Kafr Nasir"], ["Kafr Nāṣir"], arabic=["كفر ناصر"]) == ["Kafr Nāṣir"]
    # a final long a, and the unwritten alif of «الله», are not counted
    assert latin_variants(["Bab Allah"], ["Bāb Allāh"], arabic=["باب الله"]) == ["Bāb Allāh"]
    assert latin_variants(["Sarmada"], ["Sarmadā"], arabic=["سرمدا"]) == ["Sarmadā"]
