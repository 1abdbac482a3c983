"""The lexicon scan: proclitics, the article, inflection suffixes, longer phrases winning, English words."""

from __future__ import annotations

from geomap.arabic import normalize
from geomap.coding.cues import CueKind
from geomap.coding.scan import scan
from geomap.coding.taxonomy import Actor, SubEventType


def _found(text: str) -> list[tuple[str, CueKind, object]]:
    ntext = normalize(text).text
    return [(ntext[h.start : h.end], h.cue.kind, h.cue.value) for h in scan(ntext)]


def test_proclitics_article_and_suffixes() -> None:
    found = _found("وبالغارات والاشتباكات للجيش السوري قصفت")
    assert ("غارات", CueKind.EVENT, SubEventType.AIR_DRONE_STRIKE) in found
    assert ("اشتباكات", CueKind.EVENT, SubEventType.ARMED_CLASH) in found
    assert ("لجيش السوري", CueKind.ACTOR, Actor.SYRIAN_GOVERNMENT) in found
    assert ("قصفت", CueKind.EVENT, SubEventType.SHELLING) in found


def test_words_inside_longer_words_are_not_found() -> None:
    assert _found("القنصلية") == []  # «قنص» (sniping) inside «قنصلية» (consulate)
    assert _found("مستقصفات") == []


def test_the_longer_phrase_wins() -> None:
    assert _found("سيارة مفخخة") == [("سياره مفخخه", CueKind.EVENT, SubEventType.REMOTE_EXPLOSIVE)]
    assert [v for _, _, v in _found("جيش الاحتلال التركي")] == [Actor.TURKEY]
    assert [v for _, _, v in _found("الفصائل الموالية لتركيا")] == [Actor.SNA]
    assert {v for _, _, v in _found("فلول النظام البائد")} == {Actor.OTHER}  # never «النظام» alone


def test_definite_adjective_phrases() -> None:
    assert ("العبوه الناسفه", CueKind.EVENT, SubEventType.REMOTE_EXPLOSIVE) in _found("انفجرت العبوة الناسفة")


def test_english_words_and_inflections() -> None:
    found = _found("Clashes erupted after drones attacked")
    assert ("clashes", CueKind.EVENT, SubEventType.ARMED_CLASH) in found
    assert ("drones", CueKind.EVENT, SubEventType.AIR_DRONE_STRIKE) in found
    assert _found("classical") == []
