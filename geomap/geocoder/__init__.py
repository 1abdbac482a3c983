"""`SyriaGeocoder`: a geopy geocoder backed by the shipped gazetteer (no network, no rate limits).

It reads the place strings incident tables use — «Tadmur town», «Idlib Governorate», «Northern Hama Governorate»,
«Deir ez-Zor city», «Sarmada / Idlib», «Homs - Karm al-Zeitoun», «Khanasir-Aleppo road», «ريف حلب الشرقي»,
«سرمدا، إدلب» — and a row's stated governorate, district and sub-district as a constraint
(``resolve(query, admin1=..., admin2=..., admin3=...)``). Because it is a real `geopy.geocoders.base.Geocoder`, it
works with `geopy.extra.rate_limiter.RateLimiter` and ``geopandas.tools.geocode(..., provider=SyriaGeocoder)``.

Modules: `query` (taking a place string apart), `admin_names` (admin units in any spelling, the constraint they
make), `names` (candidate generation), `ranking` (features and weights), `placing` (relative parts, roads,
fallbacks that say so), `result` (`GeocodeResult`, the geopy `Location`), `coder` (the geocoder).
"""

from __future__ import annotations

from geomap.geocoder.admin_names import AdminConstraint, AdminNames
from geomap.geocoder.coder import SyriaGeocoder
from geomap.geocoder.ranking import RANK_WEIGHTS, RankWeights
from geomap.geocoder.result import GeocodeResult, MatchMethod

__all__ = [
    "RANK_WEIGHTS",
    "AdminConstraint",
    "AdminNames",
    "GeocodeResult",
    "MatchMethod",
    "RankWeights",
    "SyriaGeocoder",
]
