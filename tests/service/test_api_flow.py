"""Over HTTP on the real Neo4j: post → done → queries; re-post; reprocess."""

from __future__ import annotations

import json
import time

import neo4j
from fastapi.testclient import TestClient

from graph.settings import Neo4jSettings
from ingest.worker import Extractor, Worker
from tests.service.conftest import SEEDS, make_client, run_until_empty
from tests.service.graphcheck import assert_met_with_consistent, counts

SEED = json.loads((SEEDS / "a00.json").read_text())


def test_post_then_done_then_queries(client: TestClient, drain: Worker) -> None:
    posted = client.post("/articles", json=SEED)
    assert posted.status_code == 202
    body = posted.json()
    assert body["status"] == "queued" and body["new"] is True
    assert client.get(body["links"]["self"]).json()["status"] == "queued"
    run_until_empty(drain)
    article = client.get(f"/articles/{body['id']}").json()
    assert article["status"] == "done" and article["counts"]["meetings"] >= 1
    assert article["extractor_version"] and article["processed_at"]
    who = client.get("/who-met-whom", params={"name": "Japan"}).json()
    prk = next(c for c in who["counterparts"] if c["name"] == "North Korea")
    talks = next(m for m in prk["items"] if m["date"] == "2012-08-29")
    assert talks["place"]["name"] == "Beijing" and talks["reports"][0]["url"] == SEED["url"]
    assert who["browser_url"].startswith("http://localhost:")
    assert "/browser/?dbms=bolt%3A%2F%2Fneo4j%40localhost%3A" in who["browser_url"]  # form filled
    assert "&cmd=edit&arg=MATCH" in who["browser_url"]  # one statement, no :param lines
    for alias in ("DPRK", "north korean", "Pyongyang"):
        got = client.get("/who-met-whom", params={"name": alias}).json()
        assert got["entity"]["name"] == "North Korea"


def test_repost_changes_nothing(client: TestClient, drain: Worker,
                                empty_graph: neo4j.Driver) -> None:
    first = client.post("/articles", json=SEED).json()
    run_until_empty(drain)
    before = counts(empty_graph)
    again = client.post("/articles", json=SEED)
    assert again.status_code == 202
    assert again.json()["id"] == first["id"] and again.json()["new"] is False
    assert again.json()["status"] == "done"
    run_until_empty(drain)
    assert counts(empty_graph) == before


def test_reprocess_keeps_counts_and_met_with(client: TestClient, drain: Worker,
                                             empty_graph: neo4j.Driver) -> None:
    first = client.post("/articles", json=SEED).json()
    other = dict(SEED, url="https://example.org/second-report", title="Second report")
    client.post("/articles", json=other)
    run_until_empty(drain)
    before = counts(empty_graph)
    assert_met_with_consistent(empty_graph)
    assert client.post(f"/articles/{first['id']}/reprocess").status_code == 202
    assert client.get(f"/articles/{first['id']}").json()["status"] == "queued"
    run_until_empty(drain)
    assert counts(empty_graph) == before
    assert_met_with_consistent(empty_graph)
    empty_graph.execute_query("MATCH (a:Article) SET a.extractor_version = 'old'")
    stale = client.post("/articles/reprocess", params={"stale": "true"}).json()
    assert stale["count"] == 2
    run_until_empty(drain)
    assert counts(empty_graph) == before
    assert_met_with_consistent(empty_graph)


def test_serve_ingests_seeds_and_answers(empty_graph: neo4j.Driver, neo4j_settings: Neo4jSettings,
                                         extractor: Extractor) -> None:
    with make_client(neo4j_settings, extractor, ingest_seeds=True, run_worker=True) as c:
        deadline = time.monotonic() + 60
        while c.get("/articles", params={"status": "done"}).json()["count"] < 1:
            assert time.monotonic() < deadline, "the seed was not processed"
            time.sleep(0.2)
        who = c.get("/who-met-whom", params={"name": "Japan"}).json()
        assert "North Korea" in {x["name"] for x in who["counterparts"]}
