"""Ids unique over a run: within a chunk, across chunks and files, and never at a real id's expense."""

import numpy as np

from geomap import read_incidents
from geomap.incidents.ids import IdRegistry


def test_duplicates_within_a_chunk_are_numbered_and_flagged():
    renames = IdRegistry().assign(["a", "b", "a", "a"], [False] * 4)
    assert [(r.row, r.new_id) for r in renames] == [(2, "a#2"), (3, "a#3")]
    assert renames[0].flag == "duplicate id 'a' (occurrence 2)"


def test_a_name_given_across_a_chunk_boundary_is_not_given_again():
    ids = IdRegistry()
    assert [r.new_id for r in ids.assign(["a", "a"], [False, False])] == ["a#2"]
    assert [r.new_id for r in ids.assign(["a", "a#2", "c"], [False, False, False])] == ["a#3", "a#2#2"]


def test_a_real_id_equal_to_a_generated_one():
    # line 2 really is called "file-3"; line 3 has no id, so "file-3" is made up for it and must give way
    renames = IdRegistry().assign(["file-3", "file-3"], [False, True])
    assert [(r.row, r.new_id) for r in renames] == [(1, "file-3#2")]
    assert renames[0].flag == "id 'file-3' made from the file name and line is already in use; renamed 'file-3#2'"
    # the other way round the made-up id came first; the real one is renamed and the flag says why
    (late,) = IdRegistry().assign(["file-3", "file-3"], [True, False])
    assert late.row == 1 and "already given to a record without an id" in late.flag


def test_ids_across_the_chunk_boundary_of_a_file(tmp_path):
    path = tmp_path / "file.csv"
    rows = ["id,location", "a,Sarmada", ",Idlib", "a,Hama", "file-3,Tadmur", "a,Palmyra", "a#2,Homs"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    from geomap import iter_incidents

    parts = list(iter_incidents(str(path), chunk_rows=2))  # chunks of two rows
    assert len(parts) == 3
    inc = read_incidents(str(path))
    # line 3 has no id: it is "file-3"; line 5's real "file-3" comes later and is renamed, whatever the chunks
    assert inc["event_id_cnty"].tolist() == ["a", "file-3", "a#2", "file-3#2", "a#3", "a#2#2"]
    assert inc["event_id_cnty"].is_unique
    assert inc["flags"].notna().tolist() == [False, False, True, True, True, True]
    assert "already given to a record without an id" in inc["flags"].iloc[3]
    assert [p.incidents["event_id_cnty"].tolist() for p in parts] == [
        ["a", "file-3"],
        ["a#2", "file-3#2"],
        ["a#3", "a#2#2"],
    ]


def test_mentions_follow_their_renamed_incident():
    from geomap import geocode_incidents

    result = geocode_incidents(
        [{"id": "r", "text": "قصف على بلدة سرمدا بريف إدلب"}, {"id": "r", "text": "اشتباكات في مدينة الباب شرقي حلب"}],
        return_all=True,
    )
    m = result.mentions
    assert result.incidents["event_id_cnty"].tolist() == ["r", "r#2"]
    assert m.loc[m["event_id_cnty"] == "r#2", "text"].tolist() == ["الباب", "حلب"]


def test_a_reports_further_events_follow_its_renamed_id():
    ids = IdRegistry()
    assert ids.assign(["r", "r-2"], [False, False], np.array([0, 1])) == []
    renames = ids.assign(["r", "r-2", "r-3", "s", "s-2"], [False] * 5, np.array([0, 1, 2, 0, 1]))
    assert [(r.row, r.new_id) for r in renames] == [(0, "r#2"), (1, "r#2-2"), (2, "r#2-3")]
    assert renames[1].flag == "a further event of report 'r#2', whose id was renamed"
