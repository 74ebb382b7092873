"""The queue on the real Neo4j: claims, leases, failures that end `failed` without blocking."""

from __future__ import annotations

import threading
import time

import neo4j

from graph.articles import ArticleStore, NewArticle
from graph.records import ArticleText, Extraction
from ingest.settings import WorkerSettings
from ingest.worker import Extractor, Worker
from tests.service.conftest import run_until_empty
from tests.service.factories import article


def poisoned(real: Extractor) -> Extractor:
    def extract(articles: list[ArticleText]) -> list[Extraction]:
        if any("POISON" in a.text for a in articles):
            raise ValueError("cannot read this one")
        return real(articles)
    return extract


def test_a_failing_article_ends_failed_and_blocks_nothing(empty_graph: neo4j.Driver,
                                                          extractor: Extractor) -> None:
    store = ArticleStore(empty_graph)
    good = [article(i) for i in range(3)]
    store.store(good)
    bad = NewArticle(text="POISON pill", url="https://example.org/poison")
    store.store([bad])
    worker = Worker(empty_graph, poisoned(extractor), WorkerSettings(max_attempts=2, claim_batch=4),
                    name="w1")
    run_until_empty(worker)
    assert {store.get(a.id)["status"] for a in good} == {"done"}  # type: ignore[index]
    failed = store.get(bad.id)
    assert failed is not None and failed["status"] == "failed" and failed["attempts"] == 2
    assert "ValueError: cannot read this one" in failed["error"]


def test_claims_do_not_overlap_and_expired_leases_return(empty_graph: neo4j.Driver) -> None:
    store = ArticleStore(empty_graph)
    store.store([article(i) for i in range(20)])
    claimed: list[list[str]] = []

    def claim(name: str) -> None:
        claimed.append([c.id for c in store.claim(name, 0.5, 7)])

    threads = [threading.Thread(target=claim, args=(f"w{i}",)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ids = [i for batch in claimed for i in batch]
    assert ids and len(ids) == len(set(ids))  # no article claimed twice
    time.sleep(1.0)
    again = store.claim("w9", 60, 100)
    assert {c.id for c in again} == store_ids(empty_graph)
    assert {c.attempt for c in again if c.id in ids} == {2}


def test_reap_fails_articles_whose_lease_expired_too_often(empty_graph: neo4j.Driver) -> None:
    store = ArticleStore(empty_graph)
    store.store([article(1)])
    store.claim("dead-worker", 0.1, 1)
    time.sleep(0.5)
    assert len(store.reap(max_attempts=1)) == 1
    row = store.get(article(1).id)
    assert row is not None and row["status"] == "failed" and "lease expired" in row["error"]


def store_ids(empty_graph: neo4j.Driver) -> set[str]:
    found = empty_graph.execute_query("MATCH (a:Article) RETURN a.id AS id").records
    return {r["id"] for r in found}
