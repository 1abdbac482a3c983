import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from geomap import dates
from geomap.dates import date_in_text, opening_date, parse_date


def test_two_calendar_month_names_and_ranges():
    e = date_in_text("وقعت الغارة في أكتوبر/تشرين الأول الماضي", reference=dt.date(2025, 11, 30))
    assert (e.start, e.end, e.time_precision) == (dt.date(2025, 10, 1), dt.date(2025, 10, 31), 3)
    r = date_in_text("نفذت عمليات مشتركة بين 24 و27 نوفمبر/تشرين الثاني 2025")
    assert (r.start, r.end, r.time_precision) == (dt.date(2025, 11, 24), dt.date(2025, 11, 27), 2)


def test_first_stated_date_wins_and_digits_fold():
    e = date_in_text("قصف يوم ٣ تشرين الثاني ٢٠٢٤، ثم في 5 كانون الأول 2024")
    assert e.start == dt.date(2024, 11, 3) and e.time_precision == 1


def test_month_after_the_report_belongs_to_the_year_before():
    e = date_in_text("في ديسمبر", reference=dt.date(2025, 1, 10))
    assert e.start == dt.date(2024, 12, 1)


def test_table_cells():
    assert parse_date("2024-11-03") == dt.date(2024, 11, 3)
    assert parse_date("03/11/2024") == dt.date(2024, 11, 3)
    assert parse_date("3 November 2024") == dt.date(2024, 11, 3)
    assert parse_date("٣ تشرين الثاني ٢٠٢٤") == dt.date(2024, 11, 3)
    assert parse_date("2024-02-30") is None
    assert parse_date("not a date") is None
    assert date_in_text("you may go") is None


def test_an_event_opening_on_another_day_is_dated_against_the_report():
    monday = dt.date(2025, 2, 3)
    day = {o: opening_date(o, reference=monday) for o in ("وأمس،", "وأول أمس،", "وقبل يومين،", "ومساء الأحد،")}
    assert {o: (d.start, d.time_precision) for o, d in day.items()} == {
        "وأمس،": (dt.date(2025, 2, 2), 1),
        "وأول أمس،": (dt.date(2025, 2, 1), 1),
        "وقبل يومين،": (dt.date(2025, 2, 1), 1),
        "ومساء الأحد،": (dt.date(2025, 2, 2), 1),  # the last Sunday
    }
    assert opening_date("وصباح الاثنين،", reference=monday).start == monday  # the report's own weekday: that day
    assert opening_date("وفي 30 كانون الثاني الماضي،", reference=monday).start == dt.date(2025, 1, 30)
    assert opening_date("Yesterday,", reference=monday).start == dt.date(2025, 2, 2)


def test_an_opening_that_gives_no_day_leaves_the_report_date():
    monday = dt.date(2025, 2, 3)
    assert opening_date("وفي حادثة أخرى،", reference=monday) is None
    assert opening_date("وأمس،", reference=None) is None  # never today's clock
    assert opening_date("وفي 20 شباط،", reference=monday) is None  # after the report: not a date of its events


# Month names whole and inside words, digits of both scripts, Latin letters of every case (and the four non-ASCII
# letters a case-blind pattern reads as ASCII ones), word joiners and separators.
_DATE_PIECES = [
    "اب",
    "آب",
    "الاب",
    "ابو",
    "كانون الثاني",
    "كانون",
    "تشرين الاول",
    "ايار",
    "نيسان",
    "May",
    "MAY",
    "may",
    "ſeptember",
    "aprıl",
    "İ",
    "K",
    "x",
    "12",
    "3",
    "٣",
    "2024",
    "بين",
    "و",
    "عام",
    " ",
    "_",
    "-",
    "/",
    "،",
    "\n",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=12).map("".join), st.sampled_from([None, dt.date(2025, 3, 9)]))
def test_the_month_check_never_hides_a_stated_month(text, reference):
    t = text.translate(dates._DIGITS)
    if not dates._may_name_a_month(t):
        assert dates._month_dates(t, reference) == []
