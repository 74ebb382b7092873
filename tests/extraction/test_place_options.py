"""Place options of a trigger and the place a visit is sharpened to (invented sentences)."""

from __future__ import annotations

from spacy.language import Language

from graph.records import ArticleText
from ingest.extraction.extractor import read_facts, sharpen_visit
from ingest.extraction.facts import DocFacts
from ingest.extraction.learned.candidates import Event, find_events
from ingest.extraction.meetings import Draft
from ingest.extraction.mentions import Mention
from ingest.extraction.parties import Parties
from ingest.extraction.text import prepare
from tests.extraction.conftest import PUBLISHED

FILLER = " ".join(f"The harvest in the north was poor in year {n} of the plan." for n in range(20))


def facts_of(nlp: Language, text: str) -> DocFacts:
    """Mentions and people of one invented text."""
    return read_facts(nlp(prepare(text)), ArticleText(text=text, published=PUBLISHED))


def event(facts: DocFacts, word: str) -> Event:
    """The candidate whose trigger is `word`."""
    return next(ev for ev in find_events(facts, None)
                if facts.doc[ev.trig.start:ev.trig.end].text == word)


def options(facts: DocFacts, word: str) -> dict[str, dict[str, float]]:
    """Place name → features, of the trigger `word`."""
    return {o.place.name: o.feats for o in event(facts, word).places}


def test_a_city_naming_the_meeting_noun_is_a_locative_option(nlp: Language) -> None:
    facts = facts_of(nlp, "Officials said the Geneva talks between Iran and Norway ended well.")
    geneva = options(facts, "talks")["Geneva"]
    assert geneva["modifier"] == 1.0 and geneva["locative"] == 1.0


def test_a_capital_naming_the_meeting_noun_offers_the_city(nlp: Language) -> None:
    facts = facts_of(nlp, "Reporters said the Oslo summit of Sweden and Finland was short.")
    assert "Oslo" in options(facts, "summit")


def test_the_opening_place_is_offered_to_a_later_trigger(nlp: Language) -> None:
    text = ("Foreign ministers of Peru and Chile gathered in Lima on Monday. "
            f"{FILLER} Later that week the meeting ended without a statement.")
    lima = options(facts_of(nlp, text), "meeting")["Lima"]
    assert lima["lede"] == 1.0


def test_every_destination_of_a_visit_is_a_place(nlp: Language) -> None:
    facts = facts_of(nlp, "The Peruvian president will visit Norway and Italy next month.")
    places = {m.name for m in facts.mentions if m.kind == "place"}
    assert {"Norway", "Italy"} <= places


def test_a_dateline_rule_place_is_offered_as_its_country(nlp: Language) -> None:
    text = ("LIMA, March 9 - Chilean President Juan Perez met Peruvian President Ana Soto "
            "for talks on the first day of a visit.")
    offered = options(facts_of(nlp, text), "met")
    assert "Lima" not in offered and offered["Peru"]["is_rule"] == 1.0


def visit_to(facts: DocFacts, country: str) -> Draft:
    """A visit draft of the text's "visit" trigger, placed in a country."""
    ev = event(facts, "visit")
    place = Mention("place", country, ev.trig.start, ev.trig.end, "name", country)
    return Draft(ev.trig, ev.sent, Parties(), "visit", "held", place, None, set())


def test_a_visit_goes_to_the_city_named_near_it(nlp: Language) -> None:
    facts = facts_of(nlp, "The Chilean president began a visit to Kenya on Monday. "
                          "He held talks in Nairobi with officials.")
    draft = visit_to(facts, "Kenya")
    sharpen_visit(facts, draft)
    assert draft.place is not None and draft.place.name == "Nairobi"


def test_a_visit_keeps_its_country_when_the_city_is_far_away(nlp: Language) -> None:
    facts = facts_of(nlp, "The Chilean president began a visit to Kenya on Monday. "
                          f"{FILLER} Years ago, a fair was held in Nairobi.")
    draft = visit_to(facts, "Kenya")
    sharpen_visit(facts, draft)
    assert draft.place is not None and draft.place.name == "Kenya"


def party_feats(facts: DocFacts, word: str) -> dict[str, dict[str, float]]:
    """Party name → features, of the trigger `word`."""
    return {o.name: o.feats for o in event(facts, word).parties}


def test_a_country_named_only_as_the_venue_is_marked_so(nlp: Language) -> None:
    # Estonia is where Latvia and Poland meet; Finland, visited, may well be a side.
    facts = facts_of(nlp, "Latvian and Polish envoys will meet in Tallinn, Estonia on Monday "
                          "before they visit Finland.")
    feats = party_feats(facts, "meet")
    assert feats["Estonia"].get("venue_only&meeting") == 1.0
    assert not any(k.startswith("venue_only") for k in feats["Finland"])
    assert not any(k.startswith("venue_only") for k in feats["Latvia"])


def test_an_envoy_s_portfolio_is_no_side_of_the_rules_and_is_marked_so(nlp: Language) -> None:
    facts = facts_of(nlp, "U.S. Special Representative for the Philippines Ambassador Tom Hale "
                          "met Japanese officials in Tokyo on Monday.")
    ev = event(facts, "met")
    assert "Philippines" not in ev.frame.parties.sides
    assert {"United States", "Japan"} <= set(ev.frame.parties.sides)
    assert party_feats(facts, "met")["Philippines"].get("portfolio_only&meeting") == 1.0


def test_the_trigger_s_subject_is_marked_with_the_kind_of_meeting(nlp: Language) -> None:
    facts = facts_of(nlp, "Chilean President Ana Rojas telephoned Peruvian officials on Monday.")
    feats = party_feats(facts, "telephoned")
    assert feats["Chile"].get("subj&phone_call") == 1.0
    assert not any(k.startswith("subj&") for k in feats["Peru"])
