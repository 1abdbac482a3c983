"""How many were killed and wounded in one event, as the report states it.

Counts come from the words next to casualty triggers: «مقتل ثلاثة عناصر», «سقوط 5 قتلى», «خمسة أشخاص قتلوا»,
«فقد طفلان حياتهما», duals («مقتل عنصرين» = 2, but «مقتل مدنيين» may be a plural: no count, see
`lexicon_casualties`), a single victim («استشهد مدني» = 1). Lower bounds keep their
number («ما لا يقل عن 12» → 12). «مقتل وإصابة ثلاثة» and «6 بين قتيل وجريح» do not split the dead from the
wounded and give no count. The toll:

* an updated toll («ارتفعت حصيلة القتلى إلى 12») replaces the earlier ones;
* where sources differ, the lowest stated count is kept, as ACLED does;
* a single named victim beside a larger count is one of them, and «آخرين» (others) counts are extra victims, so
  neither lowers the toll;
* victims without a number («سقوط قتلى», «عدد من القتلى») leave it unknown (None);
* 0 only where the text says no one was hurt («دون وقوع إصابات», «اقتصرت الأضرار على الماديات») or the targets
  survived («نجا»); a silence («دون ورود أنباء عن إصابات») is not a zero.
"""

from __future__ import annotations

from dataclasses import dataclass

from geomap.coding.cues import CountRule, CueKind, Family, word_set
from geomap.coding.document import Document, Role, bare
from geomap.coding.lexicon_casualties import (
    ACCUSATIVE_ENDING,
    DEFINITE_NUMBERS,
    HUMAN_WORDS,
    LOWER_BOUND_AFTER,
    MATERIAL_ONLY,
    NEEDS_HUMAN,
    NOT_A_DEATH,
    NOT_PEOPLE,
    NUMBER_WORDS,
    POSSESSIVE_SUFFIXES,
    QUALIFIERS,
    TEEN_WORDS,
    UNCOUNTED,
    VICTIM_NOUNS,
    ZERO_BLOCKERS,
    ZERO_WORDS,
    Side,
    VictimNoun,
)
from geomap.coding.scan import Hit

__all__ = ["Casualties", "Count", "read_casualties", "stated_span", "victim_noun"]

MAX_COUNT = 5000  # larger numbers next to a trigger are years or quantities, not a toll
SKIPPABLE = word_set(
    """اليوم امس مساء صباح فجر ظهر عصر ليل ليله يوم اول الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت
    فيه فيها خلاله خلالها جراءه علي الفور ايضا , today yesterday"""
)  # words between a trigger and its count that say when, not how many («قتل ظهر اليوم، الثلاثاء، خمسة»)
_LIFE_VERBS = ("فقد", "فارق", "خسر")
_INJURY_WORDS = frozenset({"اصابه", "اصيب", "جرح", "جرحي", "جريح", "مصابين", "الجرحي", "اصابات", "الاصابات"})
_DEATH_WORDS = frozenset({"مقتل", "قتل", "قتلي", "وفاه", "استشهاد", "القتلي", "الوفيات", "الضحايا", "ضحايا"})
_CASUALTY_WORDS = _INJURY_WORDS | _DEATH_WORDS
_OTHERS = frozenset({"اخرين", "اخرون", "others"})
_MIXED_PAIR = frozenset({"بين"})
_LOOSE_VERBS = frozenset({"قضي", "قضت", "قضوا", "لقي", "لقيت", "لقوا", "لقيا"})  # also «spent», «met with»
_PASSED_AWAY = frozenset(
    {"نحبه", "نحبها", "نحبهم", "نحبهما", "مصرعه", "مصرعها", "مصرعهم", "مصرعهما", "حتفه", "حتفهم"}
)  # «6 بين قتيل وجريح»


@dataclass(slots=True)  # built per hit: plain slots, frozen dataclasses cost a setattr per field
class Count:
    """One stated count of the dead or the wounded."""

    kind: CueKind  # DEATH or INJURY
    value: int | None  # None: victims without a number
    hit: Hit  # the trigger (or the updated-toll phrase) it was read from
    single: bool = False  # from a singular noun or pronoun («مقتل الشاب», «وفاته»), not a number
    others: bool = False  # «ووفاة أربعة آخرين»: extra victims beside the ones counted first
    update: bool = False  # an updated toll
    side: Side | None = None  # civilians or fighters, from the noun


@dataclass(slots=True)  # built per hit: plain slots, frozen dataclasses cost a setattr per field
class Casualties:
    fatalities: int | None
    injuries: int | None
    fatality_evidence: tuple[Count, ...]  # the counts that decided (empty when none stated)
    injury_evidence: tuple[Count, ...]
    zero_spans: tuple[tuple[int, int], ...]  # no-casualty statements that decided a 0
    sides: tuple[Side, ...]  # victim sides named by the counts


@dataclass(slots=True)  # built per hit: plain slots, frozen dataclasses cost a setattr per field
class _Parsed:
    value: int | None
    single: bool = False
    others: bool = False
    side: Side | None = None


_MIXED = _Parsed(None)  # a count that does not split the dead from the wounded: no count at all


def parse_number(words: list[str], i: int) -> tuple[int, int] | None:
    """The number written at words[i] (digits, number words, «ثلاثة عشر», «خمسة وعشرين»), and the index after."""
    if i >= len(words):
        return None
    w = words[i]
    if w.isdigit():
        value = int(w)
        return (value, i + 1) if 0 < value <= MAX_COUNT else None
    value = NUMBER_WORDS.get(w)
    if value is None or value < 0:
        return None
    j = i + 1
    if j < len(words) and words[j] in TEEN_WORDS and value < 10:
        return value + 10, j + 1
    if j < len(words) and words[j].startswith("و") and NUMBER_WORDS.get(words[j][1:], 0) >= 20:
        return value + NUMBER_WORDS[words[j][1:]], j + 1
    return value, j


def _number_before(words: list[str]) -> int | None:
    """The number that ends `words` (nearest last), trying the longest written form first («خمسة وعشرين»)."""
    if not words:
        return None
    last = words[-1]
    if last.isdigit() or (last[:1] == "و" and last[1:].isdigit()):  # «11», «و11 جريحاً»
        value = int(last.lstrip("و"))
        return value if 0 < value <= MAX_COUNT else None
    for k in (3, 2, 1):
        if len(words) >= k:
            got = parse_number(words[-k:], 0)
            if got and got[1] == k:
                return got[0]
    return None


def victim_noun(word: str) -> VictimNoun | None:
    """The victim noun a normalised word is: as listed («مدنيين»), under proclitics («والشبان»), or a singular
    under a pronoun or the accusative ending («سائقها», «عنصراً»)."""
    return VICTIM_NOUNS.get(word) or VICTIM_NOUNS.get(bare(word)) or _one_inflected(word)


def _one_inflected(word: str) -> VictimNoun | None:
    """The singular victim noun under a pronoun or the accusative ending («سائقها», «قيادياً»), else None."""
    stems = [word[: -len(s)] for s in POSSESSIVE_SUFFIXES if word.endswith(s)]
    stems += [stem[:-1] + "ه" for stem in stems if stem.endswith("ت")]  # «طفلته»: «طفلة» + «ه»
    if word.endswith(ACCUSATIVE_ENDING):
        stems.append(word[:-1])
    for stem in stems:
        noun = VICTIM_NOUNS.get(stem) or VICTIM_NOUNS.get(bare(stem))
        if noun is not None and noun.count == 1:
            return noun
    return None


def _noun_count(words: list[str], i: int) -> _Parsed | None:
    """A count from a victim noun at words[i], with a number after it («مدنيين اثنين», «الشبان الثلاثة»)."""
    w = words[i]
    if w in ("احد", "احدي", "one"):
        return _Parsed(1)
    noun = victim_noun(w)
    if noun is None:
        return None
    nxt = words[i + 1] if i + 1 < len(words) else ""
    side = noun.side_before(nxt)
    after = parse_number(words, i + 1)
    if after:
        return _Parsed(after[0], side=side)
    if nxt in DEFINITE_NUMBERS:
        return _Parsed(DEFINITE_NUMBERS[nxt], side=side)
    if noun.count == 2 or (noun.dual_or_plural and tuple(words[i + 1 : i + 3]) == LOWER_BOUND_AFTER):
        return _Parsed(2, side=side)
    if noun.count == 1:
        return _Parsed(1, single=True, side=side)
    return _Parsed(None, side=side)


def _forward(words: list[str], kind: CueKind) -> _Parsed | None:
    """The count written after a trigger: «مقتل ما لا يقل عن 12 مدنياً», «قتل ظهر اليوم خمسة عمال»."""
    if (
        words
        and words[0].startswith("و")
        and words[0][1:] in (_INJURY_WORDS if kind is CueKind.DEATH else _DEATH_WORDS)
    ):
        return _MIXED
    i = 0
    while i < len(words) and i < 6 and (words[i] in SKIPPABLE or words[i] in QUALIFIERS):
        i += 1
    if i >= len(words):
        return None
    got = parse_number(words, i)
    if got:
        value, j = got
        nxt = words[j] if j < len(words) else ""
        if nxt in _MIXED_PAIR:
            return _MIXED
        if nxt in NOT_PEOPLE or bare(nxt) in NOT_PEOPLE:
            return None
        noun = _noun_count(words, j) if j < len(words) else None
        return _Parsed(value, others=nxt in _OTHERS, side=noun.side if noun else None)
    if words[i] in UNCOUNTED or NUMBER_WORDS.get(words[i]) == -1:
        return _Parsed(None)
    if words[i] in _OTHERS:
        return _Parsed(None, others=True)
    return _noun_count(words, i)


def _backward(before: list[str]) -> _Parsed | None:
    """The count written before a verb that follows its subject: «خمسة أشخاص قتلوا», «عنصرين من قواتها قتلا»."""
    ws = list(before)
    while len(ws) >= 2 and ws[-2] == "من":  # «عنصرين من قواتها قتلا»: step over «من قواتها»
        ws = ws[:-2]
    if not ws:
        return None
    number = _number_before(ws)
    if number is not None:
        return _Parsed(number)
    parsed = _noun_count(ws, len(ws) - 1)
    if parsed and parsed.value is None:
        number = _number_before(ws[:-1])
        if number is not None:
            return _Parsed(number, side=parsed.side)
    return parsed


def _is_life_verb(word: str) -> bool:
    return word.startswith(_LIFE_VERBS) or (word[:1] in "وف" and word[1:].startswith(_LIFE_VERBS))


def _life(before: list[str], hit: Hit) -> _Parsed | None:
    """«فقد مدنيان حياتهما», «طفلة فقدت حياتها»: the victims stand next to the verb."""
    last = len(before) - 1
    verb = next((k for k in range(last, max(last - 3, -1), -1) if _is_life_verb(before[k])), None)
    if verb is None:
        return None
    parsed = _backward(before[:verb] if verb == len(before) - 1 else before[verb + 1 :])
    if parsed is None:
        value = hit.cue.value if isinstance(hit.cue.value, int) else None
        return _Parsed(value, single=value == 1)
    return parsed


def _noun(doc: Document, hit: Hit, before: list[str]) -> _Parsed | None:
    """A casualty noun counted by the number before it (`before`: the four words before it): «سقوط 5 قتلى»,
    «عشرة قتلى وعشرات الجرحى»."""
    after = doc.words_after(hit.end, 2)
    if before and before[-1] in _MIXED_PAIR:
        return _MIXED
    if after and after[0].startswith("و") and bare(after[0][1:]) in _CASUALTY_WORDS:
        nxt = after[1] if len(after) > 1 else ""
        if not parse_number([nxt], 0):
            return _MIXED
    if isinstance(hit.cue.value, int):
        return _Parsed(hit.cue.value)
    number = _number_before(before)
    if number is None and before and victim_noun(before[-1]) is not None:
        number = _number_before(before[:-1])  # «12 people dead», «ثلاثة مدنيين قتلى»: the victims between
    if number is not None:
        return _Parsed(number)
    definite = hit.prefix.endswith("ال") or hit.prefix.endswith("لل")
    if hit.cue.phrase in ("قتيل", "شهيد", "ضحيه", "جريح"):  # one victim; «الضحية» only refers back to one
        return None if definite else _Parsed(1, single=True)
    if definite and UNCOUNTED.isdisjoint(before[-2:]):  # «القتلى» refers back; «دوار الشهداء» is a place
        return None
    return _Parsed(None)


BEFORE_WORDS = 6  # words read before a trigger for its count («خمسة أشخاص من المدنيين قتلوا»)


def _parse(doc: Document, hit: Hit) -> _Parsed | None:
    before: list[str] = []
    if hit.cue.rule is not CountRule.PRONOUN:
        before = doc.words_before(hit.start - len(hit.prefix), BEFORE_WORDS)
        if not NOT_A_DEATH.isdisjoint(before[-2:]):  # «محاولة قتل», «لم يقتل», «دون وقوع ضحايا»: no one died of it
            return None
    parsed = _read(doc, hit, before)
    loose = parsed and hit.cue.phrase in _LOOSE_VERBS and parsed.side is None
    # «قضى 5 سنوات», «لقي ترحيباً»: these verbs speak of death only with the victims or «نحبه» named
    if loose and _PASSED_AWAY.isdisjoint(doc.words_after(hit.end, 4)):
        return None
    return parsed


def _read(doc: Document, hit: Hit, before: list[str]) -> _Parsed | None:
    """The count a trigger states; `before`: the `BEFORE_WORDS` words before it."""
    rule = hit.cue.rule
    if rule is CountRule.PRONOUN:
        value = hit.cue.value if isinstance(hit.cue.value, int) else None
        return _Parsed(value, single=value == 1)
    if rule is CountRule.NOUN:
        return _noun(doc, hit, before[-4:])
    if rule is CountRule.LIFE:
        return _life(before, hit)
    if rule is CountRule.BACKWARD:
        return _backward(before) or _forward(doc.words_after(hit.end, 9), hit.cue.kind)
    if hit.cue.kind is CueKind.INJURY and before and bare(before[-1]) in _DEATH_WORDS and hit.prefix == "و":
        return _MIXED  # «مقتل وإصابة ثلاثة»
    return _forward(doc.words_after(hit.end, 9), hit.cue.kind)


def _update(doc: Document, hit: Hit) -> Count | None:
    """«ارتفعت حصيلة القتلى إلى 12»: the number after «إلى»."""
    words = doc.words_after(hit.end, 12)
    if "الي" not in words:
        return None
    k = words.index("الي")
    i = k + 1
    while i < len(words) and words[i] in QUALIFIERS:
        i += 1
    got = parse_number(words, i)
    if not got:
        return None
    kind = CueKind.INJURY if any(bare(w) in _INJURY_WORDS for w in words[:k]) else CueKind.DEATH
    return Count(kind, got[0], hit, update=True)


def _zero(doc: Document, hit: Hit) -> str | None:
    """What a no-casualty statement rules out ("all", "dead", "wounded"), or None when it is not one."""
    if hit.cue.phrase.isascii():
        return "all"
    words = doc.words_after(hit.end, 6)
    material = hit.cue.phrase == "اقتصرت"
    for k, w in enumerate(words):
        b = bare(w)
        if b in ZERO_BLOCKERS or w == ",":
            return None
        if material:
            if w in MATERIAL_ONLY:
                return "all"
            continue
        if b in NEEDS_HUMAN:
            if k + 1 < len(words) and words[k + 1] in HUMAN_WORDS:
                return "all"
            continue
        if b in ZERO_WORDS or w in ZERO_WORDS:
            return ZERO_WORDS.get(b) or ZERO_WORDS[w]
    return None


def _toll(counts: list[Count]) -> tuple[int | None, tuple[Count, ...]]:
    updates = [c for c in counts if c.update and c.value is not None]
    if updates:
        best = max(updates, key=lambda c: c.value or 0)
        return best.value, (best,)
    stated = [c for c in counts if c.value is not None and not c.single and not c.others]
    if stated:
        low = min(c.value for c in stated if c.value is not None)
        return low, tuple(c for c in stated if c.value == low)
    if any(c.value is None and not c.others for c in counts):
        return None, ()
    for pool in ([c for c in counts if c.single], [c for c in counts if c.others and c.value]):
        if pool:
            low = min(c.value for c in pool if c.value is not None)
            return low, tuple(c for c in pool if c.value == low)
    return None, ()


EVIDENCE_WORDS = 2  # words shown beside a trigger as the evidence of its count («مقتل ثلاثة عناصر»)


def stated_span(doc: Document, h: Hit) -> tuple[int, int]:
    """The trigger and the words that state its count, for the evidence."""
    if h.cue.rule is CountRule.FORWARD:
        after = doc.word_spans_after(h.end, EVIDENCE_WORDS)
        return h.start, (after[-1][1] if after else h.end)
    if h.cue.rule in (CountRule.BACKWARD, CountRule.NOUN, CountRule.LIFE):
        before = doc.word_starts_before(h.start - len(h.prefix), EVIDENCE_WORDS)
        return (before[0][1] if before else h.start), h.end
    return h.start, h.end


def read_casualties(doc: Document, sentences: set[int]) -> Casualties:
    """Fatalities and injuries of the event told by `sentences` (background sentences and clauses left out)."""
    counts: list[Count] = []
    zeros: dict[str, list[tuple[int, int]]] = {}
    survived: list[tuple[int, int]] = []
    for h in doc.in_sentences(Family.CASUALTY, sentences) + doc.in_sentences(Family.DISCOURSE, sentences):
        if h.role is Role.BACKGROUND:
            continue
        kind = h.cue.kind
        if kind is CueKind.ZERO:
            what = _zero(doc, h)
            if what:
                zeros.setdefault(what, []).append((h.start, h.end))
        elif kind is CueKind.SURVIVED:
            survived.append((h.start, h.end))
        elif kind is CueKind.UPDATE:
            c = _update(doc, h)
            if c:
                counts.append(c)
        elif kind in (CueKind.DEATH, CueKind.INJURY) and not doc.dated(h.start):
            p = _parse(doc, h)
            if p is not None and p is not _MIXED:
                counts.append(Count(kind, p.value, h, p.single, p.others, side=p.side))
    dead = [c for c in counts if c.kind is CueKind.DEATH]
    hurt = [c for c in counts if c.kind is CueKind.INJURY]
    fatalities, f_ev = _toll(dead)
    injuries, i_ev = _toll(hurt)
    zero_spans: list[tuple[int, int]] = []
    if fatalities is None and not dead and (zeros.get("all") or zeros.get("dead") or survived):
        fatalities = 0
        zero_spans += zeros.get("all", []) + zeros.get("dead", []) + survived
    if injuries is None and not hurt and (zeros.get("all") or zeros.get("wounded")):
        injuries = 0
        zero_spans += zeros.get("all", []) + zeros.get("wounded", [])
    sides = tuple(c.side for c in counts if c.side is not None)
    return Casualties(fatalities, injuries, f_ev, i_ev, tuple(sorted(set(zero_spans))), sides)
