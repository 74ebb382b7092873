"""The home side of a readout whose official is named by office alone (invented texts)."""

from __future__ import annotations

from spacy.language import Language

from graph.records import ArticleText
from ingest.extraction.extractor import read_facts
from ingest.extraction.learned.candidates import find_events
from ingest.extraction.learned.home import home_country
from ingest.extraction.text import prepare
from tests.extraction.conftest import PUBLISHED

# Kenya, where the envoy went, is named three times; the envoy's own country once.
TRIP = ("Office of the Spokesperson\n\nSpecial Envoy Mark Ellery travelled to Kenya and Uganda "
        "on March 2-6 to discuss support for refugees with partners of the United States.\n\n"
        "In Kenya, Special Envoy Ellery visited a camp near Dadaab.\n\nIn Uganda, Special Envoy "
        "Ellery met with the President of Uganda, Paul Kagwa.\n\nSpecial Envoy Ellery flew back "
        "to Kenya on March 6.")


def home_of(nlp: Language, text: str, sentence: str, sides: set[str]) -> str | None:
    """The home country read for the trigger of the sentence containing `sentence`."""
    facts = read_facts(nlp(prepare(text)), ArticleText(text=text, published=PUBLISHED))
    ev = next(ev for ev in find_events(facts, None) if sentence in ev.sent.text)
    return home_country(facts, ev.trig, sides)


def test_a_country_the_official_visits_is_not_their_home(nlp: Language) -> None:
    assert home_of(nlp, TRIP, "Kagwa", {"Uganda"}) == "United States"


def test_a_country_named_as_an_actor_still_counts(nlp: Language) -> None:
    text = TRIP.replace("flew back to Kenya on March 6.", "thanked Kenya's government.")
    # Kenya: one destination, one "In Kenya", and one actor — against one United States
    assert home_of(nlp, text, "Kagwa", {"Uganda"}) == "United States"
    text = text.replace("thanked Kenya's government.",
                        "thanked Kenya's government and Kenya's police.")
    assert home_of(nlp, text, "Kagwa", {"Uganda"}) == "Kenya"


def test_the_country_of_an_official_met_is_not_the_visitor_s_home(nlp: Language) -> None:
    # Togo is named twice, both times as the country of people the envoy met.
    text = ("Office of the Spokesperson\n\nSpecial Envoy Mark Ellery discussed grain exports "
            "with partners of the United States on Monday.\n\nIn Ghana, Special Envoy Ellery "
            "met with the Vice President of Togo.\n\nLater, Special Envoy Ellery received "
            "Togo's trade officials.\n\nIn Benin, Special Envoy Ellery met with President "
            "Paul Adjo.")
    assert home_of(nlp, text, "Adjo", {"Benin"}) == "United States"
