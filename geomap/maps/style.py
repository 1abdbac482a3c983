"""Colours the HTML and static maps share (event type colours live in `event_types`), and the choropleth classes."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["CHOROPLETH_RAMP", "STYLE", "choropleth_class", "choropleth_classes"]

CHOROPLETH_RAMP = ["#fff5eb", "#fdd0a2", "#fdae6b", "#fd8d3c", "#e6550d", "#a63603"]  # class 0 is "no incident"
STYLE = {
    "sea": "#c9dcea",
    "land": "#ebe7df",
    "landEdge": "#b9b2a6",
    "syria": "#fbfaf6",
    "syriaEdge": "#857d72",
    "district": "#b8b0a4",
    "river": "#6fa8d6",
    "area": "#fd8d3c",
    "areaEdge": "#8c2d04",
    "ramp": CHOROPLETH_RAMP,
}


def choropleth_classes(counts: Sequence[int]) -> list[tuple[int, int]]:
    """Count ranges, one per ramp colour: (0, 0), then quantile breaks of the non-zero counts (fewer classes when
    counts repeat). The page recounts in the browser with the same rule (``choroplethClasses`` in js/base.js)."""
    nonzero = sorted(n for n in counts if n > 0)
    classes = [(0, 0)]
    if not nonzero:
        return classes
    steps = len(CHOROPLETH_RAMP) - 1
    low = 1
    for s in range(1, steps + 1):
        value = nonzero[min(len(nonzero) - 1, -(-len(nonzero) * s // steps) - 1)]
        if value >= low:
            classes.append((low, value))
            low = value + 1
    return classes


def choropleth_class(n: int, classes: Sequence[tuple[int, int]]) -> int:
    """Index of the class (and ramp colour) of a count."""
    return max(k for k, (low, _) in enumerate(classes) if n >= low)
