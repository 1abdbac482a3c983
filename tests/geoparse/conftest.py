"""Fixtures for the geoparser stages: the shipped gazetteer's parser, and scanning a phrase into hits and contexts."""

from __future__ import annotations

import pytest

from geomap.arabic import normalize
from geomap.geoparse import get_geoparser
from geomap.geoparse.context import Context, link_contexts, read_context
from geomap.geoparse.matcher import Hit


@pytest.fixture(scope="session")
def parser(gaz):
    return get_geoparser(gaz)


@pytest.fixture(scope="session")
def scan(parser):
    """`scan(text)` → the hits of `text` and their linked contexts."""

    def run(text: str) -> tuple[list[Hit], list[Context]]:
        norm = normalize(text)
        hits = parser.matcher.scan(norm)
        contexts = [read_context(norm.text, h) for h in hits]
        link_contexts(norm.text, hits, contexts)
        return hits, contexts

    return run


@pytest.fixture(scope="session")
def context_of(scan):
    """`context_of(text, name)` → the context of the hit whose surface is `name` (as written)."""

    def run(text: str, name: str) -> Context:
        hits, contexts = scan(text)
        found = [c for h, c in zip(hits, contexts, strict=True) if h.surface == name]
        assert len(found) == 1, [h.surface for h in hits]
        return found[0]

    return run
