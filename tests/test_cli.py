import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from geomap import __version__
from geomap.cli import main

GEOMAP = [sys.executable, "-m", "geomap.cli"]


@pytest.fixture()
def runner():
    return CliRunner()


def test_help_and_version_show_arabic_examples(runner):
    r = runner.invoke(main, ["--help"])
    assert r.exit_code == 0 and "سرمدا" in r.output
    for cmd in ("map", "incidents", "geoparse", "geocode", "reverse"):
        sub = runner.invoke(main, [cmd, "--help"])
        assert sub.exit_code == 0 and "Example" in sub.output, cmd
    assert __version__ in runner.invoke(main, ["--version"]).output


def test_geoparse_reads_stdin_and_writes_json_lines(runner):
    r = runner.invoke(main, ["geoparse", "-"], input="قصف مدفعي على بلدة سرمدا بريف إدلب الشمالي".encode())
    assert r.exit_code == 0
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert [x["place_id"] for x in rows] == ["C4121", "SY07"]
    assert "سرمدا" in r.output  # UTF-8, not \\u escapes


def test_geoparse_formats_and_files(runner, samples, tmp_path):
    r = runner.invoke(main, ["geoparse", str(samples / "reports.jsonl"), "--format", "csv", "--syria-only"])
    assert r.exit_code == 0 and r.output.splitlines()[0].startswith("record,start,end")
    g = runner.invoke(main, ["geoparse", str(samples / "reports.jsonl"), "--format", "geojson"])
    doc = json.loads(g.output)
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) > 10


def test_geocode_and_reverse(runner, samples, tmp_path):
    r = runner.invoke(main, ["geocode", "Tadmur town", "ريف حلب الشرقي", "Atlantis"])
    rows = [json.loads(x) for x in r.output.splitlines()]
    assert [x.get("id") for x in rows] == ["C2889", "SY02", None] and rows[2]["found"] is False
    out = tmp_path / "placed.csv"
    t = runner.invoke(main, ["geocode", "--column", "location", str(samples / "incidents_acled.csv"), "-o", str(out)])
    assert t.exit_code == 0 and "geocoded_lat" in out.read_text(encoding="utf-8-sig")
    rev = json.loads(runner.invoke(main, ["reverse", "36.18", "36.72"]).output)
    assert rev["community"]["id"] == "C4121" and rev["governorate"]["name_ar"] == "إدلب"


def test_gazetteer_commands(runner, tmp_path):
    info = runner.invoke(main, ["gazetteer", "info"])
    assert info.exit_code == 0 and "governorate        14" in info.output and "CC BY 3.0 IGO" in info.output
    found = [
        json.loads(x)
        for x in runner.invoke(main, ["gazetteer", "search", "الطيبة", "--kind", "community"]).output.splitlines()
    ]
    assert len(found) >= 6  # الطيبة names at least six villages
    shown = json.loads(runner.invoke(main, ["gazetteer", "show", "C4121"]).output)
    assert [p["id"] for p in shown["parents"]] == ["SY070301", "SY0703", "SY07"]
    out = tmp_path / "regions.geojson"
    assert runner.invoke(main, ["gazetteer", "export", "region", "-o", str(out)]).exit_code == 0
    assert "البادية السورية" in out.read_text(encoding="utf-8")


def test_incidents_and_map_commands(runner, samples, tmp_path):
    out = tmp_path / "inc.gpkg"
    r = runner.invoke(main, ["incidents", str(samples), "-o", str(out), "--layers-dir", str(tmp_path / "L")])
    assert r.exit_code == 0, r.output
    assert "not placed" in r.output  # a partial failure is a warning with counts
    assert (tmp_path / "L" / "counts_admin3.geojson").exists()
    again = runner.invoke(main, ["incidents", str(samples), "-o", str(out)])
    assert again.exit_code == 1 and "exists" in again.output
    html = tmp_path / "m.html"
    m = runner.invoke(
        main,
        [
            "map",
            str(samples / "reports.jsonl"),
            "-o",
            str(html),
            "--offline",
            "--no-time",
            "--choropleth",
            "admin1",
            "--title",
            "خريطة",
        ],
    )
    assert m.exit_code == 0 and html.stat().st_size > 100_000
    png = runner.invoke(main, ["map", str(samples / "incidents_acled.csv"), "-o", str(tmp_path / "m.png")])
    assert png.exit_code == 0 and (tmp_path / "m.png").read_bytes()[:4] == b"\x89PNG"


def test_incidents_merge_reports_of_one_event_unless_told_not_to(runner, tmp_path):
    reports = tmp_path / "r.jsonl"
    one_strike = [
        ("a", "قتل مدنيان بغارة من طائرة مسيرة استهدفت سيارة في بلدة سرمدا بريف إدلب الشمالي."),
        ("b", "مقتل شخصين جراء استهداف طائرة مسيرة لسيارة مدنية وسط مدينة سرمدا شمالي إدلب."),
    ]
    rows = [{"id": i, "date": "2025-03-14", "source": f"outlet {i}", "text": t} for i, t in one_strike]
    reports.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    for flag, expected in (([], [("a", "2", "b")]), (["--no-merge"], [("a", "1", ""), ("b", "1", "")])):
        out = tmp_path / f"out{len(flag)}.csv"
        r = runner.invoke(main, ["incidents", str(reports), "-o", str(out), *flag])
        assert r.exit_code == 0, r.output
        got = pd.read_csv(out, dtype=str, keep_default_na=False)
        assert list(zip(got["event_id_cnty"], got["source_count"], got["merged_ids"], strict=True)) == expected
        assert set(got["sub_event_type"]) == {"Air/drone strike"}


def test_errors_are_one_line_with_exit_codes(runner, tmp_path):
    missing = runner.invoke(main, ["map", str(tmp_path / "nope.csv"), "-o", str(tmp_path / "x.html")])
    assert missing.exit_code == 1 and "nope.csv" in missing.output and "Traceback" not in missing.output
    bad = tmp_path / "bad.json"
    bad.write_text('[{"text": "قصف', encoding="utf-8")
    broken = runner.invoke(main, ["incidents", str(bad), "-o", str(tmp_path / "o.geojson")])
    assert broken.exit_code == 1 and "bad.json" in broken.output and "line 1" in broken.output
    assert runner.invoke(main, ["map", "-o", str(tmp_path / "x.html"), "--bogus"]).exit_code == 2
    assert runner.invoke(main, ["incidents", "x.csv"]).exit_code == 2  # no output named
    assert runner.invoke(main, ["map", str(tmp_path / "nope.csv"), "-o", str(tmp_path / "x.txt")]).exit_code != 0
    assert runner.invoke(main, ["reverse", "--", "500", "1"]).exit_code == 2


def test_real_processes_pipe(tmp_path, samples):
    text = "اشتباكات في ريف حلب الشرقي وقصف على بلدة سرمدا"
    p = subprocess.run([*GEOMAP, "geoparse", "-"], input=text.encode(), capture_output=True, check=True)
    assert [json.loads(x)["place_id"] for x in p.stdout.decode().splitlines()] == ["SY02", "C4121"]
    out = tmp_path / "stdin.html"
    q = subprocess.run([*GEOMAP, "map", "-", "-o", str(out), "--offline"], input=text.encode(), capture_output=True)
    assert q.returncode == 0 and out.exists()
    e = subprocess.run([*GEOMAP, "incidents", "missing.csv", "-o", str(tmp_path / "x.geojson")], capture_output=True)
    assert e.returncode == 1 and e.stderr.decode().startswith("Error:") and b"Traceback" not in e.stderr
    assert Path(tmp_path / "x.geojson").exists() is False
