"""`ParserCore`: the stages wired together — normalise, match, read context, weigh evidence, score, place.

Per text: `normalize` (geomap.arabic) → `Matcher.scan` → `read_context` for each hit and `link_contexts` across
them → selection (which hits are mentions, from their evidence and commonness) → `score` of every candidate against
the document's unambiguous places → a `Mention` with the place's geometry, or the area of a relative phrase.

The wheel compiles this module (`setup.py`), which drops docstrings: the documented face users call, `Geoparser`,
`geoparse` and `get_geoparser`, lives in `geomap.geoparse.geoparser`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from shapely.geometry.base import BaseGeometry

from geomap.arabic import NormalizedText, normalize_name, normalized_once
from geomap.earth import haversine_km
from geomap.gazetteer import Gazetteer, Place
from geomap.geoparse.context import Context, link_contexts, phrase_span, read_context
from geomap.geoparse.evidence import (
    GENERIC_TRIGGER_ZIPF,
    RARE_FLIPPED,
    STANDALONE,
    Commonness,
    Evidence,
    WordFrequencies,
)
from geomap.geoparse.latin_names import names_after_triggers, trigger_name_hits
from geomap.geoparse.matcher import Hit, HitKind, Matcher
from geomap.geoparse.mention import ADMIN_CONFLICT, ADMIN_OF_PREVIOUS, Mention
from geomap.geoparse.scoring import Basis, Weights, confidence, fits, leading, ranked
from geomap.geoparse.vocabulary import ARTICLE_TRIGGERS, DATE_TAILS, GENERIC_TRIGGERS, NOT_ADJECTIVES, TRIGGERS
from geomap.kinds import Importance
from geomap.relative import (
    Relation,
    nested,
    precision_of,
    relation_label,
    relative_geometry,
    representative_point,
)

__all__ = ["ParserCore"]

CONTEXT_WINDOW = 4000  # characters either side of a mention whose places count as its document context
MAX_ANCHORS = 60  # at most this many of them (linear time in a very long text)
MAX_ALTERNATIVES = 5  # rival candidates listed on a mention
_DATE_REACH = 12  # characters after a number-led name read for a month ordinal or a year
_YEAR_DIGITS = 4
_NEXT_WORD_RE = re.compile(r"[ \t]*([^\W\d_]+)")  # the word right after a name, on the same line
_MIN_ADJECTIVE = 5  # letters of a definite adjective at least (not «إلى», «التي», «الذي»)
COMMON_WORD_ZIPF = 4.5  # a name this common as a word («السجن», «الباب», «مسجد») is the word unless context says
_DATE_TAIL_RE = re.compile(r"\s*(/|[^\W_]+)")
CONFLICT_FACTOR = 0.5  # a mention whose place lies outside the unit the text places it in: half as sure ...
CONFLICT_KM = 40.0  # ... and a minor place farther than this from that unit is another place of the same name
LIST_KM = 40.0  # a minor place this far from every other name of its list («بلدات X وY وZ») is a namesake
LIST_QUORUM = 3  # names of a list placed in Syria for the list to say where its places are
FOREIGN_WORD_ZIPF = 3.5  # a place abroad named like a word this common («تويوتا» 3.9, not «الرمثا» 3.0) needs context
AREA_WORD = normalize_name("منطقة")  # the trigger that names an area of any kind, in any country
CITY_TRIGGERS = frozenset({normalize_name("مدينة"), "city"})  # a direction of «مدينة X» is part of the city
_MAX_REMEMBERED = 100_000  # candidate orders and region parts remembered (the memory starts afresh past this)


@dataclass(slots=True, eq=False)
class _Plan:
    """A hit taken as a mention: its context, its candidates (best fitting first) and why it was taken."""

    hit: Hit
    ctx: Context
    cands: list[Place]
    basis: Basis
    lead: Place  # the candidate that wins on name alone (`leading`)
    index: int = -1  # the hit's index among the text's hits (what `Context.admin_hit` points at)


class ParserCore:
    """The geoparser's work, bound to one gazetteer (`geomap.geoparse.Geoparser` documents the parameters)."""

    def __init__(self, gazetteer: Gazetteer, word_frequencies: WordFrequencies | None, weights: Weights) -> None:
        self.gazetteer = gazetteer
        self.matcher = Matcher(gazetteer)
        self.evidence = Evidence(word_frequencies)
        self.weights = weights
        self.evidence.zipf("سوريا", "ar"), self.evidence.zipf("syria", "en")  # load the tables now
        # (place, relation, bearing, distance) → (geometry, lat, lon, precision, relation label)
        self._geom_cache: dict[tuple, tuple[BaseGeometry, float, float, int, str]] = {}
        self._orders: dict[tuple[str, str | None], tuple[list[Place], Place, bool, bool]] = {}

    def parse(self, text: str, normalized: NormalizedText | None) -> list[Mention]:
        """`Geoparser.parse`."""
        if not isinstance(text, str):
            msg = f"geoparse expects str, not {type(text).__name__}"
            raise TypeError(msg)
        if not text:
            return []
        norm = normalized_once(text, normalized)
        hits = self.matcher.scan(norm)
        if names_after_triggers(text):  # «the villages of X»: names the automaton does not know as written
            hits = sorted([*hits, *trigger_name_hits(norm, hits, self.gazetteer)], key=lambda h: h.start)
        contexts = [read_context(norm.text, h) for h in hits]
        link_contexts(norm.text, hits, contexts)
        plans = self._select(hits, contexts, norm.original)
        return self._resolve(norm, plans)

    # ------------------------------------------------------------------------------------------------ selection
    def _select(self, hits: list[Hit], contexts: list[Context], original: str) -> list[_Plan]:
        """The hits that are mentions, from their own evidence and then from what the whole document is about."""
        plans: list[_Plan] = []
        pending: list[_Plan] = []
        for i, (hit, ctx) in enumerate(zip(hits, contexts, strict=True)):
            plan, is_pending = self._plan(hit, ctx, original)
            if plan is not None:
                plan.index = i
                (pending if is_pending else plans).append(plan)
        syrian = [p for p in plans if p.lead.in_syria]
        foreign = [p for p in plans if not p.lead.in_syria]
        # In a document about other countries, a lone minor Syrian name is more likely a foreign namesake.
        lone = syrian[0] if len(syrian) == 1 else None
        if foreign and lone and lone.basis is Basis.NAME and max(c.importance for c in lone.cands) < STANDALONE:
            plans.remove(lone)
            syrian = []
        # In a text naming places abroad, a neighbourhood named like a Syrian one needs another Syrian place in the
        # text (حي المعادي is in Cairo too).
        if foreign and syrian and all(_neighbourhood_only(p) for p in syrian):
            plans = [p for p in plans if not _neighbourhood_only(p)]
            syrian = []
        # Minor places and moderately common words are taken in a document that is already about Syria.
        if pending and syrian:
            plans.extend(pending)
            plans.sort(key=lambda p: p.hit.start)
        return plans

    def _plan(self, hit: Hit, ctx: Context, original: str) -> tuple[_Plan | None, bool]:
        """The plan for one hit (None when it is no mention), and whether it waits for a document about Syria."""
        if hit.kind is HitKind.NISBA:
            return _Plan(hit, ctx, list(hit.places), Basis.NISBA, hit.places[0]), False
        if hit.key[:1].isdigit() and _is_date(original, hit.orig_end):
            return None, False
        cands, lead, fitted, state = self._ordered(hit, ctx.trigger)
        if ctx.person and not state:
            return None, False
        if not fitted:
            ctx.trigger = None  # «دولة العباسيين»: the trigger speaks of another kind of thing
        article = hit.kind is HitKind.ARTICLE
        if article:
            # «الفطيرة» for «فطيرة» only where a settlement word vouches for it, or the stated unit does for a word
            # that is hardly one («البلوطية بريف القنيطرة», not «قال الصياد بريف حماة»)
            hint = ctx.admin_hint if ctx.admin_evidence else None
            in_unit = [c for c in cands if c.in_syria and hint and c.admin1 in hint]
            if in_unit and ctx.trigger is None and self.evidence.surface_zipf(hit) < RARE_FLIPPED:
                return _Plan(hit, ctx, in_unit, Basis.CONTEXT, leading(in_unit, self.weights)), False
            if not (ctx.trigger in ARTICLE_TRIGGERS and lead.in_syria):
                return None, False
        if (
            not ctx.trigger
            and lead.in_syria
            and lead.importance < Importance.GOVERNORATE
            and self._common_noun(hit, original)
        ):
            return None, False
        if (ctx.relation and not self._near_common_word(hit, ctx, cands)) or (
            ctx.trigger
            and (
                ctx.trigger not in GENERIC_TRIGGERS
                or self.evidence.surface_zipf(hit) < GENERIC_TRIGGER_ZIPF
                or _in_stated_unit(ctx, cands)
            )
        ):
            return _Plan(hit, ctx, cands, Basis.EVIDENCE, lead), _area_word_only(ctx, cands)
        if article:
            return None, False  # a common word after a generic trigger: «قرية الأمل» is no article form
        level, bar = self.evidence.commonness(hit, cands, original, lead)
        hinted = ctx.admin_hint
        kept = [c for c in cands if c.importance >= bar or (hinted and c.admin1 in hinted)]
        if kept and len(kept) < len(cands):
            cands, lead = kept, leading(kept, self.weights)
        best = max(c.importance for c in cands)
        # A Syrian unit after a name («X في مدينة الباب») places it in Syria: it vouches for no name known only abroad.
        admin = ctx.admin_evidence and (not ctx.admin_hint or any(c.in_syria for c in cands))
        local = admin or ctx.between or ctx.event or (ctx.prep and best >= Importance.SUBDISTRICT_CAPITAL)
        if level is Commonness.ALONE:
            return _Plan(hit, ctx, cands, Basis.NAME, lead), False
        if (level is Commonness.IN_CONTEXT and local) or (level is Commonness.BESIDE_ADMIN and admin):
            return _Plan(hit, ctx, cands, Basis.CONTEXT, lead), False
        if level is Commonness.IN_CONTEXT and (lead.in_syria or self.evidence.surface_zipf(hit) < FOREIGN_WORD_ZIPF):
            # A document about Syria vouches for its minor Syrian places, not for a word that names a town abroad.
            return _Plan(hit, ctx, cands, Basis.NAME, lead), True
        return None, False

    def _near_common_word(self, hit: Hit, ctx: Context, cands: list[Place]) -> bool:
        """«محيط السجن», «قرب مسجد ...»: «near» or a direction before a very common word vouches for no village."""
        return (
            ctx.relation in (Relation.NEAR, Relation.DIRECTION)
            and max(c.importance for c in cands) < Importance.DISTRICT
            and self.evidence.surface_zipf(hit) >= COMMON_WORD_ZIPF
        )

    def _common_noun(self, hit: Hit, original: str) -> bool:
        """«الباب الرئيسي للسجن»: a very common word followed by a plain adjective is the noun, not the town."""
        if " " in hit.key or hit.latin or self.evidence.surface_zipf(hit) < COMMON_WORD_ZIPF:
            return False
        nxt = _NEXT_WORD_RE.match(original, hit.orig_end)
        word = normalize_name(nxt.group(1)) if nxt else ""
        adjective = len(word) >= _MIN_ADJECTIVE and word.startswith("ال") and word.endswith(("ي", "يه"))
        return adjective and word not in NOT_ADJECTIVES

    def _ordered(self, hit: Hit, trigger: str | None) -> tuple[list[Place], Place, bool, bool]:
        """The candidates of a name, those fitting `trigger` first; the leading one; whether the trigger fits one
        (or there is none); whether a country or governorate is among them. Remembered per name and trigger."""
        key = (hit.key, trigger)  # a name's candidates are the same whether written with ل+ال or not
        known = self._orders.get(key)
        if known is None:
            cands = list(hit.places)
            fitted = True
            if trigger:
                fitting = [c for c in cands if fits(c, TRIGGERS[trigger])]
                if fitting:
                    cands = fitting + [c for c in cands if c not in fitting]
                fitted = bool(fitting)
            state = any(c.kind in ("country", "governorate") for c in cands)
            if len(self._orders) >= _MAX_REMEMBERED:
                self._orders.clear()
            known = self._orders[key] = (cands, leading(cands, self.weights), fitted, state)
        return known

    # ----------------------------------------------------------------------------------------------- resolution
    def _resolve(self, norm: NormalizedText, plans: list[_Plan]) -> list[Mention]:
        """The best candidate of every plan, scored against the document's unambiguous Syrian places (anchors).

        Plans are resolved last to first, so that the unit placing a name («X التابعة لبلدة Y بريف حلب») is resolved
        before the name and narrows its candidates to the unit it resolved to."""
        anchor_list = [
            (p.hit.start, p.cands[0])
            for p in plans
            if len(p.cands) == 1 and p.cands[0].in_syria and p.cands[0].kind != "country"
        ]
        # a name whose every candidate lies in one governorate (حماة: the city, the district, the governorate)
        # says the document is about that governorate even though it is not one place
        stated = {g for p in plans if (g := _one_governorate(p.cands)) is not None}
        whole = len(norm.text) <= CONTEXT_WINDOW
        anchor_pos = [pos for pos, _ in anchor_list]
        anchors = [a for _, a in anchor_list[:MAX_ANCHORS]]  # in a short text every mention has the same ones
        govs = _governorates_of(anchors, stated)
        resolved: dict[int, Mention] = {}
        mentions = []
        for plan in reversed(plans):
            if not whole:  # in a very long text only the anchors within a window around a mention count (linear time)
                lo = bisect.bisect_left(anchor_pos, plan.hit.start - CONTEXT_WINDOW)
                hi = bisect.bisect_right(anchor_pos, plan.hit.start + CONTEXT_WINDOW)
                anchors = [a for _, a in anchor_list[lo:hi][:MAX_ANCHORS]]
                govs = _governorates_of(anchors, stated)
            j = plan.ctx.admin_hit if plan.ctx.admin_evidence else None
            unit = resolved.get(j) if j is not None else None
            if unit is not None:
                _narrow_to(plan.ctx, unit)
            mention = self._mention(norm, plan, anchors, govs)
            if unit is not None and not _check_unit(mention, unit):
                continue  # a minor place far outside the unit the text puts it in: another place of that name
            resolved[plan.index] = mention
            mentions.append(mention)
        mentions.reverse()
        strays = _strays_from_lists(plans, resolved)
        return [m for m in mentions if id(m) not in strays] if strays else mentions

    def _mention(self, norm: NormalizedText, plan: _Plan, anchors: list[Place], anchor_govs: set[str]) -> Mention:
        hit, ctx, cands = plan.hit, plan.ctx, plan.cands
        # A lone candidate needs no score unless it gives way to its governorate below.
        scored = ranked(cands, ctx, anchors, anchor_govs, self.weights) if len(cands) > 1 else None
        best = scored[0][1] if scored else cands[0]
        if (
            (ctx.relation in (Relation.COUNTRYSIDE, Relation.DESERT) or hit.kind is HitKind.NISBA)
            and best.kind == "community"
            and best.importance >= Importance.GOVERNORATE
            and best.admin1
        ):
            best = self.gazetteer.lookup(best.admin1)  # «ريف إدلب» is the countryside of Idlib governorate
            scored = scored or ranked(cands, ctx, anchors, anchor_govs, self.weights)
        if scored:
            runner = next((sc for sc, c in scored[1:] if not nested(best, c)), 0.0)  # the best rival
            sure = confidence(scored[0][0], runner, plan.basis, self.weights)
            alternatives = [(c.id, round(s, 3)) for s, c in scored if c.id != best.id][:MAX_ALTERNATIVES]
        else:
            sure, alternatives = confidence(0.0, 0.0, plan.basis, self.weights), []
        geometry, lat, lon, precision, relation = self._place_geometry(best, hit, ctx)
        phrase_start, phrase_end = norm.to_original(*phrase_span(norm.text, hit, ctx))
        evidence = [f"trigger:{ctx.trigger}"] if ctx.trigger else []
        if relation:
            evidence.append(f"relation:{relation}")
        if ctx.admin_evidence:
            evidence.append("admin-context")
        if ctx.between:
            evidence.append("between")
        return Mention(
            start=hit.orig_start,
            end=hit.orig_end,
            text=hit.surface,
            place=best,
            in_syria=best.in_syria,
            lat=lat,
            lon=lon,
            geometry=geometry,
            kind=best.kind,
            confidence=sure,
            precision=precision,
            alternatives=alternatives,
            relation=relation,
            phrase_start=phrase_start,
            phrase_end=phrase_end,
            evidence=evidence,
        )

    def _place_geometry(
        self, place: Place, hit: Hit, ctx: Context
    ) -> tuple[BaseGeometry, float, float, int, str | None]:
        """(geometry, lat, lon, precision, relation label): the place's own, or for a relative phrase about a Syrian
        place the area it points at."""
        relation = Relation.COUNTRYSIDE if hit.kind is HitKind.NISBA else ctx.relation
        if not place.in_syria or relation is None:
            return place.geometry, place.lat, place.lon, precision_of(place), None
        key = (place.id, relation, ctx.bearing, ctx.distance_km, ctx.trigger in CITY_TRIGGERS)
        known = self._geom_cache.get(key)
        if known is None:
            if len(self._geom_cache) >= _MAX_REMEMBERED:
                self._geom_cache.clear()
            city = ctx.trigger in CITY_TRIGGERS  # «شمالي مدينة الرقة»: the north of the city itself
            geom, precision = relative_geometry(
                self.gazetteer, place, relation, ctx.bearing, ctx.distance_km, city=city
            )
            rep = representative_point(geom)
            known = self._geom_cache[key] = (geom, rep.y, rep.x, precision, relation_label(relation, ctx.bearing))
        return known


def _area_word_only(ctx: Context, cands: list[Place]) -> bool:
    """«سيول في منطقة الجابرية»: «منطقة», which names districts and quarters anywhere, vouches for a minor Syrian
    place only in a document already about Syria."""
    return (
        ctx.trigger == AREA_WORD
        and ctx.relation is None
        and not ctx.admin_evidence
        and all(c.in_syria and c.importance < Importance.SUBDISTRICT_CAPITAL for c in cands)
    )


def _in_stated_unit(ctx: Context, cands: list[Place]) -> bool:
    """«قرية الجديدة بريف حماة»: a trigger and a stated unit holding a place of that kind and name vouch for a name
    that is also a common word."""
    hint = ctx.admin_hint
    if not (ctx.admin_evidence and hint):
        return False
    kinds = TRIGGERS[ctx.trigger] if ctx.trigger else ()
    return any(c.admin1 in hint and fits(c, kinds) for c in cands)


def _neighbourhood_only(plan: _Plan) -> bool:
    """Every candidate of the plan is a Syrian neighbourhood."""
    return all(c.kind == "neighbourhood" and c.in_syria for c in plan.cands)


def _is_date(original: str, end: int) -> bool:
    """The number-led name ending at `end` is a date: a month ordinal, «/» or a year follows (6 تشرين الأول)."""
    after = _DATE_TAIL_RE.match(original, end, end + _DATE_REACH)
    first = normalize_name(after.group(1)) if after else ""
    return first in DATE_TAILS or first == "/" or (first.isdigit() and len(first) == _YEAR_DIGITS)


def _governorates_of(anchors: list[Place], stated: set[str]) -> set[str]:
    """The governorates the anchors lie in, with those the text states (`stated`)."""
    return {a.admin1 for a in anchors if a.admin1} | stated


def _one_governorate(cands: list[Place]) -> str | None:
    """The governorate every candidate lies in (a governorate counting as in itself), or None."""
    govs = {c.admin1 or (c.id if c.kind == "governorate" else None) for c in cands}
    return next(iter(govs)) if len(govs) == 1 and None not in govs else None


def _narrow_to(ctx: Context, unit: Mention) -> None:
    """«X بريف Y» with Y resolved: X lies in Y's governorate, and in the sub-district (or district) Y is or heads."""
    place = unit.place
    if place is None or not place.in_syria:
        return
    gov = place.admin1 or (place.id if place.kind == "governorate" else None)
    if gov is not None:
        ctx.admin_hint = frozenset({gov})
    if place.kind in ("district", "subdistrict"):
        ctx.admin_level_ids = frozenset({place.id})
    elif place.kind == "community" and place.importance >= Importance.SUBDISTRICT_CAPITAL and place.admin3:
        ctx.admin_level_ids = frozenset(i for i in (place.admin3, place.admin2) if i)


def _strays_from_lists(plans: list[_Plan], resolved: dict[int, Mention]) -> set[int]:
    """The mentions (by id) of minor places far from every other name of their list: «بلدات كفرزيتا واللطامنة
    والصخر» lie together, so a «الصخر» resolved 100 km away is another place of that name the gazetteer lacks."""
    lists: dict[int, list[int]] = {}
    for plan in plans:
        if plan.ctx.list_of is not None:
            lists.setdefault(plan.ctx.list_of, [plan.ctx.list_of]).append(plan.index)
    strays: set[int] = set()
    for members in lists.values():
        placed = [m for i in members if (m := resolved.get(i)) is not None and m.in_syria and m.lat is not None]
        if len(placed) < LIST_QUORUM:
            continue
        for m in placed:
            if m.place is None or m.place.importance >= Importance.DISTRICT:
                continue
            near = min(haversine_km(m.lat, m.lon, o.lat, o.lon) for o in placed if o is not m)
            if near > LIST_KM:
                strays.add(id(m))
    return strays


def _check_unit(mention: Mention, unit: Mention) -> bool:
    """Mark the unit as placing `mention`, or `mention` as contradicting it when its place lies outside the unit's
    governorate (a lone candidate does not win just because it is the only one: its confidence drops). False when
    the mention is to be dropped: a place below a district capital far from the unit is another place of that name,
    which the gazetteer does not know in that unit."""
    place, where = mention.place, unit.place
    if place is None or where is None or not place.in_syria or not where.in_syria:
        return True
    gov = where.admin1 or (where.id if where.kind == "governorate" else None)
    if gov is None or place.admin1 is None or place.admin1 == gov:
        unit.evidence.append(ADMIN_OF_PREVIOUS)
        return True
    far = haversine_km(place.lat, place.lon, unit.lat or where.lat, unit.lon or where.lon) > CONFLICT_KM
    if far and place.importance < Importance.DISTRICT:
        return False
    mention.evidence.append(ADMIN_CONFLICT)
    mention.confidence = round(mention.confidence * CONFLICT_FACTOR, 3)
    return True
