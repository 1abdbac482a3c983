"""The public face: `code_event` on a span, the row it fills, the evidence line, the column schema."""

from __future__ import annotations

import geomap.coding as coding
from geomap.coding import (
    CODED_COLUMNS,
    CODING_COLUMNS,
    MERGE_COLUMNS,
    Actor,
    EventCoding,
    EventType,
    SubEventType,
    code_event,
    split_events,
)
from geomap.incidents.schema import INCIDENT_SCHEMA

REPORT = (
    "غارة إسرائيلية على مستودع قرب مطار حماة\n"
    "شنت طائرات حربية إسرائيلية فجر اليوم غارات جوية استهدفت مستودعاً للذخيرة قرب مطار حماة العسكري، ما أدى "
    "إلى مقتل ثلاثة عناصر من قوات النظام وإصابة خمسة آخرين، وفق مصدر عسكري."
)


def test_a_report_coded_with_its_evidence() -> None:
    c = code_event(REPORT)
    assert c.event_type is EventType.EXPLOSIONS
    assert c.sub_event_type is SubEventType.AIR_DRONE_STRIKE
    assert (c.actor1, c.actor2) == (Actor.ISRAEL, Actor.SYRIAN_GOVERNMENT)
    assert (c.fatalities, c.injuries) == (3, 5)
    fields = {e.field for e in c.evidence}
    assert fields == {"event_type", "actor1", "actor2", "fatalities", "injuries"}
    for e in c.evidence:
        assert REPORT[e.start : e.end] == e.text
    line = c.coding_evidence
    assert "→ Air/drone strike" in line and "→ actor1 Israel" in line and "→ fatalities 3" in line


def test_the_row_it_fills() -> None:
    row = code_event(REPORT).as_row()
    assert set(row) == set(CODED_COLUMNS)
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["sub_event_type"] == "Air/drone strike"
    assert row["actor1"] == "Israel"
    assert row["fatalities"] == 3
    empty = EventCoding().as_row()
    assert all(v is None for v in empty.values())


def test_span_as_offsets() -> None:
    text = REPORT + "\nوفي سياق منفصل، قتل شاب برصاص مجهولين في مدينة طفس بريف درعا."
    second = split_events(text)[1]
    by_span = code_event(text, span=second)
    by_offsets = code_event(text, span=(second.start, second.end))
    assert by_span.sub_event_type is SubEventType.ATTACK
    assert by_offsets == by_span
    assert by_offsets.span is None and by_span.span == second


def test_column_schema_for_the_pipeline() -> None:
    dtypes = {c.name: c.dtype for c in INCIDENT_SCHEMA}
    assert {c: dtypes[c] for c in CODING_COLUMNS} == CODING_COLUMNS  # every coding column is an incident column
    assert CODING_COLUMNS == {**CODED_COLUMNS, **MERGE_COLUMNS}
    assert CODING_COLUMNS["injuries"] == CODING_COLUMNS["source_count"] == "Int64"


def test_taxonomy_strings_are_acleds() -> None:
    assert [str(t) for t in EventType] == [
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Strategic developments",
    ]
    assert len(SubEventType) == 25
    assert SubEventType.SHELLING == "Shelling/artillery/missile attack"
    assert SubEventType.ABDUCTION.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS
    assert SubEventType.OTHER.event_type is EventType.STRATEGIC_DEVELOPMENTS
    assert Actor.US_COALITION == "US-led coalition"
    assert len(Actor) == 15


def test_public_names() -> None:
    for name in coding.__all__:
        assert getattr(coding, name) is not None
    assert code_event.__doc__ and "Parameters" in code_event.__doc__
    assert coding.merge_reports.__doc__ and "Parameters" in coding.merge_reports.__doc__


def test_a_normalisation_the_caller_has_is_reused() -> None:
    from geomap.arabic import normalize
    from geomap.exc import GeomapError

    norm = normalize(REPORT)
    assert code_event(REPORT, normalized=norm) == code_event(REPORT)
    try:
        code_event(REPORT, normalized=normalize("نص آخر"))
    except GeomapError as e:
        assert "normalized" in str(e)
    else:
        raise AssertionError("a normalisation of another text was accepted")
