from __future__ import annotations

import pytest

from geomap.arabic import normalize
from geomap.geoparse import Geoparser
from geomap.geoparse.evidence import (
    RARE_FLIPPED,
    STANDALONE,
    Commonness,
    Evidence,
    required_importance,
)
from geomap.kinds import Importance


class FakeFrequencies:
    """Word frequencies from a table (0 for any other word), counting look-ups."""

    def __init__(self, table: dict[str, float] | None = None, default: float = 0.0) -> None:
        self.table, self.default, self.calls = table or {}, default, 0

    def __call__(self, word: str, lang: str) -> float:
        self.calls += 1
        return self.table.get(word, self.default)


def level(parser, text, table=None, surface=None):
    """The commonness of the (only, or named) hit of `text` under fake frequencies."""
    norm = normalize(text)
    hits = [h for h in parser.matcher.scan(norm) if surface is None or h.surface == surface]
    (hit,) = hits
    return Evidence(FakeFrequencies(table)).commonness(hit, list(hit.places), norm.original)


def test_levels_are_ordered_by_how_much_evidence_they_need():
    assert Commonness.ALONE < Commonness.IN_CONTEXT < Commonness.BESIDE_ADMIN < Commonness.NEEDS_TRIGGER
    assert sorted(Commonness) == [
        Commonness.ALONE,
        Commonness.IN_CONTEXT,
        Commonness.BESIDE_ADMIN,
        Commonness.NEEDS_TRIGGER,
    ]


@pytest.mark.parametrize("zipf", [0.0, 2.0, 2.8, 3.0, 3.5, 3.9, 4.2, 4.6, 5.0, 5.5, 5.9, 7.0])
def test_a_commoner_word_needs_a_more_important_place(zipf):
    strict = required_importance(zipf, strict=True)
    relaxed = required_importance(zipf, strict=False)
    assert strict >= relaxed
    assert required_importance(zipf + 0.5, strict=True) >= strict
    assert required_importance(zipf + 0.5, strict=False) >= relaxed
    assert required_importance(7.0, strict=True) == Importance.COUNTRY


def test_zipf_takes_the_most_common_full_spelling_and_caches_it():
    fake = FakeFrequencies({"الثورة": 5.0, "إدلب": 2.0})
    evidence = Evidence(fake)
    assert evidence.zipf("الثوره", "ar") == 5.0  # written casually with ه
    assert evidence.zipf("ادلب", "ar") == 2.0  # and without hamza
    calls = fake.calls
    assert evidence.zipf("الثوره", "ar") == 5.0 and fake.calls == calls
    assert evidence.zipf("الثوره", "en") == 0.0  # only Arabic words have Arabic spellings


def test_a_rare_name_stands_alone_only_for_a_district_capital(parser):
    assert level(parser, "وصل الوفد إلى الميادين") == (Commonness.ALONE, STANDALONE)  # importance 0.85
    # a sub-district capital (0.7) whose name is no word at all is taken in any context
    assert level(parser, "وصل الوفد إلى سراقب") == (Commonness.IN_CONTEXT, 0.0)


def test_a_name_that_is_a_word_in_both_article_forms_needs_context(parser):
    text = "دخلت القوات الباب"
    assert level(parser, text, {"الباب": 4.5, "باب": 3.5}) == (Commonness.IN_CONTEXT, Importance.SUBDISTRICT_CAPITAL)
    assert level(parser, text, {"الباب": 4.5, "باب": 4.0}) == (Commonness.BESIDE_ADMIN, Importance.SUBDISTRICT_CAPITAL)
    assert level(parser, text, {"الباب": 4.5, "باب": 5.0}) == (Commonness.NEEDS_TRIGGER, 0.0)
    # rare with the article flipped: a proper name, judged by its own frequency
    assert level(parser, text, {"الباب": 4.5, "باب": RARE_FLIPPED - 0.1})[0] is Commonness.IN_CONTEXT


def test_a_proclitic_reading_loses_to_a_commoner_whole_word(parser):
    assert level(parser, "وقال وسراقب", {"وسراقب": 3.0}) == (Commonness.NEEDS_TRIGGER, 1.0)
    assert level(parser, "وقال وسراقب", {"وسراقب": 2.7})[0] is Commonness.IN_CONTEXT  # not common enough


def test_abu_names_are_people_before_hamlets(parser):
    assert level(parser, "وصل أبو رويل")[0] is Commonness.NEEDS_TRIGGER  # a hamlet (0.3)
    assert level(parser, "وصل إلى أبو الظهور")[0] is Commonness.ALONE  # a sub-district capital, multiword


def test_syria_as_an_adjective_after_a_feminine_noun(parser):
    assert level(parser, "تعيش عائلة سورية في المدينة")[0] is Commonness.NEEDS_TRIGGER
    assert level(parser, "قالت دولة سورية إن")[0] is Commonness.ALONE
    assert level(parser, "زار سورية")[0] is Commonness.ALONE


def test_latin_match_inside_a_longer_proper_name(parser):
    assert level(parser, "A statement by the Duma said")[0] is Commonness.NEEDS_TRIGGER
    assert level(parser, "said Mahmoud Saraqib yesterday")[0] is Commonness.NEEDS_TRIGGER
    assert level(parser, "Clashes near Saraqib on Monday")[0] is not Commonness.NEEDS_TRIGGER


def test_a_capital_abroad_needs_context_only_when_it_is_also_a_noun(parser):
    assert level(parser, "وصل إلى الرياض", {"رياض": 4.0}) == (Commonness.IN_CONTEXT, Importance.SUBDISTRICT_CAPITAL)
    assert level(parser, "وصل إلى الرياض", {"رياض": 3.0}) == (Commonness.ALONE, Importance.SUBDISTRICT_CAPITAL)


def test_word_frequencies_are_injectable(gaz):
    text = "وصل الوفد إلى الميادين"
    assert [m.place_id for m in Geoparser(gaz, word_frequencies=FakeFrequencies()).parse(text)] == ["C5192"]
    everything_common = Geoparser(gaz, word_frequencies=FakeFrequencies(default=6.0))
    assert everything_common.parse(text) == []
    assert everything_common.parse("وصل الوفد إلى مدينة الميادين") == []  # «مدينة» stands before words too
    assert [m.place_id for m in everything_common.parse("وصل الوفد إلى ريف الميادين")] == ["C5192"]
