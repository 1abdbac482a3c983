"""Merging reports of one event across parts: streamed through a work folder, the same as merging all at once."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from geomap.incidents import concat_incidents, iter_incidents, merged, merged_parts
from geomap.incidents.areas import AreaTally

# One shelling reported by three outlets, in three files; an unrelated clash in each file stays apart.
FILES = [
    [
        (
            "a1",
            "2025-06-02",
            "قصفت قوات النظام بالمدفعية الثقيلة بلدة كفرنبل في ريف إدلب الجنوبي، ما أسفر عن مقتل مدني.",
        ),
        ("a2", "2025-06-02", "اندلعت اشتباكات بين فصائل محلية في مدينة جاسم بريف درعا الشمالي دون أنباء عن ضحايا."),
    ],
    [
        ("b1", "2025-06-03", "اشتباكات عنيفة بين عناصر قسد ومسلحين من العشائر في بلدة ذيبان بريف دير الزور الشرقي."),
        ("b2", "2025-06-02", "قتل مدني جراء قصف مدفعي لقوات النظام استهدف بلدة كفرنبل جنوبي إدلب صباح اليوم."),
    ],
    [
        ("c1", "2025-06-02", "قصف مدفعي على ريف إدلب الجنوبي أدى إلى مقتل مدني، بحسب الدفاع المدني."),
        ("c2", "2025-06-01", "وقفة احتجاجية في مدينة السويداء للمطالبة بالإفراج عن المعتقلين."),
    ],
]


@pytest.fixture(scope="module")
def parts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    paths = []
    for k, reports in enumerate(FILES):
        path = folder / f"{k}.jsonl"
        lines = [
            json.dumps({"id": i, "date": d, "source": f"outlet {i}", "text": t}, ensure_ascii=False)
            for i, d, t in reports
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(str(path))
    found = [part for path in paths for part in iter_incidents(path)]  # ids are unique across the files
    assert len(found) == len(FILES)  # a part per file: the reports of the shelling are in three parts
    return found


@pytest.mark.parametrize("held_rows", [0, 1_000], ids=["parts-on-disk", "parts-held"])
def test_parts_merged_one_by_one_are_the_parts_merged_at_once(parts, tmp_path, held_rows):
    whole = merged(concat_incidents(parts))
    streamed = list(merged_parts(parts, tmp_path, held_rows=held_rows))
    assert len(streamed) == len(parts) and list(tmp_path.iterdir()) == []  # the work folder is removed
    incidents = pd.concat([p.incidents for p in streamed], ignore_index=True)
    pd.testing.assert_frame_equal(incidents, whole.incidents.reset_index(drop=True), check_dtype=True)
    shelling = incidents[incidents["merged_ids"] != ""]
    assert len(shelling) == 1 and shelling["source_count"].iloc[0] == 3
    assert len(incidents) == 4  # three reports of one shelling and three other events
    pd.testing.assert_frame_equal(
        pd.concat([p.mentions for p in streamed], ignore_index=True), whole.mentions.reset_index(drop=True)
    )
    tally = AreaTally()
    for p in streamed:
        tally.add_frame(p.areas)
    pd.testing.assert_frame_equal(tally.frame(), AreaTally().add_frame(whole.areas).frame())


def test_parts_with_nothing_to_merge_come_back_unchanged(parts, tmp_path):
    lone = parts[:1]
    (again,) = merged_parts(lone, tmp_path, held_rows=0)
    pd.testing.assert_frame_equal(again.incidents, lone[0].incidents)


def test_a_merge_planned_per_event_type_is_the_merge_planned_at_once(tmp_path):
    # Reports of different event types never merge, so planning each type's rows apart, in any order and from parts,
    # changes nothing.
    from geomap import read_incidents
    from geomap.coding.merge import merge_groups, plan_merges, with_merge_columns
    from geomap.incidents.merging import merge_plan, merge_rows, plan_shards_here
    from geomap.synthetic import write_corpus

    placed = read_incidents(str(write_corpus(800, tmp_path / "reports.jsonl")), merge=False).reset_index(drop=True)
    seen = []

    def backwards(shards):
        seen.append([len(s) for s in shards])
        return plan_shards_here(shards[::-1])[::-1]

    apart = merge_plan([merge_rows(placed.iloc[k : k + 300]) for k in range(0, len(placed), 300)], backwards)
    (sizes,) = seen
    assert len(sizes) >= 3 and sum(sizes) == placed["event_type"].notna().sum()
    whole = with_merge_columns(placed)
    at_once = plan_merges(merge_groups(whole), whole)
    assert len(at_once.at) > 20  # many merges
    for name in ("at", "anchor", "away"):
        assert getattr(apart, name).tolist() == getattr(at_once, name).tolist(), name
    assert repr(apart.updates) == repr(at_once.updates)


def _with_dates(part, dates):
    from geomap.incidents.frames import Incidents

    return Incidents(part.incidents.assign(event_date=dates), part.mentions, part.areas)


def test_dates_are_read_over_the_whole_input_whatever_the_event_type(parts, tmp_path):
    # A date format is inferred from the first date of the input. Here the first row (a clash) is dated ISO-style and
    # the three shelling reports month first, so they have no readable day and stay apart, as when merged at once.
    us = {"2025-06-01": "06/01/2025", "2025-06-02": "06/02/2025", "2025-06-03": "06/03/2025"}
    first, second, third = parts[1], parts[0], parts[2]
    reordered = [
        _with_dates(first, [first.incidents["event_date"].iloc[0], us[first.incidents["event_date"].iloc[1]]]),
        _with_dates(second, [us[d] for d in second.incidents["event_date"]]),
        _with_dates(third, [us[d] for d in third.incidents["event_date"]]),
    ]
    whole = merged(concat_incidents(reordered))
    streamed = pd.concat([p.incidents for p in merged_parts(reordered, tmp_path)], ignore_index=True)
    pd.testing.assert_frame_equal(streamed, whole.incidents.reset_index(drop=True))
    assert len(streamed) == 6  # nothing merged: no shelling report has a day


def test_a_table_of_its_own_events_with_zoned_dates_passes_unmerged(parts, tmp_path):
    # Rows a table coded itself never merge, so their dates are not read: a time zone on them is no trouble.
    table = [_with_dates(p, [f"{d}T10:00:00+03:00" for d in p.incidents["event_date"]]) for p in parts]
    table = [type(p)(p.incidents.assign(coding_evidence=None), p.mentions, p.areas) for p in table]
    again = list(merged_parts(table, tmp_path))
    for before, after in zip(table, again, strict=True):
        pd.testing.assert_frame_equal(after.incidents, before.incidents)
