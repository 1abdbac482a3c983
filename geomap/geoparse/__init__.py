"""Find place mentions in Arabic (or English) text and resolve them against the gazetteer.

The stages, one module each:

* `vocabulary` — every word list (triggers, directions, relative words, nisba adjectives, blocked organisations,
  person titles, outlets, prepositions, event words), normalised once like the text.
* `matcher` — one Aho-Corasick scan for every name and variant; hits on word boundaries after allowed proclitics.
* `context` — the words around each hit (trigger, relative phrase, person, preposition, event word) as a `Context`,
  and the passes across neighbouring hits (بين X وY, plural triggers, admin context).
* `evidence` — how much context a name needs, from word frequencies (`Commonness`).
* `scoring` — the weights of the candidate score and the confidence (`Weights`).
* `parser` — `ParserCore` wiring them.
* `geoparser` — `Geoparser`, `geoparse` and `get_geoparser`: the entry points, documented (pure Python).
* `mention` — the `Mention` result. Relative geometry lives in `geomap.relative`.

An installed geomap runs `context`, `english`, `evidence`, `matcher`, `parser` and `scoring` compiled to C by mypyc
(`setup.py`); `COMPILED` says whether this one does. Compiled, their calls to each other are bound when built (patching
one of their functions from outside changes nothing), their records check the types they are annotated with, and
their functions have no docstrings: the documented entry points live in `geoparser`, which stays Python.
"""

from __future__ import annotations

from importlib.machinery import ExtensionFileLoader

from geomap.geoparse import parser as _parser
from geomap.geoparse.geoparser import Geoparser, geoparse, get_geoparser
from geomap.geoparse.mention import Mention
from geomap.relative import precision_of

__all__ = ["COMPILED", "Geoparser", "Mention", "geoparse", "get_geoparser", "precision_of"]

COMPILED = isinstance(_parser.__loader__, ExtensionFileLoader)  # the per-hit modules are mypyc's C extensions
