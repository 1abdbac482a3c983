"""Great-circle distances: one formula for plain numbers (math) and for arrays (NumPy), agreeing with each other."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.earth import haversine_km

LATS = st.floats(min_value=-89.0, max_value=89.0)
LONS = st.floats(min_value=-179.0, max_value=179.0)


def test_damascus_to_aleppo_is_about_310_km():
    km = haversine_km(33.5138, 36.2765, 36.2021, 37.1343)
    assert isinstance(km, float) and km == pytest.approx(310, abs=5)


def test_numpy_scalars_take_the_number_path_and_arrays_give_arrays():
    assert isinstance(haversine_km(np.float64(33.5), 36.3, 36.2, np.float64(37.1)), float)
    many = haversine_km(33.5, 36.3, np.array([33.5, 36.2]), np.array([36.3, 37.1]))
    assert isinstance(many, np.ndarray) and many.shape == (2,) and many[0] == 0.0
    assert isinstance(haversine_km(np.array(33.5), 36.3, 36.2, 37.1), float)  # a 0-d array gives a number


@given(LATS, LONS, LATS, LONS)
def test_numbers_and_arrays_agree(lat1, lon1, lat2, lon2):
    one = haversine_km(lat1, lon1, lat2, lon2)
    many = haversine_km(lat1, lon1, np.array([lat2]), np.array([lon2]))
    assert one == pytest.approx(float(many[0]), rel=1e-12, abs=1e-9)
    assert one == pytest.approx(haversine_km(lat2, lon2, lat1, lon1), rel=1e-12, abs=1e-9)
