"""Incident coding speed: what coding adds to `geomap incidents`, and what merging adds.

    python -m bench.coding_speed [--n 100000] [--repeat 2]

Two corpora: reports generated with `geomap.synthetic` (deterministic, ~160 characters each) and the real-news
development texts (~660 characters, 20 distinct copies of each: 2,000 reports) when ../shared is there. For each,
the whole `geomap incidents corpus.jsonl -o out.geojson` pipeline is timed in this process (read, place, write; the
gazetteer, geoparser and coder built beforehand) three ways: without coding (`coding=False`), with coding (every
report coded, its further events split off), and with coding and the merge of reports of one event. The coding
budget is 20% of the time without coding: "coding adds". Last, one long report telling thousands of events (each
after «وأمس،»), placed and coded at two sizes: the time grows with the length, not its square.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from geomap import iter_incidents, write_layers
from geomap.coding import code_events
from geomap.incidents import concat_incidents, merged
from geomap.synthetic import write_corpus

ROOT = Path(__file__).resolve().parent.parent
REAL_NEWS = ROOT.parent / "shared" / "eval" / "real-news-dev" / "reports.jsonl"
REAL_COPIES = 20  # the 100 real texts, repeated: enough reports for the timing to be steady
# Each copy made distinct (geomap reads identical texts of a chunk once): a tag no lexicon or gazetteer knows.
COPY_TAG = " [copy {k}]"
BUDGET = 0.20  # coding may add this share of the `geomap incidents` time


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """The fastest of `repeat` runs (seconds): the machine is shared, the minimum is the cost."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def incidents(corpus: Path, out: Path, *, coding: bool, merge: bool) -> None:
    """What `geomap incidents corpus -o out.geojson` does (`--no-merge` when not `merge`)."""
    parts = iter_incidents(str(corpus), mentions="none", coding=coding)
    write_layers([merged(concat_incidents(list(parts)))] if merge else parts, out, overwrite=True)


def compare(label: str, corpus: Path, repeat: int) -> None:
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    out = corpus.with_suffix(".geojson")
    incidents(corpus.with_name("warm.jsonl"), out, coding=True, merge=True)  # gazetteer, automata, caches
    plain = best_of(repeat, lambda: incidents(corpus, out, coding=False, merge=False))
    coded = best_of(repeat, lambda: incidents(corpus, out, coding=True, merge=False))
    merging = best_of(repeat, lambda: incidents(corpus, out, coding=True, merge=True))
    alone = best_of(repeat, lambda: [code_events(t) for t in texts])
    n, chars = len(texts), sum(map(len, texts)) / len(texts)
    print(f"{label}: {n} reports, {chars:.0f} characters on average")
    print(f"  geomap incidents without coding: {plain:.1f} s ({1e6 * plain / n:.0f} µs per report)")
    verdict = "within" if coded - plain <= BUDGET * plain else "OVER"
    print(
        f"  with coding: {coded:.1f} s; coding adds {(coded - plain) / plain:.0%} ({verdict} the {BUDGET:.0%} budget)"
    )
    print(f"  with coding and merging: {merging:.1f} s; merging adds {(merging - coded) / plain:.0%}")
    print(f"  code_events alone: {1e6 * alone / n:.0f} µs per report")


# Two events written here, repeated: each copy's second sentence opens another day's event.
MANY_EVENTS_UNIT = (
    "قصفت قوات النظام بالمدفعية الثقيلة بلدة كفرنبل في ريف إدلب الجنوبي، ما أسفر عن مقتل ثلاثة مدنيين.\n"
    "وأمس، انفجرت عبوة ناسفة بسيارة عسكرية في مدينة الباب بريف حلب الشرقي، ما أدى إلى إصابة عنصرين.\n"
)


def many_events() -> None:
    from geomap import geocode_incidents

    geocode_incidents([MANY_EVENTS_UNIT])  # gazetteer, geoparser and coder built
    for copies in (800, 3200):
        text = MANY_EVENTS_UNIT * copies
        t = time.perf_counter()
        n = len(geocode_incidents([text], merge=False))
        mb = len(text.encode("utf-8")) / 1e6
        print(f"one report of {mb:.2f} MB telling {n} events: {time.perf_counter() - t:.1f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="synthetic reports")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each measurement; the fastest is kept")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="geomap-coding-speed-") as tmp:
        write_corpus(50, Path(tmp) / "warm.jsonl")
        compare("synthetic reports", write_corpus(args.n, Path(tmp) / "synthetic.jsonl"), args.repeat)
        if REAL_NEWS.is_file():
            rows = [json.loads(line) for line in REAL_NEWS.read_text(encoding="utf-8").splitlines() if line]
            real = Path(tmp) / "real.jsonl"
            real.write_text(
                "".join(
                    json.dumps({"id": f"{r['id']}-{k}", "text": r["text"] + COPY_TAG.format(k=k)}, ensure_ascii=False)
                    + "\n"
                    for k in range(REAL_COPIES)
                    for r in rows
                ),
                encoding="utf-8",
            )
            compare("real-news-dev texts", real, args.repeat)
    many_events()


if __name__ == "__main__":
    main()
