"""Geoparser throughput, end to end, beside a bare Aho-Corasick scan of the same text with the same names.

python -m bench.geoparse_speed [--mb 4]
"""

from __future__ import annotations

import argparse
import time

from geomap.arabic import normalize
from geomap.geoparse import get_geoparser
from geomap.synthetic import reports


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=4.0, help="megabytes of Arabic text (UTF-8)")
    args = ap.parse_args()
    parser = get_geoparser()
    docs, size = [], 0
    for rec in reports(10**7):
        docs.append(rec["text"])
        size += len(rec["text"].encode("utf-8"))
        if size >= args.mb * 1e6:
            break
    mb = size / 1e6
    t = time.perf_counter()
    hits = 0
    for d in docs:
        for _ in parser.matcher.automaton.iter(normalize(d).text):
            hits += 1
    bare = time.perf_counter() - t
    t = time.perf_counter()
    mentions = sum(len(parser.parse(d)) for d in docs)
    cold = time.perf_counter() - t
    t = time.perf_counter()
    sum(len(parser.parse(d)) for d in docs)
    warm = time.perf_counter() - t
    print(f"text: {mb:.2f} MB UTF-8 in {len(docs)} reports, {len(parser.matcher.automaton)} matcher keys")
    print(f"bare Aho-Corasick scan (normalise + iterate): {bare:.2f} s = {mb / bare:.1f} MB/s ({hits} raw hits)")
    print(
        f"geoparse end to end, first pass (loads word frequencies, builds region parts): {cold:.2f} s = "
        f"{mb / cold:.2f} MB/s ({mentions} mentions)"
    )
    print(f"geoparse end to end, steady state: {warm:.2f} s = {mb / warm:.2f} MB/s on one core")
    print(f"steady-state geoparse costs {warm / bare:.1f}x the bare scan")


if __name__ == "__main__":
    main()
