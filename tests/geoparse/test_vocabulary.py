from __future__ import annotations

from geomap.arabic import normalize_name
from geomap.geoparse import vocabulary as v
from geomap.geoparse.vocabulary import in_vocabulary

NORMALISED = (
    "TRIGGERS",
    "GENERIC_TRIGGERS",
    "PLURAL_TRIGGERS",
    "AREA_TRIGGERS",
    "GENERIC_HEADS",
    "DIRECTIONS",
    "NEAR",
    "NEAR_PREFIX",
    "COUNTRYSIDE",
    "DESERT",
    "DEFINITE_COUNTRYSIDE",
    "ADMIN_CONTEXT_WORDS",
    "BETWEEN",
    "NISBA",
    "BLOCKED",
    "PERSON_TITLES",
    "SON_OF",
    "MEDIA",
    "PREPOSITIONS",
    "EVENT_WORDS",
    "NOT_PLACES",
)


def test_every_vocabulary_is_in_normalised_form():
    for name in NORMALISED:
        words = getattr(v, name)
        assert words, name
        assert all(w and normalize_name(w) == w for w in words), name
    assert normalize_name(v.PERSON_PREFIX) == v.PERSON_PREFIX


def test_entries_written_naturally_are_found_in_normalised_text():
    assert normalize_name("قرية") in v.TRIGGERS and normalize_name("الرئيس") in v.PERSON_TITLES
    assert normalize_name("هيئة تحرير الشام") in v.BLOCKED
    assert normalize_name("إصابة") in v.EVENT_WORDS and normalize_name("إلى") in v.PREPOSITIONS
    assert v.NISBA[normalize_name("الإدلبي")] == "SY07"


def test_relative_words_and_triggers_are_never_places():
    assert set(v.TRIGGERS) <= v.NOT_PLACES
    assert set(v.DIRECTIONS) | v.NEAR | v.COUNTRYSIDE | v.DESERT <= v.NOT_PLACES
    assert {"الريف", "المدينه", "مركز"} <= v.NOT_PLACES


def test_trigger_lists_agree():
    for subset in (v.GENERIC_TRIGGERS, v.PLURAL_TRIGGERS, v.AREA_TRIGGERS):
        assert subset.issubset(v.TRIGGERS)
    assert v.TRIGGERS["معبر"] == ("landmark:crossing",)


def test_directions_are_bearings_and_definite_forms_follow_a_name():
    assert v.DIRECTIONS["شمال"] == 0 and v.DIRECTIONS["الشرقي"] == 90 and v.DIRECTIONS["الغربيه"] == 270
    assert {v.DIRECTIONS[w] for w in v.DIRECTIONS} == {0, 90, 180, 270}


def test_in_vocabulary_strips_a_proclitic_chain():
    assert in_vocabulary("ريف", v.COUNTRYSIDE) == "ريف"
    assert in_vocabulary("وريف", v.COUNTRYSIDE) == "ريف"
    assert in_vocabulary("وبريف", v.COUNTRYSIDE) == "ريف"
    assert in_vocabulary("بالقرب", v.NEAR_PREFIX) == "القرب"
    assert in_vocabulary("سريف", v.COUNTRYSIDE) is None  # س is no proclitic
    assert in_vocabulary("وب", v.COUNTRYSIDE) is None
    assert in_vocabulary("", v.BETWEEN) is None


def test_english_words_are_never_places_and_agree_with_the_arabic_lists():
    assert set(v.LATIN_TRIGGERS) <= v.NOT_PLACES and set(v.LATIN_DIRECTIONS) <= v.NOT_PLACES
    assert v.LATIN_PLURAL.issubset(v.LATIN_TRIGGERS) and v.LATIN_GENERIC.issubset(v.LATIN_TRIGGERS)
    assert all(w.isascii() and w == w.lower() for w in (*v.LATIN_TRIGGERS, *v.LATIN_ADMIN_GAP, *v.LATIN_EVENT_WORDS))
