"""The writer on the real Neo4j: facts stored exactly, replaced not duplicated, MET_WITH exact."""

from __future__ import annotations

import neo4j

from graph.queue import ArticleStore
from graph.writer import write_extraction
from tests.service.factories import article, extraction, meeting
from tests.service.graphcheck import assert_met_with_consistent, counts


def _stored(graph: neo4j.Driver, n: int = 1, url: str | None = None) -> str:
    new = article(n, url=url)
    ArticleStore(graph).store([new])
    return new.id


def test_facts_are_stored_and_met_with_derived(graph: neo4j.Driver) -> None:
    aid = _stored(graph)
    assert write_extraction(graph, aid, extraction())
    c = counts(graph)
    assert c["Meeting"] == 1 and c["REPORTED_IN"] == 1 and c["HELD_IN"] == 1
    assert c["PARTICIPATED_IN"] == 2 and c["MET_WITH"] == 1 and c["DISCUSSED"] == 1
    assert c["HOLDS_ROLE"] == 1 and c["NO_DIPLOMATIC_RELATIONS"] == 1 and c["IN_COUNTRY"] == 1
    rec = graph.execute_query(
        "MATCH (:Country {key:'JPN'})-[r:MET_WITH]-(:Country {key:'PRK'}) RETURN r").records[0]
    assert dict(rec["r"]) == {"meetings": 1, "first": "2012-08-29", "last": "2012-08-29"}
    assert_met_with_consistent(graph)


def test_rewriting_changes_nothing(graph: neo4j.Driver) -> None:
    aid = _stored(graph)
    write_extraction(graph, aid, extraction())
    before = counts(graph)
    write_extraction(graph, aid, extraction())
    assert counts(graph) == before
    assert_met_with_consistent(graph)


def test_same_meeting_from_two_articles_is_one_meeting(graph: neo4j.Driver) -> None:
    first, second = _stored(graph, 1), _stored(graph, 2)
    write_extraction(graph, first, extraction(meeting(date="2012-08-29")))
    write_extraction(graph, second, extraction(meeting(date="2012-08", precision="month")))
    c = counts(graph)
    assert c["Meeting"] == 1 and c["REPORTED_IN"] == 2
    date = graph.execute_query("MATCH (m:Meeting) RETURN m.date AS d").records[0]["d"]
    assert date == "2012-08-29"
    assert_met_with_consistent(graph)


def test_replacing_facts_moves_met_with(graph: neo4j.Driver) -> None:
    first, second = _stored(graph, 1), _stored(graph, 2)
    write_extraction(graph, first, extraction(meeting(date="2012-08-29")))
    write_extraction(graph, second, extraction(meeting(date="2014-03-01")))
    assert counts(graph)["Meeting"] == 2
    write_extraction(graph, second, extraction(meeting(("Japan", "China"), date="2015-01-01")))
    assert counts(graph)["Meeting"] == 2
    assert_met_with_consistent(graph)
    write_extraction(graph, first, extraction(meeting(("China", "South Korea"), place=None)))
    assert_met_with_consistent(graph)
    pairs = graph.execute_query("MATCH (x)-[:MET_WITH]->(y) RETURN x.key + '-' + y.key AS p")
    assert sorted(r["p"] for r in pairs.records) == ["CHN-JPN", "CHN-KOR"]


def test_meeting_carries_its_place_name_for_captions(graph: neo4j.Driver) -> None:
    a = article(1)
    ArticleStore(graph).store([a])
    write_extraction(graph, a.id, extraction(meeting()))
    rows = graph.execute_query("MATCH (m:Meeting) RETURN m.place_name AS place").records
    assert [r["place"] for r in rows] == ["Beijing"]
