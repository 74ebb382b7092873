"""Roles: titles split over a line break, portfolio titles, U.S.-style offices without a country."""

from __future__ import annotations

from spacy.language import Language

from ingest.extraction.roles import across_paragraph
from ingest.extraction.text import prepare
from tests.extraction.conftest import Run

WRAPPED = ("Talks between the two sides resumed on Monday after a pause of\n"
           "several weeks, officials said, and Portuguese Prime Minister\n"
           "Tomas Ferreira told reporters he expected an agreement on fishing\n"
           "rights before the end of the month.\n"
           "    Ferreira said the Spanish side had made new offers.\n")


def test_soft_line_breaks_of_wrapped_text_become_spaces() -> None:
    text = prepare(WRAPPED)
    assert len(text) == len(WRAPPED)
    assert "Prime Minister Tomas Ferreira" in text
    assert "month.\n    Ferreira" in text


def test_paragraph_text_keeps_its_line_breaks() -> None:
    text = "A headline\n\nThe first paragraph.\n\nThe second paragraph."
    assert prepare(text) == text


def test_title_split_over_two_lines(run: Run) -> None:
    result = run(WRAPPED)
    assert ("Ferreira", "Portugal") in {(r.person.split()[-1], r.country) for r in result.roles}


def test_portfolio_minister_with_demonym(run: Run) -> None:
    result = run("The Nigerian Oil Minister Bola Adeyemi said output would rise.")
    assert {(r.person, r.country) for r in result.roles} == {("Bola Adeyemi", "Nigeria")}


def test_us_style_senator_in_an_article_about_the_united_states(run: Run) -> None:
    result = run("The United States and Brazil signed a trade pact on Monday. Sen. Mary "
                 "Holloway said the Senate would review it.")
    assert ("Mary Holloway", "United States") in {(r.person, r.country) for r in result.roles}


def test_us_style_title_needs_the_united_states_in_the_article(run: Run) -> None:
    result = run("Brazil and Chile signed a trade pact on Monday. Sen. Mary Holloway spoke.")
    assert ("Mary Holloway", "United States") not in {(r.person, r.country)
                                                      for r in result.roles}


def test_us_style_spokesperson_in_an_article_about_the_united_states(run: Run) -> None:
    # A country-less "Spokesperson" of U.S.-style copy speaks for the U.S. government.
    result = run("The United States and Brazil signed a trade pact on Monday. Department "
                 "Spokesperson Lena Ortiz welcomed it.")
    assert ("Lena Ortiz", "United States") in {(r.person, r.country) for r in result.roles}


def test_state_department_spokesperson_serves_the_united_states(run: Run) -> None:
    result = run("Brazil and Chile signed a trade pact on Monday. State Department "
                 "spokesperson Lena Ortiz welcomed it.")
    assert ("Lena Ortiz", "United States") in {(r.person, r.country) for r in result.roles}


def test_nearest_country_does_not_cross_a_blank_line(nlp: Language) -> None:
    # A header line the parser glues to the next paragraph lends that paragraph no country.
    doc = nlp("Attributable to Spokesperson Tom Weller:\n\nTalks with Peru began.")
    peru = next(t.i for t in doc if t.text == "Peru")
    assert across_paragraph(doc, 3, peru)
    assert not across_paragraph(doc, 0, 3)
