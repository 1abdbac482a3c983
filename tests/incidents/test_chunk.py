"""Placing a chunk: the strategies in order, texts geoparsed only where their mentions are needed."""

import pandas as pd

from geomap.incidents.chunk import MentionScope, Placers, place_chunk
from geomap.incidents.schema import detect_columns

ROWS = [
    {"id": "c", "latitude": "36.180249", "longitude": "36.718473", "location": "", "notes": "قصف على بلدة كفرنبل"},
    {"id": "l", "latitude": "", "longitude": "", "location": "Tadmur", "notes": "غارة قرب مدينة الباب"},
    {"id": "t", "latitude": "", "longitude": "", "location": "Atlantis", "notes": "اشتباكات في مدينة الباب شرقي حلب"},
    {"id": "n", "latitude": "", "longitude": "", "location": "Atlantis", "notes": ""},
    {"id": "x", "latitude": "abc", "longitude": "1", "location": "", "notes": ""},
]


class Recording:
    def __init__(self, parser):
        self.parser, self.seen = parser, []

    def parse(self, text, *, normalized=None):
        self.seen.append(text)
        return self.parser.parse(text, normalized=normalized)


def run(gaz, scope):
    placers = Placers(gaz)
    placers.text.parser = recording = Recording(placers.text.parser)
    frame = pd.DataFrame(ROWS, dtype=object)
    placed = place_chunk(frame, detect_columns(frame.columns), placers, mentions=scope)
    return placed, recording.seen


def test_coordinates_then_location_then_text(gaz):
    placed, seen = run(gaz, MentionScope.PLACING)
    inc = placed.result.incidents.set_index("event_id_cnty")
    assert inc["match_method"].tolist()[:3] == ["coordinates", "geocode", "geoparse"]
    assert inc.loc["c", "location"] == "Sarmada" and inc.loc["l", "gazetteer_id"] == "C2889"
    assert inc.loc["t", "gazetteer_id"] == "C1202" and "'Atlantis' not found" in inc.loc["t", "flags"]
    assert inc.loc["n", "reason"] == "location 'Atlantis' not found in the gazetteer and no text to read"
    assert (
        inc.loc["x", "reason"] == "coordinates are not numbers"
        and inc.loc["x", "flags"] == "coordinates are not numbers"
    )
    # Only the row that needed its text was read; its chosen mention is in the mentions table
    assert seen == [ROWS[2]["notes"]]
    m = placed.result.mentions
    assert set(m["event_id_cnty"]) == {"t"} and m["is_event_location"].sum() == 1
    assert placed.mention_counts.tolist() == [0, 0, 2, 0, 0] and placed.generated.tolist() == [False] * 5


def test_every_text_is_read_for_the_mentions_layer(gaz):
    placed, seen = run(gaz, MentionScope.ALL)
    assert len(seen) == 3
    m = placed.result.mentions
    assert m.groupby("event_id_cnty").size().to_dict() == {"c": 1, "l": 1, "t": 2}
    assert m.loc[m["event_id_cnty"] == "c", "is_event_location"].tolist() == [False]  # placed by its coordinates
    assert placed.result.incidents["gazetteer_id"].tolist()[2] == "C1202"  # the same placement either way


def test_no_mentions_table_when_none_is_wanted(gaz):
    placed, seen = run(gaz, MentionScope.NONE)
    assert seen == [ROWS[2]["notes"]] and placed.result.mentions.empty
    assert placed.result.incidents["gazetteer_id"].tolist()[2] == "C1202"


def test_each_text_is_normalised_once_for_the_geoparser_and_the_coder(gaz, monkeypatch):
    import geomap.incidents.chunk as chunk_module
    from geomap.arabic import normalize

    calls = []

    def counting(text):
        calls.append(text)
        return normalize(text)

    monkeypatch.setattr(chunk_module, "normalize", counting)
    placed, seen = run(gaz, MentionScope.ALL)
    assert sorted(calls) == sorted(seen)  # three texts, each read by both and normalised once
    inc = placed.result.incidents.set_index("event_id_cnty")
    assert (
        inc.loc["t", "event_type"] == "Battles"
        and inc.loc["c", "sub_event_type"] == "Shelling/artillery/missile attack"
    )
