"""Transliteration keys: the spellings tables write for one Arabic name meet; different names stay apart."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.arabic import normalize_name
from geomap.transliteration import (
    Qualifier,
    arabic_skeleton,
    expand_presentation_forms,
    form_similarity,
    translit_form,
    translit_skeleton,
)


@pytest.mark.parametrize(
    "spellings",
    [
        ("Ayn al Arab", "Ain al-Arab", "Ein El Arab"),  # Ayn/Ain/Ein
        ("Dayr Hafir", "Deir Hafer", "Deir Hafir"),  # Dayr/Deir, e/i/a
        ("Tall Abyad", "Tell Abiad", "Tal Abyad"),  # Tall/Tell/Tal, doubled letters
        ("Jabal Saman", "Jebel Semaan"),  # Jabal/Jebel
        ("Shaykh Maqsud", "Sheikh Maqsoud", "Cheikh Maksoud"),  # Shaykh/Sheikh/Cheikh, q/k, ou/u
        ("As Safirah", "Al-Safira", "Es Safira", "Safira"),  # sun letters, -ah
        ("Salamiyah", "Salamiyeh", "Salamieh", "Salamiya"),  # -iyah/-iyeh/-ieh/-iya
        ("Zaytun", "Zeitoun", "Zaitoun"),  # ay/ei/ai, ou/u
        ("Raqqah", "Raqqa", "Rakka"),  # q/k, doubled letters
    ],
)
def test_spellings_of_one_name_share_a_form(spellings):
    assert len({translit_form(s) for s in spellings}) == 1, [translit_form(s) for s in spellings]


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [("Ayn al Arab", "عين العرب"), ("Al Ladhiqiyah", "اللاذقية"), ("Dayr az Zawr", "دير الزور"), ("Tiba", "الطيبة")],
)
def test_a_latin_name_meets_its_arabic_name_by_consonants(latin, arabic):
    assert translit_skeleton(latin) == arabic_skeleton(arabic)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Shiheil", "Sahl"),  # ش is not س
        ("Khamayl", "Hama"),  # خ is not ح
        ("Raghibiyah", "Rikabiyeh"),  # غ is not ق
        ("Jawalik", "Jalaq"),  # a w between vowels is a consonant
        ("Qaurah", "Qarra"),  # a u in the vowels is not an a
    ],
)
def test_different_names_keep_different_forms(a, b):
    assert translit_form(a) != translit_form(b)


def test_qualifiers_count_in_any_order_and_spelling():
    assert translit_form("Jabar Eastern") == translit_form("East Jabar") == translit_form("Jabar al-Sharqiyah")
    assert translit_form("Lower Baghuz").endswith(Qualifier.LOWER) and arabic_skeleton("الباغوز التحتاني").endswith(
        Qualifier.LOWER
    )
    assert translit_form("Baghuz Fawqani") != translit_form("Baghuz Tahtani")  # upper and lower are two villages
    assert translit_form("Jdeideh") == "jdada"  # a name that is only a qualifier word keeps it


def test_a_vowel_written_or_not_costs_little():
    assert translit_skeleton("Kafr Nabl") == translit_skeleton("Kafr Nebel")
    assert form_similarity(translit_form("Kafr Nabl"), translit_form("Kafr Nebel")) > 0.9


def test_similarity_is_one_for_one_spelling_and_less_for_another_name():
    assert form_similarity(translit_form("Taybeh"), translit_form("At Tibah")) == 1.0
    assert form_similarity(translit_form("Maarat al-Numan"), translit_form("Kafr Nabl")) < 0.5


def _presentation(text: str) -> str:
    """`text` as a PDF copies it: each Arabic letter as its isolated presentation form."""
    forms = {}
    for cp in range(0xFE70, 0xFF00):
        base = unicodedata.normalize("NFKC", chr(cp))
        if len(base) == 1 and unicodedata.name(chr(cp), "").endswith("ISOLATED FORM"):
            forms.setdefault(base, chr(cp))
    return "".join(forms.get(ch, ch) for ch in text)


def test_presentation_forms_become_plain_letters():
    pdf = _presentation("منطقة اللاذقية")
    assert pdf != "منطقة اللاذقية"
    assert expand_presentation_forms(pdf) == "منطقة اللاذقية"
    assert expand_presentation_forms("ﻻ") == "لا"  # the lam-alef ligature is two letters
    assert normalize_name(expand_presentation_forms(pdf)) == normalize_name("منطقة اللاذقية")


@given(
    st.text(alphabet="abdhklmnrstyz'", max_size=12),
    st.text(alphabet="abdhklmnrstyz'", max_size=12),
    st.floats(min_value=0.0, max_value=1.0),
)
def test_a_floor_only_skips_pairs_that_cannot_reach_it(a, b, floor):
    exact = form_similarity(a, b)
    cut = form_similarity(a, b, floor=floor)
    assert cut == exact if exact >= floor else cut in (0.0, exact)
