"""Escaping for everything that reaches a map page: JSON that neither the HTML parser, Jinja (branca re-parses
rendered scripts as templates) nor a JavaScript template literal can misread, and plain text for markup."""

from __future__ import annotations

import html
import json
from typing import Any

__all__ = ["safe_json", "safe_text"]

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
