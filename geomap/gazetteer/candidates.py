"""Candidate generation for names that are not in the name index as written, without scanning every name.

* `NgramIndex` — close spellings of a normalised name (a letter or two off, any script): the names sharing the
  most letter trigrams with it are the only ones compared (difflib's ratio), so a miss costs a few dozen
  comparisons instead of one per name.
* `TransliterationIndex` — other romanisations of one Arabic name (At Tayyibah ~ Taybeh ~ الطيبة): names are
  indexed by their transliteration skeleton (`geomap.transliteration`), and a query meets the names with its
  skeleton or one a single consonant away (a deletion index), compared by their transliteration forms.

Both count the comparisons they make (`comparisons`), so that tests can check that a miss stays cheap.
"""

from __future__ import annotations

import difflib
import heapq
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from geomap.arabic import is_arabic
from geomap.transliteration import Qualifier, arabic_skeleton, form_similarity, skeleton_of_form, translit_form

__all__ = [
    "ARABIC_ONLY_SIMILARITY",
    "MIN_FUZZY_SKELETON",
    "MIN_SIMILARITY",
    "NgramIndex",
    "SkeletonMatch",
    "TransliterationIndex",
]

_MARKS = "".join(q.value for q in Qualifier)
NGRAM = 3  # letters per n-gram (names padded with a space either side)
SHORTLIST = 40  # the names sharing the most n-grams that are compared with the query
MIN_FUZZY_SKELETON = 3  # skeletons of fewer consonants (tb, kr) are met only exactly: one edit joins too many names
MIN_SIMILARITY = 0.75  # transliteration forms this alike are one name (Msheirfeh ~ Al Mushayrifah 0.86)
ARABIC_ONLY_SIMILARITY = 0.85  # a name met only through its Arabic consonants: the vowels are unknown ...
MIN_ARABIC_SKELETON = 4  # ... and only on this many consonants: سويدا, سعدة, صيدا, صدد all have s-d
ONE_EDIT_DISCOUNT = 0.9  # a skeleton one consonant away (th/s, dh/z, j/g, a dropped ʿayn) is weaker evidence
_FLOOR_SLACK = 1e-9  # the floor a comparison is cut at lies this far below the exact one (rounding of the division)


class NgramIndex:
    """Normalised names by their letter trigrams."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys = sorted(set(keys))
        postings: dict[str, list[int]] = {}
        for i, key in enumerate(self.keys):
            for gram in _ngrams(key):
                postings.setdefault(gram, []).append(i)
        self._postings = postings
        self.comparisons = 0  # difflib comparisons made so far (a test counts them)

    def close(self, key: str, *, cutoff: float, n: int = 5) -> list[str]:
        """Up to `n` indexed names whose difflib ratio with `key` reaches `cutoff`, best first (the names
        `difflib.get_close_matches` would return, found among the `SHORTLIST` sharing most n-grams)."""
        shared: Counter[int] = Counter()
        for gram in _ngrams(key):
            shared.update(self._postings.get(gram, ()))
        scored = []
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(key)
        # most shared first, equal counts by index: `most_common` would keep the order the set of n-grams was counted
        # in, which the hash seed decides, so which names made the shortlist changed from one run to the next
        for i, _ in heapq.nsmallest(SHORTLIST, shared.items(), key=_most_shared_first):
            matcher.set_seq1(self.keys[i])
            self.comparisons += 1
            if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
                ratio = matcher.ratio()
                if ratio >= cutoff:
                    scored.append((ratio, self.keys[i]))
        return [k for _, k in heapq.nlargest(n, scored)]


def _most_shared_first(item: tuple[int, int]) -> tuple[int, int]:
    return -item[1], item[0]


def _ngrams(key: str) -> set[str]:
    padded = f" {key} "
    return {padded[i : i + NGRAM] for i in range(len(padded) - NGRAM + 1)}


@dataclass(frozen=True, slots=True)
class SkeletonMatch:
    """A row whose name is a transliteration of the query, and how alike they are (0–1)."""

    row: int
    name: str
    similarity: float


class TransliterationIndex:
    """Names by transliteration skeleton, with a deletion index for skeletons one consonant apart."""

    def __init__(self, names: Iterable[tuple[int, str]]) -> None:
        """`names`: (row, name) pairs, Latin or Arabic."""
        by_skeleton: dict[str, list[tuple[int, str, str]]] = {}
        for row, name in names:
            if is_arabic(name):
                form, skeleton = "", arabic_skeleton(name)
            else:
                form = translit_form(name)
                skeleton = skeleton_of_form(form)
            if skeleton:
                by_skeleton.setdefault(skeleton, []).append((row, name, form))
        self._by_skeleton = by_skeleton
        by_form: dict[str, list[tuple[int, str]]] = {}  # short names (Foah, Jiyah) are met by their whole form
        for skeleton, entries in by_skeleton.items():
            if len(skeleton) < MIN_FUZZY_SKELETON:
                for row, name, form in entries:
                    if form:
                        by_form.setdefault(form, []).append((row, name))
        self._by_form = by_form
        deletions: dict[str, list[str]] = {}
        for skeleton in by_skeleton:
            if len(skeleton) >= MIN_FUZZY_SKELETON:
                for d in _deletions(skeleton):
                    deletions.setdefault(d, []).append(skeleton)
        self._deletions = deletions
        self.comparisons = 0  # form comparisons made so far (a test counts them)

    def search(self, name: str, *, min_similarity: float = MIN_SIMILARITY) -> list[SkeletonMatch]:
        """Rows with a name that transliterates `name` (Latin), best first, one per row."""
        form = translit_form(name)
        skeleton = skeleton_of_form(form)
        if len(skeleton) < 2:  # one consonant (Foua, Jia): only the same form
            same = {row: written for row, written in reversed(self._by_form.get(form, ()))}
            return [SkeletonMatch(row, written, 1.0) for row, written in same.items()]
        best: dict[int, SkeletonMatch] = {}
        for candidate, edits in self._skeletons_near(skeleton):
            discount = ONE_EDIT_DISCOUNT if edits else 1.0
            floor = min_similarity / discount - _FLOOR_SLACK  # the similarity a form needs to be kept
            for row, written, cand_form in self._by_skeleton[candidate]:
                self.comparisons += 1
                if cand_form:
                    sim = form_similarity(form, cand_form, floor=floor)
                elif len(candidate.rstrip(_MARKS)) >= MIN_ARABIC_SKELETON:
                    sim = ARABIC_ONLY_SIMILARITY * form_similarity(
                        skeleton, candidate, floor=floor / ARABIC_ONLY_SIMILARITY
                    )
                else:
                    continue
                sim *= discount
                if sim >= min_similarity and (row not in best or sim > best[row].similarity):
                    best[row] = SkeletonMatch(row, written, sim)
        return sorted(best.values(), key=lambda m: -m.similarity)

    def _skeletons_near(self, skeleton: str) -> Iterator[tuple[str, int]]:
        """Indexed skeletons equal to `skeleton` (0 edits) or one insertion, deletion or substitution away (1)."""
        seen = {skeleton}
        if skeleton in self._by_skeleton:
            yield skeleton, 0
        core = skeleton.rstrip(_MARKS)
        for s in (core, *(core + mark for mark in _MARKS)):  # Western Tiba ~ Tiba: a qualifier more or less
            if s not in seen and s in self._by_skeleton:
                seen.add(s)
                yield s, 1
        if len(core) < MIN_FUZZY_SKELETON:
            return
        near = list(self._deletions.get(skeleton, ()))  # an indexed name has one consonant more
        for d in _deletions(skeleton):
            if len(d) >= MIN_FUZZY_SKELETON - 1 and d in self._by_skeleton:
                near.append(d)  # the query has one consonant more
            near.extend(self._deletions.get(d, ()))  # one consonant differs
        for s in near:
            if s not in seen:
                seen.add(s)
                yield s, 1


def _deletions(s: str) -> set[str]:
    return {s[:i] + s[i + 1 :] for i in range(len(s))}
