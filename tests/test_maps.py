"""Maps: hostile text never runs (neither in the analyst's Python nor in the browser), the offline page needs no
network, and every incident is drawn. Browser checks use Debian's Chromium through Playwright."""

import json
import shutil

import geopandas as gpd
import pytest

from geomap import geocode_incidents, incident_map, save_map
from geomap.maps import safe_json
from geomap.maps.static import save_static_map

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
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def hostile_incidents(n_extra: int = 0) -> gpd.GeoDataFrame:
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
                "source": p,
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
    return geocode_incidents(rows, return_all=True)


def test_safe_json_round_trips_and_hides_markup():
    value = {"a": PAYLOADS, "n": [1, 2.5, None], "nested": {"k": "{{x}}"}}
    text = safe_json(value)
    assert json.loads(text) == value
    for bad in ("<", ">", "{{", "{%", "`", "$"):
        assert bad not in text.replace('{"', "").replace("},", "").replace("}]", "").replace("}}", ""), bad


def test_template_syntax_in_data_is_not_executed(tmp_path):
    result = hostile_incidents()
    m = incident_map(result.incidents, areas=result.areas, mentions=result.mentions, title=PAYLOADS[4], offline=True)
    path = save_map(m, tmp_path / "map.html")
    html = path.read_text(encoding="utf-8")
    assert "1337" not in html  # {{ 7*191 }} was not evaluated
    assert "\\u007b\\u007b cycler.__init__.__globals__.os.getpid() \\u007d\\u007d" in html  # kept as inert text
    assert "XXX" not in html  # the for loop did not run
    assert "<img src=x" not in html and "<script>alert(1)" not in html


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.fail("Chromium is not installed: .ci/run installs Debian's chromium for the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield b
        b.close()


def open_page(browser, path, *, offline=True):
    ctx = browser.new_context(offline=offline, viewport={"width": 1200, "height": 850})
    page = ctx.new_page()
    events = {"dialogs": [], "errors": [], "console": [], "requests": []}
    page.on("dialog", lambda d: (events["dialogs"].append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: events["errors"].append(str(e)))
    page.on("console", lambda m: events["console"].append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: events["requests"].append(r.url))
    page.goto(path.as_uri())
    page.wait_for_selector("#geomap-stats[data-ready='1']", state="attached", timeout=30000)
    return page, events


@pytest.mark.browser
def test_hostile_map_in_chromium(browser, tmp_path, artifacts):
    result = hostile_incidents()
    m = incident_map(result.incidents, areas=result.areas, mentions=result.mentions, title=PAYLOADS[0], offline=True)
    path = save_map(m, tmp_path / "hostile.html")
    page, events = open_page(browser, path)
    assert page.get_attribute("#geomap-stats", "data-incidents") == str(len(PAYLOADS))
    assert page.get_attribute("#geomap-stats", "data-drawn") == str(len(PAYLOADS))
    texts = page.evaluate("""() => {
        const map = Object.values(window).find(v => v instanceof L.Map);
        const out = [];
        map.eachLayer(l => { if (l.getPopup && l.getPopup() && l.getLatLng) { l.openPopup();
            const el = l.getPopup().getElement().querySelector('.leaflet-popup-content');
            out.push([el.textContent, el.querySelectorAll('img,script,iframe').length,
                      el.querySelector('.geomap-popup').getAttribute('dir'),
                      Array.from(el.querySelectorAll('a')).map(a => a.getAttribute('href'))]); } });
        return out; }""")
    assert len(texts) == len(PAYLOADS)
    shown = " ".join(t[0] for t in texts)
    for p in PAYLOADS:
        assert p in shown  # shown literally, as text
    assert all(t[1] == 0 for t in texts)  # no element was made from the data
    assert all(t[2] == "rtl" for t in texts)
    assert all(href is None or href.startswith("http") for t in texts for href in t[3])
    assert page.title() == PAYLOADS[0]
    assert events["dialogs"] == [] and events["errors"] == [] and events["console"] == []
    page.screenshot(path=str(artifacts / "map_hostile.png"))


@pytest.mark.browser
def test_sample_map_offline_shows_areas_and_points(browser, tmp_path, artifacts, sample_result):
    m = incident_map(
        sample_result.incidents,
        areas=sample_result.areas,
        mentions=sample_result.mentions,
        choropleth="admin1",
        offline=True,
        title="حوادث العينة",
    )
    path = save_map(m, tmp_path / "sample.html")
    page, events = open_page(browser, path)
    with_geometry = sample_result.incidents.geometry.notna().sum()
    assert page.get_attribute("#geomap-stats", "data-incidents") == str(with_geometry)
    assert int(page.get_attribute("#geomap-stats", "data-areas")) == len(sample_result.areas) >= 3
    assert [r for r in events["requests"] if not r.startswith(("file:", "data:"))] == []
    assert events["errors"] == [] and events["console"] == []
    page.screenshot(path=str(artifacts / "map_sample_offline.png"))


@pytest.mark.browser
def test_clustered_rendering_counts_every_incident(browser, tmp_path):
    result = hostile_incidents(n_extra=3000)
    m = incident_map(result.incidents, cluster="fast", offline=True)
    page, events = open_page(browser, save_map(m, tmp_path / "cluster.html"))
    assert page.get_attribute("#geomap-stats", "data-incidents") == str(len(result.incidents))
    assert page.get_attribute("#geomap-stats", "data-drawn") == str(len(result.incidents))
    assert events["errors"] == []


def test_online_map_uses_tiles_and_plugins(tmp_path, sample_result):
    m = incident_map(sample_result.incidents, heat=True, choropleth="admin2")
    html = save_map(m, tmp_path / "online.html").read_text(encoding="utf-8")
    assert "tile.openstreetmap.org" in html and "heatLayer" in html
    assert "geomapRender(" in html
    with pytest.raises(ValueError):
        incident_map(sample_result.incidents, choropleth="admin9")


@pytest.mark.parametrize("ext", [".png", ".svg", ".pdf"])
def test_static_maps(tmp_path, sample_result, ext, artifacts):
    path = save_static_map(
        sample_result.incidents, tmp_path / f"m{ext}", areas=sample_result.areas, title="حوادث تشرين الثاني"
    )
    data = path.read_bytes()
    assert data[:4] in (b"\x89PNG", b"<?xm", b"%PDF") or data.lstrip().startswith(b"<svg")
    if ext == ".png":
        (artifacts / "static_sample.png").write_bytes(data)
