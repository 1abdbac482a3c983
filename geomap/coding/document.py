"""A report read once: normalised text, every lexicon hit, sentences with their role, and the words around a point.

Roles: the headline lines, the lead sentence, body sentences, and background (sentences that open with «وكانت»,
«يذكر أن», «ويأتي ذلك» ...). Openers that announce a separate event («وفي حادثة أخرى») or another day («وأمس،»)
are noted per sentence; `split` turns them into event spans. Denials, negations and threats are marked on the
event hits they cover.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection
from dataclasses import dataclass
from enum import IntEnum, auto
from functools import lru_cache

from geomap.arabic import NormalizedText, normalized_once
from geomap.coding.cues import CueKind, Family
from geomap.coding.lexicon_casualties import FORMER_WORDS, VICTIM_NOUNS
from geomap.coding.lexicon_discourse import (
    BACKGROUND_OPENERS,
    DISARMED,
    NEGATORS,
    NOT_NEGATING_NEXT,
    PAST_WORDS,
    SEPARATE_OPENERS,
    TIME_OPENER_FIRST_WORDS,
    TIME_OPENER_RE,
    Dating,
)
from geomap.coding.scan import Hit, scan
from geomap.coding.taxonomy import SubEventType

__all__ = ["Document", "Opener", "Role", "Sentence", "bare"]

HEADLINE_MAX_CHARS = 170  # a first line longer than this is a paragraph, not a headline
MAX_HEADLINE_LINES = 3  # headline, byline and dateline lines before the first paragraph
NEGATION_REACH_WORDS = 2  # «لم» negates an event word at most two words later («لم تتعرض لقصف»)
ANY_REACH_WORDS = 5  # ... or up to five words later when «أي» (any) stands right before it
OPENER_WORDS = 6  # «وفي الريف الشمالي أيضاً»: «أيضاً» (or «الماضي») within this many words of «وفي»
PERIOD_REACH_CHARS = 16  # «خلال الأشهر الماضية»: the period word follows the span word within a word or two
WINDOW_CHARS_PER_WORD = 12  # characters read per word wanted around a point (Arabic words average 5-6)
MAX_WINDOW_WORDS = 9  # words' worth of characters read around a point at most (unless more words are asked for)
NEAR_CHARS_PER_WORD = 8  # characters read first per word wanted (a word and its space, with room); then the window
_SENTENCE_ENDS = ".!?;"  # a full stop between digits («3.5») is filtered out after
_SENTENCE_END_RE = re.compile(f"[{re.escape(_SENTENCE_ENDS)}]")
_CLAUSE_ENDS = ",:"
_LINE_BREAKS = "\n\r\u2028\u2029"
_WORD_RE = re.compile(r"\w+|[,:;()]")
_LETTER_RE = re.compile(r"\w")
_FIRST_WORD_RE = re.compile(r"\w+")
_FAMILIES = tuple(Family)
_MARK_RE = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, superscript alef, tatweel
_STRIP = " .!?;,:-\"'«»“”()"
DISARMABLE = frozenset({SubEventType.REMOTE_EXPLOSIVE, SubEventType.SUICIDE_BOMB, SubEventType.GRENADE})
_NEGATOR_FORMS = NEGATORS | {c + w for c in "وف" for w in NEGATORS}  # «ولم», «فلا»
_CLITICS = ("وبال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال", "وب", "فب", "ول", "فل", "و", "ف", "ب", "ل", "ك")


def _alternation(phrases: str) -> str:
    return "|".join(sorted((re.escape(p.strip()) for p in phrases.split("|")), key=len, reverse=True))


_OPENER_RE = re.compile(
    rf"(?:[وف])?(?:(?P<separate>{_alternation(SEPARATE_OPENERS)})|(?P<background>{_alternation(BACKGROUND_OPENERS)}))\b"
)


# First words (without «و»/«ف») of every opener: other sentences skip the opener patterns.
_OPENER_FIRST_WORDS = frozenset(
    p.split()[0]
    for p in (*SEPARATE_OPENERS.split("|"), *BACKGROUND_OPENERS.split("|"), *TIME_OPENER_FIRST_WORDS.split())
)


class Role(IntEnum):
    HEADLINE = auto()
    LEAD = auto()
    BODY = auto()
    BACKGROUND = auto()


class Opener(IntEnum):
    SEPARATE = auto()  # «وفي حادثة أخرى», «وفي الريف الشمالي أيضاً»
    TIME = auto()  # «وأمس،», «ومساء الأحد،», «وفي 30 حزيران الماضي»
    BACKGROUND = auto()  # «وكانت ... قد», «يذكر أن», «ويأتي ذلك»


@dataclass(slots=True)
class Sentence:
    start: int  # normalised offsets
    end: int
    role: Role
    opener: Opener | None = None
    opener_end: int = -1  # where the opening phrase ends (normalised), for the span's marker


def _positions(text: str, chars: str) -> list[int]:
    """Where any of `chars` stands in `text`, in order (`str.find` runs in C; a regex class reads Arabic slowly)."""
    out: list[int] = []
    for ch in chars:
        i = text.find(ch)
        while i >= 0:
            out.append(i)
            i = text.find(ch, i + 1)
    return sorted(out) if len(chars) > 1 else out


@lru_cache(maxsize=1 << 16)
def bare(word: str) -> str:
    """A normalised word without its proclitics and article («وبالقوات» → «قوات»); short words are left alone."""
    for c in _CLITICS:
        if word.startswith(c) and len(word) - len(c) >= 3:
            return word[len(c) :]
    return word


class Document:
    """One report, analysed once and shared by the splitter and every coder."""

    def __init__(self, text: str, normalized: NormalizedText | None = None) -> None:
        self.text = text
        self.norm: NormalizedText = normalized_once(text, normalized)
        self.ntext = self.norm.text
        self.hits = scan(self.ntext)
        self._hit_starts = [h.start for h in self.hits]
        self.by_family: dict[Family, list[Hit]] = {f: [] for f in _FAMILIES}
        for h in self.hits:
            self.by_family[h.cue.family].append(h)
        self.sentences = self._segment()
        self._sentence_starts = [s.start for s in self.sentences]
        commas = [i + 1 for i in _positions(self.ntext, _CLAUSE_ENDS)]
        self._clause_starts = sorted({*self._sentence_starts, *commas})
        self._dated: set[int] | None = None
        self._family_sentences: dict[Family, list[int]] | None = None
        self._casualty_sentences: frozenset[int] | None = None
        self._mark()

    # ---------------------------------------------------------------- positions
    def original(self, start: int, end: int) -> tuple[int, int]:
        """A normalised span as a span of the text as written (with the marks written on its last letter)."""
        a, b = self.norm.to_original(start, end)
        text = self.text
        while b < len(text) and _MARK_RE.match(text, b):
            b += 1
        return a, b

    def sentence_of(self, pos: int) -> int:
        return max(bisect_right(self._sentence_starts, pos) - 1, 0)

    def clause_of(self, pos: int) -> int:
        return bisect_right(self._clause_starts, pos) - 1

    def in_sentences(self, family: Family, sentences: Collection[int]) -> list[Hit]:
        """The hits of `family` in `sentences` (an event's: usually a run of neighbours), in text order; found by
        bisection, so a report of many events is read in linear time."""
        if not sentences:
            return []
        if self._family_sentences is None:  # the hits' sentences are known once `_mark` has run
            self._family_sentences = {f: [h.sentence for h in hits] for f, hits in self.by_family.items()}
        lo, hi = min(sentences), max(sentences)
        keys, hits = self._family_sentences[family], self.by_family[family]
        run = hits[bisect_left(keys, lo) : bisect_right(keys, hi)]
        return run if hi - lo + 1 == len(sentences) else [h for h in run if h.sentence in sentences]

    @property
    def casualty_sentences(self) -> frozenset[int]:
        """The sentences that tell of dead or wounded."""
        if self._casualty_sentences is None:
            hits = self.by_family[Family.CASUALTY]
            kinds = (CueKind.DEATH, CueKind.INJURY)
            self._casualty_sentences = frozenset(h.sentence for h in hits if h.cue.kind in kinds)
        return self._casualty_sentences

    def hits_between(self, start: int, end: int) -> list[Hit]:
        return self.hits[bisect_left(self._hit_starts, start) : bisect_left(self._hit_starts, end)]

    def words_after(self, pos: int, n: int) -> list[str]:
        """Up to `n` words (and , : ; ( ) marks) after `pos`, within its sentence and `MAX_WINDOW_WORDS` words'
        worth of characters."""
        stop = self.sentences[self.sentence_of(pos)].end if self.sentences else len(self.ntext)
        end = min(stop, pos + WINDOW_CHARS_PER_WORD * max(n, MAX_WINDOW_WORDS))
        near = min(end, pos + NEAR_CHARS_PER_WORD * (n + 1))
        words = _WORD_RE.findall(self.ntext, pos, near)
        if len(words) <= n and near < end:  # only the last word read may be cut: read the whole window
            words = _WORD_RE.findall(self.ntext, pos, end)
        return words[:n]

    def word_spans_after(self, pos: int, n: int) -> list[tuple[int, int]]:
        """Where each of the `n` words after `pos` (in its sentence) starts and ends."""
        stop = self.sentences[self.sentence_of(pos)].end if self.sentences else len(self.ntext)
        found = _WORD_RE.finditer(self.ntext, pos, min(stop, pos + WINDOW_CHARS_PER_WORD * n))
        return [m.span() for m in itertools.islice(found, n)]

    def words_before(self, pos: int, n: int) -> list[str]:
        """Up to `n` words (and marks) before `pos`, within its sentence and `MAX_WINDOW_WORDS` words' worth of
        characters, nearest last."""
        if not n:
            return []
        begin = self.sentences[self.sentence_of(max(pos - 1, 0))].start if self.sentences else 0
        start = max(begin, pos - WINDOW_CHARS_PER_WORD * MAX_WINDOW_WORDS)
        near = max(start, pos - NEAR_CHARS_PER_WORD * (n + 1))
        words = _WORD_RE.findall(self.ntext, near, pos)
        if len(words) <= n and near > start:  # only the first word read may be cut: read the whole window
            words = _WORD_RE.findall(self.ntext, start, pos)
        return words[-n:]

    def word_starts_before(self, pos: int, n: int) -> list[tuple[str, int]]:
        """Like `words_before`, with where each word starts."""
        begin = self.sentences[self.sentence_of(max(pos - 1, 0))].start if self.sentences else 0
        found = _WORD_RE.finditer(self.ntext, max(begin, pos - WINDOW_CHARS_PER_WORD * n), pos)
        return [(m.group(), m.start()) for m in found][-n:]

    def dated(self, pos: int) -> bool:
        """True when the clause around `pos` is dated before the event («قتل وقتها», «منذ أشهر») or counts over a
        period («خلال العام الماضي», «قبل أسبوع»): its numbers are not this event's toll."""
        if self._dated is None:
            names = self.by_family[Family.ACTOR]  # in text order
            name_starts = [h.start for h in names]
            reach = list(itertools.accumulate((h.end for h in names), max))  # furthest end of a name so far
            dating = []
            for h in self.by_family[Family.DISCOURSE]:
                k = bisect_right(name_starts, h.start) - 1
                named = k >= 0 and h.start < reach[k]  # inside a name: «الأمن العام»
                # «قيادي سابق»: after a person, «سابق» says what he was (`VictimNoun.side_before`), not when
                former = h.cue.phrase in FORMER_WORDS and self._after_person(h)
                if h.cue.kind is CueKind.DATED and not named and not former:
                    dating.append(h)
            self._dated = {self.clause_of(h.start) for h in dating if h.cue.value == Dating.PAST}
            periods = [h.start for h in dating if h.cue.value == Dating.PERIOD]
            for h in dating:  # «خلال العام», «قبل أسبوع», «بعد أيام»: a span word right before a period word
                k = bisect_right(periods, h.end)  # the first period word after the span word
                if h.cue.value == Dating.SPAN and k < len(periods) and periods[k] - h.end <= PERIOD_REACH_CHARS:
                    self._dated.add(self.clause_of(h.start))
        return self.clause_of(pos) in self._dated

    def _after_person(self, h: Hit) -> bool:
        """True when the word before `h` names a person («قيادي سابق»: a former commander)."""
        before = self.words_before(h.start - len(h.prefix), 1)
        return bool(before) and (before[0] in VICTIM_NOUNS or bare(before[0]) in VICTIM_NOUNS)

    # ---------------------------------------------------------------- segmentation
    def _line_breaks(self) -> list[int]:
        """Normalised positions of the line breaks of the text as written (normalisation turns them into spaces)."""
        raw = _positions(self.text, _LINE_BREAKS)
        return raw if self.norm.offsets_identical else [self.norm.to_normalized(p) for p in raw]

    def _segment(self) -> list[Sentence]:
        ntext = self.ntext
        lines = self._line_breaks()
        n = len(ntext)
        cuts = [
            i + 1
            for i in _positions(ntext, _SENTENCE_ENDS)
            if not (i + 1 < n and ntext[i + 1].isdigit() and i and ntext[i - 1].isdigit())
        ]
        cuts = sorted({0, *lines, *cuts, n})
        head_end = self._headline_end(lines)
        sentences: list[Sentence] = []
        lead_given = False
        for a, b in itertools.pairwise(cuts):
            seg = ntext[a:b].lstrip(_STRIP)
            if not seg or not _LETTER_RE.search(seg):
                continue
            a = b - len(seg)
            if a < head_end:
                role = Role.HEADLINE
            elif not lead_given:
                role, lead_given = Role.LEAD, True
            else:
                role = Role.BODY
            sentences.append(Sentence(a, b, role))
        return sentences

    def _headline_end(self, lines: list[int]) -> int:
        """End of the leading short lines (headline, byline, dateline), 0 when the text opens with a paragraph."""
        end, prev = 0, 0
        for count, brk in enumerate(lines):
            line = self.ntext[prev:brk].strip()
            if count >= MAX_HEADLINE_LINES or len(line) > HEADLINE_MAX_CHARS or _SENTENCE_END_RE.search(line):
                break
            if line:
                end = brk
            prev = brk
        return end if end < len(self.ntext.rstrip()) else 0

    # ---------------------------------------------------------------- marks
    def _mark(self) -> None:
        for sent in self.sentences:
            if sent.role is Role.BODY:
                sent.opener, sent.opener_end = self._opener(sent)
                if sent.opener is Opener.BACKGROUND:
                    sent.role = Role.BACKGROUND
        denial_in, threat_clause = -1, -1
        sentences, s = self.sentences, 0
        last = len(sentences) - 1
        for h in self.hits:
            while s < last and sentences[s + 1].start <= h.start:
                s += 1
            h.sentence = s
            h.role = sentences[s].role if sentences else Role.BODY
            kind = h.cue.kind
            if kind is CueKind.EVENT:
                h.negated = denial_in == s or self._negated(h)
                h.clause = self.clause_of(h.start)
                h.hypothetical = threat_clause >= 0 and threat_clause == h.clause
            elif kind is CueKind.DENIAL:
                denial_in = s
            elif kind is CueKind.HYPOTHETICAL:
                threat_clause = self.clause_of(h.start)

    def _negated(self, h: Hit) -> bool:
        """«لم تتعرض لقصف», «دون قتال», «لم تشهد المدينة أي اشتباكات», «تفكيك عبوة ناسفة»: the event word says what
        did not happen."""
        pos = h.start - len(h.prefix)
        words = self.ntext[max(0, pos - WINDOW_CHARS_PER_WORD * ANY_REACH_WORDS) : pos].split()[-ANY_REACH_WORDS:]
        near = words[-(NEGATION_REACH_WORDS + 1) :]
        if h.cue.value in DISARMABLE and not DISARMED.isdisjoint(near):
            return True
        reach = words if words and words[-1] == "اي" else near  # «لم ... أي»: no event at all
        if _NEGATOR_FORMS.isdisjoint(reach):
            return False
        for k, w in enumerate(reach):
            if w in _NEGATOR_FORMS:
                nxt = reach[k + 1] if k + 1 < len(reach) else ""
                return nxt not in NOT_NEGATING_NEXT
        return False

    def _opener(self, sent: Sentence) -> tuple[Opener | None, int]:
        m = _FIRST_WORD_RE.match(self.ntext, sent.start)
        first = m.group() if m else ""
        if first not in _OPENER_FIRST_WORDS and first[1:] not in _OPENER_FIRST_WORDS:
            return None, -1
        m = _OPENER_RE.match(self.ntext, sent.start)
        if m:
            return (Opener.SEPARATE if m.group("separate") else Opener.BACKGROUND), m.end()
        m = TIME_OPENER_RE.match(self.ntext, sent.start)
        if m:
            return Opener.TIME, m.end()
        head = list(_WORD_RE.finditer(self.ntext, sent.start, min(sent.end, sent.start + 80)))[:OPENER_WORDS]
        words = [w.group() for w in head]
        if not words or words[0] not in ("وفي", "في"):
            return None, -1
        if "ايضا" in words:
            return Opener.SEPARATE, head[words.index("ايضا")].end()
        past = [i for i, w in enumerate(words) if w in PAST_WORDS]
        if past:
            return Opener.TIME, head[past[0]].end()
        return None, -1
