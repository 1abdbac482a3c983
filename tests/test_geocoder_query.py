"""Taking place strings apart: names, kind words, relations, context, roads and a city's neighbourhoods."""

from __future__ import annotations

import pytest

from geomap.geocoder.query import KindHint, parse_query
from geomap.relative import Relation


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Kafr Zita town", "Kafr Zita", KindHint.SETTLEMENT),
        ("Saraqib city centre", "Saraqib", KindHint.SETTLEMENT),
        ("Al Bab nahiyah", "Al Bab", KindHint.SUBDISTRICT),
        ("Tishrin dam", "Tishrin", KindHint.WATER),
        ("Kuweires Military Airbase", "Kuweires", KindHint.AIRBASE),
        ("Al-Hol refugee camp", "Al-Hol", KindHint.CAMP),
        ("Bab al-Salam border crossing", "Bab al-Salam", KindHint.CROSSING),
        ("Sheikh Najjar roundabout", "Sheikh Najjar", KindHint.JUNCTION),
        ("Jurah neighbourhood", "Jurah", KindHint.NEIGHBOURHOOD),
        ("Adra prison", "Adra", KindHint.PRISON),
        ("Omar oil field", "Omar", KindHint.FIELD),
        ("Mhardeh power station", "Mhardeh", KindHint.FACILITY),
    ],
)
def test_kind_words_become_hints(text, name, kind):
    (phrase,) = parse_query(text).alternatives
    assert (phrase.name, phrase.kind) == (name, kind)


def test_alternatives_share_the_kind_word():
    q = parse_query("Kafr Halab/Kfar Halab village")
    assert [p.name for p in q.alternatives] == ["Kafr Halab", "Kfar Halab"]
    assert {p.kind for p in q.alternatives} == {KindHint.SETTLEMENT}
    assert [p.name for p in parse_query("Marea or Mare' town").alternatives] == ["Marea", "Mare'"]


def test_context_parts():
    assert parse_query("Salah al-Din neighbourhood, Aleppo").context == ("Aleppo",)
    assert parse_query("Qabasin (Aleppo)").bracketed == ("Aleppo",)
    q = parse_query("Rasm al-Abbud village in Rasm Haram El-Imam Subdistrict")
    assert q.alternatives[0].name == "Rasm al-Abbud" and q.context == ("Rasm Haram El-Imam Subdistrict",)


@pytest.mark.parametrize(
    ("text", "name", "relation", "bearing", "km"),
    [
        ("Northern Hama Governorate", "Hama", Relation.DIRECTION, 0, None),
        ("Aleppo countryside", "Aleppo", Relation.COUNTRYSIDE, None, None),
        ("the eastern countryside of Deir ez-Zor", "Deir ez-Zor", Relation.COUNTRYSIDE, 90, None),
        ("northern Hama countryside", "Hama", Relation.COUNTRYSIDE, 0, None),
        ("Idlib's southern countryside", "Idlib", Relation.COUNTRYSIDE, 180, None),
        ("20 km east of Palmyra", "Palmyra", Relation.DIRECTION, 90, 20.0),
        ("outskirts of Manbij", "Manbij", Relation.NEAR, None, None),
        ("Manbij outskirts", "Manbij", Relation.NEAR, None, None),
    ],
)
def test_relative_phrases(text, name, relation, bearing, km):
    (p,) = parse_query(text).alternatives
    assert (p.name, p.relation, p.bearing, p.distance_km) == (name, relation, bearing, km)


def test_roads_and_city_parts():
    road = parse_query("Saraqib-Ariha road").road
    assert road is not None and [e.name for e in road] == ["Saraqib", "Ariha"]
    assert [e.name for e in parse_query("road between Saraqib and Ariha").road] == ["Saraqib", "Ariha"]
    assert parse_query("Al-Rai road").road is None  # the hyphen of an article is no road's end
    q = parse_query("Homs - Karm al-Zeitoun")
    assert q.city == "Homs" and q.alternatives[0].name == "Karm al-Zeitoun"


def test_leading_feature_words_may_be_part_of_the_name():
    (p,) = parse_query("Tall Shihab").alternatives
    assert p.name == "Tall Shihab" and p.feature is KindHint.MOUNTAIN and p.feature_name == "Shihab"


def test_arabic_queries_keep_their_head_whole():
    q = parse_query("سرمدا، إدلب")
    assert q.arabic and q.alternatives[0].written == "سرمدا" and q.context == ("إدلب",)
