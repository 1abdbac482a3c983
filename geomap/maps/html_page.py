"""The page around the map: a folium Map used as a shell (it is what notebooks display), Leaflet and geomap's own
script and styles inlined from package data (no CDN in any mode, so every page works without internet), the
`<html lang dir>` of the interface language, and element ids that do not change between saves."""

from __future__ import annotations

import base64
import re
from importlib import resources

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from geomap.exc import GeomapError
from geomap.maps.escape import safe_text
from geomap.maps.labels import Lang

__all__ = ["DATA_ID", "STATS_ID", "IncidentLayer", "add_payload", "make_shell", "pin_ids"]

STATS_ID = "geomap-stats"
DATA_ID = "geomap-data"
JS_FILES = ("core.js", "points.js", "base.js", "popup.js", "panel.js", "main.js")  # concatenated in this order
_PAGE = Template(
    "<!DOCTYPE html>\n"
    '<html lang="{{ this.geomap_lang }}" dir="{{ this.geomap_dir }}">\n'
    "<head>\n"
    "    {{ this.header.render(**kwargs) }}\n"
    "</head>\n"
    '<body class="geomap-page">\n'
    "    {{ this.html.render(**kwargs) }}\n"
    "</body>\n"
    "<script>\n"
    "    {{ this.script.render(**kwargs) }}\n"
    "</script>\n"
    "</html>\n"
)


class _Raw(Element):
    """Markup inserted as is (already safe); not a MacroElement, so branca does not re-parse it."""

    _template = Template("{{ this.markup }}")

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.markup = markup


class IncidentLayer(MacroElement):
    """Hands the payload (a JSON data island in the page body) to geomap's renderer once the map exists. The
    script holds no data, so branca's re-parsing of scripts as templates never sees a report string."""

    _template = Template(
        "{% macro script(this, kwargs) %}geomapRender({{ this._parent.get_name() }}, "
        'JSON.parse(document.getElementById("' + DATA_ID + '").textContent));{% endmacro %}'
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "GeomapIncidents"


def add_payload(m: folium.Map, payload_json: str) -> None:
    """The payload as a data island, inserted as a value (not a template); see `escape.json_island`."""
    island = f'<script type="application/json" id="{DATA_ID}">{payload_json}</script>'
    m.get_root().html.add_child(_Raw(island), name="geomap_data")
    IncidentLayer().add_to(m)


def _asset(name: str) -> str:
    return resources.files("geomap.maps").joinpath(name).read_text(encoding="utf-8")


def _renderer_js() -> str:
    """geomap's scripts, one function scope; checked free of Jinja markers (branca re-parses scripts)."""
    code = "\n".join(_asset(f"js/{name}") for name in JS_FILES)
    for marker in ("{{", "{%", "{#"):
        if marker in code:
            msg = f"geomap's map scripts contain the Jinja marker {marker!r}"
            raise GeomapError(msg)
    return '(function () {\n"use strict";\n' + code.replace("</", "<\\/") + "\n})();"


def _leaflet_files() -> tuple[str, str]:
    """Leaflet's JS and CSS from the django-js-lib-leaflet wheel, with the CSS's images inlined as data URIs."""
    base = resources.files("js_lib_leaflet").joinpath("static", "js_lib_leaflet")
    css = base.joinpath("leaflet.css").read_text(encoding="utf-8")

    def inline(m: re.Match[str]) -> str:
        data = base.joinpath("images", m.group(1)).read_bytes()
        kind = "svg+xml" if m.group(1).endswith(".svg") else "png"
        return f"url(data:image/{kind};base64,{base64.b64encode(data).decode('ascii')})"

    css = re.sub(r"url\(images/([\w.\-]+)\)", inline, css)
    return base.joinpath("leaflet.js").read_text(encoding="utf-8").replace("</", "<\\/"), css


def make_shell(*, lang: Lang, title: str) -> folium.Map:
    """An empty folium Map with every asset inlined and the page in the interface language."""
    m = folium.Map(location=[35.0, 38.5], zoom_start=7, tiles=None, control_scale=False)
    m.default_js = []
    m.default_css = []
    root = m.get_root()
    root._template = _PAGE
    root.geomap_lang = lang.value
    root.geomap_dir = "rtl" if lang is Lang.AR else "ltr"
    leaflet_js, leaflet_css = _leaflet_files()
    root.header.add_child(_Raw(f"<title>{safe_text(title)}</title>"), name="geomap_title")
    root.header.add_child(_Raw(f"<style>{leaflet_css}</style>"), name="leaflet_css")
    root.header.add_child(_Raw(f"<script>{leaflet_js}</script>"), name="leaflet_js")
    root.header.add_child(_Raw(f"<style>{_asset('geomap_map.css')}</style>"), name="geomap_css")
    root.header.add_child(_Raw(f"<script>{_renderer_js()}</script>"), name="geomap_js")
    root.html.add_child(_Raw('<aside id="geomap-panel" class="geomap-panel"></aside>'), name="geomap_panel")
    root.html.add_child(_Raw(f'<div id="{STATS_ID}" hidden></div>'), name="geomap_stats")
    return m


def pin_ids(m: folium.Map) -> None:
    """Replace branca's random element ids by ids numbered in tree order, so the same map saves to the same bytes."""
    counter = 0

    def visit(element: Element) -> None:
        nonlocal counter
        element._id = f"geomap{counter}"
        counter += 1
        for part in ("header", "html", "script"):
            child = getattr(element, part, None)
            if isinstance(child, Element) and child is not element:
                visit(child)
        for child in element._children.values():
            visit(child)

    visit(m.get_root())
