import csv

import pytest
import shapely

from geomap import Gazetteer, InputError, PlaceNotFound, load_gazetteer


def test_counts_per_kind(gaz):
    counts = gaz.counts()
    assert counts["governorate"] == 14
    assert counts["district"] == 62
    assert counts["subdistrict"] == 272
    ocha = [p for p in gaz if p.kind == "community" and p.source.startswith("OCHA")]
    assert len(ocha) == 5251
    damascus = [p for p in gaz if p.kind == "neighbourhood" and p.source.startswith("OCHA")]
    assert len(damascus) == 63  # 64 in the source, one named "Unknown" is left out
    assert counts["region"] >= 20
    assert counts["landmark"] >= 40
    assert counts["country"] > 200
    assert counts["foreign_city"] > 500


def test_idlib_contains_sarmada(gaz):
    idlib = gaz.search("إدلب", kind="governorate")[0]
    sarmada = gaz.search("سرمدا")[0]
    assert idlib.pcode == "SY07"
    assert sarmada.id == "C4121"
    assert idlib.geometry.contains(sarmada.geometry)
    assert [p.id for p in gaz.parents(sarmada)] == ["SY070301", "SY0703", "SY07"]


def test_badia_contains_palmyra_and_sukhnah_not_damascus(gaz):
    badia = gaz.search("البادية السورية")[0]
    assert badia.id == "region/syrian-badia" and badia.kind == "region"
    for town in ("تدمر", "السخنة"):
        assert badia.geometry.contains(gaz.search(town, kind="community")[0].geometry), town
    for city in ("دمشق", "حمص", "حماة"):
        assert not badia.geometry.contains(gaz.search(city, kind="community")[0].geometry), city


def test_southern_desert_is_the_border_desert(gaz):
    desert = gaz.lookup("region/southern-desert")
    assert desert.geometry.contains(gaz.lookup("landmark/al-tanf-base").geometry)
    assert not desert.geometry.contains(gaz.search("تدمر", kind="community")[0].geometry)


def test_tabqa_alias_resolves_to_the_raqqa_town(gaz):
    top = gaz.search("الطبقة")[0]
    assert top.id == "C5929" and top.admin1 == "SY11"
    assert gaz.search("Tabqa")[0].id == "C5929"


@pytest.mark.parametrize(
    ("alias", "expected"),
    [
        ("كوباني", "C1946"),
        ("سري كانيه", "C4988"),
        ("أبو كمال", "C5167"),
        ("البو كمال", "C5167"),
        ("الشدادي", "C4446"),
        ("Palmyra", "C2889"),
        ("Tadmur", "C2889"),
        ("Deir ez-Zor", "SY09"),
        ("Dayr az-Zawr", "SY09"),
    ],
)
def test_aliases_users_meet(gaz, alias, expected):
    assert expected in [p.id for p in gaz.search(alias)[:3]]


def test_markaz_names_are_findable_without_markaz(gaz):
    sub = gaz.lookup("SY040500")
    assert sub.name_ar == "مركز تدمر"
    assert sub in gaz.search("تدمر", kind="subdistrict")


def test_regions_and_landmarks_named_in_the_issue(gaz):
    for name in (
        "البادية السورية",
        "الصحراء الجنوبية",
        "بادية حمص",
        "بادية دير الزور",
        "بادية تدمر",
        "الجزيرة السورية",
        "الغوطة الشرقية",
        "الغوطة الغربية",
        "القلمون",
        "القلمون الشرقي",
        "القلمون الغربي",
        "جبل الزاوية",
        "جبل الأكراد",
        "جبل التركمان",
        "جبل العرب",
        "حوران",
        "اللجاة",
        "سهل الغاب",
        "وادي بردى",
        "الساحل السوري",
        "منطقة الـ55 كم",
        "الجولان",
    ):
        found = gaz.search(name, kind="region", fuzzy=False)
        assert found and found[0].geometry.area > 0, name
        assert found[0].note, f"{name} has no written definition"
    for name in (
        "باب الهوى",
        "باب السلامة",
        "معبر نصيب",
        "معبر اليعربية",
        "سيمالكا",
        "التنف",
        "حميميم",
        "الشعيرات",
        "مطار دير الزور",
        "مطار كويرس",
        "مطار المزة",
        "مخيم الهول",
        "الركبان",
        "مخيم روج",
        "حقل العمر",
        "كونيكو",
        "حقل الشاعر",
        "الفرات",
        "العاصي",
        "الخابور",
        "دجلة",
    ):
        assert gaz.search(name, kind="landmark", fuzzy=False), name
    assert gaz.lookup("landmark/euphrates").geometry.geom_type == "LineString"
    assert all(p.source for p in gaz if p.kind == "landmark")


def test_foreign_places_are_foreign(gaz):
    for name, kind in (
        ("واشنطن", "foreign_city"),
        ("نيويورك", "foreign_city"),
        ("العراق", "country"),
        ("الأردن", "country"),
        ("أنقرة", "foreign_city"),
        ("بيروت", "foreign_city"),
    ):
        top = gaz.search(name)[0]
        assert top.kind == kind and not top.in_syria, name
    assert gaz.lookup("SY").in_syria


def test_polygons_follow_rfc7946_winding(gaz):
    for kind in ("governorate", "region"):
        for geom in gaz.layer(kind).geometry:
            polys = geom.geoms if geom.geom_type == "MultiPolygon" else [geom]
            for poly in polys:
                assert poly.exterior.is_ccw
                assert all(not ring.is_ccw for ring in poly.interiors)


def test_layers_are_geodataframes_in_wgs84(gaz):
    for kind in (
        "governorate",
        "district",
        "subdistrict",
        "community",
        "neighbourhood",
        "region",
        "landmark",
        "country",
        "foreign_city",
    ):
        layer = gaz.layer(kind)
        assert layer.crs.to_epsg() == 4326
        assert len(layer) == gaz.counts()[kind]
        assert layer.geometry.is_valid.all(), kind


def test_lookup_by_pcode_and_errors(gaz):
    assert gaz.lookup("sy07").name_en == "Idleb"
    with pytest.raises(PlaceNotFound):
        gaz.lookup("SY99")
    with pytest.raises(LookupError):  # the built-in it resembles
        gaz.lookup("nowhere")
    with pytest.raises(ValueError):
        gaz.search("حلب", kind="planet")


def test_children_and_reverse(gaz):
    # Idleb's districts (the regions inside it are its children too)
    assert len([c for c in gaz.children("SY07") if c.kind == "district"]) == 5
    where = gaz.reverse(34.5573, 38.2773)
    assert where["community"].id == "C2889"
    assert where["governorate"].id == "SY04"
    assert gaz.reverse(48.85, 2.35)["governorate"] is None


def test_communities_parents_rederived_from_2019_polygons(gaz):
    tree = shapely.STRtree(gaz.layer("subdistrict").geometry.to_numpy())
    subs = gaz.layer("subdistrict")
    sample = [p for p in gaz if p.kind == "community"][::50]
    for c in sample:
        hits = tree.query(c.geometry, predicate="within")
        if len(hits):
            assert subs.iloc[int(hits[0])]["pcode"] == c.admin3


def test_local_names_csv_makes_a_new_gazetteer(tmp_path):
    path = tmp_path / "local.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "name_ar", "name_en", "lat", "lon", "target", "alias"])
        w.writerow(["local/tal-hamra", "تل الحمرا", "Tal Hamra", "35.95", "36.63", "", ""])
        w.writerow(["", "", "", "", "", "C4121", "سرمدا الحدودية"])
    shipped = load_gazetteer()
    mine = Gazetteer.from_csv(path, base=shipped)
    assert mine is not shipped and len(mine) == len(shipped) + 1
    assert mine.search("تل الحمرا")[0].admin1 == "SY07"
    assert mine.search("سرمدا الحدودية")[0].id == "C4121"
    assert "local/tal-hamra" not in shipped  # the shipped one is untouched
    assert not shipped.search("سرمدا الحدودية", fuzzy=False)
    assert load_gazetteer() is shipped  # one shared instance per process


def test_local_names_csv_errors_name_the_line(tmp_path):
    path = tmp_path / "local.csv"
    path.write_text("target,alias\nC4121,سرمدا الحدودية\nnowhere,اسم\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 3"):
        Gazetteer.from_csv(path, base=load_gazetteer())


def test_extended_adds_aliases_by_pcode_without_touching_the_base(gaz):
    mine = gaz.extended(aliases=[("c4121", "سرمدا الشمالية")])
    assert mine.search("سرمدا الشمالية", fuzzy=False)[0].id == "C4121"
    assert "سرمدا الشمالية" not in gaz.lookup("C4121").aliases
    with pytest.raises(PlaceNotFound):
        gaz.extended(aliases=[("C0", "لا مكان")])


def test_attribution_names_every_source(gaz):
    text = gaz.attribution()
    for needle in ("CC BY 3.0 IGO", "OpenSyria", "Natural Earth", "GeoNames", "CLDR"):
        assert needle in text
