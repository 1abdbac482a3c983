"""Actor names, abbreviations and nationality adjectives in Arabic and English, each on the short list (data table).

Weights say how surely the name means the actor when it appears: «قسد» always means the SDF; «التنظيم» usually
means ISIS in Syrian reporting; «تركيا» is as often a place as an actor. Longer names win over the shorter names
inside them («جيش الاحتلال التركي» is Turkey, «الفصائل الموالية لتركيا» the SNA, «النظام البائد» Other).
Phrases are separated by «|».
"""

from __future__ import annotations

from geomap.coding.cues import Cue, CueKind, cues, word_set
from geomap.coding.taxonomy import Actor as A

__all__ = ["ACTOR_CUES", "FORCE_OR_WEAPON_NOUNS", "NameWeight"]


class NameWeight:
    """How surely a name means its actor."""

    SURE = 1.0  # the actor's own name or abbreviation
    LIKELY = 0.7  # usually the actor («التنظيم» for ISIS, «الاحتلال» for Israel)
    LOOSE = 0.4  # as often a place or a description as an actor («تركيا», «مسلحين»)


N = NameWeight


def _names(actor: A, weight: float, phrases: str) -> list[Cue]:
    return cues(CueKind.ACTOR, actor, weight, phrases, open_end=False)


def _adjectives(actor: A, stems: str) -> list[Cue]:
    forms = " | ".join(f"{s}{end}" for s in stems.split() for end in ("ي", "ية", "يون", "يين"))
    return cues(CueKind.ACTOR_ADJECTIVE, actor, N.SURE, forms, open_end=False)


ACTOR_CUES: list[Cue] = [
    *_names(A.SYRIAN_GOVERNMENT, N.SURE, "قوات النظام | قوات الأسد | جيش النظام | طيران النظام | النظام السوري"),
    *_names(A.SYRIAN_GOVERNMENT, N.SURE, "نظام الأسد | الجيش السوري | الجيش العربي السوري | القوات الحكومية"),
    *_names(A.SYRIAN_GOVERNMENT, N.SURE, "قوات الحكومة | القوات السورية | قوات الحكومة السورية | قوات دمشق"),
    *_names(A.SYRIAN_GOVERNMENT, N.SURE, "قوات حكومة دمشق | الحكومة الانتقالية | الأمن العام | قوى الأمن العام"),
    *_names(A.SYRIAN_GOVERNMENT, N.SURE, "الدفاع الوطني | الفرقة الرابعة | الحرس الجمهوري | اللواء الثامن"),
    *_names(A.SYRIAN_GOVERNMENT, N.SURE, "الفيلق الخامس | حفظ النظام | إدارة العمليات العسكرية | هيئة عمليات الجيش"),
    *_names(A.SYRIAN_GOVERNMENT, N.SURE, "الطيران الحربي السوري | قوات الجيش السوري | قوات الأمن السورية"),
    *_names(A.SYRIAN_GOVERNMENT, N.SURE, "الأمن العسكري | المخابرات الجوية | ميليشيات النظام | ميليشيا النظام"),
    *_names(A.SYRIAN_GOVERNMENT, N.SURE, "syrian army | syrian government | government forces | regime forces"),
    *_names(A.SYRIAN_GOVERNMENT, N.SURE, "general security | national defence forces | ndf | syrian security forces"),
    *_names(A.SYRIAN_GOVERNMENT, N.SURE, "قوات النمر | الفرقة 25 | قوات المهام الخاصة | وزارة الداخلية السورية"),
    *_names(A.SYRIAN_GOVERNMENT, N.LIKELY, "حكومة دمشق | الحكومة السورية | الأمن الداخلي | قوى الأمن | قوات الأمن"),
    *_names(A.SYRIAN_GOVERNMENT, N.LIKELY, "النظام | وزارة الدفاع السورية | الشرطة | الجيش العربي | السلطات السورية"),
    *_names(A.SYRIAN_GOVERNMENT, N.LIKELY, "regime | syrian forces | syrian military | assad forces | security forces"),
    *_names(A.RUSSIA, N.SURE, "القوات الروسية | الطيران الروسي | سلاح الجو الروسي | الشرطة العسكرية الروسية"),
    *_names(A.RUSSIA, N.LIKELY, "روسيا | russia | russian"),
    *_adjectives(A.RUSSIA, "روس"),
    *_names(A.IRAN_BACKED, N.SURE, "حزب الله | الحرس الثوري | الميليشيات الإيرانية | المليشيات الإيرانية"),
    *_names(A.IRAN_BACKED, N.SURE, "الميليشيات الموالية لإيران | ميليشيات إيران | فاطميون | زينبيون | النجباء"),
    *_names(A.IRAN_BACKED, N.SURE, "hezbollah | irgc | iranian militia | iran backed | pro iranian"),
    *_names(A.IRAN_BACKED, N.SURE, "مدعومة من إيران | المدعومة من إيران | موالية لإيران | مدعومة إيرانيا"),
    *_adjectives(A.IRAN_BACKED, "إيران"),
    *_names(A.ISIS, N.SURE, "داعش | تنظيم الدولة | الدولة الإسلامية | خلايا التنظيم | خلايا داعش | عناصر التنظيم"),
    *_names(A.ISIS, N.SURE, "الدولة الاسلامية في العراق والشام | isis | isil | islamic state | daesh"),
    *_names(A.ISIS, N.LIKELY, "التنظيم"),
    *_names(A.HTS, N.SURE, "هيئة تحرير الشام | تحرير الشام | هتش | جبهة النصرة | hts | tahrir al sham | nusra"),
    *_names(A.HTS, N.LIKELY, "النصرة"),
    *_names(A.HTS, N.LOOSE, "الهيئة"),
    *_names(A.SDF, N.SURE, "قسد | قوات سوريا الديمقراطية | قوات سورية الديمقراطية | الأسايش | الآسايش"),
    *_names(A.SDF, N.SURE, "وحدات حماية الشعب | وحدات حماية المرأة | مجلس منبج العسكري | مجلس دير الزور العسكري"),
    *_names(A.SDF, N.SURE, "sdf | ypg | ypj | asayish | syrian democratic forces"),
    *_names(A.SDF, N.SURE, "الوحدات الكردية | وحدات الحماية | قوات الأسايش"),
    *_names(A.SDF, N.LIKELY, "الإدارة الذاتية"),
    *_names(A.SDF, N.LIKELY, "حزب العمال الكردستاني | العمال الكردستاني | pkk"),
    *_names(A.TURKEY, N.SURE, "الجيش التركي | القوات التركية | جيش الاحتلال التركي | الاحتلال التركي"),
    *_names(A.TURKEY, N.SURE, "الطيران التركي | المسيرات التركية | المخابرات التركية | turkish army"),
    *_names(A.TURKEY, N.SURE, "الجندرما | الجندرمة | حرس الحدود التركي | turkish forces | turkish drone"),
    *_names(A.TURKEY, N.SURE, "turkish military"),
    *_names(A.TURKEY, N.LOOSE, "تركيا | turkey | turkish"),
    *_adjectives(A.TURKEY, "ترك"),
    *_names(A.SNA, N.SURE, "الجيش الوطني | الجيش الوطني السوري | الفصائل الموالية لتركيا | فصائل موالية لتركيا"),
    *_names(A.SNA, N.SURE, "الفصائل المسلحة الموالية لتركيا | الفصائل المدعومة من تركيا | فصائل الجيش الوطني"),
    *_names(A.SNA, N.SURE, "العمشات | الحمزات | فرقة السلطان | sna | syrian national army | turkish backed"),
    *_names(A.SNA, N.SURE, "فيلق الشام | أحرار الشرقية | الجبهة الشامية | فرقة المعتصم | فرقة سليمان شاه"),
    *_names(A.SNA, N.SURE, "صقور الشمال | الفيلق الثالث | الفيلق الثاني | جيش الشرقية | هيئة ثائرون"),
    *_names(A.ISRAEL, N.SURE, "إسرائيل | الجيش الإسرائيلي | جيش الاحتلال | قوات الاحتلال | الاحتلال الإسرائيلي"),
    *_names(A.ISRAEL, N.SURE, "العدو الإسرائيلي | الطيران الإسرائيلي | طائرات الاحتلال | israel | idf"),
    *_names(A.ISRAEL, N.LIKELY, "الاحتلال | israeli"),
    *_adjectives(A.ISRAEL, "إسرائيل"),
    *_names(A.US_COALITION, N.SURE, "التحالف الدولي | قوات التحالف | طيران التحالف | القوات الأمريكية"),
    *_names(A.US_COALITION, N.SURE, "القوات الأميركية | الجيش الأمريكي | الجيش الأميركي | us led coalition"),
    *_names(A.US_COALITION, N.SURE, "international coalition | us forces | american forces | centcom"),
    *_names(A.US_COALITION, N.SURE, "القيادة المركزية الأمريكية | القيادة المركزية الأميركية | سنتكوم"),
    *_names(A.US_COALITION, N.LIKELY, "التحالف | coalition"),
    *_adjectives(A.US_COALITION, "أمريك أميرك"),
    *_names(A.UNIDENTIFIED, N.SURE, "مجهولون | مجهولين | مسلحون مجهولون | مسلحين مجهولين | مجهولي الهوية"),
    *_names(A.UNIDENTIFIED, N.SURE, "مجهول الهوية | مجهولة الهوية | مجهولة المصدر | مجهول المصدر | طيران مجهول"),
    *_names(A.UNIDENTIFIED, N.SURE, "غير معروفة الانتماء | غير معروفة | unidentified | unknown gunmen"),
    *_names(A.UNIDENTIFIED, N.LIKELY, "مجهولة | مجهول | مجموعات مسلحة | عناصر مسلحة | مجموعات مجهولة | مجموعة مسلحة"),
    *_names(A.UNIDENTIFIED, N.LIKELY, "عصابة مسلحة | عصابات مسلحة | خلية مسلحة"),
    *_names(A.UNIDENTIFIED, N.LIKELY, "ملثمون | ملثمين | مسلحون ملثمون | مسلحين ملثمين | masked gunmen"),
    *_names(A.UNIDENTIFIED, N.LOOSE, "مسلحين | مسلحون | المسلحين | إرهابيين | إرهابيون | gunmen"),
    *_names(A.CIVILIANS, N.SURE, "مدنيين | مدنيون | مدني | مدنيا | المدنيين | الأهالي | أهالي | السكان"),
    *_names(A.CIVILIANS, N.SURE, "المواطنين | مواطنين | المزارعين | مزارعين | اللاجئين | لاجئين | النازحين"),
    *_names(A.CIVILIANS, N.SURE, "civilians | civilian | residents"),
    *_names(A.PROTESTERS, N.SURE, "متظاهرين | المتظاهرين | محتجين | المحتجين | protesters | demonstrators"),
    *_names(A.LOCAL_GROUP, N.SURE, "العشائر | عشائر | مقاتلي العشائر | مقاتلو العشائر | جيش العشائر"),
    *_names(A.LOCAL_GROUP, N.SURE, "أبناء العشائر | مجموعات عشائرية | المجموعات العشائرية | الفصائل المحلية"),
    *_names(A.LOCAL_GROUP, N.SURE, "فصائل محلية | مجموعات محلية | مجموعات عسكرية محلية | الفصائل الدرزية"),
    *_names(A.LOCAL_GROUP, N.SURE, "فصائل درزية | رجال الكرامة | الحرس الوطني | ميليشيا الحرس الوطني"),
    *_names(A.LOCAL_GROUP, N.SURE, "tribal | tribes | clan | druze | local militia"),
    *_names(A.LOCAL_GROUP, N.LIKELY, "الدروز | البدو | العشائرية | عائلتين | عشيرتين | العائلتين | عشيرة"),
    *_names(A.OTHER, N.SURE, "فلول النظام | النظام المخلوع | النظام البائد | النظام السابق | أنصار النظام السابق"),
    *_names(A.OTHER, N.SURE, "بقايا النظام | فصائل المعارضة | فصائل معارضة | الجيش الحر | الجيش السوري الحر"),
    *_names(A.OTHER, N.SURE, "الجيش الأردني | القوات المسلحة الأردنية | الجيش العراقي | القوات العراقية"),
    *_names(A.OTHER, N.SURE, "الجيش اللبناني | الجبهة الإسلامية | جيش الإسلام | أحرار الشام | الثوار"),
    *_names(A.OTHER, N.SURE, "حراس الدين | تنظيم حراس الدين | الحزب الإسلامي التركستاني | الحزب التركستاني"),
    *_names(A.OTHER, N.SURE, "تجار المخدرات | تجار مخدرات | مهربي المخدرات"),
    *_names(A.OTHER, N.SURE, "free syrian army | fsa | rebels | former regime | jordanian army | iraqi army"),
    *_names(A.OTHER, N.LIKELY, "المعارضة | مهربين | المهربين | مهربي | opposition | smugglers"),
]

# Nouns a nationality adjective must follow to name an actor: «غارة إسرائيلية», «القوات التركية» — not «ناقلة
# إيرانية» (a target) or «الحدود التركية» (a place). Normalised, without clitics or article.
FORCE_OR_WEAPON_NOUNS = word_set(
    """غاره غارات قصف طيران طايره طايرات مسيره مسيرات صاروخ صواريخ قوات قوه جيش جنود جندي دوريه دوريات مروحيه
    مروحيات مقاتلات ضربه ضربات عدوان هجوم هجمات توغل مدفعيه قذايف قذيفه ميليشيات مليشيات ميليشيا فصايل عناصر
    حربي حربيه مسيره مسير عسكري عسكريه جو شرطه دفاع دفاعات استخبارات مخابرات"""
)
