"""Escaping for everything that reaches a map page: JSON that neither the HTML parser, Jinja (branca re-parses
rendered scripts as templates) nor a JavaScript template literal can misread, and plain text for markup."""

from __future__ import annotations

import html
import json
from typing import Any

__all__ = ["json_island", "safe_json", "safe_text"]

_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "{": "\\u007b",
    "}": "\\u007d",
    "%": "\\u0025",
    "`": "\\u0060",
    "$": "\\u0024",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_ESCAPE_TABLE = str.maketrans(_ESCAPES)
_ISLAND_TABLE = str.maketrans({k: v for k, v in _ESCAPES.items() if k not in "{}"})


def _string(s: str) -> str:
    return json.dumps(s, ensure_ascii=False).translate(_ESCAPE_TABLE)


def safe_json(value: Any) -> str:
    """JSON for embedding in a page that branca will re-parse as Jinja: inside every string ``< > & { } % ` $``
    become \\u escapes, so no string can close the script, open a Jinja block or comment, or break out of a
    JavaScript template literal. The structure itself only ever has ``{"`` and ``}``, which Jinja leaves alone."""
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dict):
        return "{" + ",".join(f"{_string(str(k))}:{safe_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
            return json.dumps(list(value), separators=(",", ":"), allow_nan=False)
        return "[" + ",".join(safe_json(v) for v in value) + "]"
    return json.dumps(value, allow_nan=False)


def safe_text(value: str) -> str:
    """Plain text for HTML that branca may re-parse: entities for markup and template characters."""
    return html.escape(value, quote=True).replace("{", "&#123;").replace("}", "&#125;").replace("%", "&#37;")


def json_island(value: Any) -> str:
    """JSON for a ``<script type="application/json">`` data island that the page reads with ``JSON.parse``.

    The island is inserted into the page as a value, never through a Jinja template, so only the HTML parser can
    misread it: ``< > &`` (and `` ` $ % `` and the line separators) become \\u escapes everywhere — none of them
    ever occurs in JSON's structure — so no string can end the script element. One ``json.dumps`` of the whole
    payload: 100,000 incidents in about a second. Braces stay as they are (escaping them only inside strings
    would need a walk of every string); the map tests check that template syntax in data is never evaluated."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).translate(_ISLAND_TABLE)
