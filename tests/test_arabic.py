import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.arabic import is_arabic, normalize, normalize_name, normalized_once, normalized_text
from geomap.exc import InputError


def test_orthography_folds_to_one_form():
    assert normalize_name("إدلب") == normalize_name("ادلب") == normalize_name("أدلب")
    assert normalize_name("حماة") == normalize_name("حماه")
    assert normalize_name("مصطفى") == normalize_name("مصطفي")
    assert normalize_name("كوباني") == normalize_name("کوبانی")  # Persian kaf and yeh
    assert normalize_name("دِمَشْق") == "دمشق"  # harakat
    assert normalize_name("حلـــب") == "حلب"  # tatweel
    assert normalize_name("Deir ez-Zor") == normalize_name("deir ez zor") == "deir ez zor"
    assert normalize_name("Ḩamāh") == "hamah"


def test_offsets_point_into_the_original_text():
    text = "قُصِفَتْ\u200f بلدةُ سَرْمَدا  في   ريف إدلب ٢٠٢٤"
    norm = normalize(text)
    i = norm.text.index("سرمدا")
    start, end = norm.to_original(i, i + len("سرمدا"))
    assert text[start:end] == "سَرْمَدا"
    assert "2024" in norm.text  # Arabic-Indic digits
    j = norm.text.index("في ريف")  # runs of spaces collapse
    s, e = norm.to_original(j, j + len("في ريف"))
    assert text[s:e] == "في   ريف"


def test_identity_map_when_nothing_is_dropped():
    norm = normalize("قصف على دير الزور")
    assert norm.offsets_identical
    assert norm.to_original(4, 7) == (4, 7)


def test_is_arabic():
    assert is_arabic("حلب Aleppo")
    assert not is_arabic("Aleppo")


def test_offsets_after_drops_and_runs_match_a_character_by_character_map():
    text = "قُتلَ \u200f مدنيٌّ  في\n\n«سَرْمَدا» - ريفِ إدلبَ"
    norm = normalize(text)
    kept = [i for i, ch in enumerate(text) if ch not in "\u064f\u064e\u200f\u064c\u0651\u0652\u0650"]
    expected = []
    for i in kept:  # a space-like character right after a kept space-like one is dropped too
        if expected and text[i] in " \n-" and text[expected[-1]] in " \n-":
            continue
        expected.append(i)
    assert [norm.to_original(i, i + 1)[0] for i in range(len(norm.text))] == expected
    # and back: an original position maps to the first normalised character kept at or after it
    assert [norm.to_normalized(p) for p in range(len(text) + 1)] == [
        sum(1 for i in expected if i < p) for p in range(len(text) + 1)
    ]
    assert norm.text == normalize("".join(text[i] for i in expected)).text
    assert norm.text.startswith("قتل مدني في «سرمدا» ريف ادلب")
    i = norm.text.index("سرمدا")
    assert norm.to_original(i, i + 5) == (text.index("سَرْمَدا"), text.index("سَرْمَدا") + len("سَرْمَدا"))


def test_text_folds_like_names():
    # text keeps its runs between removals and maps them back, names go through a regex: the same folding
    piece = "قُصِفَت بلدة «سرمدا» في ريف إدلب، ٢٠٢٤ Ḩamāh ﻻ ک ی ؤ ئ Deir-ez-Zor "
    for text in (piece * 8, piece * 4 + "😀" + piece * 4):
        assert normalize(text).text == " ".join(normalize_name(text).split(" ")) + " "
    assert normalize("a\ud800b").text == "a\ud800b"  # a lone surrogate (from surrogateescape) passes through


def test_a_normalisation_is_taken_once_and_only_for_its_own_text():
    text = "قُتِل  شخصان بقصفٍ على بلدة"
    norm = normalize(text)
    assert normalized_once(text, norm) is norm
    assert normalized_once(text, None).text == norm.text
    assert normalized_once(text[:5] + text[5:], norm) is norm  # an equal string, not the same object
    with pytest.raises(InputError, match="normalized"):
        normalized_once("نص آخر", norm)


# Letters, marks that are dropped, spaces of several kinds, characters that become spaces, a character above the
# Basic Multilingual Plane and a lone surrogate: every branch of the normaliser.
_PIECES = "سرمدا إدلبَ ٢ ة ى ـ\u200f\u200b\u064e\u0651 \n\t\xa0\x1c\u3000'-_Ḩa😀\ud800،."


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_PIECES, max_size=40))
def test_the_text_alone_is_the_text_of_the_full_normalisation(text):
    assert normalized_text(text) == normalize(text).text


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_PIECES, max_size=40))
def test_the_map_keeps_what_a_reading_character_by_character_keeps(text):
    # each character read alone is dropped («»), space-like (« ») or kept; a space-like one right after a kept
    # space-like one (dropped ones between them aside) is dropped too
    expected: list[int] = []
    for i, ch in enumerate(text):
        alone = normalize(ch).text
        if alone == "" or (alone.isspace() and expected and normalize(text[expected[-1]]).text.isspace()):
            continue
        expected.append(i)
    norm = normalize(text)
    assert [norm.to_original(i, i + 1)[0] for i in range(len(norm.text))] == expected
    assert [norm.to_normalized(p) for p in range(len(text) + 1)] == [
        sum(1 for i in expected if i < p) for p in range(len(text) + 1)
    ]
    assert norm.offsets_identical == (expected == list(range(len(text))))
