"""A synthetic corpus of Arabic incident reports, generated from the gazetteer and report templates written for
geomap. Deterministic for a seed. Used by the benchmarks, the Dask tests and the large-corpus notebook.

    python -m geomap.synthetic 200000 corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from pathlib import Path

from geomap.gazetteer import load_gazetteer

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


def reports(n: int, *, seed: int = 7) -> Iterator[dict]:
    gaz = load_gazetteer()
    towns = [p for p in gaz if p.kind == "community" and p.importance >= 0.7 and p.admin1]
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


def write_corpus(n: int, path: str | Path, *, seed: int = 7) -> Path:
    path = Path(path)
    with open(path, "w", encoding="utf-8") as fh:
        for rec in reports(n, seed=seed):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description="generate a synthetic Arabic report corpus (JSON Lines)")
    ap.add_argument("n", type=int)
    ap.add_argument("output", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    write_corpus(args.n, args.output, seed=args.seed)
    print(f"{args.output}: {args.n} reports")


if __name__ == "__main__":
    main()
