"""Places beyond OCHA's 2015 list (Who's On First / GeoNames, OpenSyria transport) are found, ranked and placed."""

import pytest

from geomap import SyriaGeocoder, geoparse
from geomap.gazetteer import load_gazetteer
from geomap.kinds import Importance


def test_enough_populated_places_and_every_source_counted(gaz):
    # OCHA's 5,251 communities and ~6,400 GeoNames places that are on no OCHA list under any spelling
    assert gaz.counts()["community"] >= 11_500
    assert sum(p.kind == "community" and p.id.startswith("wof/") for p in gaz) > 6_000
    sources = gaz.source_counts()
    assert sources["ocha2015"] >= 5251 and sources["wof"] > 10_000 and sources["opensyria-transport"] >= 30


def test_a_differently_spelt_duplicate_merges_into_the_ocha_community(gaz):
    # GeoNames' «بصرى الحريري» lies 0.8 km from OCHA's «بصرالحرير»: one town, both ids, the spelling an alias
    busra = gaz.lookup("C6105")
    assert "wof:1193129627" in busra.source_ids and "بصرى الحريري" in busra.aliases
    assert [p.id for p in gaz.search("بصرى الحريري", fuzzy=False)] == ["C6105"]
    assert not any(p.id == "wof/1193129627" for p in gaz)


def test_neighbours_told_apart_by_a_qualifier_stay_two_places(gaz):
    big, small = gaz.lookup("C1754"), gaz.lookup("C1733")  # the big and the little Kharufiyah
    assert "خاروفية كبير" in big.aliases and "خاروفية صغير" in small.aliases
    assert "خاروفية صغير" not in big.aliases
    assert gaz.search("مزرعة الصيادة الصغيرة", fuzzy=False) != gaz.search("مزرعة الصيادة الكبيرة", fuzzy=False)


def test_the_geonames_romanisation_of_the_same_arabic_name_is_an_alias(gaz):
    karfuma = gaz.lookup("C3984")  # OCHA writes «كفرروما» Karfuma; GeoNames romanises the same name Kafr Ruma
    assert "Kafr Ruma" in karfuma.aliases and gaz.search("Kafr Ruma")[0] == karfuma


def test_latin_variants_spelling_another_word_are_not_aliases(gaz):
    sahl = gaz.lookup("C2420")  # السحل; GeoNames also lists As Sāḩil and Es Sâhel (ساحل)
    assert "As Saḩl" in sahl.aliases and not {"As Sāḩil", "Es Sâhel"} & set(sahl.aliases)


def test_wof_village_missing_from_ocha_found_in_arabic_and_latin(gaz):
    village = gaz.search("شمتانة", fuzzy=False)[0]
    assert village.id.startswith("wof/") and village.kind == "community" and village.subtype == "village"
    assert village.admin1 == "SY05" and village.pcode is None
    assert any(i.startswith("geonames:") for i in village.source_ids)
    text = "نزح عشرات الأهالي من قرية شمتانة بريف حماة الشمالي بعد قصف مدفعي طال أطرافها"
    assert village.id in [m.place_id for m in geoparse(text)]
    clitic = "وصلت تعزيزات عسكرية لشمتانة وسط اشتباكات في ريف حماة"
    assert village.id in [m.place_id for m in geoparse(clitic)]
    where = SyriaGeocoder().geocode("Shamtanah village")
    assert (round(where.latitude, 3), round(where.longitude, 3)) == (round(village.lat, 3), round(village.lon, 3))


@pytest.mark.parametrize(("context", "governorate"), [("بريف حلب", "SY02"), ("بريف حماة", "SY05")])
def test_homonyms_resolve_by_stated_context(gaz, context, governorate):
    assert {p.admin1 for p in gaz.search("مران", kind="community", fuzzy=False)} >= {"SY02", "SY05"}
    mentions = geoparse(f"سقطت قذائف صاروخية على قرية مران {context} وأصيب مدنيان")
    assert mentions[0].text == "مران" and mentions[0].place.admin1 == governorate


def test_ocha_community_keeps_its_pcode_and_gains_the_wof_names(gaz):
    sarmada = gaz.lookup("C4121")
    assert sarmada.pcode == "C4121" and any(i.startswith("wof:") for i in sarmada.source_ids)
    assert gaz.search("Sarmadā")[0].id == "C4121"


def test_hamlet_and_abandoned_rank_below_the_ocha_community_of_the_same_name(gaz):
    found = gaz.search("الرحمانية", kind="community", fuzzy=False)
    hamlet = next(p for p in found if p.subtype == "hamlet")
    ocha = [p for p in found if p.source_ids[0].startswith("ocha2015:")]
    assert ocha and all(found.index(o) < found.index(hamlet) for o in ocha)
    assert hamlet.importance == Importance.HAMLET < Importance.VILLAGE
    named = gaz.search("الصفرة", kind="community", fuzzy=False)
    assert named[0].id == "C5979" and named[-1].subtype == "abandoned"
    assert named[-1].importance == Importance.ABANDONED < Importance.HAMLET


def test_a_geonames_town_outranks_the_ocha_village_and_the_geonames_village_of_its_name(gaz):
    town, ocha, *villages = gaz.search("مسعدة", kind="community", fuzzy=False)
    assert (town.subtype, town.admin1) == ("town", "SY14") and town.importance == Importance.UNLISTED_TOWN
    assert ocha.id == "C2952" and villages
    assert all(v.subtype == "village" and v.importance == Importance.UNLISTED_VILLAGE for v in villages)


def test_golan_settlements_are_not_syrian_places(gaz):
    assert gaz.search("Qidmat Zevi") == [] and gaz.search("Katzrin", fuzzy=False) == []
    assert not any(p.id == "wof/1209115955" for p in gaz)
    assert "1209115955 | Qidmat Zevi | Israeli settlement in the occupied Golan" in gaz.attribution()


def test_ordinary_words_need_a_second_source(gaz):
    # GeoNames has a hamlet called الصوامع ("the silos"); no other source has the name, so it is not indexed bare.
    assert not gaz.search("الصوامع", fuzzy=False)
    assert "As Sawami" in gaz.search("As Sawami`", fuzzy=False)[0].name_en


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ceylanpinar Border Crossing", "landmark/ras-al-ain-crossing"),
        ("Mursitpinar Border Crossing", "landmark/ain-al-arab-crossing"),
        ("Oncupinar crossing", "landmark/bab-al-salama-crossing"),
        ("Jabir Border Crossing", "landmark/nasib-crossing"),
    ],
)
def test_border_crossing_by_the_neighbours_name(gaz, name, expected):
    assert SyriaGeocoder().resolve(name)[0].place.id == expected
    assert gaz.lookup(expected).kind == "landmark" and gaz.lookup(expected).in_syria


def test_transport_merged_into_the_curated_landmark_keeps_its_id(gaz):
    nasib = gaz.lookup("landmark/nasib-crossing")
    assert "opensyria-transport:sy-nasib-border-crossing" in nasib.source_ids
    assert not any(p.id == "landmark/nasib-border-crossing" for p in gaz)


def test_shipped_gazetteer_is_shared_and_loads_its_stored_name_index():
    from geomap.gazetteer.places import Gazetteer

    gaz = load_gazetteer()
    assert load_gazetteer() is gaz
    assert dict(Gazetteer(list(gaz)).names()) == dict(gaz.names())  # folding again gives the stored index


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("قصفت المسيرات التركية محيط مدينة ديرك في أقصى شمال شرقي سوريا", "ديرك", "C4881"),
        ("اعتقلت قوى الأسايش شابين في بلدة تربه سبيه بريف القامشلي", "تربه سبيه", "C4751"),
        ("تظاهر العشرات في بلدة كركي لكي احتجاجاً على انقطاع الكهرباء", "كركي لكي", "C4841"),
        ("قصف مدفعي تركي على قرى في محيط مدينة كري سبي", "كري سبي", "C5792"),
        ("خرج المئات في مدينة قامشلي للمطالبة بالإفراج عن المعتقلين", "قامشلي", "C4564"),
    ],
)
def test_kurdish_names_of_towns_in_the_north_east(text, name, expected):
    assert {m.text: m.place_id for m in geoparse(text)}[name] == expected


@pytest.mark.parametrize(("name", "expected"), [("Tirbespiye", "C4751"), ("Girke Lege", "C4841"), ("Derik", "C4881")])
def test_kurdish_names_in_latin_tables(name, expected):
    assert SyriaGeocoder().resolve(name)[0].place.id == expected
