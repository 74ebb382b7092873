"""`Worker.run` writes batch N while it extracts batch N+1, and a failed write loses nothing."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import neo4j
import pytest

import ingest.worker as worker_module
from graph.names import country_codes
from graph.records import ArticleText, Extraction
from graph.writer import Pending
from graph.writer import write_extractions as real_write
from ingest.settings import WorkerSettings
from ingest.worker import Extractor, Worker
from tests.service.graphcheck import assert_met_with_consistent
from tests.service.test_workers import all_done, states, store, wait_for


@pytest.fixture
def running() -> Iterator[Callable[[Worker], None]]:
    """Start `worker.run` in a thread; it is stopped (and joined) at the end of the test."""
    stop = threading.Event()
    threads: list[threading.Thread] = []

    def start(worker: Worker) -> None:
        thread = threading.Thread(target=worker.run, args=(stop,), daemon=True)
        thread.start()
        threads.append(thread)

    yield start
    stop.set()
    for thread in threads:
        thread.join(60)
        assert not thread.is_alive(), "worker did not stop"


def test_next_batch_is_extracted_while_the_last_is_written(
        empty_graph: neo4j.Driver, extractor: Extractor, running: Callable[[Worker], None],
        monkeypatch: pytest.MonkeyPatch) -> None:
    store(empty_graph, 8)
    extractions = 0
    second_started = threading.Event()

    def counting(articles: list[ArticleText]) -> list[Extraction]:
        nonlocal extractions
        extractions += 1
        if extractions == 2:
            second_started.set()
        return extractor(articles)

    overlapped: list[bool] = []

    def gated(*args: Any, **kwargs: Any) -> list[str]:
        # The first batch's writes wait for the second batch's extraction to begin: a serial
        # loop would never begin it, and the wait would time out.
        overlapped.append(second_started.wait(timeout=30))
        return real_write(*args, **kwargs)

    monkeypatch.setattr(worker_module, "write_extractions", gated)
    running(Worker(empty_graph, counting, WorkerSettings(poll_seconds=0.1, claim_batch=4),
                   name="pipelined", codes=country_codes()))
    wait_for(lambda: all_done(empty_graph))
    assert overlapped and all(overlapped)
    assert {(r["runs"], r["attempts"]) for r in states(empty_graph)} == {(1, 1)}
    assert_met_with_consistent(empty_graph)


def test_write_outage_in_the_writer_thread_loses_nothing(
        empty_graph: neo4j.Driver, extractor: Extractor, running: Callable[[Worker], None],
        monkeypatch: pytest.MonkeyPatch) -> None:
    ids = store(empty_graph, 6)
    failures = 0

    def flaky(*args: Any, **kwargs: Any) -> list[str]:
        nonlocal failures
        if failures == 0:
            failures += 1
            raise neo4j.exceptions.ServiceUnavailable("drill: Neo4j went away")
        return real_write(*args, **kwargs)

    monkeypatch.setattr(worker_module, "write_extractions", flaky)
    running(Worker(empty_graph, extractor, WorkerSettings(poll_seconds=0.1, lease_seconds=2,
                                                    claim_batch=3),
                   name="flaky", codes=country_codes()))
    wait_for(lambda: all_done(empty_graph), timeout=90)
    rows = states(empty_graph)
    assert failures == 1
    assert sorted(str(r["id"]) for r in rows) == sorted(ids)
    # The batch whose write failed was claimed again after its lease ran out; written once.
    assert {r["runs"] for r in rows} == {1}
    assert max(int(str(r["attempts"])) for r in rows) == 2
    assert_met_with_consistent(empty_graph)


def test_stop_waits_for_the_batch_being_written(
        empty_graph: neo4j.Driver, extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    store(empty_graph, 4)
    writing = threading.Event()

    def slow(*args: Any, **kwargs: Any) -> list[str]:
        writing.set()
        time.sleep(0.5)
        return real_write(*args, **kwargs)

    monkeypatch.setattr(worker_module, "write_extractions", slow)
    stop = threading.Event()
    worker = Worker(empty_graph, extractor, WorkerSettings(poll_seconds=0.1, claim_batch=4),
                    name="stopping", codes=country_codes())
    thread = threading.Thread(target=worker.run, args=(stop,), daemon=True)
    thread.start()
    assert writing.wait(60)
    stop.set()
    thread.join(60)
    assert all_done(empty_graph), states(empty_graph)


def test_a_batch_write_that_fails_is_retried_article_by_article(
        empty_graph: neo4j.Driver, extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = store(empty_graph, 4)
    poisoned = ids[2]

    def picky(driver: neo4j.Driver, batch: list[Pending], *args: Any, **kwargs: Any) -> list[str]:
        if any(p.article_id == poisoned for p in batch):
            raise ValueError("drill: this article cannot be written")
        return real_write(driver, batch, *args, **kwargs)

    monkeypatch.setattr(worker_module, "write_extractions", picky)
    worker = Worker(empty_graph, extractor, WorkerSettings(max_attempts=1, claim_batch=4),
                    name="picky", codes=country_codes())
    assert worker.run_once() == 4
    status = {str(r["id"]): r["status"] for r in states(empty_graph)}
    assert status == {i: "failed" if i == poisoned else "done" for i in ids}
    error = empty_graph.execute_query("MATCH (a:Article {id: $id}) RETURN a.error AS e",
                                id=poisoned).records[0]["e"]
    assert "cannot be written" in error
    assert_met_with_consistent(empty_graph)
