"""The build reads the curated table formats (new columns, new files) and adds nothing for what is absent."""

import pytest

from geomap.build.curated import load_city_neighbourhoods
from geomap.build.foreign import curated_foreign
from geomap.exc import GazetteerError
from geomap.kinds import Importance

FOREIGN = (
    "id,country,name_ar,name_en,aliases_ar,aliases_en,lat,lon,source\n"
    'lb-hermel,LB,الهرمل,Hermel,قضاء الهرمل,Hermel District|El Hermel,34.39,36.38,"test fixture"\n'
)
NEIGHBOURHOODS = (
    "id,city,name_ar,name_en,aliases_ar,aliases_en,lat,lon,uncertainty_km,source\n"
    'aleppo-test-hay,C1007,حي التجربة,Test Quarter,التجربة,Tajriba,36.21,37.15,1,"test fixture"\n'
    'homs-waer-again,C2528,الوعر,Al-Waer,حي الوعر,Waer Quarter,34.741,36.672,1,"test fixture"\n'
)


def test_foreign_places_with_english_aliases(tmp_path):
    (tmp_path / "foreign_places.csv").write_text(FOREIGN, encoding="utf-8")
    [hermel] = curated_foreign(folder=tmp_path)
    assert hermel.id == "foreign/lb-hermel" and not hermel.in_syria and hermel.country_code == "LB"
    assert {"قضاء الهرمل", "Hermel District", "El Hermel"} <= set(hermel.aliases)


def test_city_neighbourhoods_take_their_city_admin_units_and_merge_with_a_namesake(gaz, tmp_path):
    (tmp_path / "neighbourhoods.csv").write_text(NEIGHBOURHOODS, encoding="utf-8")
    places = {p.id: p for p in gaz}
    touched = load_city_neighbourhoods(places, folder=tmp_path)
    quarter = places["neighbourhood/aleppo-test-hay"]
    city = gaz.lookup("C1007")
    assert quarter.kind == "neighbourhood" and quarter.importance == Importance.LOCAL
    assert (quarter.parent_id, quarter.admin1, quarter.admin2) == (city.admin3, city.admin1, city.admin2)
    assert "Tajriba" in quarter.aliases
    # الوعر is already a curated Homs district 0.5 km away: one place, names combined, the existing id kept
    assert "curated/homs-waer" in touched and "neighbourhood/homs-waer-again" not in places
    assert "Waer Quarter" in places["curated/homs-waer"].aliases


def test_absent_tables_add_nothing_and_unknown_cities_are_named(gaz, tmp_path):
    places = {p.id: p for p in gaz}
    assert load_city_neighbourhoods(places, folder=tmp_path) == [] and len(places) == len(gaz)
    assert curated_foreign(folder=tmp_path) == []
    (tmp_path / "neighbourhoods.csv").write_text(NEIGHBOURHOODS.replace("C1007", "C0"), encoding="utf-8")
    with pytest.raises(GazetteerError, match="line 2: unknown city 'C0'"):
        load_city_neighbourhoods(places, folder=tmp_path)
