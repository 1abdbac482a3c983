"""Geoparser throughput, end to end, beside a bare Aho-Corasick scan of the same text with the same names.

python -m bench.geoparse_speed [--mb 4] [--repeat 3]

Prints MB/s of UTF-8 Arabic text on one core: from a cold start (loading the gazetteer, building the matcher,
loading word frequencies, then parsing), the first pass over the text and the steady state (best of `--repeat`
passes), and the bare scan (normalise + iterate the automaton) with the share of it the geoparser reaches; then the
steady state on the real published news of ../shared/eval/real-news-dev when it is there (read, never copied). It
says which build ran: the wheel's compiled geoparser (`make bench` runs that one) or pure Python.
"""

from __future__ import annotations

import argparse
import json
import time

from bench.coding_speed import REAL_NEWS, best_of
from geomap.arabic import normalize
from geomap.gazetteer import DATA_DIR, load_gazetteer
from geomap.geoparse import COMPILED, Geoparser
from geomap.synthetic import reports

GOAL_MB_S = 4.0  # issue #17: Arabic text per core, end to end, steady state
GOAL_SHARE = 0.15  # ... and at least this share of the bare scan's speed


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
    warm = best_of(args.repeat, lambda: [parser.parse(d) for d in docs])
    automaton = parser.matcher.automaton
    bare, hits = float("inf"), 0
    for _ in range(args.repeat):
        t = time.perf_counter()
        hits = sum(1 for d in docs for _ in automaton.iter(normalize(d).text))
        bare = min(bare, time.perf_counter() - t)
    print(f"geoparser: {'compiled (mypyc)' if COMPILED else 'pure Python'}")
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
    met = mb / warm >= GOAL_MB_S and bare / warm >= GOAL_SHARE
    print(f"  goal >= {GOAL_MB_S:g} MB/s and >= {GOAL_SHARE:.0%} of the bare scan: {'met' if met else 'NOT met'}")
    if REAL_NEWS.is_file():
        news = [json.loads(line)["text"] for line in REAL_NEWS.read_text(encoding="utf-8").splitlines() if line]
        news_mb = sum(len(t.encode("utf-8")) for t in news) / 1e6
        best_of(1, lambda: [parser.parse(t) for t in news])  # region parts and remembered orders for these texts
        seconds = best_of(args.repeat * 3, lambda: [parser.parse(t) for t in news])  # small: more passes
        speed = news_mb / seconds
        print(f"real published news ({len(news)} reports, {news_mb:.2f} MB), steady state: {speed:.2f} MB/s")
        print(f"  goal >= {GOAL_MB_S:g} MB/s: {'met' if speed >= GOAL_MB_S else 'NOT met'}")


if __name__ == "__main__":
    main()
