"""Shared fixtures: the shipped gazetteer, sample data, and where the upstream sources and eval sets live."""

from __future__ import annotations

from pathlib import Path

import pytest

import geomap

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="session")
def gaz() -> geomap.Gazetteer:
    return geomap.load_gazetteer()


@pytest.fixture(scope="session")
def samples() -> Path:
    return Path(geomap.sample_path())


@pytest.fixture(scope="session")
def sample_result(samples: Path) -> geomap.Incidents:
    return geomap.read_incidents([samples / "reports.jsonl", samples / "incidents_acled.csv"], return_all=True)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
