from __future__ import annotations

import dataclasses
import math

import pytest

from geomap.earth import haversine_km
from geomap.geoparse.context import Context
from geomap.geoparse.scoring import WEIGHTS, Basis, Weights, confidence, fits, leading, score
from geomap.relative import Relation


def s(c, ctx=None, anchors=(), govs=(), towns=(), weights=WEIGHTS):
    return score(c, ctx or Context(), list(anchors), set(govs), set(towns), weights)


def test_a_candidate_without_context_scores_its_importance(gaz):
    for pid in ("C4121", "SY07", "city/108410"):
        c = gaz.lookup(pid)
        assert s(c) == pytest.approx(c.importance + (WEIGHTS.foreign_bonus if not c.in_syria else 0.0))


def test_a_trigger_favours_the_kind_it_names(gaz):
    village, governorate = gaz.lookup("C2896"), gaz.lookup("SY04")
    ctx = Context(trigger="قريه")
    assert s(village, ctx) - s(village) == pytest.approx(WEIGHTS.trigger_fit)
    assert s(governorate, ctx) == s(governorate)
    assert fits(gaz.lookup("landmark/al-hol-camp"), ("landmark:camp",))
    assert not fits(gaz.lookup("landmark/bab-al-hawa-crossing"), ("landmark:camp",))


def test_the_governorate_named_after_a_name_decides_between_namesakes(gaz):
    daraa, raqqa = gaz.lookup("C5992"), gaz.lookup("C5849")  # two villages called الطيبة
    ctx = Context(admin_hint=frozenset({"SY12"}))
    assert s(daraa, ctx) - s(daraa) == pytest.approx(WEIGHTS.admin_hint_match)
    assert s(raqqa, ctx) - s(raqqa) == pytest.approx(WEIGHTS.admin_hint_miss)
    assert s(daraa, ctx) > s(raqqa, ctx)


def test_a_named_sub_district_outweighs_everything_else(gaz):
    village = gaz.lookup("C1134")  # in sub-district SY020003
    ctx = Context(admin_hint=frozenset({"SY02"}), admin_level_ids=frozenset({"SY020003"}))
    expected = WEIGHTS.admin_hint_match + WEIGHTS.admin_level_match
    assert s(village, ctx) - s(village) == pytest.approx(expected)


def test_the_other_places_of_the_document_pull_a_candidate_near_them(gaz):
    saraqib = gaz.lookup("C3916")
    idlib_village, homs_village = gaz.lookup("C4264"), gaz.lookup("C2896")  # الطيبة in Idlib and in Homs
    near = s(idlib_village, anchors=[saraqib], govs=["SY07"]) - s(idlib_village)
    d = haversine_km(idlib_village.lat, idlib_village.lon, saraqib.lat, saraqib.lon)
    assert near == pytest.approx(WEIGHTS.anchor_governorate + WEIGHTS.proximity * math.exp(-d / WEIGHTS.proximity_km))
    assert s(idlib_village, anchors=[saraqib], govs=["SY07"]) > s(homs_village, anchors=[saraqib], govs=["SY07"])
    assert s(saraqib, anchors=[saraqib]) == s(saraqib)  # a place is no anchor for itself


def test_a_capital_abroad_beats_a_syrian_village_of_that_name(gaz):
    riyadh, village = gaz.lookup("city/108410"), gaz.lookup("C2523")
    assert s(riyadh) - riyadh.importance == pytest.approx(WEIGHTS.foreign_bonus)
    assert leading([village, riyadh]) == riyadh
    assert leading([village, riyadh], Weights(foreign_bonus=-1.0)) == village


def test_a_town_comes_before_the_units_named_after_it(gaz):
    district, town = gaz.lookup("SY0302"), gaz.lookup("C2338")  # دوما
    towns = {town.admin2, town.admin3}
    assert s(district, towns=towns) - s(district) == pytest.approx(WEIGHTS.district_named_after_town)
    assert s(district, towns=towns) < s(town, towns=towns)
    assert s(district, Context(trigger="منطقه"), towns=towns) > s(town, Context(trigger="منطقه"), towns=towns)
    markaz = gaz.lookup("SY020200")  # مركز الباب
    assert s(markaz) - markaz.importance == pytest.approx(WEIGHTS.markaz)


def test_countryside_favours_the_governorate(gaz):
    ctx = Context(relation=Relation.COUNTRYSIDE)
    governorate, town = gaz.lookup("SY07"), gaz.lookup("C3871")
    assert s(governorate, ctx) - s(governorate) == pytest.approx(WEIGHTS.countryside_governorate)
    assert s(town, ctx) - s(town) == pytest.approx(WEIGHTS.countryside_other)


def test_weights_are_one_frozen_table():
    with pytest.raises(dataclasses.FrozenInstanceError):
        WEIGHTS.trigger_fit = 1.0  # type: ignore[misc]
    assert all(isinstance(f.default, float) for f in dataclasses.fields(Weights))


def test_a_changed_weight_changes_the_choice(gaz):
    village, district = gaz.lookup("C2338"), gaz.lookup("SY0302")  # دوما town (0.7) and district (0.85)
    towns = {village.admin2, village.admin3}
    assert s(village, towns=towns) > s(district, towns=towns)
    no_penalty = Weights(district_named_after_town=0.0)
    assert s(village, towns=towns, weights=no_penalty) < s(district, towns=towns, weights=no_penalty)


def test_confidence_grows_with_the_margin_and_stays_in_bounds():
    assert confidence(1.5, 0.0, Basis.EVIDENCE) == WEIGHTS.sole_confidence
    assert confidence(1.5, 0.0, Basis.NAME) == pytest.approx(WEIGHTS.sole_confidence * WEIGHTS.name_only_factor)
    margins = [confidence(1.0 + m, 1.0, Basis.CONTEXT) for m in (-2.0, -0.5, 0.0, 0.3, 1.0, 3.0)]
    assert margins == sorted(margins)
    assert confidence(1.0, 1.0, Basis.CONTEXT) == pytest.approx(0.5)
    assert margins[0] == WEIGHTS.min_confidence and margins[-1] == WEIGHTS.max_confidence


def test_ranked_puts_the_best_first_and_breaks_ties_by_id(gaz):
    from geomap.geoparse.scoring import ranked

    villages = [gaz.lookup(pid) for pid in ("C5849", "C5992", "C2896")]  # three villages called الطيبة
    order = ranked(villages, Context(), [], set())
    assert [c.id for _, c in order] == sorted(c.id for c in villages)  # equal scores: by id
    order = ranked(villages, Context(admin_hint=frozenset({"SY12"})), [], set())
    assert order[0][1].id == "C5992" and order[0][0] == pytest.approx(0.3 + WEIGHTS.admin_hint_match)
    assert [s for s, _ in order] == sorted((s for s, _ in order), reverse=True)
    assert all(s == score(c, Context(admin_hint=frozenset({"SY12"})), [], set(), set()) for s, c in order)
