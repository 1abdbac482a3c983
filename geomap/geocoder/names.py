"""The candidates of one name: every place it may mean, each with how surely the name names it (`NameScore`).

Stages, all index look-ups (none compares the name with every name of the gazetteer):

1. the name as the normaliser folds it (case, diacritics, hamza forms, apostrophes, hyphens);
2. its words without articles (Al Ghouta ~ Ghouta);
3. Latin names: other romanisations (`Gazetteer.search_transliteration`: At Tayyibah ~ Taybeh ~ الطيبة);
4. when the stages above find nothing: close spellings (`Gazetteer.search` with ``fuzzy``).

`landmarks_named` finds the landmark a feature phrase names by a place it is named after («Taftanaz Military
Airbase» → the airbase whose names contain Taftanaz).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from geomap.arabic import is_arabic, latin_words, normalize_name
from geomap.gazetteer import Gazetteer, Place
from geomap.geocoder.query import KIND_FITS, KindHint
from geomap.geocoder.ranking import Candidate, NameScore
from geomap.geocoder.result import MatchMethod
from geomap.geoparse.scoring import fits
from geomap.transliteration import arabic_skeleton, translit_form

__all__ = ["NameFinder"]

MAX_EXACT = 60  # places of one name considered (Tiba, Hamidiyah and Khirbah name dozens)


class NameFinder:
    """Candidate generation against one gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def candidates(self, name: str, *, kinds: Iterable[str] | None = None) -> list[Candidate]:
        """Every place `name` may mean (of `kinds`, when given), best name score first, one per place."""
        gaz = self.gazetteer
        kinds = tuple(kinds) if kinds else None
        found: dict[str, Candidate] = {}

        def add(places: Iterable[Place], score: float, method: str, matched: str | None = None) -> None:
            for p in places:
                have = found.get(p.id)
                if have is None or score > have.name_score:
                    found[p.id] = Candidate(p, score, method, matched or name)

        key = normalize_name(name)
        for p in gaz.search(name, kind=kinds, fuzzy=False, limit=MAX_EXACT):
            own = key in (normalize_name(p.name_en), normalize_name(p.name_ar))
            add([p], NameScore.EXACT if own else NameScore.ALIAS, MatchMethod.NAME)
        if not is_arabic(name):
            plain = " ".join(latin_words(name))
            if plain and plain != key:
                add(gaz.search(plain, kind=kinds, fuzzy=False, limit=MAX_EXACT), NameScore.ARTICLE_FREE, "name")
            for m in gaz.search_transliteration(name, kind=kinds)[:MAX_EXACT]:
                add([m.place], NameScore.TRANSLITERATION * m.similarity, MatchMethod.TRANSLITERATION, m.name)
        if not found:
            add(gaz.search(name, kind=kinds, fuzzy=True), NameScore.CLOSE_SPELLING, MatchMethod.CLOSE_SPELLING)
        return sorted(found.values(), key=lambda c: -c.name_score)

    def landmarks_named(self, name: str, hint: KindHint) -> list[Candidate]:
        """Landmarks fitting `hint` with every word of `name` among the words of one of their names."""
        words = {translit_form(w) for w in latin_words(name)} if not is_arabic(name) else {arabic_skeleton(name)}
        words.discard("")
        if not words:
            return []
        fitting = KIND_FITS[hint]
        out = []
        for place, name_words in self._landmark_words:
            if fits(place, fitting) and any(words <= ws for ws in name_words):
                out.append(Candidate(place, NameScore.TRANSLITERATION, MatchMethod.NAME, name))
        return out

    @functools.cached_property
    def _landmark_words(self) -> list[tuple[Place, list[frozenset[str]]]]:
        out = []
        for p in self.gazetteer.places_of_kind("landmark"):
            forms = []
            for n in p.names:
                if is_arabic(n):
                    forms.append(frozenset(arabic_skeleton(w) for w in normalize_name(n).split()))
                else:
                    forms.append(frozenset(translit_form(w) for w in latin_words(n)))
            out.append((p, forms))
        return out
