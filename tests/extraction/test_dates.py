"""Relative and absolute dates resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.extraction.dates import resolve

THURSDAY = date(2019, 6, 13)


@pytest.mark.parametrize(("text", "future", "expected"), [
    ("Wednesday", False, "2019-06-12"),
    ("on Thursday", False, "2019-06-13"),
    ("Friday", False, "2019-06-07"),
    ("Friday", True, "2019-06-14"),
    ("yesterday", False, "2019-06-12"),
    ("last week", False, "2019-06"),
    ("next month", True, "2019-07"),
    ("last year", False, "2018"),
    ("on March 3", False, "2019-03-03"),
    ("December 2", False, "2018-12-02"),
    ("2 July 2015", False, "2015-07-02"),
    ("Oct. 4", False, "2018-10-04"),
    ("in 2008", False, "2008"),
    ("May 2016", False, "2016-05"),
])
def test_resolve(text: str, future: bool, expected: str) -> None:
    found = resolve(text, THURSDAY, future)
    assert found is not None and found.value == expected


@pytest.mark.parametrize("text", ["two hours", "the 1970s", "four years ago", "a second day"])
def test_durations_and_vague_spans_are_not_dates(text: str) -> None:
    assert resolve(text, THURSDAY) is None


def test_weekday_without_publication_date_is_unresolved() -> None:
    assert resolve("Tuesday", None) is None
    found = resolve("March 3, 2012", None)
    assert found is not None and found.value == "2012-03-03"
