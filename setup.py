"""Build: the geoparser's per-hit modules compiled to C with mypyc (as black and mypy ship), or pure Python.

Everything else lives in pyproject.toml. The compiled modules are the ones that run once per name found in a text:
reading its context, weighing its evidence, scoring and placing it. They are type-checked by mypy as they compile,
so a type error in them fails the build. Set GEOMAP_PURE=1 to build pure Python: the editable install of
`make setup` does, so that an edited source is what runs.
"""

import os

from setuptools import setup

COMPILED = [
    "geomap/geoparse/context.py",
    "geomap/geoparse/english.py",
    "geomap/geoparse/evidence.py",
    "geomap/geoparse/matcher.py",
    "geomap/geoparse/parser.py",
    "geomap/geoparse/scoring.py",
]
MYPY_OPTIONS = ["--ignore-missing-imports", "--follow-imports=silent"]  # the libraries they call stay Python


def extensions() -> list:
    """The compiled modules, or none for a pure-Python build."""
    if os.environ.get("GEOMAP_PURE") == "1":
        return []
    from mypyc.build import mypycify

    return mypycify([*MYPY_OPTIONS, *COMPILED], opt_level="3", group_name="geomap")  # geomap__mypyc: their runtime


setup(ext_modules=extensions())
