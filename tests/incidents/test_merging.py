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
    # Reports of different event types never merge, so planning each type's rows apart changes nothing.
    from geomap import read_incidents
    from geomap.coding.merge import MergePlan, merge_groups, plan_merges, with_merge_columns
    from geomap.incidents.merging import _shards, merge_rows, plan_shard
    from geomap.synthetic import write_corpus

    placed = read_incidents(str(write_corpus(800, tmp_path / "reports.jsonl")), merge=False)
    rows = merge_rows(placed)
    shards = _shards(rows)
    assert len(shards) >= 3 and sum(map(len, shards)) == rows["event_type"].notna().sum()
    apart = MergePlan.combined(plan_shard(s) for s in reversed(shards))
    whole = with_merge_columns(placed.reset_index(drop=True))
    at_once = plan_merges(merge_groups(whole), whole)
    assert len(at_once.at) > 20  # many merges
    for name in ("at", "anchor", "away"):
        assert getattr(apart, name).tolist() == getattr(at_once, name).tolist(), name
    assert repr(apart.updates) == repr(at_once.updates)
