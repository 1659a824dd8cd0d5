"""Timestamps as pages write them: ISO 8601 in markup, "April 1, 2022 11:05am EDT" in text.

Every result carries a time zone: the one written next to it when there is one
(an offset or a known abbreviation), else the ``default`` zone the caller found
elsewhere on the page, else UTC. Naive values are never returned; a
:class:`Stamp` says whether the time of day and the zone were written or filled in.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from services.cleaner.metakeys import MONTHS, ZONE_NAMES, ZONE_OFFSETS

_ISO = re.compile(
    r"^\s*(\d{4})-?(\d{2})-?(\d{2})"
    r"(?:[T ]\s*(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?\s*$",
    re.IGNORECASE,
)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ZONE = "|".join(sorted({*ZONE_OFFSETS, *ZONE_NAMES}, key=len, reverse=True))
_CLOCK = (
    r"(?P<hour>\d{1,2})(?:[:.h](?P<minute>\d{2}))(?::(?P<second>\d{2}))?\s*"
    r"(?P<ampm>[ap]\.?\s?m\.?)?"
    r"(?:\s*\(?(?P<zone>(?-i:" + _ZONE + r"))\b\)?(?:\s*(?P<zsign>[+-])\s*(?P<zhour>\d{1,2})"
    r"(?::?(?P<zmin>\d{2}))?)?)?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|º|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_SEP = r"[\s,.\-–—|/·•]*(?:at|um|à|às|a las|alle|de|del|le)?[\s,.\-–—|/·•]*"
_TEXT_FORMS = (
    # "April 1, 2022", "Tue., Nov. 19, 2019", "Nov 19 2019"
    r"(?P<month>" + _MONTH + r")\.?\s+" + _DAY + r",?\s+" + _YEAR,
    # "1 April 2022", "22 de janeiro de 2018", "19. November 2019"
    _DAY + r"\s+(?:de\s+)?(?P<month>" + _MONTH + r")\.?,?\s+(?:de\s+)?" + _YEAR,
    # "19.11.2019" (day first wherever dots are used)
    r"(?<![\d.])" + _DAY.replace(r"|\.)?", r")?") + r"\.(?P<mnum>\d{1,2})\." + _YEAR,
    # "2019-11-19"
    r"(?<!\d)" + _YEAR + r"-(?P<mnum>\d{2})-(?P<day>\d{2})(?!\d)",
)
_TEXT_DATES = tuple(
    re.compile(
        r"(?:(?P<pre>" + _CLOCK.replace("?P<", "?P<p_") + r")" + _SEP + r")?"
        + form + r"(?:" + _SEP + _CLOCK + r")?",
        re.IGNORECASE,
    )
    for form in _TEXT_FORMS
)


class Stamp(NamedTuple):
    """A date read from a page's text, with what the page wrote of it: a bare date gives
    way to a timestamp of the same day, and a written zone completes the page's others."""

    when: datetime
    timed: bool
    zoned: bool


def _zone(name: str, when: datetime) -> tzinfo | None:
    key = name.upper().replace(".", "")
    if key in ZONE_OFFSETS:
        return timezone(timedelta(minutes=ZONE_OFFSETS[key]))
    if key in ZONE_NAMES:
        try:
            return ZoneInfo(ZONE_NAMES[key])
        except ZoneInfoNotFoundError:  # no tz database on this machine
            return None
    return None


def _offset(sign: str, hours: str, minutes: str | None) -> timezone:
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    return timezone(-delta if sign == "-" else delta)


#: Earlier years in a news page's date fields are placeholders, not publication dates.
EARLIEST_YEAR = 1900


def parse_iso(value: object, default: tzinfo | None = None) -> datetime | None:
    """Parse an ISO 8601 timestamp or date as markup writes it; naive values get ``default``."""
    if not isinstance(value, str):
        return None
    match = _ISO.match(value)
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    if int(year) < EARLIEST_YEAR:  # CMS placeholders such as 0001-01-01 are no date
        return None
    try:
        when = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                        int(second or 0))
    except ValueError:
        return None
    if zone is None:
        return when.replace(tzinfo=default or UTC)
    if zone.upper() in ("Z", "UTC", "GMT"):
        return when.replace(tzinfo=UTC)
    digits = zone[1:].replace(":", "")
    return when.replace(tzinfo=_offset(zone[0], digits[:2], digits[2:4] or None))


def has_time(value: object) -> bool:
    """True when an ISO value carries a time of day, not just a date."""
    return isinstance(value, str) and bool(re.search(r"\d[T ]\s*\d{1,2}:?\d{2}", value.strip()))


def _clock(match: re.Match[str], prefix: str) -> tuple[int, int, int, str | None, timezone | None]:
    hour = match.group(prefix + "hour")
    if hour is None:
        return 0, 0, 0, None, None
    h, m = int(hour), int(match.group(prefix + "minute") or 0)
    s = int(match.group(prefix + "second") or 0)
    ampm = (match.group(prefix + "ampm") or "").lower()
    if ampm.startswith("p") and h < 12:
        h += 12
    elif ampm.startswith("a") and h == 12:
        h = 0
    zone = match.group(prefix + "zone")
    sign = match.group(prefix + "zsign")
    fixed = _offset(sign, match.group(prefix + "zhour"), match.group(prefix + "zmin")) \
        if sign else None
    return h, m, s, zone, fixed


def parse_text(text: str, default: tzinfo | None = None) -> datetime | None:
    """The first date (and time, and zone) written in ``text``, as a dateline or stamp has it."""
    stamp = read_stamp(text, default)
    return stamp.when if stamp else None


def read_stamp(text: str, default: tzinfo | None = None) -> Stamp | None:
    """As :func:`parse_text`, saying also whether a time of day and a zone were written."""
    best: tuple[int, Stamp] | None = None
    for pattern in _TEXT_DATES:
        match = pattern.search(text)
        if match is None or (best is not None and match.start() >= best[0]):
            continue
        stamp = _from_match(match, default)
        if stamp is not None:
            best = (match.start(), stamp)
    return best[1] if best else None


def _from_match(match: re.Match[str], default: tzinfo | None) -> Stamp | None:
    groups = match.groupdict()
    month = MONTHS.get(groups["month"].lower().rstrip(".")) if groups.get("month") else None
    if month is None and groups.get("mnum"):
        month = int(groups["mnum"])
    if month is None:
        return None
    prefix = "p_" if groups.get("p_hour") and not groups.get("hour") else ""
    timed = groups.get(prefix + "hour") is not None
    h, m, s, zone, fixed = _clock(match, prefix)
    try:
        when = datetime(int(groups["year"]), month, int(groups["day"]), h, m, s)
    except ValueError:
        return None
    if h > 23:
        return None
    if fixed is not None:
        base = _zone(zone, when) if zone and zone.upper() not in ("GMT", "UTC") else None
        return Stamp(when.replace(tzinfo=base or fixed), timed, True)
    tz = _zone(zone, when) if zone else None
    return Stamp(when.replace(tzinfo=tz or default or UTC), timed, tz is not None)
