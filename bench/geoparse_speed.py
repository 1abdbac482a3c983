"""Geoparser throughput, end to end, beside a bare Aho-Corasick scan of the same text with the same names.

python -m bench.geoparse_speed [--mb 4] [--repeat 3]

Prints MB/s of UTF-8 Arabic text on one core: from a cold start (loading the gazetteer, building the matcher,
loading word frequencies, then parsing), the first pass over the text and the steady state (best of `--repeat`
passes), and the bare scan (normalise + iterate the automaton) with the share of it the geoparser reaches.
"""

from __future__ import annotations

import argparse
import time

from geomap.arabic import normalize
from geomap.gazetteer import DATA_DIR, load_gazetteer
from geomap.geoparse import Geoparser
from geomap.synthetic import reports


def _corpus(mb: float) -> tuple[list[str], float]:
    docs, size = [], 0
    for rec in reports(10**7):
        docs.append(rec["text"])
        size += len(rec["text"].encode("utf-8"))
        if size >= mb * 1e6:
            break
    return docs, size / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=4.0, help="megabytes of Arabic text (UTF-8)")
    ap.add_argument("--repeat", type=int, default=3, help="steady-state passes (the best one counts)")
    args = ap.parse_args()
    docs, mb = _corpus(args.mb)
    t = time.perf_counter()
    parser = Geoparser(load_gazetteer(DATA_DIR / "gazetteer.parquet"))  # read afresh, not the cached copy
    startup = time.perf_counter() - t
    t = time.perf_counter()
    mentions = sum(len(parser.parse(d)) for d in docs)
    cold = time.perf_counter() - t
    warm = float("inf")
    for _ in range(args.repeat):
        t = time.perf_counter()
        sum(len(parser.parse(d)) for d in docs)
        warm = min(warm, time.perf_counter() - t)
    automaton = parser.matcher.automaton
    bare, hits = float("inf"), 0
    for _ in range(args.repeat):
        t = time.perf_counter()
        hits = sum(1 for d in docs for _ in automaton.iter(normalize(d).text))
        bare = min(bare, time.perf_counter() - t)
    print(f"text: {mb:.2f} MB UTF-8 in {len(docs)} reports, {len(automaton)} matcher keys")
    print(f"bare Aho-Corasick scan (normalise + iterate): {bare:.2f} s = {mb / bare:.1f} MB/s ({hits} raw hits)")
    print(
        f"geoparse end to end from a cold start (gazetteer, matcher, word frequencies: {startup:.2f} s): "
        f"{startup + cold:.2f} s = {mb / (startup + cold):.2f} MB/s ({mentions} mentions)"
    )
    print(f"geoparse end to end, first pass (builds region parts): {cold:.2f} s = {mb / cold:.2f} MB/s")
    print(f"geoparse end to end, steady state: {warm:.2f} s = {mb / warm:.2f} MB/s on one core")
    share = f"{100 * bare / warm:.0f}% of the bare scan's speed ({warm / bare:.1f}x its time)"
    print(f"steady-state geoparse reaches {share}")


if __name__ == "__main__":
    main()
