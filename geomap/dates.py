"""Event dates: stated in Arabic or English text, or given in a table cell.

Arabic reporting writes months two ways at once («أكتوبر/تشرين الأول») and ranges as «بين 24 و27 نوفمبر». The
first date stated in a report is taken as the event's (reports lead with the event), with ACLED's time_precision:
1 a day, 2 a range of days within a week or so, 3 a month. Table cells are parsed by pandas in bulk and dateparser
for the rest.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

import ahocorasick

from geomap.arabic import normalize_name

__all__ = ["LATEST_AFTER_REPORT", "EventDate", "date_in_text", "opening_date", "parse_date"]

_MONTHS = {
    "يناير": 1,
    "كانون الثاني": 1,
    "فبراير": 2,
    "شباط": 2,
    "مارس": 3,
    "آذار": 3,
    "اذار": 3,
    "أبريل": 4,
    "ابريل": 4,
    "إبريل": 4,
    "نيسان": 4,
    "مايو": 5,
    "أيار": 5,
    "ايار": 5,
    "يونيو": 6,
    "يونيه": 6,
    "حزيران": 6,
    "يوليو": 7,
    "يوليه": 7,
    "تموز": 7,
    "أغسطس": 8,
    "اغسطس": 8,
    "آب": 8,
    "اب": 8,
    "سبتمبر": 9,
    "أيلول": 9,
    "ايلول": 9,
    "أكتوبر": 10,
    "اكتوبر": 10,
    "تشرين الأول": 10,
    "تشرين الاول": 10,
    "نوفمبر": 11,
    "تشرين الثاني": 11,
    "ديسمبر": 12,
    "كانون الأول": 12,
    "كانون الاول": 12,
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH_ALT = r"(?<!\w)(?:" + "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True)) + r")(?!\w)"
LATEST_AFTER_REPORT = dt.timedelta(
    days=1
)  # a stated date this far after the report's is still its event's (time zones)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# "بين 24 و27 نوفمبر/تشرين الثاني 2025", "24 - 27 November"
_RANGE_RE = re.compile(
    rf"(?:بين\s+)?(?P<d1>\d{{1,2}})\s*(?:و\s*|-\s*|–\s*|to\s+|and\s+)(?P<d2>\d{{1,2}})\s+(?P<m>{_MONTH_ALT})"
    rf"(?:\s*/\s*(?:{_MONTH_ALT}))?(?:\s+(?:عام\s+)?(?P<y>\d{{4}}))?",
    re.IGNORECASE,
)
# "3 نوفمبر 2025", "أكتوبر/تشرين الأول", "November 3, 2025"
_DAY_RE = re.compile(
    rf"(?:(?P<d>\d{{1,2}})\s+)?(?P<m>{_MONTH_ALT})(?:\s*/\s*(?:{_MONTH_ALT}))?(?:\s+(?P<d_en>\d{{1,2}})(?!\d),?)?"
    rf"(?:\s+(?:عام\s+|من\s+عام\s+)?(?P<y>\d{{4}}))?",
    re.IGNORECASE,
)
_ISO_RE = re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")
_EASTERN_DIGIT_RE = re.compile("[٠-٩۰-۹]")
# Before the month patterns run (slow: a long case-blind alternation tried at every position), a cheap test that a
# month may be named at all: an Arabic month as a whole word, or an ASCII letter (each English month has letters
# that a case-blind pattern matches only in ASCII; ı ſ K stand only for i s k).
_LATIN_LETTER_RE = re.compile("[A-Za-z]")


def _arabic_month_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for name in _MONTHS:
        if not name.isascii():
            automaton.add_word(name, name)
    automaton.make_automaton()
    return automaton


_ARABIC_MONTHS = _arabic_month_automaton()


@dataclass(frozen=True, slots=True)
class EventDate:
    start: dt.date
    end: dt.date
    time_precision: int  # ACLED: 1 day, 2 days-to-week range, 3 month
    text: str = ""

    @property
    def iso(self) -> str:
        return self.start.isoformat()


def _year(y: str | None, reference: dt.date | None, month: int) -> int | None:
    if y:
        return int(y)
    if reference is None:
        return None
    # A month later than the report's own month belongs to the year before ("in December", reported in January).
    return reference.year - 1 if month > reference.month + 1 else reference.year


def date_in_text(text: str, *, reference: dt.date | None = None) -> EventDate | None:
    """The first date stated in `text`; years missing from the text come from `reference` (the report date)."""
    t = text.translate(_DIGITS) if _EASTERN_DIGIT_RE.search(text) else text
    found = _month_dates(t, reference) if _may_name_a_month(t) else []
    if "-" in t:
        for m in _ISO_RE.finditer(t):
            try:
                d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
            found.append((m.start(), EventDate(d, d, 1, m.group(0))))
    if not found:
        return None
    return min(found, key=lambda f: f[0])[1]


def _may_name_a_month(t: str) -> bool:
    if _LATIN_LETTER_RE.search(t):
        return True
    for end, name in _ARABIC_MONTHS.iter(t):  # a whole word, as the patterns' (?<!\w) and (?!\w) ask («اب» is in words)
        start = end + 1 - len(name)
        if not (start and _is_word_char(t[start - 1])) and not (end + 1 < len(t) and _is_word_char(t[end + 1])):
            return True
    return False


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what \w matches


def _month_dates(t: str, reference: dt.date | None) -> list[tuple[int, EventDate]]:
    """The ranges («بين 24 و27 نوفمبر»), days and months stated in `t`, by where they start."""
    found: list[tuple[int, EventDate]] = []
    for m in _RANGE_RE.finditer(t):
        month = _MONTHS[m["m"].lower()]
        year = _year(m["y"], reference, month)
        d1, d2 = int(m["d1"]), int(m["d2"])
        if year and 1 <= d1 <= d2 <= 31:
            try:
                start, end = dt.date(year, month, d1), dt.date(year, month, d2)
            except ValueError:
                continue
            found.append((m.start(), EventDate(start, end, 2 if d2 - d1 <= 7 else 3, m.group(0))))
    taken = [range(pos, pos + len(e.text)) for pos, e in found]
    for m in _DAY_RE.finditer(t):
        if any(m.start() in r for r in taken):
            continue
        month = _MONTHS[m["m"].lower()]
        day = m["d"] or m["d_en"]
        year = _year(m["y"], reference, month)
        if year is None:
            continue
        if m["m"].lower() == "may" and not (day or m["y"]):
            continue  # the English verb
        try:
            if day:
                d = dt.date(year, month, int(day))
                found.append((m.start(), EventDate(d, d, 1, m.group(0))))
            else:
                start = dt.date(year, month, 1)
                end = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
                found.append((m.start(), EventDate(start, end, 3, m.group(0))))
        except ValueError:
            continue
    return found


# Words that date an event against the report's own date, as a sentence opens on another day («وأمس،», «ومساء
# الأحد،», «وقبل يومين»), normalised (geomap.arabic.normalize_name) and without «و»/«ف».
_DAYS_BEFORE = {"امس": 1, "البارحه": 1, "yesterday": 1}
_TWO_DAYS_BEFORE = (("اول", "امس"), ("اول", "من", "امس"), ("قبل", "يومين"), ("قبل", "امس"))
_WEEKDAYS = {  # datetime's weekday(): Monday is 0
    "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
_CONJUNCTION_RE = re.compile(r"^[وف](?=\w{3})")
_WORDS_RE = re.compile(r"\w+")


def _relative_day(words: list[str], reference: dt.date) -> dt.date | None:
    for k, w in enumerate(words):
        if any(tuple(words[k : k + len(p)]) == p for p in _TWO_DAYS_BEFORE):
            return reference - dt.timedelta(days=2)
        if w in _DAYS_BEFORE:
            return reference - dt.timedelta(days=_DAYS_BEFORE[w])
        if w in _WEEKDAYS:  # the last such day, the report's own day included («مساء الأحد» in Sunday's report)
            return reference - dt.timedelta(days=(reference.weekday() - _WEEKDAYS[w]) % 7)
    return None


def opening_date(opening: str, *, reference: dt.date | None) -> EventDate | None:
    """The date the opening words of an event give, resolved against `reference` (the report's own date): «أمس»
    (the day before), «أول أمس»/«قبل يومين» (two days before), a weekday (the last such day), or a date stated
    («وفي 30 حزيران الماضي»). None when they give none, or none that can be resolved (no reference date, or a date
    after the report's).

    Parameters
    ----------
    opening : str
        The words that open the event's sentence, as written («ومساء الأحد،»).
    reference : datetime.date or None
        The report's own date.

    Returns
    -------
    EventDate or None
        A day (time_precision 1) for relative words; a stated date as `date_in_text` reads it.
    """
    if reference is None or not opening:
        return None
    words = [_CONJUNCTION_RE.sub("", w) for w in _WORDS_RE.findall(normalize_name(opening).lower())]
    day = _relative_day(words, reference)
    if day is not None:
        return EventDate(day, day, 1, opening)
    stated = date_in_text(opening, reference=reference)
    if stated is None or stated.start > reference + LATEST_AFTER_REPORT:
        return None
    return stated


@functools.lru_cache(maxsize=100_000)
def parse_date(value: str) -> dt.date | None:
    """A table cell or report date in any common format (ISO, 03/11/2024, 3 November 2024, ٣ تشرين الثاني ٢٠٢٤)."""
    if value is None:
        return None
    s = str(value).strip().translate(_DIGITS)
    if not s or s.lower() in ("nan", "nat", "none", "null"):
        return None
    m = _ISO_RE.match(s)
    if m:
        try:
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
    in_text = date_in_text(s)
    if in_text and in_text.time_precision == 1 and re.search(r"\d{4}", s):
        return in_text.start
    import dateparser

    parsed = dateparser.parse(
        s,
        languages=["ar", "en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY", "REQUIRE_PARTS": ["year"]},
    )
    return parsed.date() if parsed else None
