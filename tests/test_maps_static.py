"""geomap.maps.static: Arabic laid out right to left and joined (checked glyph by glyph against matplotlib's own
text layout of the same string), no mathtext, no process-wide switch, deterministic files, the HTML map's colours."""

import matplotlib
import pytest
from matplotlib import _text_helpers
from matplotlib.font_manager import FontProperties, fontManager, get_font

from geomap.maps.event_types import EVENT_TYPES
from geomap.maps.static import FONTS, save_static_map, static_figure

ALEPPO = "حلب"
# Noto Sans Arabic glyph names of ح ل ب in their joined forms: hah initial, lam medial, beh final
JOINED_ALEPPO_LEFT_TO_RIGHT = ["uniFE90", "uniFEE0", "uniFEA3"]


def glyph_names(text: str) -> list[str]:
    """The glyphs matplotlib draws for `text` in the static map's fonts, from left to right."""
    font = get_font(fontManager._find_fonts_by_props(FontProperties(family=FONTS)))
    return [font.get_glyph_name(item.glyph_index) for item in _text_helpers.layout(text, font)]


def drawn_title(fig) -> str:
    return fig.axes[0].title.get_text()


def test_static_title_is_right_to_left_and_joined(sample_result):
    fig = static_figure(sample_result.incidents, title=f"حوادث {ALEPPO}")
    title = drawn_title(fig)
    assert title == f"حوادث {ALEPPO}"  # handed to matplotlib as written, not pre-reversed
    glyphs = glyph_names(title)
    start = glyphs.index(JOINED_ALEPPO_LEFT_TO_RIGHT[0])
    assert glyphs[start : start + 3] == JOINED_ALEPPO_LEFT_TO_RIGHT  # «حلب» joined, its last letter leftmost
    assert glyphs.index("uniFE90") < glyphs.index("space")  # the first word sits at the right
    fig.canvas.draw()
    title_box = fig.axes[0].title.get_window_extent()
    assert title_box.width > 40  # really drawn, with the Arabic font (not empty boxes)


def test_pre_reversed_text_would_have_failed():
    """The old path reversed the letters before matplotlib laid them out: the check catches that."""
    assert glyph_names(ALEPPO[::-1]) != JOINED_ALEPPO_LEFT_TO_RIGHT


def test_dollar_signs_are_text_and_no_global_switch(tmp_path, sample_result):
    backend = matplotlib.get_backend()
    path = save_static_map(sample_result.incidents, tmp_path / "m.png", title="كلفة $\\x$ و$5")
    assert path.read_bytes()[:4] == b"\x89PNG"
    assert matplotlib.get_backend() == backend
    assert matplotlib.rcParams["svg.hashsalt"] is None


@pytest.mark.parametrize("ext", [".png", ".svg", ".pdf"])
def test_static_maps_are_deterministic(tmp_path, sample_result, ext, artifacts):
    a = save_static_map(sample_result.incidents, tmp_path / f"a{ext}", areas=sample_result.areas, choropleth="admin1")
    b = save_static_map(sample_result.incidents, tmp_path / f"b{ext}", areas=sample_result.areas, choropleth="admin1")
    assert a.read_bytes() == b.read_bytes()
    if ext == ".png":
        (artifacts / "static_sample.png").write_bytes(a.read_bytes())


def test_static_map_uses_the_html_colours_and_legends(sample_result):
    fig = static_figure(sample_result.incidents, choropleth="admin1", lang="en")
    legends = fig.axes[0].artists
    titles = sorted(lg.get_title().get_text() for lg in legends)
    assert titles == ["Event type", "Incidents per admin unit"]
    types = next(lg for lg in legends if lg.get_title().get_text() == "Event type")
    entries = {
        t.get_text(): h.get_markerfacecolor() for t, h in zip(types.get_texts(), types.legend_handles, strict=True)
    }
    assert entries["Battles"] == EVENT_TYPES["Battles"][1]
    arabic = static_figure(sample_result.incidents, lang="ar").axes[0].artists[0]
    assert "معارك" in [t.get_text() for t in arabic.get_texts()]


def test_the_event_type_legend_is_bounded():
    """20,000 event types once drew a legend 280,000 px tall: past twelve, the types share one row."""
    import pandas as pd

    from geomap import geocode_incidents
    from geomap.maps.static import LEGEND_TYPES

    n = 300
    table = pd.DataFrame(
        {
            "id": [f"t{i}" for i in range(n)],
            "latitude": [33 + (i % 40) * 0.1 for i in range(n)],
            "longitude": [36 + (i % 50) * 0.1 for i in range(n)],
            "event_type": [f"local type {i}" for i in range(n)],
        }
    )
    fig = static_figure(geocode_incidents(table), lang="en")
    (types,) = fig.axes[0].artists
    labels = [t.get_text() for t in types.get_texts()]
    names = sorted(table["event_type"])  # equally frequent: by name
    assert len(labels) == LEGEND_TYPES + 1 and labels[:LEGEND_TYPES] == names[:LEGEND_TYPES]
    assert labels[-1] not in names  # one row for all the others
    fig.canvas.draw()
    assert types.get_window_extent().height < fig.bbox.height
