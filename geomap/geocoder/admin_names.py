"""Admin units named the way tables name them, and the constraint they put on a place.

UCDP writes «Rif Dimashq Governorate», «Mintaqat Azaz district», «Markaz Daraa district»; ACLED «Rural Damascus»,
«Idleb»; OCHA «Dar'a», «Al-Hasakeh»; Arabic sources «ريف دمشق», «ناحية الراعي». `AdminNames.find` reads any of
them: the words that only say the level (Governorate, Province, Muhafazat, district, Mintaqat, Markaz, nahiyah,
subdistrict, محافظة، منطقة، ناحية، مركز) are set aside as a level hint, and the rest is compared with every
Syrian unit's names as written, by transliteration form (Hasakeh ~ Al Hasakah, Al Ladhiqiyah ~ اللاذقية) and,
failing that, by close form. A «district» that is a sub-district in OCHA's list (tables drawing on GADM call Atarib
and Dayr Hafir districts) is found at the sub-district level.

`AdminConstraint` is what a row's stated units demand: a place inside every one of them — by the admin codes the
gazetteer gives each place, or by lying within `BOUNDARY_TOLERANCE_KM` of the unit's outline. Other sources draw
some districts differently (GADM, which UCDP's columns follow, puts OCHA's A'rima sub-district in Manbij district,
not Al Bab): only when nothing lies inside, a place within `NEIGHBOUR_KM` of a stated district, still inside the
stated governorate, is admitted (``loose``), and the result says so.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from shapely.geometry import Point
from shapely.prepared import PreparedGeometry, prep

from geomap.arabic import is_arabic, normalize_name
from geomap.earth import KM_PER_DEGREE
from geomap.gazetteer import Gazetteer, Place
from geomap.kinds import ADMIN_KINDS, ADMIN_LEVEL_OF_KIND
from geomap.transliteration import arabic_skeleton, form_similarity, skeleton_of_form, translit_form

__all__ = ["BOUNDARY_TOLERANCE_KM", "NEIGHBOUR_KM", "AdminConstraint", "AdminNames"]

BOUNDARY_TOLERANCE_KM = 3.0  # a place this close outside a stated unit's outline is taken as inside it
NEIGHBOUR_KM = 20.0  # failing that, a district's neighbour this close (another source's outline), in the governorate
MIN_ADMIN_SIMILARITY = 0.85  # transliteration forms this alike name one unit (Albu Kamal ~ Abu Kamal 0.94, not
# Atarib ~ Ain al Arab 0.83)
MIN_ARABIC_CONSONANTS = 3  # a Latin unit name meets an Arabic one by consonants alone when it has this many
_LEVEL_WORDS = {  # words that only say the level of the unit (folded by `normalize_name`)
    1: ("governorate", "governorates", "province", "muhafazat", "muhafazah", "muhafaza", "gov", "محافظه"),
    2: ("district", "mintaqat", "mintaqah", "mantiqat", "mantiqah", "mantika", "qada", "منطقه"),
    3: ("subdistrict", "sub district", "nahiyah", "nahiyat", "nahiya", "nahia", "ناحيه"),
}
_CENTRE_WORDS = ("markaz", "مركز")  # «Markaz Daraa district»: the district of the governorate's capital
_LEVEL_RE = {
    level: re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(w) for w in words) + r")(?=\s|$)")
    for level, words in _LEVEL_WORDS.items()
}
_CENTRE_RE = re.compile(r"(?:^|\s)(?:" + "|".join(_CENTRE_WORDS) + r")(?=\s|$)")
_FALLBACK_LEVELS = {1: (1,), 2: (2, 3), 3: (3, 2), None: (1, 2, 3)}  # levels tried for a stated level


@dataclass(frozen=True, slots=True)
class _UnitName:
    unit: Place
    level: int
    key: str  # normalised, level words set aside
    form: str  # transliteration form (Latin) or consonant skeleton (Arabic)
    arabic: bool


@dataclass(frozen=True, slots=True)
class AdminConstraint:
    """The units a place must lie in (most specific first), and stated names that were not recognised."""

    units: tuple[Place, ...]
    unrecognised: tuple[str, ...] = ()

    @property
    def most_specific(self) -> Place:
        return self.units[0]

    def admits(self, place: Place, *, loose: bool = False) -> bool:
        """True when `place` lies in every unit (or contains it: the governorate itself fits a district row).

        With `loose`, a district or sub-district also admits places within `NEIGHBOUR_KM` of its outline: other
        sources draw some districts with a sub-district more or less (GADM's Manbij holds OCHA's A'rima)."""
        return all(_inside(place, unit, loose=loose) for unit in self.units)

    def describe(self) -> str:
        return ", ".join(f"{u.name_en or u.name_ar} {u.kind}" for u in self.units)


def _inside(place: Place, unit: Place, *, loose: bool) -> bool:
    if place.id == unit.id or unit.id in (place.admin1, place.admin2, place.admin3):
        return True
    if place.id in (unit.admin1, unit.admin2, unit.admin3):
        return True  # the unit's own governorate or district
    if not place.in_syria or place.kind in ADMIN_KINDS:
        return False
    km = NEIGHBOUR_KM if loose and unit.kind != "governorate" else BOUNDARY_TOLERANCE_KM
    return _outline(unit, km).contains(Point(place.lon, place.lat))


@functools.lru_cache(maxsize=1024)
def _outline(unit: Place, km: float) -> PreparedGeometry:
    """The unit's area grown by `km`, prepared for point tests."""
    return prep(unit.geometry.buffer(km / KM_PER_DEGREE))


class AdminNames:
    """Syria's governorates, districts and sub-districts by every name they go by."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        names: list[_UnitName] = []
        for kind in ADMIN_KINDS:
            level = ADMIN_LEVEL_OF_KIND[kind]
            for unit in gazetteer.places_of_kind(kind):
                for n in unit.names:
                    key = _strip_levels(normalize_name(n))[0] or normalize_name(n)
                    arabic = is_arabic(n)
                    form = arabic_skeleton(key) if arabic else translit_form(key)
                    names.append(_UnitName(unit, level, key, form, arabic))
        self._names = names
        self._by_key: dict[tuple[str, int], list[_UnitName]] = {}
        for n in names:
            self._by_key.setdefault((n.key, n.level), []).append(n)
            self._by_key.setdefault((n.form, n.level), []).append(n)
        self._found: dict[tuple[str, int | None, str | None], Place | None] = {}

    def find(self, text: str, *, level: int | None = None, within: Place | None = None) -> Place | None:
        """The unit `text` names, or None.

        Parameters
        ----------
        text : str
            «Idlib Governorate», «Mintaqat Azaz district», «Ar Raqqah», «ريف دمشق», «Atareb nahiyah».
        level : int, optional
            1 governorate, 2 district, 3 sub-district: the column the name comes from. Words in `text` that say
            the level count when it is not given; a district name not found among districts is looked for among
            sub-districts (and the other way round).
        within : Place, optional
            A governorate or district the unit must lie in.

        Returns
        -------
        Place or None
        """
        if not text or not text.strip():
            return None
        memo = (text, level, within.id if within else None)
        if memo not in self._found:
            key = normalize_name(text)
            stripped, said = _strip_levels(key)
            level = level or said
            found = None
            for lv in _FALLBACK_LEVELS[level]:  # the stated level first, by name or by close name
                found = self._exact(key, stripped, lv, within) or self._close(key, stripped, lv, within)
                if found is not None:
                    break
            self._found[memo] = found
        return self._found[memo]

    def constraint(
        self, admin1: str | None = None, admin2: str | None = None, admin3: str | None = None
    ) -> AdminConstraint | None:
        """The constraint of a row's stated units (each may be None or empty); None when none is stated.

        Parameters
        ----------
        admin1, admin2, admin3 : str, optional
            The governorate, district and sub-district as the row writes them, in any common spelling.

        Returns
        -------
        AdminConstraint or None
            Its units most specific first; names that name no unit are listed as unrecognised.
        """
        units: list[Place] = []
        unrecognised: list[str] = []
        governorate = self.find(admin1, level=1) if admin1 else None
        district = self.find(admin2, level=2, within=governorate) if admin2 else None
        subdistrict = self.find(admin3, level=3, within=district or governorate) if admin3 else None
        for text, unit in ((admin3, subdistrict), (admin2, district), (admin1, governorate)):
            if unit is not None:
                units.append(unit)
            elif text and text.strip():
                unrecognised.append(text.strip())
        if not units and not unrecognised:
            return None
        return AdminConstraint(tuple(units), tuple(unrecognised))

    def _exact(self, key: str, stripped: str, level: int, within: Place | None) -> Place | None:
        """The unit of this level with the name as written, or with its transliteration form."""
        arabic = is_arabic(key)
        for q in _variants(key, stripped):
            form = arabic_skeleton(q) if arabic else translit_form(q)
            exact = [n.unit for k in (q, form) for n in self._by_key.get((k, level), ()) if n.arabic == arabic]
            skeleton = skeleton_of_form(form) if not arabic else ""
            if not exact and len(skeleton) >= MIN_ARABIC_CONSONANTS:  # Al Ladhiqiyah ~ اللاذقية
                exact = [n.unit for n in self._by_key.get((skeleton, level), ()) if n.arabic]
            exact = [u for u in exact if within is None or _within(u, within)]
            if exact:
                return exact[0]
        return None

    def _close(self, key: str, stripped: str, level: int, within: Place | None) -> Place | None:
        """The unit of this level with the closest transliteration form, when close enough."""
        arabic = is_arabic(key)
        best: tuple[float, Place] | None = None
        for q in _variants(key, stripped):
            form = arabic_skeleton(q) if arabic else translit_form(q)
            for n in self._names:
                if n.level != level or n.arabic != arabic or (within is not None and not _within(n.unit, within)):
                    continue
                sim = form_similarity(form, n.form)
                if sim >= MIN_ADMIN_SIMILARITY and (best is None or sim > best[0]):
                    best = (sim, n.unit)
        return best[1] if best else None


def _variants(key: str, stripped: str) -> list[str]:
    """The name as written, without its level words, and without «Markaz» too."""
    out = [key, stripped] if stripped and stripped != key else [key]
    if _CENTRE_RE.search(stripped):
        out.append(_CENTRE_RE.sub(" ", stripped).strip())
    return out


def _within(unit: Place, container: Place) -> bool:
    return container.id in (unit.admin1, unit.admin2) or container.id == unit.id


def _strip_levels(key: str) -> tuple[str, int | None]:
    """`key` without the words that say the level, and the level they say (the most specific)."""
    said = None
    for level, pattern in _LEVEL_RE.items():
        if pattern.search(key):
            key = pattern.sub(" ", key)
            said = level
    return " ".join(key.split()), said
