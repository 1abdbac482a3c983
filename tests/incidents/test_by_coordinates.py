"""Placing a chunk by its own coordinates: one join for the chunk, rows as given or repaired."""

import pandas as pd

from geomap.incidents.admin_units import admin_index
from geomap.incidents.by_coordinates import OUTSIDE_SYRIA_POINT, CoordinatePlacer
from geomap.incidents.chunk_values import ChunkValues
from geomap.incidents.placement import PlacementColumns
from geomap.incidents.schema import detect_columns


def place(gaz, rows):
    frame = pd.DataFrame(rows, dtype=object)
    chunk = ChunkValues.from_frame(frame, detect_columns(frame.columns))
    placed = PlacementColumns(chunk.n)
    done = CoordinatePlacer(admin_index(gaz)).place(chunk, placed)
    return done, placed


def test_a_chunk_with_swapped_coordinates(gaz):
    done, p = place(
        gaz,
        [
            {"latitude": "36.180249", "longitude": "36.718473"},  # سرمدا, no location name
            {"latitude": "38,2773", "longitude": "34,5573", "location": "Palmyra", "geo_precision": "2"},  # swapped
            {"latitude": "48.85", "longitude": "2.35"},  # Paris
            {"latitude": "", "longitude": "", "location": "Sarmada"},  # for the next strategy
        ],
    )
    assert done.tolist() == [0, 1, 2]
    assert p["status"][:3].tolist() == ["placed", "placed", "outside_syria"] and p["status"][3] == "unplaced"
    assert (p["latitude"][1], p["longitude"][1]) == (34.5573, 38.2773)
    assert [g.id for g in p["governorate"][:2]] == ["SY07", "SY04"] and p["governorate"][2] is None
    assert p["subdistrict"][0].id == "SY070301" and p["district"][1].id == "SY0405"
    assert p["reason"][2] == OUTSIDE_SYRIA_POINT
    assert p["precision"][:3].tolist() == [1, 2, 1]  # ACLED's geo_precision, 1 when not given
    assert p["method"][0] == "coordinates" and p["confidence"][0] == 1.0


def test_a_row_without_a_location_name_is_named_after_the_nearest_community(gaz):
    _, p = place(
        gaz,
        [
            {"latitude": "36.180249", "longitude": "36.718473"},
            {"latitude": "36.180249", "longitude": "36.718473", "location": "مخيم قرب سرمدا"},
        ],
    )
    assert (p["location"][0], p["location_ar"][0]) == ("Sarmada", "سرمدا")
    assert p["location"][1] is None and p["location_ar"][1] is None  # the row keeps its own name
