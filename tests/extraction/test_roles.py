"""Roles: titles split over a line break, portfolio titles, U.S.-style offices without a country,
appositives, title complements, lists, and the fallbacks that give a titled person a country."""

from __future__ import annotations

from spacy.language import Language

from graph.records import Extraction
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


def test_an_envoy_s_portfolio_country_is_not_the_holder_s(run: Run) -> None:
    # "for the Philippines" is what the U.S. envoy works on; "Ambassador" continues the title.
    result = run("U.S. Special Representative for the Philippines Ambassador Tom Hale met "
                 "Japanese officials in Tokyo on Monday to discuss maritime security.")
    assert {(r.person, r.country) for r in result.roles} == {("Tom Hale", "United States")}
    assert [set(m.countries) for m in result.meetings] == [{"United States", "Japan"}]


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


def roles_of(result: Extraction) -> set[tuple[str, str | None]]:
    """(surname, country) of every role, as role F1 compares them."""
    return {(r.person.split()[-1], r.country) for r in result.roles}


def test_appositive_title_with_its_country_after_it(run: Run) -> None:
    result = run("Talks resumed in Lima on Monday, said Tomas Ferreira, the foreign minister "
                 "of Portugal, who arrived on Sunday.")
    assert ("Ferreira", "Portugal") in roles_of(result)


def test_appositive_title_of_an_unknown_body_gives_no_country(run: Run) -> None:
    result = run("Portugal and Spain resumed talks, said Tomas Ferreira, chairman of the "
                 "Portugal Fishing Council.")
    assert ("Ferreira", "Portugal") not in roles_of(result)


def test_signature_line_of_a_one_country_office(run: Run) -> None:
    result = run("Jane Holt, Secretary of State\n\nThe United States welcomes the agreement "
                 "reached by Peru and Chile on Monday.")
    assert ("Holt", "United States") in roles_of(result)


def test_ambassador_to_a_country_serves_the_one_before_the_title(run: Run) -> None:
    result = run("The minister held talks with Turkish Ambassador to Greece Ahmet Demir on "
                 "Tuesday about the dispute.")
    assert roles_of(result) >= {("Demir", "Turkey")}
    assert ("Demir", "Greece") not in roles_of(result)


def test_title_with_a_capitalised_complement_before_the_name(run: Run) -> None:
    result = run("Officials said Moroccan Minister of Water, Forests and Fisheries Ahmed "
                 "Bennani told reporters the talks went well.")
    assert {(r.person, r.country) for r in result.roles} == {("Ahmed Bennani", "Morocco")}


def test_a_country_the_subject_acts_on_is_not_its_office(run: Run) -> None:
    # The United States is named, so the country-less "President" is the U.S. one; Iran,
    # after the verb, is what the president acts on.
    result = run("The United States raised pressure on Tehran. President Tom Walker warned "
                 "Iran on Monday that sanctions would follow.")
    assert ("Walker", "United States") in roles_of(result)
    assert ("Walker", "Iran") not in roles_of(result)


def test_every_country_less_president_of_american_copy_is_american(run: Run) -> None:
    result = run("The United States and India signed a pact on Monday. President Tom Walker "
                 "praised it.\n\nThe partnership dates back to a visit by President Ann Cole "
                 "in 2000.")
    assert {("Walker", "United States"), ("Cole", "United States")} <= roles_of(result)


def test_description_of_a_named_holder_is_not_another_holders_country(run: Run) -> None:
    result = run("Russian President Ivan Sokolov spoke by phone with the French side. The "
                 "Russian president said talks went well. The United States and France "
                 "welcomed the call, and President Tom Walker praised it.")
    assert ("Walker", "Russia") not in roles_of(result)


def test_plain_and_list_shares_the_first_country(run: Run) -> None:
    result = run("Chinese President Wu Lin and Premier Zhao Ming received the delegation "
                 "in Beijing on Monday.")
    assert ("Ming", "China") in roles_of(result)


def test_office_without_a_country_takes_the_previous_sentence_s(run: Run) -> None:
    result = run("Peru's economy grew by four percent last year. Finance Minister Luis Vega "
                 "said growth would slow.")
    assert ("Vega", "Peru") in roles_of(result)


def test_previous_sentence_country_stops_at_a_paragraph(run: Run) -> None:
    result = run("Peru's economy grew by four percent last year.\n\nFinance Minister Luis "
                 "Vega said growth would slow.")
    assert ("Vega", "Peru") not in roles_of(result)


def test_party_leader_and_one_country_offices(run: Run) -> None:
    result = run("Tory leader Anne Smith criticised the budget. Pope Clement met pilgrims "
                 "in Rome on Sunday.")
    assert {("Smith", "United Kingdom"), ("Clement", "Vatican")} <= roles_of(result)


def test_a_host_subject_holds_the_office_of_the_place_it_hosts_in(run: Run) -> None:
    # A subject's own country is not read from where it acts ("met Y in Lima")…
    visit = run("Prime Minister Rosa Quispe met Chilean President Tomas Vidal in Lima.")
    assert ("Rosa Quispe", "Peru") not in {(r.person, r.country) for r in visit.roles}
    # …except where it hosts: a host receives at home.
    result = run("Prime Minister Rosa Quispe hosted Chilean President Tomas Vidal in Lima on "
                 "Monday.")
    assert {(r.person, r.country) for r in result.roles} == {
        ("Rosa Quispe", "Peru"), ("Tomas Vidal", "Chile")}
    assert [set(m.countries) for m in result.meetings] == [{"Peru", "Chile"}]
