"""geomap.maps.escape: JSON and text that neither HTML, Jinja nor JavaScript template literals can misread."""

import json

from geomap.maps.escape import json_island, safe_json, safe_text

PAYLOADS = ["<img src=x onerror=alert(1)>", "${alert(1)}", "\\`);alert(1);//", "</script>", "{{ 7*191 }}", "{% if 1 %}"]


def test_safe_json_round_trips_and_hides_markup():
    value = {"a": PAYLOADS, "n": [1, 2.5, None], "nested": {"k": "{{x}}"}, "ar": "حلب"}
    text = safe_json(value)
    assert json.loads(text) == value
    assert "حلب" in text  # Arabic stays readable UTF-8, not \u escapes
    structure_free = text.replace('{"', "").replace("},", "").replace("}]", "").replace("}}", "")
    for bad in ("<", ">", "{{", "{%", "`", "$"):
        assert bad not in structure_free, bad


def test_safe_text_neutralises_markup_and_template_syntax():
    out = safe_text('<b a="1">{{ x }} {% y %}</b>')
    assert "<" not in out and '"' not in out and "{" not in out and "%" not in out


def test_json_island_cannot_end_its_script_element():
    value = {"a": PAYLOADS, "ar": "حلب", "n": [1, None, 2.5]}
    text = json_island(value)
    assert json.loads(text) == value
    assert "<" not in text and ">" not in text and "&" not in text and "حلب" in text
