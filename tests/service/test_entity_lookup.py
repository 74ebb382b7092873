"""Finding entities as people type them: a surname alone, a name where an id is asked, and the
entity list without a search word."""

from __future__ import annotations

import neo4j
import pytest
from fastapi.testclient import TestClient

from graph.articles import ArticleStore
from graph.records import Entity, Participant
from graph.writer import write_extraction
from tests.service.factories import article, extraction, meeting

pytestmark = pytest.mark.neo4j

# Invented people: two share a surname, one bears his alone.
ENVOY = Entity(name="Arno Velde", type="Person", country="Japan")
ARCHIVIST = Entity(name="Mira Velde", type="Person", country="China")
MINISTER = Entity(name="Tomas Quillan", type="Person", country="North Korea")


@pytest.fixture
def people(empty_graph: neo4j.Driver) -> neo4j.Driver:
    a = article(1)
    ArticleStore(empty_graph).store([a])
    talks = meeting().model_copy(update={"participants": (
        *meeting().participants, *(Participant(name=p.name, type="Person")
                                   for p in (ENVOY, MINISTER)))})
    facts = extraction(talks)
    write_extraction(empty_graph, a.id, facts.model_copy(update={
        "entities": (*facts.entities, ENVOY, ARCHIVIST, MINISTER)}))
    return empty_graph


def test_a_surname_one_person_bears_resolves(client: TestClient, people: neo4j.Driver) -> None:
    got = client.get("/who-met-whom", params={"name": "quillan"})
    assert got.status_code == 200, got.text
    assert got.json()["entity"]["name"] == "Tomas Quillan"
    assert "Japan" in {c["name"] for c in got.json()["counterparts"]}


def test_a_surname_several_people_bear_names_them(client: TestClient,
                                                  people: neo4j.Driver) -> None:
    got = client.get("/who-met-whom", params={"name": "Velde"})
    assert got.status_code == 404
    assert "Arno Velde" in got.text and "Mira Velde" in got.text


def test_a_part_of_a_surname_is_no_surname(client: TestClient, people: neo4j.Driver) -> None:
    assert client.get("/who-met-whom", params={"name": "llan"}).status_code == 404


def test_entity_takes_a_name_as_well_as_an_id(client: TestClient, people: neo4j.Driver) -> None:
    by_id = client.get("/entities/PRK")
    by_name = client.get("/entities/North Korea")
    assert by_id.status_code == by_name.status_code == 200
    assert by_name.json() == by_id.json()
    assert client.get("/entities/quillan").json()["name"] == "Tomas Quillan"
    missing = client.get("/entities/Atlantis")
    assert missing.status_code == 404 and "Atlantis" in missing.json()["detail"]


def test_entities_without_q_lists_by_type_paged(client: TestClient,
                                                people: neo4j.Driver) -> None:
    everyone = client.get("/entities", params={"type": "Person", "limit": 500}).json()
    names = [e["name"] for e in everyone["data"]]
    assert {"Arno Velde", "Mira Velde", "Tomas Quillan", "Kim Jong Un"} <= set(names)
    assert everyone["count"] == len(names) and all(e["type"] == "Person" for e in everyone["data"])
    assert everyone["data"][0]["meetings"] >= everyone["data"][-1]["meetings"]  # most met first
    second = client.get("/entities", params={"type": "Person", "skip": 1, "limit": 1}).json()
    assert second["count"] == everyone["count"] and second["data"] == everyone["data"][1:2]
    countries = client.get("/entities", params={"type": "Country"}).json()["data"]
    assert {"Japan", "North Korea"} <= {e["name"] for e in countries}
    assert client.get("/entities").json()["count"] > everyone["count"]
