"""Reading the build's inputs: curated tables shipped with geomap, and digests of every input file."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from geomap.exc import GazetteerError

__all__ = ["CURATED", "clean", "input_digests", "read_curated", "split"]

CURATED = Path(__file__).resolve().parent / "curated"  # curated tables written for geomap, with their sources


def read_curated(name: str, *, folder: Path = CURATED, required: bool = True) -> list[dict[str, str]]:
    """Rows of a curated CSV table in `folder`; an optional table that is absent gives no rows."""
    path = folder / name
    if not path.exists():
        if required:
            msg = f"{path}: curated table missing"
            raise GazetteerError(msg)
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def split(value: str | None) -> list[str]:
    """The names of a ``|``-separated cell."""
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def clean(value: object) -> str:
    """Text with runs of whitespace folded to one space."""
    return " ".join(str(value or "").split())


def input_digests(src: Path) -> dict[str, str]:
    """sha256 of every upstream data file and curated table, by path relative to its folder."""
    inputs = {
        str(p.relative_to(src)): _sha256(p)
        for p in sorted(src.rglob("*"))
        if p.is_file() and p.suffix in (".json", ".geojson", ".csv")
    }
    inputs.update({f"curated/{p.name}": _sha256(p) for p in sorted(CURATED.iterdir()) if p.suffix in (".csv", ".toml")})
    return inputs


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
