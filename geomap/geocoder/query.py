"""Reading a place string as incident tables write it: which names it gives, what kind of place, which relation to
it, and what context places it.

* alternatives — «Marran/Merane village», «A or B», «Al-Rai town (Choban Bey)»: each alternative is tried;
* context — «Salah al-Din neighbourhood, Aleppo», «Tiba, Homs», «X in Khanasir Subdistrict», «Qabasin (Aleppo)»;
* kind words before or after the name — village, town, city, farm, dam, prison, airbase, checkpoint, camp ...
  (`KindHint`) — and a leading feature word that may also be part of the name (Jabal, Tall, Wadi, Nahr ...);
* relations — «Northern Hama Governorate», «Aleppo countryside», «the eastern countryside of Deir ez-Zor»,
  «outskirts of Manbij», «20 km east of Palmyra»;
* ACLED's «Homs - Karm al-Zeitoun» (a neighbourhood of a city) and roads «Khanasir-Aleppo road» (between two
  places, in neither).

Parsing only splits the string; `geomap.geocoder.coder` decides what each part names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from geomap.arabic import is_arabic
from geomap.relative import ENGLISH_BEARINGS as DIRECTIONS
from geomap.relative import Relation
from geomap.transliteration import expand_presentation_forms, translit_form

__all__ = ["KIND_FITS", "KindHint", "NamePhrase", "Query", "parse_query"]


class KindHint(StrEnum):
    """The kind of place a table's word names ("village", "dam", "nahiyah" ...)."""

    SETTLEMENT = "settlement"
    NEIGHBOURHOOD = "neighbourhood"
    CAMP = "camp"
    WATER = "water"  # dam, lake, reservoir
    RIVER = "river"
    AIRBASE = "airbase"
    BASE = "base"
    FIELD = "field"  # oil or gas field
    PRISON = "prison"
    CROSSING = "crossing"
    JUNCTION = "junction"  # crossroad, roundabout, square
    MOUNTAIN = "mountain"  # mountain, hill
    AREA = "area"  # area, plain, valley, island
    FACILITY = "facility"  # station, plant, factory, silos, checkpoint ...
    ROAD = "road"
    GOVERNORATE = "governorate"
    DISTRICT = "district"
    SUBDISTRICT = "subdistrict"

    __hash__ = str.__hash__


#: The gazetteer kinds (``kind`` or ``kind:subtype``) each hint fits.
KIND_FITS: dict[KindHint, tuple[str, ...]] = {
    KindHint.SETTLEMENT: ("community", "foreign_city"),
    KindHint.NEIGHBOURHOOD: ("neighbourhood", "community"),
    KindHint.CAMP: ("landmark:camp", "community", "neighbourhood"),
    KindHint.WATER: ("landmark:dam", "landmark:lake"),
    KindHint.RIVER: ("landmark:river",),
    KindHint.AIRBASE: ("landmark:airbase", "landmark:airport"),
    KindHint.BASE: ("landmark:base", "landmark:military_site", "landmark:airbase"),
    KindHint.FIELD: ("landmark:oil_field", "landmark:gas_field", "landmark:refinery"),
    KindHint.PRISON: ("landmark:prison",),
    KindHint.CROSSING: ("landmark:crossing",),
    KindHint.JUNCTION: ("landmark:roundabout", "landmark:square"),
    KindHint.MOUNTAIN: ("landmark:mountain", "landmark:hill", "region"),
    KindHint.AREA: ("region", "community", "neighbourhood"),
    KindHint.FACILITY: ("landmark",),
    KindHint.ROAD: ("landmark",),
    KindHint.GOVERNORATE: ("governorate",),
    KindHint.DISTRICT: ("district",),
    KindHint.SUBDISTRICT: ("subdistrict",),
}
#: Hints that name a feature rather than a settlement: a village of the name stands in for it only as a fallback.
FEATURE_HINTS = frozenset(
    {
        KindHint.WATER,
        KindHint.RIVER,
        KindHint.AIRBASE,
        KindHint.BASE,
        KindHint.FIELD,
        KindHint.PRISON,
        KindHint.CROSSING,
        KindHint.JUNCTION,
        KindHint.MOUNTAIN,
        KindHint.FACILITY,
        KindHint.ROAD,
    }
)
_KIND_WORDS = {  # lower case; the longest phrase at either end of a name wins
    KindHint.SETTLEMENT: "village villages town towns city hamlet locality farm farms city centre city center centre "
    "center downtown municipality",
    KindHint.NEIGHBOURHOOD: "neighbourhood neighborhood neighbourhoods neighborhoods quarter suburb",
    KindHint.CAMP: "camp camps refugee camp idp camp displacement camp",
    KindHint.WATER: "dam lake reservoir dam reservoir",
    KindHint.RIVER: "river stream canal",
    KindHint.AIRBASE: "airport airbase air base military airbase military airport airfield international airport",
    KindHint.BASE: "base military base army base barracks brigade battalion regiment academy",
    KindHint.FIELD: "oil field gas field oilfield gasfield field refinery",
    KindHint.PRISON: "prison prison complex jail",
    KindHint.CROSSING: "crossing border crossing border gate crossing point",
    KindHint.JUNCTION: "crossroad crossroads roundabout junction intersection square",
    KindHint.MOUNTAIN: "mountain mountains mount hill hills heights",
    KindHint.AREA: "area plain valley region island desert",
    KindHint.FACILITY: "station power plant power station thermal power plant water station pumping station plant "
    "factory silos silo hospital school bridge checkpoint project complex sector company mill",
    KindHint.ROAD: "road highway motorway route",
    KindHint.GOVERNORATE: "governorate province muhafazat",
    KindHint.DISTRICT: "district mintaqat",
    KindHint.SUBDISTRICT: "subdistrict sub district sub-district nahiyah nahiya nahiyat",
}
_PHRASES = ("city centre", "city center", "refugee camp", "idp camp", "displacement camp", "dam reservoir")
_MULTI = ("air base", "military airbase", "military airport", "international airport", "military base", "army base")
_MULTI += ("oil field", "gas field", "prison complex", "border crossing", "border gate", "crossing point")
_MULTI += ("power plant", "power station", "thermal power plant", "water station", "pumping station", "sub district")
KIND_WORDS: dict[str, KindHint] = {}
for _hint, _words in _KIND_WORDS.items():
    _text = _words
    for _phrase in (*_PHRASES, *_MULTI):
        if _phrase in _text:
            KIND_WORDS[_phrase] = _hint
            _text = _text.replace(_phrase, " ")
    for _w in _text.split():
        KIND_WORDS.setdefault(_w, _hint)
_MAX_KIND_WORDS = max(len(k.split()) for k in KIND_WORDS)
# Leading words that name a feature but are also part of place names (Tall Rifaat, Jabal az Zawiyah, Wadi Barada):
# a name is looked up with them first, and without them (the feature named after a place) only if that fails.
_FEATURE_WORDS = {
    KindHint.MOUNTAIN: "jabal tall tallat jubayl",
    KindHint.AREA: "wadi sahl hawijat hawijah jazirat ard marj",
    KindHint.RIVER: "nahr",
    KindHint.WATER: "sadd buhayrat",
    KindHint.SETTLEMENT: "mazraat mazraah khirbat",
    KindHint.JUNCTION: "thaniyat",
}
FEATURE_WORDS: dict[str, KindHint] = {translit_form(w): h for h, ws in _FEATURE_WORDS.items() for w in ws.split()}
COUNTRYSIDE_WORDS = frozenset({"countryside", "rural", "hinterland", "villages", "vicinity", "environs"})
NEAR_WORDS = frozenset({"outskirts", "surroundings", "periphery", "edges", "near", "around", "outside"})
_DIR = "|".join(sorted((re.escape(d) for d in DIRECTIONS), key=len, reverse=True))
_KM = r"(?:(?P<km>\d+(?:[.,]\d+)?)\s*(?:km|kms|kilometers?|kilometres?)\s+)"
# «20 km east of Palmyra», «east of Palmyra», «the eastern countryside of Deir ez-Zor», «outskirts of Manbij»
_OF_RE = re.compile(
    rf"^(?:the\s+)?(?:{_KM}?(?P<dir>{_DIR})\s+of|(?:(?P<cdir>{_DIR})\s+)?(?P<rel>countryside|outskirts|vicinity|"
    rf"environs|surroundings|periphery|desert|badia|edges)\s+of|(?P<near>near|around|outside))\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_POSSESSIVE_RE = re.compile(r"^(?P<rest>.+?)['’]s\s+(?P<tail>.+)$")  # «Idlib's southern countryside»
_ALTERNATE_RE = re.compile(r"\s*/\s*|\s+or\s+|\s*\|\s*", re.IGNORECASE)
_CONTEXT_RE = re.compile(r"\s*[,،;]\s*")
_BRACKET_RE = re.compile(r"\s*[(\[]([^)\]]+)[)\]]")
_IN_RE = re.compile(r"^(?P<head>.+?)\s+(?:in|inside|within)\s+(?P<ctx>.+)$", re.IGNORECASE)
_CITY_PART_RE = re.compile(r"\s+[-–—]\s+")  # ACLED: «Homs - Karm al-Zeitoun»
_ROAD_SPLIT_RE = re.compile(r"\s*[-–—]\s*|\s+to\s+|\s+and\s+", re.IGNORECASE)
_ROAD_BETWEEN_RE = re.compile(r"^(?:the\s+)?(?:road|highway)\s+(?:between|from)\s+(?P<ends>.+)$", re.IGNORECASE)
_TOKEN_RE = re.compile(r"[^\s]+")


@dataclass(frozen=True, slots=True)
class NamePhrase:
    """One name of a place string, with what the words around it say."""

    written: str  # the phrase as written, kind words included («Tall Dukhan», «Az Zalaf dam»)
    name: str  # without kind, direction and relation words («Az Zalaf»)
    kind: KindHint | None = None
    bearing: float | None = None
    relation: Relation | None = None
    distance_km: float | None = None
    feature: KindHint | None = None  # a leading feature word («Tall» of «Tall Dukhan») ...
    feature_name: str | None = None  # ... and the name after it («Dukhan»)


@dataclass(frozen=True, slots=True)
class Query:
    """A place string taken apart."""

    text: str
    alternatives: tuple[NamePhrase, ...]
    context: tuple[str, ...] = ()  # names that place it («, Idlib», «in Khanasir Subdistrict»)
    bracketed: tuple[str, ...] = ()  # «(X)»: context when X names a unit or town, else another name
    road: tuple[NamePhrase, NamePhrase] | None = None  # «A-B road»: the two ends
    city: str | None = None  # «Homs - Karm al-Zeitoun»: the city whose part the name is
    arabic: bool = False
    parts: tuple[str, ...] = field(default=())  # the head's alternatives as written


def parse_query(text: str) -> Query:
    """`text` taken apart (Latin or Arabic; an Arabic query keeps its head whole for the geoparser)."""
    text = " ".join(expand_presentation_forms(str(text)).split())
    bracketed = tuple(m.group(1).strip() for m in _BRACKET_RE.finditer(text))
    plain = _BRACKET_RE.sub("", text).strip()
    head, *context = [p for p in _CONTEXT_RE.split(plain) if p] or [plain]
    if is_arabic(head):
        return Query(text, (NamePhrase(head, head),), tuple(context), bracketed, arabic=True, parts=(head,))
    m = _IN_RE.match(head)
    if m and not _OF_RE.match(head):
        head, context = m.group("head"), [m.group("ctx"), *context]
    road = _road(head)
    city = None
    pieces = _CITY_PART_RE.split(head)
    if road is None and len(pieces) == 2 and all(pieces):
        city, head = pieces
    parts = [p for p in _ALTERNATE_RE.split(head) if p.strip()] or [head]
    phrases = [_phrase(p) for p in parts]
    shared = next((ph.kind for ph in reversed(phrases) if ph.kind), None)  # «Al Yarmuk/Khirbat Khan village»
    phrases = [_with_kind(ph, shared) for ph in phrases]
    return Query(text, tuple(phrases), tuple(context), bracketed, road, city, parts=tuple(parts))


def _with_kind(phrase: NamePhrase, kind: KindHint | None) -> NamePhrase:
    if phrase.kind or kind is None:
        return phrase
    return NamePhrase(
        phrase.written,
        phrase.name,
        kind,
        phrase.bearing,
        phrase.relation,
        phrase.distance_km,
        phrase.feature,
        phrase.feature_name,
    )


def _road(head: str) -> tuple[NamePhrase, NamePhrase] | None:
    """«Khanasir-Aleppo road», «Sayda - Western Ghariyah highway», «road between A and B»: the two ends."""
    m = _ROAD_BETWEEN_RE.match(head)
    if m:
        ends = m.group("ends")
    else:
        words = head.split()
        if len(words) < 2 or KIND_WORDS.get(words[-1].lower()) is not KindHint.ROAD:
            return None
        ends = " ".join(words[:-1])
    pieces = [p for p in _ROAD_SPLIT_RE.split(ends) if p.strip()]
    if len(pieces) != 2 or any(len(p.strip()) < 3 for p in pieces):  # «Al-Rai road» is one place's road
        return None
    return _phrase(pieces[0]), _phrase(pieces[1])


def _phrase(written: str) -> NamePhrase:
    """The name, kind, relation and direction of one alternative."""
    written = written.strip()
    relation = bearing = distance = None
    body = written
    m = _OF_RE.match(body)
    if m:
        body = m.group("rest")
        if m.group("dir"):
            relation, bearing = Relation.DIRECTION, DIRECTIONS[m.group("dir").lower()]
            distance = float(m.group("km").replace(",", ".")) if m.group("km") else None
        elif m.group("rel"):
            relation = Relation.NEAR if m.group("rel").lower() in NEAR_WORDS else Relation.COUNTRYSIDE
            if m.group("rel").lower() in ("desert", "badia"):
                relation = Relation.DESERT
            bearing = DIRECTIONS[m.group("cdir").lower()] if m.group("cdir") else None
        else:
            relation = Relation.NEAR
    pm = _POSSESSIVE_RE.match(body)
    if pm:  # «Idlib's southern countryside» → «southern Idlib countryside»
        body = f"{pm.group('tail')} {pm.group('rest')}" if _is_relation_tail(pm.group("tail")) else body
    words = _TOKEN_RE.findall(body)
    kind, words = _strip_kind(words)
    words, lead_bearing, lead_relation = _strip_leading(words)
    words, tail_relation, tail_bearing = _strip_trailing_relation(words)
    kind2, words = _strip_kind(words)
    kind = kind or kind2
    relation = relation or tail_relation or lead_relation
    bearing = bearing if bearing is not None else (tail_bearing if tail_bearing is not None else lead_bearing)
    if relation is None and bearing is not None:
        relation = Relation.DIRECTION
    name = " ".join(words) or written
    feature, feature_name = _feature(words)
    return NamePhrase(written, name, kind, bearing, relation, distance, feature, feature_name)


def _is_relation_tail(tail: str) -> bool:
    low = tail.lower().split()
    return bool(low) and low[-1] in COUNTRYSIDE_WORDS | NEAR_WORDS | {"desert"}


def _strip_kind(words: list[str]) -> tuple[KindHint | None, list[str]]:
    """The kind words at the end (or the start) of `words`, longest phrase first, and the words left."""
    for n in range(min(_MAX_KIND_WORDS, len(words) - 1), 0, -1):
        tail = " ".join(words[-n:]).lower()
        if tail in KIND_WORDS:
            return KIND_WORDS[tail], words[:-n]
    for n in range(min(_MAX_KIND_WORDS, len(words) - 1), 0, -1):
        lead = " ".join(words[:n]).lower()
        if lead in KIND_WORDS and KIND_WORDS[lead] not in (KindHint.SETTLEMENT, KindHint.NEIGHBOURHOOD):
            return KIND_WORDS[lead], words[n:]  # «Camp Yarmouk» is rare; «Town X» rarer still
    return None, words


def _strip_leading(words: list[str]) -> tuple[list[str], float | None, Relation | None]:
    """Leading direction and relation words: «Northern Hama», «Rural Aleppo», «North-west Idlib countryside»."""
    bearing = None
    relation = None
    i = 0
    while i < len(words) - 1:
        low = words[i].lower().replace("-", " ")
        two = f"{low} {words[i + 1].lower()}" if i + 2 < len(words) else None
        if two in DIRECTIONS:
            bearing, i = DIRECTIONS[two], i + 2
        elif low in DIRECTIONS:
            bearing, i = DIRECTIONS[low], i + 1
        elif low in COUNTRYSIDE_WORDS and low != "villages":
            relation, i = Relation.COUNTRYSIDE, i + 1
        elif low in ("the", "of"):
            i += 1
        else:
            break
    return words[i:], bearing, relation


def _strip_trailing_relation(words: list[str]) -> tuple[list[str], Relation | None, float | None]:
    """Trailing «countryside», «outskirts», «eastern countryside», «desert»."""
    relation = None
    bearing = None
    while len(words) > 1:
        low = words[-1].lower()
        if low in COUNTRYSIDE_WORDS and low != "villages":
            relation, words = Relation.COUNTRYSIDE, words[:-1]
        elif low in NEAR_WORDS:
            relation, words = Relation.NEAR, words[:-1]
        elif low in ("desert", "badia") and relation is None:
            relation, words = Relation.DESERT, words[:-1]
        elif relation is not None and low in DIRECTIONS:
            bearing, words = DIRECTIONS[low], words[:-1]
        else:
            break
    return words, relation, bearing


def _feature(words: list[str]) -> tuple[KindHint | None, str | None]:
    """A leading feature word that may be part of the name: «Tall» of «Tall Dukhan», «Jabal» of «Jabal Barzeh»."""
    if len(words) < 2:
        return None, None
    hint = FEATURE_WORDS.get(translit_form(words[0]))
    return (hint, " ".join(words[1:])) if hint else (None, None)
