"""ACLED's event taxonomy and the short list of actors analysts use: the exact strings, as enums.

`SubEventType.event_type` gives the event type a sub-event type belongs to, so a coding never pairs a sub-event type
with the wrong event type.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Actor", "EventType", "SubEventType"]


class EventType(StrEnum):
    """ACLED event types (exact strings)."""

    BATTLES = "Battles"
    EXPLOSIONS = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class SubEventType(StrEnum):
    """ACLED sub-event types (exact strings); `.event_type` is the event type each belongs to."""

    ARMED_CLASH = "Armed clash"
    GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_ACTOR_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION = "Abduction/forced disappearance"
    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE = "Excessive force against protesters"
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    HEADQUARTERS_ESTABLISHED = "Headquarters or base established"
    LOOTING = "Looting/property destruction"
    NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
    OTHER = "Other"

    @property
    def event_type(self) -> EventType:
        return _EVENT_TYPE_OF[self]


_S, _E = SubEventType, EventType
_EVENT_TYPE_OF = {
    **dict.fromkeys(
        (_S.ARMED_CLASH, _S.GOVERNMENT_REGAINS_TERRITORY, _S.NON_STATE_ACTOR_OVERTAKES_TERRITORY), _E.BATTLES
    ),
    **dict.fromkeys(
        (_S.CHEMICAL_WEAPON, _S.AIR_DRONE_STRIKE, _S.SUICIDE_BOMB, _S.SHELLING, _S.REMOTE_EXPLOSIVE, _S.GRENADE),
        _E.EXPLOSIONS,
    ),
    **dict.fromkeys((_S.SEXUAL_VIOLENCE, _S.ATTACK, _S.ABDUCTION), _E.VIOLENCE_AGAINST_CIVILIANS),
    **dict.fromkeys((_S.PEACEFUL_PROTEST, _S.PROTEST_WITH_INTERVENTION, _S.EXCESSIVE_FORCE), _E.PROTESTS),
    **dict.fromkeys((_S.VIOLENT_DEMONSTRATION, _S.MOB_VIOLENCE), _E.RIOTS),
    **dict.fromkeys(
        (
            _S.AGREEMENT,
            _S.ARRESTS,
            _S.CHANGE_TO_GROUP,
            _S.DISRUPTED_WEAPONS_USE,
            _S.HEADQUARTERS_ESTABLISHED,
            _S.LOOTING,
            _S.NON_VIOLENT_TRANSFER,
            _S.OTHER,
        ),
        _E.STRATEGIC_DEVELOPMENTS,
    ),
}


class Actor(StrEnum):
    """The short list of actors (ACLED's sense: actor1 acted, actor2 is the target or victim side)."""

    SYRIAN_GOVERNMENT = "Syrian government forces"
    RUSSIA = "Russia"
    IRAN_BACKED = "Iran-backed groups"
    ISIS = "ISIS"
    HTS = "HTS"
    SDF = "SDF"
    TURKEY = "Turkey"
    SNA = "SNA"
    ISRAEL = "Israel"
    US_COALITION = "US-led coalition"
    UNIDENTIFIED = "Unidentified armed group"
    CIVILIANS = "Civilians"
    PROTESTERS = "Protesters"
    LOCAL_GROUP = "Local group"
    OTHER = "Other"

    @property
    def name_ar(self) -> str:
        """The actor's name in Arabic, as Syrian reporting writes it (maps in Arabic show it)."""
        return ACTOR_NAMES_AR[self]


# Arabic names of the short list: neutral, as monitoring reports write them.
ACTOR_NAMES_AR: dict[Actor, str] = {
    Actor.SYRIAN_GOVERNMENT: "القوات الحكومية السورية",
    Actor.RUSSIA: "روسيا",
    Actor.IRAN_BACKED: "مجموعات مدعومة من إيران",
    Actor.ISIS: "تنظيم الدولة (داعش)",
    Actor.HTS: "هيئة تحرير الشام",
    Actor.SDF: "قوات سوريا الديمقراطية",
    Actor.TURKEY: "تركيا",
    Actor.SNA: "الجيش الوطني السوري",
    Actor.ISRAEL: "إسرائيل",
    Actor.US_COALITION: "التحالف الدولي بقيادة الولايات المتحدة",
    Actor.UNIDENTIFIED: "مجموعة مسلحة مجهولة",
    Actor.CIVILIANS: "مدنيون",
    Actor.PROTESTERS: "متظاهرون",
    Actor.LOCAL_GROUP: "مجموعة محلية",
    Actor.OTHER: "أخرى",
}
