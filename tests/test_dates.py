"""app.dates: a partial date is the whole span of days it names, and no day that does not exist."""

from __future__ import annotations

import re
from datetime import date

import pytest

from app.dates import PARTIAL_DATE, day_range


@pytest.mark.parametrize(("value", "first", "last"), [
    ("2024", date(2024, 1, 1), date(2024, 12, 31)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),  # leap year
    ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
    ("2023-04", date(2023, 4, 1), date(2023, 4, 30)),
    ("2023-04-07", date(2023, 4, 7), date(2023, 4, 7)),
])
def test_a_partial_date_spans_its_days(value: str, first: date, last: date) -> None:
    assert re.fullmatch(PARTIAL_DATE, value)
    assert day_range(value) == (first, last)


@pytest.mark.parametrize("value", ["2023-13", "2023-02-29", "2023-00", "0000"])
def test_no_such_day_is_a_value_error(value: str) -> None:
    with pytest.raises(ValueError):
        day_range(value)


@pytest.mark.parametrize("value", ["23", "2023-4", "2023-04-7", "2023/04", "2023-04-07T00"])
def test_the_pattern_takes_only_the_three_forms(value: str) -> None:
    assert re.fullmatch(PARTIAL_DATE, value) is None
