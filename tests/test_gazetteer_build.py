"""The shipped gazetteer is what the build script makes from the sources, and building is reproducible."""

import hashlib

import pytest

from tests.conftest import ROOT, SHARED

SOURCES = SHARED / "gazetteer-sources"
pytestmark = pytest.mark.skipif(
    not (SOURCES / "ocha-codab-syr-2019-topojson").is_dir(),
    reason="the upstream gazetteer sources are not beside this checkout",
)


def _digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_build_twice_gives_identical_files_equal_to_the_shipped_ones(tmp_path):
    from geomap.build.pipeline import build

    a, b = tmp_path / "a", tmp_path / "b"
    counts = build(SOURCES, a)
    build(SOURCES, b)
    assert _digest(a) == _digest(b)
    shipped = ROOT / "geomap" / "data"
    assert _digest(a)["gazetteer.parquet"] == _digest(shipped)["gazetteer.parquet"]
    assert (a / "ATTRIBUTION.md").read_text() == (shipped / "ATTRIBUTION.md").read_text()
    assert counts["governorate"] == 14 and counts["community"] >= 5251
