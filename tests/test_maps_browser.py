"""The HTML map in Debian's Chromium (Playwright): what an analyst sees and does, on a desktop and a phone, with
the network off. Screenshots of the demo map go to tests/artifacts/."""

import json
import shutil
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from geomap import incident_map, save_map
from tests.test_maps_html import PAYLOADS, hostile_result

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.fail("Chromium is not installed: .ci/run installs Debian's chromium for the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield b
        b.close()


def open_page(browser, path, *, viewport=DESKTOP, offline=True, hash_part=""):
    ctx = browser.new_context(offline=offline, viewport=viewport, accept_downloads=True)
    page = ctx.new_page()
    events = {"dialogs": [], "errors": [], "console": [], "requests": []}
    page.on("dialog", lambda d: (events["dialogs"].append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: events["errors"].append(str(e)))
    page.on("console", lambda m: events["console"].append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: events["requests"].append(r.url))
    page.goto(path.as_uri() + hash_part)
    page.wait_for_selector("#geomap-stats[data-ready='1']", state="attached", timeout=30000)
    return page, events


def stat(page, name: str) -> int:
    return int(page.get_attribute("#geomap-stats", f"data-{name}"))


def frame(rows: list[dict]) -> gpd.GeoDataFrame:
    df = pd.DataFrame(rows)
    return gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df["longitude"], df["latitude"]), crs="EPSG:4326")


def page_point(page, lat: float, lon: float) -> tuple[float, float]:
    """Where a place is on the page (for the mouse)."""
    return tuple(
        page.evaluate(
            """([lat, lon]) => { const m = window.geomap.map, p = m.latLngToContainerPoint([lat, lon]),
                r = m.getContainer().getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }""",
            [lat, lon],
        )
    )


def marks(page) -> list[dict]:
    return page.evaluate(
        """() => { const r = window.geomap.map.getContainer().getBoundingClientRect();
            return window.geomap.points.marks.map(m => ({x: r.left + m.x, y: r.top + m.y, n: m.members.length,
                                                         leg: !!m.leg, i: m.i})); }"""
    )


def rect(page, selector: str) -> dict | None:
    return page.evaluate(
        """(sel) => { const e = Array.from(document.querySelectorAll(sel)).at(-1); if (!e) return null;
            const r = e.getBoundingClientRect();
            return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; }""",
        selector,
    )


def settled_rect(page, selector: str) -> dict:
    """The element's box once it has stopped moving (Leaflet pans the map, animated, to show a popup)."""
    last = None
    for _ in range(40):
        now = rect(page, selector)
        if now == last:
            return now
        last = now
        page.wait_for_timeout(60)
    return last


def inside(inner: dict, outer: dict) -> bool:
    return (
        inner["left"] >= outer["left"] - 0.5
        and inner["right"] <= outer["right"] + 0.5
        and (inner["top"] >= outer["top"] - 0.5 and inner["bottom"] <= outer["bottom"] + 0.5)
    )


def overlap(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.fixture(scope="module")
def demo_html(tmp_path_factory, sample_result):
    """The map `make demo` writes: the shipped sample reports and ACLED table, offline, choropleth by governorate."""
    m = incident_map(
        sample_result.incidents,
        areas=sample_result.areas,
        mentions=sample_result.mentions,
        choropleth="admin1",
        offline=True,
        title="حوادث من التقارير والجداول النموذجية",
    )
    return save_map(m, tmp_path_factory.mktemp("demo") / "demo.html")


# ----------------------------------------------------------------------------------------------- safety
def test_hostile_text_in_every_field_stays_text(browser, tmp_path, artifacts):
    result = hostile_result()
    m = incident_map(result.incidents, areas=result.areas, mentions=result.mentions, title=PAYLOADS[0], offline=True)
    page, events = open_page(browser, save_map(m, tmp_path / "hostile.html"))
    n = stat(page, "incidents")
    assert n == stat(page, "drawn") == len(PAYLOADS)
    popups = page.evaluate(
        """(n) => { const out = [];
        for (let i = 0; i < n; i++) { window.geomap.openIncident(i);
            const el = Array.from(document.querySelectorAll('.leaflet-popup-content')).at(-1);  // old ones fade out
            out.push([el.textContent, el.querySelectorAll('img,script,iframe,svg').length,
                      Array.from(el.querySelectorAll('a')).map(a => a.getAttribute('href'))]); }
        return out; }""",
        n,
    )
    shown = " ".join(p[0] for p in popups)
    for p in PAYLOADS:
        assert p in shown  # place, type, sub-type, actors, sources and notes shown literally
    assert all(p[1] == 0 for p in popups)
    assert all(href is None or href.startswith("http") for p in popups for href in p[2])
    panel = page.inner_text("#geomap-panel")
    assert PAYLOADS[0] in panel and PAYLOADS[4] in panel  # type names in the legend, as text
    assert page.title() == PAYLOADS[0]
    assert events["dialogs"] == [] and events["errors"] == [] and events["console"] == []
    page.screenshot(path=str(artifacts / "map_hostile.png"))


def test_url_hash_is_not_an_injection_vector(browser, tmp_path):
    result = hostile_result()
    path = save_map(incident_map(result.incidents, offline=True), tmp_path / "hash.html")
    hostile_hash = (
        "#z=7&c=alert(1),2&hide=0,<img src=x onerror=alert(1)>&prec=javascript:alert(1)"
        "&from=2025-11-01<script>&actor=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%24%7Balert(1)%7D"
    )
    page, events = open_page(browser, path, hash_part=hostile_hash)
    actor = page.eval_on_selector("#geomap-panel input[list]", "e => e.value")
    assert actor == "<img src=x onerror=alert(1)>${alert(1)}"  # kept as a search string
    assert page.evaluate("document.querySelectorAll('#geomap-panel img, body > img').length") == 0
    assert events["dialogs"] == [] and events["errors"] == []


# ------------------------------------------------------------------------------------ offline and basemap
def test_offline_page_has_neighbours_labels_and_attribution(browser, demo_html):
    page, events = open_page(browser, demo_html)
    assert [r for r in events["requests"] if not r.startswith(("file:", "data:", "blob:"))] == []
    assert events["errors"] == [] and events["console"] == []
    land = page.evaluate("document.querySelectorAll('.leaflet-geomapLand-pane path').length")
    assert land >= 14 + 14  # the neighbouring countries and Syria's governorates
    labels = page.evaluate("window.geomap.labels.placed")
    assert {"تركيا", "العراق", "لبنان", "البحر المتوسط"} <= set(labels)
    assert {"حلب", "دمشق", "دير الزور"} <= set(labels)
    attribution = page.inner_text(".leaflet-control-attribution")
    assert "OCHA" in attribution and "CC BY 3.0 IGO" in attribution
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]


def test_online_page_without_internet_keeps_the_builtin_map(browser, tmp_path, sample_result):
    path = save_map(incident_map(sample_result.incidents), tmp_path / "online.html")
    page, events = open_page(browser, path, offline=True)
    assert events["errors"] == []  # Leaflet is inlined: the page works with no network
    page.hover(".leaflet-control-layers")
    page.get_by_label("OpenStreetMap").check()
    page.wait_for_selector(".geomap-notice:not([hidden])", timeout=10000)
    assert "تعذر تحميل خريطة الإنترنت" in page.inner_text(".geomap-notice")
    assert page.evaluate("document.querySelectorAll('.leaflet-geomapLand-pane path').length") > 0


def test_search_finds_gazetteer_places_and_says_when_nothing_matches(browser, demo_html):
    page, _ = open_page(browser, demo_html)
    search = page.get_by_label("ابحث عن مكان")
    search.fill("قطنا")  # a town with no incident in the sample
    assert "قطنا" in page.inner_text(".geomap-results")
    search.press("Enter")
    assert page.evaluate("window.geomap.map.getZoom()") >= 10
    page.wait_for_timeout(200)
    assert len(page.evaluate("window.geomap.labels.placed")) >= 5  # the zoomed-in screen is not blank
    search.fill("ززززز")
    assert page.inner_text(".geomap-status") == "لا يوجد مكان بهذا الاسم"
    assert page.evaluate("document.querySelectorAll('.geomap-results li').length") == 0


# --------------------------------------------------------------------------------- incidents and clusters
def test_one_incident_map_opens_on_the_town(browser, tmp_path):
    one = frame([{"event_id_cnty": "one", "latitude": 34.5573, "longitude": 38.2773, "event_type": "Battles"}])
    for offline in (True, False):
        page, events = open_page(browser, save_map(incident_map(one, offline=offline), tmp_path / f"one{offline}.html"))
        assert events["errors"] == [], events["errors"]
        zoom = page.evaluate("window.geomap.map.getZoom()")
        assert 8 <= zoom <= 10
        assert stat(page, "marks") == 1 and stat(page, "drawn") == 1


def test_empty_and_unplaced_maps_open_without_errors(browser, tmp_path):
    unplaced = gpd.GeoDataFrame({"notes": ["لا مكان"], "status": ["unplaced"]}, geometry=[None], crs="EPSG:4326")
    for name, gdf in (("empty", unplaced.iloc[:0]), ("unplaced", unplaced)):
        page, events = open_page(browser, save_map(incident_map(gdf, offline=True), tmp_path / f"{name}.html"))
        assert events["errors"] == [] and stat(page, "incidents") == 0
        assert page.evaluate("window.geomap.map.getZoom()") == 7  # Syria, with its neighbours
        assert page.is_disabled("text=GeoJSON")


def test_thirty_incidents_at_one_point_are_discoverable(browser, tmp_path):
    rows = [
        {"event_id_cnty": f"d{i}", "latitude": 34.7324, "longitude": 36.7137, "event_type": "Battles"}
        for i in range(30)
    ]
    rows.append({"event_id_cnty": "far", "latitude": 36.2, "longitude": 37.15, "event_type": "Protests"})
    page, events = open_page(browser, save_map(incident_map(frame(rows), offline=True), tmp_path / "thirty.html"))
    cluster = next(m for m in marks(page) if m["n"] > 1)
    assert cluster["n"] == 30
    page.mouse.move(cluster["x"], cluster["y"])
    assert page.inner_text(".geomap-tip").startswith("30 ")
    page.mouse.click(cluster["x"], cluster["y"])
    legs = [m for m in marks(page) if m["leg"]]
    assert len(legs) == 30 and len({(round(m["x"]), round(m["y"])) for m in legs}) == 30  # spread apart
    page.mouse.click(legs[17]["x"], legs[17]["y"])
    assert page.inner_text(".leaflet-popup-content").count("d") >= 1
    assert f"d{legs[17]['i']}" in page.inner_text(".leaflet-popup-content")
    assert events["errors"] == []


def test_clusters_count_every_incident(browser, tmp_path):
    result = hostile_result(n_extra=3000)
    page, events = open_page(browser, save_map(incident_map(result.incidents, offline=True), tmp_path / "many.html"))
    assert stat(page, "incidents") == len(result.incidents)
    in_syria = int((result.incidents["status"] == "placed").sum())
    assert stat(page, "drawn") == stat(page, "visible") == in_syria  # every incident counted once
    assert stat(page, "marks") < 400  # counted clusters, not 3,000 dots on top of each other
    assert events["errors"] == []


def test_outside_syria_incidents_are_a_separate_layer_off_by_default(browser, demo_html, sample_result):
    page, _ = open_page(browser, demo_html)
    outside = int((sample_result.incidents["status"] == "outside_syria").sum())
    assert outside == 1
    total = stat(page, "incidents")
    assert stat(page, "visible") == total - outside
    shown = page.evaluate("window.geomap.filters.list.map(i => window.geomap.data.incidents.out[i])")
    assert 1 not in shown
    page.locator("#geomap-panel").get_by_label("حوادث خارج سوريا").check()
    assert stat(page, "visible") == total


# ----------------------------------------------------------------------------------- filters and state
def test_filters_change_the_view_and_live_in_the_url(browser, demo_html, sample_result):
    page, _ = open_page(browser, demo_html)
    before = stat(page, "visible")
    in_syria = sample_result.incidents[sample_result.incidents["status"] == "placed"]
    battles = int((in_syria["event_type"] == "Battles").sum())
    assert battles > 0
    page.get_by_role("checkbox", name="معارك").uncheck()
    assert stat(page, "visible") == before - battles
    to = page.get_by_label("إلى", exact=True)
    to.evaluate("e => { e.value = '0'; e.dispatchEvent(new Event('input')); }")  # the range ends on the first day
    narrowed = stat(page, "visible")
    assert 0 < narrowed < before - battles
    url = page.url
    assert "hide=" in url and "to=2025-11-01" in url
    page.evaluate("window.geomap.map.setView([35.93, 36.63], 11, {animate: false})")
    url = page.url
    assert "z=11" in url and "c=35.9300,36.6300" in url
    again, _ = open_page(browser, demo_html, hash_part="#" + url.split("#", 1)[1])
    assert again.get_by_role("checkbox", name="معارك").is_checked() is False  # a link reproduces the view
    assert again.evaluate("window.geomap.map.getZoom()") == 11
    assert again.evaluate("window.geomap.filters.list.length") == narrowed


def test_actor_and_precision_filters(browser, demo_html, sample_result):
    page, _ = open_page(browser, demo_html)
    in_syria = sample_result.incidents[sample_result.incidents["status"] == "placed"]
    drone = in_syria["actor1"].fillna("").str.contains("drone") | in_syria["actor2"].fillna("").str.contains("drone")
    assert drone.sum() > 0
    page.get_by_label("الجهة الفاعلة").fill("drone")
    assert stat(page, "visible") == int(drone.sum())

    # geomap's own actors are shown in Arabic, and found by either name
    def naming(test) -> int:
        return int((in_syria["actor1"].fillna("").map(test) | in_syria["actor2"].fillna("").map(test)).sum())

    ours = naming(lambda a: a == "Unidentified armed group")
    page.get_by_label("الجهة الفاعلة").fill("مجموعة مسلحة مجهولة")
    assert stat(page, "visible") == ours > 0
    page.get_by_label("الجهة الفاعلة").fill("unidentified")  # also a table's own «Unidentified drone»
    assert stat(page, "visible") == naming(lambda a: "unidentified" in a.lower()) > ours
    page.get_by_label("الجهة الفاعلة").fill("")
    precise = int((in_syria["geo_precision"] == 1).sum())
    for name in ("جزء من منطقة أو قرب بلدة", "منطقة واسعة", "غير معروفة"):
        page.get_by_role("checkbox", name=name).uncheck()
    assert stat(page, "visible") == precise


def test_date_play_steps_through_time(browser, demo_html):
    page, _ = open_page(browser, demo_html)
    full = stat(page, "visible")
    page.get_by_role("button", name="تشغيل").click()
    page.wait_for_timeout(150)
    assert stat(page, "visible") < full
    page.get_by_role("button", name="تشغيل").wait_for(timeout=20000)  # the play ran to the end and stopped
    assert page.evaluate("window.geomap.filters.to === window.geomap.filters.maxDay")
    assert 0 < stat(page, "visible") < full


def test_export_downloads_the_incidents_shown(browser, demo_html):
    page, _ = open_page(browser, demo_html)
    page.get_by_role("checkbox", name="احتجاجات").uncheck()
    shown = stat(page, "visible")
    with page.expect_download() as info:
        page.get_by_role("button", name="GeoJSON").click()
    geojson = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert len(geojson["features"]) == shown
    assert all(f["properties"]["event_type"] != "Protests" for f in geojson["features"])
    with page.expect_download() as info:
        page.get_by_role("button", name="CSV").click()
    lines = Path(info.value.path()).read_text(encoding="utf-8-sig").strip().splitlines()
    assert len(lines) == shown + 1 and lines[0].startswith("event_id_cnty,")


# ---------------------------------------------------------------------------------- tooltips, legends
def test_region_tooltip_on_hover_with_markers_on(browser, demo_html):
    page, _ = open_page(browser, demo_html)
    assert stat(page, "marks") > 0
    x, y = page_point(page, 36.55, 39.6)  # open country in ar-Raqqa governorate, away from every incident
    assert page.evaluate("([x, y]) => window.geomap.points.hit(L.point(x, y))", [x - 330, y]) is None
    page.mouse.move(x, y)
    tip = page.inner_text(".geomap-tip")
    assert tip.startswith("الرقة: ")
    mark = next(m for m in marks(page) if m["n"] == 1)
    page.mouse.move(mark["x"], mark["y"])
    assert not page.inner_text(".geomap-tip").startswith("الرقة")  # over an incident, the incident's tooltip


def test_choropleth_legend_has_its_numbers(browser, demo_html):
    page, _ = open_page(browser, demo_html)
    rows = page.evaluate(
        "Array.from(document.querySelectorAll('.geomap-chor-legend .geomap-legend-row')).map(r => r.innerText)"
    )
    assert rows[0] == "0" and len(rows) >= 3
    assert all(r.replace("–", "").isdigit() for r in rows)


# ---------------------------------------------------------------------------- popups, phone, a11y
def test_popups_fit_and_are_never_covered(browser, demo_html):
    for viewport in (DESKTOP, PHONE):
        page, events = open_page(browser, demo_html, viewport=viewport)
        n = stat(page, "incidents")
        view = {"left": 0, "top": 0, "right": viewport["width"], "bottom": viewport["height"]}
        for i in range(n):
            page.evaluate("(i) => window.geomap.openIncident(i)", i)
            popup = settled_rect(page, ".leaflet-popup-content-wrapper")  # after the map pans to show it
            close = rect(page, ".leaflet-popup-close-button")
            assert inside(popup, view) and inside(close, view), (viewport, i, popup)
            top_centre = ((popup["left"] + popup["right"]) / 2, popup["top"] + 8)
            on_top = page.evaluate(
                "([x, y]) => !!document.elementFromPoint(x, y).closest('.leaflet-popup')", top_centre
            )
            assert on_top, (viewport, i)  # no title, control or panel over the popup
            for title in (".geomap-head h1", ".geomap-phone-title"):
                box = rect(page, title)
                if box and box["right"] > box["left"]:
                    assert not overlap(box, popup)
        direction = page.evaluate("getComputedStyle(document.querySelector('.geomap-popup')).direction")
        assert direction == "rtl"
        assert events["errors"] == []


def test_english_notes_keep_their_order_in_an_arabic_popup(browser, tmp_path):
    note = "Shelling hit the eastern side of Sarmada, according to local sources."
    one = frame([{"event_id_cnty": "en1", "latitude": 36.18, "longitude": 36.72, "notes": note, "actor1": "YPG"}])
    page, _ = open_page(browser, save_map(incident_map(one, offline=True), tmp_path / "en_note.html"))
    page.evaluate("window.geomap.openIncident(0)")
    excerpt = page.locator(".geomap-popup-excerpt")
    assert excerpt.inner_text() == note  # whole, not cut
    assert excerpt.evaluate("e => getComputedStyle(e).direction") == "ltr"  # the full stop stays at the end
    assert page.locator(".geomap-popup").evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert page.locator(".geomap-popup-title").inner_text() == "سرمدا"  # the Arabic name of a bare point
    assert page.locator(".geomap-popup-table td bdi").first.is_visible()


def test_controls_are_labelled_and_the_incident_list_works_by_keyboard(browser, demo_html):
    page, _ = open_page(browser, demo_html)
    unlabelled = page.evaluate(
        """() => Array.from(document.querySelectorAll('input, select, textarea, button')).filter(e =>
            !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim()
            && !e.closest('.leaflet-control-layers')).map(e => e.outerHTML)"""
    )
    assert unlabelled == []
    first = page.locator(".geomap-list button").first
    first.focus()
    page.keyboard.press("Enter")
    assert page.is_visible(".leaflet-popup-content")
    count = page.evaluate("document.querySelectorAll('.geomap-list button').length")
    assert count == stat(page, "visible")  # every shown incident is in view on the opening screen


def test_legend_is_bounded_and_the_panel_folds_away(browser, tmp_path):
    rows = [
        {"latitude": 33 + (i % 40) * 0.1, "longitude": 36 + (i % 50) * 0.1, "event_type": f"local type {i}"}
        for i in range(2000)
    ]
    page, events = open_page(browser, save_map(incident_map(frame(rows), offline=True), tmp_path / "types.html"))
    rows_shown = page.evaluate("document.querySelectorAll('.geomap-types label').length")
    assert rows_shown == 13  # twelve types, then one row for the other 1,988
    assert page.evaluate("document.querySelector('.geomap-types').scrollHeight") < 400
    assert "(1988)" in page.inner_text(".geomap-types")
    width = page.evaluate("window.geomap.map.getSize().x")
    page.get_by_role("button", name="الفلاتر").click()
    assert page.evaluate("window.geomap.map.getSize().x") == DESKTOP["width"] > width
    assert not page.is_visible("#geomap-panel")
    assert events["errors"] == []


def test_notebook_display_works_without_internet(browser, tmp_path, sample_result):
    """A notebook shows folium's iframe of the page: it must draw with the network off too."""
    cell = incident_map(sample_result.incidents, title="دفتر")._repr_html_()
    path = tmp_path / "notebook.html"
    path.write_text(f"<!DOCTYPE html><html><body>{cell}</body></html>", encoding="utf-8")
    ctx = browser.new_context(offline=True, viewport=DESKTOP)
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    frame = page.frame_locator("iframe")
    frame.locator("#geomap-stats[data-ready='1']").wait_for(state="attached", timeout=30000)
    assert int(frame.locator("#geomap-stats").get_attribute("data-visible")) > 0
    assert errors == []


def test_english_interface(browser, tmp_path, sample_result):
    m = incident_map(sample_result.incidents, offline=True, lang="en", heat=True)
    page, events = open_page(browser, save_map(m, tmp_path / "en.html"))
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["en", "ltr"]
    assert page.get_by_role("checkbox", name="Battles").is_checked()
    assert page.evaluate("document.querySelectorAll('.leaflet-geomapHeat-pane canvas').length") == 1  # heat offline
    assert events["errors"] == []


def test_demo_screenshots(browser, demo_html, artifacts):
    """Screenshots to look at: the opening view, an ACLED incident's popup, the phone with a popup and the panel."""
    with_actor = "() => window.geomap.filters.list.find(i => window.geomap.data.incidents.actor1[i] > 0)"
    page, _ = open_page(browser, demo_html, viewport=DESKTOP)
    page.screenshot(path=str(artifacts / "map_demo_desktop.png"))
    page.evaluate(f"() => window.geomap.openIncident(({with_actor})())")
    settled_rect(page, ".leaflet-popup-content-wrapper")
    page.wait_for_timeout(300)  # the popup's fade-in
    page.screenshot(path=str(artifacts / "map_demo_desktop_popup.png"))
    phone, _ = open_page(browser, demo_html, viewport=PHONE)
    phone.evaluate(f"() => window.geomap.openIncident(({with_actor})())")
    settled_rect(phone, ".leaflet-popup-content-wrapper")
    phone.wait_for_timeout(300)  # the popup's fade-in
    phone.screenshot(path=str(artifacts / "map_demo_phone.png"))
    phone.get_by_role("button", name="الفلاتر").click()
    phone.wait_for_timeout(300)
    phone.screenshot(path=str(artifacts / "map_demo_phone_panel.png"))
