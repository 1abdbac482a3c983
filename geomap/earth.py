"""Earth and Syria constants and great-circle distance: the one home for numbers every module needs."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

__all__ = ["EARTH_RADIUS_KM", "KM_PER_DEGREE", "METRIC_CRS", "SYRIA_BBOX", "haversine_km"]

EARTH_RADIUS_KM = 6371.0088  # IUGG mean Earth radius
KM_PER_DEGREE = 111.32  # length of one degree of latitude (and of longitude at the equator), for local offsets
METRIC_CRS = "EPSG:32637"  # UTM zone 37N covers Syria: areas and buffers in metres
SYRIA_BBOX = (35.5, 32.2, 42.5, 37.4)  # lon_min, lat_min, lon_max, lat_max: Syria's outline plus ~10 km


# the functions the formula uses, for numbers (a NumPy call costs microseconds on one point) and for arrays
_FOR_NUMBERS = (math.radians, math.sin, math.cos, math.asin, math.sqrt)
_FOR_ARRAYS = (np.radians, np.sin, np.cos, np.arcsin, np.sqrt)


def haversine_km(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> Any:
    """Great-circle distance in km between two points given in degrees; for arrays, an array of distances."""
    numbers = (  # spelled out: a generator over the four costs more than the formula on numbers
        isinstance(lat1, float | int)
        and isinstance(lon1, float | int)
        and isinstance(lat2, float | int)
        and isinstance(lon2, float | int)
    )
    radians, sin, cos, asin, sqrt = _FOR_NUMBERS if numbers else _FOR_ARRAYS
    p1, p2 = radians(lat1), radians(lat2)
    a = sin((p2 - p1) / 2) ** 2 + cos(p1) * cos(p2) * sin(radians(lon2 - lon1) / 2) ** 2
    km = 2 * EARTH_RADIUS_KM * asin(sqrt(a))
    return km if numbers or np.ndim(km) else float(km)
