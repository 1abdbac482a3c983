"""Separate events in one report: `split_events` gives the span of each, the lead event first.

Conservative: a new event starts only at a body sentence that opens on an explicit marker («في سياق منفصل»,
«وفي حادثة أخرى», «من جهة أخرى», «وفي الريف الشمالي أيضاً», "in a separate incident") or on another day
(«وأمس،», «ومساء الأحد،», «وفي 30 حزيران الماضي»), and that itself tells of violence (an event word or a casualty).
Background («وكانت البلدة قد تعرضت أمس …», «يذكر أن», «ويأتي ذلك بعد») stays with the event it explains.
"""

from __future__ import annotations

from geomap.coding.cues import CueKind
from geomap.coding.document import Document, Opener, Role
from geomap.coding.lexicon_events import Weight
from geomap.coding.records import EventSpan

__all__ = ["event_groups", "split_events"]

NEW_EVENT_MIN_WEIGHT = Weight.WEAK  # the opening sentence must name an event at least this firmly («تفجير», «غارة»)


def _tells_of_violence(doc: Document, sentence: int) -> bool:
    sent = doc.sentences[sentence]
    for h in doc.hits_between(sent.start, sent.end):
        kind = h.cue.kind
        if kind in (CueKind.DEATH, CueKind.INJURY):
            return True
        firm = kind is CueKind.EVENT and h.cue.value is not None and h.cue.weight >= NEW_EVENT_MIN_WEIGHT
        if firm and not h.negated and not h.hypothetical:
            return True
    return False


def event_groups(doc: Document) -> list[list[int]]:
    """Sentence indices of each event, the lead event first (an empty report gives one empty group)."""
    groups: list[list[int]] = [[]]
    for i, sent in enumerate(doc.sentences):
        opens = sent.role is Role.BODY and sent.opener in (Opener.SEPARATE, Opener.TIME)
        if opens and groups[-1] and _tells_of_violence(doc, i):
            groups.append([])
        groups[-1].append(i)
    return groups


def spans_of(doc: Document, groups: list[list[int]]) -> list[EventSpan]:
    spans = []
    for index, group in enumerate(groups):
        if not group:
            spans.append(EventSpan(0, len(doc.text), index))
            continue
        first, last = doc.sentences[group[0]], doc.sentences[group[-1]]
        start, _ = doc.original(first.start, first.start + 1)
        _, end = doc.original(last.end - 1, last.end)
        marker = None
        if index and first.opener_end > first.start:
            a, b = doc.original(first.start, first.opener_end)
            marker = doc.text[a:b]
        spans.append(EventSpan(0 if index == 0 else start, end, index, marker))
    return spans


def split_events(text: str) -> list[EventSpan]:
    """The spans of the separate events a report describes, the lead event first.

    Parameters
    ----------
    text : str
        The report (Arabic or English), as written.

    Returns
    -------
    list of EventSpan
        At least one span. Each has `start`/`end` offsets into `text` (`span.excerpt(text)` gives its words), its
        `index` (0 for the lead event) and the `marker` that opened it. The pipeline takes each span's place from
        the geoparser's mentions inside it and derives its id from the report id (``<id>``, ``<id>-2``, ...).
    """
    doc = Document(text)
    return spans_of(doc, event_groups(doc))
