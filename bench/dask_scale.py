"""Dask scale-out on a generated corpus: throughput with 1 and 2 workers, the speed-up, and peak memory per worker
(goal: speed-up >= 1.7 on 2 cores).

    python -m bench.dask_scale [--reports 200000] [--block-mb 4]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from geomap.dask import process_corpus
from geomap.synthetic import write_corpus


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(corpus: Path, workers: int, block_bytes: int) -> tuple[float, dict, list[float]]:
    import distributed

    with (
        distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        client.run(lambda: __import__("geomap.gazetteer").gazetteer.load_gazetteer())  # workers start warm
        with tempfile.TemporaryDirectory() as out:
            t = time.perf_counter()
            summary = process_corpus([corpus], out, client=client, block_bytes=block_bytes)
            seconds = time.perf_counter() - t
        peaks = sorted(client.run(_peak_rss_mb).values())
    return seconds, summary, peaks


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reports", type=int, default=200_000)
    ap.add_argument("--block-mb", type=float, default=1.0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        corpus = write_corpus(args.reports, Path(d) / "corpus.jsonl")
        mb = corpus.stat().st_size / 1e6
        block = int(args.block_mb * 1e6)
        results = {w: run(corpus, w, block) for w in (1, 2)}
    for w, (seconds, summary, peaks) in results.items():
        print(
            f"{w} worker(s): {summary['incidents']} reports ({mb:.0f} MB) in {seconds:.1f} s = "
            f"{summary['incidents'] / seconds:.0f} reports/s, {summary['partitions']} partitions, "
            f"peak memory per worker {', '.join(f'{p:.0f} MB' for p in peaks)}"
        )
    speedup = results[1][0] / results[2][0]
    print(f"speed-up with 2 workers: {speedup:.2f}x (goal >= 1.7: {'met' if speedup >= 1.7 else 'NOT met'})")


if __name__ == "__main__":
    main()
