"""Deciding that two records name the same place: name keys that ignore articles, and a pool of places searched
by key and distance, or by close spelling among the places nearby (a grid of cells)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import numpy as np

from geomap.arabic import is_arabic, latin_words, normalize_name
from geomap.build.names import arabic_alternates
from geomap.build.sources import clean
from geomap.build.spelling import NameForms, arabic_words, close_spelling
from geomap.earth import KM_PER_DEGREE, SYRIA_BBOX
from geomap.gazetteer.schema import Place

__all__ = ["NEAR_KM", "NamePool", "arabic_names", "latin_names", "match_keys"]

NEAR_KM = 1.5  # a differently spelt record this close may be the same place (GeoNames points lie a median 0.2 km,
# 90th percentile 0.75 km, from OCHA's point of the same village); farther, only an identical name merges
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_MIN_KEY = 2  # shorter keys (one letter after folding) match too much
# Grid cells at least NEAR_KM wide in both directions anywhere in Syria (a degree of longitude shrinks northwards).
_CELL_DEG = NEAR_KM / (KM_PER_DEGREE * math.cos(math.radians(SYRIA_BBOX[3])))


def arabic_names(names: Iterable[str]) -> list[str]:
    """Arabic-script names, bidi marks removed, without Persian/Kurdish letters, first occurrence kept."""
    return arabic_alternates(_BIDI.sub("", n) for n in names if n)


def latin_names(names: Iterable[str]) -> list[str]:
    """Latin-script names, one per normalised spelling (Qanawåt and Qanawat are one), first occurrence kept."""
    out, seen = [], set()
    for n in names:
        n = clean(_BIDI.sub("", n or ""))
        key = normalize_name(n)
        if n and not is_arabic(n) and key and key not in seen:
            seen.add(key)
            out.append(n)
    return out


def match_keys(names: Iterable[str]) -> set[str]:
    """Keys under which two records' names are the same: Arabic folded with the article dropped from every word
    (الشيخ عقيل = شيخ عقيل), Latin as its words without articles (Ash Shaykh Aqil = Shaykh `Aqil)."""
    keys = set()
    for n in names:
        if not n:
            continue
        key = " ".join(arabic_words(n) if is_arabic(n) else latin_words(n))
        if len(key) >= _MIN_KEY:
            keys.add(key)
    return keys


class NamePool:
    """Places searchable by name key and distance, or by close spelling nearby; places added later (or updated)
    are found too."""

    def __init__(self, places: Iterable[Place], km: float) -> None:
        self.km = km
        self._places: dict[str, Place] = {}
        self._by_key: dict[str, list[str]] = {}
        self._cells: dict[tuple[int, int], list[str]] = {}
        self._forms: dict[str, NameForms] = {}
        self._also: dict[str, tuple[str, ...]] = {}
        for p in places:
            self.add(p)

    def add(self, place: Place, *, also: Iterable[str] = ()) -> None:
        """Add a place, or replace the one of the same id (its new names become keys too).

        `also` are other names of the records merged into the place, not made its aliases (GeoNames alternates
        that are not spellings of its name): a later record under one of them is that place too."""
        if place.id not in self._places:
            self._cells.setdefault(_cell(place.lat, place.lon), []).append(place.id)
        self._places[place.id] = place
        self._forms.pop(place.id, None)
        self._also[place.id] = (*self._also.get(place.id, ()), *(n for n in also if n))
        for key in match_keys([*place.names, *self._also[place.id]]):
            ids = self._by_key.setdefault(key, [])
            if place.id not in ids:
                ids.append(place.id)

    def get(self, pid: str) -> Place:
        return self._places[pid]

    def nearest(self, lat: float, lon: float) -> str | None:
        """Id of the nearest place within `km`, whatever its names, or None."""
        return self._closest(sorted(self._places), lat, lon)

    def match(self, names: Iterable[str], lat: float, lon: float, *, km: float | None = None) -> str | None:
        """Id of the nearest place within `km` (the pool's by default) sharing a key with `names`, or None."""
        ids = sorted({i for key in match_keys(names) for i in self._by_key.get(key, ())})
        return self._closest(ids, lat, lon, km=km)

    def near_spelling(self, names: Iterable[str], lat: float, lon: float) -> str | None:
        """Id of the place within `NEAR_KM` whose names are the closest spelling of `names` (`close_spelling`;
        nearest first among equals), or None."""
        forms = NameForms.of(names)
        row, col = _cell(lat, lon)
        nearby = sorted(i for dr in (-1, 0, 1) for dc in (-1, 0, 1) for i in self._cells.get((row + dr, col + dc), ()))
        best: tuple[float, float, str] | None = None
        for pid, km in zip(nearby, self._distances(nearby, lat, lon), strict=True):
            if km > NEAR_KM:
                continue
            score = close_spelling(forms, self._forms_of(pid))
            if score and (best is None or (-score, km) < best[:2]):
                best = (-score, km, pid)
        return best[2] if best else None

    def _forms_of(self, pid: str) -> NameForms:
        if pid not in self._forms:
            self._forms[pid] = NameForms.of([*self._places[pid].names, *self._also[pid]])
        return self._forms[pid]

    def _distances(self, ids: list[str], lat: float, lon: float) -> np.ndarray:
        pts = np.array([[self._places[i].lat, self._places[i].lon] for i in ids]).reshape(-1, 2)
        return np.hypot(pts[:, 0] - lat, (pts[:, 1] - lon) * np.cos(np.radians(lat))) * KM_PER_DEGREE

    def _closest(self, ids: list[str], lat: float, lon: float, *, km: float | None = None) -> str | None:
        if not ids:
            return None
        d = self._distances(ids, lat, lon)
        best = int(np.argmin(d))
        return ids[best] if d[best] <= (self.km if km is None else km) else None


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL_DEG), math.floor(lon / _CELL_DEG)
