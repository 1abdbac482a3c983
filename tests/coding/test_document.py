"""Reading a report: headline and lead, background and separate-event openers, negation marks."""

from __future__ import annotations

from geomap.coding.cues import CueKind
from geomap.coding.document import Document, Opener, Role


def test_headline_lead_body_and_background() -> None:
    text = (
        "قصف مدفعي على بلدة كنصفرة\n"
        "بلدي نيوز\n"
        "استهدفت مدافع النظام بعد ظهر اليوم بلدة كنصفرة بالقذائف. وأصيب مدني بجروح.\n"
        "وكانت البلدة قد تعرضت لقصف مماثل الأسبوع الماضي."
    )
    doc = Document(text)
    roles = [s.role for s in doc.sentences]
    assert roles == [Role.HEADLINE, Role.HEADLINE, Role.LEAD, Role.BODY, Role.BACKGROUND]
    assert doc.sentences[-1].opener is Opener.BACKGROUND


def test_offsets_survive_harakat_and_tatweel() -> None:
    text = "قُتِلَ ثلاثةُ عناصرَ بهجومٍ على حاجـــزٍ."
    doc = Document(text)
    hit = next(h for h in doc.hits if h.cue.kind is CueKind.EVENT)
    a, b = doc.original(hit.start, hit.end)
    assert text[a:b] == "هجومٍ"  # the hit is «هجوم» after the clitic, with the case ending written on it


def test_openers() -> None:
    text = "قتل شاب في درعا.\nوفي حادثة أخرى، قتل آخر في طفس.\nومساء الأحد، انفجرت عبوة في نوى."
    doc = Document(text)
    assert [s.opener for s in doc.sentences] == [None, Opener.SEPARATE, Opener.TIME]


def test_denial_and_negation_marks() -> None:
    doc = Document("نفت الوزارة استهداف المستشفى بغارة جوية. ولم تشهد المدينة أي اشتباكات.")
    events = [h for h in doc.hits if h.cue.kind is CueKind.EVENT]
    assert events and all(h.negated for h in events)
    doc = Document("لا تزال الاشتباكات مستمرة.")
    assert not any(h.negated for h in doc.hits)
