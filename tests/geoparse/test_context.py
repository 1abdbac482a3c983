from __future__ import annotations

from geomap.arabic import normalize
from geomap.geoparse.context import link_contexts, phrase_span, read_context, words_after, words_before
from geomap.relative import Relation


def test_words_around_a_hit_exclude_its_proclitic_and_stop_at_four():
    ntext = normalize("قال شهود إن قصفا مدفعيا طال وبسرمدا صباح اليوم الباكر جدا").text
    start = ntext.index("سرمدا")
    assert words_before(ntext, start, "وب") == ["ان", "قصفا", "مدفعيا", "طال"]
    assert words_after(ntext, start + len("سرمدا")) == ["صباح", "اليوم", "الباكر", "جدا"]


def test_trigger_before_the_name(context_of):
    ctx = context_of("احترقت محاصيل في قرية الطيبة", "الطيبة")
    assert ctx.trigger == "قريه" and ctx.relation is None and ctx.prep is False


def test_countryside_with_directions_after(context_of):
    ctx = context_of("تقدمت القوات في ريف إدلب الجنوبي الغربي", "إدلب")
    assert (ctx.relation, ctx.bearing) == (Relation.COUNTRYSIDE, 225)
    assert (ctx.words_before, ctx.words_after) == (1, 2)


def test_definite_countryside_before_a_lam_name(context_of):
    ctx = context_of("قصفت الطائرات الريف الشمالي الغربي لحلب", "حلب")
    assert (ctx.relation, ctx.bearing, ctx.words_before) == (Relation.COUNTRYSIDE, 315, 3)
    ctx = context_of("تنشط الخلايا في البادية الشرقية لحمص", "حمص")
    assert (ctx.relation, ctx.bearing) == (Relation.DESERT, 90)


def test_direction_with_distance(context_of):
    ctx = context_of("انفجرت عبوة على بعد 12 كم جنوب تدمر", "تدمر")
    assert (ctx.relation, ctx.bearing, ctx.distance_km) == (Relation.DIRECTION, 180, 12.0)


def test_compound_direction_before_the_name(context_of):
    ctx = context_of("تمركزت القوات شمال غرب سراقب", "سراقب")
    assert (ctx.relation, ctx.bearing, ctx.words_before) == (Relation.DIRECTION, 315, 2)
    assert ctx.distance_km is None


def test_near_phrases_and_a_trigger_inside_them(context_of):
    ctx = context_of("سقطت قذائف بالقرب من سراقب", "سراقب")
    assert (ctx.relation, ctx.words_before) == (Relation.NEAR, 2)
    ctx = context_of("قصف على أطراف مدينة سراقب", "سراقب")
    assert (ctx.relation, ctx.trigger, ctx.words_before) == (Relation.NEAR, "مدينه", 2)
    assert not ctx.event  # «قصف» is four words before: too far
    assert context_of("قصف أطراف مدينة سراقب", "سراقب").event


def test_desert(context_of):
    ctx = context_of("هاجم مسلحون دورية في بادية الميادين", "الميادين")
    assert ctx.relation is Relation.DESERT and ctx.bearing is None


def test_person_titles_and_outlets(context_of):
    assert context_of("استقبل الشيخ جاسم ضيوفه", "جاسم").person
    assert context_of("قال مراسل الميادين إن", "الميادين").person
    assert not context_of("وصلت التعزيزات إلى جاسم", "جاسم").person


def test_preposition_and_event(context_of):
    ctx = context_of("وصلت التعزيزات إلى جاسم", "جاسم")
    assert ctx.prep and ctx.event  # «وصلت» is an event word
    ctx = context_of("وقال الأهالي بجاسم", "جاسم")
    assert not ctx.prep  # a ب-proclitic counts only before longer names
    assert context_of("وقال الأهالي بسراقب", "سراقب").prep


def test_between_pairs_and_plural_triggers_link_coordinated_names(scan):
    _, ctxs = scan("اشتباكات بين سراقب وسرمدا")
    assert [c.between for c in ctxs] == [True, True]
    _, ctxs = scan("اشتباكات قرب سراقب وسرمدا")
    assert [c.between for c in ctxs] == [False, False]
    _, ctxs = scan("فك الحصار عن بلدتي نبل والزهراء")
    assert [c.trigger for c in ctxs] == ["بلدتي", "بلدتي"]
    _, ctxs = scan("قصفت المدفعية ريفي حلب وإدلب")
    assert [c.relation for c in ctxs] == [Relation.COUNTRYSIDE, Relation.COUNTRYSIDE]


def test_admin_context_after_a_name(scan, gaz):
    _, ctxs = scan("قتل مدني في سرمدا بريف إدلب")
    assert ctxs[0].admin_hit == 1 and ctxs[0].admin_evidence and ctxs[0].admin_hint == {"SY07"}
    _, ctxs = scan("سقطت قذيفة على قرية كفر حمرة التابعة لناحية حريتان")
    assert ctxs[0].admin_evidence and ctxs[0].admin_level_ids == {"SY020003"}
    _, ctxs = scan("زار سرمدا وفد ثم عاد إلى إدلب")  # too many words between: no admin context
    assert ctxs[0].admin_hit is None and not ctxs[0].admin_evidence


def test_phrase_span_covers_relative_words_and_directions(scan):
    text = "اشتباكات عنيفة في ريف حلب الشرقي اليوم"
    norm = normalize(text)
    (hit,), (ctx,) = scan(text)
    start, end = norm.to_original(*phrase_span(norm.text, hit, ctx))
    assert text[start:end] == "ريف حلب الشرقي"


def test_the_second_end_of_a_road_is_no_admin_unit_of_the_first(parser):
    for text in ("تعرضت حافلة لهجوم على طريق دمشق - درعا الدولي", "انقلبت شاحنة على أوتوستراد حمص حماة"):
        norm = normalize(text)
        hits = parser.matcher.scan(norm)
        contexts = [read_context(norm.text, h) for h in hits]
        link_contexts(norm.text, hits, contexts)
        assert len(hits) == 2 and contexts[0].road
        assert contexts[0].admin_hit is None and not contexts[0].admin_evidence, text
    # a name followed by its unit is still placed by it
    norm = normalize("سقطت قذائف على بلدة نوى، درعا")
    hits = parser.matcher.scan(norm)
    contexts = [read_context(norm.text, h) for h in hits]
    link_contexts(norm.text, hits, contexts)
    assert contexts[0].admin_evidence
