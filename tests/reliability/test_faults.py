"""Faults against real processes: Neo4j stopped under traffic, the API restarted with work queued,
an article that crashes the extractor.

kill -9 of a worker mid-batch is proven by tests/service/test_workers.py
(test_killed_worker_articles_finish_later_once); it is not repeated here.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import neo4j
import pytest
from pydantic import SecretStr

from graph.connection import open_driver
from graph.local.server import LocalNeo4j
from graph.settings import Neo4jSettings
from tests.reliability.articles import articles
from tests.reliability.conftest import Procs, all_done, statuses, wait_for
from tests.reliability.crashing import CRASH_MARKER
from tests.service.graphcheck import assert_met_with_consistent

pytestmark = [pytest.mark.faults, pytest.mark.neo4j]

# NEO4J_CONNECTION_TIMEOUT of the processes under test. While Neo4j is down the driver gives up
# after connection_timeout × 2 (acquisition) + × 3 (transaction retries): the 503 comes within
# × 6 (BOUND); the requests after it, within Retry-After, are refused at once (app/outage.py).
# While Neo4j is starting a request may wait longer (findings #4), never past HANG.
TIMEOUT = 2.0
BOUND = 6 * TIMEOUT + 2.0
HANG = 15 * TIMEOUT + 5.0


@pytest.fixture
def own_neo4j(tmp_path: Path) -> Iterator[LocalNeo4j]:
    """A managed Neo4j of this test's own (home under tmp_path, ports 27787/27574)."""
    settings = Neo4jSettings().model_copy(update={
        "uri": None, "password": SecretStr("rel-" + secrets.token_hex(12)),  # finding #3
        "home": tmp_path / "neo4j", "bolt_port": 27787,
        "http_port": 27574, "heap": "512m", "pagecache": "64m"})
    local = LocalNeo4j(settings)
    local.start()
    yield local
    local.stop()


@dataclass
class Poster:
    """Posts distinct articles one after another until stopped (at most `count`)."""

    url: str
    count: int = 400
    results: list[tuple[int, float, str | None, str | None, float]] = field(default_factory=list)
    began: float = field(default_factory=time.monotonic)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        bodies = articles(self.count, tag="outage")
        with httpx.Client(base_url=self.url, timeout=60) as client:
            for body in bodies:
                if self.stop.is_set():
                    return
                began = time.monotonic()
                r = client.post("/articles", json=body)
                took = time.monotonic() - began
                ok = r.json().get("id") if r.status_code == 202 else None
                self.results.append((r.status_code, took, r.headers.get("retry-after"), ok,
                                     began - self.began))
                time.sleep(0.05)

    def seen(self, status: int) -> int:
        return sum(1 for r in self.results if r[0] == status)


def test_neo4j_outage_under_traffic(own_neo4j: LocalNeo4j, tmp_path: Path) -> None:
    procs = Procs(own_neo4j.settings, tmp_path)
    env = {"NEO4J_CONNECTION_TIMEOUT": str(TIMEOUT)}
    try:
        api = procs.api(env)
        worker = procs.worker(DIPLOGRAPH_WORKER_CLAIM_BATCH="4", **env)
        poster = Poster(api.url)
        thread = threading.Thread(target=poster.run, daemon=True)
        thread.start()
        wait_for(lambda: poster.seen(202) >= 15, 60, "no articles accepted")
        own_neo4j.stop()
        down = time.monotonic() - poster.began  # Neo4j gone (its graceful stop took a while)
        wait_for(lambda: poster.seen(503) >= 3, BOUND * 4, "no 503 while Neo4j was down")
        assert worker.popen.poll() is None and api.popen.poll() is None
        own_neo4j.start()
        accepted = poster.seen(202)
        wait_for(lambda: poster.seen(202) >= accepted + 10, 120, "no recovery after restart")
        poster.stop.set()
        thread.join(BOUND * 2)
        codes = {r[0] for r in poster.results}
        assert codes <= {202, 503}, poster.results
        assert all(r[2] for r in poster.results if r[0] == 503)  # Retry-After on every 503
        # Each 503 within BOUND of the later of its request and Neo4j being gone: a request
        # sent while the server was still shutting down also waits out the shutdown.
        late = [r for r in poster.results
                if r[0] == 503 and r[4] + r[1] > max(r[4], down) + BOUND]
        assert not late, f"503s later than {BOUND}s (down at {down:.1f}s): {late}"
        at_once = [r for r in poster.results if r[0] == 503 and r[1] < 1.0]
        assert at_once, f"no 503 was answered at once during the outage: {poster.results}"
        slowest = max(r[1] for r in poster.results)
        assert slowest < HANG, f"a POST took {slowest:.1f}s: {poster.results}"
        ids = {r[3] for r in poster.results if r[3]}
        driver = open_driver(own_neo4j.settings)
        try:
            wait_for(lambda: all_done(driver, ids), 180, "acknowledged articles not done")
            got = statuses(driver)
            assert {got[i]["status"] for i in ids} == {"done"}
            assert_met_with_consistent(driver)
        finally:
            driver.close()
        assert worker.popen.poll() is None, "the worker died during the outage"
        assert "unavailable" in worker.output()  # it noticed, and backed off
        assert httpx.get(api.url + "/ready", timeout=30).status_code == 200
    finally:
        procs.stop_all()


def test_api_restart_with_work_queued(empty_graph: neo4j.Driver, procs: Procs) -> None:
    held = {"DIPLOGRAPH_WORKER_LEASE_SECONDS": "4", "DIPLOGRAPH_WORKER_CLAIM_BATCH": "5",
            "DIPLOGRAPH_WORKER_DRILL_PAUSE_SECONDS": "600"}
    first = procs.api(held, worker=True)
    bodies = articles(20, tag="restart")
    posted = httpx.post(first.url + "/articles", json=bodies, timeout=60)
    assert posted.status_code == 202
    ids = {a["id"] for a in posted.json()}
    wait_for(lambda: sum(s["status"] == "processing" for s in statuses(empty_graph).values()) == 5,
             60, "the in-process worker did not claim a batch")
    first.kill9()  # the API dies holding a claimed batch and 15 queued articles
    port = first.url.rsplit(":", 1)[1]
    second = procs.api(port=int(port), worker=True, DIPLOGRAPH_WORKER_CLAIM_BATCH="4")
    more = httpx.post(second.url + "/articles", json=articles(4, "restart", start=20), timeout=60)
    assert more.status_code == 202
    ids |= {a["id"] for a in more.json()}
    wait_for(lambda: all_done(empty_graph, ids), 180, "the queue did not drain after the restart")
    got = statuses(empty_graph)
    assert set(got) == ids and {s["status"] for s in got.values()} == {"done"}
    assert all(s["runs"] == 1 for s in got.values()), got  # each written exactly once
    assert sorted(s["attempts"] for s in got.values()).count(2) == 5  # the held batch, redone
    assert_facts_counted_once(empty_graph)
    assert_met_with_consistent(empty_graph)


def assert_facts_counted_once(driver: neo4j.Driver) -> None:
    """The facts in the graph are exactly those each article's last run counted: none twice."""
    row = driver.execute_query("""
        MATCH (a:Article)
        WITH sum(a.n_meetings) AS meetings, sum(a.n_entities + a.n_issues) AS mentions
        OPTIONAL MATCH (:Meeting)-[r:REPORTED_IN]->(:Article)
        WITH meetings, mentions, count(r) AS reports
        OPTIONAL MATCH (:Article)-[m:MENTIONS]->()
        RETURN meetings, reports, mentions, count(m) AS mentioned""").records[0]
    assert (row["reports"], row["mentioned"]) == (row["meetings"], row["mentions"]), row.data()
    assert row["reports"] > 0


def test_article_that_crashes_the_extractor_fails_and_the_queue_moves(
        empty_graph: neo4j.Driver, procs: Procs) -> None:
    api = procs.api(factory="tests.reliability.crashing:create_app",
                    DIPLOGRAPH_WORKER_MAX_ATTEMPTS="3", DIPLOGRAPH_WORKER_CLAIM_BATCH="4")
    bodies = articles(10, tag="crash")
    bad = {"text": f"Chile and Peru held talks in Lima. {CRASH_MARKER}", "title": "bad"}
    posted = httpx.post(api.url + "/articles", json=[bodies[0], bad, *bodies[1:]], timeout=60)
    assert posted.status_code == 202
    ids = {a["id"] for a in posted.json()}
    bad_id = posted.json()[1]["id"]
    wait_for(lambda: all_done(empty_graph, ids), 120, "the queue stalled behind the bad article")
    got = statuses(empty_graph)
    assert got[bad_id]["status"] == "failed" and got[bad_id]["attempts"] == 3
    assert "ExtractorCrash" in got[bad_id]["error"] and CRASH_MARKER in got[bad_id]["error"]
    assert {s["status"] for i, s in got.items() if i != bad_id} == {"done"}
    shown = httpx.get(f"{api.url}/articles/{bad_id}", timeout=30).json()
    assert shown["status"] == "failed" and "ExtractorCrash" in shown["error"]
    assert api.popen.poll() is None  # the worker thread's failure did not take the API down
    assert httpx.get(api.url + "/ready", timeout=30).status_code == 200


def test_managed_server_starts_with_any_generated_password(tmp_path: Path) -> None:
    settings = Neo4jSettings().model_copy(update={
        "uri": None, "password": SecretStr("-" + secrets.token_urlsafe(17)),
        "home": tmp_path / "neo4j", "bolt_port": 27787, "http_port": 27574, "heap": "256m",
        "pagecache": "32m"})
    local = LocalNeo4j(settings)
    try:
        local.start()
    finally:
        local.stop()


def test_batch_slower_than_its_lease_still_finishes(empty_graph: neo4j.Driver,
                                                    procs: Procs) -> None:
    long_text = " ".join(a["text"] for a in articles(240, tag="long"))  # ~60k characters
    bodies = [{"text": long_text, "url": f"https://long.example/{i}"} for i in range(4)]
    api = procs.api()
    posted = httpx.post(api.url + "/articles", json=bodies, timeout=60)
    ids = {a["id"] for a in posted.json()}
    lease = {"DIPLOGRAPH_WORKER_LEASE_SECONDS": "1", "DIPLOGRAPH_WORKER_CLAIM_BATCH": "4"}
    procs.worker(**lease)
    procs.worker(**lease)
    wait_for(lambda: all_done(empty_graph, ids), 120, "the long articles were not finished")
    got = statuses(empty_graph)
    assert {got[i]["status"] for i in ids} == {"done"}, got
