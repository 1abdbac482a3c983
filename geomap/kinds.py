"""Kinds of places, the admin levels they map to, and importance tiers: one home for each, used everywhere.

Importance (0–1) says how likely a bare mention of the name means this place rather than a namesake: it orders
candidates and decides whether a name that is also an ordinary word is taken without context. The tiers are the
values the gazetteer build assigns; code compares against these names, never against bare numbers.
"""

from __future__ import annotations

__all__ = [
    "ADMIN_KINDS",
    "ADMIN_LEVEL_OF_KIND",
    "KINDS",
    "KIND_OF_ADMIN_LEVEL",
    "Importance",
]

KINDS = (
    "country",
    "governorate",
    "district",
    "subdistrict",
    "community",
    "neighbourhood",
    "region",
    "landmark",
    "foreign_city",
)
ADMIN_KINDS = ("governorate", "district", "subdistrict")
ADMIN_LEVEL_OF_KIND = {"governorate": 1, "district": 2, "subdistrict": 3}
KIND_OF_ADMIN_LEVEL = {level: kind for kind, level in ADMIN_LEVEL_OF_KIND.items()}


class Importance:
    """Importance tiers (floats, highest first). A place's tier is set once, by the gazetteer build."""

    COUNTRY = 1.0  # a country: meant whenever its name is written
    GOVERNORATE = 0.95  # a governorate and its capital city (OCHA CAPIT_LVL 1)
    NATIONAL = 0.9  # a named region, a foreign capital
    DISTRICT = 0.85  # a district, its capital (CAPIT_LVL 2), a curated landmark or river, a foreign city of a million
    SUBDISTRICT_CAPITAL = 0.7  # the capital of a sub-district (CAPIT_LVL 3), a foreign city of 300,000
    SUBDISTRICT = 0.6  # a sub-district unit, a place a user adds from a local-names file
    LOCAL = 0.5  # a neighbourhood, a community GeoNames also lists, a smaller foreign city near the border
    MINOR = 0.45  # a curated extra place (a village or district missing from OCHA's list)
    UNLISTED_TOWN = 0.35  # a district or sub-district seat GeoNames lists and OCHA's list lacks (PPLA2, PPLA3)
    VILLAGE = 0.3  # any other community: needs context to be taken when its name is also a word
    UNLISTED_VILLAGE = 0.25  # a village GeoNames lists and OCHA's list lacks: after an OCHA village of its name
    HAMLET = 0.2  # a hamlet, farm or section of a village (GeoNames PPLL, PPLF, PPLS)
    ABANDONED = 0.1  # an abandoned, destroyed or historical village (GeoNames PPLQ, PPLW, PPLH)
