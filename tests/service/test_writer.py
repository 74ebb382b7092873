"""The writer on the real Neo4j: facts stored exactly, replaced not duplicated, MET_WITH exact."""

from __future__ import annotations

import neo4j

from graph.articles import ArticleStore
from graph.records import Meeting, Participant
from graph.writer import Fence, Pending, write_extraction, write_extractions
from tests.service.factories import article, extraction, meeting
from tests.service.graphcheck import assert_met_with_consistent, counts


def _stored(empty_graph: neo4j.Driver, n: int = 1, url: str | None = None) -> str:
    new = article(n, url=url)
    ArticleStore(empty_graph).store([new])
    return new.id


def test_facts_are_stored_and_met_with_derived(empty_graph: neo4j.Driver) -> None:
    aid = _stored(empty_graph)
    assert write_extraction(empty_graph, aid, extraction())
    c = counts(empty_graph)
    assert c["Meeting"] == 1 and c["REPORTED_IN"] == 1 and c["HELD_IN"] == 1
    assert c["PARTICIPATED_IN"] == 2 and c["MET_WITH"] == 1 and c["DISCUSSED"] == 1
    assert c["HOLDS_ROLE"] == 1 and c["NO_DIPLOMATIC_RELATIONS"] == 1 and c["IN_COUNTRY"] == 1
    rec = empty_graph.execute_query(
        "MATCH (:Country {key:'JPN'})-[r:MET_WITH]-(:Country {key:'PRK'}), (m:Meeting) "
        "RETURN r, m.key AS m").records[0]
    assert dict(rec["r"]) == {"meetings": 1, "first": "2012-08-29", "last": "2012-08-29",
                              "latest": [rec["m"]], "months": [2012 * 12 + 7], "upto": [1],
                              "month_first": ["2012-08-29"], "month_last": ["2012-08-29"],
                              "dated": [rec["m"]], "days": [2929], "spanning": [],
                              "spanning_from": [], "spanning_to": [], "spanning_dates": [],
                              "ordered": [rec["m"]]}
    assert_met_with_consistent(empty_graph)


def test_rewriting_changes_nothing(empty_graph: neo4j.Driver) -> None:
    aid = _stored(empty_graph)
    write_extraction(empty_graph, aid, extraction())
    before = counts(empty_graph)
    write_extraction(empty_graph, aid, extraction())
    assert counts(empty_graph) == before
    assert_met_with_consistent(empty_graph)


def test_same_meeting_from_two_articles_is_one_meeting(empty_graph: neo4j.Driver) -> None:
    first, second = _stored(empty_graph, 1), _stored(empty_graph, 2)
    write_extraction(empty_graph, first, extraction(meeting(date="2012-08-29")))
    write_extraction(empty_graph, second, extraction(meeting(date="2012-08", precision="month")))
    c = counts(empty_graph)
    assert c["Meeting"] == 1 and c["REPORTED_IN"] == 2
    date = empty_graph.execute_query("MATCH (m:Meeting) RETURN m.date AS d").records[0]["d"]
    assert date == "2012-08-29"
    assert_met_with_consistent(empty_graph)


def test_replacing_facts_moves_met_with(empty_graph: neo4j.Driver) -> None:
    first, second = _stored(empty_graph, 1), _stored(empty_graph, 2)
    write_extraction(empty_graph, first, extraction(meeting(date="2012-08-29")))
    write_extraction(empty_graph, second, extraction(meeting(date="2014-03-01")))
    assert counts(empty_graph)["Meeting"] == 2
    write_extraction(empty_graph, second,
                     extraction(meeting(("Japan", "China"), date="2015-01-01")))
    assert counts(empty_graph)["Meeting"] == 2
    assert_met_with_consistent(empty_graph)
    write_extraction(empty_graph, first, extraction(meeting(("China", "South Korea"), place=None)))
    assert_met_with_consistent(empty_graph)
    pairs = empty_graph.execute_query("MATCH (x)-[:MET_WITH]->(y) RETURN x.key + '-' + y.key AS p")
    assert sorted(r["p"] for r in pairs.records) == ["CHN-JPN", "CHN-KOR"]


def test_meeting_carries_its_place_name_for_captions(empty_graph: neo4j.Driver) -> None:
    a = article(1)
    ArticleStore(empty_graph).store([a])
    write_extraction(empty_graph, a.id, extraction(meeting()))
    rows = empty_graph.execute_query("MATCH (m:Meeting) RETURN m.place_name AS place").records
    assert [r["place"] for r in rows] == ["Beijing"]


def graph_state(empty_graph: neo4j.Driver) -> dict[str, object]:
    """What a write leaves behind, independent of node ids: counts, meetings and MET_WITH."""
    meetings = empty_graph.execute_query(
        "MATCH (m:Meeting) RETURN m.key AS k, m.date AS d, m.reports AS n, "
        "[(e)-[:PARTICIPATED_IN]->(m) | e.key] AS who ORDER BY k").records
    met = empty_graph.execute_query("MATCH (x)-[r:MET_WITH]->(y) RETURN x.key AS x, y.key AS y, "
                              "properties(r) AS r ORDER BY x, y").records
    done = empty_graph.execute_query("MATCH (a:Article) RETURN a.status AS s, a.runs AS runs, "
                               "a.n_meetings AS n ORDER BY a.id").records
    return {"counts": counts(empty_graph), "meetings": [(r["k"], r["d"], r["n"], sorted(r["who"]))
                                                  for r in meetings],
            "met_with": [r.data() for r in met], "articles": [r.data() for r in done]}


def batch_of(ids: list[str]) -> list[Pending]:
    """Articles that overlap: one meeting reported three times, others each their own."""
    shapes = [extraction(meeting(date="2012-08-29")),
              extraction(meeting(date="2012-08", precision="month"),
                         meeting(("China", "South Korea"), date="2013-01-02", place=None)),
              extraction(meeting(date="2012-08-29"), meeting(("Japan", "China"), "2014")),
              extraction(meeting(("China", "North Korea"), date="2015-05-05"))]
    return [Pending(i, e) for i, e in zip(ids, shapes, strict=True)]


def test_one_batch_writes_what_one_article_at_a_time_writes(empty_graph: neo4j.Driver) -> None:
    ids = [_stored(empty_graph, n) for n in range(4)]
    for pending in batch_of(ids):
        assert write_extraction(empty_graph, pending.article_id, pending.extraction)
    one_by_one = graph_state(empty_graph)
    empty_graph.execute_query("MATCH (n) WHERE NOT n:Article DETACH DELETE n")
    empty_graph.execute_query("MATCH (a:Article) SET a.status = 'queued', a.runs = 0")
    assert write_extractions(empty_graph, batch_of(ids)) == ids
    assert graph_state(empty_graph) == one_by_one
    assert one_by_one["counts"]["Meeting"] == 4  # type: ignore[index]
    assert_met_with_consistent(empty_graph)


def test_rewriting_a_batch_changes_nothing(empty_graph: neo4j.Driver) -> None:
    ids = [_stored(empty_graph, n) for n in range(4)]
    write_extractions(empty_graph, batch_of(ids))
    before = graph_state(empty_graph)["counts"]
    write_extractions(empty_graph, batch_of(ids))
    assert graph_state(empty_graph)["counts"] == before
    assert_met_with_consistent(empty_graph)


def test_batch_skips_only_the_article_whose_lease_is_lost(empty_graph: neo4j.Driver) -> None:
    store = ArticleStore(empty_graph)
    ids = [_stored(empty_graph, n) for n in range(2)]
    held = {a.id: a for a in store.claim("w1", 60, 10)}
    empty_graph.execute_query("MATCH (a:Article {id: $id}) SET a.worker_id = 'w2'", id=ids[1])
    batch = [Pending(i, extraction(meeting(("Japan", "China") if n else ("Japan", "North Korea"))),
                     Fence("w1", held[i].attempt)) for n, i in enumerate(ids)]
    assert write_extractions(empty_graph, batch) == [ids[0]]
    status = {r["id"]: r["s"] for r in empty_graph.execute_query(
        "MATCH (a:Article) RETURN a.id AS id, a.status AS s").records}
    assert status == {ids[0]: "done", ids[1]: "processing"}
    keys = empty_graph.execute_query("MATCH (x)-[:MET_WITH]->(y) RETURN x.key + '-' + y.key AS p")
    assert [r["p"] for r in keys.records] == ["JPN-PRK"]


def with_person(name: str) -> Meeting:
    """The Japan–North Korea talks, as an article that also names one person at them."""
    base = meeting()
    who = (*base.participants, Participant(name=name, type="Person"))
    return base.model_copy(update={"participants": who})


def test_people_two_articles_put_at_one_meeting_have_met(empty_graph: neo4j.Driver) -> None:
    first, second = _stored(empty_graph, 1), _stored(empty_graph, 2)
    write_extraction(empty_graph, first, extraction(with_person("Aiko Tanaka")))
    write_extraction(empty_graph, second, extraction(with_person("Ri Song Chol")))
    assert counts(empty_graph)["Meeting"] == 1
    assert_met_with_consistent(empty_graph)
    met = empty_graph.execute_query(
        "MATCH (:Person {name: 'Aiko Tanaka'})-[r:MET_WITH]-(:Person {name: 'Ri Song Chol'}) "
        "RETURN r.meetings AS n").records
    assert [r["n"] for r in met] == [1]
