"""Score the geoparser on labelled text.

    python -m bench.eval_geoparse                      # own test set + every development set found
    python -m bench.eval_geoparse --eval-dir ../shared/eval --show-errors 20

Measures:
- own set (tests/data/geoparse_sentences.jsonl): share of labelled mentions resolved to the right gazetteer id,
  and the share of predicted mentions that are labelled (precision);
- development sets (read from ../shared/eval, never copied into the repository): false Syrian mentions, i.e.
  Syrian places predicted on text not labelled as a location, per 10,000 tokens (AQMAR, Wojood) and per 1,000
  tweets (IDRISI); and recall of the Syrian location mentions that are labelled — each on a tune part and a
  kept-aside part (by a hash of the tweet id, the file and sentence number, the article number), errors listed from
  the tune part only;
- real published Arabic news (bench.eval_real_news: places, and the incident coding against the issue's floors) and
  UCDP incident-table strings (bench.eval_ucdp), each on a tune part and a kept-aside part.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from shapely.geometry import Point
from shapely.prepared import prep

from bench import eval_real_news, eval_ucdp
from bench.devsplit import part_name
from geomap.arabic import normalize_name
from geomap.gazetteer import load_gazetteer
from geomap.geoparse import geoparse

ROOT = Path(__file__).resolve().parent.parent
OWN_SET = ROOT / "tests" / "data" / "geoparse_sentences.jsonl"
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"


@dataclass
class Doc:
    key: str  # stable id, for the tune / kept-aside split
    text: str
    spans: list[tuple[int, int, str]]  # labelled location spans (start, end, surface)
    syrian: list[tuple[int, int, str]] = field(default_factory=list)  # those that are Syrian places
    tokens: int = 0


@dataclass
class Score:
    name: str
    docs: int = 0
    tokens: int = 0
    false_syrian: int = 0
    syrian_gold: int = 0
    syrian_found: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        recall = self.syrian_found / self.syrian_gold if self.syrian_gold else float("nan")
        per10k = 10_000 * self.false_syrian / self.tokens if self.tokens else float("nan")
        per1k_docs = 1_000 * self.false_syrian / self.docs if self.docs else float("nan")
        return (
            f"{self.name:32} docs {self.docs:6}  tokens {self.tokens:8}  false Syrian {self.false_syrian:4} "
            f"({per10k:5.2f}/10k tokens, {per1k_docs:5.2f}/1k docs)  Syrian recall "
            f"{self.syrian_found}/{self.syrian_gold} = {recall:.1%}"
        )


def overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


# ------------------------------------------------------------------------------------------------ readers
def syrian_names() -> set[str]:
    """Normalised names that can only mean a Syrian place of note (used to find Syrian gold mentions)."""
    gaz = load_gazetteer()
    out = set()
    for key, ids in gaz.names():
        places = [gaz.lookup(i) for i in ids]
        if all(p.in_syria for p in places) and any(
            p.kind in ("country", "governorate", "region") or p.importance >= 0.85 for p in places
        ):
            out.add(key)
    return out


_CLITIC_RE = re.compile(r"^(?:[وفبلك]{1,2}(?=ال)|[وفبك](?=[^ا]))")


def is_syrian_surface(surface: str, names: set[str]) -> bool:
    key = normalize_name(surface.replace("_", " ").replace("#", ""))
    if key in names:
        return True
    stripped = _CLITIC_RE.sub("", key)
    return stripped in names or ("ا" + stripped[1:] in names if stripped.startswith("لل") else False)


def read_token_file(path: Path, tag_is_location) -> Iterator[Doc]:
    """Token-per-line files (AQMAR, Wojood): sentences separated by blank lines."""
    tokens: list[tuple[str, bool]] = []
    count = 0

    def flush() -> Doc | None:
        nonlocal count
        if not tokens:
            return None
        count += 1
        text, spans, pos = [], [], 0
        for tok, loc in tokens:
            if loc:
                spans.append((pos, pos + len(tok), tok))
            text.append(tok)
            pos += len(tok) + 1
        doc = Doc(f"{path.name}#{count}", " ".join(text), _merge(spans), tokens=len(tokens))
        tokens.clear()
        return doc

    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            doc = flush()
            if doc:
                yield doc
            continue
        tokens.append((parts[0], any(tag_is_location(t) for t in parts[1:])))
    doc = flush()
    if doc:
        yield doc


def _merge(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    merged: list[tuple[int, int, str]] = []
    for s in spans:
        if merged and s[0] == merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], s[1], merged[-1][2] + " " + s[2])
        else:
            merged.append(s)
    return merged


def read_idrisi(folder: Path) -> Iterator[Doc]:
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            spans = [(m["startIdx"], m["endIdx"], m["text"]) for m in rec.get("location_mentions", [])]
            yield Doc(str(rec["tweet_id"]), rec["text"], spans, tokens=len(rec["text"].split()))


def read_english(path: Path, syria) -> Iterator[Doc]:
    root = ET.parse(path).getroot()
    for number, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        spans, syrian = [], []
        for t in art.iter("toponym"):
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            surface = text[start:end]
            spans.append((start, end, surface))
            lat = t.findtext("latitude") or t.findtext("gaztag/lat")
            lon = t.findtext("longitude") or t.findtext("gaztag/lon")
            if lat and lon and syria.contains(Point(float(lon), float(lat))):
                syrian.append((start, end, surface))
        yield Doc(f"{path.name}#{number}", text, spans, syrian, tokens=len(text.split()))


# ------------------------------------------------------------------------------------------------- scoring
def score_docs(name: str, docs: Iterator[Doc], names: set[str] | None, show: int) -> list[Score]:
    """The tune part's score (its errors listed, up to `show`) and the kept-aside part's (figures only)."""
    parts = {"tune": Score(f"{name} [tune]"), "aside": Score(f"{name} [aside]")}
    for doc in docs:
        sc = parts[part_name(doc.key)]
        show_here = show if sc is parts["tune"] else 0
        sc.docs += 1
        sc.tokens += doc.tokens
        mentions = [m for m in geoparse(doc.text) if m.in_syria]
        syrian = doc.syrian if names is None else [s for s in doc.spans if is_syrian_surface(s[2], names)]
        for m in mentions:
            if not any(overlaps(m.start, m.end, s0, s1) for s0, s1, _ in doc.spans):
                sc.false_syrian += 1
                if len(sc.errors) < show_here:
                    ctx = doc.text[max(0, m.start - 40) : m.end + 40].replace("\n", " ")
                    sc.errors.append(f"  FP {m.text!r} → {m.place_id} {m.place.name_en}: …{ctx}…")
        for s0, s1, surface in syrian:
            sc.syrian_gold += 1
            if any(overlaps(m.start, m.end, s0, s1) for m in mentions):
                sc.syrian_found += 1
            elif len(sc.errors) < show_here:
                sc.errors.append(f"  FN {surface!r}: …{doc.text[max(0, s0 - 40) : s1 + 40]}…".replace("\n", " "))
    return list(parts.values())


def score_own(path: Path, show: int) -> tuple[str, list[str], float]:
    total = right = predicted = labelled_hits = 0
    errors: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        text = rec["text"]
        mentions = geoparse(text)
        predicted += len(mentions)
        gold = []
        for g in rec["mentions"]:
            start = text.find(g["text"], g.get("from", 0))
            if start < 0:
                raise SystemExit(f"{path}: {g['text']!r} is not in {text!r}")
            gold.append((start, start + len(g["text"]), g))
        for s0, s1, g in gold:
            total += 1
            ok_ids = set(g["id"].split("|"))
            hit = [m for m in mentions if overlaps(m.start, m.end, s0, s1)]
            if hit and hit[0].place_id in ok_ids:
                right += 1
            elif len(errors) < show:
                got = f"{hit[0].text!r} → {hit[0].place_id}" if hit else "nothing"
                errors.append(f"  {g['text']!r} want {g['id']} got {got}: {text}")
        for m in mentions:
            if any(overlaps(m.start, m.end, s0, s1) for s0, s1, _ in gold):
                labelled_hits += 1
            elif len(errors) < show:
                errors.append(f"  unlabelled {m.text!r} → {m.place_id}: {text}")
    accuracy = right / total if total else float("nan")
    precision = labelled_hits / predicted if predicted else float("nan")
    line = (
        f"{'own test set':32} mentions {total:5}  resolved right {right} = {accuracy:.1%}  "
        f"precision {labelled_hits}/{predicted} = {precision:.1%}"
    )
    return line, errors, accuracy


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--own", type=Path, default=OWN_SET)
    ap.add_argument("--show-errors", type=int, default=0, metavar="N")
    ap.add_argument("--only", help="comma-separated subset: own,idrisi,wojood,aqmar,english,news,ucdp")
    args = ap.parse_args(argv)
    only = set(args.only.split(",")) if args.only else None
    t0 = time.perf_counter()
    gaz = load_gazetteer()
    if only is None or "own" in only:
        line, errors, _ = score_own(args.own, args.show_errors)
        print(line)
        print("\n".join(errors)) if errors else None
    ev = args.eval_dir
    if not ev.is_dir():
        print(f"(no development sets at {ev}; only the own set was scored)")
        return 0
    names = syrian_names()
    sets = {
        "idrisi": lambda: score_docs("IDRISI tweets", read_idrisi(ev / "idrisi-ar-lmr-train"), names, args.show_errors),
        "wojood": lambda: score_docs(
            "Wojood sample",
            (
                d
                for f in sorted((ev / "wojood-sample").glob("*.txt"))
                for d in read_token_file(f, lambda t: t[2:] in ("GPE", "LOC", "FAC"))
            ),
            names,
            args.show_errors,
        ),
        "aqmar": lambda: score_docs(
            "AQMAR",
            (d for f in sorted((ev / "aqmar").glob("*.txt")) for d in read_token_file(f, lambda t: "LOC" in t)),
            names,
            args.show_errors,
        ),
        "english": lambda: score_docs(
            "GeoWebNews + TR-News",
            (
                d
                for f in ("GWN.xml", "TR-News.xml")
                for d in read_english(ev / "en-geoparsing" / f, prep(gaz.lookup("SY").geometry))
            ),
            None,
            args.show_errors,
        ),
    }
    for key, run in sets.items():
        if only is None or key in only:
            for sc in run():
                print(sc.line())
                if sc.errors:
                    print("\n".join(sc.errors))
    # Whole-pipeline sets (each split into a tune part and a kept-aside part, see bench/devsplit.py).
    if only is None or "news" in only:
        eval_real_news.main(["--dir", str(ev / "real-news-dev")])
    if only is None or "ucdp" in only:
        eval_ucdp.main(["--csv", str(ev / "ucdp-ged-syria-dev" / "ged_syria_dev.csv")])
    print(f"({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
