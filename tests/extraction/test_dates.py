"""Relative and absolute dates resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from ingest.extraction.dates import resolve, tense
from tests.extraction.conftest import Run

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
    # A span of days is dated by its first day.
    ("from 8 to 9 December", True, "2019-12-08"),
    ("8-9 December 2019", True, "2019-12-08"),
    ("between 3 and 5 June", False, "2019-06-03"),
    ("June 3-5", False, "2019-06-03"),
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


@pytest.mark.parametrize(("text", "expected"), [
    ("The two envoys are scheduled to meet again in Lima on November 20.", "future"),
    ("The premier will see the Chilean president on Monday.", "future"),
    ("Talks on the border are due to begin in Quito on Wednesday.", "future"),
    ("The ministers met in Quito on Tuesday.", "past"),
    ("The talks were held in Quito on Tuesday.", "past"),
    # the date of the agreeing itself, not of what was agreed
    ("The two presidents agreed Tuesday to expand trade.", "past"),
    ("The two presidents agreed to meet again on Tuesday.", "future"),
    ("The Chilean envoy has visited Lima twice since 2004.", "none"),
])
def test_tense_of_a_date_expression(nlp: Language, text: str, expected: str) -> None:
    doc = nlp(text)
    (ent,) = [e for e in doc.ents if e.label_ == "DATE"]
    assert tense(ent) == expected



@pytest.mark.parametrize("text", [
    "Peru's foreign minister will face another test on Monday, as he meets Chilean Foreign "
    "Minister Ana Rojas in Quito.",
    "Peruvian Foreign Minister Luis Vera said the talks with Chile are due to begin in Quito on "
    "Monday.",
])
def test_a_weekday_in_a_future_clause_is_the_coming_one(run: Run, text: str) -> None:
    (meeting,) = run(text).meetings  # published on Wednesday 2021-03-10
    assert meeting.date == "2021-03-15"


def test_a_time_of_day_dates_the_meeting_by_its_day(run: Run) -> None:
    # "this afternoon" is tagged TIME, not DATE: it still names the day of publication.
    (meeting,) = run("The Danish prime minister spoke to the president of Kenya this "
                     "afternoon.").meetings  # published 2021-03-10
    assert meeting.date == "2021-03-10"


def test_a_header_date_glued_to_the_lead_is_not_its_date(run: Run) -> None:
    # The parser runs the byline and its date into the lead sentence; the blank line still
    # parts them, so "Monday" dates the talks, not the header's day.
    text = ("Staff Writer\nMarch 10, 2021\n\n"
            "Delegations from Peru and Chile held talks in Lima on Monday on a maritime "
            "border dispute.")
    result = run(text)
    assert [m.date for m in result.meetings] == ["2021-03-08"]


def test_a_today_the_tagger_leaves_untagged_dates_the_meeting(run: Run) -> None:
    # Sentence-initial "Today" before a place is often no DATE entity; it still names the day.
    result = run("The Foreign Secretary flew to Ethiopia on Monday.\n\nToday in Addis Ababa, the "
                 "Foreign Secretary met the Chairperson of the African Union Commission, Moussa "
                 "Diallo, and the Ethiopian foreign minister.")
    assert "2021-03-10" in {m.date for m in result.meetings}


def test_a_readout_that_gives_no_date_is_dated_by_its_publication_day(run: Run) -> None:
    # The publication's month never scores better than its day, and says less.
    result = run("Telephone conversation with the President of Chile\n\nThe President of Peru "
                 "had a telephone conversation with the President of Chile, Rosa Vidal.\n\nThe "
                 "two leaders discussed trade and the situation on their border.")
    assert [m.date for m in result.meetings] == ["2021-03-10"]
