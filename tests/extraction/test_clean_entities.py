"""Clean entities: no people from page residue, whole names, issues that are matters,
and titles tied to the country that modifies them."""

from __future__ import annotations

from graph.records import Extraction
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
