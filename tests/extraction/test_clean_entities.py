"""Clean entities: no people from page residue, whole names, issues that are matters,
and titles tied to the country that modifies them."""

from __future__ import annotations

from graph.records import Extraction
from ingest.extraction.people import widgets
from tests.extraction.conftest import Run


def people(result: Extraction) -> set[str]:
    """Names of the Person entities."""
    return {e.name for e in result.entities if e.type == "Person"}


def roles(result: Extraction) -> set[tuple[str, str | None]]:
    """(person, country) of every role."""
    return {(r.person, r.country) for r in result.roles}


def test_a_name_with_particles_is_kept_whole(run: Run) -> None:
    result = run("European Commission President Ursula von der Leyen met Dutch officials.")
    assert "Ursula von der Leyen" in people(result)


def test_a_dateline_yields_no_person(run: Run) -> None:
    text = ("RIYADH (Wire) - The foreign ministers of Paraguay and Bolivia met in Riyadh "
            "on Monday.\n\nForeign Minister Ana Benitez of Paraguay led the talks.")
    result = run(text)
    assert people(result) == {"Ana Benitez"}
    assert {frozenset(m.countries) for m in result.meetings} == {
        frozenset({"Paraguay", "Bolivia"})}


def test_page_residue_yields_no_people(run: Run) -> None:
    text = ("The foreign ministers of Chile and Peru met in Lima on Monday.\n"
            "Follow Maria Lopez on Twitter.\n"
            "READ MORE: Carlos Ruiz wins the election\n"
            "Get our app on the Apple App Store or Google Play.\n"
            "Photo: Juan Perez/AFP via Getty Images\n")
    assert people(result := run(text)).isdisjoint(
        {"Maria Lopez", "Carlos Ruiz", "Juan Perez", "Twitter", "Getty Images"})
    assert result.meetings


def test_a_pairing_is_no_person(run: Run) -> None:
    result = run("The Smithson-Kowalczyk meeting in Geneva lasted an hour.")
    assert "Smithson-Kowalczyk" not in people(result)


def test_issues_are_never_dates_or_titles(run: Run) -> None:
    result = run("Qatari and Omani ministers met on Thursday evening to discuss the water "
                 "dispute and the Qatari foreign minister's proposal.")
    names = {i.name.lower() for i in result.issues}
    assert not any("evening" in n or "minister" in n for n in names)


def test_the_country_after_the_name_holds_the_title(run: Run) -> None:
    result = run("Kenyan officials welcomed Prime Minister Omar Haidari of Somalia in Nairobi.")
    assert ("Omar Haidari", "Somalia") in roles(result)


def test_the_title_of_a_country_before_the_name(run: Run) -> None:
    result = run("Indian officials said the prime minister of Nepal, Sita Sharma, arrived "
                 "in New Delhi on Monday.")
    assert ("Sita Sharma", "Nepal") in roles(result)


def test_a_possessive_country_in_apposition(run: Run) -> None:
    result = run("Bilal Qureshi, Pakistan's prime minister, met Afghan officials in Kabul.")
    assert ("Bilal Qureshi", "Pakistan") in roles(result)


def test_a_surname_that_is_a_city_stays_in_the_name(run: Run) -> None:
    result = run("Chilean officials spoke by telephone with Bolivian president Jorge de la "
                 "Paz on Monday.")
    assert "Jorge de la Paz" in people(result)
    assert ("Jorge de la Paz", "Bolivia") in roles(result)


def test_a_given_name_the_ner_left_out_is_kept(run: Run) -> None:
    result = run("Secretary of State Peter K. Hollis welcomed Kenyan officials to Washington.")
    assert ("Peter K. Hollis", "United States") in roles(result)


def test_an_honorific_between_title_and_name(run: Run) -> None:
    result = run("Indian External Affairs Minister Dr. R. Menon met Chilean officials in Lima.")
    assert ("R. Menon", "India") in roles(result)


def test_a_title_and_name_read_as_an_organisation(run: Run) -> None:
    result = run("The below is attributable to Spokesperson Jane Roberts:\n\n"
                 "The delegations of Peru and Chile met in Lima.")
    assert "Jane Roberts" in people(result)


WEB_COPY = (
    "Congo and Rwanda resume talks in Doha\n"
    "By Amelie Dubois and Kofi Mensah\n"
    "14 August 2025\n"
    "KINSHASA (Wire) - Deputy Foreign Minister Jean-Luc Mbala Tshimanga met Rwandan officials "
    "in Doha on Wednesday, while fighting continued near Goma and Bukavu, residents said.\n")


def test_a_byline_yields_no_person(run: Run) -> None:
    assert people(run(WEB_COPY)).isdisjoint({"Amelie Dubois", "Kofi Mensah"})


def test_a_hyphenated_name_runs_on_to_its_last_names(run: Run) -> None:
    assert "Jean-Luc Mbala Tshimanga" in people(run(WEB_COPY))


def test_a_city_the_ner_reads_as_a_name_is_no_person(run: Run) -> None:
    assert "Bukavu" not in people(run(WEB_COPY))


def test_a_title_complement_is_no_person(run: Run) -> None:
    result = run("Kenya's Cabinet Secretary for Foreign and Diaspora Affairs, Ruth Wanjiru, met "
                 "Canadian officials in Ottawa on Monday.")
    assert people(result) == {"Ruth Wanjiru"}
    assert ("Ruth Wanjiru", "Kenya") in roles(result)


def test_a_portfolio_word_is_no_part_of_a_name(run: Run) -> None:
    result = run("Minister of State for Foreign Affairs Salim al-Harthy hosted Iranian and "
                 "American negotiators in Muscat.")
    assert people(result) == {"Salim al-Harthy"}


def test_a_spokesperson_is_not_a_participant(run: Run) -> None:
    result = run("Secretary's Meeting with Peruvian Foreign Minister Ana Torres\n\nREADOUT\n\n"
                 "OFFICE OF THE SPOKESPERSON\n\nMAY 3, 2025\n\n"
                 "The below is attributable to Spokesperson Laila Haddad:\n\n"
                 "The Secretary met today in Lima with Peruvian Foreign Minister Ana Torres. "
                 "They discussed trade and the United States' support for regional security.")
    met = {p.name for m in result.meetings for p in m.participants if p.type == "Person"}
    assert met == {"Ana Torres"}


NEWS_PAGE = ("Chad and Sudan resume talks\n14 August 2025 · 09:15 GMT · 4 min read\n"
             "Sign up for our Africa newsletter\n"
             "DOHA (Wire) – Representatives of Chad and Sudan met in Doha on Wednesday for a new "
             "round of talks on the border, officials from both delegations said.\n"
             "TAGS\nAfrica, Diplomacy\n")


def test_a_page_of_one_line_paragraphs_is_not_unwrapped() -> None:
    from ingest.extraction.text import prepare

    assert prepare(NEWS_PAGE) == NEWS_PAGE


def test_capitals_and_tag_lines_yield_no_person(run: Run) -> None:
    assert people(run(NEWS_PAGE)) == set()


def test_a_surname_is_tied_to_the_person_it_ends() -> None:
    import spacy

    from ingest.extraction.people import Person, attach

    people = [Person("Tom Kim", {"Tom Kim"}), Person("Kim Dae-su", {"Kim Dae-su"})]
    attach(people, spacy.blank("en")("Kim said")[0:1])
    assert "Kim" in people[0].variants and "Kim" not in people[1].variants


def test_a_korean_family_name_stands_for_the_person(run: Run) -> None:
    result = run("South Korean President Han Seung-woo attended the summit in Manila on Friday.\n"
                 "China's foreign ministry said on Friday that Beijing opposed the gathering.\n"
                 "Han is due to fly to Hanoi on Sunday for a state visit, during which he will "
                 "hold talks with Vietnamese President Luong Van Dinh.")
    assert frozenset({"South Korea", "Vietnam"}) in {frozenset(m.countries)
                                                     for m in result.meetings}


def test_a_teaser_line_reports_no_meeting(run: Run) -> None:
    text = ("The presidents of Kenya and Tanzania held talks in Nairobi on Monday.\n\n"
            "READ MORE: Chile and Peru foreign ministers meet in Lima\n\n"
            "JUST WATCHED Portugal's premier visits Morocco for talks Replay More Videos\n\n"
            "The two leaders discussed trade and a new railway.")
    result = run(text)
    assert {frozenset(m.countries) for m in result.meetings} == {frozenset({"Kenya", "Tanzania"})}


def test_a_picture_caption_reports_no_meeting(run: Run) -> None:
    text = ("The presidents of Kenya and Tanzania held talks in Nairobi on Monday.\n\n"
            "The foreign ministers of Chile and Peru meet in Lima on Friday [Ana Roy/Reuters]\n\n"
            "Portugal's prime minister holds talks with Morocco's king in Lisbon. "
            "Photograph: Li Wei/AP\n\n"
            "The two leaders discussed trade and a new railway.")
    result = run(text)
    assert {frozenset(m.countries) for m in result.meetings} == {frozenset({"Kenya", "Tanzania"})}


def test_a_caption_that_places_people_in_the_picture_reports_no_meeting(run: Run) -> None:
    text = ("The presidents of Kenya and Tanzania held talks in Nairobi on Monday.\n\n"
            "Chilean Foreign Minister Ana Roy, left, and Peruvian Foreign Minister Luis Paz "
            "meet in Lima on Friday.\n\n"
            "The two leaders discussed trade and a new railway.")
    result = run(text)
    assert {frozenset(m.countries) for m in result.meetings} == {frozenset({"Kenya", "Tanzania"})}


def test_a_widget_is_the_clause_around_its_words_and_no_further() -> None:
    text = ("The talks ended. Listen to this story on Google Play now\nAna Ruiz met her. "
            + "x" * 70 + " via Getty Images " + "y" * 40)
    got = [text[a:b] for a, b in widgets(text)]
    assert got == [" Listen to this story on Google Play now",  # from the stop to the line end
                   "x" * 59 + " via Getty Images " + "y" * 22]  # 60 before, 30 after
