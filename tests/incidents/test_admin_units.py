"""Admin units of many points from one spatial join agree with `Gazetteer.reverse`, point by point."""

import inspect
import random

import numpy as np

from geomap.earth import SYRIA_BBOX
from geomap.gazetteer import Gazetteer
from geomap.incidents.admin_units import COMMUNITY_MAX_KM, admin_index


def test_one_join_gives_what_reverse_gives_for_each_point(gaz):
    rng = random.Random(4)
    lon_min, lat_min, lon_max, lat_max = SYRIA_BBOX
    lat = np.array([rng.uniform(lat_min, lat_max) for _ in range(400)] + [36.180249, 48.85, np.nan])
    lon = np.array([rng.uniform(lon_min, lon_max) for _ in range(400)] + [36.718473, 2.35, 36.7])
    units = admin_index(gaz).at(lat, lon)
    for i in range(len(lat)):
        want = gaz.reverse(lat[i], lon[i]) if not np.isnan(lat[i]) else dict.fromkeys(("governorate",), None)
        for level in ("governorate", "district", "subdistrict", "community"):
            assert getattr(units, level)[i] == want.get(level), (i, level)
    assert units.community[400].id == "C4121" and units.governorate[401] is None
    assert sum(g is not None for g in units.governorate) > 150  # the box holds plenty of Syria


def test_repeated_points_are_looked_up_once_and_spread_back(gaz):
    units = admin_index(gaz).at(np.array([36.18, 34.56, 36.18]), np.array([36.72, 38.28, 36.72]))
    assert [p.id for p in units.governorate] == ["SY07", "SY04", "SY07"]
    assert units.subdistrict[0] is units.subdistrict[2]


def test_community_distance_is_reverses():
    assert inspect.signature(Gazetteer.reverse).parameters["max_km"].default == COMMUNITY_MAX_KM
