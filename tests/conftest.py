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


@pytest.fixture(scope="session")
def cluster():
    """A client of a real distributed.LocalCluster of 2 worker processes limited to 1 GiB each, shared by the Dask
    tests (starting one costs seconds)."""
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, memory_limit="1GiB", dashboard_address=None
        ) as c,
        distributed.Client(c) as client,
    ):
        yield client
