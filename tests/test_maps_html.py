"""geomap.maps.interactive and html_page: the saved page is self-contained, deterministic, in the interface
language, and hostile text in any field is inert (template syntax is not executed when the map is saved)."""

import re

import pytest

from geomap import geocode_incidents, incident_map, save_map
from geomap.exc import OutputError

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "${alert(1)}",
    "\\`);alert(1);//",
    "</script><script>alert(1)</script>",
    "{{ 7*191 }}",
    "{% for x in range(3) %}X{% endfor %}",
    "{{ cycler.__init__.__globals__.os.getpid() }}",
    "javascript:alert(1)",
]


def hostile_rows(n_extra: int = 0) -> list[dict]:
    """Every text field the map shows carries a payload."""
    rows = []
    for i, p in enumerate(PAYLOADS):
        rows.append(
            {
                "id": f"h{i}",
                "latitude": 35.0 + i * 0.1,
                "longitude": 37.0 + i * 0.1,
                "notes": f"{p} قصف على بلدة سرمدا {p}",
                "location": p,
                "event_type": p,
                "sub_event_type": p,
                "actor1": p,
                "actor2": p,
                "source": f"{p}; {p}",
                "url": p,
                "date": "2025-11-0" + str(1 + i % 9),
            }
        )
    for i in range(n_extra):
        rows.append(
            {
                "id": f"e{i}",
                "latitude": 33 + (i % 40) * 0.1,
                "longitude": 36 + (i % 50) * 0.1,
                "notes": "اشتباكات",
                "date": "2025-10-01",
            }
        )
    return rows


def hostile_result(n_extra: int = 0):
    return geocode_incidents(hostile_rows(n_extra), return_all=True)


def test_template_syntax_in_data_is_not_executed(tmp_path):
    result = hostile_result()
    m = incident_map(result.incidents, areas=result.areas, mentions=result.mentions, title=PAYLOADS[4], offline=True)
    html = save_map(m, tmp_path / "map.html").read_text(encoding="utf-8")
    assert not re.search(r"(?<![\d.])1337(?!\d)", html)  # {{ 7*191 }} was not evaluated (digits of coordinates aside)
    island = html.split('<script type="application/json" id="geomap-data">', 1)[1].split("</script>", 1)[0]
    assert "{{ cycler.__init__.__globals__.os.getpid() }}" in island  # kept as inert data, never a template
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in island  # no string can end the data island
    assert "XXX" not in html  # the for loop did not run
    assert "<img src=x" not in html and "<script>alert(1)" not in html


@pytest.mark.parametrize("offline", [True, False])
def test_page_is_self_contained_and_deterministic(tmp_path, sample_result, offline):
    def build(name: str):
        m = incident_map(
            sample_result.incidents,
            areas=sample_result.areas,
            mentions=sample_result.mentions,
            choropleth="admin2",
            heat=True,
            offline=offline,
        )
        return save_map(m, tmp_path / name).read_bytes()

    first, second = build("a.html"), build("b.html")
    assert first == second  # same input, same bytes
    html = first.decode("utf-8")
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=\"?https?:", html)  # nothing loaded from a CDN
    assert "@main" not in html and "cdn.jsdelivr" not in html
    assert ("tile.openstreetmap.org" in html) is not offline  # online pages offer tiles as a choice


@pytest.mark.parametrize(("lang", "direction", "battles"), [("ar", "rtl", "معارك"), ("en", "ltr", "Battles")])
def test_page_language(tmp_path, sample_result, lang, direction, battles):
    html = save_map(incident_map(sample_result.incidents, lang=lang), tmp_path / "m.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert battles in html
    assert ("مجموعة مسلحة مجهولة" in html) is (lang == "ar")  # the coding's actors named in the interface language


def test_bad_options_and_outputs_are_refused(tmp_path, sample_result):
    with pytest.raises(ValueError, match="admin9"):
        incident_map(sample_result.incidents, choropleth="admin9")
    with pytest.raises(ValueError, match="fast"):
        incident_map(sample_result.incidents, cluster="fast")
    with pytest.raises(ValueError, match="fr"):
        incident_map(sample_result.incidents, lang="fr")
    with pytest.raises(OutputError):
        save_map(incident_map(sample_result.incidents), tmp_path / "m.txt")
