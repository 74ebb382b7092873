"""Multilateral bodies: dated membership, stable keys, and body mentions with members."""

from __future__ import annotations

import json
from datetime import date

from spacy.language import Language

from ingest.extraction.lexicon import load_lexicon
from ingest.extraction.mentions import Mention, find_mentions
from ingest.extraction.text import prepare
from reference.gazetteer import DATA_DIR, load_gazetteer, members


def orgs(nlp: Language, text: str, day: date = date(2021, 3, 10)) -> list[Mention]:
    """Organisation mentions of one invented text."""
    found = find_mentions(nlp(prepare(text)), load_gazetteer(), load_lexicon(), day)
    return [m for m in found if m.kind == "org"]


def test_bodies_file_has_provenance() -> None:
    data = json.loads((DATA_DIR / "bodies.json").read_text("utf-8"))
    assert "nato.int" in data["_provenance"] and "europa.eu" in data["_provenance"]


def test_g8_lost_russia_in_2014() -> None:
    assert "RUS" in members("org:g8", date(2010, 6, 1))
    assert members("org:g8", date(2015, 6, 1)) == ()
    assert "RUS" not in members("org:g7", date(2015, 6, 1))


def test_brics_expanded_in_2024() -> None:
    assert set(members("BRICS", date(2020, 1, 1))) == {"BRA", "RUS", "IND", "CHN", "ZAF"}
    assert {"EGY", "ETH", "IRN", "ARE"} <= set(members("org:brics", date(2024, 6, 1)))


def test_eu_and_nato_accessions_and_exits() -> None:
    assert "GBR" in members("org:european-union", date(2019, 1, 1))
    assert "GBR" not in members("org:european-union", date(2021, 1, 1))
    assert "HRV" not in members("European Union", date(2012, 1, 1))
    assert "FIN" in members("org:nato", date(2023, 5, 1))
    assert "SWE" not in members("org:nato", date(2023, 5, 1))


def test_historic_states_are_members_before_they_ended() -> None:
    assert "SUN" in members("org:un-security-council-permanent-members", date(1987, 1, 1))
    assert "DEW" in members("org:g7", date(1987, 1, 1))
    assert "DEU" in members("org:g7", date(1995, 1, 1))


def test_every_member_is_a_known_country() -> None:
    gaz = load_gazetteer()
    codes = {m.iso3 for ms in gaz.bodies.values() for m in ms}
    assert codes <= set(gaz.countries)


def test_an_organisation_without_a_table_has_no_members() -> None:
    assert members("org:world-bank") == ()


def test_body_mentions_carry_key_and_members(nlp: Language) -> None:
    found = orgs(nlp, "Quad leaders met online, and EU foreign ministers gathered later.")
    by_name = {m.name: m for m in found}
    assert by_name["Quad"].key == "org:quad"
    assert set(by_name["Quad"].members) == {"USA", "JPN", "IND", "AUS"}
    assert "FRA" in by_name["European Union"].members


def test_members_follow_the_article_date(nlp: Language) -> None:
    (g8,) = orgs(nlp, "G8 leaders gathered for their annual summit.", date(2005, 7, 6))
    assert "RUS" in g8.members


def test_world_powers_are_the_p5_plus_1_in_nuclear_talks(nlp: Language) -> None:
    found = orgs(nlp, "Iran and world powers resumed talks on its nuclear programme.")
    assert [(m.name, m.key) for m in found] == [("P5+1", "org:p5-1")]
    assert set(found[0].members) == {"USA", "GBR", "FRA", "CHN", "RUS", "DEU"}


def test_world_powers_elsewhere_name_no_body(nlp: Language) -> None:
    assert orgs(nlp, "World leaders and world powers debated climate finance.") == []
