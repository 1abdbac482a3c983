"""``python -m geomap.build SOURCES [--output DIR]``: rebuild the shipped gazetteer from the upstream sources."""

from __future__ import annotations

import argparse
from pathlib import Path

from geomap.build.pipeline import DEFAULT_OUTPUT, build
from geomap.exc import GazetteerError


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m geomap.build", description=__doc__.split(":")[1].strip())
    parser.add_argument("sources", type=Path, help="the gazetteer-sources folder")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    try:
        counts = build(args.sources, args.output)
    except GazetteerError as exc:
        parser.exit(1, f"error: {exc}\n")
    for kind, n in counts.items():
        print(f"{kind:14} {n:6}")
    print(f"written to {args.output}")


if __name__ == "__main__":
    main()
