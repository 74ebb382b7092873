"""Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as the days they span, for the date filters."""

from __future__ import annotations

import calendar
from datetime import date

PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def day_range(value: str) -> tuple[date, date]:
    """The first and last day a PARTIAL_DATE stands for; ValueError if there is no such date."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        return first, date(parts[0], parts[1], calendar.monthrange(*parts)[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)
