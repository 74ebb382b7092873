"""Dates: DATE expressions resolved against the publication date, with their precision."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span

from graph.records import DatePrecision
from ingest.extraction.lexicon import cue_offsets, cue_words
from ingest.extraction.triggers import PLAN_WORDS, chain, planned

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower() + ".": i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name and i != 5}
MONTHS["sept."] = 9
MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? ({MONTH_RE})(?:,? (\d{{4}}))?", re.I)
# "8-9 December", "8 to 10 December", "between 8 and 10 December": a multi-day meeting is
# dated by its first day (corpus/README), not the day the month is written beside.
DAY_RANGE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*\d{{1,2}}"
                       rf"(?:st|nd|rd|th)? ({MONTH_RE})(?:,? (\d{{4}}))?", re.I)
MONTH_DAY = re.compile(rf"\b({MONTH_RE}) (\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (\d{{4}}))?", re.I)
MONTH_YEAR = re.compile(rf"\b({MONTH_RE})(?: of)?,? (\d{{4}})\b", re.I)
MONTH_ONLY = re.compile(rf"\b({MONTH_RE})\b", re.I)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b(?!s)")
RELATIVE_DAYS = cue_offsets("relative_days")


@dataclass(frozen=True)
class ResolvedDate:
    """An ISO date string cut to its precision."""

    value: str
    precision: DatePrecision


def day(d: date) -> ResolvedDate:
    """A day-precision date."""
    return ResolvedDate(d.isoformat(), "day")


def month(year: int, mon: int) -> ResolvedDate:
    """A month-precision date."""
    return ResolvedDate(f"{year:04d}-{mon:02d}", "month")


def weekday(text: str, pub: date, future: bool) -> ResolvedDate | None:
    """ "Wednesday" → the nearest such day on or before (after, if planned) publication."""
    for name, wd in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", text):
            if "next" in text or (future and "last" not in text):
                return day(pub + timedelta(days=(wd - pub.weekday()) % 7))
            return day(pub - timedelta(days=(pub.weekday() - wd) % 7))
    return None


def day_words(text: str) -> bool:
    """Whether a time of day names its day ("this afternoon", "tonight"): the NER tags it
    TIME, but it dates a meeting as well as "today" does."""
    low = text.lower()
    return any(re.search(rf"\b{word}\b", low) for word in RELATIVE_DAYS)


def relative(text: str, pub: date) -> ResolvedDate | None:
    """today / yesterday / last week / next month / this year …"""
    for word, offset in RELATIVE_DAYS.items():
        if re.search(rf"\b{word}\b", text):
            return day(pub + timedelta(days=offset))
    m = re.search(r"\b(last|this|next|past) (week|month|year)\b", text)
    if m is None:
        return None
    step = {"last": -1, "past": -1, "this": 0, "next": 1}[m.group(1)]
    if m.group(2) == "week":
        d = pub + timedelta(days=7 * step)
        return month(d.year, d.month)
    if m.group(2) == "month":
        mon = pub.month + step
        return month(pub.year + (mon - 1) // 12, (mon - 1) % 12 + 1)
    return ResolvedDate(str(pub.year + step), "year")


def guess_year(mon: int, dd: int, pub: date | None, future: bool) -> int | None:
    """The year of a day without one: the publication year, or the one before/after."""
    if pub is None:
        return None
    candidate = date(pub.year, mon, min(dd, calendar.monthrange(pub.year, mon)[1]))
    if not future and candidate > pub + timedelta(days=7):
        return pub.year - 1
    if future and candidate < pub - timedelta(days=7):
        return pub.year + 1
    return pub.year


def absolute(text: str, pub: date | None, future: bool) -> ResolvedDate | None:
    """ "March 3, 2012", "3 March", "May 2016", "in May", "2008"."""
    for regex, order in ((MONTH_DAY, (0, 1)), (DAY_RANGE, (1, 0)), (DAY_MONTH, (1, 0))):
        m = regex.search(text)
        if m:
            mon, dd = MONTHS[m.group(order[0] + 1).lower()], int(m.group(order[1] + 1))
            year = int(m.group(3)) if m.group(3) else guess_year(mon, dd, pub, future)
            if year is None or not 1 <= dd <= calendar.monthrange(year, mon)[1]:
                return None
            return day(date(year, mon, dd))
    m = MONTH_YEAR.search(text)
    if m:
        return month(int(m.group(2)), MONTHS[m.group(1).lower()])
    m = MONTH_ONLY.search(text)
    if m and pub is not None and m.group(1).lower() in MONTHS and m.group(1)[0].isupper():
        mon = MONTHS[m.group(1).lower()]
        year = guess_year(mon, 1, pub, future) or pub.year
        return month(year, mon)
    m = YEAR.search(text)
    return ResolvedDate(m.group(1), "year") if m else None


def resolve(text: str, pub: date | None, future: bool = False) -> ResolvedDate | None:
    """Resolve one DATE expression, or None when it names no point in time."""
    low = text.lower()
    if re.search(r"\b(years?|months?|weeks?|days?|hours?) (ago|earlier|later|long)\b", low):
        return None
    if pub is not None:
        found = weekday(low, pub, future) or relative(low, pub)
        if found is not None:
            return found
    return absolute(text, pub, future)


PAST_AUX = cue_words("past_auxiliaries")  # "had met", "was held": a past clause


def tense(ent: Span) -> str:
    """The tense of the clause a DATE expression sits in: "future" ("will meet on Monday",
    "talks scheduled for May 12"), "past", "present" or "none" (no verb above it)."""
    tokens = chain(ent.root, limit=5)
    verb = next((t for t in tokens if t.pos_ in ("VERB", "AUX")), None)
    # "agreed Tuesday to expand …": the date is the agreeing's, in the past; only what was
    # agreed ("agreed to meet on Friday") is ahead
    if verb is not None and verb.tag_ == "VBD" and verb.lower_ in PLAN_WORDS:
        return "past"
    if planned(tokens):
        return "future"
    if verb is None:
        return "none"
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBD" or aux & PAST_AUX:
        return "past"
    return "present" if verb.tag_ in ("VBZ", "VBP", "VBG") else "none"
