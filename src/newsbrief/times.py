"""Time expressions (the ``times`` layer) and the wire dateline (sets ``published``).

Spans come from the rules below; explicit calendar dates are read by dateparser. The rest is
hand-written because no library does it: dateparser and spaCy ignore the clause's tense ("on
Tuesday" said vs. "will meet on Tuesday"), lose the expression's granularity (a month, a week,
a quarter, a duration) and know nothing of TimeML's PRESENT_REF/PAST_REF/FUTURE_REF.

API for other stages (events, timeline):

- ``resolve(text, anchor, tense=None) -> str | None``: the ISO 8601 / TimeML value of one
  expression ("on Tuesday", "last week", "Jan. 25, 2013", "three years") against ``anchor``.
- ``find_times(text, anchor, doc=None) -> list[TimeExpression]``: every expression in a text;
  with a spaCy ``doc`` over the same text each one's tense is read from the verb it attaches to.
- ``clause_tense(doc, start, end) -> "past" | "present" | "future" | None``.
- ``to_date(value) -> date | None``: the day a value names (None for months, years, durations).
- ``read_dateline(text) -> Dateline | None``: a wire dateline and the date it gives.
- ``article.times`` after the ``times`` stage.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .document import DASH_CHARS, Article, TimeExpression

if TYPE_CHECKING:
    from .pipeline import Settings

PAST, PRESENT, FUTURE = "past", "present", "future"
# a date on the side the tense points to wins unless the other side is this many times nearer
_TENSE_WEIGHT = 4.0
_QUARTER_REACH = 2000  # characters: a few paragraphs of a results story

# ---------------------------------------------------------------------------------------------
# vocabulary
# ---------------------------------------------------------------------------------------------

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "half": 0.5, "a half": 0.5, "couple": 2, "a couple of": 2, "dozen": 12, "a dozen": 12,
}
_VAGUE = {"several", "few", "a few", "many", "some", "a number of", "numerous"}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
# unit -> (duration letter, needs the T of a time duration)
_UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "weekend": ("WE", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
}

MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?|Jul(?:y|\.)?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?![a-z])"
)
WEEKDAY = (
    r"(?:Mon(?:day|\.)|Tue(?:sday|s?\.)|Wed(?:nesday|\.)|Thu(?:rsday|r?s?\.)|Fri(?:day|\.)"
    r"|Sat(?:urday|\.)|Sun(?:day|\.))(?![a-z])"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d%])"
NUMWORD = (
    r"(?:\d+(?:\.\d+)?|a couple of|a few|a dozen|a half|a number of|couple|several|few|many|some|numerous|dozen"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight"
    r"|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|hundred|half|an?)"
)
UNIT = r"(?:second|minute|hour|day|week|month|quarter|year|decade|century|centuries)"
PART = r"(?:morning|afternoon|evening|night)"
MOD = r"(?:early|late|mid|the (?:early|late|middle|end|beginning|start) of|end of|beginning of|start of)"


# ---------------------------------------------------------------------------------------------
# calendar arithmetic
# ---------------------------------------------------------------------------------------------


def _month_of(word: str) -> int:
    return _MONTHS[word.lower()[:3]]


def _weekday_of(word: str) -> int:
    return _WEEKDAYS[word.lower()[:3]]


def _number(word: str) -> float | None:
    """A count from digits or words; None for a vague one ("several")."""
    w = word.lower().replace("-", " ").strip()
    if w in _VAGUE:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    if w in _NUMBERS:
        return float(_NUMBERS[w])
    total = 0.0
    for part in w.split(" "):
        if part not in _NUMBERS:
            return None
        total += _NUMBERS[part]
    return total


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _week(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _quarter(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _shift(anchor: dt.date, unit: str, n: int) -> str:
    """The period ``n`` units from the anchor, at that unit's granularity."""
    if unit == "day":
        return (anchor + dt.timedelta(days=n)).isoformat()
    if unit in ("week", "weekend"):
        value = _week(anchor + dt.timedelta(weeks=n))
        return value + "-WE" if unit == "weekend" else value
    if unit == "month":
        y, m = _add_months(anchor.year, anchor.month, n)
        return f"{y:04d}-{m:02d}"
    if unit == "quarter":
        y, q = _quarter(anchor)
        index = y * 4 + (q - 1) + n
        return f"{index // 4}-Q{index % 4 + 1}"
    if unit == "year":
        return str(anchor.year + n)
    if unit == "decade":
        return str((anchor.year + 10 * n) // 10)
    if unit == "century":
        return f"{(anchor.year + 100 * n) // 100:02d}"
    return anchor.isoformat()


def _weekday_date(anchor: dt.date, weekday: int, tense: str | None, modifier: str | None = None) -> dt.date:
    """The day a bare weekday names: on or before the anchor in the past, on or after it otherwise."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if modifier in ("last", "past", "previous"):
        return anchor - dt.timedelta(days=back or 7)
    if modifier in ("next", "coming"):
        return anchor + dt.timedelta(days=ahead or 7)
    if tense == FUTURE:
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def _year_for(anchor: dt.date, month: int, day: int | None, tense: str | None, modifier: str | None = None) -> int:
    """The year of a date or month written without one: its nearest occurrence to the anchor.

    News speaks of the recent past and the near future alike ("talks resume on Feb. 10" in a story
    of 7 January), so the tense only breaks near-ties; "last"/"next" choose the side outright.
    """
    here = (month, day or 1)
    now = (anchor.month, anchor.day if day else 1)
    if modifier in ("last", "past", "previous"):
        return anchor.year if here < now else anchor.year - 1
    if modifier in ("next", "coming"):
        return anchor.year if here > now else anchor.year + 1
    mid = dt.date(anchor.year, anchor.month, anchor.day if day else 15)

    def distance(year: int) -> float:
        try:
            when = dt.date(year, month, day or 15)
        except ValueError:
            return float("inf")
        gap = (when - mid).days
        if (tense == PAST and gap > 0) or (tense == FUTURE and gap < 0):
            return abs(gap) * _TENSE_WEIGHT
        return abs(gap)

    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=distance)


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str) -> dt.date | None:
    import dateparser  # slow import: only when an explicit date is met

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": dt.datetime(2000, 1, 1),
                  "DATE_ORDER": "MDY", "STRICT_PARSING": False},
    )
    return parsed.date() if parsed else None


def to_date(value: str | None) -> dt.date | None:
    """The day a value names (``2025-04-22``, ``2025-04-22TNI``); None for coarser values."""
    if value and re.match(r"\d{4}-\d\d-\d\d(?!\d)", value):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


# ---------------------------------------------------------------------------------------------
# rules: a pattern and how to resolve what it matched
# ---------------------------------------------------------------------------------------------


@dataclass
class _Context:
    anchor: dt.date | None
    tense: str | None = None
    # the last fiscal quarter named: "a year earlier" in a results story is that quarter a year back
    quarter: str | None = None
    quarter_at: int = -1
    position: int = 0
    state: dict[str, Any] = field(default_factory=dict)

    def set_quarter(self, value: str) -> None:
        self.quarter, self.quarter_at = value, self.position

    def recent_quarter(self) -> str | None:
        """The quarter named in the last few sentences: "a year ago" compares with it."""
        if self.quarter and self.position - self.quarter_at <= _QUARTER_REACH:
            return self.quarter
        return None


Handler = Callable[[re.Match[str], _Context], str | None]
_RULES: list[tuple[re.Pattern[str], Handler]] = []


def _rule(pattern: str, flags: int = 0) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        _RULES.append((re.compile(pattern, flags), fn))
        return fn

    return register


# explicit days ------------------------------------------------------------------------------


@_rule(
    rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?"
)
@_rule(rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<m>{MONTH})\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?")
def _explicit_day(m: re.Match[str], ctx: _Context) -> str | None:
    month = _month_of(m["m"])
    day = int(re.match(r"\d+", m["d"]).group())
    if m["y"]:
        # the pattern has read the month, day and year already: a date needs no parser (dateparser costs
        # about 1.5 ms a call)
        try:
            return dt.date(int(m["y"]), month, day).isoformat()
        except ValueError:
            return None
    if ctx.anchor is None:
        return f"XXXX-{month:02d}-{day:02d}"
    year = _year_for(ctx.anchor, month, day, ctx.tense)
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


@_rule(r"(?<![\d/.-])(?:\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)|\d{1,2}\.\d{1,2}\.\d{4})(?![\d/.-]|\.\d)")
def _numeric_day(m: re.Match[str], ctx: _Context) -> str | None:
    parsed = _dateparser(m.group())
    if parsed is None:
        return None
    if re.fullmatch(r"\d\d?\.\d\d?\.\d{4}", m.group()):  # dotted dates are day-first
        d, mo, y = (int(x) for x in m.group().split("."))
        try:
            return dt.date(y, mo, d).isoformat()
        except ValueError:
            return None
    return parsed.isoformat()


# months, years, decades, quarters, seasons ----------------------------------------------------


@_rule(rf"(?:(?P<mod>{MOD})[-\s]+)?(?P<m>{MONTH})(?:,?\s+(?:of\s+)?(?P<y>{YEAR})|(?!\s+\d))", re.I)
@_rule(rf"(?:(?P<mod>{MOD})[-\s]+)?(?P<m>{MONTH})(?:\s+(?P<rel>last|next|this)\s+year)", re.I)
def _month(m: re.Match[str], ctx: _Context) -> str | None:
    word = m["m"]
    if not word[0].isupper():
        return None
    month = _month_of(word)
    if m.groupdict().get("y"):
        return f"{int(m['y']):04d}-{month:02d}"
    if m.groupdict().get("rel") and ctx.anchor is not None:
        return f"{ctx.anchor.year + {'last': -1, 'this': 0, 'next': 1}[m['rel'].lower()]:04d}-{month:02d}"
    if len(word.rstrip(".")) <= 4 and word.lower() not in ("may", "june", "july") and not m["mod"]:
        return None  # "Jan" alone is a name more often than a month
    if word.lower() in ("may", "march") and m["mod"] is None and not ctx.state.get("month_context"):
        return None  # the modal and the verb; "in May" is accepted by the caller's context check
    if ctx.anchor is None:
        return f"XXXX-{month:02d}"
    return f"{_year_for(ctx.anchor, month, None, ctx.tense):04d}-{month:02d}"


@_rule(rf"(?i:(?P<rel>last|next|this|past|coming)\s+)(?P<m>{MONTH})(?!\s+\d)")
def _month_relative(m: re.Match[str], ctx: _Context) -> str | None:
    if ctx.anchor is None:
        return None
    month = _month_of(m["m"])
    rel = m["rel"].lower()
    if rel == "this":
        return f"{ctx.anchor.year:04d}-{month:02d}"
    return f"{_year_for(ctx.anchor, month, None, ctx.tense, rel):04d}-{month:02d}"


@_rule(rf"(?<![\d$£€.,/])(?:(?i:(?P<mod>{MOD}|fiscal|calendar|the year|year)[-\s]+))?(?P<y>{YEAR})(?![-/]\d)(?!,\d)")
def _year(m: re.Match[str], ctx: _Context) -> str | None:
    return m["y"]


_CENTURY_ORDINALS = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21, "eighteenth": 18}


@_rule(r"(?i)\b(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?(?P<n>1[5-9]|2[01]|nineteenth|twentieth|twenty-first|eighteenth)"
       r"(?:st|nd|rd|th)?[-\s]+century\b")
def _century(m: re.Match[str], ctx: _Context) -> str | None:
    n = m["n"].lower()
    number = _CENTURY_ORDINALS[n] if n in _CENTURY_ORDINALS else int(n)
    return f"{number - 1:02d}"  # the 20th century is 1900-1999: ISO "19"


_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_WORDS = r"one|two|three|four|five|six|seven|eight|nine"


@_rule(rf"(?i)\bnineteen[-\s]+(?P<t>{_TENS})(?:[-\s]+(?P<u>{_UNITS_WORDS}))?\b")
def _spelled_year(m: re.Match[str], ctx: _Context) -> str | None:
    year = 1900 + int(_number(m["t"]) or 0) + int(_number(m["u"]) or 0 if m["u"] else 0)
    return str(year)


@_rule(r"(?i)\b(?:the\s+year\s+)?two[-\s]+thousand(?:[-\s]+(?:and[-\s]+)?(?P<u>one|two|three|four|five|six|seven|eight|nine"
       r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?\b"
       r"(?!\s+(?!has\b|was\b|is\b|as\b)[a-z]+s\b)")
def _spelled_millennium_year(m: re.Match[str], ctx: _Context) -> str | None:
    return str(2000 + int(_number(m["u"]) or 0 if m["u"] else 0))


@_rule(r"(?i)\bthe\s+(?:current|full|fiscal|current\s+fiscal|calendar)\s+year\b")
def _current_year(m: re.Match[str], ctx: _Context) -> str | None:
    return str(ctx.anchor.year) if ctx.anchor else None


@_rule(r"(?<![\d$£€.,-])(?P<a>1[5-9]\d\d|20\d\d)[-–/](?P<b>1[5-9]\d\d|20\d\d|\d\d)(?![\d%-])")
def _year_range(m: re.Match[str], ctx: _Context) -> str | None:
    return m["a"]  # find_times splits the range into its two ends


@_rule(r"(?i:(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?)(?P<y>1[5-9]\d0|20\d0)'?s\b")
def _decade(m: re.Match[str], ctx: _Context) -> str | None:
    return m["y"][:3]


@_rule(r"(?i:(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?)['’](?P<d>\d)0s\b")
def _short_decade(m: re.Match[str], ctx: _Context) -> str | None:
    return "19" + m["d"]


@_rule(
    r"(?i)(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?(?:nineteen[-\s]+)?"
    r"(?P<d>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"
)
def _word_decade(m: re.Match[str], ctx: _Context) -> str | None:
    index = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
    return f"19{index.index(m['d'].lower()) + 2}"


@_rule(
    r"(?i)(?:the\s+)?(?:(?P<rel>latest|last|past|previous|current|next|coming|same|year-ago|year-earlier)\s+)?"
    r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+(?:fiscal[-\s]+)?(?:quarter|qtr\.?)(?!s)"
    rf"(?:,?\s+(?:of\s+)?(?:fiscal\s+)?(?P<y>{YEAR}))?"
)
def _ordinal_quarter(m: re.Match[str], ctx: _Context) -> str | None:
    q = _ORDINALS[m["q"].lower()]
    if m["y"]:
        value = f"{m['y']}-Q{q}"
    elif ctx.anchor is None:
        return f"XXXX-Q{q}"
    else:
        year, now = _quarter(ctx.anchor)
        rel = (m["rel"] or "").lower()
        earlier = rel in ("last", "past", "previous") and q >= now
        if rel in ("year-ago", "year-earlier") or earlier or (q > now and ctx.tense != FUTURE):
            year -= 1
        value = f"{year}-Q{q}"
    ctx.set_quarter(value)
    return value


@_rule(
    r"(?i)(?:the\s+)?(?:(?P<rel>this|last|next)\s+year's|(?P<y>(?:19|20)\d\d))\s+"
    r"(?:(?P<q>first|second|third|fourth)[-\s]+)?(?:fiscal\s+)?(?:quarter|period)\b"
)
def _year_quarter(m: re.Match[str], ctx: _Context) -> str | None:
    if m["y"]:
        year = int(m["y"])
    elif ctx.anchor is None:
        return None
    else:
        year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    if m["q"]:
        q = _ORDINALS[m["q"].lower()]
    elif ctx.quarter:
        q = int(ctx.quarter[-1])
    else:
        return str(year)
    value = f"{year}-Q{q}"
    if m["q"]:
        ctx.set_quarter(value)
    return value


@_rule(r"(?i)(?:the\s+)?(?P<q>first|second)[-\s]+half(?:\s+of(?:\s+(?:the\s+)?year|\s+(?P<y>(?:1[5-9]|20)\d\d)))?\b")
def _half(m: re.Match[str], ctx: _Context) -> str | None:
    h = 1 if m["q"].lower() == "first" else 2
    if m["y"]:
        return f"{m['y']}-H{h}"
    if ctx.anchor is None:
        return f"XXXX-H{h}"
    year = ctx.anchor.year - (1 if h == 2 and ctx.anchor.month <= 6 else 0)
    return f"{year}-H{h}"


@_rule(
    r"(?i)(?:the\s+)?(?P<rel>latest|last|past|previous|current|this|next|coming|same|year-ago|year-earlier|"
    r"year-before|prior-year|recent)?\s*(?:fiscal\s+)?(?P<u>quarter|period)\b(?!s)"
)
def _the_quarter(m: re.Match[str], ctx: _Context) -> str | None:
    rel = (m["rel"] or "").lower()
    unit = m["u"].lower()
    if unit == "period" and rel not in ("year-ago", "year-earlier", "year-before", "prior-year", "latest"):
        return None
    if not m.group().lower().startswith("the") and rel in ("", "recent"):
        return None
    base = ctx.quarter
    if base is None:
        if ctx.anchor is None:
            return None
        done = ctx.tense == PAST or rel in ("latest", "last", "past", "recent")
        base = _shift(ctx.anchor, "quarter", -1 if done else 0)
    year, q = int(base[:4]), base[-1]
    if rel in ("year-ago", "year-earlier", "year-before", "prior-year"):
        return f"{year - 1}-Q{q}"
    if rel in ("next", "coming"):
        return _shift(dt.date(year, (int(q) - 1) * 3 + 1, 1), "quarter", 1)
    if rel in ("previous",):
        return _shift(dt.date(year, (int(q) - 1) * 3 + 1, 1), "quarter", -1)
    return base


@_rule(
    rf"(?i)(?:(?P<rel>this|last|next|past|coming|the)\s+)?(?:(?:early|late|mid)[-\s]+)?"
    rf"(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>{YEAR}))?\b"
)
def _season(m: re.Match[str], ctx: _Context) -> str | None:
    code = _SEASONS[m["s"].lower()]
    rel = (m["rel"] or "").lower()
    if m["y"]:
        return f"{m['y']}-{code}"
    if not rel and not ctx.state.get("season_context"):
        return None  # "fall" the verb; bare seasons only after "in"
    if rel in ("", "the") and re.match(r"\s+(?:in|of|from|to|by|on|at)\b", m.string[m.end() :]):
        return None  # "the fall in prices"
    if ctx.anchor is None:
        return None
    middle = {"SP": 4, "SU": 7, "FA": 10, "WI": 12}[code]
    modifier = {"last": "last", "past": "last", "next": "next", "coming": "next"}.get(rel)
    year = ctx.anchor.year if rel == "this" else _year_for(ctx.anchor, middle, None, ctx.tense, modifier)
    return f"{year}-{code}"


_HOLIDAYS = (
    r"Christmas(?: Day| Eve)?|New Year's(?: Day| Eve)|Thanksgiving(?: Day)?|Easter(?: Sunday| Monday)?|Halloween"
)


@_rule(rf"(?:(?i:(?P<rel>last|next|this)\s+))?(?P<h>{_HOLIDAYS})(?:,?\s+(?P<y>{YEAR}))?(?!\s+(?:week|season|tree))")
def _holiday(m: re.Match[str], ctx: _Context) -> str | None:
    """Fixed and movable feasts (US Thanksgiving: the fourth Thursday of November)."""
    name = m["h"].lower()

    def day_in(year: int) -> dt.date:
        if name.startswith("christmas"):
            return dt.date(year, 12, 24 if name.endswith("eve") else 25)
        if name.startswith("new year"):
            return dt.date(year, 12, 31) if name.endswith("eve") else dt.date(year, 1, 1)
        if name.startswith("thanksgiving"):
            first = dt.date(year, 11, 1)
            return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
        if name.startswith("easter"):
            from dateutil.easter import easter

            return easter(year) + dt.timedelta(days=1 if name.endswith("monday") else 0)
        return dt.date(year, 10, 31)

    if m["y"]:
        return day_in(int(m["y"])).isoformat()
    if ctx.anchor is None:
        return None
    years = (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
    rel = (m["rel"] or "").lower()
    if rel == "last":
        return max(day_in(y) for y in years if day_in(y) < ctx.anchor).isoformat()
    if rel == "next":
        return min(day_in(y) for y in years if day_in(y) > ctx.anchor).isoformat()
    if rel == "this":
        return day_in(ctx.anchor.year).isoformat()
    best = min(years, key=lambda y: abs((day_in(y) - ctx.anchor).days))
    return day_in(best).isoformat()


# days relative to the anchor ----------------------------------------------------------------


@_rule(
    rf"(?i)(?:(?:early|late)\s+)?(?P<w>the day before yesterday|the day after tomorrow|today|yesterday|tomorrow"
    rf"|tonight|this {PART}|last night)(?:\s+(?P<p>{PART}))?"
)
def _deictic_day(m: re.Match[str], ctx: _Context) -> str | None:
    if ctx.anchor is None:
        return None
    w = m["w"].lower()
    offsets = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tomorrow": 1,
               "the day after tomorrow": 2, "tonight": 0, "last night": -1}
    day = ctx.anchor + dt.timedelta(days=offsets.get(w, 0))
    part = m["p"] or (w.split()[-1] if w.startswith("this ") else None)
    if w in ("tonight", "last night"):
        part = "night"
    return day.isoformat() + (f"T{_PARTS[part.lower()]}" if part else "")


@_rule(
    rf"(?:(?i:(?P<rel>last|next|this|past|coming|previous|early|late)\s+))?(?P<wd>{WEEKDAY})"
    rf"(?:\s+(?P<p>(?i:{PART})))?"
)
def _weekday(m: re.Match[str], ctx: _Context) -> str | None:
    if ctx.anchor is None:
        return None
    rel = (m["rel"] or "").lower()
    day = _weekday_date(ctx.anchor, _weekday_of(m["wd"]), ctx.tense, rel or None)
    # "Friday night" names the day: news uses the part of day loosely ("night" for an evening)
    return day.isoformat()


@_rule(
    r"(?i)(?:(?P<edge>earlier|later|early|late|the end of|the beginning of|the start of)\s+)?"
    r"(?P<rel>this|last|next|the past|the previous|the last|the coming|the next|the following|the same|the)\s+"
    r"(?P<u>week|weekend|month|year|decade|century)\b(?![s-])"
)
def _this_unit(m: re.Match[str], ctx: _Context) -> str | None:
    if ctx.anchor is None:
        return None
    rel = m["rel"].lower()
    unit = m["u"].lower()
    if rel in ("the past", "the last", "the coming", "the next") and unit in ("year", "month", "decade", "century"):
        return f"P1{_UNITS[unit][0]}".replace("P1DE", "P10Y").replace("P1CE", "P100Y")
    if rel == "the following" or rel == "the same":
        return None
    if rel == "the":
        if unit == "weekend":
            n = -1 if ctx.tense == PAST else 0
            if ctx.tense == PAST and ctx.anchor.weekday() >= 5:
                n = 0
            return _shift(ctx.anchor, "weekend", n)
        if unit == "year" and not m["edge"]:
            return "P1Y"  # "during the year", "the year to March": a stretch more often than 2025
        if unit in ("week", "month", "year"):
            return _shift(ctx.anchor, unit, 0)
        return None
    n = {"this": 0, "last": -1, "the previous": -1, "the past": -1, "the last": -1, "next": 1,
         "the coming": 1, "the next": 1}[rel]
    return _shift(ctx.anchor, unit, n)


@_rule(
    rf"(?i)(?P<n>{NUMWORD})[-\s]+(?P<u>{UNIT})s?(?:\s+or\s+so)?\s+"
    r"(?P<dir>ago|earlier|before|previously|from now|hence|later|after)\b"
)
def _ago(m: re.Match[str], ctx: _Context) -> str | None:
    n = _number(m["n"])
    direction = m["dir"].lower()
    unit = m["u"].lower().replace("centuries", "century")
    if direction in ("earlier", "later", "before", "after", "previously"):
        # counted from another event, not from the publication date: the length is what is known
        if unit == "year" and n == 1 and direction in ("earlier", "before") and ctx.recent_quarter():
            return f"{int(ctx.quarter[:4]) - 1}-Q{ctx.quarter[-1]}"  # results stories compare quarters
        if unit == "year" and n == 1 and direction == "earlier" and ctx.anchor is not None:
            return str(ctx.anchor.year - 1)
        return _duration(n, unit)
    if n is None:
        return PAST_REF if direction == "ago" else FUTURE_REF
    if ctx.anchor is None or n != int(n):
        return None
    n = int(n) * (-1 if direction == "ago" else 1)
    if unit == "year" and n == -1 and ctx.recent_quarter():
        return f"{int(ctx.quarter[:4]) - 1}-Q{ctx.quarter[-1]}"
    if unit in ("second", "minute", "hour"):
        return ctx.anchor.isoformat()
    return _shift(ctx.anchor, unit, n)


@_rule(rf"(?i)the\s+week\s+of\s+(?P<m>{MONTH})\s+(?P<d>{DAY})")
def _week_of(m: re.Match[str], ctx: _Context) -> str | None:
    if ctx.anchor is None:
        return None
    month, day = _month_of(m["m"]), int(re.match(r"\d+", m["d"]).group())
    try:
        return _week(dt.date(_year_for(ctx.anchor, month, day, ctx.tense), month, day))
    except ValueError:
        return None


_CLOCK = r"(?P<h>[01]?\d)(?::(?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m\b)|(?P<h24>noon|midnight|midday)"


@_rule(
    rf"(?i)(?:{_CLOCK})(?:\s+(?:(?-i:[A-Z]{{1,3}}[SD]T|GMT|UTC)|local time)\b)?"
    rf"(?:,?\s+(?:on\s+)?(?P<day>today|yesterday|tomorrow|(?-i:{WEEKDAY})|(?-i:(?P<m>{MONTH})\s+(?P<d>{DAY}))))?"
)
def _clock_time(m: re.Match[str], ctx: _Context) -> str | None:
    if ctx.anchor is None:
        return None
    if m["h24"]:
        hour, minute = (0 if m["h24"].lower() == "midnight" else 12), 0
    else:
        hour, minute = int(m["h"]) % 12, int(m["min"] or 0)
        if m["ampm"].lower().startswith("p"):
            hour += 12
    day = ctx.anchor
    if m["day"]:
        word = m["day"].lower()
        if m["m"]:
            month, dom = _month_of(m["m"]), int(re.match(r"\d+", m["d"]).group())
            try:
                day = dt.date(_year_for(ctx.anchor, month, dom, ctx.tense), month, dom)
            except ValueError:
                return None
        elif word in ("yesterday", "tomorrow"):
            day += dt.timedelta(days=-1 if word == "yesterday" else 1)
        elif word != "today":
            day = _weekday_date(ctx.anchor, _weekday_of(word), ctx.tense)
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}"


@_rule(r"(?i)\b(?:year-earlier|year-ago)\b")
def _year_ago_adjective(m: re.Match[str], ctx: _Context) -> str | None:
    if ctx.recent_quarter():
        return f"{int(ctx.quarter[:4]) - 1}-Q{ctx.quarter[-1]}"
    return str(ctx.anchor.year - 1) if ctx.anchor else None


# durations and sets ---------------------------------------------------------------------------


def _duration(n: float | None, unit: str) -> str:
    unit = unit.lower().replace("centuries", "century")
    letter, is_time = _UNITS[unit]
    if letter == "DE":
        letter, n = "Y", (n * 10 if n is not None else None)
    elif letter == "CE":
        letter, n = "Y", (n * 100 if n is not None else None)
    elif letter == "WE":
        letter, n = "D", (n * 2 if n is not None else None)
    half = {"Y": "6M", "D": "T12H", "H": "30M", "M": "30S" if is_time else "15D"}
    if n is not None and n != int(n) and n % 1 == 0.5 and letter in half:
        rest = half[letter]
        return f"P{'T' if is_time else ''}{int(n)}{letter}{rest}".replace("DTT", "DT")
    if n is None:
        amount = "X"
    elif n == int(n):
        amount = str(int(n))
    else:
        amount = f"{n:g}"
    return f"P{'T' if is_time else ''}{amount}{letter}"


@_rule(
    rf"(?i)(?:(?:the|a|an)\s+)?(?:(?:past|last|next|previous|first|coming|final|following|latest)\s+)?"
    rf"(?:(?:more than|less than|fewer than|about|around|nearly|almost|over|at least|some|up to|only|roughly|"
    rf"approximately|another|just)\s+)?(?P<n>{NUMWORD})(?P<half>\s+1/2|\s+and\s+a\s+half)?(?:\s+(?:to|or)\s+{NUMWORD})?[-\s]+"
    rf"(?:(?:more|full|straight|consecutive|additional|long)\s+)?(?P<u>{UNIT})s?(?:[-\s]long)?"
    rf"(?P<half2>\s+and\s+a\s+half)?\b(?![-\s]old)"
)
def _counted_duration(m: re.Match[str], ctx: _Context) -> str | None:
    n_text = m["n"].lower()
    if m["half"] or m["half2"]:
        n = _number(n_text)
        return _duration(n + 0.5 if n is not None else None, m["u"])
    if m["u"].lower() == "quarter" and (n_text in ("a", "an", "one") or "-" in m.group()):
        return None  # "a quarter of", "three-quarters": fractions
    return _duration(_number(n_text), m["u"])


@_rule(
    rf"(?i)(?:the\s+)?(?:(?:past|last|next|coming|previous)\s+)?(?:(?:few|several|many)\s+)?"
    rf"(?P<u>{UNIT})s(?:\s+(?:or|and)\s+{UNIT}s)?"
)
def _vague_duration(m: re.Match[str], ctx: _Context) -> str | None:
    text = m.group().lower()
    if not re.match(r"(?:the\s+)?(?:past|last|next|coming|previous|few|several|many)\b", text):
        return None
    return _duration(None, m["u"])


@_rule(r"(?<=\b[Ff]or\s)(?P<u>day|week|month|year|decade)s\b(?!\s+(?:ago|to come|of|and|or)\b)")
def _for_units(m: re.Match[str], ctx: _Context) -> str | None:
    return _duration(None, m["u"])  # "for years": an unstated number of them


@_rule(r"(?i)\b(?P<w>daily|weekly|monthly|yearly|hourly|nightly)\b")
def _set_adverb(m: re.Match[str], ctx: _Context) -> str | None:
    return {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
            "yearly": "P1Y", "hourly": "PT1H", "quarterly": "P1Q"}[m["w"].lower()]


@_rule(rf"(?i)\b(?:each|every|per)\s+(?P<u>{UNIT})\b")
def _set_every(m: re.Match[str], ctx: _Context) -> str | None:
    return _duration(1, m["u"])


# TimeML's vague references ---------------------------------------------------------------------

PRESENT_REF, PAST_REF, FUTURE_REF = "PRESENT_REF", "PAST_REF", "FUTURE_REF"


@_rule(r"(?i)\b(?:right now|just now|now|currently|at present|at the moment|these days|nowadays|presently|current)\b")
def _present(m: re.Match[str], ctx: _Context) -> str | None:
    return PRESENT_REF


@_rule(
    r"(?i)\b(?:(?:more |most |until |only )?recently|in the past|the past"
    r"|recent (?:days|weeks|months|years)|(?:the|in) recent past)\b(?!\s+(?:few|several|\d|one|two|three|four|five))"
)
def _past(m: re.Match[str], ctx: _Context) -> str | None:
    return PAST_REF


@_rule(
    r"(?i)\b(?:the (?:near |distant |foreseeable )?future|as soon as possible|the near term|the short term"
    r"|the long term|coming (?:days|weeks|months|years)|a later date)\b"
)
def _future(m: re.Match[str], ctx: _Context) -> str | None:
    return FUTURE_REF




# ---------------------------------------------------------------------------------------------
# finding and resolving
# ---------------------------------------------------------------------------------------------

_MAY_MARCH_BEFORE = re.compile(r"(?i)(?:\b(?:in|of|since|until|by|from|through|to|early|late|mid|last|next|this"
                               r"|during|before|after|between|and)\s+|[-–,]\s*)$")
_SEASON_BEFORE = re.compile(r"(?i)\b(?:in|since|until|by|through|during|over)\s+$")
_NUMBER_NOUN_AFTER = re.compile(
    r"^[\s-]*(?:[a-z]+[\s-]+)?(?:people|persons|men|women|children|troops|soldiers|jobs|workers|votes|cars|units"
    r"|shares|tons|tonnes|barrels|feet|miles|meters|metres|kilometers|points|seats|pounds|dollars|acres|hectares"
    r"|employees|members|delegates|cases|copies|homes|houses|rooms|residents|students|patients|deaths|dead"
    r"|prisoners|refugees|names|signatures|pages|words|police|officers|troops|fighters|civilians|visitors|km|kg|m)\b",
    re.I,
)


@dataclass
class _Match:
    start: int
    end: int
    handler: Handler
    match: re.Match[str]


_ABBREVIATION_END = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)|[ap]\.\s?m)\.$"
)


# Every time expression holds a digit or one of these words, and no rule's match runs further than
# _REACH characters from it (on 1,010 dev texts no match needs more than 21): the rules only run
# near them, which cuts the scanning to about a third of the text.
_ANCHOR_WORDS = frozenset(re.findall(r"[a-z]+", (
    "jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july august september "
    "october november december mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday "
    "saturday sunday today tonight tomorrow yesterday now nowadays currently current present presently moment recent "
    "recently previously soon ago earlier later past future term period time season eve date quarter quarters qtr "
    "half hour hours minute minutes second seconds noon midnight midday morning mornings afternoon afternoons evening "
    "evenings night nights weekend weekends week weeks day days daily month months year years decade decades century "
    "centuries spring springs summer summers autumn autumns fall winter winters christmas thanksgiving easter "
    "halloween nineteen thousand eighteenth nineteenth twentieth twenties thirties forties fifties sixties seventies "
    "eighties nineties hourly weekly monthly yearly nightly"
)))
# a digit, or a run of letters to look up (parts of "mid-year" and "year-earlier" are words of their own):
# a set lookup per word is several times faster than one large case-insensitive alternation
_ANCHOR = re.compile(r"\d|[A-Za-z]+")
_REACH = 32


def _merge(hits: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for hit_start, hit_end in hits:
        start, end = max(0, hit_start - _REACH), min(size, hit_end + _REACH)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _windows(text: str) -> dict[str | None, list[tuple[int, int]]]:
    """Where the rules run: near any anchor (key None), and near the words each trigger family needs."""
    hits: dict[str | None, list[tuple[int, int]]] = {None: []}
    for m in _ANCHOR.finditer(text):
        word = m.group()
        if word[0].isdigit():
            families: tuple[str, ...] = ("digit",)
        else:
            word = word.lower()
            if word not in _ANCHOR_WORDS:
                continue
            families = _FAMILIES_OF.get(word, ())
        span = m.span()
        hits[None].append(span)
        for family in families:
            hits.setdefault(family, []).append(span)
    return {family: _merge(found, len(text)) for family, found in hits.items()}


def _candidates(text: str) -> list[_Match]:
    found: list[_Match] = []
    windows = _windows(text)
    for pattern, handler in _RULES:
        family = _TRIGGERS.get(handler)
        spans = windows[None] if family is None else windows.get(family, [])
        for m in (m for start, end in spans for m in pattern.finditer(text, start, end)):
            start, end = m.span()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1] in " -,.\t\n":
                if text[end - 1] == "." and _ABBREVIATION_END.search(text[start:end]):
                    break
                end -= 1
            if handler is _counted_duration and re.match(r"(?i)an?\s+\S+-", text[start:end]):
                start = text.index(" ", start) + 1  # "a five-day strike": the adjective is the expression
            if end <= start:
                continue
            if start > 0 and text[start - 1].isalnum() and text[start].isalnum():
                continue
            if end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
                continue
            found.append(_Match(start, end, handler, m))
    return found


def _select(candidates: list[_Match]) -> list[_Match]:
    """Longest first, no overlaps; then in text order."""
    chosen: list[_Match] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


def _apply(match: _Match, text: str, ctx: _Context) -> str | None:
    return match.handler(match.match, ctx)


def _context_flags(text: str, start: int, ctx: _Context) -> None:
    before = text[max(0, start - 20) : start]
    ctx.state["month_context"] = bool(_MAY_MARCH_BEFORE.search(before))
    ctx.state["season_context"] = bool(_SEASON_BEFORE.search(before))


def resolve(text: str, anchor: dt.date | None, tense: str | None = None) -> str | None:
    """The value of one time expression (``"on Tuesday"``, ``"last week"``) against ``anchor``.

    ``tense`` is the tense of the clause it belongs to (``"past"``, ``"present"``, ``"future"``):
    it decides which Tuesday "Tuesday" is. Returns None when the text is not a time expression.
    """
    stripped = re.sub(r"(?i)^(?:on|in|at|since|by|until|from|during|for)\s+", "", text.strip()).rstrip(" .,")
    matches = _select(_candidates(stripped))
    if not matches:
        return None
    best = max(matches, key=lambda c: c.end - c.start)
    ctx = _Context(anchor=anchor, tense=tense)
    ctx.state["month_context"] = ctx.state["season_context"] = True
    try:
        return _apply(best, stripped, ctx)
    except (ValueError, OverflowError):
        return None


def find_times(text: str, anchor: dt.date | None, doc: Any = None) -> list[TimeExpression]:
    """Every time expression in ``text`` with its value; ``doc`` (spaCy, same text) gives tenses.

    A range gives one expression per end: "April 22-24, 2025" is 2025-04-22 and 2025-04-24,
    "2019-21" is 2019 and 2021.
    """
    ctx = _Context(anchor=anchor)
    out: list[TimeExpression] = []
    for match in _select(_candidates(text)):
        if out and match.start < out[-1].end:
            continue  # inside the second end of a range already read
        _context_flags(text, match.start, ctx)
        ctx.position = match.start
        if match.handler is _year and not _is_year(text, match, doc):
            continue
        ctx.tense = clause_tense(doc, match.start, match.end) if doc is not None else None
        if match.handler is _year_range:
            out.extend(_year_range_ends(match))
            continue
        try:
            value = _apply(match, text, ctx)
        except (ValueError, OverflowError):
            continue  # a date outside the calendar (year 0, 10000) is no date
        if value is None:
            continue
        first = TimeExpression(text=text[match.start : match.end], start=match.start, end=match.end, value=value)
        out.append(first)
        if match.handler is _explicit_day and to_date(value) is not None:
            out.extend(_day_range_end(text, first))
    return out


_RANGE_TAIL = re.compile(
    rf"\s*(?:-|–|to|through|until|till|and)\s*(?P<d>{DAY})(?![\d/.])(?:,?\s+(?P<y>{YEAR}))?"
    r"(?!\s*(?:%|percent\b)|\s+(?!and\b|or\b|in\b|at\b|on\b|when\b|as\b|the\b)[a-z])"
)


def _day_range_end(text: str, first: TimeExpression) -> list[TimeExpression]:
    """The second day of "April 22-24" / "April 22 to 24, 2025" (its year applies to both)."""
    tail = _RANGE_TAIL.match(text, first.end)
    if tail is None:
        return []
    start_day = to_date(first.value)
    if tail["y"] and not re.search(YEAR, first.text):
        try:
            start_day = start_day.replace(year=int(tail["y"]))
        except ValueError:
            return []
        first.value = start_day.isoformat()
    try:
        end_day = start_day.replace(day=int(re.match(r"\d+", tail["d"]).group()))
    except ValueError:
        return []
    if end_day <= start_day:
        return []
    start = tail.start("d")
    return [TimeExpression(text=text[start : tail.end()], start=start, end=tail.end(), value=end_day.isoformat())]


def _year_range_ends(match: _Match) -> list[TimeExpression]:
    m = match.match
    first, second = m["a"], m["b"]
    if len(second) == 2:
        second = first[:2] + second
    if int(second) <= int(first):
        return []
    return [
        TimeExpression(text=first, start=m.start("a"), end=m.end("a"), value=first),
        TimeExpression(text=m["b"], start=m.start("b"), end=m.end("b"), value=second),
    ]


def _is_year(text: str, match: _Match, doc: Any) -> bool:
    """A bare four-digit number is a year unless it counts something ("1500 troops")."""
    after = text[match.end : match.end + 30]
    if _NUMBER_NOUN_AFTER.match(after):
        return False
    if doc is not None:
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is not None and span[-1].ent_type_ in ("MONEY", "QUANTITY", "PERCENT"):
            return False
        if span is not None:
            tok = span[-1]
            # "2000 police" counts; "the 1996 bombing", "its 1990 invasion" name a year
            before = tok.nbor(-1) if tok.i > 0 else None
            if tok.dep_ == "nummod" and tok.head.i > tok.i and tok.head.tag_ == "NNS" and (
                before is None or (before.pos_ not in ("DET", "PRON", "ADJ", "PROPN") and before.tag_ != "POS")
            ):
                return False
    return True


# ---------------------------------------------------------------------------------------------
# tense of the clause a span belongs to
# ---------------------------------------------------------------------------------------------

_FUTURE_MODALS = {"will", "'ll", "shall", "wo", "would", "'d"}
_FUTURE_LEMMAS = {"plan", "expect", "schedule", "intend", "hope", "aim", "want", "seek", "agree", "decide", "vow",
                  "promise", "pledge", "set", "due", "prepare", "propose", "threaten", "go", "likely", "ready"}


_REPORTING = {"say", "tell", "report", "announce", "state", "claim", "add", "note", "write", "insist", "deny",
              "confirm", "argue", "warn", "accuse", "be", "have"}


def clause_tense(doc: Any, start: int, end: int) -> str | None:
    """``past``/``present``/``future`` of the verb a span attaches to in ``doc``; None if there is none.

    "Friday's vote" (a possessive) and "the vote announced Friday" (a bare participle) are past;
    "is meeting on Friday" (a progressive) and "plans to meet Friday" are future.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    if tok.dep_ == "poss":
        return PAST
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and not (span.start <= tok.i < span.end):
            break
        if tok.head is tok:
            return None
        tok = tok.head
    else:
        return None
    return _verb_tense(tok)


def _verb_tense(verb: Any, depth: int = 0) -> str | None:
    conditional = any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)
    if depth < 3 and verb.dep_ == "advcl" and conditional:
        return _verb_tense(verb.head, depth + 1)  # "would strike if the port failed to hire by the summer"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if any(a.tag_ == "MD" for a in auxes) and words & {"have", "'ve"}:
        return PAST  # "may have been", "would have": a modal perfect looks back
    if words & _FUTURE_MODALS or any(a.tag_ == "MD" and a.lower_ not in ("could", "can") for a in auxes):
        return FUTURE  # will, would, may, should, must: not yet happened ("could not be reached": past)
    if verb.lemma_ in _FUTURE_LEMMAS and verb.lemma_ not in ("go", "set", "agree", "decide") and verb.tag_ != "VBD":
        return FUTURE  # "plans a rally on Saturday"
    if verb.tag_ == "VBG" and words & {"is", "are", "am", "'re", "'m"}:
        return FUTURE  # "is meeting Friday": a plan
    if any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if verb.tag_ in ("VBD", "VBN"):
        return PAST
    if verb.tag_ in ("VBZ", "VBP"):
        # the simple present of a scheduled act ("meets Monday") is future; "says Friday" is news
        return PRESENT if verb.lemma_ in _REPORTING else FUTURE
    if "to" in words or verb.tag_ == "VB":
        head = verb.head
        if head is not verb and depth < 3:
            if head.lemma_ in _FUTURE_LEMMAS:
                return FUTURE
            if head.pos_ in ("VERB", "AUX"):
                return _verb_tense(head, depth + 1)
    return None


# ---------------------------------------------------------------------------------------------
# the dateline
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dateline:
    """A wire dateline: its place, its date (when the text gives one) and its span."""

    place: str
    date: dt.date | None
    start: int
    end: int
    partial: str | None = None  # the day without its year ("XXXX-02-07") when no year can be read


def partial_anchor(text: str, years: tuple[int, int] | None = None) -> str | None:
    """What a reader knows of the date of a release that gives no full date: its dateline's day
    without the year ("KABUL, Afghanistan (Feb. 07)": ``XXXX-02-07``), else the month of its release
    number ("2011-07-S-039": ``2011-07``). None when the dateline gives a full date, or nothing does."""
    dateline = read_dateline(text, years)
    if dateline is not None and dateline.date is not None:
        return None
    if dateline is not None and dateline.partial:
        return dateline.partial
    release = _RELEASE_NUMBER.search(text[:1500])
    return f"{release['y']}-{release['m']}" if release else None


_PLACE = r"(?P<place>[A-Z][A-Z'.\-]+(?:[ /][A-Z][A-Z'.\-]+)*)"
# "(Nov. 1. 2011)": a full stop for the comma is a slip a reader reads through
_DATELINE_DATE = (
    rf"(?:\s*\((?P<date1>{MONTH}\s*{DAY}(?:[,.]\s*(?P<year1>{YEAR}))?)\)|,?\s*(?P<date2>{MONTH}\s*{DAY}(?:,\s*"
    rf"(?P<year2>{YEAR}))?))"
)
_DATELINE_TAIL = rf"\s*(?:\((?P<agency>[A-Za-z][A-Za-z .&]{{1,30}})\))?\s*(?P<dash>[{DASH_CHARS}−:-]|$|\s{{2}})"
_DATELINE = re.compile(
    rf"(?m)^[ \t\u00a0\u2028]*{_PLACE}(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*))?"
    rf"{_DATELINE_DATE}?{_DATELINE_TAIL}"
)
# "Kabul, Afghanistan (Sept. 2) -": a place not in capitals is a dateline only with a date in brackets
_TITLE_DATELINE = re.compile(
    rf"(?m)^[ \t\u00a0\u2028]*(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?), (?P<region>[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    rf"\s*\((?P<date1>{MONTH}\s*{DAY}(?:[,.]\s*(?P<year1>{YEAR}))?)\)(?P<date2>)(?P<year2>){_DATELINE_TAIL}"
)
_RELEASE_NUMBER = re.compile(r"\b(?P<y>20\d\d|19\d\d)-(?P<m>\d\d)-[A-Z]{1,3}[-–]\d+")
_HEADER_DATE = re.compile(rf"(?P<m>{MONTH})\s*(?P<d>{DAY})(?:[,.]\s*(?P<y>{YEAR}))?")
# "in June 2011", "on Dec. 3, 2010": a dated mention that bounds the year of an undated dateline
_MONTH_YEAR = re.compile(rf"(?P<m>{MONTH})\s*(?:(?P<d>{DAY}),?\s*)?(?P<y>{YEAR})")
_AHEAD = re.compile(r"(?i)\b(?:by|until|till|before|next|due|scheduled|planned|expected|from|starting)\s+(?:\w+\s+)?$")
_WEEKDAY_DATE = re.compile(rf"(?P<wd>{WEEKDAY}),?\s+(?P<m>{MONTH})\s*(?P<d>{DAY})(?![,.]?\s*\d)")


@functools.lru_cache(maxsize=8)  # the dateline, times and events stages each read the same article's dateline
def read_dateline(text: str, years: tuple[int, int] | None = None) -> Dateline | None:
    """A wire dateline near the top ("KABUL, Afghanistan (Jan. 25, 2013) —", "WASHINGTON, May 3
    (Reuters) -", "ISLAMABAD/BEIJING:") with the date it gives; a missing year comes from what a
    reader has on the page, never from the clock: a release number ("2010-09-CA-005"), a dated
    header line, a weekday written with a date ("Tuesday, Oct. 5" falls on a Tuesday in one year of
    ``years``, a prior the caller may give, else of the years around those the text names), or the
    latest month and year the text names ("in June 2011" before a dateline of Jan. 14 puts it in
    2012). Without a place line, a date heading the first two lines ("Dec. 6: Operations in ...",
    "Operational Update, Jan. 10, 2011") is the dateline.
    """
    head = text[:1500].replace("\u2028", "\n")
    found: Dateline | None = None
    matches = sorted([*_DATELINE.finditer(head), *_TITLE_DATELINE.finditer(head)], key=lambda m: m.start())
    for m in matches:
        place = m["place"].strip()
        if m.re is _DATELINE and (len(place) < 3 or not re.search(r"[A-Z]{3}", place)):
            continue
        has_date = m["date1"] or m["date2"]
        if not (has_date or m["agency"] or m["dash"] in {":", "−", "-", *DASH_CHARS}):
            continue
        date = None
        if has_date:
            date = _header_date(m["date1"] or m["date2"], head[: m.start()] + head[m.end() :], text, years)
        if date is None:
            heading = _heading_date(head, text, years)
            if heading is not None:
                date = heading[0]
        partial = None
        if has_date and date is None:
            md = _HEADER_DATE.match(m["date1"] or m["date2"])
            if md is not None:
                partial = f"XXXX-{_month_of(md['m']):02d}-{int(re.match(r'[0-9]+', md['d']).group()):02d}"
        dateline = Dateline(place=place, date=date, start=m.start(), end=m.end(), partial=partial)
        if has_date or found is not None:
            return found if found is not None and not has_date else dateline
        # "UPDATE: ISAF Confirms ..." above "KABUL, Afghanistan (Nov. 28, 2010) —": a dated line below wins
        found = dateline
    if found is not None:
        return found
    heading = _heading_date(head, text, years)
    if heading is not None:
        return Dateline(place="", date=heading[0], start=heading[1], end=heading[2])
    return None


def _header_date(raw: str, rest: str, text: str = "", years: tuple[int, int] | None = None) -> dt.date | None:
    md = _HEADER_DATE.match(raw)
    if md is None:
        return None
    month, day = _month_of(md["m"]), int(re.match(r"\d+", md["d"]).group())
    year = md["y"] or _year_from_header(rest, month) or _year_from_text(text, month, day, years)
    if year is None:
        return None
    try:
        return dt.date(int(year), month, day)
    except ValueError:
        return None


HEADING_LABEL_CHARS = 80  # "Operational Update, Jan. 10, 2011": the label before a heading's date is short


def _heading_date(head: str, text: str = "", years: tuple[int, int] | None = None) -> tuple[dt.date, int, int] | None:
    """A date in the first two lines of a release (its year from the line itself or a release
    number), with its span."""
    offset, seen = 0, 0
    for line in head.split("\n"):
        line_start, offset = offset, offset + len(line) + 1
        if not line.strip():
            continue
        seen += 1
        if seen > 2:
            break
        m = _HEADER_DATE.search(line)
        # a heading's label comes just before its date: in a long paragraph, "reported" far before a date
        # ("… Anadolu Agency reported. … was born … on March 29, 1949") heads nothing
        if m is None or not (m.start() == 0 or (m.start() <= HEADING_LABEL_CHARS and re.search(
                r"(?i)update|release|report|briefing", line[: m.start()]))):
            continue
        date = _header_date(m.group(), head, text, years)
        if date is not None:
            return date, line_start + m.start(), line_start + m.end()
    return None


def _year_from_header(head: str, month: int) -> int | None:
    release = _RELEASE_NUMBER.search(head)
    if release:
        year, rel_month = int(release["y"]), int(release["m"])
        # a release numbered in January may carry a December dateline from the year before
        return year - 1 if rel_month == 1 and month == 12 else year
    for m in _HEADER_DATE.finditer(head):
        if m["y"] and _month_of(m["m"]) == month:
            return int(m["y"])
    return None


def _year_from_text(text: str, month: int, day: int, years: tuple[int, int] | None) -> int | None:
    """The year of a dateline written without one, from the rest of the page (see ``read_dateline``)."""
    # a month the text looks forward to ("elections due by June 2012") bounds nothing
    named = [(int(m["y"]), _month_of(m["m"])) for m in _MONTH_YEAR.finditer(text)
             if not _AHEAD.search(text, max(0, m.start() - 20), m.start())]
    window = years
    if window is None and named:
        window = (min(y for y, _ in named) - 1, max(y for y, _ in named) + 1)
    if window is not None:
        for m in _WEEKDAY_DATE.finditer(text):
            m_month, m_day, weekday = _month_of(m["m"]), int(re.match(r"\d+", m["d"]).group()), _weekday_of(m["wd"])
            fits = []
            for year in range(window[0], window[1] + 1):
                try:
                    if dt.date(year, m_month, m_day).weekday() == weekday:
                        fits.append(year)
                except ValueError:
                    continue
            if len(fits) == 1:
                # the dated mention is within the months before the dateline: a later month is last year's
                return fits[0] + 1 if (m_month, m_day) > (month, day) and m_month - month > 6 else fits[0]
    if named:
        # news looks back: the dateline is no earlier than the latest month the text names
        year, named_month = max(named)
        return year + 1 if named_month > month else year
    return None


# ---------------------------------------------------------------------------------------------
# stages
# ---------------------------------------------------------------------------------------------


class DatelineStage:
    name = "dateline"

    def __init__(self, years: tuple[int, int] | None = None) -> None:
        self.years = years

    def __call__(self, article: Article) -> None:
        if article.published is not None:
            article.published_basis = article.published_basis or "given"
            return
        dateline = read_dateline(article.text, self.years)
        if dateline is not None and dateline.date is not None:
            article.published = dateline.date
            article.published_basis = "dateline"


class TimesStage:
    name = "times"

    def __call__(self, article: Article) -> None:
        text = article.analysis_text()  # what the Doc was made from (Doc.text would rebuild it from the tokens)
        article.times = find_times(text, article.published, article.doc)
        if article.published is None:
            _fill_years(article.times, text)
            partial = partial_anchor(text)
            if partial is not None:
                article.times = _against_partial(article.times, text, partial, article.doc)
        for item in article.times:
            item.text = article.text[item.start : item.end]


_DEICTIC = re.compile(rf"(?i)(?:(?:early|late)\s+)?(?:the day before yesterday|the day after tomorrow|today|yesterday"
                      rf"|tomorrow|tonight|this {PART}|last night)\b")


def _against_partial(found: list[TimeExpression], text: str, partial: str, doc: Any) -> list[TimeExpression]:
    """"Today" in a release dated only "Feb. 07" is XXXX-02-07; in one numbered 2011-07-S-039 it is
    some day of 2011-07. Only the days counted from the release's own day are read: a weekday or "last
    week" needs the year."""
    yearless = partial.startswith("XXXX")
    month, day = int(partial[5:7]), int(partial[8:10]) if yearless else 15
    # a common year, as three years in four are (a leap year only for a release of Feb. 29)
    surrogate = dt.date((2000 if (month, day) == (2, 29) else 2001) if yearless else int(partial[:4]), month, day)
    seen = {(t.start, t.end) for t in found}
    added = []
    for item in find_times(text, surrogate, doc):
        if (item.start, item.end) in seen or not _DEICTIC.fullmatch(text[item.start : item.end]):
            continue
        item.value = "XXXX" + item.value[4:] if yearless else item.value[:7]
        added.append(item)
    return sorted(found + added, key=lambda t: t.start)


def _fill_years(found: list[TimeExpression], text: str) -> None:
    """"July 16" in a release numbered 2010-07-CA-129 that gives no dateline date is July 16, 2010."""
    head = text[:1500]
    for item in found:
        m = re.match(r"XXXX-(\d\d)-(\d\d)$", item.value)
        if m is None:
            continue
        year = _year_from_header(head, int(m[1]))
        if year is not None:
            try:
                item.value = dt.date(year, int(m[1]), int(m[2])).isoformat()
            except ValueError:
                continue


# A rule whose every match holds a word of one of these families (a part of its pattern that is not
# optional) runs only near such words: months and weekdays are far rarer than anchors in general, which
# halves the scanning again.  Every family word is an anchor word; on the dev texts no match lies further
# than 21 characters from its family's word.
_FAMILIES = {
    "month": "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august "
             "september october november december",
    "weekday": "mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday",
    "unit": "second seconds minute minutes hour hours day days week weeks weekend weekends month months quarter "
            "quarters year years decade decades century centuries",
    "season": "spring summer fall autumn winter",
    "holiday": "christmas year thanksgiving easter halloween",
    "deictic": "yesterday tomorrow today tonight morning afternoon evening night",
    "set": "daily weekly monthly yearly hourly nightly",
    "quarter": "quarter qtr period",
    "half": "half",
    "century": "century",
    "decade": "twenties thirties forties fifties sixties seventies eighties nineties",
}
_FAMILIES_OF: dict[str, tuple[str, ...]] = {}
for _family, _words in _FAMILIES.items():
    for _word in _words.split():
        _FAMILIES_OF[_word] = (*_FAMILIES_OF.get(_word, ()), _family)
_TRIGGERS: dict[Handler, str] = {
    _explicit_day: "month",
    _month: "month",
    _month_relative: "month",
    _week_of: "month",
    _weekday: "weekday",
    _numeric_day: "digit",
    _year: "digit",
    _year_range: "digit",
    _decade: "digit",
    _short_decade: "digit",
    _season: "season",
    _holiday: "holiday",
    _deictic_day: "deictic",
    _this_unit: "unit",
    _ago: "unit",
    _counted_duration: "unit",
    _vague_duration: "unit",
    _set_adverb: "set",
    _ordinal_quarter: "quarter",
    _year_quarter: "quarter",
    _the_quarter: "quarter",
    _half: "half",
    _century: "century",
    _word_decade: "decade",
}


def make_stage(settings: Settings) -> TimesStage:
    return TimesStage()


def make_dateline_stage(settings: Settings) -> DatelineStage:
    # a prior on the years a collection spans, for datelines without one: Settings(extra={"years": (2009, 2013)})
    years = settings.extra.get("years") if settings is not None else None
    return DatelineStage(tuple(years) if years else None)
