"""Synthetic inputs generated from the gazetteer and templates written for geomap: a corpus of Arabic incident
reports (JSON Lines) and ACLED-style incident tables (CSV), with or without coordinates and notes. Deterministic
for a seed. Used by the benchmarks, the Dask tests and the large-corpus notebook.

    python -m geomap.synthetic 200000 corpus.jsonl
    python -m geomap.synthetic 100000 table.csv --table [--no-coordinates] [--no-notes]
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from geomap.gazetteer import Gazetteer, Place, load_gazetteer
from geomap.kinds import Importance

TEMPLATES = [
    "{dateline} - قصفت قوات مجهولة بالمدفعية الثقيلة {trig} {town} بريف {gov} {dir} صباح اليوم، ما أسفر عن إصابة "
    "{n} مدنيين بينهم أطفال، وفق ما أفادت به فرق الدفاع المدني التي عملت على إسعاف المصابين.",
    "اندلعت اشتباكات عنيفة بين مجموعات مسلحة في {trig} {town} التابعة لمحافظة {gov}، واستمرت حتى ساعات المساء، "
    "بحسب ناشطين محليين أكدوا سقوط {n} قتلى في صفوف الطرفين.",
    "نفذت طائرة مسيرة غارة على موقع يعتقد أنه لخلايا التنظيم في {region}، وأكدت مصادر محلية أن الغارة وقعت في "
    "{day} {month} وأن حصيلة القتلى بلغت {n}.",
    "خرج العشرات من أهالي {trig} {town} في وقفة احتجاجية للمطالبة بتحسين الخدمات والإفراج عن المعتقلين، "
    "ورفع المحتجون لافتات تندد بالأوضاع المعيشية في ريف {gov}.",
    "انفجرت عبوة ناسفة مزروعة على جانب الطريق بين {town} و{town2} في {gov}، دون تسجيل إصابات بشرية، "
    "في حين فرضت القوات طوقاً أمنياً في المنطقة.",
    "قالت مصادر إعلامية إن وفداً من {capital} التقى مسؤولين في {foreign} لبحث ملفات التعاون، فيما شهدت "
    "{trig} {town} توتراً أمنياً بعد حملة مداهمات طالت {n} شبان.",
]
TRIGGERS = ["بلدة", "قرية", "مدينة"]
DIRECTIONS = ["الشمالي", "الجنوبي", "الشرقي", "الغربي", "الشمالي الغربي", ""]
MONTHS = ["يناير/كانون الثاني", "مارس/آذار", "أكتوبر/تشرين الأول", "نوفمبر/تشرين الثاني"]
REGIONS = ["البادية السورية", "الصحراء الجنوبية", "بادية حمص", "بادية دير الزور", "جبل الزاوية", "الغوطة الشرقية"]
FOREIGN = ["واشنطن", "أنقرة", "بيروت", "عمان", "بغداد", "موسكو"]
# ACLED-style notes: one short sentence naming the place, as ACLED coders write them (in Arabic here).
NOTES = [
    "قصف مدفعي على {trig} {town} بريف {gov} {dir} أدى إلى إصابة {n} مدنيين.",
    "اشتباكات بين فصائل مسلحة في محيط {trig} {town} في محافظة {gov} وسقوط {n} قتلى.",
    "غارة بطائرة مسيرة استهدفت سيارة على الطريق قرب {town} بريف {gov}، دون معلومات عن إصابات.",
    "انفجار عبوة ناسفة في سوق {trig} {town} التابعة لمحافظة {gov} وإصابة {n} أشخاص.",
    "وقفة احتجاجية لأهالي {town} في {gov} للمطالبة بالإفراج عن معتقلين.",
]
EVENT_TYPES = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Battles", "Armed clash"),
    ("Protests", "Peaceful protest"),
    ("Violence against civilians", "Attack"),
]
NOTE_TAILS = [
    " وأفادت مصادر محلية بأن فرق الدفاع المدني عملت على إسعاف المصابين ونقلهم إلى المشافي القريبة.",
    " ولم تعلن أي جهة مسؤوليتها عن الحادثة حتى ساعة إعداد هذا التقرير، بحسب ناشطين.",
    " وتشهد المنطقة توتراً أمنياً متصاعداً منذ أسابيع مع انتشار للحواجز على الطرق الرئيسية.",
]
ACTORS = ["Unidentified armed group", "Military Forces of Syria", "Civilians", "Unidentified drone", "Protesters"]


def reports(n: int, *, seed: int = 7) -> Iterator[dict]:
    gaz = load_gazetteer()
    towns = [p for p in gaz if p.kind == "community" and p.importance >= Importance.SUBDISTRICT_CAPITAL and p.admin1]
    govs = {p.id: p for p in gaz if p.kind == "governorate"}
    rng = random.Random(seed)
    for i in range(n):
        t = rng.choice(towns)
        t2 = rng.choice(towns)
        text = rng.choice(TEMPLATES).format(
            dateline=rng.choice(["دمشق", "حلب", "إدلب"]),
            trig=rng.choice(TRIGGERS),
            town=t.name_ar,
            town2=t2.name_ar,
            gov=govs[t.admin1].name_ar,
            dir=rng.choice(DIRECTIONS),
            n=rng.randint(1, 9),
            region=rng.choice(REGIONS),
            day=rng.randint(1, 28),
            month=rng.choice(MONTHS),
            capital="دمشق",
            foreign=rng.choice(FOREIGN),
        )
        yield {"id": f"gen-{i:07d}", "date": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "text": text}


def _towns(gaz: Gazetteer, floor: float) -> list[Place]:
    return [p for p in gaz if p.kind == "community" and p.in_syria and p.importance >= floor and p.admin1]


def incident_table(n: int, *, seed: int = 5, coordinates: bool = True, notes: bool = True) -> pd.DataFrame:
    """An ACLED-style incident table of `n` rows (lower-case ACLED columns). With `coordinates`, every row carries
    the latitude/longitude of its community (4 decimals, as ACLED publishes) and any of the 5,000 communities may
    appear; without, rows name a town (English, Arabic or «X town») that the geocoder must find, chosen among the
    better-known ones. `notes` adds an Arabic sentence about the event."""
    gaz = load_gazetteer()
    towns = _towns(gaz, 0.0 if coordinates else Importance.LOCAL)
    names = {p.id: p.name_en for p in gaz if p.kind in ("governorate", "district", "subdistrict")}
    govs_ar = {p.id: p.name_ar for p in gaz if p.kind == "governorate"}
    rng = random.Random(seed)
    picks = [rng.choice(towns) for _ in range(n)]
    kinds = [rng.choice(EVENT_TYPES) for _ in range(n)]
    forms = [lambda p: p.name_en, lambda p: p.name_ar, lambda p: f"{p.name_en} town"]
    table = {
        "event_id_cnty": [f"SYR{i:06d}" for i in range(n)],
        "event_date": [f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" for _ in range(n)],
        "year": [2025] * n,
        "time_precision": [1] * n,
        "event_type": [k[0] for k in kinds],
        "sub_event_type": [k[1] for k in kinds],
        "actor1": [rng.choice(ACTORS) for _ in range(n)],
        "admin1": [names.get(p.admin1) for p in picks],
        "admin2": [names.get(p.admin2) for p in picks],
        "admin3": [names.get(p.admin3) for p in picks],
        "location": [p.name_en if coordinates else rng.choice(forms)(p) for p in picks],
    }
    if coordinates:
        table["latitude"] = [round(p.lat, 4) for p in picks]
        table["longitude"] = [round(p.lon, 4) for p in picks]
        table["geo_precision"] = [rng.choice((1, 1, 1, 2)) for _ in range(n)]
    table["source"] = [rng.choice(["Local monitors", "Civil defence", "SOHR"]) for _ in range(n)]
    if notes:
        table["notes"] = [
            rng.choice(NOTES)
            .format(
                trig=rng.choice(TRIGGERS),
                town=p.name_ar,
                gov=govs_ar.get(p.admin1, ""),
                dir=rng.choice(DIRECTIONS),
                n=rng.randint(1, 9),
            )
            .replace("  ", " ")
            + rng.choice(NOTE_TAILS)
            for p in picks
        ]
    table["fatalities"] = [rng.choice((0, 0, 0, 1, 2, 5)) for _ in range(n)]
    return pd.DataFrame(table)


def write_table(n: int, path: str | Path, *, seed: int = 5, coordinates: bool = True, notes: bool = True) -> Path:
    """`incident_table` written as a UTF-8 CSV."""
    path = Path(path)
    incident_table(n, seed=seed, coordinates=coordinates, notes=notes).to_csv(path, index=False, encoding="utf-8")
    return path


def write_corpus(n: int, path: str | Path, *, seed: int = 7) -> Path:
    path = Path(path)
    with open(path, "w", encoding="utf-8") as fh:
        for rec in reports(n, seed=seed):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description="generate a synthetic report corpus (JSON Lines) or incident table (CSV)")
    ap.add_argument("n", type=int)
    ap.add_argument("output", type=Path)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--table", action="store_true", help="an ACLED-style CSV table instead of reports")
    ap.add_argument("--no-coordinates", dest="coordinates", action="store_false", help="table rows name places only")
    ap.add_argument("--no-notes", dest="notes", action="store_false", help="table rows without notes")
    args = ap.parse_args()
    if args.table:
        write_table(args.n, args.output, seed=args.seed or 5, coordinates=args.coordinates, notes=args.notes)
        print(f"{args.output}: {args.n} table rows")
    else:
        write_corpus(args.n, args.output, seed=args.seed or 7)
        print(f"{args.output}: {args.n} reports")


if __name__ == "__main__":
    main()
