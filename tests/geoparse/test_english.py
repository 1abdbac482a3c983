"""English reports and ACLED-style notes: triggers, admin context, relative phrases, names after a trigger."""

from __future__ import annotations

import pytest

from geomap.earth import haversine_km
from geomap.geoparse import geoparse


def _by_text(text: str) -> dict[str, object]:
    return {m.text: m for m in geoparse(text)}


def test_a_lone_village_after_a_trigger_in_the_countryside():
    found = _by_text("Government shelling hit the town of Kafranbel in the southern Idlib countryside on Sunday.")
    town = found["Kafranbel"]
    assert town.place_id == "C4068" and town.precision == 1 and "trigger:town" in town.evidence
    assert "admin-context" in town.evidence
    assert found["Idlib"].relation == "countryside-south"


def test_a_city_in_its_governorate_is_the_city_not_the_district():
    found = _by_text("Two civilians were killed when a shell fell in Duma city in Rural Damascus.")
    assert found["Duma"].place_id == "C2338" and found["Duma"].kind == "community"
    assert found["Rural Damascus"].place_id == "SY03"


def test_names_after_a_plural_trigger_are_read_in_spellings_the_gazetteer_lacks():
    found = _by_text("Rebels shelled the besieged villages of Foua and Kfraya in Idlib province overnight.")
    assert found["Foua"].place_id == "C3905" and found["Kfraya"].place_id == "curated/kafraya"
    assert all("admin-context" in found[n].evidence for n in ("Foua", "Kfraya"))


def test_no_name_is_guessed_without_a_trigger_or_outside_syria():
    assert not _by_text("Local officials met Foua and Kfraya residents' representatives in Geneva.").get("Foua")
    assert not geoparse("She grew up in the town of Hope, Arkansas, before moving to Texas.")


@pytest.mark.parametrize(
    ("text", "name", "place", "relation"),
    [
        ("Clashes erupted in the eastern countryside of Deir ez-Zor.", "Deir ez-Zor", "SY09", "countryside-east"),
        ("Airstrikes targeted northern Hama countryside.", "Hama", "SY05", "countryside-north"),
        ("Rebels attacked army posts in Idlib's southern countryside.", "Idlib", "SY07", "countryside-south"),
        ("Fighting continued on the outskirts of Saraqib.", "Saraqib", "C3916", "near"),
        ("An IED exploded near Saraqib.", "Saraqib", "C3916", "near"),
    ],
)
def test_relative_phrases(text, name, place, relation):
    m = _by_text(text)[name]
    assert (m.place_id, m.relation) == (place, relation) and m.precision in (2, 3)


def test_a_distance_and_direction_from_a_town(gaz):
    m = _by_text("Regime forces advanced to a point 20 km east of Palmyra on Tuesday.")["Palmyra"]
    tadmur = gaz.lookup("C2889")
    assert m.relation == "east" and m.precision == 2
    assert 18 < haversine_km(m.lat, m.lon, tadmur.lat, tadmur.lon) < 22 and m.lon > tadmur.lon


def test_a_town_and_its_province_after_a_comma():
    found = _by_text("Demonstrators gathered in Saraqib, Idlib province, after Friday prayers.")
    assert found["Saraqib"].place_id == "C3916" and "admin-context" in found["Saraqib"].evidence
    assert found["Idlib"].place_id == "SY07" and "trigger:province" in found["Idlib"].evidence
