"""One tally of the areas incidents were placed in, merging chunks and parts."""

from geomap.incidents.areas import AreaTally
from geomap.incidents.placement import Area


def test_areas_are_counted_and_merged_over_parts(gaz):
    badia, hama = gaz.lookup("region/syrian-badia"), gaz.lookup("SY05")
    a = Area.of(badia, None, badia.geometry)
    north = Area.of(hama, "north", hama.geometry)
    assert Area.of(gaz.lookup("C4121"), None, gaz.lookup("C4121").geometry) is None  # a point is not an area
    first = AreaTally().add([a, None, north, a]).frame()
    second = AreaTally().add([north]).frame()
    merged = AreaTally().add_frame(first).add_frame(second).frame()
    assert merged["area_id"].tolist() == ["SY05#north", "region/syrian-badia"]
    assert merged["incidents"].tolist() == [2, 2]
    assert merged.loc[0, "relation"] == "north" and merged.loc[1, "name_ar"] == "البادية السورية"
    assert merged.geometry.iloc[1].equals(badia.geometry)
    assert AreaTally().frame().empty
