"""The time budget per article, liveness in /ready, and a prompt stop — against the real Neo4j,
with the real extractor in a supervised child process. A test-only factory
(tests/reliability/endless.py) makes one marked article spin forever in pure Python."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import neo4j
import pytest
from fastapi.testclient import TestClient

from graph.articles import ArticleStore, NewArticle
from graph.names import country_codes
from ingest.liveness import Liveness
from ingest.process import real_factory, supervised
from ingest.settings import WorkerSettings
from ingest.supervisor import Supervisor
from ingest.worker import Worker
from tests.reliability.conftest import all_done, statuses, wait_for
from tests.reliability.endless import ENDLESS_MARKER, endless_factory

pytestmark = pytest.mark.neo4j

BUDGET = 8.0  # seconds per article in these tests
ORDINARY = [
    "The foreign ministers of Chile and Peru held talks in Lima on Monday.",
    "Russia-Ukraine talks in Istanbul",
    "Summit between Japan and South Korea.",
]


def articles(*texts: str) -> list[NewArticle]:
    return [NewArticle(text=t, source="budget-test") for t in texts]


class Running:
    """A worker loop on its own thread, with its supervised extractor; stopped at teardown."""

    def __init__(self, driver: neo4j.Driver, factory_endless: bool = True,
                 stall_seconds: float = 1.0) -> None:
        self.stop = threading.Event()
        self.liveness = Liveness("", stall_seconds)
        factory = endless_factory() if factory_endless else real_factory("en_core_web_sm", 8)
        self.extract: Supervisor = supervised(factory, BUDGET, self.stop, self.liveness)
        settings = WorkerSettings(lease_seconds=60, poll_seconds=0.1, pulse_seconds=0.2,
                                  stall_seconds=stall_seconds, claim_batch=8)
        self.worker = Worker(driver, self.extract, settings, name="budget-worker",
                             codes=country_codes(), liveness=self.liveness)
        self.thread = threading.Thread(target=self.worker.run, args=(self.stop,), daemon=True)
        self.thread.start()

    def close(self, timeout: float = 10.0) -> bool:
        """Stop; True if the loop ended within `timeout` seconds."""
        self.stop.set()
        self.thread.join(timeout)
        self.extract.close()
        return not self.thread.is_alive()


@pytest.fixture
def running(empty_graph: neo4j.Driver) -> Iterator[Running]:
    run = Running(empty_graph)
    yield run
    run.close()


def test_an_endless_article_fails_alone_by_timeout(empty_graph: neo4j.Driver, running: Running,
                                                    client: TestClient) -> None:
    store = ArticleStore(empty_graph)
    batch = articles(ORDINARY[0], f"{ENDLESS_MARKER} Talks in Geneva.", *ORDINARY[1:])
    ids = [s.id for s in store.store(batch)]
    endless = ids[1]

    # While it spins, /ready names the stalled worker and the article it is stuck on.
    def reports_stall() -> bool:
        answer = client.get("/ready")
        return answer.status_code == 503 and endless in answer.json().get("reason", "")
    wait_for(reports_stall, BUDGET, "/ready never reported the stalled worker", interval=0.2)
    body = client.get("/ready").json()
    assert "budget-worker" in body["reason"] and endless in body["reason"]
    assert [w["state"] for w in body["workers"]] == ["stalled"]

    wait_for(lambda: all_done(empty_graph, set(ids)), 90, "the batch did not finish")
    got = statuses(empty_graph)
    assert got[endless]["status"] == "failed"
    assert got[endless]["error"] == f"ExtractionTimeout: extraction exceeded {BUDGET:g} s"
    for other in ids[:1] + ids[2:]:
        assert got[other]["status"] == "done", got[other]
        assert got[other]["attempts"] == 1  # extracted in the same claim, not retried
    pairs = empty_graph.execute_query(
        "MATCH (a:Article)<-[:REPORTED_IN]-(m:Meeting) WHERE a.id IN $ids "
        "RETURN a.id AS id, m.sides AS sides", ids=ids).records
    sides = {(r["id"], r["sides"]) for r in pairs}
    assert (ids[0], "CHL|PER") in sides and (ids[2], "RUS|UKR") in sides

    # Moving again: ready, and the worker idle.
    # (the worker reports idle at its next heartbeat after the batch: wait for both, bounded)
    def moving() -> bool:
        ready = client.get("/ready")
        return ready.status_code == 200 and [
            w["state"] for w in ready.json()["workers"]] == ["idle"]
    wait_for(moving, 10, "not ready with the worker idle after the stall")


def test_stop_mid_extraction_is_prompt_and_releases_the_claim(empty_graph: neo4j.Driver,
                                                              client: TestClient) -> None:
    run = Running(empty_graph, stall_seconds=60)
    store = ArticleStore(empty_graph)
    (stored,) = store.store(articles(f"{ENDLESS_MARKER} Leaders met in Oslo."))
    wait_for(lambda: run.liveness.article == stored.id, 60, "the worker never reached it",
             interval=0.1)
    assert client.get("/ready").status_code == 200  # busy within its limit is not stalled

    assert run.close(timeout=10.0), "the worker did not stop within 10 s mid-extraction"
    got = statuses(empty_graph)[stored.id]
    assert got["status"] == "queued" and got["attempts"] == 0  # released: nothing lost
    assert client.get("/ready").json()["workers"] == []  # it left the registry


def test_the_eight_headlines_end_done_with_ordinary_articles(empty_graph: neo4j.Driver) -> None:
    headlines = ["Talks.", "Summit between Japan and South Korea.",
                 "Russia-Ukraine talks in Istanbul", "Talks in Geneva on Iran's nuclear programme.",
                 "Modi-Xi meeting on the sidelines of the BRICS summit",
                 "US-China trade talks: what to expect", "Phone call between Erdogan and Putin.",
                 "Talks held between Peru and Ecuador."]
    ordinary = [f"The leaders of Norway and Kenya met in Nairobi on day {i} of the visit."
                for i in range(len(headlines))]
    mixed = [t for pair in zip(headlines, ordinary, strict=True) for t in pair]
    ids = [s.id for s in ArticleStore(empty_graph).store(articles(*mixed))]
    run = Running(empty_graph, factory_endless=False, stall_seconds=60)
    try:
        wait_for(lambda: all_done(empty_graph, set(ids)), 60, "not every article ended within 60 s")
    finally:
        run.close()
    got = statuses(empty_graph)
    assert {got[i]["status"] for i in ids} == {"done"}
    met = empty_graph.execute_query(
        "MATCH (a:Article)<-[:REPORTED_IN]-(m:Meeting) WHERE a.id IN $ids "
        "RETURN a.id AS id, m.sides AS sides", ids=ids[1::2]).records
    assert {r["id"] for r in met if r["sides"] == "KEN|NOR"} == set(ids[1::2])
