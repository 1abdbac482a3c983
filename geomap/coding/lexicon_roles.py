"""Words around an actor's name that say what part it played (data table, normalised, without clitics).

«شنته X» and «هجوم X» make X the one who acted; «في صفوف X», «حاجز لـX», «استهداف X» the target; «وفق X», «أعلنت
X» a source; «تحت سيطرة X» the side holding the ground. `actors` reads them.
"""

from __future__ import annotations

from geomap.coding.cues import word_set

__all__ = [
    "AGENTIVE_NOUNS",
    "AGENT_LINKS",
    "ATTRIBUTES",
    "CLAIM_WORDS",
    "CONTROL_BEFORE",
    "EXPLOSIVE_NOUNS",
    "HEDGES",
    "ORG_WORDS",
    "OTHER_WEAPON_WORDS",
    "SELF_REPORT",
    "SOURCE_WORDS",
    "TARGET_NOUNS",
    "UNIT_VERBS",
    "UNIT_WORDS",
    "VIOLENT_VERBS",
    "WEAPON_NOUNS",
]

# «نفذته X», «من قبل X», «على يد X», «برصاص X»: X acted.
AGENT_LINKS = word_set(
    """نفذه نفذته نفذها نفذتها نفذهما شنه شنته شنها شنتها زرعها زرعتها زرعه زرعته زرعهما زرعتهما القتها القاها
    اطلقها اطلقتها اطلقه تبناه تبنته يد قبل رصاص برصاص by"""
)
# Verbs whose subject follows them (Arabic verb-first sentences): «شنت إسرائيل», «قصفت قوات النظام».
VIOLENT_VERBS = word_set(
    """شن شنت شنوا قصف قصفت قصفوا استهدف استهدفت استهدفوا هاجم هاجمت هاجموا اقتحم اقتحمت اقتحموا داهم داهمت
    داهموا توغل توغلت القت القي اطلق اطلقت اطلقوا نفذ نفذت نفذوا اغتال اغتالت اعتقل اعتقلت اعتقلوا قتلت سيطر
    سيطرت تقدم تقدمت اختطف اختطفت اعدم اعدمت فجر فجرت استولي استولت استولوا اسقط اسقطت نصب نصبت زرع زرعت فتح
    فتحت اقدم اقدمت حاول حاولت تمكن تمكنت ردت رد دفعت احتجزت ارسلت استعاد استعادت استعادوا
    يشن تشن يقصف تقصف يستهدف تستهدف يهاجم تهاجم يقتحم تقتحم يداهم تداهم يتوغل تتوغل يطلق تطلق يغتال تغتال يعتقل
    تعتقل يختطف تختطف يعدم تعدم يفجر تفجر يسيطر تسيطر يتقدم تتقدم يستعيد تستعيد يسقط تسقط يقتل تقتل"""
)  # the present forms are the headline's: «الجيش التركي يقصف قرى بريف حلب»
# Nouns whose genitive is the attacker: «هجوم داعش», «قصف النظام», «كمين لفلول النظام».
AGENTIVE_NOUNS = word_set(
    """هجوم هجمات هجوما قصف قصفا غاره غارات ضربه ضربات كمين كمينا اعتداء اعتداءات مداهمه توغل مهاجمه عمليه
    تفجير ضرب"""
)
# Nouns of fighting units between a verb and its actor: «تقدمت مجموعة من الجيش الوطني», «شنه عناصر من داعش».
UNIT_WORDS = word_set(
    """قوه قوات دوريه دوريات عناصر عنصر مجموعه مجموعات وحده وحدات رتل خليه خلايا مقاتلي مقاتلين مقاتلون ميليشيا
    ميليشيات مليشيات مسلحي مسلحين مسلحون طايرات طايره ابناء افراد قناص قناصه قناصو قناصي"""
)
# Nouns whose genitive (or «لـ» complement) is the target: «في صفوف X», «حاجز للدفاع الوطني», «استهداف X».
TARGET_NOUNS = word_set(
    """صفوف بصفوف مواقع موقع نقاط نقطه مقر مقرات مقار حاجز حاجزا حواجز دوريه دوريات سياره سيارات حافله رتل ارتال
    قياديا قيادي قياديين قاده قائد ضد تجاه رتلا موقعا مقرا استهداف معاقل تحصينات مراكز مركز اهداف ثكنه قاعده تموضع تمركز
    انتشار قتلي جرحي ضحايا مقتل اغتيال لصالح"""
)
# Sources: «وفق X», «أعلنت X», «مصدر في X».
SOURCE_WORDS = word_set(
    """وفق وفقا بحسب حسب قال قالت اعلن اعلنت ذكر ذكرت افاد افادت نقل نقلت اكد اكدت اوضح اوضحت اشار اشارت بيان
    مصدر مصادر مسوول مدير متحدث باسم ناطق وكاله اعلام وسايل according"""
)
SELF_REPORT = word_set("انه انها انهم بانه بانها بانهم ان")  # «أعلن X أنه استهدف ...»: X speaks of itself
ORG_WORDS = word_set("اداره قياده جهاز وزاره مديريه فرع هييه مكتب تنظيم")  # «لإدارة الأمن العام»: look past them
CLAIM_WORDS = word_set("مسووليته مسووليتها مسووليتهم تبنيه تبنيها تبنت تبني تبنى claimed")
CONTROL_BEFORE = word_set("تحت مناطق الخاضعه خاضعه الواقعه واقعه الخاضع")  # «تحت سيطرة X»: X holds, not acts
# Mines and charges whose «من مخلفات X» names who laid them (a rocket from a regime stockpile does not).
EXPLOSIVE_NOUNS = word_set("لغم لغما الغام ارضي عبوه عبوات قنبله قنابل جسم")
# Nouns a nationality adjective can follow and make its country the attacker outright: «غارة إسرائيلية».
WEAPON_NOUNS = word_set(
    """غاره غارات قصف طيران طايره طايرات مسيره مسيرات صاروخ صواريخ ضربه ضربات عدوان هجوم هجمات توغل مدفعيه
    قذايف قذيفه مروحيه مروحيات مقاتلات"""
)
# Adjectives between a weapon or force noun and a nationality: «غارة جوية روسية», «الطيران الحربي الإسرائيلي».
ATTRIBUTES = word_set(
    "حربي حربيه مسير مسيره عسكري عسكريه جوي جويه مدفعي مدفعيه صاروخي صاروخيه عنيف عنيفه مكثف مكثفه جديد جديده"
)
# Words between a weapon and a nationality that hedge it: «طائرة مسيرة يرجح أنها تركية».
HEDGES = word_set("انها انه يرجح ترجح يعتقد يشتبه")
# Verbs whose subject is usually the unit named right after them: «داهمت دورية تابعة للأسايش» (the patrol raided),
# unlike «استهدفت دورية تابعة لـX» (the patrol was hit).
UNIT_VERBS = word_set("داهم داهمت اعتقل اعتقلت اقتحم اقتحمت توغل توغلت نفذ نفذت فتح فتحت القت القي اقامت نصبت")
# Words that make an actor the author of something else than a bomb («غارات النظام», «قصفت قوات النظام»): its
# air strikes, shelling or raids do not make it the one who planted a charge.
OTHER_WEAPON_WORDS = word_set(
    """غاره غارات قصف قصفا قصفت قصفوا ضربه ضربات توغل توغلت مداهمه داهم داهمت طيران طايره طايرات مسيره
    مسيرات صاروخ صواريخ مدفعيه قذايف قذيفه مروحيه مروحيات عدوان سيطره سيطرت سيطر لسيطره"""
)
