"""Resolve date expressions against the publication date.

- "on Wednesday", "Wednesday", "late on Thursday": the most recent such weekday on
  or before the publication date (the same day counts as that day); "last Monday"
  is strictly before it; day precision.
- "yesterday", "last night": the day before; "today", "tonight", "this morning":
  the publication date; "N days ago"; day precision.
- "on December 30", "Dec. 30", "30 December", "December 30, 2023": day precision;
  without a year, the previous year when the date would otherwise lie after the
  publication date.
- "last week" (the date a week before), "last month", "late last month",
  "earlier this month", "in March" (most recent March), "March 2022": month
  precision (the first day of the month, except "last week").
- "next week", "next month" (for what is announced or threatened): month precision.
- "before dawn", "overnight", "hours later", "that night": the day the story is on, which
  the coder knows (the last day it dated); "overnight into Thursday" is Thursday.
- For an event the article presents as future or hypothetical, a weekday or a date
  without a year means the next such day instead ("will meet on Friday").
- Anything else: the publication date, precision ``publication_date``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from services.extractor.wordlists import MONTHS, NUMBER_WORDS, WEEKDAYS

Precision = Literal["day", "month", "publication_date"]

#: Publication dates before this year are placeholders ("0001-01-01"), not dates.
EARLIEST_PUBLICATION_YEAR = 1900
LATEST_PUBLICATION_YEAR = 9000

_MONTH_NAMES = "|".join(
    [m.capitalize() for m in MONTHS]
    + ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
)
_WEEKDAY_NAMES = "|".join(d.capitalize() for d in WEEKDAYS)
_NUMBER = "|".join(NUMBER_WORDS)

_KINDS: list[tuple[str, str]] = [
    ("md", rf"\b(?P<md_month>{_MONTH_NAMES})\.?\s+(?P<md_day>[0-3]?\d)(?:st|nd|rd|th)?\b"
           rf"(?:,?\s+(?P<md_year>(?:19|20)\d\d)\b)?(?!\s*(?:%|per|percent|km|miles))"),
    ("dm", rf"\b(?P<dm_day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_month>{_MONTH_NAMES})\.?"
           rf"(?:,?\s+(?P<dm_year>(?:19|20)\d\d)\b)?"),
    ("iso", r"\b(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d)\b"),
    ("into", rf"(?i:overnight\s+(?:into|to)\s+)(?P<into_weekday>{_WEEKDAY_NAMES})\b"),
    ("weekday", rf"\b(?P<weekday_last>last\s+)?(?P<weekday_weekday>{_WEEKDAY_NAMES})"
                rf"(?:'s|’s)?\b"),
    ("sameday", r"(?i:\b(?:(?:before|at|after)\s+dawn|overnight|hours\s+later|later\s+that\s+"
                r"(?:day|night|evening)|that\s+(?:morning|afternoon|evening|night)|"
                r"early\s+(?:morning|hours))\b)"),
    ("relday", r"(?i:\b(?P<relday_word>yesterday|today|tonight|this\s+(?:morning|afternoon|"
               r"evening)|last\s+night|earlier\s+today)\b)"),
    ("ago", rf"(?i:\b(?P<ago_n>\d+|{_NUMBER})\s+days?\s+ago\b)"),
    ("lastweek", r"(?i:\b(?:late\s+|early\s+|earlier\s+)?last\s+week\b)"),
    ("lastmonth", r"(?i:\b(?:late\s+|early\s+|earlier\s+|in\s+)?last\s+month\b)"),
    ("thismonth", r"(?i:\b(?:earlier|early|late|later)\s+this\s+month\b)"),
    ("nextweek", r"(?i:\bnext\s+week\b)"),
    ("nextmonth", r"(?i:\bnext\s+month\b)"),
    ("monthyear", rf"\b(?P<monthyear_month>{_MONTH_NAMES})\.?\s+(?P<monthyear_year>(?:19|20)"
                  rf"\d\d)\b"),
    ("inmonth", rf"\b(?:in|since|during|by|until|early|late|mid-)\s*"
                rf"(?P<inmonth_month>{_MONTH_NAMES})\b(?!\s*\d)"),
]
#: Words a date expression can start with: positions that start with none of them are skipped
#: at once instead of trying every pattern there.
_STARTS = "|".join(sorted(set(_MONTH_NAMES.split("|") + _WEEKDAY_NAMES.split("|")), key=len,
                          reverse=True))
_FIRST_WORD = (rf"(?=\d|(?:{_STARTS})|(?i:yesterday|today|tonight|this|last|late|early|earlier|"
               rf"later|next|in|since|during|by|until|mid-|before|at|after|overnight|hours|"
               rf"that|\w+\s+days?\s+ago))")
#: One pass over a sentence: where two expressions could start at the same place, the one
#: listed first wins.
_DATES = re.compile(rf"\b{_FIRST_WORD}(?:"
                    + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _KINDS) + ")")
_GROUPS = {kind: [(name, name[len(kind) + 1:]) for name in _DATES.groupindex
                  if name.startswith(kind + "_")] for kind, _ in _KINDS}


@dataclass(slots=True, init=False)
class DateMention:
    """A resolved date expression: its offsets in the article text, date and precision.

    Read-only; the constructor is written out so that mypyc compiles it (see
    :class:`~services.extractor.tokens.Token`).
    """

    start: int
    end: int
    text: str
    value: date
    precision: Precision
    future: date | None
    """The reading for an announced or threatened event ("will meet on Friday")."""
    ahead: bool
    """The expression looks forward ("later this month"): it cannot date what happened."""
    story: bool
    """A time of day without a day ("before dawn", "hours later"): the day the story is on."""

    def __init__(self, start: int, end: int, text: str, value: date, precision: Precision,
                 future: date | None = None, ahead: bool = False, story: bool = False) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.value = value
        self.precision = precision
        self.future = future
        self.ahead = ahead
        self.story = story


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return [m[:3] for m in MONTHS].index(key) + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _previous_month(d: date) -> date:
    first = d.replace(day=1)
    return (first - timedelta(days=1)).replace(day=1)


def _future(kind: str, g: dict[str, str], pub: date) -> date | None:
    """The next such day on or after publication, for weekdays and dates without a year."""
    if kind == "weekday" and not g.get("last"):
        target = WEEKDAYS.index(g["weekday"].lower())
        return pub + timedelta(days=(target - pub.weekday()) % 7)
    if kind in ("md", "dm") and not g.get("year"):
        d = _safe_date(pub.year, _month_number(g["month"]), int(g["day"]))
        if d is not None and d < pub:
            d = _safe_date(pub.year + 1, d.month, d.day)
        return d
    return None


def _resolve(kind: str, g: dict[str, str], pub: date
             ) -> tuple[date, Precision] | None:
    if kind in ("md", "dm", "iso"):
        month = int(g["month"]) if kind == "iso" else _month_number(g["month"])
        day = int(g["day"])
        if g.get("year"):
            d = _safe_date(int(g["year"]), month, day)
            return (d, "day") if d else None
        d = _safe_date(pub.year, month, day)
        if d is not None and d > pub:
            d = _safe_date(pub.year - 1, month, day)
        return (d, "day") if d else None
    if kind == "sameday":
        return pub, "day"  # the coder dates it by the story (see DateMention.story)
    if kind in ("weekday", "into"):
        target = WEEKDAYS.index(g["weekday"].lower())
        back = (pub.weekday() - target) % 7
        if g.get("last") and back == 0:
            back = 7
        return pub - timedelta(days=back), "day"
    if kind == "relday":
        word = " ".join(g["word"].lower().split())
        if word in ("yesterday", "last night"):
            return pub - timedelta(days=1), "day"
        return pub, "day"
    if kind == "ago":
        raw = g["n"].lower()
        n = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
        return pub - timedelta(days=n), "day"
    if kind == "lastweek":
        return pub - timedelta(days=7), "month"
    if kind == "lastmonth":
        return _previous_month(pub), "month"
    if kind == "thismonth":
        return pub.replace(day=1), "month"
    if kind == "nextweek":
        return pub + timedelta(days=7), "month"
    if kind == "nextmonth":
        return (pub.replace(day=28) + timedelta(days=4)).replace(day=1), "month"
    if kind == "monthyear":
        return date(int(g["year"]), _month_number(g["month"]), 1), "month"
    if kind == "inmonth":
        month = _month_number(g["month"])
        year = pub.year if month <= pub.month else pub.year - 1
        return date(year, month, 1), "month"
    return None


_DATE_WORDS = frozenset(
    [m.lower() for m in _MONTH_NAMES.split("|")] + [w.lower() for w in _WEEKDAY_NAMES.split("|")]
    + ["yesterday", "today", "tonight", "this", "last", "next", "ago", "dawn", "overnight",
       "later", "morning", "night", "evening", "afternoon", "hours"]
)


def reference_date(published: datetime | None, extracted: datetime) -> date:
    """The day relative dates are resolved against: the publication date in the article's own
    time zone, unless it is missing or a placeholder ("0001-01-01"); then the extraction date."""
    if published is not None and EARLIEST_PUBLICATION_YEAR <= published.year <= (
        LATEST_PUBLICATION_YEAR
    ):
        return published.date()
    return extracted.date()


def may_hold_dates(words: list[str]) -> bool:
    """Cheap test on a sentence's lower-cased words before running the date patterns."""
    return any(w in _DATE_WORDS or w[:1].isdigit() for w in words)


def find_dates(text: str, offset: int, published: date) -> list[DateMention]:
    """Date expressions in ``text`` (a sentence starting at ``offset``), resolved."""
    found: list[DateMention] = []
    for m in _DATES.finditer(text):
        kind = m.lastgroup or ""
        g = {short: m.group(name) or "" for name, short in _GROUPS.get(kind, ())}
        if kind == "inmonth" and g["month"] == "May" and not m.group().startswith(
            ("in", "In", "since", "during", "by", "until")
        ):
            continue  # "may" is a verb more often than a month
        try:
            resolved = _resolve(kind, g, published)
            future = _future(kind, g, published)
        except OverflowError:  # a date at the edge of the calendar: no reading
            continue
        if resolved is not None:
            ahead = kind in ("nextweek", "nextmonth") or (
                kind == "thismonth" and m.group()[:5].lower() == "later")
            found.append(DateMention(offset + m.start(), offset + m.end(), m.group(),
                                     resolved[0], resolved[1], future, ahead,
                                     story=kind == "sameday"))
    return _with_day(found)


def _with_day(found: list[DateMention]) -> list[DateMention]:
    """"before dawn on Saturday": the time of day yields to the day named with it."""
    return [d for i, d in enumerate(found) if not (
        d.story and i + 1 < len(found) and found[i + 1].start - d.end <= 5)]


def nearest(dates: list[DateMention], position: int) -> DateMention | None:
    """The date expression closest to character ``position`` (ties: the later one)."""

    def distance(d: DateMention) -> tuple[int, int]:
        gap = d.start - position if d.start >= position else position - d.end
        return max(gap, 0), -d.start

    return min(dates, key=distance, default=None)
