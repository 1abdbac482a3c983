"""Placing rows by their text: identical texts are read once; a geoparser failure is recorded, not raised."""

import numpy as np

from geomap.arabic import normalize
from geomap.incidents.admin_units import admin_index
from geomap.incidents.by_text import FALLBACKS, OTHER_ROLE_CONFIDENCE, ParsedTexts, TextPlacer
from geomap.incidents.event_place import NoEventPlace
from geomap.incidents.placement import PlacementColumns


class Recording:
    """Wraps the real geoparser: counts the texts it is given and fails on one."""

    def __init__(self, parser, fail_on=None):
        self.parser, self.fail_on, self.seen = parser, fail_on, []

    def parse(self, text, *, normalized=None):
        self.seen.append(text)
        if text == self.fail_on:
            msg = "boom"
            raise RuntimeError(msg)
        return self.parser.parse(text, normalized=normalized)


def place_texts(placer, texts):
    """Parse and place every one of `texts` with `placer`: (parsed texts, placement columns)."""
    texts = np.array(texts, dtype=object)
    parsed, placed, rows = ParsedTexts(), PlacementColumns(len(texts)), np.arange(len(texts))
    for i in rows:
        placer.parse_row(i, texts[i], parsed, lambda i=i: normalize(texts[i]))
    placer.place(texts, rows, parsed, placed)
    return parsed, placed


def test_texts_are_parsed_once_each_and_rows_placed(gaz):
    placer = TextPlacer(gaz, admin_index(gaz))
    placer.parser = recording = Recording(placer.parser, fail_on="نص يكسر المحلل")
    texts = [
        "قصف مدفعي على بلدة سرمدا بريف إدلب الشمالي",
        "حلب - انفجار عبوة ناسفة صباح اليوم",
        "قصف مدفعي على بلدة سرمدا بريف إدلب الشمالي",
        "اشتباكات في لبنان قرب الحدود",
        "نص يكسر المحلل",
    ]
    parsed, placed = place_texts(placer, texts)
    assert len(recording.seen) == 4  # the repeated report once
    assert placed["gazetteer_id"].tolist() == ["C4121", "C1007", "C4121", "country/LB", None]
    assert placed["status"].tolist() == ["placed", "placed", "placed", "outside_syria", "unplaced"]
    assert placed["flag"][1] == FALLBACKS[NoEventPlace.DATELINE].flag and placed["confidence"][1] <= 0.5
    assert parsed.chosen[0].text == "سرمدا" and 3 not in parsed.chosen
    assert parsed.errors == {4: "geoparser error: boom"} and placed["reason"][4] == "no place found in the text"
    assert placed["subdistrict"][0].id == "SY070301" and placed["method"][0] == "geoparse"


def test_a_place_in_another_role_is_flagged_when_nothing_else_is_named(gaz):
    # the explosion's place is not named; the town the wounded were taken to is all the text gives
    texts = [
        "أصيب ثلاثة مدنيين بجروح بانفجار لغم من مخلفات الحرب، ونقلوا إلى المشفى الوطني في مدينة منبج",
        "أصيب ثلاثة مدنيين بجروح بانفجار لغم من مخلفات الحرب في قرية العريمة غربي مدينة منبج",
    ]
    _, placed = place_texts(TextPlacer(gaz, admin_index(gaz)), texts)
    assert placed["status"].tolist() == ["placed", "placed"]
    assert placed["flag"][0] == FALLBACKS[NoEventPlace.OTHER_ROLE].flag
    assert placed["confidence"][0] <= OTHER_ROLE_CONFIDENCE
    assert placed["flag"][1] is None and placed["location_ar"][1] != placed["location_ar"][0]
