"""Deciding that two records name the same place: name keys that ignore articles and spelling variants, and a
pool of places searched by key and distance."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from geomap.arabic import is_arabic, latin_words, normalize_name
from geomap.build.names import arabic_alternates
from geomap.build.sources import clean
from geomap.earth import KM_PER_DEGREE
from geomap.gazetteer.schema import Place

__all__ = ["NamePool", "arabic_names", "latin_names", "match_keys"]

_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ARABIC_PREFIXES = ("حي ",)  # «حي القنوات» is the neighbourhood «القنوات»
_MIN_KEY = 2  # shorter keys (one letter after folding) match too much


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
        if is_arabic(n):
            folded = normalize_name(n)
            for prefix in _ARABIC_PREFIXES:
                folded = folded.removeprefix(prefix)
            key = " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in folded.split())
        else:
            key = " ".join(latin_words(n))
        if len(key) >= _MIN_KEY:
            keys.add(key)
    return keys


class NamePool:
    """Places searchable by name key and distance; places added later (or updated) are found too."""

    def __init__(self, places: Iterable[Place], km: float) -> None:
        self.km = km
        self._places: dict[str, Place] = {}
        self._by_key: dict[str, list[str]] = {}
        for p in places:
            self.add(p)

    def add(self, place: Place) -> None:
        """Add a place, or replace the one of the same id (its new names become keys too)."""
        self._places[place.id] = place
        for key in match_keys(place.names):
            ids = self._by_key.setdefault(key, [])
            if place.id not in ids:
                ids.append(place.id)

    def get(self, pid: str) -> Place:
        return self._places[pid]

    def nearest(self, lat: float, lon: float) -> str | None:
        """Id of the nearest place within `km`, whatever its names, or None."""
        return self._closest(sorted(self._places), lat, lon)

    def match(self, names: Iterable[str], lat: float, lon: float) -> str | None:
        """Id of the nearest place within `km` sharing a key with `names`, or None."""
        return self._closest(sorted({i for key in match_keys(names) for i in self._by_key.get(key, ())}), lat, lon)

    def _closest(self, ids: list[str], lat: float, lon: float) -> str | None:
        if not ids:
            return None
        pts = np.array([[self._places[i].lat, self._places[i].lon] for i in ids])
        d = np.hypot(pts[:, 0] - lat, (pts[:, 1] - lon) * np.cos(np.radians(lat))) * KM_PER_DEGREE
        best = int(np.argmin(d))
        return ids[best] if d[best] <= self.km else None
