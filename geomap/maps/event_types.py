"""ACLED event and sub-event types with their Arabic names, and the one colour scheme the HTML and static maps share.

The Arabic names are written for geomap (short, as Arabic monitoring reports phrase them). Types that are not
ACLED's keep their own text; they get colours from `EXTRA_COLOURS` by frequency, and past that all share
`OTHER_COLOUR`, so a table with thousands of distinct types still gives a legend of bounded length.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

__all__ = [
    "EVENT_TYPES",
    "EXTRA_COLOURS",
    "OTHER_COLOUR",
    "SUB_EVENT_TYPES",
    "UNTYPED_COLOUR",
    "type_colours",
    "type_name",
]

# ACLED type -> (Arabic name, colour). Colours: distinct hues that stay apart for the common colour-vision types.
EVENT_TYPES: dict[str, tuple[str, str]] = {
    "Battles": ("معارك", "#c62828"),
    "Explosions/Remote violence": ("انفجارات وعنف عن بعد", "#ef6c00"),
    "Violence against civilians": ("عنف ضد المدنيين", "#6a1b9a"),
    "Protests": ("احتجاجات", "#1565c0"),
    "Riots": ("أعمال شغب", "#00897b"),
    "Strategic developments": ("تطورات استراتيجية", "#5d4037"),
}
SUB_EVENT_TYPES: dict[str, str] = {
    "Armed clash": "اشتباك مسلح",
    "Government regains territory": "استعادة الحكومة السيطرة على أرض",
    "Non-state actor overtakes territory": "سيطرة جهة غير حكومية على أرض",
    "Chemical weapon": "سلاح كيميائي",
    "Air/drone strike": "غارة جوية أو بطائرة مسيّرة",
    "Suicide bomb": "تفجير انتحاري",
    "Shelling/artillery/missile attack": "قصف مدفعي أو صاروخي",
    "Remote explosive/landmine/IED": "عبوة ناسفة أو لغم",
    "Grenade": "قنبلة يدوية",
    "Sexual violence": "عنف جنسي",
    "Attack": "هجوم",
    "Abduction/forced disappearance": "خطف أو إخفاء قسري",
    "Peaceful protest": "احتجاج سلمي",
    "Protest with intervention": "احتجاج تدخلت فيه قوات",
    "Excessive force against protesters": "قوة مفرطة ضد المحتجين",
    "Violent demonstration": "مظاهرة عنيفة",
    "Mob violence": "عنف جماعي",
    "Agreement": "اتفاق",
    "Arrests": "اعتقالات",
    "Change to group/activity": "تغيّر في جماعة أو نشاطها",
    "Disrupted weapons use": "إحباط استخدام أسلحة",
    "Headquarters or base established": "إنشاء مقر أو قاعدة",
    "Looting/property destruction": "نهب أو تدمير ممتلكات",
    "Non-violent transfer of territory": "انتقال السيطرة على أرض دون عنف",
    "Other": "أخرى",
}
EXTRA_COLOURS = ["#ad1457", "#2e7d32", "#283593", "#9e9d24", "#00838f", "#d84315"]
OTHER_COLOUR = "#8d8d8d"  # types beyond the palette: one shared colour and one legend row
UNTYPED_COLOUR = "#455a64"  # incidents without a type (text-derived reports before typing)


def type_name(value: str, lang: str) -> str:
    """The name of an event or sub-event type in the interface language (unknown types as written)."""
    if lang != "ar":
        return value
    if value in EVENT_TYPES:
        return EVENT_TYPES[value][0]
    return SUB_EVENT_TYPES.get(value, value)


def type_colours(values: Iterable[str | None]) -> dict[str | None, str]:
    """A colour for every type seen: ACLED types their own, others by frequency from the extra palette, the rest
    grey. The same input gives the same colours (ties broken by name), in the HTML and the static map alike."""
    counts = Counter(values)
    colours: dict[str | None, str] = {None: UNTYPED_COLOUR}
    extra = iter(EXTRA_COLOURS)
    for value, _ in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0]))):
        if value is None:
            continue
        if value in EVENT_TYPES:
            colours[value] = EVENT_TYPES[value][1]
        else:
            colours[value] = next(extra, OTHER_COLOUR)
    return colours
