"""`geomap map`: map options reach the map, and a bad output is refused before any input is read."""

import pytest
from click.testing import CliRunner

from geomap.cli import main


@pytest.fixture
def runner():
    return CliRunner()


def test_bad_output_suffix_is_refused_before_reading_inputs(runner, tmp_path):
    r = runner.invoke(main, ["map", str(tmp_path / "missing.csv"), "-o", str(tmp_path / "map.txt")])
    assert r.exit_code == 2 and "map.txt" in r.output and "missing.csv" not in r.output
    assert runner.invoke(main, ["map", "x.csv", "-o", "m.html", "--cluster", "fast"]).exit_code == 2
    assert runner.invoke(main, ["map", "x.csv", "-o", "m.html", "--lang", "fr"]).exit_code == 2


def test_language_and_choropleth_reach_html_and_static_maps(runner, tmp_path, samples):
    html = tmp_path / "m.html"
    r = runner.invoke(main, ["map", str(samples / "incidents_acled.csv"), "-o", str(html), "--lang", "en", "--heat"])
    assert r.exit_code == 0, r.output
    text = html.read_text(encoding="utf-8")
    assert '<html lang="en" dir="ltr">' in text and '"heat":true' in text and "tile.openstreetmap.org" in text
    offline = tmp_path / "o.html"
    assert (
        runner.invoke(main, ["map", str(samples / "incidents_acled.csv"), "-o", str(offline), "--offline"]).exit_code
        == 0
    )
    assert "tile.openstreetmap.org" not in offline.read_text(encoding="utf-8")
    svg = tmp_path / "m.svg"
    args = ["map", str(samples / "incidents_acled.csv"), "-o", str(svg), "--choropleth", "admin1", "--lang", "en"]
    assert runner.invoke(main, args).exit_code == 0
    assert "Incidents per admin unit" in svg.read_text(encoding="utf-8")
