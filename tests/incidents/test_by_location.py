"""Placing rows by their location name: one geocoder call per distinct (name, admin units) key; stated units are
constraints."""

import numpy as np
import pandas as pd

from geomap.geocoder import SyriaGeocoder
from geomap.incidents.admin_units import admin_index
from geomap.incidents.by_location import LocationPlacer
from geomap.incidents.chunk_values import ChunkValues
from geomap.incidents.placement import PlacementColumns
from geomap.incidents.schema import detect_columns


class CountingGeocoder(SyriaGeocoder):
    """The real geocoder, counting the queries it is asked."""

    def __init__(self, **kw):
        super().__init__(**kw)
        self.queries: list[str] = []

    def resolve(self, query, **kw):
        self.queries.append((query, kw.get("admin1")))
        return super().resolve(query, **kw)


def chunk(rows):
    frame = pd.DataFrame(rows, dtype=object)
    return ChunkValues.from_frame(frame, detect_columns(frame.columns))


def test_three_rows_sharing_a_name_cost_one_geocoding(gaz):
    coder = CountingGeocoder(gazetteer=gaz)
    placer = LocationPlacer(gaz, admin_index(gaz), coder)
    rows = [
        {"location": "Sarmada", "admin1": "Idlib"},
        {"location": "تدمر", "admin1": None},
        {"location": "Sarmada", "admin1": "Idlib"},
        {"location": "Sarmada", "admin1": "Idlib"},
        {"location": "Atlantis", "admin1": None},
    ]
    c = chunk(rows)
    placed = PlacementColumns(c.n)
    found, missing = placer.place(c, np.arange(c.n), placed)
    assert found.tolist() == [0, 1, 2, 3] and missing.tolist() == [4]
    # once per distinct key; a name with no stated unit and not found in Syria is asked again for a place abroad
    assert coder.queries == [("Sarmada", "Idlib"), ("تدمر", None), ("Atlantis", None), ("Atlantis", None)]
    assert [p for p in placed["gazetteer_id"]] == ["C4121", "C2889", "C4121", "C4121", None]
    assert placed["method"][0] == "geocode" and placed["subdistrict"][0].id == "SY070301"
    assert placed["location"][1] == "Tadmor" and placed["location_ar"][1] == "تدمر"
    asked = len(coder.queries)
    placer.place(chunk(rows[:1]), np.arange(1), PlacementColumns(1))  # the next chunk: known already
    assert len(coder.queries) == asked


def test_a_region_name_is_placed_in_its_area(gaz):
    placer = LocationPlacer(gaz, admin_index(gaz))
    c = chunk([{"location": "Northern Hama Governorate"}])
    placed = PlacementColumns(1)
    placer.place(c, np.arange(1), placed)
    assert placed["relation"][0] == "north" and placed["area"][0].area_id == "SY05#north"
    assert placed["area"][0].geometry.geom_type in ("Polygon", "MultiPolygon") and placed["precision"][0] == 3


def test_a_name_not_found_in_its_stated_district_is_placed_at_the_district_and_flagged(gaz):
    placer = LocationPlacer(gaz, admin_index(gaz))
    rows = [{"location": "Kharbet Umm Nasr farm", "admin1": "Aleppo Governorate", "admin2": "Mintaqat Azaz district"}]
    c = chunk(rows)
    placed = PlacementColumns(1)
    found, missing = placer.place(c, np.arange(1), placed)
    assert found.tolist() == [0] and missing.tolist() == []
    assert placed["gazetteer_id"][0] == "SY0204" and placed["precision"][0] == 2  # the district, never precision 1
    assert placed["method"][0] == "geocode-fallback" and "not found in A'zaz district" in placed["flag"][0]
