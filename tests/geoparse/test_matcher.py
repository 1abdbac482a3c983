from __future__ import annotations

from geomap.arabic import normalize
from geomap.geoparse.matcher import HitKind


def hits_of(parser, text):
    return parser.matcher.scan(normalize(text))


def test_a_hit_carries_its_normalised_and_original_span(parser):
    text = "قصفٌ مدفعيّ على سَرْمَدا صباحاً"
    norm = normalize(text)
    (hit,) = parser.matcher.scan(norm)
    assert norm.text[hit.start : hit.end] == "سرمدا" and hit.key == "سرمدا"
    assert hit.surface == "سَرْمَدا" == text[hit.orig_start : hit.orig_end]
    assert hit.kind is HitKind.NAME and [p.id for p in hit.places] == ["C4121"]


def test_a_proclitic_chain_is_kept_apart_from_the_name(parser):
    text = "وصلت التعزيزات وبسرمدا"
    (hit,) = hits_of(parser, text)
    assert hit.clitic == "وب" and hit.surface == "سرمدا"
    assert text[hit.orig_clitic_start : hit.orig_end] == "وبسرمدا"


def test_names_inside_longer_words_or_after_other_prefixes_are_not_hits(parser):
    assert hits_of(parser, "حلبي") == []  # the name ends mid-word
    assert hits_of(parser, "سوحلب") == []  # سو is no proclitic chain
    assert [h.key for h in hits_of(parser, "فحلب")] == ["حلب"]


def test_longest_match_wins(parser):
    (hit,) = hits_of(parser, "في دير الزور")
    assert hit.key == "دير الزور"
    (joined,) = hits_of(parser, "في ديرالزور")
    assert joined.key == "دير الزور" and joined.surface == "ديرالزور"


def test_lam_form_stands_for_the_name_with_its_article(parser):
    text = "توجهت القافلة للحسكة"
    (hit,) = hits_of(parser, text)
    assert hit.kind is HitKind.LAM and hit.key == "الحسكه" and hit.clitic == "ل"
    assert hit.surface == "لحسكة" and text[hit.orig_clitic_start : hit.orig_end] == "للحسكة"
    assert hits_of(parser, "توجهت القافلة لحسكة") == []  # ل alone does not swallow an article


def test_article_form_of_a_village_written_without_it(parser):
    text = "قصفت المدفعية قريتي الصياد والمصاصنة"
    kinds = {h.surface: (h.kind, h.key, h.clitic) for h in hits_of(parser, text)}
    assert kinds["الصياد"] == (HitKind.ARTICLE, "صياد", "")
    assert kinds["المصاصنة"] == (HitKind.ARTICLE, "مصاصنه", "و")
    assert hits_of(parser, "الطيبة")[0].kind is HitKind.NAME  # a name the gazetteer writes with its article
    assert hits_of(parser, "سالصياد") == []  # «سـ» is no proclitic


def test_nisba_phrase_is_its_governorate(parser, gaz):
    (hit,) = hits_of(parser, "في الريف الإدلبي")
    assert hit.kind is HitKind.NISBA and hit.places == (gaz.lookup("SY07"),)


def test_blocked_organisations_hide_the_places_inside_them(parser):
    assert hits_of(parser, "دعت هيئة تحرير الشام إلى الهدوء") == []
    assert [h.key for h in hits_of(parser, "عاد إلى الشام")] == ["الشام"]


def test_a_generic_head_alias_leaves_the_name_to_its_trigger(parser):
    (hit,) = hits_of(parser, "في محافظة إدلب")
    assert hit.key == "ادلب" and hit.surface == "إدلب"


def test_latin_names_must_be_capitalised(parser):
    (hit,) = hits_of(parser, "Shelling hit Aleppo.")
    assert hit.latin and hit.surface == "Aleppo"
    assert hits_of(parser, "shelling hit aleppo.") == []


def test_a_lower_case_article_before_a_capital_is_a_latin_name(parser):
    # how English reporting writes transliterated names: «al-Tanf», lower-case article, capitalised name
    (hit,) = hits_of(parser, "Militias moved heavy weapons towards al-Tanf, officials said.")
    assert hit.surface == "al-Tanf" and hit.places[0].id == "landmark/al-tanf-base"
    assert hits_of(parser, "see the al-tanf page") == []


def test_a_road_named_after_its_ends_yields_the_ends_not_a_neighbourhood(parser):
    # «طريق حلب» is also a neighbourhood of Hama; followed at once by another name it is the Aleppo–Latakia road.
    keys = [h.key for h in hits_of(parser, "كمين لمسلحين على طريق حلب - اللاذقية قرب أريحا")]
    assert keys[:2] == ["حلب", "اللاذقيه"]
    assert hits_of(parser, "سقطت قذيفة في حي طريق حلب بمدينة حماة")[0].key == "طريق حلب"
