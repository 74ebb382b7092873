"""Confidence through the graph: a meeting's is its most confident report's, a participant's the
highest its supporting articles gave, both recomputed exactly when an article is rewritten; the
query endpoints filter by `min_confidence`."""

from __future__ import annotations

import neo4j
import pytest
from fastapi.testclient import TestClient

from graph.articles import ArticleStore
from graph.records import Extraction, Participant
from graph.writer import write_extraction
from tests.service.factories import article, extraction, meeting

pytestmark = pytest.mark.neo4j


def rated(p: float, person: float | None = None, date: str = "2012-08-29") -> Extraction:
    """The factories' Japan–North Korea meeting, rated `p` (and a person rated `person`)."""
    m = meeting(date=date).model_copy(update={"confidence": p})
    if person is not None:
        m = m.model_copy(update={"participants": (
            *m.participants, Participant(name="Kim Jong Un", type="Person", confidence=person))})
    return extraction(m)


def stored(empty_graph: neo4j.Driver) -> tuple[float, float]:
    row = empty_graph.execute_query(
        "MATCH (m:Meeting)<-[r:PARTICIPATED_IN]-(:Person) RETURN m.confidence AS m, "
        "r.confidence AS p").records
    assert len(row) == 1
    return row[0]["m"], row[0]["p"]


def test_confidence_is_the_best_report_and_follows_rewrites(empty_graph: neo4j.Driver) -> None:
    a1, a2 = article(1), article(2)
    ArticleStore(empty_graph).store([a1, a2])
    write_extraction(empty_graph, a1.id, rated(0.4, person=0.3))
    write_extraction(empty_graph, a2.id, rated(0.9, person=0.8))
    assert stored(empty_graph) == (0.9, 0.8)
    write_extraction(empty_graph, a2.id, rated(0.6, person=0.2))  # reprocessed: its share replaced
    assert stored(empty_graph) == (0.6, 0.3)
    write_extraction(empty_graph, a2.id, rated(0.6, person=0.2))  # again: nothing changes
    assert stored(empty_graph) == (0.6, 0.3)


def test_min_confidence_filters_the_query_endpoints(empty_graph: neo4j.Driver,
                                                    client: TestClient) -> None:
    sure, unsure = article(1), article(2)
    ArticleStore(empty_graph).store([sure, unsure])
    write_extraction(empty_graph, sure.id, rated(0.9, date="2012-08-29"))
    write_extraction(empty_graph, unsure.id, rated(0.3, date="2014-03-02"))

    def meetings(**params: object) -> list[str | None]:
        got = client.get("/meetings", params={"participant": ["Japan", "North Korea"], **params})
        assert got.status_code == 200, got.text
        return [m["date"] for m in got.json()["data"]]

    assert meetings() == ["2014-03-02", "2012-08-29"]
    assert meetings(min_confidence=0.5) == ["2012-08-29"]
    assert meetings(min_confidence=0.95) == []
    who = client.get("/who-met-whom", params={"name": "Japan", "min_confidence": 0.5}).json()
    assert [(c["id"], c["meetings"]) for c in who["counterparts"]] == [("PRK", 1)]
    first = who["counterparts"][0]["items"][0]
    assert first["confidence"] == 0.9
    assert {p["id"]: p["confidence"] for p in first["participants"]} == {"JPN": 0.9, "PRK": 0.9}
    dyad = client.get("/relations", params={"a": "Japan", "b": "North Korea",
                                            "min_confidence": 0.5}).json()
    assert dyad["timeline_count"] == 1 and dyad["met_with"]["meetings"] == 2
    bad = client.get("/meetings", params={"min_confidence": 1.5})
    assert bad.status_code == 422 and "min_confidence" in bad.text
