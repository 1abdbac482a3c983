"""Event words in Arabic and English, each pointing to an ACLED sub-event type (data table).

Weights are tiers, not fitted numbers: how firmly the word alone fixes the sub-event type. Several words of one type
add up, so the type a report keeps coming back to wins. Phrases are written as in reporting and separated by «|»;
`scan` normalises them, adds the definite form of two-word phrases («سيارة مفخخة» → «السيارة المفخخة») and lets a
word carry inflection suffixes unless `open_end=False`.
"""

from __future__ import annotations

from geomap.coding.cues import Cue, CueKind, EventRule, cues
from geomap.coding.taxonomy import SubEventType as S

__all__ = ["EVENT_CUES", "Weight"]


class Weight:
    """Tiers of how firmly one word fixes a sub-event type."""

    DECISIVE = 4.0  # names the event and nothing else: a bomber blowing himself up, a short circuit
    STRONG = 3.0  # a weapon or act that fixes the type: «عبوة ناسفة», «غارة», «اشتباكات»
    USUAL = 2.5  # nearly always this type: «قذائف», «اعتقال», «معارك»
    MEDIUM = 2.0  # usually this type but shared: «مداهمة», «جثة»
    WEAK = 1.5  # suggests the type and needs support: «تفجير», «طائرات», «اتفاق»
    FAINT = 0.8  # generic words that only break ties: «انفجار», bare «قصف»
    TRACE = 0.5  # context words that never decide alone: «تعزيزات», «حادثة»


W, R = Weight, EventRule


def _ev(value: S | None, weight: float, phrases: str, rule: EventRule = R.PLAIN) -> list[Cue]:
    return cues(CueKind.EVENT, value, weight, phrases, rule=rule)


EVENT_CUES: list[Cue] = [
    # Air/drone strike. Aircraft also turn missiles and bare «قصف» in their clause into an air strike.
    *_ev(S.AIR_DRONE_STRIKE, W.DECISIVE, "طائرة مسيرة | طائرات مسيرة | مسيرة مفخخة | طائرة بدون طيار", R.AIRCRAFT),
    *_ev(S.AIR_DRONE_STRIKE, W.DECISIVE, "طائرات بدون طيار | طائرة من دون طيار | طائرة دون طيار", R.AIRCRAFT),
    *_ev(S.AIR_DRONE_STRIKE, W.DECISIVE, "طائرات دون طيار | طائرات من دون طيار", R.AIRCRAFT),
    *_ev(S.AIR_DRONE_STRIKE, W.STRONG, "غارة | غارات | ضربة جوية | ضربات جوية | قصف جوي | قصفا جويا", R.AIRCRAFT),
    *_ev(S.AIR_DRONE_STRIKE, W.STRONG, "طيران حربي | طائرات حربية | طائرة حربية | مقاتلات حربية", R.AIRCRAFT),
    *_ev(S.AIR_DRONE_STRIKE, W.STRONG, "عدوان جوي | عدوانا جويا | سلاح الجو | براميل متفجرة | برميل متفجر", R.AIRCRAFT),
    *_ev(S.AIR_DRONE_STRIKE, W.STRONG, "مروحية | مروحيات | airstrike | air strike | air raid | drone", R.AIRCRAFT),
    *_ev(S.AIR_DRONE_STRIKE, W.STRONG, "warplane | helicopter | barrel bomb | aircraft | jets", R.AIRCRAFT),
    *_ev(S.AIR_DRONE_STRIKE, W.USUAL, "مسيرة | مسيرات | درون | الطيران المسير", R.AIRCRAFT),
    # How official media write a strike from the air or from beyond the border: «عدوان إسرائيلي استهدف ...»
    *_ev(
        S.AIR_DRONE_STRIKE, W.USUAL, "عدوان إسرائيلي | عدوانا إسرائيليا | اعتداء إسرائيلي | ضربة إسرائيلية", R.AIRCRAFT
    ),
    *_ev(S.AIR_DRONE_STRIKE, W.WEAK, "الدفاعات الجوية | الدفاع الجوي | وسائط الدفاع الجوي", R.AIRCRAFT),
    *_ev(S.AIR_DRONE_STRIKE, W.WEAK, "طيران | طائرات | طائرة", R.AIRCRAFT),
    # Shelling/artillery/missile attack
    *_ev(S.SHELLING, W.DECISIVE, "قصف مدفعي | قصفا مدفعيا | قصف صاروخي | قصفا صاروخيا | قذائف الهاون"),
    *_ev(S.SHELLING, W.USUAL, "قذائف | قذيفة | هاون | مدفعية | راجمات | راجمة | غراد | مدفعي | صاروخي"),
    *_ev(S.SHELLING, W.STRONG, "shelling | shelled | artillery | mortar"),
    *_ev(S.SHELLING, W.WEAK, "الأسلحة الثقيلة | مدافع"),
    *_ev(S.SHELLING, W.WEAK, "صواريخ | صاروخ | صاروخا | missile | missiles | rocket", R.MISSILE),
    *_ev(S.SHELLING, W.WEAK, "قصف | يقصف | تقصف | bombard | bombed | struck", R.BOMBARD),
    # Remote explosive/landmine/IED: planted charges, car bombs, mines and war remnants that go off
    *_ev(S.REMOTE_EXPLOSIVE, W.DECISIVE, "عبوة ناسفة | عبوات ناسفة | عبوتان ناسفتان | عبوتين ناسفتين"),
    *_ev(S.REMOTE_EXPLOSIVE, W.DECISIVE, "سيارة مفخخة | دراجة نارية مفخخة | سيارتان مفخختان"),
    *_ev(S.REMOTE_EXPLOSIVE, W.DECISIVE, "car bomb | roadside bomb | explosive device | ied | booby"),
    *_ev(S.REMOTE_EXPLOSIVE, W.STRONG, "مفخخة | مفخخات | مفخختان | مفخختين | ناسفة | عبوة | عبوات"),
    *_ev(S.REMOTE_EXPLOSIVE, W.USUAL, "لغم | ألغام | لغما | مخلفات الحرب | مخلفات حرب | مخلفات حربية", R.NEEDS_BLAST),
    *_ev(S.REMOTE_EXPLOSIVE, W.USUAL, "جسم متفجر | أجسام متفجرة | ذخائر غير منفجرة", R.NEEDS_BLAST),
    *_ev(S.REMOTE_EXPLOSIVE, W.USUAL, "landmine | unexploded | remnants of war", R.NEEDS_BLAST),
    *_ev(S.REMOTE_EXPLOSIVE, W.MEDIUM, "من مخلفات | قنبلة عنقودية | قنابل عنقودية", R.NEEDS_BLAST),
    *_ev(S.REMOTE_EXPLOSIVE, W.WEAK, "تفجير | تفجيرين | تفجيرات | bombing"),
    *_ev(S.REMOTE_EXPLOSIVE, W.FAINT, "انفجار | انفجارات | انفجر | انفجرت | انفجرا | explosion | blast | exploded"),
    # Suicide bomb: only when a bomber is said
    *_ev(S.SUICIDE_BOMB, W.DECISIVE, "انتحاري | انتحارية | انتحاريا | حزام ناسف | حزاما ناسفا | أحزمة ناسفة"),
    *_ev(S.SUICIDE_BOMB, W.DECISIVE, "فجر نفسه | فجرت نفسها | انغماسي | suicide"),
    *_ev(S.GRENADE, W.DECISIVE, "قنبلة يدوية | قنابل يدوية | رمانة يدوية | grenade"),
    *_ev(S.GRENADE, W.WEAK, "قنبلة | قنابل"),
    *_ev(S.CHEMICAL_WEAPON, W.DECISIVE, "سلاح كيميائي | أسلحة كيميائية | هجوم كيميائي | غاز الكلور | غاز السارين"),
    *_ev(S.CHEMICAL_WEAPON, W.STRONG, "كيماوي | كيميائي | chemical | chlorine | sarin"),
    # Battles
    *_ev(S.ARMED_CLASH, W.STRONG, "اشتباك | اشتباكات | اشتبك | اشتبكت | كمين | اقتتال | مواجهة مسلحة"),
    *_ev(S.ARMED_CLASH, W.STRONG, "تبادل لإطلاق النار | تبادل إطلاق النار | تبادل لإطلاق النيران"),
    *_ev(S.ARMED_CLASH, W.STRONG, "clash | clashes | clashed | ambush | firefight | gunfight"),
    *_ev(S.ARMED_CLASH, W.USUAL, "معارك | مواجهات | مواجهة"),
    *_ev(S.ARMED_CLASH, W.MEDIUM, "fighting | battle"),
    *_ev(S.ARMED_CLASH, W.WEAK, "معركة | قتال | احتدام"),
    *_ev(S.NON_STATE_ACTOR_OVERTAKES_TERRITORY, W.USUAL, "سيطر | مسيطرا | استولى | استولت | استولوا", R.TERRITORY),
    *_ev(S.NON_STATE_ACTOR_OVERTAKES_TERRITORY, W.STRONG, "took control | seized control | captured", R.TERRITORY),
    *_ev(S.NON_STATE_ACTOR_OVERTAKES_TERRITORY, W.WEAK, "طرد | طردوا | انتزع", R.TERRITORY),
    *_ev(S.NON_STATE_ACTOR_OVERTAKES_TERRITORY, W.USUAL, "استعاد | استعادت | استعادة | استعادوا", R.TERRITORY),
    *_ev(S.NON_STATE_ACTOR_OVERTAKES_TERRITORY, W.STRONG, "recaptured | regained control | retook", R.TERRITORY),
    # Violence against civilians. Shooting and assassination are Attack on civilians, Armed clash on fighters.
    *_ev(S.ATTACK, W.DECISIVE, "اغتيال | اغتيالات | اغتال | اغتالت | إعدام | أعدم | أعدمت", R.VIOLENCE_ON),
    *_ev(S.ATTACK, W.DECISIVE, "assassinat | executed | execution | shot dead", R.VIOLENCE_ON),
    *_ev(
        S.ATTACK, W.USUAL, "تصفية | إطلاق النار | إطلاق نار | إطلاق الرصاص | أطلقوا النار | أطلق النار", R.VIOLENCE_ON
    ),
    *_ev(S.ATTACK, W.USUAL, "برصاص | رصاص | قنص | قناص | ذبح | تعذيب", R.VIOLENCE_ON),
    *_ev(S.ATTACK, W.USUAL, "gunmen | opened fire | shooting | stabbed", R.VIOLENCE_ON),
    *_ev(S.ATTACK, W.MEDIUM, "جثة | جثث | جثته | أداة حادة | طعن | طعنا", R.VIOLENCE_ON),
    *_ev(S.ATTACK, W.WEAK, "النار على | النيران على | ظروف غامضة | اعتداء | الاعتداء | يعتدون", R.VIOLENCE_ON),
    *_ev(S.ATTACK, W.WEAK, "هجوم مسلح | هجومين مسلحين | هجوما مسلحا | إضرام النار", R.VIOLENCE_ON),
    *_ev(S.ATTACK, W.WEAK, "هجوم | هجوما | هجومه | هاجم | هاجمت | هاجموا | مهاجمة", R.VIOLENCE_ON),
    *_ev(S.ATTACK, W.TRACE, "استهدف | استهدفت | استهدفوا | استهداف | يستهدف | تستهدف", R.VIOLENCE_ON),
    *_ev(S.ATTACK, W.FAINT, "اقتحام | اقتحم | اقتحمت | اقتحموا | attack | attacked", R.VIOLENCE_ON),
    *_ev(S.ATTACK, W.TRACE, "قنابل دخانية", R.VIOLENCE_ON),
    *_ev(S.ABDUCTION, W.STRONG, "خطف | اختطاف | اختطف | اختطفت | اختطفوا | مختطف | اختفاء قسري"),
    *_ev(S.ABDUCTION, W.STRONG, "abduct | kidnap | forcibly disappeared"),
    *_ev(S.SEXUAL_VIOLENCE, W.DECISIVE, "اغتصاب | اعتداء جنسي | rape | sexual violence | sexual assault"),
    *_ev(S.SEXUAL_VIOLENCE, W.WEAK, "تحرش"),
    # Protests and riots
    *_ev(S.PEACEFUL_PROTEST, W.DECISIVE, "وقفة احتجاجية | وقفات احتجاجية | مسيرة شعبية | مسيرة سلمية"),
    *_ev(S.PEACEFUL_PROTEST, W.STRONG, "مظاهرة | مظاهرات | تظاهرة | تظاهرات | اعتصام | مسيرة احتجاجية"),
    *_ev(S.PEACEFUL_PROTEST, W.STRONG, "مسيرة حاشدة | protest | demonstrat | rally | sit in | marched"),
    *_ev(S.PEACEFUL_PROTEST, W.USUAL, "تظاهر | تظاهروا | متظاهر | متظاهرين | متظاهرون | احتجاج | احتجاجات"),
    *_ev(S.PEACEFUL_PROTEST, W.USUAL, "احتجاجية | محتج | محتجين | محتجون | إضراب | للاحتجاج"),
    *_ev(S.PROTEST_WITH_INTERVENTION, W.MEDIUM, "تفريق | فرقت | قنابل الغاز | الغاز المسيل", R.INTERVENTION),
    *_ev(S.PROTEST_WITH_INTERVENTION, W.MEDIUM, "مسيل للدموع | dispers | tear gas", R.INTERVENTION),
    *_ev(S.EXCESSIVE_FORCE, W.USUAL, "الرصاص الحي | رصاص حي | live fire | live ammunition", R.PROTEST_FORCE),
    *_ev(S.MOB_VIOLENCE, W.DECISIVE, "أعمال شغب | أعمال الشغب", R.RIOT),
    *_ev(S.MOB_VIOLENCE, W.STRONG, "شغب | riot | rioters | mob | lynch", R.RIOT),
    *_ev(S.MOB_VIOLENCE, W.MEDIUM, "رشق بالحجارة | رشقوا | بالحجارة | تخريب", R.RIOT),
    # Strategic developments
    *_ev(S.AGREEMENT, W.STRONG, "توقيع اتفاق | وقعت اتفاق | وقع اتفاق | توقيع اتفاقية | signed an agreement"),
    *_ev(S.AGREEMENT, W.WEAK, "اتفاق | اتفاقا | اتفاقية | تسوية | هدنة | مصالحة | agreement | truce"),
    *_ev(S.ARRESTS, W.STRONG, "حملة اعتقالات | حملة دهم | حملة مداهمات | القبض على | إلقاء القبض"),
    *_ev(S.ARRESTS, W.USUAL, "اعتقال | اعتقالات | اعتقل | اعتقلت | اعتقلوا | توقيف | arrest | detain"),
    *_ev(S.ARRESTS, W.MEDIUM, "مداهمة | مداهمات | داهم | داهمت | داهموا | دهم"),
    *_ev(S.ARRESTS, W.WEAK, "احتجاز | احتجز | احتجزت | raid | raided"),
    *_ev(S.CHANGE_TO_GROUP, W.USUAL, "انشقاق | انشق | انشقت | انشقوا | defect"),
    *_ev(S.CHANGE_TO_GROUP, W.WEAK, "اندماج | حل الفصيل | merged"),
    *_ev(S.DISRUPTED_WEAPONS_USE, W.STRONG, "إبطال مفعول | أبطلت | تفكيك عبوة | defused | intercepted"),
    *_ev(S.DISRUPTED_WEAPONS_USE, W.MEDIUM, "تفكيك | فكك | أحبطت | إحباط | مصادرة | ضبطت"),
    *_ev(S.DISRUPTED_WEAPONS_USE, W.WEAK, "ضبط | شحنة أسلحة | إسقاط طائرة | seized weapons"),
    *_ev(S.HEADQUARTERS_ESTABLISHED, W.STRONG, "قاعدة عسكرية جديدة | نقطة عسكرية جديدة | إنشاء قاعدة"),
    *_ev(S.HEADQUARTERS_ESTABLISHED, W.STRONG, "أنشأت قاعدة | established a base | new base"),
    *_ev(S.LOOTING, W.STRONG, "نهب | نهبت | نهبوا | سرقة | سرقت | حرق منازل | تجريف | loot"),
    *_ev(S.LOOTING, W.WEAK, "إحراق | حرق | يحرقون | هدم | هدمت | تدمير | سلبت | property destruction"),
    *_ev(S.NON_VIOLENT_TRANSFER, W.WEAK, "انسحاب | انسحبت | انسحب | انسحبوا | تسليم | سلمت | سلموا | withdrew"),
    *_ev(S.NON_VIOLENT_TRANSFER, W.WEAK, "handed over"),
    *_ev(S.OTHER, W.STRONG, "توغل | توغلت | يتوغل | تتوغل | متوغلة | المتوغلة | incursion"),
    *_ev(S.OTHER, W.WEAK, "حظر تجوال | تجوال | التجول | منطقة عسكرية مغلقة | حاجز مؤقت | حاجزا مؤقتا"),
    *_ev(S.OTHER, W.WEAK, "أقامت حاجزا | أقامت حواجز | نصبت حاجزا | curfew"),
    *_ev(S.OTHER, W.TRACE, "تعزيزات | تحليق | استنفار | reinforcements"),
    # No political event: fires, accidents, want, disasters, returns. They win only when no attack outweighs them.
    *_ev(None, W.DECISIVE, "ماس كهربائي | ماسا كهربائيا | تماس كهربائي | حادث سير | حادث مروري | حادثة سير"),
    *_ev(None, W.DECISIVE, "سوء التغذية | نقص الغذاء | short circuit | malnutrition | traffic accident"),
    *_ev(None, W.STRONG, "اندلع حريق | اندلاع حريق | نشوب حريق | انقلاب سيارة | فيضان | فيضانات | زلزال"),
    *_ev(None, W.STRONG, "fire broke out | flood | earthquake | drowned"),
    *_ev(None, W.MEDIUM, "حريق | حرائق | حريقا | تسرب | غرق | سيول | blaze | wildfire | accident"),
    *_ev(None, W.WEAK, "احتراق | اندلاع النيران | اشتعال | إخماد | صهريج | البرد | الجوع | عائدة | عودة"),
    *_ev(None, W.FAINT, "إطفاء | انهيار | returnees"),
    *_ev(None, W.TRACE, "حادث | حادثة | الحادث | الحادثة"),
]
