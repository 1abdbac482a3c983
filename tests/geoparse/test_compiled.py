"""The build under test: `make test-pure` runs the editable pure-Python install, `make test-compiled` the wheel whose
geoparser mypyc compiled (setup.py). Each run checks it is testing the build it says it is."""

import ast
import importlib
import os

from click.testing import CliRunner

from geomap.cli import main
from geomap.geoparse import COMPILED
from tests.conftest import ROOT

EXPECT_COMPILED = os.environ.get("GEOMAP_EXPECT_COMPILED") == "1"


def _compiled_modules() -> list[str]:
    """The module names setup.py compiles (read from its COMPILED list, not by running it)."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    paths = next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "COMPILED"
    )
    return [p.removesuffix(".py").replace("/", ".") for p in paths]


def test_the_build_is_the_one_this_run_tests():
    assert COMPILED is EXPECT_COMPILED
    version = CliRunner().invoke(main, ["--version"]).output
    assert ("geoparser: compiled" in version) is EXPECT_COMPILED, version


def test_every_module_setup_compiles_is_an_extension_exactly_in_the_compiled_build():
    names = _compiled_modules()
    assert "geomap.geoparse.parser" in names and all(
        (ROOT / n.replace(".", "/")).with_suffix(".py").is_file() for n in names
    )
    for name in names:
        extension = not importlib.import_module(name).__file__.endswith(".py")
        assert extension is EXPECT_COMPILED, name


def test_the_entry_points_keep_their_documentation_in_either_build():
    from geomap.geoparse import Geoparser, geoparse, get_geoparser

    for entry in (geoparse, Geoparser, Geoparser.parse):
        assert "Parameters" in (entry.__doc__ or ""), entry
    assert "cached" in (get_geoparser.__doc__ or "")
