"""Dask scale-out on a real distributed.LocalCluster with 2 worker processes: the same rows, order and ids as the
single-process path for every input format, in bounded memory."""

import glob
import json
import subprocess
import sys

import geopandas as gpd
import pandas as pd
import pytest

from geomap import read_incidents
from geomap.dask import admin_counts_from_parquet, corpus_parts, process_corpus, process_dataframe
from geomap.incidents import ColumnMap, merged_parts
from geomap.synthetic import incident_table, write_corpus

pytest.importorskip("distributed")
COLUMNS = ["event_id_cnty", "gazetteer_id", "latitude", "longitude", "status", "event_date", "input_file", "input_line"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(1500, tmp_path_factory.mktemp("corpus") / "reports.jsonl")


def parts(folder):
    return pd.concat([gpd.read_parquet(p) for p in sorted(glob.glob(str(folder / "*.parquet")))], ignore_index=True)


def plain(df):
    """Values only: Parquet reads text back as Arrow strings (NaN), the placing gives Python strings (None)."""
    df = df.reset_index(drop=True).astype(object)
    return df.where(df.notna(), None)


def same_rows(a, b, columns=COLUMNS):
    pd.testing.assert_frame_equal(plain(a[columns]), plain(b[columns]))


def test_same_result_as_single_process(cluster, corpus, tmp_path):
    summary = process_corpus([corpus], tmp_path, client=cluster, block_bytes=40_000)
    assert summary["partitions"] > 5 and summary["incidents"] == 1500
    single = read_incidents(str(corpus), return_all=True, merge=False)  # process_corpus keeps every report
    same_rows(parts(tmp_path / "incidents"), single.incidents)
    counts = gpd.read_parquet(tmp_path / "counts_admin1.parquet")
    assert len(counts) == 14 and counts["incidents"].sum() == (single.incidents["status"] == "placed").sum()
    assert len(parts(tmp_path / "mentions")) == summary["mentions"] == len(single.mentions)
    areas = gpd.read_parquet(tmp_path / "areas.parquet")
    assert plain(areas.drop(columns="geometry")).equals(plain(single.areas.drop(columns="geometry")))


def test_reports_split_into_events_and_renamed_ids_as_in_one_process(cluster, tmp_path):
    """Reports telling two events, cut across blocks, and a duplicate report id: the same incidents and coding."""
    two = (
        "قصفت قوات النظام بالمدفعية بلدة كفرنبل في ريف إدلب الجنوبي، ما أسفر عن مقتل ثلاثة مدنيين.\n"
        "وفي حادثة أخرى، انفجرت عبوة ناسفة بسيارة عسكرية في مدينة الباب بريف حلب الشرقي."
    )
    rows = [{"id": f"r{k % 7}", "text": two if k % 3 else "اشتباكات في مدينة الباب شرقي حلب"} for k in range(40)]
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    summary = process_corpus([path], tmp_path / "out", client=cluster, block_bytes=1_000)
    single = read_incidents(str(path), merge=False)
    assert summary["partitions"] > 3 and summary["incidents"] == len(single) > len(rows)
    columns = [*COLUMNS, "event_type", "sub_event_type", "actor1", "fatalities", "notes", "flags"]
    same_rows(parts(tmp_path / "out" / "incidents"), single, columns)
    assert {"r1", "r1-2", "r1#2", "r1#2-2"} <= set(single["event_id_cnty"])


def test_a_rerun_replaces_the_parts_of_an_earlier_one(cluster, corpus, tmp_path):
    process_corpus([corpus], tmp_path, client=cluster, block_bytes=10_000)
    many = len(glob.glob(str(tmp_path / "incidents" / "*.parquet")))
    summary = process_corpus([corpus], tmp_path, client=cluster, block_bytes=200_000)
    assert len(glob.glob(str(tmp_path / "incidents" / "*.parquet"))) == summary["partitions"] < many
    assert len(parts(tmp_path / "incidents")) == 1500
    assert not list(tmp_path.glob(".geomap-parts-*"))  # the staging folder is gone


def test_corpus_many_times_the_partition_size_streams_through(cluster, corpus, tmp_path):
    # 1,500 reports in ~40 partitions on workers limited to 1 GiB each: every part holds one partition only.
    summary = process_corpus([corpus], tmp_path, client=cluster, block_bytes=10_000)
    assert summary["partitions"] >= 30
    sizes = [len(gpd.read_parquet(p)) for p in glob.glob(str(tmp_path / "incidents" / "*.parquet"))]
    assert sum(sizes) == 1500 and max(sizes) < 100
    assert len(cluster.scheduler_info()["workers"]) == 2  # no worker was killed for memory


def test_ids_are_unique_across_blocks_as_in_one_process(cluster, tmp_path):
    lines = [{"id": "dup" if i % 50 == 0 else f"r{i}", "text": "قصف على بلدة سرمدا بريف إدلب"} for i in range(400)]
    path = tmp_path / "dups.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    table = tmp_path / "table.csv"  # no id column: FILE-LINE ids, numbered over the file, not per block
    incident_table(300, seed=3).drop(columns="event_id_cnty").to_csv(table, index=False)
    process_corpus([path, table], tmp_path / "out", client=cluster, block_bytes=1_000)
    got = parts(tmp_path / "out" / "incidents")
    same_rows(got, read_incidents([str(path), str(table)]), [*COLUMNS, "flags"])
    assert got["event_id_cnty"].is_unique and "dup#8" in set(got["event_id_cnty"])
    assert got["event_id_cnty"].iloc[400] == "table-2" and got["input_file"].iloc[-1] == str(table)


def test_reading_options_reach_the_workers(cluster, tmp_path):
    path = tmp_path / "arabic.csv"
    text = "رقم,المكان,الوصف\n1,سرمدا,قصف\n2,,اشتباكات في مدينة الباب شرقي حلب\n"
    path.write_bytes(text.encode("cp1256"))
    columns = ColumnMap.from_options(location_column="المكان", text_column="الوصف", id_column="رقم")
    process_corpus([path], tmp_path / "out", client=cluster, encoding="cp1256", columns=columns)
    got = parts(tmp_path / "out" / "incidents")
    assert got["event_id_cnty"].tolist() == ["1", "2"] and got["gazetteer_id"].tolist() == ["C4121", "C1202"]


def test_dask_dataframe_input(cluster, tmp_path):
    import dask.dataframe as dd

    pdf = pd.DataFrame({"text": ["قصف على بلدة سرمدا بريف إدلب", "اشتباكات في مدينة الباب شرقي حلب"] * 20})
    summary = process_dataframe(dd.from_pandas(pdf, npartitions=4), tmp_path, client=cluster)
    assert summary == {**summary, "partitions": 4, "incidents": 40, "placed": 40}
    rows = parts(tmp_path / "incidents")
    assert rows["event_id_cnty"].tolist() == [f"data-{i}" for i in range(1, 41)]  # as geocode_incidents numbers them


def test_spatial_join_counts_agree_with_stored_admin_codes(cluster, corpus, tmp_path):
    process_corpus([corpus], tmp_path, client=cluster, block_bytes=80_000)
    joined = admin_counts_from_parquet(tmp_path / "incidents", level=1).set_index("pcode")["incidents"]
    stored = gpd.read_parquet(tmp_path / "counts_admin1.parquet").set_index("pcode")["incidents"]
    stored = stored[stored > 0]
    # The join can only miss points that lie just off the quantised coastline (Tartous, Arwad); it never invents.
    joined = joined.reindex(stored.index, fill_value=0)
    assert (joined <= stored).all()
    assert joined.sum() >= 0.95 * stored.sum()
    inland = ["SY01", "SY02", "SY03", "SY04", "SY05", "SY07", "SY09", "SY11", "SY12", "SY13"]
    assert (joined[stored.index.intersection(inland)] == stored[stored.index.intersection(inland)]).all()


def every_format(folder, samples):
    """A folder holding one file of each supported type."""
    from openpyxl import Workbook

    from geomap import write_geojson

    folder.mkdir()
    (folder / "a_report.txt").write_text("قصف مدفعي على بلدة سرمدا بريف إدلب الشمالي", encoding="utf-8")
    (folder / "b_note.md").write_text("اشتباكات في مدينة الباب شرقي حلب", encoding="utf-8")
    (folder / "c_reports.jsonl").write_text((samples / "reports.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "d_list.json").write_text(json.dumps(["غارة على مواقع في البادية السورية"], ensure_ascii=False))
    table = incident_table(30, seed=2)
    table.drop(columns="event_id_cnty").to_csv(folder / "e_table.csv", index=False)
    table.head(10).to_csv(folder / "f_table.tsv", sep="\t", index=False)
    wb = Workbook()
    wb.active.append(["id", "location"])
    wb.active.append(["x1", "Sarmada"])
    wb.save(folder / "g_book.xlsx")
    placed = read_incidents(str(samples / "incidents_acled.csv"))
    placed = placed[placed["status"] == "placed"][["event_id_cnty", "notes", "geometry"]]
    placed.to_parquet(folder / "h_points.parquet")  # GeoParquet: coordinates only in its geometry
    write_geojson(placed.head(3), folder / "i_points.geojson")


def test_a_folder_of_every_format_through_the_command_line(tmp_path, samples):
    folder = tmp_path / "in"
    every_format(folder, samples)
    geomap = [sys.executable, "-m", "geomap.cli", "-q", "incidents", str(folder)]
    subprocess.run([*geomap, "-o", str(tmp_path / "one.csv")], check=True, capture_output=True)
    dask = [*geomap, "-o", str(tmp_path / "dask.csv"), "--scheduler", "processes", "--workers", "2"]
    done = subprocess.run(dask, check=True, capture_output=True, text=True)
    assert (tmp_path / "dask.csv").read_bytes() == (tmp_path / "one.csv").read_bytes(), done.stderr
    got = pd.read_csv(tmp_path / "dask.csv", dtype=str)
    assert got["input_file"].str.contains("h_points.parquet").sum() == len(pd.read_parquet(folder / "h_points.parquet"))
    assert (got.loc[got["input_file"].str.contains("h_points"), "match_method"] == "coordinates").all()
    assert got["event_id_cnty"].is_unique and {"a_report", "b_note", "x1", "e_table-2"} <= set(got["event_id_cnty"])


def test_one_geoparquet_file_from_the_command_line(corpus, tmp_path):
    from click.testing import CliRunner

    from geomap.cli import main

    out = tmp_path / "out.parquet"
    args = ["incidents", str(corpus), "-o", str(out), "--scheduler", "threads", "--workers", "2"]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, r.output
    got = gpd.read_parquet(out)
    same_rows(got, read_incidents(str(corpus)))
    assert got.crs.to_epsg() == 4326 and not list(tmp_path.glob(".geomap-parts-*"))
    assert CliRunner().invoke(main, ["incidents", "-", "-o", str(out), "--scheduler", "threads"]).exit_code == 2


def test_reports_merged_on_the_workers_as_in_one_process(cluster, corpus, tmp_path):
    # Each event type's merge is planned on a worker; the merged incidents are those one process gives.
    with corpus_parts([corpus], staging_dir=tmp_path, client=cluster, block_bytes=40_000, merge=True) as stream:
        got = pd.concat([p.incidents for p in stream], ignore_index=True)
    with corpus_parts([corpus], staging_dir=tmp_path, client=cluster, block_bytes=40_000) as stream:
        here = pd.concat([p.incidents for p in merged_parts(stream, tmp_path)], ignore_index=True)
    pd.testing.assert_frame_equal(got, here)  # every cell and type as the staged parts merged in this process
    single = read_incidents(str(corpus))  # merged in one process
    assert (got["source_count"] > 1).sum() > 20 and len(got) < 1500  # many reports of one event merged
    columns = [*COLUMNS, "event_type", "source_count", "merged_ids", "source", "fatalities", "injuries"]
    same_rows(got, single, columns)
    assert not list(tmp_path.glob(".geomap-parts-*"))  # the staged parts are gone


def test_renamed_ids_reach_the_merge_as_in_one_process(cluster, tmp_path):
    # Duplicate report ids cut across blocks are renamed after the workers place them; the merge sees the new ids.
    shelling = "قصفت قوات النظام بالمدفعية بلدة كفرنبل في ريف إدلب الجنوبي، ما أسفر عن مقتل ثلاثة مدنيين."
    clash = "اشتباكات عنيفة في مدينة الباب شرقي حلب بين فصائل المعارضة وقوات النظام."
    rows = [
        {"id": f"r{k % 5}", "date": f"2025-06-0{1 + k % 3}", "source": f"outlet {k}", "text": (shelling, clash)[k % 2]}
        for k in range(30)
    ]
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    with corpus_parts([path], staging_dir=tmp_path, client=cluster, block_bytes=800, merge=True) as stream:
        got = pd.concat([p.incidents for p in stream], ignore_index=True)
    single = read_incidents(str(path))
    assert got["merged_ids"].str.contains("#").any()  # a renamed id was merged away
    same_rows(got, single, [*COLUMNS, "source_count", "merged_ids", "source"])
