"""Code one event of a report: type, actors, casualties and the evidence for each."""

from __future__ import annotations

from geomap.arabic import NormalizedText
from geomap.coding.actors import ActorMention, choose_actors, read_actors
from geomap.coding.casualties import Casualties, Count, read_casualties, stated_span
from geomap.coding.document import Document
from geomap.coding.event_type import TypeDecision, decide_type
from geomap.coding.records import EventCoding, EventSpan, Evidence, Field
from geomap.coding.scan import Hit
from geomap.coding.split import event_groups, spans_of
from geomap.coding.taxonomy import Actor

__all__ = ["code_event", "code_events"]


def _evidence(doc: Document, field: Field, value: object, start: int, end: int) -> Evidence:
    a, b = doc.original(start, end)
    return Evidence(field, str(value), doc.text[a:b], a, b)


def _count_evidence(doc: Document, field: Field, value: int | None, counts: tuple[Count, ...], zeros) -> list:
    if value is None:
        return []
    spans = [stated_span(doc, c.hit) for c in counts[:1]] or list(zeros)[:1]
    return [_evidence(doc, field, value, a, b) for a, b in spans]


def _code(doc: Document, sentences: list[int], span: EventSpan | None) -> EventCoding:
    scope = set(sentences)
    casualties: Casualties = read_casualties(doc, scope)
    mentions: list[ActorMention] = read_actors(doc, scope)
    killed = bool(casualties.fatalities)
    hurt = killed or bool(casualties.injuries)
    decision: TypeDecision = decide_type(doc, scope, mentions, list(casualties.sides), killed=killed, hurt=hurt)
    sub = decision.sub_event_type
    actor1, actor2, deciding = choose_actors(mentions, sub, list(casualties.sides))
    evidence: list[Evidence] = []
    hits: tuple[Hit, ...] = decision.evidence if sub is not None else ()
    evidence += [_evidence(doc, Field.EVENT_TYPE, sub, h.start, h.end) for h in hits]
    for field, actor in ((Field.ACTOR1, actor1), (Field.ACTOR2, actor2)):
        m = next((m for m in deciding if m.actor is actor), None)
        if actor is not None and m is not None:
            evidence.append(_evidence(doc, field, actor, m.hit.start, m.hit.end))
    zeros = casualties.zero_spans
    evidence += _count_evidence(doc, Field.FATALITIES, casualties.fatalities, casualties.fatality_evidence, zeros)
    evidence += _count_evidence(doc, Field.INJURIES, casualties.injuries, casualties.injury_evidence, zeros)
    return EventCoding(
        event_type=None if sub is None else sub.event_type,
        sub_event_type=sub,
        actor1=actor1,
        actor2=actor2 if actor2 is not actor1 or actor1 is Actor.LOCAL_GROUP else None,
        fatalities=casualties.fatalities,
        injuries=casualties.injuries,
        evidence=tuple(evidence),
        span=span,
    )


def _sentences_in(doc: Document, span: EventSpan | tuple[int, int]) -> list[int]:
    start, end = (span.start, span.end) if isinstance(span, EventSpan) else span
    out = []
    for i, s in enumerate(doc.sentences):
        a, _ = doc.original(s.start, s.start + 1)
        if start <= a < end:
            out.append(i)
    return out


def code_event(
    text: str, *, span: EventSpan | tuple[int, int] | None = None, normalized: NormalizedText | None = None
) -> EventCoding:
    """Code the event a report tells: ACLED event type and sub-event type, actors, fatalities and injuries.

    Parameters
    ----------
    text : str
        The report (Arabic or English), as written.
    span : EventSpan or (start, end), optional
        The part of `text` that tells the event (from `split_events`); by default the lead event.
    normalized : NormalizedText, optional
        `geomap.arabic.normalize(text)` when the caller has it already (the incident pipeline normalises each
        report for geoparsing): saves normalising twice.

    Returns
    -------
    EventCoding
        `event_type`/`sub_event_type` (None when the text reports no political violence: fires, accidents,
        want, returns, or a denied attack), `actor1` (who acted) and `actor2` (the target side) on the short list,
        `fatalities` and `injuries` (None when no number is stated, 0 only when the text says no one was hurt),
        and `evidence`: the words that decided each field, with their offsets in `text`.
    """
    doc = Document(text, normalized)
    if span is None:
        groups = event_groups(doc)
        return _code(doc, groups[0], spans_of(doc, groups[:1])[0])
    return _code(doc, _sentences_in(doc, span), span if isinstance(span, EventSpan) else None)


def code_events(text: str, *, normalized: NormalizedText | None = None) -> list[EventCoding]:
    """Every event of a report (`split_events`), each coded; the lead event first. One reading of the text.

    Parameters
    ----------
    text : str
        The report, as written.
    normalized : NormalizedText, optional
        `geomap.arabic.normalize(text)` when the caller has it already.

    Returns
    -------
    list of EventCoding
        One per event span; each carries its `span`.
    """
    doc = Document(text, normalized)
    groups = event_groups(doc)
    return [_code(doc, g, s) for g, s in zip(groups, spans_of(doc, groups), strict=True)]
