"""Real published Arabic news (../shared/eval/real-news-dev): the shared scorer on the tune and kept-aside parts.

    python -m bench.eval_real_news [--verbose] [--part tune|aside]

`--verbose` lists the tune part's reports one by one; the kept-aside part only ever shows its figures, so that its
failures are never studied (a rule written for them would make its figures meaningless).

Runs the development set's own `score.py` (which calls `geomap incidents` as a user would) once per part, and
prints its figures: places, and the incident coding (event type, sub-event type, fatalities, actor1) judged against
the issue's floors (`bench.eval_coding.FLOORS`); the texts never leave ../shared."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.devsplit import is_aside
from bench.eval_coding import FLOORS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT.parent / "shared" / "eval" / "real-news-dev"


def geomap_executable() -> str:
    beside = Path(sys.executable).parent / "geomap"
    return str(beside) if beside.exists() else (shutil.which("geomap") or "geomap")


def run_part(folder: Path, part: str, *, verbose: bool = False) -> list[str]:
    """The scorer's output lines for one part (summary last)."""
    records = [json.loads(line) for line in (folder / "reports.jsonl").read_text(encoding="utf-8").splitlines() if line]
    chosen = [r for r in records if is_aside(r["id"]) == (part == "aside")]
    with tempfile.TemporaryDirectory(prefix="geomap-eval-") as tmp:
        subset = Path(tmp) / f"{part}.jsonl"
        subset.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen), encoding="utf-8")
        cmd = [sys.executable, str(folder / "score.py"), "--reports", str(subset), "--geomap", geomap_executable()]
        cmd += [a for column, floor in FLOORS.items() for a in (f"--min-{column.replace('_', '-')}", str(floor))]
        if verbose:
            cmd.append("--verbose")
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"score.py failed on the {part} part:\n{done.stderr}")
    return done.stdout.splitlines()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--part", choices=("tune", "aside"), action="append")
    ap.add_argument("--verbose", action="store_true", help="every tune report (the aside part: figures only)")
    args = ap.parse_args(argv)
    if not (args.dir / "reports.jsonl").is_file():
        print(f"(no real-news development set at {args.dir})")
        return 0
    for part in args.part or ("tune", "aside"):
        detail = args.verbose and part == "tune"
        lines = run_part(args.dir, part, verbose=detail)
        shown = lines if detail else [ln for ln in lines if ln.startswith(("real-news-dev", "incident coding"))]
        for line in shown:
            print(f"[{part:5}] {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
